"""OCR seconds per page on the shared scans: earlier engine settings against the current ones, in one run.

    .venv/bin/python benchmarks/ocr_speed.py [SCAN_DIR] [--gold GOLD.json] [--rounds N] [--settings A,B]
    .venv/bin/python benchmarks/ocr_speed.py --timeline PAGE.jpg [--rounds N]

Every scan in SCAN_DIR is loaded (OCR and reading order) with each setting in turn,
``--rounds`` times: ``legacy`` is ``zhibiao.ocr.LEGACY`` (every core inside each page,
the angle classifier on every line, pages one after another, full-size line images),
``before`` the defaults before the models' graphs were folded (``zhibiao.ocr_graph``:
pages side by side, a page's cores reading its lines side by side, lines 32 px high
and narrowed, angles only when a page reads badly), ``after`` the defaults.
The best wall time of each is kept, since other jobs on a shared machine only ever
add time. CPU seconds add up every thread. Engine loads are timed apart. Then the
scan gold is scored with each setting, by the shared scorer, running ``zhibiao
extract`` through this script.

``--timeline`` loads one page image ``--rounds`` times with the defaults and prints, for the
fastest, when each stage ran (seconds from the start of the page, wall) and its thread's CPU:
where one core works while the other waits.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path

from zhibiao import load as loading, ocr

SHARED = Path(__file__).resolve().parents[2] / "shared"
SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")
SETTINGS = {
    "legacy": ocr.LEGACY,
    "before": ocr.Settings(fold=False),
    "after": ocr.Settings(),
}


def _time(path: Path) -> tuple[float, float, int, int]:
    start, cpu = time.perf_counter(), time.process_time()
    doc = loading.load(path)
    pages = len({o.page for o in doc.origins}) or 1
    return time.perf_counter() - start, time.process_time() - cpu, pages, len(doc.text)


def _warm(settings: ocr.Settings) -> float:
    """Load the engines a setting uses (one per number of cores a page gets), so their load is not counted as OCR."""
    start = time.perf_counter()
    for cores in {settings.threads or n for n in (1, ocr._cores())}:
        ocr._engine(settings, cores)
    return time.perf_counter() - start


def _timeline(path: Path, rounds: int) -> None:
    """The stages of one page image's load, timed in place on the default engine's steps."""
    engine = ocr._engine(ocr.SETTINGS, ocr._cores())
    spans: list[tuple[str, str, float, float, float]] = []
    start = [0.0]

    def timed(owner, name: str, stage: str) -> None:
        step = getattr(owner, name)

        def run(*args, **kwargs):
            t, cpu = time.perf_counter(), time.thread_time()
            out = step(*args, **kwargs)
            spans.append((stage, threading.current_thread().name, t - start[0], time.perf_counter() - start[0],
                          time.thread_time() - cpu))
            return out
        setattr(owner, name, run)

    timed(ocr, "_decoded", "decode")
    timed(engine.text_det, "infer", "detect")
    timed(engine.text_det, "postprocess_op", "detection's boxes")
    timed(engine, "get_crop_img_list", "line crops")
    timed(engine.text_rec.recogniser, "session", "recognise")
    timed(ocr, "reading_order", "reading order")
    best = None
    for _ in range(rounds):
        spans.clear()
        start[0] = time.perf_counter()
        loading.load(path)
        wall = time.perf_counter() - start[0]
        if best is None or wall < best[0]:
            best = wall, list(spans)
    wall, spans = best
    print(f"{path.name}: {wall:.3f} s wall (best of {rounds}); stage: from-to s (CPU s of its thread)")
    for stage in dict.fromkeys(s[0] for s in spans):
        for thread in dict.fromkeys(s[1] for s in spans if s[0] == stage):
            runs = [s for s in spans if s[:2] == (stage, thread)]
            print(f"  {stage} [{thread}]: {runs[0][2]:.3f}-{runs[-1][3]:.3f} ({sum(s[4] for s in runs):.3f} CPU"
                  + (f", {len(runs)} batches" if len(runs) > 1 else "") + ")")


def _score(gold: Path, setting: str) -> dict:
    cmd = f"{sys.executable} {Path(__file__).resolve()} --extract {setting} {{source}}"
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), "--cmd", cmd],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=SHARED / "corpus" / "scans")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev-ocr" / "scan__national__2024.json")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--settings", default=",".join(SETTINGS), help="which of %(default)s to run")
    parser.add_argument("--timeline", type=Path, metavar="PAGE", help="time the stages of one page image")
    parser.add_argument("--extract", nargs=2, metavar=("SETTING", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.extract:  # the scorer's command: zhibiao extract with the named settings
        ocr.SETTINGS = SETTINGS[args.extract[0]]
        from zhibiao.cli import main as cli

        cli(["extract", "--format", "jsonl", args.extract[1]])
        return
    if args.timeline:
        _timeline(args.timeline, args.rounds)
        return
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in SUFFIXES)
    unknown = set(args.settings.split(",")) - set(SETTINGS)
    if unknown:
        parser.error(f"unknown settings {', '.join(sorted(unknown))} (known: {', '.join(SETTINGS)})")
    settings = {name: SETTINGS[name] for name in args.settings.split(",")}
    for name, s in settings.items():
        print(f"{name}: {asdict(s)}; engine load {_warm(s):.2f} s")
    best: dict[tuple[str, str], tuple[float, float, int, int]] = {}
    for _ in range(args.rounds):
        for name, s in settings.items():
            ocr.SETTINGS = s
            for path in files:
                got = _time(path)
                key = (name, path.name)
                if key not in best or got[0] < best[key][0]:
                    best[key] = got
    for path in files:
        for name in settings:
            wall, cpu, pages, chars = best[(name, path.name)]
            print(f"{path.name} {name}: {pages} page(s), {wall:.2f} s wall, {cpu:.2f} s CPU, "
                  f"{wall / pages:.2f} s/page wall, {chars} chars")
    totals = {}
    for name in settings:
        rows = [best[(name, p.name)] for p in files]
        pages = sum(r[2] for r in rows)
        totals[name] = (sum(r[0] for r in rows) / pages, sum(r[1] for r in rows) / pages)
        print(f"total {name}: {pages} pages, {totals[name][0]:.2f} s/page wall, "
              f"{totals[name][1]:.2f} s/page CPU (best of {args.rounds})")
    for name in settings:
        if name != "after" and "after" in settings:
            print(f"speed-up of after over {name}: {totals[name][0] / totals['after'][0]:.2f}x wall, "
                  f"{totals[name][1] / totals['after'][1]:.2f}x CPU")
    if args.gold.exists():
        for name in settings:
            s = _score(args.gold, name)
            print(f"gold {args.gold.name} {name}: F1 {s['f1']:.3f} (P {s['precision']:.3f}, R {s['recall']:.3f}, "
                  f"strict F1 {s['strict_f1']:.3f}), {s['seconds']:.1f} s")


if __name__ == "__main__":
    main()
