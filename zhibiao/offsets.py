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
