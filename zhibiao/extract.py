"""Indicator records from text: attribute each quantity to its metric, kind, status and period.

Walks the working text paragraph by paragraph (bounded memory on any input),
finds quantities, groups values written as a list (8.9%、7.7%), reads the
words to their left (metric, fillers, verb) and right (the noun a count
precedes), and maps every span back to the original text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from . import canonical, metadata, repair as repairing, sections as outlining, segment
from .lexicon import language
from .numbers import chinese_to_number, quantities
from .records import Diagnostic, Document, Indicator, Period, Quantity, Section, Span

NOISY_FORMATS = frozenset({"pdf", "image", "scan"})
_LIST_JOINERS = frozenset("、和与及,，")
_GENERIC_HEADS = ("总量", "规模", "总额", "总金额", "金额", "总值", "增速", "增幅", "比重", "占比", "总数")
_SPACE = re.compile(r"\s+")
_TAIL = 12  # the longest verb, filler or rate word anchored at a phrase's end is shorter than this
_CJK = re.compile(r"[\u3400-\u9fff]")
_CLAUSE = re.compile(rf"[^{re.escape(segment.CLAUSE_BREAKS)}]+")
_WHITESPACE = re.compile(r"\s")
_SINCE = re.compile(r"比((?:19|20)[0-9]{2})年")
_YEARS = re.compile(r"(?<![0-9第])([0-9]{1,2}|[两二三四五六七八九十]{1,2})年(?:来|间|内|年均|平均|累计|共|增加|增长)")
_BY_YEAR = re.compile(r"到((?:19|20)[0-9]{2})年")
_YEAR_BEFORE = re.compile(r"(?<![是比较为])((?:19|20)[0-9]{2})年(?:底|末)?的?[^，,。；;0-9]{0,12}$")
_COMPARED = re.compile(r"((?:19|20)[0-9]{2})年(?:与|同|比)((?:19|20)[0-9]{2})年(?:相比|比较)")
_PLAN_PERIOD = re.compile(r"“十[一二三四五六七八九]?五”|五年规划|五年计划")  # a section about a five-year plan
_RATE_UNITS = frozenset({"%", "百分点", "倍", "‰"})
_DANGLING_REACH = 600  # working-text characters a dangling metric waits for its value


@dataclass(frozen=True)
class _Grammar:
    verb_end: re.Pattern  # a verb, optionally followed by 到/至/为/了, ending the left context
    filler_end: re.Pattern  # a filler or status cue ending the left context
    leading: re.Pattern  # scope, time and connective words opening a metric
    estimate: re.Pattern
    target: re.Pattern
    not_target: re.Pattern
    opener: re.Pattern
    action_start: re.Pattern
    plan_noun: re.Pattern
    span_words: re.Pattern
    predicate: re.Pattern
    quoted_goal: re.Pattern
    heading: re.Pattern
    rate_suffix: re.Pattern
    past_opener: re.Pattern
    verb_start: re.Pattern


@cache
def _grammar() -> _Grammar:
    lang = language()
    verbs = lang.words("verbs", "change_up") + lang.words("verbs", "change_down") + lang.words("verbs", "level")
    alt = lambda words: "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    fillers = lang.words("fillers") + lang.words("status", "estimate") + lang.words("status", "between")
    return _Grammar(
        verb_end=re.compile(rf"(?P<verb>{alt(verbs)})(?P<to>[到至为了在])?$"),
        filler_end=re.compile(rf"(?:{alt(fillers)}|[由从](?:上年|去年|前\S年|\d{{4}}年)?的?|[0-9]{{4}}年(?:底|末|初)?的?|连续[0-9一二三四五六七八九十两]+年|在|每[年月天日人户]?|比\S{{1,4}}年)$"),
        leading=re.compile(rf"^(?:{alt(lang.words('scope') + lang.words('time_words') + lang.words('status', 'target') + lang.words('openers'))}"
                           r"|[,，、：:]|[0-9一二三四五六七八九十两]+年(?:末|底|初|来)?|年(?:末|底|初)|[0-9]+年[0-9]+月)+"),
        estimate=re.compile(alt(lang.words("status", "estimate"))),
        target=re.compile(alt(lang.words("status", "target"))),
        not_target=re.compile(alt(lang.words("status", "not_target"))),
        opener=re.compile(alt(lang.words("targets_openers"))),
        action_start=re.compile(rf"^(?:{alt(lang.words('action_verbs'))})"),
        plan_noun=re.compile(alt(lang.words("plan_nouns"))),
        span_words=re.compile(alt(lang.words("five_years"))),
        heading=re.compile(alt(lang.words("heading_verbs"))),
        rate_suffix=re.compile(rf"(?:{alt(lang.words('rate_suffixes'))})$"),
        past_opener=re.compile(alt(lang.words("past_openers"))),
        quoted_goal=re.compile(r"[^，,。；]{0,20}的(?P<cue>(?:预期|既定)?目标)"),
        predicate=re.compile(alt(lang.words("predicate_verbs"))),
        verb_start=re.compile(alt(lang.words("verbs", "change_up") + lang.words("verbs", "change_down"))),
    )


@dataclass(frozen=True)
class _Innermost:
    """The innermost section at any offset, by bisection over the points where it changes."""

    points: list[int]
    sections: list[Section | None]

    @classmethod
    def of(cls, sections: tuple[Section, ...]) -> _Innermost:
        points = sorted({0, *(s.start for s in sections), *(s.end for s in sections)})
        return cls(points, [outlining.at(sections, p) for p in points])

    def at(self, offset: int) -> Section | None:
        return self.sections[bisect_right(self.points, offset) - 1]


@dataclass
class _Context:
    """What one document's extraction knows beyond the sentence at hand."""

    text: str  # the original
    work: repairing.Repaired
    year: int | None
    sections: _Innermost
    region: re.Pattern | None  # the report's own region opening a metric says where, not what
    noisy: bool = False
    intruders: tuple[tuple[int, int], ...] = ()  # pieces of one box's line read into another's
    splices: dict = field(default_factory=dict)  # paragraph start -> the words it continues
    five_years: bool = False  # the text at hand speaks of five years (五年来，… / a five-year plan's section)
    dangling: deque = field(default_factory=lambda: deque(maxlen=8))  # (start, end, metric, verb) awaiting a value


def extract_document(doc: Document, *, year: int | None = None, repair: bool | None = None) -> list[Indicator]:
    """Every indicator of ``doc``, spans into ``doc.text``."""
    return list(iter_indicators(doc, year=year, repair=repair))


def extract(text: str, *, year: int | None = None, repair: bool | None = None) -> list[Indicator]:
    """Every indicator of ``text``, spans into ``text``."""
    return extract_document(Document(text=text), year=year, repair=repair)


def iter_indicators(doc: Document, *, year: int | None = None, repair: bool | None = None,
                    diagnostics: list[Diagnostic] | None = None) -> Iterator[Indicator]:
    """Indicators one paragraph at a time; ``diagnostics``, where given, collects what the page lost."""
    text = doc.text
    if not text:
        return
    noisy = repair if repair is not None else (doc.format in NOISY_FORMATS or repairing.looks_noisy(text))
    work = repairing.repair(text) if noisy else repairing.normalize(text)
    meta = doc.meta if doc.meta.get("year") or doc.meta.get("region") else metadata.detect(text)
    year = year or meta.get("year")
    region = meta.get("region")
    ctx = _Context(text, work, year, _Innermost.of(doc.sections or outlining.outline(text)),
                   re.compile(rf"^{re.escape(region)}(?:市|省|县|区|自治区|自治州)?") if region else None, noisy)
    wt = work.text
    if noisy:
        ctx.intruders, ctx.splices = _interleaved(work)
    for p_start, p_end in segment.paragraphs(wt):
        yield from _paragraph(ctx, p_start, p_end)
    if noisy and diagnostics is not None:
        diagnostics.extend(repairing.incomplete(text, work))
        endings = repairing.metric_endings()
        for c_start, c_end, metric, verb in ctx.dangling:
            if not metric.endswith(endings):
                continue  # a heading that says how things went, not a metric that lost its value
            start, end = work.span(c_start, c_end)
            diagnostics.append(Diagnostic("incomplete", f"{metric}{verb} has no value on the page",
                                          Span(start, end, text[start:end])))


def _paragraph(ctx: _Context, p_start: int, p_end: int) -> Iterator[Indicator]:
    wt, g = ctx.work.text, _grammar()
    found = quantities(wt, p_start, p_end)
    if ctx.noisy:
        _note_dangling(ctx, p_start, p_end, found)
    if not found:
        return
    looks_back = g.past_opener.match(wt, p_start) is not None
    opens_five_years = g.span_words.match(wt, p_start) is not None
    opener = g.opener.search(wt, p_start, p_end)
    sentence_iter = segment.sentences(wt, p_start, p_end)
    qi = 0
    for s_start, s_end in sentence_iter:
        batch = []
        while qi < len(found) and found[qi].span.start < s_end:
            batch.append(found[qi])
            qi += 1
        if batch:
            section = ctx.sections.at(ctx.work.offsets.original(s_start))
            if looks_back and section is not None and section.role != "review":
                section = replace(section, role="review")
            ctx.five_years = opens_five_years or (
                section is not None and any(_PLAN_PERIOD.search(h) for h in section.path))
            targets_from = opener.end() if opener else None
            yield from _sentence(ctx, s_start, s_end, batch, section, targets_from)


def _groups(wt: str, batch: list[Quantity]) -> list[list[Quantity]]:
    """Values written as one list (8.9%、7.7% / 9.66%和13.14%) share a left context."""
    groups: list[list[Quantity]] = []
    for q in batch:
        if groups:
            gap = wt[groups[-1][-1].span.end:q.span.start]
            if gap and len(gap) <= 2 and all(c in _LIST_JOINERS for c in gap) and "," not in gap and "，" not in gap:
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


@dataclass(frozen=True)
class _Left:
    metric: str
    verb: str | None
    to_level: bool
    fillers: str


def _read_left(left: str) -> _Left:
    """Split the words before a value into metric, fillers and verb."""
    g = _grammar()
    rest, verb, to_level, fillers = left, None, False, ""
    while True:
        m = g.verb_end.search(rest, max(0, len(rest) - _TAIL)) if verb is None else None
        if m is not None and not (m.group("verb") in ("达", "为", "是", "占") and m.start() == 0 and len(rest) > 2):
            verb = m.group("verb")
            to_level = bool(m.group("to")) and m.group("to") in "到至为"
            rest = rest[:m.start()]
            continue
        f = g.filler_end.search(rest, max(0, len(rest) - _TAIL))
        if f is not None and f.start() < len(rest):
            fillers = f.group() + fillers
            rest = rest[:f.start()]
            continue
        break
    return _Left(_clean_metric(rest), verb, to_level, fillers)


def _clean_metric(metric: str) -> str:
    g = _grammar()
    metric = _SPACE.sub("", metric).strip("“”\"'·-—")
    for _ in range(3):
        m = g.leading.match(metric)
        if not m or m.end() == 0:
            break
        metric = metric[m.end():]
    if metric.endswith("的"):
        metric = metric[:-1]
    if metric.startswith(("”", "、")):
        metric = metric[1:]
    return metric


def _split_items(metric: str) -> list[str]:
    items = [x for x in re.split(r"[、和与及]", metric) if x]
    return items if len(items) > 1 else [metric]


def _complete_heads(items: list[str], dictionary: bool) -> list[str]:
    """Give each list item the head its last item carries: 高技术制造业、装备制造业增加值.

    Where the items share no characters (电子、材料产业增加值) the head is what follows the last
    item's first dictionary word; the dictionary is loaded for noisy text only, where repair
    needs it anyway.
    """
    last = items[-1]
    out = []
    for item in items[:-1]:
        head = ""
        for k in range(min(len(item), 6), 1, -1):
            pos = last.find(item[-k:])
            if pos >= 0:
                head = last[pos + k:]
                break
        if not head and dictionary and len(last) > len(item):
            head = last[_first_word(last):]
        out.append(item + head if head and not item.endswith(head) else item)
    return out + [last]


def _first_word(text: str) -> int:
    """Length of the longest dictionary word opening ``text`` (材料|产业增加值), at least 2."""
    return next((k for k in range(min(4, len(text) - 1), 1, -1) if repairing.is_word(text[:k])), 2)


def _expand_compound(metric: str, n: int) -> list[str] | None:
    for head, parts in language().compound_heads.items():
        if head in metric and len(parts) == n:
            return [metric.replace(head, part, 1) for part in parts]
    return None


def _sentence(ctx: _Context, s_start: int, s_end: int, batch: list[Quantity], section: Section | None,
              targets_from: int | None) -> Iterator[Indicator]:
    wt = ctx.work.text
    lang = language()
    history: list[str] = _topic(wt, s_start, batch[0].span.start)  # metrics of this sentence, in order
    prev_end = s_start
    for group in _groups(wt, batch):
        first, last = group[0], group[-1]
        c_start = segment.clause_start(wt, first.span.start, s_start)
        left_text = _slice(ctx, max(c_start, prev_end), first.span.start).lstrip("、，, ")
        if c_start in ctx.splices and prev_end <= c_start:
            left_text = ctx.splices[c_start] + left_text
        if prev_end > c_start and "、" in left_text:
            tail = left_text.rsplit("、", 1)[1]
            if not tail or _read_left(tail).verb:
                left_text = tail
        if ctx.noisy:
            left_text = _after_last_gap(ctx, left_text, first.span.start)
        left = _read_left(left_text)
        right = wt[last.span.end:segment.clause_end(wt, last.span.end, s_end)]
        metric, carried = left.metric, False
        noun = _noun_after(right) if _prenominal(right, left, first) else ""
        if noun:
            metric = _grammar().action_start.sub("", (metric + noun) if metric and not left.verb else noun) or noun
        if c_start > s_start and left_text.startswith(tuple(lang.words("carried_subject_verbs"))):
            before = history[-1] if history else _clean_metric(
                wt[segment.clause_start(wt, c_start - 1, s_start):c_start - 1])
            metric = before + metric
        if metric.startswith("占") and history:
            metric = history[-1] + metric.rstrip("的")
            if not metric.endswith(("比重", "比例", "份额", "之比")):
                metric += "比重"
        metric = _appositive(metric)
        if ctx.region is not None:
            metric = ctx.region.sub("", metric)
        if metric.startswith("比"):  # 比去年预算赤字减少500亿元: a comparison, the subject is carried
            metric = ""
        if not metric and not history and ctx.noisy:
            recovered = _recover(ctx, group)
            if recovered is not None:
                name, verb = recovered
                yield from (_record(ctx, q, name, _Left(name, verb, False, left.fillers), group, True, s_start, s_end,
                                    section, targets_from, False, right, lang, recovered=True) for q in group)
                history.append(name)
                prev_end = last.span.end
                continue
        if not metric:
            if not history:
                continue
            carried = True
            metrics = history[-len(group):] if 1 < len(group) <= len(history) else [history[-1]] * len(group)
        else:
            if metric in _GENERIC_HEADS and history:
                metric = history[-1] + metric
            metrics = _distribute(metric, len(group), left.fillers, noun, ctx.noisy)
        pairs = list(zip(metrics, group)) if len(metrics) == len(group) else [(m, first) for m in metrics]
        for name, q in pairs:
            yield _record(ctx, q, name, left, group, carried, s_start, s_end, section, targets_from, bool(noun),
                          right, lang)
        history.extend(m for m in metrics if not history or history[-1] != m)
        prev_end = last.span.end


def _interleaved(work: repairing.Repaired) -> tuple[tuple[tuple[int, int], ...], dict[int, str]]:
    """Find a piece of one box's line that OCR read into the line of the box beside it.

    A box that opens mid-word (别增长13.5%) continues the box before it (电子、材) through a
    piece found nearby between two gaps (料产业增加值预计分) when the piece joins a word at
    both ends (材料, 分别) and the line it sat in reads on without it (工|业 -> 工业).
    """
    wt = work.text
    gaps = sorted(set(work.offsets.breaks).union(m.start() for m in _WHITESPACE.finditer(wt)))
    intruders, splices = [], {}
    for p_start, _ in segment.paragraphs(wt):
        prev_end = p_start
        while prev_end > 0 and wt[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end == 0 or not _CJK.match(wt[p_start]) or not _CJK.match(wt[prev_end - 1]):
            continue
        head, tail = wt[p_start], wt[prev_end - 1]
        if repairing.is_word(tail + head):
            continue
        lo = bisect_left(gaps, max(0, prev_end - _DANGLING_REACH))
        hi = bisect_right(gaps, prev_end)
        for a, b in zip(gaps[lo:hi], gaps[lo + 1:hi]):
            piece = wt[a:b].strip()
            if len(piece) < 3 or not _CJK.match(wt[a - 1:a] or " ") or b >= len(wt):
                continue
            if (repairing.is_word(tail + piece[0]) and repairing.is_word(piece[-1] + head)
                    and repairing.is_word(wt[a - 1] + wt[b])):
                intruders.append((a, b))
                clause = segment.clause_start(wt, prev_end, 0)
                splices[p_start] = wt[clause:prev_end] + piece
                break
    return tuple(intruders), splices


def _slice(ctx: _Context, start: int, end: int) -> str:
    """The working text of ``[start, end)`` without pieces that belong to another box."""
    text = ctx.work.text[start:end]
    for a, b in reversed(ctx.intruders):
        if start <= a and b <= end:
            text = text[:a - start] + text[b - start:]
    return text


def _after_last_gap(ctx: _Context, left_text: str, value_start: int) -> str:
    """In OCR'd infographics a box heading (着力稳就业, 加强环境污染治理) runs into its content.

    Where a gap the repair closed follows a short phrase led by a heading verb, the metric
    starts after the gap.
    """
    breaks, wt = ctx.work.offsets.breaks, ctx.work.text
    start = value_start - len(left_text)
    i = bisect_left(breaks, start + 1)
    gaps = [start + k + 1 for k, c in enumerate(left_text) if c.isspace()]
    while i < len(breaks) and breaks[i] <= value_start:
        gaps.append(breaks[i])
        i += 1
    cut = None
    for gap in sorted(gaps):
        head = wt[start:gap].strip()
        if len(head) <= 12 and _grammar().heading.search(head):
            cut = gap
    return wt[cut:value_start] if cut is not None else left_text


def _note_dangling(ctx: _Context, p_start: int, p_end: int, found: list[Quantity]) -> None:
    """Remember clauses that name a metric and its verb but hold no value (全市进出口总值增长)."""
    wt, starts = ctx.work.text, [q.span.start for q in found]
    for m in _CLAUSE.finditer(wt, p_start, p_end):
        c_start, c_end = m.span()
        if any(c_start <= s < c_end for s in starts):
            continue
        clause = m.group()
        if "增速" not in clause and not _grammar().verb_end.search(clause, max(0, len(clause) - _TAIL)):
            continue
        head, speed, _ = clause.partition("增速")
        left = _read_left(clause) if not speed else _Left(_clean_metric(head), "增速", False, "")
        if left.verb and left.metric and len(left.metric) >= 2 and not left.to_level:
            ctx.dangling.append((c_start, c_end, left.metric, left.verb))


def _recover(ctx: _Context, group: list[Quantity]) -> tuple[str, str] | None:
    """Pair a value with no metric with the nearest earlier dangling metric whose verb fits it."""
    lang = language()
    at = group[0].span.start
    for k in range(len(ctx.dangling) - 1, -1, -1):
        pos, _, metric, verb = ctx.dangling[k]
        if pos >= at or at - pos > _DANGLING_REACH:
            continue
        rate_verb = verb in lang.change_up or verb in lang.change_down
        if rate_verb and any(q.unit not in _RATE_UNITS for q in group):
            continue
        del ctx.dangling[k]
        return metric, verb
    return None


def _topic(wt: str, s_start: int, first_value: int) -> list[str]:
    """A clause that names a metric and how it moved but holds no value (养老金连续5年增加，去年又提高10%)
    lends its metric to the values of the clauses after it."""
    c_end = segment.clause_start(wt, first_value, s_start) - 1
    if c_end <= s_start:
        return []
    left = _read_left(wt[segment.clause_start(wt, c_end, s_start):c_end])
    return [left.metric] if left.verb and len(left.metric) >= 2 and not left.to_level else []


def _distribute(metric: str, n: int, fillers: str, noun: str, noisy: bool) -> list[str]:
    """One metric per value: 分别 lists pair in order, 均 repeats, shared heads are completed."""
    distributed = any(w in fillers for w in ("分别", "均", "都"))
    if noun and noun == metric and "和" in noun and _grammar().verb_start.match(noun):
        verb = _grammar().verb_start.match(noun).group()
        return [verb + item.removeprefix(verb) for item in _split_items(noun)]
    if n > 1 or distributed:
        items = _split_items(metric)
        if len(items) > 1 and (len(items) == n or (n == 1 and distributed)):
            return _complete_heads(items, noisy)
        if n > 1 and (expanded := _expand_compound(metric, n)):
            return expanded
    return [metric] * n


def _appositive(metric: str) -> str:
    """电动汽车、锂电池、光伏产品“新三样”出口: a quoted name that sums up a list stands for it."""
    quote = metric.find("“")
    if quote > 0 and "、" in metric[:quote]:
        return metric[quote:]
    return metric


def _noun_after(right: str) -> str:
    """The noun a count stands before, up to its own predicate."""
    noun = right[1:] if right.startswith("的") else right
    m = _grammar().predicate.search(noun, 1)
    return noun[:m.start()] if m else noun


def _prenominal(right: str, left: _Left, q: Quantity) -> bool:
    """A count written before its noun: 6069万农民受益, 两次下调利率, 4万亿元的投资计划."""
    if not right or q.unit in _RATE_UNITS:
        return False
    head = right[1:] if right[0] == "的" else right
    if not head or not ("\u4e00" <= head[0] <= "\u9fff" or head[0] in "“\""):
        return False
    if head.startswith(("比上年", "同比", "以上", "左右", "和", "、", "等", "其中")):
        return False
    if left.metric and _grammar().verb_start.match(head):
        return False
    has_verb = left.verb or (q.cue in language().prefix_modifiers)
    return not (has_verb and left.metric)


def _record(ctx: _Context, q: Quantity, metric: str, left: _Left, group: list[Quantity], carried: bool,
            s_start: int, s_end: int, section: Section | None, targets_from: int | None, prenominal: bool,
            right: str, lang, recovered: bool = False) -> Indicator:
    g = _grammar()
    kind, direction = "level", None
    verb = left.verb
    if verb and not left.to_level and (q is group[0] or q.unit == group[0].unit):
        if verb in lang.change_up:
            kind, direction = "change", "up"
        elif verb in lang.change_down:
            kind, direction = "change", "down"
    if kind == "change" and q is not group[0] and q.unit != group[0].unit:
        kind, direction = "level", None
    if kind == "level" and q.unit in _RATE_UNITS and (m := g.rate_suffix.search(metric, max(0, len(metric) - _TAIL))):
        kind, direction = "change", lang.raw["rate_suffixes"][m.group()]
        metric = metric[:m.start()] or metric
    unit = q.unit or _noun_unit(right, lang, first=True) or _noun_unit(metric, lang)
    before = ctx.splices.get(s_start, "") + _slice(ctx, s_start, q.span.start)
    status, cue = _status(before, right if prenominal else "", right, section, targets_from, q.span.start, g,
                          ctx.year)
    cues = [c for c in (cue, q.cue) if c]
    start, end = ctx.work.span(q.span.start, q.span.end)
    e_start, e_end = ctx.work.span(s_start, s_end)
    confidence = 0.5 if recovered else 0.9 - (0.2 if carried else 0.0) - (0.1 if prenominal else 0.0)
    return Indicator(
        metric=metric,
        value=q.value,
        value_max=q.value_max,
        unit=unit,
        kind=kind,
        direction=direction,
        modifier=q.modifier,
        status=status,
        span=Span(start, end, ctx.text[start:end]),
        evidence=Span(e_start, e_end, ctx.text[e_start:e_end]),
        period=_period(ctx.year, status, before, ctx.five_years),
        canonical=canonical.match(metric, unit, kind),
        cue="/".join(cues) or None,
        confidence=confidence,
        section=" > ".join(section.path) if section else None,
        flags=(("repaired",) if ctx.noisy else ()) + (("recovered",) if recovered else ()),
    )


def _noun_unit(phrase: str, lang, first: bool = False) -> str:
    """The unit of the noun nearest the value: the first noun after it, or the last before it."""
    best, where = "", None
    for noun, unit in lang.noun_units.items():
        pos = phrase.find(noun) if first else phrase.rfind(noun)
        if pos >= 0 and (where is None or (pos < where if first else pos > where)):
            best, where = unit, pos
    return best


def _status(before: str, after_noun: str, after: str, section: Section | None, targets_from: int | None, at: int,
            g: _Grammar, year: int | None) -> tuple[str, str | None]:
    m = g.estimate.search(before)
    if m:
        return "estimate", m.group()
    scope = _cue_scope(before)
    for m in g.target.finditer(scope):
        if not _inside_not_target(scope, m.start(), m.end(), g):
            return "target", m.group()
    if (m := _BY_YEAR.search(before)) and year and int(m.group(1)) >= year:
        return "target", m.group()
    if after_noun and (m := g.plan_noun.search(after_noun)):
        return "target", m.group()
    if (m := g.quoted_goal.match(after)):
        return "target", m.group("cue")
    if targets_from is not None and at >= targets_from:
        return "target", None
    if section is not None and section.role in ("targets", "plans"):
        return "target", None
    return "actual", None


def _cue_scope(before: str) -> str:
    """A modal cue (要, 将, 力争) governs its own clause and, from the sentence's first clause, the whole sentence."""
    breaks = [i for i, c in enumerate(before) if c in "，,：:"]
    if not breaks:
        return before
    return before[:breaks[0]] + "，" + before[breaks[-1] + 1:]


def _inside_not_target(text: str, start: int, end: int, g: _Grammar) -> bool:
    window = text[max(0, start - 3):end + 3]
    offset = start - max(0, start - 3)
    for m in g.not_target.finditer(window):
        if m.start() < offset + (end - start) and offset < m.end():
            return True
    return False


def _period(year: int | None, status: str, before: str, five_years: bool = False) -> Period | None:
    """The year or years a value is of.

    A year written right before it, a comparison with an earlier year (比2002年增长), a number
    of years (十年…年均增长), an average annual rate (five years, the span of a plan), else
    the year reviewed or, for a target, the report's year.
    """
    if m := _YEAR_BEFORE.search(before):
        y = int(m.group(1))
        return Period(y, y)
    if m := _BY_YEAR.search(before):
        return Period(int(m.group(1)), int(m.group(1)))
    if m := _COMPARED.search(before):
        later, earlier = sorted(map(int, m.groups()), reverse=True)
        return Period(earlier + 1, later)
    if year is None:
        return None
    clause = before[max(before.rfind("，"), before.rfind(","), 0):]
    if status != "target" and (m := _SINCE.search(clause)) and int(m.group(1)) < year:
        return Period(int(m.group(1)) + 1, year - 1)
    years = _YEARS.search(clause)
    n = (int(years.group(1)) if years.group(1).isdigit() else int(chinese_to_number(years.group(1)) or 5)) \
        if years else (5 if five_years or "年均" in clause or _grammar().span_words.search(before) else 1)
    return Period(year, year + n - 1) if status == "target" else Period(year - n, year - 1)
