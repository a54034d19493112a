"""Durations as users write them in config ("30s", "15m", "6h", "1d")."""
from __future__ import annotations

import re

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"^\s*(?:\d+(?:\.\d+)?\s*[smhd]\s*)+$")
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])")


def parse_duration(text: str) -> float:
    """Seconds in `text` ("30s", "6h", or parts largest first as `format_duration` writes them: "1h30m");
    ValueError names the accepted forms so the config error is actionable."""
    match = _DURATION.match(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"bad duration {text!r} (use e.g. 30s, 15m, 6h, 1d)")
    return sum(float(n) * _UNITS[unit] for n, unit in _PART.findall(text))


def format_duration(seconds: float) -> str:
    """Seconds the way `parse_duration` reads them, largest units first: 21600 → "6h", 5400 → "1h30m",
    90 → "90s" (under two minutes, seconds read better than "1m30s"), 60 → "1m", 0.5 → "0.5s"."""
    if seconds < 120 and (seconds % 60 or seconds <= 0):
        return f"{seconds:g}s"
    whole = int(round(seconds))
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        count, whole = divmod(whole, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts)
