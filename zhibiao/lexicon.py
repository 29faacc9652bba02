"""The language data in ``zhibiao/data/language.yaml``, loaded into one ``Language`` object.

Every stage reads words from a Language passed to it (the shipped one by default) and
builds its patterns once per Language with ``Language.compiled``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml


def alternation(words) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True, eq=False)
class Language:
    """The shipped language data, and what each stage compiles from it (see ``compiled``)."""

    raw: dict
    magnitudes: dict[str, float]
    units: dict[str, str]
    chinese_numeral_units: frozenset[str]
    time_units: tuple[str, ...]
    name_suffixes: tuple[str, ...]
    prefix_modifiers: dict[str, str]
    suffix_modifiers: dict[str, str]
    inner_modifiers: frozenset[str]
    change_up: frozenset[str]
    change_down: frozenset[str]
    compound_heads: dict[str, list[str]]
    noun_units: dict[str, str]
    unit_blockers: dict[str, tuple[str, ...]]

    _compiled: dict = field(default_factory=dict, repr=False)

    def compiled(self, build):
        """``build(self)``, made once per Language: a stage's patterns belong to the language they came from."""
        try:
            return self._compiled[build]
        except KeyError:
            return self._compiled.setdefault(build, build(self))

    def words(self, *path: str) -> tuple[str, ...]:
        """The word list at ``path`` (the keys of a word map), made once."""
        try:
            return self._compiled[path]
        except KeyError:
            node = self.raw
            for key in path:
                node = node[key]
            return self._compiled.setdefault(path, tuple(node))

    def pattern(self, *path: str) -> str:
        return alternation(self.words(*path))


@cache
def language() -> Language:
    """The shipped language (``zhibiao/data/language.yaml``), loaded once."""
    return load(resources.files("zhibiao").joinpath("data/language.yaml").read_text(encoding="utf-8"))


def load(text: str) -> Language:
    """A Language from YAML text in the shape of the shipped file: pass it to ``extract(..., language=)``."""
    return from_raw(yaml.safe_load(text))


def from_raw(raw: dict) -> Language:
    """A Language from the parsed YAML mapping."""
    mods = raw["modifiers"]
    return Language(
        raw=raw,
        magnitudes={k: float(v) for k, v in raw["magnitudes"].items()},
        units={str(k): str(v) for k, v in raw["units"].items()},
        chinese_numeral_units=frozenset(raw["chinese_numeral_units"]),
        time_units=tuple(raw["time_units"]),
        name_suffixes=tuple(raw["name_suffixes"]),
        prefix_modifiers=dict(mods["prefix"]),
        suffix_modifiers=dict(mods["suffix"]),
        inner_modifiers=frozenset(mods["inner"]),
        change_up=frozenset(raw["verbs"]["change_up"]),
        change_down=frozenset(raw["verbs"]["change_down"]),
        compound_heads=dict(raw["compound_heads"]),
        noun_units=dict(raw["noun_units"]),
        unit_blockers={k: tuple(v) for k, v in raw["unit_blockers"].items()},
    )
