"""The number language: what is a quantity, its value in base units, unit and qualifier."""
import math

import pytest
from hypothesis import given, settings, strategies as st

from zhibiao.lexicon import language
from zhibiao.numbers import chinese_to_number, list_mark, quantities
from zhibiao.repair import normalize


def one(text):
    work = normalize(text).text
    found = quantities(work)
    assert len(found) == 1, [q.span.text for q in found]
    return found[0]


@pytest.mark.parametrize("text, value, value_max, unit, modifier", [
    ("增长6.2%", 6.2, None, "%", "exact"),
    ("达到２４５６．５亿元", 245650000000.0, None, "元", "exact"),
    ("收入1,256元", 1256.0, None, "元", "exact"),
    ("总量4.3万亿元", 4.3e12, None, "元", "exact"),
    ("产量1.2万亿斤", 1.2e12, None, "斤", "exact"),
    ("投资千亿元", 1e11, None, "元", "exact"),
    ("投入3百万元", 3e6, None, "元", "exact"),
    ("惠及2300多万人次", 23000000.0, None, "人次", "more_than"),
    ("帮扶4000余户", 4000.0, None, "户", "more_than"),
    ("人口近9亿人", 9e8, None, "人", "approx"),
    ("约320亿元", 32000000000.0, None, "元", "approx"),
    ("增长7%左右", 7.0, None, "%", "approx"),
    ("接近30%", 30.0, None, "%", "approx"),
    ("1000万人以上", 1e7, None, "人", "at_least"),
    ("不低于85%", 85.0, None, "%", "at_least"),
    ("超过500家", 500.0, None, "家", "more_than"),
    ("突破2万辆", 20000.0, None, "辆", "more_than"),
    ("逾300项", 300.0, None, "项", "more_than"),
    ("控制在4.5%以内", 4.5, None, "%", "at_most"),
    ("不超过3%", 3.0, None, "%", "at_most"),
    ("不到10%", 10.0, None, "%", "less_than"),
    ("低于2%", 2.0, None, "%", "less_than"),
    ("增长6%－6.5%", 6.0, 6.5, "%", "range"),
    ("增长5%至6%", 5.0, 6.0, "%", "range"),
    ("增长6.5%—7%", 6.5, 7.0, "%", "range"),
    ("每吨提高5到7元", 5.0, 7.0, "元", "range"),
    ("增产5至6万吨", 5e4, 6e4, "吨", "range"),
    ("增产5万至6万吨", 5e4, 6e4, "吨", "range"),
    ("投资5至6千万元", 5e7, 6e7, "元", "range"),
    ("节省七十亿到一百亿元", 7e9, 1e10, "元", "range"),
    ("增长百分之七到十", 7.0, 10.0, "%", "range"),
    ("增长百分之六至八", 6.0, 8.0, "%", "range"),
    ("增长百分之六至八左右", 6.0, 8.0, "%", "approx"),
    ("提高1到2个百分点", 1.0, 2.0, "百分点", "range"),
    ("提高0.8个百分点", 0.8, None, "百分点", "exact"),
    ("增长1.5倍", 1.5, None, "倍", "exact"),
    ("增加两倍", 2.0, None, "倍", "exact"),
    ("收入翻一番", 1.0, None, "倍", "exact"),
    ("经济总量翻两番", 3.0, None, "倍", "exact"),
    ("两次下调利率", 2.0, None, "次", "exact"),
    ("六千万人次", 6e7, None, "人次", "exact"),
    ("一千二百万人", 1.2e7, None, "人", "exact"),
    ("其他为四亿六千万元", 4.6e8, None, "元", "exact"),
    ("钢四十二万七千吨", 427000.0, None, "吨", "exact"),
    ("十四亿人", 1.4e9, None, "人", "exact"),
    ("增长百分之九点七", 9.7, None, "%", "exact"),
    ("下降超过五成", 50.0, None, "%", "more_than"),
    ("惠及上千万家庭", 1e7, None, "", "more_than"),
    ("里程3235公里", 3235.0, None, "公里", "exact"),
    ("面积4.8万平方千米", 48000.0, None, "平方公里", "exact"),
    ("延长至72小时", 72.0, None, "小时", "exact"),
    ("优良天数达到301天", 301.0, None, "天", "exact"),
    ("装机3.7亿千瓦", 3.7e8, None, "千瓦", "exact"),
    ("减少1386万", 13860000.0, None, "", "exact"),
    # amounts written only in Chinese numerals
    ("产量达到三亿零五百多万吨", 3.05e8, None, "吨", "more_than"),
    ("产量四亿零七百多万吨", 4.07e8, None, "吨", "more_than"),
    ("投入一百几十亿元", 1e10, None, "元", "more_than"),
    ("品种上万种", 1e4, None, "种", "more_than"),
    ("惠及两千三百万人", 2.3e7, None, "人", "exact"),
    ("人均一千零五十元", 1050.0, None, "元", "exact"),
    ("建成十几个园区", 10.0, None, "个", "more_than"),
    ("人均棉花十多斤", 10.0, None, "斤", "more_than"),
    ("列入计划的六十五种产品", 65.0, None, "种", "exact"),
    ("施工项目七万四千个", 74000.0, None, "个", "exact"),
    ("安排四千二百多万人就业", 4.2e7, None, "人", "more_than"),
    ("消费水平三百二十元左右", 320.0, None, "元", "approx"),
    ("钢二百十七万吨", 2170000.0, None, "吨", "exact"),
    ("全国五万万农民", 5e8, None, "", "exact"),
    ("十亿人口", 1e9, None, "", "exact"),
    ("投资3千万元", 3e7, None, "元", "exact"),
    ("规模1.2万亿元", 1.2e12, None, "元", "exact"),
    ("里程增加到2万5千公里", 25000.0, None, "公里", "exact"),
    ("人口1亿2000万人", 1.2e8, None, "人", "exact"),
    ("降水量650毫米", 650.0, None, "毫米", "exact"),
    ("增长百分之三十六点九", 36.9, None, "%", "exact"),
    ("增长百分之三十点五", 30.5, None, "%", "exact"),
    ("增长百分之零点二", 0.2, None, "%", "exact"),
    ("增长十点四倍", 10.4, None, "倍", "exact"),
    # full-width digits and digits with spaces inside
    ("增长８ ．８ ％", 8.8, None, "%", "exact"),
    ("增长8 .8 %", 8.8, None, "%", "exact"),
    ("增长１４．２％", 14.2, None, "%", "exact"),
    # the traditional characters of the 1950s
    ("煤八千一百九十九萬噸", 81990000.0, None, "吨", "exact"),
    ("損失一百四十四億餘元", 1.44e10, None, "元", "more_than"),
    ("增長百分之十二點五", 12.5, None, "%", "exact"),
    ("建成二十個", 20.0, None, "个", "exact"),
    ("完成三十五項", 35.0, None, "项", "exact"),
    ("增産四千兩百萬斤", 4.2e7, None, "斤", "exact"),
    ("農戶將達一千萬戶以上", 1e7, None, "户", "at_least"),
    # compound and less common units
    ("人均补贴1200元/人", 1200.0, None, "元/人", "exact"),
    ("细颗粒物浓度28微克/立方米", 28.0, None, "微克/立方米", "exact"),
    ("死亡率0.015人/百亿元", 0.015, None, "人/百亿元", "exact"),
    ("吞吐量突破千万标箱", 1e7, None, "标箱", "more_than"),
    ("集装箱380万标箱", 3.8e6, None, "标箱", "exact"),
    ("电话交换机2860万门", 2.86e7, None, "门", "exact"),
    ("演出1200场次", 1200.0, None, "场次", "exact"),
    ("客运量45万辆次", 450000.0, None, "辆次", "exact"),
    ("开行青川班列3200班次", 3200.0, None, "班次", "exact"),  # langp8: runs of a line, one unit
    ("服务科考船860航次", 860.0, None, "航次", "exact"),
    ("惠及经营主体2.4万户次", 24000.0, None, "户次", "exact"),
    ("用电量52.3亿千瓦时", 5.23e9, None, "千瓦时", "exact"),
    ("节电8000万千瓦时", 8e7, None, "千瓦时", "exact"),
    ("能耗下降260万吨标准煤", 2.6e6, None, "吨", "exact"),
    ("发电量345亿度", 3.45e10, None, "度", "exact"),
    ("天然气产量10亿方以上", 1e9, None, "方", "at_least"),
    # modifiers wherever they stand
    ("汽车保有量超300万辆", 3e6, None, "辆", "more_than"),
    ("分别约为5%", 5.0, None, "%", "approx"),
    ("惠及近万人", 1e4, None, "人", "approx"),
    ("新增超过1.2万家", 12000.0, None, "家", "more_than"),
    ("近年来增长5%", 5.0, None, "%", "exact"),
    ("超级计算中心2个", 2.0, None, "个", "exact"),
    ("同世界上一百七十四个国家", 174.0, None, "个", "exact"),
], ids=lambda v: v if isinstance(v, str) and not v.isascii() else None)
def test_quantity(text, value, value_max, unit, modifier):
    q = one(text)
    assert q.value == pytest.approx(value)
    assert q.value_max == (pytest.approx(value_max) if value_max else None)
    assert (q.unit, q.modifier) == (unit, modifier)


@pytest.mark.parametrize("text", [
    "2019年", "4月15日", "连续9个月", "五年来", "第26届", "5G网络", "PM2.5浓度", "6号线", "“十四五”",
    "三大攻坚战", "八项行动计划", "70周年", "一批项目", "一次性补助", "三次产业", "万吨级码头",
    "比例为6.6:40.2:53.2", "千千万万个家庭", "C919大飞机", "10多年", "讨论了三天",
    "几十年", "几百万人", "数百万群众", "成千上万家", "千百万群众", "千万不可松懈", "万元GDP能耗", "亿万人民",
    "5年以上", "近5年", "“3+N”产业", "IV类水体", "Ⅲ类水质", "排名第三", "荣获二等奖", "居前列",
], ids=str)
def test_not_a_quantity(text):
    assert quantities(normalize(text).text) == []


def test_span_covers_modifiers_and_unit():
    work = normalize("外汇储备超过3.2万亿美元，增长5%左右").text
    assert [q.span.text for q in quantities(work)] == ["超过3.2万亿美元", "5%左右"]


# The modifier word written before a value: the longest that ends there, a linking word between them or not.
@pytest.mark.parametrize("text, value_text, cue", [
    ("青川市赤字率不超过3%", "不超过3%", "不超过"),  # not the 超过 it ends in
    ("两项指标分别约为5%", "约为5%", "约"),  # 为 links the word to the value
    ("这个比重大约是17%", "大约是17%", "大约"),  # and so does 是 (langn8)
    ("吞吐量突破8万吨", "突破8万吨", "突破"),
    ("打破8万吨纪录", "8万吨", None),  # 破 ends 突破, but 打破 is no modifier word
    ("超过3%", "超过3%", "超过"),  # a word that opens the text
    ("为5%", "5%", None),  # a linking word with no word before it
])
def test_the_modifier_word_before_a_value(text, value_text, cue):
    q = one(text)
    assert (q.span.text, q.cue) == (value_text, cue)


@pytest.mark.parametrize("rule, text", [
    ("session", "青川市十五届人大四次会议"), ("session", "十四届全国人大三次会议"), ("session", "市委十届九次全会"),
    ("ordinal", "市第十二次党代会"), ("ordinal", "居全国第7位"),
    ("label", "实施“双千工程”10个"), ("label", "打造“5个200”"),
    ("size_class", "千亿级产业集群"), ("size_class", "万吨级码头"), ("size_class", "百万千瓦级机组"),
    ("class_threshold", "新开工投资1亿元以上项目120个"), ("class_threshold", "10亿元以上的企业"),
    ("size_class", "500千伏输变电工程"),
    ("class_threshold", "年营收超5亿元的企业达30家"), ("class_threshold", "主营业务收入2000万元以上的工业企业"),
    ("class_threshold", "年销售收入超过8亿元的龙头企业"), ("class_threshold", "新增财政收入超20亿元县3个"),
    ("class_threshold", "年应纳税所得额不到100万元的部分"), ("class_threshold", "年产煤100万吨以上的就有12个"),
    ("class_threshold", "人均收入不到3000元的国家"), ("class_threshold", "年出口额超1亿美元的企业"), ("class_threshold", "年吞吐量100万吨以上的物流园区"), ("class_threshold", "年主营业务收入2000万元及以上的工业企业"),
    ("report_structure", "重点做好7个方面工作"), ("report_structure", "抓好以下8个方面"),
    ("report_structure", "报告分三个部分"), ("report_structure", "重点抓好以下8项工作"),
    ("grade", "3类水质"), ("grade", "3等奖"),
    ("rank", "居全国前5位"), ("rank", "进入全省前十"), ("rank", "世界500强企业"),
    ("per_base", "每10万人口"), ("per_base", "每万人口"),
    ("vague", "数百万群众"), ("vague", "几十万人"), ("bare_magnitude", "万亿产业集群"),
    ("time_frame", "2019年"), ("time_frame", "十多年"),
    ("too_large", "增长" + "9" * 20 + "%"), ("too_large", "20000万亿元"), ("not_a_numeral", "贷款10亿余万"),
], ids=str)
def test_dropped_by_a_named_rule(rule, text):
    dropped = []
    quantities(normalize(text).text, dropped=dropped)
    assert rule in [d.rule for d in dropped], dropped


@pytest.mark.parametrize("text, value_text", [
    ("全市80%以上的企业实现数字化改造", "80%以上"),  # a share of the firms, not a bound on each
    ("实施500个以上市重点项目", "500个以上"),  # a count of the projects themselves
    ("累计投资超过100亿元推动项目建设", "超过100亿元"),  # no 的 or 以上: a verb, not a class's words, follows
    ("实施总投资50亿元的青川港项目", "50亿元"),  # no bound: one project's amount
    ("新建7个青川方面军纪念馆", "7个"),  # 方面 only as a word of its own
    ("为3岁以下2万名婴幼儿发放补贴", "2万名"),  # 以下 bounds the age before it, it lists nothing
    ("完成以下12个重点工程", "12个"),  # things built, listed next: not the report's own tasks
], ids=str)
def test_amounts_near_a_class_noun_stay(text, value_text):
    assert value_text in [q.span.text for q in quantities(normalize(text).text)]


@pytest.mark.parametrize("text, length", [
    ("1.新建10个社区食堂", 2), ("(3)新增托位2000个", 3), ("4、增加300个学位", 2), ("③建成口袋公园20个", 1),
    ("12.改造老旧小区", 3),
    ("(二)各项税收", 3), ("（十二）改造", 4), ("1.5万个学位", 0), ("一、二、三产业增加值", 0), ("新建10个社区食堂", 0), ("2026年", 0),
], ids=str)
def test_list_mark(text, length):
    assert list_mark(normalize(text).text) == length


@pytest.mark.xfail(strict=True, reason="a capacity class of plants (10万千瓦及以下燃煤机组) is read as an amount: "
                                        "千瓦 bounds no class, 建成300万千瓦以上的风电项目 is an amount built")
def test_a_capacity_class_of_plants():
    assert quantities(normalize("关停10万千瓦及以下燃煤机组").text) == []


@pytest.mark.xfail(strict=True, reason="a class bounded by a range (100万元至300万元的部分) is read as an amount")
def test_a_class_bounded_by_a_range():
    assert quantities(normalize("年应纳税所得额100万元至300万元的部分减半征收").text) == []


def test_a_size_class_drops_only_the_class():
    found = quantities(normalize("新开工亿元以上项目120个").text)
    assert [(q.value, q.unit) for q in found] == [(120.0, "个")]


@pytest.mark.parametrize("numeral, value", [
    ("十四", 14), ("三千二百", 3200), ("两", 2), ("九点七", 9.7), ("千", 1000), ("一百零五", 105), ("二十", 20),
    ("万", 1e4), ("三亿零五百多万", 3.05e8), ("四亿零七百万", 4.07e8), ("一百几十亿", 1e10), ("十几", 10),
    ("两千三百万", 2.3e7), ("一千零五十", 1050), ("二百十七", 217), ("六万万", 6e8), ("一万二千亿", 1.2e12),
    ("3千万", 3e7), ("1.2万亿", 1.2e12), ("三点五万", 35000), ("二〇二五", 2025), ("一亿一千四百多万", 1.14e8),
    ("二十点四", 20.4), ("零点二", 0.2), ("十点四", 10.4), ("一百零五点五", 105.5),
], ids=str)
def test_chinese_numerals(numeral, value):
    assert chinese_to_number(numeral) == pytest.approx(value)


@pytest.mark.parametrize("numeral", [
    "千千", "十十", "abc", "", "千百万", "亿万", "五万三万", "三五千", "几十", "几万万", "十点", "多", "一二两",
], ids=str)
def test_not_chinese_numerals(numeral):
    assert chinese_to_number(numeral) is None


@pytest.mark.parametrize("run", ["五" * 400, "万" * 400, "亿" * 400, "九亿" * 300, "一千" * 300, "1" * 400,
                                 "十" * 400, "零" * 400, "五多" * 300], ids=lambda r: r[:4])
def test_long_numerals_never_raise(run):
    value = chinese_to_number(run)
    assert value is None or math.isfinite(value)


_NUMBERY = "零〇一二两三四五六七八九十百千万亿几多余点0123456789.,%个元吨以上左右约近超过第届年 、，"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_NUMBERY, max_size=400))
def test_every_quantity_is_finite_and_grounded(text):
    limit = float(language().raw["max_value"])
    for q in quantities(text):
        assert math.isfinite(q.value) and abs(q.value) < limit
        assert q.value_max is None or math.isfinite(q.value_max)
        assert text[q.span.start:q.span.end] == q.span.text and q.span.text


# --- integrity of the number language's data ---------------------------------------------------

def test_traditional_table_folds_one_for_one():
    from importlib import resources
    lines = resources.files("zhibiao").joinpath("data/traditional.txt").read_text(encoding="utf-8")
    pairs = [p for line in lines.splitlines() if not line.startswith("#") for p in line.split()]
    simplified = set(resources.files("zhibiao").joinpath("data/common_hanzi.txt").read_text(encoding="utf-8"))
    assert pairs and all(len(p) == 2 and p[0] != p[1] for p in pairs), [p for p in pairs if len(p) != 2]
    assert len({p[0] for p in pairs}) == len(pairs), "a traditional character listed twice"
    assert not {p[0] for p in pairs} & simplified, "a character that is simplified text itself"
    text = "".join(p[0] for p in pairs)
    assert normalize(text).text == "".join(p[1] for p in pairs)


def test_not_indicator_rules_are_plain_words():
    raw = language().raw
    no = raw["not_indicators"]
    lists = [no["session"]["after"], no["session"]["marks"], no["session"]["term"], no["class_suffixes"],
             no["class_units"], no["size_class_nouns"], no["grade_after"], no["rank"]["before"],
             no["class_threshold"]["units"], no["class_threshold"]["bounds"], no["class_threshold"]["headless"], no["report_structure"]["counters"],
             no["report_structure"]["parts"], no["report_structure"]["following"], no["report_structure"]["tasks"],
             no["rank"]["not_after"], no["rank"]["after"], no["per_before"], no["vague"]["before"],
             no["vague"]["not_after"], raw["rate_denominators"], raw["modifiers"]["linking"]]
    for words in lists:
        assert words and len(words) == len(set(words)), words
        assert all(isinstance(w, str) and w and not w.isspace() for w in words), words
    assert all(len(o) == 1 and len(c) == 1 for o, c in no["label_quotes"]["pairs"].items())
    assert 1e12 < float(raw["max_value"]) < 1e300


def test_unit_blockers_block_known_units():
    lang = language()
    assert set(lang.unit_blockers) <= set(lang.units)


# Words of reports the corpus lacks: each row fails if its word leaves the language data.
@pytest.mark.parametrize("text, unit", [
    (f"定额标准为35元/{base}", f"元/{base}") for base in
    ["人", "户", "吨", "亩", "公顷", "平方米", "千瓦时", "公里", "小时", "天", "日", "分钟", "升", "人次", "件", "辆", "台",
     "套", "家", "床", "张", "次", "标箱", "斤", "公斤", "千克"]] + [("产出为3.5吨/元", "吨/元"), ("产出为3.5吨/美元", "吨/美元")],
    ids=str)
def test_every_rate_denominator(text, unit):
    assert [q.unit for q in quantities(normalize(text).text)] == [unit]


@pytest.mark.parametrize("word", ["人数", "次数", "户数", "总数", "指数", "件数", "天数", "个数", "岁数", "倍数",
                                  "形成", "建成", "达成", "组成", "构成", "变成", "促成", "造成", "养成"])
def test_a_word_ending_in_a_vague_mark_is_no_vague_span(word):
    assert [q.span.text for q in quantities(normalize(f"全县{word}十万亩").text)] == ["十万亩"]


@pytest.mark.parametrize("word", ["目前", "提前", "之前", "以前", "此前", "当前", "空前", "眼前", "事前", "向前", "超前",
                                  "跟前", "面前", "月前", "日前", "史前"])
def test_a_word_ending_in_qian_is_no_rank(word):
    assert [q.span.text for q in quantities(normalize(f"全县{word}12家企业").text)] == ["12家"]


@pytest.mark.parametrize("rule, text", [
    ("session", "市十二届三次全体会议"), ("session", "青川县第十二届三次党代会"), ("session", "青川县第十二届三次代表大会"),
    ("label", "实施‘5个200’工程"), ("label", "实施「5个200」工程"),
    ("class_threshold", "营业收入100亿元以上的产业集群达到5个"), ("class_threshold", "年产100万吨以上的有31个"),
    ("report_structure", "重点抓好以下8项任务"),
    ("session", "落实市委五届三次、四次全会部署"), ("session", "青川县十二届二次和三次会议"),
], ids=str)
def test_dropped_in_the_language_of_other_reports(rule, text):
    dropped = []
    quantities(normalize(text).text, dropped=dropped)
    assert rule in [d.rule for d in dropped], dropped
