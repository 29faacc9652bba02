"""Extraction time on hostile inputs against a real report of the same length (issue 13).

Not a timed unit test: prints CPU seconds for the number reader (``numbers.quantities``) and the
whole of ``extract`` on repetitive and punctuation-free text at growing sizes, so the table in
benchmarks/README.md can show that cost grows linearly. Goal: any input at most 10x a real report
of its length (a real report: about 0.15 s per 100k characters).

    .venv/bin/python benchmarks/extract_worst.py                       # 1k, 10k, 100k
    .venv/bin/python benchmarks/extract_worst.py --sizes 1000,1000000 --only real,growth
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from zhibiao import numbers
from zhibiao.grammar import extract

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT.parent / "shared" / "corpus" / "national" / "2024.txt"


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def inputs(report: str) -> dict:
    bare = re.sub(r"[，。；：、,.;:！？!?\n]", "", report)
    return {
        "real": lambda n: _repeat(report, n),  # the control
        "growth": lambda n: _repeat("增长5%", n),  # one short record every 4 characters
        "percent": lambda n: _repeat("%5", n),  # a value every 2 characters
        "numeral": lambda n: "五" * n,  # one run of a Chinese numeral
        "unpunctuated": lambda n: _repeat(bare, n),  # a real report with its punctuation removed
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--only", help="comma-separated names: real, growth, percent, numeral, unpunctuated")
    args = parser.parse_args()
    made = inputs(REPORT.read_text(encoding="utf-8"))
    extract("全市地区生产总值增长5%。")  # load the language data before timing
    print(f"{'input':<13}{'chars':>10}{'quantities s':>14}{'extract s':>11}{'records':>9}{'s per 100k':>12}")
    for name in (args.only.split(",") if args.only else made):
        for n in map(int, args.sizes.split(",")):
            text = made[name](n)
            t0 = time.process_time()
            numbers.quantities(text)
            t1 = time.process_time()
            records = extract(text)
            t2 = time.process_time()
            print(f"{name:<13}{n:>10,}{t1 - t0:>14.3f}{t2 - t1:>11.3f}{len(records):>9,}"
                  f"{(t2 - t1) / n * 100_000:>12.3f}", flush=True)


if __name__ == "__main__":
    main()
