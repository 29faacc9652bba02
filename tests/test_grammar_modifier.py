"""The modifier step: 超, 约, 近, 以上 next to a value qualify it and are no part of its metric (invented sentences)."""
import pytest

from zhibiao import extract


def modifiers(text):
    return [(r.metric, r.value, r.modifier) for r in extract(text)]


MODIFIERS = [
    ("超 before the value", "全市新能源汽车保有量超30万辆。", [("新能源汽车保有量", 300000.0, "more_than")]),
    ("超过 before the value", "全市森林覆盖率超过60%。", [("森林覆盖率", 60.0, "more_than")]),
    ("约 before the value", "全市研发投入强度约2.6%。", [("研发投入强度", 2.6, "approx")]),
    ("近 before the value", "全市常住人口近300万人。", [("常住人口", 3000000.0, "approx")]),
    ("以上 after the value", "全市规上工业企业达到1200家以上。", [("规上工业企业", 1200.0, "at_least")]),
    ("约为 before a 分别 list: every value of it", "全市一产、二产增加值分别约为5%、6%。",
     [("一产增加值", 5.0, "approx"), ("二产增加值", 6.0, "approx")]),
    ("超过 before a pair with no 分别: every value of it", "全市自来水、户厕普及率超过97%、86%。",
     [("自来水普及率", 97.0, "more_than"), ("户厕普及率", 86.0, "more_than")]),
    ("左右 after a 分别 list: its last value alone", "全市一产、二产增加值分别增长5%、6%左右。",
     [("一产增加值", 5.0, "exact"), ("二产增加值", 6.0, "approx")]),
    ("one modifier per value of a list", "全市城镇新增就业超3万人、农村劳动力转移就业近20万人。",
     [("城镇新增就业", 30000.0, "more_than"), ("农村劳动力转移就业", 200000.0, "approx")]),
    ("或者更多一些 after the value: at least", "全市基本建设投资增长8%或者更多一些。", [("基本建设投资", 8.0, "at_least")]),
    ("多 after 倍: more than", "全市出口五年增长2倍多。", [("出口", 2.0, "more_than")]),
    ("多 after 倍 of a Chinese numeral", "全市粮食产量增长三倍多。", [("粮食产量", 3.0, "more_than")]),
    ("多 after 一倍", "全市进口增长一倍多。", [("进口", 1.0, "more_than")]),
    ("达到或者超过 before the value: at least (langn9)", "甲县棉花的每亩平均产量已经达到或者超过了一百二十斤。",
     [("甲县棉花的每亩平均产量", 120.0, "at_least")]),
    ("超过了 before the value: 了 links it (langn9)", "全市农民人均收入超过了3000元。", [("农民人均收入", 3000.0, "more_than")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in MODIFIERS], ids=[c[0] for c in MODIFIERS])
def test_modifier(text, expected):
    assert modifiers(text) == expected


@pytest.mark.parametrize("text, rule", [
    ("全市常住人口近300万人。", "word_before_value"),
    ("全市规上工业企业达到1200家以上。", "word_after_value"),
    ("全市粮食产量1100多万吨。", "word_inside_value"),
])
def test_the_rule_is_in_the_trace(text, rule):
    assert ("modifier", "modifier", rule) in extract(text)[0].trace


WHOLE_WORDS = [
    ("约 closing 条约", "全市缔结国际条约15个。", [("缔结国际条约", 15.0, "exact")]),
    ("约 closing 节约", "全市节约用水支出1亿元。", [("节约用水支出", 1e8, "exact")]),
    ("约 closing 节约, before the value", "全市每年节约1亿元。", [("节约", 1e8, "exact")]),
    ("约 after a metric is a modifier", "全市国际航线约15条。", [("国际航线", 15.0, "approx")]),
    ("多 inside 个多百分点", "全市出口份额提高3个多百分点。", [("出口份额", 3.0, "more_than")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in WHOLE_WORDS], ids=[c[0] for c in WHOLE_WORDS])
def test_a_modifier_word_is_a_whole_word(text, expected):
    assert modifiers(text) == expected


def test_more_inside_the_unit_is_its_modifier_and_the_unit_is_points():
    [record] = extract("全市出口份额提高3个多百分点。")
    assert (record.unit, record.value_text) == ("百分点", "3个多百分点")
    assert ("modifier", "modifier", "word_inside_value") in record.trace
