"""Values as people write them: the table's form and the chart's short form."""
import numpy as np
import pandas as pd
import pytest

from zhibiao import display

HUMAN = [  # value, unit, value_max -> as a table shows it
    (1.26e14, "元", None, "126万亿元"),
    (5.2, "%", None, "5.2%"),
    (6, "%", 6.5, "6–6.5%"),
    (35000, "人", None, "3.5万人"),
    (2.5e8, "元", 3e9, "2.5–30亿元"),  # one magnitude word for both ends
    (1.5, "百分点", None, "1.5百分点"),  # a ratio never takes a magnitude word
    (123456789, None, None, "1.23457亿"),
    (None, "%", None, ""),
    (float("nan"), "元", None, ""),
    (pd.NA, "元", None, ""),  # a value a DataFrame lacks, as pandas' nullable columns hand it back
    (5.0, "%", pd.NA, "5%"),
]


@pytest.mark.parametrize("value, unit, value_max, shown", HUMAN)
def test_human(value, unit, value_max, shown):
    assert display.human(value, unit, value_max) == shown


SHORT = [  # value -> as a chart tick or a narrow column shows it
    (123456789, "1.235亿"),
    (1.26e14, "126万亿"),
    (-3.45678e9, "-34.57亿"),
    (12345, "1.234万"),
    (5.2, "5.2"),
    (0.30000000000000004, "0.3"),
    (0, "0"),
    (None, ""),
]


@pytest.mark.parametrize("value, shown", SHORT)
def test_short(value, shown):
    assert display.short(value) == shown


@pytest.mark.parametrize("value, digits", [(126000000000000.0, "126000000000000"), (5.2, "5.2"), (-0.3, "-0.3"),
                                           (1e-7, "0.0000001"), (None, "")])
def test_number_is_plain_digits(value, digits):
    assert display.number(value) == digits


MISSING = [  # value -> whether a field holds no value (records.missing, the one test for it)
    (None, True), (float("nan"), True), (np.float64("nan"), True), (pd.NA, True),
    (0, False), (0.0, False), ("", False), ("nan", False), (False, False), ([], False),
]


@pytest.mark.parametrize("value, gone", MISSING)
def test_missing_is_none_nan_or_na_and_nothing_else(value, gone):
    from zhibiao.records import missing

    assert missing(value) is gone
