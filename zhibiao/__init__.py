"""zhibiao: source-grounded quantitative indicators from Chinese government work reports.

``extract(text)`` reads a string; ``extract_file(path)`` loads any supported file first.
Both return ``Records``, a list of ``Indicator`` whose ``to_frame()`` gives the JSONL's columns.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError, ZhibiaoError
from .grammar import extract as _extract_text
from .grammar import extract_document
from .records import FIELDS, Document, Indicator, Quantity, Span

__all__ = ["extract", "extract_file", "extract_document", "to_frame", "Records", "Database", "Document",
           "Indicator", "Quantity", "Span", "ZhibiaoError"]
__version__ = "0.1.0"

_LONGEST_PATH = 4096  # longer strings are text, never a path worth a stat


class Records(list):
    """The indicators of one text, in order: a list, with ``to_frame()``."""

    def to_frame(self):
        return to_frame(self)


def to_frame(records):
    """A pandas DataFrame of ``records`` (Indicators or their dicts) with the JSONL's columns, in order."""
    import pandas as pd

    rows = [r.to_dict() if isinstance(r, Indicator) else dict(r) for r in records]
    columns = list(FIELDS) + [k for r in rows for k in r if k not in FIELDS]
    return pd.DataFrame(rows, columns=list(dict.fromkeys(columns)))


def _looks_like_a_file(text: str) -> bool:
    if len(text) > _LONGEST_PATH or "\n" in text or not text.strip():
        return False
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):
        return False


def extract(text: str, *, year: int | None = None, repair: bool | None = None, language=None) -> Records:
    """Every indicator of ``text``, spans into ``text``. A string naming an existing file is refused
    (it would be read as text and yield nothing): use ``extract_file`` for files."""
    if isinstance(text, os.PathLike) or (isinstance(text, str) and _looks_like_a_file(text)):
        raise InputError(f"{os.fspath(text)} is a file path, and extract() reads text: "
                         "call zhibiao.extract_file(path) to load the file")
    if not isinstance(text, str):
        raise TypeError(f"extract() reads a str, not {type(text).__name__}")
    return Records(_extract_text(text, year=year, repair=repair, language=language))


def extract_file(path: str | os.PathLike, *, year: int | None = None, region: str | None = None,
                 repair: bool | None = None, language=None) -> Records:
    """Load ``path`` (text, HTML, PDF, DOCX or an image, read by content) and extract it;
    spans point into the loaded document's text."""
    from .load import load

    doc = load(Path(path), region=region, year=year)
    return Records(extract_document(doc, year=year, repair=repair, language=language))


def __getattr__(name: str):
    """``zhibiao.Database`` on first use, so importing zhibiao does not load DuckDB and pandas."""
    if name == "Database":
        from .store import Database

        return Database
    raise AttributeError(f"module 'zhibiao' has no attribute {name!r}")
