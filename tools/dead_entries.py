"""Find language-data entries that change no output: remove each in turn, re-extract the corpus.

An entry (a word of a list, a key of a word map) that changes no record and no
diagnostic anywhere in the shared corpus is dead weight, or a rule written for
text the corpus lacks; the second kind needs a unit test that says so.

    .venv/bin/python tools/dead_entries.py              # prints the dead entries
    .venv/bin/python tools/dead_entries.py --verify 20  # and checks 20 of them on every file
    .venv/bin/python tools/dead_entries.py --prune      # and rewrites language.yaml without them
    .venv/bin/python tools/dead_entries.py --only /tmp/dead.txt  # re-checks only the entries a list names
    .venv/bin/python tools/dead_entries.py --trace      # a change of a record's trace is a change too

An entry that is a plain Chinese word (no regular-expression syntax, not an ASCII name such
as at_least) can change only what is read where it is written, so only the files whose text
(as loaded, or as the grammar's working text, with or without its spaces) holds it are
extracted again: several times faster.
``--verify N`` re-checks N of the dead ones on every file, the assumption included.

Only the grammar's keys are tried; the number reader's tables (units, magnitudes, ...)
belong to numbers.py and its own tests.
"""
from __future__ import annotations

import argparse
import copy
import json
import multiprocessing
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_dump import files  # noqa: E402

from zhibiao import load as loading  # noqa: E402
from zhibiao.grammar.pipeline import iter_indicators  # noqa: E402
from zhibiao.grammar.prepare import prepare  # noqa: E402
from zhibiao.lexicon import from_raw  # noqa: E402

YAML = Path(__file__).resolve().parents[1] / "zhibiao" / "data" / "language.yaml"
NUMBERS_KEYS = {"magnitudes", "units", "chinese_numeral_units", "unit_blockers", "time_units", "name_suffixes",
                "modifiers", "range_joiners"}

_DOCS: list = []
_BASE: list = []
_RAW: dict = {}
_TRACE = False  # whether a record's trace (the rules that decided it) counts as output
_VIEWS: list[str] = []  # each file's text as loaded and as the grammar reads it, with and without spaces
# A word of the reports' language (Chinese, no pattern syntax) can only act where it is written;
# an ASCII name (at_least: a modifier the rule yields) or a pattern may act anywhere.
_PLAIN = re.compile(r"[^\\^$.|?*+()\[\]{}]*[^\x00-\x7f][^\\^$.|?*+()\[\]{}]*")


def output(lang) -> list[str]:
    return list(_outputs(lang))


def _outputs(lang, which: list[int] | None = None):
    for i in range(len(_DOCS)) if which is None else which:
        doc, found = _DOCS[i], []
        records = [json.dumps({k: v for k, v in r.to_dict().items() if _TRACE or k != "trace"}, ensure_ascii=False)
                   for r in iter_indicators(doc, diagnostics=found, language=lang)]
        yield "\n".join(records + [f"{d.code} {d.span.start} {d.message}" for d in found])


def entries(raw: dict, path: tuple[str, ...] = ()):
    """(path, item) of every removable entry of the grammar's keys, at any depth, each under its full
    path (``not_indicators.rank.after`` and ``not_indicators.session.after`` are two lists): a word
    of a list, or a key of a word map (a mapping of words to words)."""
    for key, node in raw.items():
        if not path and key in NUMBERS_KEYS:
            continue
        if isinstance(node, list):
            yield from ((path + (key,), item) for item in node)
        elif isinstance(node, dict):
            if node and not any(isinstance(v, (dict, list)) for v in node.values()):
                yield from ((path + (key,), word) for word in node)
            else:
                yield from entries(node, path + (key,))


_LISTED = re.compile(r"^\s*(\S+?)(?: \(\d+\))?: (.+?)\s*$")


def listed(text: str, todo: list) -> tuple[list, list[str]]:
    """The entries of ``todo`` that a list names, in ``todo``'s order, and the names it gives that are
    no entry (any more). The list is this tool's own output (``key (n): a, b``) or ``key: a`` lines;
    other lines are ignored."""
    names: set[tuple[str, str]] = set()
    for line in text.splitlines():
        m = _LISTED.match(line)
        if m:
            names.update((m.group(1), word) for word in m.group(2).split(", "))
    known = {(".".join(path), str(item)): (path, item) for path, item in todo}
    unknown = sorted(f"{key}: {word}" for key, word in names - known.keys())
    return [e for (key, word), e in known.items() if (key, word) in names], unknown


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


def views(doc, lang) -> str:
    """Where a word of the language could act in ``doc``: its text and the grammar's working text."""
    work = prepare(doc, lang).text
    return "\n".join(v for t in (doc.text, work) for v in (t, re.sub(r"\s+", "", t)))


def files_for(item, views_: list[str]) -> list[int] | None:
    """The files removing ``item`` could change: those that hold a plain word; None (all) for a pattern."""
    if isinstance(item, str) and _PLAIN.fullmatch(item):
        return [i for i, v in enumerate(views_) if item in v]
    return None


def _changes(entry, every_file: bool = False) -> bool:
    path, item = entry
    try:
        lang = from_raw(without(_RAW, path, item))
    except Exception:  # noqa: BLE001 - the language cannot do without it (a list left empty, a key needed)
        return True
    which = None if every_file else files_for(item, _VIEWS)
    base = _BASE if which is None else [_BASE[i] for i in which]
    return any(got != was for got, was in zip(_outputs(lang, which), base))


def _changes_anywhere(entry) -> bool:
    return _changes(entry, every_file=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prune", action="store_true", help="rewrite language.yaml without the dead entries")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--verify", type=int, default=0, metavar="N",
                        help="re-check N of the dead entries on every file")
    parser.add_argument("--trace", action="store_true",
                        help="count a change of a record's trace as a change of output (as tools/corpus_dump.py does)")
    parser.add_argument("--only", type=Path, metavar="FILE",
                        help="try only the entries FILE names (this tool's output, or 'key: word' lines)")
    args = parser.parse_args()
    try:
        only = args.only.read_text(encoding="utf-8") if args.only else ""
    except OSError as e:
        sys.exit(f"dead_entries: cannot read {args.only}: {e.strerror}")
    global _DOCS, _BASE, _RAW, _VIEWS, _TRACE
    _TRACE = args.trace
    _RAW = yaml.safe_load(YAML.read_text(encoding="utf-8"))
    _DOCS = [loading.load(str(p)) for p in files()]
    lang = from_raw(_RAW)
    _BASE = output(lang)
    _VIEWS = [views(doc, lang) for doc in _DOCS]
    todo = list(entries(_RAW))
    if args.only:
        todo, unknown = listed(only, todo)
        for name in unknown:
            print(f"  (no such entry now) {name}")
    start = time.perf_counter()
    live = []
    with multiprocessing.get_context("fork").Pool(args.workers) as pool:
        for changed in pool.imap(_changes, todo, chunksize=2):
            live.append(changed)
            if len(live) % 50 == 0:
                print(f"  {len(live)}/{len(todo)} entries, {time.perf_counter() - start:.0f} s", file=sys.stderr,
                      flush=True)
        dead = [e for e, changed in zip(todo, live) if not changed]
        print(f"{len(todo)} entries over {len(_DOCS)} files in {time.perf_counter() - start:.0f} s: "
              f"{len(dead)} change no output ({len(dead) / max(len(todo), 1):.0%})")
        for key, n in Counter(".".join(path) for path, _ in dead).most_common():
            print(f"  {key} ({n}): {', '.join(str(item) for path, item in dead if '.'.join(path) == key)}")
        if args.verify:
            sample = random.Random(1).sample(dead, min(args.verify, len(dead)))
            wrong = [e for e, changed in zip(sample, pool.map(_changes_anywhere, sample)) if changed]
            print(f"verified on every file: {len(sample)} dead entries, {len(wrong)} change output after all"
                  + "".join(f"\n  {'.'.join(path)}: {item}" for path, item in wrong))
    if args.prune:
        text, left = pruned(YAML.read_text(encoding="utf-8"), dead)
        YAML.write_text(text, encoding="utf-8")
        for path, item in left:
            print(f"  (left by hand) {'.'.join(path)}: {item}")


_KEY = re.compile(r"^( *)([^\s#:][^:#]*?):(?:\s|$)")


def flow_list(text: str, path: tuple[str, ...]) -> tuple[int, int] | None:
    """[start, end) of the words of the one-line flow list (``key: [a, b]``) at ``path`` in the YAML
    text: the key is found by its full path, read from the indentation, not by its last name."""
    stack: list[tuple[int, str]] = []  # (indent, key) of the mappings the line is in
    offset = 0
    for line in text.splitlines(keepends=True):
        m = _KEY.match(line)
        if m:
            indent = len(m.group(1))
            while stack and stack[-1][0] >= indent:
                stack.pop()
            stack.append((indent, m.group(2).strip()))
            if tuple(k for _, k in stack) == path:
                words = re.match(r"\s*\[(.*)\]", line[m.end() - 1:])
                return (offset + m.end() - 1 + words.start(1), offset + m.end() - 1 + words.end(1)) if words else None
        offset += len(line)
    return None


def pruned(text: str, dead) -> tuple[str, list]:
    """The YAML text without the dead words of its flow lists, comments and layout kept; and the
    entries left for a hand (a word map's key, a list written one item a line)."""
    left = []
    for path, item in dead:
        found = flow_list(text, path)
        words = [w.strip() for w in text[found[0]:found[1]].split(",")] if found else []
        kept = [w for w in words if w.strip("\"'") != item]
        if len(kept) == len(words):
            left.append((path, item))
            continue
        text = text[:found[0]] + ", ".join(kept) + text[found[1]:]
    return text, left


if __name__ == "__main__":
    main()
