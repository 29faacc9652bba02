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


def _wordless(lang) -> re.Pattern:
    """What may stand between two values of a wordless run: units, characters of numbers, digits, signs,
    punctuation (units first, longest first: 百分点 is a unit, not 百 and then a word), and at most
    ``wordless_run.letters`` other letters (成5%成5%…: no word of its own either)."""
    run = lang.raw["wordless_run"]
    firsts = re.escape("".join(sorted({u[0] for u in lang.units})))  # a unit is tried only where one can start
    no_word = rf"(?:(?=[{firsts}])(?:{lang.pattern('units')})|[\W\d_{re.escape(run['numerals'])}])*+"
    return re.compile(rf"{no_word}(?:[^\W\d_]{no_word}){{0,{int(run['letters'])}}}")


def wordless_runs(wt: str, lang, found: list[Quantity]) -> list[tuple[int, int]]:
    """The runs ``found[i:j]`` of at least ``wordless_run.values`` values with no word between any two:
    a table's bare figures or noise, no language. The first value of a run may have words before it;
    those after it have none of their own, and reading each of them would cost a full reading a value."""
    wordless, least = lang.compiled(_wordless).fullmatch, int(lang.raw["wordless_run"]["values"])
    runs, i = [], 0
    for k in range(1, len(found) + 1):
        if k < len(found) and (found[k - 1].span.end >= found[k].span.start
                               or wordless(wt, found[k - 1].span.end, found[k].span.start)):
            continue
        if k - i >= least:
            runs.append((i, k))
        i = k
    return runs
