"""The number language: what is a quantity, its value in base units, unit and qualifier."""
import pytest

from zhibiao.numbers import chinese_to_number, quantities
from zhibiao.repair import normalize


def one(text):
    work = normalize(text).text
    found = quantities(work)
    assert len(found) == 1, [q.span.text for q in found]
    return found[0]


@pytest.mark.parametrize("text, value, value_max, unit, modifier", [
    ("增长6.2%", 6.2, None, "%", "exact"),
    ("达到２４５６．５亿元", 245650000000.0, None, "元", "exact"),
    ("收入1,256元", 1256.0, None, "元", "exact"),
    ("总量4.3万亿元", 4.3e12, None, "元", "exact"),
    ("产量1.2万亿斤", 1.2e12, None, "斤", "exact"),
    ("投资千亿元", 1e11, None, "元", "exact"),
    ("投入3百万元", 3e6, None, "元", "exact"),
    ("惠及2300多万人次", 23000000.0, None, "人次", "more_than"),
    ("帮扶4000余户", 4000.0, None, "户", "more_than"),
    ("人口近9亿人", 9e8, None, "人", "approx"),
    ("约320亿元", 32000000000.0, None, "元", "approx"),
    ("增长7%左右", 7.0, None, "%", "approx"),
    ("接近30%", 30.0, None, "%", "approx"),
    ("1000万人以上", 1e7, None, "人", "at_least"),
    ("不低于85%", 85.0, None, "%", "at_least"),
    ("超过500家", 500.0, None, "家", "more_than"),
    ("突破2万辆", 20000.0, None, "辆", "more_than"),
    ("逾300项", 300.0, None, "项", "more_than"),
    ("控制在4.5%以内", 4.5, None, "%", "at_most"),
    ("不超过3%", 3.0, None, "%", "at_most"),
    ("不到10%", 10.0, None, "%", "less_than"),
    ("低于2%", 2.0, None, "%", "less_than"),
    ("增长6%－6.5%", 6.0, 6.5, "%", "range"),
    ("增长5%至6%", 5.0, 6.0, "%", "range"),
    ("增长6.5%—7%", 6.5, 7.0, "%", "range"),
    ("提高0.8个百分点", 0.8, None, "百分点", "exact"),
    ("增长1.5倍", 1.5, None, "倍", "exact"),
    ("增加两倍", 2.0, None, "倍", "exact"),
    ("收入翻一番", 1.0, None, "倍", "exact"),
    ("两次下调利率", 2.0, None, "次", "exact"),
    ("六千万人次", 6e7, None, "人次", "exact"),
    ("一千二百万人", 1.2e7, None, "人", "exact"),
    ("其他为四亿六千万元", 4.6e8, None, "元", "exact"),
    ("钢四十二万七千吨", 427000.0, None, "吨", "exact"),
    ("十四亿人", 1.4e9, None, "人", "exact"),
    ("增长百分之九点七", 9.7, None, "%", "exact"),
    ("下降超过五成", 50.0, None, "%", "more_than"),
    ("惠及上千万家庭", 1e7, None, "", "more_than"),
    ("里程3235公里", 3235.0, None, "公里", "exact"),
    ("面积4.8万平方千米", 48000.0, None, "平方公里", "exact"),
    ("延长至72小时", 72.0, None, "小时", "exact"),
    ("优良天数达到301天", 301.0, None, "天", "exact"),
    ("装机3.7亿千瓦", 3.7e8, None, "千瓦", "exact"),
    ("减少1386万", 13860000.0, None, "", "exact"),
], ids=lambda v: v if isinstance(v, str) and not v.isascii() else None)
def test_quantity(text, value, value_max, unit, modifier):
    q = one(text)
    assert q.value == pytest.approx(value)
    assert q.value_max == (pytest.approx(value_max) if value_max else None)
    assert (q.unit, q.modifier) == (unit, modifier)


@pytest.mark.parametrize("text", [
    "2019年", "4月15日", "连续9个月", "五年来", "第26届", "5G网络", "PM2.5浓度", "6号线", "“十四五”",
    "三大攻坚战", "八项行动计划", "70周年", "一批项目", "一次性补助", "三次产业", "万吨级码头",
    "比例为6.6:40.2:53.2", "千千万万个家庭", "C919大飞机", "10多年", "讨论了三天",
], ids=str)
def test_not_a_quantity(text):
    assert quantities(normalize(text).text) == []


def test_span_covers_modifiers_and_unit():
    work = normalize("外汇储备超过3.2万亿美元，增长5%左右").text
    assert [q.span.text for q in quantities(work)] == ["超过3.2万亿美元", "5%左右"]


@pytest.mark.parametrize("numeral, value", [
    ("十四", 14), ("三千二百", 3200), ("两", 2), ("九点七", 9.7), ("千", 1000), ("一百零五", 105), ("二十", 20),
], ids=str)
def test_chinese_numerals(numeral, value):
    assert chinese_to_number(numeral) == pytest.approx(value)


@pytest.mark.parametrize("numeral", ["千千", "十十", "abc"], ids=str)
def test_not_chinese_numerals(numeral):
    assert chinese_to_number(numeral) is None
