"""Turn input text into a clean working text, with an offset map back to the original.

Repair only substitutes one character for one or deletes characters, so every
offset in the working text maps to the original through ``offsets.OffsetMap``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .offsets import OffsetMap

# Full-width ASCII forms (！ to ～) and the ideographic space fold to their ASCII twins.
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20
_WIDTH[0x2236] = 0x3A  # ratio colon ∶ reads as :
_WIDTH[0xFE30] = 0x3A

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CLOSE = "。！？!?；;：:"
# A run of zero-width characters, or of whitespace with at most one line break.
_GAP = re.compile(rf"[{_ZERO_WIDTH}]+|[ \t\r\n\u3000{_ZERO_WIDTH}]+")
_JOINABLE = re.compile(rf"[{_CJK}0-9%.,、()“”\"《》]")


@dataclass(frozen=True, slots=True)
class Change:
    """One repair: the original range and what replaced it ('' for a deletion)."""

    start: int
    end: int
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class Repaired:
    """The working text, its map back to the original, and every change made."""

    text: str
    offsets: OffsetMap
    changes: tuple[Change, ...] = field(default=())

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span(start, end)


def fold_width(text: str) -> str:
    """Full-width digits, letters and punctuation to half-width, one for one."""
    return text.translate(_WIDTH)


def _joinable_gap(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    if gap.strip(_ZERO_WIDTH) == "":
        return True
    if gap.count("\n") > 1 or start == 0 or end == len(text):
        return False
    before, after = text[start - 1], text[end]
    if "\n" in gap and before in _CLOSE:
        return False
    if before.isdigit() and after.isdigit():
        return False
    return bool(_JOINABLE.match(before)) and bool(_JOINABLE.match(after))


def normalize(text: str) -> Repaired:
    """Fold widths and delete zero-width characters and whitespace inside words and numbers.

    Paragraph breaks (blank lines) and line breaks after a sentence end are kept:
    segmentation needs them.
    """
    folded = fold_width(text)
    deletions: list[tuple[int, int]] = []
    changes: list[Change] = []
    for m in _GAP.finditer(folded):
        start, end = m.span()
        if _joinable_gap(folded, start, end):
            deletions.append((start, end))
            changes.append(Change(start, end, text[start:end], "", "gap"))
    if not deletions:
        return Repaired(folded, OffsetMap(length=len(text)), tuple(changes))
    parts, prev = [], 0
    for start, end in deletions:
        parts.append(folded[prev:start])
        prev = end
    parts.append(folded[prev:])
    return Repaired("".join(parts), OffsetMap.from_deletions(len(text), deletions), tuple(changes))
