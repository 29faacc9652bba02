"""Ingest the national corpus copied N times (default 20), and the shared scans, and report rate, size and memory.

Each run is its own process, so peak RSS is that run's alone: flat memory
means the x20 peak is close to the x5 one, not four times it. ``--engine ray``
runs the documents as tasks on a local Ray instance of that many CPUs (its start,
a few seconds, is in the time: ``seconds`` is the whole ingest).

    .venv/bin/python benchmarks/ingest_scale.py [--engine local|ray] [--copies 20] [--workers 1 2] [--no-scans]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

NATIONAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "national"
SCANS = NATIONAL.parent / "scans"


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def one_run(corpus: str, db: str, workers: int | None, engine: str) -> None:
    """Child process: ingest and print one JSON line of measurements.

    The main process's RSS is sampled while it runs; its peak in each quarter
    of the run shows whether memory grows with the documents already stored.
    """
    from zhibiao.store import Database

    samples: list[float] = []
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            samples.append(_rss_mib())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    runner = None
    if engine == "ray":
        from zhibiao.cluster import RayEngine

        runner = RayEngine()
    with Database(db) as database:
        s = database.ingest([corpus], workers=workers, progress=False, engine=runner)
        pages = database.con.execute("SELECT count(*) FROM documents WHERE format IN ('scan', 'image')").fetchone()[0]
    done.set()
    sampler.join()
    quarter = max(1, len(samples) // 4)
    print(json.dumps({
        "documents": s.ingested, "failed": len(s.failed), "records": s.records, "seconds": round(s.seconds, 2),
        "docs_per_s": round(s.docs_per_s, 2), "chars_per_s": round(s.chars_per_s), "scanned_docs": pages,
        "db_mib": round(s.db_bytes / 2**20, 1),
        "matched_share": round(s.matched_share, 3),
        "peak_rss_main_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_main_peak_by_quarter_mib": [round(max(samples[i:i + quarter], default=0)) for i in
                                         range(0, quarter * 4, quarter)],
        "peak_rss_worker_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }))


def writer_rate(copies: int) -> dict:
    """What the one DuckDB writer absorbs: the national corpus is read and extracted once, then its
    rows made by the store's own code (``_rows``) ``copies`` times under new sources and written
    (one transaction a document), with nothing else running."""
    from zhibiao.grammar import extract_document
    from zhibiao.load import load
    from zhibiao.store import Database, _rows, _sha256, _Work

    read = []
    for f in sorted(NATIONAL.glob("*.txt")):
        doc = load(str(f))
        read.append((str(f), *_sha256(f), doc, extract_document(doc)))
    batch = [_rows(_Work(f"{source}#{i}", sha, size), doc, records)
             for i in range(copies) for source, sha, size, doc, records in read]
    with tempfile.TemporaryDirectory() as tmp, Database(Path(tmp) / "w.duckdb") as db:
        start = time.perf_counter()
        for one in batch:
            db._write(one)
        db.con.execute("CHECKPOINT")
        seconds = time.perf_counter() - start
    records = sum(one.indicators.num_rows for one in batch)
    return {"set": f"writer, national x{copies}", "documents": len(batch), "records": records,
            "seconds": round(seconds, 2), "docs_per_s": round(len(batch) / seconds, 1),
            "records_per_s": round(records / seconds)}


def _copy(files: list[Path], target: Path, copies: int) -> None:
    for i in range(copies):
        folder = target / f"copy{i:02d}"
        folder.mkdir(parents=True)
        for f in files:
            shutil.copyfile(f, folder / f.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[20])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engine", choices=["local", "ray"], default="local")
    parser.add_argument("--no-scans", action="store_true", help="Skip the scanned set (OCR: minutes a run).")
    parser.add_argument("--writer", action="store_true", help="Only measure the DuckDB writer's rate.")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        print(json.dumps(writer_rate(max(args.copies))))
        return
    if args.child:
        one_run(*args.child, args.workers[0], args.engine)
        return
    files = sorted(NATIONAL.glob("*.txt"))
    if not files:
        sys.exit(f"no corpus at {NATIONAL}")
    sets = [(f"national x{copies}", files, copies) for copies in args.copies]
    if not args.no_scans:
        scans = sorted(p for p in SCANS.iterdir() if p.suffix.lower() in (".pdf", ".jpg", ".png"))
        sets.append((f"scans ({len(scans)} files)", scans, 1))
    for label, members, copies in sets:
        for workers in args.workers:
            with tempfile.TemporaryDirectory() as tmp:
                corpus = Path(tmp) / "corpus"
                _copy(members, corpus, copies)
                command = [sys.executable, __file__, "--child", str(corpus), str(Path(tmp) / "z.duckdb"),
                           "--workers", str(workers), "--engine", args.engine]
                out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
                print(json.dumps({"set": label, "engine": args.engine, "workers": workers,
                                  **json.loads(out.strip().splitlines()[-1])}), flush=True)


if __name__ == "__main__":
    main()
