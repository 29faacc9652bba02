
import pytest

from zhibiao import canonical


@pytest.mark.parametrize("metric, unit, kind, expected", [
    ("国内生产总值", "%", "change", "gdp"),
    ("地区生产总值", "%", "change", "gdp"),
    ("全市生产总值", "元", "level", "gdp"),
    ("全省地区生产总值", "%", "change", "gdp"),
    ("青川市地区生产总值", "%", "change", "gdp"),
    ("2031年全市地区生产总值", "%", "change", "gdp"),
    ("经济增长", "%", "change", "gdp"),
    ("国内生产总值增速", "%", "change", "gdp"),
    ("ＧＤＰ", "%", "change", "gdp"),
    ("人均地区生产总值", "美元", "level", "gdp_per_capita"),
    ("单位国内生产总值能耗", "%", "change", "energy_intensity"),
    ("居民消费价格", "%", "change", "cpi"),
    ("居民消费价格涨幅", "%", "change", "cpi"),
    ("城镇新增就业", "人", "level", "urban_new_jobs"),
    ("城镇调查失业率", "%", "level", "surveyed_unemployment"),
    ("城镇登记失业率", "%", "level", "registered_unemployment"),
    ("粮食产量", "斤", "level", "grain_output"),
    ("细颗粒物（PM2.5）平均浓度", "%", "change", "pm25"),
    ("农村居民人均可支配收入", "%", "change", "rural_income"),
    ("城镇居民人均可支配收入", "元", "level", "urban_income"),
    ("全社会固定资产投资", "%", "change", "fixed_asset_investment"),
    ("“新三样”出口", "%", "change", None),
    ("数字经济核心产业增加值占国内生产总值比重", "%", "level", "digital_economy_share"),
    ("服务业增加值占国内生产总值比重", "%", "level", "services_share"),
    ("城乡居民人均可支配收入", "%", "change", None),
    ("脱贫地区农村居民收入", "%", "change", None),
    ("国内生产总值", "人", "level", None),
    ("城镇新增就业", "%", "level", None),
    ("青川市特色小镇数量", "个", "level", None),
    ("拟安排地方政府专项债券", "元", "level", "special_bonds"),
    ("赤字率拟按", "%", "level", "deficit_ratio"),
    ("社会商品零售总额", "%", "change", "retail_sales"),
    ("炼钢", "吨", "level", None),
    ("经济", "%", "change", "gdp"),  # extraction leaves 经济 of 经济增长速度…定为8%: the economy's growth
    ("全市经济", "%", "change", "gdp"),
    ("数字经济", "%", "change", None),
    ("民营经济", "%", "change", None),  # a sector's economy is no region's GDP
    ("县域经济", "%", "change", None),
    ("的经济增长", "%", "level", "gdp"),
    ("经济增长速度的宏观调控目标定", "%", "level", "gdp"),
    ("市委提出今年经济增长", "%", "level", "gdp"),
    ("提出经济增长", "%", "level", None),
    ("但赤字率", "%", "level", "deficit_ratio"),
    ("城镇新增就业人口", "人", "level", "urban_new_jobs"),
    ("努力把全年零售物价上涨幅度", "%", "level", "retail_price"),
    ("努力把零售物价上涨幅度", "%", "level", None),
    ("国民生产总值", "%", "change", "gnp"),
    ("商品零售价格", "%", "change", "retail_price"),
    ("零售物价总水平", "%", "change", "retail_price"),
    ("居民消费价格总水平", "%", "change", "cpi"),
], ids=lambda v: str(v))
def test_match(metric, unit, kind, expected):
    assert canonical.match(metric, unit, kind) == expected


@pytest.mark.parametrize("metric, expected", [
    ("经济增长", True), ("地区生产总值增速", True), ("居民消费价格涨幅", True),
    ("经济增长速度的调控目标定", True), ("城镇调查失业率", False), ("地区生产总值", False),
])
def test_reads_as_change(metric, expected):
    assert canonical.reads_as_change(metric) is expected


def test_get_is_case_insensitive_and_near_suggests():
    assert canonical.get("GDP").id == "gdp" and canonical.get(" Urban_New_Jobs ").id == "urban_new_jobs"
    assert canonical.get("gpd") is None
    assert "gdp" in canonical.near("gpd")
    assert "registered_unemployment" in canonical.near("unemployment")
    assert canonical.near("qqqqqq") == []


def test_unit_and_kind_unchecked_when_empty():
    assert canonical.match("地区生产总值") == "gdp"


def test_table_integrity():
    rows = canonical.table()
    assert len(rows) >= 80
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids))
    aliases = [canonical.normalize(a) for r in rows for a in r.aliases]
    assert len(aliases) == len(set(aliases)), "an alias must name one indicator"
    for r in rows:
        assert r.id.isidentifier() and r.id == r.id.lower()
        assert r.label_en and r.label_zh and r.category and r.aliases
        assert r.target_direction in ("floor", "ceiling")
        assert set(r.kinds) <= {"level", "change"}
        assert r.headline_kind in r.kinds and r.headline_unit in r.units
        # every alias must map back to its own row, else a longer alias shadows it
        for alias in r.aliases:
            assert canonical.match(alias) == r.id, alias


def test_required_ids_present():
    ids = {r.id for r in canonical.table()}
    assert {"gdp", "gdp_per_capita", "cpi", "urban_new_jobs", "surveyed_unemployment",
            "registered_unemployment", "fixed_asset_investment", "retail_sales", "exports", "imports",
            "fiscal_revenue", "deficit_ratio", "special_bonds", "grain_output", "energy_intensity",
            "pm25", "forest_cover", "rd_intensity", "urban_income", "rural_income", "rural_poor",
            "urbanisation_rate"} <= ids



def test_alias_lookup_reads_as_one_regex_of_all_aliases_would():
    """The alias found at a place is the one an alternation of every alias (longest first), then an optional
    suffix, then the metric's end would find: the longest alias the rest of the metric is, with its suffix."""
    import re

    from zhibiao.lexicon import alternation

    owner, _, ends = canonical._compiled()
    regex = re.compile(rf"(?P<alias>{alternation(owner)})(?:{alternation(canonical._SUFFIXES)})?$")
    aliases = sorted(owner)
    rests = [a + s for a in aliases for s in ("", *canonical._SUFFIXES)]
    rests += [a + b for a, b in zip(aliases, reversed(aliases))] + [a[1:] for a in aliases] + ["青川市", ""]
    for rest in rests:
        found = regex.match(rest)
        assert canonical._alias_ending(rest, owner) == (found["alias"] if found else None), rest
        assert found is None or rest[-1] in ends, rest  # a metric ending otherwise is looked at no further


def test_metrics_screened_by_their_last_letter_match_as_before():
    """A metric whose last Chinese letter ends no alias, suffix or target tail is none without the cached
    reading; every other metric is read in full, so the two agree on every ending (invented metrics)."""
    owner, _, ends = canonical._compiled()
    letters = sorted(ends | set(canonical._TARGET_TAIL_ENDS) | set("甲乙丙青川县镇")) + ["）", "A", " "]
    for base in ("青川县地区生产总值", "青川县某产品产量", "全市居民消费价格涨幅", "经济增长目标定为"):
        for last in letters:
            metric = base + last
            for unit, kind in (("", ""), ("%", "change"), ("元", "level")):
                assert canonical.match(metric, unit, kind) == canonical._match(metric, unit, kind), metric
