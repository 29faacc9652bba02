"""Ingest the national corpus copied N times (default 5 and 20) and report rate, size and memory.

Each scale runs in its own process, so peak RSS is that run's alone: flat memory
means the x20 peak is close to the x5 one, not four times it.

    .venv/bin/python benchmarks/ingest_scale.py [--copies 5 20] [--workers N]
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
from pathlib import Path

NATIONAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "national"


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def one_run(corpus: str, db: str, workers: int | None) -> None:
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
    with Database(db) as database:
        s = database.ingest([corpus], workers=workers, progress=False)
    done.set()
    sampler.join()
    quarter = max(1, len(samples) // 4)
    print(json.dumps({
        "documents": s.ingested, "failed": len(s.failed), "records": s.records, "seconds": round(s.seconds, 2),
        "docs_per_s": round(s.docs_per_s, 1), "chars_per_s": round(s.chars_per_s),
        "db_mib": round(s.db_bytes / 2**20, 1),
        "matched_share": round(s.matched_share, 3),
        "peak_rss_main_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_main_peak_by_quarter_mib": [round(max(samples[i:i + quarter], default=0)) for i in
                                         range(0, quarter * 4, quarter)],
        "peak_rss_worker_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[5, 20])
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        one_run(*args.child, args.workers)
        return
    files = sorted(NATIONAL.glob("*.txt"))
    if not files:
        sys.exit(f"no corpus at {NATIONAL}")
    for copies in args.copies:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            for i in range(copies):
                target = corpus / f"copy{i:02d}"
                target.mkdir(parents=True)
                for f in files:
                    shutil.copyfile(f, target / f.name)
            command = [sys.executable, __file__, "--child", str(corpus), str(Path(tmp) / "z.duckdb")]
            if args.workers:
                command += ["--workers", str(args.workers)]
            out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            print(json.dumps({"copies": copies, **json.loads(out.strip().splitlines()[-1])}))


if __name__ == "__main__":
    main()
