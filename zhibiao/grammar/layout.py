"""Layout recovery for OCR'd infographics: boxes read into each other, headings run into content,
values torn from their metric.

``interleaved`` runs once, while the document is prepared; ``Dangling`` remembers,
during the walk, metrics the page printed without a value, so a later value with
no metric of its own can take one.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import dataclass, field

from .. import repair as repairing, segment
from ..records import Diagnostic, Quantity, Span
from . import metric as metrics

_CJK = re.compile(r"[\u3400-\u9fff]")
_CLAUSE = re.compile(rf"[^{re.escape(segment.CLAUSE_BREAKS)}]+")
_WHITESPACE = re.compile(r"\s")
REACH = 600  # working-text characters a dangling metric waits for its value
_HEADING_MAX = 12  # a box heading is a short phrase


@dataclass(frozen=True)
class Layout:
    """Pieces of one box's line read into another's, and the words each torn paragraph continues."""

    intruders: tuple[tuple[int, int], ...] = ()  # working ranges that belong to another box
    splices: dict[int, str] = field(default_factory=dict)  # paragraph start -> the words it continues
    columns: tuple[tuple[int, int], ...] = ()  # working ranges of paragraphs that interleave two columns

    def in_columns(self, at: int) -> bool:
        return any(start <= at < end for start, end in self.columns)


def interleaved(work: repairing.Repaired, breaks: segment.Breaks) -> Layout:
    """Find a piece of one box's line that OCR read into the line of the box beside it.

    A box that opens mid-word (别增长13.5%) continues the box before it (电子、材) through a
    piece found nearby between two gaps (料产业增加值预计分) when the piece joins a word at
    both ends (材料, 分别) and the line it sat in reads on without it (工|业 -> 工业).
    """
    wt = work.text
    gaps = sorted(set(work.offsets.breaks).union(m.start() for m in _WHITESPACE.finditer(wt)))
    intruders, splices = [], {}
    for p_start, _ in segment.paragraphs(wt):
        prev_end = p_start
        while prev_end > 0 and wt[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end == 0 or not _CJK.match(wt[p_start]) or not _CJK.match(wt[prev_end - 1]):
            continue
        head, tail = wt[p_start], wt[prev_end - 1]
        if repairing.is_word(tail + head):
            continue
        lo = bisect_left(gaps, max(0, prev_end - REACH))
        hi = bisect_right(gaps, prev_end)
        for a, b in zip(gaps[lo:hi], gaps[lo + 1:hi]):
            piece = wt[a:b].strip()
            if len(piece) < 3 or not _CJK.match(wt[a - 1:a] or " ") or b >= len(wt):
                continue
            if (repairing.is_word(tail + piece[0]) and repairing.is_word(piece[-1] + head)
                    and repairing.is_word(wt[a - 1] + wt[b])):
                intruders.append((a, b))
                clause = breaks.clause_start(prev_end, 0)
                splices[p_start] = wt[clause:prev_end] + piece
                break
    return Layout(tuple(intruders), splices)


MIN_COLUMN_HEADINGS = 2  # one heading mid-line may be a quirk of the page; two are a layout


def two_columns(wt: str, lang) -> tuple[tuple[int, int], ...]:
    """Paragraphs of a text layer that reads two columns' lines in turn (a gazette page).

    A section heading (（二）…) opens a line of its own column, so where the lines of two
    columns alternate it lands mid-sentence, right after the other column's words
    (…三次参加全国人代会江苏（二）坚持创新驱动…). Such a paragraph's metrics may hold words
    of the other column and its values may be torn from theirs; not yet put back in order.
    """
    hits = [m.start() for m in lang.compiled(_column_heading).finditer(wt)]
    if len(hits) < MIN_COLUMN_HEADINGS:
        return ()
    out: list[tuple[int, int]] = []
    for start, end in segment.paragraphs(wt):
        if any(start <= h < end for h in hits):
            out.append((start, end))
    return tuple(out)


def _column_heading(lang) -> re.Pattern:
    return re.compile(lang.raw["column_heading"])


def columns_diagnostic(original: str, work: repairing.Repaired, lay: Layout) -> list[Diagnostic]:
    """Tell the user which text reads two columns in turn: its records are flagged ``two_column``."""
    if not lay.columns:
        return []
    start, end = work.span(lay.columns[0][0], lay.columns[-1][1])
    return [Diagnostic("two_column", "the text layer reads two columns' lines in turn: metrics there may "
                       "hold words of the other column (records flagged two_column)",
                       Span(start, end, original[start:end]))]


def without_intruders(wt: str, lay: Layout, start: int, end: int) -> str:
    """The working text of ``[start, end)`` without pieces that belong to another box."""
    text = wt[start:end]
    for a, b in reversed(lay.intruders):
        if start <= a and b <= end:
            text = text[:a - start] + text[b - start:]
    return text


def after_box_heading(work: repairing.Repaired, lang, left_text: str, value_start: int) -> str:
    """In OCR'd infographics a box heading (着力稳就业, 加强环境污染治理) runs into its content.

    Where a gap the repair closed follows a short phrase led by a heading verb, the metric
    starts after the gap.
    """
    breaks, wt = work.offsets.breaks, work.text
    heading = lang.compiled(_heading)
    start = value_start - len(left_text)
    i = bisect_left(breaks, start + 1)
    gaps = [start + k + 1 for k, c in enumerate(left_text) if c.isspace()]
    while i < len(breaks) and breaks[i] <= value_start:
        gaps.append(breaks[i])
        i += 1
    cut, seen, words = None, start, 0
    for gap in sorted(gaps):
        words += sum(not c.isspace() for c in wt[seen:gap])
        seen = max(seen, gap)
        if words > _HEADING_MAX:
            break  # every later head is longer still
        head = wt[start:gap].strip()
        if len(head) <= _HEADING_MAX and heading.search(head):
            cut = gap
    return wt[cut:value_start] if cut is not None else left_text


def _heading(lang) -> re.Pattern:
    return re.compile(lang.pattern("heading_verbs"))


@dataclass
class Dangling:
    """Clauses that name a metric and its verb but hold no value (全市进出口总值增长), awaiting one."""

    waiting: deque = field(default_factory=lambda: deque(maxlen=8))  # (start, end, metric, verb), working offsets

    def note(self, wt: str, lang, p_start: int, p_end: int, found: list[Quantity]) -> None:
        starts = [q.span.start for q in found]  # sorted
        rate = lang.raw["dangling_rate"]
        verb_end = metrics.patterns(lang).verb_end
        for m in _CLAUSE.finditer(wt, p_start, p_end):
            c_start, c_end = m.span()
            k = bisect_left(starts, c_start)
            if k < len(starts) and starts[k] < c_end:
                continue  # the clause holds a value
            clause = m.group()
            if rate not in clause and not verb_end.search(clause, max(0, len(clause) - metrics.TAIL)):
                continue
            head, speed, _ = clause.partition(rate)
            left = metrics.read_left(clause, lang) if not speed else metrics.Left(
                metrics.clean_metric(head, lang), rate, False, "")
            if left.verb and left.metric and len(left.metric) >= 2 and not left.to_level:
                self.waiting.append((c_start, c_end, left.metric, left.verb))

    def recover(self, lang, group: list[Quantity]) -> tuple[str, str] | None:
        """Pair a value with no metric with the nearest earlier dangling metric whose verb fits it."""
        at = group[0].span.start
        rate_units = lang.words("rate_units")
        for k in range(len(self.waiting) - 1, -1, -1):
            pos, _, metric, verb = self.waiting[k]
            if pos >= at or at - pos > REACH:
                continue
            rate_verb = verb in lang.change_up or verb in lang.change_down
            if rate_verb and any(q.unit not in rate_units for q in group):
                continue
            del self.waiting[k]
            return metric, verb
        return None

    def lost(self, original: str, work: repairing.Repaired) -> list[Diagnostic]:
        """The metrics still waiting when the page ends: their values were lost."""
        endings = repairing.metric_endings()
        out = []
        for c_start, c_end, metric, verb in self.waiting:
            if not metric.endswith(endings):
                continue  # a heading that says how things went, not a metric that lost its value
            start, end = work.span(c_start, c_end)
            out.append(Diagnostic("incomplete", f"{metric}{verb} has no value on the page",
                                  Span(start, end, original[start:end])))
        return out
