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
    ("web-page-chrome", "首页 | 政务公开 | 国务院信息 | 2032年部门预算 | 网站地图\n" + "栏目导航 | " * 120
     + "\n政府工作报告\n——2031年1月20日在云岭省第十四届人民代表大会第五次会议上\n各位代表：\n"
       "现在，我代表省人民政府，向大会报告工作。过去一年，在党中央、国务院坚强领导下，全省经济增长5%。"
       "全国国内生产总值增长5%。展望2035年，云岭全省人均地区生产总值翻一番。",
     {"level": "provincial", "region": "云岭", "year": 2031, "reviewed_year": 2030, "date": "2031-01-20"}),
    ("bare-level-speaker", "各位代表：\n我代表自治区人民政府，向大会报告工作。\n一、2030年工作回顾\n"
     "过去一年，宁夏全区经济增长5%。宁夏坚决贯彻党中央、国务院决策部署。",
     {"government": "宁夏回族自治区人民政府", "level": "provincial", "region": "宁夏", "year": 2031}),
    ("autonomous-region-delivery-line", "——2031年1月20日在新疆维吾尔自治区第十四届人民代表大会第五次会议上\n"
     "现在，我代表自治区人民政府，向大会报告工作。到2035年，全区基本实现现代化。",
     {"government": "新疆维吾尔自治区人民政府", "level": "provincial", "region": "新疆", "year": 2031}),
    ("printed-twice", ("政府工作报告\n——2031年2月1日在青川市第九届人民代表大会第二次会议上\n"
                       "我代表市人民政府作报告。全市生产总值增长6%，全国增长5%，国务院部署。\n") * 2,
     {"level": "city", "region": "青川", "year": 2031}),
    ("national-delivery-line", "——2031年3月5日在第十五届全国人民代表大会第二次会议上\n各位代表：……",
     {"government": "国务院", "level": "national", "region": "全国", "year": 2031}),
    ("session-on-a-later-line", "各位代表：\n\n现在，我代表国务院，\n向第十四届全国人民代表大会第三次会议作报告。",
     {"level": "national", "year": 2025}),
    ("review-heading-below-its-numeral", "我代表松溪县人民政府作报告。\n\n一、\n2029年工作回顾\n\n全县生产总值增长7%。",
     {"year": 2030, "reviewed_year": 2029}),
    ("digits-before-a-year-make-no-year", "我代表松溪县人民政府作报告。档案编号12029年，卷宗12029年。",
     {"year": None}),
    ("delivery-line-after-a-number", "——12031年1月20日在青川市第九届人民代表大会第二次会议上\n",
     {"date": None}),
    ("bare-level-then-a-place", "我代表县人民政府作报告。\n随后松溪县副县长说：我代表松溪县人民政府致谢。",
     {"government": "松溪县人民政府", "level": "county", "region": "松溪"}),  # one character names no place
    ("first-head-date-dates-it", "——2031年1月20日在青川市第九届人民代表大会第二次会议上\n"
     "（2031年2月3日在市人大常委会第五次会议上修改）\n", {"date": "2031-01-20", "year": 2031}),
    ("autonomous-prefecture-speaker", "我代表青川彝族自治州人民政府作报告。全州生产总值增长6%。",
     {"government": "青川彝族自治州人民政府", "level": "city", "region": "青川"}),
    ("autonomous-prefecture-of-two-peoples", "我代表青川苗族侗族自治州人民政府作报告。",
     {"government": "青川苗族侗族自治州人民政府", "region": "青川"}),
    ("autonomous-prefecture-people-without-zu", "我代表松溪哈萨克自治州人民政府作报告。", {"region": "松溪"}),
    ("autonomous-county-of-one-people", "我代表松溪回族自治县人民政府作报告。", {"level": "county", "region": "松溪"}),
    ("one-character-left-keeps-the-peoples", "我代表黎水族自治县人民政府作报告。", {"region": "黎水族"}),
    ("autonomous-county-named-most", "2031年松溪自治县人民政府工作报告\n\n松溪自治县人民政府着力稳增长。",
     {"government": "松溪自治县人民政府", "level": "county", "year": 2031}),
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


# The 10 dev provincial pages: navigation chrome, a report printed twice, a two-column gazette.
PROVINCIAL = {"AH": "安徽", "GS": "甘肃", "GX": "广西", "HA": "河南", "HI": "海南", "JS": "江苏", "JX": "江西",
              "NM": "内蒙古", "QH": "青海", "SN": "陕西"}


@pytest.mark.e2e
@pytest.mark.skipif(not (SHARED / "corpus" / "provincial").exists(), reason="../shared is missing")
@pytest.mark.parametrize("code", sorted(PROVINCIAL))
def test_provincial_corpus(code):
    path = SHARED / "corpus" / "provincial" / f"2026_{code}.txt"
    meta = detect(path.read_text(encoding="utf-8"))
    assert (meta.get("region"), meta.get("level"), meta.get("year"), meta.get("reviewed_year")) == \
        (PROVINCIAL[code], "provincial", 2026, 2025)


def test_a_year_before_the_government_is_no_part_of_its_name():
    meta = detect("2031年青川市人民政府工作报告\n\n青川市地区生产总值增长6.2%。")
    assert (meta.get("region"), meta.get("level"), meta.get("year")) == ("青川", "city", 2031)
