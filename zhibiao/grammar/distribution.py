"""Step 4, distribution: one metric per value of a list (分别 lists pair in order, 均 repeats,
shared heads are completed, compound heads like 城乡 expand); list items written after a value
take what the first item shares (its qualifier, verb or subject); a parallel clause takes the
measure of the one before (乙产业 → 乙产业年产值) and a bare measure the thing the clause before set up
(交易额 → 某中心交易额); a cumulative value drops the verb of new things it is carried with; counts joined
each with its own noun stay apart, nouns after a count that share its words are counted with it; a 其中
part is named by what it is; a modifier word or a unit written once for a list of values covers them."""
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
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_NUMBER = re.compile(r"(?<![0-9])[0-9]+(?![0-9年])")  # a number, not a year


def carried(history: list[str], n: int, lang=None,
            is_word: Callable[[str], bool] | None = None, fillers: str = "") -> tuple[list[str], str]:
    """A group with no metric of its own takes the sentence's metrics before it; a list of as many
    items as values (城镇居民收入和农村居民收入，分别达到X元和Y元) gives them in order, and one value a
    distributor (双双, 均) gives to each item of the list carried (存、贷款余额…，双双突破9000亿元; langp8)."""
    if 1 < n <= len(history):
        return history[-n:], "carried_in_order"
    if n > 1 and lang is not None and len(items := _split_items(history[-1], lang)) == n:
        return complete_heads(items, is_word, lang), "carried_items_in_order"
    if n == 1 and lang is not None and _distributed(fillers, lang) and len(items := _split_items(history[-1], lang)) > 1:
        return complete_heads(items, is_word, lang), "carried_items_distributed"
    return [history[-1]] * n, "carried_last"


def cumulative(names: list[str], fillers: str, verb: str | None, lang) -> tuple[list[str], str | None]:
    """新增示范县10个，累计达到40个 / 、达到40个: a metric carried onto a cumulative value (累计 among its
    fillers, or a bare verb of the level reached) counts every such thing, not the new ones: the verb of new
    things in it goes (40 示范县)."""
    if not any(w in fillers for w in lang.words("cumulative_fillers")) and (
            fillers or verb not in lang.words("cumulative_verbs")):
        return names, None
    new = lang.compiled(_new_things)
    out = [name if len(all_of := new.sub("", name, count=1)) < 2 else all_of for name in names]
    return out, "new_things_dropped_from_cumulative" if out != names else None


def _new_things(lang) -> re.Pattern:
    return re.compile(alternation(lang.words("defining_verbs")))


def distribute(metric: str, n: int, fillers: str, noun: str, lang,
               is_word: Callable[[str], bool] | None) -> tuple[list[str], str]:
    """One metric per value, and the rule that paired them."""
    distributed = _distributed(fillers, lang)
    verb_start = metrics.patterns(lang).verb_start
    if noun and noun == metric and "和" in noun and (verb := verb_start.match(noun)):
        return [verb.group() + item.removeprefix(verb.group()) for item in _split_items(noun, lang)], "verb_shared_by_items"
    if n > 1 and (inner := next((w for w in lang.words("distributive") if len(w) > 1 and w in metric), None)):
        head, _, tail = metric.partition(inner)  # 煤炭、电解铝分别淘汰落后产能: what follows 分别 is every item's
        if len(tail) >= 2 and len(items := _split_items(head, lang)) == n \
                and not verb_start.search(tail):  # a change verb is no metric's
            return [item + tail for item in items], "items_before_distributive_in_metric"
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
    # a list where an item names its own measure (进口货值、入境游客人次、…销售额) lists metrics of their
    # own: the last item's measure word is not given to the others
    own_measures = any(item.endswith(endings) for item in items[:-1])
    out, qualifier = [], ""
    for i, item in enumerate(items[:-1]):
        head, shared = "", False
        for k in range(min(len(item), 6), 1, -1):
            pos = last.find(item[-k:])
            if pos == 0 and k == len(item) and len(last) > k and is_word is not None:
                head, shared = _measure_head(last, is_word, lang), True  # 工业、制造业、工业技改投资: the last is a
                break  # kind of the item, and only the measure word ending it is shared (工业投资)
            if pos >= 0:
                head, shared = last[pos + k:], True
                break
        if not shared and not open_list and is_word is not None:
            if (pair := _pair(item, last, is_word, endings)) is not None:
                item, head, own_qualifier = pair
                qualifier = own_qualifier if i == 0 else qualifier
            elif item.endswith("”") and (word := next((last[-k:] for k in (2, 3, 4) if len(last) > k + 1
                                                      and is_word(last[-k:])), "")):
                head = word  # 专精特新“小巨人”、单项冠军企业: a quoted name is a kind of the last item's head (langp8)
            elif not item.endswith(endings):
                head = _shared_head(item, last, is_word, lang) or (
                    "" if own_measures else _measure_head(last, is_word, lang))
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


def _measure_head(last: str, is_word: Callable[[str], bool], lang) -> str:
    """The measure word that ends ``last`` where no head is found by length (集成电路、汽车零配件、锂电池出口:
    汽车零配件 is longer than 锂电池): the item measures what the last item measures (汽车零配件出口), from the
    start of the dictionary word that holds the measure (东盟|进出口 → 进出口)."""
    m = next((m for m in lang.compiled(_build).measures if len(m) >= 2 and last.endswith(m)), "")
    bounds = [b for b in _word_bounds(last, is_word) if b <= len(last) - len(m)] if m else []
    start = max(bounds, default=0)
    if last[start:] in lang.words("generic_heads") and len(bounds) > 1:
        start = bounds[-2]  # 甲、乙排放总量 -> 甲排放总量: a generic head (总量) keeps the word it is of
    return last[start:] if start > 0 else ""


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
    subject the item before measured: 竹制品总产量增长9%、产值增长8% → 竹制品产值; or, where it is only a
    verb of deeds done, the subject of the item before's own such verb: 重点项目开工200个、竣工150个 →
    重点项目竣工."""
    g = lang.compiled(_build)
    if metric in g.deeds and (done := next((v for v in g.deeds if before.endswith(v)), None)) \
            and len(before) - len(done) >= 2:
        return before[:-len(done)] + metric, "subject_shared_by_deeds"
    if (is_word is not None and metric in g.measures and not g.own_verb.match(metric)
            and (subject := _subject(before, metric, is_word, g))):
        return subject + metric, "subject_shared_by_items"
    if (subject := _subject_of_measure_word(before, metric, g)) and not lang.compiled(_new_things).fullmatch(subject):
        return subject + metric, "subject_shared_by_measure_words"  # not 新增: 新增上市公司48家、总量达122家
    if is_word is not None and written == metric and (head := _head_of_bare_noun(before, metric, unit, is_word, g)):
        return head + metric, "head_shared_by_bare_noun"
    if (subject := _opening_subject(before, g)) and not metric.startswith(subject) \
            and (not g.own_verb.match(metric) or g.opening_verb.match(metric)) and not _DIGIT.search(metric):
        return subject + metric, "opening_subject_shared_by_items"
    for k in range(min(len(metric), 6), 1, -1):
        pos = before.find(metric[:k])
        if pos > 0 and (m := g.qualifier.search(before, 0, pos)) and m.end() == pos and not metric.startswith(m.group()):
            return m.group() + metric, "qualifier_shared_by_items"
    if (verb := g.shared_verb.match(before)) and len(before) > verb.end() and _counted_thing(metric, unit, g) \
            and not g.own_verb.match(written.removeprefix("“")):  # a quoted name opening an item is no verb
        head = next((h for h in g.verb_heads if before.endswith(h) and not metric.endswith(h)), "")
        shared = verb.group("verb") if verb.group("kind") and metric.startswith(verb.group("kind")) else verb.group()
        return shared + metric + head, "verb_shared_by_items_after_values"
    return metric, None


def parallel_measure(before: str, metric: str, is_word: Callable[[str], bool] | None,
                     lang, part: bool = False) -> tuple[str, str | None]:
    """甲产业产值超500亿元，乙、丙产业超300亿元: a metric that names no measure and ends with the head word
    the metric before names its subject with (产业) is measured as that one is (乙、丙产业产值). ``part``: the
    clause opens with 其中, and a kind of the whole subject (汽车产量…，其中新能源汽车…) is measured as it is (langp8)."""
    g = lang.compiled(_build)
    head = metric[-2:]
    if is_word is None or len(metric) < 3 or not is_word(head) or metric.endswith(g.measures) \
            or (at := before.rfind(head)) < (0 if part else 1):
        return metric, None
    measure = before[at + 2:]  # a measure word, or one qualified by one character (年产值), not another noun
    if not any(measure.endswith(m) and len(measure) - len(m) <= 1 for m in g.measures) or len(measure) < 2 \
            or lang.raw["possessive"] in measure:
        return metric, None
    return metric + measure, "measure_of_the_whole_for_its_part" if at == 0 else "measure_of_the_parallel_before"


def bare(metric: str, lang) -> bool:
    """A measure that says of what only with an owner (交易额, 年度完成投资)."""
    return bool(metric) and lang.compiled(_build).bare_measure.fullmatch(metric) is not None


def owner_of_bare_measure(metric: str, clause: str, counted: str, lang) -> tuple[str, str | None]:
    """共建某交易中心，交易额达50亿元; 实施100个省重点项目，年度完成投资500亿元: a bare measure, which says
    of what only with an owner, measures the thing the clause before set up: what its value counted
    (``counted``: the metric of the value before, where one stands in that clause, or "") unless that is a
    measure itself, or the noun its verb ends on. ``clause``: the words of the clause before. The caller
    has found ``metric`` bare (``bare``)."""
    g = lang.compiled(_build)
    owner = counted if counted and not _DIGIT.search(counted) and not counted.endswith(g.measures) else ""
    if not owner and not _DIGIT.search(clause) and (verb := max(g.owner_verb.finditer(clause), key=lambda m: m.end(),
                                                                default=None)) is not None:
        owner = clause[verb.end():]
    if not 2 <= len(owner) <= 12 or not _CJK.fullmatch(owner) or g.own_verb.search(owner) \
            or owner.endswith(g.measures):
        return metric, None
    return owner + metric, "owner_of_bare_measure"


# The rules of own_item that cut a metric at the next item: the items after it are read from the cut on.
CUTS_AT_NEXT_ITEM = frozenset({"next_item_cut", "deed_head_shared_by_joined_counts"})


def own_item(metric: str, noun: str, subject: str, after_value: bool, after_cut: bool,
             lang, right: str = "", unit: str = "",
             is_word: Callable[[str], bool] | None = None) -> tuple[str, str | None]:
    """Counts written each before its own noun and joined (1600个行政村污水和190个黑臭水体治理): a count's
    noun stops at its last joiner before the next count's number (not one inside brackets), also where
    the noun ended before it at a 、 and the next count (``right``: the words after the count) has the
    same ``unit`` (6个甲项目和乙、丙治理2个项目); and the count after a joiner takes no words of the item
    before it (66个重点县和平原200万亩农田 → 平原农田; 建设甲中心和8个乙中心 → 乙中心: the first item has no
    number). A joiner inside the words before the count joins the item before only where that item's noun
    was cut so (``after_cut``); elsewhere it may join two verbs (制定和颁布了59项法规)."""
    if not noun or not holds_joiner(metric, lang):
        return metric, None
    g = lang.compiled(_build)
    own = metric.find(noun)
    if own >= 0 and (digit := _NUMBER.search(metric, own)) and (cut := _last_joiner(metric, own, digit.start(), g)) >= 2 \
            and not any(c in metric[cut:digit.start()] for c in g.closing):
        head = next((h for h in lang.words("joined_deed_heads") if metric.endswith(h) and not metric.endswith(h, 0, cut)), "")
        if head and not _DIGIT.search(metric, digit.end()):  # 1600个行政村生活污水和190个黑臭水体治理 (langp5)
            return metric[:cut] + head, "deed_head_shared_by_joined_counts"
        return metric[:cut], "next_item_cut"
    if own >= 0 and unit and right.startswith(noun) and (digit := _NUMBER.search(right, len(noun))) \
            and right.startswith(unit, digit.end()) and 2 <= (cut := _last_joiner(right, 0, len(noun), g)) \
            and not _DIGIT.search(right, 0, digit.start()) and not any(c in right[cut:digit.start()] for c in g.closing):
        return metric[:own + cut], "next_item_cut"
    if after_value and metric.startswith(subject) and metric.endswith(noun) and (
            cut := _last_joiner(subject, 0, len(subject), g)) >= 0 and (after_cut or cut in (0, len(subject) - 1)):
        return subject[cut + 1:] + noun, "item_before_dropped"
    if metric.endswith(noun) and len(before := metric[:-len(noun)]) >= 3 and before[-1] in g.joiners \
            and not (is_word is not None and is_word(before[-2:])):  # 惠及, 涉及: a verb, no joiner
        return noun, "number_less_item_dropped"
    return metric, None


def holds_joiner(metric: str, lang) -> bool:
    """Whether a joiner (和, 与, 及) stands in ``metric``: each rule of ``own_item`` cuts at one in the metric or
    in its noun, which the metric holds, so a metric without one is kept as it is."""
    return any(j in metric for j in lang.compiled(_build).joiners)


def items_of_count(metric: str, noun: str, right: str, unit: str, lang) -> tuple[str, str | None]:
    """30个产业园、产业集群、产业强镇: nouns after a count's noun, each after a 、, with no number or verb
    of their own, that open with a word of it (产业) or end as it ends (重大专项、研发专项), are counted
    with it: the count's metric keeps them all. ``right``: the words after the count, opening with its
    noun; ``unit``: the count's classifier (a count of people, 7000多万, has none)."""
    if not noun or not unit or not metric.endswith(noun) or not right.startswith(noun):
        return metric, None
    g = lang.compiled(_build)
    items, at = [], len(noun)
    while at < len(right) and right[at] == "、":
        item = metrics.noun_after(right[at + 1:], lang)
        after = at + 1 + len(item)
        if not item or _DIGIT.search(item) or (after < len(right) and _DIGIT.match(right, after)) \
                or g.own_verb.search(item) or not (item[:2] in noun or item[-2:] == noun[-2:]):
            break
        items.append(item)
        at = after
    return (metric + "".join("、" + item for item in items), "items_share_the_count") if items else (metric, None)


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
    if len(before) - len(own) - cut >= 2 and is_word(before[cut:len(before) - len(own)]):
        cut = len(before) - len(own)  # 青川集团|营收: a word of the subject ends right before the measure
    return before[:cut] if cut >= 2 else ""


_MEASURED = 4  # the longest word a measure is of, shared by two items (装机|规模, 装机|占比)


def _subject_of_measure_word(before: str, metric: str, g: "_Patterns") -> str:
    """清洁能源装机规模超7900万千瓦、装机占比超93%, 风电装机超1000万千瓦、装机占比超40%: an item that is only a
    measure of a word the item before also measured or was (装机) has that item's subject (清洁能源, 风电);
    none where the item names a subject of its own."""
    own = next((m for m in g.measures if metric.endswith(m)), None)
    word = metric[:-len(own)] if own else ""
    at = before.find(word) if 1 <= len(word) <= _MEASURED else -1
    if at < 2 or not before.endswith((*g.measures, word)) or _DIGIT.search(before, 0, at):
        return ""
    return before[:at]


def _head_of_bare_noun(before: str, metric: str, unit: str, is_word: Callable[[str], bool], g: "_Patterns") -> str:
    """新创建示范地区4个、项目6个: an item that is one bare noun of two characters, counted, after an item
    that ends in another such noun, is of the same kind: it takes the words before that noun (新创建示范). The
    caller has found the item written bare (实施项目7956个 has a verb of its own)."""
    if len(metric) != 2 or not is_word(metric) or unit not in g.counters or len(before) < 5 \
            or not is_word(before[-2:]) or before.endswith(g.measures) or metric in g.measures \
            or not _CJK.fullmatch(before) or g.own_verb.search(before[-2:]) or g.own_verb.search(metric) \
            or metric in g.deeds:  # 竣工95个: a deed, no kind of thing
        return ""
    return before[:-2]


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
    deeds: tuple[str, ...]  # verbs of a deed done to counted things (开工, 竣工, 新建, 改造), longest first
    bare_measure: re.Pattern  # a measure that says of what only with an owner (交易额, 年度完成投资)
    owner_verb: re.Pattern  # a verb whose object a bare measure in the clause after measures (共建, 实施)
    counters: tuple[str, ...]  # classifiers of things counted (个, 家, 所): a bare noun counted so is a kind of thing
    verb_heads: tuple[str, ...]  # 产能: the head a shared verb's items share (淘汰落后甲产能…、乙… -> 淘汰落后乙产能)


def _build(lang) -> _Patterns:
    words = lang.words
    verbs = (words("shared_verbs") + metrics.doing_verbs(lang) + words("carried_subject_verbs")
             + words("predicate_verbs"))
    # 新建和改造农村公路…: two joined verbs are shared whole
    shared = alternation(words("shared_verbs") + words("capacity_cut_verbs"))
    joiners = tuple(w for w in words("list_joiners") if w not in words("predicate_verbs"))
    return _Patterns(re.compile(lang.raw["shared_qualifier"]),
                     re.compile(f"(?P<verb>(?:{shared})(?:(?:{alternation(joiners)})(?:{shared}))*)"
                                f"(?P<kind>{alternation(words('shared_verb_qualifiers'))})?"),
                     re.compile(alternation(verbs)), tuple(words("measure_nouns")), tuple(words("rate_units")),
                     joiners, lang.raw["closing_marks"],
                     tuple(sorted((*repairing.metric_endings(), *words("subject_measures")), key=len, reverse=True)),
                     tuple(words("part_openers")),
                     re.compile(alternation(words("part_copulas"))), re.compile(alternation(words("subject_opening_verbs"))),
                     tuple(words("subject_negations")),
                     tuple(sorted({*words("framing_verbs"), *words("defining_verbs"), *words("shared_verbs"),
                                   *words("verbs", "completion")}, key=len, reverse=True)),
                     re.compile(lang.raw["bare_measure"]),
                     re.compile(alternation(words("framing_verbs") + words("action_verbs") + words("owner_verbs"))),
                     tuple(words("new_things_counted")), tuple(words("shared_verb_heads")))


def shared_modifier(group: list[Quantity], lang) -> list[Quantity]:
    """分别突破1.5万亿元、1.4万亿元 and 普及率超过95%、80%: a modifier word before the first value of a
    list, with or without 分别, covers every value with none of its own (a 左右 after the last value stays
    that value's alone)."""
    first = group[0]
    if len(group) < 2 or first.cue not in lang.prefix_modifiers:
        return group
    return [first] + [replace(q, modifier=first.modifier, cue=first.cue) if q.cue is None and q.modifier == "exact"
                      else q for q in group[1:]]


def shared_unit(group: list[Quantity]) -> list[Quantity]:
    """1.28万亿、1.18万亿、8200亿元: a value of a list written without a unit has the unit of the next value
    that writes one."""
    if len(group) < 2 or all(q.unit for q in group) or not group[-1].unit:
        return group
    out, unit = [], ""
    for q in reversed(group):
        unit = q.unit or unit
        out.append(q if q.unit else replace(q, unit=unit))
    return out[::-1]


def pairs(names: list[str], group: list[Quantity]) -> list[tuple[str, Quantity]]:
    """Metric and value side by side; more metrics than values share the first value (均)."""
    return list(zip(names, group)) if len(names) == len(group) else [(m, group[0]) for m in names]
