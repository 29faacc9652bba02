"""The kind step: a level or a change, on sentences invented for the tests (青川市, invented numbers)."""
import pytest

from zhibiao import extract


def kinds(text):
    return [(r.metric, r.value, r.unit, r.kind, r.direction) for r in extract(text)]


KINDS = [
    ("a change verb", "全市粮食产量增长2.1%。", [("粮食产量", 2.1, "%", "change", "up")]),
    ("a verb to a level", "全市森林覆盖率提高到52%。", [("森林覆盖率", 52.0, "%", "level", None)]),
    ("a rate word moves the metric", "全市居民消费价格涨幅控制在3%。", [("居民消费价格", 3.0, "%", "change", "up")]),
    ("增长N倍 is a change in 倍", "全市工业产值增长2.5倍。", [("工业产值", 2.5, "倍", "change", "up")]),
    ("翻一番 is a change up of 1 倍", "全市经济总量实现翻一番。", [("经济总量", 1.0, "倍", "change", "up")]),
    ("翻一番 after a comparison frame", "全市城乡居民收入比2020年翻一番。",
     [("城乡居民收入", 1.0, "倍", "change", "up")]),
    ("翻两番 is up 3 倍", "全市进出口总额翻两番。", [("进出口总额", 3.0, "倍", "change", "up")]),
    ("a gap to a reference is a level in points", "全市规上工业增加值增长6.8%，增速高于全国0.6个百分点。",
     [("规上工业增加值", 6.8, "%", "change", "up"), ("规上工业增加值增速高于全国", 0.6, "百分点", "level", None)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in KINDS], ids=[c[0] for c in KINDS])
def test_kind(text, expected):
    assert kinds(text) == expected


def test_the_written_change_is_in_the_trace():
    [record] = extract("全市经济总量实现翻一番。")
    assert ("kind", "kind", "value_written_as_change") in record.trace
