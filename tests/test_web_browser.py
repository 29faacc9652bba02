"""The explorer in headless Chromium: highlights on the right characters, filters, uploads, the chart.

Needs Debian's chromium (or ZHIBIAO_CHROMIUM pointing at a Chromium) and Playwright's Python
package; skipped cleanly without them.
"""
from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = os.environ.get("ZHIBIAO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
if not Path(CHROMIUM).exists():
    pytest.skip("no chromium executable (apt-get install chromium)", allow_module_level=True)

import uvicorn  # noqa: E402

from zhibiao.store import Database  # noqa: E402
from zhibiao.web import create_app  # noqa: E402
from qingchuan import REPORT_2023, REPORT_2024, ingest_reports  # noqa: E402



@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app on a free loopback port in a background thread, over a database of two invented reports."""
    root = tmp_path_factory.mktemp("browser")
    with Database(ingest_reports(root, {"qc2023.txt": REPORT_2023, "qc2024.txt": REPORT_2024}, "b.duckdb")) as db:
        docs = {Path(d["source"]).name: int(d["id"]) for _, d in db.documents().iterrows()}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(root / "b.duckdb", root / "data")
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield {"base": f"http://127.0.0.1:{port}", "docs": docs}
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    pg.set_default_timeout(15_000)
    yield pg
    context.close()
    assert not errors, errors


def marks_of(page) -> list[dict]:
    return page.eval_on_selector_all(
        "#doc-text mark.hl",
        "ms => ms.map(m => ({ids: m.dataset.ids.split(' '), start: +m.dataset.start,"
        " end: +m.dataset.end, text: m.textContent, dim: m.classList.contains('dim')}))")


def test_highlights_sit_on_the_right_characters_and_a_click_shows_the_record(server, page):
    doc_id = server["docs"]["qc2024.txt"]
    page.goto(f"{server['base']}/documents/{doc_id}")
    data = page.request.get(f"{server['base']}/api/documents/{doc_id}").json()
    text, records = data["text"], data["indicators"]
    assert len(records) >= 5
    marks = marks_of(page)
    for m in marks:
        assert m["text"] == text[m["start"]:m["end"]]
    for r in records:
        (m,) = [m for m in marks if str(r["id"]) in m["ids"]]
        assert m["start"] <= r["span_start"] and r["span_end"] <= m["end"]
        assert r["value_text"] in m["text"]
    grain = next(r for r in records if r["value_text"] == "41.5亿斤")
    page.click(f"#doc-text mark[data-start='{grain['span_start']}']")
    card = page.locator("#detail .card")
    assert card.count() == 1
    assert "41.5亿斤" in card.inner_text() and grain["metric"] in card.inner_text()
    assert page.locator("#doc-text mark.selected").text_content() == "41.5亿斤"
    gdp = next(r for r in records if r["value_text"] == "6.2%")
    page.click(f"#record-list li[data-id='{gdp['id']}']")
    assert "gdp" in page.locator("#detail .canonical").inner_text()


def test_record_filters_hide_list_items_and_dim_marks(server, page):
    page.goto(f"{server['base']}/documents/{server['docs']['qc2024.txt']}")
    total = page.locator("#record-list li").count()
    page.uncheck("#record-filters input[value=actual]")
    visible = page.locator("#record-list li:visible")
    statuses = set(visible.evaluate_all("els => els.map(e => e.dataset.status)"))
    assert statuses == {"target"}
    assert page.locator("#shown-count").inner_text() == str(visible.count()) and visible.count() < total
    by_text = {m["text"]: m for m in marks_of(page)}
    assert by_text["6.2%"]["dim"] and not by_text["5.5%—6%"]["dim"]
    page.check("#record-filters input[value=actual]")
    page.fill("#record-filters input[name=q]", "就业")
    found = page.locator("#record-list li:visible").evaluate_all("els => els.map(e => e.dataset.search)")
    assert found and all("就业" in s for s in found)


def test_indicator_table_filters_and_csv_link(server, page):
    page.goto(f"{server['base']}/indicators")
    page.select_option("#indicator-filters select[name=status]", "target")
    page.click("#indicator-filters button[type=submit]")
    page.wait_for_url("**/indicators?*status=target*")
    rows = page.locator("#indicators tbody tr")
    assert rows.count() >= 3
    assert set(rows.evaluate_all("rs => rs.map(r => r.dataset.status)")) == {"target"}
    csv_href = page.get_attribute("#csv-link", "href")
    assert "status=target" in csv_href
    csv_text = page.request.get(server["base"] + csv_href).text()
    assert len(csv_text.strip().splitlines()) == rows.count() + 1


def upload(page, server, name: str, text: str) -> None:
    page.goto(f"{server['base']}/upload")
    page.set_input_files("#upload-file", files=[{"name": name, "mimeType": "text/plain",
                                                  "buffer": text.encode("utf-8")}])
    page.click("#upload-form button[type=submit]")
    page.wait_for_url("**/documents/*", timeout=30_000)


def test_upload_a_file_and_see_its_records(server, page):
    text = REPORT_2024.replace("41.5亿斤", "39.8亿斤").replace("2024年1月10日", "2025年1月8日")
    upload(page, server, "青川2025.txt", text)
    texts = [m["text"] for m in marks_of(page)]
    assert "39.8亿斤" in texts and "6.2%" in texts
    assert page.locator("#record-list li").count() == len(
        page.request.get(page.url.replace("/documents/", "/api/documents/")).json()["indicators"])


def test_uploaded_script_is_shown_not_run(server, page):
    hostile = ("青川市人民政府工作报告\n2026年1月6日\n过去一年，地区生产总值增长4.9%。"
               "<script>window.pwned = 1; alert('x')</script><img src=x onerror=\"window.pwned = 2\">\n")
    upload(page, server, "hostile.txt", hostile)
    assert page.evaluate("window.pwned") is None
    shown = page.locator("#doc-text").inner_text()
    assert "<script>window.pwned = 1; alert('x')</script>" in shown
    assert '<img src=x onerror="window.pwned = 2">' in shown
    assert page.locator("#doc-text script, #doc-text img").count() == 0


def test_targets_chart_for_gdp_links_points_to_their_evidence(server, page):
    page.goto(f"{server['base']}/targets?indicator=gdp&region=青川")
    chart = page.locator("svg#targets-chart")
    assert chart.is_visible()
    assert page.locator("#targets-chart a.outcome[data-met=met]").count() >= 1
    assert page.locator("#targets-chart line.range").count() >= 1  # 2024's 5.5%—6% is a range
    page.locator("#targets-chart g[data-year='2023'] a.target").click()
    page.wait_for_url(f"**/documents/{server['docs']['qc2023.txt']}#span-*")
    assert page.locator("#doc-text mark.selected").text_content() == "6%左右"
    assert "6%左右" in page.locator("#detail").inner_text()


def test_indicators_page_pages_and_sorts_newest_first(server, page):
    page.goto(f"{server['base']}/indicators?size=2")
    years = page.locator("#indicators tbody tr").evaluate_all("rs => rs.map(r => +r.dataset.year)")
    assert years == sorted(years, reverse=True) and len(years) == 2
    first_range = page.locator(".pager .range").first.inner_text()
    page.locator(".pager a.next").first.click()
    page.wait_for_url("**/indicators?*page=2*")
    assert page.locator(".pager .range").first.inner_text() != first_range
    page.locator("#indicators th a[data-sort=newest]").click()  # the year header flips to oldest first
    page.wait_for_url("**sort=oldest*")
    years = page.locator("#indicators tbody tr").evaluate_all("rs => rs.map(r => +r.dataset.year)")
    assert years == sorted(years)
    total = int(page.locator("#row-count").inner_text())
    csv_text = page.request.get(server["base"] + page.get_attribute("#csv-link", "href")).text()
    assert len(list(csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff"))))) == total > 3  # every match, not one page


def test_targets_page_results_rule_and_csv(server, page):
    page.goto(f"{server['base']}/targets?indicator=gdp&region=青川")
    assert page.locator("#targets-table tr[data-year='2023'] td.result").inner_text() == "met"
    assert page.locator("#verdict-rules").is_visible()
    csv_text = page.request.get(server["base"] + page.get_attribute("#targets-csv", "href")).text()
    assert csv_text.lstrip("\ufeff").startswith("region,")
    assert "目标" in page.locator("nav").inner_text() and "Targets" in page.locator("nav").inner_text()


def test_series_page_points_link_to_their_evidence(server, page):
    page.goto(f"{server['base']}/series?indicator=gdp&region=青川")
    points = page.locator("#series-chart a.series-point")
    assert points.count() >= 2  # 2022 and 2023, and the years uploads added
    page.locator("#series-chart a.series-point[data-year='2023']").click()
    page.wait_for_url(f"**/documents/{server['docs']['qc2024.txt']}#span-*")
    assert page.locator("#doc-text mark.selected").text_content() == "6.2%"


def test_record_card_is_not_clipped_by_the_record_list(server, page):
    page.set_viewport_size({"width": 1280, "height": 640})
    page.goto(f"{server['base']}/documents/{server['docs']['qc2024.txt']}")
    page.locator("#doc-text mark.hl").first.click()
    card = page.locator("#detail")
    box = card.bounding_box()
    inner = page.locator("#detail .card").first.bounding_box()
    assert box["height"] >= min(inner["height"], 0.45 * 640) - 1  # whole, or scrolling within its own 45vh
    assert box["y"] + box["height"] <= 640
