"""Step 3, metric: what a value measures, read from the words of its clause.

The words before a value split into metric, fillers and verb (``read_left``);
a count written before its noun takes the noun (6069万农民受益); then named rules
rewrite the metric in a fixed order (see ``RULES``). Every rule that changes the
metric is named in the reading, and so in the record's trace.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import segment
from ..records import Quantity
from . import layout as layouts

TAIL = 12  # the longest verb, filler or rate word anchored at a phrase's end is shorter than this
_SPACE = re.compile(r"\s+")
_STRIP = "“”\"'·-—"  # quotes and dashes around a metric are no part of it


@dataclass(frozen=True)
class Patterns:
    verb_end: re.Pattern  # a verb, optionally followed by 到/至/为/了/在, ending the left context
    filler_end: re.Pattern  # a filler or status cue ending the left context
    leading: re.Pattern  # scope, time and connective words opening a metric
    action_start: re.Pattern
    predicate: re.Pattern
    verb_start: re.Pattern


def _build(lang) -> Patterns:
    alt = lambda words: "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    words = lang.words
    verbs = words("verbs", "change_up") + words("verbs", "change_down") + words("verbs", "level")
    fillers = words("fillers") + words("status", "estimate") + words("status", "between")
    leading = words("scope") + words("time_words") + words("status", "target") + words("openers")
    return Patterns(
        verb_end=re.compile(rf"(?P<verb>{alt(verbs)})(?P<to>{alt(words('verbs', 'to_level') + words('verbs', 'particles'))})?$"),
        filler_end=re.compile(rf"(?:{alt(fillers)}|{'|'.join(words('filler_patterns'))})$"),
        leading=re.compile(rf"^(?:{alt(leading)}|{'|'.join(words('leading_patterns'))})+"),
        action_start=re.compile(rf"^(?:{alt(words('action_verbs'))})"),
        predicate=re.compile(alt(words("predicate_verbs"))),
        verb_start=re.compile(alt(words("verbs", "change_up") + words("verbs", "change_down"))),
    )


def patterns(lang) -> Patterns:
    return lang.compiled(_build)


@dataclass(frozen=True)
class Left:
    """The words before a value: its metric, the verb that moves it, and the fillers between."""

    metric: str
    verb: str | None
    to_level: bool  # 提高到: the verb states a level, not a change
    fillers: str


def read_left(left: str, lang) -> Left:
    """Split the words before a value into metric, fillers and verb."""
    g = patterns(lang)
    to_level_words = lang.words("verbs", "to_level")
    rest, verb, to_level, fillers = left, None, False, ""
    while True:
        m = g.verb_end.search(rest, max(0, len(rest) - TAIL)) if verb is None else None
        if m is not None:
            verb = m.group("verb")
            to_level = bool(m.group("to")) and m.group("to") in to_level_words
            rest = rest[:m.start()]
            continue
        f = g.filler_end.search(rest, max(0, len(rest) - TAIL))
        if f is not None and f.start() < len(rest):
            fillers = f.group() + fillers
            rest = rest[:f.start()]
            continue
        break
    return Left(clean_metric(rest, lang), verb, to_level, fillers)


def clean_metric(metric: str, lang) -> str:
    """Drop blanks, quotes, and the scope, time and connective words that open a phrase."""
    g = patterns(lang)
    metric = _SPACE.sub("", metric).strip(_STRIP)
    for _ in range(3):
        m = g.leading.match(metric)
        if not m or m.end() == 0:
            break
        metric = metric[m.end():]
    if metric.endswith(lang.raw["possessive"]):
        metric = metric[:-1]
    if metric.startswith(("”", "、")):
        metric = metric[1:]
    return metric


def topic(wt: str, lang, breaks: segment.Breaks, s_start: int, first_value: int) -> list[str]:
    """A clause that names a metric and how it moved but holds no value (养老金连续5年增加，去年又提高10%)
    lends its metric to the values of the clauses after it."""
    c_end = breaks.clause_start(first_value, s_start) - 1
    if c_end <= s_start:
        return []
    left = read_left(wt[breaks.clause_start(c_end, s_start):c_end], lang)
    return [left.metric] if left.verb and len(left.metric) >= 2 and not left.to_level else []


def noun_after(right: str, lang) -> str:
    """The noun a count stands before, up to its own predicate."""
    noun = right.removeprefix(lang.raw["possessive"])
    m = patterns(lang).predicate.search(noun, 1)
    return noun[:m.start()] if m else noun


def prenominal(right: str, left: Left, q: Quantity, lang) -> bool:
    """A count written before its noun: 6069万农民受益, 两次下调利率, 4万亿元的投资计划."""
    if not right or q.unit in lang.words("rate_units"):
        return False
    head = right.removeprefix(lang.raw["possessive"])
    if not head or not ("\u4e00" <= head[0] <= "\u9fff" or head[0] in "“\""):
        return False
    if head.startswith(lang.words("not_prenominal")):
        return False
    if left.metric and patterns(lang).verb_start.match(head):
        return False
    has_verb = left.verb or (q.cue in lang.prefix_modifiers)
    return not (has_verb and left.metric)


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


def read(p, dangling: layouts.Dangling, breaks: segment.Breaks, s_start: int, s_end: int, group: list[Quantity],
         history: list[str], prev_end: int) -> Reading:
    """The metric of ``group``: the words before it, rewritten by the rules below in this order."""
    wt, lang = p.text, p.lang
    first, last = group[0], group[-1]
    rules: list[tuple[str, str]] = [("metric", "words_before")]
    c_start = breaks.clause_start(first.span.start, s_start)
    left_from = max(c_start, prev_end, first.span.start - LEFT_REACH)
    left_text = layouts.without_intruders(wt, p.layout, left_from, first.span.start).lstrip("、，, ")
    if c_start in p.layout.splices and prev_end <= c_start:
        left_text = p.layout.splices[c_start] + left_text
        rules.append(("layout", "torn_box_spliced"))
    if prev_end > c_start and "、" in left_text:
        tail = left_text.rsplit("、", 1)[1]
        if not tail or read_left(tail, lang).verb:
            left_text = tail
            rules.append(("metric", "list_item_after_value"))
    if p.noisy:
        cut = layouts.after_box_heading(p.work, lang, left_text, first.span.start)
        if cut != left_text:
            left_text = cut
            rules.append(("layout", "box_heading_cut"))
    left = read_left(left_text, lang)
    right = wt[last.span.end:min(breaks.clause_end(last.span.end, s_end), last.span.end + RIGHT_REACH)]
    metric = left.metric
    noun = noun_after(right, lang) if prenominal(right, left, first, lang) else ""
    if noun:
        metric = patterns(lang).action_start.sub("", (metric + noun) if metric and not left.verb else noun) or noun
        rules.append(("metric", "noun_after_count"))
    if c_start > s_start and left_text.startswith(lang.words("carried_subject_verbs")):
        before = history[-1] if history else clean_metric(
            wt[breaks.clause_start(c_start - 1, s_start):c_start - 1], lang)
        metric = before + metric
        rules.append(("metric", "subject_of_clause_before"))
    share = lang.raw["share"]
    if metric.startswith(share["verb"]) and history:
        metric = history[-1] + metric.rstrip(lang.raw["possessive"])
        if not metric.endswith(tuple(share["endings"])):
            metric += share["default"]
        rules.append(("metric", "share_of_metric_before"))
    if (named := appositive(metric)) != metric:
        metric = named
        rules.append(("metric", "quoted_name_for_list"))
    if p.region is not None and (local := p.region.sub("", metric)) != metric:
        metric = local
        rules.append(("metric", "own_region_dropped"))
    if metric.startswith(lang.words("comparison_openers")):
        metric = ""
        rules.append(("metric", "comparison_frame"))
    reading = Reading(metric, left, right, noun, rules)
    if not metric and not history and p.noisy:
        reading.recovered = dangling.recover(lang, group)
        if reading.recovered is not None:
            reading.metric = reading.recovered[0]
            rules.append(("layout", "dangling_metric"))
            return reading
    if metric and history and metric in lang.words("generic_heads"):
        reading.metric = history[-1] + metric
        rules.append(("metric", "generic_head_of_metric_before"))
    return reading
