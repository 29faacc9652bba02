"""Step 6, modifier: how exact a value is (约, 以上, 多, a range), as its quantity was written."""
from __future__ import annotations

from ..records import Quantity


def decide(q: Quantity, lang) -> str:
    """The rule behind ``q.modifier``: which word, where it stands, set it."""
    if q.modifier == "range":
        return "range"
    if q.cue is None:
        return "no_modifier_word"
    if q.cue not in q.span.text:
        return "word_before_list"  # 超过X、Y (with or without 分别): Y's modifier is the word before X (distribution.shared_modifier)
    if q.cue in lang.suffix_modifiers:
        return "word_after_value"
    if q.cue in lang.inner_modifiers:
        return "word_inside_value"
    return "word_before_value"
