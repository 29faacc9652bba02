"""The indicator database: a corpus of reports, their sections and records, in DuckDB.

Ingest is idempotent by content: a document is keyed by its resolved path, and
a file whose sha256 is unchanged is skipped; a changed one has its rows
replaced. Each document is written with all its rows in one transaction, so a
run that is killed leaves only whole documents behind and the next run simply
does the rest. Loading and extraction run in worker processes; only the main
process writes. The texts are kept beside the file (``TextStore``). The schema
is in docs/STORE.md and versioned in ``schema_version`` by ``MIGRATIONS``.
"""
from __future__ import annotations

import concurrent.futures as cf
import errno
import gzip
import hashlib
import multiprocessing
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO

import duckdb
import pandas as pd
import pyarrow as pa

from . import analysis, canonical, metadata, output, sections as outlining
from .errors import InputError, LimitExceeded, QueryError, StoreBusy, StoreError, ZhibiaoError
from .grammar import extract_document
from .load import DOCUMENT_SECONDS, not_regular  # the one per-document budget, defined by the loader
from .load import load as load_file
from .records import COLUMNS, INDICATOR_COLUMNS, LABELS as RECORD_LABELS, STATUSES, Document, Indicator
from .records import indicators_ddl, missing

# Suffixes taken when walking a folder; a file named on the command line is always tried.
SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".pdf", ".docx",
                      ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"})
FORMATS = ("csv", "parquet", "xlsx", "dta", "jsonl")
PANEL_FORMATS = ("dta", "csv", "parquet", "xlsx")
_COPY_OPTIONS = {"csv": "FORMAT csv, HEADER", "parquet": "FORMAT parquet", "jsonl": "FORMAT json"}  # DuckDB writes
STATA_NAME_MAX = 32
XLSX_MAX_ROWS = 1_048_575
LOCK_WAIT = 10.0  # seconds a Database waits for another process to let go of the file

_ARROW = {"BIGINT": pa.int64(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(), "VARCHAR": pa.string()}
_INDICATOR_SCHEMA = pa.schema([(c.name, _ARROW[c.sql.split()[0]]) for c in COLUMNS if c.stored])
DOCUMENT_COLUMNS = ("id", "source", "sha256", "format", "bytes", "chars", "region", "level", "year",
                    "reviewed_year", "government", "title", "date", "n_indicators", "n_targets",
                    "n_canonical", "error")
SECTION_COLUMNS = ("doc_id", "idx", "span_start", "span_end", "heading", "path", "role", "level")

MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (1, "documents, sections, indicators", (
        """CREATE TABLE documents (
            id BIGINT NOT NULL, source VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, format VARCHAR,
            bytes BIGINT, chars BIGINT, region VARCHAR, level VARCHAR, year INTEGER,
            reviewed_year INTEGER, government VARCHAR, title VARCHAR, date VARCHAR,
            n_indicators INTEGER, n_targets INTEGER, n_canonical INTEGER, error VARCHAR,
            ingested_at TIMESTAMP DEFAULT current_timestamp)""",
        """CREATE TABLE sections (
            doc_id BIGINT NOT NULL, idx INTEGER NOT NULL, span_start INTEGER, span_end INTEGER,
            heading VARCHAR, path VARCHAR, role VARCHAR, level INTEGER)""",
        indicators_ddl(),
    )),
    (2, "settings: the canonical table the records were matched with", (
        "CREATE TABLE settings (key VARCHAR NOT NULL, value VARCHAR)",
    )),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]

# Variable labels for exports (Stata's .dta keeps them; the other formats carry the names).
LABELS = {**RECORD_LABELS, "source": "source file", "region": "region of the report",
          "level": "level of government", "year": "year the report was delivered",
          "reviewed_year": "year the report reviews"}


@dataclass(frozen=True)
class IngestSummary:
    """What one ingest run did, for the closing line and for benchmarks."""

    files: int
    ingested: int
    replaced: int
    skipped: int
    failed: tuple[tuple[str, str], ...]  # (source, error)
    records: int
    matched: int  # records with a canonical id
    chars: int
    seconds: float
    db_bytes: int
    refused: tuple[tuple[str, str], ...] = ()  # (path, why): FIFOs, devices, broken links, folders named like files
    failed_before: int = 0  # unchanged files that failed before, not tried again (retry_failed=True does)
    retried: tuple[str, ...] = ()  # documents whose worker process died, read again in a new one
    kept_records: int = 0  # records of the unchanged (skipped) documents, already stored
    kept_matched: int = 0

    @property
    def docs_per_s(self) -> float:
        return (self.ingested + len(self.failed)) / self.seconds if self.seconds else 0.0

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0

    @property
    def matched_share(self) -> float:
        return self.matched / self.records if self.records else 0.0


@dataclass(frozen=True)
class _Work:
    source: str
    sha256: str
    size: int


@dataclass(frozen=True)
class _Loaded:
    """A worker's answer: the rows of one document, or the error that stopped it."""

    work: _Work
    document: dict
    sections: tuple[tuple, ...]
    indicators: pa.Table | None
    text: str | None = None
    origins: tuple = ()  # pages and boxes of OCR'd text, so a scan's layout needs no second reading


MAX_RECORDS = 100_000  # per document: record ids are doc_id * MAX_RECORDS + idx


def doc_id_of(source: str) -> int:
    """A stable id from the source path, so reruns and resumed runs give identical rows.

    36 bits keep record ids below 2**53, exact in Stata and Excel, which store doubles.
    """
    return int(hashlib.sha256(source.encode("utf-8")).hexdigest()[:9], 16)


def discover(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Every file named, and every file with a known suffix under each folder, sorted, once; and the
    paths that are no regular file (a FIFO would block, a device never end), each with the reason."""
    found: dict[str, Path] = {}
    refused: dict[str, str] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (child.suffix.lower() in SUFFIXES
                        and not any(part.startswith(".") for part in child.relative_to(path).parts)):
                    why = _irregular(child)
                    if why:
                        refused.setdefault(str(child), why)
                    else:
                        found.setdefault(str(child.resolve()), child)
        elif not os.path.lexists(path):
            raise InputError(f"{path}: no such file or folder")
        elif why := _irregular(path):
            refused.setdefault(str(path), why)
        else:
            found.setdefault(str(path.resolve()), path)
    return [Path(source) for source in sorted(found)], sorted(refused.items())


def _irregular(path: Path) -> str | None:
    """Why ``path`` is not read as a document, or None for a regular file (or a link to one)."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symbolic link loop"
        return "broken symbolic link" if path.is_symlink() else f"cannot read ({e.strerror or e})"
    why = not_regular(mode)
    if why and why.startswith("is a directory"):
        return "a folder named like a file"
    return why


def _sha256(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


class Overtime(BaseException):
    """Raised by the budget's alarm; a BaseException, so no ``except Exception`` on the way swallows it."""


def load_limits(seconds: float | None) -> dict:
    """The loader's keywords for a per-document budget of ``seconds`` (None: the loader's default)."""
    return {"max_seconds": seconds} if seconds else {}


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (an alarm signal: regex matching checks for it too).

    Signals reach only the main thread; elsewhere (a server's thread) the block runs unbounded,
    which is why the explorer reads uploads in a worker process.
    """
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum, frame):
        raise Overtime

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _document_row(work: _Work) -> dict:
    """The ``documents`` row every document starts from: its id, file and content, nothing read yet."""
    return {**dict.fromkeys(DOCUMENT_COLUMNS), "id": doc_id_of(work.source), "source": work.source,
            "sha256": work.sha256, "bytes": work.size}


def _failed(work: _Work, error: str) -> _Loaded:
    """A document that could not be read or extracted: its row with the one-line reason, no records.

    The reason is led by the file's path, once, here: what the CLI prints and the explorer shows as it is
    (the loader's own messages name the file already, others do not).
    """
    named = error if error.startswith(f"{work.source}: ") else f"{work.source}: {error}"
    return _Loaded(work, {**_document_row(work), "error": named}, (), None)


def _message(e: BaseException) -> str:
    """``e`` as one reason: the library's messages as they are, anything else with its type."""
    return str(e) if isinstance(e, ZhibiaoError) else f"{type(e).__name__}: {e}"


def _load_one(work: _Work, seconds: float | None = DOCUMENT_SECONDS) -> _Loaded:
    """Load, outline and extract one file (in a worker) within the time budget; every failure
    becomes the document's one-line error."""
    try:
        with budget(seconds):  # the loader's own page and OCR deadline is the same budget
            doc = load_file(work.source, **load_limits(seconds))  # it detects metadata and outlines the text once
            records = extract_document(doc)
        if len(records) >= MAX_RECORDS:
            raise LimitExceeded(f"{work.source}: {len(records)} records, more than {MAX_RECORDS - 1} in one document")
    except Overtime:
        return _failed(work, f"reading and extracting took over {seconds:g} s, "
                             "the per-document budget (skipped on reruns unless --retry-failed)")
    except Exception as e:  # noqa: BLE001 - one bad file must not stop a corpus run
        return _failed(work, _message(e))
    return _rows(work, doc, records)


def _rows(work: _Work, doc: Document, records: list[Indicator]) -> _Loaded:
    base = _document_row(work)
    doc_id = base["id"]
    meta = doc.meta
    year = meta.get("year")
    reviewed = meta.get("reviewed_year") or (year - 1 if year else None)
    cols: dict[str, list] = {name: [] for name in INDICATOR_COLUMNS}
    for idx, r in enumerate(records):
        section = outlining.at(doc.sections, r.span.start) if doc.sections else None
        values = (
            doc_id * MAX_RECORDS + idx, doc_id, idx, r.metric, r.value, r.value_max, r.unit, r.kind,
            r.direction, r.modifier, r.status, r.span.start, r.span.end, r.span.text, r.evidence.text,
            r.evidence.start, r.evidence.end, str(r.period) if r.period else None,
            r.period.start if r.period else None, r.period.end if r.period else None,
            r.canonical or canonical.match(r.metric, r.unit, r.kind), r.cue, r.confidence, r.section,
            section.role if section else None, ";".join(r.flags) if r.flags else None,
        )
        for name, value in zip(INDICATOR_COLUMNS, values, strict=True):
            cols[name].append(value)
    table = pa.table(cols, schema=_INDICATOR_SCHEMA)
    document = {**base, "format": doc.format, "chars": len(doc.text), "region": meta.get("region"),
                "level": meta.get("level"), "year": year, "reviewed_year": reviewed,
                "government": meta.get("government"), "title": meta.get("title"),
                "date": meta.get("date"), "n_indicators": len(records),
                "n_targets": sum(r.status == "target" for r in records),
                "n_canonical": sum(c is not None for c in cols["canonical"])}
    sections = tuple((doc_id, i, s.start, s.end, s.heading, " / ".join(s.path), s.role, s.level)
                     for i, s in enumerate(doc.sections))
    return _Loaded(work, document, sections, table, doc.text,
                   doc.origins if any(o.box is not None for o in doc.origins) else ())


class TextStore:
    """Document texts as gzip files named by the file's sha256, in a folder beside the database.

    Texts live outside DuckDB because a checkpoint rewrites the table's open row
    group, and a column of whole reports made every checkpoint, and so ingest's
    memory, grow with the corpus. Named by content, a text is written (atomically)
    before its document's transaction commits, and identical files share one text.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.txt.gz"

    def put(self, key: str, text: str) -> None:
        path = self._path(key)  # rewritten every time, so a newer loader's text replaces an older one
        path.parent.mkdir(parents=True, exist_ok=True)
        with output.atomic(path) as partial:
            partial.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0))

    def get(self, key: str) -> str | None:
        try:
            return gzip.decompress(self._path(key).read_bytes()).decode("utf-8")
        except (OSError, EOFError):
            return None

    def keep(self, keys: set[str]) -> None:
        """Delete the texts no document refers to any more."""
        for path in self.folder.glob("*/*.txt.gz"):
            if path.name[: -len(".txt.gz")] not in keys:
                path.unlink(missing_ok=True)

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.folder.glob("*/*.txt.gz")) if self.folder.exists() else 0


class Database:
    """One DuckDB file of documents, sections and indicator records (see docs/STORE.md)."""

    def __init__(self, path: str | os.PathLike = "zhibiao.duckdb", read_only: bool = False, *,
                 wait: float | None = None):
        """Open ``path``; while another process holds the file (a writer locks out everyone, readers
        lock out writers), retry for up to ``wait`` seconds (default LOCK_WAIT), then raise StoreBusy."""
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (build one with 'zhibiao ingest')")
        self.con = _connect(self.path, read_only, LOCK_WAIT if wait is None else wait)
        self.read_only = read_only
        self._texts: OrderedDict[int, str] = OrderedDict()
        self.texts = TextStore(self.path.with_name(self.path.name + ".texts"))
        self._migrate()

    # -- schema -------------------------------------------------------------------------------

    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchone()[0]
        if not exists:
            return 0
        return self.con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema v{version} is newer than this zhibiao (v{SCHEMA_VERSION})")
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise StoreError(f"{self.path}: schema v{version} needs migrating; open it writable "
                             "(run 'zhibiao ingest') first")
        for number, note, statements in MIGRATIONS:
            if number <= version:
                continue
            with self._transaction():
                if number == 1:
                    self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, "
                                     "note VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)")
                for sql in statements:
                    self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version (version, note) VALUES (?, ?)", [number, note])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """Commit what the block did, or nothing of it if it raised."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- ingest -------------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | os.PathLike], *, workers: int | None = None,
               progress: bool = True, force: bool = False, retry_failed: bool = False,
               seconds: float | None = DOCUMENT_SECONDS, engine=None) -> IngestSummary:
        """Store every file under ``paths``; unchanged files are skipped (unless ``force``: after
        an upgrade of zhibiao, to extract them again), and so are unchanged files that failed
        before (unless ``retry_failed``). Each document gets ``seconds`` to be read and extracted.
        ``engine(todo, workers, seconds)`` maps the documents to their rows elsewhere (``cluster.RayEngine``);
        this process still writes."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        started = time.perf_counter()
        files, refused = discover(paths)
        stored = self.con.execute("SELECT source, sha256, error IS NOT NULL, n_indicators, n_canonical "
                                  "FROM documents").fetchall()
        known = {source: (sha, n, matched) for source, sha, failed, n, matched in stored if not failed}
        failed_before = {source: sha for source, sha, failed, _, _ in stored if failed}
        present = {row[0] for row in stored}
        todo, skipped, not_retried, kept_records, kept_matched = [], 0, 0, 0, 0
        for path in files:
            source = str(path)
            try:
                sha, size = _sha256(path)
            except OSError:  # the worker's load reports why, and the file is recorded as failed
                sha, size = "", 0
            if source in known and known[source][0] == sha and not force:
                skipped += 1
                kept_records += known[source][1] or 0
                kept_matched += known[source][2] or 0
            elif failed_before.get(source) == sha and sha and not (force or retry_failed):
                not_retried += 1
            else:
                todo.append(_Work(source, sha, size))
        requested, workers = workers, max(1, min(workers or os.cpu_count() or 1, len(todo)))
        ingested = replaced = records = matched = chars = 0
        failed: list[tuple[str, str]] = []
        retried: list[str] = []
        with _Progress(progress, len(todo)) as tick:
            for loaded in (engine(todo, requested, seconds) if engine else _run(todo, workers, seconds, retried)):
                if loaded.work.source in present:
                    replaced += 1
                error = self._write(loaded) or loaded.document["error"]
                if error:
                    failed.append((loaded.work.source, error))
                else:
                    ingested += 1
                    records += loaded.document["n_indicators"]
                    matched += loaded.document["n_canonical"]
                    chars += loaded.document["chars"]
                tick(records)
        self.refresh_canonical()
        self.con.execute("CHECKPOINT")
        if replaced:
            self.texts.keep({row[0] for row in self.con.execute("SELECT sha256 FROM documents").fetchall()})
        return IngestSummary(
            files=len(files), ingested=ingested, replaced=replaced, skipped=skipped,
            failed=tuple(failed), records=records, matched=matched, chars=chars,
            seconds=time.perf_counter() - started, db_bytes=self.size(), refused=tuple(refused),
            failed_before=not_retried, retried=tuple(retried), kept_records=kept_records, kept_matched=kept_matched)

    def put(self, loaded: _Loaded) -> str | None:
        """Store one document read by ``read_document`` (in another process); the reason it failed, if it did."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        error = self._write(loaded) or loaded.document["error"]
        self.refresh_canonical()
        return error

    def refresh_canonical(self) -> bool:
        """Re-match every record when the shipped canonical table changed since the last run.

        Records keep the ids of the table they were matched with; after an upgrade this
        brings the whole database to the new table in one transaction (distinct metric,
        unit and kind triples are few). Returns whether anything was re-matched.
        """
        version = canonical.table_digest()
        if self._setting("canonical_table") == version:
            return False
        triples = self.con.execute("SELECT DISTINCT metric, unit, kind FROM indicators").fetchall()
        mapping = pa.table({"metric": [t[0] for t in triples], "unit": [t[1] for t in triples],
                            "kind": [t[2] for t in triples],
                            "id": [canonical.match(m or "", u or "", k or "") for m, u, k in triples]})
        with self._transaction():
            self.con.register("_canonical", mapping)
            try:
                self.con.execute(
                    "UPDATE indicators SET canonical = c.id FROM _canonical c WHERE indicators.metric "
                    "IS NOT DISTINCT FROM c.metric AND indicators.unit IS NOT DISTINCT FROM c.unit "
                    "AND indicators.kind IS NOT DISTINCT FROM c.kind")
            finally:
                self.con.unregister("_canonical")
            self.con.execute("UPDATE documents SET n_canonical = (SELECT count(canonical) FROM indicators i "
                             "WHERE i.doc_id = documents.id) WHERE error IS NULL")
            self.con.execute("DELETE FROM settings WHERE key = 'canonical_table'")
            self.con.execute("INSERT INTO settings VALUES ('canonical_table', ?)", [version])
        return True

    def _setting(self, key: str) -> str | None:
        found = self.con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return found[0] if found else None

    def _write(self, loaded: _Loaded) -> str | None:
        """Replace one document and all its rows in a single transaction; the reason if it cannot be stored.

        A database error stops the run (StoreError): what is committed stays, and a rerun resumes.
        """
        doc = loaded.document
        owner = self.con.execute("SELECT source FROM documents WHERE id = ?", [doc["id"]]).fetchone()
        if owner and owner[0] != doc["source"]:
            return f"{doc['source']}: id {doc['id']} already belongs to {owner[0]}; rename one of the files"
        try:
            self._replace(loaded)
        except (duckdb.Error, OSError) as e:
            raise StoreError(f"{self.path}: cannot write {doc['source']} ({_first_line(e)}); "
                             "rerun ingest to resume") from None
        return None

    def _replace(self, loaded: _Loaded) -> None:
        doc = loaded.document
        if loaded.text is not None:
            self.texts.put(doc["sha256"], loaded.text)  # content-addressed: safe before the commit
        with self._transaction():
            for table, key in (("indicators", "doc_id"), ("sections", "doc_id"), ("documents", "id")):
                self.con.execute(f"DELETE FROM {table} WHERE {key} = ?", [doc["id"]])
            self.con.execute(f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) VALUES "
                             f"({', '.join('?' * len(DOCUMENT_COLUMNS))})", [doc[c] for c in DOCUMENT_COLUMNS])
            if loaded.sections:
                self.con.executemany(f"INSERT INTO sections VALUES ({', '.join('?' * len(SECTION_COLUMNS))})",
                                     list(loaded.sections))
            if loaded.indicators is not None and loaded.indicators.num_rows:
                self._write_indicators(loaded.indicators)

    def _write_indicators(self, table: pa.Table) -> None:
        self.con.register("_batch", table)
        try:
            self.con.execute(f"INSERT INTO indicators ({', '.join(INDICATOR_COLUMNS)}) "
                             f"SELECT {', '.join(INDICATOR_COLUMNS)} FROM _batch")
        finally:
            self.con.unregister("_batch")

    def size(self) -> int:
        """Bytes on disk: the database file, its write-ahead log and the texts beside it."""
        wal = self.path.with_name(self.path.name + ".wal")
        return sum(p.stat().st_size for p in (self.path, wal) if p.exists()) + self.texts.size()

    # -- reading ------------------------------------------------------------------------------

    def _df(self, sql: str, params: list | None = None) -> pd.DataFrame:
        return self.con.execute(sql, params or []).df()

    def documents(self, *, region: str | None = None, level: str | None = None, year: int | None = None,
                  q: str | None = None, limit: int | None = None) -> pd.DataFrame:
        where, params = _filters(region=region, level=level, year=year, prefix="")
        if q:
            where.append("(source ILIKE ? OR title ILIKE ? OR region ILIKE ?)")
            params += [f"%{q}%"] * 3
        sql = ("SELECT id, source, format, region, level, year, reviewed_year, title, n_indicators, n_targets, "
               f"error FROM documents {_where(where)} ORDER BY region NULLS LAST, year, source")
        return self._df(sql + _limit(limit), params)

    def document(self, doc_id: int) -> dict | None:
        rows = self._df("SELECT * FROM documents WHERE id = ?", [doc_id])
        if rows.empty:
            return None
        out = {k: _plain(v) for k, v in rows.iloc[0].items()}
        out["text"] = self.texts.get(out["sha256"]) if out["error"] is None else None
        out["indicators"] = self.indicators(doc_id=doc_id)
        out["sections"] = self._df("SELECT * FROM sections WHERE doc_id = ? ORDER BY idx", [doc_id])
        return out

    def indicators(self, *, canonical: str | None = None, region: str | None = None, year: int | None = None,
                   status: str | None = None, doc_id: int | None = None, q: str | None = None,
                   limit: int | None = None, level: str | None = None, offset: int = 0,
                   order: str | None = None) -> pd.DataFrame:
        """One row per record with its report's region, level and year (the report's, not the period).

        ``order`` is one of ``INDICATOR_ORDERS`` (default: as stored, region then year); with
        ``offset`` and ``limit`` it pages through the rows.
        """
        where, params = self._indicator_filters(canonical=canonical, region=region, year=year, status=status,
                                                doc_id=doc_id, q=q, level=level)
        if order is not None and order not in INDICATOR_ORDERS:
            raise QueryError(f"order must be one of {', '.join(INDICATOR_ORDERS)}, not {order!r}")
        by = INDICATOR_ORDERS[order] if order else "d.region NULLS LAST, d.year, d.source, i.idx"
        page = _limit(limit) + (f" OFFSET {int(offset)}" if offset else "")
        return self._df(_INDICATORS_SQL + f" {_where(where)} ORDER BY {by}" + page, params)

    def count_indicators(self, **filters) -> int:
        """How many records ``indicators(**filters)`` would give without a limit."""
        where, params = self._indicator_filters(**filters)
        return self.con.execute(f"SELECT count(*) FROM indicators i JOIN documents d ON d.id = i.doc_id "
                                f"{_where(where)}", params).fetchone()[0]

    @staticmethod
    def _indicator_filters(*, canonical=None, region=None, year=None, status=None, doc_id=None, q=None,
                           level=None) -> tuple[list[str], list]:
        where, params = _filters(region=region, year=year, level=level, prefix="d.")
        for column, value in (("canonical", canonical), ("status", status), ("doc_id", doc_id)):
            if value is not None:
                where.append(f"i.{column} = ?")
                params.append(value)
        if q:
            where.append("(i.metric ILIKE ? OR i.evidence ILIKE ?)")
            params += [f"%{q}%"] * 2
        return where, params

    def _indicator(self, indicator: str) -> canonical.Canonical:
        row = canonical.get(indicator)
        if row is None:
            near = canonical.near(indicator)
            hint = (f"did you mean {', '.join(near)}?" if near
                    else "'zhibiao indicators' lists them all")
            raise QueryError(f"unknown indicator {indicator!r}; {hint}")
        return row

    def _analysis_input(self, row: canonical.Canonical) -> tuple[pd.DataFrame, pd.DataFrame]:
        records = self._df(
            "SELECT i.doc_id, d.region, d.level, d.year, d.reviewed_year, i.canonical, i.metric, i.value, "
            "i.value_max, i.unit, i.kind, i.direction, i.modifier, i.status, i.span_start, i.span_end, i.evidence, "
            "i.period_start, i.period_end, i.section, i.section_role "
            "FROM indicators i JOIN documents d ON d.id = i.doc_id WHERE i.canonical = ? AND i.unit = ?",
            [row.id, row.headline_unit])
        reports = self._df("SELECT id AS doc_id, region, level, year, reviewed_year FROM documents "
                           "WHERE error IS NULL AND region IS NOT NULL AND year IS NOT NULL")
        return records, reports

    def targets(self, indicator: str, *, region: str | None = None, level: str | None = None,
                year: int | None = None, vs_parent: bool = False, all_years: bool = False) -> pd.DataFrame:
        """Each year's target beside the next report's outcome (see analysis.targets).

        ``level`` and ``year`` keep rows of that level of government and that target year;
        the parent's target is looked up before they filter, so ``vs_parent`` still finds it.
        """
        row = self._indicator(indicator)
        records, reports = self._analysis_input(row)
        table = analysis.targets(records, reports, row, self._text, all_years=all_years)
        if vs_parent:
            table = analysis.with_parent(table, _parent_finder(reports))
        if region is not None:
            table = table[table["region"].map(lambda r: _same_region(r, region))]
        if level is not None:
            table = table[table["level"] == level]
        if year is not None:
            table = table[table["year"] == int(year)]
        return table.reset_index(drop=True)

    def series(self, indicator: str, *, status: str = "actual", region: str | None = None) -> pd.DataFrame:
        if status not in STATUSES:
            raise QueryError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        row = self._indicator(indicator)
        records, _ = self._analysis_input(row)
        table = analysis.series(records, row, self._text, status)
        if region is not None:
            table = table[table["region"].map(lambda r: _same_region(r, region))]
        return table.reset_index(drop=True)

    def panel(self, indicators: list[str], *, status: str = "both", level: str | None = None,
              region: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
        """(wide panel, evidence table, variable labels): see analysis.panel.

        The cells are the ``targets`` table's targets and the actual ``series``; the evidence
        keeps each cell's document, source file, span and the value as written there.
        """
        if status not in analysis.PANEL_STATUSES:
            raise QueryError(f"status must be target, actual or both, not {status!r}")
        if not indicators:
            raise QueryError("name at least one indicator")
        rows = [self._indicator(i) for i in indicators]
        if len({r.id for r in rows}) < len(rows):
            raise QueryError("an indicator is named twice")
        names = {(r.id, s): _stata_name(r.id, s) for r in rows for s in analysis.PANEL_STATUSES[status]}
        if len(set(names.values())) < len(names):
            raise QueryError("two indicators shorten to the same Stata variable name; name them in two panels")
        tables = {}
        for row in rows:
            t = self.targets(row.id, region=region, level=level, all_years=False)
            a = self.series(row.id, status="actual", region=region)
            tables[row.id] = (t, a[a["level"] == level] if level is not None else a)
        wide, evidence = analysis.panel(tables, status, lambda i, s: names[(i, s)])
        sources = dict(self.con.execute("SELECT id, source FROM documents").fetchall())
        evidence.insert(evidence.columns.get_loc("doc_id") + 1, "source", evidence["doc_id"].map(sources))
        evidence["value_text"] = [self._text(d)[a:b] for d, a, b in
                                  zip(evidence["doc_id"], evidence["span_start"], evidence["span_end"])]
        labels = {"region": LABELS["region"], "level": LABELS["level"], "year": "year"}
        for row in rows:
            for s in analysis.PANEL_STATUSES[status]:
                labels[names[(row.id, s)]] = _cut_chars(
                    f"{row.label_en} / {row.label_zh}: {s} ({row.headline_unit})", 80)
        return wide, evidence, labels

    def write_panel(self, path: str | os.PathLike, indicators: list[str], *, fmt: str | None = None,
                    status: str = "both", level: str | None = None, region: str | None = None,
                    bom: bool = False) -> tuple[int, int, Path | None]:
        """Write the panel and its evidence; returns (rows, cells, evidence file or None for xlsx).

        The evidence goes beside the panel as NAME_evidence.EXT, or to a second sheet in xlsx.
        ``bom`` starts CSV files with a UTF-8 byte-order mark (for Excel).
        """
        path = Path(path)
        fmt = (fmt or path.suffix.lstrip(".")).lower()
        if fmt not in PANEL_FORMATS:
            raise InputError(f"panel format must be one of {', '.join(PANEL_FORMATS)}, not {fmt!r} "
                             "(give -o panel.dta, .csv, .parquet or .xlsx)")
        if not path.parent.is_dir():
            raise InputError(f"{path.parent}: no such folder")
        wide, evidence, labels = self.panel(indicators, status=status, level=level, region=region)
        companion = None if fmt == "xlsx" else path.with_name(f"{path.stem}_evidence{path.suffix or '.' + fmt}")
        try:  # each file written atomically: whole or not at all
            if fmt == "csv":
                for frame, target in ((wide, path), (evidence, companion)):
                    with output.opened(target) as out:
                        output.write_frame_csv(frame, out, bom=bom)
            elif fmt == "parquet":
                for frame, target in ((wide, path), (evidence, companion)):
                    with output.atomic(target) as partial:
                        frame.to_parquet(partial, index=False)
            elif fmt == "xlsx":
                with output.atomic(path) as partial, pd.ExcelWriter(partial, engine="openpyxl") as book:
                    wide.to_excel(book, index=False, sheet_name="panel")
                    evidence.to_excel(book, index=False, sheet_name="evidence")
            else:
                with output.atomic(path) as partial:
                    _write_dta(wide, partial, labels, "zhibiao panel: one row per region and year", shown=path)
                with output.atomic(companion) as partial:
                    _write_dta(evidence, partial, {**LABELS, **EVIDENCE_LABELS},
                               f"zhibiao panel evidence for {path.name}", shown=companion)
        except (OSError, ValueError) as e:
            raise StoreError(f"{path}: cannot write the panel ({_first_line(e)})") from None
        return len(wide), len(evidence), companion

    def indicator_counts(self) -> pd.DataFrame:
        """Every canonical indicator with its records, targets and documents in the database."""
        counts = self._df("SELECT canonical AS id, count(*) AS records, count(*) FILTER (WHERE status = 'target') "
                          "AS targets, count(DISTINCT doc_id) AS documents FROM indicators "
                          "WHERE canonical IS NOT NULL GROUP BY canonical")
        return indicator_table(counts)

    def _text(self, doc_id: int) -> str:
        """A document's text, from a small cache: analysis reads a few documents many times."""
        if doc_id in self._texts:
            self._texts.move_to_end(doc_id)
            return self._texts[doc_id]
        found = self.con.execute("SELECT sha256 FROM documents WHERE id = ? AND error IS NULL", [doc_id]).fetchone()
        self._texts[doc_id] = (self.texts.get(found[0]) if found else None) or ""
        if len(self._texts) > 64:
            self._texts.popitem(last=False)
        return self._texts[doc_id]

    # -- export and query ---------------------------------------------------------------------

    def export(self, path: str | os.PathLike | IO[bytes], fmt: str | None = None, *, bom: bool = False,
               canonical: str | None = None, region: str | None = None, year: int | None = None,
               status: str | None = None, level: str | None = None) -> int:
        """Write the records (all, or those the filters keep) with their report's metadata;
        returns the number of rows.

        ``path`` is a file, written atomically (a failed export leaves no file, and the old one
        whole), or a binary stream such as standard output (then ``fmt`` names the format).
        ``bom`` starts CSV with a UTF-8 byte-order mark, so Excel reads the Chinese text.
        """
        stream = None if isinstance(path, (str, os.PathLike)) else path
        path = Path(path) if stream is None else None
        fmt = (fmt or (path.suffix.lstrip(".") if path else "")).lower()
        if fmt not in FORMATS:
            raise InputError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        if bom and fmt != "csv":
            raise InputError("a byte-order mark is for CSV output")
        where, params = self._indicator_filters(canonical=canonical, region=region, year=year, status=status,
                                                level=level)
        sql = _INDICATORS_SQL + f" {_where(where)} ORDER BY d.region NULLS LAST, d.year, d.source, i.idx"
        n = self.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        if fmt == "xlsx" and n > XLSX_MAX_ROWS:
            raise StoreError(f"{n} rows do not fit one Excel sheet; export csv or parquet instead")
        if stream is None:
            try:
                with output.atomic(path) as partial:
                    self._write_export(sql, params, fmt, partial, bom, shown=path)
            except (duckdb.Error, OSError) as e:
                raise StoreError(f"{path}: cannot export ({_first_line(e)})") from None
            return n
        with tempfile.TemporaryDirectory(prefix="zhibiao-export-") as tmp:  # DuckDB writes files, not streams
            staged = Path(tmp) / f"export.{fmt}"
            try:
                self._write_export(sql, params, fmt, staged, bom, shown="standard output")
            except (duckdb.Error, OSError) as e:
                raise StoreError(f"standard output: cannot export ({_first_line(e)})") from None
            with staged.open("rb") as f:  # a reader closing the pipe early is no export error
                shutil.copyfileobj(f, stream)
            stream.flush()
        return n

    def _write_export(self, sql: str, params: list, fmt: str, target: Path, bom: bool, shown: str | Path) -> None:
        """The records of ``sql`` in ``fmt`` to the file ``target``: the one writer of every export format."""
        if fmt in _COPY_OPTIONS:
            body = target.with_name(target.name + ".body") if bom else target
            try:
                quoted = str(body).replace("'", "''")
                self.con.execute(f"COPY ({sql}) TO '{quoted}' ({_COPY_OPTIONS[fmt]})", params)
                if bom:
                    with target.open("wb") as out, body.open("rb") as f:
                        out.write(output.BOM.encode("utf-8"))
                        shutil.copyfileobj(f, out)
            finally:
                if bom:
                    body.unlink(missing_ok=True)
        elif fmt == "xlsx":
            self._df(sql, params).to_excel(target, index=False, sheet_name="indicators", engine="openpyxl")
        else:
            _write_dta(self._df(sql, params), target, shown=shown)

    def query(self, sql: str, *, allow_files: bool = False) -> pd.DataFrame:
        """Run one read-only SELECT; anything else is refused.

        Unless ``allow_files``, DuckDB's access to files and the network (read_text, read_csv,
        COPY, ATTACH ...) is turned off first. DuckDB cannot turn it on again while the database
        is open, so this connection (and any other to the same file in this process) cannot
        export afterwards: query and export through separate ``Database`` objects opened in turn.
        """
        if not allow_files:
            self.con.execute("SET enable_external_access = false")
        try:
            statements = self.con.extract_statements(sql)
        except duckdb.Error as e:
            raise QueryError(_first_line(e)) from None
        if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
            raise QueryError("only one SELECT statement is allowed")
        try:
            if self.read_only:
                return self._df(sql)
            self.con.execute("BEGIN TRANSACTION")
            try:
                return self._df(sql)
            finally:
                self.con.execute("ROLLBACK")
        except duckdb.Error as e:
            raise QueryError(_first_line(e)) from None


_INDICATORS_SQL = (
    "SELECT i.id, i.doc_id, d.source, d.region, d.level, d.year, d.reviewed_year, i.metric, i.value, "
    "i.value_max, i.unit, i.kind, i.direction, i.modifier, i.status, i.span_start, i.span_end, i.value_text, "
    "i.evidence, i.evidence_start, i.evidence_end, i.period, i.period_start, i.period_end, i.canonical, i.cue, "
    "i.confidence, i.section, i.section_role, i.flags FROM indicators i JOIN documents d ON d.id = i.doc_id"
)


# Orders of Database.indicators: newest reports first, or by a column; a record's place in its report breaks ties.
_TIES = "d.source, i.idx"
INDICATOR_ORDERS = {
    "newest": f"d.year DESC NULLS LAST, d.region NULLS LAST, {_TIES}",
    "oldest": f"d.year NULLS LAST, d.region NULLS LAST, {_TIES}",
    "region": f"d.region NULLS LAST, d.year DESC NULLS LAST, {_TIES}",
    "metric": f"i.metric, d.year DESC NULLS LAST, {_TIES}",
    "canonical": f"i.canonical NULLS LAST, d.year DESC NULLS LAST, {_TIES}",
    "value": f"i.value NULLS LAST, {_TIES}",
    "-value": f"i.value DESC NULLS LAST, {_TIES}",
    "status": f"i.status, d.year DESC NULLS LAST, {_TIES}",
}


# The endings a region's name may have or not (重庆市 = 重庆), in SQL filters and in Python comparisons alike.
REGION_SUFFIXES = ("特别行政区", "自治区", "省", "市")
_SUFFIX_SQL = f"({'|'.join(REGION_SUFFIXES)})$"


def _filters(*, prefix: str, region=None, level=None, year=None) -> tuple[list[str], list]:
    where, params = [], []
    if region is not None:
        where.append(f"(regexp_replace({prefix}region, '{_SUFFIX_SQL}', '') = regexp_replace(?, '{_SUFFIX_SQL}', ''))")
        params.append(region)
    if level is not None:
        where.append(f"{prefix}level = ?")
        params.append(level)
    if year is not None:
        where.append(f"{prefix}year = ?")
        params.append(int(year))
    return where, params


def _where(where: list[str]) -> str:
    return f"WHERE {' AND '.join(where)}" if where else ""


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit is not None else ""


def _region_key(name: str) -> str:
    for suffix in REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _same_region(a, b: str) -> bool:
    return isinstance(a, str) and _region_key(a) == _region_key(b)


def _parent_finder(reports: pd.DataFrame):
    """parent_of(region, level): the nation for a province, the province for a city or county."""
    nation = next((r for r, lv in zip(reports["region"], reports["level"]) if lv == "national"), None)
    province_of = _province_of_cities()
    short = {_region_key(r.name): r.short for r in metadata.lexicon().regions}

    def parent_of(region: str, level: str) -> str | None:
        if level == "provincial":
            return nation
        if level in ("city", "county"):
            province = province_of.get(_region_key(region))
            return short.get(province, province) if province else None
        return None

    return parent_of


@lru_cache(maxsize=1)
def _province_of_cities() -> dict[str, str]:
    """City (short name) -> province (short name), from data/cities.csv."""
    import csv
    from importlib import resources

    text = resources.files("zhibiao").joinpath("data/cities.csv").read_text(encoding="utf-8")
    return {_region_key(row["city"]): _region_key(row["province"]) for row in csv.DictReader(text.splitlines())}


EVIDENCE_LABELS = {"variable": "panel variable", "indicator": "canonical indicator id",
                   "status": "target or actual", "value": "the cell's value",
                   "value_max": "upper end of a target range", "modifier": "exact approx at_least at_most range ..."}


def indicator_table(counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """The canonical table (id, names, category, unit, target direction), with counts where given."""
    table = pd.DataFrame([dict(id=r.id, label_en=r.label_en, label_zh=r.label_zh, category=r.category,
                               unit=r.headline_unit, kind=r.headline_kind, target_direction=r.target_direction)
                          for r in canonical.table()])
    if counts is None:
        return table
    table = table.merge(counts, on="id", how="left")
    return table.fillna({c: 0 for c in ("records", "targets", "documents")}).astype(
        {"records": "int64", "targets": "int64", "documents": "int64"})


def _stata_name(indicator: str, status: str) -> str:
    """indicator_status, the id cut so the name fits Stata's 32 characters."""
    return f"{indicator[: STATA_NAME_MAX - len(status) - 1]}_{status}"


def _cut_chars(s: str, limit: int) -> str:
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _write_dta(frame: pd.DataFrame, path: Path, labels: dict[str, str] | None = None,
               file_label: str = "zhibiao indicator records", shown: Path | None = None) -> None:
    """Stata .dta with variable labels; Stata's str limit cuts long evidence at 2,000 bytes."""
    import pyreadstat

    out = pd.DataFrame(index=frame.index)
    for name in frame.columns:
        col = frame[name]
        if pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
            out[name] = col.astype("float64")
        else:
            out[name] = col.astype(object).where(col.notna(), "").map(lambda s: _cut_bytes(str(s), 2000))
    try:
        labels = LABELS if labels is None else labels
        pyreadstat.write_dta(out, str(path), column_labels={c: labels.get(c, c) for c in out.columns},
                             file_label=file_label)
    except (pyreadstat.ReadstatError, pyreadstat.PyreadstatError) as e:  # siblings: neither derives from the other
        raise StoreError(f"{shown or path}: cannot export ({_first_line(e)})") from None


def _cut_bytes(s: str, limit: int) -> str:
    data = s.encode("utf-8")
    return s if len(data) <= limit else data[:limit].decode("utf-8", "ignore")


def _plain(v):
    if missing(v):
        return None
    return v.item() if hasattr(v, "item") else v


_HOLDER = re.compile(r"held in (.*?) \(PID (\d+)\)")


def _connect(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, retried with backoff while another process holds the file's lock."""
    deadline = time.monotonic() + wait
    delay = 0.01
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as e:
            holder = _HOLDER.search(str(e))
            if "lock" not in str(e).lower():
                raise StoreError(f"{path}: cannot open database ({_first_line(e)})") from None
            if time.monotonic() + delay > deadline:
                who = f"process {holder.group(2)} ({Path(holder.group(1)).name})" if holder else "another process"
                doing = "is writing it" if read_only else "has it open"
                raise StoreBusy(f"{path}: busy: {who} {doing}; waited {wait:g} s, try again when it "
                                 "finishes") from None
            time.sleep(delay)
            delay = min(delay * 2, 0.2)
        except duckdb.Error as e:
            raise StoreError(f"{path}: cannot open database ({_first_line(e)})") from None


def _first_line(e: BaseException, limit: int = 200) -> str:
    """An error's first line, cut to ``limit`` characters: what a one-line message quotes."""
    return (str(e).strip().splitlines() or [type(e).__name__])[0][:limit]


def read_document(source: str, seconds: float | None = DOCUMENT_SECONDS) -> _Loaded:
    """Load and extract one file within the budget, ready for ``Database.put`` (run it in a worker)."""
    path = Path(source)
    try:
        sha, size = _sha256(path) if not _irregular(path) else ("", 0)
    except OSError:
        sha, size = "", 0
    return _load_one(_Work(str(path.resolve()), sha, size), seconds)


def worker_init() -> None:
    """Make a worker process end with its parent: a killed ingest or server leaves no orphans.

    Linux sends the signal itself (PR_SET_PDEATHSIG); elsewhere a thread notices the new parent.
    """
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent died before the call
            os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="zhibiao-parent-watch", daemon=True).start()


def worker_pool(workers: int) -> cf.ProcessPoolExecutor:
    """Worker processes that start clean (spawn) and end with their parent."""
    return cf.ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                  initializer=worker_init)


def _run(todo: list[_Work], workers: int, seconds: float | None, retried: list[str],
         job=_load_one) -> Iterator[_Loaded]:
    """Yield each loaded document as it is ready; at most 2 x workers are in flight, so memory stays flat.

    When a worker process dies (out of memory, killed), the documents in flight are lost with it:
    each is read once more in a new pool (and listed in ``retried``); one lost twice is recorded
    as failed, and the run goes on.
    """
    if workers <= 1:
        for work in todo:
            yield job(work, seconds)
        return
    queue = list(reversed(todo))  # popped from the end: in order, and lost documents go back on top
    lost: set[str] = set()
    while queue:
        retry = queue[-1].source in lost  # read alone: the document that killed the worker may be this one
        with worker_pool(1 if retry else workers) as pool:
            pending = {pool.submit(job, w, seconds): w for w in _take(queue, 1 if retry else 2 * workers)}
            broken = False
            while pending:
                done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for future in done:
                    work = pending.pop(future)
                    try:
                        yield future.result()
                    except cf.process.BrokenProcessPool:
                        broken = True
                        if work.source in lost:
                            yield _failed(work, "a worker process died reading it, twice "
                                                "(out of memory?)")
                        else:
                            lost.add(work.source)
                            retried.append(work.source)
                            queue.append(work)
                if not (broken or retry):
                    pending.update({pool.submit(job, w, seconds): w for w in _take(queue, len(done))})


def _take(queue: list[_Work], n: int) -> list[_Work]:
    return [queue.pop() for _ in range(min(n, len(queue)))]


class _Progress:
    """A rich progress bar on a terminal (documents, rate, records); silent otherwise."""

    def __init__(self, enabled: bool, total: int):
        self.enabled = enabled and sys.stderr.isatty() and total > 0
        self.total = total

    def __enter__(self):
        if not self.enabled:
            return lambda records: None
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]:.1f} docs/s"), TextColumn("{task.fields[records]} records"),
                            TimeElapsedColumn(), TimeRemainingColumn(), transient=False)
        self.bar.__enter__()
        self.task = self.bar.add_task("ingest", total=self.total, rate=0.0, records=0)
        self.started = time.perf_counter()

        def tick(records: int) -> None:
            done = self.bar.tasks[0].completed + 1
            rate = done / max(time.perf_counter() - self.started, 1e-9)
            self.bar.update(self.task, advance=1, rate=rate, records=records)

        return tick

    def __exit__(self, *exc):
        if self.enabled:
            self.bar.__exit__(*exc)
        return False


__all__ = ["Database", "IngestSummary", "MIGRATIONS", "SCHEMA_VERSION", "FORMATS", "PANEL_FORMATS",
           "DOCUMENT_SECONDS", "discover", "doc_id_of", "load_limits", "indicator_table", "read_document", "worker_pool"]
