"""Paragraphs, sentences and clauses of the working text, as offset ranges.

Status cues scope over a sentence, metric attribution over a clause, and a
year's targets over a paragraph, so extraction walks text in these units.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*")
CLAUSE_BREAKS = "，,：:。！？!?；;"


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Non-empty lines: the working text keeps a line break only where a paragraph, item or box ends."""
    for m in _PARAGRAPH.finditer(text, start, len(text) if end is None else end):
        yield m.span()


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for m in _SENTENCE.finditer(text, start, end):
        yield m.span()


def clause_start(text: str, start: int, limit: int) -> int:
    """Where the clause holding ``start`` begins, not before ``limit``."""
    i = start
    while i > limit and text[i - 1] not in CLAUSE_BREAKS:
        i -= 1
    return i


def clause_end(text: str, end: int, limit: int) -> int:
    """Where the clause holding ``end`` stops, not after ``limit``."""
    i = end
    while i < limit and text[i] not in CLAUSE_BREAKS:
        i += 1
    return i
