"""Step 1, quantities: the values of a paragraph, and the lists they are written in (8.9%、7.7%)."""
from __future__ import annotations

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
