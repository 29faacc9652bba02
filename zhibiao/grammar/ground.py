"""The last step: working-text ranges become spans of the original text.

Every step before this one works in offsets of the working text (``WorkRange``);
this is the only place that maps them, through the repair's OffsetMap, and the
only place that reads the original text.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..records import Span


@dataclass(frozen=True, slots=True)
class WorkRange:
    """A half-open ``[start, end)`` range of the working text, never of the original."""

    start: int
    end: int


def span(p, r: WorkRange) -> Span:
    """The original-text span that working range ``r`` of prepared document ``p`` covers."""
    start, end = p.work.span(r.start, r.end)
    return Span(start, end, p.original[start:end])
