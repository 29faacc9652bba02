"""zhibiao.sections: heading tree, roles, offsets into the exact text."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhibiao.sections import BOX_LEVEL, LOOKBACK_LEVEL, PART_LEVEL, TARGETS_LEVEL, at, cues, outline, role_of

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ROLES = {"review", "targets", "plans", "government", "other"}

REPORT = """青川市2031年政府工作报告

各位代表：

一、2030年工作回顾

　　过去一年，全市生产总值增长6.1%。

（一）产业升级取得新进展。新建工厂12家。

六是全面加强政府建设，行政效能提升。

二、2031年经济社会发展总体要求和政策取向

今年发展主要预期目标是：

地区生产总值增长6%左右；城镇新增就业3万人以上。

提出上述预期目标，综合考虑了各方面因素。

我们将坚持稳中求进。

三、2031年政府工作任务

（一）扩大有效投资。新建学校8所。

1. 稳定粮食生产。粮食产量稳定在30万吨以上。

（二）加强政府自身建设。

四、其他事项
"""


def by_heading(sections):
    return {s.heading: s for s in sections}


def test_data_file_is_consistent():
    c = cues()
    assert set(c.role_of.values()) <= ROLES
    assert c.numbered.groups == 4
    assert c.max_box < c.max_heading


def test_outline_tree_roles_and_offsets():
    secs = outline(REPORT)
    heads = by_heading(secs)
    assert heads["一、2030年工作回顾"].role == "review" and heads["一、2030年工作回顾"].level == 1
    assert heads["（一）产业升级取得新进展"].path == ("一、2030年工作回顾", "（一）产业升级取得新进展")
    assert heads["（一）产业升级取得新进展"].role == "review"
    assert heads["六是全面加强政府建设，行政效能提升"].role == "review"  # reviewing government work
    assert heads["二、2031年经济社会发展总体要求和政策取向"].role == "targets"
    assert heads["三、2031年政府工作任务"].role == "plans"
    assert heads["1. 稳定粮食生产"].path == ("三、2031年政府工作任务", "（一）扩大有效投资", "1. 稳定粮食生产")
    assert heads["1. 稳定粮食生产"].role == "plans"
    assert heads["（二）加强政府自身建设"].role == "government"
    assert heads["四、其他事项"].role == "other"
    for s in secs:
        assert REPORT[s.start:s.start + len(s.heading)] == s.heading
        assert s.start < s.end <= len(REPORT) and s.role in ROLES
    assert secs == tuple(sorted(secs, key=lambda s: (s.start, s.level)))
    review = heads["一、2030年工作回顾"]
    assert review.end == REPORT.index("二、2031年")


def test_a_look_back_inside_plans_is_review_until_the_year_turns():
    text = ("三、2031年政府工作任务\n\n2031年是开局之年。过去一年，全市生产总值增长6.1%，新建学校12所。"
            "新的一年，要新建学校15所。\n\n下一段新建医院3所。\n")
    secs = outline(text)
    look = [s for s in secs if s.level == LOOKBACK_LEVEL]
    assert [(s.heading, s.role) for s in look] == [("过去一年", "review")]
    assert text[look[0].start:look[0].end] == "过去一年，全市生产总值增长6.1%，新建学校12所。"
    assert at(secs, text.index("12所")).role == "review"
    assert at(secs, text.index("15所")).role == "plans" and at(secs, text.index("3所")).role == "plans"


def test_list_items_in_a_paragraph_are_not_headings():
    text = ("一、2030年工作回顾\n\n主要措施是：\n一、节约能源，降低消耗；\n二、改革产品结构；\n\n"
            "二、2031年主要任务\n\n一、稳定增长\n")
    assert [s.heading for s in outline(text)] == ["一、2030年工作回顾", "二、2031年主要任务"]


def test_targets_paragraph_and_its_explanation_form_a_targets_section():
    block = by_heading(outline(REPORT))["今年发展主要预期目标"]
    assert block.role == "targets" and block.level == TARGETS_LEVEL
    covered = REPORT[block.start:block.end]
    assert covered.startswith("今年发展主要预期目标是：")
    assert covered.endswith("提出上述预期目标，综合考虑了各方面因素。")
    assert "稳中求进" not in covered


def test_targets_paragraph_inside_a_review_section_is_targets():
    text = "一、2030年工作回顾和2031年工作的总体要求\n\n过去一年增长6%。\n\n今年经济社会发展的主要预期目标是：增长6%左右。\n\n下一段。\n"
    secs = outline(text)
    assert secs[0].role == "review"
    assert at(secs, text.index("6%左右")).role == "targets"
    assert at(secs, text.index("下一段")).role == "review"


def test_targets_paragraph_in_ocr_text_with_line_breaks():
    text = ("二、2031年总体要求\n\n今年发展主要预期\n目标是：地区生产总值\n增长6%左右；城镇新增\n就业3万人以上。\n\n"
            "提出上述预期目标，综合考\n虑了各方面因素。\n\n我们将坚持\n稳中求进。\n")
    block = [s for s in outline(text) if s.level == TARGETS_LEVEL]
    assert len(block) == 1
    assert text[block[0].start:block[0].end].endswith("综合考\n虑了各方面因素。")
    assert block[0].heading == "今年发展主要预期目标"


def test_infographic_boxes():
    text = "2031年政府工作报告摘录\n\n2030年工作回顾\n\n五大亮点\n\n经济运行向好\n\n初步预计全年增长 6.3%\n\n11.44 万人脱贫\n"
    heads = by_heading(outline(text))
    assert heads["2030年工作回顾"].level == PART_LEVEL and heads["2030年工作回顾"].role == "review"
    assert heads["五大亮点"].level == BOX_LEVEL and heads["五大亮点"].path == ("2030年工作回顾", "五大亮点")
    assert heads["经济运行向好"].role == "review"
    assert "11.44 万人脱贫" not in heads and "初步预计全年增长 6.3%" not in heads


@pytest.mark.parametrize("heading, role", [
    ("一、2030年工作回顾", "review"), ("过去五年的回顾", "review"),
    ("二、2031年经济社会发展总体要求和政策取向", "targets"), ("三、2031年政府工作任务", "plans"),
    ("二、2031年主要任务", "plans"), ("（十）加强政府自身建设", "government"), ("关于国内建设", None),
    # the cue that ends later is the phrase's head
    ("三、2031年主要工作", "plans"), ("一、2030年主要工作回顾", "review"),
    ("附件：2031年十件民生实事", "plans"),
    ("二、今后五年的基本设想", "plans"),  # a plan's horizon: its figures are the plan's
    ("（三）2031年青川市各部门发展计划的安排", "plans"),  # the older reports' wording of 计划安排
    ("十六五计划前两年的执行情况", "review"),  # how a plan was carried out, told inside the plan's part (langn8)
    ("全面实现十六五计划的主要措施", "plans"),  # and the measures after it are the plan's again
], ids=lambda v: str(v))
def test_role_of(heading, role):
    assert role_of(heading) == role


def test_long_numbered_line_is_a_paragraph_not_a_heading():
    text = "一、" + "这是一个很长的段落" * 10 + "。\n"
    assert outline(text) == ()


def test_at_returns_innermost():
    secs = outline(REPORT)
    assert at(secs, REPORT.index("新建学校8所")).heading == "（一）扩大有效投资"
    assert at(secs, 0) is None or at(secs, 0).level == BOX_LEVEL


def _gold_targets():
    for gold in sorted((SHARED / "gold" / "dev").glob("*.json")):
        g = json.loads(gold.read_text(encoding="utf-8"))
        offsets = [r["span"][0] for r in g["records"] if r["status"] == "target"]
        if offsets:
            yield (SHARED / g["source"]).read_text(encoding="utf-8"), offsets


# A quality gate, not a list of answers: the share of the dev gold's targets that the outline
# puts in a targets or plans section. Raise it when the outline improves, never lower it.
# Misses today: the two-column gazette page, whose targets paragraph alternates with the other column,
# and programmes launched in a review (实施两年新增4万亿元的投资计划), which open no section of their own
# (that rule fitted dev sentences); their status has to come from the sentence.
SECTION_TARGETS_MINIMUM = 0.90


@pytest.mark.e2e
@pytest.mark.skipif(not (SHARED / "gold" / "dev").exists(), reason="../shared is missing")
def test_gold_targets_lie_in_targets_or_plans_sections():
    inside = total = 0
    for text, offsets in _gold_targets():
        sections = outline(text)
        for offset in offsets:
            section = at(sections, offset)
            inside += section is not None and section.role in ("targets", "plans")
            total += 1
    assert total and inside / total >= SECTION_TARGETS_MINIMUM, (inside, total)


def test_a_plan_named_in_the_review_stays_in_the_review():
    """A clause that names a programme while reporting on last year opens no section of its own."""
    text = ("一、2025年工作回顾\n\n过去一年，全市地区生产总值增长6%。启动实施新增50亿斤粮食产能建设规划，"
            "完成投资80亿元。\n\n二、2026年重点工作\n\n")
    sections = outline(text)
    assert {at(sections, text.index(v)).role for v in ("50亿斤", "80亿元", "6%")} == {"review"}


def test_a_page_that_prints_the_report_twice_gets_both_outlines():
    copy = "一、2030年工作回顾\n全市地区生产总值增长5.1%。\n二、2031年工作任务\n新建学校3所。\n"
    text = "青川市政府工作报告\n" + copy + "\n" + copy
    roles = [(s.heading, s.role) for s in outline(text) if s.level == 1]
    assert roles == [("一、2030年工作回顾", "review"), ("二、2031年工作任务", "plans")] * 2


def test_a_restarted_count_without_a_role_is_still_a_list_item():
    text = "一、2030年工作回顾\n二、2031年工作任务\n一、加快建设\n"
    assert [s.heading for s in outline(text) if s.level == 1] == ["一、2030年工作回顾", "二、2031年工作任务"]


def test_an_unnumbered_part_title_holds_the_numbered_headings_after_it():
    text = ("2030年工作回顾\n\n全市地区生产总值增长5.1%。\n\n“十六五”时期主要目标和2031年重点工作\n\n"
            "一、加快建设现代化产业体系\n新建产业园区3个。\n二、保障和改善民生\n新建学校5所。\n")
    heads = by_heading(outline(text))
    assert heads["一、加快建设现代化产业体系"].role == "targets"
    assert heads["二、保障和改善民生"].path[0] == "“十六五”时期主要目标和2031年重点工作"


@pytest.mark.parametrize("text", ["十十、十十、十十、", "（十十）青川市\n百百、加快建设\n", "二十一、加快建设\n"])
def test_a_numbering_that_reads_as_no_number_is_no_error(text):
    assert isinstance(outline(text), tuple)


def test_a_review_of_a_plans_first_years_inside_its_part_ends_at_the_measures():
    """langn8: the plan's part holds a box that reports how its first years went, then the measures to carry it out."""
    text = ("第十六个五年计划的基本任务\n\n全市生产总值计划增长30%。\n\n十六五计划前两年的执行情况\n\n"
            "全市生产总值2031年增长5%。\n\n全面实现十六五计划的主要措施\n\n新建学校20所。\n")
    sections = outline(text)
    assert [at(sections, text.index(v)).role for v in ("30%", "5%", "20所")] == ["plans", "review", "plans"]
