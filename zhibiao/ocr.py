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
    """x-intervals of the text columns, split at gutters: runs of x at least half a line high wide that
    almost no box covers (a title or a rule across the gutter does not join two columns)."""
    x0 = min(b.x0 for b in boxes)
    step = max(1.0, unit / 2)
    bins = int((max(b.x1 for b in boxes) - x0) / step) + 1
    cover = [0] * bins
    for b in boxes:
        for k in range(int((b.x0 - x0) / step), min(bins, int((b.x1 - x0) / step) + 1)):
            cover[k] += 1
    sparse = max(1, len(boxes) // 20)
    cols: list[tuple[float, float]] = []
    start = gap = None
    for k, n in enumerate(cover + [0] * (int(unit / step) + 2)):
        if n > sparse:
            if start is None:
                start = k
            gap = None
        elif start is not None:
            gap = k if gap is None else gap
            if (k - gap) * step >= unit / 2:
                cols.append((x0 + start * step, x0 + gap * step))
                start = gap = None
    return cols


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


def columns(boxes: list[Box]) -> list[tuple[float, float]]:
    """The x-intervals of the page's text columns (one for a single-column page)."""
    unit = median(b.height for b in boxes)
    page_x0 = min(b.x0 for b in boxes)
    page_x1 = max(b.x1 for b in boxes)
    narrow = [b for b in boxes if b.x1 - b.x0 < 0.5 * (page_x1 - page_x0)]
    found = _columns(narrow, unit) if narrow else []
    return found if len(found) >= 2 else [(page_x0, page_x1)]


def reading_order(boxes: list[Box], ragged: bool = False) -> list[Line]:
    """The page's lines in reading order, blank separators between paragraphs.

    ``ragged``: lines may stop short of the column's edge inside a paragraph (a text layer set
    unjustified), so a short line ends a paragraph only where it ends a sentence.
    """
    if not boxes:
        return []
    unit = median(b.height for b in boxes)
    page_x0 = min(b.x0 for b in boxes)
    page_x1 = max(b.x1 for b in boxes)
    spans = columns(boxes)

    # The title block: boxes above the first line where two columns hold text side by side.
    header_end = min((b.y0 for b in boxes if any(o is not b and o.y0 < b.y1 and o.y1 > b.y0 for o in boxes)),
                     default=0.0)

    def column_of(b: Box) -> int | None:
        if b.y1 <= header_end:
            return None
        hits = [i for i, (a, z) in enumerate(spans) if b.x0 < z and b.x1 > a]
        return hits[0] if len(hits) == 1 else None  # None: spans columns

    # Bands: split the page at boxes that span several columns.
    items = sorted(boxes, key=lambda b: b.y0)
    bands: list[tuple[str, list[Box]]] = []
    for b in items:
        kind = "wide" if len(spans) > 1 and column_of(b) is None else "cols"
        if bands and bands[-1][0] == kind:
            bands[-1][1].append(b)
        else:
            bands.append((kind, [b]))
    lines: list[Line] = []
    for kind, group in bands:
        if kind == "wide":
            for row in _rows(group):
                _emit(lines, row, (page_x0, page_x1), unit, ragged, paragraph_each=True)
            continue
        for i, col in enumerate(spans):
            members = [b for b in group if column_of(b) == i]
            for row in _rows(members):
                _emit(lines, row, col, unit, ragged)
    while lines and lines[-1].box is None:
        lines.pop()
    return lines


SENTENCE_END = tuple("。！？；：”」』）)!?;")  # a line ending so may end a paragraph


def _emit(lines: list[Line], row: list[Box], col: tuple[float, float], unit: float, ragged: bool,
          paragraph_each: bool = False) -> None:
    x0, y0 = min(b.x0 for b in row), min(b.y0 for b in row)
    x1, y1 = max(b.x1 for b in row), max(b.y1 for b in row)
    prev = next((ln for ln in reversed(lines) if ln.box is not None), None)
    indented = x0 > col[0] + 1.2 * unit
    short = prev is not None and prev.box[2] < prev.column_right - 1.5 * unit
    if short and ragged:
        short = prev.text.endswith(SENTENCE_END)
    if lines and lines[-1].box is not None and (paragraph_each or indented or prev is None or short
                                               or y0 - prev.box[3] > 1.5 * unit):
        lines.append(Line("", None))
    text = row[0].text
    for b in row[1:]:  # a space between two Latin words only
        text += (" " if text[-1:].isascii() and text[-1:].isalnum() and b.text[:1].isascii() else "") + b.text
    lines.append(Line(text, (x0, y0, x1, y1), col[1]))
    if paragraph_each:
        lines.append(Line("", None))


__all__ = ["Box", "Line", "recognise", "reading_order", "columns", "SENTENCE_END"]
