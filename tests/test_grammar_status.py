"""Step 7, status: from cues in the sentence, then the section, on an invented report of an invented city."""
import pytest

from zhibiao import extract

REPORT = """青川市人民政府工作报告
一、2030年工作回顾
过去一年，争取上级资金超30亿元，新增省级产业集群3个，7个项目入选国家重点研发计划。
二、“十六五”时期主要目标
纲要提出22项主要指标，其中6项约束性指标。到2035年，地区生产总值年均增长5%左右。
三、2031年主要工作
新增2个省级产业集群，争取上级资金40亿元。
"""


def statuses(text):
    return {r.value: (r.status, dict(r.to_dict()["trace"])["status"]) for r in extract(text)}


@pytest.mark.parametrize("words, value, status", [
    ("争取上级资金超30亿元", 3e9, "actual"),  # 争取 in a review: secured
    ("新增省级产业集群3个", 3, "actual"),
    ("7个项目入选国家重点研发计划", 7, "actual"),  # a programme named in the review
    ("纲要提出22项主要指标", 22, "actual"),  # a count of the plan itself
    ("其中6项约束性指标", 6, "actual"),
    ("地区生产总值年均增长5%左右", 5, "target"),
    ("新增2个省级产业集群", 2, "target"),  # a plain figure in the year's work section
    ("争取上级资金40亿元", 4e9, "target"),  # 争取 ahead: a goal
])
def test_status_from_the_structure_of_the_report(words, value, status):
    assert words in REPORT
    got = {r.value: r.status for r in extract(REPORT)}
    assert got[value] == status


def test_both_copies_of_a_report_printed_twice_get_the_same_statuses():
    once = [(r.metric, r.value, r.status) for r in extract(REPORT)]
    body = REPORT.split("\n", 1)[1]
    twice = [(r.metric, r.value, r.status) for r in extract(REPORT + "\n" + body)]
    assert twice == once + once


def test_the_trace_names_the_status_rule():
    rules = {k: rule for k, (_, rule) in statuses(REPORT).items()}
    assert rules[22] == ["status.count_of_the_plan_itself"]
    assert rules[2] == ["status.section_plans"]
    assert rules[3e9] == ["status.no_target_cue"]  # 争取 in the review was no cue


def test_a_goal_named_in_the_clause_before_sets_a_target():
    text = "综合考虑各方面条件，今年全市经济增长速度的调控目标，定为百分之七。"
    assert statuses(text)[7.0] == ("target", ["status.goal_named_before"])
    done = "去年全市粮食产量达到500万吨，实现了年初确定的目标，增长3%。"
    assert statuses(done)[3.0][0] == "actual"
