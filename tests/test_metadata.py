"""zhibiao.metadata: issuer, level, region and years of a report, each with its evidence."""
from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from zhibiao import metadata
from zhibiao.metadata import detect, lexicon

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LEVELS = {"national", "provincial", "city", "county"}


def test_data_files_are_consistent():
    lex = lexicon()
    assert len(lex.regions) == 34
    assert len({r.name for r in lex.regions}) == len({r.short for r in lex.regions}) == 34
    assert {r.kind for r in lex.regions} == {"municipality", "province", "autonomous_region",
                                             "special_administrative_region"}
    assert sum(r.kind == "municipality" for r in lex.regions) == 4
    assert all(r.name.startswith(r.short) for r in lex.regions)
    assert set(lex.words["level_suffixes"].values()) <= LEVELS
    assert set(lex.words["scope_words"].values()) <= set(lex.words["level_suffixes"])
    years = [lex.sessions[k] for k in sorted(lex.sessions)]
    assert years == sorted(years) and len(set(years)) == len(years)
    starts = [lex.plans[k] for k in sorted(lex.plans)]
    assert starts == sorted(starts)
    pairs = lex.words["traditional"].split()
    assert all(len(p) == 2 and p[0] != p[1] for p in pairs) and len({p[0] for p in pairs}) == len(pairs)
    with (resources.files("zhibiao") / "data" / "regions.csv").open(encoding="utf-8") as f:
        assert list(csv.DictReader(f))[0].keys() == {"name", "short", "kind"}


CASES = [
    ("city", "青川市2023年政府工作报告\n\n——2023年1月9日在青川市第十六届人民代表大会第三次会议上\n\n"
             "各位代表：\n\n现在，我代表青川市人民政府，向大会报告政府工作。\n\n一、2022年工作回顾\n",
     {"government": "青川市人民政府", "level": "city", "region": "青川", "year": 2023, "reviewed_year": 2022,
      "date": "2023-01-09", "title": "青川市2023年政府工作报告"}),
    ("county", "我代表松溪县人民政府作报告。\n\n一、2029年工作回顾\n\n全县生产总值增长7%。",
     {"government": "松溪县人民政府", "level": "county", "region": "松溪", "year": 2030, "reviewed_year": 2029}),
    ("autonomous-region", "现在，我代表广西壮族自治区人民政府，向大会报告工作。\n\n一、2030年工作回顾\n",
     {"level": "provincial", "region": "广西", "year": 2031}),
    ("municipality", "现在，我代表北京市人民政府，向大会报告工作。\n\n一、2030年工作回顾\n",
     {"level": "provincial", "region": "北京", "year": 2031}),
    ("national-heading", "各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、2030年工作回顾\n\n过去一年……",
     {"government": "国务院", "level": "national", "region": "全国", "year": 2031, "reviewed_year": 2030}),
    ("national-session-traditional", "各位代表：\n\n我代表國務院，向第十四屆全國人民代表大會第五次會議作政府工作報告。",
     {"level": "national", "year": 2027, "reviewed_year": 2026}),
    ("full-width-digits", "各位代表：\n\n现在，我代表国务院向大会作报告。\n\n一、２０３０年国内工作的回顾\n",
     {"level": "national", "year": 2031}),
    ("chinese-numeral-year", "我代表国务院向大会提出关于二〇三〇年国民经济计划的报告，请予审议。",
     {"level": "national", "year": 2030}),
    ("last-year-session", "从去年３月第十四届全国人民代表大会第二次会议到现在，已经一年了。我代表国务院作报告。",
     {"year": 2025}),
    ("infographic", "2031年政府工作报告摘录\n\n2030年工作回顾\n\n重庆经济运行向好，全市生产总值增长6%。",
     {"government": "重庆市人民政府", "level": "provincial", "region": "重庆", "year": 2031, "reviewed_year": 2030}),
    ("nothing", "全文没有任何能说明来源的信息。", {"government": None, "year": None, "level": None}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_detect(text, expected):
    meta = detect(text)
    assert {k: meta.get(k) for k in expected} == expected
    for name in meta.__slots__:
        fact = getattr(meta, name)
        if fact is not None and fact.span is not None:
            assert text[fact.span.start:fact.span.end] == fact.span.text


def test_evidence_of_the_year_is_the_words_that_say_it():
    text = "现在，我代表国务院向大会报告。\n\n一、2030年工作回顾\n"
    assert detect(text).year.span.text == "2030"
    assert detect(text).reviewed_year.span.text == "2030"


def test_small_numbers():
    assert [metadata._small_number(s) for s in ("一", "十", "十四", "二十", "二十三", "7", "百")] == \
        [1, 10, 14, 20, 23, 7, None]


@pytest.mark.e2e
@pytest.mark.skipif(not (SHARED / "corpus" / "national").exists(), reason="../shared is missing")
@pytest.mark.parametrize("path", sorted((SHARED / "corpus" / "national").glob("*.txt")), ids=lambda p: p.stem)
def test_national_corpus(path):
    year = int(path.stem)
    meta = detect(path.read_text(encoding="utf-8"))
    got = {k: meta.get(k) for k in ("government", "level", "region", "year", "reviewed_year")}
    assert got == {"government": "国务院", "level": "national", "region": "全国", "year": year,
                   "reviewed_year": year - 1}


@pytest.mark.e2e
@pytest.mark.skipif(not (SHARED / "corpus" / "seed").exists(), reason="../shared is missing")
def test_seed_infographic():
    meta = detect((SHARED / "corpus" / "seed" / "chongqing-2020-infographic.txt").read_text(encoding="utf-8"))
    assert (meta.get("region"), meta.get("level"), meta.get("year"), meta.get("reviewed_year")) == \
        ("重庆", "provincial", 2020, 2019)


def test_a_year_before_the_government_is_no_part_of_its_name():
    meta = detect("2031年青川市人民政府工作报告\n\n青川市地区生产总值增长6.2%。")
    assert (meta.get("region"), meta.get("level"), meta.get("year")) == ("青川", "city", 2031)
