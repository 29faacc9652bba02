"""Dump metadata and extraction output over the whole shared corpus as JSONL, one file per input.

Used to check that a refactoring leaves every record identical:

    .venv/bin/python tools/corpus_dump.py /tmp/before && ... && .venv/bin/python tools/corpus_dump.py /tmp/after
    diff -r /tmp/before /tmp/after
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from zhibiao import load as loading
from zhibiao.grammar.pipeline import iter_indicators

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PATTERNS = ("national/*.txt", "provincial/*.txt", "seed/*.txt", "ocr/*/*.txt")


def files(root: Path = CORPUS) -> list[Path]:
    return [p for pattern in PATTERNS for p in sorted(root.glob(pattern))]


def dump(path: Path) -> list[str]:
    """The JSONL lines of one file: its metadata with each fact's span, then its records and diagnostics
    as ``zhibiao extract`` prints them."""
    doc = loading.load(str(path))
    diagnostics: list = []
    meta = {name: [fact.value, fact.span.as_list() if fact.span else None]
            for name in doc.meta.__slots__ if (fact := getattr(doc.meta, name)) is not None}
    lines = [json.dumps({"metadata": meta}, ensure_ascii=False)]
    lines += [json.dumps(i.to_dict(), ensure_ascii=False) for i in iter_indicators(doc, diagnostics=diagnostics)]
    lines += [json.dumps({"diagnostic": d.code, "message": d.message, "span": [d.span.start, d.span.end]},
                         ensure_ascii=False) for d in diagnostics]
    return lines


def main(out: str) -> None:
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    for path in files():
        name = f"{path.parent.name}__{path.name}.jsonl"
        (target / name).write_text("".join(line + "\n" for line in dump(path)), encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="the folder to write one JSONL file per corpus file into")
    main(parser.parse_args().out)
