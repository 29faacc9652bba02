"""tools/dead_entries.py: every entry tried under its full path, and pruned from that list only."""
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import dead_entries  # noqa: E402

# Invented language data: two lists named "after", one "openers" nested before the top-level one.
YAML = """\
magnitudes: {万: 10000}
parts:
  capacity:
    openers: [年产]   # a comment that stays
  rank:
    after: [名, 位]
  session:
    after: [届, 次]
openers: [计划, 在]
suffixes: {涨幅: up, 增速: up}
"""


def test_entries_are_every_word_under_its_full_path_numbers_keys_left_out():
    got = list(dead_entries.entries(yaml.safe_load(YAML)))
    assert got == [(("parts", "capacity", "openers"), "年产"), (("parts", "rank", "after"), "名"),
                   (("parts", "rank", "after"), "位"), (("parts", "session", "after"), "届"),
                   (("parts", "session", "after"), "次"), (("openers",), "计划"), (("openers",), "在"),
                   (("suffixes",), "涨幅"), (("suffixes",), "增速")]


PRUNED = [  # dead entries -> the lines that change, as they read after; entries left for a hand
    ([(("parts", "session", "after"), "次")], {"    after: [届]"}, []),
    ([(("parts", "rank", "after"), "名")], {"    after: [位]"}, []),
    ([(("openers",), "在")], {"openers: [计划]"}, []),
    ([(("parts", "capacity", "openers"), "年产")], {"    openers: []   # a comment that stays"}, []),
    ([(("suffixes",), "涨幅")], set(), [(("suffixes",), "涨幅")]),  # a word map's key: by hand
    ([(("parts", "after"), "届")], set(), [(("parts", "after"), "届")]),  # no such path
]


@pytest.mark.parametrize("dead, changed, left", PRUNED)
def test_pruning_edits_the_list_at_the_entrys_own_path(dead, changed, left):
    text, by_hand = dead_entries.pruned(YAML, dead)
    assert set(text.splitlines()) - set(YAML.splitlines()) == changed
    assert len(text.splitlines()) == len(YAML.splitlines()) and by_hand == left
    yaml.safe_load(text)


@pytest.mark.parametrize("item, files", [
    ("增长", [0, 1]), ("青川", [1]), ("下降", []),  # a word: the files that hold it
    ("(?:增长|下降)", None), (r"\d+年", None),  # a pattern may act anywhere: every file
    ("at_least", None),  # an ASCII name (a modifier a rule yields) is no word of the text
])
def test_a_plain_word_is_tried_only_on_the_files_that_hold_it(item, files):
    views = ["全省生产总值增长6%", "青川市生产总值增长7%"]
    assert dead_entries.files_for(item, views) == files


ONLY = """\
9 entries over 2 files in 3 s: 3 change no output (33%)
  parts.rank.after (2): 名, 位
  openers (1): 在
verified on every file: 1 dead entries, 1 change output after all
  parts.session.after: 次
  gone.key (1): 青川
"""


def test_only_the_entries_a_list_names_are_tried_and_gone_names_reported():
    todo = list(dead_entries.entries(yaml.safe_load(YAML)))
    got, unknown = dead_entries.listed(ONLY, todo)
    assert got == [(("parts", "rank", "after"), "名"), (("parts", "rank", "after"), "位"),
                   (("parts", "session", "after"), "次"), (("openers",), "在")]
    assert unknown == ["gone.key: 青川"]


def test_an_unreadable_list_is_one_line_and_a_non_zero_exit(tmp_path):
    import subprocess
    tool = Path(__file__).resolve().parents[1] / "tools" / "dead_entries.py"
    run = subprocess.run([sys.executable, str(tool), "--only", str(tmp_path / "none.txt")],
                         capture_output=True, text=True)
    assert run.returncode != 0 and len(run.stderr.strip().splitlines()) == 1 and "none.txt" in run.stderr


def test_a_records_trace_is_output_only_with_trace(monkeypatch):
    from zhibiao.lexicon import language
    from zhibiao.load import load_text
    monkeypatch.setattr(dead_entries, "_DOCS", [load_text("青川市地区生产总值增长6%。")])
    monkeypatch.setattr(dead_entries, "_TRACE", False)
    [plain] = dead_entries.output(language())
    monkeypatch.setattr(dead_entries, "_TRACE", True)
    [traced] = dead_entries.output(language())
    assert '"trace"' not in plain and '"trace"' in traced and "地区生产总值" in plain
