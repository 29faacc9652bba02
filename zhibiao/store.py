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
import difflib
import gzip
import hashlib
import multiprocessing
import os
import re
import sys
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from . import analysis, canonical, metadata, sections as outlining
from .errors import InputError, LimitExceeded, QueryError, StoreBusy, StoreError, ZhibiaoError
from .extract import extract_document
from .load import load as load_file
from .records import Document, Indicator, Metadata

# Suffixes taken when walking a folder; a file named on the command line is always tried.
SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".pdf", ".docx",
                      ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"})
FORMATS = ("csv", "parquet", "xlsx", "dta", "jsonl")
XLSX_MAX_ROWS = 1_048_575
LOCK_WAIT = 10.0  # seconds a Database waits for another process to let go of the file

INDICATOR_COLUMNS = (
    "id", "doc_id", "idx", "metric", "value", "value_max", "unit", "kind", "direction", "modifier",
    "status", "span_start", "span_end", "value_text", "evidence", "evidence_start", "evidence_end",
    "period", "period_start", "period_end", "canonical", "cue", "confidence", "section",
    "section_role", "flags",
)
_INDICATOR_SCHEMA = pa.schema([
    ("id", pa.int64()), ("doc_id", pa.int64()), ("idx", pa.int32()), ("metric", pa.string()),
    ("value", pa.float64()), ("value_max", pa.float64()), ("unit", pa.string()), ("kind", pa.string()),
    ("direction", pa.string()), ("modifier", pa.string()), ("status", pa.string()),
    ("span_start", pa.int32()), ("span_end", pa.int32()), ("value_text", pa.string()),
    ("evidence", pa.string()), ("evidence_start", pa.int32()), ("evidence_end", pa.int32()),
    ("period", pa.string()), ("period_start", pa.int32()), ("period_end", pa.int32()),
    ("canonical", pa.string()), ("cue", pa.string()), ("confidence", pa.float64()),
    ("section", pa.string()), ("section_role", pa.string()), ("flags", pa.string()),
])
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
        """CREATE TABLE indicators (
            id BIGINT NOT NULL, doc_id BIGINT NOT NULL, idx INTEGER NOT NULL, metric VARCHAR,
            value DOUBLE, value_max DOUBLE, unit VARCHAR, kind VARCHAR, direction VARCHAR,
            modifier VARCHAR, status VARCHAR, span_start INTEGER, span_end INTEGER,
            value_text VARCHAR, evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
            period VARCHAR, period_start INTEGER, period_end INTEGER, canonical VARCHAR, cue VARCHAR,
            confidence DOUBLE, section VARCHAR, section_role VARCHAR, flags VARCHAR)""",
    )),
    (2, "settings: the canonical table the records were matched with", (
        "CREATE TABLE settings (key VARCHAR NOT NULL, value VARCHAR)",
    )),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]

# Variable labels for exports (Stata's .dta keeps them; the other formats carry the names).
LABELS = {
    "id": "record id", "doc_id": "document id", "source": "source file", "region": "region of the report",
    "level": "level of government", "year": "year the report was delivered",
    "reviewed_year": "year the report reviews", "metric": "what is measured, as written",
    "value": "value in base units", "value_max": "upper bound of a range", "unit": "base unit",
    "kind": "level or change", "direction": "up or down, for changes",
    "modifier": "exact approx at_least more_than at_most less_than range",
    "status": "actual estimate or target", "span_start": "value start offset",
    "span_end": "value end offset", "value_text": "value as written", "evidence": "sentence or clause",
    "evidence_start": "evidence start offset", "evidence_end": "evidence end offset",
    "period": "year(s) the value refers to", "period_start": "first year referred to",
    "period_end": "last year referred to", "canonical": "canonical indicator id",
    "cue": "words deciding status and modifier", "confidence": "extraction confidence",
    "section": "section heading", "section_role": "review targets plans government other",
    "flags": "extraction flags (; separated)",
}


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


MAX_RECORDS = 100_000  # per document: record ids are doc_id * MAX_RECORDS + idx


def doc_id_of(source: str) -> int:
    """A stable id from the source path, so reruns and resumed runs give identical rows.

    36 bits keep record ids below 2**53, exact in Stata and Excel, which store doubles.
    """
    return int(hashlib.sha256(source.encode("utf-8")).hexdigest()[:9], 16)


def discover(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Every file named, and every file with a known suffix under each folder, sorted, once."""
    found: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (child.is_file() and child.suffix.lower() in SUFFIXES
                        and not any(part.startswith(".") for part in child.relative_to(path).parts)):
                    found.setdefault(str(child.resolve()), child)
        elif path.is_file():
            found.setdefault(str(path.resolve()), path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return [Path(source) for source in sorted(found)]


def _sha256(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


def _load_one(work: _Work) -> _Loaded:
    """Load, outline and extract one file (in a worker); every failure becomes the document's error."""
    doc_id = doc_id_of(work.source)
    base = dict.fromkeys(DOCUMENT_COLUMNS)
    base.update(id=doc_id, source=work.source, sha256=work.sha256, bytes=work.size)
    try:
        doc = load_file(work.source)
        if any(v is None for v in doc.meta.to_dict().values()):  # the loader's facts first, detection fills gaps
            found = metadata.detect(doc.text)
            doc = replace(doc, meta=Metadata(**{name: getattr(doc.meta, name) or getattr(found, name)
                                                for name in Metadata.__slots__}))
        if not doc.sections:
            doc = replace(doc, sections=outlining.outline(doc.text))
        records = extract_document(doc)
        if len(records) >= MAX_RECORDS:
            raise LimitExceeded(f"{work.source}: {len(records)} records, more than {MAX_RECORDS - 1} in one document")
    except ZhibiaoError as e:
        return _Loaded(work, {**base, "error": str(e)}, (), None)
    except Exception as e:  # noqa: BLE001 - one bad file must not stop a corpus run
        return _Loaded(work, {**base, "error": f"{type(e).__name__}: {e}"}, (), None)
    return _rows(work, doc_id, doc, records, base)


def _rows(work: _Work, doc_id: int, doc: Document, records: list[Indicator], base: dict) -> _Loaded:
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
        for name, value in zip(INDICATOR_COLUMNS, values):
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
    return _Loaded(work, document, sections, table, doc.text)


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
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        partial.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0))
        os.replace(partial, path)

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
               progress: bool = True, force: bool = False) -> IngestSummary:
        """Store every file under ``paths``; unchanged files are skipped (unless ``force``: after
        an upgrade of zhibiao, to extract them again), failed ones retried."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        started = time.perf_counter()
        files = discover(paths)
        known = {source: (sha, n, matched) for source, sha, n, matched in self.con.execute(
            "SELECT source, sha256, n_indicators, n_canonical FROM documents WHERE error IS NULL").fetchall()}
        present = {row[0] for row in self.con.execute("SELECT source FROM documents").fetchall()}
        todo, skipped, kept_records, kept_matched = [], 0, 0, 0
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
            else:
                todo.append(_Work(source, sha, size))
        workers = max(1, min(workers or os.cpu_count() or 1, len(todo)))
        ingested = replaced = records = matched = chars = 0
        failed: list[tuple[str, str]] = []
        with _Progress(progress, len(todo)) as tick:
            for loaded in _run(todo, workers):
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
            seconds=time.perf_counter() - started, db_bytes=self.size(), kept_records=kept_records,
            kept_matched=kept_matched)

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
            return f"id {doc['id']} already belongs to {owner[0]}; rename one of the files"
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
            ids = [r.id for r in canonical.table()]
            near = difflib.get_close_matches(indicator.lower(), ids, n=3, cutoff=0.6)
            near += [i for i in ids if indicator.lower() in i and i not in near][: 3 - len(near)]
            hint = f"did you mean {', '.join(near)}?" if near else f"known: {', '.join(ids[:8])}, ..."
            raise QueryError(f"unknown indicator {indicator!r}; {hint}")
        return row

    def _analysis_input(self, row: canonical.Canonical) -> tuple[pd.DataFrame, pd.DataFrame]:
        records = self._df(
            "SELECT i.doc_id, d.region, d.level, d.year, d.reviewed_year, i.canonical, i.value, i.value_max, "
            "i.unit, i.kind, i.direction, i.modifier, i.status, i.span_start, i.span_end, i.evidence, "
            "i.period_start, i.period_end, i.section, i.section_role "
            "FROM indicators i JOIN documents d ON d.id = i.doc_id WHERE i.canonical = ? AND i.kind = ? AND i.unit = ?",
            [row.id, row.headline_kind, row.headline_unit])
        reports = self._df("SELECT id AS doc_id, region, level, year, reviewed_year FROM documents "
                           "WHERE error IS NULL AND region IS NOT NULL AND year IS NOT NULL")
        return records, reports

    def targets(self, indicator: str, *, region: str | None = None, vs_parent: bool = False) -> pd.DataFrame:
        """Each year's target beside the next report's outcome (see analysis.targets)."""
        row = self._indicator(indicator)
        records, reports = self._analysis_input(row)
        table = analysis.targets(records, reports, row, self._text)
        if vs_parent:
            table = analysis.with_parent(table, _parent_finder(reports))
        if region is not None:
            table = table[table["region"].map(lambda r: _same_region(r, region))]
        return table.reset_index(drop=True)

    def series(self, indicator: str, *, status: str = "actual", region: str | None = None) -> pd.DataFrame:
        if status not in ("actual", "estimate", "target"):
            raise QueryError(f"status must be actual, estimate or target, not {status!r}")
        row = self._indicator(indicator)
        records, _ = self._analysis_input(row)
        table = analysis.series(records, row, self._text, status)
        if region is not None:
            table = table[table["region"].map(lambda r: _same_region(r, region))]
        return table.reset_index(drop=True)

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

    def export(self, path: str | os.PathLike, fmt: str | None = None, *, canonical: str | None = None,
               region: str | None = None, year: int | None = None, status: str | None = None,
               level: str | None = None) -> int:
        """Write the records (all, or those the filters keep) with their report's metadata;
        returns the number of rows."""
        path = Path(path)
        fmt = (fmt or path.suffix.lstrip(".")).lower()
        if fmt not in FORMATS:
            raise InputError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        if not path.parent.is_dir():
            raise InputError(f"{path.parent}: no such folder")
        where, params = self._indicator_filters(canonical=canonical, region=region, year=year, status=status,
                                                level=level)
        sql = _INDICATORS_SQL + f" {_where(where)} ORDER BY d.region NULLS LAST, d.year, d.source, i.idx"
        n = self.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        target = str(path).replace("'", "''")
        try:
            if fmt == "csv":
                self.con.execute(f"COPY ({sql}) TO '{target}' (FORMAT csv, HEADER)", params)
            elif fmt == "parquet":
                self.con.execute(f"COPY ({sql}) TO '{target}' (FORMAT parquet)", params)
            elif fmt == "jsonl":
                self.con.execute(f"COPY ({sql}) TO '{target}' (FORMAT json)", params)
            elif fmt == "xlsx":
                if n > XLSX_MAX_ROWS:
                    raise StoreError(f"{n} rows do not fit one Excel sheet; export csv or parquet instead")
                self._df(sql, params).to_excel(path, index=False, sheet_name="indicators")
            else:
                _write_dta(self._df(sql, params), path)
        except (duckdb.Error, OSError) as e:
            raise StoreError(f"{path}: cannot export ({_first_line(e)})") from None
        return n

    def query(self, sql: str) -> pd.DataFrame:
        """Run one read-only SELECT; anything else is refused."""
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


def _filters(*, prefix: str, region=None, level=None, year=None) -> tuple[list[str], list]:
    where, params = [], []
    if region is not None:
        where.append(f"(regexp_replace({prefix}region, '(省|市|自治区|特别行政区)$', '') = "
                     f"regexp_replace(?, '(省|市|自治区|特别行政区)$', ''))")
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
    for suffix in ("特别行政区", "自治区", "省", "市"):
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


def _write_dta(frame: pd.DataFrame, path: Path) -> None:
    """Stata .dta with variable labels; Stata's str limit cuts long evidence at 2,000 bytes."""
    import pyreadstat
    from pyreadstat._readstat_parser import PyreadstatError

    out = pd.DataFrame(index=frame.index)
    for name in frame.columns:
        col = frame[name]
        if pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
            out[name] = col.astype("float64")
        else:
            out[name] = col.astype(object).where(col.notna(), "").map(lambda s: _cut_bytes(str(s), 2000))
    try:
        pyreadstat.write_dta(out, str(path), column_labels={c: LABELS.get(c, c) for c in out.columns},
                             file_label="zhibiao indicator records")
    except PyreadstatError as e:
        raise StoreError(f"{path}: cannot export ({e})") from None


def _cut_bytes(s: str, limit: int) -> str:
    data = s.encode("utf-8")
    return s if len(data) <= limit else data[:limit].decode("utf-8", "ignore")


def _plain(v):
    if v is None or (isinstance(v, float) and pd.isna(v)):
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


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


def _run(todo: list[_Work], workers: int) -> Iterator[_Loaded]:
    """Yield each loaded document as it is ready; at most 2 x workers are in flight, so memory stays flat."""
    if workers <= 1:
        for work in todo:
            yield _load_one(work)
        return
    context = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        queue = iter(todo)
        pending = {pool.submit(_load_one, w) for w in _take(queue, 2 * workers)}
        while pending:
            done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in done:
                try:
                    yield future.result()
                except cf.process.BrokenProcessPool:
                    raise StoreError("a worker process died (out of memory?); documents written so far are "
                                     "kept: run ingest again to resume, or with --workers 1") from None
            pending |= {pool.submit(_load_one, w) for w in _take(queue, len(done))}


def _take(queue: Iterator[_Work], n: int) -> list[_Work]:
    out = []
    for work in queue:
        out.append(work)
        if len(out) == n:
            break
    return out


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


__all__ = ["Database", "IngestSummary", "MIGRATIONS", "SCHEMA_VERSION", "FORMATS", "discover", "doc_id_of"]
