"""Writing files whole or not at all, and CSV for programs and for Excel."""
import io
import os

import pandas as pd
import pytest

from zhibiao import output
from zhibiao.errors import InputError


def test_a_file_is_written_whole_beside_itself_and_renamed(tmp_path):
    path = tmp_path / "青川.csv"
    with output.opened(path) as out:
        out.write("a,b\n")
        assert not path.exists() and len(list(tmp_path.iterdir())) == 1  # the partial file, beside it
    assert path.read_text(encoding="utf-8") == "a,b\n" and list(tmp_path.iterdir()) == [path]


def test_a_write_that_fails_leaves_the_old_file_and_no_partial_one(tmp_path):
    path = tmp_path / "names.json"
    path.write_text('{"a.txt": "青川.txt"}', encoding="utf-8")
    with pytest.raises(RuntimeError):
        with output.atomic(path) as partial:
            partial.write_text('{"b.txt": "ha', encoding="utf-8")
            raise RuntimeError("the writer failed half way")
    assert path.read_text(encoding="utf-8") == '{"a.txt": "青川.txt"}' and list(tmp_path.iterdir()) == [path]


def test_a_rename_that_fails_leaves_the_old_file_and_no_partial_one(tmp_path, monkeypatch):
    path = tmp_path / "names.json"
    path.write_text("old", encoding="utf-8")

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        with output.opened(path) as out:
            out.write("new")
    assert path.read_text(encoding="utf-8") == "old" and list(tmp_path.iterdir()) == [path]


def test_a_missing_folder_is_one_input_error(tmp_path):
    with pytest.raises(InputError, match="no such folder"):
        with output.atomic(tmp_path / "missing" / "x.dta"):
            pytest.fail("the block ran")


@pytest.mark.parametrize("bom, start", [(False, "region,year"), (True, "\ufeffregion,year")])
def test_a_frame_as_csv(bom, start):
    out = io.StringIO()
    output.write_frame_csv(pd.DataFrame({"region": ["青川"], "year": [2031]}), out, bom=bom)
    assert out.getvalue() == start + "\n青川,2031\n"


@pytest.mark.parametrize("bom", [False, True])
def test_rows_as_csv(bom):
    out = io.StringIO()
    output.write_csv([{"metric": "粮食产量", "value": 41.5}], out, bom=bom)
    assert out.getvalue() == ("\ufeff" if bom else "") + "metric,value\r\n粮食产量,41.5\r\n"


VALUE_CELLS = [  # (value, unit, value_max) -> (as people write it, the base value): a blank of any kind is ""
    ((5.5, "%", None), ("5.5%", "5.5")),
    ((None, "万吨", None), ("", "")),
    ((float("nan"), "%", None), ("", "")),
    ((pd.NA, "%", None), ("", "")),
    (("nan", "%", None), ("", "")),  # text that float() reads as NaN is no value either
    (("四十", "%", None), ("", "")),
    ((3, "万吨", pd.NA), ("3万吨", "3")),
    ((3, float("nan"), None), ("3", "3")),  # a frame's blank unit
]


@pytest.mark.parametrize("given, cells", VALUE_CELLS)
def test_value_cells_blank_every_kind_of_missing_value(given, cells):
    assert output.value_cells(*given) == cells


def test_the_missing_value_test_output_uses_is_records_public_one():
    from zhibiao import records

    public = {n for n, v in vars(records).items() if getattr(v, "__module__", None) == records.__name__
              and not n.startswith("_")}
    assert public <= set(records.__all__)
    assert output.missing is records.missing
