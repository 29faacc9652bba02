"""Speed of normalize and repair in characters per second, and the noise score of each input.

Run from the repository root: ``.venv/bin/python benchmarks/repair_speed.py``. Reads ../shared.
"""
from __future__ import annotations

import time
from pathlib import Path

from zhibiao import repair as R

SHARED = Path(__file__).resolve().parents[2] / "shared"


def rate(fn, texts: list[str], rounds: int = 3) -> float:
    """Best of ``rounds`` passes over ``texts``, in characters per second."""
    size, best = sum(map(len, texts)), float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - start)
    return size / best


def main() -> None:
    start = time.perf_counter()
    R._confusion(), R._lexicon()
    print(f"word list load (once per process): {time.perf_counter() - start:.2f} s")
    clean = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus/national").glob("*.txt"))]
    noisy_paths = [SHARED / "corpus/seed/chongqing-2020-infographic.txt",
                   *sorted((SHARED / "corpus/ocr").glob("*/*.txt"))]
    noisy = [p.read_text(encoding="utf-8") for p in noisy_paths]
    scores = sorted(R.noise_score(t) for t in clean)
    print(f"noise score: clean national max {scores[-1]:.4f} (median {scores[len(scores) // 2]:.4f}); "
          f"threshold {R.NOISE_THRESHOLD}")
    for path, text in zip(noisy_paths, noisy):
        print(f"  {path.relative_to(SHARED)}: {R.noise_score(text):.4f}")
    for name, texts in (("national (clean)", clean), ("seed + OCR (noisy)", noisy)):
        print(f"{name}: {sum(map(len, texts)):,} chars")
        for label, fn in (("noise_score", R.noise_score), ("normalize", R.normalize), ("repair", R.repair)):
            print(f"  {label:12} {rate(fn, texts) / 1e6:6.2f} M chars/s")


if __name__ == "__main__":
    main()
