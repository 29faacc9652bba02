"""Read a file into a ``Document``: its text as loaded, where each part came from, and what it is.

The format is decided by the bytes, not the name: PDF, DOCX (a zip with
word/document.xml), images, else text in whatever encoding it is in (HTML when
it looks like markup). Image-only PDFs and images go through offline OCR.
Everything that cannot be read ends in one ``InputError`` that names the file
and the problem; only regular files are opened, and bytes read, characters
produced, page counts and OCR time are capped, so nothing hangs or floods memory.
"""
from __future__ import annotations

import io
import os
import re
import stat
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import BinaryIO

from . import metadata, ocr, sections
from .errors import InputError, LimitExceeded, UnsupportedFormat
from .ocr import SENTENCE_END, Line
from .records import Diagnostic, Document, Fact, Metadata, Origin, Span


# The one time budget of a document, in seconds: here for reading its pages (text layer and OCR),
# and for the whole load and extraction in ingest's workers and the explorer's upload workers.
DOCUMENT_SECONDS = 600.0


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a single input may cost; every one is a keyword of ``load``."""

    max_bytes: int = 100 * 2**20
    max_chars: int = 20_000_000  # text any loader produces (a DOCX of 4 MB can unpack to 100 M characters)
    max_pages: int = 1000  # PDF pages read
    max_ocr_pages: int = 100
    max_seconds: float = DOCUMENT_SECONDS  # reading the pages of one document (text layer and OCR)
    max_unzipped: int = 300 * 2**20  # DOCX: total uncompressed size
    max_ratio: float = 200.0  # DOCX: uncompressed/compressed size of any member


_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", ocr.JPEG_MAGIC, b"II*\x00", b"MM\x00*", b"BM", b"GIF87a", b"GIF89a")
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|div|p|meta|title|table|br)\b", re.I)
_CJK_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16", "utf_32"]
_PDF_HEADER = re.compile(rb"%PDF-\d")


def load_text(text: str, source: str | None = None, *, fmt: str = "txt", origins: tuple[Origin, ...] = (),
              region: str | None = None, year: int | None = None,
              diagnostics: tuple[Diagnostic, ...] = ()) -> Document:
    """A ``Document`` of text already in memory, with metadata and sections filled in."""
    if not origins and text:
        origins = (Origin(0, len(text), 1),)
    meta = _override(metadata.detect(text), region, year)
    return Document(text=text, source=source, format=fmt, origins=origins, meta=meta,
                    sections=sections.outline(text), diagnostics=diagnostics)


def _override(meta: Metadata, region: str | None, year: int | None) -> Metadata:
    """The user's --region/--year win over what the text suggests (their facts carry no span)."""
    if region:
        meta = replace(meta, region=Fact(region))
    if year:
        meta = replace(meta, year=Fact(year), reviewed_year=Fact(year - 1))
    return meta


def _limits(limits: dict) -> Limits:
    unknown = set(limits) - {f.name for f in fields(Limits)}
    if unknown:
        raise TypeError(f"unknown limits: {', '.join(sorted(unknown))}")
    return Limits(**limits)


_KINDS = ((stat.S_ISDIR, "is a directory, not a file"), (stat.S_ISFIFO, "is a FIFO (named pipe), not a regular file"),
          (stat.S_ISCHR, "is a character device, not a regular file"),
          (stat.S_ISBLK, "is a block device, not a regular file"), (stat.S_ISSOCK, "is a socket, not a regular file"))


def not_regular(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read (a FIFO would block, a device never end), or None."""
    if stat.S_ISREG(mode):
        return None
    return next((why for test, why in _KINDS if test(mode)), "is not a regular file")


def load(path: str | Path, *, region: str | None = None, year: int | None = None,
         progress: Callable[[int, int], None] | None = None, **limits) -> Document:
    """Load any supported file; ``limits`` are ``Limits`` fields (``max_bytes=...``); ``progress(done, total)``
    is called as the pages OCR reads are done.

    Only regular files are read: the file is opened without blocking and checked before a byte
    is read, so a FIFO or a device is refused at once rather than waited on or read forever.
    """
    lim = _limits(limits)
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        if os.path.isdir(path):
            raise InputError(f"{name}: is a directory, not a file") from None
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    _check_regular(fd, name, lim)
    with os.fdopen(fd, "rb") as f:
        data = _read_at_most(f, name, lim.max_bytes)
    return load_bytes(data, name, region=region, year=year, progress=progress, **limits)


def _check_regular(fd: int, name: str, lim: Limits) -> None:
    """Check an open file before reading it; it is closed when it will not be read."""
    try:
        info = os.fstat(fd)
        why = not_regular(info.st_mode)
        if why:
            raise InputError(f"{name}: {why}")
        if info.st_size > lim.max_bytes:
            raise LimitExceeded(f"{name}: file is {info.st_size / 2**20:.0f} MB, over the "
                                f"{lim.max_bytes / 2**20:.0f} MB limit (raise max_bytes to read it)")
    except BaseException:
        os.close(fd)
        raise


def load_stream(stream: BinaryIO, name: str = "<stdin>", *, region: str | None = None, year: int | None = None,
                **limits) -> Document:
    """Load what a stream (standard input) holds, read up to the same ``max_bytes`` as a file."""
    return load_bytes(_read_at_most(stream, name, _limits(limits).max_bytes), name, region=region, year=year,
                      **limits)


def _read_at_most(stream: BinaryIO, name: str, limit: int) -> bytes:
    """At most ``limit`` bytes; one more means the input is over it (a file grew, a pipe runs on)."""
    chunks, size = [], 0
    try:
        while size <= limit:
            chunk = stream.read(min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    if size > limit:
        raise LimitExceeded(f"{name}: more than {limit / 2**20:.0f} MB, over the limit (raise max_bytes to read it)")
    return b"".join(chunks)


def load_bytes(data: bytes, name: str = "<bytes>", *, region: str | None = None, year: int | None = None,
               progress: Callable[[int, int], None] | None = None, **limits) -> Document:
    """Load a file's content already in memory; the format comes from the bytes."""
    lim = _limits(limits)
    if not data.strip():
        raise InputError(f"{name}: empty file")
    fmt, text, origins, diagnostics = _read(data, name, lim, progress)
    if len(text) > lim.max_chars:
        raise LimitExceeded(f"{name}: {len(text):,} characters of text, over the {lim.max_chars:,}-character "
                            "limit (raise max_chars to read it)")
    return load_text(text, name, fmt=fmt, origins=origins, region=region, year=year, diagnostics=diagnostics)


def sniff(data: bytes) -> str:
    """The format the bytes are in: pdf, docx, zip, doc, image, rtf or text."""
    head = data[:1024]
    found = _PDF_HEADER.search(head)
    # A PDF starts with its header, or has it within the first KB after junk and ends in a
    # trailer; a text that mentions %PDF- is still a text.
    if found and (not head[:found.start()].strip(b" \t\r\n\x00\xef\xbb\xbf")
                  or b"startxref" in data[-2048:] or b"%%EOF" in data[-1024:]):
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return "image"
    if data.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    return "text"


def _read(data: bytes, name: str, lim: Limits,
          progress=None) -> tuple[str, str, tuple[Origin, ...], tuple[Diagnostic, ...]]:
    kind = sniff(data)
    if kind == "pdf":
        return (*_pdf(data, name, lim, progress), ())
    if kind == "zip":
        return "docx", _docx(data, name, lim), (), ()
    if kind == "image":
        lines = _ocr_page(data, name, time.monotonic() + lim.max_seconds)
        text, origins = _join_pages([lines], name)
        return "image", text, origins, ()
    if kind == "doc":
        raise UnsupportedFormat(f"{name}: legacy Word .doc file; save it as .docx or PDF")
    if kind == "rtf":
        raise UnsupportedFormat(f"{name}: RTF file; save it as .docx, PDF or text")
    text, diagnostics = _decode(data, name)
    if _HTML.search(text[:4096]):
        return "html", html_text(text), (), ()  # markup offsets are gone: byte-level notes no longer apply
    if "\r" in text:
        text, diagnostics = _without_cr(text, diagnostics)
    return "txt", text, (), diagnostics


def _without_cr(text: str, diagnostics: tuple[Diagnostic, ...]) -> tuple[str, tuple[Diagnostic, ...]]:
    """CR LF and lone CR to LF; the decoding notes' spans move with the text they point at."""
    out = text.replace("\r\n", "\n").replace("\r", "\n")
    if not diagnostics:
        return out, ()

    def moved(i: int) -> int:
        return i - text.count("\r\n", 0, i)

    return out, tuple(Diagnostic(d.code, d.message, Span(moved(d.span.start), moved(d.span.end), d.span.text))
                      for d in diagnostics)


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Text from bytes in UTF-8 (with or without BOM), GBK/GB18030, Big5 or UTF-16, detected."""
    return _decode(data, name)[0]


def _decode(data: bytes, name: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """The text and a note for each stretch of bytes that was not in the text's encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            raise InputError(f"{name}: broken UTF-16 text") from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, ()
    if b"\x00" in data[:8192]:
        raise UnsupportedFormat(f"{name}: binary content, not a text, HTML, PDF, DOCX or image file")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="surrogateescape")  # each bad byte one lone surrogate
    escaped = len(_ESCAPED.findall(text))
    if escaped < len(_NON_ASCII.findall(text)) - escaped:  # mostly UTF-8: a stray broken byte, a sentence in GBK
        return _mended(text, 3 if data.startswith(b"\xef\xbb\xbf") else 0)
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=_CJK_ENCODINGS).best()
    candidates = [best.encoding] if best is not None else []
    candidates += [e for e in ("gb18030", "big5") if e not in candidates]
    decoded = []
    for enc in candidates:
        try:
            decoded.append(data.decode(enc))
        except (UnicodeDecodeError, LookupError):
            continue
    if not decoded:
        raise InputError(f"{name}: not text in UTF-8, GBK/GB18030 or Big5")
    # charset-normalizer can take short GBK for Big5: prefer the reading with the most common hanzi.
    return max(decoded, key=_plausibility), ()


# Bytes that are not UTF-8, as surrogateescape leaves them. A GBK pair can pass for a two-byte
# UTF-8 character (U+0080-U+07FF: 全 C8 AB reads as ȫ), so those next to the bad bytes, and short
# stretches of them and ASCII between bad bytes, belong to the same GBK stretch.
_ESCAPED = re.compile("[\udc80-\udcff]")
_STRETCH = re.compile("[\u0080-\u07ff]{0,4}[\udc80-\udcff]+(?:[\x00-\x7f\u0080-\u07ff]{0,8}[\udc80-\udcff]+)*"
                      "[\u0080-\u07ff]{0,4}")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _mended(text: str, skipped: int) -> tuple[str, tuple[Diagnostic, ...]]:
    """UTF-8 text with its undecodable stretches read as GB18030 where they are that, else U+FFFD;
    each stretch gets a note naming its bytes, so no garbage enters the records unannounced."""
    parts: list[str] = []
    notes: list[Diagnostic] = []
    pos = length = 0  # in the escaped text, in the mended text
    offset = skipped  # in the bytes (after a BOM)
    for m in _STRETCH.finditer(text):
        good = text[pos:m.start()]
        parts.append(good)
        length += len(good)
        offset += len(good.encode("utf-8", "surrogateescape"))
        raw = m.group().encode("utf-8", "surrogateescape")
        try:
            piece = raw.decode("gb18030")
            message = f"bytes {offset}-{offset + len(raw)} are not UTF-8; read as GBK/GB18030"
        except UnicodeDecodeError:
            piece = raw.decode("utf-8", errors="replace")
            message = f"bytes {offset}-{offset + len(raw)} are neither UTF-8 nor GBK; replaced by U+FFFD"
        parts.append(piece)
        notes.append(Diagnostic("encoding", message, Span(length, length + len(piece), piece)))
        length += len(piece)
        offset += len(raw)
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), tuple(notes)


_TEXT_CHARS = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text that lacks its byte order mark, or None.

    Such text has NUL bytes on one side of each pair (ASCII, digits, line breaks) and reads
    as text in one byte order; bytes of a real binary or of GBK/UTF-8 text do neither.
    """
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 8:
        return None
    zeros = (sample[0::2].count(0), sample[1::2].count(0))
    if max(zeros) == 0 or min(zeros) > max(zeros) // 20:
        return None
    encoding = "utf-16-le" if zeros[1] > zeros[0] else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    head = text[:4096]
    if len(_TEXT_CHARS.findall(head)) < 0.97 * len(head):
        return None
    if any("\u4e00" <= c <= "\u9fff" for c in head) and _plausibility(text) < 0.5:
        return None
    return text


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    lines = (resources.files("zhibiao") / "data" / "common_hanzi.txt").read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line.strip() for line in lines if not line.startswith("#")))


def _plausibility(text: str) -> float:
    sample = text[:20_000]
    hanzi = [c for c in sample if "\u4e00" <= c <= "\u9fff"]
    if not hanzi:
        return 0.0
    common = _common_hanzi()
    return sum(c in common for c in hanzi) / len(hanzi) - sample.count("\ufffd") / max(1, len(sample))


# --- HTML ---------------------------------------------------------------------------------------

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
              "button", "select", "template", "object", "embed")
_BOILERPLATE = re.compile(r"nav|menu|footer|header|breadcrumb|crumb|sidebar|share|comment|copyright|banner|"
                          r"advert|\bad\b|toolbar|related|login|search|topbar|skip", re.I)
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "table", "ul",
           "ol", "blockquote", "pre", "dd", "dt", "main", "center"}


def html_text(markup: str) -> str:
    """The main text of an HTML page: the block with the most paragraph text, one paragraph a block."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    for node in tree.css(",".join(_DROP_TAGS)):
        node.decompose()
    body = tree.body or tree.root
    if body is None:
        return ""
    total = len(body.text(deep=True) or "")
    for node in tree.css("[class], [id], [role]"):
        label = " ".join(filter(None, (node.attributes.get("class"), node.attributes.get("id"),
                                       node.attributes.get("role"))))
        if (node.parent is not None and node.tag not in ("body", "html") and _BOILERPLATE.search(label)
                and len(node.text(deep=True) or "") < 0.3 * total):  # never a wrapper of the page itself
            node.decompose()
    scores: dict[int, tuple[int, object]] = {}
    for p in body.css("p, br"):
        parent = p.parent
        if parent is None:
            continue
        n = len((p.text(deep=True) or "").strip()) if p.tag == "p" else 20
        key = parent.mem_id
        scores[key] = (scores.get(key, (0, parent))[0] + n, parent)
    main = max(scores.values(), key=lambda s: s[0])[1] if scores else body
    paragraphs: list[str] = []
    title = tree.css_first("h1")
    if title is not None and not _inside(title, main):
        paragraphs.append(_squash(title.text(deep=True)))
    buf: list[str] = []
    _blocks(main, paragraphs, buf)
    _flush(paragraphs, buf)
    return "\n\n".join(p for p in paragraphs if p)


def _inside(node, ancestor) -> bool:
    while node is not None:
        if node.mem_id == ancestor.mem_id:
            return True
        node = node.parent
    return False


def _squash(s: str) -> str:
    """Runs of spaces and line breaks to one space (tabs between table cells stay)."""
    return re.sub(r" ?\t ?", "\t", re.sub(r"[ \r\n\u00a0]+", " ", s)).strip(" \u3000")


def _blocks(node, out: list[str], buf: list[str]) -> None:
    """Walk ``node``: text collects in ``buf``; a block element or <br> ends a paragraph, a cell a tab."""
    child = node.child
    while child is not None:
        if child.tag == "-text":
            buf.append(child.text_content or "")
        elif child.tag == "br":
            _flush(out, buf)
        elif child.tag in _BLOCKS:
            _flush(out, buf)
            _blocks(child, out, buf)
            _flush(out, buf)
        elif child.tag in ("td", "th"):
            _blocks(child, out, buf)
            buf.append("\t")
        elif child.tag != "-comment":
            _blocks(child, out, buf)
        child = child.next


def _flush(out: list[str], buf: list[str]) -> None:
    out.append(_squash("".join(buf)).strip("\t "))
    buf.clear()


# --- DOCX ---------------------------------------------------------------------------------------

def _docx(data: bytes, name: str, lim: Limits) -> str:
    """Paragraphs and table rows of a Word file, in body order, after checking the zip is safe to open."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise UnsupportedFormat(f"{name}: a zip archive but not a Word .docx file")
            total = sum(i.file_size for i in infos)
            if total > lim.max_unzipped:
                raise LimitExceeded(f"{name}: unpacks to {total / 2**20:.0f} MB, over the "
                                    f"{lim.max_unzipped / 2**20:.0f} MB limit (zip bomb?)")
            for i in infos:
                if i.file_size > 1_000_000 and i.file_size > lim.max_ratio * max(1, i.compress_size):
                    raise LimitExceeded(f"{name}: {i.filename} is compressed {i.file_size // max(1, i.compress_size)}"
                                        " to 1 (zip bomb?)")
    except zipfile.BadZipFile as e:
        raise InputError(f"{name}: corrupt zip/DOCX file ({e})") from None
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises KeyError, ValueError, lxml errors on broken parts
        raise InputError(f"{name}: corrupt DOCX file ({type(e).__name__}: {e})") from None
    parts: list[str] = []
    chars = 0
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append(Paragraph(block, document).text.strip())
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if not cells or t != cells[-1]:  # merged cells repeat their text
                        cells.append(t)
                parts.append("\t".join(cells))
        else:
            continue
        chars += len(parts[-1]) + 2
        if chars > lim.max_chars:  # stop early: a small zip of repeated paragraphs unpacks to 100 M characters
            raise LimitExceeded(f"{name}: over {lim.max_chars:,} characters of text, over the limit "
                                "(raise max_chars to read it)")
    return "\n\n".join(p for p in parts if p)


# --- PDF ----------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^[\s\-—–_·•.]*(?:第\s*)?[\d一二三四五六七八九十百]+\s*(?:页|/\s*\d+|of\s*\d+)?"
                          r"(?:\s*共\s*\d+\s*页)?[\s\-—–_·•.]*$", re.I)
_LINE_START_HEADING = re.compile(r"^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d))")


def _pdf(data: bytes, name: str, lim: Limits, progress=None) -> tuple[str, str, tuple[Origin, ...]]:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception as e:
        raise _pdf_error(name, e) from None
    with pdf:
        if len(pages) > lim.max_pages:
            raise LimitExceeded(f"{name}: {len(pages)} pages, over the {lim.max_pages}-page limit")
        deadline = time.monotonic() + lim.max_seconds
        layers = []
        try:
            for page in pages:
                if time.monotonic() > deadline:
                    raise LimitExceeded(f"{name}: reading the PDF took over {lim.max_seconds:.0f} s")
                layers.append((page, page.extract_text_lines(strip=True, return_chars=False)))
        except LimitExceeded:
            raise
        except Exception as e:
            raise _pdf_error(name, e) from None
        # A scan: a page with (almost) no text layer but a picture, or whose text layer is garbage. It is OCR'd;
        # the other pages keep their text layer.
        scanned = sorted(i for i, (page, lines) in enumerate(layers) if _needs_ocr(page, lines))
        if len(scanned) > lim.max_ocr_pages:
            raise LimitExceeded(f"{name}: {len(scanned)} scanned pages, over the {lim.max_ocr_pages}-page OCR limit")
        read: dict[int, list] = {}
        step = ocr.pages_at_once(len(scanned))
        for k in range(0, len(scanned), step):  # rendered a batch at a time (pdfium is not thread-safe)
            batch = scanned[k:k + step]
            images = [_page_image(layers[i][0], data, i, name) for i in batch]
            read.update(zip(batch, ocr.recognise_pages(images, [f"{name} page {i + 1}" for i in batch], deadline)))
            for done in range(k + 1, k + len(batch) + 1) if progress else ():
                progress(done, len(scanned))
        page_lines = [ocr.reading_order(read[i]) if i in read else _page_lines(page, lines)
                      for i, (page, lines) in enumerate(_strip_furniture(layers))]
    # OCR text keeps its line breaks for the repair step; a text layer's are only wrapping.
    text, origins = _join_pages(page_lines, name, join_lines=not scanned)
    return ("scan" if scanned else "pdf"), text, origins


_GARBAGE_SHARE = 0.1  # a text layer with more unreadable characters than this is garbage
_GARBAGE_HANZI = 0.3  # ... or whose hanzi are this rarely common ones (a broken font mapping); reports score 0.6-0.9


def _needs_ocr(page, lines) -> bool:
    """Whether a page must be OCR'd: no text layer but a picture, or a text layer that is garbage."""
    text = "".join(ln["text"] for ln in lines)
    if len(text) < 20:
        return bool(page.images)
    return _garbage(text)


def _garbage(text: str) -> bool:
    """Unreadable text from a broken font mapping: (cid:N) codes, private-use or replacement characters,
    controls, or hanzi that are almost never the common ones."""
    text = re.sub(r"\s+", "", text)
    bad = 6 * text.count("(cid:") + sum(c == "\ufffd" or "\ue000" <= c <= "\uf8ff" or ord(c) < 32 for c in text)
    if bad > _GARBAGE_SHARE * len(text):
        return True
    hanzi = sum("\u4e00" <= c <= "\u9fff" for c in text)
    return hanzi >= 20 and _plausibility(text) < _GARBAGE_HANZI


def _pdf_error(name: str, e: Exception) -> InputError:
    chain, cause = [], e
    while cause is not None and len(chain) < 5:
        chain.append(f"{type(cause).__name__} {cause} {cause.args!r}")
        cause = cause.__cause__ or cause.__context__
    message = " ".join(chain).lower()
    if "password" in message or "encrypt" in message or "decrypt" in message:
        return InputError(f"{name}: encrypted PDF (needs a password)")
    return InputError(f"{name}: corrupt PDF ({type(e).__name__}{': ' + str(e)[:80] if str(e) else ''})")


def _strip_furniture(layers):
    """Drop running headers/footers (the same line at a page's top or bottom on most pages) and page numbers."""
    def key(line: dict) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", line["text"]))

    edge: dict[str, int] = {}
    for page, lines in layers:
        for ln in _edge_lines(page, lines):
            edge[key(ln)] = edge.get(key(ln), 0) + 1
    repeated = {k for k, n in edge.items() if len(layers) >= 2 and n >= max(2, len(layers) // 2)}
    out = []
    for page, lines in layers:
        edges = {id(ln) for ln in _edge_lines(page, lines)}
        kept = [ln for ln in lines if not (id(ln) in edges and (key(ln) in repeated or _PAGE_NUMBER.match(ln["text"])))]
        out.append((page, kept))
    return out


def _edge_lines(page, lines):
    top, bottom = page.height * 0.08, page.height * 0.92
    return [ln for ln in lines if ln["bottom"] <= top or ln["top"] >= bottom]


def _page_lines(page, lines) -> list:
    """A text-layer page's lines in reading order: by columns when it is set in columns."""
    if not lines:
        return []
    kept = [(ln["top"], ln["bottom"]) for ln in lines]
    boxes = [ocr.Box(w["x0"], w["top"], w["x1"], w["bottom"], w["text"]) for w in page.extract_words()
             if any(top - 1 <= (w["top"] + w["bottom"]) / 2 <= bottom + 1 for top, bottom in kept)]
    if not boxes:
        return _pdf_lines(page, lines)
    spans = ocr.columns(boxes)
    chars = [sum(len(b.text) for b in boxes if b.x0 >= a - 1 and b.x1 <= z + 1) for a, z in spans]
    if len(spans) >= 2 and min(chars) >= 0.15 * sum(len(b.text) for b in boxes):
        return ocr.reading_order(boxes, ragged=True)
    return _pdf_lines(page, lines)


def _pdf_lines(page, lines) -> list:
    """A page's text lines (with their boxes) and blank separators where a paragraph ends."""
    if not lines:
        return []
    left = min(ln["x0"] for ln in lines)
    right = max(ln["x1"] for ln in lines)
    out: list[Line] = []
    prev = None
    for ln in lines:
        size = max(1.0, ln["bottom"] - ln["top"])
        if prev is not None:
            # Chinese paragraphs open indented; a short line only ends one where it ends a sentence.
            new_paragraph = (ln["x0"] > left + 1.5 * size or ln["top"] - prev["bottom"] > 1.2 * size
                             or _LINE_START_HEADING.match(ln["text"])
                             or (prev["x1"] < right - 2 * size and prev["text"].endswith(SENTENCE_END)))
            if new_paragraph:
                out.append(Line("", None, right))
        out.append(Line(ln["text"], (ln["x0"], ln["top"], ln["x1"], ln["bottom"]), right))
        prev = ln
    return out


def _page_image(page, data: bytes, index: int, name: str):
    """The page as an image: its one full-page picture when it has one, else a 200 dpi rendering."""
    images = page.images
    if len(images) == 1:
        im = images[0]
        if (im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) > 0.6 * page.width * page.height:
            stream = im.get("stream")
            filters = str(stream.get("Filter", "")) if stream is not None else ""
            if "DCTDecode" in filters:  # a JPEG: its bytes are the image
                return stream.get_rawdata()
    try:
        import numpy as np
        import pypdfium2

        doc = pypdfium2.PdfDocument(data)
        bitmap = doc[index].render(scale=200 / 72)
        return np.ascontiguousarray(bitmap.to_numpy()[:, :, :3])
    except Exception as e:
        raise InputError(f"{name}: cannot render page {index + 1} for OCR ({e})") from None


def _ocr_page(image, name: str, deadline: float):
    return ocr.reading_order(ocr.recognise(image, name, deadline))


def _ascii_word_end(s: str) -> bool:
    return bool(s) and s[-1].isascii() and s[-1].isalpha()


def _join_pages(pages: list[list], name: str, join_lines: bool = False) -> tuple[str, tuple[Origin, ...]]:
    """One text from per-page lines, paragraphs split by a blank line.

    Lines of a paragraph are joined (``join_lines``: a text layer, whose line breaks are only
    wrapping) or kept one a line (OCR, where a box boundary may be a real break the repair step
    judges). A paragraph that runs over a page break stays one paragraph. Each line gets an Origin
    with its page and box, stretched over the breaks after it so the origins cover the text.
    """
    parts: list[str] = []
    spans: list[tuple[int, int, int, tuple | None]] = []
    pos = 0
    for number, lines in enumerate(pages, start=1):
        pending = ""
        for ln in lines:
            if ln.box is None:
                pending = "\n\n" if parts else ""
                continue
            if parts and not pending:
                continuing = number == spans[-1][2] or not (parts[-1].endswith(SENTENCE_END)
                                                            or _LINE_START_HEADING.match(ln.text))
                pending = "\n" if continuing else "\n\n"
                if continuing and join_lines:
                    pending = " " if _ascii_word_end(parts[-1]) and _ascii_word_end(ln.text[:1]) else ""
            parts.append(pending)
            pos += len(pending)
            pending = ""
            parts.append(ln.text)
            spans.append((pos, pos + len(ln.text), number, ln.box))
            pos += len(ln.text)
    text = "".join(parts)
    if not text.strip():
        raise InputError(f"{name}: no text found (an image without text, or an empty document)")
    origins = [Origin(s, spans[i + 1][0] if i + 1 < len(spans) else len(text), page, box)
               for i, (s, _, page, box) in enumerate(spans)]
    return text, tuple(origins)


__all__ = ["load", "load_bytes", "load_stream", "load_text", "decode", "html_text", "sniff", "not_regular", "Limits",
           "DOCUMENT_SECONDS"]
