"""The heading tree of a report and the role of each section (review, targets, plans, government, other).

The role is what extraction needs: a figure under "2024年政府工作任务" is a plan,
under "2023年工作回顾" an outcome. One pass over the lines finds numbered
headings (一、 （一） 1. 一是) and short unnumbered ones between blank lines
(part titles of old reports, infographic boxes); the paragraph that states this
year's targets becomes a targets section of its own wherever it sits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .numbers import chinese_to_number
from .records import Section

PART_LEVEL = 0  # an unnumbered heading with a role cue: a part title, above the numbered headings
BOX_LEVEL = 5  # an unnumbered heading without a role cue: a box inside the current part
TARGETS_LEVEL = 6  # the targets paragraph, below every heading
LOOKBACK_LEVEL = 7  # a look back at last year inside a plans or targets section


@dataclass(frozen=True)
class Cues:
    """The compiled contents of data/sections.yaml."""

    numbered: re.Pattern  # one group per level
    max_heading: int
    max_box: int
    box_punctuation: frozenset[str]
    role_re: re.Pattern
    role_of: dict[str, str]
    targets_re: re.Pattern
    explanation: tuple[str, ...]
    lookback_re: re.Pattern  # a sentence that opens on last year
    lookahead_re: re.Pattern  # a sentence that turns back to this year


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = yaml.safe_load((resources.files("zhibiao") / "data" / "sections.yaml").read_text(encoding="utf-8"))
    numbered = re.compile("[ \t\u3000]*(?:" + "|".join(f"({p})" for p in raw["numbered"]) + ")")
    role_of = {cue: role for role, words in raw["roles"].items() for cue in words}
    role_re = re.compile("|".join(map(re.escape, sorted(role_of, key=len, reverse=True))))
    # OCR text keeps the printed line breaks: a cue may be broken over two lines.
    targets_re = re.compile("|".join("\n?".join(map(re.escape, cue)) for cue in raw["targets_paragraph"]))
    lookback_re, lookahead_re = (re.compile("|".join(map(re.escape, raw[k]))) for k in ("lookback", "lookahead"))
    return Cues(numbered, raw["max_heading_chars"], raw["max_box_chars"], frozenset(raw["box_punctuation"]),
                role_re, role_of, targets_re, tuple(raw["targets_explanation"]), lookback_re, lookahead_re)


def role_of(heading: str) -> str | None:
    """The role a heading's own words give it (its first cue), or None.

    Where cues overlap, the one that ends later is the phrase's head: 主要工作回顾 is a review.
    """
    c = cues()
    m = c.role_re.search(heading)
    if not m:
        return None
    cue, end = m.group(), m.end()
    for i in range(m.start() + 1, end):
        if (later := c.role_re.match(heading, i)) and later.end() > end:
            cue, end = later.group(), later.end()
    return c.role_of[cue]


_NUMERAL_CHARS = frozenset("零〇一二两三四五六七八九十百")
_DIGIT_NOT_YEAR = re.compile(r"\d(?!\d{0,3}年)")
_LIST_ITEM_END = "；;，,、"
def _number(numbering: str) -> int:
    """The count in a heading's numbering: 三、 → 3, （十二） → 12, 7. → 7; 0 when none reads."""
    digits = "".join(ch for ch in numbering if ch.isdigit())
    if digits:
        return int(digits)
    numeral = "".join(ch for ch in numbering if ch in _NUMERAL_CHARS)
    value = chinese_to_number(numeral) if numeral else None
    return int(value) if value is not None and value < 1000 else 0


_BLANK = " \t\r\u3000\u200b\ufeff"


def _headings(text: str, c: Cues) -> list[tuple[int, int, int]]:
    """(start, end, level) of every heading line, in order."""
    found = []
    last = [0] * 8  # the number of the last heading accepted at each level
    pos, n = 0, len(text)
    prev_blank = True
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        m = c.numbered.match(text, pos, end)
        stripped_start = pos
        while stripped_start < end and text[stripped_start] in _BLANK:
            stripped_start += 1
        line_blank = stripped_start == end
        if m and m.end() < end and m.lastindex:
            stop = text.find("。", m.end(), end)
            stop = end if stop < 0 else stop
            while stop > m.end() and text[stop - 1] in _BLANK:
                stop -= 1
            level = m.lastindex
            number = _number(m.group(level))
            # A list item inside a paragraph ("一、节约能源，……；") ends in a clause mark or restarts the count;
            # a heading that names a role may restart it (a page that prints the report twice).
            if (stop - stripped_start <= c.max_heading and text[stop - 1] not in _LIST_ITEM_END
                    and (number > last[level] or (number == 1 and role_of(text[m.end():stop])))):
                found.append((stripped_start, stop, level))
                last[level] = number
                for deeper in range(level + 1, len(last)):
                    last[deeper] = 0
        elif not line_blank and prev_blank and end - stripped_start <= c.max_box + 4:
            stop = end
            while stop > stripped_start and text[stop - 1] in _BLANK:
                stop -= 1
            after = n if nl < 0 else text.find("\n", nl + 1)
            next_blank = nl < 0 or not text[nl + 1:n if after < 0 else after].strip(_BLANK)
            line = text[stripped_start:stop]
            if (next_blank and 2 <= len(line) <= c.max_box and not c.box_punctuation.intersection(line)
                    and not _DIGIT_NOT_YEAR.search(line)):
                found.append((stripped_start, stop, PART_LEVEL if role_of(line) else BOX_LEVEL))
        prev_blank = line_blank
        if nl < 0:
            break
        pos = nl + 1
    return found


def _targets_blocks(text: str, c: Cues) -> list[tuple[int, int, int]]:
    """(paragraph start, cue end, block end) of each paragraph stating this year's targets."""
    blocks = []
    for m in c.targets_re.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        while start < m.start() and text[start] in _BLANK:
            start += 1
        if m.start() - start > 30 or (blocks and start < blocks[-1][2]):
            continue  # the cue is not in the paragraph's opening words, or already inside a block
        end = _paragraph_end(text, m.end())
        if text[start:end].rstrip(_BLANK).endswith(("：", ":")):
            end = _paragraph_end(text, _next_paragraph(text, end))
        while True:
            nxt = _next_paragraph(text, end)
            if nxt >= len(text) or not text.startswith(c.explanation, nxt):
                break
            end = _paragraph_end(text, nxt)
        blocks.append((start, m.end(), end))
    return blocks


_PARAGRAPH_END = "。！？!?：:"


def _paragraph_end(text: str, i: int) -> int:
    """End of the paragraph holding ``i``: a line break after a blank line or a sentence end
    (OCR and PDF text break lines inside paragraphs)."""
    n = len(text)
    while True:
        nl = text.find("\n", i)
        if nl < 0:
            nl = n
        end = nl
        while end > i and text[end - 1] in _BLANK:
            end -= 1
        if nl >= n - 1 or text[nl + 1] == "\n" or (end > i and text[end - 1] in _PARAGRAPH_END):
            return end
        i = nl + 1


def _next_paragraph(text: str, i: int) -> int:
    n = len(text)
    while i < n and (text[i] in _BLANK or text[i] == "\n"):
        i += 1
    return i


def outline(text: str) -> tuple[Section, ...]:
    """Every section of ``text`` with its heading path and role, ordered by start (outer first)."""
    c = cues()
    out: list[Section] = []
    stack: list[tuple[int, int, str, tuple[str, ...], str]] = []  # (level, start, heading, path, role)

    def close(until: int) -> None:
        level, start, heading, path, role = stack.pop()
        out.append(Section(start, until, heading, path, role, level))

    for start, end, level in _headings(text, c):
        while stack and stack[-1][0] >= level:
            close(start)
        heading = text[start:end]
        parent_path, parent_role = (stack[-1][3], stack[-1][4]) if stack else ((), "other")
        own = role_of(heading)
        if parent_role == "review":  # a review's parts review too, whatever their headings name
            own = None
        stack.append((level, start, heading, parent_path + (heading,), own or parent_role))
    while stack:
        close(len(text))
    out.sort(key=lambda s: (s.start, s.level))
    for start, cue_end, end in _targets_blocks(text, c):
        parent = at(out, start)
        heading = re.sub(r"\s+", "", text[start:cue_end]).rstrip("是：:为")  # one line, even from OCR text
        out.append(Section(start, end, heading, (parent.path if parent else ()) + (heading,), "targets",
                           TARGETS_LEVEL))
    for m in _openings(c.lookback_re, text, 0, len(text)):
        parent = at(out, m.start())
        if parent is not None and parent.role in ("plans", "targets"):
            end = min(_paragraph_end(text, m.end()), parent.end)
            ahead = next(_openings(c.lookahead_re, text, m.end(), end), None)
            heading = m.group().rstrip("，,")
            out.append(Section(m.start(), ahead.start() if ahead else end, heading, parent.path + (heading,),
                               "review", LOOKBACK_LEVEL))
    out.sort(key=lambda s: (s.start, s.level))
    return tuple(out)


def _openings(pattern: re.Pattern, text: str, start: int, end: int):
    """Matches of ``pattern`` that open a sentence (after 。！？ or a line break, blanks aside)."""
    for m in pattern.finditer(text, start, end):
        i = m.start()
        while i > 0 and text[i - 1] in _BLANK:
            i -= 1
        if i == 0 or text[i - 1] in "。！？!?\n":
            yield m


def at(sections: tuple[Section, ...] | list[Section], offset: int) -> Section | None:
    """The innermost section that holds ``offset``."""
    best = None
    for s in sections:
        if s.start > offset:
            break
        if offset < s.end and (best is None or s.level >= best.level):
            best = s
    return best


__all__ = ["outline", "at", "role_of", "cues", "Cues"]
