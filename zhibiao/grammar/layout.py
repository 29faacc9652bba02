"""Layout recovery for OCR'd infographics and gazette pages: boxes read into each other, headings
run into content, values torn from their metric, two columns' lines read in turn.

``two_columns``, ``reading_order`` and ``interleaved`` run once, while the document is
prepared; ``Dangling`` remembers,
during the walk, metrics the page printed without a value, so a later value with
no metric of its own can take one.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from .. import repair as repairing, segment
from ..offsets import Reordered
from ..records import Diagnostic, Quantity, Span
from . import metric as metrics

_CJK = re.compile(r"[\u3400-\u9fff]")
_CLAUSE = re.compile(rf"[^{re.escape(segment.CLAUSE_BREAKS)}]+")
_WHITESPACE = re.compile(r"\s")
REACH = 600  # working-text characters a dangling metric waits for its value
_HEADING_MAX = 12  # a box heading is a short phrase


@dataclass(frozen=True)
class Layout:
    """Pieces of one box's line read into another's, and the words each torn paragraph continues."""

    intruders: tuple[tuple[int, int], ...] = ()  # working ranges that belong to another box
    splices: dict[int, str] = field(default_factory=dict)  # paragraph start -> the words it continues
    columns: tuple[tuple[int, int], ...] = ()  # working ranges of paragraphs whose text layer read two columns

    def in_columns(self, at: int) -> bool:
        return any(start <= at < end for start, end in self.columns)


def interleaved(work: repairing.Repaired, breaks: segment.Breaks) -> Layout:
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
        lo = bisect_left(gaps, max(0, prev_end - REACH))
        hi = bisect_right(gaps, prev_end)
        for a, b in zip(gaps[lo:hi], gaps[lo + 1:hi]):
            piece = wt[a:b].strip()
            if len(piece) < 3 or not _CJK.match(wt[a - 1:a] or " ") or b >= len(wt):
                continue
            if (repairing.is_word(tail + piece[0]) and repairing.is_word(piece[-1] + head)
                    and repairing.is_word(wt[a - 1] + wt[b])):
                intruders.append((a, b))
                clause = breaks.clause_start(prev_end, 0)
                splices[p_start] = wt[clause:prev_end] + piece
                break
    return Layout(tuple(intruders), splices)


MIN_COLUMN_HEADINGS = 2  # one heading mid-line may be a quirk of the page; two are a layout


def two_columns(wt: str, lang) -> tuple[tuple[int, int], ...]:
    """Paragraphs of a text layer that reads two columns' lines in turn (a gazette page).

    A section heading (（二）…) opens a line of its own column, so where the lines of two
    columns alternate it lands mid-sentence, right after the other column's words
    (…三次参加全国人代会江苏（二）坚持创新驱动…). ``reading_order`` puts such a paragraph's
    lines back in order.
    """
    hits = [m.start() for m in lang.compiled(_column_heading).finditer(wt)]
    if len(hits) < MIN_COLUMN_HEADINGS:
        return ()
    out: list[tuple[int, int]] = []
    for start, end in segment.paragraphs(wt):
        if any(start <= h < end for h in hits):
            out.append((start, end))
    return tuple(out)


def _column_heading(lang) -> re.Pattern:
    return re.compile(lang.raw["column_heading"])


LINE_WIDTHS = range(12, 33)  # line widths tried, in ideographs; then quarters around the best
_SAMPLE = 1200  # characters the line width is chosen on
_SCREEN = 300  # ... after every width was tried on this many: most widths lose on the first lines already
_KEEP = 6  # the widths the whole sample tries
_SLACK = 1.2  # a full line may be this much narrower than the page's width (squeezed punctuation) ...
_OVER = 1.0  # ... or this much wider
_STEEP = 1.0  # what a line costs per square of its width off the page's
_INDENT = 2.0  # a paragraph's first line is indented by two ideographs
_LINE_END = set(repairing.PARAGRAPH_ENDS)  # a line shorter still ends its paragraph ...
_CLOSING = set("”’」』）)")  # ... as does one closing a quote or bracket right after such a mark (…。”)
_NEVER_OPENS = set("，,。、；;：:！!？?）)”’》」』")  # a printer never opens a line with these ...
_NEVER_ENDS = set("（(“‘《「『")  # ... nor ends one with these
_NUMBERISH = re.compile(r"[0-9A-Za-z.%]")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


PUNCTUATION = (0.6, 1.0)  # widths tried for a punctuation mark, in ideographs
_DIGIT = 0.55  # a digit or Latin letter, in ideographs
_HANGS = 0.5  # what a punctuation mark ending a line takes of it: it is squeezed or hangs past the line's end


def _width(c: str, punctuation: float) -> float:
    """An ideograph fills its cell, a digit about half of one; punctuation marks are set full or
    squeezed (the page says which)."""
    return 1.0 if _IDEOGRAPH.match(c) else _DIGIT if _NUMBERISH.match(c) else punctuation


def _reads_on(wt: str, a: int, b: int, is_word) -> int:
    """Words (of two to four characters) the text before ``a`` makes with the text from ``b``."""
    left, right = wt[max(0, a - 3):a], wt[b:b + 3]
    if len(left) == 3 and len(right) == 3:  # the common case, spelt out: it runs for every line tried
        l1, l2, r1, r2 = left[2], left[1:], right[0], right[:2]
        return (is_word(l1 + r1) + is_word(l1 + r2) + is_word(l1 + right) + is_word(l2 + r1)
                + is_word(l2 + r2) + is_word(left + r1))
    return sum(is_word(left[-i:] + right[:j]) for i in range(1, len(left) + 1)
               for j in range(max(1, 2 - i), min(len(right), 4 - i) + 1))


def _split(wt: str, b: int, reads_on: Callable[[int, int], int]) -> float:
    """What a line break at ``b`` costs: a printer never breaks a number, and breaks few words."""
    if _NUMBERISH.match(wt[b - 1]) and _NUMBERISH.match(wt[b]):
        return 3.0
    return min(reads_on(b, b), 2) * 0.5


def _ends_paragraph(wt: str, b: int) -> bool:
    """Whether a line ending at ``b`` may be its paragraph's last: it stops a sentence (…。 or …。”)."""
    return wt[b - 1] in _LINE_END or (wt[b - 1] in _CLOSING and b >= 2 and wt[b - 2] in _LINE_END)


_SHORT = 0.2  # what a paragraph's last line costs, stopping short of the page's width ...
_UNSURE = 0.3  # ... and what steering away from one costs more (a stop mid-line is rarely a paragraph's end)
_PARAGRAPH = 1.0  # what a line costs that its column's line before contradicts (see ``_lines``)
_ROW_LEFT_EMPTY = 1.0  # what a line costs that follows its own column's line: the other column left the row empty
_RUN = 3  # runs of one column's lines told apart by length: 1, 2, 3 or more
_CLAUSE_BREAK = re.compile(f"[{re.escape(segment.CLAUSE_BREAKS)}]")
_HEADING_LINE = 6  # characters a heading's line of its own holds at least (一、总体要求)
_FULL, _OPENS, _ENDS, _HEADING, _TITLE = range(5)  # a line's kind, from its width (_TITLE: a heading's own)


def _lines(wt: str, start: int, end: int, measure: tuple[float, float], reads_on: Callable[[int, int], int],
           anchors: list[int], alone: frozenset[int] = frozenset(), full: bool = False, strict: bool = False
           ) -> tuple[float, list[tuple[int, int, int]]]:
    """Cut ``wt[start:end]`` into lines of about ``width``, each heading of ``anchors`` opening one, and
    tell each line's column (0 or 1): the text layer reads the rows top down, each row's line of the
    first column before the second's, so the lines mostly take turns, but where one column leaves a row
    empty (the space around a heading, a blank row) the other's lines follow each other.

    The cuts and columns chosen let each line read on from its column's line before (the words the two
    make) while a line of the other column between splits few words, and keep each column's paragraphs
    whole (a line indented as a paragraph's first follows its column's line that ended one; a full line
    never follows a short last line). A line opened by a heading of ``alone`` may be short: the heading's own.
    With ``full``, a full page: its last row holds both columns' lines, so the last line is the second
    column's. With ``strict``, the lines take strict turns: no row is left empty (the cheap reading, which tells
    whether a text is two columns at all). The cost per line and the lines ``(start, end, column)``.
    """
    width, punctuation = measure
    widths = [0.0]
    for c in wt[start:end]:
        widths.append(widths[-1] + _width(c, punctuation))
    hangs = [0.0] + [_width(c, punctuation) - _HANGS if c in _NEVER_OPENS else 0.0 for c in wt[start:end]]
    n, inf, states = end - start, float("inf"), 2 * _RUN  # state: the last line's column and its run, c * _RUN + r
    best = [[inf] * states for _ in range(n + 1)]
    back = [[(0, 0)] * states for _ in range(n + 1)]  # the cut and state before the last line
    shape = [[_HEADING] * states for _ in range(n + 1)]  # the last line's kind
    other = [[(0, _HEADING)] * states for _ in range(n + 1)]  # where the other column's last line ends, its kind
    run_from = [[0] * states for _ in range(n + 1)]  # where the last line's run of its column's lines starts
    run = [[0] * states for _ in range(n + 1)]  # and how many lines it holds
    paid = [[0.0] * states for _ in range(n + 1)]  # what contradictions and empty rows cost: not the layout's own
    best[0][_RUN] = 0.0  # before the first line: the second column's turn was last, so the first column's is next
    stops = [False] + [_ends_paragraph(wt, start + j) for j in range(1, n + 1)]  # each cut read once, not per line
    split = [0.0] * (n + 1)  # what a cut costs where the next line is the other column's
    for j in range(1, n):
        b = start + j
        split[j] = _split(wt, b, reads_on) + (0.5 if wt[b] in _NEVER_OPENS or wt[b - 1] in _NEVER_ENDS else 0.0)

    # per cut, once its lines are read: each state reached, its cost and the lines that may follow it, as the other
    # column's next line or (unless ``strict``) its own column's, with all of what they cost the next line's end leaves
    moves: list[list[tuple[int, float, list[tuple]]]] = [[] for _ in range(n + 1)]

    def follows(t: int, e: int, before: int, beside: tuple[int, int], a: int, dropped: float, base: float, r: int,
                length: int, crossed: float) -> tuple:
        """A line after state ``t``, its column's line before ending at ``e`` of kind ``before``: its penalty as a
        paragraph's last line, as one opening a paragraph (a heading's, an indented one) and as a full one."""
        ended = before in (_ENDS, _TITLE)
        closes = stops[e] or ended
        opening = base + 0.0 if not e else base + (0.0 if closes else _PARAGRAPH)
        full_line = base + 0.0 if not e else base + (_PARAGRAPH if ended else 0.0)
        return t, beside, a, dropped, bool(r) and not closes, (base + 0.0, opening, full_line), crossed, length

    def settle(j: int) -> None:
        """Freeze the states reached at cut ``j`` with the lines that may follow each."""
        b = start + j
        for t in range(states):
            if best[j][t] == inf:
                continue
            c, r = divmod(t, _RUN)
            (e, before), kind, a = other[j][t], shape[j][t], run_from[j][t]
            follow = [follows(_RUN - c * _RUN, e, before, (j, kind), j, 0, split[j], r, 1, split[j])]  # the other's
            if not strict:  # the same column's: the run, not its last line, drops out of the other's reading
                follow.insert(c, follows(min(t + 1, c * _RUN + _RUN - 1), j, kind, other[j][t], a,
                                         min(reads_on(start + a, b), 2) if a else 0.0, _ROW_LEFT_EMPTY, 0,
                                         run[j][t] + 1, 0.0))
            moves[j].append((t, best[j][t], follow))

    settle(0)
    for j in range(1, n + 1):
        b = start + j
        k = bisect_left(anchors, b)
        heading_at = anchors[k - 1] - start if k and anchors[k - 1] >= start else -1
        floor = max(0, heading_at)  # no line holds a heading past its start
        ends = stops[j] or j == n  # a short line may end here
        lo = max(floor, bisect_left(widths, widths[j] - width - _OVER, 0, j))
        hi = j - 1 if ends else bisect_right(widths, widths[j] - width + _INDENT + _SLACK, 0, j) - 1
        starts = list(range(lo, hi + 1))
        own = heading_at >= 0 and (ends or (start + heading_at in alone and j - heading_at >= _HEADING_LINE
                                            and not reads_on(b, b) and not _NUMBERISH.match(wt[b - 1])
                                            and not _CLAUSE_BREAK.search(wt, start + heading_at, b)))
        if own and not lo <= heading_at <= hi:
            starts.append(heading_at)  # a heading's own line, however short: a phrase, ending between words
        into = {0: 0.0}  # per line start: the words the line from it makes with this line's end
        best_j, back_j, shape_j, other_j, run_from_j, run_j, paid_j = (
            best[j], back[j], shape[j], other[j], run_from[j], run[j], paid[j])
        for i in starts:
            if not moves[i]:
                continue
            off = widths[j] - widths[i] - width - hangs[j]
            heading = i == heading_at  # a line a heading opens starts its paragraph: indented
            readings = []  # what the line may be, from its width: (cost, kind); its column's line before decides
            if off >= -_SLACK:
                readings.append((_STEEP * off * off + (0.2 if heading else 0.0), _HEADING if heading else _FULL))
            if abs(off + _INDENT) <= _SLACK:
                readings.append(((0.0 if heading else 0.2) + _STEEP * (off + _INDENT) ** 2,
                                 _HEADING if heading else _OPENS))
            if (ends or heading and own) and off < 0:  # a paragraph's last line, or a heading's own, may stop short
                readings.append((_SHORT + (0.0 if heading else _UNSURE), _TITLE if heading else _ENDS))
            paid_i = paid[i]
            for cost, kind in readings:
                opens = heading or kind == _OPENS
                unsure = _UNSURE if kind == _ENDS else 0.0
                as_kind = 0 if kind == _ENDS and not heading else 1 if opens else 2
                for s, b_is, follow in moves[i]:
                    for t, beside, a, dropped, blocked, penalties, crossed, length in follow:
                        if blocked and not opens:
                            continue  # a column leaves rows empty only between paragraphs, around a heading
                        if a not in into:
                            into[a] = min(reads_on(start + a, b), 2) if j < n else 0.0
                        penalty = penalties[as_kind]
                        total = b_is + cost - (into[a] - dropped) + penalty
                        if total < best_j[t]:
                            best_j[t], back_j[t], shape_j[t], other_j[t] = total, (i, s), kind, beside
                            run_from_j[t], run_j[t] = a, length
                            paid_j[t] = paid_i[s] + (penalty - crossed + unsure)
        settle(j)
    ends_at = [t for t in range(states) if best[n][t] < inf and (not full or t >= _RUN)] or range(states)
    # past the shorter column's last line, the longer one's lines follow each other: no row was left empty
    t = min(ends_at, key=lambda q: best[n][q] - (0.0 if full else _ROW_LEFT_EMPTY * max(0, run[n][q] - 1)))
    total, at, lines = best[n][t] - paid[n][t], n, []
    while at:
        i, s = back[at][t]
        lines.append((start + i, start + at, t // _RUN))
        at, t = i, s
    return total / max(1, len(lines)), lines[::-1]


MAX_LINE_COST = -0.1  # below this, most lines drop out of their neighbours' reading: two columns
_HEADER_MIN = 4  # a running header shorter than this is no header


def _pages(wt: str, lang, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The pages of ``wt[start:end]`` and the page breaks between them: a page number and the
    running header every page number is followed by (…全国文—5—某省人大常委会公报2026·2明城市…)."""
    marks = list(lang.compiled(_page_number).finditer(wt, start, end))
    header = ""
    if len(marks) >= 2:
        after = [wt[m.end():end] for m in marks]
        k = 0
        while all(k < len(x) for x in after) and len({x[k] for x in after}) == 1:
            k += 1
        header = after[0][:k] if k >= _HEADER_MIN else ""
    breaks = [(m.start(), m.end() + len(header)) for m in marks]
    pages, at = [], start
    for a, b in breaks:
        if at < a:
            pages.append((at, a))
        at = b
    if at < end:
        pages.append((at, end))
    return pages, breaks


def _line_heading(lang) -> re.Pattern:
    return re.compile(lang.raw["line_heading"])


def _speech_opening(lang) -> re.Pattern:
    return re.compile(lang.raw["speech_opening"])


def _numbered_heading(lang) -> re.Pattern:
    return re.compile(lang.raw["numbered_heading"])


def _anchors(wt: str, lang, is_word) -> tuple[list[int], frozenset[int]]:
    """Where a line must open: a section heading ((二)…, run into its paragraph), the salutation (各位代表：)
    and a part's numbered heading (二、…) whose numeral makes no word with the character before it (统一、 is a
    word and a list); and of those, the ones set on a line of their own (the salutation, a part's heading)."""
    found = {m.start() for m in lang.compiled(_line_heading).finditer(wt)}
    alone = {at for m in lang.compiled(_speech_opening).finditer(wt) for at in m.span()}
    alone.update(m.start() for m in lang.compiled(_numbered_heading).finditer(wt)
                 if not m.start() or not is_word(wt[m.start() - 1:m.start() + 1]))
    return sorted(found | alone), frozenset(alone)


_TITLE_MAX = 200  # characters of a title block (title, date and session, speaker) above a report's columns


def _columns_start(wt: str, lang, start: int, end: int) -> int:
    """Where the columns' lines start on a report's first page: at the salutation (各位代表：), below the
    title block set across the page; elsewhere at ``start``."""
    opening = lang.compiled(_speech_opening).search(wt, start, min(end, start + _TITLE_MAX))
    return opening.start() if opening else start


def _page_number(lang) -> re.Pattern:
    return re.compile(lang.raw["page_number"])


def reading_order(work: repairing.Repaired, lang, columns: tuple[tuple[int, int], ...],
                  is_word) -> tuple[repairing.Repaired, tuple[tuple[int, int], ...]]:
    """Read each paragraph of ``columns`` column by column, page by page: cut each page into lines
    of the page's width (chosen on a sample of the longest page, among the few widths its first
    lines read best in; a text whose lines, read in strict turns, the cheap reading, drop out of each other's reading
    at no width is no two columns and costs no more), each line told to its column,
    then put the first column's lines before the second's; page numbers and running headers go after the paragraph, each
    a line of its own. Spans still point at the original through an ``offsets.Reordered`` map;
    where two lines of a column would join digits, a space keeps the values apart.

    Where no width makes the lines drop out of each other's reading, the text is left as it is.
    """
    wt = work.text
    if not columns:
        return work, columns
    layouts = [_pages(wt, lang, start, end) for start, end in columns]
    s0, e0 = max((page for pages, _ in layouts for page in pages), key=lambda r: r[1] - r[0])
    s0 = _columns_start(wt, lang, s0, e0) if any(s0 == start for start, _ in columns) else s0
    sample = min(e0, s0 + _SAMPLE)
    anchors, alone = _anchors(wt, lang, is_word)
    reads_on = lru_cache(maxsize=1 << 16)(lambda a, b: _reads_on(wt, a, b, is_word))  # widths tried share lines
    measures = [(w, n) for w in LINE_WIDTHS for n in PUNCTUATION]
    turns = sorted((_lines(wt, s0, min(sample, s0 + _SCREEN), m, reads_on, anchors, alone, strict=True)[0], m)
                   for m in measures)[:_KEEP]
    if min(_lines(wt, s0, sample, m, reads_on, anchors, alone, strict=True)[0] for _, m in turns) > MAX_LINE_COST:
        return work, columns  # not even lines read in strict turns drop out of each other's reading: no columns
    screened = sorted((_lines(wt, s0, min(sample, s0 + _SCREEN), m, reads_on, anchors, alone)[0], m)
                      for m in measures)[:_KEEP]
    cost, (width, punctuation) = min((_lines(wt, s0, sample, m, reads_on, anchors, alone)[0], m) for _, m in screened)
    cost, measure = min([(cost, (width, punctuation))]
                        + [(_lines(wt, s0, sample, (width + q / 4, punctuation), reads_on, anchors, alone)[0],
                            (width + q / 4, punctuation)) for q in (-3, -2, -1, 1, 2, 3)])
    if cost > MAX_LINE_COST:
        return work, columns
    pieces: list[tuple[int, int] | str] = []
    at, out_columns, length = 0, [], 0

    def put(piece: tuple[int, int] | str) -> None:
        nonlocal length
        pieces.append(piece)
        length += len(piece) if isinstance(piece, str) else piece[1] - piece[0]

    for (start, end), (pages, page_breaks) in zip(columns, layouts):
        if at < start:
            put((at, start))
        c_start = length
        prev = None
        for number, (p_start, p_end) in enumerate(pages):
            if p_start == start and (below := _columns_start(wt, lang, p_start, p_end)) > p_start:
                put((p_start, below))  # the title block above the columns, set across the page
                put("\n")
                p_start = below
            lines = _lines(wt, p_start, p_end, measure, reads_on, anchors, alone,
                           full=number < len(pages) - 1)[1]  # a page the next one follows is full
            for a, b, _ in sorted(lines, key=lambda line: (line[2], line[0])):
                if prev is not None and _NUMBERISH.match(wt[a]) and _NUMBERISH.match(wt[prev - 1]):
                    put(" ")
                put((a, b))
                prev = b
        for a, b in page_breaks:
            put("\n")
            put((a, b))
        out_columns.append((c_start, length))
        at = end
    if at < len(wt):
        put((at, len(wt)))
    text = "".join(p if isinstance(p, str) else wt[p[0]:p[1]] for p in pieces)
    return repairing.Repaired(text, Reordered.of(pieces, work.offsets), work.changes), tuple(out_columns)


def columns_diagnostic(original: str, work: repairing.Repaired, lay: Layout) -> list[Diagnostic]:
    """Tell the user which text reads two columns in turn: its records are flagged ``two_column``."""
    if not lay.columns:
        return []
    start, end = work.span(lay.columns[0][0], lay.columns[-1][1])
    how = ("was read column by column from its lines' width: check" if isinstance(work.offsets, Reordered)
           else "could not be put back in order: metrics there may hold words of the other column in")
    return [Diagnostic("two_column", f"the text layer reads two columns' lines in turn; it {how} its records "
                       "(flagged two_column)", Span(start, end, original[start:end]))]


def without_intruders(wt: str, lay: Layout, start: int, end: int) -> str:
    """The working text of ``[start, end)`` without pieces that belong to another box."""
    text = wt[start:end]
    for a, b in reversed(lay.intruders):
        if start <= a and b <= end:
            text = text[:a - start] + text[b - start:]
    return text


def after_box_heading(work: repairing.Repaired, lang, left_text: str, value_start: int) -> str:
    """In OCR'd infographics a box heading (着力稳就业, 加强环境污染治理) runs into its content.

    Where a gap the repair closed follows a short phrase led by a heading verb, the metric
    starts after the gap.
    """
    breaks, wt = work.offsets.breaks, work.text
    heading = lang.compiled(_heading)
    start = value_start - len(left_text)
    i = bisect_left(breaks, start + 1)
    gaps = [start + k + 1 for k, c in enumerate(left_text) if c.isspace()]
    while i < len(breaks) and breaks[i] <= value_start:
        gaps.append(breaks[i])
        i += 1
    cut, seen, words = None, start, 0
    for gap in sorted(gaps):
        words += sum(not c.isspace() for c in wt[seen:gap])
        seen = max(seen, gap)
        if words > _HEADING_MAX:
            break  # every later head is longer still
        head = wt[start:gap].strip()
        if len(head) <= _HEADING_MAX and heading.search(head):
            cut = gap
    return wt[cut:value_start] if cut is not None else left_text


def _heading(lang) -> re.Pattern:
    return re.compile(lang.pattern("heading_verbs"))


@dataclass
class Dangling:
    """Clauses that name a metric and its verb but hold no value (全市进出口总值增长), awaiting one."""

    waiting: deque = field(default_factory=lambda: deque(maxlen=8))  # (start, end, metric, verb), working offsets

    def note(self, wt: str, lang, p_start: int, p_end: int, found: list[Quantity]) -> None:
        starts = [q.span.start for q in found]  # sorted
        rate = lang.raw["dangling_rate"]
        verb_end = metrics.patterns(lang).verb_end
        for m in _CLAUSE.finditer(wt, p_start, p_end):
            c_start, c_end = m.span()
            k = bisect_left(starts, c_start)
            if k < len(starts) and starts[k] < c_end:
                continue  # the clause holds a value
            clause = m.group()
            if rate not in clause and not verb_end.search(clause, max(0, len(clause) - metrics.TAIL)):
                continue
            head, speed, _ = clause.partition(rate)
            left = metrics.read_left(clause, lang) if not speed else metrics.Left(
                metrics.clean_metric(head, lang), rate, False, "")
            if left.verb and left.metric and len(left.metric) >= 2 and not left.to_level:
                self.waiting.append((c_start, c_end, left.metric, left.verb))

    def recover(self, lang, group: list[Quantity]) -> tuple[str, str] | None:
        """Pair a value with no metric with the nearest earlier dangling metric whose verb fits it."""
        at = group[0].span.start
        rate_units = lang.words("rate_units")
        for k in range(len(self.waiting) - 1, -1, -1):
            pos, _, metric, verb = self.waiting[k]
            if pos >= at or at - pos > REACH:
                continue
            rate_verb = verb in lang.change_up or verb in lang.change_down
            if rate_verb and any(q.unit not in rate_units for q in group):
                continue
            del self.waiting[k]
            return metric, verb
        return None

    def lost(self, original: str, work: repairing.Repaired) -> list[Diagnostic]:
        """The metrics still waiting when the page ends: their values were lost."""
        endings = repairing.metric_endings()
        out = []
        for c_start, c_end, metric, verb in self.waiting:
            if not metric.endswith(endings):
                continue  # a heading that says how things went, not a metric that lost its value
            start, end = work.span(c_start, c_end)
            out.append(Diagnostic("incomplete", f"{metric}{verb} has no value on the page",
                                  Span(start, end, original[start:end])))
        return out
