"""Offline OCR of page images (RapidOCR's ONNX models ship with the package) and reading order.

Reports are often printed in newspaper columns under a full-width title block,
so boxes are read band by band (a band ends at a box that spans columns), and
inside a band column by column, top to bottom. Each text line becomes one line
of output; a paragraph break (blank line) is put where a line starts indented
or the previous line stops short of the column's right edge.

Speed (measured in benchmarks/ocr_speed.py): recognition of the text lines is
most of a page's time, and its cost grows with the square of the height line
images are scaled to, so they are read 32 px high instead of the model's 48
(the scans' lines are ~26 px high once the page is at the engine's 2000 px) and
narrowed. A second intra-op thread barely speeds a session up, so the recogniser
runs on one thread and a page's cores read its lines side by side, in batches from
one queue; the detector, which has the page to itself, runs on the page's cores (on
threads that sleep when idle); the pages of a document run side by side too (ONNX
Runtime releases the GIL). The
angle classifier runs only on a page that reads badly upright. The detector and
recogniser are loaded rewritten by ``ocr_graph`` (their element-wise chains folded;
with the detector's input made in one pass, half the CPU of a page, the same text).
"""
from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from .errors import InputError, LimitExceeded


@dataclass(frozen=True, slots=True)
class Settings:
    """How the engine is run; the defaults are the measured fast ones, ``LEGACY`` how it ran first."""

    threads: int = 0  # cores a page uses: 0 its share of them (all cores / pages at once), -1 all cores each
    parallel_pages: int = 0  # pages of one document recognised at once: 0 one per core
    angle: str = "auto"  # line angle classifier: "always", "never", or "auto" (on a page that reads badly upright)
    line_width: float = 0.8  # line images are scaled to this share of their width before recognition
    line_height: int = 32  # ... and to this height (px); the model was trained at 48
    cores_by: str = "lines"  # a page's cores read its lines side by side ("lines") or are intra-op threads ("ops")
    upright_score: float = 0.8  # "auto": a page whose median line score is below this is read again with angles
    fold: bool = True  # detector and recogniser graphs folded (ocr_graph), the page normalised in one pass

    def __post_init__(self):
        if self.angle not in ("always", "never", "auto"):
            raise ValueError(f"angle must be always, never or auto, not {self.angle!r}")
        if self.cores_by not in ("lines", "ops"):
            raise ValueError(f"cores_by must be lines or ops, not {self.cores_by!r}")


LEGACY = Settings(threads=-1, parallel_pages=1, angle="always", line_width=1.0, line_height=48, cores_by="ops",
                  fold=False)
SETTINGS = Settings()  # what ``recognise``/``recognise_pages`` use unless given settings
MIN_SCORE = 0.5  # lines recognised with a lower confidence are dropped (the engine's own default)


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


class _Lines:
    """The engine's recogniser fed line images scaled in width (fewer columns for the model to read),
    and, with ``lanes`` > 1, reading them in that many threads at once.

    Boxes come from detection, so positions are unchanged. The lines are cut into the batches the
    recogniser itself makes (sorted by width), so every batch, its padding and its text are the same on
    any number of cores. The batches then run from one queue, the costliest first, on whichever thread is
    free: the threads end together instead of one idling at the end.
    """

    def __init__(self, recogniser, scale: float, lanes: int):
        self.recogniser, self.scale, self.lanes = recogniser, scale, lanes

    def __call__(self, images, return_word_box: bool = False):
        if self.lanes <= 1 or len(images) <= 1:
            return self.recogniser([self._scaled(im) for im in images], return_word_box)
        result: list = [None] * len(images)
        batches = self.batches([self._width(im) / im.shape[0] for im in images])
        with ThreadPoolExecutor(max_workers=self.lanes, thread_name_prefix="zhibiao-ocr-lines") as pool:
            done = pool.map(lambda b: self.recogniser([self._scaled(images[i]) for i in b], return_word_box), batches)
            elapsed = 0.0
            for batch, (read, seconds) in zip(batches, done):
                elapsed += seconds
                for i, r in zip(batch, read):
                    result[i] = r
        return result, elapsed

    def batches(self, ratios: list[float]) -> list[list[int]]:
        """The lines (by width / height) in the batches dealt lanes make, in the order they are run."""
        import numpy as np

        size = self.recogniser.rec_batch_num
        order = [int(i) for i in np.argsort(np.array(ratios))]  # as the recogniser sorts them
        batches = [order[b:b + size] for b in range(0, len(order), size)]
        return sorted(batches, key=lambda b: -len(b) * max(ratios[i] for i in b))  # cost: lines x padded width

    def _width(self, image) -> int:
        return image.shape[1] if self.scale == 1.0 else max(1, round(image.shape[1] * self.scale))

    def _scaled(self, image):
        import cv2

        if self.scale == 1.0:
            return image
        return cv2.resize(image, (self._width(image), image.shape[0]), interpolation=cv2.INTER_AREA)


@lru_cache(maxsize=8)
def _engine(settings: Settings, cores: int):
    """One engine per setting and cores a page has (-1: ONNX Runtime's default, every core); a session is
    safe to call from several threads at once."""
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as e:  # pragma: no cover - a broken install
        raise InputError(f"OCR is not available ({e}); install rapidocr-onnxruntime") from None
    kwargs = {"text_score": 0.0,  # every line comes back with its score: "auto" angle judges by them
              "rec_img_shape": [3, settings.line_height, 320]}
    threads = 1 if settings.cores_by == "lines" else cores
    if threads > 0:
        kwargs.update(intra_op_num_threads=threads, inter_op_num_threads=1)
    engine = RapidOCR(**kwargs)
    lanes = (cores if cores > 0 else _cores()) if settings.cores_by == "lines" else 1
    detect = lanes if settings.cores_by == "lines" else threads  # the detector runs alone: on all the page's cores
    if settings.fold or detect != threads:
        engine.text_det.infer.session = _session(engine.text_det.infer.session, settings.fold, detect)
    if settings.fold:
        engine.text_rec.session.session = _session(engine.text_rec.session.session, True)
        engine.text_det.get_preprocess = _OnePass.around(engine.text_det.get_preprocess)
    if settings.line_width != 1.0 or lanes > 1:
        engine.text_rec = _Lines(engine.text_rec, settings.line_width, lanes)
    return engine


def _session(session, fold: bool, threads: int | None = None):
    """The session again: its model rewritten by ``ocr_graph`` (as it was without ``onnx``, the
    ``[ocr]`` extra: the same text, only slower), or on ``threads`` intra-op threads that sleep
    when idle (a page beside it may need the core)."""
    from . import ocr_graph

    options, model = session.get_session_options(), session._model_path
    if threads is not None and threads > 0 and threads != options.intra_op_num_threads:
        options.intra_op_num_threads = threads
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if fold:
        try:
            import onnx  # noqa: F401
        except ImportError:
            fold = False
    return type(session)(ocr_graph.simplified(model) if fold else model, sess_options=options,
                         providers=session.get_providers())


class _OnePass:
    """The detector's page input made by OpenCV in one pass (scale, subtract the mean, lay out channels
    first), where the engine's numpy takes four in float64: ~0.15 s CPU a 2000 px page, before
    detection can start. The same numbers up to float rounding."""

    def __init__(self, step):
        self.step = step  # the engine's DetPreProcess: its resize, and its scale, mean and std

    @classmethod
    def around(cls, make):
        return lambda side: cls(make(side))

    def __call__(self, img):
        import cv2

        step = self.step
        if len(set(step.std)) != 1:  # one divisor for every channel is all OpenCV takes
            return step(img)
        resized = step.resize(img)
        if resized is None:
            return None
        return cv2.dnn.blobFromImage(resized, float(step.scale / step.std[0]), mean=tuple(step.mean / step.scale))


JPEG_MAGIC = b"\xff\xd8\xff"  # how a JPEG file starts


def _decoded(image):
    """A JPEG's pixels, decoded by OpenCV in about half the time of the engine's loader (PIL) and, both
    being libjpeg-turbo, the same pixels (BGR, EXIF orientation ignored as PIL does); anything else as given."""
    if isinstance(image, bytes) and image.startswith(JPEG_MAGIC):
        import cv2
        import numpy as np

        pixels = cv2.imdecode(np.frombuffer(image, np.uint8), cv2.IMREAD_COLOR | cv2.IMREAD_IGNORE_ORIENTATION)
        if pixels is not None:
            return pixels
    return image


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def recognise(image, source: str, deadline: float | None = None, settings: Settings | None = None,
              share: int | None = None) -> list[Box]:
    """Text boxes of one page image (bytes, path or numpy array); ``share``: the cores this page may use
    when ``settings.threads`` is 0 (default: all of them)."""
    settings = settings or SETTINGS
    if deadline is not None and time.monotonic() > deadline:
        raise LimitExceeded(f"{source}: OCR time limit reached")
    engine = _engine(settings, settings.threads or share or _cores())
    try:
        image = _decoded(image)
        result, _ = engine(image, use_cls=settings.angle == "always")
        if settings.angle == "auto" and result and median(float(r[2]) for r in result) < settings.upright_score:
            turned, _ = engine(image, use_cls=True)  # upside-down lines read badly: classify and turn them
            if turned and median(float(r[2]) for r in turned) > median(float(r[2]) for r in result):
                result = turned
    except Exception as e:  # the engine raises bare errors on undecodable images
        raise InputError(f"{source}: cannot read the image ({e})") from None
    boxes = []
    for points, text, score in result or ():
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        if text.strip() and float(score) >= MIN_SCORE:
            boxes.append(Box(float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys)), text.strip()))
    return boxes


def pages_at_once(pages: int, settings: Settings | None = None) -> int:
    """How many of a document's ``pages`` are recognised side by side."""
    return max(1, min(pages, (settings or SETTINGS).parallel_pages or _cores()))


def recognise_pages(images: list, sources: list[str], deadline: float | None = None,
                    settings: Settings | None = None) -> list[list[Box]]:
    """Text boxes of several pages, in order; with ``parallel_pages`` they run side by side in threads."""
    settings = settings or SETTINGS
    at_once = pages_at_once(len(images), settings)
    if at_once <= 1:
        return [recognise(im, src, deadline, settings) for im, src in zip(images, sources)]
    threads = max(1, _cores() // at_once)
    with ThreadPoolExecutor(max_workers=at_once, thread_name_prefix="zhibiao-ocr") as pool:
        futures = [pool.submit(recognise, im, src, deadline, settings, threads) for im, src in zip(images, sources)]
        try:
            return [f.result() for f in futures]
        except BaseException:
            for f in futures:
                f.cancel()
            raise


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
        kind = "wide" if column_of(b) is None else "cols"  # a title block is wide even over one column
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


__all__ = ["Box", "Line", "Settings", "LEGACY", "SETTINGS", "recognise", "recognise_pages", "pages_at_once", "reading_order", "columns",
           "SENTENCE_END"]
