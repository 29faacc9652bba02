"""Step 2, exclusions: values that are no indicator at the level of the sentence.

Numbers that are no quantity at all (dates, ordinals, names) never reach the
grammar: ``numbers.quantities`` drops them. Here a value goes when it is part of
a name its words around it write (``name_part``: a plant's capacity, an age
class, a bound on the members of a place or firm, a label's number restated, a duration naming a kind of
zone, a speed naming a class, a bound on an amount before a class noun and its count, the size of an
example listed before 等 and a count of its class), when nothing in its clause or sentence says
what it measures, or when what stands for its metric holds no word at all (a run
of symbols and numbers: %5%5%5), or is only what a web page counts of itself (0条评论), or is a ranking (排名由…位上升到…位).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import alternation
from ..numbers import chinese_to_number
from ..records import Quantity
from .metric import LETTER, Reading, doing_verbs

_CJK = re.compile(r"[\u4e00-\u9fff]")
_ITEM_BREAKS = "，,。；;：:、\n"  # where the words of a list item before a value start
_REACH = 30  # the words read around a value for a name it is part of


@dataclass(frozen=True)
class Patterns:
    capacity_units: frozenset[str]
    capacity_noun: re.Pattern  # the rest of a project's name after its capacity: …锌基合金等项目
    capacity_openers: tuple[str, ...]  # 年产: the value is a plant's capacity
    possessive: str  # 烧油25万吨的电站: a value before 的 describes, it names nothing (unless 年产 opens it)
    doing_verbs: tuple[str, ...]  # a verb right before the value: an amount built or done (建设700万千瓦…项目)
    ages: frozenset[str]
    age_not_before: frozenset[str]  # after an age, these join or end, they open no noun of a class
    age_bounds: tuple[str, ...]  # 及以上, 及以下: a joined bound still makes a class
    member_class: dict[str, re.Pattern]  # unit -> the noun of a place or firm its members' bound sizes: 自然村
    class_edges: tuple[str, ...]  # 以上, 以下, 及以上: a bound written after the unit marks a class's edge
    label: re.Pattern  # a quoted label and the word that explains it, before the value: “5”即
    closing: re.Pattern  # a closing quote: a label only where one stands before the value
    zone_units: frozenset[str]  # durations that may name a kind of zone (1小时通勤圈)
    zone_noun: re.Pattern  # the zone's noun right after the duration: 通勤圈
    threshold_units: frozenset[str]  # 元, 吨: amounts a bound on may define a class of firms or projects
    bounds: frozenset[str]  # more_than, at_least: the modifiers of such a bound
    class_then_count: re.Pattern  # 重大项目14个 right after the bound: the class's noun and a count of it
    speed_openers: tuple[str, ...]  # 时速: a speed written right before a noun names a class of it (时速350公里高铁)
    speed_units: frozenset[str]
    listed_example: re.Pattern  # 金矿、…等大中型矿产地12处 right after the value: it sizes an example, the class is counted


def _build(lang) -> Patterns:
    words, names = lang.words, lang.raw["name_parts"]
    capacity = names["capacity"]
    verbs = doing_verbs(lang)
    quotes = lang.raw["not_indicators"]["label_quotes"]["pairs"]
    opening, closing = "".join(quotes) + '"', "".join(quotes.values()) + '"'
    bounds = tuple(b for b, m in lang.suffix_modifiers.items() if m in ("at_least", "at_most"))  # 以上, 以下
    joined_bounds = tuple(j + b for j in words("list_joiners") for b in bounds)  # 及以上
    quotes_len = int(lang.raw["not_indicators"]["label_quotes"]["max_len"])
    return Patterns(
        capacity_units=frozenset(capacity["units"]),
        capacity_noun=re.compile(rf"[^，,。；;：:（(]{{0,{_REACH}}}?(?:{alternation(capacity['nouns'])})"),
        possessive=lang.raw["possessive"],
        capacity_openers=tuple(capacity["openers"]),
        doing_verbs=tuple(verbs),
        ages=frozenset(names["ages"]),
        age_not_before=frozenset(words("list_joiners")) | {lang.raw["possessive"]},
        age_bounds=joined_bounds,
        member_class={unit: re.compile(rf"[^\W\d_]{{0,{int(names['member_class']['within'])}}}?"
                                       rf"(?:{alternation(nouns)})")
                      for unit, nouns in names["member_class"]["nouns"].items()},
        class_edges=bounds + joined_bounds,
        label=re.compile(rf"[{re.escape(opening)}](?P<label>[^{re.escape(closing)}，,。；;]{{1,{quotes_len}}})"
                         rf"[{re.escape(closing)}][^，,。；;：:]{{0,6}}[，,]?"
                         rf"(?:{alternation(names['label_explained'])})[^，,。；;：:]{{0,{int(names['label_reach'])}}}$"),
        closing=re.compile(f"[{re.escape(closing)}]"),
        zone_units=frozenset(lang.raw["zone"]["units"]),
        zone_noun=re.compile(rf"[^\W\d_]{{0,{int(lang.raw['zone']['within'])}}}?(?:{alternation(lang.raw['zone']['nouns'])})"),
        speed_openers=tuple(lang.raw["speed_class"]["openers"]),
        speed_units=frozenset(lang.raw["speed_class"]["units"]),
        threshold_units=frozenset(lang.raw["not_indicators"]["class_threshold"]["units"]),
        bounds=frozenset(lang.raw["not_indicators"]["class_threshold"]["bounds"]),
        class_then_count=re.compile(
            rf"[^\W\d_]{{0,{int(lang.raw['class_before_count']['within'])}}}?"
            rf"(?:{alternation(lang.raw['not_indicators']['size_class_nouns'])})"
            rf"[0-9.一二三四五六七八九十百千万]+[多余]?(?:{alternation(lang.words('new_things_counted'))})"),
        listed_example=re.compile(  # langp6
            rf"[^\W\d_]{{1,{int(lang.raw['listed_examples']['head'][1])}}}(?:、[^，,。；;：:]{{1,{_REACH}}}?)?"
            rf"(?:{alternation(lang.words('open_list_marks'))})[^\W\d_]{{{int(lang.raw['listed_examples']['head'][0])},"
            rf"{int(lang.raw['listed_examples']['head'][1])}}}?"
            rf"[0-9.一二三四五六七八九十百千万]+[多余]?(?:{alternation(lang.words('new_things_counted'))})"),
    )


def patterns(lang) -> Patterns:
    return lang.compiled(_build)


def name_part(text: str, q: Quantity, lang) -> str | None:
    """The rule that makes ``q`` part of a name written around it, or None: such a value is no indicator."""
    g = patterns(lang)
    start, end = q.span.start, q.span.end
    if q.unit in g.capacity_units and g.capacity_noun.match(text, end):
        item = text[max(0, start - _REACH):start]
        item = item[max(item.rfind(c) for c in _ITEM_BREAKS) + 1:]
        if item.endswith(g.capacity_openers) or not (text.startswith(g.possessive, end)
                                                     or item.endswith(g.doing_verbs)):
            return "capacity_in_name"  # 白银集团7万吨锌基合金等项目; but 建设700万千瓦储能项目 is built
    if q.unit in g.ages:
        at = end + next((len(b) for b in g.age_bounds if text.startswith(b, end)), 0)
        if _CJK.match(text, at) and text[at] not in g.age_not_before:
            return "age_class"  # 60岁(及)以上老年人: the count of people is the indicator
    if noun := g.member_class.get(q.unit):
        joined = next((len(b) for b in g.class_edges if text.startswith(b, end)), 0)
        if (joined or text.endswith(g.class_edges, start, end)) and noun.match(text, end + joined):
            return "member_class"  # 20户以上自然村: the villages are counted, not their households
    if q.unit in g.threshold_units and q.modifier in g.bounds and g.class_then_count.match(text, end):
        return "threshold_before_counted_class"  # 投资超10亿元重大项目14个: the bound defines the projects counted
    if g.listed_example.match(text, end):
        return "size_of_listed_example"  # 乙地超20吨金矿等大中型矿产地12处: the mine is an example, the class counted
    if q.unit in g.speed_units and text.endswith(g.speed_openers, 0, start) \
            and _CJK.match(text, end + text.startswith(g.possessive, end)):
        return "speed_names_class"  # 通时速350公里(的)高铁: the kind of railway, no speed measured
    if (step := lang.compiled(_step)).noun.match(text, end) and step.count.search(text, max(0, start - 6), start):
        return "size_names_step"  # 连跨4个|万亿元|台阶: the size names the step; the steps are counted (langp8)
    if q.unit in g.zone_units and g.zone_noun.match(text, end):
        return "duration_names_zone"  # 1小时通勤圈: the kind of circle, no duration measured
    lo = max(0, start - _REACH)
    if g.closing.search(text, lo, start) and (m := g.label.search(text, lo, start)) \
            and q.value in _numbers(m.group("label")):
        return "label_restated"  # “1+5+N”…“5”即5家中心; “3个10万”工程，即3个10万亩基地
    return None


@dataclass(frozen=True)
class Step:
    noun: re.Pattern  # the step's noun right after its size (万亿元|台阶, 千亿|级台阶)
    count: re.Pattern  # a count of steps right before the size (连跨4个|万亿元台阶)


def _step(lang) -> Step:
    step = lang.raw["step"]
    return Step(noun=re.compile(rf"级?(?:{alternation(step['nouns'])})"), count=re.compile(step["counts"]))


_NUMBER = re.compile(r"[0-9.]+[万亿]?|[一二三四五六七八九十两百千万亿]+")


def _numbers(label: str) -> set[float | None]:
    """The numbers a label writes (“3个10万”: 3 and 100000)."""
    return {chinese_to_number(n) for n in _NUMBER.findall(label)}


def _ranking(lang) -> re.Pattern:
    """A ranking's metric, with the place it moved from (排名|由369位): what follows it is a rank."""
    return re.compile(rf"(?:{alternation(lang.words('rank_metrics'))})"
                      rf"(?:(?:{alternation(lang.words('from_frames'))})[0-9]+[^\W\d_]?)?$")


def excluded(reading: Reading, history: list[str], lang) -> str | None:
    """The rule that drops this group, or None to keep it."""
    if not reading.metric and not history:
        return "no_metric_in_sentence"
    if reading.metric and not LETTER.search(reading.metric):
        return "metric_without_words"
    if reading.metric in lang.words("page_counters"):
        return "page_counter"  # 0人参与，0条评论: the web page counting its own readers, not the report
    if lang.compiled(_ranking).search(reading.metric):
        return "rank_of_metric"  # “某榜单”排名由369位上升到235位: a ranking's places are ranks (guideline), no indicator
    return None
