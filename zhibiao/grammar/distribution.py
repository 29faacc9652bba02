"""Step 4, distribution: one metric per value of a list (分别 lists pair in order, 均 repeats,
shared heads are completed, compound heads like 城乡 expand)."""
from __future__ import annotations

import re
from collections.abc import Callable

from .. import repair as repairing
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
            return complete_heads(items, is_word, lang), "items_in_order"
        if n > 1 and (expanded := _expand_compound(metric, n, lang)):
            return expanded, "compound_head"
    return [metric] * n, "one_metric"


def _split_items(metric: str, lang) -> list[str]:
    items = [x for x in re.split(f"[{''.join(lang.words('list_joiners'))}]", metric) if x]
    return items if len(items) > 1 else [metric]


def complete_heads(items: list[str], is_word: Callable[[str], bool] | None, lang) -> list[str]:
    """Give each list item the head its last item carries: 高技术制造业、装备制造业增加值.

    Numerals share what follows the last one (第一、二、三产业增加值). Where the items share no
    characters (电子、材料产业增加值) the head is read from the last item's dictionary words and
    given to an item that names no metric of its own (收入, 产量: see ``metric_nouns.txt``).
    """
    if (ordinal := _ordinals(items, lang)) is not None:
        return ordinal
    last = items[-1]
    endings = (*repairing.metric_endings(), *lang.words("item_endings"))
    open_list = last.endswith(tuple(lang.words("open_list_marks")))  # 猪牛羊肉等: no head to share
    out = []
    for item in items[:-1]:
        head, shared = "", False
        for k in range(min(len(item), 6), 1, -1):
            pos = last.find(item[-k:])
            if pos >= 0:
                head, shared = last[pos + k:], True
                break
        if not shared and not open_list and is_word is not None and not item.endswith(endings):
            head = _shared_head(item, last, is_word, lang)
        out.append(item + head if head and not item.endswith(head) else item)
    return out + [last]


def _ordinals(items: list[str], lang) -> list[str] | None:
    """一、二、三产业增加值 → 一产业增加值, 二产业增加值, 三产业增加值 (第 too, where the first has it)."""
    numerals = set(lang.words("list_ordinals"))
    prefix = lang.raw["ordinal_prefix"]
    bare = [item.removeprefix(prefix) for item in items]
    last = bare[-1]
    if len(last) < 2 or last[0] not in numerals or last[1] in numerals or not all(b in numerals for b in bare[:-1]):
        return None
    lead = prefix if items[0].startswith(prefix) else ""
    return [lead + b + last[1:] for b in bare[:-1]] + [lead + last]


def _shared_head(item: str, last: str, is_word: Callable[[str], bool], lang) -> str:
    """The words of ``last`` after its own item: cut at the word boundary nearest the length of ``item``
    (生物|医药|产业|产值 after 新材料 → 产业产值; 镍|产量 after 黄金 → 产量); a head of one character
    or one that runs into 分别 is none."""
    bounds = _word_bounds(last, is_word)
    if not bounds:
        return ""
    own = min(bounds, key=lambda b: (abs(b - len(item)), -b))
    head = last[own:]
    for word in lang.words("distributive"):
        if len(word) > 1:  # 分别, not the 均 of 人均
            head = head.split(word, 1)[0]
    return head if len(head) >= 2 and abs(own - len(item)) <= 1 else ""


def _word_bounds(text: str, is_word: Callable[[str], bool]) -> list[int]:
    """Word boundaries inside ``text`` by forward longest match over the dictionary (words of 1 to 4)."""
    bounds, i = [], 0
    while i < len(text):
        i += next((k for k in range(min(4, len(text) - i), 1, -1) if is_word(text[i:i + k])), 1)
        if i < len(text):
            bounds.append(i)
    return bounds


def _expand_compound(metric: str, n: int, lang) -> list[str] | None:
    for head, parts in lang.compound_heads.items():
        if head in metric and len(parts) == n:
            return [metric.replace(head, part, 1) for part in parts]
    return None


def shared_qualifier(before: str, metric: str, lang) -> tuple[str, str | None]:
    """A list item after a value takes the qualifier the item before it opened with:
    市级以上示范农场40个、示范牧场15个 → 市级以上示范牧场."""
    qualifier = lang.compiled(_qualifier)
    for k in range(min(len(metric), 6), 1, -1):
        pos = before.find(metric[:k])
        if pos > 0 and (m := qualifier.search(before, 0, pos)) and m.end() == pos and not metric.startswith(m.group()):
            return m.group() + metric, "qualifier_shared_by_items"
    return metric, None


def _qualifier(lang) -> re.Pattern:
    return re.compile(lang.raw["shared_qualifier"])


def pairs(names: list[str], group: list[Quantity]) -> list[tuple[str, Quantity]]:
    """Metric and value side by side; more metrics than values share the first value (均)."""
    return list(zip(names, group)) if len(names) == len(group) else [(m, group[0]) for m in names]
