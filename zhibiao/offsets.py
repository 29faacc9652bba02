"""Map offsets of a working text back to the original it was derived from.

Repair only substitutes characters one for one or deletes them, so the map is
a sorted list of breakpoints in the working text, each with the number of
original characters dropped before it. Identity costs nothing.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """``original(i)`` is the original index of working-text index ``i``."""

    breaks: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()
    length: int = 0  # length of the original text

    @classmethod
    def from_deletions(cls, original_length: int, deletions: list[tuple[int, int]]) -> OffsetMap:
        """Build from sorted, disjoint ``[start, end)`` ranges of the original that were removed."""
        breaks, shifts, dropped = [], [], 0
        for start, end in deletions:
            dropped += end - start
            breaks.append(start - (dropped - (end - start)))  # working index of the char after the gap
            shifts.append(dropped)
        return cls(tuple(breaks), tuple(shifts), original_length)

    def original(self, i: int) -> int:
        k = bisect_right(self.breaks, i)
        return i + (self.shifts[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open working range to the half-open original range it covers."""
        if end <= start:
            o = self.original(start)
            return o, o
        return self.original(start), self.original(end - 1) + 1

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """The map of a text derived from this one's working text by ``inner``."""
        removed = self.deletions()
        for s, e in inner.deletions():
            removed.extend((self.original(i), self.original(i) + 1) for i in range(s, e))
        merged: list[tuple[int, int]] = []
        for s, e in sorted(removed):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        return OffsetMap.from_deletions(self.length, merged)

    def leading(self, start: int, end: int) -> tuple[int, int]:
        """The original range of ``[start, end)``: repair keeps the order, so all of it."""
        return self.span(start, end)

    def deletions(self) -> list[tuple[int, int]]:
        """The removed ``[start, end)`` ranges of the original."""
        out, prev = [], 0
        for b, shift in zip(self.breaks, self.shifts):
            size = shift - prev
            start = b + prev
            out.append((start, start + size))
            prev = shift
        return out

    @property
    def identity(self) -> bool:
        return not self.breaks


@dataclass(frozen=True, slots=True)
class Reordered:
    """The map of a text made by putting pieces of ``inner``'s working text in another order
    (a two-column text layer read column by column), with one-character separators inserted
    where two pieces must not read as one word (digits of two lines).

    ``original(i)`` goes through the piece holding ``i``, then ``inner``; a range that
    crosses pieces maps to the original range covering all of them.
    """

    starts: tuple[int, ...]  # working start of each piece, ascending; the first is 0
    sources: tuple[int, ...]  # each piece's start in ``inner``'s working text; -1: an inserted separator
    inner: OffsetMap
    breaks: tuple[int, ...] = ()  # working offsets where a gap was closed: the inner's and the joins

    @classmethod
    def of(cls, pieces: list[tuple[int, int] | str], inner: OffsetMap) -> Reordered:
        """``pieces`` are ``[start, end)`` ranges of the inner working text in their new order; a string is
        an inserted one-character separator."""
        starts, sources, at = [], [], 0
        for piece in pieces:
            starts.append(at)
            sources.append(-1 if isinstance(piece, str) else piece[0])
            at += 1 if isinstance(piece, str) else piece[1] - piece[0]
        moved = sorted((p[0], p[1], s) for p, s in zip(pieces, starts) if not isinstance(p, str))
        inner_breaks = []
        for b in inner.breaks:
            k = bisect_right(moved, (b, float("inf"))) - 1
            if k >= 0 and moved[k][0] <= b < moved[k][1]:
                inner_breaks.append(moved[k][2] + b - moved[k][0])
        return cls(tuple(starts), tuple(sources), inner, tuple(sorted({*inner_breaks, *starts[1:]})))

    @property
    def length(self) -> int:
        return self.inner.length

    def _source(self, i: int) -> int:
        k = bisect_right(self.starts, i) - 1
        while self.sources[k] < 0 and k + 1 < len(self.sources):
            k += 1  # a separator stands where the next piece starts
        return self.sources[k] + max(0, i - self.starts[k])

    def original(self, i: int) -> int:
        return self.inner.original(self._source(i))

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            o = self.original(start)
            return o, o
        first, last = bisect_right(self.starts, start) - 1, bisect_right(self.starts, end - 1) - 1
        if first == last and self.sources[first] >= 0:
            s = self.sources[first] + start - self.starts[first]
            return self.inner.span(s, s + end - start)
        ends = [*self.starts[1:], None]
        lo, hi = None, None
        for k in range(first, last + 1):
            if self.sources[k] < 0:
                continue
            a = self.sources[k] + max(start, self.starts[k]) - self.starts[k]
            b = self.sources[k] + (min(end, ends[k]) if ends[k] is not None else end) - self.starts[k]
            s, e = self.inner.span(a, b)
            lo, hi = (s, e) if lo is None else (min(lo, s), max(hi, e))
        return (lo, hi) if lo is not None else (self.original(start),) * 2

    def leading(self, start: int, end: int) -> tuple[int, int]:
        """The original range of the part of ``[start, end)`` in the piece where it starts: a value
        whose unit a column's next line holds (1.6|万户) is grounded on the digits it starts with."""
        first = bisect_right(self.starts, start) - 1
        if self.sources[first] < 0:
            return self.span(start, end)
        piece_end = self.starts[first + 1] if first + 1 < len(self.starts) else end
        return self.span(start, min(end, piece_end))

    @property
    def identity(self) -> bool:
        return False
