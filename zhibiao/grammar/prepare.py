"""A document made ready for the grammar, once: working text, year, region, outline, layout.

Record building reads only what is prepared here; it never calls back into
repair, metadata or sections.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from .. import metadata, repair as repairing, sections as outlining, segment
from ..lexicon import Language, alternation
from ..records import Document, Section
from . import layout

NOISY_FORMATS = frozenset({"pdf", "image", "scan"})


@dataclass(frozen=True)
class Innermost:
    """The innermost section at any offset of the original, by bisection over the points where it changes."""

    points: list[int]
    sections: list[Section | None]

    @classmethod
    def of(cls, sections: tuple[Section, ...]) -> Innermost:
        points = sorted({0, *(s.start for s in sections), *(s.end for s in sections)})
        return cls(points, [outlining.at(sections, p) for p in points])

    def at(self, original_offset: int) -> Section | None:
        return self.sections[bisect_right(self.points, original_offset) - 1]


@dataclass(frozen=True)
class Prepared:
    """What the steps may read: the working text and what was learnt about the whole document."""

    original: str  # the text as loaded; only ``ground`` indexes it
    work: repairing.Repaired  # the working text (``work.text``) and its OffsetMap to the original
    year: int | None
    sections: Innermost
    region: re.Pattern | None  # the report's own region opening a metric says where, not what
    noisy: bool
    layout: layout.Layout
    lang: Language
    is_word: Callable[[str], bool]  # the offline dictionary (loaded on first use)
    breaks: segment.Breaks  # the clause breaks of the working text

    @property
    def text(self) -> str:
        """The working text: every step's offsets index this."""
        return self.work.text


def prepare(doc: Document, lang: Language, *, year: int | None = None, repair: bool | None = None) -> Prepared:
    text = doc.text
    noisy = repair if repair is not None else (doc.format in NOISY_FORMATS or repairing.looks_noisy(text))
    folded = repairing.fold_width(text)  # once, for the working text and the metadata
    work = repairing.repair(text, folded) if noisy else repairing.normalize(text, folded)
    work, columns = layout.reading_order(work, lang, layout.two_columns(work.text, lang),
                                         repairing.is_word)
    meta = doc.meta if doc.meta.get("year") or doc.meta.get("region") else metadata.detect(text, folded)
    region = meta.get("region")
    breaks = segment.Breaks.of(work.text)
    own_region = (re.compile(rf"^{re.escape(region)}(?:{alternation(lang.words('region_suffixes'))})?")
                  if region else None)
    return Prepared(
        original=text,
        work=work,
        year=year or meta.get("year"),
        sections=Innermost.of(doc.sections or outlining.outline(text)),
        region=own_region,
        noisy=noisy,
        layout=replace(layout.interleaved(work, breaks) if noisy else layout.Layout(),
                       columns=columns),
        lang=lang,
        is_word=repairing.is_word,
        breaks=breaks,
    )
