"""The ``zhibiao`` command line: click only, every command calls the library.

Every command that prints rows shares one set of conventions (``zhibiao.output``): ``--format``,
``-o FILE`` (``-o -`` is standard output), ``--bom``/``--excel`` for CSV, a table fitted to the
terminal or plain rows when piped, one line on stderr for an error.
"""
from __future__ import annotations

import os
import sys
from functools import wraps
from importlib import resources

import click

from . import load as loading
from . import output
from . import records as records_schema
from .errors import InputError, StoreError, ZhibiaoError
from .output import Column

FAILED_EXIT = 1  # ingest: the run finished, but some files could not be read


def one_line_errors(command):
    """Turn a ZhibiaoError into one line on stderr and its exit code, never a traceback."""

    @wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ZhibiaoError as e:
            click.echo(f"zhibiao: error: {e}", err=True)
            sys.exit(e.exit_code)
        except BrokenPipeError:  # `zhibiao ... | head`: the reader has all it wanted
            sys.stderr.close()
            sys.exit(0)

    return run


def examples(*lines: str) -> str:
    """A command's help epilog: its examples, kept as written."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog=examples("zhibiao extract --sample", "zhibiao ingest reports/ --db panel.duckdb",
                             "zhibiao serve --db panel.duckdb"))
@click.version_option(package_name="zhibiao")
def main() -> None:
    """Quantitative indicators from Chinese government work reports, grounded in the source."""


def format_option(choices: tuple[str, ...], default: str = "table"):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="table: for people (plain rows when not a terminal); the others for programs.")


OUTPUT_OPTION = click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False, allow_dash=True),
                             help="Write to FILE instead of standard output ('-': standard output).")
BOM_OPTION = click.option("--bom", "--excel", "bom", is_flag=True,
                          help="CSV with a UTF-8 byte-order mark, so Excel (e.g. on a Chinese-locale Windows) "
                               "reads the Chinese text.")
DB_OPTION = click.option("--db", default="zhibiao.duckdb", show_default=True, type=click.Path(dir_okay=False),
                         help="The indicator database.")

LEVELS = click.Choice(records_schema.LEVELS)
STATUSES = click.Choice(records_schema.STATUSES)

# extract's table: the columns in display order, each with the priority it keeps at a narrow width
RECORD_COLUMNS = (Column("metric", 0), Column("value", 1), Column("base value", 6), Column("unit", 7),
                  Column("kind", 3), Column("direction", 8), Column("modifier", 4), Column("status", 2),
                  Column("period", 5), Column("span", 9), Column("canonical", 10))


def _record_row(r: dict) -> list[str]:
    shown, base = output.value_cells(r["value"], r["unit"], r.get("value_max"))
    if r.get("value_max") is not None:
        base += "–" + output.cell(float(r["value_max"]))
    return [output.cell(r["metric"]), shown, base, output.cell(r["unit"]), output.cell(r["kind"]),
            output.cell(r["direction"]), output.cell(r["modifier"]), output.cell(r["status"]),
            output.cell(r["period"]), f"[{r['span'][0]}, {r['span'][1]})", output.cell(r.get("canonical"))]


def _write_records(records, fmt: str, out, *, bom: bool, document: dict) -> None:
    """Stream JSONL and CSV record by record; only the table for people is built whole."""
    import json

    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        output.write_csv((output.csv_record(r, document) for r in records), out, bom=bom)
    else:
        records = list(records)
        output.table(out, f"{len(records)} indicators", RECORD_COLUMNS, [_record_row(r) for r in records])


def _explain(r) -> str:
    """One record's value and metric, then each field with the steps and rules that set it."""
    lines = [f"{r.span.text} [{r.span.start}, {r.span.end})  {r.metric}"]
    for name, rules in r.explain().items():
        lines.append(f"  {name:<9} {getattr(r, name)!s:<14} {' > '.join(rules)}")
    return "\n".join(lines)


@main.command(epilog=examples("zhibiao extract report.pdf", "zhibiao extract report.txt --format jsonl -o report.jsonl",
                              "cat report.txt | zhibiao extract - --year 2025 --format csv --excel -o report.csv"))
@click.argument("file", required=False)
@format_option(("table", "jsonl", "csv"))
@OUTPUT_OPTION
@BOM_OPTION
@click.option("--year", type=int, help="The report's year, where the text does not say it.")
@click.option("--region", help="The report's region (e.g. 重庆), overriding what the text suggests.")
@click.option("--repair/--no-repair", default=None, help="Force OCR/PDF repair on or off (default: when noisy).")
@click.option("--sample", is_flag=True, help="Run on the bundled sample report.")
@click.option("--explain", is_flag=True, help="Print, per record, the grammar step and rule that set each field.")
@one_line_errors
def extract(file, fmt, output_path, bom, year, region, repair, sample, explain):
    """Extract every indicator from FILE ('-' for standard input)."""
    from .grammar import iter_indicators

    if sample:
        text = resources.files("zhibiao").joinpath("data/sample_report.txt").read_text(encoding="utf-8")
        doc = loading.load_text(text, source="sample_report.txt")
    elif file is None:
        raise click.UsageError("give a FILE, '-' for standard input, or --sample")
    elif file == "-":
        doc = loading.load_stream(sys.stdin.buffer, "<stdin>", region=region, year=year)
    else:
        doc = loading.load(file, region=region, year=year, **_ocr_progress())
    document = {"region": region or doc.meta.get("region"), "year": year or doc.meta.get("year")}
    diagnostics: list = list(doc.diagnostics)
    found = iter_indicators(doc, year=year, repair=repair, diagnostics=diagnostics)
    with output.opened(output_path) as out:
        if explain:
            out.writelines(_explain(r) + "\n" for r in found)
        else:
            _write_records((r.to_dict() for r in found), fmt, out, bom=bom, document=document)
    for d in diagnostics:
        click.echo(f"zhibiao: {d.code}: {d.message} [{d.span.start}, {d.span.end})", err=True)


def _ocr_progress() -> dict:
    """A per-page progress line on a terminal for long OCR runs."""
    if not sys.stderr.isatty():
        return {}

    def progress(page: int, pages: int) -> None:
        click.echo(f"\rzhibiao: OCR page {page}/{pages}", err=True, nl=page == pages)

    return {"progress": progress}


@main.command(epilog=examples("zhibiao serve --db panel.duckdb --port 8080", "zhibiao serve --db new.duckdb --create",
                              "zhibiao serve --db panel.duckdb --host 0.0.0.0 --allow-host reports.example.org"))
@click.option("--db", default="zhibiao.duckdb", show_default=True, type=click.Path(dir_okay=False),
              help="The indicator database to browse.")
@click.option("--create", is_flag=True, help="Start with a new, empty database when --db does not exist.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind; loopback unless you mean to share it.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--data-dir", type=click.Path(file_okay=False),
              help="Where uploads are kept (default: <db name>-data beside the database).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another name browsers reach the server by (its Host header); repeatable.")
@one_line_errors
def serve(db, create, host, port, data_dir, allow_hosts):
    """Browse the database in a web browser: every number highlighted where it stands.

    The server holds the database only while it answers a request, so ingest, query and
    notebooks can use the same file while it runs.
    """
    import socket

    import uvicorn

    from .web import create_app
    from .web.app import LOOPBACK_HOSTS

    if not os.path.exists(db) and not create:
        raise StoreError(f"{db}: no such database (build one with 'zhibiao ingest', or pass --create "
                         "to start an empty one)")
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as e:
        raise ZhibiaoError(f"cannot serve at {host}:{port}: {e.strerror or e} "
                           "(is another server running there? choose another --port)") from None
    everywhere = host in ("0.0.0.0", "::", "")  # any address answers; names must be listed (DNS rebinding)
    names = (host, *LOOPBACK_HOSTS, *allow_hosts) + ((socket.gethostname(), socket.getfqdn()) if everywhere else ())
    app = create_app(db, data_dir, hosts=names, any_ip=everywhere)
    if host not in LOOPBACK_HOSTS:
        click.echo(f"zhibiao: warning: serving on {host}: anyone who can reach it can read and upload", err=True)
    click.echo(f"zhibiao: serving {db} at http://{'[' + host + ']' if ':' in host else host}:{port}/", err=True)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])


@main.command("repair", epilog=examples("zhibiao repair scan.txt", "zhibiao repair scan.txt --changes > fixed.txt"))
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


# Frame columns shown as "as written" beside their base value in a table, with the column holding the unit.
VALUE_COLUMNS = ("value", "target", "outcome", "parent_target")


def _emit_frame(frame, fmt: str, title: str, output_path: str | None, bom: bool, keep=None) -> None:
    """A DataFrame as a table for people, CSV or a JSON list of objects."""
    if fmt == "table" and keep:
        frame = frame[[c for c in keep if c in frame.columns]]
    frame = _integer_columns(frame)
    with output.opened(output_path) as out:
        if fmt == "csv":
            output.write_frame_csv(frame, out, bom=bom)
        elif fmt == "json":
            out.write(frame.to_json(orient="records", force_ascii=False, indent=1) + "\n")
        else:
            columns, rows = _frame_rows(frame)
            output.table(out, f"{title}: {len(frame)} rows", columns, rows)


def _integer_columns(frame):
    """Offsets, ids and years as integers: DuckDB's NULLs make pandas hold them as floats ("332.0")."""
    import pandas as pd

    out = frame.copy()
    for name in out.columns:
        col = out[name]
        if (pd.api.types.is_float_dtype(col) and str(name).endswith(("_start", "_end", "_doc", "doc_id", "year", "id"))
                and col.dropna().map(float.is_integer).all()):
            out[name] = col.astype("Int64")
    return out


def _frame_rows(frame) -> tuple[list[Column], list[list[str]]]:
    unit = frame["unit"] if "unit" in frame.columns else None
    columns, cells = [], []
    for position, name in enumerate(frame.columns):
        values = frame[name].tolist()
        if name in VALUE_COLUMNS and unit is not None:
            units = unit.tolist()
            columns.append(Column(f"{name} (as written)", position))
            cells.append([output.value_cells(v, u)[0] for v, u in zip(values, units)])
            columns.append(Column(name, position + len(frame.columns)))
        else:
            columns.append(Column(str(name), position))
        cells.append([output.cell(v) for v in values])
    return columns, [list(r) for r in zip(*cells)] if cells else []


@main.command(epilog=examples("zhibiao ingest reports/ --db panel.duckdb",
                              "find reports -name '*.pdf' | zhibiao ingest - --db panel.duckdb",
                              "zhibiao ingest archive/ --db panel.duckdb --engine ray --address 10.0.0.5:6379"))
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@DB_OPTION
@click.option("--workers", type=click.IntRange(1, 256), help="Worker processes (default: one per core).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--force", is_flag=True, help="Extract unchanged files again (after upgrading zhibiao).")
@click.option("--retry-failed", is_flag=True, help="Try unchanged files that failed before again.")
@click.option("--timeout", type=click.FloatRange(min=1), default=loading.DOCUMENT_SECONDS, show_default=True,
              help="Seconds each document may take to be read and extracted before it is recorded as failed.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where documents are loaded and extracted: worker processes here, or a Ray cluster.")
@click.option("--address", metavar="HOST:PORT", help="The Ray cluster to join (default: start one on this machine).")
@one_line_errors
def ingest(paths, db, workers, quiet, force, retry_failed, timeout, engine, address):
    """Load, extract and store every report under PATHS (files or folders, recursive; '-' reads
    one path a line from standard input). Exits 1 when some file failed, after storing the rest."""
    from .store import Database

    if address and engine != "ray":
        raise click.UsageError("--address needs --engine ray")
    if "-" in paths:
        listed = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
        paths = tuple(p for p in paths if p != "-") + tuple(listed)
        if not paths:
            raise InputError("no paths on standard input")
    if engine == "ray":
        from .cluster import RayEngine

        engine = RayEngine(address)
    with Database(db) as database:
        s = database.ingest(paths, workers=workers, progress=not quiet, force=force, retry_failed=retry_failed,
                            seconds=timeout, engine=engine if engine != "local" else None)
    for source in s.retried:
        click.echo(f"zhibiao: retried: {source}: its worker process died (out of memory?); read again in a new one",
                   err=True)
    for source, why in s.refused:
        click.echo(f"zhibiao: not read: {source}: {why}", err=True)
    if s.failed_before:
        click.echo(f"zhibiao: note: {s.failed_before} unchanged files failed before and were not tried again "
                   "(--retry-failed tries them)", err=True)
    records = s.records + s.kept_records
    matched = s.matched + s.kept_matched
    click.echo(f"ingested {s.ingested} documents ({s.replaced} replaced, {s.skipped} unchanged, "
               f"{len(s.failed)} failed, {len(s.refused)} not regular files) of {s.files} files in {s.seconds:.1f} s: {s.docs_per_s:.1f} docs/s, "
               f"{s.chars_per_s / 1e3:.0f}k chars/s")
    click.echo(f"{records} records ({s.records} extracted now, {s.kept_records} in unchanged documents), "
               f"{matched} ({matched / records if records else 0:.1%}) matched to a canonical indicator; "
               f"{db}: {s.db_bytes / 2**20:.1f} MiB")
    for _, error in s.failed:
        click.echo(f"zhibiao: failed: {error}", err=True)  # the error names its file
    if s.failed:
        sys.exit(FAILED_EXIT)


@main.command(epilog=examples("zhibiao targets --indicator gdp --db panel.duckdb",
                              "zhibiao targets --indicator gdp --level provincial --year 2026 --vs-parent",
                              "zhibiao targets --indicator cpi --format csv --excel -o cpi.csv"))
@click.option("--indicator", required=True, help="Canonical id: gdp (growth), cpi, urban_new_jobs ...")
@click.option("--region", help="Only this region (重庆, 全国 ...).")
@click.option("--level", type=LEVELS, help="Only governments of this level.")
@click.option("--year", type=int, help="Only this target year.")
@click.option("--vs-parent", is_flag=True, help="Add the upper government's target and the amplification.")
@click.option("--all-years", is_flag=True, help="Also print years with neither a target nor an outcome.")
@format_option(("table", "json", "csv"))
@OUTPUT_OPTION
@BOM_OPTION
@DB_OPTION
@one_line_errors
def targets(indicator, region, level, year, vs_parent, all_years, fmt, output_path, bom, db):
    """Each year's target beside the outcome the next report gives: met, exceeded, missed or no outcome."""
    from .store import Database

    with Database(db, read_only=True) as database:
        frame = database.targets(indicator, region=region, level=level, year=year, vs_parent=vs_parent,
                                 all_years=all_years)
    keep = ["region", "year", "unit", "target", "target_max", "modifier", "target_direction", "commitment", "cue",
            "absent", "outcome", "outcome_status", "result", "gap"] + (
                ["parent_target", "parent_target_max", "amplification"] if vs_parent else [])
    _emit_frame(frame, fmt, f"{indicator} targets and outcomes", output_path, bom, keep)


@main.command(epilog=examples("zhibiao series --indicator cpi --db panel.duckdb",
                              "zhibiao series --indicator gdp --status target --region 重庆",
                              "zhibiao series --indicator urban_new_jobs --format csv -o jobs.csv"))
@click.option("--indicator", required=True, help="Canonical id: gdp (growth), cpi, urban_new_jobs ...")
@click.option("--status", type=STATUSES, default="actual", show_default=True)
@click.option("--region", help="Only this region.")
@format_option(("table", "json", "csv"))
@OUTPUT_OPTION
@BOM_OPTION
@DB_OPTION
@one_line_errors
def series(indicator, status, region, fmt, output_path, bom, db):
    """A year series per region of one canonical indicator."""
    from .store import Database

    with Database(db, read_only=True) as database:
        frame = database.series(indicator, status=status, region=region)
    _emit_frame(frame, fmt, f"{indicator} ({status})", output_path, bom,
                ["region", "year", "value", "unit", "status", "doc_id"])


@main.command(epilog=examples("zhibiao panel --indicators gdp,cpi,urban_new_jobs -o panel.dta --db panel.duckdb",
                              "zhibiao panel --indicators gdp --status target --level provincial -o gdp.xlsx",
                              "zhibiao panel --indicators gdp,cpi -o - --excel > panel.csv"))
@click.option("--indicators", "names", required=True, help="Comma-separated canonical ids: gdp,cpi,urban_new_jobs")
@click.option("--status", type=click.Choice(["target", "actual", "both"]), default="both", show_default=True,
              help="Which cells: each year's target, its actual outcome, or both.")
@click.option("--level", type=LEVELS, help="Only governments of this level.")
@click.option("--region", help="Only this region.")
@click.option("-o", "--output", "output_path", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="panel.dta, .csv, .parquet or .xlsx; '-' writes the panel as CSV to standard output.")
@BOM_OPTION
@DB_OPTION
@one_line_errors
def panel(names, status, level, region, output_path, bom, db):
    """One row per region and year, one column per indicator and status, with a table of evidence.

    The evidence (document, source, span and value as written of every cell) goes to
    NAME_evidence.EXT beside the panel, or to a second sheet in xlsx. Stata files carry
    variable labels with the indicator's English and Chinese names.
    """
    from .store import Database

    indicators = [n.strip() for n in names.split(",") if n.strip()]
    if bom and output_path != "-" and not output_path.lower().endswith(".csv"):
        raise InputError("--bom/--excel is for CSV output")
    with Database(db, read_only=True) as database:
        if output_path == "-":
            wide, _, _ = database.panel(indicators, status=status, level=level, region=region)
            with output.opened("-") as out:
                output.write_frame_csv(wide, out, bom=bom)
            return
        rows, cells, companion = database.write_panel(output_path, indicators, status=status, level=level,
                                                      region=region, bom=bom)
    where = f"{companion}" if companion else f"the 'evidence' sheet of {output_path}"
    click.echo(f"zhibiao: wrote {rows} region-years x {len(indicators)} indicators to {output_path}; "
               f"evidence for {cells} cells in {where}", err=True)


@main.command("indicators", epilog=examples("zhibiao indicators --db panel.duckdb",
                                            "zhibiao indicators --format csv --excel -o indicators.csv"))
@format_option(("table", "json", "csv"))
@OUTPUT_OPTION
@BOM_OPTION
@DB_OPTION
@one_line_errors
def indicators_command(fmt, output_path, bom, db):
    """Every canonical indicator: id, English and Chinese name, unit, and its counts in the database."""
    from .store import Database, indicator_table

    if os.path.exists(db):
        with Database(db, read_only=True) as database:
            frame = database.indicator_counts()
    else:
        click.echo(f"zhibiao: note: {db} does not exist; listing the indicators without counts", err=True)
        frame = indicator_table()
    _emit_frame(frame, fmt, "canonical indicators", output_path, bom)


@main.command(epilog=examples("zhibiao export -o panel.parquet --db panel.duckdb",
                              "zhibiao export -o gdp.dta --indicator gdp --level provincial",
                              "zhibiao export --format csv --excel -o - --region 重庆 --year 2024 > cq.csv"))
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False, allow_dash=True),
              help="Output file; its extension names the format ('-': standard output, with --format).")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "xlsx", "dta", "jsonl"]),
              help="Output format (default: from the -o extension, else csv).")
@click.option("--indicator", "--canonical", "canonical", help="Only this canonical indicator (gdp, cpi ...).")
@click.option("--region", help="Only reports of this region.")
@click.option("--year", type=int, help="Only reports delivered in this year.")
@click.option("--status", type=STATUSES, help="Only records of this status.")
@click.option("--level", type=LEVELS, help="Only reports of this level of government.")
@BOM_OPTION
@DB_OPTION
@one_line_errors
def export(output_path, fmt, canonical, region, year, status, level, bom, db):
    """Write the records with their report's metadata (Stata .dta keeps variable labels)."""
    from pathlib import Path

    from .store import FORMATS, Database

    suffix = Path(output_path).suffix.lower().lstrip(".") if output_path not in (None, "-") else ""
    if suffix and suffix not in FORMATS:
        raise InputError(f"{output_path}: unknown extension .{suffix}; use one of "
                         f"{', '.join('.' + f for f in FORMATS)} (or give --format)")
    if fmt and suffix and fmt != suffix:
        raise InputError(f"{output_path}: the extension says {suffix} but --format says {fmt}")
    fmt = fmt or suffix or "csv"
    if bom and fmt != "csv":
        raise InputError("--bom/--excel is for CSV output")
    output_path = output_path or f"indicators.{fmt}"
    filters = {"canonical": canonical, "region": region, "year": year, "status": status, "level": level}
    with Database(db, read_only=True) as database:
        n = database.export(sys.stdout.buffer if output_path == "-" else output_path, fmt, bom=bom, **filters)
    click.echo(f"zhibiao: wrote {n} records to {'standard output' if output_path == '-' else output_path}", err=True)


@main.command(epilog=examples(
    'zhibiao query "SELECT canonical, count(*) AS n FROM indicators GROUP BY 1 ORDER BY 2 DESC"',
    "zhibiao query \"SELECT region, year, title FROM documents\" --format csv -o documents.csv",
    "zhibiao query \"SELECT * FROM read_csv('regions.csv')\" --allow-files"))
@click.argument("sql")
@format_option(("table", "json", "csv"))
@OUTPUT_OPTION
@BOM_OPTION
@DB_OPTION
@click.option("--allow-files", is_flag=True, help="Let the SQL read files (read_csv, read_text ...); off by default.")
@one_line_errors
def query(sql, fmt, output_path, bom, db, allow_files):
    """Run one read-only SELECT against the database (tables: documents, sections, indicators)."""
    from .store import Database

    with Database(db, read_only=True) as database:
        frame = database.query(sql, allow_files=allow_files)
    _emit_frame(frame, fmt, "query", output_path, bom)


if __name__ == "__main__":
    main()
