"""The command line as a user runs it: one set of output conventions, standard input, the
sample, one-line errors, ingest's exit codes, serve's failures, and readers beside a running server."""
import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from zhibiao.cli import main
from zhibiao.records import FIELDS
from zhibiao.store import Database
from zhibiao.web.app import Store
from qingchuan import REPORT_2023, REPORT_2024

REPORT = "全市地区生产总值增长6.2%，城镇新增就业5.1万人。\n\n今年发展主要预期目标是：地区生产总值增长6%左右。\n"
BOX = re.compile("[│┃━─┏┓┗┛┡┩└┘]")


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """The invented city's two reports, ingested."""
    root = tmp_path_factory.mktemp("cli")
    for name, text in (("qc2023.txt", REPORT_2023), ("qc2024.txt", REPORT_2024)):
        (root / name).write_text(text, encoding="utf-8")
    db = root / "qc.duckdb"
    result = run("ingest", str(root / "qc2023.txt"), str(root / "qc2024.txt"), "--db", str(db), "-q", "--workers", "1")
    assert result.exit_code == 0, result.output
    return db


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


# ---------------------------------------------------------------- extract: formats

def test_jsonl_records_are_grounded(report):
    result = run("extract", str(report), "--format", "jsonl", "--year", "2026")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["metric"], r["value"], r["status"], r["period"]) for r in rows] == [
        ("地区生产总值", 6.2, "actual", "2025"), ("城镇新增就业", 51000.0, "actual", "2025"),
        ("地区生产总值", 6.0, "target", "2026")]
    for r in rows:
        assert REPORT[r["span"][0]:r["span"][1]] == r["value_text"]
        assert set(FIELDS) <= set(r)


def test_csv_spans_are_two_integers_and_rows_carry_region_and_year(report, tmp_path):
    out = tmp_path / "out.csv"
    assert run("extract", str(report), "--format", "csv", "-o", str(out), "--year", "2026",
               "--region", "青川").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 3 and rows[0]["metric"] == "地区生产总值"
    assert "span" not in rows[0] and "evidence_span" not in rows[0]
    for r in rows:
        start, end = int(r["span_start"]), int(r["span_end"])
        assert REPORT[start:end] == r["value_text"]
        assert int(r["evidence_start"]) <= start < end <= int(r["evidence_end"])
        assert (r["region"], r["year"]) == ("青川", "2026")


def test_csv_region_and_year_come_from_the_text_when_not_given(tmp_path):
    path = tmp_path / "qc.txt"
    path.write_text(REPORT_2024, encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(run("extract", str(path), "--format", "csv").output)))
    assert rows and {(r["region"], r["year"]) for r in rows} == {("青川", "2024")}


@pytest.mark.parametrize("flag", ["--bom", "--excel"])
def test_csv_for_excel_starts_with_a_byte_order_mark(report, tmp_path, flag):
    out = tmp_path / "excel.csv"
    assert run("extract", str(report), "--format", "csv", flag, "-o", str(out)).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "地区生产总值" in data[3:].decode("utf-8")
    assert not (tmp_path / "report.csv").exists() and not list(tmp_path.glob("*.partial"))


def test_dash_output_is_standard_output(report, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("extract", str(report), "--format", "jsonl", "-o", "-")
    assert len(result.output.splitlines()) == 3 and not (tmp_path / "-").exists()


def test_extract_has_no_json_format(report):
    result = CliRunner().invoke(main, ["extract", str(report), "--format", "json"])
    assert result.exit_code == 2 and "json" in result.output


def test_standard_input():
    result = run("extract", "-", "--format", "jsonl", input="全市粮食产量达到30亿斤。")
    assert json.loads(result.output)["value"] == 3e9


def test_sample_runs_and_covers_the_language():
    rows = [json.loads(line) for line in run("extract", "--sample", "--format", "jsonl").output.splitlines()]
    assert len(rows) > 30
    assert {r["status"] for r in rows} == {"actual", "target"}
    assert {"approx", "at_least", "at_most", "more_than", "range"} <= {r["modifier"] for r in rows}
    assert {"change", "level"} == {r["kind"] for r in rows}


# ---------------------------------------------------------------- tables for people

def test_piped_table_is_plain_rows_with_values_as_written_beside_the_base_value(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("全市财政总收入达到126万亿元，居民消费价格上涨5.2%。", encoding="utf-8")
    result = run("extract", str(path))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert not BOX.search(result.output)
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert [(r["value"], r["base value"]) for r in rows] == [("126万亿元", "126000000000000"), ("5.2%", "5.2")]
    assert "e+" not in result.output


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True

    def text(self) -> str:
        return re.sub(r"\x1b\[[0-9;]*m", "", self.getvalue())  # the header's bold


def test_terminal_table_fits_the_width_without_splitting_a_word(monkeypatch):
    from zhibiao.cli import RECORD_COLUMNS, _record_row
    from zhibiao.output import table

    monkeypatch.setenv("COLUMNS", "80")
    record = {"metric": "青川市规模以上工业企业研发经费投入强度", "value": 2.6e11, "value_max": None, "unit": "元",
              "kind": "level", "direction": None, "modifier": "more_than", "status": "actual", "period": "2025",
              "span": [1200, 1206], "canonical": None}
    out = Terminal()
    table(out, "1 indicators", RECORD_COLUMNS, [_record_row(record)])
    lines = out.text().splitlines()
    from rich.cells import cell_len

    assert max(cell_len(line) for line in lines) <= 80
    body = "\n".join(lines)
    for word in ("metric", "value", "status", "kind", "modifier", "2600亿元", "actual", "more_than"):
        assert word in body, word  # whole, never folded over two lines
    assert "not shown, to fit" in lines[-1]
    assert "青川市规模以上" in body and "…" in body  # the long metric is cut, with an ellipsis


def test_report_text_is_never_markup_or_emoji(monkeypatch):
    from zhibiao.output import Column, table

    monkeypatch.setenv("COLUMNS", "120")
    out = Terminal()
    table(out, "[red]t[/red]", [Column("metric", 0), Column("cue", 1)], [["[bold]青川[/bold]增长", ":x: 力争"]])
    text = out.text()
    assert "[bold]青川[/bold]增长" in text and ":x: 力争" in text and "[red]t[/red]" in text
    assert "❌" not in text


def test_query_result_text_is_printed_as_data(database):
    result = run("query", "SELECT ':x: [bold]a[/bold]' AS s, 1.26e14 AS v", "--db", str(database))
    assert result.exit_code == 0
    assert ":x: [bold]a[/bold]" in result.output and "126000000000000" in result.output


# ---------------------------------------------------------------- query, targets, series

@pytest.mark.parametrize("command", [
    ["query", "SELECT region, year, n_indicators FROM documents ORDER BY year"],
    ["targets", "--indicator", "gdp"],
    ["series", "--indicator", "gdp"],
])
def test_frame_commands_share_formats_and_output(database, tmp_path, command):
    as_json = json.loads(run(*command, "--format", "json", "--db", str(database)).output)
    assert as_json and isinstance(as_json, list)
    out = tmp_path / "rows.csv"
    result = run(*command, "--format", "csv", "--bom", "-o", str(out), "--db", str(database))
    assert result.exit_code == 0 and result.output == ""
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert len(frame) == len(as_json)
    plain = run(*command, "-o", "-", "--db", str(database)).output
    assert not BOX.search(plain) and len(plain.splitlines()) == len(as_json) + 1
    assert CliRunner().invoke(main, [*command, "--format", "jsonl", "--db", str(database)]).exit_code == 2


def test_integer_columns_stay_integers_in_csv(database):
    out = run("query", "SELECT span_start, span_end FROM indicators ORDER BY id", "--format", "csv", "--db",
              str(database)).output
    assert re.fullmatch(r"span_start,span_end\n(\d+,\d+\n)+", out)
    targets = run("targets", "--indicator", "gdp", "--format", "csv", "--db", str(database)).output
    row = [r for r in csv.DictReader(io.StringIO(targets)) if r["year"] == "2023"][0]
    assert re.fullmatch(r"\d+", row["target_span_start"]) and re.fullmatch(r"\d+", row["target_doc"])


def test_targets_table_shows_the_value_as_written(database):
    lines = run("targets", "--indicator", "gdp", "--db", str(database)).output.splitlines()
    rows = [dict(zip(lines[0].split("\t"), line.split("\t"))) for line in lines[1:]]
    row = next(r for r in rows if r["year"] == "2023")
    assert row["target (as written)"] == "6%" and row["outcome (as written)"] == "6.2%" and row["result"] == "met"


# ---------------------------------------------------------------- export

def test_export_infers_the_format_from_the_extension(database, tmp_path):
    out = tmp_path / "panel.parquet"
    result = run("export", "-o", str(out), "--db", str(database))
    assert result.exit_code == 0, result.output
    frame = pd.read_parquet(out)
    assert len(frame) > 5 and {"span_start", "span_end", "region", "year"} <= set(frame.columns)


@pytest.mark.parametrize("args, message", [
    (["-o", "panel.parquet", "--format", "csv"], "extension says parquet"),
    (["-o", "panel.xls"], "unknown extension .xls"),
    (["-o", "panel.parquet", "--bom"], "for CSV"),
])
def test_export_refuses_a_mismatched_extension(database, tmp_path, args, message):
    args = [str(tmp_path / a) if a.startswith("panel") else a for a in args]
    result = CliRunner().invoke(main, ["export", *args, "--db", str(database)])
    assert result.exit_code == 2 and message in result.output and len(result.output.splitlines()) == 1
    assert not list(tmp_path.iterdir())


def test_export_to_standard_output_with_the_indicators_filters(database):
    result = CliRunner().invoke(
        main, ["export", "-o", "-", "--format", "csv", "--indicator", "gdp", "--year", "2024", "--status", "target",
               "--level", "city", "--region", "青川", "--db", str(database)])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {(r["canonical"], r["year"], r["status"]) for r in rows} == {("gdp", "2024", "target")}
    assert f"wrote {len(rows)} records to standard output" in result.stderr


def test_export_excel_csv(database, tmp_path):
    out = tmp_path / "x.csv"
    assert run("export", "-o", str(out), "--excel", "--db", str(database)).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_to_standard_output_is_the_file_export_byte_for_byte(database, tmp_path):
    out = tmp_path / "x.csv"
    assert run("export", "-o", str(out), "--excel", "--db", str(database)).exit_code == 0
    piped = CliRunner().invoke(main, ["export", "-o", "-", "--format", "csv", "--excel", "--db", str(database)])
    assert piped.exit_code == 0 and piped.stdout_bytes == out.read_bytes()


def test_a_failed_export_dta_keeps_the_old_file_and_leaves_no_partial_one(database, tmp_path):
    broken = tmp_path / "broken.duckdb"
    shutil.copy(database, broken)
    with Database(broken) as db:
        db.con.execute("UPDATE indicators SET value = 'inf'::DOUBLE WHERE idx = 0")  # Stata cannot hold it
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "records.dta").write_bytes(b"the last good export")
    result = CliRunner().invoke(main, ["export", "-o", str(folder / "records.dta"), "--db", str(broken)])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert f"{folder / 'records.dta'}: cannot export" in result.stderr  # the user's file, not a staging one
    assert [p.name for p in folder.iterdir()] == ["records.dta"]
    assert (folder / "records.dta").read_bytes() == b"the last good export"


# ---------------------------------------------------------------- ingest

def test_ingest_goes_past_a_bad_file_names_it_once_and_exits_1(tmp_path):
    good, bad = tmp_path / "qc2023.txt", tmp_path / "bad.txt"
    good.write_text(REPORT_2023, encoding="utf-8")
    bad.write_bytes(b"")
    result = CliRunner().invoke(main, ["ingest", str(good), str(bad), "--db",
                                                       str(tmp_path / "z.duckdb"), "-q", "--workers", "1"])
    assert result.exit_code == 1
    assert "ingested 1 documents" in result.stdout and "1 failed" in result.stdout
    (line,) = [ln for ln in result.stderr.splitlines() if "bad.txt" in ln]
    assert line.count("bad.txt") == 1 and "empty" in line


def test_reingest_counts_the_unchanged_documents_records(database):
    result = run("ingest", str(database.parent / "qc2023.txt"), "--db", str(database), "-q")
    assert result.exit_code == 0
    n = int(re.search(r"^(\d+) records", result.output.splitlines()[1]).group(1))
    stored = json.loads(run("query", "SELECT n_indicators FROM documents WHERE source LIKE '%qc2023.txt'",
                            "--format", "json", "--db", str(database)).output)[0]["n_indicators"]
    assert n == stored > 0 and "0 extracted now" in result.output


def test_ingest_reads_paths_from_standard_input(tmp_path):
    paths = []
    for name, text in (("a.txt", REPORT_2023), ("b.txt", REPORT_2024)):
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    result = run("ingest", "-", "--db", str(tmp_path / "s.duckdb"), "-q", "--workers", "1",
                 input="\n".join(map(str, paths)) + "\n\n")
    assert result.exit_code == 0 and "ingested 2 documents" in result.output


def test_ingest_on_ray_gives_each_document_the_timeout(tmp_path, monkeypatch):
    from zhibiao import cluster, store

    class InProcess:  # stands for the cluster: runs the job it is given here, in the main thread
        def __init__(self, address):
            self.address = address

        def __call__(self, todo, workers, seconds):
            return (store._load_one(work, seconds) for work in todo)

    def endless(doc):
        time.sleep(60)  # stands for an extraction that would never end

    monkeypatch.setattr(cluster, "RayEngine", InProcess)
    monkeypatch.setattr(store, "extract_document", endless)
    (tmp_path / "qc2023.txt").write_text(REPORT_2023, encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "qc2023.txt"), "--db", str(tmp_path / "r.duckdb"),
                                       "-q", "--engine", "ray", "--timeout", "1"])
    assert time.monotonic() - started < 30
    assert result.exit_code == 1 and "took over 1 s" in result.stderr


# ---------------------------------------------------------------- serve's failures, help

def test_serve_refuses_a_mistyped_database(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "panle.duckdb")])
    assert result.exit_code == 2 and "no such database" in result.output
    assert not (tmp_path / "panle.duckdb").exists()


def test_serve_on_a_busy_port_is_one_line(database):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", str(database), "--port", str(port)])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "cannot serve" in result.output and "serving" not in result.output


def test_every_command_help_ends_with_examples():
    for name, command in main.commands.items():
        text = run(name, "--help").output
        tail = text[text.index("Examples:"):].splitlines()
        assert 2 <= len(tail[1:]) <= 3 and all(line.strip().startswith("zhibiao") or "| zhibiao" in line
                                               for line in tail[1:]), name


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize("content, message", [
    (b"\x00\x01\x02\xff" * 100, "file"),
    (b"", "empty"),
], ids=["binary", "empty"])
def test_bad_input_is_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert str(path) in result.output


def test_missing_file():
    result = CliRunner().invoke(main, ["extract", "/nonexistent/report.txt"])
    assert result.exit_code == 2 and "report.txt" in result.output


# ---------------------------------------------------------------- readers beside a running server

def _zhibiao(*args, input=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "zhibiao.cli", *args], input=input, capture_output=True,
                          text=True, timeout=timeout)


def _get(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8")


@pytest.fixture
def serving(tmp_path):
    """`zhibiao serve` in its own process on a free loopback port, over a database of one report."""
    for name, text in (("qc2023.txt", REPORT_2023), ("qc2024.txt", REPORT_2024)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "live.duckdb"
    assert _zhibiao("ingest", str(tmp_path / "qc2023.txt"), "--db", str(db), "-q", "--workers", "1").returncode == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "zhibiao.cli", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            _get(base + "/api/documents")
            break
        except OSError:
            assert server.poll() is None, server.stdout.read()
            assert time.monotonic() < deadline, "serve did not start"
            time.sleep(0.1)
    yield {"db": db, "base": base, "dir": tmp_path}
    server.terminate()
    server.wait(20)


def test_readers_and_ingest_work_while_serve_runs(serving):
    db, base = str(serving["db"]), serving["base"]
    _get(base + "/documents")
    time.sleep(Store.LINGER + 0.5)  # idle now: the server must have let go of the file
    duckdb.connect(db).close()  # a writer, which locks out everyone else, opens at once

    counted = _zhibiao("query", "SELECT count(*) AS n FROM documents", "--format", "json", "--db", db)
    assert counted.returncode == 0, counted.stderr
    assert json.loads(counted.stdout) == [{"n": 1}]
    assert _zhibiao("targets", "--indicator", "gdp", "--format", "csv", "--db", db).returncode == 0
    assert _zhibiao("series", "--indicator", "gdp", "--db", db).returncode == 0
    assert _zhibiao("export", "-o", str(serving["dir"] / "x.parquet"), "--db", db).returncode == 0

    from zhibiao import Database

    with Database(db, read_only=True) as reader:
        assert len(reader.documents()) == 1

    added = _zhibiao("ingest", str(serving["dir"] / "qc2024.txt"), "--db", db, "-q", "--workers", "1")
    assert added.returncode == 0, added.stderr
    assert "ingested 1 documents" in added.stdout

    status, body = _get(base + "/api/documents")
    assert status == 200 and json.loads(body)["count"] == 2  # the explorer sees it without a restart
    status, page = _get(base + "/targets?indicator=gdp&region=青川".replace("青川", "%E9%9D%92%E5%B7%9D"))
    assert status == 200 and "6.2" in page


def test_a_reader_waits_for_a_brief_writer_then_says_busy(tmp_path, monkeypatch):
    from zhibiao import store
    from zhibiao.errors import StoreBusy
    from zhibiao.store import Database

    db = tmp_path / "w.duckdb"
    Database(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               f"c = duckdb.connect({str(db)!r}); print('held', flush=True)\n"
                               "time.sleep(float(sys.argv[1]))", "1.0"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    with Database(db, read_only=True, wait=20) as reader:  # opens as soon as the writer lets go
        assert reader.schema_version() > 0
    assert 0.2 < time.monotonic() - started < 15
    holder.wait(10)

    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               f"c = duckdb.connect({str(db)!r}); print('held', flush=True)\n"
                               "time.sleep(float(sys.argv[1]))", "30"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusy, match=rf"busy: process {holder.pid} .* is writing it"):
            Database(db, read_only=True, wait=0.3)
        monkeypatch.setattr(store, "LOCK_WAIT", 0.3)
        result = CliRunner().invoke(main, ["query", "SELECT 1", "--db", str(db)])
        assert result.exit_code == 3 and "busy" in result.output and len(result.output.splitlines()) == 1
    finally:
        holder.kill()
        holder.wait(10)


# ---------------------------------------------------------------- OCR progress

def test_ocr_reports_progress_per_page(tmp_path, monkeypatch, capsys):
    pytest.importorskip("reportlab")
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from zhibiao import cli, load as loading, ocr

    picture = io.BytesIO()
    Image.new("RGB", (400, 100), "white").save(picture, format="PNG")
    out = io.BytesIO()
    c = canvas.Canvas(out)
    for _ in range(3):  # three scanned pages: no text layer, one picture each
        c.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 72, 600, width=400, height=100)
        c.showPage()
    c.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(out.getvalue())
    # the OCR engine itself is tested elsewhere: here each page reads as one line
    monkeypatch.setattr(ocr, "recognise_pages", lambda images, names, deadline: [
        [ocr.Box(0.0, 0.0, 100.0, 10.0, f"青川市地区生产总值增长{name[-1]}%。")] for name in names])
    seen = []
    doc = loading.load(path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)] and doc.format == "scan"

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    report = cli._ocr_progress()["progress"]
    for done in (1, 2, 3):
        report(done, 3)
    assert capsys.readouterr().err == "\rzhibiao: OCR page 1/3\rzhibiao: OCR page 2/3\rzhibiao: OCR page 3/3\n"
