"""The small frozen records that cross stage boundaries.

Every record keeps the raw text it was read from beside its half-open
``[start, end)`` code-point offsets into the *original* input, so any value can
be traced back to the characters that hold it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from typing import Any


def _built_fast(cls):
    """``cls.__init__`` setting each slot through its descriptor, frozen as before: the dataclass's own
    calls ``object.__setattr__`` per field, and the records built once per value (Indicator, its spans,
    period and quantity) cost a tenth of a record's extraction that way. Same signature and defaults,
    and ``__post_init__`` still checks."""
    names = [f.name for f in fields(cls)]
    defaults = {f"_default_{f.name}": f.default for f in fields(cls) if f.default is not MISSING}
    params = ", ".join(f"{n}=_default_{n}" if f"_default_{n}" in defaults else n for n in names)
    body = "".join(f"    _set_{n}(self, {n})\n" for n in names)
    if hasattr(cls, "__post_init__"):
        body += "    self.__post_init__()\n"
    scope = {**defaults, **{f"_set_{n}": getattr(cls, n).__set__ for n in names}}
    exec(f"def __init__(self, {params}):\n{body}", scope)  # noqa: S102 - the source is built from field names
    scope["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = scope["__init__"]
    return cls


@_built_fast
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


STATUSES = ("actual", "estimate", "target")  # what a record's value is, in the report's own time
LEVELS = ("national", "provincial", "city", "county")  # the level of the government reporting


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


@_built_fast
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit and qualifier, as written (price-parser's Price)."""

    value: float
    value_max: float | None
    unit: str
    modifier: str  # exact | approx | at_least | more_than | at_most | less_than | range
    span: Span  # the value text: number, magnitude, unit and modifier words
    cue: str | None = None  # the modifier word as written: 左右, 超过 ...


@_built_fast
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


@_built_fast
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
    trace: tuple[tuple[str, str, str], ...] = ()  # (field, step, rule): which grammar rule decided each field

    @property
    def value_text(self) -> str:
        return self.span.text

    def explain(self) -> dict[str, list[str]]:
        """The trace as field -> ["step.rule", ...], in the order the rules acted."""
        out: dict[str, list[str]] = {}
        for name, step, rule in self.trace:
            out.setdefault(name, []).append(f"{step}.{rule}")
        return out

    def to_dict(self) -> dict[str, Any]:
        """The JSONL record: the fields of ``COLUMNS`` marked ``jsonl``, in their order."""
        return {c.name: c.get(self) for c in COLUMNS if c.get is not None}


@dataclass(frozen=True, slots=True)
class Column:
    """One field of the record schema: its name, DuckDB type, label, and where it appears.

    ``get`` reads it from an Indicator for JSONL (None: a database-only column the
    store fills in); ``stored`` says whether the indicators table has it.
    """

    name: str
    sql: str
    label: str
    get: Callable[[Indicator], Any] | None = None
    stored: bool = True


# The record schema, defined once: JSONL fields, the indicators table, export columns and labels.
COLUMNS: tuple[Column, ...] = (
    Column("id", "BIGINT NOT NULL", "record id"),
    Column("doc_id", "BIGINT NOT NULL", "document id"),
    Column("idx", "INTEGER NOT NULL", "record number within its document"),
    Column("metric", "VARCHAR", "what is measured, as written", lambda r: r.metric),
    Column("value", "DOUBLE", "value in base units", lambda r: r.value),
    Column("value_max", "DOUBLE", "upper bound of a range", lambda r: r.value_max),
    Column("unit", "VARCHAR", "base unit", lambda r: r.unit),
    Column("kind", "VARCHAR", "level or change", lambda r: r.kind),
    Column("direction", "VARCHAR", "up or down, for changes", lambda r: r.direction),
    Column("modifier", "VARCHAR", "exact approx at_least more_than at_most less_than range", lambda r: r.modifier),
    Column("status", "VARCHAR", "actual estimate or target", lambda r: r.status),
    Column("span", "INTEGER[]", "value offsets [start, end)", lambda r: r.span.as_list(), stored=False),
    Column("span_start", "INTEGER", "value start offset"),
    Column("span_end", "INTEGER", "value end offset"),
    Column("value_text", "VARCHAR", "value as written", lambda r: r.span.text),
    Column("evidence", "VARCHAR", "sentence or clause", lambda r: r.evidence.text),
    Column("evidence_span", "INTEGER[]", "evidence offsets [start, end)", lambda r: r.evidence.as_list(),
           stored=False),
    Column("evidence_start", "INTEGER", "evidence start offset"),
    Column("evidence_end", "INTEGER", "evidence end offset"),
    Column("period", "VARCHAR", "year(s) the value refers to", lambda r: str(r.period) if r.period else None),
    Column("period_start", "INTEGER", "first year referred to"),
    Column("period_end", "INTEGER", "last year referred to"),
    Column("canonical", "VARCHAR", "canonical indicator id", lambda r: r.canonical),
    Column("cue", "VARCHAR", "words deciding status and modifier", lambda r: r.cue),
    Column("confidence", "DOUBLE", "extraction confidence", lambda r: round(r.confidence, 3)),
    Column("section", "VARCHAR", "section heading", lambda r: r.section),
    Column("section_role", "VARCHAR", "review targets plans government other"),
    Column("flags", "VARCHAR", "extraction flags (; separated)", lambda r: list(r.flags)),
    Column("trace", "VARCHAR", "grammar step and rule that decided each field", lambda r: r.explain(),
           stored=False),
)

FIELDS = tuple(c.name for c in COLUMNS if c.get is not None)  # the JSONL record's fields, in order
INDICATOR_COLUMNS = tuple(c.name for c in COLUMNS if c.stored)  # the indicators table's columns, in order
LABELS = {c.name: c.label for c in COLUMNS}


def indicators_ddl() -> str:
    """CREATE TABLE for the indicators table, from ``COLUMNS``."""
    return "CREATE TABLE indicators (" + ", ".join(f"{c.name} {c.sql}" for c in COLUMNS if c.stored) + ")"


def missing(value: Any) -> bool:
    """Whether a field holds no value: None, or a frame's NaN or pandas.NA (a record never holds those).

    NaN is the one float unequal to itself; pandas is known by its type's name, so records need not import it.
    """
    return value is None or type(value).__name__ == "NAType" or (isinstance(value, float) and bool(value != value))


__all__ = [
    "Span", "Origin", "Fact", "Metadata", "Section", "Document", "Quantity",
    "Period", "Diagnostic", "Indicator", "Column", "COLUMNS", "FIELDS", "INDICATOR_COLUMNS", "LABELS",
    "indicators_ddl", "missing",
]
