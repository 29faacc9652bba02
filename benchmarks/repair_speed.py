"""Speed of normalize and repair, and what repair adds to extraction; the noise score of each input.

Run from the repository root: ``.venv/bin/python benchmarks/repair_speed.py``. Reads ../shared.
Speeds are CPU time per core (the machine is shared, so wall time swings).
"""
from __future__ import annotations

import time
from pathlib import Path

from zhibiao import repair as R
from zhibiao.grammar import extract

SHARED = Path(__file__).resolve().parents[2] / "shared"


def seconds(fn, texts: list[str], rounds: int = 5) -> float:
    """Best of ``rounds`` passes of ``fn`` over ``texts``, in CPU seconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for text in texts:
            fn(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    start = time.perf_counter()
    R._confusion()
    print(f"word list load (once per process, on the first repair): {time.perf_counter() - start:.2f} s")
    clean = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus/national").glob("*.txt"))]
    noisy_paths = [SHARED / "corpus/seed/chongqing-2020-infographic.txt",
                   *sorted((SHARED / "corpus/ocr").glob("*/*.txt"))]
    noisy = [p.read_text(encoding="utf-8") for p in noisy_paths]
    scores = sorted(R.noise_score(t) for t in clean)
    print(f"noise score: clean national max {scores[-1]:.4f} (median {scores[len(scores) // 2]:.4f}); "
          f"threshold {R.NOISE_THRESHOLD}")
    for path, text in zip(noisy_paths, noisy):
        print(f"  {path.relative_to(SHARED)}: {R.noise_score(text):.4f}")
    extract(noisy[0])  # warm the extractor's lazy data
    for name, texts in (("national (clean)", clean), ("seed + OCR (noisy)", noisy)):
        size = sum(map(len, texts))
        print(f"{name}: {size:,} chars")
        took = {label: seconds(fn, texts) for label, fn in (
            ("looks_noisy", R.looks_noisy), ("normalize", R.normalize), ("repair", R.repair),
            ("extract --no-repair", lambda t: extract(t, repair=False)),
            ("extract (auto)", extract))}
        for label, s in took.items():
            print(f"  {label:20} {size / s / 1e6:6.2f} M chars/s")
        base = took["extract --no-repair"]
        print(f"  looks_noisy is {took['looks_noisy'] / base:.1%} of extract --no-repair; "
              f"repair less normalize {(took['repair'] - took['normalize']) / base:.1%}")


if __name__ == "__main__":
    main()
