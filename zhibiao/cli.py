"""The ``zhibiao`` command line: click only, every command calls the library."""
from __future__ import annotations

import csv
import io
import json
import sys
from functools import wraps
from importlib import resources

import click

from . import load as loading
from .errors import ZhibiaoError
from .extract import extract_document
from .records import FIELDS


def one_line_errors(command):
    """Turn a ZhibiaoError into one line on stderr and its exit code, never a traceback."""

    @wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ZhibiaoError as e:
            click.echo(f"zhibiao: error: {e}", err=True)
            sys.exit(e.exit_code)

    return run


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zhibiao")
def main() -> None:
    """Quantitative indicators from Chinese government work reports, grounded in the source."""


def _write_records(records: list[dict], fmt: str, out) -> None:
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(FIELDS), extrasaction="ignore")
        writer.writeheader()
        for r in records:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
                             for k, v in r.items()})
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(records)} indicators", show_lines=False)
        for name in ("metric", "value_text", "value", "unit", "kind", "direction", "modifier", "status",
                     "period", "span"):
            table.add_column(name, overflow="fold")
        for r in records:
            table.add_row(*(str(r[name]) if r[name] is not None else "" for name in
                            ("metric", "value_text", "value", "unit", "kind", "direction", "modifier",
                             "status", "period", "span")))
        Console(file=out, width=200 if out is not sys.stdout else None).print(table)


@main.command()
@click.argument("file", required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--year", type=int, help="The report's year, where the text does not say it.")
@click.option("--region", help="The report's region (e.g. 重庆), overriding what the text suggests.")
@click.option("--repair/--no-repair", default=None, help="Force OCR/PDF repair on or off (default: when noisy).")
@click.option("--sample", is_flag=True, help="Run on the bundled sample report.")
@one_line_errors
def extract(file, fmt, output, year, region, repair, sample):
    """Extract every indicator from FILE ('-' for standard input)."""
    if sample:
        text = resources.files("zhibiao").joinpath("data/sample_report.txt").read_text(encoding="utf-8")
        doc = loading.load_text(text, source="sample_report.txt")
    elif file is None:
        raise click.UsageError("give a FILE, '-' for standard input, or --sample")
    elif file == "-":
        doc = loading.load_text(sys.stdin.read(), source="<stdin>", region=region, year=year)
    else:
        doc = loading.load(file, region=region, year=year)
    records = [i.to_dict() for i in extract_document(doc, year=year, repair=repair)]
    if output:
        with open(output, "w", encoding="utf-8", newline="") as out:
            _write_records(records, fmt, out)
    else:
        _write_records(records, fmt, sys.stdout)


@main.command()
@click.option("--db", default="zhibiao.duckdb", show_default=True, type=click.Path(dir_okay=False),
              help="The indicator database to browse.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; loopback unless you mean to share it.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--data-dir", type=click.Path(file_okay=False),
              help="Where uploads are kept (default: <db name>-data beside the database).")
@one_line_errors
def serve(db, host, port, data_dir):
    """Browse the database in a web browser: every number highlighted where it stands."""
    import uvicorn

    from .web import create_app

    app = create_app(db, data_dir)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"zhibiao: warning: serving on {host}: anyone who can reach it can read and upload", err=True)
    click.echo(f"zhibiao: serving {db} at http://{'[' + host + ']' if ':' in host else host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command("repair")
@click.argument("file")
@click.option("--changes", "list_changes", is_flag=True, help="List every change, not only the counts.")
@one_line_errors
def repair_command(file, list_changes):
    """Print the repaired working text of FILE ('-' for standard input); changes go to stderr."""
    from collections import Counter

    from . import repair as repairing

    doc = loading.load_text(sys.stdin.read(), source="<stdin>") if file == "-" else loading.load(file)
    fixed = repairing.repair(doc.text)
    click.echo(fixed.text, nl=False)
    counts = Counter(c.reason for c in fixed.changes)
    summary = ", ".join(f"{n} {reason}" for reason, n in counts.most_common()) or "no changes"
    click.echo(f"zhibiao: noise {repairing.noise_score(doc.text):.4f}; {summary}", err=True)
    for c in fixed.changes if list_changes else ():
        click.echo(f"  [{c.start},{c.end}) {c.reason}: {c.before!r} -> {c.after!r}", err=True)
    for d in repairing.incomplete(doc.text, fixed):
        click.echo(f"  [{d.span.start},{d.span.end}) {d.code}: {d.message}", err=True)


if __name__ == "__main__":
    main()
