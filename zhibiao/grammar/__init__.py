"""The extraction grammar: named steps over a document prepared once.

``prepare`` readies a document (repair or normalization, metadata, outline,
layout recovery); ``pipeline`` walks its working text and runs the steps
quantities → exclusions → metric → distribution → kind → modifier → status →
period on each value, then ``ground`` maps spans to the original text. Each
step returns what it decided and the named rule that decided it: the record's
trace.
"""
from .pipeline import extract, extract_document, iter_indicators

__all__ = ["extract", "extract_document", "iter_indicators"]
