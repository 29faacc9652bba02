"""Find quantities in working text: numbers with their magnitude, unit and qualifier.

Works on the width-folded working text of ``repair.normalize``; offsets are into
that text. Time frames, dates, ordinals and names with numbers are not
quantities (see the guideline), so they are dropped here.
"""
from __future__ import annotations

import re
from .lexicon import language
from .records import Quantity, Span

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SCALE = {"十": 10, "百": 100, "千": 1000}
_LETTER = re.compile(r"[A-Za-z]")


def _patterns(lang):
    mags = "|".join(re.escape(m) if m != "千" else "千(?![瓦米克])"
                    for m in sorted(lang.magnitudes, key=len, reverse=True))
    units = lang.pattern("units")
    post = lang.pattern("modifiers", "suffix")
    quantity = re.compile(
        r"(?P<pct>百分之)?"
        r"(?:(?P<a>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)|(?P<c>(?<=百分之)[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
        rf"|(?:[零〇一二两三四五六七八九十百千]+(?:万亿|亿|万)(?=[零〇一二两三四五六七八九十百千]))*"
        rf"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?(?=[多余]?(?:{mags}|{units}|成))))"
        rf"(?P<mag>{mags})?(?:(?P<inner>[多余])(?P<mag2>万亿|亿|万)?)?"
        rf"(?P<tenths>成(?![为功效本果绩熟立交长都员型品年本]))?"
        rf"(?P<unit>{units})?(?P<post>{post})?"
    )
    prefix = re.compile(rf"(?:{lang.pattern('modifiers', 'prefix')})$")
    time_after = re.compile(rf"(?:[多余])?(?:{_alt(lang.time_units)})")
    doubling = re.compile(r"翻(?P<n>[一两二三四])番")
    return quantity, prefix, time_after, doubling


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def chinese_to_number(text: str) -> float | None:
    """三千二百 -> 3200, 十四 -> 14, 九点七 -> 9.7, 千 -> 1000, 四亿六千万 -> 460000000; None if not a numeral."""
    for mark, scale in (("亿", 1e8), ("万", 1e4)):
        high, found, low = text.partition(mark)
        if found and high:
            a, b = chinese_to_number(high), chinese_to_number(low) if low else 0.0
            return None if a is None or b is None else a * scale + b
    integer, _, decimals = text.partition("点")
    total, current, last_scale = 0, 0, 10_000
    for ch in integer:
        if ch in _CN_SCALE:
            if _CN_SCALE[ch] >= last_scale:
                return None  # 千千万万 is an idiom, not a number
            last_scale = _CN_SCALE[ch]
        if ch in _CN_DIGIT:
            current = current * 10 + _CN_DIGIT[ch] if current and ch not in "零〇" else _CN_DIGIT[ch]
        elif ch in _CN_SCALE:
            total += (current or 1) * _CN_SCALE[ch]
            current = 0
        else:
            return None
    value = float(total + current)
    if decimals:
        if any(ch not in _CN_DIGIT for ch in decimals):
            return None
        value += float("0." + "".join(str(_CN_DIGIT[ch]) for ch in decimals))
    return value


def quantities(text: str, start: int = 0, end: int | None = None, *, lang=None) -> list[Quantity]:
    """Every quantity of ``text[start:end]``, in order, with spans into ``text``."""
    lang = lang or language()
    quantity_re, prefix_re, time_after_re, doubling_re = lang.compiled(_patterns)
    end = len(text) if end is None else end
    found: list[Quantity] = []
    for m in doubling_re.finditer(text, start, end):
        n = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}[m.group("n")]
        found.append(Quantity(float(2 ** n - 1), None, "倍", "exact", Span(m.start(), m.end(), m.group())))
    pos = start
    while True:
        m = quantity_re.search(text, pos, end)
        if m is None:
            break
        pos = m.end()
        q = _read(text, m, lang, prefix_re, time_after_re)
        if q is None:
            pos = m.start() + 1 if m.group("c") else m.end()
            continue
        joined = _range(text, q, quantity_re, lang, prefix_re, time_after_re)
        if joined is not None:
            q = joined
        found.append(q)
        pos = q.span.end
    found.sort(key=lambda q: q.span.start)
    return found


def _read(text, m, lang, prefix_re, time_after_re) -> Quantity | None:
    arabic, chinese = m.group("a"), m.group("c")
    start = m.start("a") if arabic else m.start("c")
    num_end = m.end("a") if arabic else m.end("c")
    before = text[start - 1] if start else ""
    if before == "第" or (before and _LETTER.match(before)):
        return None
    if chinese and before and (before in _CN_DIGIT or before in _CN_SCALE or before in "万亿"):
        return None  # the tail of a numeral already rejected (千千万万)
    if before == "." or (before == ":" and start > 1 and text[start - 2].isdigit()):
        return None
    if time_after_re.match(text, num_end) and not m.group("mag"):
        return None
    unit, end, post = m.group("unit"), m.end(), m.group("post")
    if unit and text.startswith(tuple(lang.unit_blockers.get(unit, ())), m.end("unit")):
        unit, end, post = None, m.start("unit"), None
    if m.group("pct"):
        unit, value = "%", _value(arabic, chinese)
        if value is None:
            return None
    else:
        value = _value(arabic, chinese)
        if value is None:
            return None
    after = text[end:end + 1]
    if (after and _LETTER.match(after) and not unit) or text.startswith(lang.name_suffixes, end):
        return None
    if after == ":" and text[end + 1:end + 2].isdigit():
        return None
    if m.group("tenths"):
        if not chinese or unit:
            return None
        value, unit = value * 10, "%"
    mag = m.group("mag") or m.group("mag2") or ""
    if chinese:
        if m.group("pct") is None and not m.group("tenths"):
            if unit not in lang.chinese_numeral_units and not mag:
                return None
            if chinese == "一" and unit not in ("倍",) and not mag:
                return None
        if len(chinese) == 1 and chinese in "十百千" and not mag:
            return None
    elif not unit and not mag:
        return None
    # A unit the guideline keeps apart: only time frames are dropped, never a counted duration.
    if unit is None and time_after_re.match(text, end):
        return None
    multiplier = lang.magnitudes.get(m.group("mag") or "", 1.0) * lang.magnitudes.get(m.group("mag2") or "", 1.0)
    if chinese and m.group("mag") in ("万", "亿", "万亿") and not m.group("pct"):
        value = chinese_to_number(chinese + m.group("mag"))  # 四亿六千万: 万 scales the last section only
        multiplier = lang.magnitudes.get(m.group("mag2") or "", 1.0)
    value = float(f"{value * multiplier:.12g}")  # 74.4 × 1e8 is 7440000000, not 7440000000.000001
    modifier, cue = "exact", None
    if m.group("inner"):
        modifier, cue = "more_than", m.group("inner")
    if post:
        modifier, cue = lang.suffix_modifiers[post], post
    span_start = m.start()
    pm = prefix_re.search(text, max(0, span_start - 3), span_start)
    if pm is not None and not (pm.group() == "上" and not chinese):
        if pm.group() not in ("近", "上") or not text[max(0, pm.start() - 1):pm.start()] in ("最", "将", "以", "年", "线"):
            modifier, cue = lang.prefix_modifiers[pm.group()], pm.group()
            span_start = pm.start()
    unit_name = lang.units.get(unit, unit) if unit else ""
    return Quantity(value, None, unit_name, modifier, Span(span_start, end, text[span_start:end]), cue)


def _value(arabic: str | None, chinese: str | None) -> float | None:
    if arabic:
        return float(arabic.replace(",", ""))
    return chinese_to_number(chinese)


def _range(text, first: Quantity, quantity_re, lang, prefix_re, time_after_re) -> Quantity | None:
    """5%—6%, 6%-6.5%, 5至6万: join two numbers into one range quantity."""
    end = first.span.end
    if end >= len(text) or text[end] not in "-—–~至到" or first.modifier not in ("exact",):
        return None
    m = quantity_re.match(text, end + 1)
    if m is None:
        return None
    second = _read(text, m, lang, prefix_re, time_after_re)
    if second is None or second.span.start != end + 1:
        return None
    if first.unit and first.unit != second.unit:
        return None
    low = first.value
    if not first.unit and second.value > 0 and low < second.value:
        mag = (m.group("mag") or "")
        low *= lang.magnitudes.get(mag, 1.0)
    if low >= second.value:
        return None
    modifier = "range" if second.modifier == "exact" else second.modifier
    start = first.span.start
    return Quantity(low, second.value, second.unit, modifier,
                    Span(start, second.span.end, text[start:second.span.end]), second.cue)
