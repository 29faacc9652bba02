"""Values as people write them (126万亿元, 5.2%, 6%–6.5%), for tables shown to people.

Records keep base units (1.26e14 元); a table puts this form beside the base value,
so a reader sees the number the report printed and the one the data holds.
"""
from __future__ import annotations

from .lexicon import language
from .records import missing

# The magnitude words a reader expects in a table: the ones a report prints on their own.
SHOWN_MAGNITUDES = ("万亿", "亿", "万")
DIGITS = 6  # significant digits of a value as written in a table
SHORT_DIGITS = 4  # in a chart's labels and a narrow column, where width matters more


def number(value: float | None) -> str:
    """A base value in plain digits, never in exponent form: 126000000000000, 5.2, -0.3."""
    if missing(value):
        return ""
    if float(value).is_integer() and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.10f}".rstrip("0").rstrip(".")


def _scaled(value: float, magnitude: str | None, digits: int) -> str:
    size = language().magnitudes[magnitude] if magnitude else 1.0
    return f"{value / size:.{digits}g}" if abs(value / size) < 1e6 else number(value / size)


def _magnitude(value: float) -> str | None:
    sizes = language().magnitudes
    return next((word for word in SHOWN_MAGNITUDES if abs(value) >= sizes[word]), None)


def human(value: float | None, unit: str | None = None, value_max: float | None = None, *,
          digits: int = DIGITS) -> str:
    """The value as a report would print it: one magnitude word for both ends of a range."""
    if missing(value):
        return ""
    unit = unit or ""
    high = None if missing(value_max) else value_max
    magnitude = None if unit in language().words("rate_units") else _magnitude(max(abs(value), abs(high or 0.0)))
    words = magnitude or ""
    if high is None:
        return f"{_scaled(value, magnitude, digits)}{words}{unit}"
    return f"{_scaled(value, magnitude, digits)}–{_scaled(high, magnitude, digits)}{words}{unit}"


def short(value: float | None) -> str:
    """A bare value in few digits with its magnitude word (1.235亿, 5.2): chart ticks stay short."""
    return human(value, digits=SHORT_DIGITS)


__all__ = ["human", "number", "short"]
