"""Paragraphs, sentences, clauses and windows as offset ranges."""
import pytest

from zhibiao import segment
from zhibiao.segment import Breaks


def test_paragraphs_skip_blank_lines():
    text = "甲乙。\n\n丙丁。\n戊"
    assert [text[s:e] for s, e in segment.paragraphs(text)] == ["甲乙。", "丙丁。", "戊"]


def test_sentences_end_at_full_stops_and_semicolons():
    text = "甲增长5%；乙增长6%。丙"
    assert [text[s:e] for s, e in segment.sentences(text, 0, len(text))] == ["甲增长5%；", "乙增长6%。", "丙"]


@pytest.mark.parametrize("text, at, start, end", [
    ("甲达到5亿元，增长6%。", "6", "增", "。"),
    ("甲达到5亿元，增长6%。", "5", "甲", "，"),
    ("甲：乙增长6%", "6", "乙", None),
])
def test_clause_bounds(text, at, start, end):
    breaks = Breaks.of(text)
    i = text.index(at)
    assert breaks.clause_start(i, 0) == text.index(start)
    assert breaks.clause_end(i, len(text)) == (text.index(end) if end else len(text))


def test_clause_bounds_keep_to_their_limits():
    text = "甲，乙丙丁，戊"
    breaks = Breaks.of(text)
    assert breaks.clause_start(4, 3) == 3 and breaks.clause_end(3, 4) == 4


def test_long_sentences_are_cut_in_windows_after_a_break_and_never_inside_a_value():
    text = "甲" * 900 + "，" + "乙" * 500 + "12345" + "丙" * 800
    value = (1401, 1406)
    windows = list(Breaks.of(text).cut(0, len(text), [value], size=1000))
    assert windows[0] == (0, 901)  # after the comma
    assert all(not (s < value[0] < e < value[1]) for s, e in windows)
    assert windows[-1][1] == len(text) and all(a[1] == b[0] for a, b in zip(windows, windows[1:]))
    assert all(e - s <= 1000 + 5 for s, e in windows)


def test_a_hard_cut_moves_past_the_value_it_would_split():
    text = "甲" * 998 + "12345" + "乙" * 600
    windows = list(Breaks.of(text).cut(0, len(text), [(998, 1003)], size=1000))
    assert windows == [(0, 1003), (1003, len(text))]
