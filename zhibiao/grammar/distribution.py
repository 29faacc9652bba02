"""Step 4, distribution: one metric per value of a list (分别 lists pair in order, 均 repeats,
shared heads are completed, compound heads like 城乡 expand)."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..records import Quantity
from . import metric as metrics


def carried(history: list[str], n: int) -> tuple[list[str], str]:
    """A group with no metric of its own takes the sentence's metrics before it."""
    if 1 < n <= len(history):
        return history[-n:], "carried_in_order"
    return [history[-1]] * n, "carried_last"


def distribute(metric: str, n: int, fillers: str, noun: str, lang,
               is_word: Callable[[str], bool] | None) -> tuple[list[str], str]:
    """One metric per value, and the rule that paired them."""
    distributed = any(w in fillers for w in lang.words("distributive"))
    verb_start = metrics.patterns(lang).verb_start
    if noun and noun == metric and "和" in noun and (verb := verb_start.match(noun)):
        return [verb.group() + item.removeprefix(verb.group()) for item in _split_items(noun, lang)], "verb_shared_by_items"
    if n > 1 or distributed:
        items = _split_items(metric, lang)
        if len(items) > 1 and (len(items) == n or (n == 1 and distributed)):
            return complete_heads(items, is_word), "items_in_order"
        if n > 1 and (expanded := _expand_compound(metric, n, lang)):
            return expanded, "compound_head"
    return [metric] * n, "one_metric"


def _split_items(metric: str, lang) -> list[str]:
    items = [x for x in re.split(f"[{''.join(lang.words('list_joiners'))}]", metric) if x]
    return items if len(items) > 1 else [metric]


def complete_heads(items: list[str], is_word: Callable[[str], bool] | None) -> list[str]:
    """Give each list item the head its last item carries: 高技术制造业、装备制造业增加值.

    Where the items share no characters (电子、材料产业增加值) the head is what follows the last
    item's first dictionary word; the dictionary is at hand for noisy text only, where repair
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
        if not head and is_word is not None and len(last) > len(item):
            head = last[_first_word(last, is_word):]
        out.append(item + head if head and not item.endswith(head) else item)
    return out + [last]


def _first_word(text: str, is_word: Callable[[str], bool]) -> int:
    """Length of the longest dictionary word opening ``text`` (材料|产业增加值), at least 2."""
    return next((k for k in range(min(4, len(text) - 1), 1, -1) if is_word(text[:k])), 2)


def _expand_compound(metric: str, n: int, lang) -> list[str] | None:
    for head, parts in lang.compound_heads.items():
        if head in metric and len(parts) == n:
            return [metric.replace(head, part, 1) for part in parts]
    return None


def pairs(names: list[str], group: list[Quantity]) -> list[tuple[str, Quantity]]:
    """Metric and value side by side; more metrics than values share the first value (均)."""
    return list(zip(names, group)) if len(names) == len(group) else [(m, group[0]) for m in names]
