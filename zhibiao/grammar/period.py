"""Step 8, period: the year or years a value is of.

A year written right before it, a comparison with an earlier year (比2002年增长), a number
of years (十年…年均增长), an average annual rate (five years, the span of a plan), else
the year reviewed or, for a target, the report's year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..numbers import chinese_to_number, year_number
from ..records import Period
from .window import Window



@dataclass(frozen=True)
class Patterns:
    year_before: re.Pattern
    year_of_amount: re.Pattern  # a year and its 的 right before an amount (比1952年的|5.8万人)
    by_year: re.Pattern
    compared: re.Pattern
    since: re.Pattern
    years: re.Pattern
    average: re.Pattern
    plan: re.Pattern  # a heading about a five-year plan
    five_years: re.Pattern
    months_span: re.Pattern  # 今年1至9月: months of the report's own year gone by
    month: str  # the word every span of months holds: a sentence without it is read no further for one
    part_gone: re.Pattern  # 今年上半年, 今年第一季度: a part of the report's own year gone by
    year_cues: str | None = None  # characters one of which the prefix of a value the four year rules date holds


def _build(lang) -> Patterns:
    alt = lambda key: lang.pattern("period", key)
    _YEAR = rf"((?:19|20)[0-9]{{2}}|{lang.raw['year_in_numerals']})年"  # 2025年, 一九五七年, 二〇〇四年
    return Patterns(
        year_before=re.compile(rf"(?<![{''.join(lang.words('period', 'not_before_year'))}]){_YEAR}"
                               rf"{lang.raw['possessive']}?[^，,。；;0-9]{{0,12}}$"),
        year_of_amount=re.compile(rf"{_YEAR}{lang.raw['possessive']}$"),
        by_year=re.compile(rf"(?:{alt('by_year')}){_YEAR}"),
        compared=re.compile(rf"{_YEAR}(?:{alt('compared')}){_YEAR}(?:{alt('compared_ends')})"),
        since=re.compile(rf"(?:{alt('since')}){_YEAR}"),
        years=re.compile(rf"(?<![0-9第〇○零一二三四五六七八九十两])([0-9]{{1,2}}|[两二三四五六七八九十]{{1,3}})年(?:{alt('years_after')})"),
        average=re.compile(alt("average")),
        plan=re.compile("|".join(lang.words("period", "plan_patterns"))),
        five_years=re.compile(lang.pattern("five_years")),
        months_span=re.compile(lang.raw["months_span"]), month=lang.raw["month"],
        part_gone=re.compile(lang.raw["part_of_year_gone"]),
    )


def patterns(lang) -> Patterns:
    return lang.compiled(_prefiltered)


def _prefiltered(lang) -> Patterns:
    """The years before a value searched only where 年, which each of their matches holds, stands; and the
    characters the four rules of a year written (of an amount, before, by a year, years compared) need: a
    prefix without any of them is read by none of those rules."""
    from dataclasses import replace

    from ..lexicon import prefiltered, required_chars

    g = _build(lang)
    needs = [required_chars(p) for p in (g.year_of_amount, g.year_before, g.by_year, g.compared)]
    return replace(g, year_before=prefiltered(g.year_before), year_of_amount=prefiltered(g.year_of_amount),
                   year_cues=None if None in needs else "".join(sorted(frozenset().union(*needs))))


_YEAR_BEFORE_REACH = 20  # the longest a year written before its value stands from it (2025年底的…)


def decide(lang, year: int | None, status: str, win: Window, end: int,
           five_years: bool = False, unit: str | None = None, kind: str | None = None) -> tuple[Period | None, str]:
    """The period and the rule that set it; ``win.text[:end]`` is the sentence up to the value."""
    g = patterns(lang)
    amount = unit not in lang.words("rate_units")
    dated = g.year_cues is None or win.holds(g.year_cues, end)  # one look for the four below
    if dated and amount and (m := g.year_of_amount.search(win.text, max(0, end - 8), end)):
        y = year_number(m.group(1))  # 比1952年的5.8万人: the base's own year, even after 比 (not 为1997年的2.9倍: a ratio)
        return Period(y, y), "year_of_amount"
    if dated and (m := g.year_before.search(win.text, max(0, end - _YEAR_BEFORE_REACH), end)):
        y = year_number(m.group(1))
        return Period(y, y), "year_written_before"
    if dated and (m := win.first(g.by_year, 0, end)):
        return Period(year_number(m.group(1)), year_number(m.group(1))), "by_year"
    if dated and (m := win.first(g.compared, 0, end)):
        later, earlier = sorted(map(year_number, m.groups()), reverse=True)
        if amount and kind == "level":  # 2020年与2015年相比，…由200亿元增加到300亿元: the base is the earlier's
            y = earlier if win.text[:end].endswith(tuple(lang.words("base_openers"))) else later
            return Period(y, y), "level_of_years_compared"
        return Period(earlier + 1, later), "years_compared"
    if year is None:
        return None, "no_report_year"
    if win.text.find(g.month, 0, end) >= 0 and (m := win.first(g.months_span, 0, end)) and m.group("this_year"):
        return Period(year, year), "months_of_this_year"  # 今年1至9月安排了…: this year's months gone by
    if win.first(g.part_gone, 0, end):
        return Period(year, year), "part_of_this_year"  # 今年上半年，某产值又比去年同期增长24%
    clause = win.last_of("，,", end) or 0  # the value's clause, from the comma before it
    if status != "target" and (m := win.first(g.since, clause, end)) and year_number(m.group(1)) < year - 1:
        return Period(year_number(m.group(1)) + 1, year - 1), "since_a_year"
    if years := win.first(g.years, clause, end):
        n = int(years.group(1)) if years.group(1).isdigit() else int(chinese_to_number(years.group(1)) or 5)
        rule = "number_of_years"
    elif five_years:
        n, rule = 5, "five_year_text"
    elif win.first(g.average, clause, end):
        n, rule = 5, "average_rate"
    elif win.first(g.five_years, 0, end):
        n, rule = 5, "five_year_words"
    else:
        n, rule = 1, "report_year"
    return (Period(year, year + n - 1) if status == "target" else Period(year - n, year - 1)), rule
