"""The language data in ``zhibiao/data/language.yaml``, loaded into one ``Language`` object.

Every stage reads words from a Language passed to it (the shipped one by default) and
builds its patterns once per Language with ``Language.compiled``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from re import _constants as sre, _parser as sre_parse  # the pattern's parse, for the characters it needs

import yaml


def alternation(words) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def required_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """Characters one of which every match of ``pattern`` holds (the fewest of those of an element that must
    be matched, a literal or a set of them), or None where there are none such (any letter may do, or a case
    is folded)."""
    if pattern.flags & re.IGNORECASE:
        return None
    return _required(sre_parse.parse(pattern.pattern, pattern.flags))


_END = 2**63 - 1  # a search's default end: past any string
_SMALL_RANGE = 128  # a range of characters ([0-9]) is looked for as its characters up to this many
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _required(items) -> frozenset[str] | None:
    """The fewest characters one of which an element of ``items`` that must be matched holds."""
    fewest = None
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT) or op in _REPEATS and av[0] == 0:
            continue  # zero-width, or may be left out
        found = _element(op, av)
        if found is not None and (fewest is None or len(found) < len(fewest)):
            fewest = found
    return fewest


def _element(op, av) -> frozenset[str] | None:
    if op in _REPEATS:
        return _required(av[2])
    if op is sre.LITERAL:
        return frozenset(chr(av))
    if op is sre.IN:
        return _set_chars(av)
    if op is sre.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _required(av[-1])
    if op is sre.BRANCH:
        found = [_required(alt) for alt in av[1]]
        return None if None in found else frozenset().union(*found)
    return None


def _set_chars(items) -> frozenset[str] | None:
    """The characters of a set of literals and small ranges; None for anything else (a negation, a class)."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _SMALL_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return frozenset(chars)


class Prefiltered:
    """A compiled pattern that looks for one of its ``required_chars`` before it searches: on text that holds
    none (most phrases, for most patterns) there can be no match, and a scan for the characters costs a
    fraction of the search. Otherwise it is the pattern (``fullmatch``, ``finditer`` ... pass through)."""

    __slots__ = ("_pattern", "_chars")

    def __init__(self, pattern: re.Pattern, chars: frozenset[str]) -> None:
        self._pattern = pattern
        self._chars = re.compile(f"[{re.escape(''.join(sorted(chars)))}]")

    def search(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match | None:
        if self._chars.search(string, pos, endpos) is None:
            return None
        return self._pattern.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match | None:
        """A match at ``pos`` holds one of the characters too: a pattern that opens with a lookahead or a long
        alternation (``metric``'s leading words) costs more to fail than the scan."""
        if self._chars.search(string, pos, endpos) is None:
            return None
        return self._pattern.match(string, pos, endpos)

    def sub(self, repl, string: str, count: int = 0) -> str:
        return self._pattern.sub(repl, string, count) if self._chars.search(string) else string

    def __getattr__(self, name: str):
        return getattr(self._pattern, name)

    def __reduce__(self):  # rebuilt from its pattern: an unpickled shell has no _pattern for __getattr__ to read
        return prefiltered, (self._pattern,)


def prefiltered(pattern: re.Pattern) -> re.Pattern | Prefiltered:
    """``pattern``, prefiltered by the characters every match holds where it has such."""
    chars = required_chars(pattern)
    return pattern if chars is None else Prefiltered(pattern, chars)


@dataclass(frozen=True)
class Need:
    """What a phrase must hold for a rule to act, declared beside the rule: one of the characters every match of
    one of ``patterns`` holds (``required_chars``), or the first letter of one of ``words``, or one of ``chars``;
    and at least ``length`` characters. A source with no such characters (a pattern any letter may match) makes
    the rule always tried."""

    patterns: tuple = ()  # compiled patterns (or Prefiltered ones)
    words: tuple[str, ...] = ()
    chars: str = ""
    length: int = 0


class Gate:
    """Which rules of a chain a phrase can trigger, from the rules' ``Need``s: a phrase is looked at once (the
    rules' characters it holds, in one scan), and each rule then costs a bit test (``may``). A rule with no Need
    is always tried, so a new rule joins a chain untouched until it declares one."""

    _SEEN = 64  # phrases remembered: a chain reads a few (the words before, the noun, the metric) in turn
    _ANY = 1  # the bit every phrase has: the one of a rule that declares no Need
    __slots__ = ("_bits", "_index", "_always", "_short", "_held", "_seen")  # read some 30 times a record

    def __init__(self, needs: dict) -> None:
        self._bits: dict = {}
        self._index: dict[str, int] = {}
        self._always = self._ANY
        longest = max((need.length for need in needs.values()), default=0)
        self._short = [0] * longest  # by a phrase's length: the rules it is too short for
        for i, (rule, need) in enumerate(needs.items(), 1):
            bit = self._bits[rule] = 1 << i
            sources = [required_chars(p) for p in need.patterns] + [frozenset(w[:1]) for w in need.words]
            if need.chars:
                sources.append(frozenset(need.chars))
            if not sources or None in sources or frozenset() in sources:
                self._always |= bit
            else:
                for c in frozenset().union(*sources):
                    self._index[c] = self._index.get(c, 0) | bit
            for n in range(need.length):
                self._short[n] |= bit
        self._held = re.compile(f"[{re.escape(''.join(sorted(self._index)))}]" if self._index else "(?!)")
        self._seen: dict[str, int] = {}

    def able(self, phrase: str) -> int:
        """The rules ``phrase`` holds what they need for, as bits."""
        able = self._always
        for c in self._held.findall(phrase):  # the rules' characters it holds, in one scan
            able |= self._index[c]
        return able & ~self._short[len(phrase)] if len(phrase) < len(self._short) else able

    def may(self, rule, phrase: str) -> bool:
        """Whether ``rule`` can act on ``phrase``: always, for a rule that declares no Need."""
        if (found := self._seen.get(phrase)) is None:
            if len(self._seen) >= self._SEEN:
                self._seen.clear()
            found = self._seen[phrase] = self.able(phrase)
        return found & self._bits.get(rule, self._ANY) != 0


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

    def __reduce__(self):  # a worker process gets the data and compiles its own patterns, gates and caches
        return from_raw, (self.raw,)


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
