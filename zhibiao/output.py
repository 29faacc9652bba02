"""Writing rows for people and for programs: one set of conventions for every command.

A table on a terminal is fitted to its width (columns chosen by priority, long text cut with
an ellipsis, never split mid-word); anywhere else the same columns are plain tab-separated
rows. Report text is data: it is never read as Rich markup or emoji. CSV has one integer
per offset, and with ``bom`` a UTF-8 byte-order mark so Excel reads Chinese text.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .display import human, number
from .errors import InputError
from .records import missing

BOM = "\ufeff"
# Columns whose text may be cut with an ellipsis to make room; the others are shown whole or not at all.
SHRINKABLE = frozenset({"metric", "evidence", "value_text", "cue", "section", "source", "title",
                        "target_evidence", "outcome_evidence", "absent_evidence"})
SHRUNK_WIDTH = 16  # the narrowest a shrinkable column gets before the table drops columns instead
CELL_OVERHEAD = 3  # a Rich column's padding and its border


@dataclass(frozen=True)
class Column:
    """A column of a people's table: its header and its place in the order columns are dropped."""

    name: str
    priority: int  # lower is kept longer


@contextmanager
def atomic(path: str | os.PathLike) -> Iterator[Path]:
    """A partial file beside ``path`` for the block to write, renamed to ``path`` when the block
    completes and removed when it raises: a failed write never leaves half a file (or clobbers
    the old one). Exports, panels, ``-o FILE``, the store's texts and the explorer's files use it."""
    path = Path(path)
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: no such folder")
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.partial")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


@contextmanager
def opened(output: str | os.PathLike | None, *, binary: bool = False) -> Iterator[IO]:
    """Standard output for None or '-', else FILE written atomically (``atomic``)."""
    if output in (None, "-"):
        yield sys.stdout.buffer if binary else sys.stdout
        return
    with atomic(output) as partial:
        with open(partial, "wb") if binary else open(partial, "w", encoding="utf-8", newline="") as out:
            yield out


def write_frame_csv(frame, out: IO, *, bom: bool = False) -> None:
    """A DataFrame as CSV on a text stream, with a byte-order mark for Excel when ``bom``."""
    if bom:
        out.write(BOM)
    frame.to_csv(out, index=False)


def cell(value: Any) -> str:
    """A value as text for a table or CSV: floats in plain digits, lists joined, blanks empty."""
    if missing(value):
        return ""
    if isinstance(value, float):
        return number(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ";".join(cell(v) for v in value)
    return str(value)


def csv_record(record: dict, extra: dict | None = None) -> dict:
    """A JSONL record as CSV cells: a [start, end) list becomes two integer columns."""
    out = dict(extra or {})
    for name, value in record.items():
        if name in ("span", "evidence_span") and isinstance(value, list) and len(value) == 2:
            prefix = "span" if name == "span" else "evidence"
            out[f"{prefix}_start"], out[f"{prefix}_end"] = value
        elif isinstance(value, dict):
            out[name] = json.dumps(value, ensure_ascii=False)
        else:
            out[name] = cell(value) if isinstance(value, (list, tuple, float)) else value
    return out


def write_csv(rows: Iterable[dict], out: IO, *, bom: bool = False, fieldnames: Sequence[str] | None = None) -> None:
    """Stream dict rows as CSV; the header is the first row's keys unless given."""
    if bom:
        out.write(BOM)
    writer = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(fieldnames or row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(row)
    if writer is None and fieldnames:
        csv.DictWriter(out, fieldnames=list(fieldnames)).writeheader()


def terminal_width(out: IO) -> int | None:
    """The width to fit, when ``out`` is a terminal; None for a pipe or a file."""
    try:
        if not out.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return shutil.get_terminal_size((100, 24)).columns


def _natural(columns: Sequence[Column], rows: Sequence[Sequence[str]], i: int) -> int:
    from rich.cells import cell_len

    return max([cell_len(columns[i].name)] + [cell_len(r[i]) for r in rows])


def fit(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int) -> dict[int, int]:
    """The columns to show at ``width`` and the width of each: by priority while their least widths
    fit; the room left goes to the shrinkable ones, in proportion to what they would take."""
    natural = {i: _natural(columns, rows, i) for i in range(len(columns))}
    least = {i: min(n, max(SHRUNK_WIDTH, len(columns[i].name))) if columns[i].name in SHRINKABLE else n
             for i, n in natural.items()}
    chosen: dict[int, int] = {}
    used = 1
    for i in sorted(range(len(columns)), key=lambda i: columns[i].priority):
        if used + least[i] + CELL_OVERHEAD <= width:
            chosen[i] = least[i]
            used += least[i] + CELL_OVERHEAD
    room = width - used
    wanting = {i: natural[i] - chosen[i] for i in chosen if natural[i] > chosen[i]}
    total = sum(wanting.values())
    for i, more in wanting.items():
        chosen[i] += min(more, room * more // total)
    return dict(sorted(chosen.items()))


def table(out: IO, title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
    """People's rows: a fitted Rich table on a terminal, tab-separated plain rows elsewhere."""
    rows = [[v.replace("\t", " ").replace("\n", " ") for v in r] for r in rows]
    width = terminal_width(out)
    if width is None:
        out.write("\t".join(c.name for c in columns) + "\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    shown = fit(columns, rows, width)
    hidden = [columns[i].name for i in range(len(columns)) if i not in shown]
    t = Table(title=Text(title), title_justify="left",
              caption=Text(f"not shown, to fit: {', '.join(hidden)} (--format csv has all)") if hidden else None,
              caption_justify="left")
    for i, w in shown.items():
        t.add_column(Text(columns[i].name), no_wrap=True, overflow="ellipsis", width=w)
    for r in rows:
        t.add_row(*(Text(r[i]) for i in shown))
    Console(file=out, width=width, markup=False, emoji=False, highlight=False).print(t)


def value_cells(value: Any, unit: Any, value_max: Any = None) -> tuple[str, str]:
    """(as people write it, the base value) for a table's two value columns."""
    return human(_num(value), unit if isinstance(unit, str) else None, _num(value_max)), cell(_num(value))


def _num(v: Any) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if missing(f) else f


__all__ = ["Column", "atomic", "opened", "write_frame_csv", "cell", "csv_record", "write_csv", "table", "fit",
           "value_cells", "BOM"]
