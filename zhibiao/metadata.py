"""What a report is: who issued it, at what level, for where, and when, each with its evidence.

Reports rarely state all of this in one place: old national reports carry no
date line, so the year is inferred from several weaker cues (the parliament
session addressed, a "YYYY年工作回顾" heading, the years it plans for), each
voting with a weight; the strongest piece of evidence for the winner is kept as
its span. Patterns run on a copy of the text with full-width forms and a few
traditional characters folded one for one, so every match is an offset into the
text as given.
"""
from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .numbers import YEAR_DIGITS, chinese_to_number, year_number as _year
from .records import Fact, Metadata, Span
from .repair import fold_width

_CN_YEAR_DIGIT = YEAR_DIGITS


@dataclass(frozen=True, slots=True)
class Region:
    """A provincial-level division: its full name, short name and kind."""

    name: str
    short: str
    kind: str  # municipality | province | autonomous_region | special_administrative_region


@dataclass(frozen=True)
class Lexicon:
    """The data files this module reads, loaded once."""

    words: dict
    regions: tuple[Region, ...]
    sessions: dict[tuple[int, int], int]  # (term, session) -> year
    plans: dict[int, int]  # five-year plan number -> first year


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = resources.files("zhibiao") / "data"
    words = yaml.safe_load((data / "metadata.yaml").read_text(encoding="utf-8"))
    with (data / "regions.csv").open(encoding="utf-8") as f:
        regions = tuple(Region(**row) for row in csv.DictReader(f))
    with (data / "npc_sessions.csv").open(encoding="utf-8") as f:
        sessions = {(int(r["term"]), int(r["session"])): int(r["year"]) for r in csv.DictReader(f)}
    with (data / "five_year_plans.csv").open(encoding="utf-8") as f:
        plans = {int(r["number"]): int(r["start"]) for r in csv.DictReader(f)}
    return Lexicon(words, regions, sessions, plans)


def _small_number(s: str) -> int | None:
    """一 … 九十九 and Arabic digits (届/次 numbers), through the one numeral reader."""
    if s.isdigit():
        return int(s)
    value = chinese_to_number(s) if s else None
    return int(value) if value is not None and 0 < value < 100 and value == int(value) else None


# A year, "2026年" or "二〇二六年", as group 1. Led by one character class (which kind of year it
# is, the lookbehind after the first character tells), so a search skips to the next candidate
# character instead of trying every position: several times faster.
_YEAR = (rf"([12{_CN_YEAR_DIGIT}](?:(?<=[12])(?: ?\d){{3}}|(?<=[{_CN_YEAR_DIGIT}])[{_CN_YEAR_DIGIT}]{{3}}))"
         r" ?年")
_DIGIT = re.compile(r"\d")
_NUM = r"[一二三四五六七八九十\d]{1,3}"
_DATE_RE = re.compile(r"(?<!\d)([12]\d{3})年(\d{1,2})月(\d{1,2})日")
_DATE_HEAD = 800  # characters of the head where a bare "YYYY年M月D日在" dates the report
_TITLE_RE = re.compile(r"政\s*府\s*工\s*作\s*报\s*告")
# The line that says where and when a report was delivered: "2026年1月27日在青川市第十四届人民代表大会
# 第四次会议上". Web pages put it after their navigation, so it is sought in the whole text.
_DELIVERY_RE = re.compile(r"([12](?<!\d.)\d{3})年(\d{1,2})月(\d{1,2})日\s*在\s*([\u4e00-\u9fff]{0,14}?)\s*"
                          r"第[一二三四五六七八九十\d]{1,3}届(全国)?人民代表大会")


class _Votes:
    """Weighted votes for a year, keeping the strongest evidence of each."""

    def __init__(self) -> None:
        self.score: dict[int, float] = defaultdict(float)
        self.best: dict[int, tuple[float, tuple[int, int] | None]] = {}

    def add(self, year: int, weight: float, span: tuple[int, int] | None) -> None:
        if not 1900 <= year <= 2100:
            return
        self.score[year] += weight
        if year not in self.best or weight > self.best[year][0]:
            self.best[year] = (weight, span)

    def winner(self) -> tuple[int, tuple[int, int] | None] | None:
        if not self.score:
            return None
        year = max(self.score, key=lambda y: (self.score[y], y))
        return year, self.best[year][1]


def _fact(value, text: str, span: tuple[int, int] | None) -> Fact:
    if span is None:
        return Fact(value)
    return Fact(value, Span(span[0], span[1], text[span[0]:span[1]]))


def _title(text: str, work: str) -> tuple[str, tuple[int, int]] | None:
    head = work[:600]
    for m in _TITLE_RE.finditer(head):
        start = head.rfind("\n", 0, m.start()) + 1
        end = head.find("\n", m.end())
        end = len(head) if end < 0 else end
        if end - start <= 40 and not re.search(r"[，。：；,]", head[start:end]):  # a title line, not a sentence
            break
    else:
        return None
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    value = re.sub(r"\s+", "", text[start:end]).strip("—-")
    return value, (start, end)


def _followed_by(work: str, years: list[re.Match], suffix: str) -> Iterator[re.Match]:
    """The matches of ``years`` that ``suffix`` follows, as a search for the year pattern and ``suffix``
    together finds them: no two years of a text overlap, so no year is missed."""
    pattern, end = re.compile(suffix), 0
    for y in years:
        if y.start() >= end and (m := pattern.match(work, y.end())):
            end = m.end()
            yield y


def _at_line_starts(pattern: str, text: str, end: int | None = None) -> list[re.Match]:
    """Matches of ``(?m)^`` + ``pattern`` in ``text[:end]``, for their groups: one at the start of the
    text, then each led by the line break before it (so its own span starts a character early).

    Led by a literal, the search skips from break to break instead of trying every position.
    ``pattern`` must not end in a line break, or a match could hide the next line's start.
    """
    end = len(text) if end is None else end
    first = re.compile(pattern).match(text, 0, end)
    found = [first] if first else []
    found += re.compile("\n" + pattern).finditer(text, first.end() if first else 0, end)
    return found


def _lines_with(text: str, mark: str) -> Iterator[tuple[int, int]]:
    """[start, end) of each line holding ``mark``: all a pattern that needs the mark and never
    crosses a line break has to search (a session is named on few lines)."""
    k = text.find(mark)
    while k >= 0:
        start, end = text.rfind("\n", 0, k) + 1, text.find("\n", k)
        end = len(text) if end < 0 else end
        yield start, end
        k = text.find(mark, end)


def _runs_with(text: str, mark: str, char: str) -> Iterator[tuple[int, int]]:
    """[start, end) of each longest run of characters matching the class ``char`` that holds ``mark``:
    all a pattern written in those characters and needing the mark has to search. Linear: no
    character is stepped over twice."""
    one, run = re.compile(char), re.compile(char + "*")
    end = 0
    k = text.find(mark)
    while k >= 0:
        start = k
        while start > end and one.match(text, start - 1):
            start -= 1
        end = run.match(text, k).end()
        yield start, end
        k = text.find(mark, end)


def _session_votes(work: str, votes: _Votes, words: dict, sessions: dict) -> None:
    parl = "|".join(map(re.escape, words["national"]["parliament"]))
    pattern = re.compile(
        rf"第?({_NUM})届(?:{parl})(?:第({_NUM})次会议)?(期间)?|({_NUM})届(?:全国)?人大({_NUM})次会议")
    past = words["past_session_cues"]
    for m in (m for start, end in _lines_with(work, "届") for m in pattern.finditer(work, start, end)):
        term = _small_number(m.group(1) or m.group(4) or "")
        sess_s = m.group(2) or m.group(5)
        session = _small_number(sess_s) if sess_s else None
        if term is None:
            continue
        before, after = work[max(0, m.start() - 12):m.start()], work[m.end():m.end() + 24]
        span = m.span()
        if m.group(3):  # "第六届全国人民代表大会期间": the term just ended, this is the next one's first session
            year = sessions.get((term + 1, 1))
            if year:
                votes.add(year, 4, span)
            continue
        year = sessions.get((term, session or 1))
        if year is None:
            continue
        if "去年" in before:
            votes.add(year + 1, 6, span)
            continue
        if m.group(4):  # the abbreviated "五届人大四次会议" names earlier sessions
            continue
        interval = re.match(r"(?:第一次会议)?(?:以来的|到现在|，?到这次大会的召开，已经整整过去了|到现在，已经过去了)"
                            r"([一二三四五六七八九十两])年", after)
        if interval:
            votes.add(year + _small_number(interval.group(1)), 6, span)
            continue
        if after.startswith("以来"):
            since = re.search(r"([一二三四五六七八九十])年来", work[:300])
            if since:  # "五年来 … 从第二届全国人民代表大会第一次会议以来"
                votes.add(year + _small_number(since.group(1)), 6, span)
            continue
        if any(c in before for c in past) or after.startswith("闭幕") or m.start() > 1500:
            continue
        if session is None:
            if after.startswith(("作", "报告")):  # "向第四届全国人民代表大会作政府工作报告"
                votes.add(year, 8, span)
        elif before.endswith(("向", "在", "们", "提请")) or after.startswith(("上", "提出", "作", "报告", "，")):
            votes.add(year, 8, span)


def _head_dates(work: str) -> list[re.Match]:
    """The dates of the head that say when the report was delivered ("2026年1月27日在…"), in order."""
    head = work[:_DATE_HEAD]
    return [m for m in _DATE_RE.finditer(head) if re.match(r"\s*在", head[m.end():m.end() + 3])]


def _year_votes(work: str, dates: list[re.Match], delivered: re.Match | None, reviews: list[re.Match]) -> _Votes:
    lex = lexicon()
    words = lex.words
    votes = _Votes()
    head = work[:_DATE_HEAD]
    for m in dates:
        votes.add(int(m.group(1)), 10, m.span())
    if delivered and delivered.start() >= _DATE_HEAD:  # below a web page's navigation; in the head it voted above
        votes.add(int(delivered.group(1)), 10, delivered.span(1))
    for m in re.finditer(_YEAR + r"(?:[^\n。]{0,20})?政府工作报告", head):
        votes.add(_year(m.group(1)), 10, m.span(1))
    _session_votes(work, votes, words, lex.sessions)
    for m in reviews:
        votes.add(_year(m.group(1)) + 1, 6, m.span(1))
    for m in re.finditer(r"(?:刚刚过去的|首先报告)" + _YEAR, work[:3000]):
        votes.add(_year(m.group(1)) + 1, 5, m.span(1))
    for m in re.finditer(r"关于" + _YEAR + r"(?:度)?[^\n。]{0,20}?(?:计划|预算)", work[:600]):
        votes.add(_year(m.group(1)), 5, m.span(1))
    for m in re.finditer(r"今年是[^。\n]{0,12}?“([一二三四五六七八九十]{1,2})五”[^。\n]{0,6}?(?:头|第一)一?年", work):
        start = lex.plans.get(_small_number(m.group(1)))
        if start:
            votes.add(start, 4, m.span())
    for m in _at_line_starts(r"[\s　]*" + _YEAR + r"[，,]", work, 2000):
        votes.add(_year(m.group(1)) + 1, 3, m.span(1))
    years = list(re.finditer(_YEAR, work))  # every year of the text, found once
    plan = "|".join(map(re.escape, words["plan_year_cues"]))
    for m in _followed_by(work, years, rf"(?:，|,)?(?:我们)?(?:{plan})"):
        votes.add(_year(m.group(1)), 1, m.span(1))
    for m in _at_line_starts(r"[\s　]*" + _YEAR + r"[^\n。]{0,30}?是[^\n。]{0,40}?的一年", work):
        votes.add(_year(m.group(1)) + 1, 2, m.span(1))
    for m in _followed_by(work, years, r"[^。\n，]{0,16}?预计"):
        votes.add(_year(m.group(1)), 0.5, m.span(1))
    counts = Counter(_year(m.group(1)) for m in years if not (m.start() and _DIGIT.match(work, m.start() - 1)))
    if counts:
        top = max(counts, key=lambda y: (counts[y], y))
        votes.add(top + 1, 1, None)
    return votes


@lru_cache(maxsize=1)
def _suffixes() -> str:
    """The level suffixes as one alternation, longest first: a name ends in 自治州, not in 州."""
    return "|".join(sorted(lexicon().words["level_suffixes"], key=len, reverse=True))


@lru_cache(maxsize=1)
def _speaker_pattern() -> re.Pattern:
    return re.compile(rf"代表([\u4e00-\u9fff]{{0,10}}?(?:{_suffixes()}))人民政府")


def _speaker(work: str) -> tuple[tuple[str, tuple[int, int]] | None, str | None]:
    """Whom the speaker speaks for, "我代表XX人民政府": (the government and its name's span, None) where
    the first such phrase of two characters or more names a place; else (None, the level it names:
    省, 自治区 ..., or None).

    A bare one-character level (代表省人民政府) gives way to a place named later.
    """
    found = list(_speaker_pattern().finditer(work))
    first = next((m for m in found if len(m.group(1)) > 1), None)
    if first and first.group(1) not in lexicon().words["level_suffixes"]:
        return (first.group(1) + "人民政府", first.span(1)), None
    return None, (first or found[0]).group(1) if found else None


def _local_government(work: str) -> tuple[str, tuple[int, int]] | None:
    """The local government a text names most (its first mention's span)."""
    found = Counter()
    first: dict[str, tuple[int, int]] = {}
    year = r"(?<![0-9])[0-9]+年|[〇○零一二三四五六七八九]{4}年"  # from a run's first digit only: linear on digit runs
    pattern = re.compile(rf"(?:{year})?([\u4e00-\u9fff]{{2,10}}?(?:{_suffixes()}))人民政府")
    written_in = rf"[0-9〇○\u4e00-\u9fff{re.escape(''.join(lexicon().words['level_suffixes']))}]"  # all it can match
    for m in (m for start, end in _runs_with(work, "人民政府", written_in) for m in pattern.finditer(work, start, end)):
        name = m.group(1)  # a year before the name (2031年青川市人民政府) is no part of it
        if name.startswith(("各", "本", "我", "全", "地方")) or name.endswith("特别行政区"):
            continue
        found[name] += 1
        first.setdefault(name, m.span(1))
    if found:
        name = found.most_common(1)[0][0]
        return name + "人民政府", first[name]
    return None


def _level(name: str) -> str | None:
    lex = lexicon()
    for r in lex.regions:
        if name in (r.name, r.short):
            return "provincial"
    for suffix, level in sorted(lex.words["level_suffixes"].items(), key=lambda kv: -len(kv[0])):
        if name.endswith(suffix):
            return level
    return None


def _region_name(name: str) -> str:
    for r in lexicon().regions:
        if name == r.name:
            return r.short
    for suffix in sorted(lexicon().words["level_suffixes"], key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            stem = name[: -len(suffix)]
            return _without_peoples(stem) if suffix.startswith(lexicon().words["autonomy_mark"]) else stem
    return name


@lru_cache(maxsize=1)
def _peoples() -> re.Pattern:
    """A run of peoples' names ending a name (苗族侗族, 哈萨克): what an autonomous area's name adds."""
    groups, mark = sorted(lexicon().words["ethnic_groups"], key=len, reverse=True), lexicon().words["people_mark"]
    one = "|".join(f"{g}{mark}" + ("?" if len(g) > 1 else "") for g in groups)
    return re.compile(rf"(?:{one})+$")


def _without_peoples(stem: str) -> str:
    """凉山彝族 → 凉山; a stem that would be left with under two characters keeps its peoples."""
    m = _peoples().search(stem)
    return stem[: m.start()] if m and m.start() >= 2 else stem


def _national(text: str, work: str, strong: bool) -> tuple[Fact, Fact, Fact] | None:
    national = lexicon().words["national"]
    for gov in national["governments"]:
        # every branch led by a literal: the search skips to the next 代, 受 or the name's first character
        m = re.search(rf"代表{gov}|受{gov}|{gov}总理", work) if strong else re.search(gov, work)
        if m:
            i = work.find(gov, m.start())
            span = (i, i + len(gov))
            return _fact("国务院", text, span), _fact("national", text, span), _fact(national["region"], text, span)
    return None


def _delivered_to(text: str, m: re.Match | None) -> tuple[Fact, Fact, Fact] | None:
    """(government, level, region) from the congress the report was delivered to, if its line names one."""
    if not m or not (m.group(4) or m.group(5)):
        return None
    if m.group(5) and not m.group(4):  # 第十四届全国人民代表大会
        span = m.span(5)
        return (_fact("国务院", text, span), _fact("national", text, span),
                _fact(lexicon().words["national"]["region"], text, span))
    name, span = m.group(4), m.span(4)
    level = _level(name)
    if level is None:
        return None
    return _fact(name + "人民政府", text, span), _fact(level, text, span), _fact(_region_name(name), text, span)


def _named_most(text: str, work: str) -> tuple[Fact, Fact, Fact] | None:
    """The provincial-level region a text names most, as its issuer."""
    lex = lexicon()
    best = max(lex.regions, key=lambda r: work.count(r.short))
    i = work.find(best.short)
    if i < 0:
        return None
    span = (i, i + len(best.short))
    return _fact(best.name + "人民政府", text, span), _fact("provincial", text, span), _fact(best.short, text, span)


def _issuer(text: str, work: str, delivered: re.Match | None) -> tuple[Fact, Fact, Fact] | None:
    """(government, level, region), or None where the text does not tell.

    The speaker's own words ("我代表XX人民政府", "我代表国务院") decide first; then
    the congress the report was delivered to (在XX省第十四届人民代表大会…会议上);
    then, where the speaker names only a level (我代表省人民政府, 我代表自治区人民政府),
    that level and the provincial-level region named most; then the local government a
    text names most; then, for extracts and infographics, the region named most; and
    only then a mere mention of the State Council, which provincial reports quote.
    """
    lex = lexicon()
    local, bare = _speaker(work)
    if local is None:
        found = _delivered_to(text, delivered) or _national(text, work, strong=True)
        if found:
            return found
        if bare and lex.words["level_suffixes"][bare] == "provincial":
            found = _named_most(text, work)
            if found:
                return found
    local = local or _local_government(work)
    if local:
        gov, span = local
        name = gov[: -len("人民政府")]
        return (_fact(gov, text, (span[0], span[1] + 4)), _fact(_level(name), text, span),
                _fact(_region_name(name), text, span))
    if any(w in work for w in lex.words["scope_words"]):
        found = _named_most(text, work)
        if found:
            return found
    return _national(text, work, strong=False)


def detect(text: str, folded: str | None = None) -> Metadata:
    """Metadata of a report from its text; a fact the text does not support is None.

    ``folded``: ``fold_width(text)``, where the caller has it already.
    """
    work = fold_width(text) if folded is None else folded
    fields: dict[str, Fact] = {}
    delivered = _DELIVERY_RE.search(work)
    issuer = _issuer(text, work, delivered)
    if issuer:
        fields["government"], fields["level"], fields["region"] = issuer
    title = _title(text, work)
    if title:
        fields["title"] = _fact(title[0], text, title[1])
    dates = _head_dates(work)
    if dates:
        y, mo, d = map(int, dates[0].groups())
        fields["date"] = _fact(f"{y:04d}-{mo:02d}-{d:02d}", text, dates[0].span())
    elif delivered:
        y, mo, d = map(int, delivered.groups()[:3])
        fields["date"] = _fact(f"{y:04d}-{mo:02d}-{d:02d}", text, (delivered.start(), delivered.end(3) + 1))
    review = "|".join(map(re.escape, lexicon().words["review_cues"]))
    # a "2025年工作回顾" heading: votes for the year after, names the year reviewed
    reviews = _at_line_starts(r"[\s　]*(?:[一二三四五六七八九十]+、\s*)?" + _YEAR + rf"[^\n。]{{0,16}}?(?:{review})", work)
    won = _year_votes(work, dates, delivered, reviews).winner()
    if won:
        year, span = won
        fields["year"] = _fact(year, text, span)
        fields["reviewed_year"] = _reviewed(text, work, year, reviews)
    return Metadata(**fields)


def _reviewed(text: str, work: str, year: int, reviews: list[re.Match]) -> Fact:
    """The year under review: the year before, with the span that names it where one does."""
    prev = year - 1
    for m in reviews:
        if _year(m.group(1)) == prev:
            return _fact(prev, text, m.span(1))
    m = re.search(r"过去(?:的)?一年|一年来|去年", work)
    return _fact(prev, text, m.span() if m else None)


__all__ = ["detect", "lexicon", "Region", "Lexicon"]
