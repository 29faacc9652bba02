"""Step 7, status: from cues in the sentence, then the section, on an invented report of an invented city."""
import pytest

from zhibiao import extract
from zhibiao.lexicon import language

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


PLAN = """一、2030年工作回顾
全市新增就业3万人。
二、“十六五”时期主要目标
《纲要（草案）》提出了26个主要指标，其中经济发展类7个、民生福祉类9个，包括6个约束性指标。
纲要设置主要指标共24项，其中约束性指标为5项。纲要提出20项指标，新建40个园区。
纲要明确了青川市发展的目标，并从4方面提出了27个主要指标，其中19个预期性指标、8个约束性指标。
"""


@pytest.mark.parametrize("words, value, status, rule", [
    ("提出了26个主要指标", 26, "actual", "count_of_the_plan_itself"),  # the noun after the count
    ("经济发展类7个", 7, "actual", "part_of_the_plan_itself"),  # the plan's count broken down
    ("民生福祉类9个", 9, "actual", "part_of_the_plan_itself"),
    ("包括6个约束性指标", 6, "actual", "count_of_the_plan_itself"),
    ("设置主要指标共24项", 24, "actual", "count_of_the_plan_itself"),  # the noun before the count
    ("其中约束性指标为5项", 5, "actual", "count_of_the_plan_itself"),
    ("新建40个园区", 40, "target", "section_targets"),  # a verb: a goal of the plan, not a part of it
    # what the plan says of itself stays a fact, though its sentence names the plan's goals (目标)
    ("提出了27个主要指标", 27, "actual", "count_of_the_plan_itself"),
    ("其中19个预期性指标", 19, "actual", "count_of_the_plan_itself"),
    ("8个约束性指标", 8, "actual", "count_of_the_plan_itself"),
])
def test_facts_about_the_plan_itself_are_actual(words, value, status, rule):
    assert words in PLAN
    assert statuses(PLAN)[value] == (status, [f"status.{rule}"])


APPENDIX = """一、2030年工作回顾

过去一年，全市新增就业3万人，12个项目入选国家重点研发计划。

附件

2031年青川市十件民生实事

1.新增普惠托位2000个。

2.改造老旧小区120个。
"""


@pytest.mark.parametrize("value, status", [(3e4, "actual"), (12, "actual"), (2000, "target"), (120, "target")])
def test_an_appendix_of_the_years_practical_projects_is_targets(value, status):
    assert statuses(APPENDIX)[value][0] == status


@pytest.mark.xfail(strict=True, reason="an appendix heading on one line with its label (附件：…民生实事) is no heading")
def test_an_appendix_heading_after_its_label():
    text = APPENDIX.replace("附件\n\n", "附件：")
    assert statuses(text)[2000][0] == "target"


@pytest.mark.xfail(strict=True, reason="a section named for the plan's outline (关于…五年规划纲要) gets no targets role")
def test_a_section_on_the_five_year_plan_outline_is_targets():
    text = ("一、2030年工作回顾\n\n全市新增就业3万人。\n\n二、关于青川市第十六个五年规划纲要（草案）\n\n"
            "全市常住人口城镇化率达到70%。\n")
    assert statuses(text)[70][0] == "target"


@pytest.mark.parametrize("text, value, status", [
    # 目标 in a review is a goal met or named, it sets no target
    ("一、2030年工作回顾\n过去五年，30万人口落户目标顺利实现，棚户区住房改造超过5万套。", 5e4, "actual"),
    ("一、2030年工作回顾\n在提前完成减少审批事项目标的基础上，又取消审批事项16项。", 16, "actual"),
    ("一、2030年工作回顾\n全年城镇新增就业3.2万人，超额完成3万人的预期目标。", 3e4, "target"),  # the goal quoted
    # a cue inside a short quoted name is part of the name
    ("市财政用于“两个确保”的资金达5.9亿元。", 5.9e8, "actual"),
    ("全面落实“三个要”，市财政投入3亿元。", 3e8, "actual"),
    ("确保市财政投入3亿元。", 3e8, "target"),
    # 将 before a number is the disposal 将, not the modal
    ("去年将2.8亿元市级资金纳入直达范围。", 2.8e8, "actual"),
    ("市级资金将达2.8亿元。", 2.8e8, "target"),
], ids=str)
def test_cue_words_that_set_no_target(text, value, status):
    assert statuses(text)[value][0] == status


REVIEW = "一、2030年工作回顾\n"


@pytest.mark.parametrize("words, value, status", [
    ("将养老保险单位缴费比例从18%降至15%", 15, "actual"),  # the disposal 将: what was done
    ("将困难群众补助标准提高到800元", 800, "actual"),
    ("将农村居民人均纯收入2600元作为新的帮扶标准", 2600, "actual"),
    ("将全市困难群众800户纳入低保范围", 800, "actual"),
    # langn9: a long list of objects between the disposal 将 and its verb
    ("包括将青川市下岗职工基本生活费水平、失业保险金水平、城镇居民最低生活保障金水平提高30%", 30, "actual"),
    ("全市地区生产总值将比2020年增长1.5倍", 1.5, "target"),  # the modal 将, then a comparison
    ("市级财政收入将达到45亿元", 4.5e9, "target"),  # the modal 将, then a verb
    ("全市工业增加值将继续增长5%", 5, "target"),
], ids=str)
def test_the_disposal_jiang_in_a_review_says_what_was_done(words, value, status):
    assert statuses(REVIEW + words + "。")[value][0] == status


@pytest.mark.xfail(strict=True, reason="预期目标 in a review stays a cue: a review may also state or quote this year's goals")
def test_a_goal_met_in_a_review_sets_no_target():
    assert statuses("一、2030年工作回顾\n预期目标全面完成，全年城镇新增就业3.2万人。")[3.2e4][0] == "actual"


@pytest.mark.parametrize("text, value, status", [
    ("到本世纪末，全市棉花产量必须达到8万吨。", 8e4, "target"),
    ("全市粮食产量保证达到60万吨。", 6e5, "target"),
    ("努力做到每年增产化肥3万吨。", 3e4, "target"),
    ("今后五年，全市钢产量达到200万吨。", 2e6, "target"),
    ("实现城镇新增就业2万人目标。", 2e4, "target"),  # a goal named right after its value
    ("全市五年计划规定工业产值增长40%。", 40, "target"),  # what a plan sets
    (REVIEW + "全市工业产值超过计划规定的指标12%。", 12, "actual"),  # a plan's figure beaten, in a review
    (REVIEW + "保证了重点工程用钢，全市钢产量达到180万吨。", 1.8e6, "actual"),  # 保证 a need met: no obligation
], ids=str)
def test_older_obligations_and_plan_horizons_are_targets(text, value, status):
    assert statuses(text)[value][0] == status


def test_a_paragraph_on_the_next_five_years_is_targets_after_it_says_so():
    found = statuses(REVIEW + "去年全市粮食产量增长2%。今后五年的条件是好的。全市工业产值平均每年增长6%。")
    assert found[2][0] == "actual" and found[6] == ("target", ["status.targets_paragraph"])


@pytest.mark.parametrize("verb", ["定为", "确定为", "为", "是"])
def test_every_verb_that_sets_a_goal_named_before(verb):
    text = f"综合考虑各方面条件，全市经济增长速度的调控目标，{verb}百分之七。"
    assert statuses(text)[7.0] == ("target", ["status.goal_named_before"])


@pytest.mark.parametrize("word", ["首要", "紧要"])
def test_yao_inside_a_word_is_no_modal(word):
    assert statuses(f"全市{word}任务是新增就业3万人。")[30000.0][0] == "actual"


FACTS_IN_PLAN = """青川市人民政府工作报告
一、过去一年工作回顾
全市生产总值增长5%。
二、今年的主要目标
今年全市生产总值增长6%左右。去年居民消费价格涨幅回落到2.1%，今年物价涨幅控制在3%左右。目前全市财政支出已经超过310亿元，要继续优化结构。全市粮食产量达到520万吨。全市财政收入比去年增长4.5%。
"""


@pytest.mark.parametrize("value, status, rule", [
    (2.1, "actual", "present_fact_in_plan"),  # 去年 opens its clause: a fact quoted in the plan
    (3.1e10, "actual", "present_fact_in_plan"),  # 目前
    (3.0, "target", "modal_cue"),
    (5.2e6, "target", "section_targets"),
    (4.5, "target", "section_targets"),  # 比去年: a comparison frame, no present fact
])
def test_a_present_fact_quoted_in_the_plan_stays_actual(value, status, rule):
    assert statuses(FACTS_IN_PLAN)[value] == (status, [f"status.{rule}"])


@pytest.mark.parametrize("word", language().words("present_fact_openers"))
def test_every_opener_of_a_present_fact(word):
    report = "一、过去一年工作回顾\n全市生产总值增长5%。\n二、今年的主要目标\n" + f"{word}全市财政支出已经超过310亿元。\n"
    assert statuses(report)[3.1e10] == ("actual", ["status.present_fact_in_plan"])


# National prose, second pass (langn2): the year so far, reported in the plan section.
SO_FAR_IN_PLAN = """青川市人民政府工作报告
一、过去一年工作回顾
全市生产总值增长5%。
二、今年的主要目标
今年全市生产总值增长6%左右。一季度全市工业产量比去年同期增长8.3%。到5月份为止，全市完成投资计划的27%。截至4月底，青川港完成货运量1200万吨。全市出口比上年增长4.5%。青川港货运量比去年同期要增长9.5%。
"""


@pytest.mark.parametrize("value, status, rule", [
    (8.3, "actual", "year_so_far_in_plan"),  # 比去年同期: the months gone by
    (27.0, "actual", "year_so_far_in_plan"),  # 到5月份为止 opens the sentence
    (1.2e7, "actual", "year_so_far_in_plan"),  # 截至4月底
    (4.5, "target", "section_targets"),  # 比上年: the whole year, a goal
    (9.5, "target", "modal_cue"),  # a modal before: a goal for the same months
])
def test_the_year_so_far_quoted_in_the_plan_stays_actual(value, status, rule):
    assert statuses(SO_FAR_IN_PLAN)[value] == (status, [f"status.{rule}"])


def test_a_numeral_year_reached_in_a_review_sets_no_goal():
    """到一九五四年 in the 1950s reviews says how far a plan came as often as it sets a goal: only a year in
    digits makes by_a_coming_year."""
    records = extract("全县棉花产量已从一九五〇年的20万担增加到一九五四年的35万担。", year=1954)
    assert [r.status for r in records] == ["actual", "actual"]


# langn4: a span of this year's months gone by, quoted in the plan section, is a fact; its 今年 sets no goal.
MONTHS_IN_PLAN = """青川市人民政府工作报告
一、过去一年工作回顾
全市生产总值增长5%。
二、今年的主要目标
今年1至9月全市安排了4.7万人就业。全市查处的经济案件从今年一月到九月共有1360件。今年1至9月完成投资30亿元，全年要完成投资58亿元。
"""


@pytest.mark.parametrize("value, status, rule", [
    (4.7e4, "actual", "year_so_far_in_plan"),
    (1360.0, "actual", "year_so_far_in_plan"),
    (3.0e9, "actual", "year_so_far_in_plan"),
    (5.8e9, "target", "modal_cue"),  # a modal of its own clause: a goal for the whole year
])
def test_a_span_of_months_gone_by_in_the_plan_stays_actual(value, status, rule):
    assert statuses(MONTHS_IN_PLAN)[value] == (status, [f"status.{rule}"])


# Status from the structure of a whole report (status8): facts and goals the sections do not decide.
STRUCTURE = """青川市人民政府工作报告
一、2030年工作回顾
全市经济平稳增长。50万农业转移人口在城镇落户目标顺利实现，全年新增就业3万人。已有17个乡镇实现目标。
启动实施三年新增80亿元的技改投资计划，实施新增20万吨粮食产能提升行动。全年实施34个重点工程。
二、2031年主要工作
全市研发经费目前已经超过210亿元，要继续增加。目前，全市民生支出已经超过430亿元，要进一步增加到460亿元。
我们一定要保障好全市800万人民的饮水安全，要让1.3亿人的饭碗端得更牢。今年再解决12万人的安全饮水问题。
将制造业现行16%的税率降至13%，市级机构比现有的86个减少9个。
要将人均补助标准从每月70元提高到90元，力争覆盖率由61%提升至82%。
全市生产总值比2030年预计增长5.5%，其中工业增加值增长6%。预计全年粮食产量520万吨。
全市中学生2029年已经有14.4万人，今年达到15.1万人。全市学校2031年底已有300所。
这两年全市取得科技成果610项，研制成功的新材料有上百种。去年全市财政超收72亿元，其中市级财政超收41亿元。
"""


@pytest.mark.parametrize("value, status, rule", [
    (5e5, "target", "goal_closes_the_phrase"),  # a goal quoted in the review: its size is a target
    (3e4, "actual", "no_target_cue"),
    (17, "actual", "no_target_cue"),  # those that reached the goal: 实现 before 目标
    (8e9, "target", "size_of_a_programme"),  # a programme launched in the review: its size is to be reached
    (2e5, "target", "size_of_a_programme"),
    (34, "actual", "no_target_cue"),  # a count of programmes done
    (2.1e10, "actual", "deed_done_in_plan"),  # 已经 right before the value: a fact as it stands
    (4.3e10, "actual", "present_fact_opens_sentence"),  # 目前， alone opens the sentence
    (4.6e10, "target", "modal_cue"),  # the clause after, with a modal of its own
    (8e6, "actual", "population_count"),  # the people a report speaks for
    (1.3e8, "actual", "population_count"),  # the nation's people in 亿, before 的
    (1.2e5, "target", "modal_cue"),  # a smaller count of people before 的: what the plan does
    (16, "actual", "value_in_force"),  # 现行: the rate now
    (13, "target", "modal_cue"),
    (86, "actual", "value_in_force"),
    (9, "target", "modal_cue"),  # 将 opens the sentence
    (70, "actual", "base_of_a_planned_change"),  # where the change starts: the standard now
    (90, "target", "modal_cue"),
    (61, "actual", "base_of_a_planned_change"),
    (82, "target", "modal_cue"),
    (5.5, "target", "section_plans"),  # 比2030年预计: the base is the estimate
    (6, "target", "section_plans"),
    (5.2e6, "estimate", "estimate_cue"),  # 预计 of the value itself
    (610, "actual", "present_fact_opens_sentence"),  # a span of years just past opens the sentence
    (100, "actual", "present_fact_opens_sentence"),  # …and governs its later clauses
    (7.2e9, "actual", "present_fact_in_plan"),
    (4.1e9, "actual", "present_fact_opens_sentence"),  # 去年 opened the sentence: 其中 is last year's too
    (1.44e5, "actual", "done_by_a_past_year"),  # a year before the report's, then a deed done
    (1.51e5, "target", "modal_cue"),
    (300, "target", "section_plans"),  # the report's own year: 已 there says what the year is to reach
])
def test_status_from_what_a_sentence_says_of_its_value(value, status, rule):
    assert statuses(STRUCTURE)[value] == (status, [f"status.{rule}"])


@pytest.mark.parametrize("word", language().words("in_force_words"))
def test_every_word_of_a_value_in_force(word):
    report = "一、过去一年工作回顾\n全市生产总值增长5%。\n二、今年的主要目标\n" + f"将{word}16%的税率降至13%。\n"
    assert statuses(report)[16] == ("actual", ["status.value_in_force"])


@pytest.mark.parametrize("text", ["青川市有100亿人民币存款。", "全市800万人口中，新增就业3万人。"])
def test_what_is_no_count_of_the_people(text):
    """人民币 is money; a count of 人口 in 万 names no nation."""
    plan = "一、过去一年工作回顾\n全市生产总值增长5%。\n二、今年的主要目标\n" + text + "\n"
    assert all(rule != ["status.population_count"] for _, rule in statuses(plan).values())


@pytest.mark.parametrize("text, value, status, rule", [
    ("全市60岁以上人口已达120万人。", 1.2e6, "actual", "deed_done_in_plan"),
    ("全市学校已经有300所。", 300, "actual", "deed_done_in_plan"),
    ("要在已有300所的基础上新建学校20所。", 20, "target", "modal_cue"),  # 已 not right before this value
    ("今年全市学校已经要达到320所。", 320, "target", "modal_cue"),  # a modal of its own clause
])
def test_a_deed_done_quoted_in_the_plan_stays_actual(text, value, status, rule):
    plan = "一、过去一年工作回顾\n全市生产总值增长5%。\n二、今年的主要目标\n" + text + "\n"
    assert statuses(plan)[value] == (status, [f"status.{rule}"])


# langn8: a span of years a deed is to be done within (在五年内) sets a goal outside a review.
DEADLINE_PLAN = "青川市人民政府工作报告\n三、关于第十六个五年计划\n"
DEADLINE_REVIEW = "青川市人民政府工作报告\n一、过去五年工作回顾\n"


@pytest.mark.parametrize("head, text, value, status, rule", [
    (DEADLINE_PLAN, "在五年内，全市基本建设投资总额为320亿元。", 3.2e10, "target", "deadline_frame"),
    (DEADLINE_PLAN, "全市棉花亩产量在十二年内，分别达到60斤。", 60, "target", "deadline_frame"),  # the value's own clause
    (DEADLINE_PLAN, "在3年内使全市新增耕地120万亩。", 1.2e6, "target", "deadline_frame"),
    (DEADLINE_PLAN, "化学肥料：五年内增加的年产能力为28万吨。", 2.8e5, "target", "deadline_frame"),  # without 在
    (DEADLINE_PLAN, "全市2030年内新建学校12所。", 12, "actual", "no_target_cue"),  # a year, no span of years
    (DEADLINE_PLAN, "在五年内，全市已经建成学校120所。", 120, "actual", "no_target_cue"),  # a deed done: a fact
    (DEADLINE_PLAN, "在五年内完成了新建住房80万套。", 8e5, "actual", "no_target_cue"),
    (DEADLINE_REVIEW, "在五年内，全市钢产量增长120%。", 120, "actual", "no_target_cue"),  # a review tells what was done
], ids=str)
def test_a_deadline_frame_sets_a_target(head, text, value, status, rule):
    assert statuses(head + text + "\n")[value] == (status, [f"status.{rule}"])


@pytest.mark.parametrize("text, value, status, rule", [
    ("全市生产总值的增长速度，2030年计划为3.7%，实际达到4.6%。", 3.7, "target", "plan_figure_in_review"),
    ("全市生产总值的增长速度，2030年计划为3.7%，实际达到4.6%。", 4.6, "actual", "no_target_cue"),
    ("全市钢产量预定增长8%，实际增长9%。", 8, "target", "plan_figure_in_review"),
    ("全市工业产值计划完成102%。", 102, "actual", "no_target_cue"),  # the plan met is a fact
])
def test_a_plans_figure_quoted_in_a_review_is_a_target(text, value, status, rule):
    """langn8: a plan adverb and its verb right before a value in a review quote the plan's figure."""
    assert statuses(DEADLINE_REVIEW + text + "\n")[value] == (status, [f"status.{rule}"])


@pytest.mark.parametrize("head, text, value, status, rule", [
    (DEADLINE_REVIEW, "今年上半年，全市工业产值又比去年同期增长24%。", 24, "actual", "part_of_year_gone"),
    (DEADLINE_REVIEW, "全市供销合作社在今年上半年已有基层社3100个。", 3100, "actual", "part_of_year_gone"),
    (DEADLINE_PLAN, "今年第一季度，全市工业生产比去年同期增长12%，全年要增长8%。", 12, "actual", "part_of_year_gone"),
    (DEADLINE_PLAN, "今年第一季度，全市工业生产比去年同期增长12%，全年要增长8%。", 8, "target", "modal_cue"),
    (DEADLINE_PLAN, "争取今年上半年新建学校20所。", 20, "target", "modal_cue"),  # a modal of its own
], ids=str)
def test_a_part_of_this_year_gone_by_dates_a_fact(head, text, value, status, rule):
    """langn8: the 今年 of 今年上半年, 今年第一季度 sets no goal; the value is the months gone by, of the report's year."""
    assert statuses(head + text + "\n")[value] == (status, [f"status.{rule}"])


def test_a_past_years_value_stated_with_the_copula_in_the_plan_is_a_fact():
    """langn8: 某工资总额2025年为773亿元，2030年将达到983亿元 in the report of 2026: the 2025 figure is a fact."""
    text = "青川市2026年政府工作报告\n三、今后五年的主要任务\n全市职工工资总额2025年为773亿元，2030年将达到983亿元。\n"
    got = statuses(text)
    assert got[7.73e10] == ("actual", ["status.done_by_a_past_year"]) and got[9.83e10][0] == "target"


@pytest.mark.parametrize("head, text, value, status, rule", [
    (DEADLINE_PLAN, "全市棉花的指标为35万担，比上一年增加2万担。", 3.5e5, "target", "indicator_stated"),
    (DEADLINE_PLAN, "全市棉花的指标为35万担，比上一年增加2万担。", 2e4, "target", "indicator_stated"),  # the sentence after it
    (DEADLINE_REVIEW, "全市原定的煤炭产量的指标是285万吨，实际完成300万吨。", 2.85e6, "target", "indicator_stated"),
    (DEADLINE_REVIEW, "全市原定的煤炭产量的指标是285万吨，实际完成300万吨。", 3e6, "actual", "no_target_cue"),  # review: own value only
], ids=str)
def test_a_plans_indicator_stated_sets_targets(head, text, value, status, rule):
    """langn8: 指标为/指标是 states a plan's figure."""
    assert statuses(head + text + "\n")[value] == (status, [f"status.{rule}"])


def test_a_past_years_count_with_you_in_the_plan_is_a_fact():
    """langn9: 中等学校的学生，2020年有300多万人，2030年要达到900万人 in the report of 2026: 有 after a past year."""
    text = ("青川市2026年政府工作报告\n三、今后五年的主要任务\n全市中等学校的学生，2020年有300多万人，"
            "2030年要达到900万人。\n")
    got = statuses(text)
    assert got[3e6] == ("actual", ["status.done_by_a_past_year"]) and got[9e6][0] == "target"

@pytest.mark.parametrize("text", [
    "青川市在五年内新增甲产业园12个，乙产业园到2035年达到30个。",  # a deadline, a coming year
    "今年上半年，青川市甲产品产量比去年同期增长24%。",  # a part of the year gone
    "青川市甲产品的指标为3500万吨，比上一年增加220万吨。",  # an indicator stated
    "青川市新增甲产业园12个，乙产业园达到30个。",  # none of their characters: no cue of theirs
    "青川市" + "甲产品产量稳定增长，" * 40 + "在五年内新增甲产业园12个，乙产业园达到30个。",  # a long sentence
])
def test_the_later_cue_rules_read_only_a_prefix_that_holds_their_characters(text):
    """The later prefix rules are skipped where no character they need stands before the value: the same
    statuses as with every rule read."""
    from dataclasses import replace

    from zhibiao.grammar import status

    lang = language()
    gated = statuses(text)
    lang._compiled[status._gated] = replace(status.patterns(lang), later_cues=None)
    try:
        assert statuses(text) == gated
    finally:
        del lang._compiled[status._gated]
