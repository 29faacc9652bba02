"""The small frozen records that cross stage boundaries.

Every record keeps the raw text it was read from beside its half-open
``[start, end)`` code-point offsets into the *original* input, so any value can
be traced back to the characters that hold it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A view of ``text[start:end]`` of the original input."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a range of the loaded text came from: a page and, for OCR, a box."""

    start: int
    end: int
    page: int
    box: tuple[float, float, float, float] | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """One metadata value and, where the text says it, the span that says it."""

    value: Any
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a report is: who issued it, where, when."""

    government: Fact | None = None  # 国务院, 重庆市人民政府 ...
    level: Fact | None = None  # national | provincial | city | county
    region: Fact | None = None  # 全国, 重庆 ...
    year: Fact | None = None  # the year the report is delivered
    reviewed_year: Fact | None = None  # the year its review covers
    title: Fact | None = None
    date: Fact | None = None  # ISO date of delivery

    def get(self, name: str) -> Any:
        fact = getattr(self, name)
        return fact.value if fact is not None else None

    def to_dict(self) -> dict[str, Any]:
        return {name: self.get(name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the text it governs, with the role that sets status defaults."""

    start: int
    end: int
    heading: str
    path: tuple[str, ...]
    role: str  # review | targets | plans | government | other
    level: int = 0


@dataclass(frozen=True)
class Document:
    """A loaded input: its text, where each part came from, and what it is."""

    text: str
    source: str | None = None
    format: str = "txt"
    origins: tuple[Origin, ...] = ()
    meta: Metadata = field(default_factory=Metadata)
    sections: tuple[Section, ...] = ()
    images: tuple[str, ...] = ()  # page images (paths) for scans, index = page - 1
    diagnostics: tuple[Diagnostic, ...] = ()  # what loading noticed: bytes that were not in the text's encoding

    def page_at(self, offset: int) -> int | None:
        for origin in self.origins:
            if origin.start <= offset < origin.end:
                return origin.page
        return None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit and qualifier, as written (price-parser's Price)."""

    value: float
    value_max: float | None
    unit: str
    modifier: str  # exact | approx | at_least | more_than | at_most | less_than | range
    span: Span  # the value text: number, magnitude, unit and modifier words
    cue: str | None = None  # the modifier word as written: 左右, 超过 ...


@dataclass(frozen=True, slots=True)
class Period:
    """The year or years a value refers to."""

    start: int
    end: int

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something worth telling the user that is not an indicator (a lost value)."""

    code: str  # incomplete | ...
    message: str
    span: Span


@dataclass(frozen=True, slots=True)
class Indicator:
    """One (metric, value) mention: the unit of the dataset."""

    metric: str
    value: float
    value_max: float | None
    unit: str
    kind: str  # level | change
    direction: str | None  # up | down | None
    modifier: str
    status: str  # actual | estimate | target
    span: Span  # the value text in the original input
    evidence: Span  # the clause or sentence around it
    period: Period | None = None
    canonical: str | None = None
    cue: str | None = None  # the words that decided status and modifier
    confidence: float = 1.0
    section: str | None = None
    flags: tuple[str, ...] = ()

    @property
    def value_text(self) -> str:
        return self.span.text

    def to_dict(self) -> dict[str, Any]:
        """The JSONL record (field names fixed by the extraction spec)."""
        return {
            "metric": self.metric,
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "kind": self.kind,
            "direction": self.direction,
            "modifier": self.modifier,
            "status": self.status,
            "span": self.span.as_list(),
            "value_text": self.span.text,
            "evidence": self.evidence.text,
            "evidence_span": self.evidence.as_list(),
            "period": str(self.period) if self.period else None,
            "canonical": self.canonical,
            "cue": self.cue,
            "confidence": round(self.confidence, 3),
            "section": self.section,
            "flags": list(self.flags),
        }


FIELDS = tuple(Indicator(
    "", 0.0, None, "", "level", None, "exact", "actual", Span(0, 0, ""), Span(0, 0, "")
).to_dict())

__all__ = [
    "Span", "Origin", "Fact", "Metadata", "Section", "Document", "Quantity",
    "Period", "Diagnostic", "Indicator", "FIELDS",
]
