"""Durations as users write them in config ("30s", "15m", "6h", "1d")."""
from __future__ import annotations

import re

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$")


def parse_duration(text: str) -> float:
    """Seconds in `text`; ValueError names the accepted forms so the config error is actionable."""
    match = _DURATION.match(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"bad duration {text!r} (use e.g. 30s, 15m, 6h, 1d)")
    return float(match.group(1)) * _UNITS[match.group(2)]
