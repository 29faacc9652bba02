"""Targets set against outcomes, and year series: pure functions over record tables.

The store hands in one DataFrame of records (one row per indicator record, with
the report's region, level, year and reviewed year beside it) and a way to read
a report's text; everything here is deterministic and has no database.

The target of year Y is a ``target`` record for Y in the report of year Y; the
outcome of year Y is an ``actual`` record (else an ``estimate``) for Y in the
report that reviews Y, normally the report of year Y+1.

``met`` reads the target's modifier: at_least/more_than mean outcome >= target,
at_most/less_than outcome <= target, range value <= outcome <= value_max, and
approx (and a bare exact figure, which reports use the same way) means within
``APPROX_TOLERANCE`` of the target, relative: a 7.5% 左右 target is met by
outcomes in [6.75, 8.25]. ``gap`` (outcome - target) keeps what ``met`` hides,
such as growth far above an approximate target.

``result`` reads the target's direction as well (see ``target_direction`` and
``result``): growth of 10.7% against 8%左右 is ``exceeded``, not missed, and
inflation of 2% under a 3%左右 ceiling is ``met``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml

from .canonical import Canonical, reads_as_change
from .records import missing

APPROX_TOLERANCE = 0.10  # relative to the target: |outcome - target| <= 10% of |target|

TARGET_COLUMNS = [
    "region", "level", "year", "unit", "target", "target_max", "modifier", "commitment", "cue",
    "absent", "target_direction", "outcome", "outcome_status", "result", "met", "gap", "target_doc",
    "target_span_start", "target_span_end", "target_evidence", "outcome_doc", "outcome_span_start", "outcome_span_end",
    "outcome_evidence", "absent_evidence",
]
SERIES_COLUMNS = ["region", "level", "year", "value", "unit", "direction", "status", "doc_id",
                  "span_start", "span_end", "evidence"]
PARENT_COLUMNS = ["parent_region", "parent_target", "parent_target_max", "parent_modifier", "amplification"]

_SENTENCE_END = "。！？\n"
_CLAUSE_END = "。！？；;\n，,："


@dataclass(frozen=True)
class Cues:
    """Words that make a target hard or soft, say no target was set, or mark a figure as multi-year."""

    hard: tuple[str, ...]  # verbs
    soft: tuple[str, ...]
    hard_value: tuple[str, ...]  # words beside one value
    soft_value: tuple[str, ...]
    absent: tuple[str, ...]
    multi_year: tuple[str, ...]
    plan_sections: tuple[str, ...]
    this_year: tuple[str, ...]  # words that name the report's own year
    last_year: tuple[str, ...]  # ... the year it reviews
    floor: tuple[str, ...]  # words that make a target a lower bound
    ceiling: tuple[str, ...]  # ... an upper bound


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = yaml.safe_load(resources.files("zhibiao").joinpath("data/target_cues.yaml").read_text(encoding="utf-8"))
    return Cues(**{name: tuple(data[name]) for name in
                   ("hard", "soft", "hard_value", "soft_value", "absent", "multi_year", "plan_sections",
                    "this_year", "last_year", "floor", "ceiling")})


def _find_cue(text: str, *, verbs: bool = True, values: bool = True) -> tuple[str, str] | None:
    """The hard cue in ``text`` nearest its end if any, else the soft one."""
    c = cues()
    for kind, words in (("hard", (c.hard if verbs else ()) + (c.hard_value if values else ())),
                        ("soft", (c.soft if verbs else ()) + (c.soft_value if values else ()))):
        found = [(text.rfind(w), w) for w in words if w in text]
        if found:
            return kind, max(found)[1]
    return None


def commitment(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """(hard | soft | None, the cue as written) for the target value at ``text[start:end]``.

    Places are read in turn and the first with a cue decides: the clause before
    the value (确保…增长, 不低于), the value itself (左右, 以内), then, for verbs
    only, the head of a list it stands in (主要预期目标是：), in its sentence or
    on the line before. A hard cue beats a soft one in the same place, since
    binding wording is the exception a reader looks for.
    """
    clause_start = max((text.rfind(ch, 0, start) for ch in _CLAUSE_END), default=-1) + 1
    sentence_start = max((text.rfind(ch, 0, start) for ch in _SENTENCE_END), default=-1) + 1
    after = end
    while after < len(text) and after < end + 4 and text[after] not in _CLAUSE_END:
        after += 1
    colon = max(text.rfind("：", sentence_start, start), text.rfind(":", sentence_start, start))
    for place, verbs, values in ((text[clause_start:start], True, True), (text[start:after], False, True),
                                 (text[sentence_start:colon] if colon >= 0 else "", True, False),
                                 (_colon_lead(text, sentence_start), True, False)):
        found = _find_cue(place, verbs=verbs, values=values)
        if found:
            return found
    return None, None


def _before_and_value(text: str, start: int, end: int) -> str:
    """The clause before a value and the value with the words just after it (以内, 以上)."""
    clause_start = max((text.rfind(ch, 0, start) for ch in _CLAUSE_END), default=-1) + 1
    after = end
    while after < len(text) and after < end + 4 and text[after] not in _CLAUSE_END:
        after += 1
    return text[clause_start:after]


def target_direction(modifier: str | None, wording: str, default: str) -> str:
    """floor | ceiling | band: the modifier first, then the wording around the value, then ``default``.

    A range is a band; 以上/不低于 (at_least) make a floor, 以内/不超过 (at_most) a
    ceiling; 控制在 before a bare or approximate figure makes a ceiling; 左右 and a
    bare figure read the indicator's default (growth a floor, prices a ceiling).
    """
    if modifier == "range":
        return "band"
    if modifier in ("at_least", "more_than"):
        return "floor"
    if modifier in ("at_most", "less_than"):
        return "ceiling"
    c = cues()
    found = [(len(w), kind) for kind, words in (("floor", c.floor), ("ceiling", c.ceiling)) for w in words
             if w in wording]
    return max(found)[1] if found else default


def result(target: float, target_max: float | None, modifier: str | None, direction: str,
           outcome: float, default: str = "floor") -> str | None:
    """met | exceeded | missed | no outcome (None without a target), by the target's direction.

    The tolerance is ``APPROX_TOLERANCE`` of the target. A floor is missed below it
    (below target - tolerance where the target is approximate or bare) and exceeded
    above target + tolerance; a ceiling is met at or under it (+ tolerance where
    approximate) and missed above, never "exceeded": a price rise well under its
    ceiling is no overshoot. A band is met inside [low, high], exceeded above it for an
    indicator whose default is a floor, and missed otherwise.
    """
    if missing(target):
        return None
    if missing(outcome):
        return "no outcome"
    tolerance = APPROX_TOLERANCE * abs(target) + 1e-9
    loose = tolerance if modifier in ("approx", "exact", None) else 1e-9
    if direction == "band" and not missing(target_max):
        if target - 1e-9 <= outcome <= target_max + 1e-9:
            return "met"
        return "exceeded" if outcome > target_max and default == "floor" else "missed"
    if direction == "ceiling":
        return "met" if outcome <= target + loose else "missed"
    if outcome < target - loose:
        return "missed"
    return "exceeded" if outcome > target + tolerance else "met"


def _colon_lead(text: str, paragraph_start: int) -> str:
    """The paragraph before, where it ends in a colon: the lead of a list of targets set out one per line."""
    before = text[max(0, paragraph_start - 200):paragraph_start].rstrip()
    if not before.endswith(("：", ":")):
        return ""
    return before[max(before.rfind(ch) for ch in _SENTENCE_END) + 1:]


def absent_statement(text: str, indicator: Canonical) -> tuple[int, int, str] | None:
    """Where ``text`` says that no target is set for ``indicator`` (start, end, words), else None."""
    for pattern in _absent_patterns(indicator):
        found = pattern.search(text)
        if found:
            return found.start(), found.end(), found.group()
    return None


@lru_cache(maxsize=256)
def _absent_patterns(indicator: Canonical) -> tuple[re.Pattern[str], ...]:
    alias = "|".join(re.escape(a) for a in sorted(indicator.aliases, key=len, reverse=True))
    return tuple(re.compile(p.replace("{alias}", alias)) for p in cues().absent)


def met(target: float, target_max: float | None, modifier: str, outcome: float) -> bool | None:
    """Whether ``outcome`` meets the target as its modifier means it (see the module doc)."""
    if missing(target) or missing(outcome):
        return None
    if modifier in ("at_least", "more_than"):
        return outcome >= target
    if modifier in ("at_most", "less_than"):
        return outcome <= target
    if modifier == "range" and not missing(target_max):
        return target <= outcome <= target_max
    return abs(outcome - target) <= APPROX_TOLERANCE * abs(target) + 1e-9


def headline(records: pd.DataFrame, indicator: Canonical) -> pd.DataFrame:
    """The records of the indicator's headline form (GDP: growth in %), others dropped.

    A figure typed ``level`` whose metric names a change (经济增长 7%左右) is a change:
    the metric's own words say what the number is.
    """
    kind = records["kind"] == indicator.headline_kind
    if indicator.headline_kind == "change":
        kind |= (records["kind"] == "level") & records["metric"].map(
            lambda m: isinstance(m, str) and reads_as_change(m))
    keep = (records["canonical"] == indicator.id) & kind & (records["unit"] == indicator.headline_unit)
    return records[keep]


def _single_year(records: pd.DataFrame) -> pd.Series:
    return records["period_start"].notna() & (records["period_start"] == records["period_end"])


_BASE_YEAR = re.compile(r"比(\d{4})年")


def multi_year(before: str, year: int) -> bool:
    """Whether a value is a multi-year figure for ``year``, from ``before``, its paragraph up to it.

    The clause just before it (年均增长, 累计, 比2002年增长) or the opening clause of its
    paragraph or sentence (五年来，…; 五年累计，…) says so; extraction may have given it one year.
    """
    words = cues().multi_year
    clause = before[max(before.rfind(ch) for ch in _CLAUSE_END) + 1:]
    sentence = before[max(before.rfind(ch) for ch in _SENTENCE_END) + 1:]
    openings = [_opening_clause(before), _opening_clause(sentence)]
    if any(word in place for place in [clause, *openings] for word in words):
        return True
    return any(int(m.group(1)) != year - 1 for m in _BASE_YEAR.finditer(clause))


def _opening_clause(text: str) -> str:
    text = text.lstrip(" \u3000—-")
    return text[: min((i for i in (text.find(ch) for ch in _CLAUSE_END) if i >= 0), default=len(text))]


def _one_year_only(records: pd.DataFrame, year_column: str, text_of: Callable[[int], str]) -> pd.DataFrame:
    keep = []
    for doc_id, start, year in zip(records["doc_id"], records["span_start"], records[year_column]):
        text = text_of(int(doc_id))
        paragraph = text.rfind("\n", 0, int(start)) + 1
        keep.append(not multi_year(text[paragraph:int(start)], int(year)))
    return records[keep] if len(records) else records


def _names_year(records: pd.DataFrame, year_column: str, words: tuple[str, ...],
                text_of: Callable[[int], str]) -> pd.Series:
    """Whether the paragraph up to each value names its year (今年, 2031年; 去年 for a review).

    Extraction may give a figure the span of the section it stands in (“十五五”时期主要目标和
    2031年重点工作: 2031-2035); the paragraph's own words say it is one year's.
    """
    said = []
    for doc_id, start, year in zip(records["doc_id"], records["span_start"], records[year_column]):
        text = text_of(int(doc_id))
        before = text[text.rfind("\n", 0, int(start)) + 1:int(start)]
        said.append(any(w in before for w in (*words, f"{int(year)}年")))
    return pd.Series(said, index=records.index, dtype=bool)


def _last_years_figure(records: pd.DataFrame, text_of: Callable[[int], str]) -> pd.Series:
    """Whether a value stands right after 去年的 (赤字率从去年的2.1%提高到2.3%): last year's, not a target."""
    words = tuple(w + tail for w in cues().last_year for tail in ("", "的"))
    return pd.Series([text_of(int(d))[max(0, int(a) - 6):int(a)].endswith(words)
                      for d, a in zip(records["doc_id"], records["span_start"])], index=records.index, dtype=bool)


def pick_targets(records: pd.DataFrame, text_of: Callable[[int], str]) -> pd.DataFrame:
    """One target per (region, year): the first for that year in the report's targets section.

    Targets under a plan period's heading (“十四五”时期主要目标) are the plan's, not the
    year's, unless the heading or the paragraph names the year as well.
    """
    r = records[(records["status"] == "target") & records["region"].notna() & records["year"].notna()]
    single = _single_year(r)
    for_year = single & (r["period_start"] == r["year"])
    undated = r["period_start"].isna() & (r["section_role"] != "review")
    spanning = (r["period_start"] == r["year"]) & (r["period_end"] > r["period_start"])
    if spanning.any():
        spanning[spanning] = _names_year(r[spanning], "year", cues().this_year, text_of)
    plan = pd.Series([isinstance(s, str) and any(w in s for w in cues().plan_sections) and f"{int(y)}年" not in s
                      for s, y in zip(r["section"], r["year"])], index=r.index, dtype=bool)
    r = r[((for_year | undated) & ~plan) | spanning]
    r = _one_year_only(r[~_last_years_figure(r, text_of)], "year", text_of).assign(
        _rank_role=lambda d: (d["section_role"] != "targets").astype(int),
        _rank_period=lambda d: d["period_start"].isna().astype(int),
    )
    r = r.sort_values(["region", "year", "_rank_role", "_rank_period", "doc_id", "span_start"])
    return r.drop_duplicates(["region", "year"]).drop(columns=["_rank_role", "_rank_period"])


def pick_outcomes(records: pd.DataFrame, text_of: Callable[[int], str]) -> pd.DataFrame:
    """One outcome per (region, reviewed year): actual before estimate, the review first.

    A figure given a multi-year period that ends in the reviewed year counts where its
    paragraph names that year (刚刚过去的2030年, 去年).
    """
    r = records[records["status"].isin(["actual", "estimate"]) & records["region"].notna()
                & records["reviewed_year"].notna()]
    single = _single_year(r)
    for_reviewed = single & (r["period_start"] == r["reviewed_year"])
    undated = r["period_start"].isna() & r["section_role"].isin(["review"])
    spanning = (r["period_end"] == r["reviewed_year"]) & (r["period_start"] < r["period_end"])
    if spanning.any():
        spanning[spanning] = _names_year(r[spanning], "reviewed_year", cues().last_year, text_of)
    r = _one_year_only(r[for_reviewed | undated | spanning], "reviewed_year", text_of).assign(
        outcome_year=lambda d: d["reviewed_year"],
        _rank_status=lambda d: (d["status"] != "actual").astype(int),
        _rank_role=lambda d: (d["section_role"] != "review").astype(int),
        _rank_period=lambda d: (d["period_start"] != d["period_end"]).astype(int),
    )
    r = r.sort_values(["region", "outcome_year", "_rank_status", "_rank_role", "_rank_period", "doc_id",
                       "span_start"])
    return r.drop_duplicates(["region", "outcome_year"]).drop(columns=["_rank_status", "_rank_role",
                                                                       "_rank_period"])


def _signed_against(outcome: float, target_direction, outcome_direction) -> float | None:
    """The outcome in the target's direction: a rise of 0.5 against a target to cut is -0.5."""
    if missing(outcome):
        return None
    if not isinstance(target_direction, str) and outcome_direction == "down":
        return -outcome  # a target with no direction of its own (涨幅3%) is read as a rise
    if (isinstance(target_direction, str) and isinstance(outcome_direction, str)
            and target_direction != outcome_direction):
        return -outcome
    return outcome


def targets(records: pd.DataFrame, reports: pd.DataFrame, indicator: Canonical,
            text_of: Callable[[int], str], *, all_years: bool = False) -> pd.DataFrame:
    """The target of each (region, year) beside its outcome, with result, met, commitment and absent.

    ``records``: indicator records with metric, region, level, year, reviewed_year and section_role.
    ``reports``: one row per report (doc_id, region, level, year, reviewed_year), so that a
    year whose report sets no target still gets a row, and "not set" can be told from "not found".
    A year with neither target, outcome nor a "no target" statement is left out unless ``all_years``.
    """
    rows = headline(records, indicator)
    tgt = pick_targets(rows, text_of).set_index(["region", "year"])
    out = pick_outcomes(rows, text_of).set_index(["region", "outcome_year"])
    reports = reports[reports["region"].notna() & reports["year"].notna()]
    keys = set(zip(reports["region"], reports["year"].astype(int)))
    keys |= {(region, int(reviewed)) for region, reviewed in zip(reports["region"], reports["reviewed_year"])
             if not missing(reviewed)}
    level_of = dict(zip(reports["region"], reports["level"]))
    report_of = {}
    for doc_id, region, year in sorted(zip(reports["doc_id"], reports["region"], reports["year"])):
        report_of.setdefault((region, int(year)), doc_id)

    table = []
    for region, year in sorted(keys):
        row = dict.fromkeys(TARGET_COLUMNS)
        row.update(region=region, level=level_of.get(region), year=year, unit=indicator.headline_unit,
                   absent=False)
        t = tgt.loc[(region, year)] if (region, year) in tgt.index else None
        o = out.loc[(region, year)] if (region, year) in out.index else None
        if t is not None:
            row.update(target=t["value"], target_max=_none(t["value_max"]), modifier=t["modifier"],
                       target_doc=int(t["doc_id"]), target_span_start=int(t["span_start"]),
                       target_span_end=int(t["span_end"]), target_evidence=t["evidence"])
            text = text_of(int(t["doc_id"]))
            row["commitment"], row["cue"] = commitment(text, int(t["span_start"]), int(t["span_end"]))
            row["target_direction"] = target_direction(
                t["modifier"], _before_and_value(text, int(t["span_start"]), int(t["span_end"])),
                indicator.target_direction)
        elif (region, year) in report_of:
            said = absent_statement(text_of(report_of[(region, year)]), indicator)
            if said:
                row.update(absent=True, target_doc=int(report_of[(region, year)]),
                           target_span_start=said[0], target_span_end=said[1], absent_evidence=said[2])
        if o is not None:
            value = _signed_against(o["value"], t["direction"] if t is not None else None, o["direction"])
            row.update(outcome=value, outcome_status=o["status"], outcome_doc=int(o["doc_id"]),
                       outcome_span_start=int(o["span_start"]), outcome_span_end=int(o["span_end"]),
                       outcome_evidence=o["evidence"])
        if t is not None:
            row["result"] = result(row["target"], row["target_max"], row["modifier"], row["target_direction"],
                                   row["outcome"], indicator.target_direction)
        if t is not None and o is not None:
            row["met"] = met(row["target"], row["target_max"], row["modifier"], row["outcome"])
            row["gap"] = round(row["outcome"] - row["target"], 6)
        if all_years or t is not None or o is not None or row["absent"]:
            table.append(row)
    return pd.DataFrame(table, columns=TARGET_COLUMNS).astype({
        "year": "int64", "target": "float64", "target_max": "float64", "outcome": "float64",
        "gap": "float64", "met": "boolean", "absent": "bool", "target_doc": "Int64",
        "target_span_start": "Int64", "target_span_end": "Int64", "outcome_doc": "Int64",
        "outcome_span_start": "Int64", "outcome_span_end": "Int64"})


def _none(x):
    return None if missing(x) else x


def with_parent(table: pd.DataFrame, parent_of: Callable[[str, str], str | None]) -> pd.DataFrame:
    """Add the parent government's target of the same year and the amplification (target - parent's).

    ``parent_of(region, level)`` names the upper government (a province's is the nation);
    rows whose parent is not in ``table`` keep empty parent columns.
    """
    by_key = {(r.region, r.year): r for r in table.itertuples(index=False)}
    extra = []
    for r in table.itertuples(index=False):
        parent = parent_of(r.region, r.level) if isinstance(r.level, str) else None
        p = by_key.get((parent, r.year)) if parent else None
        if p is None:
            extra.append(dict(parent_region=parent))
            continue
        amplification = r.target - p.target if not (missing(r.target) or missing(p.target)) else None
        extra.append(dict(parent_region=parent, parent_target=p.target, parent_target_max=p.target_max,
                          parent_modifier=p.modifier, amplification=amplification))
    added = pd.DataFrame(extra, columns=PARENT_COLUMNS, index=table.index).astype(
        {"parent_target": "float64", "parent_target_max": "float64", "amplification": "float64"})
    return pd.concat([table, added], axis=1)


def series(records: pd.DataFrame, indicator: Canonical, text_of: Callable[[int], str],
           status: str = "actual") -> pd.DataFrame:
    """One value per (region, year) of the headline form; a decline is negative.

    For actual and estimated figures the year is the one the report reviews; for
    targets, the year the report sets them for.
    """
    rows = headline(records, indicator)
    if status == "target":
        picked = pick_targets(rows, text_of).rename(columns={"year": "series_year"})
    else:
        picked = pick_outcomes(rows[rows["status"] == status], text_of).rename(
            columns={"outcome_year": "series_year"})
    value = picked["value"].where(picked["direction"] != "down", -picked["value"])
    out = pd.DataFrame({
        "region": picked["region"], "level": picked["level"], "year": picked["series_year"],
        "value": value, "unit": picked["unit"], "direction": picked["direction"],
        "status": picked["status"], "doc_id": picked["doc_id"], "span_start": picked["span_start"],
        "span_end": picked["span_end"], "evidence": picked["evidence"]}, columns=SERIES_COLUMNS)
    return out.astype({"year": "int64"}).sort_values(["region", "year"]).reset_index(drop=True)


PANEL_STATUSES = {"target": ("target",), "actual": ("actual",), "both": ("target", "actual")}
EVIDENCE_COLUMNS = ["region", "level", "year", "variable", "indicator", "status", "value", "value_max", "modifier",
                    "doc_id", "span_start", "span_end", "evidence"]


def panel(tables: dict[str, tuple[pd.DataFrame, pd.DataFrame]], status: str = "both",
          name_of: Callable[[str, str], str] = lambda indicator, status: f"{indicator}_{status}",
          ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A wide panel (one row per region and year, one column per indicator and status) and its evidence.

    ``tables`` maps an indicator id to its ``targets`` table and its actual ``series``, so a
    target cell is the ``target`` column of ``targets`` and an actual cell the ``value`` of
    ``series``, the same numbers those commands print. The evidence table has one row per
    filled cell: the variable, the document and the span of the figure, and the range end.
    """
    cells: list[dict] = []
    for indicator, (target_table, actual_series) in tables.items():
        if "target" in PANEL_STATUSES[status]:
            t = target_table[target_table["target"].notna()]
            cells += [dict(region=r.region, level=r.level, year=int(r.year), variable=name_of(indicator, "target"),
                           indicator=indicator, status="target", value=r.target, value_max=_none(r.target_max),
                           modifier=r.modifier, doc_id=int(r.target_doc), span_start=int(r.target_span_start),
                           span_end=int(r.target_span_end), evidence=r.target_evidence)
                      for r in t.itertuples(index=False)]
        if "actual" in PANEL_STATUSES[status]:
            cells += [dict(region=r.region, level=r.level, year=int(r.year), variable=name_of(indicator, "actual"),
                           indicator=indicator, status="actual", value=r.value, value_max=None, modifier=None,
                           doc_id=int(r.doc_id), span_start=int(r.span_start), span_end=int(r.span_end),
                           evidence=r.evidence)
                      for r in actual_series.itertuples(index=False)]
    evidence = pd.DataFrame(cells, columns=EVIDENCE_COLUMNS).astype(
        {"year": "int64", "value": "float64", "value_max": "float64", "doc_id": "int64", "span_start": "int64",
         "span_end": "int64"}).sort_values(["region", "year", "variable"]).reset_index(drop=True)
    variables = [name_of(i, s) for i in tables for s in PANEL_STATUSES[status]]
    levels = evidence.drop_duplicates("region").set_index("region")["level"]
    wide = (evidence.pivot(index=["region", "year"], columns="variable", values="value")
            .reindex(columns=variables).reset_index() if len(evidence)
            else pd.DataFrame(columns=["region", "year", *variables]))
    wide.insert(1, "level", wide["region"].map(levels))
    wide.columns.name = None
    return wide.astype({"year": "int64", **{v: "float64" for v in variables}}), evidence


__all__ = ["APPROX_TOLERANCE", "PANEL_STATUSES", "EVIDENCE_COLUMNS", "panel", "Cues", "cues", "commitment", "absent_statement", "met", "result",
           "target_direction", "multi_year", "headline",
           "pick_targets", "pick_outcomes", "targets", "with_parent", "series"]
