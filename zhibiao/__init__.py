"""zhibiao: source-grounded quantitative indicators from Chinese government work reports."""
from .errors import ZhibiaoError
from .grammar import extract, extract_document
from .records import Document, Indicator, Quantity, Span

__all__ = ["extract", "extract_document", "Database", "Document", "Indicator", "Quantity", "Span", "ZhibiaoError"]
__version__ = "0.1.0"


def __getattr__(name: str):
    """``zhibiao.Database`` on first use, so importing zhibiao does not load DuckDB and pandas."""
    if name == "Database":
        from .store import Database

        return Database
    raise AttributeError(f"module 'zhibiao' has no attribute {name!r}")
