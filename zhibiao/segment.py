"""Paragraphs, sentences and clauses of the working text, as offset ranges.

Status cues scope over a sentence, metric attribution over a clause, and a
year's targets over a paragraph, so extraction walks text in these units.
Clause bounds come from break positions found once per range (``Breaks``), so
finding the clause of every value costs a bisection, not a walk.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*")
CLAUSE_BREAKS = "，,：:。！？!?；;"
_BREAK = re.compile(f"[{re.escape(CLAUSE_BREAKS)}]")
MAX_SENTENCE = 2000  # a longer sentence (text without full stops) is read in windows of about this size


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Non-empty lines: the working text keeps a line break only where a paragraph, item or box ends."""
    for m in _PARAGRAPH.finditer(text, start, len(text) if end is None else end):
        yield m.span()


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for m in _SENTENCE.finditer(text, start, end):
        yield m.span()


@dataclass(frozen=True)
class Breaks:
    """The clause breaks of ``text[start:end]``, found once."""

    positions: list[int]

    @classmethod
    def of(cls, text: str) -> Breaks:
        return cls([m.start() for m in _BREAK.finditer(text)])

    def clause_start(self, at: int, limit: int) -> int:
        """Where the clause holding ``at`` begins (after the last break before it), not before ``limit``."""
        k = bisect_left(self.positions, at)
        return max(limit, self.positions[k - 1] + 1) if k else limit

    def clause_end(self, at: int, limit: int) -> int:
        """Where the clause holding ``at`` stops (at the first break from it), not after ``limit``."""
        k = bisect_left(self.positions, at)
        return min(limit, self.positions[k]) if k < len(self.positions) else limit

    def cut(self, start: int, end: int, busy: list[tuple[int, int]], size: int = MAX_SENTENCE) -> Iterator[tuple[int, int]]:
        """``[start, end)`` in windows of at most about ``size``, cut after a clause break where one is
        near, never inside a ``busy`` range (a quantity)."""
        while end - start > size:
            k = bisect_left(self.positions, start + size) - 1
            cut = self.positions[k] + 1 if k >= 0 and self.positions[k] >= start + size // 2 else start + size
            i = bisect_left(busy, (cut,)) - 1
            if i >= 0 and busy[i][1] > cut:
                cut = busy[i][1]
            if cut >= end:
                break
            yield start, cut
            start = cut
        yield start, end
