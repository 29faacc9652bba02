"""The web explorer through FastAPI's TestClient: pages, JSON API, uploads and their safety."""
from __future__ import annotations

import concurrent.futures as cf
import csv
import html
import io
import re
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from markupsafe import Markup

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from zhibiao.store import Database  # noqa: E402
from zhibiao.web import create_app, highlight  # noqa: E402
from zhibiao.web.app import target_chart  # noqa: E402
from qingchuan import NATION_2023, PROVINCE_2023, REPORT_2023, REPORT_2024, ingest_reports, wait_upload  # noqa: E402

# The invented city's second report, with a script its text must never run.
REPORT_2024 = REPORT_2024.replace("，粮食产量达到41.5亿斤。", "。<script>window.pwned=1</script>")
MARK = re.compile(r'<mark class="([^"]*)" tabindex="0" data-ids="([^"]*)" data-status="([^"]*)" '
                  r'data-start="(\d+)" data-end="(\d+)"[^>]*>(.*?)</mark>', re.S)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("web")
    db_path = ingest_reports(root, {"qc2023.txt": REPORT_2023, "qc2024.txt": REPORT_2024}, "web.duckdb")
    with Database(db_path) as db:
        docs = {Path(d["source"]).name: int(d["id"]) for _, d in db.documents().iterrows()}
    return {"db": db_path, "data": root / "data", "docs": docs}


@pytest.fixture(scope="module")
def client(corpus):
    app = create_app(corpus["db"], corpus["data"], max_upload_bytes=4096)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def test_csv_download_has_a_bom_one_row_a_record_and_flags_joined():
    from zhibiao.web.app import csv_bytes

    body = csv_bytes([{"id": 1, "metric": "青川市地区生产总值", "value": 5.5, "flags": ["repaired", "range"]},
                      {"id": 2, "metric": "粮食产量", "value": None, "flags": []}]).decode("utf-8")
    assert body.startswith("\ufeff")
    assert list(csv.DictReader(io.StringIO(body[1:]))) == [
        {"id": "1", "metric": "青川市地区生产总值", "value": "5.5", "flags": "repaired;range"},
        {"id": "2", "metric": "粮食产量", "value": "", "flags": ""}]
    assert csv_bytes([]) == "\ufeff".encode("utf-8")


# ---------------------------------------------------------------- highlighting, pure

def rec(i, start, end, status="actual", **extra):
    return {"id": i, "span_start": start, "span_end": end, "status": status, "metric": f"m{i}", **extra}


def test_highlight_escapes_every_piece_of_text():
    text = "甲<b>增长6%</b>乙&"
    out = highlight(text, [rec(1, text.index("6%"), text.index("6%") + 2)])
    assert isinstance(out, Markup)
    assert "<b>" not in out and "&lt;b&gt;增长" in out and out.endswith("乙&amp;")
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", str(out))) == text


def test_highlight_merges_overlapping_spans_into_one_mark_listing_both():
    text = "收入分别增长8.6%、9.7%。"
    a = text.index("8.6%")
    out = str(highlight(text, [rec(1, a, a + 4), rec(2, a, a + 4, "target"), rec(3, a + 5, a + 9)]))
    marks = MARK.findall(out)
    assert [(m[1], m[2], m[5]) for m in marks] == [("1 2", "actual target", "8.6%"), ("3", "actual", "9.7%")]
    assert "st-mixed" in marks[0][0]


def test_highlight_skips_spans_outside_the_text_and_marks_repaired_values():
    text = "就业3.1万人"
    out = str(highlight(text, [rec(1, 2, 7, flags=["repaired"]), rec(2, 5, 99), rec(3, 4, 4)]))
    (mark,) = MARK.findall(out)
    assert mark[1] == "1" and "recovered" in mark[0] and mark[5] == "3.1万人"


# ---------------------------------------------------------------- targets chart, pure

def test_highlight_shows_a_run_of_blank_lines_as_one_and_keeps_offsets():
    text = "甲增长6%。\n\n\n  \n\n乙增长7%。"
    at = text.index("7%")
    out = str(highlight(text, [rec(1, at, at + 2)]))
    assert "甲增长6%。\n\n乙增长" in out and "\n\n\n" not in out
    assert f'data-start="{at}" data-end="{at + 2}"' in out


def test_document_legend_shows_recovered_only_where_a_record_is(client, corpus, tmp_path):
    repaired = client.get(f"/documents/{corpus['docs']['qc2024.txt']}").text  # short lines: repaired as OCR text
    assert 'id="legend-recovered"' in repaired and 'class="hl st-actual recovered"' in repaired
    (tmp_path / "clean.txt").write_text("青川市人民政府工作报告\n\n过去一年，全市地区生产总值增长5.1%，城镇新增就业2.8万人，"
                                        "居民消费价格上涨0.4%。", encoding="utf-8")
    with Database(tmp_path / "c.duckdb") as db:
        db.ingest([tmp_path / "clean.txt"], workers=1, progress=False)
        (doc_id,) = db.documents()["id"].tolist()
    with TestClient(create_app(tmp_path / "c.duckdb", tmp_path / "data"), base_url="http://127.0.0.1") as c:
        clean = c.get(f"/documents/{doc_id}").text
    assert "实际 actual 3" in clean and 'id="legend-recovered"' not in clean


def test_target_chart_marks_met_missed_ranges_and_links_evidence():
    rows = [
        {"year": 2022, "target": 6.0, "target_max": 6.5, "modifier": "range", "outcome": 5.0, "result": "missed",
         "target_doc": 7, "target_span_start": 10, "target_span_end": 14, "outcome_doc": 8,
         "outcome_span_start": 3, "outcome_span_end": 7},
        {"year": 2023, "target": 5.0, "target_max": None, "modifier": "at_least", "outcome": 5.2, "result": "met",
         "target_doc": 8, "target_span_start": 20, "target_span_end": 22, "outcome_doc": None},
    ]
    chart = target_chart(rows)
    first, second = chart["points"]
    assert first["met"] == "missed" and second["met"] == "met"
    assert first["tmax_y"] < first["ty"]  # the range goes up from its lower bound
    assert first["target_href"] == "/documents/7#span-10-14" and first["outcome_href"] == "/documents/8#span-3-7"
    assert second["sign"] == "≥" and second["outcome_href"] is None
    assert chart["bottom"] >= max(p["oy"] for p in chart["points"]) and first["x"] < second["x"]
    assert target_chart([]) is None


# ---------------------------------------------------------------- pages and API over a real database

def test_document_page_highlights_sit_on_the_records_characters(client, corpus):
    doc_id = corpus["docs"]["qc2024.txt"]
    data = client.get(f"/api/documents/{doc_id}").json()
    text, records = data["text"], data["indicators"]
    assert records, "extraction found nothing in the invented report"
    page = client.get(f"/documents/{doc_id}")
    assert page.status_code == 200
    marks = MARK.findall(page.text)
    covered = {}
    for _, ids, _, start, end, inner in marks:
        assert html.unescape(inner) == text[int(start):int(end)]
        for i in ids.split():
            covered[int(i)] = (int(start), int(end))
    for r in records:
        start, end = covered[r["id"]]
        assert start <= r["span_start"] < r["span_end"] <= end
        assert text[r["span_start"]:r["span_end"]] == r["value_text"]


def test_document_text_is_untrusted_and_rendered_as_text(client, corpus):
    page = client.get(f"/documents/{corpus['docs']['qc2024.txt']}")
    assert "<script>window.pwned" not in page.text
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"


def test_documents_list_filters(client, corpus):
    all_docs = client.get("/api/documents").json()
    assert all_docs["count"] == 2
    assert {d["year"] for d in all_docs["documents"]} == {2023, 2024}
    only = client.get("/api/documents", params={"year": 2024}).json()["documents"]
    assert [d["id"] for d in only] == [corpus["docs"]["qc2024.txt"]]
    assert client.get("/api/documents", params={"region": "别处"}).json()["count"] == 0
    page = client.get("/documents", params={"q": "qc2023"})
    assert f'/documents/{corpus["docs"]["qc2023.txt"]}' in page.text
    assert f'/documents/{corpus["docs"]["qc2024.txt"]}' not in page.text


def test_api_indicators_filters_limit_and_csv(client):
    everything = client.get("/api/indicators").json()
    assert everything["count"] >= 6
    targets = client.get("/api/indicators", params={"status": "target"}).json()["indicators"]
    assert targets and all(r["status"] == "target" for r in targets)
    gdp = client.get("/api/indicators", params={"canonical": "gdp", "year": 2024}).json()["indicators"]
    assert gdp and all(r["canonical"] == "gdp" and r["year"] == 2024 for r in gdp)
    assert client.get("/api/indicators", params={"limit": 2}).json()["count"] == 2
    assert client.get("/api/indicators", params={"status": "guess"}).status_code == 422
    assert client.get("/api/indicators", params={"limit": 0}).status_code == 422
    csv_text = client.get("/api/indicators.csv", params={"status": "target"}).text.lstrip("\ufeff")
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("id,doc_id") and len(lines) == len(targets) + 1
    page = client.get("/indicators", params={"status": "target"})
    assert "/api/indicators.csv?status=target" in page.text
    assert page.text.count('<tr data-status="target"') == len(targets)


def test_indicators_page_pages_newest_first_and_sorts(client):
    everything = client.get("/api/indicators").json()["indicators"]
    first = client.get("/indicators", params={"size": 2})
    years = [int(y) for y in re.findall(r'<tr data-status="\w+" data-year="(\d+)"', first.text)]
    assert years == [2024, 2024]  # newest reports first
    assert f"1–2 / {len(everything)}" in first.text and 'rel="next"' in first.text and 'rel="prev"' not in first.text
    pages = -(-len(everything) // 2)
    last = client.get("/indicators", params={"size": 2, "page": pages})
    assert 'rel="prev"' in last.text and 'rel="next"' not in last.text
    assert re.findall(r'data-year="(\d+)"', last.text)[-1] == "2023"
    oldest = client.get("/indicators", params={"size": 2, "sort": "oldest"})
    assert re.findall(r'<tr data-status="\w+" data-year="(\d+)"', oldest.text) == ["2023", "2023"]
    by_value = client.get("/indicators", params={"sort": "-value"}).text
    values = [float(v) for v in re.findall(r'<td class="num" title="([\d.e+-]+)', by_value)]
    assert values == sorted(values, reverse=True) and len(values) == len(everything)
    assert client.get("/indicators", params={"sort": "nonsense"}).status_code == 422


def test_indicators_csv_covers_every_matching_row_not_one_page(client):
    everything = client.get("/api/indicators").json()["count"]
    page = client.get("/indicators", params={"size": 1}).text
    href = html.unescape(re.search(r'id="csv-link" href="([^"]+)"', page).group(1))
    lines = client.get(href).text.lstrip("\ufeff").strip().splitlines()
    assert len(lines) == everything + 1 > 2


@pytest.mark.parametrize("filters", [
    {"level": "provincial"},  # no report of the invented city is provincial: the CSV must be empty too
    {"level": "city", "status": "actual"},
    {"sort": "-value"},  # the CSV keeps the page's order, so its first rows are the page's
    {"year": 2024, "level": "city", "sort": "metric", "q": "生产总值"},
])
def test_indicators_csv_link_carries_every_filter_and_the_order_of_the_page(client, filters):
    page = client.get("/indicators", params={**filters, "size": 5000}).text
    shown = [html.unescape(v) for v in re.findall(r'<td><a href="/documents/[^"]+" title="[^"]*">([^<]*)</a></td>', page)]
    assert bool(shown) == (filters.get("level") != "provincial")
    href = html.unescape(re.search(r'id="csv-link" href="([^"]+)"', page).group(1))
    assert [r["value_text"] for r in csv.DictReader(io.StringIO(client.get(href).text.lstrip("\ufeff")))] == shown
    api = client.get("/api/indicators", params={**filters, "limit": 1000}).json()["indicators"]
    if "sort" in filters:
        assert [r["value_text"] for r in api] == shown
    else:
        assert sorted(r["value_text"] for r in api) == sorted(shown)


def test_series_page_plots_one_region_by_year_with_evidence_links(client, corpus):
    page = client.get("/series", params={"indicator": "gdp", "region": "青川"})
    assert page.status_code == 200 and 'id="series-chart"' in page.text
    points = re.findall(r'<a class="series-point" href="([^"]+)" data-year="(\d+)"', page.text)
    assert [y for _, y in points] == ["2022", "2023"]
    assert all(re.fullmatch(r"/documents/\d+#span-\d+-\d+", href) for href, _ in points)
    assert "5.1%" in page.text and "6.2%" in page.text
    api = client.get("/api/series", params={"indicator": "gdp", "region": "青川"}).json()
    assert [r["value"] for r in api["series"]] == [5.1, 6.2]
    assert "unknown indicator" in client.get("/series", params={"indicator": "no_such_thing"}).text


def test_pages_label_in_chinese_with_english(client):
    text = client.get("/indicators").text
    for label in ("文档", "Documents", "指标", "Indicators", "目标", "Targets", "序列", "Series"):
        assert label in text


def test_targets_api_and_chart_for_gdp(client, corpus):
    found = client.get("/api/targets", params={"indicator": "gdp", "region": "青川"}).json()["targets"]
    by_year = {r["year"]: r for r in found}
    assert by_year[2023]["target"] == 6.0 and by_year[2023]["outcome"] == 6.2 and by_year[2023]["met"] is True
    page = client.get("/targets", params={"indicator": "gdp", "region": "青川"})
    assert 'id="targets-chart"' in page.text and 'data-met="met"' in page.text
    assert f'/documents/{corpus["docs"]["qc2023.txt"]}#span-' in page.text
    unknown = client.get("/targets", params={"indicator": "no_such_thing"})
    assert unknown.status_code == 200 and "unknown indicator" in unknown.text
    assert client.get("/api/targets", params={"indicator": "no_such_thing"}).status_code == 400


def test_targets_page_has_csv_results_with_their_rule(client):
    page = client.get("/targets", params={"indicator": "gdp", "region": "青川"}).text
    results = dict(re.findall(r'<tr data-year="(\d+)">.*?data-result="([^"]*)"', page, re.S))
    assert results["2023"] == "met" and results["2024"] == "no outcome"
    assert 'id="verdict-rules"' in page and "no later report gives" in page
    href = html.unescape(re.search(r'id="targets-csv" href="([^"]+)"', page).group(1))
    rows = list(csv.DictReader(io.StringIO(client.get(href).text.lstrip("\ufeff"))))
    assert {r["year"] for r in rows} >= {"2023", "2024"} and "parent_target" in rows[0]


def test_targets_page_compares_with_the_parent_government(tmp_path):
    ingest_reports(tmp_path, {"nation.txt": NATION_2023, "province.txt": PROVINCE_2023})
    with TestClient(create_app(tmp_path / "p.duckdb", tmp_path / "data"), base_url="http://127.0.0.1") as c:
        page = c.get("/targets", params={"indicator": "gdp", "region": "四川"}).text
        alone = c.get("/targets", params={"indicator": "gdp", "region": "全国"}).text
    assert "上级目标 Parent target" in page and "加码 amplification" in page
    row = re.search(r'<tr data-year="2023">(.*?)</tr>', page, re.S).group(1)
    assert '<td class="num parent-target">5.0</td>' in row and "+1" in row
    assert "Parent target" not in alone  # the nation has no parent: no empty columns


def test_missing_document_is_404_for_pages_and_api(client):
    assert client.get("/api/documents/12345").status_code == 404
    assert client.get("/api/documents/12345").json()["error"]
    assert client.get("/documents/12345").status_code == 404


def test_api_page_lists_the_endpoints_offline(client):
    page = client.get("/docs").text
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/indicators", "/api/targets"):
        assert f"<code>{path}</code>" in page
    assert "cdn" not in page.lower()
    assert "/api/indicators" in client.get("/openapi.json").json()["paths"]


# ---------------------------------------------------------------- uploads

def test_upload_is_stored_under_a_generated_name_and_browsable(client, corpus):
    text = REPORT_2024.replace("6.2%", "6.4%").replace("2024年1月10日", "2025年1月9日")
    response = client.post("/api/uploads", files={"file": ("../../escape.txt", text.encode(), "text/plain")})
    assert response.status_code == 202
    state = wait_upload(client, response.json()["job"])
    assert state["stage"] == "done", state
    assert state["n_indicators"] >= 1
    saved = list((corpus["data"] / "uploads").iterdir())
    assert saved and all(p.name != "escape.txt" and re.fullmatch(r"[0-9a-f]{32}\.txt", p.name) for p in saved)
    assert not (corpus["data"].parent / "escape.txt").exists()
    assert "escape.txt" in client.get(state["document_url"]).text  # shown under the name it was given
    doc = client.get(f"/api/documents/{state['doc_id']}").json()
    assert doc["text"] == text and any(r["value_text"] == "6.4%" for r in doc["indicators"])
    assert client.get(f"/upload/{state['job']}", follow_redirects=False).headers["location"] == state["document_url"]


@pytest.mark.parametrize("name, body, code", [
    ("report.exe", b"MZ\x90\x00", 415),
    ("report.txt", b"\x00\x01binary\x00", 415),
    ("report.pdf", "不是PDF".encode(), 415),
    ("report.txt", "青".encode() * 2000, 413),
    ("report.txt", "青".encode() * 30000, 413),  # refused from its Content-Length, before the body is read
    ("report.txt", b"", 400),
])
def test_upload_rejects_wrong_type_size_and_empty(client, corpus, name, body, code):
    before = set((corpus["data"] / "uploads").glob("*"))
    response = client.post("/api/uploads", files={"file": (name, body, "application/octet-stream")})
    assert response.status_code == code and response.json()["error"]
    assert set((corpus["data"] / "uploads").glob("*")) == before


def test_upload_of_unreadable_content_reports_the_error(client):
    response = client.post("/api/uploads", files={"file": ("blank.txt", b"   \n  ", "text/plain")})
    state = wait_upload(client, response.json()["job"])
    assert state["stage"] == "failed" and "empty" in state["error"]
    assert "uploads/" not in state["error"]  # the user sees their file name, not the server's path


def test_serve_binds_to_loopback_by_default(monkeypatch, corpus):
    from click.testing import CliRunner

    import uvicorn
    from zhibiao.cli import main

    seen = {}
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: seen.update(app=self.config.app,
                                                                                      sockets=sockets))
    result = CliRunner().invoke(main, ["serve", "--db", str(corpus["db"]), "--data-dir", str(corpus["data"]),
                                       "--port", str(free_port())])
    assert result.exit_code == 0, result.output
    (sock,) = seen["sockets"]
    assert sock.getsockname()[0] == "127.0.0.1"
    sock.close()
    assert seen["app"].title == "zhibiao"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- scans

def test_scan_layout_and_page_image_come_from_the_document_itself(tmp_path):
    from PIL import Image

    from zhibiao.records import Document, Origin
    from zhibiao.web.app import Scans

    png = tmp_path / "page.png"
    Image.new("RGB", (200, 100), "white").save(png)
    tiff = tmp_path / "page.tif"
    Image.new("RGB", (20, 10), "white").save(tiff)
    text = "地区生产总值增长6.2%\n城镇新增就业3.1万人"
    scans = Scans(tmp_path / "layouts")
    scans.remember(7, Document(text=text, format="image", origins=(
        Origin(0, 13, 1, (10.0, 20.0, 150.0, 40.0)), Origin(13, len(text), 1, (10.0, 50.0, 120.0, 70.0)))))
    layout = scans.layout({"id": 7, "source": str(png), "format": "image"})
    assert layout == {"pages": 1, "origins": [[0, 13, 1, [10.0, 20.0, 150.0, 40.0], 12],
                                              [13, len(text), 1, [10.0, 50.0, 120.0, 70.0], 11]]}
    body, kind = scans.image({"id": 7, "source": str(png), "format": "image"}, 1)
    assert body == png.read_bytes() and kind == "image/png"
    body, kind = scans.image({"id": 8, "source": str(tiff), "format": "image"}, 1)
    assert kind == "image/png" and body.startswith(b"\x89PNG")  # browsers cannot show TIFF
    with pytest.raises(fastapi.HTTPException):
        scans.image({"id": 7, "source": str(png), "format": "image"}, 2)


def test_layout_of_a_plain_text_document_is_empty(client, corpus):
    doc_id = corpus["docs"]["qc2024.txt"]
    assert client.get(f"/api/documents/{doc_id}/layout").json() == {"pages": 0, "origins": []}
    assert client.get(f"/documents/{doc_id}/pages/1").status_code == 404


def test_upload_without_javascript_posts_a_form_and_follows_progress(client):
    text = REPORT_2023.replace("5.1%", "5.3%").replace("2023年1月12日", "2022年1月11日")
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/upload").text)[1]
    response = client.post("/upload", files={"file": ("form.txt", text.encode(), "text/plain")},
                           data={"csrf": token}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/upload/")
    job = response.headers["location"].rsplit("/", 1)[1]
    wait_upload(client, job)
    done = client.get(f"/upload/{job}", follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].startswith("/documents/")
    assert "5.3%" in client.get(done.headers["location"]).text


def test_a_writer_gets_its_turn_while_the_server_reads_without_pause(corpus, tmp_path):
    import shutil
    import subprocess
    import sys
    import threading

    from zhibiao.web.app import Store

    db = tmp_path / "busy.duckdb"
    shutil.copy(corpus["db"], db)
    store = Store(db)
    store.MAX_HOLD = 0.3
    stop = threading.Event()

    def read_forever():
        while not stop.is_set():
            store.call("documents")

    reader = threading.Thread(target=read_forever)
    reader.start()
    try:
        time.sleep(0.3)
        assert store._reader is not None  # holding the file, between calls too
        writer = subprocess.run([sys.executable, "-c", "import sys; from zhibiao.store import Database\n"
                                 "Database(sys.argv[1], wait=5).close()", str(db)], capture_output=True, text=True,
                                timeout=60)
        assert writer.returncode == 0, writer.stderr
    finally:
        stop.set()
        reader.join(10)
        store.close()
    assert store._reader is None


def test_pages_say_busy_while_another_process_writes(corpus, tmp_path, monkeypatch):
    import functools
    import shutil
    import subprocess
    import sys

    from zhibiao.web import app as web

    db = tmp_path / "held.duckdb"
    shutil.copy(corpus["db"], db)
    monkeypatch.setattr(web.Store, "__init__", functools.partialmethod(web.Store.__init__, wait=0.2))
    with TestClient(create_app(db, tmp_path / "data"), base_url="http://127.0.0.1") as c:
        assert c.get("/api/documents").status_code == 200
        time.sleep(web.Store.LINGER + 0.5)  # idle: the server let go, so a writer can take the file
        holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                                   "c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(30)",
                                   str(db)], stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "held"
            api = c.get("/api/indicators", params={"q": "就业"})
            assert api.status_code == 503 and api.headers["retry-after"] == "5"
            assert f"busy: process {holder.pid}" in api.json()["error"]
            page = c.get("/indicators", params={"q": "就业"})
            assert page.status_code == 503 and "is writing it" in page.text
        finally:
            holder.kill()
            holder.wait(10)
        assert c.get("/api/indicators", params={"q": "就业"}).status_code == 200  # back once it is gone


class _StuckPool:
    """A worker pool whose every answer fails as ``error``, counting the restarts it causes."""

    def __init__(self, error):
        self.error, self._processes = error, {}

    def submit(self, *args, **kwargs):
        error = self.error

        class Future:
            def result(self, timeout=None):
                raise error

        return Future()

    def shutdown(self, **kwargs):
        self.shut = True


@pytest.mark.parametrize("error, kind, words", [
    (cf.TimeoutError(), "LimitExceeded", "per-document budget"),
    (BrokenProcessPool(), "ZhibiaoError", "worker process died"),
])
@pytest.mark.parametrize("read", ["load", "upload"])
def test_both_worker_reads_give_one_typed_error_and_replace_the_pool(tmp_path, error, kind, words, read):
    from zhibiao import errors
    from zhibiao.web.app import Job, Scans, Uploads

    uploads = Uploads(None, Scans(tmp_path / "layouts"), tmp_path / "uploads", 1000, 10_000, seconds=5)
    pool = uploads._processes = _StuckPool(error)
    path = tmp_path / "uploads" / "青川市.txt"
    with pytest.raises(errors.ZhibiaoError) as raised:
        uploads.load(str(path)) if read == "load" else uploads._read(Job("j", "青川市.txt", path))
    assert type(raised.value).__name__ == kind
    assert str(raised.value).startswith(f"{path}: ") and words in str(raised.value)
    assert getattr(pool, "shut", False) and uploads._processes is None
    uploads.close()


@pytest.mark.parametrize("error, code, words", [
    (BrokenProcessPool(), 500, "worker process died"),  # the server's fault: its worker, not the scan
    (cf.TimeoutError(), 400, "per-document budget"),  # the scan's: it reads too slowly for the budget
])
def test_a_scans_layout_read_again_answers_for_whose_fault_it_is(tmp_path, error, code, words):
    db_path = ingest_reports(tmp_path, {"qc_scan.txt": REPORT_2023}, "scan.duckdb")
    with Database(db_path) as db:
        db.con.execute("UPDATE documents SET format = 'image'")  # stored elsewhere: no layout kept for it
        doc_id = int(db.documents()["id"].iloc[0])
    with TestClient(create_app(db_path, tmp_path / "data"), base_url="http://127.0.0.1") as c:
        c.app.state.uploads._processes = _StuckPool(error)
        answer = c.get(f"/api/documents/{doc_id}/layout")
    assert answer.status_code == code
    assert words in answer.json()["error"] and "\n" not in answer.json()["error"]
