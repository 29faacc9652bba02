"""The Python API a notebook uses: text in extract, files in extract_file, frames from records."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

import zhibiao
from zhibiao.errors import InputError
from zhibiao.records import FIELDS

TEXT = "全市地区生产总值增长5.8%，城镇新增就业2.4万人。"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "qc.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_extract_reads_text():
    records = zhibiao.extract(TEXT)
    assert [(r.metric, r.value) for r in records] == [("地区生产总值", 5.8), ("城镇新增就业", 24000.0)]


def test_extract_refuses_a_string_that_names_a_file(report):
    with pytest.raises(InputError, match="extract_file"):
        zhibiao.extract(str(report))
    with pytest.raises(InputError, match="extract_file"):
        zhibiao.extract(report)


@pytest.mark.parametrize("as_path", [str, Path], ids=["str", "Path"])
def test_extract_file_loads_then_extracts(report, as_path):
    records = zhibiao.extract_file(as_path(report))
    assert [r.value_text for r in records] == ["5.8%", "2.4万人"]
    assert all(TEXT[r.span.start:r.span.end] == r.value_text for r in records)


def test_extract_file_of_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="missing.txt"):
        zhibiao.extract_file(tmp_path / "missing.txt")


def test_to_frame_has_the_jsonl_columns():
    records = zhibiao.extract(TEXT)
    for frame in (zhibiao.to_frame(records), records.to_frame(), zhibiao.to_frame([r.to_dict() for r in records])):
        assert list(frame.columns) == list(FIELDS)
        assert frame["value"].tolist() == [5.8, 24000.0] and frame["span"].tolist() == [
            [TEXT.index(v), TEXT.index(v) + len(v)] for v in ("5.8%", "2.4万人")]
    assert list(zhibiao.to_frame([]).columns) == list(FIELDS)


def test_the_package_is_the_folder_inside_the_repository():
    """README, "Layout": from above a clone named zhibiao, Python would find the clone, not the package."""
    assert Path(zhibiao.__file__).parent == REPO / "zhibiao"
    assert "python -c 'import zhibiao' from the folder above" in (REPO / "README.md").read_text(encoding="utf-8")
