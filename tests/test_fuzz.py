"""Fuzzing the text path with a small budget: no exception, spans inside the input, finite values,
strict JSON and bounded time on any text. benchmarks/fuzz.py runs the same fuzzer at scale."""
from __future__ import annotations

import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzzing
from zhibiao import metadata, repair


# Inputs extraction once read in more than linear time (issue 13): repeated values, numeral runs,
# sentences with no breaks.
SLOW = {
    "numeral run": "百" * 4000,
    "增长5% repeated": fuzzing.PATTERNS["增长5% repeated"](8000),
    "no sentence breaks": fuzzing.PATTERNS["seeds without punctuation"](40_000),
}

fuzzing.warm_up()


FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", sorted(fuzzing.GENERATORS))
@FUZZ
@given(data=st.data())
def test_fuzzed_text_breaks_nothing(name, data):
    rng = data.draw(st.randoms(use_true_random=False))
    n = data.draw(st.integers(1, 2000))
    text = fuzzing.GENERATORS[name](rng, n)
    problems, _, _ = fuzzing.check(text)
    assert not problems, (problems[:3], text[:200])


@FUZZ
@given(text=st.text(alphabet=st.sampled_from(list(fuzzing.NUMBER_ALPHABET + fuzzing.ZERO_WIDTH + "。\n青川市增长")),
                    max_size=1500))
def test_any_text_of_number_characters_breaks_nothing(text):
    problems, _, _ = fuzzing.check(text)
    assert not problems, problems[:3]


def test_mutation_fuzzer_breaks_nothing():
    failures = []
    for name, text in fuzzing.inputs(seed=13, count=300, max_chars=3000):
        problems = fuzzing.check(text)[0]
        if problems:
            failures.append((name, problems[0], text[:80]))
    assert not failures, failures[:3]


def test_the_checker_finds_what_it_looks_for(monkeypatch):
    """The fuzzer's own test: a broken extraction must be caught, or the properties prove nothing."""
    import zhibiao
    from zhibiao.records import Indicator, Span

    good = zhibiao.extract_document

    def broken(doc):
        records = good(doc)
        r = records[0]
        bad_span = Indicator(**{**{f: getattr(r, f) for f in r.__dataclass_fields__},
                                "span": Span(r.span.start, r.span.end + 1, r.span.text)})
        bad_value = Indicator(**{**{f: getattr(r, f) for f in r.__dataclass_fields__}, "value": float("inf")})
        return [bad_span, bad_value]

    monkeypatch.setattr(zhibiao, "extract_document", broken)
    kinds = {p.kind for p in fuzzing.check(fuzzing.SEEDS[0])[0]}
    assert kinds == {"span", "value"}
    monkeypatch.undo()
    assert [p.kind for p in fuzzing.check("增长5%" * 10, budget=1e-6)[0]] == ["time"]


def test_a_run_of_chinese_numerals_is_no_exception():
    problems, _, _ = fuzzing.check("全市完成投资" + "九" * 400 + "亿元。")
    assert not problems, problems


def test_a_huge_digit_string_is_no_infinite_value():
    problems, _, _ = fuzzing.check("全市地区生产总值达到" + "9" * 400 + "元。")
    assert not problems, problems


@pytest.mark.parametrize("name", sorted(SLOW))
def test_hostile_patterns_stay_within_the_budget(name):
    problems, _, _ = fuzzing.check(SLOW[name])
    assert not [p for p in problems if p.kind == "time"], problems


# --- linear cost of the stages this branch made linear --------------------------------------
# Not timing asserts: the ratio of costs at two sizes tells linear (16x) from quadratic (256x)
# whatever the machine's speed.

def _growth(fn, unit: str, small: int, factor: int = 16) -> float:
    def cost(n: int) -> float:
        text = (unit * (n // len(unit) + 1))[:n]
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            fn(text)
            best = min(best, time.process_time() - start)
        return max(best, 1e-4)

    fn(unit * 4)  # warm up lazy data
    return cost(small * factor) / cost(small)


def test_repair_of_one_long_line_with_many_gaps_grows_linearly():
    assert _growth(repair.repair, "青川市 地区 生产 总值 ", 25_000) < 64


def test_metadata_on_a_long_run_of_digits_grows_linearly():
    assert _growth(metadata.detect, "1", 5_000) < 64


def test_a_long_metric_before_an_alias_is_judged_at_once():
    from zhibiao import canonical

    metric = "地区生产" * 40 + "总值"  # no scope words: the prefix is refused, not backtracked through
    start = time.process_time()
    assert canonical.match(metric, "%", "change") is None
    assert time.process_time() - start < 5  # a generous budget: the nested repeats grew exponentially here
    assert canonical.match("2031年全省地区生产总值", "%", "change") == "gdp"


def test_fuzz_inputs_are_reproducible():
    assert list(fuzzing.inputs(3, 20, 500)) == list(fuzzing.inputs(3, 20, 500))
    assert {name for name, _ in fuzzing.inputs(3, 12, 500)} == set(fuzzing.GENERATORS)
    assert all(len(fuzzing.PATTERNS[p](1000)) == 1000 for p in fuzzing.PATTERNS)
    rng = random.Random(0)
    assert all(len(gen(rng, 50)) > 0 for gen in fuzzing.GENERATORS.values())


# --- shortcuts for dense runs of values change no record --------------------------------------
# Each shortcut skips work whose outcome is known; the records must be those of the full reading.

SHORTCUT_CASES = [
    "%5" * 300,  # no words at all: every group dropped
    "成六" * 300,  # values side by side: the metric carried
    "增长5%" * 200,
    "青川市建成12个口袋公园、300个和美村庄。",  # a list item after a value: nothing left before it
    "%5个项目%5，3家企业、4所学校。",  # a noun after the value names it
    "青川市地区生产总值增长6.5%、7.1%，城镇新增就业3.2万人5万户。",
]


def _records(text: str) -> list[dict]:
    import zhibiao
    from zhibiao.load import load_text

    return [r.to_dict() for r in zhibiao.extract_document(load_text(text, "<test>"))]


def _full_reading(monkeypatch) -> None:
    from zhibiao.grammar import metric

    monkeypatch.setattr(metric, "wordless", lambda *args: None)


@pytest.mark.parametrize("text", SHORTCUT_CASES)
def test_the_wordless_shortcut_changes_no_record(monkeypatch, text):
    fast = _records(text)
    _full_reading(monkeypatch)
    assert fast == _records(text)


def test_the_wordless_shortcut_changes_no_record_on_fuzzed_text(monkeypatch):
    texts = [text for _, text in fuzzing.inputs(seed=29, count=240, max_chars=1500)]
    fast = [_records(t) for t in texts]
    _full_reading(monkeypatch)
    assert [i for i, t in enumerate(texts) if _records(t) != fast[i]] == []


# --- a wordless run's values after its first are not read: no other record changes ---------------

RUN_CASES = [
    "青川市" + "六成" * 60 + "，城镇新增就业3.2万人，增长5%。",
    "青川市粮食产量" + "、".join(["5万吨"] * 60) + "。全年新建学校12所。",
    "6亿一" * 80 + "\n青川市地区生产总值增长6.5%。",
]


def _without_trace(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "trace"} for r in records]


def _drops_only(monkeypatch, texts: list[str]) -> list[int]:
    """The texts whose records are not those of the full reading less some of the runs' values."""
    from zhibiao.grammar import quantities

    fast = [_without_trace(_records(t)) for t in texts]
    monkeypatch.setattr(quantities, "wordless_runs", lambda *args: [])
    full = [_without_trace(_records(t)) for t in texts]
    return [i for i, (f, g) in enumerate(zip(fast, full)) if any(r not in g for r in f) or len(f) > len(g)]


@pytest.mark.parametrize("text", RUN_CASES)
def test_a_wordless_run_drops_its_values_and_changes_no_other_record(monkeypatch, text):
    fewer = len(_records(text))
    assert _drops_only(monkeypatch, [text]) == []
    assert fewer < len(_records(text))  # the full reading, still patched, reads every value of the run


def test_a_wordless_run_changes_no_other_record_on_fuzzed_text(monkeypatch):
    assert _drops_only(monkeypatch, [text for _, text in fuzzing.inputs(seed=29, count=240, max_chars=1500)]) == []
