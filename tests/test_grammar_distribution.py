"""Step 4, distribution: one metric per value of a list, on invented sentences of an invented city."""
import pytest

from zhibiao import extract
from zhibiao.grammar import distribution
from zhibiao.lexicon import language
from zhibiao.repair import is_word


def metrics(text):
    return [(r.metric, r.value) for r in extract(text)]


@pytest.mark.parametrize("text, expected", [
    # parallel items take the head written after the last one, in clean text
    ("城镇、农村常住居民人均可支配收入分别增长4.7%、6.2%。",
     [("城镇常住居民人均可支配收入", 4.7), ("农村常住居民人均可支配收入", 6.2)]),
    ("茶叶、竹笋、蜂蜜出口分别增长12%、8.5%、20%。",
     [("茶叶出口", 12), ("竹笋出口", 8.5), ("蜂蜜出口", 20)]),
    ("电子、材料产业增加值分别增长13.5%、9%。", [("电子产业增加值", 13.5), ("材料产业增加值", 9)]),
    ("铜、锌产量分别增长7%、3%。", [("铜产量", 7), ("锌产量", 3)]),
    # items that share characters with the last item keep the head after them
    ("高技术制造业、装备制造业增加值分别增长9.1%、7.4%。",
     [("高技术制造业增加值", 9.1), ("装备制造业增加值", 7.4)]),
    # ordinal lists, with and without 第
    ("第一、二、三产业增加值分别增长3.2%、5.5%和6.1%。",
     [("第一产业增加值", 3.2), ("第二产业增加值", 5.5), ("第三产业增加值", 6.1)]),
    ("一、二、三产业增加值分别增长2.9%、4.4%和5.8%。",
     [("一产业增加值", 2.9), ("二产业增加值", 4.4), ("三产业增加值", 5.8)]),
    # compound heads split into their parts
    ("城乡居民人均可支配收入分别增长4.5%和6.8%。", [("城镇居民人均可支配收入", 4.5), ("农村居民人均可支配收入", 6.8)]),
    ("存贷款余额分别增长8%、10%。", [("存款余额", 8), ("贷款余额", 10)]),
    ("一般公共预算收支分别为300亿元、520亿元。", [("一般公共预算收入", 3e10), ("一般公共预算支出", 5.2e10)]),
    # an item that names its own metric, or an open list (…等), is left as written
    ("研发投入、专利授权量分别增长11%、6%。", [("研发投入", 11), ("专利授权量", 6)]),
    ("货物出口值、旅游接待量分别增长11%、6%。", [("货物出口值", 11), ("旅游接待量", 6)]),
])
def test_items_of_a_list_get_the_shared_head(text, expected):
    assert metrics(text) == expected


def test_a_shared_qualifier_reaches_the_items_after_the_first():
    rows = metrics("青川市建成市级以上示范农场40个、示范牧场15个。")
    assert rows[1] == ("市级以上示范牧场", 15)
    assert rows[0][0].endswith("市级以上示范农场")


def test_an_autonomous_region_qualifier_is_shared_whole():
    assert metrics("建成自治区级以上示范农场40个、示范牧场15个。")[1] == ("自治区级以上示范牧场", 15)


def test_a_qualifier_is_not_invented_where_none_is_written():
    assert metrics("新建学校5所、医院3家。")[1][0] == "医院"


def test_a_modifier_after_the_last_value_qualifies_that_value_alone():
    rows = extract("粮食、油料产量分别达到120万吨、30万吨左右。")
    assert [(r.metric, r.modifier) for r in rows] == [("粮食产量", "exact"), ("油料产量", "approx")]
    rows = extract("甲、乙两县财政收入分别增长6%、9%以上。")
    assert [r.modifier for r in rows] == ["exact", "at_least"]


def test_the_trace_names_the_pairing_rule():
    (first, _) = extract("城乡居民人均可支配收入分别增长4.5%和6.8%。")
    assert ("metric", "distribution", "compound_head") in first.trace
    rows = extract("建成市级以上示范农场40个、示范牧场15个。")
    assert ("metric", "distribution", "qualifier_shared_by_items") in rows[1].trace


@pytest.mark.parametrize("items, expected", [
    (["城镇", "农村居民收入"], ["城镇居民收入", "农村居民收入"]),
    (["第一", "二", "三产业"], ["第一产业", "第二产业", "第三产业"]),
    (["肉牛", "羊肉等"], ["肉牛", "羊肉等"]),
    (["小麦", "稻谷最低收购价分别"], ["小麦最低收购价", "稻谷最低收购价分别"]),
])
def test_complete_heads(items, expected):
    assert distribution.complete_heads(items, is_word, language()) == expected


def test_carried_metrics_pair_in_order():
    assert distribution.carried(["甲", "乙", "丙"], 2) == (["乙", "丙"], "carried_in_order")
    assert distribution.carried(["甲"], 3) == (["甲", "甲", "甲"], "carried_last")


@pytest.mark.parametrize("text, expected", [
    # a 合计 total over a list keeps the whole list
    ("茶叶、竹笋、蜂蜜出口合计增长15%。", [("茶叶、竹笋、蜂蜜出口", 15)]),
    # a list item never takes a piece of the clause before
    ("新建学校5所，医院、养老院合计12家。", [("新建学校", 5), ("医院、养老院", 12)]),
])
def test_a_total_over_a_list_keeps_the_list(text, expected):
    assert metrics(text) == expected
