"""Offline OCR of page images (RapidOCR's ONNX models ship with the package) and reading order.

Reports are often printed in newspaper columns under a full-width title block,
so boxes are read band by band (a band ends at a box that spans columns), and
inside a band column by column, top to bottom. Each text line becomes one line
of output; a paragraph break (blank line) is put where a line starts indented
or the previous line stops short of the column's right edge.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from .errors import InputError, LimitExceeded


@dataclass(frozen=True, slots=True)
class Box:
    """One recognised text line: its page-pixel box and text."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True, slots=True)
class Line:
    """A line of the page's text in reading order; ``box`` is None for a blank separator."""

    text: str
    box: tuple[float, float, float, float] | None
    column_right: float = 0.0  # right edge of the column the line sits in


@lru_cache(maxsize=1)
def _engine():
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as e:  # pragma: no cover - a broken install
        raise InputError(f"OCR is not available ({e}); install rapidocr-onnxruntime") from None
    return RapidOCR()


def recognise(image, source: str, deadline: float | None = None) -> list[Box]:
    """Text boxes of one page image (bytes, path or numpy array)."""
    if deadline is not None and time.monotonic() > deadline:
        raise LimitExceeded(f"{source}: OCR time limit reached")
    try:
        result, _ = _engine()(image)
    except Exception as e:  # the engine raises bare errors on undecodable images
        raise InputError(f"{source}: cannot read the image ({e})") from None
    boxes = []
    for points, text, _score in result or ():
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        if text.strip():
            boxes.append(Box(float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys)), text.strip()))
    return boxes


def _columns(boxes: list[Box], unit: float) -> list[tuple[float, float]]:
    """x-intervals of the text columns: runs of x covered by boxes, split at gutters wider than ``unit``."""
    spans = sorted((b.x0, b.x1) for b in boxes)
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 < cols[-1][1] + unit:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return [(a, b) for a, b in cols]


def _rows(boxes: list[Box]) -> list[list[Box]]:
    """Boxes grouped into text lines by vertical overlap, top to bottom, each left to right."""
    rows: list[list[Box]] = []
    for b in sorted(boxes, key=lambda b: (b.y0 + b.y1) / 2):
        mid = (b.y0 + b.y1) / 2
        if rows and rows[-1][-1].y0 <= mid <= rows[-1][-1].y1:
            rows[-1].append(b)
        else:
            rows.append([b])
    return [sorted(r, key=lambda b: b.x0) for r in rows]


def reading_order(boxes: list[Box]) -> list[Line]:
    """The page's lines in reading order, blank separators between paragraphs."""
    if not boxes:
        return []
    unit = median(b.height for b in boxes)
    page_x0 = min(b.x0 for b in boxes)
    page_x1 = max(b.x1 for b in boxes)
    width = page_x1 - page_x0
    narrow = [b for b in boxes if b.x1 - b.x0 < 0.5 * width]
    columns = _columns(narrow, unit) if narrow else [(page_x0, page_x1)]
    if len(columns) < 2:
        columns = [(page_x0, page_x1)]

    # The title block: boxes above the first line where two columns hold text side by side.
    header_end = min((b.y0 for b in boxes if any(o is not b and o.y0 < b.y1 and o.y1 > b.y0 for o in boxes)),
                     default=0.0)

    def column_of(b: Box) -> int | None:
        if b.y1 <= header_end:
            return None
        hits = [i for i, (a, z) in enumerate(columns) if b.x0 < z and b.x1 > a]
        return hits[0] if len(hits) == 1 else None  # None: spans columns

    # Bands: split the page at boxes that span several columns.
    items = sorted(boxes, key=lambda b: b.y0)
    bands: list[tuple[str, list[Box]]] = []
    for b in items:
        kind = "wide" if len(columns) > 1 and column_of(b) is None else "cols"
        if bands and bands[-1][0] == kind:
            bands[-1][1].append(b)
        else:
            bands.append((kind, [b]))
    lines: list[Line] = []
    for kind, group in bands:
        if kind == "wide":
            for row in _rows(group):
                _emit(lines, row, (page_x0, page_x1), unit, paragraph_each=True)
            continue
        for i, col in enumerate(columns):
            members = [b for b in group if column_of(b) == i]
            for row in _rows(members):
                _emit(lines, row, col, unit)
    while lines and lines[-1].box is None:
        lines.pop()
    return lines


def _emit(lines: list[Line], row: list[Box], col: tuple[float, float], unit: float,
          paragraph_each: bool = False) -> None:
    x0, y0 = min(b.x0 for b in row), min(b.y0 for b in row)
    x1, y1 = max(b.x1 for b in row), max(b.y1 for b in row)
    prev = next((ln for ln in reversed(lines) if ln.box is not None), None)
    indented = x0 > col[0] + 1.2 * unit
    if lines and lines[-1].box is not None and (paragraph_each or indented or prev is None
                                               or prev.box[2] < prev.column_right - 1.5 * unit
                                               or y0 - prev.box[3] > 1.5 * unit):
        lines.append(Line("", None))
    lines.append(Line(" ".join(b.text for b in row), (x0, y0, x1, y1), col[1]))
    if paragraph_each:
        lines.append(Line("", None))


__all__ = ["Box", "Line", "recognise", "reading_order"]
