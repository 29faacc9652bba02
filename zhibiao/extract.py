"""Indicator records from text: attribute each quantity to its metric, kind, status and period."""
from __future__ import annotations

from .records import Document, Indicator


def extract_document(doc: Document, *, year: int | None = None, repair: bool | None = None) -> list[Indicator]:
    return []


def extract(text: str, *, year: int | None = None, repair: bool | None = None) -> list[Indicator]:
    return extract_document(Document(text=text), year=year, repair=repair)
