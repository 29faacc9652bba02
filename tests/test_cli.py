"""The command line as a user runs it: formats, standard input, the sample, one-line errors."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from zhibiao.cli import main
from zhibiao.records import FIELDS

REPORT = "全市地区生产总值增长6.2%，城镇新增就业5.1万人。\n\n今年发展主要预期目标是：地区生产总值增长6%左右。\n"


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


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


def test_csv_has_a_header_and_one_row_per_record(report, tmp_path):
    out = tmp_path / "out.csv"
    assert run("extract", str(report), "--format", "csv", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 3 and rows[0]["metric"] == "地区生产总值" and json.loads(rows[0]["span"]) == [10, 14]


def test_standard_input():
    result = run("extract", "-", "--format", "jsonl", input="全市粮食产量达到30亿斤。")
    assert json.loads(result.output)["value"] == 3e9


def test_table_for_people(report):
    result = run("extract", str(report))
    assert "地区生产总值" in result.output and "3 indicators" in result.output


def test_sample_runs_and_covers_the_language():
    rows = [json.loads(line) for line in run("extract", "--sample", "--format", "jsonl").output.splitlines()]
    assert len(rows) > 30
    assert {r["status"] for r in rows} == {"actual", "target"}
    assert {"approx", "at_least", "at_most", "more_than", "range"} <= {r["modifier"] for r in rows}
    assert {"change", "level"} == {r["kind"] for r in rows}


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
