"""Integrity of the language data: every table loads, and no word is claimed twice."""
import re

from zhibiao.lexicon import language


def test_magnitudes_are_powers_of_ten():
    for word, value in language().magnitudes.items():
        assert value >= 1000 and float(f"1e{len(str(int(value))) - 1}") == value, word


def test_units_map_to_recorded_units():
    units = language().units
    assert set(units.values()) <= set(units) | {"百分点"}
    for unit in language().chinese_numeral_units:
        assert unit in units, unit


def test_modifiers_are_known_and_disjoint():
    lang = language()
    allowed = {"approx", "at_least", "more_than", "at_most", "less_than"}
    assert set(lang.prefix_modifiers.values()) <= allowed
    assert set(lang.suffix_modifiers.values()) <= allowed
    assert not set(lang.prefix_modifiers) & set(lang.suffix_modifiers)


def test_change_verbs_have_one_direction():
    lang = language()
    assert not lang.change_up & lang.change_down
    assert all(len(v) >= 2 for v in lang.change_up | lang.change_down), "one-character verbs hide inside words"


def test_compound_heads_expand_to_two_or_more():
    for head, parts in language().compound_heads.items():
        assert len(parts) >= 2 and all(p for p in parts), head


def test_every_word_list_is_plain_text():
    lang = language()
    for path in (("fillers",), ("scope",), ("time_words",), ("status", "estimate"), ("status", "target"),
                 ("predicate_verbs",), ("carried_subject_verbs",), ("targets_openers",),
                 ("action_verbs",), ("plan_nouns",), ("five_years",), ("openers",), ("status", "between")):
        words = lang.words(*path)
        assert words and len(words) == len(set(words)), path
        assert all(isinstance(w, str) and w and not re.search(r"\s", w) for w in words), path


def test_noun_units_are_recorded_units():
    lang = language()
    assert set(lang.noun_units.values()) <= set(lang.units.values())
