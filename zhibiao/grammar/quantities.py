"""Step 1, quantities: the values of a paragraph, the lists they are written in (8.9%、7.7%), and the
runs of values with no word between them, which name nothing (六成六成六成…)."""
from __future__ import annotations

import re

from .. import numbers
from ..records import Quantity


def find(wt: str, lang, start: int, end: int) -> list[Quantity]:
    """Every quantity of ``wt[start:end]``, spans in working-text offsets."""
    return numbers.quantities(wt, start, end, lang=lang)


def groups(wt: str, lang, batch: list[Quantity]) -> list[list[Quantity]]:
    """Values written as one list (8.9%、7.7% / 9.66%和13.14%) share a left context."""
    joiners = frozenset(lang.words("list_joiners"))
    out: list[list[Quantity]] = []
    for q in batch:
        if out:
            gap = wt[out[-1][-1].span.end:q.span.start]
            if gap and len(gap) <= 2 and joiners.issuperset(gap):
                out[-1].append(q)
                continue
        out.append([q])
    return out


def _word(lang) -> re.Pattern:
    """A letter that is no character of a number: a word between two values."""
    return re.compile(rf"[^\W\d_{re.escape(lang.raw['wordless_run']['numerals'])}]")


def wordless_runs(wt: str, lang, found: list[Quantity]) -> list[tuple[int, int]]:
    """The runs ``found[i:j]`` of at least ``wordless_run.values`` values with no word between any two:
    a table's bare figures or noise, no language. The first value of a run may have words before it;
    those after it have none of their own, and reading each of them would cost a full reading a value."""
    word, least = lang.compiled(_word), int(lang.raw["wordless_run"]["values"])
    runs, i = [], 0
    for k in range(1, len(found) + 1):
        if k < len(found) and not word.search(wt, found[k - 1].span.end, found[k].span.start):
            continue
        if k - i >= least:
            runs.append((i, k))
        i = k
    return runs
