"""`/metrics` in the Prometheus text exposition format (version 0.0.4), written by hand: a few lines, no dependency.

Format: https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

PREFIX = "casualty_watch_"
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
ALERT_STATES = ("pending", "sent", "failed", "gone", "cancelled")

# Archive counters (bumped by the crawler and the alert sender) given a metric of their own.
NAMED_COUNTERS = (
    ("crawl/polls", "polls_total", "Source polls attempted."),
    ("crawl/failures", "poll_failures_total", "Source polls that failed."),
    ("crawl/pages", "pages_fetched_total", "Pages and documents fetched."),
)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the archive says at one moment; the plain values the exposition is written from."""

    counters: Mapping[str, float]
    totals: Mapping[str, int]
    alert_counts: Mapping[str, int]
    last_pass_duration: str | None
    sources: Iterable[tuple[str, str, int]]  # (name, status, consecutive failures)


def render(snap: Snapshot) -> str:
    """The whole exposition: named counters first, then every archive counter under one labelled family."""
    out: list[str] = []
    for key, name, help_text in NAMED_COUNTERS:
        _family(out, name, "counter", help_text, [({}, snap.counters.get(key, 0.0))])
    _family(out, "archive_counter_total", "counter", "Every archive counter, by its name.",
            [({"name": k}, v) for k, v in sorted(snap.counters.items())])
    _family(out, "items", "gauge", "Stories archived (first copies).", [({}, snap.totals.get("items", 0))])
    _family(out, "duplicate_items", "gauge", "Copies folded into a first copy.",
            [({}, snap.totals.get("duplicates", 0))])
    _family(out, "estimates", "gauge", "Distinct casualty estimates.", [({}, snap.totals.get("estimates", 0))])
    states = dict.fromkeys(ALERT_STATES, 0) | dict(snap.alert_counts)
    _family(out, "alert_deliveries", "gauge", "Alerts in the outbox, by state.",
            [({"state": s}, n) for s, n in sorted(states.items())])
    duration = _number(snap.last_pass_duration)
    if duration is not None:
        _family(out, "pass_duration_seconds", "gauge", "How long the last crawl pass took.", [({}, duration)])
    sources = list(snap.sources)
    _family(out, "source_consecutive_failures", "gauge", "Failed polls in a row, per source.",
            [({"source": n}, f) for n, _, f in sources])
    _family(out, "source_up", "gauge", "1 when the source's last poll succeeded (or it was never polled).",
            [({"source": n}, 0 if status == "failed" else 1) for n, status, _ in sources])
    return "\n".join(out) + "\n"


def _family(out: list[str], name: str, kind: str, help_text: str,
            samples: list[tuple[dict[str, str], float]]) -> None:
    full = PREFIX + name
    out.append(f"# HELP {full} {help_text}")
    out.append(f"# TYPE {full} {kind}")
    for labels, value in samples:
        out.append(f"{full}{_labels(labels)} {_value(value)}")


def _labels(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    return "{" + ",".join(f'{k}="{_escape(v)}"' for k, v in labels.items()) + "}"


def _escape(value: str) -> str:
    # The format escapes exactly these three in label values.
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _value(value: float) -> str:
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None

