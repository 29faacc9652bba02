"""FastAPI app over ``store.Database``: pages and a JSON API to see every number where it stands.

The app only calls the library. Request values reach the database as typed
arguments of ``Database`` methods, never as SQL. Document text is untrusted: it
is escaped piece by piece around the highlights, templates autoescape, and a
strict Content-Security-Policy forbids inline script.
"""
from __future__ import annotations

import hmac
import io
import ipaddress
import json
import math
import os
import re
import secrets
import threading
import time
import uuid
from collections import OrderedDict
import concurrent.futures as cf
from collections.abc import Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import jinja2
from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as Path_
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup, escape
from pandas import StringDtype

from .. import canonical as canon
from .. import display, output
from ..analysis import APPROX_TOLERANCE
from .. import load as loading
from .. import ocr
from ..errors import InputError, LimitExceeded, QueryError, StoreBusy, ZhibiaoError
from .. import store as storing
from ..records import LEVELS, STATUSES, Document, missing
from ..store import INDICATOR_ORDERS, Database

HERE = Path(__file__).parent
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
UPLOADS_QUOTA_BYTES = 2 * 2**30  # the uploads folder, all files together
PAGE_SIZE = 100  # rows a page of the indicators table shows
READ_WAIT = 5.0  # seconds a request waits for a writer (an ingest) before the page says busy
API_LIMIT = 1000  # rows /api/indicators returns when no limit is given
API_MAX_ROWS = 10_000  # rows one JSON response may hold: more are paged with offset
CSV_MAX_ROWS = 100_000
DOCUMENT_PAGE_RECORDS = 5_000  # records a document page lists and embeds (its text marks them all)
PAGE_EVIDENCE_CHARS = 400  # evidence embedded in a document page, per record
SCANNED = ("image", "scan")  # formats read by OCR: their pages can be shown with the text boxes

# Accepted upload types: suffix -> the leading bytes its content must start with
# (None: text, checked for NUL bytes instead). load() detects the format again from content.
UPLOAD_TYPES: dict[str, tuple[bytes, ...] | None] = {
    ".txt": None, ".htm": None, ".html": None,
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (ocr.JPEG_MAGIC,), ".jpeg": (ocr.JPEG_MAGIC,),
    ".tif": (b"II*\x00", b"MM\x00*"), ".tiff": (b"II*\x00", b"MM\x00*"),
    ".bmp": (b"BM",), ".webp": (b"RIFF",),
}

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class JSONBody(Response):
    """A response whose body is already JSON bytes."""

    media_type = "application/json"


Status = Enum("Status", [(s, s) for s in STATUSES], type=str)
Level = Enum("Level", [(s, s) for s in LEVELS], type=str)
Order = Enum("Order", [(s, s) for s in INDICATOR_ORDERS], type=str)


# ---------------------------------------------------------------- plain values

def _plain(v: Any) -> Any:
    """A JSON- and template-friendly Python value from what pandas/DuckDB hand back."""
    if missing(v):
        return None
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if hasattr(v, "tolist"):  # numpy scalars and arrays
        return _plain(v.tolist())
    if isinstance(v, (datetime, date)):  # pandas Timestamps included
        return v.isoformat()
    return v


def rows(df) -> list[dict[str, Any]]:
    """DataFrame -> list of plain dicts (NaN and NA become None; the store's ';'-joined flags a list).

    Column by column: a thousand records a request is the common case, and per-cell work shows.
    """
    if df is None or df.empty:
        return []
    columns = {}
    for name in df.columns:
        col = df[name]
        missing = col.isna().tolist()
        if col.dtype.kind in "iufb" or isinstance(col.dtype, StringDtype):
            values = col.tolist()
        else:
            values = [_plain(v) for v in col.tolist()]
        if any(missing):
            values = [None if gone else v for v, gone in zip(values, missing)]
        if name == "flags":
            values = [[f for f in v.split(";") if f] if isinstance(v, str) else v for v in values]
        columns[str(name)] = values
    names = list(columns)
    return [dict(zip(names, cells)) for cells in zip(*columns.values())]


def json_bytes(content: Any) -> bytes:
    """Plain rows straight to JSON: FastAPI's generic encoder costs more than the query."""
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def csv_bytes(found: list[dict]) -> bytes:
    """Plain rows as CSV with a byte-order mark, which spreadsheet programs need to read Chinese as UTF-8."""
    buf = io.StringIO()
    output.write_csv(({k: output.cell(v) if isinstance(v, list) else v for k, v in r.items()} for r in found),
                     buf, bom=True)
    return buf.getvalue().encode("utf-8")


def csv_response(body: bytes, filename: str) -> Response:
    return Response(body, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


# The targets page's verdicts, and the rule each stands for (the analysis decides; the page explains).
VERDICTS = {
    "met": "达成 met: the outcome reaches the target as its modifier reads it (at least, at most, a range, "
           f"or within {APPROX_TOLERANCE:.0%} of an approximate target)",
    "exceeded": "超额 exceeded: the outcome goes beyond a target it had to reach",
    "missed": "未达成 missed: the outcome falls short of the target",
    "no outcome": "无结果 no outcome: no later report gives the year's outcome yet",
}


def verdict(row: dict) -> str | None:
    """The row's result as the analysis gave it (None where there is no target)."""
    return str(row["result"]) if row.get("result") else None


def default_region(choices: dict) -> str | None:
    """The region a chart page shows first: the nation when the database has its reports."""
    return "全国" if "全国" in choices["regions"] else (choices["regions"] or [None])[0]


# ---------------------------------------------------------------- highlighting

RECOVERED_FLAGS = ("repaired", "recovered")


def is_recovered(record: dict) -> bool:
    """Values read from repaired (OCR or PDF) text are marked: they deserve a second look."""
    return any(str(f).startswith(RECOVERED_FLAGS) for f in (record.get("flags") or ()))


def highlight(text: str, records: list[dict]) -> Markup:
    """The text as HTML with one <mark> per run of overlapping record spans.

    The text is sliced at span boundaries and every piece escaped, so nothing of
    the document is ever interpreted as markup. Overlapping spans (one value, two
    metrics) merge into one mark that lists all their record ids.
    """
    spans = sorted(
        ((r["span_start"], r["span_end"], r) for r in records
         if isinstance(r.get("span_start"), int) and isinstance(r.get("span_end"), int)
         and 0 <= r["span_start"] < r["span_end"] <= len(text)),
        key=lambda t: (t[0], t[1]))
    groups: list[list] = []  # [start, end, [records]]
    for start, end, r in spans:
        if groups and start < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], end)
            groups[-1][2].append(r)
        else:
            groups.append([start, end, [r]])
    out: list[str] = []
    pos = 0
    for start, end, members in groups:
        out.append(_between(text[pos:start]))
        statuses = list(dict.fromkeys(str(r.get("status")) for r in members))
        classes = ["hl", f"st-{statuses[0]}" if len(statuses) == 1 else "st-mixed"]
        if any(is_recovered(r) for r in members):
            classes.append("recovered")
        title = "；".join(f"{r.get('metric')} · {r.get('status')}" for r in members)
        out.append(
            f'<mark class="{" ".join(escape(c) for c in classes)}" tabindex="0"'
            f' data-ids="{escape(" ".join(str(r.get("id")) for r in members))}"'
            f' data-status="{escape(" ".join(statuses))}" data-start="{start}" data-end="{end}"'
            f' title="{escape(title)}">{escape(text[start:end])}</mark>'
        )
        pos = end
    out.append(_between(text[pos:]))
    return Markup("".join(out))


_BLANK_RUN = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*){2,}")


def _between(piece: str) -> str:
    """Text between marks, escaped, a run of blank lines shown as one (marks carry their own offsets)."""
    return str(escape(_BLANK_RUN.sub("\n\n", piece)))


def canonical_info(indicator_id: str) -> dict | None:
    """What a canonical id means, from the shipped table, for the record card."""
    row = canon.get(indicator_id)
    if row is None:
        return None
    return {"id": row.id, "label": row.label_en, "category": row.category, "aliases": list(row.aliases),
            "headline": f"{row.headline_kind} in {row.headline_unit}"}


# ---------------------------------------------------------------- targets chart

def _nice_step(span: float) -> float:
    raw = span / 5 if span > 0 else 1.0
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)


MODIFIER_SIGNS = {"at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<", "approx": "≈"}


def _evidence_link(doc_id: Any, start: Any, end: Any) -> str | None:
    if doc_id is None:
        return None
    if isinstance(start, int) and isinstance(end, int):
        return f"/documents/{doc_id}#span-{start}-{end}"
    return f"/documents/{doc_id}"


def target_chart(data: list[dict], height: int = 380) -> dict | None:
    """Geometry of the targets-against-outcomes SVG; the template only draws it.

    The chart widens with the years it spans (about 32 units a year), so markers and their
    modifier signs stay apart on a long series.
    """
    values = [v for r in data for v in (r.get("target"), r.get("target_max"), r.get("outcome"))
              if isinstance(v, (int, float))]
    years = [r["year"] for r in data if isinstance(r.get("year"), int)
             and any(isinstance(r.get(k), (int, float)) for k in ("target", "outcome"))]
    if not values or not years:
        return None
    axes = _axes(values, years, height)
    sx, sy = axes.pop("sx"), axes.pop("sy")
    points, target_line, outcome_line = [], [], []
    for r in sorted(data, key=lambda r: (r.get("year") or 0)):
        year = r.get("year")
        if year not in years:
            continue
        # targets a little left of the year, outcomes a little right: both stay visible
        p: dict[str, Any] = {"year": year, "x": sx(year), "tx": sx(year) - 6, "ox": sx(year) + 6, "row": r}
        t, tmax, o = r.get("target"), r.get("target_max"), r.get("outcome")
        if isinstance(t, (int, float)):
            p["ty"] = sy(t)
            p["tmax_y"] = sy(tmax) if isinstance(tmax, (int, float)) else None
            p["sign"] = MODIFIER_SIGNS.get(r.get("modifier") or "", "")
            upper = "–" + display.short(tmax) if p["tmax_y"] is not None else ""
            p["target_label"] = p["sign"] + display.short(t) + upper
            p["target_href"] = _evidence_link(r.get("target_doc"), r.get("target_span_start"),
                                              r.get("target_span_end"))
            target_line.append(f"{p['tx']},{p['ty']}")
        if isinstance(o, (int, float)):
            p["oy"] = sy(o)
            p["outcome_label"] = display.short(o)
            p["met"] = {"met": "met", "exceeded": "met", "missed": "missed"}.get(verdict(r), "unknown")  # as the table
            p["outcome_href"] = _evidence_link(r.get("outcome_doc"), r.get("outcome_span_start"),
                                               r.get("outcome_span_end"))
            outcome_line.append(f"{p['ox']},{p['oy']}")
        points.append(p)
    return {**axes, "points": points, "target_line": " ".join(target_line), "outcome_line": " ".join(outcome_line)}


def _axes(values: list[float], years: list[int], height: int) -> dict:
    """A chart's frame, ticks and scales (``sx``, ``sy``) over ``years`` and ``values``; about 32 units a year."""
    left, right, top, bottom = 64, 20, 20, 40
    width = min(1600, max(720, left + right + 32 * (max(years) - min(years) + 1)))
    y0, y1 = min(values), max(values)
    step = _nice_step(y1 - y0)
    lo, hi = math.floor(y0 / step) * step, math.ceil(y1 / step) * step
    if hi == lo:
        lo, hi = lo - step, hi + step
    x0, x1 = min(years) - 0.5, max(years) + 0.5

    def sx(year: float) -> float:
        return round(left + (year - x0) / (x1 - x0) * (width - left - right), 1)

    def sy(v: float) -> float:
        return round(height - bottom - (v - lo) / (hi - lo) * (height - top - bottom), 1)

    n = int(round((hi - lo) / step))
    every = max(1, math.ceil(len(range(min(years), max(years) + 1)) / 12))
    return {"width": width, "height": height, "left": left, "right": width - right, "top": top,
            "bottom": height - bottom, "sx": sx, "sy": sy,
            "yticks": [{"y": sy(lo + i * step), "label": display.short(lo + i * step)} for i in range(n + 1)],
            "xticks": [{"x": sx(y), "label": str(y)} for y in range(min(years), max(years) + 1, every)]}


def series_chart(data: list[dict], height: int = 340) -> dict | None:
    """Geometry of one region's series by year: a line through the values, each point linked to its evidence."""
    data = sorted((r for r in data if isinstance(r.get("year"), int) and isinstance(r.get("value"), (int, float))),
                  key=lambda r: r["year"])
    if not data:
        return None
    axes = _axes([r["value"] for r in data], [r["year"] for r in data], height)
    sx, sy = axes.pop("sx"), axes.pop("sy")
    points = [{"year": r["year"], "x": sx(r["year"]), "y": sy(r["value"]), "row": r,
               "label": display.human(r["value"], r.get("unit")),
               "href": _evidence_link(r.get("doc_id"), r.get("span_start"), r.get("span_end"))} for r in data]
    return {**axes, "points": points, "line": " ".join(f"{p['x']},{p['y']}" for p in points)}


# ---------------------------------------------------------------- database access

class Store:
    """The database as the server sees it: no connection while idle, a short-lived read-only one
    for each burst of calls, so ``ingest``, ``query`` and notebooks can use the same file while it serves.

    Calls run one at a time (one process may not hold a file under two configurations). Answers
    are cached per *generation*: the size and modification time of the database file and its
    write-ahead log, so a write by any process, an upload or an ``ingest``, is seen on the next
    request. See docs/STORE.md, "Readers beside the explorer".
    """

    CACHE_BYTES = 256 * 2**20
    CACHE_ENTRY_BYTES = 16 * 2**20
    LINGER = 0.3  # seconds the reader stays open after a call
    MAX_HOLD = 2.0  # seconds it may stay open under steady load
    GAP = 0.3  # seconds it then stays closed: longer than a writer's longest retry delay

    def __init__(self, path: str | Path, wait: float = READ_WAIT):
        self.path = str(path)
        self.wait = wait
        if not Path(self.path).exists():  # a new database: created (and migrated) once, then let go
            Database(self.path).close()
        self.lock = threading.RLock()
        self._reader: Database | None = None
        self._opened_at = self._used_at = 0.0
        self._timer: threading.Timer | None = None
        self.generation: tuple = ()
        self._documents: dict[int, dict] = {}
        self._choices: tuple[tuple, dict] | None = None
        self._responses: OrderedDict[tuple, bytes] = OrderedDict()
        self._cached_bytes = 0
        self.refresh()

    def refresh(self) -> tuple:
        """The current generation; the caches are emptied when the files changed since the last look."""
        stamp = tuple((st.st_size, st.st_mtime_ns) if st else None
                      for st in map(_stat, (self.path, self.path + ".wal")))
        with self.lock:
            if stamp != self.generation:
                self.generation = stamp
                self._documents.clear()
                self._choices = None
                self._responses.clear()
                self._cached_bytes = 0
            return stamp

    @contextmanager
    def reader(self) -> Iterator[Database]:
        """The read-only Database, opened on demand (waiting a little for a writer) and kept for the
        calls that follow within LINGER seconds; a burst of requests shares one open (about 0.1 s).

        It is let go LINGER seconds after the last call, and at the latest MAX_HOLD seconds after it
        was opened, then not taken again for GAP seconds: under steady load a waiting writer, which
        retries at least every 0.2 s, still gets its turn.
        """
        with self.lock:
            if self._reader is not None and time.monotonic() - self._opened_at > self.MAX_HOLD:
                self._let_go()
                time.sleep(self.GAP)
            if self._reader is None:
                self._reader = Database(self.path, read_only=True, wait=self.wait)
                self._opened_at = time.monotonic()
            try:
                yield self._reader
            finally:
                self._used_at = time.monotonic()
                if self._timer is None:
                    self._timer = threading.Timer(self.LINGER, self._idle)
                    self._timer.daemon = True
                    self._timer.start()

    def _idle(self) -> None:
        with self.lock:
            self._timer = None
            if self._reader is None:
                return
            left = self._used_at + self.LINGER - time.monotonic()
            if left <= 0:
                self._let_go()
            else:
                self._timer = threading.Timer(left, self._idle)
                self._timer.daemon = True
                self._timer.start()

    def _let_go(self) -> None:
        with self.lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None

    def close(self) -> None:
        """Let go of the file now (the app's shutdown)."""
        with self.lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self._let_go()

    def cached(self, key: tuple, build: Callable[[], bytes]) -> bytes:
        """A response body from the cache, else built (outside the lock) and kept if small enough."""
        generation = self.refresh()
        with self.lock:
            body = self._responses.get(key)
            if body is not None:
                self._responses.move_to_end(key)
                return body
        body = build()
        with self.lock:
            if generation == self.generation and len(body) <= self.CACHE_ENTRY_BYTES and key not in self._responses:
                self._responses[key] = body
                self._cached_bytes += len(body)
                while self._cached_bytes > self.CACHE_BYTES:
                    self._cached_bytes -= len(self._responses.popitem(last=False)[1])
        return body

    def call(self, method: str, *args, **kwargs):
        with self.reader() as db:
            return getattr(db, method)(*args, **kwargs)

    def document(self, doc_id: int) -> dict | None:
        """The document with its records as plain rows and its highlighted text."""
        self.refresh()
        with self.lock:
            cached = self._documents.get(doc_id)
            if cached is not None:
                return cached
        raw = self.call("document", doc_id)
        if raw is None:
            return None
        doc = {k: rows(v) if hasattr(v, "itertuples") else _plain(v) for k, v in raw.items()}
        doc["html"] = highlight(doc.get("text") or "", doc["indicators"])
        with self.lock:
            if len(self._documents) >= 64:
                self._documents.pop(next(iter(self._documents)))
            self._documents[doc_id] = doc
        return doc

    def put(self, loaded) -> str | None:
        """Store one document read in a worker process, through a writable connection of its own held
        only for this document; the reason it failed, if it did. The next request sees the new data."""
        with self.lock:
            self._let_go()  # one process may not hold the file both read-only and writable
            with Database(self.path, wait=self.wait) as writer:
                error = writer.put(loaded)
        self.refresh()
        return error

    def choices(self) -> dict:
        """Filter options (regions, levels, years, canonical ids), recomputed when the data changed."""
        generation = self.refresh()
        with self.lock:
            if self._choices and self._choices[0] == generation:
                return self._choices[1]
            with self.reader() as db:
                docs = rows(db.documents())
                counts = rows(db.indicator_counts())
            result = {
                "regions": sorted({d["region"] for d in docs if d.get("region")}),
                "levels": sorted({d["level"] for d in docs if d.get("level")}),
                "years": sorted({d["year"] for d in docs if isinstance(d.get("year"), int)}),
                "canonical": sorted(r["id"] for r in counts if r["records"]),
                "target_canonical": sorted(r["id"] for r in counts if r["targets"]),
                "labels": {r["id"]: r["label_en"] for r in counts},
            }
            self._choices = (generation, result)
            return result


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


# ---------------------------------------------------------------- scans

class Scans:
    """Page images and text boxes of OCR'd documents.

    The store keeps a document's text, not where each line stood on its page, so a scan ingested
    elsewhere is read again (once, by ``read``: the explorer's worker processes) and its layout
    kept as JSON under the data folder. An upload's layout comes with the upload.
    """

    def __init__(self, folder: Path, read: Callable[[str], Document] = loading.load):
        self.folder, self.read = folder, read
        self.folder.mkdir(parents=True, exist_ok=True)
        self.locks: dict[int, threading.Lock] = {}
        self.guard = threading.Lock()

    def _file(self, doc_id: int) -> Path:
        return self.folder / f"{int(doc_id)}.json"

    def remember(self, doc_id: int, doc) -> None:
        """Keep the layout of a document just loaded (an upload), so it is never read twice."""
        # each origin is one OCR line, stretched over the line break after it: keep the line's own
        # length too, so the page can outline the value's part of the line, not the whole line
        layout = {"pages": max((o.page for o in doc.origins), default=0),
                  "origins": [[o.start, o.end, o.page, list(o.box) if o.box else None,
                               len(doc.text[o.start:o.end].rstrip())] for o in doc.origins]}
        with output.opened(self._file(doc_id)) as out:  # whole or not at all
            out.write(json.dumps(layout))

    def layout(self, doc: dict) -> dict:
        path = self._file(doc["id"])
        with self.guard:
            lock = self.locks.setdefault(doc["id"], threading.Lock())
        with lock:
            if not path.exists():
                self.remember(doc["id"], self.read(doc["source"]))
            return json.loads(path.read_text(encoding="utf-8"))

    def image(self, doc: dict, number: int) -> tuple[bytes, str]:
        """The page as the OCR saw it: the image file itself, or the PDF page's picture or rendering."""
        source = Path(doc["source"])
        try:
            data = source.read_bytes()
        except OSError as e:
            raise HTTPException(404, f"the source file is gone ({e.strerror})") from None
        if doc["format"] == "image":
            if number != 1:
                raise HTTPException(404, "an image has one page")
            if _image_type(data) != "image/tiff":
                return data, _image_type(data)
            from PIL import Image

            picture = Image.open(io.BytesIO(data)).convert("RGB")  # browsers do not show TIFF
            out = io.BytesIO()
            picture.save(out, format="PNG")
            return out.getvalue(), "image/png"
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if number > len(pdf.pages):
                raise HTTPException(404, f"no page {number}")
            picture = loading._page_image(pdf.pages[number - 1], data, number - 1, source.name)
        if isinstance(picture, bytes):
            return picture, _image_type(picture)
        from PIL import Image

        out = io.BytesIO()
        Image.fromarray(picture).save(out, format="PNG")
        return out.getvalue(), "image/png"


def _image_type(data: bytes) -> str:
    for magic, kind in ((b"\x89PNG", "image/png"), (b"\xff\xd8", "image/jpeg"), (b"GIF8", "image/gif"),
                        (b"BM", "image/bmp"), (b"II*\x00", "image/tiff"), (b"MM\x00*", "image/tiff")):
        if data.startswith(magic):
            return kind
    return "image/webp" if data[8:12] == b"WEBP" else "application/octet-stream"


# ---------------------------------------------------------------- uploads

@dataclass
class Job:
    """One uploaded file on its way through load, extract and the store."""

    id: str
    filename: str
    path: Path
    stage: str = "queued"
    progress: float = 0.0
    n_indicators: int | None = None
    doc_id: Any = None
    error: str | None = None
    started: float = field(default_factory=time.monotonic)

    def public(self) -> dict:
        return {
            "job": self.id, "filename": self.filename, "stage": self.stage, "progress": self.progress,
            "n_indicators": self.n_indicators, "doc_id": self.doc_id, "error": self.error,
            "done": self.stage in ("done", "failed"), "elapsed_s": round(time.monotonic() - self.started, 1),
            "document_url": f"/documents/{self.doc_id}" if self.doc_id is not None else None,
        }


class Uploads:
    """Saves uploads under the data folder; reads and extracts each in a worker process.

    A worker process, not the request thread, runs the library's per-document time budget, and
    one slow upload holds only its own worker. The worker's answer carries the scan layout, so
    a file is read once. The folder has a quota; a failed upload's file is removed (its error
    stays recorded in the database, under the name the user gave it).
    """

    WORKERS = 2

    def __init__(self, store: Store, scans: Scans, folder: Path, max_bytes: int, quota_bytes: int,
                 seconds: float | None):
        self.store, self.scans, self.folder, self.max_bytes = store, scans, folder, max_bytes
        self.quota_bytes, self.seconds = quota_bytes, seconds
        self.folder.mkdir(parents=True, exist_ok=True)
        self.jobs: dict[str, Job] = {}
        # the name each upload had on the user's machine, by the generated name it is stored under
        self.names_file = self.folder.parent / "upload-names.json"
        self.names: dict[str, str] = (json.loads(self.names_file.read_text(encoding="utf-8"))
                                      if self.names_file.exists() else {})
        self.threads = ThreadPoolExecutor(max_workers=self.WORKERS, thread_name_prefix="zhibiao-upload")
        self._processes = None
        self._processes_lock = threading.Lock()

    def used_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.folder.iterdir() if p.is_file())

    async def accept(self, upload: UploadFile) -> Job:
        """Check type, size and the folder's quota while saving under a generated name; queue the work."""
        suffix = Path(upload.filename or "").suffix.lower()
        if suffix not in UPLOAD_TYPES:
            raise HTTPException(415, f"unsupported file type {suffix or '(none)'}; "
                                     f"accepted: {', '.join(sorted(UPLOAD_TYPES))}")
        job_id = uuid.uuid4().hex
        path = self.folder / f"{job_id}{suffix}"
        room = self.quota_bytes - self.used_bytes()
        size = 0
        head = b""
        try:
            with path.open("wb") as out:
                while chunk := await upload.read(1 << 20):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise HTTPException(413, f"file larger than {self.max_bytes} bytes")
                    if size > room:
                        raise HTTPException(507, f"the uploads folder is full (quota {self.quota_bytes} bytes); "
                                                 "remove old uploads from it or raise the quota")
                    if len(head) < 8192:
                        head += chunk[:8192 - len(head)]
                    out.write(chunk)
            if size == 0:
                raise HTTPException(400, "empty file")
            magic = UPLOAD_TYPES[suffix]
            if magic is None:
                if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
                    raise HTTPException(415, f"{suffix} file with binary content")
            elif not head.startswith(magic):
                raise HTTPException(415, f"content is not a {suffix} file")
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        job = Job(job_id, Path(upload.filename or "").name[:200], path)
        self.jobs[job_id] = job
        self.names[path.name] = job.filename
        with output.opened(self.names_file) as out:
            out.write(json.dumps(self.names, ensure_ascii=False))
        while len(self.jobs) > 200:
            self.jobs.pop(next(iter(self.jobs)))
        self.threads.submit(self.run, job)
        return job

    def _pool(self):
        with self._processes_lock:
            if self._processes is None:
                self._processes = storing.worker_pool(self.WORKERS)
            return self._processes

    def _restart(self, pool) -> None:
        """Replace a pool whose worker died or hangs (its processes are killed, not waited for)."""
        with self._processes_lock:
            if self._processes is pool:
                self._processes = None
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def load(self, source: str) -> Document:
        """Load a file in a worker process, within the budget (a scan's layout, read again)."""
        return self._in_worker(source, loading.load, source, **storing.load_limits(self.seconds))

    def _read(self, job: Job):
        """The upload read and extracted in a worker process, within the per-document budget."""
        return self._in_worker(str(job.path), storing.read_document, str(job.path), self.seconds)

    def _in_worker(self, source: str, call: Callable, *args, **kwargs):
        """``call(*args, **kwargs)`` in a worker process; a worker stuck past the budget or dead is replaced.

        The worker's own alarm ends overtime work; the timeout here only catches a worker stuck past it.
        """
        pool = self._pool()
        future = pool.submit(call, *args, **kwargs)
        try:
            return future.result(timeout=self.seconds + 30 if self.seconds else None)
        except cf.TimeoutError:
            self._restart(pool)
            raise LimitExceeded(f"{source}: its worker went over the {self.seconds:g} s per-document budget") from None
        except cf.process.BrokenProcessPool:  # the server's fault, not the file's: a 500, not a 400
            self._restart(pool)
            raise ZhibiaoError(f"{source}: the worker process died reading it (out of memory?)") from None

    def run(self, job: Job) -> None:
        """Read and extract the file in a worker process, then store it (a scan's page layout kept)."""
        try:
            job.stage, job.progress = "reading and extracting", 0.3
            loaded = self._read(job)
            job.stage, job.progress = "storing", 0.8
            error = self.store.put(loaded)
            if error:
                raise InputError(error)
            job.n_indicators = loaded.document["n_indicators"]
            job.doc_id = loaded.document["id"]
            if loaded.origins:
                self.scans.remember(job.doc_id, Document(text=loaded.text, format=loaded.document["format"],
                                                         origins=loaded.origins))
            job.stage, job.progress = "done", 1.0
        except ZhibiaoError as e:
            job.stage, job.error = "failed", str(e).replace(str(job.path.resolve()), job.filename).replace(
                str(job.path), job.filename)
            job.path.unlink(missing_ok=True)
        except Exception as e:  # a worker thread must report, not die silently
            job.stage, job.error = "failed", f"internal error: {type(e).__name__}: {e}"
            job.path.unlink(missing_ok=True)

    def close(self) -> None:
        self.threads.shutdown(wait=False, cancel_futures=True)
        if self._processes is not None:
            self._processes.shutdown(wait=False, cancel_futures=True)


# ---------------------------------------------------------------- app

def _schema_type(schema: dict, schemas: dict) -> str:
    """An OpenAPI parameter schema in a few words: integer, string | null, actual | estimate | target."""
    if "$ref" in schema:
        schema = schemas.get(schema["$ref"].rsplit("/", 1)[-1], {})
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    if "anyOf" in schema:
        return " | ".join(_schema_type(s, schemas) for s in schema["anyOf"])
    return schema.get("type", "")


SAFETY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                  (b"referrer-policy", b"no-referrer")]


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _hostname(host: str) -> str:
    """The name in a Host header (or an Origin's netloc): port and IPv6 brackets off, lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class Guard:
    """Plain ASGI middleware (cheaper than Starlette's BaseHTTPMiddleware under load).

    Refuses a Host header that is not one of the server's own names (a page of another site whose
    name was rebound to this address sends its own name: DNS rebinding), and a state-changing
    request whose Origin, or else Referer, is not the server's own origin (CSRF: browsers send
    them; a script without them is no browser acting for its user). Refuses oversized uploads
    before their body is read, drops the empty fields a filter form sends (year= means no year
    filter, not a bad year), and adds the safety headers.
    """

    def __init__(self, app, max_upload_bytes: int, hosts: frozenset[str], any_ip: bool = False):
        self.app, self.max_upload_bytes, self.hosts, self.any_ip = app, max_upload_bytes, hosts, any_ip

    def _refusal(self, scope) -> tuple[int, str] | None:
        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1")
        name = _hostname(host)
        if name not in self.hosts and not (self.any_ip and _is_ip(name)):
            return 421, f"this server does not answer to the host {name or '(none)'!r}"
        if scope["method"] in UNSAFE_METHODS:
            own = f"{scope.get('scheme', 'http')}://{host.strip().lower()}"
            origin = headers.get(b"origin")
            if origin is not None:
                if origin.decode("latin-1").strip().lower() != own:
                    return 403, "cross-site request refused: its Origin is not this server"
            elif b"referer" in headers:
                parts = urlsplit(headers[b"referer"].decode("latin-1"))
                if f"{parts.scheme}://{parts.netloc}".lower() != own:
                    return 403, "cross-site request refused: its Referer is not this server"
        if scope["method"] == "POST" and scope["path"] in ("/api/uploads", "/upload"):
            length = headers.get(b"content-length", b"")
            if not length.isdigit():
                return 411, "a Content-Length is required"
            if int(length) > self.max_upload_bytes + 64 * 1024:
                return 413, f"file larger than {self.max_upload_bytes} bytes"
        return None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        query = scope.get("query_string", b"")
        if query:
            pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
            if any(v == "" for _, v in pairs):
                scope = {**scope, "query_string": urlencode([(k, v) for k, v in pairs if v != ""]).encode("latin-1")}
        problem = self._refusal(scope)
        if problem:
            response = JSONResponse({"error": problem[1]}, status_code=problem[0])
            response.raw_headers.extend(SAFETY_HEADERS)
            return await response(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SAFETY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db_path: str | Path, data_dir: str | Path | None = None, *,
               max_upload_bytes: int = MAX_UPLOAD_BYTES, uploads_quota_bytes: int = UPLOADS_QUOTA_BYTES,
               hosts: tuple[str, ...] = LOOPBACK_HOSTS, any_ip: bool = False,
               document_seconds: float | None = storing.DOCUMENT_SECONDS) -> FastAPI:
    """The explorer over the database at ``db_path``; uploads are kept under ``data_dir``
    (default: ``<db name>-data`` beside the database).

    ``hosts`` are the names the server answers to (its Host header); ``any_ip`` also lets any IP
    address through (a server bound to all interfaces: an address is not rebindable, a name is).
    """
    db_path = Path(db_path)
    data = Path(data_dir) if data_dir else db_path.with_name(db_path.stem + "-data")
    store = Store(db_path)
    scans = Scans(data / "layouts", read=lambda source: uploads.load(source))
    uploads = Uploads(store, scans, data / "uploads", max_upload_bytes, uploads_quota_bytes, document_seconds)
    csrf_token = secrets.token_urlsafe(32)  # per server run: a page of another site cannot read it

    @asynccontextmanager
    async def lifespan(_app):
        yield
        uploads.close()  # at shutdown: stop the upload workers, then let go of the database file
        store.close()

    app = FastAPI(
        title="zhibiao", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
        description="Quantitative indicators of government work reports, each with the span it was read from.",
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = display.short
    env.filters["shown_name"] = lambda source: (uploads.names.get(Path(source).name) or Path(source).name
                                                if source else "")

    def render(name: str, **context) -> bytes:
        return env.get_template(name).render(nav=name, **context).encode("utf-8")

    def page(name: str, status_code: int = 200, **context) -> Response:
        return HTMLResponse(render(name, **context), status_code=status_code)

    app.add_middleware(Guard, max_upload_bytes=max_upload_bytes, hosts=frozenset(_hostname(h) for h in hosts),
                       any_ip=any_ip)
    app.state.uploads = uploads

    @app.exception_handler(ZhibiaoError)
    async def library_error(request: Request, exc: ZhibiaoError):
        code = 400 if isinstance(exc, (InputError, QueryError)) else 503 if isinstance(exc, StoreBusy) else 500
        headers = {"Retry-After": "5"} if code == 503 else None
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(exc)}, status_code=code, headers=headers)
        response = page("error.html", status_code=code, message=str(exc))
        response.headers.update(headers or {})
        return response

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return page("error.html", status_code=exc.status_code, message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors())
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": problems, "detail": jsonable_encoder(exc.errors())}, status_code=422)
        return page("error.html", status_code=422, message=problems)

    def get_document(doc_id: int) -> dict:
        doc = store.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id}")
        return doc

    def indicator_rows(canonical, region, year, status, level, doc_id, q, limit, sort, **page) -> list[dict]:
        return rows(store.call(
            "indicators", canonical=canonical or None, region=region or None, year=year,
            status=status.value if status else None, level=level.value if level else None, doc_id=doc_id,
            q=q or None, limit=limit, order=sort.value if sort else None, **page,
        ))

    def next_page(request: Request, offset: int, limit: int, count: int) -> str | None:
        """The URL of the next page when this one is full (there may be more)."""
        if count < limit:
            return None
        return f"{request.url.path}?{urlencode({**request.query_params, 'offset': offset + limit, 'limit': limit})}"

    # ------------------------------------------------------------ JSON API

    @app.get("/api/documents", tags=["api"], summary="Documents, filtered")
    def api_documents(region: str | None = Query(None, max_length=100), level: Level | None = None,
                      year: int | None = Query(None, ge=1900, le=2200),
                      q: str | None = Query(None, max_length=200, description="words in title or source"),
                      limit: int = Query(API_MAX_ROWS, ge=1, le=API_MAX_ROWS)):
        def build() -> bytes:
            docs = rows(store.call("documents", region=region or None, level=level.value if level else None,
                                   year=year, q=q or None, limit=limit))
            return json_bytes({"count": len(docs), "documents": docs})

        return JSONBody(store.cached(("api/documents", region, level, year, q, limit), build))

    @app.get("/api/documents/{doc_id}", tags=["api"], summary="One document: text and records")
    def api_document(request: Request, doc_id: int, limit: int = Query(API_LIMIT, ge=1, le=API_MAX_ROWS),
                     offset: int = Query(0, ge=0, description="records to skip: pages through a long document")):
        def build() -> bytes:
            doc = get_document(doc_id)
            records = doc["indicators"][offset:offset + limit]
            return json_bytes({**{k: v for k, v in doc.items() if k != "html"}, "indicators": records,
                               "indicators_total": len(doc["indicators"]), "offset": offset, "limit": limit,
                               "next": next_page(request, offset, limit, len(records))
                               if offset + limit < len(doc["indicators"]) else None})

        return JSONBody(store.cached(("api/document", doc_id, limit, offset), build))

    @app.get("/api/indicators", tags=["api"], summary="Indicator records over all documents")
    def api_indicators(request: Request,
                       canonical: str | None = Query(None, max_length=100, description="canonical id, e.g. gdp"),
                       region: str | None = Query(None, max_length=100),
                       year: int | None = Query(None, ge=1900, le=2200, description="report year"),
                       status: Status | None = None, level: Level | None = None, doc_id: int | None = None,
                       q: str | None = Query(None, max_length=200, description="words in metric or evidence"),
                       sort: Order | None = Query(None, description="default: as stored, region then year"),
                       limit: int = Query(API_LIMIT, ge=1, le=API_MAX_ROWS),
                       offset: int = Query(0, ge=0, description="rows to skip: the next page is at offset + limit")):
        def build() -> bytes:
            found = indicator_rows(canonical, region, year, status, level, doc_id, q, limit, sort, offset=offset)
            return json_bytes({"count": len(found), "limit": limit, "offset": offset,
                               "next": next_page(request, offset, limit, len(found)), "indicators": found})

        key = ("api/indicators", canonical, region, year, status, level, doc_id, q, sort, limit, offset)
        return JSONBody(store.cached(key, build))

    @app.get("/api/indicators.csv", tags=["api"], summary="The same records as CSV")
    def api_indicators_csv(canonical: str | None = Query(None, max_length=100),
                           region: str | None = Query(None, max_length=100),
                           year: int | None = Query(None, ge=1900, le=2200), status: Status | None = None,
                           level: Level | None = None, doc_id: int | None = None,
                           q: str | None = Query(None, max_length=200), sort: Order = Order.newest,
                           limit: int = Query(CSV_MAX_ROWS, ge=1, le=CSV_MAX_ROWS,
                                              description="default: every match, up to the most one file holds"),
                           offset: int = Query(0, ge=0, description="rows to skip: the next file starts here")):
        def build() -> bytes:
            return csv_bytes(indicator_rows(canonical, region, year, status, level, doc_id, q, limit, sort,
                                            offset=offset))

        key = ("api/indicators.csv", canonical, region, year, status, level, doc_id, q, sort, limit, offset)
        body = store.cached(key, build)
        return csv_response(body, "indicators.csv")

    @app.get("/api/targets", tags=["api"], summary="Targets against outcomes by year")
    def api_targets(indicator: str = Query(..., max_length=100, description="canonical id, e.g. gdp"),
                    region: str | None = Query(None, max_length=100)):
        def build() -> bytes:
            found = rows(store.call("targets", indicator, region=region or None))
            return json_bytes({"indicator": indicator, "region": region, "count": len(found), "targets": found})

        return JSONBody(store.cached(("api/targets", indicator, region), build))

    @app.get("/api/targets.csv", tags=["api"], summary="Targets against outcomes, with the parent's, as CSV")
    def api_targets_csv(indicator: str = Query(..., max_length=100), region: str | None = Query(None, max_length=100)):
        def build() -> bytes:
            return csv_bytes(rows(store.call("targets", indicator, region=region or None, vs_parent=True)))

        body = store.cached(("api/targets.csv", indicator, region), build)
        return csv_response(body, f"targets-{indicator}.csv")

    @app.get("/api/series", tags=["api"], summary="One indicator's values by region and year")
    def api_series(indicator: str = Query(..., max_length=100, description="canonical id, e.g. cpi"),
                   region: str | None = Query(None, max_length=100), status: Status = Status.actual):
        def build() -> bytes:
            found = rows(store.call("series", indicator, status=status.value, region=region or None))
            return json_bytes({"indicator": indicator, "region": region, "status": status.value,
                               "count": len(found), "series": found})

        return JSONBody(store.cached(("api/series", indicator, region, status), build))

    @app.post("/api/uploads", tags=["api"], status_code=202, summary="Extract and store an uploaded report")
    async def api_upload(file: UploadFile = File(..., description="txt, html, pdf, docx or an image")):
        job = await uploads.accept(file)
        return job.public()

    @app.get("/api/uploads/{job_id}", tags=["api"], summary="Progress of an upload")
    def api_upload_status(job_id: str):
        job = uploads.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no upload {job_id}")
        return job.public()

    # ------------------------------------------------------------ pages

    @app.get("/", include_in_schema=False)
    def home():
        return RedirectResponse("/documents", status_code=303)

    @app.get("/documents", include_in_schema=False)
    def documents_page(region: str | None = Query(None, max_length=100),
                       level: Level | None = None, year: int | None = Query(None, ge=1900, le=2200),
                       q: str | None = Query(None, max_length=200)):
        docs = rows(store.call("documents", region=region or None, level=level.value if level else None,
                               year=year, q=q or None))
        return page("documents.html", documents=docs, choices=store.choices(),
                    filters={"region": region or "", "level": level.value if level else "",
                             "year": year or "", "q": q or ""})

    @app.get("/documents/{doc_id}", include_in_schema=False)
    def document_page(doc_id: int):
        return HTMLResponse(store.cached(("page/document", doc_id), lambda: render_document(doc_id)))

    def render_document(doc_id: int) -> bytes:
        doc = get_document(doc_id)
        # The page stays bounded: its text marks every value, its list and data hold the first records,
        # each with its evidence cut short (the whole record is in the API).
        records = doc["indicators"][:DOCUMENT_PAGE_RECORDS]
        ids = sorted({r["canonical"] for r in records if r.get("canonical")})
        # record ids pass 2**53, past what a JavaScript number holds exactly: the page gets strings
        records_js = [{**r, "id": str(r["id"]), "evidence": (r.get("evidence") or "")[:PAGE_EVIDENCE_CHARS]}
                      for r in records]
        return render("document.html", doc=doc, records=records, records_js=records_js,
                      total=len(doc["indicators"]),
                      counts={s: sum(r.get("status") == s for r in records) for s in STATUSES},
                      canonical=ids, canonical_info={c: canonical_info(c) for c in ids},
                      scanned=doc.get("format") in SCANNED, recovered=any(is_recovered(r) for r in records))

    @app.get("/api/documents/{doc_id}/layout", tags=["api"], summary="A scan's pages and text boxes")
    def api_layout(doc_id: int):
        """Where each stretch of a scan's text stands on its page: [start, end, page, [x0, y0, x1, y1]]."""
        doc = get_document(doc_id)
        if doc.get("format") not in SCANNED:
            return {"pages": 0, "origins": []}
        return scans.layout(doc)

    @app.get("/documents/{doc_id}/pages/{number}", include_in_schema=False)
    def page_image(doc_id: int, number: int = Path_(ge=1, le=10_000)):
        """A scan's page image, read from the document's own source: no path comes from the request."""
        doc = get_document(doc_id)
        if doc.get("format") not in SCANNED:
            raise HTTPException(404, "not a scanned document")
        body, media_type = scans.image(doc, number)
        return Response(body, media_type=media_type, headers={"Cache-Control": "private, max-age=3600"})

    @app.get("/indicators", include_in_schema=False)
    def indicators_page(canonical: str | None = Query(None, max_length=100),
                        region: str | None = Query(None, max_length=100),
                        year: int | None = Query(None, ge=1900, le=2200), status: Status | None = None,
                        level: Level | None = None, q: str | None = Query(None, max_length=200),
                        sort: Order = Order.newest, page_no: int = Query(1, ge=1, alias="page"),
                        size: int = Query(PAGE_SIZE, ge=1, le=5000)):
        sort = sort.value
        where = {"canonical": canonical or None, "region": region or None, "year": year,
                 "status": status.value if status else None, "level": level.value if level else None, "q": q or None}
        total = store.call("count_indicators", **where)
        pages = max(1, math.ceil(total / size))
        page_no = min(page_no, pages)
        found = rows(store.call("indicators", **where, limit=size, offset=(page_no - 1) * size, order=sort))
        filters = {"canonical": canonical or "", "region": region or "", "year": year or "",
                   "status": status.value if status else "", "level": level.value if level else "", "q": q or ""}
        kept = {k: v for k, v in filters.items() if v != ""}

        def link(**change) -> str:
            return "/indicators?" + urlencode({**kept, "sort": sort, "size": size, "page": page_no, **change})

        csv_query = urlencode({**kept, "sort": sort})  # the page's filters and order: its rows, in its order
        return page("indicators.html", records=found, filters=filters, total=total, sort=sort, size=size,
                    page_no=page_no, pages=pages, first=(page_no - 1) * size + 1 if found else 0,
                    link=link, choices=store.choices(), statuses=STATUSES, csv_max=CSV_MAX_ROWS,
                    csv_url=f"/api/indicators.csv?{csv_query}")

    @app.get("/targets", include_in_schema=False)
    def targets_page(indicator: str = Query("gdp", max_length=100),
                     region: str | None = Query(None, max_length=100)):
        choices = store.choices()
        region = region or default_region(choices)
        try:
            found, problem = rows(store.call("targets", indicator, region=region, vs_parent=True)), None
        except QueryError as e:  # an unknown indicator: say so beside the form
            found, problem = [], str(e)
        for r in found:
            r["verdict"] = verdict(r)
        query = urlencode({"indicator": indicator, **({"region": region} if region else {})})
        return page("targets.html", indicator=indicator, region=region, rows=found,
                    chart=target_chart(found), choices=choices, problem=problem, query=query,
                    has_parent=any(r.get("parent_target") is not None for r in found),
                    verdicts=VERDICTS)

    @app.get("/series", include_in_schema=False)
    def series_page(indicator: str = Query("gdp", max_length=100), region: str | None = Query(None, max_length=100),
                    status: Status = Status.actual):
        choices = store.choices()
        region = region or default_region(choices)
        try:
            found, problem = rows(store.call("series", indicator, status=status.value, region=region)), None
        except QueryError as e:
            found, problem = [], str(e)
        return page("series.html", indicator=indicator, region=region, status=status.value, rows=found,
                    chart=series_chart(found), choices=choices, problem=problem, statuses=STATUSES)

    @app.get("/upload", include_in_schema=False)
    def upload_page():
        return page("upload.html", max_bytes=max_upload_bytes, types=sorted(UPLOAD_TYPES), csrf=csrf_token)

    @app.post("/upload", include_in_schema=False)
    async def upload_form(file: UploadFile = File(...), csrf: str = Form("")):
        """The form post without JavaScript: queue, then watch /upload/{job}. The form carries the
        page's token: another site can make a browser post a form, not read the token."""
        if not hmac.compare_digest(csrf.encode(), csrf_token.encode()):
            raise HTTPException(403, "the upload form is out of date or from another site; reload /upload")
        job = await uploads.accept(file)
        return RedirectResponse(f"/upload/{job.id}", status_code=303)

    @app.get("/upload/{job_id}", include_in_schema=False)
    def upload_status_page(job_id: str):
        job = uploads.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no upload {job_id}")
        if job.stage == "done":
            return RedirectResponse(f"/documents/{job.doc_id}", status_code=303)
        return page("upload_status.html", job=job.public())

    @app.get("/docs", include_in_schema=False)
    def api_page():
        """The OpenAPI description drawn server-side: no Swagger bundle from a CDN."""
        spec = app.openapi()
        schemas = spec.get("components", {}).get("schemas", {})
        return page("api.html", spec=spec, type_of=lambda schema: _schema_type(schema, schemas))

    return app
