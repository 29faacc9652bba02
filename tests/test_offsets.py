"""OffsetMap: working-text offsets back to the original, for any deletions."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhibiao.offsets import OffsetMap


def _delete(text: str, deletions: list[tuple[int, int]]) -> str:
    keep = [True] * len(text)
    for s, e in deletions:
        keep[s:e] = [False] * (e - s)
    return "".join(c for c, k in zip(text, keep) if k)


@st.composite
def texts_with_deletions(draw):
    text = draw(st.text(alphabet="青川市增长 \n\u200b0123456789.%万亿", max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12, unique=True)))
    pairs = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts) - 1, 2) if cuts[k] < cuts[k + 1]]
    return text, pairs


@pytest.mark.parametrize("length,deletions,working,original", [
    (10, [], 3, 3),
    (10, [(0, 2)], 0, 2),
    (10, [(2, 4)], 1, 1),
    (10, [(2, 4)], 2, 4),
    (10, [(2, 4), (5, 6)], 3, 6),
    (10, [(2, 4), (4, 6)], 2, 6),
], ids=["identity", "leading", "before-gap", "after-gap", "two-gaps", "adjacent-gaps"])
def test_original(length, deletions, working, original):
    assert OffsetMap.from_deletions(length, deletions).original(working) == original


def test_empty_span_maps_to_a_point():
    assert OffsetMap.from_deletions(5, [(1, 3)]).span(1, 1) == (3, 3)


@given(texts_with_deletions())
def test_every_working_character_maps_to_itself(case):
    text, deletions = case
    working = _delete(text, deletions)
    m = OffsetMap.from_deletions(len(text), deletions)
    assert all(text[m.original(i)] == ch for i, ch in enumerate(working))
    assert m.deletions() == [d for d in deletions if d[0] < d[1]]


@given(texts_with_deletions(), st.data())
def test_span_covers_exactly_the_kept_characters(case, data):
    text, deletions = case
    working = _delete(text, deletions)
    m = OffsetMap.from_deletions(len(text), deletions)
    s = data.draw(st.integers(0, len(working)))
    e = data.draw(st.integers(s, len(working)))
    os, oe = m.span(s, e)
    inner = [(max(a, os), min(b, oe)) for a, b in deletions if max(a, os) < min(b, oe)]
    assert _delete(text[os:oe], [(a - os, b - os) for a, b in inner]) == working[s:e]


@given(texts_with_deletions(), st.data())
def test_compose_equals_one_map(case, data):
    text, first = case
    middle = _delete(text, first)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(middle)), max_size=6, unique=True)))
    second = [(cuts[k], cuts[k + 1]) for k in range(0, len(cuts) - 1, 2) if cuts[k] < cuts[k + 1]]
    final = _delete(middle, second)
    both = OffsetMap.from_deletions(len(text), first).compose(OffsetMap.from_deletions(len(middle), second))
    assert all(text[both.original(i)] == ch for i, ch in enumerate(final))


# --- Reordered: pieces of a working text put in another order (a two-column page read column by column) ---

from zhibiao.offsets import Reordered  # noqa: E402

#           0123456789
_SOURCE = "甲乙丙丁12戊己34"
_PIECES = [(0, 2), (6, 8), " ", (2, 6), (8, 10)]  # 甲乙 戊己 ␠ 丙丁12 34


def _reordered(inner: OffsetMap = OffsetMap(length=len(_SOURCE))) -> tuple[str, Reordered]:
    text = "".join(p if isinstance(p, str) else _SOURCE[p[0]:p[1]] for p in _PIECES)
    return text, Reordered.of(_PIECES, inner)


@pytest.mark.parametrize("working,original", [(0, 0), (1, 1), (2, 6), (3, 7), (4, 2), (5, 2), (8, 5), (9, 8)],
                         ids=["first", "in-first", "moved", "in-moved", "separator", "after-separator",
                              "piece-end", "last-piece"])
def test_reordered_original(working, original):
    assert _reordered()[1].original(working) == original


def test_reordered_range_in_one_piece_is_that_piece_of_the_original():
    text, m = _reordered()
    assert text[5:9] == "丙丁12" and m.span(5, 9) == (2, 6)


def test_reordered_range_across_pieces_covers_them_and_leads_with_its_first():
    text, m = _reordered()
    assert text[1:3] == "乙戊" and m.span(1, 3) == (1, 7) and m.leading(1, 3) == (1, 2)


def test_reordered_keeps_the_inner_deletions():
    inner = OffsetMap.from_deletions(len(_SOURCE) + 1, [(3, 4)])  # the working text lost one character at 3
    _, m = _reordered(inner)
    assert m.original(5) == 2 and m.original(6) == 4 and m.span(5, 9) == (2, 7)


def test_reordered_breaks_are_the_joins_and_the_inner_gaps():
    inner = OffsetMap.from_deletions(len(_SOURCE) + 1, [(3, 4)])
    assert _reordered(inner)[1].breaks == (2, 4, 5, 6, 9)
