"""Read a file into a ``Document``: its text as loaded, where each part came from, and metadata."""
from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .records import Document


def load_text(text: str, source: str | None = None) -> Document:
    return Document(text=text, source=source, format="txt")


def load(path: str | Path) -> Document:
    """Load a UTF-8 text file (other formats arrive with the documents issue)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: not a text file (binary content)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not valid UTF-8 text") from None
    return Document(text=text, source=str(path), format="txt")
