"""Extraction speed and memory on the national corpus, against Microsoft Recognizers-Text.

Not a timed unit test: the numbers depend on the machine and go in
benchmarks/README.md. Goals (the extraction issue): at least 1,000,000
characters/s on one core, at least 50x Recognizers-Text (Chinese number,
percentage, currency and dimension together), and a 50 MB input through
``zhibiao extract`` under 500 MB peak memory. Extraction is single-threaded,
so its CPU time is one core's time; it is printed beside wall time because a
shared machine makes wall time swing.

    .venv/bin/pip install 'recognizers-text-suite==1.0.2a2' 'emoji<1.0'   # the bench extra
    .venv/bin/python benchmarks/extract_speed.py
    .venv/bin/python benchmarks/extract_speed.py --skip-recognizers --skip-big --against ../base

``--against CHECKOUT`` times the corpus with another checkout's code too (a worktree of main,
say), each pass in a fresh process, the two alternating, so both see the same load.
"""
from __future__ import annotations

import argparse
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CHARS = 20_000
REPEATS = 3  # best of 3 on the 20,000-character sample: one run of ours is a few ms, noisy on shared cores
# Appended to the first text of the warm-up call: a 分别 list whose shared head the word dictionary completes
WARM_UP = "\n全市城镇、农村居民人均可支配收入分别增长5.1%、6.2%。"
# One corpus pass in a fresh process, with whichever zhibiao PYTHONPATH puts first: prints its CPU seconds.
_ONE_PASS = """
import sys, time
from pathlib import Path
from zhibiao.grammar import extract
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).iterdir()) if p.is_file()]
extract(texts[0] + sys.argv[2])  # every lazy load, as bench_corpus
cpu = time.process_time()
for text in texts:
    extract(text)
print(time.process_time() - cpu)
"""


def max_rss_mb(who: int) -> float:
    """Peak resident memory in MiB (Linux reports KiB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def read_corpus(folder: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()]
    if not texts:
        raise SystemExit(f"no files in {folder}")
    return texts


def best_of(repeats: int, fn) -> float:
    """Least CPU seconds of ``repeats`` calls."""
    best = math.inf
    for _ in range(repeats):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def child_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_corpus(texts: list[str]) -> None:
    t = time.perf_counter()
    from zhibiao.grammar import extract
    import_s = time.perf_counter() - t
    first = texts[0] + WARM_UP  # every lazy load
    cold = best_of(1, lambda: extract(first))
    warm = best_of(1, lambda: extract(first))
    print(f"one-off: import {import_s:.3f} s wall, lazy data loading {max(cold - warm, 0):.3f} s "
          f"CPU (first call {cold:.3f} s, again {warm:.3f} s)")
    rss_before = max_rss_mb(resource.RUSAGE_SELF)
    chars = sum(map(len, texts))
    records = 0
    t, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        records += len(extract(text))
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    print(f"corpus: {len(texts)} files, {chars:,} chars, {records:,} records in {cpu:.3f} s CPU "
          f"({seconds:.3f} s wall): {chars / cpu:,.0f} chars/s per core (goal >= 1,000,000), "
          f"{chars / seconds:,.0f} wall")
    print(f"peak RSS: {rss_before:.0f} MiB before extraction, {max_rss_mb(resource.RUSAGE_SELF):.0f} MiB after")


def bench_against(folder: Path, chars: int, other: Path, rounds: int) -> None:
    """Best-of-``rounds`` corpus CPU time of this checkout and of ``other``, alternating pass by pass."""
    if not (other / "zhibiao" / "__init__.py").is_file():
        raise SystemExit(f"--against {other}: no zhibiao package there")
    best = {ROOT: math.inf, other: math.inf}
    for _ in range(rounds):
        for checkout in (other, ROOT):
            env = {**os.environ, "PYTHONPATH": str(checkout)}
            done = subprocess.run([sys.executable, "-c", _ONE_PASS, str(folder), WARM_UP], env=env, cwd=checkout,
                                  capture_output=True, text=True)
            if done.returncode:
                raise SystemExit(f"corpus pass with {checkout} failed: {done.stderr.strip()[-2000:]}")
            best[checkout] = min(best[checkout], float(done.stdout.split()[-1]))
    for checkout, name in ((other, "against"), (ROOT, "this checkout")):
        print(f"{name} ({checkout}): best of {rounds} passes {best[checkout]:.3f} s CPU = "
              f"{chars / best[checkout]:,.0f} chars/s per core")
    print(f"this checkout / against: {best[other] / best[ROOT]:.2f}x")


def bench_recognizers(sample: str) -> None:
    try:
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture
    except ImportError:
        raise SystemExit("Recognizers-Text is missing: .venv/bin/pip install 'recognizers-text-suite==1.0.2a2' "
                         "'emoji<1.0' (or pass --skip-recognizers)") from None
    from zhibiao.grammar import extract

    # Models are built once and reused, so their construction (regex compilation) is not charged to parsing.
    t = time.process_time()
    numbers, units = NumberRecognizer(Culture.Chinese), NumberWithUnitRecognizer(Culture.Chinese)
    models = {"number": numbers.get_number_model(), "percentage": numbers.get_percentage_model(),
              "currency": units.get_currency_model(), "dimension": units.get_dimension_model()}
    build_s = time.process_time() - t
    per_model = {name: best_of(REPEATS, lambda m=m: m.parse(sample)) for name, m in models.items()}
    theirs = sum(per_model.values())
    ours = best_of(REPEATS, lambda: extract(sample))
    n = len(sample)
    print(f"Recognizers-Text (Chinese; models built in {build_s:.2f} s): "
          + ", ".join(f"{name} {s:.3f} s" for name, s in per_model.items()))
    print(f"sample {n:,} chars, CPU time: Recognizers-Text (4 together) {theirs:.3f} s = {n / theirs:,.0f} chars/s; "
          f"zhibiao {ours:.4f} s = {n / ours:,.0f} chars/s; ratio {theirs / ours:.0f}x (goal >= 50x)")
    print(f"(recognize_*() build their model on every call: with construction, Recognizers-Text runs at "
          f"{n / (theirs + build_s):,.0f} chars/s, ratio {(theirs + build_s) / ours:.0f}x)")


def bench_big(texts: list[str], mb: float) -> None:
    """A ``mb`` MiB file of repeated corpus text through the CLI; its peak RSS is the child's ru_maxrss."""
    joined = "\n\n".join(texts)
    repeats = math.ceil(mb * 2**20 / len(joined.encode("utf-8")))
    zhibiao = Path(sys.executable).with_name("zhibiao")
    command = [str(zhibiao)] if zhibiao.exists() else [sys.executable, "-m", "zhibiao.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "big.txt")
        with path.open("w", encoding="utf-8") as f:
            for i in range(repeats):
                f.write(joined if i == 0 else "\n\n" + joined)
        size = path.stat().st_size
        chars = repeats * len(joined) + (repeats - 1) * 2
        t, cpu = time.perf_counter(), child_cpu_s()
        done = subprocess.run([*command, "extract", "--format", "jsonl", str(path), "-o", os.devnull],
                              stderr=subprocess.PIPE, text=True)
        seconds, cpu = time.perf_counter() - t, child_cpu_s() - cpu
    if done.returncode:
        raise SystemExit(f"zhibiao extract failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    print(f"big input: {size / 2**20:.1f} MiB ({chars:,} chars, corpus x{repeats}) via `zhibiao extract "
          f"--format jsonl FILE -o /dev/null`: {cpu:.1f} s CPU ({seconds:.1f} s wall), "
          f"{chars / cpu:,.0f} chars/s per core, "
          f"peak RSS {max_rss_mb(resource.RUSAGE_CHILDREN):.0f} MiB (goal < 500)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "../shared/corpus/national",
                        help="folder of UTF-8 reports (default: ../shared/corpus/national from the repo root)")
    parser.add_argument("--big-mb", type=float, default=50, help="size of the big input in MiB (default 50)")
    parser.add_argument("--skip-recognizers", action="store_true", help="no Recognizers-Text comparison")
    parser.add_argument("--skip-big", action="store_true", help="no big-input run")
    parser.add_argument("--against", type=Path, metavar="CHECKOUT",
                        help="also time the corpus with another checkout's code, alternating (e.g. a worktree of main)")
    parser.add_argument("--rounds", type=int, default=5, help="passes per checkout with --against (default 5)")
    args = parser.parse_args()

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    texts = read_corpus(args.corpus.resolve())
    bench_corpus(texts)
    if args.against:
        bench_against(args.corpus.resolve(), sum(map(len, texts)), args.against.resolve(), max(args.rounds, 1))
    if not args.skip_recognizers:
        bench_recognizers("\n\n".join(texts)[:SAMPLE_CHARS])
    if not args.skip_big:
        bench_big(texts, args.big_mb)


if __name__ == "__main__":
    main()
