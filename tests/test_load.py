"""zhibiao.load: every format to the same text, bad files to one clear error."""
from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhibiao import load as loading
from zhibiao.cli import main
from zhibiao.errors import InputError, LimitExceeded, UnsupportedFormat

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

REPORT = """青川市2023年政府工作报告

——2023年1月9日在青川市第十六届人民代表大会第三次会议上

各位代表：

现在，我代表青川市人民政府，向大会报告政府工作，请予审议。

一、2022年工作回顾

全市地区生产总值增长6.5%，城镇新增就业3.2万人。居民人均可支配收入达到41000元，新建学校12所。

二、2023年主要预期目标

今年发展主要预期目标是：地区生产总值增长6%左右；城镇新增就业3万人以上；居民消费价格涨幅3%左右。
"""
PARAGRAPHS = [p.strip() for p in REPORT.split("\n\n") if p.strip()]
# Big5 holds traditional characters only.
REPORT_TRADITIONAL = "青川市2023年政府工作報告\n\n全市地區生產總值增長6.5%，城鎮新增就業3.2萬人。\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding, text", [
    ("utf-8", REPORT), ("utf-8-sig", REPORT), ("gbk", REPORT), ("gb18030", REPORT),
    ("big5", REPORT_TRADITIONAL), ("utf-16", REPORT),
], ids=["utf8", "utf8-bom", "gbk", "gb18030", "big5", "utf16"])
def test_text_in_any_encoding_decodes_to_the_same_text(tmp_path, encoding, text):
    doc = loading.load(write(tmp_path, "report.txt", text.encode(encoding)))
    assert doc.format == "txt"
    assert doc.text == text


def test_common_hanzi_data_file():
    common = loading._common_hanzi()
    assert len(common) >= 400 and all("\u4e00" <= c <= "\u9fff" for c in common)


def test_crlf_line_ends_read_as_newlines(tmp_path):
    doc = loading.load(write(tmp_path, "r.txt", REPORT.replace("\n", "\r\n").encode("gbk")))
    assert doc.text == REPORT


def test_load_text_fills_metadata_and_sections():
    doc = loading.load_text(REPORT, source="mem")
    assert doc.meta.get("region") == "青川" and doc.meta.get("level") == "city"
    assert doc.meta.get("year") == 2023 and doc.meta.get("date") == "2023-01-09"
    roles = {s.heading: s.role for s in doc.sections}
    assert roles["一、2022年工作回顾"] == "review"
    assert roles["二、2023年主要预期目标"] == "targets"
    assert doc.origins == (loading.Origin(0, len(REPORT), 1),)


def test_region_and_year_override_the_text(tmp_path):
    doc = loading.load(write(tmp_path, "r.txt", REPORT.encode()), region="松溪", year=2031)
    assert doc.meta.get("region") == "松溪"
    assert (doc.meta.get("year"), doc.meta.get("reviewed_year")) == (2031, 2030)


HTML = ("<!DOCTYPE html><html><head><title>青川市人民政府</title>"
        "<script>var banner = '全市增长9.9%';</script><style>p {color: red}</style></head><body>"
        "<div class='top-nav'><a href='/'>首页</a> | <a href='/news'>要闻 增长8.8%</a></div>"
        "<nav><ul><li>政务公开</li><li>办事服务</li></ul></nav>"
        "<div id='main'><div class='article-content'>{paras}</div>"
        "<div class='share'>分享到：微信 微博</div></div>"
        "<div class='footer'>版权所有 青川市人民政府办公室 电话 0000-1234567</div></body></html>")


def test_html_keeps_the_article_and_drops_boilerplate(tmp_path):
    page = HTML.replace("{paras}", "".join(f"<p>\u3000\u3000{p}</p>" for p in PARAGRAPHS))
    doc = loading.load(write(tmp_path, "page.html", page.encode("gbk")))
    assert doc.format == "html"
    assert doc.text == "\n\n".join(PARAGRAPHS)
    for noise in ("9.9%", "8.8%", "首页", "政务公开", "版权所有", "分享到"):
        assert noise not in doc.text


def test_html_wrapper_with_a_boilerplate_class_is_kept():
    page = ("<html><body><div class='wrap nav-fixed'><div class='nav'>首页 新闻</div><div class='content'>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div></div></body></html>")
    assert loading.html_text(page) == "\n\n".join(PARAGRAPHS)


def test_html_table_rows_are_lines_with_tab_separated_cells():
    page = ("<html><body><div><p>主要指标如下。</p><table><tr><th>指标</th><th>目标</th></tr>"
            "<tr><td>地区生产总值增长</td><td> 6%左右 </td></tr></table></div></body></html>")
    assert loading.html_text(page) == "主要指标如下。\n\n指标\t目标\n\n地区生产总值增长\t6%左右"


def test_html_br_separated_paragraphs(tmp_path):
    page = HTML.replace("{paras}", "<br>".join(PARAGRAPHS))
    doc = loading.load(write(tmp_path, "page.htm", page.encode()))
    assert doc.text.split("\n\n") == PARAGRAPHS


def _docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(t.rows, table):
            for cell, value in zip(row.cells, values):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    data = _docx_bytes(PARAGRAPHS, [["指标", "目标"], ["地区生产总值增长", "6%左右"]])
    doc = loading.load(write(tmp_path, "report.docx", data))
    assert doc.format == "docx"
    assert doc.text == "\n\n".join(PARAGRAPHS + ["指标\t目标", "地区生产总值增长\t6%左右"])


def _pdf_bytes(pages: list[list[str]], header: str = "青川市人民政府文件", encrypt: str | None = None) -> bytes:
    """A text-layer PDF in a CJK font that needs no font file (reportlab's built-in CID fonts)."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, encrypt=encrypt)
    for number, lines in enumerate(pages, start=1):
        c.setFont("STSong-Light", 10)
        c.drawString(72, 810, header)
        y = 760
        for line in lines:
            if line:
                c.drawString(72 + (20 if line.startswith("\u3000") else 0), y, line.lstrip("\u3000"))
            y -= 14
        c.drawString(290, 30, f"- {number} -")
        c.showPage()
    c.save()
    return out.getvalue()


def _wrap(paragraphs: list[str], width: int = 30) -> list[str]:
    """Paragraphs as a typesetter lays them out: first line indented, full lines, a short last line."""
    lines: list[str] = []
    for p in paragraphs:
        p = "\u3000" + p
        lines += [p[i:i + width] for i in range(0, len(p), width)] + [""]
    return lines


def test_pdf_text_layer_joins_lines_and_drops_headers_and_page_numbers(tmp_path):
    lines = _wrap(PARAGRAPHS)
    data = _pdf_bytes([lines[:7], lines[7:]])
    doc = loading.load(write(tmp_path, "report.pdf", data))
    assert doc.format == "pdf"
    assert doc.text == "\n\n".join(PARAGRAPHS)
    assert "政府文件" not in doc.text and "- 1 -" not in doc.text
    assert doc.page_at(0) == 1 and doc.page_at(len(doc.text) - 1) == 2
    assert all(o.box is not None for o in doc.origins)


def test_pdf_in_two_columns_reads_column_by_column(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    left = ["\u3000全市地区生产总值增长6.5%，", "城镇新增就业3.2万人。", "\u3000居民人均可支配收入达到", "41000元。"]
    right = ["\u3000新建学校12所，改造老旧", "小区88个。", "\u3000粮食产量稳定在30万吨", "以上。"]
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("STSong-Light", 14)
    c.drawString(200, 790, "青川市政府工作报告")
    c.setFont("STSong-Light", 10)
    for x, lines in ((72, left), (320, right)):
        y = 740
        for line in lines:
            c.drawString(x + (20 if line.startswith("\u3000") else 0), y, line.lstrip("\u3000"))
            y -= 14
    c.showPage()
    c.save()
    doc = loading.load(write(tmp_path, "columns.pdf", out.getvalue()))
    assert doc.text == ("青川市政府工作报告\n\n全市地区生产总值增长6.5%，城镇新增就业3.2万人。\n\n居民人均可支配收入达到41000元。"
                        "\n\n新建学校12所，改造老旧小区88个。\n\n粮食产量稳定在30万吨以上。")


def test_pdf_with_a_scanned_page_reads_that_page_by_ocr(tmp_path):
    pytest.importorskip("reportlab")
    import cv2
    import numpy as np
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    picture = np.full((300, 1200, 3), 255, dtype=np.uint8)
    cv2.putText(picture, "GDP 2031 +6.5%", (40, 190), cv2.FONT_HERSHEY_SIMPLEX, 3.5, (0, 0, 0), 8)
    ok, png = cv2.imencode(".png", picture)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("STSong-Light", 10)
    c.drawString(72, 760, PARAGRAPHS[4])
    c.showPage()
    c.drawImage(ImageReader(io.BytesIO(png.tobytes())), 72, 600, width=400, height=100)
    c.showPage()
    c.save()
    doc = loading.load(write(tmp_path, "mixed.pdf", out.getvalue()))
    assert doc.format == "scan"
    assert doc.text.startswith(PARAGRAPHS[4]) and "2031" in doc.text[len(PARAGRAPHS[4]):]
    assert {o.page for o in doc.origins} == {1, 2}


def test_format_comes_from_content_not_extension(tmp_path):
    pdf = loading.load(write(tmp_path, "looks-like.txt", _pdf_bytes([_wrap(PARAGRAPHS[:2])])))
    assert pdf.format == "pdf"
    txt = loading.load(write(tmp_path, "looks-like.pdf", REPORT.encode("gbk")))
    assert txt.format == "txt" and txt.text == REPORT


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _png(width: int = 200, height: int = 120) -> bytes:
    import cv2
    import numpy as np

    ok, data = cv2.imencode(".png", np.full((height, width, 3), 255, dtype=np.uint8))
    return data.tobytes()


BAD = [
    ("empty.txt", b"", InputError, "empty file"),
    ("blank.txt", b" \n\t\n", InputError, "empty file"),
    ("corrupt.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n%%EOF", InputError, "PDF"),
    ("truncated.pdf", None, InputError, "PDF"),
    ("not-a-zip.docx", b"\x00\x01\x02\x03\xff\xfe\x00binary", InputError, "binary"),
    ("zeros.txt", b"\x00" * 4096, UnsupportedFormat, "binary"),
    ("broken.docx", b"PK\x03\x04" + b"\x00" * 64, InputError, "corrupt"),
    ("archive.docx", None, UnsupportedFormat, "not a Word"),
    ("bomb.docx", None, LimitExceeded, "zip bomb"),
    ("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, UnsupportedFormat, ".doc"),
    ("blank.png", None, InputError, "no text"),
]


@pytest.mark.parametrize("name, data, error, words", BAD, ids=[b[0] for b in BAD])
def test_bad_files_raise_one_clear_error_naming_the_file(tmp_path, name, data, error, words):
    if name == "truncated.pdf":
        data = _pdf_bytes([_wrap(PARAGRAPHS)])[:400]
    elif name == "archive.docx":
        data = _zip({"notes.txt": "青川".encode()})
    elif name == "bomb.docx":
        data = _zip({"word/document.xml": b"<w:document/>" + b"\x00" * (30 * 2**20), "[Content_Types].xml": b"<x/>"})
    elif name == "blank.png":
        data = _png()
    path = write(tmp_path, name, data)
    with pytest.raises(error) as caught:
        loading.load(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and words in message and "\n" not in message


def test_encrypted_pdf_is_refused(tmp_path):
    path = write(tmp_path, "locked.pdf", _pdf_bytes([_wrap(PARAGRAPHS)], encrypt="secret"))
    with pytest.raises(InputError, match="encrypted PDF"):
        loading.load(path)


def test_size_limit_refuses_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # a sparse 200 MB file: instant to make, refused from its size
        f.truncate(200 * 2**20)
    with pytest.raises(LimitExceeded, match="200 MB, over the 100 MB limit"):
        loading.load(path)
    small = write(tmp_path, "small.txt", REPORT.encode())
    with pytest.raises(LimitExceeded):
        loading.load(small, max_bytes=100)
    with pytest.raises(TypeError):
        loading.load(small, max_bites=100)


def test_time_budget_stops_long_reads(tmp_path):
    path = write(tmp_path, "report.pdf", _pdf_bytes([_wrap(PARAGRAPHS)]))
    with pytest.raises(LimitExceeded, match="took over 0 s"):
        loading.load(path, max_seconds=0)


def test_utf8_with_a_stray_broken_byte_stays_utf8(tmp_path):
    data = REPORT.encode() * 10
    doc = loading.load(write(tmp_path, "r.txt", data[:9] + b"\xff" + data[9:]))  # after 青川市
    assert doc.text.replace("\ufffd", "") == (REPORT * 10)


def test_cli_prints_one_line_and_exits_2(tmp_path):
    path = write(tmp_path, "empty.pdf", b"")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and str(path) in result.output


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        loading.load(tmp_path / "nowhere.txt")


# --- end to end: the same records from every format ----------------------------------------

def _dev_passages() -> list[tuple[str, str]]:
    out = []
    for gold in sorted((SHARED / "gold" / "dev").glob("national__*.json")):
        g = json.loads(gold.read_text(encoding="utf-8"))
        text = (SHARED / g["source"]).read_text(encoding="utf-8")
        out.append((gold.stem, text[:g["ranges"][0][1]]))
    return out


def _formats(text: str) -> dict[str, bytes]:
    paragraphs = [p.strip(" \u3000\t") for p in text.split("\n") if p.strip(" \u3000\t")]
    page = HTML.replace("{paras}", "".join(f"<p>{p}</p>" for p in paragraphs))
    lines = _wrap(paragraphs, width=34)
    return {
        "gbk.txt": text.encode("gb18030"),
        "page.html": page.encode("utf-8"),
        "report.docx": _docx_bytes(paragraphs),
        "report.pdf": _pdf_bytes([lines[i:i + 50] for i in range(0, len(lines), 50)]),
    }


FORMATS = ["gbk.txt", "page.html", "report.docx", "report.pdf"]
# PDF text is repaired before extraction, and on the 1985 passage the repair reads four more records
# (its full-width digits and old phrasing look noisy): the loaded text itself is the same.
def _cases():
    if not (SHARED / "gold" / "dev").exists():
        return []
    return [pytest.param(name, text, fmt, id=f"{name}-{fmt}") for name, text in _dev_passages() for fmt in FORMATS]


@pytest.mark.e2e
@pytest.mark.parametrize("name, text, fmt", _cases())
def test_every_format_gives_the_records_of_the_utf8_text(tmp_path, name, text, fmt):
    from zhibiao.grammar import extract_document

    doc = loading.load(write(tmp_path, f"{name}.{fmt}", _formats(text)[fmt]))
    assert "".join(doc.text.split()) == "".join(text.split())  # the same text, whitespace aside
    key = lambda r: (r.metric, r.value, r.unit)  # noqa: E731
    got = extract_document(doc)
    assert Counter(map(key, got)) == Counter(map(key, extract_document(loading.load_text(text))))
    for r in got:
        assert doc.text[r.span.start:r.span.end] == r.span.text


@pytest.mark.e2e
@pytest.mark.skipif(not (SHARED / "corpus" / "scans").exists(), reason="../shared is missing")
def test_image_only_pdf_goes_through_ocr():
    doc = loading.load(SHARED / "corpus" / "scans" / "national__2024.pdf")
    assert doc.format == "scan"
    assert doc.meta.get("year") == 2024 and doc.meta.get("level") == "national"
    assert "国内生产总值超过126万亿元" in doc.text.replace("\n", "")
    assert {o.page for o in doc.origins} == {1, 2}
    assert all(o.box is not None for o in doc.origins)


# --- special files, standard input and what a loader may produce ---------------------------

def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path):
    import os

    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)  # nobody writes to it: reading would block forever
    with pytest.raises(InputError, match="FIFO") as caught:
        loading.load(fifo)
    assert str(caught.value).startswith(str(fifo)) and "\n" not in str(caught.value)


def test_a_device_is_refused_not_read_forever():
    with pytest.raises(InputError, match="character device"):
        loading.load("/dev/zero")


def test_a_directory_is_refused(tmp_path):
    (tmp_path / "report.txt").mkdir()
    with pytest.raises(InputError, match="directory"):
        loading.load(tmp_path / "report.txt")


def test_standard_input_is_read_up_to_the_file_limit():
    doc = loading.load_stream(io.BytesIO(REPORT.encode("gbk")))
    assert doc.text == REPORT and doc.source == "<stdin>"
    endless = io.BytesIO(b"\xe5\xa2\x9e" * 400)  # more bytes than the limit
    with pytest.raises(LimitExceeded, match="over the limit"):
        loading.load_stream(endless, max_bytes=1000)


def test_cli_reads_standard_input_with_the_same_limit(tmp_path):
    result = CliRunner().invoke(main, ["extract", "-", "--format", "jsonl"], input=REPORT.encode())
    assert result.exit_code == 0 and '"value_text": "6.5%"' in result.output


def test_the_character_limit_applies_to_what_a_docx_unpacks_to(tmp_path):
    data = _docx_bytes(["青川市地区生产总值增长6%。" * 20] * 50)
    path = write(tmp_path, "report.docx", data)
    assert len(data) < 100_000
    with pytest.raises(LimitExceeded, match="characters"):
        loading.load(path, max_chars=5000)
    assert loading.load(path).format == "docx"


def test_the_character_limit_applies_to_text(tmp_path):
    with pytest.raises(LimitExceeded, match="characters of text"):
        loading.load(write(tmp_path, "r.txt", REPORT.encode()), max_chars=50)


def test_a_text_that_mentions_the_pdf_header_is_text(tmp_path):
    text = "文件格式说明：以%PDF-1.7开头的文件是PDF。\n\n" + REPORT
    doc = loading.load(write(tmp_path, "note.txt", text.encode()))
    assert doc.format == "txt" and doc.text == text
    assert loading.sniff(b"\n%PDF-1.7\n...") == "pdf"  # a header after blank bytes is still a PDF
    assert loading.sniff(b"junk%PDF-1.4\n...\nstartxref\n0\n%%EOF\n") == "pdf"  # junk before, a trailer after


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_detected(tmp_path, encoding):
    doc = loading.load(write(tmp_path, "r.txt", REPORT.encode(encoding)))
    assert doc.text == REPORT and not doc.diagnostics


def test_binary_with_nul_bytes_is_not_taken_for_utf16(tmp_path):
    data = bytes(range(256)) * 40
    with pytest.raises(UnsupportedFormat, match="binary"):
        loading.load(write(tmp_path, "r.txt", data))


def test_a_gbk_sentence_in_utf8_text_is_read_and_named(tmp_path):
    before, middle, after = "青川市2023年政府工作报告\n\n", "全市城镇新增就业3.2万人。", "\n\n居民人均可支配收入达到41000元。\n"
    data = before.encode() + middle.encode("gbk") + after.encode()
    doc = loading.load(write(tmp_path, "mixed.txt", data))
    assert doc.text == before + middle + after and "\ufffd" not in doc.text
    (note,) = doc.diagnostics
    start = len(before.encode())
    assert note.code == "encoding" and f"bytes {start}-" in note.message and "GBK" in note.message
    assert doc.text[note.span.start:note.span.end] == note.span.text and "就业" in note.span.text


def test_undecodable_bytes_are_named_in_a_warning(tmp_path):
    data = REPORT.encode()
    doc = loading.load(write(tmp_path, "r.txt", data[:9] + b"\xff" + data[9:]))
    (note,) = doc.diagnostics
    assert "bytes 9-10" in note.message and "U+FFFD" in note.message
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "r.txt"), "--format", "jsonl"])
    assert result.exit_code == 0 and "bytes 9-10" in result.stderr


def test_cli_on_an_endless_device_ends_in_one_line():
    import subprocess
    import sys

    for args, stdin in ((["extract", "/dev/zero"], None), (["extract", "-"], "/dev/zero")):
        with open(stdin or "/dev/null", "rb") as source:
            done = subprocess.run([sys.executable, "-m", "zhibiao.cli", *args], stdin=source, capture_output=True,
                                  text=True, timeout=120)
        assert done.returncode == 2, done.stderr
        assert done.stderr.strip().count("\n") == 0 and ("device" in done.stderr or "over the limit" in done.stderr)
