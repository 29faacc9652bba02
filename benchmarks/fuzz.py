"""The fuzzer of tests/test_fuzz.py at scale, and the timing table of hostile patterns.

Fuzzing: ``--inputs N`` generated texts (tests/fuzzing.py: numeral and digit runs, number soup,
huge numbers, zero-width characters everywhere, text without sentence breaks, mutated invented
sentences) through load_text and extraction in worker processes, each under a generous budget.
Prints the inputs, characters, failures by kind (with examples), and the slowest input beside the
cost of a real report of the same length (the issue's goal: within 10x).

Table: ``--table`` times each pattern at 1k, 10k, 100k and 1M characters, each cell in a fresh
process capped at ``--cap`` seconds (a larger size of a pattern that hit the cap is not tried),
against real reports (../shared/corpus/national, joined) of the same length, with and without
their punctuation. Linear cost shows as a flat µs/char column.

    .venv/bin/python benchmarks/fuzz.py --inputs 20000                  # a few minutes
    .venv/bin/python benchmarks/fuzz.py --inputs 1000000 --workers 2    # the closing run: hours
    .venv/bin/python benchmarks/fuzz.py --table --cap 120
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import subprocess
import sys
import time
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import fuzzing  # noqa: E402

SHARED = ROOT.parent / "shared"
# The fuzzer's slowest inputs, as table patterns beside the issue's: a value every two or three characters.
FOUND = {
    "成六 repeated (numeral soup)": lambda n: ("成六" * (n // 2 + 1))[:n],
    "6亿一 repeated (a count before a noun of numbers)": lambda n: ("6亿一" * (n // 3 + 1))[:n],
    "％两 repeated (numerals and full-width percent signs)": lambda n: ("％两" * (n // 2 + 1))[:n],
    "拾7亿 repeated (a big-form numeral between counts)": lambda n: ("拾7亿" * (n // 3 + 1))[:n],
    "8万克破 repeated (a two-letter word every four characters)": lambda n: ("8万克破" * (n // 4 + 1))[:n],
}
# 8万克破's density with no phrase repeated: what the phrase readings, made once per phrase, cannot share.
_LETTERS = [chr(c) for c in range(0x4E00, 0x9FA6) if chr(c) not in fuzzing.NUMERALS + fuzzing.MAGNITUDES + "几第"]


def _unrepeated(n: int) -> str:
    draw = random.Random(13)
    return "".join(f"{draw.randint(1, 99)}万{draw.choice(_LETTERS)}{draw.choice(_LETTERS)}"
                   for _ in range(n // 4 + 1))[:n]


PROBES = {"counts parted by two random letters (8万克破's density, no phrase repeated)": _unrepeated}
SIZES = (1_000, 10_000, 100_000, 1_000_000)
CHUNK = 500  # inputs a worker task checks


SLOWEST = 5  # the slowest inputs kept, to be timed again as the real reports are (best of 3)


def _check_chunk(args: tuple[int, int, int]) -> tuple[int, int, Counter, list, list]:
    """Check ``count`` inputs of one seed: (inputs, characters, failures by kind, examples, the slowest)."""
    seed, count, max_chars = args
    failures: Counter = Counter()
    examples: list = []
    slowest: list[tuple[float, int, str, str]] = []
    chars = 0
    for name, text in fuzzing.inputs(seed, count, max_chars):
        problems, seconds, _ = fuzzing.check(text)
        chars += len(text)
        for kind in {p.kind for p in problems}:
            failures[kind] += 1
        for p in problems:  # up to two examples of each kind, so rare kinds are shown too
            if sum(e[1] == p.kind for e in examples) < 2:
                examples.append((name, p.kind, p.detail, text[:120]))
        if len(slowest) < SLOWEST or seconds > slowest[-1][0]:
            slowest = sorted([*slowest, (seconds, len(text), name, text)], reverse=True)[:SLOWEST]
    return count, chars, failures, examples, slowest


def fuzz(total: int, workers: int, max_chars: int, seed: int) -> None:
    tasks = [(seed + i, min(CHUNK, total - i * CHUNK), max_chars) for i in range((total + CHUNK - 1) // CHUNK)]
    inputs = chars = 0
    failures: Counter = Counter()
    examples: list = []
    slowest: list[tuple[float, int, str, str]] = []
    started = time.perf_counter()
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_warm) as pool:
        for count, n_chars, found, shown, slow in pool.imap_unordered(_check_chunk, tasks):
            inputs += count
            chars += n_chars
            failures.update(found)
            examples += [e for e in shown if sum(x[1] == e[1] for x in examples) < 2]
            slowest = sorted([*slowest, *slow], reverse=True)[:SLOWEST]
            if inputs % (CHUNK * 20) == 0 or inputs == total:
                print(f"  {inputs:,} inputs, {chars:,} chars, {sum(failures.values()):,} failing, "
                      f"{time.perf_counter() - started:,.0f} s", file=sys.stderr, flush=True)
    if failures["time"]:
        print("note: inputs over their budget were stopped there, so the slowest is at least its budget")
    print(f"inputs: {inputs:,}")
    print(f"characters: {chars:,}")
    print(f"wall time: {time.perf_counter() - started:,.0f} s on {workers} workers")
    kinds = ("exception", "span", "value", "json", "time")
    print("failures: " + ", ".join(f"{failures[k]:,} {k}" for k in kinds) + f" (inputs with any: "
          f"{sum(failures.values()):,})")
    for example in examples:
        print(f"  e.g. {example[0]}: {example[1]}: {example[2][:120]} <- {example[3]!r}")
    fuzzing.warm_up()
    if not slowest:
        return
    seconds, length, name, text = slowest[0]
    real = _real_cost(length)
    ratio = f"{seconds / real:.1f}x" if real else "n/a (no ../shared corpus)"
    print(f"slowest input: {seconds:.3f} s, {length:,} chars ({name}): {text[:80]!r}")
    print(f"a real report of its length: {real:.4f} s; slowest / real = {ratio}" if real else
          f"a real report of its length: {ratio}")
    # On a shared machine one run's wall time may be the machine's pause, not the input's cost: the slowest
    # inputs are timed again in CPU seconds, best of 3, each against a real report of its length timed so too.
    if not _reports():
        return
    real_cpu = {n: min(_cpu(_real_text(n)) for _ in range(3)) for n in {n for _, n, _, _ in slowest}}
    again = max(((min(_cpu(t) for _ in range(3)), n, name, t) for _, n, name, t in slowest),
                key=lambda c: c[0] / real_cpu[c[1]])
    print(f"the {len(slowest)} slowest timed again in CPU seconds, best of 3: worst {again[0]:.3f} s, {again[1]:,} "
          f"chars ({again[2]}): {again[3][:40]!r}; a real report of its length: {real_cpu[again[1]]:.4f} s; "
          f"ratio {again[0] / real_cpu[again[1]]:.1f}x")


def _warm() -> None:
    fuzzing.warm_up()  # lazy data, so no input is charged for it


@cache
def _reports() -> str:
    folder = SHARED / "corpus" / "national"
    if not folder.is_dir():
        return ""
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))


def _real_text(length: int) -> str:
    text = _reports()
    return (text * (length // len(text) + 1))[:length]


def _real_cost(length: int) -> float:
    """Best-of-3 seconds of the text path on the first ``length`` characters of the real reports."""
    if not _reports():
        return 0.0
    return min(fuzzing.check(_real_text(length), budget=3600)[1] for _ in range(3))


# --- the timing table ---------------------------------------------------------------------

def _repeated(text: str, size: int) -> str:
    return (text * (size // len(text) + 1))[:size]


def _cells() -> dict:
    """Every pattern of the table by name: a function of the size giving the text (the real reports first,
    where ../shared is there)."""
    real = {"real reports": lambda n: _repeated(_reports(), n),
            "real reports without punctuation": lambda n: _repeated(
                "".join(c for c in _reports() if c not in "。；，、！？：\n"), n)} if _reports() else {}
    return {**real, **fuzzing.PATTERNS, **FOUND, **PROBES}


def _one_cell(pattern: str, size: int) -> None:
    """In a child process: time one pattern at one size; print seconds and records as JSON."""
    text = _cells()[pattern](size)
    fuzzing.warm_up()
    problems, seconds, records = fuzzing.check(text, budget=10**6)
    print(json.dumps({"seconds": seconds, "cpu": _cpu(text), "records": records,
                      "problems": sorted({p.kind for p in problems})}))


def _cpu(text: str) -> float:
    """CPU seconds of the text path, once more: on a shared machine the wall time swings with the load."""
    import zhibiao
    from zhibiao.load import load_text

    started = time.process_time()
    zhibiao.extract_document(load_text(text, "<table>"))
    return time.process_time() - started


def table(cap: float) -> None:
    patterns = list(_cells())
    print(f"Each cell: seconds (µs per character; CPU µs per character of a second run) in a fresh process, "
          f"capped at {cap:.0f} s.\n")
    print("| pattern | " + " | ".join(f"{s:,} chars" for s in SIZES) + " |")
    print("|---|" + "---|" * len(SIZES))
    for pattern in patterns:
        cells = []
        for size in SIZES:
            if cells and cells[-1].startswith(">"):
                cells.append("not run")
                continue
            try:
                done = subprocess.run([sys.executable, __file__, "--cell", pattern, str(size)], capture_output=True,
                                      text=True, timeout=cap, env={**os.environ, "PYTHONPATH": str(ROOT)})
            except subprocess.TimeoutExpired:
                cells.append(f"> {cap:.0f} s")
                continue
            if done.returncode != 0:
                cells.append("error: " + (done.stderr.strip().splitlines() or ["?"])[-1][:60])
                continue
            result = json.loads(done.stdout.strip().splitlines()[-1])
            note = f"; {', '.join(result['problems'])}" if result["problems"] else ""
            cells.append(f"{result['seconds']:.3f} s ({result['seconds'] / size * 1e6:.1f}; CPU "
                         f"{result['cpu'] / size * 1e6:.1f}){note}")
        print(f"| {pattern} | " + " | ".join(cells) + " |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--max-chars", type=int, default=5_000, help="longest fuzzed input")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--table", action="store_true", help="the timing table instead of fuzzing")
    parser.add_argument("--cap", type=float, default=120.0, help="seconds a table cell may take")
    parser.add_argument("--cell", nargs=2, metavar=("PATTERN", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cell:
        if args.cell[0] not in (names := _cells()):
            parser.error(f"--cell: no pattern named {args.cell[0]!r}; the table's patterns: " + ", ".join(names))
        _one_cell(args.cell[0], int(args.cell[1]))
    elif args.table:
        table(args.cap)
    else:
        fuzz(args.inputs, args.workers, args.max_chars, args.seed)


if __name__ == "__main__":
    main()
