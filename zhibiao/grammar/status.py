"""Step 7, status: actual, estimate or target, from cues in the sentence, then the paragraph and section."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Section


@dataclass(frozen=True)
class Patterns:
    estimate: re.Pattern
    target: re.Pattern
    not_target: re.Pattern
    by_year: re.Pattern
    plan_noun: re.Pattern
    quoted_goal: re.Pattern
    opener: re.Pattern  # opens the paragraph of the year's targets
    past_opener: re.Pattern  # opens a paragraph that looks back
    five_years: re.Pattern
    review_senses: frozenset[str]  # target cues that in a review say what was done (争取 = secured)
    plan_itself: re.Pattern  # a count of the plan's own parts (纲要提出22项指标)
    selected: re.Pattern  # selected into a programme (入选…计划): in a review, no plan of its own


def _build(lang) -> Patterns:
    return Patterns(
        estimate=re.compile(lang.pattern("status", "estimate")),
        target=re.compile(lang.pattern("status", "target")),
        not_target=re.compile(lang.pattern("status", "not_target")),
        by_year=re.compile(rf"(?:{lang.pattern('period', 'by_year')})((?:19|20)[0-9]{{2}})年"),
        plan_noun=re.compile(lang.pattern("plan_nouns")),
        quoted_goal=re.compile(rf"[^，,。；]{{0,20}}的(?P<cue>{lang.pattern('quoted_goals')})"),
        opener=re.compile(lang.pattern("targets_openers")),
        past_opener=re.compile(lang.pattern("past_openers")),
        five_years=re.compile(lang.pattern("five_years")),
        review_senses=frozenset(lang.words("status", "review_senses")),
        selected=re.compile(lang.pattern("status", "selected_into")),
        plan_itself=re.compile(rf"(?:{lang.pattern('plan_own_nouns')})(?![\u4e00-\u9fff])"),
    )


def patterns(lang) -> Patterns:
    return lang.compiled(_build)


@dataclass(frozen=True)
class Status:
    status: str  # actual | estimate | target
    cue: str | None  # the words that decided it
    rule: str


def decide(lang, before: str, after_noun: str, after: str, section: Section | None, targets_from: int | None,
           at: int, year: int | None) -> Status:
    """``before``: the sentence up to the value; ``after_noun``: the noun a count precedes; ``at``: working offset."""
    g = patterns(lang)
    if m := g.estimate.search(before):
        return Status("estimate", m.group(), "estimate_cue")
    scope = cue_scope(before)
    in_review = section is not None and section.role == "review"
    for m in g.target.finditer(scope):
        if in_review and m.group() in g.review_senses:
            continue
        if not _inside_not_target(scope, m.start(), m.end(), g):
            return Status("target", m.group(), "modal_cue")
    if g.plan_itself.match(after):
        return Status("actual", None, "count_of_the_plan_itself")
    if (m := g.by_year.search(before)) and year and int(m.group(1)) >= year:
        return Status("target", m.group(), "by_a_coming_year")
    if (after_noun and (m := g.plan_noun.search(after_noun))
            and not (in_review and g.selected.search(after_noun, 0, m.start()))):  # 入选…计划 in a review: done
        return Status("target", m.group(), "plan_noun_after_count")
    if m := g.quoted_goal.match(after):
        return Status("target", m.group("cue"), "quoted_goal")
    if targets_from is not None and at >= targets_from:
        return Status("target", None, "targets_paragraph")
    if section is not None and section.role in ("targets", "plans"):
        return Status("target", None, f"section_{section.role}")
    return Status("actual", None, "no_target_cue")


_SCOPE_BREAKS = frozenset("，,：:")


def cue_scope(before: str) -> str:
    """A modal cue (要, 将, 力争) governs its own clause and, from the sentence's first clause, the whole sentence."""
    first = next((i for i, c in enumerate(before) if c in _SCOPE_BREAKS), None)
    if first is None:
        return before
    last = max(before.rfind(c) for c in _SCOPE_BREAKS)
    return before[:first] + "，" + before[last + 1:]


def _inside_not_target(text: str, start: int, end: int, g: Patterns) -> bool:
    window = text[max(0, start - 3):end + 3]
    offset = start - max(0, start - 3)
    for m in g.not_target.finditer(window):
        if m.start() < offset + (end - start) and offset < m.end():
            return True
    return False


