"""Indicator records from text: walk a prepared document and run the named steps on each value.

Walks the working text paragraph by paragraph (bounded memory on any input),
sentence by sentence, group by group of values written as one list. The steps
(quantities, exclusions, metric, distribution, kind, modifier, status, period)
each return their decision and the rule behind it; ``_record`` puts these into
an ``Indicator`` whose trace names them, and ``ground`` maps its spans.
"""
from __future__ import annotations

import gc
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import canonical, repair as repairing, segment
from ..lexicon import Language, language as shipped, prefiltered
from ..records import Diagnostic, Document, Indicator, Quantity, Section
from . import distribution, exclusions, kind as kinds, layout, metric as metrics, modifier as modifiers
from . import period as periods, quantities, status as statuses
from .ground import WorkRange, covering, grounded
from .prepare import Prepared, prepare
from .window import Window


def extract(text: str, *, year: int | None = None, repair: bool | None = None,
            language: Language | None = None) -> list[Indicator]:
    """Every indicator of ``text``, spans into ``text``."""
    return extract_document(Document(text=text), year=year, repair=repair, language=language)


def extract_document(doc: Document, *, year: int | None = None, repair: bool | None = None,
                     language: Language | None = None) -> list[Indicator]:
    """Every indicator of ``doc``, spans into ``doc.text``. The cycle collector stays off for the whole
    document, not only per sentence: extraction leaves no cycles, and each time it came back on it walked
    the records made so far (5% of a record-dense text)."""
    with _collector.paused():
        return list(iter_indicators(doc, year=year, repair=repair, language=language))


def iter_indicators(doc: Document, *, year: int | None = None, repair: bool | None = None,
                    diagnostics: list[Diagnostic] | None = None,
                    language: Language | None = None) -> Iterator[Indicator]:
    """Indicators one paragraph at a time; ``diagnostics``, where given, collects what the page lost."""
    if not doc.text:
        return
    p = prepare(doc, language or shipped(), year=year, repair=repair)
    dangling = layout.Dangling()
    runs: list[tuple[int, int, int]] = []  # the wordless runs read for no record: (start, end, values)
    for p_start, p_end in segment.paragraphs(p.text):
        yield from _paragraph(p, dangling, runs, p_start, p_end)
    if p.noisy and diagnostics is not None:
        diagnostics.extend(repairing.incomplete(p.original, p.work))
        diagnostics.extend(dangling.lost(p.original, p.work))
    if diagnostics is not None:
        diagnostics.extend(layout.columns_diagnostic(p.original, p.work, p.layout))
        diagnostics.extend(_wordless(p, *run) for run in runs)


def _wordless(p: Prepared, start: int, end: int, n: int) -> Diagnostic:
    """A wordless run's values after its first, read for no record: said once, with the run's span."""
    return Diagnostic("wordless_run", f"{n:,} values after the first of a run with no word between them "
                      "(a table's bare figures or noise): no records", covering(p, WorkRange(start, end)))


@dataclass(frozen=True)
class _Sentence:
    """One sentence of the working text and what its paragraph and section say about it."""

    start: int
    end: int
    breaks: segment.Breaks  # the document's clause breaks
    window: Window  # the sentence's words, indexed for the prefix of each value
    section: Section | None
    section_name: str | None  # the record's section field: the headings' path
    targets_from: int | None  # working offset where the paragraph's targets start
    five_years: bool  # the text at hand speaks of five years (五年来，… / a five-year plan's section)
    unread: frozenset[int]  # starts of the paragraph's values in a wordless run after its first: no record


def _paragraph(p: Prepared, dangling: layout.Dangling, runs: list[tuple[int, int, int]], p_start: int,
               p_end: int) -> Iterator[Indicator]:
    wt, lang = p.text, p.lang
    found = [q for q in quantities.find(wt, lang, p_start, p_end) if not exclusions.name_part(wt, q, lang)]
    if p.noisy:
        dangling.note(wt, lang, p_start, p_end, found)
    if not found:
        return
    wordless = quantities.wordless_runs(wt, lang, found)
    unread = frozenset(q.span.start for i, j in wordless for q in found[i + 1:j])
    runs.extend((found[i + 1].span.start, found[j - 1].span.end, j - i - 1) for i, j in wordless)
    sg, pg = statuses.patterns(lang), periods.patterns(lang)
    opens_five_years = pg.five_years.match(wt, p_start) is not None
    opener = sg.opener.search(wt, p_start, p_end)
    breaks = p.breaks
    busy = [(q.span.start, q.span.end) for q in found]
    qi = 0
    for s_start, s_end in _windows(wt, breaks, p_start, p_end, busy):
        batch = []
        while qi < len(found) and found[qi].span.start < s_end:
            batch.append(found[qi])
            qi += 1
        if batch:
            section = p.sections.at(p.work.offsets.original(s_start))
            five_years = opens_five_years or (section is not None and any(pg.plan.search(h) for h in section.path))
            s = _Sentence(s_start, s_end, breaks, Window.of(wt, p.layout, s_start, s_end), section,
                          " > ".join(section.path) if section else None,
                          opener.end() if opener else None, five_years, unread)
            with _collector.paused():
                records = list(_sentence(p, dangling, s, batch))
            yield from records


class _Collector:
    """Python's cycle collector off while any thread reads a sentence (at most a window): its records
    hold no cycles, and a collection walks every record the caller has kept so far (17% of the time at
    100k characters of values). Threads count in and out under a lock, so the last one out restores
    what the first one in found, whatever happens."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._readers = 0
        self._was_enabled = False

    @contextmanager
    def paused(self):
        with self._lock:
            if not self._readers:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._readers += 1
        try:
            yield
        finally:
            with self._lock:
                self._readers -= 1
                if not self._readers and self._was_enabled:
                    gc.enable()


_collector = _Collector()


def _windows(wt: str, breaks: segment.Breaks, p_start: int, p_end: int, busy: list[tuple[int, int]]):
    """The paragraph's sentences; one longer than ``segment.MAX_SENTENCE`` in windows (bounded work per value)."""
    for s_start, s_end in segment.sentences(wt, p_start, p_end):
        yield from breaks.cut(s_start, s_end, busy)


def _sentence(p: Prepared, dangling: layout.Dangling, s: _Sentence, batch: list[Quantity]) -> Iterator[Indicator]:
    wt, lang = p.text, p.lang
    history, topic_rule = metrics.topic(wt, lang, s.breaks, s.start, batch[0].span.start)  # metrics of this sentence
    lent = len(history)  # while history holds only the lent metric, a carried one is the topic's
    gap_subject = ""  # the subject of the group before where it was a gap to a reference
    prev_end = cut_end = s.start  # cut_end: the end of the last count whose noun ran into the next count
    groups = quantities.groups(wt, lang, batch)
    for i, group in enumerate(groups):
        if s.unread and group[0].span.start in s.unread:
            prev_end = group[-1].span.end  # a wordless run's values after its first: no words, no record
            continue
        if s.unread and group[-1].span.start in s.unread:
            group = [q for q in group if q.span.start not in s.unread]
        reach = groups[i + 2][0].span.start if i + 2 < len(groups) else None  # a noun holds one count at most
        reading = metrics.read(p, dangling, s.breaks, s.start, s.end, group, history, prev_end, reach)
        if reading.recovered is not None:
            name, verb = reading.recovered
            left = metrics.Left(name, verb, False, reading.left.fillers)
            trace = _metric_trace((*reading.rules, ("distribution", "one_metric")))
            yield from (_record(p, s, q, name, left, group, reading, trace, carried=True) for q in group)
            history.append(name)
            prev_end = group[-1].span.end
            continue
        if exclusions.excluded(reading, history, lang):
            continue
        reading.metric, rule = _own_item(reading.metric, reading.noun, reading.left.metric, prev_end > s.start,
                                         cut_end == prev_end, lang, reading.right, group[0].unit, p.is_word)
        if rule:
            reading.rules.append(("distribution", rule))
            cut_end = group[-1].span.end if rule in distribution.CUTS_AT_NEXT_ITEM else cut_end
        reading.metric, rule = distribution.items_of_count(reading.metric, reading.noun, reading.right,
                                                          group[0].unit, lang)
        reading.rules += [("distribution", rule)] if rule else []
        unit = metrics.BRACKETED_UNIT.match(wt, prev_end)  # 3.1万套（户）、老旧管道: the item after still follows a 、
        if history and reading.metric and prev_end > s.start and wt[prev_end + (unit.end() - prev_end if unit else 0)] == "、":
            reading.metric, rule = distribution.shared_qualifier(history[-1], reading.metric, reading.left.metric,
                                                                 group[0].unit, lang, p.is_word)
            if rule:
                reading.rules.append(("distribution", rule))
        if history and reading.metric and prev_end > s.start and not reading.noun:
            part = wt[s.breaks.clause_start(group[0].span.start, s.start):group[0].span.start].lstrip("，,、 ").startswith(
                lang.words("part_openers"))  # 其中新能源汽车增长…: a kind of the whole before
            reading.metric, rule = distribution.parallel_measure(history[-1], reading.metric, p.is_word, lang, part)
            reading.rules += [("distribution", rule)] if rule else []
        if distribution.bare(reading.metric, lang) and (
                c_start := s.breaks.clause_start(group[0].span.start, s.start)) > s.start:
            b_start = s.breaks.clause_start(c_start - 1, s.start)
            counted = history[-1] if history and prev_end > b_start and reading.noun == "" else ""
            reading.metric, rule = distribution.owner_of_bare_measure(reading.metric, wt[b_start:c_start - 1],
                                                                      counted, lang)
            reading.rules += [("distribution", rule)] if rule else []
        if history and len(group) == 1 and (part := distribution.part_of_count(
                wt, s.breaks.clause_start(group[0].span.start, s.start), group[0].span.start, reading.right,
                history[-1], lang)):
            reading.metric = part
            reading.rules.append(("distribution", "part_of_count_before"))
        if not reading.metric:
            # …，超过年度计划4.1%，|比上一年增长6.9%: a clause after a gap to a reference is of its subject (langn9)
            gapped = bool(gap_subject) and s.breaks.clause_start(group[0].span.start, s.start) >= prev_end
            shared = not gapped and bool(history) and not reading.left.to_level and (owner := metrics.owner_of_share(
                history[-1], reading.left.verb, group[0].unit, wt[s.breaks.clause_start(group[0].span.start, s.start):
                                                                  group[0].span.start], lang))
            names, rule = distribution.carried([*history, gap_subject] if gapped else [*history, owner] if shared
                                               else history, len(group), lang, p.is_word, reading.left.fillers)
            rules = [*reading.rules, ("metric", "carried_from_clause_before")]
            rules += [("metric", topic_rule)] if topic_rule and len(history) == lent else []
            rules += [("metric", "subject_of_gap_before")] if gapped else []
            rules += [("metric", "owner_of_share_before")] if shared else []
            names, new_rule = distribution.cumulative(names, reading.left.fillers, reading.left.verb, lang)
            rules += [("distribution", new_rule)] if new_rule else []
        else:
            names, rule = _distribute(reading.metric, len(group), reading.left.fillers, reading.noun, lang, p.is_word)
            rules = list(reading.rules)
        trace = _metric_trace((*rules, ("distribution", rule)))
        group = distribution.shared_unit(distribution.shared_modifier(group, lang))
        for name, q in distribution.pairs(names, group):
            yield _record(p, s, q, name, reading.left, group, reading, trace, carried=not reading.metric)
        names = [metrics.step_subject(m, lang) or m for m in names]  # the values after a step are its measure's
        gap_subject = history[-1] if ("metric", "gap_to_reference") in reading.rules and history else ""
        history.extend(m for m in names if not history or history[-1] != m)
        prev_end = group[-1].span.end


def _record(p: Prepared, s: _Sentence, q: Quantity, metric: str, left: metrics.Left, group: list[Quantity],
            reading: metrics.Reading, metric_trace: tuple[tuple[str, str, str], ...], *, carried: bool) -> Indicator:
    lang = p.lang
    recovered = reading.recovered is not None
    prenominal = bool(reading.noun) and not recovered
    k = kinds.decide(q, group, left, metric, lang, prenominal=prenominal)
    trace = metric_trace + (("metric", "kind", "rate_word_moved_to_kind"),) if k.metric != metric else metric_trace
    unit = q.unit or _noun_unit(reading.right, lang, first=True) or _noun_unit(k.metric, lang)
    start, end = q.span.start, q.span.end
    before = s.window.at(start)  # the sentence's words before the value: s.window.text[:before]
    st = statuses.decide(lang, s.window, before, reading.right, s.section, s.targets_from, start, p.year)
    period, period_rule = periods.decide(lang, p.year, st.status, s.window, before, s.five_years, unit, k.kind)
    trace += _decided(k.rule, modifiers.decide(q, lang), st.rule, period_rule)
    value, clause = grounded(p, WorkRange(start, end), WorkRange(s.breaks.clause_start(start, s.start),
                                                                 s.breaks.clause_end(end, s.end)))
    two_column = bool(p.layout.columns) and p.layout.in_columns(start)
    confidence = (0.5 if recovered else 0.9 - (0.2 if carried else 0.0) - (0.1 if prenominal else 0.0)
                  - (0.3 if two_column else 0.0))
    # positionally, in the order of Indicator's fields: keywords cost twice as much to bind, once per record
    return Indicator(
        k.metric,  # metric
        q.value,  # value
        q.value_max,  # value_max
        unit,  # unit
        k.kind,  # kind
        k.direction,  # direction
        q.modifier,  # modifier
        st.status,  # status
        value,  # span
        clause,  # evidence
        period,  # period
        canonical.match(k.metric, unit, k.kind),  # canonical
        f"{st.cue}/{q.cue}" if st.cue and q.cue else st.cue or q.cue or None,  # cue
        confidence,  # confidence
        s.section_name,  # section
        (("repaired",) if p.noisy else ()) + (("recovered",) if recovered else ())
        + (("two_column",) if two_column else ()),  # flags
        trace,  # trace
    )


def _own_item(metric: str, noun: str, subject: str, after_value: bool, after_cut: bool, lang, right: str, unit: str,
              is_word) -> tuple[str, str | None]:
    """``distribution.own_item``, read once per phrase (a pure function of its words, like the metric's phrase
    readings); a metric it keeps for want of a joiner is not looked up (a miss of the cache costs more)."""
    if not noun or not distribution.holds_joiner(metric, lang):
        return metric, None
    return _own_item_read(metric, noun, subject, after_value, after_cut, lang, right, unit, is_word)


_own_item_read = lru_cache(metrics.PHRASES)(distribution.own_item)


@lru_cache(metrics.PHRASES)
def _distribute(metric: str, n: int, fillers: str, noun: str, lang, is_word) -> tuple[tuple[str, ...], str]:
    """``distribution.distribute``, once per phrase; its metrics as a tuple, as the result is shared."""
    names, rule = distribution.distribute(metric, n, fillers, noun, lang, is_word)
    return tuple(names), rule


@lru_cache(4096)
def _metric_trace(rules: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str, str], ...]:
    """The trace entries of the metric step's rules, made once per sequence of rules (a few dozen in a report)."""
    return tuple(_step("metric", *r) for r in rules)


@cache
def _decided(kind: str, modifier: str, status: str, period: str) -> tuple[tuple[str, str, str], ...]:
    """The trace entries of the steps after the metric, made once per combination of their rules."""
    return (_step("kind", "kind", kind), _step("direction", "kind", kind), _step("modifier", "modifier", modifier),
            _step("status", "status", status), _step("period", "period", period))


@cache
def _step(name: str, step: str, rule: str) -> tuple[str, str, str]:
    """One trace entry, made once and shared by every record it explains (the rules are a closed set):
    a tuple per entry per record was a quarter of what the records kept."""
    return name, step, rule


def _noun_units(lang):
    """The nouns that name their unit (农民 -> 人), in their order: at one place the first listed wins.
    Searched, it skips along on first characters to the next place a noun starts; most phrases hold no
    character of any noun, and a scan for those characters alone says so at a fraction of the cost."""
    return prefiltered(re.compile("|".join(map(re.escape, lang.noun_units))))


@lru_cache(metrics.PHRASES)
def _noun_unit(phrase: str, lang, first: bool = False) -> str:
    """The unit of the noun nearest the value: the first noun after it, or the last before it (searched
    again from one past each place: a look-ahead at every position cost five times as much). Made once per
    phrase: the words after a list's values are one phrase for each of them."""
    if not lang.noun_units:
        return ""
    nouns = lang.compiled(_noun_units)
    m = nouns.search(phrase)
    while not first and m is not None and (later := nouns.search(phrase, m.start() + 1)) is not None:
        m = later
    return lang.noun_units[m.group()] if m else ""
