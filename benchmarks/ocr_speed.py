"""OCR seconds per page on the shared scans, on this machine's CPU.

    .venv/bin/python benchmarks/ocr_speed.py [SCAN_DIR]

Prints one line per file (pages, seconds, seconds per page, characters) and the
total; the engine's one-off model load is timed apart.
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
    total_pages = total_seconds = 0.0
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".pdf", ".jpg", ".jpeg", ".png"):
            continue
        start = time.perf_counter()
        doc = loading.load(path)
        seconds = time.perf_counter() - start
        pages = len({o.page for o in doc.origins}) or 1
        total_pages += pages
        total_seconds += seconds
        print(f"{path.name}: {doc.format}, {pages} page(s), {seconds:.2f} s, "
              f"{seconds / pages:.2f} s/page, {len(doc.text)} chars")
    if total_pages:
        print(f"total: {total_pages:.0f} pages, {total_seconds:.2f} s, {total_seconds / total_pages:.2f} s/page")


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "scans"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
