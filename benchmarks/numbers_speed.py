"""CPU time of ``numbers.quantities`` on hostile repetitive text, 1k to 1M characters.

Each pattern is run at growing lengths: a linear reader costs about the same per character
at every length (the last column). A real report's text is the control.

    .venv/bin/python benchmarks/numbers_speed.py [--max 1000000]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from zhibiao.numbers import quantities
from zhibiao.repair import normalize

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "national"

PATTERNS = {
    "%5": "%5",
    "五 (one numeral)": "五",
    "五万": "五万",
    "增长5%": "增长5%",
    "5, (digits and separators)": "5,",
    "1 (one digit)": "1",
    "三千多万吨，": "三千多万吨，",
    "萬億點 (traditional)": "萬億點",
}


def _cost(text: str) -> tuple[float, int]:
    start = time.process_time()
    work = normalize(text).text
    found = quantities(work)
    return time.process_time() - start, len(found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max", type=int, default=1_000_000, help="longest input, in characters")
    args = ap.parse_args()
    sizes = [n for n in (1_000, 10_000, 100_000, 1_000_000) if n <= args.max]
    print(f"{'pattern':28} {'chars':>9} {'quantities':>10} {'CPU s':>8} {'us/char':>8}")
    real = "".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("20*.txt")))
    rows = [("real reports (control)", real)] + [(name, unit) for name, unit in PATTERNS.items()]
    for name, unit in rows:
        for n in sizes:
            text = (unit * (n // len(unit) + 1))[:n]
            seconds, count = _cost(text)
            print(f"{name:28} {n:>9,} {count:>10,} {seconds:>8.3f} {seconds / n * 1e6:>8.2f}")


if __name__ == "__main__":
    main()
