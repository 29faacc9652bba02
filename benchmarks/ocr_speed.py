"""OCR seconds per page on the shared scans, on this machine's CPU.

    .venv/bin/python benchmarks/ocr_speed.py [SCAN_DIR]

Prints one line per file (pages, wall and CPU seconds, per page, characters) and
the total; the engine's one-off model load is timed apart. CPU seconds add up
every thread, so they show the work even when other jobs share the cores.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from zhibiao import load as loading
from zhibiao.ocr import _engine


def main(folder: Path) -> None:
    start = time.perf_counter()
    _engine()
    print(f"engine load: {time.perf_counter() - start:.2f} s")
    total_pages = total_seconds = total_cpu = 0.0
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".pdf", ".jpg", ".jpeg", ".png"):
            continue
        start, cpu = time.perf_counter(), time.process_time()
        doc = loading.load(path)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        pages = len({o.page for o in doc.origins}) or 1
        total_pages += pages
        total_seconds += seconds
        total_cpu += cpu
        print(f"{path.name}: {doc.format}, {pages} page(s), {seconds:.2f} s wall, {cpu:.2f} s CPU, "
              f"{seconds / pages:.2f} s/page wall, {len(doc.text)} chars")
    if total_pages:
        print(f"total: {total_pages:.0f} pages, {total_seconds / total_pages:.2f} s/page wall, "
              f"{total_cpu / total_pages:.2f} s/page CPU")


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "scans"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
