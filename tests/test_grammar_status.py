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
    return {(r.metric, r.value): (r.status, dict(r.to_dict()["trace"])["status"]) for r in extract(text)}


@pytest.mark.parametrize("metric, value, status", [
    ("上级资金超", 3e9, "actual"),  # 争取 in a review: secured
    ("新增省级产业集群", 3, "actual"),
    ("项目入选国家重点研发计划", 7, "actual"),  # a programme named in the review
    ("主要指标", 22, "actual"),  # a count of the plan itself
    ("约束性指标", 6, "actual"),
    ("地区生产总值", 5, "target"),
    ("新增省级产业集群", 2, "target"),  # a plain figure in the year's work section
    ("上级资金", 4e9, "target"),  # 争取 ahead: a goal
])
def test_status_from_the_structure_of_the_report(metric, value, status):
    got = {(m.removeprefix("纲要提出").removeprefix("争取"), v): s for (m, v), (s, _) in statuses(REPORT).items()}
    assert got[(metric, value)] == status


def test_both_copies_of_a_report_printed_twice_get_the_same_statuses():
    once = [(r.metric, r.value, r.status) for r in extract(REPORT)]
    body = REPORT.split("\n", 1)[1]
    twice = [(r.metric, r.value, r.status) for r in extract(REPORT + "\n" + body)]
    assert twice == once + once


def test_the_trace_names_the_status_rule():
    rules = {k: rule for k, (_, rule) in statuses(REPORT).items()}
    assert rules[("纲要提出主要指标", 22)] == ["status.count_of_the_plan_itself"]
    assert rules[("新增省级产业集群", 2)] == ["status.section_plans"]
