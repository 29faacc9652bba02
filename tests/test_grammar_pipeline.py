"""Record building in grammar.pipeline: how far a count's noun reaches, and the unit a noun names."""
from __future__ import annotations

import pytest

import zhibiao
from zhibiao.grammar.pipeline import _noun_unit
from zhibiao.lexicon import language


def _metrics(text: str) -> dict[str, str]:
    return {r.value_text: r.metric for r in zhibiao.extract(text)}


# A count's noun may hold the next count (there the items are parted) but never runs on through another.
@pytest.mark.parametrize("text, value, metric", [
    ("青川市建成12个产业园区和30个孵化基地及5个物流中心。", "12个", "青川市产业园区"),  # parted at 和
    ("青川市培育15家龙头企业带动农户2万户增收3亿元。", "15家", "青川市龙头企业带动农户2万户增收"),
])
def test_a_counts_noun_holds_one_count_at_most(text, value, metric):
    assert _metrics(text)[value] == metric


def test_a_run_of_counts_before_nouns_of_numbers_keeps_each_metric_short():
    records = zhibiao.extract("6亿一" * 400)
    assert len(records) == 400
    assert max(len(r.metric) for r in records) <= len("一一6亿一")  # the word before, the noun up to the next count


@pytest.mark.parametrize("phrase, first, unit", [
    ("企业和农户", True, "家"),  # the first noun after the value
    ("企业和农户", False, "户"),  # the last noun before it
    ("接待游客和旅客", False, "人次"),
    ("带动就业", True, "人"),
    ("青川市地区生产总值", True, ""),
    ("", False, ""),
])
def test_the_unit_a_noun_names(phrase, first, unit):
    assert _noun_unit(phrase, language(), first=first) == unit
