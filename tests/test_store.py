import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from zhibiao import store
from zhibiao.cli import main
from zhibiao.errors import InputError, QueryError, StoreError
from zhibiao.records import Document, Fact, Indicator, Metadata, Period, Section, Span
from zhibiao.store import Database

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# Invented reports: 青川市 (a city of the invented province 云岭) and the nation.
REPORTS = {
    "qingchuan-2031.txt": ("青川", "city", 2031,
                           "一、2030年工作回顾\n全市地区生产总值增长6.2%。\n二、今年目标\n"
                           "今年主要预期目标是：地区生产总值增长7%左右，城镇新增就业9万人以上。\n"),
    "qingchuan-2032.txt": ("青川", "city", 2032,
                           "一、2031年工作回顾\n全市地区生产总值增长7.4%，城镇新增就业9.3万人。\n二、今年目标\n"
                           "今年主要预期目标是：确保地区生产总值增长6.5%。\n"),
    "yunling-2031.txt": ("云岭", "provincial", 2031,
                         "一、2030年工作回顾\n全省生产总值增长5.9%。\n二、今年目标\n今年主要预期目标是：全省生产总值增长6%左右。\n"),
}
_NUMBER = re.compile(r"(?P<metric>地区生产总值|全省生产总值|城镇新增就业)(?:增长)?(?P<value>\d+(?:\.\d+)?)(?P<unit>%|万人)")


def fake_load(path, **limits):
    """A loader that knows the invented reports' metadata without metadata detection."""
    name = Path(path).name
    text = Path(path).read_text(encoding="utf-8")
    if "\x00" in text:
        raise InputError(f"{path}: not a text file (binary content)")
    region, level, year = REPORTS.get(name, ("青川", "city", 2033))[:3]
    meta = Metadata(region=Fact(region), level=Fact(level), year=Fact(year), reviewed_year=Fact(year - 1))
    cut = text.index("二、")
    sections = (Section(0, cut, "回顾", ("回顾",), "review"), Section(cut, len(text), "目标", ("目标",), "targets"))
    return Document(text=text, source=str(path), meta=meta, sections=sections)


def fake_extract(doc):
    """One record per metric-number pair: target after the targets heading, actual before."""
    year = doc.meta.get("year")
    cut = doc.text.index("二、")
    out = []
    for m in _NUMBER.finditer(doc.text):
        target = m.start() > cut
        unit = "人" if m["unit"] == "万人" else "%"
        value = float(m["value"]) * (10_000 if unit == "人" else 1)
        end = m.end("unit") + (2 if doc.text[m.end("unit"):].startswith(("左右", "以上")) else 0)
        modifier = {"左右": "approx", "以上": "at_least"}.get(doc.text[m.end("unit"):end], "exact")
        out.append(Indicator(
            metric=m["metric"], value=value, value_max=None, unit=unit,
            kind="change" if unit == "%" else "level", direction="up" if unit == "%" else None,
            modifier=modifier, status="target" if target else "actual",
            span=Span(m.start("value"), end, doc.text[m.start("value"):end]),
            evidence=Span(m.start(), end, doc.text[m.start():end]),
            period=Period(year, year) if target else Period(year - 1, year - 1)))
    return out


@pytest.fixture
def fakes(monkeypatch):
    monkeypatch.setattr(store, "load_file", fake_load)
    monkeypatch.setattr(store, "extract_document", fake_extract)


def write_corpus(folder: Path, names=REPORTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(REPORTS[name][3], encoding="utf-8")
    return folder


def dump(path) -> dict:
    """Every row of every table, ordered, without timestamps: what 'equal databases' means."""
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            "documents": con.execute("SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY id").fetchall(),
            "sections": con.execute("SELECT * FROM sections ORDER BY doc_id, idx").fetchall(),
            "indicators": con.execute("SELECT * FROM indicators ORDER BY id").fetchall(),
        }


def test_ingest_stores_documents_records_and_canonical(fakes, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    with Database(tmp_path / "z.duckdb") as db:
        s = db.ingest([corpus], workers=1, progress=False)
        assert (s.files, s.ingested, s.skipped, s.failed) == (3, 3, 0, ())
        assert s.records == 8 and s.matched == 8 and s.matched_share == 1.0
        docs = db.documents()
        assert list(docs.columns) == ["id", "source", "format", "region", "level", "year", "reviewed_year",
                                      "title", "n_indicators", "n_targets", "error"]
        assert sorted(docs["region"]) == ["云岭", "青川", "青川"]
        records = db.indicators(region="青川市", year=2032)
        assert set(records["canonical"]) == {"gdp", "urban_new_jobs"}
        assert {"span_start", "span_end", "evidence_start", "evidence_end", "section_role"} <= set(records.columns)
        doc = db.document(int(records["doc_id"].iloc[0]))
        first = records.iloc[0]
        assert doc["text"][first.span_start:first.span_end] == first.value_text
        assert db.schema_version() == store.SCHEMA_VERSION


def test_ingest_is_idempotent_and_replaces_changed_files(fakes, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    path = tmp_path / "z.duckdb"
    with Database(path) as db:
        db.ingest([corpus], workers=1, progress=False)
    before = dump(path)
    with Database(path) as db:
        s = db.ingest([corpus], workers=1, progress=False)
    assert (s.ingested, s.skipped) == (0, 3)
    assert dump(path) == before
    with Database(path) as db:
        s = db.ingest([corpus], workers=1, progress=False, force=True)
    assert (s.ingested, s.replaced, s.skipped) == (3, 3, 0)
    assert dump(path) == before
    (corpus / "qingchuan-2032.txt").write_text(REPORTS["qingchuan-2032.txt"][3].replace("7.4%", "7.6%"),
                                               encoding="utf-8")
    with Database(path) as db:
        s = db.ingest([corpus], workers=1, progress=False)
        assert (s.ingested, s.replaced, s.skipped) == (1, 1, 2)
        values = db.indicators(year=2032, status="actual")["value"].tolist()
    assert 7.6 in values and 7.4 not in values
    texts = list((tmp_path / "z.duckdb.texts").glob("*/*.txt.gz"))
    assert len(texts) == 3, "the replaced file's old text is removed"


@pytest.mark.parametrize("raised, words", [
    (lambda path: InputError(f"{path}: not text in UTF-8"), "not text in UTF-8"),  # the loader names the file
    (lambda path: InputError("OCR is not available (no engine)"), "OCR is not available (no engine)"),  # not about one file
    (lambda path: RuntimeError("a bug met on the way"), "RuntimeError: a bug met on the way"),
])
def test_a_failed_documents_error_names_its_file_once_at_the_start(fakes, monkeypatch, tmp_path, raised, words):
    corpus = write_corpus(tmp_path / "corpus", ["qingchuan-2031.txt"])

    def fail(path, **limits):
        raise raised(path)

    monkeypatch.setattr(store, "load_file", fail)
    with Database(tmp_path / "z.duckdb") as db:
        (source, error), = db.ingest([corpus], workers=1, progress=False).failed
        assert error == f"{source}: {words}"
        assert db.documents()["error"].tolist() == [error]


def test_bad_file_among_good_ones_is_recorded_and_listed(fakes, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    with Database(tmp_path / "z.duckdb") as db:
        s = db.ingest([corpus], workers=1, progress=False)
        assert s.ingested == 3 and len(s.failed) == 1
        assert s.failed[0][0].endswith("broken.txt") and "binary" in s.failed[0][1]
        docs = db.documents()
        assert docs["error"].notna().sum() == 1 and len(docs) == 4
        again = db.ingest([corpus], workers=1, progress=False)  # unchanged: not tried again
        assert again.skipped == 3 and again.failed_before == 1 and not again.failed
        retried = db.ingest([corpus], workers=1, progress=False, retry_failed=True)
        assert retried.skipped == 3 and len(retried.failed) == 1


_KILL_SCRIPT = """
import os, signal, sys
sys.path.insert(0, {tests!r})
import test_store
from zhibiao import store
store.load_file = test_store.fake_load
store.extract_document = test_store.fake_extract
kill_at = int(sys.argv[3])
calls = []
original = store.Database._write_indicators
def write_then_die(self, table):
    calls.append(1)
    original(self, table)
    if kill_at and len(calls) == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)  # inside the document's transaction, before COMMIT
store.Database._write_indicators = write_then_die
with store.Database(sys.argv[1]) as db:
    db.ingest([sys.argv[2]], workers=1, progress=False)
"""


def test_killed_ingest_resumes_to_the_same_database(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(8):  # eight reports of invented years
        (corpus / f"qingchuan-{2031 + i}.txt").write_text(
            f"一、回顾\n全市地区生产总值增长{6 + i / 10}%。\n二、目标\n地区生产总值增长{7 + i / 10}%左右。\n", encoding="utf-8")
    script = tmp_path / "run.py"
    script.write_text(_KILL_SCRIPT.format(tests=str(Path(__file__).parent)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}

    def run(db, kill_at):
        return subprocess.run([sys.executable, str(script), str(db), str(corpus), str(kill_at)], env=env,
                              capture_output=True, text=True, timeout=120)

    killed = run(tmp_path / "a.duckdb", 4)
    assert killed.returncode == -9, killed.stderr
    with duckdb.connect(str(tmp_path / "a.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 3  # the 4th never committed
        assert con.execute("SELECT count(*) FROM indicators WHERE doc_id NOT IN (SELECT id FROM documents)"
                           ).fetchone()[0] == 0
    assert run(tmp_path / "a.duckdb", 0).returncode == 0
    assert run(tmp_path / "b.duckdb", 0).returncode == 0
    a, b = dump(tmp_path / "a.duckdb"), dump(tmp_path / "b.duckdb")
    assert len(a["documents"]) == 8 and a == b


def test_parallel_ingest_equals_serial(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"r{i}.txt").write_text(f"青川市{2031 + i}年政府工作报告\n一、{2030 + i}年工作回顾\n"
                                          f"全市地区生产总值增长{6 + i}.5%，城镇新增就业{9 + i}万人。\n", encoding="utf-8")
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4 truncated")  # a bad file among good ones, in a worker
    for name, workers in (("serial.duckdb", 1), ("parallel.duckdb", 2)):
        with Database(tmp_path / name) as db:
            s = db.ingest([corpus], workers=workers, progress=False)
            assert s.ingested == 3 and [Path(f).name for f, _ in s.failed] == ["scan.pdf"]
    assert dump(tmp_path / "serial.duckdb") == dump(tmp_path / "parallel.duckdb")


def test_targets_series_and_parent(fakes, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    with Database(tmp_path / "z.duckdb") as db:
        db.ingest([corpus], workers=1, progress=False)
        t = db.targets("gdp", region="青川").set_index("year")
        row = t.loc[2031]
        assert (row.target, row.modifier, row.outcome, bool(row.met)) == (7.0, "approx", 7.4, True)
        assert t.loc[2032, "commitment"] == "hard" and t.loc[2032, "cue"] == "确保"
        jobs = db.targets("urban_new_jobs", region="青川").set_index("year").loc[2031]
        assert (jobs.target, jobs.modifier, jobs.outcome, bool(jobs.met)) == (90000, "at_least", 93000, True)
        s = db.series("gdp", region="青川")
        assert s[["year", "value"]].values.tolist() == [[2030, 6.2], [2031, 7.4]]
        with pytest.raises(QueryError, match="did you mean .*gdp"):
            db.targets("gpd")
        with pytest.raises(QueryError):
            db.series("gdp", status="guess")


def test_vs_parent_province_against_nation(fakes, tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus", ["yunling-2031.txt"])
    (corpus / "nation-2031.txt").write_text("一、回顾\n地区生产总值增长5%。\n二、目标\n地区生产总值增长5.5%左右。\n",
                                            encoding="utf-8")
    REPORTS_WITH_NATION = {**REPORTS, "nation-2031.txt": ("全国", "national", 2031, "")}
    monkeypatch.setattr(sys.modules[__name__], "REPORTS", REPORTS_WITH_NATION)
    with Database(tmp_path / "z.duckdb") as db:
        db.ingest([corpus], workers=1, progress=False)
        t = db.targets("gdp", vs_parent=True, region="云岭").set_index("year")
    assert (t.loc[2031, "parent_region"], t.loc[2031, "parent_target"]) == ("全国", 5.5)
    assert t.loc[2031, "amplification"] == pytest.approx(0.5)


@pytest.mark.parametrize("fmt", store.FORMATS)
def test_exports_open_with_the_same_rows(fakes, tmp_path, fmt):
    corpus = write_corpus(tmp_path / "corpus")
    with Database(tmp_path / "z.duckdb") as db:
        db.ingest([corpus], workers=1, progress=False)
        expected = db.indicators()["id"].tolist()
        out = tmp_path / f"out.{fmt}"
        assert db.export(out, fmt) == len(expected) == 8
    if fmt == "csv":
        got = pd.read_csv(out)
    elif fmt == "parquet":
        got = pd.read_parquet(out)
    elif fmt == "jsonl":
        got = pd.read_json(out, lines=True)
    elif fmt == "xlsx":
        import openpyxl

        sheet = openpyxl.load_workbook(out, read_only=True).active
        rows = list(sheet.iter_rows(values_only=True))
        got = pd.DataFrame(rows[1:], columns=rows[0])
    else:
        import pyreadstat

        got, meta = pyreadstat.read_dta(str(out))
        assert meta.column_names_to_labels["value"] == store.LABELS["value"]
    assert [int(x) for x in got["id"]] == expected
    assert sorted(set(got["canonical"])) == ["gdp", "urban_new_jobs"]


@pytest.mark.parametrize("fmt", store.FORMATS)
def test_export_to_a_missing_folder_is_one_error(fakes, tmp_path, fmt):
    with Database(tmp_path / "z.duckdb") as db:
        with pytest.raises(InputError, match="no such folder"):
            db.export(tmp_path / "missing" / f"out.{fmt}", fmt)


def _read_back(path: Path, fmt: str) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """The panel and its evidence as pandas, pyreadstat and openpyxl read them (labels from Stata)."""
    companion = path.with_name(f"{path.stem}_evidence{path.suffix}")
    if fmt == "csv":
        return pd.read_csv(path), pd.read_csv(companion), {}
    if fmt == "parquet":
        return pd.read_parquet(path), pd.read_parquet(companion), {}
    if fmt == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        assert book.sheetnames == ["panel", "evidence"]
        frames = []
        for name in book.sheetnames:
            rows = list(book[name].iter_rows(values_only=True))
            frames.append(pd.DataFrame(rows[1:], columns=rows[0]))
        return frames[0], frames[1], {}
    import pyreadstat

    wide, meta = pyreadstat.read_dta(str(path))
    evidence, _ = pyreadstat.read_dta(str(companion))
    return wide, evidence, meta.column_names_to_labels


@pytest.mark.parametrize("fmt", store.PANEL_FORMATS)
def test_panel_reads_back_with_the_values_of_targets_and_series(fakes, tmp_path, fmt):
    corpus = write_corpus(tmp_path / "corpus")
    out = tmp_path / f"panel.{fmt}"
    with Database(tmp_path / "z.duckdb") as db:
        db.ingest([corpus], workers=1, progress=False)
        rows, cells, _ = db.write_panel(out, ["gdp", "URBAN_NEW_JOBS"])
        expected = {}
        for indicator in ("gdp", "urban_new_jobs"):
            for r in db.targets(indicator).itertuples():
                if not pd.isna(r.target):
                    expected[(r.region, r.year, f"{indicator}_target")] = r.target
            for r in db.series(indicator).itertuples():
                expected[(r.region, r.year, f"{indicator}_actual")] = r.value
        texts = {doc_id: db._text(doc_id) for doc_id in db.documents()["id"]}
    wide, evidence, labels = _read_back(out, fmt)
    assert list(wide.columns) == ["region", "level", "year", "gdp_target", "gdp_actual", "urban_new_jobs_target",
                                  "urban_new_jobs_actual"]
    assert len(wide) == rows == len(wide[["region", "year"]].drop_duplicates())
    got = {(r["region"], int(r["year"]), v): float(r[v]) for _, r in wide.iterrows()
           for v in wide.columns[3:] if not pd.isna(r[v]) and r[v] != ""}
    assert got == pytest.approx(expected) and len(got) == cells == len(evidence)
    assert got[("青川", 2031, "gdp_target")] == 7.0 and got[("青川", 2031, "urban_new_jobs_actual")] == 93000
    for r in evidence.itertuples():  # every cell links to the characters that hold it
        assert texts[int(r.doc_id)][int(r.span_start):int(r.span_end)] == r.value_text
        assert got[(r.region, int(r.year), r.variable)] == pytest.approx(float(r.value))
    if fmt == "dta":
        assert labels["gdp_target"].startswith("Gross domestic product") and "国内生产总值" in labels["gdp_target"]
        assert "城镇新增就业" in labels["urban_new_jobs_actual"] and "actual" in labels["urban_new_jobs_actual"]


def test_panel_status_level_and_errors(fakes, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    with Database(tmp_path / "z.duckdb") as db:
        db.ingest([corpus], workers=1, progress=False)
        wide, evidence, _ = db.panel(["gdp"], status="target", level="provincial")
        assert list(wide.columns) == ["region", "level", "year", "gdp_target"]
        assert wide.values.tolist() == [["云岭", "provincial", 2031, 6.0]]
        assert (evidence["status"] == "target").all()
        for call, message in ((lambda: db.panel(["gdp"], status="guess"), "status"),
                              (lambda: db.panel(["gpd"]), "did you mean"),
                              (lambda: db.panel([]), "at least one"),
                              (lambda: db.panel(["gdp", "GDP"]), "twice"),
                              (lambda: db.write_panel(tmp_path / "p.sav", ["gdp"]), "panel format"),
                              (lambda: db.write_panel(tmp_path / "no" / "p.csv", ["gdp"]), "no such folder")):
            with pytest.raises((QueryError, InputError), match=message):
                call()
        counts = db.indicator_counts().set_index("id")
    assert len(counts) == len(store.canonical.table())
    assert counts.loc["gdp", ["records", "targets", "documents"]].tolist() == [6, 3, 3]
    assert counts.loc["cpi", "records"] == 0 and counts.loc["gdp", "label_zh"] == "国内生产总值"


def test_stata_names_fit():
    name = store._stata_name("strategic_emerging_industries", "target")
    assert len(name) <= 32 and name.endswith("_target")


def test_cli_panel_indicators_and_target_filters(fakes, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    db = str(tmp_path / "z.duckdb")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(corpus), "--db", db, "-q", "--workers", "1"]).exit_code == 0
    result = runner.invoke(main, ["panel", "--indicators", "gdp,urban_new_jobs", "-o", str(tmp_path / "p.dta"),
                                  "--db", db])
    assert result.exit_code == 0 and "p_evidence.dta" in result.output
    result = runner.invoke(main, ["panel", "--indicators", "gdp", "--status", "target", "-o", "-", "--db", db])
    assert result.output.splitlines()[0] == "region,level,year,gdp_target"
    result = runner.invoke(main, ["indicators", "--format", "json", "--db", db])
    rows = {r["id"]: r for r in json.loads(result.output)}
    assert rows["gdp"]["records"] == 6 and rows["gdp"]["label_en"] and rows["retail_price"]["unit"] == "%"
    result = runner.invoke(main, ["targets", "--indicator", "GDP", "--level", "city", "--year", "2031",
                                  "--format", "json", "--db", db])
    rows = json.loads(result.output)
    assert [(r["region"], r["year"], r["result"], r["target_direction"]) for r in rows] == [
        ("青川", 2031, "met", "floor")]
    quiet = json.loads(runner.invoke(main, ["targets", "--indicator", "urban_new_jobs", "--format", "json",
                                            "--db", db]).output)
    every = json.loads(runner.invoke(main, ["targets", "--indicator", "urban_new_jobs", "--all-years",
                                            "--format", "json", "--db", db]).output)
    assert "云岭" not in {r["region"] for r in quiet} and "云岭" in {r["region"] for r in every}
    for args in (["panel", "--indicators", "nope", "-o", str(tmp_path / "p.csv"), "--db", db],
                 ["panel", "--indicators", "gdp", "-o", str(tmp_path / "p.txt"), "--db", db]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2 and result.output.startswith("zhibiao: error:"), args
        assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("sql", [
    "DROP TABLE documents",
    "SELECT 1; DELETE FROM documents",
    "INSERT INTO documents (id, source, sha256) VALUES (1, 'x', 'y')",
    "SELEC nonsense",
    "SELECT * FROM no_such_table",
], ids=["drop", "two_statements", "insert", "syntax", "missing_table"])
def test_query_refuses_anything_but_one_select(fakes, tmp_path, sql):
    corpus = write_corpus(tmp_path / "corpus")
    with Database(tmp_path / "z.duckdb") as db:
        db.ingest([corpus], workers=1, progress=False)
        with pytest.raises(QueryError):
            db.query(sql)
        assert len(db.query("SELECT id FROM documents")) == 3


def test_python_api_name():
    import zhibiao

    assert zhibiao.Database is Database


def test_open_errors(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Database(tmp_path / "missing.duckdb", read_only=True)
    newer = tmp_path / "newer.duckdb"
    with Database(newer) as db:
        db.con.execute("INSERT INTO schema_version (version, note) VALUES (999, 'future')")
    with pytest.raises(StoreError, match="newer"):
        Database(newer)
    with pytest.raises(InputError):
        Database(tmp_path / "x.duckdb").ingest([tmp_path / "nowhere"], progress=False)


def test_cli_ingest_targets_json_and_errors(fakes, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    db = str(tmp_path / "z.duckdb")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(corpus), "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "ingested 3 documents" in result.output and "matched to a canonical indicator" in result.output
    result = runner.invoke(main, ["targets", "--indicator", "gdp", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {"region", "year", "target", "target_max", "modifier", "outcome", "met", "commitment",
            "absent"} <= set(rows[0])
    for args in (["targets", "--indicator", "nope", "--db", db], ["query", "DROP TABLE documents", "--db", db],
                 ["series", "--indicator", "gdp", "--db", str(tmp_path / "none.duckdb")],
                 ["ingest", str(tmp_path / "nowhere"), "--db", db]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2 and result.output.startswith("zhibiao: error:"), args
        assert len(result.output.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def national_db(tmp_path_factory):
    with Database(tmp_path_factory.mktemp("national") / "z.duckdb") as db:
        s = db.ingest([SHARED / "corpus/national", SHARED / "corpus/seed"], progress=False)
        assert s.ingested == 53 and not s.failed
        yield db


# Checked by reading each year's targets paragraph and the next report's review. No target:
# 2000-2002 (the reports set none), no report: 1996, 2020. No outcome: the 2000 and 2008 reports
# give no one-year growth (2008 only five-year growth), and there are no 1996, 2020 or 2026 reports.
NATIONAL_GDP = {  # year: (target, target_max, modifier, outcome from the next report, result)
    1994: (9.0, None, "exact", 11.8, "exceeded"), 1995: (8.0, 9.0, "range", None, "no outcome"),
    1997: (8.0, None, "exact", 8.8, "met"),
    1998: (8.0, None, "exact", 7.8, "met"), 1999: (7.0, None, "approx", None, "no outcome"),
    2003: (7.0, None, "approx", 9.1, "exceeded"), 2004: (7.0, None, "approx", 9.5, "exceeded"),
    2005: (8.0, None, "approx", 9.9, "exceeded"),
    2006: (8.0, None, "approx", 10.7, "exceeded"), 2007: (8.0, None, "approx", None, "no outcome"),
    2008: (8.0, None, "approx", 9.0, "exceeded"), 2009: (8.0, None, "approx", 8.7, "met"),
    2010: (8.0, None, "approx", 10.3, "exceeded"), 2011: (8.0, None, "approx", 9.2, "exceeded"),
    2012: (7.5, None, "exact", 7.8, "met"), 2013: (7.5, None, "approx", 7.7, "met"),
    2014: (7.5, None, "approx", 7.4, "met"), 2015: (7.0, None, "approx", 6.9, "met"),
    2016: (6.5, 7.0, "range", 6.7, "met"), 2017: (6.5, None, "approx", 6.9, "met"),
    2018: (6.5, None, "approx", 6.6, "met"), 2019: (6.0, 6.5, "range", None, "no outcome"),
    2021: (6.0, None, "at_least", 8.1, "exceeded"), 2022: (5.5, None, "approx", 3.0, "missed"),
    2023: (5.0, None, "approx", 5.2, "met"), 2024: (5.0, None, "approx", 5.0, "met"),
    2025: (5.0, None, "approx", None, "no outcome"),
}


@pytest.mark.e2e
@pytest.mark.skipif(not SHARED.exists(), reason="../shared missing")
def test_national_corpus_gdp_targets(national_db):
    t = national_db.targets("gdp", region="全国").set_index("year")
    for year, (target, target_max, modifier, outcome, result) in NATIONAL_GDP.items():
        row = t.loc[year]
        assert (row.target, row.modifier, row.target_direction) == (
            target, modifier, "band" if target_max else "floor"), year
        assert (None if pd.isna(row.target_max) else row.target_max) == target_max, year
        assert (None if pd.isna(row.outcome) else row.outcome) == outcome, year
        assert row.result == result, year
    assert set(t.index[t["target"].notna()]) == set(NATIONAL_GDP)
    assert not t[["target", "outcome"]].isna().all(axis=1).any()  # no empty rows without --all-years
    assert t.loc[2022, "met"] == False and t.loc[2021, "met"] == True  # noqa: E712 - pandas booleans


@pytest.mark.e2e
@pytest.mark.skipif(not SHARED.exists(), reason="../shared missing")
def test_national_corpus_cpi_and_jobs_verdicts(national_db):
    cpi = national_db.targets("cpi", region="全国").set_index("year")
    paired = cpi[cpi["target"].notna() & cpi["outcome"].notna()]
    assert len(paired) >= 12
    under = paired[paired["outcome"] <= paired["target"]]
    assert (under["result"] == "met").all() and (paired["target_direction"] == "ceiling").all()
    assert cpi.loc[2007, ["target", "outcome", "result"]].tolist() == [3.0, 4.8, "missed"]
    jobs = national_db.targets("urban_new_jobs", region="全国").set_index("year")
    assert jobs.loc[2013, ["target", "modifier", "outcome", "result"]].tolist() == [9e6, "at_least", 1.31e7, "exceeded"]
    assert national_db.targets("retail_price", region="全国").set_index("year").loc[1998, "target"] == 3.0


# Target sentences whose figures extraction reads wrongly (as seen in the 1990s national reports);
# the analysis takes them once a record carries the target, its range end and its status.
EXTRACTION_MISSES = "青川市2031年政府工作报告\n——2031年1月20日在青川市第九届人民代表大会第二次会议上\n" \
    "一、2030年工作回顾\n全市地区生产总值增长百分之九点二。\n二、2031年主要目标\n"


@pytest.mark.parametrize("sentence, indicator, expected", [
    ("综合分析各方面的条件，今年全市经济增长速度的宏观调控目标，定为百分之九至十。", "gdp", (9.0, 10.0, "range")),
    ("各级政府要采取有力措施，努力把全年零售物价上涨幅度控制在百分之十以内。", "retail_price", (10.0, None, "at_most")),
    ("各级政府要采取有力措施，努力把全年零售物价上涨幅度控制在百分之八以内。", "retail_price", (8.0, None, "at_most")),
], ids=["chinese_range_after_comma", "bare_ten_percent", "retail_prices_kept_within"])
def test_target_sentences_through_real_extraction(tmp_path, sentence, indicator, expected):
    (tmp_path / "qingchuan-2031.txt").write_text(EXTRACTION_MISSES + sentence + "\n", encoding="utf-8")
    with Database(tmp_path / "z.duckdb") as db:
        db.ingest([tmp_path / "qingchuan-2031.txt"], workers=1, progress=False)
        t = db.targets(indicator, year=2031)
    assert len(t) == 1
    row = t.iloc[0]
    assert (row.target, None if pd.isna(row.target_max) else row.target_max, row.modifier) == expected


# Each checked against the page's 主要预期目标 paragraph.
PROVINCIAL_GDP_2026 = {  # region: (target, target_max, modifier)
    "安徽": (5.0, 5.5, "range"), "甘肃": (5.5, None, "approx"), "广西": (5.0, None, "approx"),
    "河南": (5.0, None, "approx"), "海南": (6.0, None, "approx"), "江苏": (5.0, None, "exact"),
    "江西": (5.0, 5.5, "range"), "内蒙古": (5.0, None, "approx"), "青海": (4.5, None, "approx"),
    "陕西": (5.0, None, "approx"),
}


@pytest.mark.e2e
@pytest.mark.skipif(not SHARED.exists(), reason="../shared missing")
def test_provincial_corpus_gdp_targets(tmp_path):
    with Database(tmp_path / "p.duckdb") as db:
        s = db.ingest([SHARED / "corpus/provincial"], progress=False)
        assert s.ingested == 10 and not s.failed
        t = db.targets("gdp", level="provincial", year=2026)
    assert t["region"].is_unique
    got = {r.region: (r.target, None if pd.isna(r.target_max) else r.target_max, r.modifier)
           for r in t.itertuples()}
    assert got == PROVINCIAL_GDP_2026


def test_cities_table_integrity():
    import csv
    from importlib import resources

    from zhibiao import metadata

    rows = list(csv.DictReader(resources.files("zhibiao").joinpath("data/cities.csv").read_text(
        encoding="utf-8").splitlines()))
    provinces = {r.name for r in metadata.lexicon().regions}
    assert len(rows) > 250
    assert len({r["city"] for r in rows}) == len(rows)
    assert {r["province"] for r in rows} <= provinces
    assert all(r["city"].endswith("市") for r in rows)


@pytest.mark.parametrize("region, level, parent", [
    ("四川", "provincial", "全国"),
    ("成都市", "city", "四川"),
    ("南宁", "city", "广西"),
    ("全国", "national", None),
    ("青川", "city", None),
], ids=["province", "city", "city_of_autonomous_region", "nation", "unknown_city"])
def test_parent_of(region, level, parent):
    reports = pd.DataFrame({"region": ["全国", "四川"], "level": ["national", "provincial"]})
    assert store._parent_finder(reports)(region, level) == parent


def test_canonical_ids_follow_the_shipped_table(fakes, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    with Database(tmp_path / "z.duckdb") as db:
        db.ingest([corpus], workers=1, progress=False)
        db.con.execute("UPDATE indicators SET canonical = 'stale'")
        assert not db.refresh_canonical(), "same table: nothing to re-match"
        db.con.execute("UPDATE settings SET value = 'an older table' WHERE key = 'canonical_table'")
        assert db.refresh_canonical()
        assert set(db.indicators()["canonical"]) == {"gdp", "urban_new_jobs"}
        assert db.documents()["n_indicators"].sum() == 8


def test_migrates_an_older_schema(tmp_path):
    path = tmp_path / "old.duckdb"
    with Database(path) as db:  # make it a version 1 database
        db.con.execute("DROP TABLE settings")
        db.con.execute("DELETE FROM schema_version WHERE version > 1")
    with pytest.raises(StoreError, match="needs migrating"):
        Database(path, read_only=True)
    with Database(path) as db:
        assert db.schema_version() == store.SCHEMA_VERSION == 2
        assert db.query("SELECT count(*) AS n FROM settings")["n"][0] == 0


# --- reliability: budgets, odd files, dying workers, exports, file access ------------------

def test_a_document_over_the_time_budget_fails_in_one_line_and_the_batch_goes_on(fakes, monkeypatch, tmp_path):
    import time

    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "endless.txt").write_text(REPORTS["qingchuan-2031.txt"][3] + "（无尽）", encoding="utf-8")

    def slow_on_one(doc):
        if "无尽" in doc.text:
            time.sleep(60)  # stands for an extraction that would never end
        return fake_extract(doc)

    monkeypatch.setattr(store, "extract_document", slow_on_one)
    with Database(tmp_path / "z.duckdb") as db:
        started = time.monotonic()
        s = db.ingest([corpus], workers=1, progress=False, seconds=0.5)
        assert time.monotonic() - started < 30
        assert s.ingested == 3 and [Path(f).name for f, _ in s.failed] == ["endless.txt"]
        message = s.failed[0][1]
        assert "took over 0.5 s" in message and "--retry-failed" in message and "\n" not in message
        again = db.ingest([corpus], workers=1, progress=False, seconds=0.5)  # does not stall on it again
        assert again.failed_before == 1 and not again.failed
        retried = db.ingest([corpus], workers=1, progress=False, seconds=0.5, retry_failed=True)
        assert [Path(f).name for f, _ in retried.failed] == ["endless.txt"]


def test_the_loader_reads_within_the_same_budget_as_the_whole_document(fakes, monkeypatch, tmp_path):
    from zhibiao.load import Limits

    corpus = write_corpus(tmp_path / "corpus")
    given = []
    monkeypatch.setattr(store, "load_file", lambda path, **limits: given.append(limits) or fake_load(path))
    with Database(tmp_path / "z.duckdb") as db:
        db.ingest([corpus], workers=1, progress=False, seconds=42)
        db.ingest([corpus], workers=1, progress=False, force=True)
    assert given == [{"max_seconds": 42}] * 3 + [{"max_seconds": store.DOCUMENT_SECONDS}] * 3
    assert Limits().max_seconds == store.DOCUMENT_SECONDS  # a file loaded alone (extract) gets the same budget


def test_irregular_files_in_a_batch_are_counted_and_reported(fakes, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "gone.txt").symlink_to(corpus / "nowhere.txt")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "folder.pdf").mkdir()
    with Database(tmp_path / "z.duckdb") as db:
        s = db.ingest([corpus, corpus / "pipe.txt"], workers=1, progress=False)
    assert s.ingested == 3 and not s.failed
    reasons = {Path(p).name: why for p, why in s.refused}
    assert reasons == {"pipe.txt": "is a FIFO (named pipe), not a regular file", "gone.txt": "broken symbolic link",
                       "loop.txt": "symbolic link loop", "folder.pdf": "a folder named like a file"}


def test_cli_ingest_lists_what_it_did_not_read(fakes, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    os.mkfifo(corpus / "pipe.txt")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(tmp_path / "z.duckdb"), "-q",
                                       "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "1 not regular files" in result.stdout and "not read: " in result.stderr and "FIFO" in result.stderr


def dying_job(work, seconds):
    """A worker's job that kills its process on one document, as running out of memory would."""
    if "poison" in work.source:
        os._exit(1)
    return store._load_one(work, seconds)


def test_a_killed_worker_loses_no_document_and_the_run_goes_on(tmp_path):
    works = [store._Work(str(tmp_path / f"r{i}.txt"), "", 0) for i in range(4)]
    works.insert(2, store._Work(str(tmp_path / "poison.txt"), "", 0))
    for w in works:
        Path(w.source).write_text("青川市2031年政府工作报告\n全市地区生产总值增长6.5%。\n", encoding="utf-8")
    retried: list[str] = []
    loaded = list(store._run(works, 2, 60, retried, job=dying_job))
    errors = {Path(x.work.source).name: x.document["error"] for x in loaded}
    assert sorted(errors) == sorted(Path(w.source).name for w in works)
    assert "died reading it, twice" in errors.pop("poison.txt")
    assert all(e is None for e in errors.values())  # the documents in flight with it were read again
    assert str(tmp_path / "poison.txt") in retried


_ORPHAN_SCRIPT = """
import os, time
from zhibiao import store
if __name__ == "__main__":
    pool = store.worker_pool(1)
    print(pool.submit(os.getpid).result(), flush=True)
    time.sleep(120)
"""


def test_workers_end_when_their_parent_is_killed(tmp_path):
    import signal
    import time

    script = tmp_path / "parent.py"
    script.write_text(_ORPHAN_SCRIPT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    worker = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    for _ in range(100):  # generous: the worker normally goes at once
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the worker outlived its parent")


def test_export_of_a_value_stata_cannot_hold_is_one_error_and_leaves_no_file(fakes, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    with Database(tmp_path / "z.duckdb") as db:
        db.ingest([corpus], workers=1, progress=False)
        db.con.execute("UPDATE indicators SET value = 'inf'::DOUBLE WHERE idx = 0")
        out = tmp_path / "out" / "records.dta"
        out.parent.mkdir()
        with pytest.raises(StoreError, match="cannot export") as caught:
            db.export(out, "dta")
        assert str(out) in str(caught.value) and "\n" not in str(caught.value)
        assert list(out.parent.iterdir()) == []


def test_query_cannot_read_files_unless_allowed(fakes, tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    secret = tmp_path / "secret.txt"
    secret.write_text("青川市的秘密", encoding="utf-8")
    with Database(tmp_path / "z.duckdb") as db:
        db.ingest([corpus], workers=1, progress=False)
    sql = f"SELECT content FROM read_text('{secret}')"
    with Database(tmp_path / "z.duckdb", read_only=True) as db:
        with pytest.raises(QueryError, match="disabled"):
            db.query(sql)
        assert len(db.query("SELECT id FROM documents")) == 3
    with Database(tmp_path / "z.duckdb", read_only=True) as db:
        assert db.query(sql, allow_files=True)["content"][0] == "青川市的秘密"
    refused = CliRunner().invoke(main, ["query", sql, "--db", str(tmp_path / "z.duckdb")])
    assert refused.exit_code == 2 and "秘密" not in refused.output
    allowed = CliRunner().invoke(main, ["query", sql, "--db", str(tmp_path / "z.duckdb"), "--allow-files",
                                        "--format", "csv"])
    assert allowed.exit_code == 0 and "青川市的秘密" in allowed.output
