"""The last step: working-text ranges become spans of the original text.

Every step before this one works in offsets of the working text (``WorkRange``);
this is the only place that maps them, through the repair's OffsetMap, and the
only place that reads the original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..offsets import Reordered
from ..records import Span, _built_fast


@_built_fast
@dataclass(frozen=True, slots=True)
class WorkRange:
    """A half-open ``[start, end)`` range of the working text, never of the original."""

    start: int
    end: int


_DIGIT = re.compile(r"[0-9]")


def span(p, r: WorkRange) -> Span:
    """The original-text span that working range ``r`` of prepared document ``p`` covers: where a value's
    pieces lie apart in the original (two lines of a column), the piece that holds its first digit
    (迈|上4个 is grounded on 上4个, not on the modifier's first character)."""
    if p.work.offsets.identity:
        return Span(r.start, r.end, p.original[r.start:r.end])
    start, end = p.work.offsets.leading(r.start, r.end)
    digit = _DIGIT.search(p.text, r.start, r.end)
    if digit and isinstance(p.work.offsets, Reordered) and end - start <= digit.start() - r.start:
        start, end = p.work.offsets.leading(digit.start(), r.end)
    return Span(start, end, p.original[start:end])


def grounded(p, value: WorkRange, clause: WorkRange) -> tuple[Span, Span]:
    """A value's span and its evidence (once per record: where nothing was repaired, read directly)."""
    if p.work.offsets.identity:
        text = p.original
        found = Span(value.start, value.end, text[value.start:value.end])
        return found, _evidence(text, found, clause.start, clause.end)
    found = span(p, value)
    return found, evidence(p, found, clause)


def covering(p, r: WorkRange) -> Span:
    """The original text that working range ``r`` covers, all of it (a value's ``span`` keeps to the piece
    where it starts)."""
    start, end = (r.start, r.end) if p.work.offsets.identity else p.work.span(r.start, r.end)
    return Span(start, end, p.original[start:end])


EVIDENCE_MAX = 200  # characters of evidence at most: the clause around the value, cut around it when longer


def evidence(p, value: Span, clause: WorkRange) -> Span:
    """The clause around a value (``value``: its span, already grounded), at most ``EVIDENCE_MAX`` characters
    of the original, holding the value's text once (a list's other equal values are cut off)."""
    cs, ce = (clause.start, clause.end) if p.work.offsets.identity else p.work.span(clause.start, clause.end)
    return _evidence(p.original, value, cs, ce)


def _evidence(text: str, value: Span, cs: int, ce: int) -> Span:
    """``evidence`` of the clause ``text[cs:ce]`` of the original."""
    vs, ve = value.start, value.end
    cs, ce = min(cs, vs), max(ce, ve)
    if ce - cs > EVIDENCE_MAX:  # most of the room before the value, where its metric is
        room = max(0, EVIDENCE_MAX - (ve - vs))
        right = min(ce - ve, room // 4)
        cs = max(cs, vs - (room - right))
        ce = min(ce, ve + room - (vs - cs))
    value_text = value.text
    if value_text:
        if (k := text.rfind(value_text, cs, vs)) >= 0:
            cs = k + len(value_text)
        if (k := text.find(value_text, ve, ce)) >= 0:
            ce = k
    return Span(cs, ce, text[cs:ce])
