"""The explorer against other sites and careless use: hosts, CSRF, upload budget and quota,
atomic writes, bounded and paged responses."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from zhibiao.store import Database  # noqa: E402
from zhibiao.web import create_app  # noqa: E402
from zhibiao.web import app as web  # noqa: E402
from qingchuan import REPORT_2023, REPORT_2024, wait_upload  # noqa: E402

OWN = "http://127.0.0.1"


@pytest.fixture
def site(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    for name, text in (("qc2023.txt", REPORT_2023), ("qc2024.txt", REPORT_2024)):
        (reports / name).write_text(text, encoding="utf-8")
    with Database(tmp_path / "s.duckdb") as db:
        db.ingest([reports], workers=1, progress=False)
    return tmp_path


def client_for(site, **options) -> TestClient:
    return TestClient(create_app(site / "s.duckdb", site / "data", **options), base_url=OWN)


def upload(client, text: str, name: str = "r.txt", **headers):
    return client.post("/api/uploads", files={"file": (name, text.encode(), "text/plain")}, headers=headers)


def uploaded(site) -> list[Path]:
    folder = site / "data" / "uploads"
    return sorted(folder.iterdir()) if folder.exists() else []


NEW_REPORT = REPORT_2024.replace("6.2%", "6.7%").replace("2024年1月10日", "2026年1月8日")


# ---------------------------------------------------------------- hosts (DNS rebinding)

@pytest.mark.parametrize("host, code", [
    ("127.0.0.1:8000", 200), ("localhost:8000", 200), ("[::1]:8000", 200), ("LOCALHOST", 200),
    ("evil.example", 421), ("evil.example:8000", 421), ("127.0.0.1.evil.example", 421), ("", 421),
], ids=["ip", "localhost", "ipv6", "case", "other-name", "other-name-port", "suffix", "none"])
def test_only_the_servers_own_names_are_answered(site, host, code):
    with client_for(site) as client:
        response = client.get("/documents", headers={"host": host})
    assert response.status_code == code
    if code != 200:
        assert "host" in response.json()["error"]


def test_a_server_on_all_interfaces_answers_addresses_and_listed_names_only(site):
    with client_for(site, hosts=("reports.qingchuan.example",), any_ip=True) as client:
        assert client.get("/documents", headers={"host": "192.0.2.7:8000"}).status_code == 200
        assert client.get("/documents", headers={"host": "reports.qingchuan.example"}).status_code == 200
        assert client.get("/documents", headers={"host": "rebind.evil.example"}).status_code == 421


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_tells_the_app_its_names(monkeypatch, site):
    import uvicorn
    from click.testing import CliRunner

    from zhibiao.cli import main

    seen = {}
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: seen.update(app=self.config.app))
    result = CliRunner().invoke(main, ["serve", "--db", str(site / "s.duckdb"), "--data-dir", str(site / "data"),
                                       "--port", str(_free_port()), "--allow-host", "reports.qingchuan.example"])
    assert result.exit_code == 0, result.output
    with TestClient(seen["app"], base_url="http://reports.qingchuan.example") as client:
        assert client.get("/documents").status_code == 200
        assert client.get("/documents", headers={"host": "evil.example"}).status_code == 421


# ---------------------------------------------------------------- CSRF

@pytest.mark.parametrize("headers", [
    {"origin": "http://evil.example"}, {"origin": "null"}, {"origin": "http://127.0.0.1:9999"},
    {"origin": "https://127.0.0.1"}, {"referer": "http://evil.example/page.html"},
], ids=["other-site", "null", "other-port", "other-scheme", "referer"])
def test_a_post_from_another_origin_is_refused_and_saves_nothing(site, headers):
    with client_for(site) as client:
        for path in ("/api/uploads", "/upload"):
            response = client.post(path, files={"file": ("r.txt", NEW_REPORT.encode(), "text/plain")},
                                   headers=headers)
            assert response.status_code == 403 and "cross-site" in response.json()["error"]
    assert uploaded(site) == []


def test_a_post_from_the_servers_own_page_or_a_script_is_accepted(site):
    with client_for(site) as client:
        same = upload(client, NEW_REPORT, origin=OWN, referer=f"{OWN}/upload")
        assert same.status_code == 202
        script = upload(client, NEW_REPORT.replace("6.7%", "6.8%"), "s.txt")  # curl sends neither header
        assert script.status_code == 202
        assert wait_upload(client, same.json()["job"])["stage"] == "done"
        assert wait_upload(client, script.json()["job"])["stage"] == "done"


def test_the_upload_form_needs_the_pages_token(site):
    with client_for(site) as client:
        form = {"file": ("f.txt", NEW_REPORT.encode(), "text/plain")}
        assert client.post("/upload", files=form, follow_redirects=False).status_code == 403
        assert client.post("/upload", files=form, data={"csrf": "guessed"}, follow_redirects=False).status_code == 403
        token = re.search(r'name="csrf" value="([^"]+)"', client.get("/upload").text)[1]
        ok = client.post("/upload", files=form, data={"csrf": token}, follow_redirects=False)
        assert ok.status_code == 303
        wait_upload(client, ok.headers["location"].rsplit("/", 1)[1])
    with client_for(site) as other:  # another server run, another token
        assert other.post("/upload", files=form, data={"csrf": token}, follow_redirects=False).status_code == 403


# ---------------------------------------------------------------- uploads: budget, files, quota

def test_an_upload_over_the_budget_fails_in_one_line_and_its_file_is_removed(site):
    with client_for(site, document_seconds=0.001) as client:  # too short for any document
        job = upload(client, NEW_REPORT).json()["job"]
        state = wait_upload(client, job)
        assert state["stage"] == "failed" and "took over" in state["error"] and "\n" not in state["error"]
        assert "uploads/" not in state["error"]
    assert uploaded(site) == []


def test_a_failed_upload_leaves_no_file_but_is_recorded(site):
    with client_for(site) as client:
        state = wait_upload(client, upload(client, "   \n  ", "blank.txt").json()["job"])
        assert state["stage"] == "failed"
        failed = [d for d in client.get("/api/documents").json()["documents"] if d["error"]]
        assert len(failed) == 1 and "empty" in failed[0]["error"]
    assert uploaded(site) == []
    names = json.loads((site / "data" / "upload-names.json").read_text(encoding="utf-8"))
    assert list(names.values()) == ["blank.txt"]


def test_uploads_stop_at_the_folders_quota(site):
    with client_for(site, uploads_quota_bytes=len(NEW_REPORT.encode()) + 100) as client:
        first = upload(client, NEW_REPORT)
        assert first.status_code == 202 and wait_upload(client, first.json()["job"])["stage"] == "done"
        full = upload(client, NEW_REPORT.replace("6.7%", "6.9%"), "again.txt")
        assert full.status_code == 507 and "quota" in full.json()["error"]
    assert len(uploaded(site)) == 1


def test_a_scan_upload_is_read_once_its_layout_comes_with_it(site, monkeypatch):
    from zhibiao.records import Origin
    from zhibiao.store import _Loaded, _Work

    with client_for(site) as client:
        target = client.app.state.uploads
        text = "地区生产总值增长6.2%"
        loaded = _Loaded(_Work("/nowhere/scan.png", "x", 1),
                         {"id": 41, "format": "image", "n_indicators": 1, "error": None}, (), None, text,
                         (Origin(0, len(text), 1, (1.0, 2.0, 3.0, 4.0)),))
        monkeypatch.setattr(target, "_read", lambda job: loaded)
        monkeypatch.setattr(target.store, "put", lambda got: None)
        monkeypatch.setattr(web.loading, "load", lambda *a, **k: pytest.fail("the scan was read a second time"))
        job = web.Job("j1", "scan.png", site / "data" / "uploads" / "j1.png")
        target.run(job)
        assert job.stage == "done", job.error
        layout = target.scans.layout({"id": 41, "source": "/nowhere/scan.png"})
        assert layout["origins"] == [[0, len(text), 1, [1.0, 2.0, 3.0, 4.0], len(text)]]


def test_a_failed_rewrite_of_a_scan_layout_leaves_the_old_one_whole(tmp_path, monkeypatch):
    from zhibiao.records import Document, Origin

    scans = web.Scans(tmp_path / "layouts")
    scans.remember(7, Document("青川市粮食产量41.5亿斤", format="image", origins=(Origin(0, 13, 1, (1.0, 2.0, 3.0, 4.0)),)))
    before = (tmp_path / "layouts" / "7.json").read_text(encoding="utf-8")

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        scans.remember(7, Document("青川市", format="image", origins=(Origin(0, 3, 2),)))
    assert (tmp_path / "layouts" / "7.json").read_text(encoding="utf-8") == before
    assert [p.name for p in (tmp_path / "layouts").iterdir()] == ["7.json"]


# ---------------------------------------------------------------- bounded, paged responses

def test_api_rows_are_bounded_and_paged(site):
    with client_for(site) as client:
        assert client.get("/api/indicators", params={"limit": web.API_MAX_ROWS + 1}).status_code == 422
        everything = client.get("/api/indicators", params={"limit": 1000}).json()["indicators"]
        assert len(everything) >= 3
        first = client.get("/api/indicators", params={"limit": 2}).json()
        assert first["count"] == 2 and first["next"]
        second = client.get(first["next"]).json()
        assert second["offset"] == 2
        assert [r["id"] for r in first["indicators"] + second["indicators"]] == [r["id"] for r in everything][:4]
        last = client.get("/api/indicators", params={"limit": 1000, "offset": len(everything) - 1}).json()
        assert last["count"] == 1 and last["next"] is None


def test_a_documents_records_are_paged_in_the_api(site):
    with client_for(site) as client:
        doc_id = next(d["id"] for d in client.get("/api/documents").json()["documents"] if d["n_indicators"] >= 2)
        whole = client.get(f"/api/documents/{doc_id}").json()
        page = client.get(f"/api/documents/{doc_id}", params={"limit": 1}).json()
        assert page["indicators_total"] == len(whole["indicators"]) and len(page["indicators"]) == 1
        rest = client.get(page["next"]).json()
        assert rest["indicators"][0]["id"] == whole["indicators"][1]["id"]


def test_a_document_page_embeds_bounded_records(site, monkeypatch):
    monkeypatch.setattr(web, "DOCUMENT_PAGE_RECORDS", 1)
    monkeypatch.setattr(web, "PAGE_EVIDENCE_CHARS", 3)
    with client_for(site) as client:
        doc_id = next(d["id"] for d in client.get("/api/documents").json()["documents"] if d["n_indicators"] >= 2)
        page = client.get(f"/documents/{doc_id}").text
        data = json.loads(re.search(r'<script type="application/json" id="records-data">(.*?)</script>', page,
                                    re.S)[1])
        assert len(data) == 1 and len(data[0]["evidence"]) <= 3
        assert "first 1 of" in page


def test_a_scan_ingested_elsewhere_has_its_layout_read_once_by_the_workers(site, monkeypatch):
    from zhibiao.records import Document, Origin

    calls = []

    def read_in_worker(source):
        calls.append(source)
        return Document(text="增长6.2%", format="image", origins=(Origin(0, 6, 1, (1.0, 2.0, 3.0, 4.0)),))

    with client_for(site) as client:
        uploads = client.app.state.uploads
        monkeypatch.setattr(uploads, "load", read_in_worker)
        monkeypatch.setattr(web.loading, "load", lambda *a, **k: pytest.fail("read on the request thread"))
        for _ in range(2):
            assert uploads.scans.layout({"id": 52, "source": "/corpus/scan.png"})["pages"] == 1
    assert calls == ["/corpus/scan.png"]
