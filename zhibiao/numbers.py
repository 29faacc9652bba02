"""Find quantities in working text: numbers with their magnitude, unit and qualifier.

Works on the folded working text of ``repair.normalize``; offsets are into that
text. Numbers that are no indicator (time frames, ordinals, names, sessions,
labels, size classes, grades, ranks: see the guideline) are dropped here, each
by a named rule that ``quantities(..., dropped=[])`` reports.

``chinese_to_number`` is the package's one reader of Chinese numerals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from .lexicon import alternation, language
from .records import Quantity, Span

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
_VAGUE = "多余几"
_MAX_DIGITS = 17  # an Arabic number longer than this is no amount (and would lose precision)
_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|.", re.S)


@dataclass(frozen=True, slots=True)
class Dropped:
    """A number that is no quantity, and the rule that says so (for traces)."""

    rule: str
    span: Span


YEAR_DIGITS = "〇○零Ｏ一二三四五六七八九"  # a year's digits in numerals: 二〇二六, 二○○四 (○ for 〇), 二零零四
_YEAR_DIGIT_VALUE = dict(zip(YEAR_DIGITS, "0000123456789"))


def year_number(text: str) -> int:
    """A year written in digits or in numerals read digit by digit (2026, 一九五七, 二○○四; spaces inside skipped)."""
    return int("".join(_YEAR_DIGIT_VALUE.get(c, c) for c in text if not c.isspace()))


def chinese_to_number(text: str) -> float | None:
    """The value of a numeral, or None if ``text`` is not one.

    Reads 三千二百, 二百十七, 四亿零七百万, 六万万 (1950s for 亿), 一万二千亿, 九点七, 千, 万,
    digits with magnitudes (3千万, 1.2万亿) and digit strings (二〇二五 -> 2025). 多, 余 and a
    几 after a written digit read as the lower bound: their place counts zero (十几 -> 10,
    一百几十 -> 100, 三亿零五百多万 -> 305000000); the caller makes that ``more_than``.
    A leading 几 (几十, 几万万) is a vague amount with no number: None. Never raises, and
    the value is always finite.
    """
    if not text:
        return None
    if all(ch in _DIGIT for ch in text) and len(text) > 1:
        if "两" in text or len(text) > 16:
            return None
        return float(int("".join(str(_DIGIT[ch]) for ch in text)))  # 二〇二五: read digit by digit
    parts: list[tuple[float, int]] = []  # finished 万/亿 sections: (amount, scale), scales descending
    section, number, frac = 0.0, None, None  # the running section below 万, the pending digit, 点 digits
    last_small, closed = 10_000, False
    for tok in _TOKEN.findall(text):
        if tok[0].isdigit():
            if number is not None or closed or frac is not None or len(tok) > _MAX_DIGITS:
                return None
            number = float(tok)
        elif tok in _DIGIT:
            if frac is not None:
                frac += str(_DIGIT[tok])
            elif closed or (number is not None and number != 0):
                return None  # 三五千: two digits side by side are a vague span, not a number
            elif tok in "零〇":
                number = None if parts or section else 0.0  # a place held empty, or the 零 of 零点五
            else:
                number = float(_DIGIT[tok])
        elif tok == "几":
            if closed or frac is not None or number is not None or not (parts or section):
                return None
            number = 0.0
        elif tok == "点":
            if frac is not None or closed:
                return None
            if number is None:  # 二十点四: the point follows a whole section
                if not section or parts:
                    return None
                number, section = section, 0.0
            frac = ""
        elif tok in _SMALL:
            scale = _SMALL[tok]
            if scale >= last_small or frac is not None or closed:
                return None  # 千千万万 is an idiom, not a number
            if number is None and scale > 10 and (section or parts):
                return None  # 千百万 is a vague span; only 十 may drop its 一 inside (二百十七)
            section += (1.0 if number is None else number) * scale
            number, last_small = None, scale
        elif tok in _BIG:
            scale = _BIG[tok]
            if frac is not None:
                if not frac:
                    return None
                number, frac = (number or 0.0) + float("0." + frac), None
            low = section + (number or 0.0) + sum(a for a, s in parts if s < scale)
            parts = [(a, s) for a, s in parts if s >= scale]
            if low == 0:
                if not parts and number is None and not section:
                    low = 1.0  # 万, 亿 alone (上万, 近亿)
                elif parts and parts[-1][1] == scale == 10_000 and number is None and not section:
                    parts[-1] = (parts[-1][0] * scale, 100_000_000)  # 六万万: 1950s for 六亿
                    continue
                else:
                    return None
            if parts and parts[-1][1] <= scale:
                return None  # 亿万, 五万三万: a scale may not come back
            parts.append((low * scale, scale))
            section, number, last_small, closed = 0.0, None, 10_000, False
        elif tok in "多余":
            if number is None and not section and not parts or frac == "":
                return None
            closed = True
        else:
            return None
    if frac is not None:
        if not frac:
            return None
        number = (number or 0.0) + float("0." + frac)
    return float(f"{sum(a for a, _ in parts) + section + (number or 0.0):.12g}")


def is_vague(numeral: str) -> bool:
    """Whether a numeral gives a lower bound only (三千多万, 十几, 一百余)."""
    return any(ch in _VAGUE for ch in numeral)


@lru_cache(4096)
def list_mark(text: str, lang=None) -> int:
    """The length of the list mark opening ``text`` (3.新建…, （3）, 3、, ③), 0 where none: a mark numbers
    an item of a list, it is no part of the item's metric. Read once per phrase, as the metric's words are."""
    return m.end() if (m := (lang or language()).compiled(_patterns).list_mark.match(text)) else 0


def _guarded(words) -> str:
    """The alternation of ``words`` behind a look-ahead at the characters they start with."""
    firsts = "".join(sorted({w[0] for w in words if w}))
    return rf"(?=[{re.escape(firsts)}])(?:{alternation(words)})" if firsts else alternation(words)


def _patterns(lang):
    """The quantity regex and its helpers.

    A numeral run is matched whole and only from its first character (a look-behind and
    possessive repeats), so a long run of numerals or digits costs one pass, not one per position.
    """
    mags = "|".join(re.escape(m) if m != "千" else "千(?![瓦米克伏])"
                    for m in sorted(lang.magnitudes, key=len, reverse=True))
    # the long alternations behind a look-ahead at the characters they start with: after a value followed by
    # no unit or modifier word, one test, not one per word
    units = _guarded(lang.words("units"))
    per = lang.pattern("rate_denominators")
    post = _guarded(lang.words("modifiers", "suffix"))
    inner = "".join(lang.inner_modifiers)
    digits = "零〇一二两三四五六七八九"
    # 两 inside a numeral only before a scale: 七万万两 is seven hundred million taels
    cn_char = rf"[{digits.replace('两', '')}十百万亿几]|两(?=[十百千万亿])|千(?![瓦米克伏])"
    quantity = re.compile(
        r"(?P<pct>百分之)?"
        r"(?:(?P<mix>(?<![0-9.])[0-9]++(?:\.[0-9]++)?[万亿](?:[0-9]++[千百万])++)"  # 2万5千, 1亿2000万
        r"|(?P<a>(?<![0-9])[0-9]++(?:,[0-9]{3}(?![0-9]))*+(?:\.[0-9]++)?)"
        rf"|(?P<c>(?<![{digits}十百千万亿几多余点])(?:[两]|{cn_char})(?:{cn_char}|[{inner}])*+(?:点[{digits}]++)?"
        # a numeral that names no amount alone (一是, 统一) is skipped here, not read and dropped
        rf"(?(pct)|(?:(?<=[十百千万亿几{inner}])|(?=(?:{units}|成))))))"
        rf"(?P<mag>{mags})?(?:(?P<inner>[{inner}])(?P<mag2>万亿|亿|万)?)?"
        rf"(?P<tenths>成(?![为功效本果绩熟立交长都员型品年本]))?"
        rf"(?:(?P<unit>{units})(?:/(?P<per>(?:{mags})?(?:{per})))?)?(?P<post>{post})?"
    )
    no = lang.raw["not_indicators"]
    return _Patterns(
        quantity=quantity,
        first=re.compile(rf"[0-9{digits}十百千万亿几](?<![0-9][0-9])(?<![{digits}十百千万亿几][{digits}十百千万亿几])"),
        linking=frozenset(lang.words("modifiers", "linking")),
        prefix_by_end={end: tuple(sorted((w for w in lang.prefix_modifiers if w.endswith(end)), key=len, reverse=True))
                       for end in {w[-1] for w in lang.prefix_modifiers}},
        time_after=re.compile(rf"(?:[{inner}])?(?:{alternation(lang.time_units)})"),
        doubling=re.compile(r"翻(?P<n>[一两二三四])番"),
        joiners=tuple(lang.words("range_joiners")),
        percent_tail=re.compile(rf"(?!百分之)[{digits}十百千]++(?:点[{digits}]++)?(?![{digits}十百千万亿]|{units})"),
        max_value=float(lang.raw["max_value"]),
        term=tuple(no["session"]["term"]),
        session=re.compile(rf"(?:{no['session']['listed']})*(?:{alternation(no['session']['after'])})"),
        session_marks=re.compile(rf"[{''.join(no['session']['marks'])}][^，。；,;]{{0,{no['session']['within']}}}$"),
        threshold=re.compile(rf"(?P<bound>(?:{alternation(lang.words('list_joiners'))})"
                             rf"(?:{alternation([w for w, m in lang.suffix_modifiers.items() if m in no['class_threshold']['bounds']])}))?"
                             rf"(?:(?P<of>{lang.raw['possessive']})?(?P<words>[^\W\d_]{{0,{no['class_threshold']['within']}}}?)"
                             rf"(?:{alternation(no['size_class_nouns'])})"
                             rf"|(?P<headless>{lang.raw['possessive']}(?:{alternation(no['class_threshold']['headless'])})))"),
        list_mark=re.compile(no["list_mark"]),
        threshold_units=frozenset(no["class_threshold"]["units"]),
        bounds=frozenset(no["class_threshold"]["bounds"]),
        following=re.compile(rf"(?<![0-9{digits}十百千万][^\W\d_])(?<![0-9{digits}十百千万])"
                             rf"(?:{alternation(no['report_structure']['following'])})$"),
        following_words=tuple(no["report_structure"]["following"]),
        tasks=re.compile(rf"(?:{alternation(no['report_structure']['counters'])})"
                         rf"(?:{alternation(no['report_structure']['tasks'])})"),
        structure=re.compile(rf"(?:{alternation(no['report_structure']['counters'])})"
                             rf"(?:{alternation(no['report_structure']['parts'])})"),
        class_suffixes=tuple(no["class_suffixes"]),
        class_units=tuple(no["class_units"]),
        vague_before=tuple(no["vague"]["before"]),
        vague_word_ends=tuple(w + b for w in no["vague"]["not_after"] for b in no["vague"]["before"]),
        grade=tuple(no["grade_after"]),
        rank_before=tuple(no["rank"]["before"]),
        rank_not_after=frozenset(no["rank"]["not_after"]),
        rank_after=tuple(no["rank"]["after"]),
        per=tuple(no["per_before"]),
        quotes=dict(no["label_quotes"]["pairs"]),
        opening=re.compile(f"[{re.escape(''.join(no['label_quotes']['pairs']))}]"),
        quote_len=int(no["label_quotes"]["max_len"]),
        suffix=re.compile(post),
        inner_of_unit={u: ch for u in lang.words("units") for ch in u if ch in lang.inner_modifiers},
    )


@dataclass(frozen=True, slots=True)
class _Patterns:
    quantity: re.Pattern
    first: re.Pattern  # where a quantity can start (not inside a run): finding it first is 5x faster than search
    linking: frozenset[str]
    prefix_by_end: dict[str, tuple[str, ...]]  # the modifier words by their last character, longest first
    time_after: re.Pattern
    doubling: re.Pattern
    joiners: tuple[str, ...]
    percent_tail: re.Pattern  # the bare numeral ending 百分之七至九: it takes the first's percent
    max_value: float
    term: tuple[str, ...]
    session: re.Pattern
    session_marks: re.Pattern
    threshold: re.Pattern  # (及以上)(的)(words) class noun after an amount with a bound: 年营收超5亿元的企业
    list_mark: re.Pattern
    threshold_units: frozenset[str]  # units of what a firm or project has (元), not of what is counted (个, %)
    bounds: frozenset[str]  # the modifiers that make an amount a threshold (超, 以上 ...)
    following: re.Pattern  # 以下 (not a bound after a value: 3岁以下) before a count: the items that follow
    following_words: tuple[str, ...]
    tasks: re.Pattern  # 8项工作 after 以下: the report's own tasks (以下48个主要工程 are things built)
    structure: re.Pattern  # a count of the report's own parts: 做好7个方面工作
    class_suffixes: tuple[str, ...]
    class_units: tuple[str, ...]
    vague_before: tuple[str, ...]
    vague_word_ends: tuple[str, ...]
    grade: tuple[str, ...]
    rank_before: tuple[str, ...]
    rank_not_after: frozenset[str]
    rank_after: tuple[str, ...]
    per: tuple[str, ...]
    quotes: dict[str, str]
    opening: re.Pattern  # any opening quote: most values have none before them
    quote_len: int
    suffix: re.Pattern  # a modifier word written after a value (左右, 以上)
    inner_of_unit: dict[str, str]  # a unit written with a modifier inside it (个多百分点: 多)


def quantities(text: str, start: int = 0, end: int | None = None, *, lang=None,
               dropped: list[Dropped] | None = None) -> list[Quantity]:
    """Every quantity of ``text[start:end]``, in order, with spans into ``text``.

    Pass a list as ``dropped`` to learn which numbers were no quantity and why.
    """
    lang = lang or language()
    p = lang.compiled(_patterns)
    end = len(text) if end is None else end
    found: list[Quantity] = []
    for m in p.doubling.finditer(text, start, end):
        n = int(chinese_to_number(m.group("n")))  # 翻两番: doubled twice, up 3 times
        found.append(Quantity(float(2 ** n - 1), None, "倍", "exact", Span(m.start(), m.end(), m.group())))
    pos, bare = start, None  # bare: the last number dropped for want of a unit (the 5 of 5到7元)
    while (c := p.first.search(text, pos, end)) is not None:
        m = p.quantity.match(text, c.start(), end)
        if m is None:
            pos = c.start() + 1
            continue
        q = _read(text, m, lang, p)
        if isinstance(q, str):
            if dropped is not None:
                dropped.append(Dropped(q, Span(m.start(), m.end(), m.group())))
            pos, bare = m.end(), (m if q == "no_unit" else None)
            continue
        if bare is not None and (joined := _range_from_bare(text, bare, m, q, lang, p)) is not None:
            q = joined
            if dropped:
                dropped.pop()  # the bare number is the range's low end after all
        bare = None
        joined = _range(text, q, lang, p)
        if joined is not None:
            q = joined
        found.append(q)
        pos = q.span.end
    found.sort(key=_start)
    return found


_start = attrgetter("span.start")


def _read(text: str, m: re.Match, lang, p: _Patterns) -> Quantity | str:
    """The quantity ``m`` holds, or the name of the rule that says it is none."""
    arabic, c, mix, mag, mag2, pct, tenths, inner, per = m.group("a", "c", "mix", "mag", "mag2", "pct", "tenths",
                                                                "inner", "per")  # one call, not one per rule
    chinese = c or mix
    group = "a" if arabic else "c" if c else "mix"
    start, num_end = m.span(group)
    before = text[start - 1] if start else ""
    if before == "第":
        return "ordinal"
    if before.isascii() and before.isalpha():  # a Latin letter
        return "letter_name"  # C919, G20
    if before == "." or (before == ":" and start > 1 and text[start - 2].isdigit()):
        return "number_tail"
    if chinese and chinese[0] in "十百千万" and start and text.startswith(p.vague_before, start - 1) \
            and not text.startswith(p.vague_word_ends, start - 2):
        return "vague"  # 数百万, 成千上万 (but 人数十万 is 人数 and 十万)
    if start and text.startswith(p.per, start - 1):
        return "per_base"  # 每万人口: the base of a rate belongs to its metric
    if (start and text.startswith(p.rank_before, start - 1) and text[start - 2:start - 1] not in p.rank_not_after) \
            or text.startswith(p.rank_after, num_end):
        return "rank"
    if text.startswith(p.grade, num_end):
        return "grade"
    if text.startswith(p.term, num_end) or \
            p.session.match(text, num_end) and p.session_marks.search(text, max(0, start - 16), start):
        return "session"
    if text.startswith(p.class_units, num_end) or (mag and text.startswith(p.class_units, m.end("mag"))):
        return "size_class"  # 500千伏输变电工程
    if p.time_after.match(text, num_end) and not mag:
        return "time_frame"
    unit, end, post = m.group("unit"), m.end(), m.group("post")
    if unit and text.startswith(tuple(lang.unit_blockers.get(unit, ())), m.end("unit")):
        unit, end, post = None, m.start("unit"), None
    if arabic and not (unit or mag or mag2 or pct):
        return "no_unit"  # most digits of a report are years and list marks: settled before the costlier rules
    after = text[end:end + 1]
    if (after.isascii() and after.isalpha() and not unit) or text.startswith(lang.name_suffixes, end):
        return "name"
    if text.startswith(p.class_suffixes, end):
        return "size_class"  # 万吨级, 千亿级
    if p.structure.match(text, num_end) or (text.endswith(p.following_words, 0, start) and p.tasks.match(
            text, num_end) and p.following.search(text, max(0, start - 8), start)):
        return "report_structure"  # 重点做好7个方面工作, 抓好以下8项工作: the report counts its own parts
    if after == ":" and text[end + 1:end + 2].isdigit():
        return "ratio_or_time"
    if _in_label(text, m.start(), end, p):
        return "label"
    if arabic:
        if len(arabic) > _MAX_DIGITS and len(arabic.split(".")[0].replace(",", "")) > _MAX_DIGITS:
            return "too_large"
        value = float(arabic.replace(",", ""))
    else:
        value = chinese_to_number(chinese)
        if value is None:
            return "vague" if chinese[0] == "几" else "not_a_numeral"
    if mag and mag2 and lang.magnitudes[mag] >= lang.magnitudes[mag2]:
        return "not_a_numeral"  # 10亿余万: a magnitude may not come back
    if tenths:
        if not chinese or unit or pct:
            return "not_tenths"
        value, unit = value * 10, "%"
    if pct:
        unit = "%"
    prefix = _prefix(text, m.start(), lang, p)
    if prefix is not None and prefix[0] in ("近", "上"):
        word, at = prefix
        before_word = text[at - 1] if at else ""
        if before_word in ("最", "将", "以", "年", "线"):
            prefix = None  # 最近, 以上, 线上: no modifier
        elif word == "上" and (before_word in "零〇一二两三四五六七八九十百千万亿" and before_word
                               or not (chinese and all(ch in "十百千万亿" for ch in chinese))):
            prefix = None  # 上万, 上千万 are amounts; 成千上万, 上两个台阶, 世界上一百七十四个 are not
    if prefix is not None and text[prefix[1] - 1:prefix[1]] in lang.raw["modifier_word_closers"].get(prefix[0], ()):
        prefix = None  # 国际条约150个, 节约1亿元: the word's last character, no modifier
    if chinese:
        rule = _chinese_rule(chinese, value, unit, bool(pct or tenths), prefix, lang)
        if rule:
            return rule
    elif not unit and not (mag or mag2):
        return "no_unit"
    if unit is None and p.time_after.match(text, end):
        return "time_frame"  # only time frames are dropped, never a counted duration
    value *= lang.magnitudes.get(mag or "", 1.0) * lang.magnitudes.get(mag2 or "", 1.0)
    value = float(f"{value:.12g}")  # 74.4 × 1e8 is 7440000000, not 7440000000.000001
    if not value < p.max_value:
        return "too_large"
    modifier, cue = "exact", None
    if inner:
        modifier, cue = "more_than", inner
    elif chinese and is_vague(chinese):
        modifier, cue = "more_than", next(ch for ch in chinese if ch in _VAGUE)
    elif unit and (inside := p.inner_of_unit.get(unit)):
        modifier, cue = "more_than", inside  # 3个多百分点: 多 written inside the unit
    if post:
        modifier, cue = lang.suffix_modifiers[post], post
    span_start = m.start()
    if prefix is not None:
        cue, span_start = prefix
        modifier = lang.prefix_modifiers[cue]
    unit_name = lang.units.get(unit, unit) if unit else ""
    if unit_name in p.threshold_units and (t := p.threshold.match(text, end)) \
            and (modifier in p.bounds or t.group("bound")) and (not t.group("words") or t.group("of") or post
                                                                 or t.group("bound") or t.group("headless")):
        return "class_threshold"  # 年营收超5亿元的企业, 亿元以上项目: a bound that defines a class of firms
    if unit and per and end >= m.end("per"):
        unit_name = f"{unit}/{per}"  # 元/人, 人/百亿元: a rate is written whole
    return Quantity(value, None, unit_name, modifier, Span(span_start, end, text[span_start:end]), cue)


def _prefix(text: str, start: int, lang, p: _Patterns) -> tuple[str, int] | None:
    """The modifier word written just before ``start`` (超过, 约, 约为: a linking 为 may follow it)
    and where it starts, longest first."""
    end = start - 1 if start and text[start - 1] in p.linking else start
    words = p.prefix_by_end.get(text[end - 1]) if end else None
    if words is None:
        return None  # no modifier word ends here: the common case
    for word in words:
        if len(word) <= end and text.startswith(word, end - len(word)):
            return word, end - len(word)
    return None


def _chinese_rule(chinese: str, value: float, unit, percent: bool, prefix, lang) -> str | None:
    """Why a number written in Chinese numerals is no quantity, or None if it is one.

    Chinese numerals name things more often than digits do (三大攻坚战, 八项行动计划): a small
    one counts only with a unit numbers are read in; a composed or vague one (六十五种,
    十多斤), or one with a magnitude (四千二百多万), counts with any unit or none.
    """
    if percent:
        return None
    if all(ch in "十百千万亿" for ch in chinese) and prefix is None and \
            (len(chinese) == 1 or unit is None and chinese[0] != "十"):
        return "bare_magnitude"  # 十分, 万元GDP, 千万不可, 万亿产业; 十亿人口, 近万人, 突破千亿 are amounts
    if any(ch in "千万亿" for ch in chinese):
        return None  # 五千农户, 四千二百多万: the noun after it may give the unit
    if unit is None:
        return "no_unit"
    if chinese == "一" and lang.units.get(unit, unit) != "倍":  # 一倍, 一倍多
        return "one"  # 一次性, 一个
    if value >= 20 or is_vague(chinese) or unit in lang.chinese_numeral_units or prefix is not None:
        return None
    return "small_numeral_name"


def in_label(text: str, start: int, end: int, lang) -> bool:
    """Whether text[start:end] sits inside a short quoted label, by the language's quotes."""
    return _in_label(text, start, end, lang.compiled(_patterns))


def _in_label(text: str, start: int, end: int, p: _Patterns) -> bool:
    """Whether text[start:end] sits inside a short quoted label (“双千工程”, “5个200”)."""
    if not p.opening.search(text, max(0, start - p.quote_len), start):
        return False
    window = text[max(0, start - p.quote_len):start]
    for opening, closing in p.quotes.items():
        i = window.rfind(opening)
        if i < 0 or closing in window[i + 1:]:
            continue
        j = text.find(closing, end, end + p.quote_len)
        if j >= 0 and j - (start - len(window) + i) <= p.quote_len + 1:
            return True
    return False


def _magnitude(m: re.Match, lang) -> float:
    """The magnitude that closes a match's number: 万 of 6万 or 六万, 千万 of 6千万."""
    if m.group("c"):
        c = m.group("c")
        return lang.magnitudes.get("万亿" if c.endswith("万亿") else c[-1], 1.0) if c[-1] in "万亿" else 1.0
    return lang.magnitudes.get(m.group("mag") or "", 1.0)


def _range_from_bare(text: str, bare: re.Match, m: re.Match, high: Quantity, lang, p: _Patterns) -> Quantity | None:
    """5到7元, 五至六万吨: a bare number, a joiner, then a quantity make one range."""
    joiner = text[bare.end():m.start()]
    if joiner not in p.joiners or high.span.start != m.start() or high.value_max is not None:
        return None
    group = "a" if bare.group("a") else "c"
    number = bare.group(group)
    if group == "a" and len(number) > _MAX_DIGITS:
        return None
    low = float(number.replace(",", "")) if group == "a" else chinese_to_number(number)
    if low is None:
        return None
    low *= _magnitude(m, lang)
    if not low < high.value:
        return None
    modifier = "range" if high.modifier == "exact" else high.modifier
    start = bare.start(group)
    return Quantity(float(f"{low:.12g}"), high.value, high.unit, modifier,
                    Span(start, high.span.end, text[start:high.span.end]), high.cue)


def _range(text: str, first: Quantity, lang, p: _Patterns) -> Quantity | None:
    """5%—6%, 6%-6.5%, 5至6万: join two numbers into one range quantity."""
    end = first.span.end
    if end >= len(text) or not text.startswith(p.joiners, end) or first.modifier != "exact":
        return None
    joiner = next(j for j in p.joiners if text.startswith(j, end))
    m = p.quantity.match(text, end + len(joiner))
    if m is None:
        tail = p.percent_tail.match(text, end + len(joiner)) if first.span.text.startswith("百分之") else None
        value = chinese_to_number(tail.group()) if tail else None
        if value is None or not first.value < value:
            return None
        stop, modifier, cue = tail.end(), "range", first.cue
        if post := p.suffix.match(text, stop):  # 百分之五至六左右
            stop, modifier, cue = post.end(), lang.suffix_modifiers[post.group()], post.group()
        return Quantity(first.value, value, "%", modifier, Span(first.span.start, stop, text[first.span.start:stop]), cue)
    second = _read(text, m, lang, p)
    if second in ("no_unit", "bare_magnitude") and first.span.text.startswith("百分之") and m.group("c"):
        value = chinese_to_number(m.group("c"))  # 百分之七到十: the second takes the first's percent
        second = None if value is None else Quantity(value, None, "%", "exact", Span(m.start(), m.end("c"), m.group("c")))
    if second is None or isinstance(second, str) or second.span.start != end + len(joiner):
        return None
    if first.unit and first.unit != second.unit:
        return None
    low = first.value
    if not first.unit and second.value > 0 and low < second.value and \
            not any(ch in "十百千万亿" for ch in first.span.text.lstrip("0123456789.")):
        low *= _magnitude(m, lang)  # 5至6万: the first takes the second's magnitude, 5万至6万 has its own
    if low >= second.value:
        return None
    modifier = "range" if second.modifier == "exact" else second.modifier
    start = first.span.start
    return Quantity(low, second.value, second.unit, modifier,
                    Span(start, second.span.end, text[start:second.span.end]), second.cue)
