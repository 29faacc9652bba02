"""Step 4, distribution: one metric per value of a list (分别 lists pair in order, 均 repeats,
shared heads are completed, compound heads like 城乡 expand); list items written after a value
take what the first item shares (its qualifier, verb or subject); counts joined each with its own
noun stay apart; a 其中 part is named by what it is; a modifier word before a 分别 list covers it."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from .. import repair as repairing
from ..lexicon import alternation
from ..records import Quantity
from . import metric as metrics

_DIGIT = re.compile(r"[0-9]")
_NUMBER = re.compile(r"(?<![0-9])[0-9]+(?![0-9年])")  # a number, not a year


def carried(history: list[str], n: int, lang=None,
            is_word: Callable[[str], bool] | None = None) -> tuple[list[str], str]:
    """A group with no metric of its own takes the sentence's metrics before it; a list of as many
    items as values (城镇居民收入和农村居民收入，分别达到X元和Y元) gives them in order."""
    if 1 < n <= len(history):
        return history[-n:], "carried_in_order"
    if n > 1 and lang is not None and len(items := _split_items(history[-1], lang)) == n:
        return complete_heads(items, is_word, lang), "carried_items_in_order"
    return [history[-1]] * n, "carried_last"


def distribute(metric: str, n: int, fillers: str, noun: str, lang,
               is_word: Callable[[str], bool] | None) -> tuple[list[str], str]:
    """One metric per value, and the rule that paired them."""
    distributed = _distributed(fillers, lang)
    verb_start = metrics.patterns(lang).verb_start
    if noun and noun == metric and "和" in noun and (verb := verb_start.match(noun)):
        return [verb.group() + item.removeprefix(verb.group()) for item in _split_items(noun, lang)], "verb_shared_by_items"
    if n > 1 or distributed:
        items = _split_items(metric, lang)
        if n > 1 and len(items) != n and len(outer := _split_items(metric, lang, outer=True)) == n:
            items = outer  # 文化及相关产业、旅游及相关产业增加值: 、 parts the items, 及 is inside one
        if len(items) > 1 and (len(items) == n or (n == 1 and distributed)):
            return complete_heads(items, is_word, lang), "items_in_order"
        if n > 1 and (expanded := _expand_compound(metric, n, lang)):
            return expanded, "compound_head"
    return [metric] * n, "one_metric"


def _distributed(fillers: str, lang) -> bool:
    """分别, 均 or 都 among the fillers, but not the 均 of a filler word that holds it (年均, 人均, 平均):
    货物和服务进出口年均增长8% is one value of one metric."""
    dist = lang.words("distributive")
    return any(w in fillers for w in dist) and any(w in lang.compiled(_holders).sub("", fillers) for w in dist)


def _holders(lang) -> re.Pattern:
    dist = lang.words("distributive")
    words = [w for w in lang.words("fillers") if w not in dist and any(d in w for d in dist)]
    return re.compile(alternation(words))


def _split_items(metric: str, lang, outer: bool = False) -> list[str]:
    """The items of a list; ``outer``: only at the first joiner (、), which parts items that 和 joins inside."""
    joiners = lang.words("list_joiners")[:1] if outer else lang.words("list_joiners")
    items = [x for x in re.split(f"[{''.join(joiners)}]", metric) if x]
    return items if len(items) > 1 else [metric]


def complete_heads(items: list[str], is_word: Callable[[str], bool] | None, lang) -> list[str]:
    """Give each list item the head its last item carries: 高技术制造业、装备制造业增加值; and the
    denominator the first item opens with (单位国内生产总值能耗和二氧化碳排放 → 单位国内生产总值二氧化碳排放).

    Numerals share what follows the last one (第一、二、三产业增加值). Where the items share no
    characters (电子、材料产业增加值) the head is read from the last item's dictionary words and
    given to an item that names no metric of its own (收入, 产量: see ``metric_nouns.txt``).
    """
    if (ordinal := _ordinals(items, lang)) is not None:
        return ordinal
    last = items[-1]
    endings = (*repairing.metric_endings(), *lang.words("item_endings"))
    open_list = last.endswith(tuple(lang.words("open_list_marks")))  # 猪牛羊肉等: no head to share
    out, qualifier = [], ""
    for i, item in enumerate(items[:-1]):
        head, shared = "", False
        for k in range(min(len(item), 6), 1, -1):
            pos = last.find(item[-k:])
            if pos >= 0:
                head, shared = last[pos + k:], True
                break
        if not shared and not open_list and is_word is not None:
            if (pair := _pair(item, last, is_word, endings)) is not None:
                item, head, own_qualifier = pair
                qualifier = own_qualifier if i == 0 else qualifier
            elif not item.endswith(endings):
                head = _shared_head(item, last, is_word, lang)
        out.append(item + head if head and not item.endswith(head) else item)
    out = out[:1] + [qualifier + item for item in out[1:] + [last]]
    if is_word is not None:  # 省属企业工业总产值、利润 → 省属企业工业利润: a bare measure noun measures the first's subject
        g = lang.compiled(_build)
        out = out[:1] + [subject + item if item in g.measures and not g.own_verb.match(item)
                         and (subject := _subject(out[0], item, is_word, g)) else item for item in out[1:]]
    if per := lang.compiled(_denominator).match(out[0]):  # 单位国内生产总值能耗和二氧化碳排放
        out = out[:1] + [item if item.startswith(per.group()) else per.group() + item for item in out[1:]]
    return out


def _denominator(lang) -> re.Pattern:
    return re.compile(lang.raw["shared_denominator"])


def _pair(item: str, last: str, is_word: Callable[[str], bool], endings: tuple[str, ...]) -> tuple[str, str, str] | None:
    """Two words of one kind, written as a pair before a shared measure noun: 本外币存款、贷款余额 and the
    squeezed 本外币存、贷款余额 are 本外币存款余额 and 本外币贷款余额. The two words end alike (存款, 贷款);
    the squeezed item is one character that makes a word with the rest of the last item's first word.
    Returns the item as a word, the head it takes, and the qualifier before it that the last item takes."""
    first = next((last[:k] for k in range(min(4, len(last) - 1), 1, -1) if is_word(last[:k])), "")
    head = last[len(first):]
    if not first or not head.endswith(endings):
        return None
    own = next((item[-k:] for k in range(min(4, len(item)), 1, -1) if is_word(item[-k:])), "")
    tail = item[-len(first):]
    if tail != first and tail[-1] == first[-1] and is_word(tail):
        # the qualifier before the word is shared, unless it makes one word with it (高速公路、铁路里程)
        return item, head, "" if len(own) > len(tail) else item[:-len(tail)]
    if not own and len(first) == 2 and is_word(item[-1] + first[1]):
        return item + first[1], head, item[:-1]
    return None


def _ordinals(items: list[str], lang) -> list[str] | None:
    """一、二、三产业增加值 → 一产业增加值, 二产业增加值, 三产业增加值 (第 too, where the first has it)."""
    numerals = set(lang.words("list_ordinals"))
    prefix = lang.raw["ordinal_prefix"]
    bare = [item.removeprefix(prefix) for item in items]
    last = bare[-1]
    if len(last) < 2 or last[0] not in numerals or last[1] in numerals or not all(b in numerals for b in bare[:-1]):
        return None
    lead = prefix if items[0].startswith(prefix) else ""
    return [lead + b + last[1:] for b in bare[:-1]] + [lead + last]


def _shared_head(item: str, last: str, is_word: Callable[[str], bool], lang) -> str:
    """The words of ``last`` after its own item: cut at the word boundary nearest the length of ``item``
    (生物|医药|产业|产值 after 新材料 → 产业产值; 镍|产量 after 黄金 → 产量); a head of one character
    or one that runs into 分别 is none."""
    bounds = _word_bounds(last, is_word)
    if not bounds:
        return ""
    own = min(bounds, key=lambda b: (abs(b - len(item)), -b))
    head = last[own:]
    for word in lang.words("distributive"):
        if len(word) > 1:  # 分别, not the 均 of 人均
            head = head.split(word, 1)[0]
    return head if len(head) >= 2 and abs(own - len(item)) <= 1 else ""


def _word_bounds(text: str, is_word: Callable[[str], bool]) -> list[int]:
    """Where the words of ``text`` of two to four characters start, by forward longest match over the
    dictionary: a head starts with a word, never inside a run of single characters (普惠小微|贷款余额)."""
    bounds, i = [], 0
    while i < len(text):
        k = next((k for k in range(min(4, len(text) - i), 1, -1) if is_word(text[i:i + k])), 1)
        if k > 1 and i > 0:
            bounds.append(i)
        i += k
    return bounds


def _expand_compound(metric: str, n: int, lang) -> list[str] | None:
    for head, parts in lang.compound_heads.items():
        if head in metric and len(parts) == n:
            return [metric.replace(head, part, 1) for part in parts]
    return None


def shared_qualifier(before: str, metric: str, written: str, unit: str, lang,
                     is_word: Callable[[str], bool] | None = None) -> tuple[str, str | None]:
    """A list item after a value takes the qualifier the item before it opened with:
    市级以上示范农场40个、示范牧场15个 → 市级以上示范牧场; or the verb that says what every item
    counts: 改造老旧小区45个、棚户区1.2万套 → 改造棚户区 (``written``: the item's words before any rule
    rewrote them, as its own verb is written there); or, where it is only a measure noun, the
    subject the item before measured: 竹制品总产量增长9%、产值增长8% → 竹制品产值."""
    g = lang.compiled(_build)
    if (is_word is not None and metric in g.measures and not g.own_verb.match(metric)
            and (subject := _subject(before, metric, is_word, g))):
        return subject + metric, "subject_shared_by_items"
    if (subject := _opening_subject(before, g)) and not metric.startswith(subject) \
            and (not g.own_verb.match(metric) or g.opening_verb.match(metric)) and not _DIGIT.search(metric):
        return subject + metric, "opening_subject_shared_by_items"
    for k in range(min(len(metric), 6), 1, -1):
        pos = before.find(metric[:k])
        if pos > 0 and (m := g.qualifier.search(before, 0, pos)) and m.end() == pos and not metric.startswith(m.group()):
            return m.group() + metric, "qualifier_shared_by_items"
    if (verb := g.shared_verb.match(before)) and len(before) > verb.end() and _counted_thing(metric, unit, g) \
            and not g.own_verb.match(written.removeprefix("“")):  # a quoted name opening an item is no verb
        return verb.group() + metric, "verb_shared_by_items_after_values"
    return metric, None


def own_item(metric: str, noun: str, subject: str, after_value: bool, after_cut: bool,
             lang) -> tuple[str, str | None]:
    """Counts written each before its own noun and joined (1600个行政村污水和190个黑臭水体治理): a count's
    noun stops at its last joiner before the next count's number (not one inside brackets), and the count
    after a joiner takes no words of the item before it (66个重点县和平原200万亩农田 → 平原农田). A joiner
    inside the words before the count joins the item before only where that item's noun was cut so
    (``after_cut``); elsewhere it may join two verbs (制定和颁布了59项法规)."""
    if not noun:
        return metric, None
    g = lang.compiled(_build)
    own = metric.find(noun)
    if own >= 0 and (digit := _NUMBER.search(metric, own)) and (cut := _last_joiner(metric, own, digit.start(), g)) >= 2 \
            and not any(c in metric[cut:digit.start()] for c in g.closing):
        return metric[:cut], "next_item_cut"
    if after_value and metric.startswith(subject) and metric.endswith(noun) and (
            cut := _last_joiner(subject, 0, len(subject), g)) >= 0 and (after_cut or cut in (0, len(subject) - 1)):
        return subject[cut + 1:] + noun, "item_before_dropped"
    return metric, None


def _last_joiner(text: str, start: int, end: int, g: "_Patterns") -> int:
    """Where the last 和, 与 or 及 of ``text[start:end]`` stands, or -1."""
    return max(text.rfind(j, start, end) for j in g.joiners)


def part_of_count(wt: str, start: int, end: int, right: str, whole: str, lang) -> str | None:
    """其中56项为全国首创 after 推出259项制度创新成果: a part of the count before, named by what the
    part is, measures that kind of the whole (全国首创制度创新成果), not the whole. ``wt[start:end]``:
    the words of the clause before the part's value."""
    g = lang.compiled(_build)
    if not (m := g.part_copula.match(right)) or wt[start:end].strip("，, ") not in g.part_openers:
        return None
    kind = right[m.end():].strip()
    return kind + whole if 2 <= len(kind) <= 12 and not _DIGIT.search(kind) else None


def _subject(before: str, measure: str, is_word: Callable[[str], bool], g: "_Patterns") -> str:
    """What ``before`` measures: the words before the dictionary word holding its own measure noun
    (竹制品|总产量 → 竹制品); none where it measures with the same noun or names no subject."""
    own = next((m for m in g.measures if before.endswith(m)), None)
    if own is None or own == measure:
        return ""
    cut = max((b for b in _word_bounds(before, is_word) if b <= len(before) - len(own)), default=0)
    return before[:cut] if cut >= 2 else ""


def _opening_subject(before: str, g: "_Patterns") -> str:
    """The subject before the verb of achievement that opens ``before`` (市属企业|完成投资 -> 市属企业):
    two to eight characters with no verb or number of their own; none where the item opens with the verb."""
    if not (verb := g.opening_verb.search(before)) or not 2 <= verb.start() <= 8:
        return ""
    subject = before[:verb.start()]
    return "" if g.own_verb.search(subject) or _DIGIT.search(subject) or any(n in subject for n in g.negations) \
        else subject


def _counted_thing(metric: str, unit: str, g: "_Patterns") -> bool:
    """An item that names things counted (棚户区), not a quantity with a verb or measure of its own
    (城镇调查失业率, 新增实验室, 惠及…户): only such an item takes the verb of the item before."""
    return (len(metric) >= 2 and unit not in g.rate_units and not metric.endswith(g.measure_nouns)
            and not g.own_verb.match(metric.removeprefix("“")))


class _Patterns(NamedTuple):
    qualifier: re.Pattern
    shared_verb: re.Pattern
    own_verb: re.Pattern
    measure_nouns: tuple[str, ...]
    rate_units: tuple[str, ...]
    joiners: tuple[str, ...]  # 和, 与, 及: the one-character word joiners of list items (、 ends a counted noun already)
    closing: str  # marks that close a parenthesis: a joiner before one is inside it
    measures: tuple[str, ...]  # metric endings that are a whole metric only with a subject (产值, 产量)
    part_openers: tuple[str, ...]
    part_copula: re.Pattern
    opening_verb: re.Pattern  # 完成, 实现 after a subject the items after a value share
    negations: tuple[str, ...]  # 没, 未: the words before a negated opening verb are no subject


def _build(lang) -> _Patterns:
    words = lang.words
    verbs = (words("shared_verbs") + metrics.doing_verbs(lang) + words("carried_subject_verbs")
             + words("predicate_verbs"))
    shared = alternation(words("shared_verbs"))  # 新建和改造农村公路…: two joined verbs are shared whole
    joiners = tuple(w for w in words("list_joiners") if w not in words("predicate_verbs"))
    return _Patterns(re.compile(lang.raw["shared_qualifier"]),
                     re.compile(f"(?:{shared})(?:(?:{alternation(joiners)})(?:{shared}))*"),
                     re.compile(alternation(verbs)), tuple(words("measure_nouns")), tuple(words("rate_units")),
                     joiners, lang.raw["closing_marks"],
                     tuple(sorted((*repairing.metric_endings(), *words("subject_measures")), key=len, reverse=True)),
                     tuple(words("part_openers")),
                     re.compile(alternation(words("part_copulas"))), re.compile(alternation(words("subject_opening_verbs"))),
                     tuple(words("subject_negations")))


def shared_modifier(group: list[Quantity], fillers: str, lang) -> list[Quantity]:
    """分别突破1.5万亿元、1.4万亿元: a modifier word before the first value of a 分别 list covers every
    value with none of its own (a 左右 after the last value stays that value's alone)."""
    first = group[0]
    if len(group) < 2 or first.cue not in lang.prefix_modifiers or not _distributed(fillers, lang):
        return group
    return [first] + [replace(q, modifier=first.modifier, cue=first.cue) if q.cue is None and q.modifier == "exact"
                      else q for q in group[1:]]


def pairs(names: list[str], group: list[Quantity]) -> list[tuple[str, Quantity]]:
    """Metric and value side by side; more metrics than values share the first value (均)."""
    return list(zip(names, group)) if len(names) == len(group) else [(m, group[0]) for m in names]
