"""The sentence a value stands in, indexed once so each value's prefix is read by bisection.

Status and period read the words of the sentence before each value (its prefix).
Searching every prefix again costs time that grows with the square of a long
sentence; instead each pattern's matches over the whole window are found once,
and a value asks for the first match inside its prefix, its last clause, and so on.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from . import layout


DIRECT = 300  # prefixes up to this long are searched directly; bounded, so still linear overall


@cache
def _char_class(chars: str) -> re.Pattern:
    return re.compile(f"[{re.escape(chars)}]")


@dataclass
class Window:
    """``text``: the window's words as the grammar reads them (a torn box's spliced words first,
    other boxes' pieces left out); ``at(w)`` maps a working offset into it."""

    text: str
    start: int  # working offset of the window
    splice: int  # length of the spliced words at the front
    holes: list[tuple[int, int]]  # intruders inside the window, working offsets
    _found: dict = field(default_factory=dict)
    _first: dict = field(default_factory=dict)  # the window's first match of each pattern, by id(pattern)
    _positions: dict = field(default_factory=dict)  # where each set of characters stands, by the set

    @classmethod
    def of(cls, wt: str, lay: layout.Layout, start: int, end: int) -> Window:
        splice = lay.splices.get(start, "")
        holes = [(a, b) for a, b in lay.intruders if start <= a and b <= end]
        return cls(splice + layout.without_intruders(wt, lay, start, end), start, len(splice), holes)

    def at(self, w: int) -> int:
        """The index in ``text`` of working offset ``w`` (the end of the value's prefix)."""
        offset = self.splice + w - self.start
        return offset - sum(b - a for a, b in self.holes if b <= w) if self.holes else offset

    def matches(self, pattern: re.Pattern, keep=None) -> tuple[list[int], list[re.Match]]:
        """Every match of ``pattern`` in the window (those ``keep`` accepts), found once."""
        key = (id(pattern), keep)  # hashing a compiled pattern hashes its whole program; the entry holds it
        if (hit := self._found.get(key)) is None:
            found = [m for m in pattern.finditer(self.text) if keep is None or keep(self.text, m)]
            hit = self._found[key] = (pattern, [m.start() for m in found], found)
        return hit[1], hit[2]

    def first(self, pattern: re.Pattern, lo: int, hi: int, keep=None) -> re.Match | None:
        """The first match that starts at or after ``lo`` and ends by ``hi``."""
        if hi - lo <= DIRECT:  # a short prefix is read directly: cheaper than indexing the window
            if keep is None:
                return pattern.search(self.text, lo, hi)
            return next((m for m in pattern.finditer(self.text, lo, hi) if keep is None or keep(self.text, m)), None)
        if lo == 0:  # most questions are about the whole prefix: only the window's first match is needed
            key = id(pattern) if keep is None else (id(pattern), keep)
            if (hit := self._first.get(key)) is None:
                hit = self._first[key] = (pattern, next(
                    (m for m in pattern.finditer(self.text) if keep is None or keep(self.text, m)), None))
            m = hit[1]
            return m if m is not None and m.end() <= hi else None
        starts, found = self.matches(pattern, keep)
        k = bisect_left(starts, lo)
        return found[k] if k < len(found) and found[k].end() <= hi else None

    def positions(self, chars: str) -> list[int]:
        if (found := self._positions.get(chars)) is None:
            found = self._positions[chars] = [m.start() for m in _char_class(chars).finditer(self.text)]
        return found

    def first_of(self, chars: str, hi: int) -> int | None:
        """The first position of one of ``chars`` before ``hi``."""
        p = self.positions(chars)
        return p[0] if p and p[0] < hi else None

    def holds(self, chars: str, hi: int) -> bool:
        """Whether one of ``chars`` stands before ``hi``: a short window is looked at directly (indexing it costs
        more than the look, for the few values it has), a long one by where they stand."""
        if len(self.text) <= DIRECT:
            return _char_class(chars).search(self.text, 0, hi) is not None
        return self.first_of(chars, hi) is not None

    def last_of(self, chars: str, hi: int) -> int | None:
        """The last position of one of ``chars`` before ``hi``."""
        p = self.positions(chars)
        k = bisect_left(p, hi)
        return p[k - 1] if k else None
