"""Step 7, status: actual, estimate or target, from cues in the sentence, then the paragraph and section."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from .. import numbers
from ..lexicon import required_chars
from ..records import Section
from . import period as periods
from .window import Window


@dataclass(frozen=True)
class Patterns:
    estimate: re.Pattern
    target: re.Pattern
    not_target: re.Pattern
    quoted_goal: re.Pattern
    opener: re.Pattern  # opens the paragraph of the year's targets
    review_senses: frozenset[str]  # target cues that in a review say what was done (争取 = secured)
    plan_itself: re.Pattern  # a count of the plan's own parts (纲要提出22项指标)
    plan_noun_before: re.Pattern  # the plan's own parts named before their count (其中约束性指标7项)
    plan_count: re.Pattern  # a count of the plan's own parts anywhere before the value
    plan_part: re.Pattern  # a value counted in the same classifier: its breakdown (其中经济发展类6个)
    present_fact: re.Pattern  # opens the clause of a fact as it stands (去年…回落到2%, 目前…已经超过)
    sentence_fact: re.Pattern  # opens a sentence of facts (目前，…; 这两年取得…)
    population: re.Pattern  # the value is a count of the people (800万人民, 14亿人的): a background total
    phrase_goal: re.Pattern  # the value's noun phrase closes on a goal word (50万人落户目标顺利实现)
    goal_word: str  # that word: most clauses after a value hold none, and are not read further
    in_force: tuple[str, ...]  # right before the value: the one in force now (现行16%的税率)
    estimated_base: re.Pattern  # before a 预计: the base compared with is the estimate (比1980年预计增长)
    from_frame: re.Pattern  # opens the value's phrase: where a change starts (由|从…)
    to_frame: re.Pattern  # after the value: where it moves to (提高到, 降至)
    done_by_year: re.Pattern  # a year, then a deed done, right before the value (一九五七年已经有)
    perfect: re.Pattern  # a deed done right before the value (已经超过)
    launched: re.Pattern  # a verb launching a programme, in the clause before the value (实施两年新增)
    programme: re.Pattern  # the clause after the value closes on a programme (…的投资计划)
    programme_nouns: tuple[str, ...]
    counted: re.Pattern  # the value counts things (300个): no programme's size
    same_period: re.Pattern  # in the clause of a fact of the year so far (比去年同期)
    to_date: re.Pattern  # in the sentence of a fact of the year so far (到5月份为止)
    months_span: re.Pattern  # in the sentence of a fact of the year so far (今年1至9月)
    doing: re.Pattern  # a verb between that count and the value: a goal of the plan, not a part of it
    reach: dict[str, int]  # how many characters before the value each of the frames above may start
    deadline: re.Pattern  # a span of years a deed is to be done within (在五年内, 在十二年内)
    deadline_done: re.Pattern  # a deed done after it (已, 了): the span is one gone by
    planned_figure: re.Pattern  # right before the value: the plan's figure (一九八一年计划为)
    part_gone: re.Pattern  # a part of this year gone by (今年上半年, 今年第一季度): its 今年 sets no goal
    indicator: re.Pattern  # a plan's indicator stated (棉花的指标为…)
    later_cues: str | None  # characters one of which the prefix of a value that a later cue rule sets holds

    disposal: frozenset[str]  # 将 right before a number moves it (将2.8万亿元资金纳入…): no modal
    number: re.Pattern
    disposal_frame: re.Pattern  # a noun, then a verb that moves it or a 从/由 frame
    in_label: Callable[[str, int, int], bool]  # a cue inside a short quoted name is part of it (“两个确保”)

    def is_target(self, text: str, m: re.Match) -> bool:
        """A target word that is not part of a longer word (要求, 即将), of a quoted name or a disposal."""
        if m.group() in self.disposal and self.number.match(text, m.end()):
            return False
        if self.in_label(text, m.start(), m.end()):
            return False
        if self.months_span.match(text, m.start()) or self.part_gone.match(text, m.start()):
            return False  # 今年1至9月安排了…, 今年上半年…增长: the 今年 of months gone by dates a fact, it sets no goal
        window = text[max(0, m.start() - 3):m.end() + 3]
        offset = m.start() - max(0, m.start() - 3)
        return not any(n.start() < offset + (m.end() - m.start()) and offset < n.end()
                       for n in self.not_target.finditer(window))

    def estimates_the_value(self, text: str, m: re.Match) -> bool:
        """比1980年预计增长5.5%: the 预计 after what the value is compared with estimates that base."""
        return self.estimated_base.search(text, max(0, m.start() - self.reach["estimated_base"]), m.start()) is None

    def is_target_in_review(self, text: str, m: re.Match) -> bool:
        """In a review, 将 before a noun and the verb that moves it (将税率从17%降至13%) is the disposal 将:
        it says what was done."""
        if m.group() in self.disposal and self.disposal_frame.match(text, m.end()):
            return False
        return m.group() not in self.review_senses and self.is_target(text, m)


def _build(lang) -> Patterns:
    plan_nouns, classifiers = lang.pattern("plan_own_nouns"), "".join(lang.words("plan_count_classifiers"))
    count = "[0-9一二三四五六七八九十两]+"
    moving = lang.pattern("verbs", "change_up") + "|" + lang.pattern("verbs", "change_down")
    return Patterns(
        estimate=re.compile(lang.pattern("status", "estimate")),
        target=re.compile(lang.pattern("status", "target")),
        not_target=re.compile(lang.pattern("status", "not_target")),
        quoted_goal=re.compile(rf"(?:[^，,。；]{{0,20}}的)?(?P<cue>{lang.pattern('quoted_goals')})"),  # …的目标, 10万人目标
        opener=re.compile(lang.pattern("targets_openers")),
        review_senses=frozenset(lang.words("status", "review_senses")),
        disposal=frozenset(lang.words("status", "disposal")),
        number=re.compile(r"[0-9一二三四五六七八九十两百千万亿]"),
        disposal_frame=re.compile(
            rf"(?!{moving}|{lang.pattern('verbs', 'level')}|{lang.pattern('fillers')}|{lang.pattern('comparison_openers')})"
            rf"[^，,。；;：:]{{1,{int(lang.raw['status_reach']['disposal_object'])}}}?(?:{moving}|{lang.pattern('status', 'disposal_verbs')}|{lang.pattern('from_frames')})"),
        in_label=partial(numbers.in_label, lang=lang),
        plan_itself=re.compile(rf"(?:{plan_nouns})(?![\u4e00-\u9fff])"),
        plan_noun_before=re.compile(rf"(?:{plan_nouns})(?:{lang.pattern('plan_count_links')})?$"),
        plan_count=re.compile(rf"{count}(?P<cl>[{classifiers}])(?:{plan_nouns})|(?:{plan_nouns}){count}(?P<cl2>[{classifiers}])"),
        plan_part=re.compile(rf"{count}(?P<cl>[{classifiers}])"),
        present_fact=re.compile(lang.pattern("present_fact_openers")),
        sentence_fact=re.compile(rf"\s*(?:{lang.pattern('present_fact_openers')}|{lang.pattern('past_span_openers')})"),
        population=re.compile(lang.raw["population_counts"]),
        phrase_goal=re.compile(rf"(?:(?!{lang.pattern('phrase_goal', 'reached')})[^，,。；;：:]){{0,20}}?"
                               rf"(?P<cue>{re.escape(lang.raw['phrase_goal']['cue'])})"),
        goal_word=lang.raw["phrase_goal"]["cue"],
        reach=dict(lang.raw["status_reach"]),
        deadline=re.compile(lang.raw["deadline"]["frame"]),
        deadline_done=re.compile(lang.raw["deadline"]["done"]),
        part_gone=re.compile(lang.raw["part_of_year_gone"]),
        indicator=re.compile(lang.raw["indicator_stated"]),
        later_cues=None,
        planned_figure=re.compile(rf"(?:{lang.pattern('plan_adverbs')})(?!{lang.pattern('plan_met_verbs')})"
                                  rf"(?:{lang.pattern('verbs', 'level')}|{moving})$"),
        in_force=tuple(sorted(lang.words("in_force_words"), key=len, reverse=True)),  # 现有的 before 现有
        estimated_base=re.compile(lang.raw["estimated_base"]),
        launched=re.compile(rf"(?:{lang.pattern('programme_launch_verbs')})[^，,。；;：:]{{0,10}}$"),
        programme_nouns=lang.words("programme_nouns"),
        programme=re.compile(rf"[^，,。；;：:、]{{0,16}}?(?:{lang.pattern('programme_nouns')})$"),
        counted=re.compile(rf"[0-9０-９.．零〇○一二三四五六七八九十两百千万亿多余]+(?:{lang.pattern('programme_counts')})"),
        perfect=re.compile(lang.raw["perfect_before"]),
        done_by_year=re.compile(rf"((?:19|20)[0-9]{{2}}|{lang.raw['year_in_numerals']})年(?:底|末)?"
                                rf"(?:{lang.raw['done_by_year']})"),
        from_frame=re.compile(rf"(?:{lang.pattern('from_frames')})[^，,。；;：:由从]{{0,12}}$"),
        to_frame=re.compile(rf"(?:{moving})(?:{lang.pattern('verbs', 'particles')})?"
                            rf"(?:{lang.pattern('verbs', 'to_level')})"),
        same_period=re.compile(lang.raw["same_period"]),
        to_date=re.compile(lang.raw["to_date"]),
        months_span=re.compile(lang.raw["months_span"]),
        doing=re.compile(lang.pattern("verbs", "change_up") + "|" + lang.pattern("verbs", "change_down") + "|"
                         + lang.pattern("framing_verbs") + "|" + lang.pattern("defining_verbs")),
    )


def patterns(lang) -> Patterns:
    return lang.compiled(_gated)


def _gated(lang) -> Patterns:
    """The patterns, and the characters that the later prefix rules (a part of the year gone, a deadline, an
    indicator stated, a coming year) need: a prefix without any of them is read by none of those rules."""
    g = _build(lang)
    needs = [required_chars(p) for p in (g.part_gone, g.deadline, g.indicator, periods.patterns(lang).by_year)]
    return replace(g, later_cues=None if None in needs else "".join(sorted(frozenset().union(*needs))))


@dataclass(frozen=True)
class Status:
    status: str  # actual | estimate | target
    cue: str | None  # the words that decided it
    rule: str


_SCOPE_BREAKS = "，,：:"
_NO_CUE = Status("actual", None, "no_target_cue")  # the common outcome, one shared frozen record


def decide(lang, win: Window, end: int, after: str, section: Section | None, targets_from: int | None,
           at: int, year: int | None) -> Status:
    """``win.text[:end]``: the sentence up to the value; ``after``: its clause after it; ``at``: a working offset."""
    g = patterns(lang)
    if m := win.first(g.estimate, 0, end, g.estimates_the_value):
        return Status("estimate", m.group(), "estimate_cue")
    # what a plan says of itself (提出了28个主要指标，其中20个预期性指标) is a fact of its text, whatever
    # goal or modal word the sentence holds: before the target cues
    if g.plan_itself.match(after):
        return Status("actual", None, "count_of_the_plan_itself")
    if part := g.plan_part.match(win.text, end):  # a count in a classifier the plan counts its parts in
        if g.plan_noun_before.search(win.text, max(0, end - _PLAN_REACH), end):
            return Status("actual", None, "count_of_the_plan_itself")
        if (m := win.first(g.plan_count, 0, end)) and _part_of_plan(g, win, m, part, end):
            return Status("actual", None, "part_of_the_plan_itself")
    if m := g.population.match(win.text, end):  # before the modal cues: 要保障好14亿人的粮食安全
        return Status("actual", m.group(), "population_count")
    if win.text.endswith(g.in_force, 0, end) and (in_force := next(w for w in g.in_force if win.text.endswith(w, 0, end))):
        return Status("actual", in_force, "value_in_force")
    in_review = section is not None and section.role == "review"
    in_targets = targets_from is not None and at >= targets_from
    in_plan = section is not None and section.role in ("targets", "plans")
    clause = 0  # where the value's clause starts: read only in the plan
    if in_targets or in_plan:
        last = win.last_of(_SCOPE_BREAKS, end)
        clause = 0 if last is None else last + 1
        if fact := fact_in_plan(g, win, clause, end, after, year):
            return fact
    if m := modal_cue(g, win, end, in_review):
        return Status("target", m.group(), "modal_cue")
    cued = g.later_cues is None or win.holds(g.later_cues, end)  # one look for the four below
    if cued and (gone := win.first(g.part_gone, 0, end)):
        return Status("actual", gone.group(), "part_of_year_gone")  # 今年上半年，某产值又比去年同期增长24%
    if in_review and (m := g.planned_figure.search(win.text, max(0, end - _PLANNED_REACH), end)):
        return Status("target", m.group(), "plan_figure_in_review")  # 一九八一年计划为3.7%，实际达到4.6%
    if cued and not in_review and (m := deadline(g, win, end)):
        return Status("target", m.group(), "deadline_frame")
    if cued and (m := win.first(g.indicator, max(0, end - _INDICATOR_REACH) if in_review else 0, end)):
        return Status("target", m.group(), "indicator_stated")  # 棉花的指标为3500万担，比上一年增加220万担
    if goal := goal_before(lang, win, end):
        return Status("target", goal, "goal_named_before")
    # a year in digits only: by numeral years (到一九五四年) the 1950s reviews say how far a plan came, as
    # often as they set a goal (27 corpus records flipped, about half wrongly)
    if cued and (m := win.first(periods.patterns(lang).by_year, 0, end)) and year and m.group(1).isdigit() \
            and numbers.year_number(m.group(1)) >= year:
        return Status("target", m.group(), "by_a_coming_year")
    if m := g.quoted_goal.match(after):
        return Status("target", m.group("cue"), "quoted_goal")
    if g.goal_word in after and (m := g.phrase_goal.match(after)):
        return Status("target", m.group("cue"), "goal_closes_the_phrase")
    if (tail := after.rstrip()).endswith(g.programme_nouns) and g.programme.fullmatch(tail) \
            and (m := g.launched.search(win.text, max(0, end - g.reach["launched"]), end)) and not g.counted.match(win.text, end):
        return Status("target", m.group(), "size_of_a_programme")  # 实施两年新增4万亿元的投资计划
    if not (in_targets or in_plan):
        return _NO_CUE
    if in_plan and (so_far := year_so_far(g, win, clause, end)):
        return Status("actual", so_far, "year_so_far_in_plan")
    if in_targets:
        return Status("target", None, "targets_paragraph")
    return Status("target", None, f"section_{section.role}")


_PLAN_REACH = 16  # the longest plan noun and link word before a count
_PLANNED_REACH = 6  # a plan adverb and its verb right before the value (计划增长为)
_INDICATOR_REACH = 4  # in a review, the indicator stated right before the value (指标定为)


def _part_of_plan(g: Patterns, win: Window, count: re.Match, part: re.Match, end: int) -> bool:
    """纲要提出28个主要指标，其中经济发展类6个: a later count in the same classifier, with no verb between,
    breaks the plan's own count down."""
    return (part.group("cl") == (count.group("cl") or count.group("cl2"))
            and g.doing.search(win.text, count.end(), end) is None)


def modal_cue(g: Patterns, win: Window, end: int, in_review: bool = False) -> re.Match | None:
    """A modal cue (要, 将, 力争) governs its own clause and, from the sentence's first clause, the whole sentence.
    In a review, a cue word in its sense of what was done (争取 = secured) is none."""
    keep = g.is_target_in_review if in_review else g.is_target
    first = win.first_of(_SCOPE_BREAKS, end)
    if first is None:
        return win.first(g.target, 0, end, keep)
    last = win.last_of(_SCOPE_BREAKS, end)
    return win.first(g.target, 0, first, keep) or win.first(g.target, last + 1, end, keep)


def deadline(g: Patterns, win: Window, end: int) -> re.Match | None:
    """在五年内，某支出总数为…; 某产量在十二年内分别达到…: a span of years a deed is to be done within sets a goal, as a
    modal cue does, from the sentence's first clause or the value's own; a deed done after it (已经治疗了70%) is a fact.
    Not read in a review, which tells what the years brought."""
    first = win.first_of(_SCOPE_BREAKS, end)
    last = win.last_of(_SCOPE_BREAKS, end)
    m = win.first(g.deadline, 0, end if first is None else first) or (
        win.first(g.deadline, last + 1, end) if last is not None else None)
    return None if m is None or g.deadline_done.search(win.text, m.end(), end) else m


def goal_before(lang, win: Window, end: int) -> str | None:
    """经济增长速度的调控目标，定为8%: a clause that ends by naming a goal sets the value after it."""
    last = win.last_of(_SCOPE_BREAKS, end)
    if last is None:
        return None
    prev = win.last_of(_SCOPE_BREAKS, last)
    if win.text[last + 1:end].strip() not in lang.words("goal_verbs"):
        return None  # …实现了确定的目标，增长3%: the clause after a goal must be what sets it
    clause = win.text[(prev or -1) + 1:last].rstrip()
    return next((w for w in lang.words("goal_nouns") if clause.endswith(w)), None)


def year_so_far(g: Patterns, win: Window, clause: int, end: int) -> str | None:
    """一季度某产量比去年同期增长62%, 到5月份为止某投资完成计划的27%, 今年1至9月安排就业…: the clause reports
    the months gone by."""
    m = win.first(g.same_period, clause, end) or win.first(g.to_date, 0, end) or win.first(g.months_span, 0, end)
    return m.group() if m else None


def fact_in_plan(g: Patterns, win: Window, clause: int, end: int, after: str, year: int | None) -> Status | None:
    """A fact the plan section quotes: read before the modal cues, which yield to it unless its own clause holds
    one (a present fact) or whatever they say (the base of a change, a past year's deed)."""
    if (fact := present_fact(g, win, clause, end)) and not win.first(g.target, clause, end, g.is_target):
        return Status("actual", fact[0], fact[1])
    if (m := g.from_frame.search(win.text, max(clause, end - g.reach["from_frame"]), end)) and g.to_frame.match(after):
        return Status("actual", m.group()[0], "base_of_a_planned_change")  # 要将补助从人均40元提高到45元: 40元 is now
    if year and (m := g.done_by_year.search(win.text, max(clause, end - g.reach["done_by_year"]), end)):
        if numbers.year_number(m.group(1)) < year:  # 一九五七年已经有6400多万人
            return Status("actual", m.group(), "done_by_a_past_year")
        return None  # 2031年底已有300所 in the report of 2031: what the year is to reach
    if (m := g.perfect.search(win.text, max(clause, end - g.reach["perfect"]), end)) and not win.first(g.target, clause, end, g.is_target):
        return Status("actual", m.group(), "deed_done_in_plan")  # 某支出已经超过3万亿元
    return None


def present_fact(g: Patterns, win: Window, clause: int, end: int) -> tuple[str, str] | None:
    """去年某价格涨幅回落到2%, 目前某支出已经超过3万亿元: a clause opened by a word of the present or the year
    past, or a sentence opened by such a word or a span of years just past (这两年), states a fact even inside the
    plan section. Returns the word and the rule."""
    if m := g.present_fact.match(win.text, clause):
        return m.group(), "present_fact_in_plan"
    if m := g.sentence_fact.match(win.text):  # 目前，某支出已经超过3万亿元; 这两年取得…，研制成功的新材料有上千种
        return m.group().strip(), "present_fact_opens_sentence"
    return None
