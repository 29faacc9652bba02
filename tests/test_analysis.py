import pandas as pd
import pytest

from zhibiao import analysis, canonical

GDP = canonical.get("gdp")
ENERGY = canonical.get("energy_intensity")

REPORT_2031 = "青川市2031年政府工作报告。今年的主要预期目标是：地区生产总值增长7%左右。"
REPORT_2032 = "2031年全市地区生产总值增长7.4%，年均增长6.8%。今年不再提出地区生产总值增速具体目标。"


def record(doc_id, year, value, status, *, region="青川", level="city", period=None, unit="%", kind="change",
           direction="up", modifier="exact", value_max=None, role=None, span=(0, 1), evidence="",
           canonical_id="gdp", section=None, metric="地区生产总值"):
    period = year if period is None else period
    start, end = (period, period) if isinstance(period, int) else period
    return dict(doc_id=doc_id, region=region, level=level, year=year, reviewed_year=year - 1,
                canonical=canonical_id, metric=metric, value=value, value_max=value_max, unit=unit, kind=kind,
                direction=direction, modifier=modifier, status=status, span_start=span[0], span_end=span[1],
                evidence=evidence, period_start=start, period_end=end,
                section=section, section_role=role)


def reports(*rows):
    return pd.DataFrame([dict(doc_id=d, region=r, level=lv, year=y, reviewed_year=y - 1) for d, r, lv, y in rows])


def frame(*rows):
    return pd.DataFrame(list(rows))


@pytest.mark.parametrize("target, target_max, modifier, outcome, expected", [
    (7.0, None, "at_least", 7.0, True),
    (7.0, None, "more_than", 6.9, False),
    (3.0, None, "at_most", 3.1, False),
    (3.0, None, "less_than", 2.0, True),
    (6.0, 6.5, "range", 6.6, False),
    (6.0, 6.5, "range", 6.0, True),
    (7.5, None, "approx", 6.8, True),
    (7.5, None, "approx", 8.3, False),
    (7.5, None, "exact", 7.4, True),
    (7.5, None, "approx", None, None),
], ids=["at_least_equal", "more_than_below", "at_most_above", "less_than_below", "range_above",
        "range_edge", "approx_within", "approx_far_above", "exact_reads_as_approx", "no_outcome"])
def test_met(target, target_max, modifier, outcome, expected):
    assert analysis.met(target, target_max, modifier, outcome) is expected


@pytest.mark.parametrize("modifier, wording, default, expected", [
    ("approx", "地区生产总值增长7%左右", "floor", "floor"),
    ("approx", "居民消费价格涨幅3%左右", "ceiling", "ceiling"),
    ("exact", "城镇登记失业率控制在4.5%", "floor", "ceiling"),
    ("approx", "能源消费总量不超过2亿吨标准煤左右", "floor", "ceiling"),
    ("exact", "城镇新增就业不少于9万人", "ceiling", "floor"),
    ("at_least", "城镇新增就业9万人以上", "ceiling", "floor"),
    ("more_than", "粮食产量超过30亿斤", "ceiling", "floor"),
    ("at_most", "城镇调查失业率5.5%以内", "floor", "ceiling"),
    ("less_than", "赤字率低于3%", "floor", "ceiling"),
    ("range", "地区生产总值增长6%—6.5%", "floor", "band"),
    ("range", "居民消费价格涨幅控制在2%—3%", "ceiling", "band"),
    ("exact", "地区生产总值增长7%", "floor", "floor"),
], ids=["approx_reads_floor_default", "approx_reads_ceiling_default", "kept_within_is_ceiling",
        "not_above_is_ceiling", "not_below_is_floor", "at_least", "more_than", "at_most", "less_than",
        "range", "range_beats_wording", "bare_reads_default"])
def test_target_direction(modifier, wording, default, expected):
    assert analysis.target_direction(modifier, wording, default) == expected


@pytest.mark.parametrize("target, target_max, modifier, direction, outcome, default, expected", [
    # floors: growth targets, 左右 or 以上
    (8.0, None, "approx", "floor", 10.7, "floor", "exceeded"),
    (8.0, None, "approx", "floor", 8.7, "floor", "met"),
    (8.0, None, "approx", "floor", 7.3, "floor", "met"),
    (8.0, None, "approx", "floor", 7.1, "floor", "missed"),
    (8.0, None, "exact", "floor", 7.5, "floor", "met"),
    (6.0, None, "at_least", "floor", 5.9, "floor", "missed"),
    (6.0, None, "at_least", "floor", 6.0, "floor", "met"),
    (6.0, None, "at_least", "floor", 8.1, "floor", "exceeded"),
    (9.0, None, "more_than", "floor", 9.5, "floor", "met"),
    # ceilings: prices, unemployment, deficits, 控制在 and 以内
    (3.0, None, "approx", "ceiling", 2.0, "ceiling", "met"),
    (3.0, None, "approx", "ceiling", 0.2, "ceiling", "met"),
    (3.0, None, "approx", "ceiling", 3.2, "ceiling", "met"),
    (3.0, None, "approx", "ceiling", 4.8, "ceiling", "missed"),
    (3.0, None, "at_most", "ceiling", 3.2, "ceiling", "missed"),
    (5.5, None, "less_than", "ceiling", 5.5, "ceiling", "met"),
    (-1.0, None, "approx", "ceiling", -0.5, "ceiling", "missed"),
    # bands: ranges
    (6.0, 6.5, "range", "band", 6.2, "floor", "met"),
    (6.0, 6.5, "range", "band", 6.5, "floor", "met"),
    (6.0, 6.5, "range", "band", 6.7, "floor", "exceeded"),
    (6.0, 6.5, "range", "band", 5.9, "floor", "missed"),
    (2.0, 3.0, "range", "band", 3.4, "ceiling", "missed"),
    # no outcome, no target
    (8.0, None, "approx", "floor", None, "floor", "no outcome"),
    (None, None, None, None, 7.0, "floor", None),
], ids=["floor_approx_far_above", "floor_approx_within_above", "floor_approx_within_below",
        "floor_approx_below", "floor_bare_within", "floor_at_least_below", "floor_at_least_equal",
        "floor_at_least_far_above", "floor_more_than_within", "ceiling_approx_under", "ceiling_approx_far_under",
        "ceiling_approx_within_above", "ceiling_approx_above", "ceiling_at_most_above", "ceiling_less_than_equal",
        "ceiling_negative_target", "band_inside", "band_edge", "band_above_floor_default",
        "band_below", "band_above_ceiling_default", "no_outcome", "no_target"])
def test_result(target, target_max, modifier, direction, outcome, default, expected):
    assert analysis.result(target, target_max, modifier, direction, outcome, default) == expected


@pytest.mark.parametrize("text, value, expected", [
    ("青川市要确保地区生产总值增长8%左右。", "8%左右", ("hard", "确保")),
    ("全市城镇新增就业不低于9万人。", "不低于9万人", ("hard", "不低于")),
    ("力争地区生产总值增长8%。", "8%", ("soft", "力争")),
    ("地区生产总值增长8%左右。", "8%左右", ("soft", "左右")),
    ("主要预期目标是：地区生产总值增长8%；城镇新增就业9万人。", "8%", ("soft", "预期")),
    ("今年的主要预期目标是：\n\u3000\u3000地区生产总值增长8%；", "8%", ("soft", "预期")),
    ("地区生产总值增长8%。", "8%", (None, None)),
    ("必须守住底线。地区生产总值增长8%。", "8%", (None, None)),
    ("主要预期目标是：地区生产总值增长8%左右；城镇调查失业率5.5%以内。", "5.5%以内", ("soft", "预期")),
    ("主要目标是：地区生产总值增长8%左右；确保城镇新增就业9万人；城镇调查失业率5.5%以内。", "5.5%以内",
     (None, None)),
], ids=["hard_verb", "hard_floor", "soft_verb", "soft_approx", "soft_colon_lead", "soft_line_before",
        "no_cue", "cue_in_other_sentence", "other_items_value_words", "other_items_verbs"])
def test_commitment(text, value, expected):
    start = text.index(value)
    assert analysis.commitment(text, start, start + len(value)) == expected


@pytest.mark.parametrize("text, expected", [
    ("今年我们没有提出全年经济增速具体目标，主要考虑是青川市面临的不确定性。", True),
    ("全市地区生产总值增速不设具体目标。", True),
    ("地区生产总值增长7%左右的目标。", False),
    ("没有提出城镇新增就业的目标。", False),
], ids=["not_proposed", "not_set_after", "a_target", "other_indicator"])
def test_absent_statement(text, expected):
    assert (analysis.absent_statement(text, GDP) is not None) is expected


@pytest.mark.parametrize("before, year, expected", [
    ("地区生产总值达到900亿元，年均增长", 2031, True),
    ("2031年，地区生产总值比2026年增长", 2031, True),
    ("地区生产总值比2030年增长", 2031, False),
    ("五年来，人民生活明显改善。城镇新增就业", 2031, True),
    ("\u3000\u3000这五年，各项事业加快发展。城镇新增就业", 2031, True),
    ("过去一年，人民生活明显改善。城镇新增就业", 2031, False),
    ("地区生产总值增长", 2031, False),
    ("大力发展循环经济。五年累计，单位地区生产总值能耗下降", 2031, True),
    ("去年投资300亿元，五年累计投资1500亿元。全市单位地区生产总值能耗下降", 2031, False),
    ("财政赤字率一直控制在", 2031, True),
], ids=["annual_average", "base_year", "previous_year_base", "paragraph_opens_five_years",
        "paragraph_opens_these_five_years", "paragraph_opens_one_year", "plain", "sentence_opens_cumulative",
        "cumulative_in_earlier_sentence", "always_kept"])
def test_multi_year(before, year, expected):
    assert analysis.multi_year(before, year) is expected


def texts(mapping):
    return lambda doc_id: mapping[doc_id]


def test_targets_pairs_target_with_next_report_outcome():
    t = REPORT_2031.index("7%左右")
    o = REPORT_2032.index("7.4%")
    avg = REPORT_2032.index("6.8%")
    records = frame(
        record(1, 2031, 7.0, "target", modifier="approx", role="targets", span=(t, t + 5)),
        record(2, 2032, 6.8, "actual", period=2031, role="review", span=(avg, avg + 4),
               evidence=REPORT_2032[:avg + 4]),
        record(2, 2032, 7.4, "actual", period=2031, role="review", span=(o, o + 4), evidence=REPORT_2032[:o + 4]),
        record(2, 2032, 9.9, "actual", period=2031, role="review", unit="元", kind="level", direction=None),
    )
    table = analysis.targets(records, reports((1, "青川", "city", 2031), (2, "青川", "city", 2032)), GDP,
                             texts({1: REPORT_2031, 2: REPORT_2032}))
    by_year = table.set_index("year")
    row = by_year.loc[2031]
    assert (row.target, row.modifier, row.outcome, row.outcome_status) == (7.0, "approx", 7.4, "actual")
    assert bool(row.met) and row.gap == pytest.approx(0.4)
    assert (row.commitment, row.cue) == ("soft", "左右")
    assert (row.target_doc, row.outcome_doc) == (1, 2)
    last = by_year.loc[2032]
    assert bool(last.absent) and pd.isna(last.target) and "不再提出" in last.absent_evidence
    assert 2030 not in by_year.index  # neither target nor outcome
    every = analysis.targets(records, reports((1, "青川", "city", 2031), (2, "青川", "city", 2032)), GDP,
                             texts({1: REPORT_2031, 2: REPORT_2032}), all_years=True).set_index("year")
    assert not bool(every.loc[2030].absent) and pd.isna(every.loc[2030].result)


def test_targets_read_a_level_typed_growth_figure_and_its_direction():
    text = "今年全市经济增长速度的调控目标定为7%。居民消费价格涨幅控制在3%左右。"
    g, p = text.index("7%"), text.index("3%左右")
    cpi = canonical.get("cpi")
    records = frame(
        record(1, 2031, 7.0, "target", kind="level", direction=None, metric="今年全市经济增长速度的调控目标定",
               span=(g, g + 2)),
        record(1, 2031, 3.0, "target", kind="level", direction=None, metric="居民消费价格涨幅",
               modifier="approx", span=(p, p + 4), canonical_id="cpi"),
        record(2, 2032, 7.5, "actual", period=2031, metric="全市经济"),
        record(2, 2032, 2.1, "actual", period=2031, metric="居民消费价格", canonical_id="cpi"),
        record(2, 2032, 7.0, "actual", period=2031, kind="level", direction=None, metric="城区面积"),
    )
    years = reports((1, "青川", "city", 2031), (2, "青川", "city", 2032))
    gdp = analysis.targets(records, years, GDP, texts({1: text, 2: ""})).set_index("year").loc[2031]
    assert (gdp.target, gdp.target_direction, gdp.outcome, gdp.result) == (7.0, "floor", 7.5, "met")
    prices = analysis.targets(records, years, cpi, texts({1: text, 2: ""})).set_index("year").loc[2031]
    assert (prices.target, prices.target_direction, prices.outcome, prices.result) == (3.0, "ceiling", 2.1, "met")


def test_targets_skip_last_years_figure_beside_the_target():
    text = "今年赤字率从去年的2.9%提高到3.1%。"
    last, this = text.index("2.9%"), text.index("3.1%")
    records = frame(
        record(1, 2031, 2.9, "target", kind="level", direction=None, metric="赤字率", span=(last, last + 4),
               canonical_id="deficit_ratio"),
        record(1, 2031, 3.1, "target", kind="level", direction=None, metric="赤字率", span=(this, this + 4),
               canonical_id="deficit_ratio"),
    )
    table = analysis.targets(records, reports((1, "青川", "city", 2031)), canonical.get("deficit_ratio"),
                             texts({1: text}))
    assert table.set_index("year").loc[2031, ["target", "target_direction"]].tolist() == [3.1, "ceiling"]


def test_targets_estimate_only_when_no_actual_and_direction_counts():
    records = frame(
        record(1, 2031, 3.0, "target", direction="down", modifier="at_least", canonical_id="energy_intensity"),
        record(2, 2032, 0.5, "estimate", period=2031, direction="up", canonical_id="energy_intensity"),
    )
    table = analysis.targets(records, reports((1, "青川", "city", 2031), (2, "青川", "city", 2032)), ENERGY,
                             texts({1: "", 2: ""}))
    row = table.set_index("year").loc[2031]
    assert row.outcome == -0.5 and row.outcome_status == "estimate" and not bool(row.met)


def test_targets_skip_multi_year_periods_and_review_quotes():
    records = frame(
        record(1, 2031, 6.0, "target", period=(2031, 2035)),
        record(1, 2031, 6.5, "target", period=None, role="review"),
    )
    records.loc[1, ["period_start", "period_end"]] = None
    table = analysis.targets(records, reports((1, "青川", "city", 2031)), GDP, texts({1: ""}))
    assert table["target"].isna().all()


def test_targets_skip_plan_period_sections():
    records = frame(
        record(1, 2031, 6.0, "target", role="targets", section="二、“十九五”时期主要目标", span=(10, 12)),
        record(1, 2031, 7.0, "target", role="plans", section="三、2031年重点工作", span=(90, 92)),
    )
    table = analysis.targets(records, reports((1, "青川", "city", 2031)), GDP, texts({1: ""}))
    assert table.set_index("year").loc[2031, "target"] == 7.0


def test_targets_one_year_figures_in_a_section_spanning_the_plan():
    text_2031 = "二、“十九五”时期主要目标和2031年重点工作\n今年的主要预期目标是：地区生产总值增长6%左右。\n" \
                "“十九五”时期，地区生产总值年均增长5.5%。\n"
    text_2031 += "到2035年，地区生产总值增长5%。\n"
    text_2032 = "一、“十八五”时期和2031年工作回顾\n刚刚过去的2031年，全市地区生产总值增长6.4%。\n" \
                "五年来，地区生产总值年均增长6.1%。\n"
    heading = "二、“十九五”时期主要目标和2031年重点工作"
    t, avg, plan = text_2031.index("6%左右"), text_2031.index("5.5%"), text_2031.index("5%。")
    o, o_avg = text_2032.index("6.4%"), text_2032.index("6.1%")
    records = frame(
        record(1, 2031, 5.5, "target", period=(2031, 2035), role="targets", section=heading, span=(avg, avg + 4)),
        record(1, 2031, 5.0, "target", period=(2031, 2035), role="targets", section=heading, span=(plan, plan + 2)),
        record(1, 2031, 6.0, "target", period=(2031, 2035), role="targets", section=heading, modifier="approx",
               span=(t, t + 4)),
        record(2, 2032, 6.1, "actual", period=(2027, 2031), role="review", span=(o_avg, o_avg + 4)),
        record(2, 2032, 6.4, "actual", period=(2027, 2031), role="review", span=(o, o + 4)),
    )
    table = analysis.targets(records, reports((1, "青川", "city", 2031), (2, "青川", "city", 2032)), GDP,
                             texts({1: text_2031, 2: text_2032})).set_index("year")
    assert table.loc[2031, ["target", "outcome", "result"]].tolist() == [6.0, 6.4, "met"]


def test_with_parent_adds_amplification():
    records = frame(
        record(1, 2031, 7.0, "target", region="青川", level="city"),
        record(3, 2031, 6.0, "target", region="云岭", level="provincial"),
    )
    table = analysis.targets(records, reports((1, "青川", "city", 2031), (3, "云岭", "provincial", 2031)), GDP,
                             texts({1: "", 3: ""}))
    out = analysis.with_parent(table, lambda region, level: "云岭" if level == "city" else None)
    row = out[(out.region == "青川") & (out.year == 2031)].iloc[0]
    assert (row.parent_region, row.parent_target, row.amplification) == ("云岭", 6.0, pytest.approx(1.0))
    assert out[out.region == "云岭"]["parent_target"].isna().all()


def test_series_one_value_per_year_signed():
    records = frame(
        record(2, 2032, 3.1, "actual", period=2031, direction="down", canonical_id="energy_intensity"),
        record(3, 2033, 2.0, "actual", period=2032, direction="up", canonical_id="energy_intensity"),
        record(3, 2033, 9.0, "actual", period=2032, direction="up", canonical_id="energy_intensity",
               span=(5, 6)),
        record(3, 2033, 2.5, "target", period=2033, direction="down", canonical_id="energy_intensity"),
    )
    s = analysis.series(records, ENERGY, texts({2: "", 3: ""}), "actual")
    assert s[["year", "value"]].values.tolist() == [[2031, -3.1], [2032, 2.0]]
    assert analysis.series(records, ENERGY, texts({3: ""}), "target")["value"].tolist() == [-2.5]


def test_cues_integrity():
    c = analysis.cues()
    assert c.hard and c.soft and c.hard_value and c.soft_value and c.absent and c.multi_year and c.plan_sections
    assert c.floor and c.ceiling
    assert not set(c.hard + c.hard_value) & set(c.soft + c.soft_value)
    assert not set(c.floor) & set(c.ceiling)
    for pattern in c.absent:
        assert "{alias}" in pattern
