"""The records that cross stage boundaries: built fast, yet frozen, checked and shaped as their fields say."""
from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from zhibiao.records import Indicator, Period, Quantity, Span

BUILT_FAST = (Span, Quantity, Period, Indicator)


@pytest.mark.parametrize("cls", BUILT_FAST)
def test_the_constructor_takes_the_fields_in_order_with_their_defaults(cls):
    params = list(inspect.signature(cls).parameters.values())
    assert [(p.name, p.default) for p in params] == [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(cls)]


def _indicator(**changes) -> Indicator:
    value = Span(3, 5, "3%")
    fields = dict(metric="青川市粮食产量", value=3.0, value_max=None, unit="%", kind="change", direction="up",
                  modifier="exact", status="actual", span=value, evidence=Span(0, 5, "青川增长3%"))
    return Indicator(**{**fields, **changes})


def test_a_record_keeps_what_it_was_given_and_its_defaults():
    r = _indicator(period=Period(2024, 2024), trace=(("status", "status", "no_target_cue"),))
    assert (r.metric, r.value, r.span, r.period, r.trace) == (
        "青川市粮食产量", 3.0, Span(3, 5, "3%"), Period(2024, 2024), (("status", "status", "no_target_cue"),))
    assert (r.canonical, r.cue, r.confidence, r.section, r.flags) == (None, None, 1.0, None, ())
    assert Quantity(12.0, None, "所", "exact", Span(0, 3, "12所")).cue is None


def test_records_stay_frozen_equal_and_hashable():
    r = _indicator()
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.metric = "别的"  # type: ignore[misc]
    assert r == _indicator() and hash(r) == hash(_indicator()) and r != _indicator(value=4.0)
    assert dataclasses.replace(r, status="target").status == "target"
    assert pickle.loads(pickle.dumps(r)) == r  # ingest's workers send records to their parent


def test_a_span_is_still_checked():
    with pytest.raises(ValueError, match="bad span"):
        Span(5, 3, "")
    with pytest.raises(TypeError):
        Span(1, 2)  # type: ignore[call-arg]
