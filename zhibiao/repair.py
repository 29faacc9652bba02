"""Turn input text into a clean working text, with an offset map back to the original.

Repair only substitutes one character for one or deletes characters, so every
offset in the working text maps to the original through ``offsets.OffsetMap``.

``normalize`` runs on every input; ``repair`` on text that ``looks_noisy`` (OCR, PDF text
layers), and ``incomplete`` reports the metrics such a page lost the values of.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

from .offsets import OffsetMap
from .records import Diagnostic, Span

# Full-width ASCII forms (！ to ～) and the ideographic space fold to their ASCII twins.
_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_WIDTH["\u3000"] = " "
_WIDTH["\u2236"] = ":"  # ratio colon ∶ reads as :
_WIDTH["\ufe30"] = ":"

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
PARAGRAPH_ENDS = "。！？!?；;：:"  # a line break after one ends its paragraph (here, and in grammar.layout)
# A run of zero-width characters, or of whitespace and zero-width characters. Led by one character
# class (the lookbehind picks the run's kind after its first character), so a search skips to the
# next candidate instead of trying every position: four times faster.
_GAP = re.compile(rf"[ \t\r\n\u3000{_ZERO_WIDTH}](?:(?<=[{_ZERO_WIDTH}])[{_ZERO_WIDTH}]*"
                  rf"|(?<=[ \t\r\n\u3000])[ \t\r\n\u3000{_ZERO_WIDTH}]*)")
_JOINABLE = re.compile(rf"[{_CJK}0-9A-Za-z%.,、()“”\"《》]")
_DIGITS_APART = re.compile(r"\d(?= \d)")
_DIGITS_TOGETHER = re.compile(r"\d(?=\d)")


def spaces_its_digits(folded: str) -> bool:
    """Whether the typesetting spaces every digit (3 2 0 万吨, 1 9 9 8 年): its digits stand one space
    apart more often than side by side. Elsewhere two digits a space apart are two numbers."""
    apart = sum(1 for _ in _DIGITS_APART.finditer(folded))
    return apart >= 3 and apart > sum(1 for _ in _DIGITS_TOGETHER.finditer(folded))


def _spaced_digit(gap: str, before: str, after: str, spaced: bool) -> bool:
    return spaced and gap == " " and before.isdigit() and after.isdigit()


class Change(NamedTuple):
    """One repair: the original range and what replaced it ('' for a deletion).

    A named tuple, not a dataclass: OCR text makes one per line break, and tuples are built
    three times faster.
    """

    start: int
    end: int
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class Repaired:
    """The working text, its map back to the original, and every change made."""

    text: str
    offsets: OffsetMap
    changes: tuple[Change, ...] = field(default=())

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span(start, end)


@lru_cache(maxsize=1)
def _folding() -> tuple[re.Pattern, dict[str, str]]:
    """The always-on fold: full-width forms and ``data/traditional.txt``, one for one."""
    lines = resources.files("zhibiao").joinpath("data/traditional.txt").read_text(encoding="utf-8")
    pairs = [p for line in lines.splitlines() if not line.startswith("#") for p in line.split()]
    table = {**_WIDTH, **{p[0]: p[1] for p in pairs}}
    return re.compile(f"[\uff01-\uff5e\u3000\u2236\ufe30{''.join(p[0] for p in pairs)}]"), table


def fold_width(text: str) -> str:
    """Full-width digits, letters and punctuation to half-width, and the traditional characters
    of older reports (萬 億 點 噸) to simplified, one for one.

    About one character in twenty folds: substituting those one by one through a dict beats
    ``str.translate`` over every character. The full-width comma and the ideographic space are
    four folds in five: ``str.replace`` takes them first, at C speed (twice as fast overall).
    """
    wide, table = _folding()
    for common in "，\u3000":
        text = text.replace(common, table[common])
    text = wide.sub(lambda m: table[m[0]], text)
    return _MIDDLE_DOT_POINT.sub(".", text) if "·" in text or "・" in text else text


# A middle dot between digits is a decimal point some texts type (增长19·5％): one for one.
_MIDDLE_DOT_POINT = re.compile(r"(?<=[0-9])[·・](?=[0-9])")


def _edges(text: str, start: int, end: int) -> bool | tuple[str, str]:
    """The characters either side of a gap, or the verdict when there is nothing to weigh:
    invisible characters alone always go, a gap at either end of the text always stays."""
    if text[start:end].strip(_ZERO_WIDTH) == "":
        return True
    if start == 0 or end == len(text):
        return False
    return text[start - 1], text[end]


def _joinable_gap(text: str, start: int, end: int, spaced: bool) -> bool:
    gap = text[start:end]
    edges = _edges(text, start, end)
    if isinstance(edges, bool):
        return edges
    before, after = edges
    # A blank line is a paragraph break, unless an invisible character holds it open
    # inside a number or word (74.4\n\u200b\n万亿元: web pages leave these).
    if gap.count("\n") > 1 and not (any(c in _ZERO_WIDTH for c in gap) and before not in PARAGRAPH_ENDS):
        return False
    if "\n" in gap and before in PARAGRAPH_ENDS:
        return False
    if before.isdigit() and after.isdigit():
        return _spaced_digit(gap, before, after, spaced)
    return bool(_JOINABLE.match(before)) and bool(_JOINABLE.match(after))


def normalize(text: str, folded: str | None = None) -> Repaired:
    """Fold widths and delete zero-width characters and whitespace inside words and numbers.

    Paragraph breaks (blank lines) and line breaks after a sentence end are kept:
    segmentation needs them. ``folded``: ``fold_width(text)``, where the caller has it already.
    """
    folded = fold_width(text) if folded is None else folded
    spaced = spaces_its_digits(folded)
    deletions: list[tuple[int, int]] = []
    changes: list[Change] = []
    for m in _GAP.finditer(folded):
        start, end = m.span()
        if _joinable_gap(folded, start, end, spaced):
            deletions.append((start, end))
            changes.append(Change(start, end, text[start:end], "", "gap"))
    if not deletions:
        return Repaired(folded, OffsetMap(length=len(text)), tuple(changes))
    parts, prev = [], 0
    for start, end in deletions:
        parts.append(folded[prev:start])
        prev = end
    parts.append(folded[prev:])
    return Repaired("".join(parts), OffsetMap.from_deletions(len(text), deletions), tuple(changes))


# ---------------------------------------------------------------------------
# Noisy-mode repair: OCR'd pages and PDF text layers.

# Whitespace with at most one line break, right after a CJK character and before a CJK character
# or digit: a sentence broken. Led by one character class, the lookbehinds after the first
# character (a search then skips to the next space or break instead of trying every position).
_BROKEN = re.compile(rf"[ \t\u3000\n](?<=[{_CJK}][ \t\u3000\n])"
                     rf"(?:(?<=\n)[ \t\u3000]*|(?<=[ \t\u3000])[ \t\u3000]*(?:\n[ \t\u3000]*)?)(?=[{_CJK}0-9])")
# Measured on ../shared (benchmarks/repair_speed.py prints every score): the 52 clean national
# reports score at most 0.0012, the seed infographic and the four OCR'd passages at least 0.034;
# the threshold sits near the geometric mean of the two.
NOISE_THRESHOLD = 0.006


def noise_score(text: str) -> float:
    """Share of characters that are a CJK character followed by a space or line break
    inside a sentence.

    Typeset text breaks lines only after a sentence; OCR and PDF text layers break them
    wherever a column or a box ended, and pad words with spaces. Dividing by the length,
    not by the CJK characters, spares a pass over the text.
    """
    if not text:
        return 0.0
    return len(_BROKEN.findall(text)) / len(text)


_WINDOW = 8000  # the clean national reports score at most 0.0019 in any window this long


def looks_noisy(text: str) -> bool:
    """Whether ``text`` reads like OCR or a PDF text layer, so ``repair`` should run.

    A long text is judged window by window and the median decides: a web page's menus and
    footers, broken into short lines, sit at its ends and must not make its body look scanned.
    """
    if len(text) <= 3 * _WINDOW:
        return noise_score(text) >= NOISE_THRESHOLD
    starts = [*range(0, len(text) - _WINDOW, _WINDOW), len(text) - _WINDOW]
    scores = sorted(noise_score(text[k:k + _WINDOW]) for k in starts)
    return scores[(len(scores) - 1) // 2] >= NOISE_THRESHOLD


def repair(text: str, folded: str | None = None) -> Repaired:
    """``normalize`` for noisy text, plus what OCR and PDF text layers break.

    Deletes OCR debris (stray marks at line edges, a digit after a percent sign, column
    rules), joins line breaks inside sentences while keeping headings, paragraphs and boxes
    apart, and corrects misread characters where a dictionary word says so. Every change
    is one for one or a deletion, recorded against the original. ``folded`` as for ``normalize``.
    """
    folded = fold_width(text) if folded is None else folded
    width = _column_width(folded)
    debris = _debris(folded, width)
    blank = _blank(folded, debris)
    changes = [Change(i, i + 1, text[i], "", "debris") for i in debris]
    deletions = [(i, i + 1) for i in debris]
    line = _Line()
    spaced = spaces_its_digits(blank)
    for m in _GAP.finditer(blank):
        start, end = m.span()
        joinable = _repair_joinable(blank, start, end, width, line, spaced) and not _parts_numbers(blank, start, end, debris)
        if "\n" in blank[start:end]:  # gaps come in order: the next line starts after this one's break
            line = _Line(blank.rindex("\n", start, end) + 1)
        if joinable:
            for s, e in _without(start, end, debris) if debris else ((start, end),):
                gap = text[s:e]
                changes.append(Change(s, e, gap, "", "line" if "\n" in gap else "gap"))
                deletions.append((s, e))
    removed = _merge(deletions)
    offsets = OffsetMap.from_deletions(len(text), removed)
    kept = _apply_deletions(folded, removed)
    fixes = _substitutions(kept)
    if fixes:
        chars = list(kept)
        for i, after, reason in fixes:
            o = offsets.original(i)
            changes.append(Change(o, o + 1, text[o], after, reason))
            chars[i] = after
        kept = "".join(chars)
    changes.sort()
    return Repaired(kept, offsets, tuple(changes))


def _apply_deletions(text: str, deletions: list[tuple[int, int]]) -> str:
    parts, prev = [], 0
    for start, end in deletions:
        parts.append(text[prev:start])
        prev = end
    parts.append(text[prev:])
    return "".join(parts)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _without(start: int, end: int, holes: list[int]) -> list[tuple[int, int]]:
    """``[start, end)`` less the positions in sorted ``holes``, as maximal ranges."""
    out, k = [], bisect_left(holes, start)
    while k < len(holes) and holes[k] < end:
        if holes[k] > start:
            out.append((start, holes[k]))
        start = holes[k] + 1
        k += 1
    if start < end:
        out.append((start, end))
    return out


# OCR debris, each pattern's group 1 the character to delete: a percent sign is never
# followed by a lone digit, nor a full stop by a speck; a mark standing alone at a line's end
# or a column rule is no text.
_DEBRIS = tuple((marks, re.compile(p, re.M)) for marks, p in (
    ("%", r"\d%(\d)(?=[,.;:、。)\s]|$)"),
    (".,", r"[。,、;:]([.,])(?![0-9])"),
    (".,、<>|丨_~^*", r"[ \t]([.,、<>|丨_~^*])[ \t]*$"),
    ("|丨", r"\s([|丨])|([|丨])\s"),
))  # each with the marks it deletes: most texts lack some, and a substring test is cheap
# Typesetting never starts a column line with a comma or full stop.
_LINE_START = re.compile(rf"^[ \t]*([.,、。])(?=[ \t]*[{_CJK}])", re.M)
# Nor ends a line with an opening quote or starts one with a closing quote, unless its mate
# follows (precedes) before another of its kind (some text layers break lines around a
# quoted title: 《\n纲要\n》).
_OPEN_AT_END = re.compile(r"([“‘(《])[ \t]*$", re.M)
_CLOSE_AT_START = re.compile(r"^[ \t]*([”’)》])", re.M)
_MATES = {"“": "”", "‘": "’", "(": ")", "《": "》"}
_NEAR = 100


def _debris(text: str, width: float) -> list[int]:
    found = {m.start(m.lastindex) for marks, p in _DEBRIS if any(c in text for c in marks)
             for m in p.finditer(text)}
    if width:
        found.update(m.start(1) for m in _LINE_START.finditer(text))
    for m in _OPEN_AT_END.finditer(text):
        opener, mate = m.group(1), _MATES[m.group(1)]
        ahead = text[m.end():m.end() + _NEAR]
        if mate not in ahead or -1 < ahead.find(opener) < ahead.find(mate):
            found.add(m.start(1))
    for m in _CLOSE_AT_START.finditer(text):
        closer = m.group(1)
        opener = next(k for k, v in _MATES.items() if v == closer)
        behind = text[max(0, m.start(1) - _NEAR):m.start(1)]
        if behind.rfind(opener) <= behind.rfind(closer):
            found.add(m.start(1))
    return sorted(found)


_NUMERIC = frozenset("0123456789.%")


def _parts_numbers(blank: str, start: int, end: int, debris: list[int]) -> bool:
    """A mark OCR read between two numbers kept them apart: deleting it must not make one number."""
    if not debris or not start or end >= len(blank) or blank[start - 1] not in _NUMERIC or blank[end] not in _NUMERIC:
        return False
    k = bisect_left(debris, start)
    return k < len(debris) and debris[k] < end


def _blank(text: str, positions: list[int]) -> str:
    """``text`` with the characters at ``positions`` turned into spaces (same length)."""
    if not positions:
        return text
    chars = list(text)
    for i in positions:
        chars[i] = " "
    return "".join(chars)


def _column_width(text: str) -> float:
    """The line width of text set in narrow newspaper columns, or 0 if it is not."""
    lengths = sorted(len(line.strip()) for line in text.split("\n") if line.strip())
    if len(lengths) < 20:
        return 0
    q1, mid, q3 = (lengths[len(lengths) * k // 4] for k in (1, 2, 3))
    return mid if mid <= 40 and q3 - q1 <= max(2, mid / 5) else 0


_HEADING = re.compile(r"[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)]|第[一二三四五六七八九十]+[章节部分]")
_TAIL = re.compile(rf"[{_CJK}]{{1,2}}[,。、;:]")  # a line that opens with the last character of a word
_BOX_HEADING = re.compile(rf"[{_CJK}]{{4,12}}")
_COLUMN_GAP = 3  # spaces in a row: a gutter between columns or boxes, not a broken word


@dataclass
class _Line:
    """Where the line holding a gap starts, and where its text starts after leading spaces
    (found once per line, so judging the gaps of one long line stays linear)."""

    start: int = 0
    content: int | None = None

    def content_start(self, text: str) -> int:
        if self.content is None:
            i = self.start
            while i < len(text) and text[i].isspace() and text[i] != "\n":
                i += 1
            self.content = i
        return self.content


def _repair_joinable(text: str, start: int, end: int, width: float, line: _Line, spaced: bool) -> bool:
    gap = text[start:end]
    edges = _edges(text, start, end)
    if isinstance(edges, bool):
        return edges
    before, after = edges
    if _spaced_digit(gap, before, after, spaced):
        return True
    if _digitish(before) and _digitish(after):  # 0 丨O: the O may be read as a digit below
        return False
    if not (_JOINABLE.match(before) and _JOINABLE.match(after)):
        return False
    breaks = gap.count("\n")
    if not breaks:
        if len(gap.strip(_ZERO_WIDTH)) >= _COLUMN_GAP:
            return False
        if not _IS_CJK(after):
            return True
        if before == "%":  # a value ends at its percent sign
            return False
        # On a page of boxes, a short heading opens a line and a space parts it from the
        # box's text (着力稳就业 城镇新增就业); unless a word runs across the space, it stays.
        content = line.content_start(text)
        head = text[content:start] if start - content <= 12 else ""  # a box heading is 4 to 12 characters
        return not _BOX_HEADING.fullmatch(head) or _spans_word(text, start, end, 2)
    text_line = text[line.start:start].strip()  # each line is read here once: at the break that ends it
    if _HEADING.match(text_line):
        return False
    # A blank line in a column is a column break where the line above stops mid-word;
    # after a mark it may be a paragraph's end, and OCR may have put its sequel elsewhere.
    if _TAIL.match(text, end) or width and len(text_line) >= 0.7 * width and (breaks == 1 or _IS_CJK(before)):
        return True
    if breaks <= 2 and _spans_word(text, start, end, 3):
        return True
    return not width and breaks == 1


def _spans_word(text: str, start: int, end: int, shortest: int) -> bool:
    """Whether a dictionary word of ``shortest`` to four characters runs across the gap.

    A single character carried over that starts a word of its own on the next line
    (工作 | 面对, not 工作面) does not count.
    """
    words = _lexicon()
    carried = text[end:end + 2] not in words
    for head in range(1, min(3, start) + 1):
        for tail in range(max(1 if carried else 2, shortest - head), 5 - head):
            word = text[start - head:start] + text[end:end + tail]
            if len(word) == head + tail and word in words:
                return True
    return False


@lru_cache(maxsize=1)
def confusables() -> dict[str, tuple[str, ...]]:
    """Each character of ``data/confusables.txt`` and the characters OCR misreads it for."""
    table: dict[str, list[str]] = {}
    lines = resources.files("zhibiao").joinpath("data/confusables.txt").read_text(encoding="utf-8")
    for line in lines.splitlines():
        group = line.split()
        if not group or group[0].startswith("#"):
            continue
        for c in group:
            others = table.setdefault(c, [])
            others.extend(o for o in group if o != c and o not in others)
    return {c: tuple(others) for c, others in table.items()}


_MIN_FREQ = 5  # jieba lists some 200,000 words seen two to four times: too rare to trust
# A correction must make the clause this many times likelier. Measured on ../shared: true
# corrections in the OCR files gain 200 to 40,000; forcing repair on the clean national
# reports, the likeliest false ones gain up to 100 (因城施策 read as the place name 固城).
_ODDS = math.log(150)
# A numeral beside a numeral is part of a number (三八, 十四点九八斤), whatever a look-alike
# would make; after 万 or 亿 a number is complete, so there it may be a misread (2.5万八里).
_NUMERAL = "零〇一二三四五六七八九十百千万亿萬億两"


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    """Log-probabilities of the words of one to four characters in jieba's dictionary.

    Read straight from the ``dict.txt`` jieba ships; jieba's tokenizer is never built.
    """
    spec = find_spec("jieba")
    if spec is None or spec.origin is None:
        return {}
    data = (Path(spec.origin).parent / "dict.txt").read_text(encoding="utf-8")
    counts = {w: int(f) for w, f in re.findall(rf"^([{_CJK}]{{1,4}}) (\d+)", data, re.M) if int(f) >= _MIN_FREQ}
    total = math.log(sum(counts.values()))
    return {w: math.log(f) - total for w, f in counts.items()}


@lru_cache(maxsize=1)
def _unknown() -> float:
    """Log-probability of a character the dictionary lacks: as rare as its rarest word."""
    return min(_lexicon().values(), default=0.0)


def _likelihood(s: str, words: dict[str, float], unknown: float) -> float:
    """Log-probability of the likeliest segmentation of ``s`` into dictionary words."""
    best = [0.0] + [-math.inf] * len(s)
    for j in range(1, len(s) + 1):
        for k in range(max(0, j - 4), j):
            p = words.get(s[k:j], unknown if j - k == 1 else None)
            if p is not None and best[k] + p > best[j]:
                best[j] = best[k] + p
    return best[-1]


_IS_CJK = re.compile(rf"[{_CJK}]").match


@lru_cache(maxsize=1)
def _confusion() -> tuple[re.Pattern, dict[str, tuple[str, ...]], dict[str, tuple[set, set]], re.Pattern, dict]:
    table = confusables()
    cjk = {c: o for c, o in table.items() if _IS_CJK(c)}
    # For each confusable c, the characters that make a two-character word with one of its
    # look-alikes, on the left and on the right: a cheap test that most of c's uses pass over.
    rivals_of: dict[str, list[str]] = {}
    for c, others in cjk.items():
        for r in others:
            rivals_of.setdefault(r, []).append(c)
    pairs: dict[str, tuple[set, set]] = {c: (set(), set()) for c in cjk}
    for w in _lexicon():
        if len(w) == 2:
            for c in rivals_of.get(w[1], ()):
                pairs[c][0].add(w[0])
            for c in rivals_of.get(w[0], ()):
                pairs[c][1].add(w[1])
    digit = {ord(c): d for c, o in table.items() if c.isascii() and c.isalpha() for d in o if d.isdigit()}
    letters = "".join(chr(c) for c in digit)
    number = re.compile(rf"(?<![A-Za-z0-9.])[0-9.]*[{letters}][0-9{letters}.]*(?![A-Za-z0-9.])")
    return re.compile("[" + "".join(cjk) + "]"), cjk, pairs, number, digit


def _digitish(c: str) -> bool:
    """A digit, or a letter OCR writes for one (O for 0, l for 1)."""
    return c.isdigit() or ord(c) in _confusion()[4]


def _substitutions(text: str) -> list[tuple[int, str, str]]:
    """One-for-one corrections of ``text``: (index, replacement, reason).

    A confusable character is replaced when a look-alike makes a dictionary word with a
    neighbour and the likeliest segmentation of the clause around it becomes _ODDS likelier.
    """
    chars, cjk, pairs, number, digit = _confusion()
    out = []
    for m in number.finditer(text):
        if any(ch.isdigit() for ch in m.group()):
            out.extend((m.start() + k, ch.translate(digit), "digit")
                       for k, ch in enumerate(m.group()) if ord(ch) in digit)
    words, unknown = _lexicon(), _unknown()
    buf, n = list(text), len(text)
    for m in chars.finditer(text):
        i, ch = m.start(), m.group()
        left, right = buf[i - 1] if i else "", buf[i + 1] if i + 1 < n else ""
        lefts, rights = pairs[ch]
        if left not in lefts and right not in rights:
            continue
        # A look-alike must make a likelier two-character word than the character itself does.
        have = max(words.get(left + ch, -math.inf), words.get(ch + right, -math.inf))
        rivals = [r for r in cjk[ch] if max(words.get(left + r, -math.inf), words.get(r + right, -math.inf)) > have]
        if not rivals:
            continue
        if (ch in _NUMERAL or any(r in _NUMERAL for r in rivals)) and (
                right and right in _NUMERAL or left and left in _NUMERAL[:-6]):
            continue
        a, b = i, i + 1
        while a > max(0, i - 3) and _IS_CJK(buf[a - 1]):
            a -= 1
        while b < min(n, i + 4) and _IS_CJK(buf[b]):
            b += 1
        before, after = "".join(buf[a:i]), "".join(buf[i + 1:b])
        have = _likelihood(before + ch + after, words, unknown)
        score, better = max((_likelihood(before + r + after, words, unknown), r) for r in rivals)
        if score - have > _ODDS:
            buf[i] = better
            out.append((i, better, "confusion"))
    return out


@lru_cache(maxsize=1)
def metric_endings() -> tuple[str, ...]:
    """Endings of metric names (``data/metric_nouns.txt``), longest first."""
    lines = resources.files("zhibiao").joinpath("data/metric_nouns.txt").read_text(encoding="utf-8")
    endings = {w for w in (line.strip() for line in lines.splitlines()) if w and not w.startswith("#")}
    return tuple(sorted(endings, key=len, reverse=True))


# The last clause of a box: CJK only, after a delimiter, right before a blank line or the end.
_BOX_FINAL = re.compile(rf"(?:^|(?<=[\s,.;:、。!?\"“”]))([{_CJK}]{{3,20}})[ \t]*(?=\n[ \t]*\n|\s*\Z)", re.M)


def incomplete(text: str, repaired: Repaired | None = None) -> list[Diagnostic]:
    """Box-final fragments that name a metric and give no value: the page lost it.

    ``repaired`` is ``repair(text)`` where the caller has it. Spans are into ``text``.
    A dangling metric whose value the layout recovery pairs elsewhere is the caller's to drop.
    """
    repaired = repaired or repair(text)
    endings = metric_endings()
    found = []
    for m in _BOX_FINAL.finditer(repaired.text):
        fragment = m.group(1)
        line = repaired.text[repaired.text.rfind("\n", 0, m.start()) + 1:m.start()].lstrip()
        if fragment.endswith(endings) and not _HEADING.match(line):
            start, end = repaired.span(*m.span(1))
            found.append(Diagnostic(
                code="incomplete",
                message=f"{fragment} ends a box with no value: the page lost it",
                span=Span(start, end, text[start:end]),
            ))
    return found


def is_word(text: str) -> bool:
    """Whether ``text`` is a word of the offline dictionary (jieba's, read directly)."""
    return text in _lexicon()
