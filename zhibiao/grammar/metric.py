"""Step 3, metric: what a value measures, read from the words of its clause.

The words before a value split into metric, fillers and verb (``read_left``; comparison
frames, spans of years and goal years are fillers); a count written before its noun takes
the noun (6069万农民受益); then named rules rewrite the metric in the fixed order of ``read``
(framing verbs, a year inside, the subject of a clause before, a gap to a reference, ...).
Every rule that changes the metric is named in the reading, and so in the record's trace.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import numbers, segment
from ..lexicon import Gate, Need, alternation
from ..records import Quantity, _built_fast
from . import layout as layouts

TAIL = 12  # the longest verb, filler or rate word anchored at a phrase's end is shorter than this
_SPACE = re.compile(r"\s+")
_STRIP = "“”\"'·-—"  # quotes and dashes around a metric are no part of it
_STRIP_OPEN = _STRIP.replace("“", "")  # the same without the opening quote
_DIGIT = re.compile(r"[0-9]")
_NUMERAL = re.compile(r"[0-9〇○零一二三四五六七八九十百千万亿两]")  # a number in digits or in Chinese numerals
_YEAR = re.compile(r"[0-9]{4}年")
_NUMERALS_ONLY = re.compile(r"[从由到至]?[0-9〇○零一二三四五六七八九十百千两]*年?[到至]?了?")  # 两, 到了, 从一九五〇年到
LETTER = re.compile(r"[^\W\d_]")  # a letter of any script
_LAST_DIGIT = re.compile(r"[0-9](?=[^0-9]*$)")
BRACKETED_UNIT = re.compile(r"[（(][^\W\d_]{1,2}[）)](?=[、，,])")  # 3.1万套（户）、: another unit of the value before


@dataclass(frozen=True)
class Patterns:
    verb_end: re.Pattern  # a verb, optionally followed by 到/至/为/了/在, ending the left context
    filler_end: re.Pattern  # a filler or status cue ending the left context
    leading: re.Pattern  # scope, time and connective words opening a metric
    action_start: re.Pattern
    predicate: re.Pattern
    completion: re.Pattern
    manner_end: re.Pattern  # an adverb of how a deed went, ending the words the noun was cut from (实事|圆满|完成)
    verb_start: re.Pattern
    compound_head: re.Pattern  # a change verb opening a deed's noun, the whole word (提升举措，)
    framing_start: re.Pattern  # a framing verb opening a metric (建成|乡村驿站), unless it opens a noun
    defining_start: re.Pattern  # a verb that defines what is counted (新建|学校), kept before a noun
    inner_year: re.Pattern  # a year between words of a metric (重点园区|2025年|营业收入)
    area: re.Pattern  # the name of an area opening a phrase (青川东部经济圈|加快建设)
    area_word: re.Pattern  # the last words of an area's name, anywhere (青川新区|经济总量)
    place_frame: re.Pattern  # a place named by examples (在工业、农业等领域|应用落地)
    gap: re.Pattern  # a generic rate word, then a gap verb (增速|高于全国)
    words: dict  # word lists the rules test membership in, as tuples (built once, not per value)
    to_level_start: re.Pattern  # a verb that moves a value to a level (由1750元|提高到2880元)
    framing_end: re.Pattern  # a framing verb ending a counted noun (4个物流基地|建设)
    adverb_framing_end: re.Pattern  # a framing verb, with its adverb, ending the subject of a count (规划|共设置|26项指标)
    adverb_start: re.Pattern  # an adverb opening a metric (累计|建成…, 共|建成…), no part of what is measured
    adverb_inside: re.Pattern  # one between a metric's subject and its verb (中欧班列|累计|开行), searched from 2
    particle_after_verb: re.Pattern  # a verb of doing, then its particle (新建了|高速公路): the particle goes
    connective: re.Pattern  # a conjunction or adverb linking clauses (而|1956年就…), unless it opens a noun
    year_span: re.Pattern  # a span of years (五年|共增加了), a filler but before 新增 and a count's noun
    cue_goal: re.Pattern  # a target cue and a verb that reaches a goal (力争实现|工农业年总产值翻两番)
    older_signs: re.Pattern  # a word one of the older prose's frames needs (从/由, 实现, 规定, 把): else none acts
    destination: re.Pattern  # a verb moving a value to the level after it (由71所|优化整合为|47所)
    from_value: re.Pattern  # a value a from-frame opens, ending the words before the next value (由71所|优化整合为)
    place_of_predicate: re.Pattern  # where a counted noun's predicate happens (农业转移人口|在城镇|落户)
    moved_value: re.Pattern  # a verb right before a number, after a counted noun: it moves the next value
    size: re.Pattern  # a size written between a count and its noun (3座|35万千瓦|光热电站, 2个|10万吨级|码头)
    quoted_name: re.Pattern  # a quoted name, then the head noun it names (“两业”|融合试点企业), inside a counted noun
    grade: re.Pattern  # a grade written between a count and its noun, part of that noun (3家|5A级景区)
    drawing: re.Pattern  # a verb between an event and the participants it draws (联赛|吸引|参赛队伍)
    batch: re.Pattern  # the batch a count is of, right before it (建好首批|24个试点项目)
    examples: re.Pattern  # quoted names listed before 等 (“甲”“乙”等|劳务品牌), the examples of what follows
    cause: re.Pattern  # a cause named by examples, then its verb (…等新机制推动|办结率)
    deed_start: re.Pattern  # a verb that defines or is shared by what is counted (改造|建设…中心): a framing verb after it goes
    pilot: re.Pattern  # a counted noun, the verb carrying out a pilot, the pilot (县|开展|甲保险试点)
    grouping: re.Pattern  # the classes a count is grouped in, right before it (十大类|46项)


def doing_verbs(lang) -> tuple[str, ...]:
    """The verbs that say something was done to a quantity: changed, set, built, framed or defined."""
    words = lang.words
    return (words("framing_verbs") + words("defining_verbs") + words("action_verbs") + words("verbs", "change_up")
            + words("verbs", "change_down") + words("verbs", "level"))


def _build(lang) -> Patterns:
    words = lang.words
    after = words("verbs", "after_metric")
    verbs = [v for v in words("verbs", "change_up") + words("verbs", "change_down") + words("verbs", "level")
             if v not in after]
    fillers = words("fillers") + words("status", "estimate") + words("status", "between")
    leading = (words("scope") + words("time_words") + words("status", "target") + words("status", "estimate")
               + words("openers"))
    always = words("metric_adverbs", "always")
    before_verb = words("metric_adverbs", "before_verb") + tuple("在" + w for w in words("scope"))
    framing_adverbs = before_verb + words("metric_adverbs", "before_framing")
    doing = doing_verbs(lang)
    return Patterns(
        verb_end=re.compile(rf"(?P<verb>{alternation(verbs)})(?P<to>(?:{alternation(words('verbs', 'to_level'))})"
                            rf"(?:{alternation(words('verbs', 'particles'))})?|{alternation(words('verbs', 'particles'))})?$"),  # 增加到了
        filler_end=re.compile(rf"(?:{alternation(fillers)}|{'|'.join(words('filler_patterns'))}|{lang.raw['year_span']}"
                              rf"|{lang.raw['only_adverb']})$"),
        leading=re.compile(rf"^(?:(?!{lang.raw['in_noun']}|{lang.raw['national_title']})(?:{alternation(leading)}|{'|'.join(words('leading_frames'))}"
                           rf"|{'|'.join(words('leading_patterns'))}))+"),
        action_start=re.compile(rf"^(?:{alternation(words('action_verbs'))})"),
        predicate=re.compile(alternation(words("predicate_verbs"))),
        completion=re.compile(alternation(words("verbs", "completion"))),
        manner_end=re.compile(rf"(?<=[^\W\d_](?:[^\W\d_]|”))(?:{alternation(words('metric_adverbs', 'manner'))})$"),
        verb_start=re.compile(alternation(words("verbs", "change_up") + words("verbs", "change_down"))),
        compound_head=re.compile(rf"(?:{alternation(words('verbs', 'change_up') + words('verbs', 'change_down'))})"
                                 rf"(?:{alternation(words('change_compound_heads'))})(?![^\W\d_])"),
        defining_start=re.compile(rf"^(?:{alternation(words('defining_verbs'))})"),
        inner_year=re.compile(lang.raw["inner_year"]),
        place_frame=re.compile(lang.raw["place_frame"]),
        area_word=re.compile(alternation(words("area_suffixes"))),
        area=re.compile(rf"^[^\W\d_]{{2,8}}?(?:{alternation(words('area_suffixes'))})"),
        gap=re.compile(rf"(?P<rate>{alternation(words('generic_heads'))})?"
                       rf"(?:{alternation(words('gap', 'verbs'))}|(?P<beyond>{alternation(words('gap', 'beyond'))}))"),
        words={key: tuple(words(*key.split("."))) for key in (
            "count_openers", "measure_nouns", "rate_units", "not_prenominal", "verbs.after_metric",
            "carried_subject_verbs", "from_frames", "region_classes", "comparison_openers", "verb_nouns",
            "generic_heads", "total_heads", "verbs.to_level", "gap.beyond", "existential", "condition_frames",
            "from_frame_words", "disposal_objects", "goal_frame_nouns", "goal_frame_verbs", "linking_adverbs",
            "open_list_marks", "prenominal_words", "frame_prepositions", "comparison_predicates")}
        | {"object_verbs": tuple(doing_verbs(lang) + words("carried_subject_verbs"))},  # verbs that take the noun after
        to_level_start=re.compile(rf"^(?:{alternation(verbs)})(?:{alternation(words('verbs', 'to_level'))})?(?<=[{''.join(words('verbs', 'to_level'))}])"),
        framing_start=re.compile(rf"^(?!(?!(?:{alternation(words('framing_verbs'))})(?:{alternation(words('framing_noun_breaks'))}))"
                                 rf"(?:{alternation(words('framing_nouns'))}))(?:{alternation(words('framing_verbs'))})"),
        framing_end=re.compile(rf"(?<=[^\W\d_]{{2}})(?:{alternation(words('framing_verbs'))})$"),
        adverb_framing_end=re.compile(rf"(?:(?<=[^\W\d_]{{2}})|^)(?:{alternation(framing_adverbs)})*"
                                      rf"(?:{alternation(words('framing_verbs'))})+$"),  # 高标准高水平|布局建设
        adverb_start=re.compile(rf"^(?:{alternation(always)}|(?:{alternation(before_verb)})(?={alternation(doing)}))"),
        adverb_inside=re.compile(rf"(?:{alternation(always)})(?=[^\W\d_]{{2}})"),
        particle_after_verb=re.compile(rf"^(?:{alternation(words('framing_verbs') + words('defining_verbs'))})"
                                       rf"(?P<particle>{alternation(words('verbs', 'perfective'))})"),
        year_span=re.compile(lang.raw["year_span"]),
        cue_goal=re.compile(rf"(?:{alternation(words('status', 'between'))})(?:{alternation(words('goal_frame_verbs'))})"),
        older_signs=re.compile(alternation(words("from_frames") + words("goal_frame_verbs") + words("stipulating_verbs")
                                           + words("disposal_objects")[:1])),
        connective=re.compile(rf"^(?!{alternation(words('connective_nouns'))})(?:{alternation(words('connectives'))})"),
        batch=re.compile(lang.raw["batch"]),
        place_of_predicate=re.compile(lang.raw["place_of_predicate"]),
        moved_value=re.compile(rf"(?:{alternation(verbs)})(?:{alternation(words('verbs', 'to_level'))})?(?=[0-9])"),
        destination=re.compile(rf"^[^\W\d_]{{0,6}}?(?:{alternation(words('verbs', 'to_level'))})"
                               rf"(?=[0-9〇零一二三四五六七八九十两])"),
        from_value=re.compile(rf"(?:{alternation(words('from_frames'))})(?:[^，。；]{{0,8}}的)?"
                              rf"[0-9][0-9.]*[^0-9，。；]{{0,4}}$"),
        size=re.compile(rf"^[0-9]+(?:\.[0-9]+)?(?:{alternation(tuple(lang.magnitudes))})?"
                        rf"(?:{alternation(tuple(u for u in lang.units if LETTER.match(u)) + words('not_indicators', 'class_units'))})"
                        rf"级?(?=[\u4e00-\u9fff])"),  # 35万千瓦, 10万吨级, 220千伏
        quoted_name=re.compile(lang.raw["quoted_name_in_noun"]),
        grade=re.compile(rf"^[0-9](?:{alternation(words('size_grades'))})(?=[\u4e00-\u9fff])"),
        drawing=re.compile(rf"(?<=[^\W\d_]{{2}})(?:{alternation(words('drawing_verbs'))})(?=[^\W\d_]{{2}})"),
        examples=re.compile(rf"^(?:“?[^“”，。；、]{{1,12}}”、?)+(?:{alternation(words('open_list_marks'))})(?=[^\W\d_]{{2}})"),
        grouping=re.compile(lang.raw["grouping"]),
        pilot=re.compile(rf"(?P<noun>[^\W\d_]{{1,12}}?(?:\([^()]{{1,8}}\))?)(?:{alternation(lang.raw['pilot']['verbs'])})"
                         rf"(?P<pilot>[^\W\d_]{{2,16}}?(?:{alternation(lang.raw['pilot']['nouns'])}))"),
        deed_start=re.compile(rf"^(?:{alternation(words('defining_verbs') + words('shared_verbs'))})"),
        cause=re.compile(rf"^[^，。；]*?(?:{alternation(words('open_list_marks'))})[^，。；]{{0,10}}?"
                         rf"(?:{alternation(words('cause_verbs'))})(?=[^\W\d_]{{2}})"),
    )


def patterns(lang) -> Patterns:
    return lang.compiled(_prefiltered)


# The costliest patterns searched on every phrase: each is searched only where a character its matches hold stands
# (most matched patterns are not: a match fails at the first character as fast as a look at it; ``leading``, matched
# on every metric cleaned, opens with a lookahead of two patterns and fails at five times the scan's cost).
_PREFILTERED = ("filler_end", "manner_end", "inner_year", "framing_end", "drawing", "grouping", "adverb_framing_end",
                "leading")


def _prefiltered(lang) -> Patterns:
    """``_build``'s patterns, those of ``_PREFILTERED`` prefiltered (``lexicon.prefiltered``)."""
    from dataclasses import replace

    from ..lexicon import prefiltered

    g = _build(lang)
    return replace(g, **{name: prefiltered(getattr(g, name)) for name in _PREFILTERED})


@_built_fast  # made several times per value: slots set directly, not through object.__setattr__
@dataclass(frozen=True, slots=True)
class Left:
    """The words before a value: its metric, the verb that moves it, and the fillers between."""

    metric: str
    verb: str | None
    to_level: bool  # 提高到: the verb states a level, not a change
    fillers: str


def read_left(left: str, lang) -> Left:
    """Split the words before a value into metric, fillers and verb."""
    if (held := lang.compiled(_left_chars)) is not None and held.search(left) is None:
        return Left(clean_metric(left, lang), None, False, "")  # no verb or filler can end it: one scan for the three
    g = patterns(lang)
    to_level_words, after = g.words["verbs.to_level"], g.words["verbs.after_metric"]
    rest, verb, to_level, fillers = left, None, False, ""
    while True:
        m = g.verb_end.search(rest, max(0, len(rest) - TAIL)) if verb is None else None
        if m is not None:
            verb = m.group("verb")
            to_level = bool(m.group("to")) and m.group("to").startswith(to_level_words)
            rest = rest[:m.start()]
            continue
        a = next((w for w in after if rest.endswith(w)), None) if verb is None and rest.endswith(after) else None
        if a is not None and len(clean_metric(rest[:-len(a)], lang)) >= 2:
            verb, rest = a, rest[:-len(a)]
            continue
        f = g.filler_end.search(rest, max(0, len(rest) - TAIL))
        if f is not None and f.start() < len(rest):
            fillers = f.group() + fillers
            rest = rest[:f.start()]
            continue
        break
    return Left(clean_metric(rest, lang), verb, to_level, fillers)


def _left_chars(lang) -> re.Pattern | None:
    """The characters one of which a phrase holds where ``read_left`` can take anything off its end: one of its verb
    pattern's, of its filler pattern's (``required_chars``) or a letter of a verb after the metric. None where either
    pattern has none such (then every phrase is read)."""
    from ..lexicon import required_chars

    g = patterns(lang)
    verbs, fillers = required_chars(g.verb_end), required_chars(g.filler_end)
    if verbs is None or fillers is None:
        return None
    chars = verbs | fillers | frozenset("".join(g.words["verbs.after_metric"]))
    return re.compile(f"[{re.escape(''.join(sorted(chars)))}]")


def clean_metric(metric: str, lang) -> str:
    """Drop blanks, quotes, and the scope, time and connective words that open a phrase."""
    g = patterns(lang)
    spaced = metric if metric.isalpha() else _SPACE.sub("", metric)  # letters only: no blank to drop (most phrases)
    metric = spaced.strip(_STRIP)
    if "“" in spaced and spaced.lstrip(_STRIP_OPEN).startswith("“") and 0 <= metric.find("”") < (
            metric.find("“") % (len(metric) + 1)):
        metric = "“" + metric  # “村超”联赛参赛队伍: the quote the metric opens with closes inside it
    if "“" in metric and spaced.startswith("”", len(spaced) - len(spaced.lstrip(_STRIP)) + len(metric)) and (
            metric.count("“") > metric.count("”")):
        metric += "”"  # 提供“暖心煤”1亿吨: the quote the metric opened is closed
    for _ in range(3):
        m = g.leading.match(metric)
        if not m or m.end() == 0:
            break
        metric = metric[m.end():]
    if metric.endswith(lang.raw["possessive"]):
        metric = metric[:-1]
    if metric.startswith(("”", "、", lang.raw["possessive"])):  # 一九五七年的|工业总产值: 的 opens no metric
        metric = metric[1:]
    return metric


def topic(wt: str, lang, breaks: segment.Breaks, s_start: int, first_value: int) -> tuple[list[str], str | None]:
    """A clause that names a metric but holds no value lends it to the values of the clauses after it:
    one that says how it moved (养老金连续5年增加，去年又提高10%) or one that is only a noun phrase
    (全年社会消费品零售总额，比上年增长8%); past asides after it (包括…在内: the rule's name is returned)."""
    c_end = breaks.clause_start(first_value, s_start) - 1
    if c_end <= s_start:
        return [], None
    clause, rule = wt[breaks.clause_start(c_end, s_start):c_end], None
    for _ in range(ASIDES_SKIPPED):
        if not lang.compiled(_aside).fullmatch(clause.strip()) or breaks.clause_start(c_end, s_start) <= s_start:
            break
        c_end = breaks.clause_start(c_end, s_start) - 1  # 包括原有企业和新建企业的在内，: an aside lends nothing;
        clause, rule = wt[breaks.clause_start(c_end, s_start):c_end], "topic_past_aside"  # the clause before does (langn9)
        clause = clause if ")" in clause else clause.split("(")[0]  # 工业总产值（不包括…，下同）: the note is an aside too
        clause = without_connectives(clause, lang)  # 但是|全国社会商品零售总额，由于…，: the link names nothing
    lent = _lent(clause, lang)
    return lent, rule if lent else None


def _lent(clause: str, lang) -> list[str]:
    """The metric a value-less clause lends, or none."""
    if (subject := step_subject(clean_metric(clause, lang), lang)) is not None:
        return [subject]  # 地区生产总值连跨两个万亿元台阶，年均增长5.7%: the measure that climbed (langp8)
    left = read_left(clause, lang)
    if left.verb:
        metric = without_pace(left.metric, lang)  # 某项投资|逐年|增加: how fast is no part of what
        return [metric] if len(metric) >= 2 and not left.to_level else []
    if (goal := goal_of(clause, left.metric, lang)) is not None:
        return [goal]
    return [without_causative(left.metric, "", lang)] if noun_phrase(left.metric, lang) else []  # 使消费的比重，由…


def owner_of_share(before: str, verb: str | None, unit: str, clause: str, lang) -> str:
    """…共为19亿元，占地方预算支出总数的24.76%，比上年增长15.91%: a clause after a share that moves by a rate
    in % (`share_owner_verbs`: 增长, 下降) and names no share of its own moves the share's subject, the amount
    (langn9); a share raised (提高1%) or named again (比…所占的比重下降) stays the share's. "" where none."""
    share = lang.raw["share"]
    if unit != "%" or verb not in lang.words("share_owner_verbs") or not before.endswith(tuple(share["endings"])) or (
            share["verb"] not in before) or any(w in clause for w in share["endings"]):
        return ""
    owner = before[:before.rindex(share["verb"])]
    return owner if len(owner) >= 2 else ""


ASIDES_SKIPPED = 2  # clauses of asides a value-less clause lending its metric may stand before


def _aside(lang) -> re.Pattern:
    return re.compile(lang.raw["aside_clause"])


def goal_of(clause: str, metric: str, lang) -> str | None:
    """经济增长速度的宏观调控目标，定为9%: a clause naming the goal of a quantity lends the quantity."""
    if not clause.rstrip().endswith(lang.words("goal_nouns")):
        return None
    head, found, tail = metric.rpartition(lang.raw["possessive"])
    subject = head if found and len(tail) <= 6 else metric
    return subject if len(subject) >= 2 else None


def noun_phrase(metric: str, lang) -> bool:
    """A clause that is only a noun phrase naming a quantity: it ends in a measure noun and holds no verb."""
    g = patterns(lang)
    return (len(metric) >= 2 and metric.endswith(g.words["measure_nouns"])
            and not g.predicate.search(metric.replace(lang.raw["possessive"], ""))
            and not g.action_start.match(metric) and not g.framing_start.match(metric))


def noun_after(right: str, lang) -> str:
    """The noun a count stands before, up to its own predicate; where the count's classifier is
    itself the counted noun (120万人受益), the predicate that opens the words after it. A framing verb
    ending the noun is its predicate (4个物流基地建设 -> 物流基地)."""
    noun = right.removeprefix(lang.raw["possessive"])
    if (held := lang.compiled(_noun_chars)) is not None and held.search(noun) is None:
        return noun  # no verb, year or framing verb can end it: one scan for the four
    g = patterns(lang)
    if (v := g.moved_value.search(noun, 1)) is not None:  # 12条产业链项目占比达|84.4%: the verb moves the next value
        noun = noun[:v.start()]
    m = next((m for m in g.predicate.finditer(noun, 1) if noun.count("(", 0, m.start()) <= noun.count(
        ")", 0, m.start()) and noun.count("“", 0, m.start()) <= noun.count("”", 0, m.start()) and not
        quoted_name_in_noun(noun, m.start(), lang)), None) if g.predicate.search(
        noun, 1) else None  # most nouns hold no predicate: no match to walk; none inside a quote (“甲就是乙”基地)
    # 21个省(区、市)完成…: a 、 inside brackets ends no noun; nor does a quoted name before its head (“两业”融合企业)
    noun = noun[:m.start()] if m else noun
    if m and (place := g.place_of_predicate.search(noun, 2)) is not None:
        noun = noun[:place.start()]  # 1400万农业转移人口|在城镇落户: where is the predicate's
    if m:  # 30个国家已经|建立…: an adverb linking the noun to its predicate is the predicate's
        noun = noun.removesuffix(next((w for w in g.words["linking_adverbs"] if noun.endswith(w) and len(noun) > len(w) + 1), ""))
    year = _YEAR.search(noun, 1)  # 13个重点园区|2025年营业收入: a year opens the next phrase
    noun = noun[:year.start()] if year else noun
    framed = g.framing_end.search(noun, max(0, len(noun) - TAIL))
    return noun[:framed.start()] if framed else noun


def _noun_chars(lang) -> re.Pattern | None:
    """The characters one of which the words after a count hold where ``noun_after`` can end the
    noun before they do: one of its moved value's, predicate's, year's or framing verb's (``required_chars``). None
    where a pattern has none such (then every phrase is read)."""
    from ..lexicon import required_chars

    g = patterns(lang)
    needs = [required_chars(p) for p in (g.moved_value, g.predicate, _YEAR, g.framing_end)]
    return None if None in needs else re.compile(f"[{re.escape(''.join(sorted(frozenset().union(*needs))))}]")


def quoted_name_in_noun(noun: str, at: int, lang) -> bool:
    """20家省级“两业”融合试点企业: a quoted name between a counted noun's qualifier and its head is part of the
    noun, where no verb of doing stands before it or opens the words after it (16家医疗机构设置“免陪护”病房,
    7所高校“双一流”创建…: there the quote is the predicate's)."""
    name = patterns(lang).quoted_name.match(noun, at)
    if name is None:
        return False
    verbs = doing_verbs(lang)
    return not any(v in noun[:at] for v in verbs) and not noun[name.end() - 2:].startswith(verbs)


def before_deed(noun: str, lang) -> str:
    """46万群众远离了危险 -> 群众: a perfective particle after the counted noun marks the deed done to it;
    the noun ends before the two-character verb the particle follows (a shorter noun is left whole)."""
    if len(noun) <= 4:
        return noun  # no particle fits at 4 or after (most nouns)
    at = min((i for w in lang.words("verbs", "perfective") if (i := noun.find(w, 4)) >= 0), default=-1)
    return noun[:at - 2] if at >= 0 and LETTER.fullmatch(noun[at - 1]) and LETTER.fullmatch(noun[at - 2]) else noun


def _cut_predicate(lang) -> re.Pattern:
    """10个县区通了新|的高速公路, 4万户农牧民用上|稳定可靠的电: a one-character verb and its particle after a counted
    noun, with at most 4 words of its object left where the noun was cut inside the words, is a stub of the noun's
    predicate (langp6); a whole predicate (居民用上舒心电, 人口用上电) defines what is counted and stays."""
    cut = lang.raw["cut_predicate"]
    return re.compile(rf"(?<=[^\W\d_]{{2}})(?:{alternation(cut['verbs'])})(?:{alternation(cut['particles'])})"
                      rf"[^\W\d_]{{0,{int(cut['object_left'])}}}$")


def before_completion(noun: str, lang) -> str:
    """12个合作项目落地, 5项政策出台施行, 14个园区建设开局 -> 合作项目, 政策, 园区: a verb of coming into
    force or use after the counted noun is its predicate, and so is a framing verb right before it."""
    g = patterns(lang)
    m = g.completion.search(noun, 2)
    if not m:
        return noun
    head = noun[:m.start()]
    framed = g.framing_end.search(head, max(0, len(head) - TAIL))
    return head[:framed.start()] if framed else head


NAME = 7  # the longest name in a list of the items a count counts (东川、西川|3座电站)


def named_items(subject: str, lang) -> str | None:
    """建设东川、西川3座电站, 钢铁、化工等重点行业40种产品: names listed before a count are the items it counts
    and no part of what is counted; a class they are named as examples of stays (重点行业产品). None where
    the subject holds no list of names (the last item is longer than a name: a clause of its own)."""
    if "、" not in subject:
        return None  # most subjects: no list
    items, sep, last = subject.rpartition("、")
    example = next((w for w in lang.words("open_list_marks") if w in last), None)
    name, _, kind = last.partition(example) if example else (last, "", "")
    joined = re.split(f"[{''.join(lang.words('list_joiners')[1:])}]", name)  # 甲产业、水产和林下经济|7个: two names
    if not sep or not items or max(map(len, joined)) > NAME:
        return None
    return "" if kind in lang.raw["single_example"]["not_classes"] else kind  # 等方面|105个预案: fields, no class


def counted_noun(left_text: str, left: Left, noun: str, lang) -> tuple[str, str]:
    """The metric of a count written before its noun: the noun phrase after the number. Words before
    the number stay only as the subject that has the count (自贸试验区…240项制度); an existential
    verb, named examples or a verb of doing are dropped (全省有35个县实现… -> 县; A、B等20项成果 -> 成果),
    so are the names of the items counted (建设A、B两座电站 -> 电站), and so is a framing verb ending the subject (自贸试验区形成240项制度 -> 自贸试验区制度);
    a modifier phrase with 的 belongs to the noun (按期建设的123个项目 -> 按期建设的项目)."""
    de, g, may = lang.raw["possessive"], patterns(lang), lang.compiled(_gate).may
    subject = without_adverbs(left.metric, lang) if may("adverb_dropped", left.metric) else left.metric
    grouped = g.grouping.search(subject) if may("grouping_before_count_dropped", subject) else None
    if grouped is not None:
        subject = subject[:grouped.start()]  # 十大类46项民生实事工程: the classes are no part of what is counted
        if not subject:
            return noun, "grouping_before_count_dropped"
    if subject and not left.verb and left_text.rstrip().endswith(de):
        return subject + de + noun, "modifier_with_de_before_count"
    if subject and may("relative_clause_before_existential_count", left_text) and (
            related := relative_before_existential(left_text, subject, noun, lang)):
        return related, "relative_clause_before_existential_count"
    openers = g.words["count_openers"]
    opened = subject.endswith(openers) or (left_text if left_text.isalpha() else _SPACE.sub("", left_text)).endswith(
        openers)  # 已有: a filler
    if left.verb or opened or not (unframed(subject, "", lang, whole=True) if may(ONLY_VERBS, subject) else subject):
        return noun, "grouping_before_count_dropped" if grouped else "noun_after_count"
    perfective = lang.words("verbs", "perfective")
    if any(map(subject.__contains__, perfective)) and any(
            0 <= len(subject) - subject.rfind(w) - len(w) <= _DEED_OBJECT for w in perfective if w in subject):
        return noun, "deed_before_count_dropped"  # 解决了1亿多农村人口的…, 接待了来自30个国家的…: a deed, no subject
    if subject.startswith(g.words["frame_prepositions"]):
        return noun, "frame_before_count_dropped"  # 面向东盟国家布局5家载体: whom a deed faces owns no count
    rule = "grouping_before_count_dropped" if grouped else "subject_and_noun_after_count"
    if (named := named_items(subject, lang)) is not None:
        subject, rule = named, "named_items_before_count"
    if (f := g.adverb_framing_end.search(subject, max(0, len(subject) - TAIL))) is not None:
        subject = subject[:f.start()]  # 自贸片区形成86项成果, 规划共设置26项指标: the subject, not its verb
    return subject + noun, rule


_DEED_OBJECT = 2  # 接待了来自|30个国家: at most a short verb after the particle, never a subject of its own


def prenominal(right: str, left: Left, q: Quantity, lang) -> bool:
    """A count written before its noun: 6069万农民受益, 两次下调利率, 4万亿元的投资计划."""
    if not right or q.unit in patterns(lang).words["rate_units"]:
        return False
    head = right.removeprefix(lang.raw["possessive"])
    if not head or not ("\u4e00" <= head[0] <= "\u9fff" or head[0] in "“\""):
        return False
    g = patterns(lang)
    noun = head.startswith(g.words["prenominal_words"])  # 150个和美乡村, 10件为民实事: a noun, whatever it opens with
    if head.startswith(lang.words("predicate_adverbs", "words")) and q.unit not in lang.words(
            "predicate_adverbs", "event_counts"):
        return False  # 生态廊道1194公里|全线贯通: how the deed went, no noun of the value (langp8)
    if head.startswith(g.words["not_prenominal"]) and not noun:
        return False
    if g.compound_head.match(head):
        return True  # 100项提升举措: a change verb before the head of a deed's noun is that noun's, no predicate
    if (not noun and g.to_level_start.match(head)) or ((v := g.verb_start.match(head)) and (
            left.metric or _DIGIT.search(head) or _NUMERAL.match(head[v.end():].lstrip("了约近")))):
        return False  # 由1750元|提高到2880元, 较上年的93亿元|增加43亿元 (or 增长百分之八): the words after move the value
    has_verb = left.verb or (q.cue in lang.prefix_modifiers and not left.metric.endswith(g.words["object_verbs"]))
    # 有超过300个村: 有 names nothing; 完善提升20个网络: a metric made only of verbs of doing names nothing either
    return (not (has_verb and left.metric) or left.metric in g.words["existential"]
            or not (unframed(left.metric, "", lang, whole=True) if lang.compiled(_gate).may(ONLY_VERBS, left.metric)
                    else left.metric))


def allotting_names_noun(left: Left, right: str, q: Quantity, lang) -> Left | None:
    """中央财政安排1000亿元专项奖补资金, 财政增发1000亿元国债: a subject, a verb allotting money (`named_amount.money`) and an
    amount whose noun follows it: the noun is the fund measured, and the verb stays with it as 新增 does (中央财政安排
    专项奖补资金). The words before as one metric with their verb, or None (安排51亿元，用于…, 安排219亿元支持…: no noun)."""
    money = lang.raw["named_amount"]["money"]  # the verbs and units of money deeds, one list for both rules
    if left.verb not in money["verbs"] or q.unit not in money["units"] or len(left.metric) < 2 \
            or right.startswith(tuple(lang.raw["allotting"]["purposes"])):
        return None  # 安排219亿元|支持…: what the amount is for follows, no fund's noun
    named = Left(left.metric + left.verb, None, False, left.fillers)
    return named if prenominal(right, named, q, lang) else None


def fund_before_purpose(noun: str, lang) -> str:
    """国债|加强基础设施建设, 资金|支持再就业: the noun after an amount of money ends before a verb of what the money is
    for; "" where the words after the amount open with one (投入100亿元|支持职业教育发展: no noun)."""
    at = min((i for w in lang.raw["allotting"]["purposes"] if (i := noun.find(w)) >= 0), default=len(noun))
    return noun[:at] if at >= 2 else ""


def population_word(wt: str, q: Quantity, lang) -> str:
    """The word of the people (人民, 人口) a count of the nation's people (`population_counts`: 六亿人民, 13亿人口的大国)
    counts, or "" where the value counts no people of a nation (langn8)."""
    if (m := lang.compiled(_population).match(wt, q.span.start)) is None:
        return ""  # most counts: no look at the words
    return next((w for w in lang.words("population_words") if w in m.group()), "")


def _population(lang) -> re.Pattern:
    """Compiled once: a look-up in ``re``'s own cache, on every counted noun, cost as much as the match."""
    return re.compile(lang.raw["population_counts"])


def reached(right: str, left: Left, q: Quantity, lang) -> Left | None:
    """绿电外送拓展至22个省区市, 对外贸易扩大至228个国家和地区: a verb of reaching out (with 至/到) between a
    subject and a count of places written before their noun counts the places the subject reached; the
    subject stays, the verb goes (langp5). The words before without the verb, or None."""
    g = lang.compiled(_provincial)
    if q.unit not in g.reach_counts or not right or not LETTER.fullmatch(right[0]) \
            or right.startswith(lang.raw["possessive"]):
        return None
    words = left.metric + (left.verb or "")
    if (verb := g.reach.search(words)) is None or not (verb.group("to") or left.to_level) \
            or len(subject := clean_metric(words[:verb.start()], lang)) < 2:
        return None  # 拓展22个市场 without 至: a deed done, no place reached
    return Left(subject.removesuffix(next((w for w in g.reach_scopes if subject.endswith(w)), "")) or subject,
                None, False, left.fillers)  # 试点范围扩大到|20个县 -> 试点县: the range is the places


def benefactive(right: str, left: Left, q: Quantity, lang) -> bool:
    """为 + a count of people or things + their noun + a deed done for them (青川市为3500名农民工追回欠薪):
    为 is the preposition "for", not the copula; the copula's value ends its clause or goes on with 的."""
    if left.verb not in lang.words("benefactive_verbs") or q.unit not in lang.words("benefactive_counts"):
        return False
    if not right or not LETTER.fullmatch(right[0]) or right.startswith(lang.raw["possessive"]):
        return False
    return True


def _regrouped(lang) -> re.Pattern:
    """Verbs that regroup the things counted into a new count (32个乡镇合并为|20个), closing the noun before 为."""
    to = alternation(lang.words("verbs", "to_level"))
    return re.compile(rf"(?<=[^\W\d_]{{2}})(?:{alternation(lang.words('regrouping_verbs'))})+(?={to})")


@dataclass(frozen=True)
class Provincial:
    """The fourth provincial pass's boundaries around a count and its neighbours, built once per Language (langp4)."""

    in_use_end: re.Pattern  # a verb of being open or in use, with its 化 adverb, ending a counted noun (中心|开诊运营)
    valued_deed: re.Pattern  # a deed's verb after a counted noun, its object with a value of its own (省份|保供煤炭超35亿吨)
    record: re.Pattern  # a measure's clause that says it set a record (进出口总值|创历史新高)
    means: re.Pattern  # a means phrase opening a metric, up to a verb of doing (利用闲置资源|改造…中心)
    frame_opening: str  # 以 of the frame 以 + count + noun + 为 (以全省|100个县|为基本单元)
    frame_copula: str
    since: re.Pattern  # a frame of the time since an event opening a metric (党的十八大以来|…)
    helped_deed: re.Pattern  # 帮助 + the helped + their own deed (帮助失业人员就业): a whole metric, no subject carried
    reach: re.Pattern  # a verb of reaching out to places, ending the words before a count (绿电外送|拓展至|22个省区市)
    reach_counts: tuple[str, ...]  # the classifiers of the places reached (个)
    reach_scopes: tuple[str, ...]  # a noun of the range reached, which the places counted name (试点范围)
    predicate_of_subject: re.Pattern  # where a clause's subject ends: a filler, a verb of doing or a predicate (初中毕业生|继续接受…)


def _provincial(lang) -> Provincial:
    words = lang.words
    frame = lang.raw["frame_with_copula"]
    return Provincial(
        in_use_end=re.compile(rf"(?<=[^\W\d_]{{2}})(?:{lang.raw['in_use_manner']})?"
                              rf"(?:{alternation(words('in_use_verbs'))})+$"),
        valued_deed=re.compile(rf"(?<=[^\W\d_])(?!{alternation(words('valued_deed_nouns'))})"
                               rf"(?:{alternation(words('valued_deed_verbs'))})"
                               rf"(?=[^\W\d_]{{1,12}}[0-9])"),
        record=re.compile(lang.raw["record_predicate"]),
        means=re.compile(rf"^(?:{alternation(words('means_openers'))})[^\W\d_]{{2,8}}?"
                         rf"(?=(?:{alternation(doing_verbs(lang) + words('shared_verbs'))})[^\W\d_])"),
        frame_opening=frame["opening"],
        frame_copula=frame["copula"],
        predicate_of_subject=re.compile(alternation(sorted(
            set(words("fillers") + doing_verbs(lang)) | {w for w in words("predicate_verbs") if len(w) >= 2},
            key=len, reverse=True))),  # 参加, 享受 are predicates; 的 and 、 of that list open none
        helped_deed=re.compile(rf"(?:{alternation(lang.raw['helped_deed']['verbs'])})[^\W\d_][^，,。；;：:\d]{{0,16}}"
                               rf"(?:{alternation(lang.raw['helped_deed']['deeds'])})"),
        reach=re.compile(rf"(?:{alternation(lang.raw['reach']['verbs'])})(?P<to>{alternation(lang.raw['reach']['to'])})?$"),
        reach_counts=tuple(lang.raw["reach"]["counts"]),
        reach_scopes=tuple(lang.raw["reach"]["scopes"]),
        since=re.compile(rf"^[^\W\d_]{{0,{int(lang.raw['since_frame']['within'])}}}?{lang.raw['since_frame']['word']}"),
    )


def _locative(lang) -> re.Pattern:
    """在 + the places where, opening the words before a value up to a verb of doing (在甲港口、乙园区|布局建设…):
    they say where the deed is done, not what is measured (langp6)."""
    frame, words = lang.raw["locative_frame"], lang.words
    adverbs = words("metric_adverbs", "before_verb") + words("metric_adverbs", "before_framing")
    deeds = words("framing_verbs") + words("defining_verbs") + words("action_verbs")
    return re.compile(rf"^(?:{alternation(words('scope'))})?(?!{lang.raw['in_noun']}){frame['word']}"
                      rf"(?:(?!{_NUMERAL.pattern}|{alternation(frame['not_places'])})[^\W\d_]|、)"
                      rf"{{2,{int(frame['within'])}}}?(?=(?:{alternation(adverbs)})*(?:{alternation(deeds)})"
                      rf"(?!{lang.raw['possessive']}))")


def subject_of_record(clause: str, lang) -> str:
    """全省进出口总值创历史新高，达到5379亿元: a clause saying a measure set a record holds no value; its subject is
    what the value after it measures, or "" where the clause is no such noun phrase and its predicate."""
    subject = clean_metric(clause, lang)
    if (m := lang.compiled(_provincial).record.search(subject)) is None:
        return ""
    return subject_before(subject[:m.start()], lang)


def clause_before_mark(left_text: str, lang) -> bool:
    """连续5年提高甲标准、: the words before a 、 that ends the words before a value hold a verb and a number or a
    verb of change: a clause of its own, no noun item of the value's."""
    item = left_text.rstrip()[:-1].rsplit("、", 1)[-1]
    g = patterns(lang)
    return bool(g.verb_start.search(item, 1)) and bool(_NUMERAL.search(item))


def frame_with_copula(metric: str, noun: str, lang) -> str | None:
    """以全省100个县(市、区)为基本单元: 以 (with a scope word) before a count and 为 after its noun frame the count;
    the noun is the words between the count and 为, and the words before 以 (办好以…) go. None where there is no such
    frame."""
    g = lang.compiled(_provincial)
    at = metric.rfind(g.frame_opening)  # 办好|以|10件民生实事为引领的…: a verb before the frame is no part either
    if at < 0 or clean_metric(metric[at + len(g.frame_opening):], lang):
        return None
    at = noun.find(g.frame_copula, 1)
    return noun[:at] if at > 0 and noun.count("(", 0, at) == noun.count(")", 0, at) else None


def unframed(metric: str, noun: str, lang, whole: bool = False) -> str:
    """建成乡村驿站120个 -> 乡村驿站: a framing verb says a counted thing was done and is no part of what
    is counted. The predicate a count's own classifier names (2300人入选人才库) keeps its verb.
    ``whole``: also drop the verbs of doing and the defining verbs, and a phrase made only of verbs; before a
    count whose noun follows, even a defining verb is no part of the metric (新建12所学校 -> 学校)."""
    if noun and metric == noun and patterns(lang).predicate.match(noun):
        return metric
    g = patterns(lang)
    if (p := g.particle_after_verb.match(metric)) is not None:  # 新建了高速公路: the particle names nothing
        metric = metric[:p.start("particle")] + metric[p.end("particle"):]
    framing, action, defining = g.framing_start, g.action_start, g.defining_start
    de = lang.raw["possessive"]
    while ((m := (framing.match(metric) or action.match(metric) or defining.match(metric)) if whole
            else framing.match(metric)) and (whole or m.end() < len(metric))
           and not metric.startswith(de, m.end())):  # 建成的学校: a verb before 的 is the noun's own modifier
        metric = metric[m.end():]
    if (d := g.deed_start.match(metric)) and (f := g.framing_start.match(metric[d.end():])) and f.end() < len(
            metric) - d.end():  # 新开工建设项目, 改造建设中心: 新开工 or 改造 defines the count, 建设 only frames it
        metric = metric[:d.end()] + metric[d.end() + f.end():]
    return metric


def without_adverbs(metric: str, lang) -> str:
    """累计建成高标准农田, 共建成驿站, 中央财政累计支出: an adverb opening a metric, or between its subject and
    verb, says how or how often, not what is measured."""
    g = patterns(lang)
    while (m := g.adverb_start.match(metric)) and m.end() < len(metric):
        metric = metric[m.end():]
    while (m := g.adverb_inside.search(metric, 2)) is not None:
        metric = metric[:m.start()] + metric[m.end():]
    return metric


def before_first_predicate(metric: str, lang) -> str:
    """农民收入增速快于城镇、突破2万元: one subject with two predicates; the first, a comparison its rate wins
    or loses (and the rate word), ends at the 、 before the value and is no part of the level's metric."""
    if "、" not in metric:
        return metric
    g = patterns(lang)
    first = metric[:metric.rindex("、")]
    at = min((i for w in g.words["comparison_predicates"] if (i := first.find(w, 2)) >= 0), default=-1)
    if at < 0:
        return metric
    subject = first[:at]
    subject = subject.removesuffix(next((w for w in g.words["generic_heads"] if subject.endswith(w)), ""))
    return subject if len(subject) >= 2 else metric


def without_examples(metric: str, lang) -> tuple[str, str | None]:
    """“甲”“乙”等特色品牌带动就业, “甲”等新机制推动问题解决率: quoted names listed before 等 are examples of
    the class after them and no part of what is measured; a cause named by examples, with the verb by which it
    moves a measure (问题解决率, ending in a measure noun), is no part of it either. The rule that acted, or None."""
    g = patterns(lang)
    if not any(map(metric.__contains__, g.words["open_list_marks"])):  # no 等: no examples (most metrics)
        return metric, None
    if (c := g.cause.match(metric)) is not None and metric.endswith(g.words["measure_nouns"]):
        return metric[c.end():], "cause_with_examples_dropped"
    if (e := g.examples.match(metric)) is not None:
        return metric[e.end():], "quoted_examples_dropped"
    if (listed := lang.compiled(_listed_examples).search(metric)) is not None:
        return before_examples(metric[:metric.index("、")], lang) + listed.group("head"), "listed_examples_dropped"
    if (single := lang.compiled(_single_example).search(metric)) is not None:
        return before_examples(metric[:single.start()], lang) + single.group("head"), "single_example_dropped"
    if (end := lang.compiled(_open_list_end).search(metric)) is not None:
        return metric[:end.start()], "open_list_end_dropped"
    return metric, None


def before_examples(first: str, lang) -> str:
    """中央财政用于|洪涝、干旱等救灾救济支出: the subject and verb before the first example stay, only the examples go
    (langp8): the words of the first example's phrase up to its last verb, or "" where it holds none (小麦、玉米等…)."""
    last = None
    for last in lang.compiled(_provincial).predicate_of_subject.finditer(first):
        pass
    return first[:last.end()] if last is not None and last.end() < len(first) else ""


def _listed_examples(lang) -> re.Pattern:
    """甲地铜矿、乙地金矿等大中型矿产地|12处: the things listed (with 、) before 等 are examples of the class that
    ends the metric, right before the value; the class is what is counted (langp6). Not a word made with 等 (高等院校), nor a
    class of places or fields the examples only locate (甲、乙等方面支出), nor a head too short to name a class
    without its examples (…等项目, …等工作)."""
    frame = lang.raw["listed_examples"]
    return re.compile(rf"、[^，,。；;：:、]{{1,{int(frame['last_item'])}}}?(?<!{'|'.join(frame['words_before'])})"
                      rf"(?:{alternation(lang.words('open_list_marks'))})"
                      rf"(?!{alternation(frame['words_after'] + frame['not_classes'])})"
                      rf"(?P<head>(?:(?!{lang.raw['possessive']})[^\W\d_]){{{int(frame['head'][0])},{int(frame['head'][1])}}})$")


def _single_example(lang) -> re.Pattern:
    """新建蓄水池等调蓄设施|120个: one thing right before 等, without 、, is an example of the class that ends the
    metric, as a list is (langp7); not a word made with 等 (高等, 等级), nor a class of fields or places (等地)."""
    frame, head = lang.raw["single_example"], lang.raw["listed_examples"]["head"]
    return re.compile(rf"(?<=[^\W\d_]{{{int(frame['example'])}}})(?<!{'|'.join(frame['words_before'])})"
                      rf"(?:{alternation(lang.words('open_list_marks'))})"
                      rf"(?!{alternation(frame['words_after'] + frame['not_classes'])})"
                      rf"(?P<head>(?:(?!{lang.raw['possessive']})[^\W\d_]){{{int(head[0])},{int(head[1])}}})$")


def _open_list_end(lang) -> re.Pattern:
    """甲奖补资金等|12亿元, 乙企业和丙商户等|1100万户: 等 ending a metric only says the things named are not all
    of them; they are what is measured (langn10). Not a word made with 等 (高等, 平等)."""
    return re.compile(rf"(?<=[^\W\d_]{{2}})(?<!{'|'.join(lang.raw['single_example']['words_before'])})"
                      rf"(?:{alternation(lang.words('open_list_marks'))})$")


def subject_of_clause(clause: str, lang) -> str:
    """“甲”“乙”等劳务品牌培育壮大，带动就业…: the clause before, as the subject of a verb that carries it, without
    the examples of its noun or the framing verb that ends it (劳务品牌)."""
    g = patterns(lang)
    subject = without_examples(clean_metric(clause, lang), lang)[0]
    framed = g.framing_end.search(subject, max(0, len(subject) - TAIL))
    return subject[:framed.start()] if framed else subject


def without_connectives(metric: str, lang) -> str:
    """而1956年就, 则经济建设支出, 也从1950年的: a word that links a clause to the one before names nothing
    measured; what follows it is read again for the time and scope words it may open."""
    g = patterns(lang)
    while (m := g.connective.match(metric)) is not None:
        metric = clean_metric(metric[m.end():], lang)
    return metric


def without_modals(metric: str, modals: tuple[str, ...], lang) -> str:
    """The metric without the modal words ending it (只需要, 一般应当, 可以); where fewer than two words are
    left (内需, or the modal alone, whose clause lends no subject here) the metric stays."""
    rest = metric
    while (w := next((w for w in modals if rest.endswith(w)), None)) is not None:
        rest = rest[:-len(w)]
    rest = clean_metric(rest, lang)
    return rest if len(rest) >= 2 else metric


def holder_of_share(before_clause: str, right: str, history: list[str], lang) -> str:
    """用于经济建设的支出，共占本年支出的47%: a share with no subject of its own, ending its clause, after a clause that
    is only a noun phrase, is that noun's share (langn10); "" where a metric before is carried or the share goes on
    to a noun it sizes (占人口95%的群众)."""
    if history or not before_clause or right.lstrip()[:1] not in ("，", "。", "；", ""):
        return ""
    return subject_before(before_clause, lang)


def subject_before(clause: str, lang) -> str:
    """The plain noun phrase a clause is (中等学校的学生), or "" where it holds a verb, a number or a frame."""
    g = patterns(lang)
    noun = clean_metric(clause, lang)
    plain = 2 <= len(noun) <= 16 and all("\u4e00" <= c <= "\u9fff" for c in noun)
    if not plain or g.predicate.search(noun.replace(lang.raw["possessive"], "")) or _NUMERAL.search(noun) or any(
            p.match(noun) for p in (g.action_start, g.framing_start, g.defining_start, g.verb_start, g.connective)):
        return ""
    return noun


def gap_to_reference(metric: str, q: Quantity, lang) -> str | None:
    """高于全国1.8个百分点 after 规上工业增加值增长7.7%: a gap to a reference, in points, says what is
    compared: the metric before + 增速 + the gap (规上工业增加值增速高于全国). A value beyond a reference
    in its own unit (完成投资2929亿元、超年度计划28%) is the metric before + the gap."""
    gap = lang.raw["gap"]
    g = patterns(lang)
    if q.unit != gap["unit"] and not metric.startswith(g.words["gap.beyond"]):
        return None
    m = g.gap.match(metric)
    if m is None or (q.unit != gap["unit"] and (not m.group("beyond") or len(metric) - m.end() < 2)):
        return None  # 超收2573亿元: a word opening with 超, no reference
    rate = m.group("rate") or ""
    return (rate or (gap["rate"] if q.unit == gap["unit"] else "")) + metric[len(rate):]


def _units_longest_first(lang) -> tuple[str, ...]:
    return tuple(sorted(lang.units, key=len, reverse=True))


def referent(clause: str, lang) -> str:
    """The noun that ends a clause, after its last 的, 了 or count (通了新的|高速公路, 新建8条|高速公路),
    or "" where the clause ends in no plain noun."""
    marks = (lang.raw["possessive"], *lang.words("verbs", "perfective"))
    cut = max(clause.rfind(w) + len(w) for w in marks)
    if (d := _LAST_DIGIT.search(clause)) is not None and d.end() > cut:
        cut = d.end()
        cut += next((len(u) for u in lang.compiled(_units_longest_first) if clause.startswith(u, cut)), 0)
    noun = clause[cut:].strip()
    plain = 2 <= len(noun) <= 10 and all("\u4e00" <= c <= "\u9fff" for c in noun)
    return noun if plain and not patterns(lang).predicate.search(noun) else ""


def area_subject(clause: str, metric: str, left_text: str, lang) -> str:
    """The area a clause opens with, as its subject (青川经济圈加快建设), lent to a metric of the clause after
    that names no place; one whose words open with a scope word (全市…) is the report's own."""
    g = patterns(lang)
    if not g.area_word.search(clause, 0, 40) or g.area_word.search(metric) or _SPACE.sub(
            "", left_text).startswith(lang.words("scope")):
        return ""
    subject = clean_metric(clause, lang)
    if subject.startswith(lang.words("heading_verbs")) or any(
            p.match(subject) for p in (g.action_start, g.framing_start, g.defining_start, g.verb_start)):
        return ""
    return m.group() if (m := g.area.match(subject)) else ""


def appositive(metric: str) -> str:
    """电动汽车、锂电池、光伏产品“新三样”出口: a quoted name that sums up a list stands for it."""
    quote = metric.find("“")
    if quote > 0 and "、" in metric[:quote]:
        return metric[quote:]
    return metric


@dataclass
class Reading:
    """What the metric step decided for one group of values, and the rules that decided it."""

    metric: str
    left: Left
    right: str  # the words after the group, to the clause's end
    noun: str  # the noun a count stands before, or ""
    rules: list[tuple[str, str]] = field(default_factory=list)  # (step, rule), in the order they acted
    recovered: tuple[str, str] | None = None  # (metric, verb) taken from a dangling clause


RIGHT_REACH = 200  # the words after a value read for its noun, unit and quoted goal: at most this many
LEFT_REACH = 200  # the words before a value read for its metric: at most this many


BARE = Left("", None, False, "")  # no words before a value


def wordless(p, left_text: str, right: str, first: Quantity, history: list[str],
             rules: list[tuple[str, str]]) -> Reading | None:
    """Dense runs of values (%5%5%5, 六成六成) cost a reading each, so one that cannot find words is
    skipped: with no letter before the group and no noun after it, the metric is none (dropped when
    the sentence has none yet, carried when nothing stands between it and the value before)."""
    if p.noisy or LETTER.search(left_text) or (history and left_text) or prenominal(right, BARE, first, p.lang):
        return None
    return Reading("", BARE, right, "", rules)


def share_before_noun(left_text: str, right: str, q: Quantity, lang) -> str | None:
    """67.5%的初中毕业生就读普通高中 -> 初中毕业生就读普通高中: a share that opens its clause (no words of
    its own before it), then 的, is the share of the words after it, to the clause's end or the next number;
    without this it took the metric of the value before (新增学位4万个，67.5%的…) or was dropped."""
    de = lang.raw["possessive"]
    if q.unit not in lang.words("share_before_noun_units") or not (right.startswith(de) or noun_then_predicate(right, lang)):
        return None
    left = read_left(left_text, lang)
    if left.verb or left.metric and left.metric not in lang.words("causatives") + lang.words("cause_verbs"):
        return None  # 推动|60%以上的县级机构达标: a verb that moves what follows names nothing of its own
    phrase = right.removeprefix(de)
    phrase = phrase[:d.start()] if (d := _DIGIT.search(phrase)) else phrase
    if any(w in phrase for w in lang.words("share_before_noun_rates")):
        return None  # 7%左右的速度, 13%左右的预期目标: the size of a rate or goal, no share of things
    return phrase if len(phrase) >= 2 and LETTER.fullmatch(phrase[0]) else None


def share_of_clause_subject(left_text: str, right: str, q: Quantity, lang) -> str | None:
    """初中毕业生继续接受教育基本全覆盖、70%就读普通高中 -> 初中毕业生就读普通高中: a share right after the 、
    that ends a clause of a subject and its predicate, then a predicate of its own, is the share of that
    subject doing it (langp5); a noun item before the 、 (甲、乙…) names no subject this way."""
    item = left_text.rstrip()
    if q.unit not in lang.words("share_before_noun_units") or not item.endswith("、") or not right \
            or not LETTER.fullmatch(right[0]) or _DIGIT.search(right) or right.startswith(lang.raw["possessive"]):
        return None
    item = clean_metric(item[:-1].rsplit("、", 1)[-1], lang)
    if (at := lang.compiled(_provincial).predicate_of_subject.search(item, 2)) is None:
        return None
    subject, predicate = item[:at.start()], right.rstrip("，,。；;")
    if subject_before(subject, lang) != subject or read_left(predicate, lang).metric != predicate or len(predicate) < 2:
        return None  # 连续举办8届…、: no subject opens the clause; 70%|以上…: no predicate of the share's own
    return subject + predicate


def share_of_noun_put_to(left_text: str, right: str, q: Quantity, lang) -> str | None:
    """全国财政支出70%以上用于民生 -> 财政支出用于民生: a share right after a bare noun, then a verb of where it goes
    (`share_put_to`: 用于, 投向), is the share of the noun put there, up to the clause's end (langn9)."""
    if q.unit != "%" or not right.startswith(tuple(lang.words("share_put_to"))):
        return None
    left, put = read_left(left_text, lang), right.rstrip("，,。；;")
    if left.verb or left.fillers or len(left.metric) < 2 or _DIGIT.search(put) or len(put) > SHARE_PUT_REACH:
        return None
    return left.metric + put


SHARE_PUT_REACH = 12  # characters of the verb of where a share goes and its object


def noun_then_predicate(right: str, lang) -> bool:
    """超90%|监测户稳定脱险: the words after a share, without 的, open with a noun and its own predicate (langp4);
    words that open with a verb (87%|用于…, 60%|来自…) say what the share of the measure before did."""
    g = patterns(lang)
    clause = right.split("，")[0]
    if not right or not LETTER.fullmatch(right[0]) or _DIGIT.search(clause) or right.startswith(
            doing_verbs(lang) + lang.words("fillers")) or any(p.match(right) for p in (
            g.predicate, g.verb_start, g.action_start, g.framing_start, g.defining_start)):
        return False  # 90%以上|可以按计划实现, 10%左右|工业投资增长7%: no noun of the share's own
    noun = noun_after(right, lang)
    if len(noun) == len(clause) and (verb := lang.compiled(_eighth).short_predicate.search(noun)) is not None:
        noun = noun[:verb.start()]  # 99%乡镇|通三级及以上等级公路: a one-character verb opens the predicate (langp8)
    return 2 <= len(noun) < len(clause) and not _NUMERAL.search(noun) and not clause.startswith(
        lang.raw["possessive"], len(noun))


def read(p, dangling: layouts.Dangling, breaks: segment.Breaks, s_start: int, s_end: int, group: list[Quantity],
         history: list[str], prev_end: int, reach: int | None = None) -> Reading:
    """The metric of ``group``: the words before it, rewritten by the rules below in this order.
    ``reach``: where the value after the next one starts: a count's noun may hold the next count (there
    ``distribution.own_item`` parts the items) but never runs on through another."""
    wt, lang = p.text, p.lang
    g, may = patterns(lang), lang.compiled(_gate).may
    first, last = group[0], group[-1]
    rules: list[tuple[str, str]] = [("metric", "words_before")]
    c_start = breaks.clause_start(first.span.start, s_start)
    before_clause = wt[breaks.clause_start(c_start - 1, s_start):c_start - 1] if c_start > s_start else ""
    left_from = max(c_start, prev_end, first.span.start - LEFT_REACH)
    left_text = layouts.without_intruders(wt, p.layout, left_from, first.span.start).lstrip("、，, ")
    if mark := numbers.list_mark(left_text, lang):
        left_text = left_text[mark:]  # 3.新建10个食堂: the item's number is no part of its metric
        rules.append(("metric", "list_mark_dropped"))
    if prev_end > c_start and (unit := BRACKETED_UNIT.match(left_text)) is not None:
        left_text = left_text[unit.end():].lstrip("、，, ")  # 3.1万套|（户）|、老旧管道: the value before's unit (langp8)
        rules.append(("metric", "bracket_of_value_before_dropped"))
    if c_start in p.layout.splices and prev_end <= c_start:
        left_text = p.layout.splices[c_start] + left_text
        rules.append(("layout", "torn_box_spliced"))
    if prev_end > c_start and "、" in left_text:
        head, tail = left_text.rsplit("、", 1)
        if not tail or read_left(tail, lang).verb:
            left_text = tail
            rules.append(("metric", "list_item_after_value"))
        elif head.endswith(tuple(lang.raw["step"]["nouns"])):
            left_text = tail  # 连跨4个万亿元台阶、|双双突破9万亿元: the step's size is no item of the value after
            rules.append(("metric", "step_before_list_mark_dropped"))
        elif history and len(head := clean_metric(head, lang)) >= 2 and history[-1].endswith(head) and len(
                clean_metric(tail, lang)) >= 2 and not LETTER.fullmatch(wt[last.span.end:last.span.end + 1] or " "):
            left_text = tail  # 新增1个甲产业集群、|乙企业20家: the words before the 、 are the count before's noun
            rules.append(("metric", "noun_of_count_before_dropped"))
    if p.noisy:
        cut = layouts.after_box_heading(p.work, lang, left_text, first.span.start)
        if cut != left_text:
            left_text = cut
            rules.append(("layout", "box_heading_cut"))
    if may("place_by_examples_dropped", left_text) and (placed := g.place_frame.sub("", left_text)) != left_text:
        left_text = placed  # 在工业、农业等领域应用落地300个: where, by examples, is no part of what
        rules.append(("metric", "place_by_examples_dropped"))
    right = wt[last.span.end:min(breaks.clause_end(last.span.end, s_end), last.span.end + RIGHT_REACH)]
    if may("locative_before_deed_dropped", left_text) and (where := lang.compiled(_locative).match(left_text)) is not None and (
            LETTER.match(right[:1]) or len(read_left(left_text[where.end():], lang).metric) >= 2):
        left_text = left_text[where.end():]  # 在电网关键节点、新能源富集地区|布局建设700万千瓦…: where, not what
        rules.append(("metric", "locative_before_deed_dropped"))
    if (share := share_before_noun(left_text, right, first, lang)) is not None:
        rules.append(("metric", "share_of_noun_after" if right.startswith(lang.raw["possessive"])
                      else "share_of_noun_and_predicate_after"))
        return Reading(share, BARE, right, "", rules)
    if joined_before_share(left_text, lang) and (share := share_before_noun("", right, first, lang)) is not None:
        rules.append(("metric", "joined_item_before_share_dropped"))  # 所有市州和|98%的县市区建成…
        return Reading(share, BARE, right, "", rules)
    if (share := share_of_clause_subject(left_text, right, first, lang)) is not None:
        rules.append(("metric", "share_of_clause_subject"))
        return Reading(share, BARE, right, "", rules)
    if (share := share_of_noun_put_to(left_text, right, first, lang)) is not None:
        rules.append(("metric", "share_of_noun_put_to"))  # 财政支出70%以上|用于民生 (langn9)
        return Reading(share, BARE, right, "", rules)
    if (sized := size_of_noun_after(left_text, right, lang)) is not None:
        rules.append(("metric", "size_of_noun_after"))  # 总投资410亿元的|甲新材料项目: the project's investment (langp8)
        return Reading(sized, BARE, right, "", rules)
    if (deed := duration_of_deed(left_text, right, first, lang)) is not None:
        rules.append(("metric", "duration_of_deed_after"))  # 仅用90天|建成“甲中心”: how long the deed took (langp8)
        return Reading(deed, BARE, right, "", rules)
    if (bare := wordless(p, left_text, right, first, history, rules)) is not None:
        return bare
    if left_text.rstrip().endswith("、") and clause_before_mark(left_text, lang) and prenominal(right, BARE, first, lang):
        left_text = ""  # 连续5年提高甲标准、|3次提高乙标准: the item before the 、 is a clause of its own
        rules.append(("metric", "clause_before_list_mark_dropped"))
    left = read_left(left_text, lang)
    allotted = False
    if left.verb in g.words["verbs.after_metric"]:
        span = left.fillers if g.year_span.fullmatch(left.fillers) else ""  # 两年新增|4万亿元的投资计划
        named = Left(left.metric + span + left.verb, None, False, left.fillers)
        if prenominal(right, named, first, lang):  # 中央财政新增47亿元专项资金: 新增 names the noun after
            left = named
    elif (fund := allotting_names_noun(left, right, first, lang)) is not None:
        left, allotted = fund, True  # 中央财政安排1000亿元专项奖补资金: the fund allotted is what the amount measures
        rules.append(("metric", "allotted_fund_after_amount"))
    if may("since_frame_dropped", left.metric) and (since := lang.compiled(_provincial).since.match(left.metric)) is not None:
        left = Left(left.metric[since.end():], left.verb, left.to_level, left.fillers)  # 党的十八大以来|3次到青川考察
        rules.append(("metric", "since_frame_dropped"))
    metric = left.metric
    if may("qualifier_in_from_frame_dropped", metric) and g.older_signs.search(metric) and (
            framed := from_frame_subject(metric, right, lang)) != metric:
        metric = framed
        rules.append(("metric", "qualifier_in_from_frame_dropped"))
    if (may("quantity_of_goal", metric) or may("quantity_of_goal", left.fillers)) and (
            goal := goal_of(metric + left.fillers, metric, lang)) not in (None, metric):
        metric = goal  # 经济增长速度的调控目标定为8%: the goal's quantity
        rules.append(("metric", "quantity_of_goal"))
    own = right if reach is None else right[:reach - last.span.end]
    goal = goal_frame(metric, right, lang)
    if goal is not None:
        metric = goal  # 实现新增就业10万人目标: the count's own goal, no noun it counts
        rules.append(("metric", "goal_frame_dropped"))
    after = right
    if goal is None and (size := g.size.match(right)) is not None:  # 3座35万千瓦光热电站: the noun counted follows the size
        after, own = right[size.end():], own[size.end():]
        rules.append(("metric", "size_before_noun_skipped"))
    graded, named_again = "", False
    if goal is None and after is right and (grade := g.grade.match(right)) is not None:
        graded, after, own = grade.group(), right[grade.end():], own[grade.end():]  # 3家5A级景区: the grade is the noun's
    if goal is None and "一个" in left.metric and lang.compiled(_demonstrative).search(left.metric) and prenominal(
            after, plain := Left("", left.verb, left.to_level, left.fillers), first, lang):
        left = plain  # 我们这样一个|近13亿|人口的国家: a kind of thing the count sizes, no subject of it
        rules.append(("metric", "demonstrative_before_count_dropped"))
    elif goal is None and (this := next((w for w in lang.words("demonstratives") if left.metric.endswith(w)), None)) \
            and prenominal(after, plain := Left(left.metric[:-len(this)], left.verb, left.to_level, left.fillers), first, lang):
        left, named_again = plain, True  # 在这|119个|项目中, 这|120个|项目建成后: the count named again (langn8)
        rules.append(("metric", "demonstrative_before_count_dropped"))
    counted = goal is None and prenominal(after, left, first, lang)
    if counted and len(left.metric) >= 2 and not left.verb and len(
            (done := g.predicate.match(after.removeprefix(lang.raw["possessive"]))) and done.group() or "") >= 2 \
            and LETTER.match(done.group()) and first.unit not in lang.raw["predicate_after_amount"]["people"] \
            and not after.startswith(tuple(lang.raw["allotting"]["purposes"])) \
            and unframed(left.metric, "", lang, whole=True):
        counted = False  # 产能1400万吨/年|建成试运转: a counted noun's predicate right after the value names no noun (langp9)
        rules.append(("metric", "predicate_after_amount_names_no_noun"))
        head, mark, measure = metric.rpartition("、")
        if mark and history and history[-1] == head and measure in lang.words("measures_of_counted_before"):
            metric = head + measure  # 6处煤矿、|产能…: the mines' capacity
            rules.append(("metric", "measure_of_counted_before"))
    if goal is None and not counted and after.startswith(lang.words("predicate_adverbs", "words")):
        rules.append(("metric", "predicate_adverb_after_value"))  # 生态廊道1194公里|全线贯通: no noun follows
    if goal is None and (reach := reached(after, left, first, lang)) is not None:
        counted, left = True, reach  # 对外贸易扩大至|228个国家和地区: the places the subject reached are counted
        rules.append(("metric", "places_reached_counted"))
    if goal is None and not counted and benefactive(after, left, first, lang):
        counted = True  # 免费为1200名困难老人实施手术: the count is of the people the deed is done for
        rules.append(("metric", "count_after_benefactive"))
    if counted and may("destination_after_from_frame", left.fillers) and any(
            w in left.fillers for w in g.words["from_frames"]) and g.destination.match(right):
        counted = False  # 由71所|优化整合为47所: the words after move the value to a level, they name no noun
        rules.append(("metric", "destination_after_from_frame"))
    noun = noun_after(own, lang) if counted else ""
    if named_again and len(noun) > 2 and noun.endswith(lang.words("demonstrative_frame_ends")):
        noun = noun[:-1]  # 在这119个项目|中: the frame's 中 says among which, it is no part of the noun
    elif noun and len(noun) > 2 and noun.endswith(lang.words("demonstrative_frame_ends")) and left_text.rstrip().endswith(
            tuple(lang.words("among_frame_openers"))):
        noun = noun[:-1]  # 在|三十二种|主要工业产品|中: among the things counted, the frame's 中 is none of them (langn9)
        rules.append(("metric", "among_frame_end_dropped"))
    if noun and (allotted or first.unit in lang.raw["named_amount"]["money"]["units"]) and (
            funded := fund_before_purpose(noun, lang)) != noun and (funded or len(left.metric) >= 2):
        noun = funded  # 增发1000亿元国债|加强基础设施建设: what the fund is for is no part of it
        if not noun:  # 将投入100亿元|支持…: no fund's noun follows the amount; the words before name it
            rules.append(("metric", "purpose_after_amount_is_no_noun"))
    if noun and own.startswith(noun + lang.raw["possessive"]) and lang.compiled(_eighth).relative.search(noun) and len(
            head := noun_after(own[len(noun) + 1:], lang)) >= 2:
        noun += lang.raw["possessive"] + head  # 10个|有条件的县(市): the clause picks out which are counted (langp8)
        rules.append(("metric", "relative_clause_in_counted_noun"))
    if noun and may("size_label_given_its_head", noun) and (headed := size_label_head(noun, own, lang)) is not None:
        noun = headed  # 2个千亿级、11个百亿级…的项目: the label is a class word of the noun counted (langp10)
        rules.append(("metric", "size_label_given_its_head"))
    if noun and left_text.rstrip().endswith(tuple(lang.raw["partner_deed"]["openers"])) and (
            deed := lang.compiled(_eighth).partner_deed.search(noun)) is not None:
        noun = noun[:deed.start()]  # 与8个东盟国家|开展大模型研发合作: the partners are counted (langp8)
        rules.append(("metric", "deed_with_partners_dropped"))
    if noun and may("valued_predicate_after_noun_dropped", noun) and (
            deed := lang.compiled(_provincial).valued_deed.search(noun)) is not None:
        noun = noun[:deed.start()]  # 为20个省份|保供煤炭超35亿吨: the deed's object has its own value
        rules.append(("metric", "valued_predicate_after_noun_dropped"))
    if noun and may("destination_after_noun_dropped", noun) and (
            go := lang.compiled(_destination).search(noun)) is not None:
        noun = noun[:go.start()]  # 1万名高校毕业生|到基层就业: where the people counted go to work (langp10)
        rules.append(("metric", "destination_after_noun_dropped"))
    if noun and (merged := lang.compiled(_regrouped).search(own[:len(noun) + 1])) is not None:
        noun = noun[:merged.start()]  # 188个园区整合优化为|120个: how the count was regrouped is no part of its noun
        rules.append(("metric", "regrouping_after_noun_dropped"))
    if noun and graded:
        noun = graded + noun
        rules.append(("metric", "grade_before_noun_kept"))
    if history and prev_end > c_start and may("subject_of_from_frame_destination", left_text) and (
            d := g.destination.match(left_text + "0")) and d.end() == len(
            left_text) and g.from_value.search(
            wt, c_start, prev_end):  # …由71所优化整合为|47所: the level moved to is the subject's
        metric, left = history[-1], Left(history[-1], left.verb, True, left.fillers)
        rules.append(("metric", "subject_of_from_frame_destination"))
    if noun and may("deed_after_noun_dropped", noun) and (done := before_deed(noun, lang)) != noun:
        noun = done
        rules.append(("metric", "deed_after_noun_dropped"))
    if noun and may("cut_predicate_after_noun_dropped", noun) and (
            stub := lang.compiled(_cut_predicate).search(noun)) is not None and (
            at := own.find(noun)) >= 0 and LETTER.match(own, at + len(noun)):  # cut inside its words
        noun = noun[:stub.start()]  # 10个县区通了新|的高速公路: a stub of the noun's predicate, cut at 的, is none of it
        rules.append(("metric", "cut_predicate_after_noun_dropped"))
    if noun and may("completion_after_noun_dropped", noun) and (done := before_completion(noun, lang)) != noun:
        noun = done
        rules.append(("metric", "completion_after_noun_dropped"))
    if noun and may("manner_after_noun_dropped", noun) and (manner := g.manner_end.search(noun)) is not None:  # 8件民生实事圆满|完成: the adverb is the verb's
        noun = noun[:manner.start()]
        rules.append(("metric", "manner_after_noun_dropped"))
    if noun and may("predicate_adverb_ends_noun", noun) and (
            adverb := lang.compiled(_eighth).predicate_adverb.search(noun)) is not None:
        noun = noun[:adverb.start()]  # 14个市州空气质量|全面达标: the adverb opens the noun's predicate (langp8)
        noun = noun.removesuffix(next((w for w in lang.words("predicate_adverbs", "light_verbs") if noun.endswith(w)), ""))
        noun = noun[:framed.start()] if (framed := g.framing_end.search(noun)) else noun  # 试点|建设全面铺开
        rules.append(("metric", "predicate_adverb_ends_noun"))
    if noun and may("deed_of_counted_noun_dropped", noun) and (
            doing := lang.compiled(_eighth).deed_after_noun.search(noun)) is not None and not g.pilot.fullmatch(
            noun) and noun[doing.end():] not in lang.raw["pilot"]["nouns"] and (
            "metric", "count_after_benefactive") not in rules:  # 6个园区开展试点: a pilot of no programme stays
        noun = noun[:doing.start()]  # 1.4万余家企业|实施改造: the deed the counted do is their predicate (langp8)
        rules.append(("metric", "deed_of_counted_noun_dropped"))
    if noun and may("measure_of_counted_places_dropped", noun) and (
            place := lang.compiled(_eighth).place_measure.fullmatch(noun)) is not None:
        noun = place.group("place")  # 12个盟市|空气质量: the places are counted, their measure is the predicate's
        rules.append(("metric", "measure_of_counted_places_dropped"))
    if noun and first.unit in lang.raw["attributes_of_counted"]["counters"] and (
            kept := before_attribute(noun, lang)) != noun:
        noun = kept  # 8条产业链|产值两位数增长, 42个国考断面|水质优良比例: the things are counted, not their attribute (langp9)
        rules.append(("metric", "attribute_of_counted_noun_dropped"))
    if noun and may("in_use_after_noun_dropped", noun) and (
            used := lang.compiled(_provincial).in_use_end.search(noun)) is not None:
        noun = noun[:used.start()]  # 9个医疗中心|开诊运营, 64个执法站|实战化运行: the noun is open or in use
        rules.append(("metric", "in_use_after_noun_dropped"))
    if noun and may("pilot_names_the_counted", noun) and (pilot := g.pilot.fullmatch(noun)) is not None:  # 320个县开展甲保险试点 -> 甲保险试点县
        noun = pilot.group("pilot") + pilot.group("noun")
        rules.append(("metric", "pilot_names_the_counted"))
    if noun and may("frame_with_copula_dropped", left.metric) and (
            framed := frame_with_copula(left.metric, noun, lang)) is not None:
        noun, left = framed, Left("", left.verb, left.to_level, left.fillers)  # 以全省|100个县|为基本单元 -> 县
        rules.append(("metric", "frame_with_copula_dropped"))
    if noun and may("batch_before_count_dropped", left.metric) and (batch := g.batch.search(left.metric)) is not None:
        left = Left(left.metric[:batch.start()].removesuffix(lang.raw["possessive"]), left.verb, left.to_level,
                    left.fillers)  # 建设的第一批50个单位: the 的 before the batch is the noun's
        left_text = left_text.rstrip()[:-len(batch.group())] if left_text.rstrip().endswith(batch.group()) else left_text
        rules.append(("metric", "batch_before_count_dropped"))
    if noun and step_subject(left.metric + noun, lang) is not None:
        metric, noun = left.metric + noun, ""  # 存、贷款余额连跨|4个|万亿元台阶: the steps the measure climbed (langp8)
        rules.append(("metric", "count_of_steps"))
    if noun:
        metric, rule = counted_noun(left_text, left, noun, lang)
        metric = g.action_start.sub("", metric) or metric
        rules.append(("metric", rule))
        if (people := population_word(wt, first, lang)) and people in noun:
            metric = people  # 团结六亿人民…, 一个有六亿多人口的大国: the nation's people, whatever the clause around them
            rules.append(("metric", "population_counted"))
    if may("adverb_dropped", metric) and (plain := without_adverbs(metric, lang)) != metric:
        metric = plain
        rules.append(("metric", "adverb_dropped"))
    if may("means_phrase_dropped", metric) and (means := lang.compiled(_provincial).means.match(metric)) is not None:
        metric = metric[means.end():]  # 利用闲置资源|改造养老服务中心: by what means is no part of what is counted
        rules.append(("metric", "means_phrase_dropped"))
    if "、" in metric and (own := predicate_item(metric, lang)) is not None:
        metric = own  # 煤矿建成试运转、|新增产能: a clause of its own before the 、 lends only its subject (langp8)
        rules.append(("metric", "clause_item_before_predicate_dropped"))
    if (subject := before_first_predicate(metric, lang)) != metric:
        metric = subject  # 农民收入增速快于城镇、|突破2万元: the level is the subject's
        rules.append(("metric", "first_predicate_dropped"))
    for rule, rewrite in NATIONAL_FRAMES if may(NATIONAL_FRAME_RULES, metric) and lang.compiled(
            _national).sign.search(metric) else ():
        if (done := rewrite(metric, lang)) != metric:
            metric = done
            rules.append(("metric", rule))
    if may(OLDER_FRAME_RULES, metric) and g.older_signs.search(metric) is not None:  # each needs one of its signs
        for rule, rewrite in OLDER_FRAMES:
            if (done := rewrite(metric, lang)) != metric:
                metric = done
                rules.append(("metric", rule))
    plan = lang.compiled(_plan_frames)  # each frame is read only where its sign stands (few metrics)
    if may("obligation_dropped", metric) and plan.obligation_sign.search(metric) and (
            unowed := without_obligation(metric, plan)) != metric:
        metric = unowed  # after the older frames, which read their own cue words
        rules.append(("metric", "obligation_dropped"))
    if not noun and metric.endswith(plan.adverbs) and (unplanned := without_plan_adverb(metric, plan)) != metric \
            and (left.verb or "") not in lang.words("plan_met_verbs"):
        metric = unplanned  # 三年新增800亿元的投资计划, 某产值计划完成102%: there the plan itself is named
        rules.append(("metric", "plan_adverb_dropped"))
    if (named := deed_before_named_amount(metric, left.verb, own, first.unit, lang)) != metric:
        metric = named  # 中央财政安排|就业专项资金426亿元: the fund is measured, not the deed that allocates it
        rules.append(("metric", "deed_before_named_amount_dropped"))
    if may("drawing_verb_dropped", metric) and (drawn := g.drawing.search(metric)) is not None:  # 联赛吸引参赛队伍1200支 -> 联赛参赛队伍
        metric = metric[:drawn.start()] + metric[drawn.end():]
        rules.append(("metric", "drawing_verb_dropped"))
    if left.verb and left.verb.endswith(g.words["verbs.to_level"]) and (
            merged := lang.compiled(_regrouped).search(metric + left.verb[-1])) is not None:
        metric = metric[:merged.start()]  # 188个园区整合优化为|120个: the new count is of the same noun
        rules.append(("metric", "regrouping_before_value_dropped"))
    metric, rule = without_examples(metric, lang) if may(EXAMPLE_RULES, metric) else (metric, None)
    if rule is not None:
        rules.append(("metric", rule))
    if may("connective_dropped", metric) and (linked := without_connectives(metric, lang)) != metric:
        metric = linked
        rules.append(("metric", "connective_dropped"))
        if (named := deed_before_named_amount(metric, left.verb, own, first.unit, lang)) != metric:
            metric = named  # 特别是|发行6600亿元长期建设国债: the focus word hid the deed (langn9)
            rules.append(("metric", "deed_before_named_amount_dropped"))
    if may("possibility_modal_dropped", metric) and (possible := without_possibility(metric, lang)) != metric:
        metric = possible  # 就可以|节约标准煤200万吨: after the connective, what could be had is no part of it (langn10)
        rules.append(("metric", "possibility_modal_dropped"))
    if metric.endswith(modals := tuple(lang.words("modals_before_value"))) and (
            unmoded := without_modals(metric, modals, lang)) != metric:
        metric = unmoded  # 平均开支只需要|五元, 一般应当|不少于80%: what may or must be, not what is measured (langn9)
        rules.append(("metric", "modal_before_value_dropped"))
    if metric in g.words["existential"] and c_start > s_start and not history and (
            subject := subject_before(before_clause, lang)):
        metric = subject  # 中等学校的学生，1952年有300万人: the subject of 有 is the clause before
        rules.append(("metric", "subject_of_existential_before"))
    if metric and history and _NUMERALS_ONLY.fullmatch(metric):  # 两|年平均每年递增, 到|一九五七年达到: a piece of
        metric = ""  # a span of years or of a goal year names nothing; the metric before is carried
        rules.append(("metric", "numerals_only_dropped"))
    if may("year_inside_dropped", metric) and (undated := g.inner_year.sub("", metric)) != metric:
        metric = undated
        rules.append(("metric", "year_inside_dropped"))
    if lang.raw["month"] in metric and (unspanned := clean_metric(lang.compiled(_months_span).sub("", metric, count=1), lang)) \
            != metric and len(unspanned) >= 2:
        metric = unspanned  # 本年1——5月份|各部工业总产值, 查处的案件|从今年一月到九月|共有: when, not what
        rules.append(("metric", "months_span_dropped"))
    if may("framing_verb_dropped", metric) and (framed := unframed(metric, noun, lang)) != metric:
        metric = framed
        rules.append(("metric", "framing_verb_dropped"))
    caused = without_causative(metric, noun, lang) if may("causative_dropped", metric) else metric
    carries = c_start > s_start and left_text.startswith(g.words["carried_subject_verbs"])
    if carries and lang.compiled(_provincial).helped_deed.fullmatch(left_text.strip()):
        carries = False  # 帮助失业人员就业|16.8万人: whom it helped and to what is the whole metric (langp5)
        rules.append(("metric", "helped_deed_needs_no_subject"))
    # 力争在…的基础上，使…: a condition before is no subject, and the causative stays with what it moves
    conditioned = (caused != metric or carries) and c_start > s_start and not history and clean_metric(
        before_clause, lang).endswith(g.words["condition_frames"])
    if caused != metric and not conditioned:
        metric = caused  # 使某产品生产能力增加200万吨: what is made to move is measured, not what moved it
        rules.append(("metric", "causative_dropped"))
    elif carries:
        before = history[-1] if history else subject_of_clause(before_clause, lang)
        if conditioned:
            metric = clean_metric(metric.removeprefix(
                next(w for w in g.words["carried_subject_verbs"] if left_text.startswith(w))), lang)
            rules.append(("metric", "condition_is_no_subject"))  # 力争在…的基础上，使工业总产值…
        else:
            if not history and (plain := unframed(without_adverbs(before, lang), "", lang)) != before and len(plain) >= 2:
                before = plain  # 在全省率先完成|年度补贴发放，惠及…: how first and the framing verb are no subject
                rules.append(("metric", "adverb_of_subject_dropped"))
            metric = before + metric
            rules.append(("metric", "subject_of_clause_before"))
            if not history and before != clean_metric(before_clause, lang):
                rules.append(("metric", "examples_or_framing_of_subject_dropped"))
    if history and prev_end > c_start and wt.startswith("、", prev_end) and metric in g.words["carried_subject_verbs"] \
            and len(history[-1]) >= 2 and not history[-1].endswith((metric, *g.words["measure_nouns"])):
        metric = history[-1] + metric  # 建成5G基站8万个、|覆盖95%以上行政村: what the item before counted covers (langp8)
        rules.append(("metric", "subject_of_item_before"))
    if not metric and not history and c_start > s_start and any(w in left.fillers for w in g.words["from_frames"]):
        before = read_left(before_clause, lang)
        if not before.verb and len(before.metric) >= 2:
            metric = before.metric
            rules.append(("metric", "subject_before_from_frame"))
    share = lang.raw["share"]
    if metric.startswith(share["verb"]) and history:
        metric = history[-1] + metric.rstrip(lang.raw["possessive"])
        if not metric.endswith(tuple(share["endings"])):
            metric += share["default"]
        rules.append(("metric", "share_of_metric_before"))
    elif metric.startswith(share["verb"]) and (holder := holder_of_share(before_clause, right, history, lang)):
        metric = holder + metric.rstrip(lang.raw["possessive"])  # 用于经济建设的支出，共占本年支出的47%
        if not metric.endswith(tuple(share["endings"])):
            metric += share["default"]
        rules.append(("metric", "holder_of_share_clause_before"))
    if (named := appositive(metric)) != metric:
        metric = named
        rules.append(("metric", "quoted_name_for_list"))
    if p.region is not None and (local := p.region.sub("", metric)) != metric and not local.startswith(
            g.words["region_classes"]):
        if history and history[-1] != local and history[-1].endswith(local) and len(local) >= 2:
            rules.append(("metric", "own_region_contrasted_kept"))  # 35种中国新记录、71种海南新记录: the place tells them apart
        else:
            metric = local
            rules.append(("metric", "own_region_dropped"))
    if p.region is not None and (uncaused := own_region_after_cause(metric, p.region, lang)) != metric:
        metric = uncaused  # 中欧班列开行带动|陕西|进出口: what the cause moved, the report's own region only says where
        rules.append(("metric", "own_region_after_cause_dropped"))
    if metric and c_start > s_start and prev_end <= s_start and ("metric", "population_counted") not in rules and (
            area := area_subject(before_clause, metric, left_text, lang)):  # a nation's people are no area's
        metric = area + metric  # 青川经济圈加快建设，经济总量增长7%: the area's, not the report's own
        rules.append(("metric", "area_of_clause_before"))
    if metric.startswith(g.words["comparison_openers"]):
        metric = ""
        rules.append(("metric", "comparison_frame"))
    if (price := lang.raw["price_verbs"].get(left.verb or "")) and len(metric) >= 2 and not metric.endswith(price):
        metric += price  # 药品、耗材平均|降价超50%: the verb names what fell, the price (langp8)
        rules.append(("metric", "price_named_by_its_verb"))
    if left.verb and metric + left.verb in g.words["verb_nouns"]:
        metric += left.verb
        rules.append(("metric", "noun_ending_like_a_verb"))
    if metric in lang.words("bare_owned_measures") and c_start > s_start and (
            owner := disposed_owner(before_clause, lang)):
        metric = owner + metric  # 将学生意外伤害保险从义务教育扩大到高中，|保费由…: the thing disposed of (langp9)
        rules.append(("metric", "owner_of_bare_measure_disposed"))
    owned = metric in lang.words("bare_owned_measures") and c_start > s_start
    output = metric in lang.words("bare_output_measures") and c_start > s_start  # 产量, 总产值: no owner's measure ends
    if (owned or output) and not history and (owner := owner_of_bare(before_clause, lang)):
        metric = owner + metric  # 国有企业效益明显好转，利润增长23.5%: the clause's own topic owns the measure
        rules.append(("metric", "owner_of_bare_measure_before"))
    elif (owned or output) and history and (by_before := owned_by_metric_before(metric, history[-1], before_clause, lang)):
        metric = by_before  # 某类企业效益提高，实现利润900亿元; 技工学校达192所，招生9.7万人: the thing measured before
        rules.append(("metric", "owner_of_bare_measure_from_metric_before"))
    if c_start > s_start and may("owner_of_contribution_before", metric) and lang.compiled(_contribution).match(
            metric) and (owner := contributor(before_clause, lang)):
        metric = owner + metric  # 旅游业国际影响力大幅提升，|对GDP综合贡献率达…: whose contribution (langp10)
        rules.append(("metric", "owner_of_contribution_before"))
    if metric in lang.words("bare_owned_measures") and history and c_start < prev_end and (
            owner := owner_of_measure_across_mark(wt, prev_end, history[-1], lang)):
        metric = owner + metric  # 实施市级重点项目300个、完成投资800亿元: the projects' investment
        rules.append(("metric", "owner_of_bare_measure_across_list_mark"))
    elif metric in lang.raw["spending_of_people"]["measures"] and history and c_start < prev_end and (
            owner := owner_of_measure_across_mark(wt, prev_end, history[-1], lang,
                                                  tuple(lang.raw["spending_of_people"]["counters"]))):
        metric = owner + metric  # 接待游客3000万人次、总花费…: what the people counted spent (langp9)
        rules.append(("metric", "spending_of_people_counted"))
    if before_clause and metric.startswith(tuple(lang.raw["qualified_object_rate"]["objects"])) and (
            qualified := qualified_object(metric, before_clause, lang)) != metric:
        metric = qualified  # 开展涉企历史遗留问题攻坚行动，|问题解决率: the problems the clause before named (langp9)
        rules.append(("metric", "object_of_rate_qualified_before"))
    if not metric and c_start > s_start and prev_end <= breaks.clause_start(c_start - 1, s_start) and (
            subject := subject_of_record(before_clause, lang)):
        metric = subject  # 全省进出口总值创历史新高，|达到5379亿元: the record's measure, not the list item before
        rules.append(("metric", "subject_of_record_clause_before"))
    if history and (fulfilled := plan_fulfilled(left_text, metric, history[-1], lang)) is not None:
        metric, rule = fulfilled  # …达到3680亿斤，完成年度计划的102%; …，比上年增长9%: the metric before's
        rules.append(("metric", rule))
    reading = Reading(metric, left, right, noun, rules)
    if not metric and not history and p.noisy:
        reading.recovered = dangling.recover(lang, group)
        if reading.recovered is not None:
            reading.metric = reading.recovered[0]
            rules.append(("layout", "dangling_metric"))
            return reading
    if history and len(history[-1]) >= 2 and may("gap_to_reference", metric) and not g.gap.match(history[-1]) and (
            gap := gap_to_reference(metric, first, lang)) is not None:
        if gap != metric and history[-1].endswith(lang.words("gap", "rate_measures")) and not g.gap.match(metric).group("rate"):
            gap = metric  # 比率降至13%、优于全国1个百分点: the gap is of the rate itself, not of its growth (langp8)
            rules.append(("metric", "gap_of_a_rate"))
        reading.metric = history[-1] + gap
        rules.append(("metric", "gap_to_reference"))
        return reading
    new = g.defining_start.match(metric)
    head = metric[new.end():] if new else metric
    if metric and head in g.words["generic_heads"] and c_start > s_start and (new or not history) and (
            noun := referent(before_clause, lang)):
        reading.metric = noun + metric  # …通了新的高速公路，新增里程590公里: the length of the road
        rules.append(("metric", "generic_head_of_noun_before"))
    elif metric and history and head in g.words["generic_heads"]:
        # 新建高速公路8条，新增里程320公里: the thing the head is of, without the verb that made it
        before = (unframed(history[-1], "", lang, whole=True) or history[-1]) if new else history[-1]
        if not new and head in g.words["total_heads"] and (made := g.defining_start.match(before)) and (
                len(before) - made.end() >= 2):
            before = before[made.end():]  # 新增上市公司6家，总数48家: the total counts all of them, not the new
            rules.append(("metric", "new_things_dropped_from_total"))
        reading.metric = before + metric
        rules.append(("metric", "generic_head_of_metric_before"))
    return reading


@dataclass(frozen=True)
class Eighth:
    """The eighth provincial pass's boundaries of a counted noun, built once per Language (langp8)."""

    predicate_adverb: re.Pattern  # an adverb of how a deed went inside the words after a count (市州空气质量|全面达标)
    place_measure: re.Pattern  # a class of places counted, then a measure of theirs (盟市|空气质量)
    relative: re.Pattern  # a verb of having in the words between a count and 的 (10个|有条件|的县)
    partner_deed: re.Pattern  # a deed done with partners, after their noun (东盟国家|开展…合作)
    deed_after_noun: re.Pattern  # a verb of carrying out a deed after a counted noun (企业|实施改造)
    short_predicate: re.Pattern  # a one-character verb between a noun and its object (乡镇|通|三级公路)


def _eighth(lang) -> Eighth:
    return Eighth(
        predicate_adverb=re.compile(rf"(?<=[^\W\d_]{{2}})(?:{alternation(lang.words('predicate_adverbs', 'words'))})(?=[^\W\d_]|$)"),
        relative=re.compile(lang.raw["relative_having"]),
        short_predicate=re.compile(rf"(?<=[^\W\d_]{{2}})(?:{alternation(lang.raw['cut_predicate']['verbs'])})(?=[^\W\d_]{{2}})"),
        deed_after_noun=re.compile(rf"(?<=[^\W\d_]{{2}})(?:{alternation(lang.words('deed_after_counted_noun'))})"
                                   rf"(?=[^\W\d_])"),
        partner_deed=re.compile(rf"(?:(?<=[^\W\d_]{{2}})|(?<=\)))(?:{alternation(lang.raw['partner_deed']['verbs'])})"),
        place_measure=re.compile(rf"(?P<place>{alternation(lang.words('counted_places'))})(?![级域])"
                                 rf"[^\W\d_]{{1,12}}?(?:{alternation(lang.words('measure_nouns'))})"),
    )


def _destination(lang) -> re.Pattern:
    return re.compile(lang.raw["destination_deed"])


def _contribution(lang) -> re.Pattern:
    return re.compile(lang.raw["bare_contribution"])


def _size_label(lang) -> tuple[re.Pattern, re.Pattern]:
    sized = lang.raw["size_label_count"]
    label = rf"{sized['label']}[^\W\d_]{{0,{int(sized['qualifier'])}}}"
    return (re.compile(label),
            re.compile(rf"、[^，,。；;]{{0,{int(sized['next_item'])}}}?[0-9一二三四五六七八九十]+[^\W\d_]?{sized['label']}"))


def size_label_head(noun: str, own: str, lang) -> str | None:
    """2个千亿级、11个百亿级投资规模的现代煤化工项目 -> 千亿级投资规模的现代煤化工项目, 百亿级投资规模的现代煤化工项目:
    a counted size label names no noun; its own 的 phrase, or the words after the next item's label where the items
    share one head, complete it. None where the noun is no bare label or nothing completes it."""
    label, next_item = lang.compiled(_size_label)
    de = lang.raw["possessive"]
    if not label.fullmatch(noun) or not own.startswith(noun):
        return None
    rest = own[len(noun):]
    if rest.startswith(de):
        head = noun_after(rest[len(de):], lang)
        return noun + de + head if len(head) >= 2 else None
    if (m := next_item.match(rest)) is None:
        return None
    tail = rest[m.end():]
    at = tail.find(de, 0, int(lang.raw["size_label_count"]["qualifier"]) + 1)
    if at >= 0:  # 投资规模的|现代煤化工项目: the label's qualifier, then the head
        head = noun_after(tail[at + len(de):], lang)
        shared = tail[:at + len(de)] + head if len(head) >= 2 else ""
    else:
        shared = noun_after(tail, lang)
    return noun + shared if len(shared) >= 2 and LETTER.match(shared) else None


def _step(lang) -> re.Pattern:
    step = lang.raw["step"]
    return re.compile(rf"(?P<subject>[^\W\d_][^，,。；;]*?)(?:{alternation(step['verbs'])})[^，,。；;、]{{0,12}}"
                      rf"(?:{alternation(step['nouns'])})")


def step_subject(metric: str, lang) -> str | None:
    """存、贷款余额连跨4个万亿元台阶 -> 存、贷款余额: the measure a phrase of a step it climbed is of, or None (langp8)."""
    if not metric.endswith(tuple(lang.raw["step"]["nouns"])):
        return None
    m = lang.compiled(_step).fullmatch(metric)
    return m.group("subject") if m is not None and len(m.group("subject")) >= 2 else None


def size_of_noun_after(left_text: str, right: str, lang) -> str | None:
    """总投资410亿元的甲新材料项目刷新… -> 甲新材料项目总投资: a measure of size right before the value, then 的, sizes
    the thing named after 的, up to a project's noun or the thing's predicate (langp8)."""
    frame, de = lang.raw["size_of_noun_after"], lang.raw["possessive"]
    if not right.startswith(de):  # the first test: most values have no 的 after them
        return None
    words = left_text.rstrip()
    words = words.removesuffix(next((c for c in frame["copulas"] if words.endswith(c)), ""))
    measure = next((m for m in frame["measures"] if words.endswith(m)), None)
    if measure is None:
        return None
    after = right[1:]
    ends = [m.end() for m in re.finditer(alternation(lang.raw["name_parts"]["capacity"]["nouns"]), after)]
    clause = re.split(r"[，,。；;]", after, maxsplit=1)[0]
    thing = after[:ends[0]] if ends and ends[0] <= len(clause) else noun_after(clause, lang)
    return thing + measure if len(thing) >= 2 and not _DIGIT.search(thing) else None


def duration_of_deed(left_text: str, right: str, q: Quantity, lang) -> str | None:
    """仅用90天建成“甲中心”并投入使用 -> 建成“甲中心”: a duration after 仅用 measures the deed written after it (langp8)."""
    frame = lang.raw["duration_of_deed"]
    if q.unit not in frame["units"] or not left_text.rstrip().endswith(tuple(frame["openers"])) or not LETTER.match(right):
        return None
    deed = re.split(rf"[，,。；;]|{alternation(frame['until'])}", right, maxsplit=1)[0]
    return deed if len(deed) >= 2 else None


def predicate_item(metric: str, lang) -> str | None:
    """煤矿建成试运转、新增产能 -> 煤矿新增产能; 与全国同步基本实现…现代化、实现人均地区生产总值 -> 实现人均地区生产总值: where
    the item after the last 、 opens with a verb of doing, the item before it that holds a framing verb is a clause of
    its own, and only its subject, a plain noun phrase, is the value's (langp8). None where nothing changes."""
    first, _, last = metric.rpartition("、")
    if "、" in first or len(last) < 2 or not last.startswith(doing_verbs(lang)):
        return None
    at = min((i for w in lang.words("framing_verbs") if (i := first.find(w, 2)) >= 0), default=-1)
    if at < 0:
        return None  # 城市更新行动、完成投资, 城镇新增就业、新增…: a noun item, no clause
    subject = first[:at]
    plain = subject_before(subject, lang) == subject and not subject.startswith(tuple(lang.words("count_openers")))
    return subject + last if plain else last  # 与全国同步…: a frame, no subject


def joined_before_share(left_text: str, lang) -> bool:
    """所有市州和|98%的县市区建成…: words before a share that end with a conjunction and hold no verb are an item
    joined to the share's noun, no metric of the share (langp8)."""
    words = left_text.rstrip()
    if not words.endswith(lang.words("share_joined_item")) or words.endswith(lang.words("carried_subject_verbs")):
        return False
    left = read_left(words[:-1], lang)
    return not left.verb and bool(left.metric)


def from_frame_subject(metric: str, right: str, lang) -> str:
    """起征点从月销售额|3万元|提高到5万元: words between 从/由 and the first value of a from-to frame qualify
    the value, not the subject; the subject named before the frame is the metric."""
    g = patterns(lang)
    at = max(metric.rfind(w) for w in g.words["from_frames"])
    if at < 2 or not g.to_level_start.match(right):
        return metric
    if any(metric.startswith(w, at - len(w) + 1) or metric.startswith(w, at) for w in g.words["from_frame_words"]):
        return metric
    subject = read_left(metric[:at], lang)  # …纯收入将|由…: a cue between the subject and the frame goes
    return subject.metric if subject.verb is None and subject.metric else metric[:at]


def goal_frame(metric: str, right: str, lang) -> str | None:
    """实现新增就业10万人目标, 按期完成精简人员一万的任务: a value named as a goal or task is no noun's count;
    the verb that reaches it is no part of the metric. None where no goal noun follows the value."""
    g = patterns(lang)
    if not right.removeprefix(lang.raw["possessive"]).startswith(g.words["goal_frame_nouns"]):
        return None
    reached = max((metric.rfind(w) + len(w) for w in g.words["goal_frame_verbs"] if w in metric), default=0)
    goal = clean_metric(metric[reached:].removeprefix(  # 提前实现了|本世纪末…: the verb's particle goes with it
        next((w for w in lang.words("verbs", "perfective") if metric.startswith(w, reached) and reached), "")), lang)
    # 如期完成|裁减员额50万的任务: the verb and its adverbs go
    goal = goal if len(goal) >= 2 else clean_metric(metric, lang)
    return goal if len(goal) >= 2 else None


def disposal_object(metric: str, lang) -> str:
    """主动地、果断地把机构|精简了20个: the object 把 puts before the verb is what the value measures; the
    adverbs and the subject before 把 are not. Words made with 把 (把握, 把关) are no such mark."""
    g = patterns(lang)
    mark, objects = g.words["disposal_objects"][0], g.words["disposal_objects"][1:]
    at = metric.rfind(mark)
    if at < 0 or len(metric) - at - 1 < 2 or metric.startswith(objects, at):
        return metric
    return clean_metric(metric[at + 1:], lang) or metric


def goal_reached(metric: str, lang) -> str:
    """到本世纪末争取实现|工农业年总产值翻两番: a target cue and the verb that reaches the goal, with the time
    frame before them, are no part of what is measured; a subject before them stays."""
    found = None
    if any(w in metric for w in lang.words("goal_frame_verbs")):
        for found in patterns(lang).cue_goal.finditer(metric):
            pass
    if found is None or len(metric) - found.end() < 2:
        return metric
    subject = clean_metric(metric[:found.start()], lang)  # 基本建设|要完成…: a subject before the cue stays
    kept = "" if _NUMERAL.search(subject) or "年" in subject or "世纪" in subject else subject
    return kept + clean_metric(metric[found.end():], lang) or metric


def stipulated(metric: str, lang) -> str:
    """第一个五年计划规定|工业总产值, 国家预算规定|国防费支出: the plan or budget that sets a figure, and its
    verb, say where the figure is set, not what it measures."""
    for verb in lang.words("stipulating_verbs"):
        at = metric.find(verb)
        rest = metric[at + len(verb):]
        if at >= 0 and len(rest) >= 2 and (at == 0 or metric[:at].endswith(lang.words("plan_documents"))):
            return clean_metric(rest, lang) or metric
    return metric


# The older prose's frames around a metric, in the order they are taken off (see ``read``).
OLDER_FRAMES = (("cue_and_goal_verb_dropped", goal_reached), ("plan_stipulating_dropped", stipulated),
                ("object_of_disposal", disposal_object))


@dataclass(frozen=True)
class National:
    """The national prose's boundaries of a metric, built once per Language."""

    manner: re.Pattern  # a phrase of manner opening a metric (各种方式|使用贷款)
    time_inside: re.Pattern  # a time word between a subject and its verb (中央财政|全年|用于)
    modal_inside: re.Pattern  # a modal between a subject and its verb of doing (国家银行|将|增加)
    adverb: re.Pattern  # an adverb opening a metric, unless it opens a noun (共|培养, 再|解决, not 共享)
    causative: re.Pattern  # 使 or 让 opening a metric, unless it opens a noun (使用)
    possibility: re.Pattern  # a modal of possibility opening a metric, unless it opens a noun (可以|节约, not 可再生)
    existential_end: re.Pattern  # 有 ending a metric after a noun (的法律|有), with its adverb (约有)
    adverbs_only: re.Pattern  # words that are only those adverbs (也还): no metric of their own
    sign: re.Pattern  # a word one of the frames of NATIONAL_FRAMES needs: else none acts (most metrics)


def _opening_word(opening, nouns) -> re.Pattern:
    """One of ``opening`` opening a metric before two more letters, unless it opens one of ``nouns``."""
    return re.compile(rf"^(?!{alternation(nouns)})(?:{alternation(opening)})(?=[^\W\d_]{{2}})")


def _national(lang) -> National:
    words = lang.words
    return National(
        manner=re.compile(rf"(?:^|(?<=[^\W\d_]{{2}})(?:{alternation(words('manner_openers'))})?)"
                          rf"(?:{'|'.join(words('manner_phrases'))}){lang.raw['possessive']}?(?=[^\W\d_]{{2}})"),
        time_inside=re.compile(rf"(?<=[^\W\d_]{{2}})(?<!占)(?:{alternation(words('time_inside'))})"
                               rf"(?!{alternation(words('time_inside_nouns'))})(?=[^\W\d_]{{2}})"),
        modal_inside=re.compile(rf"(?<=[^\W\d_]{{2}})(?:{alternation(words('modal_inside'))})"
                                rf"(?=(?:{alternation(doing_verbs(lang) + words('shared_verbs') + words('modal_inside_verbs'))})"
                                rf"(?:[^\W\d_]|$))"),  # 中央财政将投入|100亿元: the verb may end the metric
        adverb=_opening_word(words("opening_adverbs"), words("adverb_nouns")),
        causative=_opening_word(words("causatives"), words("causative_nouns")),
        possibility=re.compile(rf"^(?!{alternation(words('possibility_nouns'))})(?>{alternation(words('possibility_modals'))})"
                               rf"(?=[^\W\d_]{{2}})"),  # atomic: 可以|有 leaves no 以有
        existential_end=re.compile(rf"(?<=[^\W\d_]{{2}})(?:{alternation(words('existential_adverbs'))})*"
                                   rf"(?:{alternation(words('existential'))})$"),
        adverbs_only=re.compile(rf"(?:{alternation(words('existential_adverbs'))})*"),
        sign=re.compile(rf"^(?:{alternation(words('opening_adverbs'))})|{alternation(words('time_inside'))}|"
                        rf"{alternation(words('modal_inside'))}|"
                        rf"(?:{'|'.join(words('manner_phrases'))})|(?:{alternation(words('existential'))})$"),
    )


def without_manner(metric: str, lang) -> str:
    """通过各种方式使用贷款 -> 使用贷款, 青川市通过多种渠道安置就业 -> 青川市安置就业: how a thing was done is
    no part of it (at a metric's start its opener 通过 is already cut)."""
    m = lang.compiled(_national).manner.search(metric)
    return clean_metric(metric[:m.start()] + metric[m.end():], lang) if m else metric


def without_time_inside(metric: str, lang) -> str:
    """中央财政全年用于教育的支出 -> 中央财政用于教育的支出: a time word after the subject says when."""
    return lang.compiled(_national).time_inside.sub("", metric, count=1)


def without_modal_inside(metric: str, lang) -> str:
    """国家银行将增加农业贷款 -> 国家银行增加农业贷款: a modal after the subject says the deed is planned."""
    return lang.compiled(_national).modal_inside.sub("", metric, count=1)


def without_opening_adverb(metric: str, lang) -> str:
    """共培养学生, 再解决农村人口 -> 培养学生, 解决农村人口: an adverb opening a metric sums or repeats, it
    names nothing."""
    m = lang.compiled(_national).adverb.match(metric)
    return metric[m.end():] if m else metric


def without_possibility(metric: str, lang) -> str:
    """可以节约标准煤 -> 节约标准煤, 可蓄水 -> 蓄水: a modal of possibility opening a metric says a consequence could
    be had; it names nothing measured (langn10)."""
    m = lang.compiled(_national).possibility.match(metric)
    return metric[m.end():] if m else metric


def without_existential_end(metric: str, lang) -> str:
    """审议通过的法律有20项 -> 审议通过的法律: an existential 有 after a noun names nothing measured."""
    if not metric.endswith(lang.words("existential")) or metric.endswith(lang.words("words_in_you")):
        return metric  # most metrics; 拥有, 国有: a verb or a noun in 有, no existential
    g = lang.compiled(_national)
    m = g.existential_end.search(metric)
    kept = clean_metric(metric[:m.start()], lang) if m else ""
    return kept if len(kept) >= 2 and not g.adverbs_only.fullmatch(kept) else metric


def without_causative(metric: str, noun: str, lang) -> str:
    """使某产品生产能力增加200万吨 -> 某产品生产能力: a causative opening a metric names the cause's effect;
    a count whose noun follows (使200万人受益) keeps its subject from the clause before."""
    if noun:
        return metric
    m = lang.compiled(_national).causative.match(metric)
    caused = clean_metric(metric[m.end():], lang) if m else ""
    return caused if len(caused) >= 2 else metric  # 要使全国|80%以上的人口…: no metric of its own


# The national prose's frames around a metric, taken off after the adverbs (see ``read``).
NATIONAL_FRAMES = (("manner_phrase_dropped", without_manner), ("time_word_inside_dropped", without_time_inside),
                   ("modal_inside_dropped", without_modal_inside), ("opening_adverb_dropped", without_opening_adverb),
                   ("existential_after_noun_dropped", without_existential_end))


@dataclass(frozen=True)
class PlanFrames:
    obligation: re.Pattern  # 保证每年, 要确保: opening a metric or after its subject
    obligation_sign: re.Pattern  # one of its verbs anywhere: else the frame cannot stand (most metrics)
    adverbs: tuple[str, ...]  # 计划, 预定 after a measure
    measures: tuple[str, ...]  # the measures they may stand after


def _plan_frames(lang) -> PlanFrames:
    words = lang.words
    obligation = (rf"(?:{alternation(words('obligation_verbs'))})(?![{''.join(words('obligation_nouns'))}])"
                  rf"(?:{alternation(words('yearly_words'))})?(?=[^\W\d_]{{2}})")
    return PlanFrames(
        obligation=re.compile(rf"^{obligation}|(?<=[^\W\d_]{{2}})(?:{alternation(words('obligation_modals'))})?{obligation}"),
        obligation_sign=re.compile(alternation(words("obligation_verbs"))),
        adverbs=tuple(words("plan_adverbs")), measures=tuple(words("measure_nouns") + words("planned_measures")))


def without_obligation(metric: str, f: PlanFrames) -> str:
    """保证每年增加运力, 青川市要保证新增就业 -> 增加运力, 青川市新增就业: an obligation of the plan (and the 每年 it
    binds) opening a metric or after its subject says a value is owed, not what is measured."""
    return f.obligation.sub("", metric, count=1)


def without_plan_adverb(metric: str, f: PlanFrames) -> str:
    """粮食产量计划|达到…, 基本建设投资预定|增长8%: 计划/预定 after a measure, before its verb, plans the value; it is
    no part of the measure (完成年度计划的95% keeps the plan it is a share of: 年度 is no measure)."""
    measure = metric[:len(metric) - len(next((w for w in f.adverbs if metric.endswith(w)), ""))]
    return measure if len(measure) >= 2 and measure.endswith(f.measures) else metric


def _months_span(lang) -> re.Pattern:
    # the span, or its start where a metric ends before the last month (…从今年一月到|九月共有)
    return re.compile(lang.raw["months_span"] + "|" + lang.raw["months_span_opened"] + "$")


def without_pace(metric: str, lang) -> str:
    """某项投资逐年 -> 某项投资: an adverb of pace ending a metric before its verb, with a filler before it
    (粮食仍然|连年 -> 粮食; langn9)."""
    pace = next((w for w in lang.words("pace_adverbs") if metric.endswith(w) and len(metric) > len(w) + 1), "")
    if not pace:
        return metric
    metric = metric[:len(metric) - len(pace)]
    return metric.removesuffix(next((w for w in lang.words("fillers") if metric.endswith(w) and len(metric) > len(w) + 1), ""))


def _demonstrative(lang) -> re.Pattern:
    return re.compile(lang.raw["demonstrative_one"])


def _plan_fulfilment(lang) -> tuple[re.Pattern, re.Pattern]:
    """(the fulfilment clause opening the words before a value, the same ending a metric), from one entry."""
    f = lang.raw["plan_fulfilment"]
    met = (rf"(?:{alternation(f['adverbs'])})?{re.escape(f['verb'])}{re.escape(f['particle'])}?")
    plan = rf"[^\W\d_]{{0,{f['within']}}}?(?:{alternation(f['plan'])})"
    return re.compile(rf"^{met}(?P<plan>{plan})的?$"), re.compile(rf"(?<=[^\W\d_]{{2}}){met}{plan}$")


def plan_fulfilled(left_text: str, metric: str, before: str, lang) -> tuple[str, str] | None:
    """完成年度计划的|102% after 粮食总产量达到…: a fulfilment clause with no subject is the metric before's
    (粮食总产量完成年度计划); a metric-less value after one (…，比上年增长9%) is that subject's, not the plan's.
    (metric, rule), or None where neither stands (most values)."""
    plans, verb = lang.raw["plan_fulfilment"]["plan"], lang.raw["plan_fulfilment"]["verb"]
    if not any(plan in left_text + before for plan in plans):
        return None
    opening, ending = lang.compiled(_plan_fulfilment)
    if (m := opening.match(left_text.strip())) is not None and not ending.search(before):
        return before + verb + m.group("plan"), "plan_fulfilled_by_metric_before"
    if not metric and verb not in left_text and (e := ending.search(before)) is not None:
        return before[:e.start()], "subject_of_plan_fulfilled_before"  # 去年同期则完成24%: of the plan again
    return None


def owner_of_bare(clause: str, lang) -> str:
    """The owner a bare measure takes from the clause before: its subject, before a noun of how it fares
    (国有企业|效益明显好转), or the clause itself where it is a plain noun phrase (煤炭工业建设，五年投资…)."""
    subject = clean_metric(clause, lang)
    at = min((i for w in lang.words("state_nouns") if (i := subject.find(w, 2)) >= 0), default=-1)
    owner = subject_before(subject[:at], lang) if at >= 0 else subject_before(clause, lang)
    if owner and at < 0 and not_owner(owner, lang):
        return ""  # 打开了销路，总产值…; 如前所说，总产值…: a deed or an aside, no noun phrase that owns the measure
    return "" if any(w in owner for w in lang.words("negations")) else owner  # 校舍腾不出来: a predicate


def contributor(clause: str, lang) -> str:
    """Whose contribution a bare 对…贡献率 is: the subject the clause before names before a noun of how it fares
    (旅游业|国际影响力大幅提升), or "" (a clause with no such noun names no contributor; langp10)."""
    subject = clean_metric(clause, lang)
    at = min((i for w in lang.words("state_nouns") if (i := subject.find(w, 2)) >= 0), default=-1)
    return subject_before(subject[:at], lang) if at >= 0 else ""


def not_owner(clause: str, lang) -> bool:
    """A clause before a bare measure that holds a verb that moves or states a quantity (保持), a perfective particle
    or an aside's word (`not_owners`: 如前所说, 除…以外) is a predicate or a frame, no thing the measure is of (langn8);
    a framing verb may end a thing's name (煤炭工业建设，五年投资…)."""
    words = (lang.words("verbs", "level") + lang.words("verbs", "change_up") + lang.words("verbs", "change_down")
             + lang.words("verbs", "perfective") + lang.words("not_owners"))
    return any(w in clause for w in words)

def qualified_object(metric: str, clause: str, lang) -> str:
    """问题解决率 after 开展涉企历史遗留问题攻坚行动: a rate of a deed done to a generic object (`qualified_object_rate`)
    is of the objects the clause before named, with the qualifier written between its verb of doing and the object
    (涉企历史遗留问题解决率); the metric as it is where the clause names the object bare or after no such verb."""
    spec = lang.raw["qualified_object_rate"]
    obj = next(o for o in spec["objects"] if metric.startswith(o))
    if not metric.endswith(spec["rate"]) or (at := clause.rfind(obj)) < 2:
        return metric
    head = clause[:at]
    verb = max(((i + len(v)) for v in doing_verbs(lang) if (i := head.rfind(v)) >= 0), default=-1)
    qualifier = head[verb:] if verb >= 0 else ""
    if not 2 <= len(qualifier) <= int(spec["longest"]) or not all("\u4e00" <= c <= "\u9fff" for c in qualifier):
        return metric
    return qualifier + metric


def before_attribute(noun: str, lang) -> str:
    """产业链产值两位数 -> 产业链: an attribute of the things counted (`attributes_of_counted`: 产值, 水质, 能耗 …) after at
    least two words of their noun is what their predicate says of them; the noun as it is where a number stands before the
    attribute (千亿级产值产业: a size class of the noun)."""
    at = min((i for w in lang.words("attributes_of_counted", "words") if (i := noun.find(w, 2)) >= 0), default=-1)
    return noun[:at] if at >= 0 and not _NUMERAL.search(noun, 0, at) else noun


def own_region_after_cause(metric: str, region: re.Pattern, lang) -> str:
    """…带动陕西进出口 in a report of 陕西 -> …带动进出口: the report's own region right after a verb of causing
    (`cause_verbs`) is a scope word of what was moved (langp9); not before a class of regions (陕西各市)."""
    for verb in lang.words("cause_verbs"):
        at = metric.find(verb)
        if at >= 0 and (m := region.match(metric[at + len(verb):])) is not None:
            rest = metric[at + len(verb) + m.end():]
            if len(rest) >= 2 and not rest.startswith(patterns(lang).words["region_classes"]):
                return metric[:at + len(verb)] + rest
    return metric


def disposed_owner(clause: str, lang) -> str:
    """将学生意外伤害保险从义务教育阶段扩大到高中阶段，保费…: the thing the clause before disposes of (the disposal 将,
    then a noun phrase up to a from frame that moves it) owns the bare measure after it; "" where no such clause."""
    clause = clause.strip()
    clause = clause[numbers.list_mark(clause, lang):]
    spec = lang.raw["disposed_owner"]
    m = re.match(rf"(?:{alternation(lang.words('status', 'disposal'))})(?P<thing>[\u4e00-\u9fff]{{2,{int(spec['longest'])}}}?)"
                 rf"(?:{alternation(lang.words('from_frames'))})", clause)
    return m.group("thing") if m else ""


def owner_of_measure_across_mark(wt: str, prev_end: int, before: str, lang, counters: tuple[str, ...] = ()) -> str:
    """实施市级重点项目300个、完成投资800亿元: a bare measure in the item after a count of things (a counter closes
    the value before, then 、) is the measure of the things counted, the metric before (langp6); "" where that
    metric is itself a measure or holds more than a noun phrase's words. ``counters``: those that may close the
    count instead (人次 for what visitors spent, langp9)."""
    if not wt.startswith("、", prev_end) or not wt.endswith(counters or tuple(lang.words("new_things_counted")), 0,
                                                            prev_end) or not (
            2 <= len(before) <= 12) or not all("\u4e00" <= c <= "\u9fff" for c in before) or before.endswith(
            tuple(lang.words("measure_nouns")) + tuple(lang.words("bare_owned_measures"))):
        return ""
    return before


def owned_by_metric_before(measure: str, before: str, clause: str, lang) -> str:
    """The bare ``measure`` of the thing the clause before measured (``before``, its metric, written in
    ``clause``): that metric without its own measure or bare measure (来华旅游人数 -> 来华旅游创汇; 乡镇企业效益 ->
    乡镇企业实现利润; 技工学校招生 -> 技工学校毕业),
    run into the measure where it ends with the measure's first word (居民储蓄存款 + 存款余额 -> 居民储蓄存款余额).
    "" where the metric before is a measure of no thing (生铁成本, 产值), a negated predicate, or ends in no clause
    right before."""
    ends = sorted(lang.words("owner_measure_ends") + lang.words("bare_owned_measures"), key=len, reverse=True)
    owner = next((before[:-len(w)] for w in ends if before.endswith(w)), before)  # 技工学校招生, 毕业…: 技工学校's
    if not 2 <= len(owner) <= 12 or before[-2:] not in clause or not all("\u4e00" <= c <= "\u9fff" for c in owner) \
            or owner.endswith(tuple(lang.words("measure_nouns"))) or any(w in owner for w in lang.words("negations")):
        return ""  # 校舍腾不出来，招生数…: a negated clause names no thing
    joint = next((n for n in range(min(len(owner), len(measure)) - 1, 1, -1) if owner.endswith(measure[:n])), 0)
    return owner + measure[joint:]


def relative_before_existential(left_text: str, subject: str, noun: str, lang) -> str:
    """亩产达到一百斤以上的|有|45个|县 -> 亩产达到一百斤以上的县: a clause with 的 before an existential 有 picks out
    which of the nouns counted after it are meant; it is their qualifier, no subject of its own."""
    if not lang.compiled(_relative_existential).search(_SPACE.sub("", left_text)):
        return ""
    return subject + lang.raw["possessive"] + noun


def _relative_existential(lang) -> re.Pattern:
    return re.compile(lang.raw["relative_before_existential"])

# The readings of a phrase, made once per phrase and language: each of these is a pure function of its words,
# and phrases repeat (比上年增长 in a report, one row label on every row of a table), so a record-dense text
# reads each of its phrases once. Bounded, so a text of phrases all different costs no more memory than this.
PHRASES = 512
# goal_frame is not among them: its first test (a goal noun right after the value) fails for most values, and
# costs less than a look-up.
(read_left, clean_metric, noun_after, counted_noun, unframed, without_adverbs, without_examples,
 without_connectives, before_deed, before_completion, goal_of) = (lru_cache(PHRASES)(f) for f in (
    read_left, clean_metric, noun_after, counted_noun, unframed, without_adverbs, without_examples,
    without_connectives, before_deed, before_completion, goal_of))


# The rules of ``read`` that act under one of several names, each gated as one.
EXAMPLE_RULES = ("cause_with_examples_dropped", "quoted_examples_dropped", "listed_examples_dropped",
                 "single_example_dropped")
NATIONAL_FRAME_RULES = tuple(rule for rule, _ in NATIONAL_FRAMES)
OLDER_FRAME_RULES = tuple(rule for rule, _ in OLDER_FRAMES)
# Not a rule of its own: whether a phrase is made only of verbs of doing (``unframed(..., whole=True)`` leaves
# nothing), which ``counted_noun`` and ``prenominal`` ask of the words before a count.
ONLY_VERBS = "only_verbs_of_doing"


def _needs(lang) -> dict:
    """What the phrase each rule of ``read`` reads must hold for the rule to act (``lexicon.Need``): the patterns
    it matches or the words it finds. ``read`` tries a rule only where its phrase holds them (``lexicon.Gate``),
    so a phrase pays only for the rules it can trigger; a rule not named here is always tried."""
    g, prov, national, plan = patterns(lang), lang.compiled(_provincial), lang.compiled(_national), lang.compiled(
        _plan_frames)
    eighth = lang.compiled(_eighth)
    return {  # the words before the value
        "place_by_examples_dropped": Need(patterns=(g.place_frame,)),
        "locative_before_deed_dropped": Need(patterns=(lang.compiled(_locative),)),
        # the words before, read into a metric (left.metric)
        "since_frame_dropped": Need(patterns=(prov.since,)),
        "frame_with_copula_dropped": Need(words=(prov.frame_opening,)),
        "batch_before_count_dropped": Need(patterns=(g.batch,)),
        # the noun after a count
        "valued_predicate_after_noun_dropped": Need(patterns=(prov.valued_deed,)),
        "deed_after_noun_dropped": Need(words=lang.words("verbs", "perfective"), length=5),
        "cut_predicate_after_noun_dropped": Need(patterns=(lang.compiled(_cut_predicate),)),
        "completion_after_noun_dropped": Need(patterns=(g.completion,)),
        "manner_after_noun_dropped": Need(patterns=(g.manner_end,)),
        "in_use_after_noun_dropped": Need(patterns=(prov.in_use_end,)),
        "pilot_names_the_counted": Need(patterns=(g.pilot,)),
        "size_label_given_its_head": Need(patterns=(lang.compiled(_size_label)[0],)),
        "destination_after_noun_dropped": Need(patterns=(lang.compiled(_destination),)),
        "predicate_adverb_ends_noun": Need(patterns=(eighth.predicate_adverb,)),
        "deed_of_counted_noun_dropped": Need(patterns=(eighth.deed_after_noun,)),
        "measure_of_counted_places_dropped": Need(patterns=(eighth.place_measure,)),
        # the metric
        "owner_of_contribution_before": Need(patterns=(lang.compiled(_contribution),)),
        "qualifier_in_from_frame_dropped": Need(patterns=(g.older_signs,)),
        "adverb_dropped": Need(patterns=(g.adverb_start, g.adverb_inside)),
        "means_phrase_dropped": Need(patterns=(prov.means,)),
        NATIONAL_FRAME_RULES: Need(patterns=(national.sign,)),
        OLDER_FRAME_RULES: Need(patterns=(g.older_signs,)),
        "obligation_dropped": Need(patterns=(plan.obligation,)),
        "drawing_verb_dropped": Need(patterns=(g.drawing,)),
        EXAMPLE_RULES: Need(words=lang.words("open_list_marks")),
        "connective_dropped": Need(patterns=(g.connective,)),
        "possibility_modal_dropped": Need(patterns=(national.possibility,)),
        "year_inside_dropped": Need(patterns=(g.inner_year,)),
        "framing_verb_dropped": Need(patterns=(g.particle_after_verb, g.framing_start)),
        "causative_dropped": Need(patterns=(national.causative,)),
        "quantity_of_goal": Need(words=lang.words("goal_nouns")),  # in the metric or the fillers after it
        "gap_to_reference": Need(patterns=(g.gap,)),
        # the fillers
        "destination_after_from_frame": Need(words=lang.words("from_frames")),
        # the words before the value, after a value before in the clause
        "subject_of_from_frame_destination": Need(patterns=(g.destination,)),
        ONLY_VERBS: Need(patterns=(g.particle_after_verb, g.framing_start, g.action_start, g.defining_start)),
        "grouping_before_count_dropped": Need(patterns=(g.grouping,)),
        "relative_clause_before_existential_count": Need(patterns=(lang.compiled(_relative_existential),)),
    }


def _gate(lang) -> Gate:
    return Gate(_needs(lang))


@dataclass(frozen=True)
class NamedAmount:
    """One class of deed whose object names the amount measured (money allocated, things granted; langv8)."""

    deed: re.Pattern  # actor, adverbs, the deed's verb, then the noun it names (中央财政|拟|安排|就业补助资金)
    actor: re.Pattern  # an actor and its adverbs alone (中央财政|拟), the deed's verb read as the value's
    named: re.Pattern  # the noun after the value, up to its last head (200亿元|专项奖补资金|予以支持)
    verbs: tuple[str, ...]
    units: tuple[str, ...]  # the units its amounts are written in


def _named_amount(lang) -> tuple[NamedAmount, ...]:
    frame = lang.raw["named_amount"]
    actor = rf"[^\W\d_]{{0,{int(frame['actor_words'])}}}?(?:{alternation(frame['actors'])})"
    adverbs = rf"(?:{alternation(frame['adverbs'] + lang.raw['modal_inside'])})*"  # 中央财政|拟|投入…, 还将|拨出…
    money, granted = frame["money"], frame["granted"]
    particle = alternation(lang.words("verbs", "perfective") + (lang.raw["possessive"],))  # 安排了|…, 投入的|…
    return tuple(NamedAmount(
        deed=re.compile(rf"(?:{actor})?{adverbs}(?:{alternation(deed['verbs'])})(?:{particle})?"
                        rf"(?P<noun>(?!{particle})(?=[^\W\d_]|“)[^，。；]*?(?:{alternation(deed['heads'])}))"),
        actor=re.compile(rf"{actor}{adverbs}"),
        named=re.compile(rf"(?=[^\W\d_]|“)[^\W\d_“”]*(?:{alternation(deed['heads'])})"),
        verbs=tuple(deed["verbs"]), units=units)
        for deed, units in ((money, tuple(money["units"]) + lang.words("rate_units")), (granted, tuple(granted["units"]))))


def _named_amount_units(lang) -> frozenset[str]:
    """The units any deed of ``_named_amount`` writes its amounts in, so one look skips a value in none."""
    return frozenset(u for deed in lang.compiled(_named_amount) for u in deed.units)


def deed_before_named_amount(metric: str, verb: str | None, own: str, unit: str, lang) -> str:
    """市财政安排就业补助资金12亿元 -> 就业补助资金, 授予发明专利权1200件 -> 发明专利权, 中央财政安排200亿元专项资金
    -> 专项资金: a deed that allocates, issues or grants (with its actor) before a noun that already names the amount
    measured is no part of it (a metric never keeps its verb, nor its actor alone); a bare head (投入资金) or a count
    of other things (发放补贴3万人) keeps it (langv8)."""
    if unit not in lang.compiled(_named_amount_units):  # the first test: most values are in no deed's unit
        return metric
    bare = lang.words("named_amount", "bare")
    for deed in lang.compiled(_named_amount):
        if unit not in deed.units:
            continue
        if (m := deed.deed.fullmatch(metric)) is not None:
            return metric if m.group("noun") in bare else m.group("noun")
        if verb in deed.verbs and deed.actor.fullmatch(metric) and (m := deed.named.match(noun_after(own, lang))):
            return metric if m.group() in bare else m.group()
    return metric
