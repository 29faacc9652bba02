"""Step 8, period: years written in numerals read as years in digits do, on invented sentences of 青川市."""
import pytest

from zhibiao import extract
from zhibiao.numbers import year_number


def periods(text, year):
    return [(r.value_text, str(r.period), dict(r.to_dict()["trace"])["period"][0].removeprefix("period.")) for r in extract(text, year=year)]


@pytest.mark.parametrize("text, year, expected", [
    ("一九五七年青川市钢产量达到十七万吨。", 1958,
     [("十七万吨", "1957", "year_written_before")]),
    ("一九八二年同一九七八年相比，青川市工业总产值增长百分之三十。", 1983,
     [("百分之三十", "1979-1982", "years_compared")]),
    ("青川市工业总产值比一九五二年增长两倍。", 1958,
     [("两倍", "1953-1957", "since_a_year")]),
    ("到二〇〇〇年，青川市粮食产量要达到九十万吨。", 1986,
     [("九十万吨", "2000", "by_year")]),
    ("到二○○○年，青川市粮食产量要达到九十万吨。", 1986,  # ○, the circle some texts write for 〇
     [("九十万吨", "2000", "by_year")]),
    ("青川市今年粮食产量要达到九十万吨。", 1986,  # no year written: the report's
     [("九十万吨", "1986", "report_year")]),
    ("青川市工业总产值比一九五七年增加八十亿元。", 1958,  # since the year reviewed: no years between
     [("八十亿元", "1957", "report_year")]),
    ("青川市工业总产值比2025年增加80亿元。", 2026,
     [("80亿元", "2025", "report_year")]),
    ("青川市技术人员达到一万七千人，比一九五二年的五千八百人增长两倍。", 1958,
     [("一万七千人", "1957", "report_year"), ("五千八百人", "1952", "year_of_amount"),
      ("两倍", "1953-1957", "since_a_year")]),
    ("青川市工业产值为2002年的2.9倍，比2002年的120亿元增加230亿元。", 2009,  # a ratio to the year: the year's own
     [("2.9倍", "2008", "report_year"), ("120亿元", "2002", "year_of_amount"), ("230亿元", "2003-2008", "since_a_year")]),
    ("一九八二年同一九七八年相比，青川市零售总额由十五亿元增加到二十五亿元，增长百分之六十六。", 1983,
     [("十五亿元", "1978", "level_of_years_compared"), ("二十五亿元", "1982", "level_of_years_compared"),
      ("百分之六十六", "1979-1982", "years_compared")]),
    ("2022年同2017年相比，青川市城镇居民收入增加910元，达到1826元。", 2023,
     [("910元", "2018-2022", "years_compared"), ("1826元", "2022", "level_of_years_compared")]),
], ids=["written before", "compared with", "since", "by a year", "by a year with ○", "none written",
        "since the year reviewed", "since the year reviewed in digits", "a base amount's year", "a ratio to a year",
        "levels of years compared", "a change and a level of years compared"])
def test_years_in_numerals(text, year, expected):
    assert periods(text, year) == expected


@pytest.mark.parametrize("text, year", [("2025", 2025), ("一九五七", 1957), ("二〇〇四", 2004), ("二○○一", 2001),
                                        ("二零零四", 2004), ("二〇 二六", 2026)])
def test_a_year_is_read_digit_by_digit(text, year):
    assert year_number(text) == year


def test_a_span_of_this_years_months_is_of_the_report_year():
    text = "一、过去一年的工作\n\n全市生产总值增长5%。\n\n二、今年的主要任务\n\n今年1至9月全市安排了4.7万人就业。\n"
    assert [p for p in periods(text, 1981) if p[0] == "4.7万人"] == [("4.7万人", "1981", "months_of_this_year")]



@pytest.mark.parametrize("text", ["今年上半年，青川市工业产值又比去年同期增长24%。", "今年第一季度，青川市工业生产比去年同期增长12%。"])
def test_a_part_of_this_year_gone_by_is_of_the_reports_year(text):
    """langn8: the months gone by are the report's own year's, though the value is a fact."""
    assert [p[1:] for p in periods(text, 1980)] == [("1980", "part_of_this_year")]


@pytest.mark.parametrize("text", [
    "青川市甲产品产量比2029年的5.8万吨增加到7万吨。",  # the year of an amount
    "2030年青川市新增甲产业园12个，到2035年达到30个。",  # a year before, by a year
    "2030年与2025年相比，青川市甲产品产量由200万吨增加到300万吨。",  # years compared
    "青川市新增甲产业园12个，乙产业园达到30个。",  # none of their characters
    "青川市" + "甲产品产量稳定增长，" * 40 + "2030年新增甲产业园12个，乙产业园达到30个。",  # a long sentence
])
def test_the_year_rules_read_only_a_prefix_that_holds_their_characters(text):
    """The four rules of a year written are skipped where no character they need stands before the value:
    the same periods as with every rule read."""
    from dataclasses import replace

    from zhibiao.grammar import period
    from zhibiao.lexicon import language

    lang = language()
    gated = periods(text, 2031)
    lang._compiled[period._prefiltered] = replace(period.patterns(lang), year_cues=None)
    try:
        assert periods(text, 2031) == gated
    finally:
        del lang._compiled[period._prefiltered]
