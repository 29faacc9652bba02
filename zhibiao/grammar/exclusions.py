"""Step 2, exclusions: values that are no indicator at the level of the sentence.

Numbers that are no quantity at all (dates, ordinals, names) never reach the
grammar: ``numbers.quantities`` drops them. Here a value goes when nothing in its
clause or sentence says what it measures, or what stands for its metric holds no
word at all (a run of symbols and numbers: %5%5%5).
"""
from __future__ import annotations

from .metric import LETTER, Reading


def excluded(reading: Reading, history: list[str]) -> str | None:
    """The rule that drops this group, or None to keep it."""
    if not reading.metric and not history:
        return "no_metric_in_sentence"
    if reading.metric and not LETTER.search(reading.metric):
        return "metric_without_words"
    return None
