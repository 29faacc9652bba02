"""Step 5, kind and direction: a level, or a change up or down, from the verb or a rate word."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Quantity, _built_fast
from .metric import TAIL, Left, read_left


@_built_fast  # one per record
@dataclass(frozen=True, slots=True)
class Kind:
    kind: str  # level | change
    direction: str | None  # up | down | None
    rule: str
    metric: str  # the metric without a rate word that moved it (居民消费价格|涨幅)


def _rate_suffix(lang) -> re.Pattern:
    return re.compile(rf"(?:{lang.pattern('rate_suffixes')})$")


def decide(q: Quantity, group: list[Quantity], left: Left, metric: str, lang, *, prenominal: bool = False) -> Kind:
    """``prenominal``: the value is a count written before its noun (增加300个招生名额)."""
    verb = left.verb
    if q.span.text.startswith(lang.words("written_changes")):  # 经济总量实现翻一番: the value says how it moved
        direction = next(d for w, d in lang.raw["written_changes"].items() if q.span.text.startswith(w))
        return Kind("change", direction, "value_written_as_change", metric)
    if verb and left.to_level:
        kind, direction, rule = "level", None, "verb_states_level"
    elif verb and q is not group[0] and q.unit != group[0].unit and not rates_of_one_verb(q, group, verb, lang):
        kind, direction, rule = "level", None, "unit_differs_from_first_value"
    elif verb and q is not group[0] and q.unit != group[0].unit:
        kind, direction = ("change", "up") if verb in lang.change_up else ("change", "down")
        rule = "rates_share_the_change_verb"  # 分别增长3.8倍、80.2%: both rates of the one change
    elif verb and prenominal and q.unit in lang.words("new_things_counted"):
        kind, direction, rule = "level", None, "count_of_new_things"  # 增加300个招生名额: no verb between
    elif verb in lang.change_up:
        kind, direction, rule = "change", "up", "change_verb_up"
    elif verb in lang.change_down:
        kind, direction, rule = "change", "down", "change_verb_down"
    else:
        kind, direction, rule = "level", None, "level_verb" if verb else "no_verb"
    if kind == "level" and q.unit in lang.words("rate_units"):
        m = lang.compiled(_rate_suffix).search(metric, max(0, len(metric) - TAIL))
        if m and metric[:m.start()].endswith(lang.words("rate_named_whole")):
            return Kind(kind, direction, "rate_named_whole", metric)  # 人口自然增长率降到1%: the natural rate's level
        if m:
            return Kind("change", lang.raw["rate_suffixes"][m.group()], "rate_word",
                        metric[:m.start()].removesuffix(lang.raw["possessive"]) or metric)
        if (moved := rate_of_change(verb, metric, lang)) is not None:
            return moved
    return Kind(kind, direction, rule, metric)


def rates_of_one_verb(q: Quantity, group: list[Quantity], verb: str, lang) -> bool:
    """分别增长3.8倍、80.2%: a rate after a rate of another unit is moved by the same change verb (langp8); an
    amount after a rate (增长5%、约4.4万亿元) is a level."""
    rates = lang.words("rate_units")
    return (verb in lang.change_up or verb in lang.change_down) and q.unit in rates and group[0].unit in rates


def rate_of_change(verb: str | None, metric: str, lang) -> Kind | None:
    """零售价格涨幅为1.2%, 经济增长目标定为8%左右: a rate word that is itself the verb, or a metric that ends in
    a change verb, gives a rate of change, whatever level verb sets it; a noun ending like a verb (经济增长)
    keeps its verb."""
    if verb in lang.raw["rate_suffixes"]:
        return Kind("change", lang.raw["rate_suffixes"][verb], "rate_word_as_verb", metric)
    if (m := lang.compiled(_change_end).search(metric, max(0, len(metric) - TAIL))) and m.start() > 1:
        kept = metric if metric.endswith(lang.words("verb_nouns")) else read_left(metric[:m.start()], lang).metric
        return Kind("change", "up" if m.group("up") else "down", "metric_ends_in_change_verb", kept or metric)
    return None


def _change_end(lang) -> re.Pattern:
    return re.compile(rf"(?:(?P<up>{lang.pattern('verbs', 'change_up')})|{lang.pattern('verbs', 'change_down')})$")
