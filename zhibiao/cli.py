"""The ``zhibiao`` command line: click only, every command calls the library."""
from __future__ import annotations

import csv
import json
import sys
from functools import wraps
from importlib import resources

import click

from . import load as loading
from .errors import ZhibiaoError
from .grammar import iter_indicators
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


def _write_records(records, fmt: str, out) -> None:
    """Stream JSONL and CSV record by record; only the table for people is built whole."""
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(FIELDS), extrasaction="ignore")
        writer.writeheader()
        for r in records:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for k, v in r.items()})
    else:
        from rich.console import Console
        from rich.table import Table

        records = list(records)
        table = Table(title=f"{len(records)} indicators", show_lines=False)
        for name in ("metric", "value_text", "value", "unit", "kind", "direction", "modifier", "status",
                     "period", "span"):
            table.add_column(name, overflow="fold")
        for r in records:
            table.add_row(*(_cell(r[name]) for name in
                            ("metric", "value_text", "value", "unit", "kind", "direction", "modifier",
                             "status", "period", "span")))
        Console(file=out, width=None if out.isatty() else 160).print(table)


def _explain(r) -> str:
    """One record's value and metric, then each field with the steps and rules that set it."""
    lines = [f"{r.span.text} [{r.span.start}, {r.span.end})  {r.metric}"]
    for name, rules in r.explain().items():
        lines.append(f"  {name:<9} {getattr(r, name)!s:<14} {' > '.join(rules)}")
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.10g}"
    return str(value)


@main.command()
@click.argument("file", required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--year", type=int, help="The report's year, where the text does not say it.")
@click.option("--region", help="The report's region (e.g. 重庆), overriding what the text suggests.")
@click.option("--repair/--no-repair", default=None, help="Force OCR/PDF repair on or off (default: when noisy).")
@click.option("--sample", is_flag=True, help="Run on the bundled sample report.")
@click.option("--explain", is_flag=True, help="Print, per record, the grammar step and rule that set each field.")
@one_line_errors
def extract(file, fmt, output, year, region, repair, sample, explain):
    """Extract every indicator from FILE ('-' for standard input)."""
    if sample:
        text = resources.files("zhibiao").joinpath("data/sample_report.txt").read_text(encoding="utf-8")
        doc = loading.load_text(text, source="sample_report.txt")
    elif file is None:
        raise click.UsageError("give a FILE, '-' for standard input, or --sample")
    elif file == "-":
        doc = loading.load_stream(sys.stdin.buffer, "<stdin>", region=region, year=year)
    else:
        doc = loading.load(file, region=region, year=year)
    diagnostics: list = list(doc.diagnostics)
    found = iter_indicators(doc, year=year, repair=repair, diagnostics=diagnostics)
    write = (lambda out: out.writelines(_explain(r) + "\n" for r in found)) if explain else (
        lambda out: _write_records((r.to_dict() for r in found), fmt, out))
    if output:
        with open(output, "w", encoding="utf-8", newline="") as out:
            write(out)
    else:
        write(sys.stdout)
    for d in diagnostics:
        click.echo(f"zhibiao: {d.code}: {d.message} [{d.span.start}, {d.span.end})", err=True)


@main.command()
@click.option("--db", default="zhibiao.duckdb", show_default=True, type=click.Path(dir_okay=False),
              help="The indicator database to browse.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; loopback unless you mean to share it.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--data-dir", type=click.Path(file_okay=False),
              help="Where uploads are kept (default: <db name>-data beside the database).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another name browsers reach the server by (its Host header); repeatable.")
@one_line_errors
def serve(db, host, port, data_dir, allow_hosts):
    """Browse the database in a web browser: every number highlighted where it stands."""
    import os
    import socket

    import uvicorn

    from .web import create_app
    from .web.app import LOOPBACK_HOSTS

    if not os.path.exists(db):
        click.echo(f"zhibiao: note: {db} does not exist yet; starting with an empty database "
                   "(upload files, or build one with 'zhibiao ingest')", err=True)
    everywhere = host in ("0.0.0.0", "::", "")  # any address answers; names must be listed (DNS rebinding)
    names = (host, *LOOPBACK_HOSTS, *allow_hosts) + ((socket.gethostname(), socket.getfqdn()) if everywhere else ())
    app = create_app(db, data_dir, hosts=names, any_ip=everywhere)
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

    doc = loading.load_stream(sys.stdin.buffer) if file == "-" else loading.load(file)
    fixed = repairing.repair(doc.text)
    click.echo(fixed.text, nl=False)
    counts = Counter(c.reason for c in fixed.changes)
    summary = ", ".join(f"{n} {reason}" for reason, n in counts.most_common()) or "no changes"
    click.echo(f"zhibiao: noise {repairing.noise_score(doc.text):.4f}; {summary}", err=True)
    for c in fixed.changes if list_changes else ():
        click.echo(f"  [{c.start},{c.end}) {c.reason}: {c.before!r} -> {c.after!r}", err=True)
    for d in repairing.incomplete(doc.text, fixed):
        click.echo(f"  [{d.span.start},{d.span.end}) {d.code}: {d.message}", err=True)


_DB_OPTION = click.option("--db", default="zhibiao.duckdb", show_default=True, type=click.Path(dir_okay=False),
                          help="The indicator database.")


def _emit_frame(frame, fmt: str, title: str) -> None:
    """A DataFrame as a rich table, CSV or a JSON list of objects on stdout."""
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        click.echo(frame.to_json(orient="records", force_ascii=False, indent=1))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{title}: {len(frame)} rows")
        for name in frame.columns:
            table.add_column(str(name), overflow="fold")
        for row in frame.itertuples(index=False):
            table.add_row(*("" if _is_blank(v) else str(v) for v in row))
        Console(width=None if sys.stdout.isatty() else 200).print(table)


def _is_blank(v) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):  # lists and arrays are values, not blanks
        return False


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_DB_OPTION
@click.option("--workers", type=click.IntRange(1, 256), help="Worker processes (default: one per core).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--force", is_flag=True, help="Extract unchanged files again (after upgrading zhibiao).")
@click.option("--retry-failed", is_flag=True, help="Try unchanged files that failed before again.")
@click.option("--timeout", type=click.FloatRange(min=1), default=600, show_default=True,
              help="Seconds each document may take to be read and extracted before it is recorded as failed.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where documents are loaded and extracted: worker processes here, or a Ray cluster.")
@click.option("--address", metavar="HOST:PORT", help="The Ray cluster to join (default: start one on this machine).")
@one_line_errors
def ingest(paths, db, workers, quiet, force, retry_failed, timeout, engine, address):
    """Load, extract and store every report under PATHS (files or folders, recursive)."""
    from .store import Database

    if address and engine != "ray":
        raise click.UsageError("--address needs --engine ray")
    if engine == "ray":
        from .cluster import RayEngine

        engine = RayEngine(address)
    with Database(db) as database:
        s = database.ingest(paths, workers=workers, progress=not quiet, force=force, retry_failed=retry_failed,
                            seconds=timeout,
                            engine=engine if engine != "local" else None)
    for source in s.retried:
        click.echo(f"retried: {source}: its worker process died (out of memory?); read again in a new one", err=True)
    for source, why in s.refused:
        click.echo(f"not read: {source}: {why}", err=True)
    if s.failed_before:
        click.echo(f"zhibiao: note: {s.failed_before} unchanged files failed before and were not tried again "
                   "(--retry-failed tries them)", err=True)
    click.echo(f"ingested {s.ingested} documents ({s.replaced} replaced, {s.skipped} unchanged, "
               f"{len(s.failed)} failed, {len(s.refused)} not regular files) of {s.files} files in {s.seconds:.1f} s: "
               f"{s.docs_per_s:.1f} docs/s, {s.chars_per_s / 1e3:.0f}k chars/s")
    click.echo(f"{s.records} records, {s.matched} ({s.matched_share:.1%}) matched to a canonical indicator; "
               f"{db}: {s.db_bytes / 2**20:.1f} MiB")
    for source, error in s.failed:
        click.echo(f"failed: {source}: {error}", err=True)


_LEVELS = click.Choice(["national", "provincial", "city", "county"])


@main.command()
@click.option("--indicator", required=True, help="Canonical id: gdp (growth), cpi, urban_new_jobs ...")
@click.option("--region", help="Only this region (重庆, 全国 ...).")
@click.option("--level", type=_LEVELS, help="Only governments of this level.")
@click.option("--year", type=int, help="Only this target year.")
@click.option("--vs-parent", is_flag=True, help="Add the upper government's target and the amplification.")
@click.option("--all-years", is_flag=True, help="Also print years with neither a target nor an outcome.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_DB_OPTION
@one_line_errors
def targets(indicator, region, level, year, vs_parent, all_years, fmt, db):
    """Each year's target beside the outcome the next report gives: met, exceeded, missed or no outcome."""
    from .store import Database

    with Database(db, read_only=True) as database:
        frame = database.targets(indicator, region=region, level=level, year=year, vs_parent=vs_parent,
                                 all_years=all_years)
    if fmt == "table":
        keep = ["region", "year", "target", "target_max", "modifier", "target_direction", "commitment", "cue",
                "absent", "outcome", "outcome_status", "result", "gap"] + (
                    ["parent_target", "parent_target_max", "amplification"] if vs_parent else [])
        frame = frame[keep]
    _emit_frame(frame, fmt, f"{indicator} targets and outcomes")


@main.command()
@click.option("--indicator", required=True, help="Canonical id: gdp (growth), cpi, urban_new_jobs ...")
@click.option("--status", type=click.Choice(["actual", "estimate", "target"]), default="actual", show_default=True)
@click.option("--region", help="Only this region.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_DB_OPTION
@one_line_errors
def series(indicator, status, region, fmt, db):
    """A year series per region of one canonical indicator."""
    from .store import Database

    with Database(db, read_only=True) as database:
        frame = database.series(indicator, status=status, region=region)
    if fmt == "table":
        frame = frame[["region", "year", "value", "unit", "status", "doc_id"]]
    _emit_frame(frame, fmt, f"{indicator} ({status})")


@main.command()
@click.option("--indicators", "names", required=True, help="Comma-separated canonical ids: gdp,cpi,urban_new_jobs")
@click.option("--status", type=click.Choice(["target", "actual", "both"]), default="both", show_default=True,
              help="Which cells: each year's target, its actual outcome, or both.")
@click.option("--level", type=_LEVELS, help="Only governments of this level.")
@click.option("--region", help="Only this region.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="panel.dta, .csv, .parquet or .xlsx; '-' writes the panel as CSV to stdout.")
@_DB_OPTION
@one_line_errors
def panel(names, status, level, region, output, db):
    """One row per region and year, one column per indicator and status, with a table of evidence.

    The evidence (document, source, span and value as written of every cell) goes to
    NAME_evidence.EXT beside the panel, or to a second sheet in xlsx. Stata files carry
    variable labels with the indicator's English and Chinese names.
    """
    from .store import Database

    indicators = [n.strip() for n in names.split(",") if n.strip()]
    with Database(db, read_only=True) as database:
        if output == "-":
            wide, _, _ = database.panel(indicators, status=status, level=level, region=region)
            wide.to_csv(sys.stdout, index=False)
            return
        rows, cells, companion = database.write_panel(output, indicators, status=status, level=level,
                                                      region=region)
    where = f"{companion}" if companion else f"the 'evidence' sheet of {output}"
    click.echo(f"wrote {rows} region-years x {len(indicators)} indicators to {output}; "
               f"evidence for {cells} cells in {where}")


@main.command("indicators")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_DB_OPTION
@one_line_errors
def indicators_command(fmt, db):
    """Every canonical indicator: id, English and Chinese name, unit, and its counts in the database."""
    import os

    from .store import Database, indicator_table

    if os.path.exists(db):
        with Database(db, read_only=True) as database:
            frame = database.indicator_counts()
    else:
        click.echo(f"zhibiao: note: {db} does not exist; listing the indicators without counts", err=True)
        frame = indicator_table()
    _emit_frame(frame, fmt, "canonical indicators")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "xlsx", "dta", "jsonl"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: indicators.FORMAT).")
@_DB_OPTION
@one_line_errors
def export(fmt, output, db):
    """Write every record with its report's metadata (Stata .dta keeps variable labels)."""
    from .store import Database

    output = output or f"indicators.{fmt}"
    with Database(db, read_only=True) as database:
        n = database.export(output, fmt)
    click.echo(f"wrote {n} records to {output}")


@main.command()
@click.argument("sql")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_DB_OPTION
@click.option("--allow-files", is_flag=True, help="Let the SQL read files (read_csv, read_text ...); off by default.")
@one_line_errors
def query(sql, fmt, db, allow_files):
    """Run one read-only SELECT against the database (tables: documents, sections, indicators)."""
    from .store import Database

    with Database(db, read_only=True) as database:
        frame = database.query(sql, allow_files=allow_files)
    _emit_frame(frame, fmt, "query")


if __name__ == "__main__":
    main()
