"""Canonical indicators: one id for the many ways reports name the same measure.

A report says 国内生产总值, a province 地区生产总值, a city 全市生产总值; a
panel needs one id for all of them. The table lives in ``data/indicators.csv``;
``match`` is called for every extracted record, so the aliases are compiled into
one regex once and answers are cached.
"""
from __future__ import annotations

import csv
import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lexicon import alternation

# Words before an alias that only say where, when, or that it is budgeted: 全省, 重庆市, 2019年, 拟安排.
_TIME = r"(?:\d{4}年|今年|去年|全年|当年|上年|明年|拟安排|安排|发行)"
_SCOPE = (r"(?:全国|全省|全市|全区|全县|全州|全盟|全旗|我国|我省|我市|我区|我县|本省|本市|本区"
          r"|[\u4e00-\u9fff]{2,8}?(?:省|市|自治区|自治州|特别行政区|县|区|州|盟|旗))")
# A clause head that sets or expects a figure (中央提出, 力争) may stand before the time words;
# a lone 的 left where extraction cut a clause, or a conjunction (但赤字率), is no part of the name either.
_HEAD = r"(?:的|但|而|并|且|[\u4e00-\u9fff]{0,4}?(?:提出|确定|要求|预计|力争|争取|把|将)(?=今年|明年|全年|当年|\d{4}年))?"
_PREFIX = re.compile(rf"{_HEAD}(?:{_TIME}|{_SCOPE})*")
# Words after an alias that name the change or the budgeting, not the measure: 增速, 涨幅, 拟按.
_CHANGE_WORDS = ("增长率", "增长速度", "增速", "增幅", "上涨幅度", "涨幅", "增长")
_SUFFIXES = tuple(sorted((*_CHANGE_WORDS, "总量", "总额", "规模", "水平", "安排", "拟按"), key=len))
# Place-like prefixes that are in fact part of a measure's name.
# Words after a measure that name its target (经济增长速度的调控目标定为8%): the measure is before them.
_TARGET_TAIL = re.compile(r"的?(?:宏观)?(?:调控|预期|计划|主要)?目标(?:定|为|是|值)?$")
_TARGET_TAIL_ENDS = "标定为是值"  # the last characters of a target tail: a metric ending so may hold one
# Endings that make a figure in % a rate of change, whatever kind extraction gave it.
_CHANGE_END = re.compile(rf"(?:{alternation(_CHANGE_WORDS + ('上涨',))})$")
_NOT_SCOPE = frozenset({"城市", "城区", "市区", "地区", "园区", "社区", "山区", "库区", "景区", "城镇地区"})
_DROP = re.compile(r"\([^()]*\)|[\s\"'“”‘’《》「」『』〈〉]")


@dataclass(frozen=True, slots=True)
class Canonical:
    """One row of the shipped table: what a canonical id means and how it is written."""

    id: str
    label_en: str
    label_zh: str
    category: str
    aliases: tuple[str, ...]
    units: tuple[str, ...]
    kinds: tuple[str, ...]
    headline_kind: str  # the form that targets and series use: GDP growth is change/%
    headline_unit: str
    target_direction: str  # floor | ceiling: how a bare or approximate target binds (see analysis.result)


def normalize(metric: str) -> str:
    """Fold widths, drop spaces, quotes and parentheticals, so 细颗粒物（PM2.5）浓度 reads 细颗粒物浓度."""
    return _DROP.sub("", unicodedata.normalize("NFKC", metric)).upper()


def _source() -> str:
    return resources.files("zhibiao").joinpath("data/indicators.csv").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def table_digest() -> str:
    """A short hash of the shipped table, so a database can tell which table matched its records."""
    return hashlib.sha256(_source().encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def table() -> tuple[Canonical, ...]:
    """The shipped canonical indicators, in file order."""
    text = _source()
    return tuple(
        Canonical(
            id=row["id"], label_en=row["label_en"], label_zh=row["label_zh"], category=row["category"],
            aliases=tuple(row["aliases"].split("|")), units=tuple(row["units"].split("|")),
            kinds=tuple(row["kinds"].split("|")), headline_kind=row["headline_kind"],
            headline_unit=row["headline_unit"], target_direction=row["target_direction"],
        )
        for row in csv.DictReader(text.splitlines())
    )


def get(indicator_id: str) -> Canonical | None:
    """The row of ``indicator_id``, matched case-insensitively (GDP is gdp)."""
    return _by_id().get(indicator_id.strip().lower())


def near(indicator_id: str, n: int = 3) -> list[str]:
    """Ids close to an unknown one, for a did-you-mean hint."""
    ids = [r.id for r in table()]
    key = indicator_id.strip().lower()
    found = difflib.get_close_matches(key, ids, n=n, cutoff=0.6)
    found += [i for i in ids if key and key in i and i not in found]
    return found[:n]


def reads_as_change(metric: str) -> bool:
    """Whether the metric itself names a rate of change (经济增长, 价格涨幅), so a % figure is a change."""
    return bool(_CHANGE_END.search(_TARGET_TAIL.sub("", normalize(metric))))


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Canonical]:
    return {row.id: row for row in table()}


@lru_cache(maxsize=1)
def _compiled() -> tuple[dict[str, Canonical], re.Pattern[str], frozenset[str]]:
    """Each alias's row, a pattern of the places an alias can start (any place, where one is empty): aliases
    are looked for only there (a regex of all of them cost a microsecond at every place of a metric), and the
    characters a metric that holds one can end in (an alias's last, or a suffix's)."""
    owner = {normalize(alias): row for row in table() for alias in row.aliases}
    starts = re.compile(r"(?s:.)" if "" in owner else f"[{re.escape(''.join({a[0] for a in owner}))}]")
    return owner, starts, frozenset(a[-1] for a in (*owner, *_SUFFIXES) if a)


def _alias_ending(rest: str, owner: dict[str, Canonical]) -> str | None:
    """The longest alias that ``rest`` is, with one of the suffixes after it or none, so 人均国内生产总值
    wins over 国内生产总值 (and GDP增长, were it an alias, over GDP with 增长): shortest suffix first."""
    if rest in owner:
        return rest
    if rest.endswith(_SUFFIXES):
        for suffix in _SUFFIXES:
            if rest.endswith(suffix) and rest[:len(rest) - len(suffix)] in owner:
                return rest[:len(rest) - len(suffix)]
    return None


_LONGEST_PREFIX = 32  # 2031年全年黔东南苗族侗族自治州 is 16; _PREFIX's nested repeats backtrack exponentially past this


def _is_scope(prefix: str) -> bool:
    if not prefix:
        return True
    if prefix in _NOT_SCOPE or not _PREFIX.fullmatch(prefix):
        return False
    return not any(prefix.endswith(word) for word in _NOT_SCOPE)


def match(metric: str, unit: str = "", kind: str = "") -> str | None:
    """The canonical id of ``metric`` where its unit and kind fit the indicator, else None.

    The alias must end the metric (after an optional 增速/涨幅 ...) and whatever
    stands before it must be scope or time words, so 占国内生产总值比重 is not GDP.
    An empty unit or kind is not checked. A metric that ends in a Chinese letter no alias, suffix or target tail
    ends in is none, before the cache: most metrics, and a miss of a cache this large costs twice the answer
    (normalizing leaves such a last letter as it is).
    """
    last = metric[-1:]
    if "\u4e00" <= last <= "\u9fff" and last not in _compiled()[2] and last not in _TARGET_TAIL_ENDS:
        return None
    return _match(metric, unit, kind)


@lru_cache(maxsize=65536)
def _match(metric: str, unit: str, kind: str) -> str | None:
    """``match`` of a metric that may end in an alias."""
    owner, starts, ends = _compiled()
    text = normalize(metric)
    text = _TARGET_TAIL.sub("", text) if "目标" in text else text  # the tail holds 目标: else no search
    if text[-1:] not in ends:  # an alias ends the metric, or a suffix after it
        return None
    for at in starts.finditer(text, 0, _LONGEST_PREFIX + 1):  # a longer prefix is no scope: bounded per metric
        start = at.start()
        found = _alias_ending(text[start:], owner)
        if found is None:
            continue
        if not _is_scope(text[:start]):
            continue
        row = owner[found]
        if unit and unit not in row.units:
            return None
        if kind and kind not in row.kinds:
            return None
        return row.id
    return None


__all__ = ["Canonical", "table", "table_digest", "get", "near", "match", "normalize", "reads_as_change"]
