"""Find language-data entries that change no output: remove each in turn, re-extract the corpus.

An entry (a word of a list, a key of a word map) that changes no record and no
diagnostic anywhere in the shared corpus is dead weight, or a rule written for
text the corpus lacks; the second kind needs a unit test that says so.

    .venv/bin/python tools/dead_entries.py            # prints the dead entries
    .venv/bin/python tools/dead_entries.py --prune    # and rewrites language.yaml without them

Only the grammar's keys are tried; the number reader's tables (units, magnitudes, ...)
belong to numbers.py and its own tests.
"""
from __future__ import annotations

import argparse
import copy
import json
import multiprocessing
import re
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_dump import files  # noqa: E402

from zhibiao import load as loading  # noqa: E402
from zhibiao.grammar.pipeline import iter_indicators  # noqa: E402
from zhibiao.lexicon import from_raw  # noqa: E402

YAML = Path(__file__).resolve().parents[1] / "zhibiao" / "data" / "language.yaml"
NUMBERS_KEYS = {"magnitudes", "units", "chinese_numeral_units", "unit_blockers", "time_units", "name_suffixes",
                "modifiers", "range_joiners"}

_DOCS: list = []
_BASE: list = []
_RAW: dict = {}


def output(lang) -> list[str]:
    return list(_outputs(lang))


def _outputs(lang):
    for doc in _DOCS:
        found: list = []
        records = [json.dumps({k: v for k, v in r.to_dict().items() if k != "trace"}, ensure_ascii=False)
                   for r in iter_indicators(doc, diagnostics=found, language=lang)]
        yield "\n".join(records + [f"{d.code} {d.span.start} {d.message}" for d in found])


def entries(raw: dict):
    """(path, item) of every removable entry of the grammar's keys."""
    for key, node in raw.items():
        if key in NUMBERS_KEYS:
            continue
        if isinstance(node, list):
            yield from (((key,), item) for item in node)
        elif isinstance(node, dict):
            for sub, value in node.items():
                if isinstance(value, list):
                    yield from (((key, sub), item) for item in value)
                elif key in ("noun_units", "compound_heads", "rate_suffixes"):
                    yield (key,), sub


def without(raw: dict, path: tuple[str, ...], item) -> dict:
    out = copy.deepcopy(raw)
    node = out
    for key in path:
        node = node[key]
    if isinstance(node, list):
        node.remove(item)
    else:
        del node[item]
    return out


def _changes(entry) -> bool:
    path, item = entry
    lang = from_raw(without(_RAW, path, item))
    return any(got != base for got, base in zip(_outputs(lang), _BASE))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prune", action="store_true", help="rewrite language.yaml without the dead entries")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    global _DOCS, _BASE, _RAW
    _RAW = yaml.safe_load(YAML.read_text(encoding="utf-8"))
    _DOCS = [loading.load(str(p)) for p in files()]
    _BASE = output(from_raw(_RAW))
    todo = list(entries(_RAW))
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(args.workers) as pool:
        live = pool.map(_changes, todo, chunksize=4)
    dead = [e for e, changed in zip(todo, live) if not changed]
    print(f"{len(todo)} entries over {len(_DOCS)} files in {time.perf_counter() - start:.0f} s: "
          f"{len(dead)} change no output ({len(dead) / len(todo):.0%})")
    for path, item in dead:
        print(f"  {'.'.join(path)}: {item}")
    if args.prune:
        prune(dead)


def prune(dead) -> None:
    """Drop dead words from their flow lists in the YAML text, keeping its comments and layout."""
    text = YAML.read_text(encoding="utf-8")
    for path, item in dead:
        key = path[-1]
        line = re.search(rf"^(\s*){re.escape(key)}:\s*\[(.*)\]", text, re.M)
        if line is None:
            print(f"  (left by hand) {'.'.join(path)}: {item}")
            continue
        words = [w.strip() for w in line.group(2).split(",")]
        kept = [w for w in words if w.strip("\"'") != item]
        text = text[:line.start(2)] + ", ".join(kept) + text[line.end(2):]
    YAML.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
