"""Paragraphs, sentences and clauses as offset ranges."""
from zhibiao import segment


def test_paragraphs_skip_blank_lines():
    text = "甲乙。\n\n丙丁。\n戊"
    assert [text[s:e] for s, e in segment.paragraphs(text)] == ["甲乙。", "丙丁。", "戊"]


def test_sentences_end_at_full_stops_and_semicolons():
    text = "甲增长5%；乙增长6%。丙"
    assert [text[s:e] for s, e in segment.sentences(text, 0, len(text))] == ["甲增长5%；", "乙增长6%。", "丙"]


def test_clause_bounds():
    text = "甲达到5亿元，增长6%。"
    assert segment.clause_start(text, text.index("6"), 0) == text.index("增")
    assert segment.clause_end(text, text.index("亿"), len(text)) == text.index("，")
