"""zhibiao: source-grounded quantitative indicators from Chinese government work reports."""
from .errors import ZhibiaoError
from .extract import extract, extract_document
from .records import Document, Indicator, Quantity, Span

__all__ = ["extract", "extract_document", "Document", "Indicator", "Quantity", "Span", "ZhibiaoError"]
__version__ = "0.1.0"
