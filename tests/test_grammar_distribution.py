"""Step 4, distribution: one metric per value of a list, on invented sentences of an invented city."""
import pytest

from zhibiao import extract
from zhibiao.grammar import distribution
from zhibiao.lexicon import language
from zhibiao.repair import is_word


def metrics(text):
    return [(r.metric, r.value) for r in extract(text)]


@pytest.mark.parametrize("metric, noun", [
    ("青川县甲产业园", "甲产业园"),  # no joiner: kept, and not looked up
    ("甲产业园和8个乙产业园", "甲产业园"),  # a joiner: read
    ("惠及甲产业园", "甲产业园"),
])
def test_a_counts_own_item_is_read_only_where_a_joiner_stands(metric, noun):
    lang = language()
    got = distribution.own_item(metric, noun, "", True, True, lang)
    assert distribution.holds_joiner(metric, lang) or got == (metric, None)


@pytest.mark.parametrize("text, expected", [
    # parallel items take the head written after the last one, in clean text
    ("城镇、农村常住居民人均可支配收入分别增长4.7%、6.2%。",
     [("城镇常住居民人均可支配收入", 4.7), ("农村常住居民人均可支配收入", 6.2)]),
    ("茶叶、竹笋、蜂蜜出口分别增长12%、8.5%、20%。",
     [("茶叶出口", 12), ("竹笋出口", 8.5), ("蜂蜜出口", 20)]),
    ("电子、材料产业增加值分别增长13.5%、9%。", [("电子产业增加值", 13.5), ("材料产业增加值", 9)]),
    ("铜、锌产量分别增长7%、3%。", [("铜产量", 7), ("锌产量", 3)]),
    # items that share characters with the last item keep the head after them
    ("高技术制造业、装备制造业增加值分别增长9.1%、7.4%。",
     [("高技术制造业增加值", 9.1), ("装备制造业增加值", 7.4)]),
    # ordinal lists, with and without 第
    ("第一、二、三产业增加值分别增长3.2%、5.5%和6.1%。",
     [("第一产业增加值", 3.2), ("第二产业增加值", 5.5), ("第三产业增加值", 6.1)]),
    ("一、二、三产业增加值分别增长2.9%、4.4%和5.8%。",
     [("一产业增加值", 2.9), ("二产业增加值", 4.4), ("三产业增加值", 5.8)]),
    # compound heads split into their parts
    ("城乡居民人均可支配收入分别增长4.5%和6.8%。", [("城镇居民人均可支配收入", 4.5), ("农村居民人均可支配收入", 6.8)]),
    ("存贷款余额分别增长8%、10%。", [("存款余额", 8), ("贷款余额", 10)]),
    ("一般公共预算收支分别为300亿元、520亿元。", [("一般公共预算收入", 3e10), ("一般公共预算支出", 5.2e10)]),
    ("青川市实际使用内外资分别增长8%、5.5%。", [("青川市实际使用内资", 8.0), ("青川市实际使用外资", 5.5)]),
    # a last item that is a kind of an earlier one shares only its measure word with it
    ("全市工业、服务业、工业技改投资分别增长3.1%、8.2%、10.5%。", [("工业投资", 3.1), ("服务业投资", 8.2), ("工业技改投资", 10.5)]),
    # an item longer than the last one's own words takes the measure word that ends the last item
    ("芯片、汽车零配件、锂电池出口分别增长17.9%、26.7%、37.4%。",
     [("芯片出口", 17.9), ("汽车零配件出口", 26.7), ("锂电池出口", 37.4)]),
    ("黄金、白银、精制铝锭、镍产量分别增长5%、9%、12%、3%。",
     [("黄金产量", 5), ("白银产量", 9), ("精制铝锭产量", 12), ("镍产量", 3)]),
    # the measure is taken from the start of the dictionary word that holds it (东盟|进出口)
    ("对拉美五国、东盟进出口分别增长12%、9%。", [("对拉美五国进出口", 12), ("东盟进出口", 9)]),
    # ... but not where another item names its own measure: the items are metrics of their own
    ("进口货值、外籍游客入境人次、国际邮轮停靠、离岛免税销售额分别增长12%、30%、8%、18%。",
     [("进口货值", 12), ("外籍游客入境人次", 30), ("国际邮轮停靠", 8), ("离岛免税销售额", 18)]),
    # an item that names its own metric, or an open list (…等), is left as written
    ("研发投入、专利授权量分别增长11%、6%。", [("研发投入", 11), ("专利授权量", 6)]),
    ("货物出口值、旅游接待量分别增长11%、6%。", [("货物出口值", 11), ("旅游接待量", 6)]),
])
def test_items_of_a_list_get_the_shared_head(text, expected):
    assert metrics(text) == expected


def test_a_shared_qualifier_reaches_the_items_after_the_first():
    rows = metrics("青川市建成市级以上示范农场40个、示范牧场15个。")
    assert rows[1] == ("市级以上示范牧场", 15)
    assert rows[0][0].endswith("市级以上示范农场")


def test_an_autonomous_region_qualifier_is_shared_whole():
    assert metrics("建成自治区级以上示范农场40个、示范牧场15个。")[1] == ("自治区级以上示范牧场", 15)


def test_a_qualifier_is_not_invented_where_none_is_written():
    assert metrics("建成学校5所、医院3家。")[1][0] == "医院"


def test_a_modifier_after_the_last_value_qualifies_that_value_alone():
    rows = extract("粮食、油料产量分别达到120万吨、30万吨左右。")
    assert [(r.metric, r.modifier) for r in rows] == [("粮食产量", "exact"), ("油料产量", "approx")]
    rows = extract("甲、乙两县财政收入分别增长6%、9%以上。")
    assert [r.modifier for r in rows] == ["exact", "at_least"]


def test_the_trace_names_the_pairing_rule():
    (first, _) = extract("城乡居民人均可支配收入分别增长4.5%和6.8%。")
    assert ("metric", "distribution", "compound_head") in first.trace
    rows = extract("建成市级以上示范农场40个、示范牧场15个。")
    assert ("metric", "distribution", "qualifier_shared_by_items") in rows[1].trace


@pytest.mark.parametrize("items, expected", [
    (["城镇", "农村居民收入"], ["城镇居民收入", "农村居民收入"]),
    (["第一", "二", "三产业"], ["第一产业", "第二产业", "第三产业"]),
    (["肉牛", "羊肉等"], ["肉牛", "羊肉等"]),
    (["小麦", "稻谷最低收购价分别"], ["小麦最低收购价", "稻谷最低收购价分别"]),
])
def test_complete_heads(items, expected):
    assert distribution.complete_heads(items, is_word, language()) == expected


@pytest.mark.parametrize("text, expected", [
    # a cumulative value counts every such thing: the verb of new things is not carried onto it
    ("青川市新增示范县10个，累计达到40个。", [("青川市新增示范县", 10), ("青川市示范县", 40)]),
    ("新建乡村书屋36个，累计达到210个。", [("新建乡村书屋", 36), ("乡村书屋", 210)]),
    # a bare verb of the level reached makes it a total too (达到, 达)
    ("全市新增省级专精特新企业12个、达到95个。", [("新增省级专精特新企业", 12), ("省级专精特新企业", 95)]),
    ("全市新建5G基站1200个、达8600个。", [("新建5G基站", 1200), ("5G基站", 8600)]),
    # and so does a head that totals (总数, 总量, 总额), not one that measures the new things (里程)
    ("全市新增境内上市公司6家，总数48家。", [("新增境内上市公司", 6), ("境内上市公司总数", 48)]),
    ("全省新增上市公司48家、总量达122家。", [("新增上市公司", 48), ("上市公司总量", 122)]),
    ("全市新增贷款300亿元，总额达到5000亿元。", [("新增贷款", 3e10), ("贷款总额", 5e11)]),
    ("全市新建高速公路8条，里程320公里。", [("新建高速公路", 8), ("新建高速公路里程", 320)]),
    # a value that is no total takes the carried metric whole
    ("新建乡村书屋36个，比上年多12个。", [("新建乡村书屋", 36), ("新建乡村书屋", 12)]),
])
def test_a_total_so_far_takes_no_verb_of_new_things(text, expected):
    assert metrics(text) == expected


def test_the_trace_names_the_dropped_verb_of_new_things():
    rows = extract("青川市新增示范县10个，累计达到40个。")
    assert ("metric", "distribution", "new_things_dropped_from_cumulative") in rows[1].trace


@pytest.mark.parametrize("text, expected", [
    # 分别 inside the words before the values (its verb in no list): what follows it is every item's
    ("煤炭、电解铝分别淘汰落后产能200万吨和12万吨。", [("煤炭淘汰落后产能", 2e6), ("电解铝淘汰落后产能", 1.2e5)]),
    ("城镇新增就业、新增创业担保贷款分别完成年计划的118%、148%。",
     [("城镇新增就业完成年计划", 118), ("新增创业担保贷款完成年计划", 148)]),
])
def test_words_after_a_distributive_inside_the_metric_are_every_items(text, expected):
    assert metrics(text) == expected


def test_carried_metrics_pair_in_order():
    assert distribution.carried(["甲", "乙", "丙"], 2) == (["乙", "丙"], "carried_in_order")
    assert distribution.carried(["甲"], 3) == (["甲", "甲", "甲"], "carried_last")
    assert distribution.carried(["城镇居民收入和农村居民收入"], 2, language(), is_word) == (
        ["城镇居民收入", "农村居民收入"], "carried_items_in_order")
    assert distribution.carried(["城镇居民收入和农村居民收入"], 3, language(), is_word)[1] == "carried_last"


def test_a_carried_list_pairs_its_items_with_the_values_in_order():
    rows = metrics("农村居民人均纯收入和城镇居民人均可支配收入，去年分别达到1.2万元和3.1万元。")
    assert rows == [("农村居民人均纯收入", 1.2e4), ("城镇居民人均可支配收入", 3.1e4)]


@pytest.mark.parametrize("text, expected", [
    # a 合计 total over a list keeps the whole list
    ("茶叶、竹笋、蜂蜜出口合计增长15%。", [("茶叶、竹笋、蜂蜜出口", 15)]),
    # a list item never takes a piece of the clause before
    ("新建学校5所，医院、养老院合计12家。", [("新建学校", 5), ("医院、养老院", 12)]),
])
def test_a_total_over_a_list_keeps_the_list(text, expected):
    assert metrics(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a pair of words of one kind before a shared measure noun, the qualifier before the first shared too
    ("金融机构本外币存款、贷款余额分别增长6.1%、7.2%。",
     [("金融机构本外币存款余额", 6.1), ("金融机构本外币贷款余额", 7.2)]),
    ("全市本外币进口、出口总额分别增长3%、8%。", [("本外币进口总额", 3), ("本外币出口总额", 8)]),
    # a qualifier that makes one word with the first item's word is that item's own
    ("高速公路、铁路里程分别达到5200公里、3100公里。", [("高速公路里程", 5200), ("铁路里程", 3100)]),
    # the pair squeezed: the first item is one character of a word the last item's first word completes
    ("金融机构本外币存、贷款余额分别达到3200亿元、2800亿元。",
     [("金融机构本外币存款余额", 3.2e11), ("金融机构本外币贷款余额", 2.8e11)]),
    # a head starts with a dictionary word, never inside a run of single characters
    ("制造业、普惠小微贷款余额分别增长9.4%、12.1%。", [("制造业贷款余额", 9.4), ("普惠小微贷款余额", 12.1)]),
    # a later item that is only a measure noun measures the first item's subject
    ("竹制品产量、产值分别增长9%、8%。", [("竹制品产量", 9), ("竹制品产值", 8)]),
    ("市属企业工业总产值、利润分别增长6%、11%。", [("市属企业工业总产值", 6), ("市属企业工业利润", 11)]),
    # the denominator of a rate that opens the first item is every item's
    ("单位地区生产总值能耗和二氧化碳排放分别下降3.1%、4.2%。",
     [("单位地区生产总值能耗", 3.1), ("单位地区生产总值二氧化碳排放", 4.2)]),
    ("每千人口床位数、执业医师数分别达到7.1张、3.2人。", [("每千人口床位数", 7.1), ("每千人口执业医师数", 3.2)]),
    # 、 parts the items where 和/及 join words inside one (普及率, 文化及相关产业)
    ("农村自来水、卫生户厕普及率分别达到96%、88%。", [("农村自来水普及率", 96), ("卫生户厕普及率", 88)]),
    ("文化及相关产业、旅游及相关产业增加值分别增长6%、9%。",
     [("文化及相关产业增加值", 6), ("旅游及相关产业增加值", 9)]),
    # a word pair with no measure noun after it is no pair: the items are left as written
    ("城镇新增就业、失业人员再就业分别达到8万人、2万人。", [("城镇新增就业", 8e4), ("失业人员再就业", 2e4)]),
])
def test_a_pair_before_a_shared_measure_noun(text, expected):
    assert metrics(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 和 and 年均/人均/平均 (not 均 alone) keep a one-value list one record: the metric is the whole list
    ("货物和服务进出口年均增长7.6%。", [("货物和服务进出口", 7.6)]),
    ("水产和林产品加工成本平均降低3.5%。", [("水产和林产品加工成本", 3.5)]),
    # 均 alone gives each item the value
    ("运输量和货值均增长12%。", [("运输量", 12), ("货值", 12)]),
    # 双双 (both) distributes as 均 does, and is no part of a metric
    ("青川市存、贷款余额双双突破600亿元。", [("青川市存款余额", 6e10), ("青川市贷款余额", 6e10)]),
    ("粮食和蔬菜产量双双增长3.5%。", [("粮食产量", 3.5), ("蔬菜产量", 3.5)]),
])
def test_one_value_after_a_joined_list(text, expected):
    assert metrics(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the verb the first item opens with says what every item counts
    ("改造城镇老旧小区312个、棚户区1.3万套。", [("改造城镇老旧小区", 312), ("改造棚户区", 1.3e4)]),
    ("新改建农村公路820公里、村级寄递物流综合服务点900个以上。",
     [("新改建农村公路", 820), ("新改建村级寄递物流综合服务点", 900)]),
    ("新增国家级旅游度假区3个、4A级景区5个、夜间消费集聚区7个。",
     [("新增国家级旅游度假区", 3), ("新增4A级景区", 5), ("新增夜间消费集聚区", 7)]),
    ("新建学校5所、医院3家。", [("新建学校", 5), ("新建医院", 3)]),
    ("新建和改造农村公路380公里、电网线路260公里。", [("新建和改造农村公路", 380), ("新建和改造电网线路", 260)]),
    # an item with its own verb, or one that names a measure or a rate, keeps its own words
    ("新增省级实验室4家、培育新型研发机构9家。", [("新增省级实验室", 4), ("新型研发机构", 9)]),
    ("新增城镇就业3.2万人、城镇调查失业率5.4%。", [("新增城镇就业", 3.2e4), ("城镇调查失业率", 5.4)]),
    ("新增贷款120亿元、存款余额900亿元。", [("新增贷款", 1.2e10), ("存款余额", 9e10)]),
    # a verb dropped from the first item (建成: only says it was done) is shared by none
    ("建成学校5所、医院3家。", [("学校", 5), ("医院", 3)]),
])
def test_a_leading_verb_is_shared_by_the_items_after_values(text, expected):
    assert metrics(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an item that is only a verb of a deed done takes the subject of the item before's own such verb
    ("青川市重点项目开工120个、竣工95个。", [("青川市重点项目开工", 120), ("青川市重点项目竣工", 95)]),
    ("东川区亿元以上项目新开工43个、竣工38个、投产12个。",
     [("东川区亿元以上项目新开工", 43), ("东川区亿元以上项目竣工", 38), ("东川区亿元以上项目投产", 12)]),
    ("青川市中小学校舍新建40所、改造65所。", [("青川市中小学校舍新建", 40), ("青川市中小学校舍改造", 65)]),
    # a first item that ends in no such verb lends no subject
    ("青川市新开工项目120个、竣工95个。", [("青川市新开工项目", 120), ("竣工", 95)]),
])
def test_a_bare_deed_after_a_value_takes_the_subject_before(text, expected):
    assert metrics(text) == expected


def test_a_bare_measure_noun_after_a_value_takes_the_subject_before():
    assert metrics("竹制品总产量增长9%、产值增长8%。") == [("竹制品总产量", 9), ("竹制品产值", 8)]
    assert metrics("规上工业增加值增长8%、利润增长10%。")[1] == ("规上工业利润", 10)
    assert metrics("青川集团营收增长5.9%、利润增长5.5%。") == [("青川集团营收", 5.9), ("青川集团利润", 5.5)]


@pytest.mark.parametrize("text, expected", [
    # a bare two-character noun counted after an item ending in such a noun is of the same kind
    ("青川市新认定省级示范乡镇4个、村庄12个。", [("青川市新认定省级示范乡镇", 4), ("青川市新认定省级示范村庄", 12)]),
    # but not one with a verb of its own, nor one counted in no classifier of things
    ("累计投入帮扶资金16亿元、实施项目79个。", [("帮扶资金", 1.6e9), ("项目", 79)]),
    ("青川市新认定省级示范乡镇4个、村庄12%。", [("青川市新认定省级示范乡镇", 4), ("村庄", 12)]),
])
def test_a_bare_noun_after_a_value_takes_the_head_before(text, expected):
    assert metrics(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a measure of a word the item before measured, or was, has that item's subject
    ("全市清洁能源装机规模超800万千瓦、装机占比超60%。", [("清洁能源装机规模", 8e6), ("清洁能源装机占比", 60)]),
    ("全市风电装机超1000万千瓦、装机占比超40%。", [("风电装机", 1e7), ("风电装机占比", 40)]),
    # an item naming its own subject keeps it
    ("全市风电装机超1000万千瓦、光伏装机占比超20%。", [("风电装机", 1e7), ("光伏装机占比", 20)]),
])
def test_a_measure_of_a_shared_word_takes_the_subject_before(text, expected):
    assert metrics(text) == expected
    rules = {rule for r in extract(text) for _, _, rule in r.trace}
    assert ("subject_shared_by_measure_words" in rules) == (expected[1][0] != "光伏装机占比")


@pytest.mark.parametrize("text, expected", [
    # counts each before its own noun: neither takes the other's item, nor the number in it
    ("完成812个行政村生活污水和96个农村黑臭水体治理。", [("行政村生活污水治理", 812), ("农村黑臭水体治理", 96)]),
    ("建设10个乡镇养老服务中心和30个村级互助幸福院。", [("乡镇养老服务中心", 10), ("村级互助幸福院", 30)]),
    ("新建12所乡镇卫生院与35所村卫生室。", [("乡镇卫生院", 12), ("村卫生室", 35)]),
    # the next count stands after words of its own: its noun takes them, the count before does not
    ("推进16个产粮大县和青川平原80万亩高标准农田建设。", [("产粮大县", 16), ("青川平原高标准农田", 8e5)]),
])
def test_counts_joined_with_their_own_nouns_stay_apart(text, expected):
    assert metrics(text) == expected


@pytest.mark.parametrize("text, expected", [
    # nouns after a count's noun that open with a word of it, or end as it ends, are counted with it
    ("培育30个市级产业园、产业集群、产业强镇。", [("市级产业园、产业集群、产业强镇", 30)]),
    ("实施80项市级重大科技专项、重点研发专项。", [("市级重大科技专项、重点研发专项", 80)]),
    ("新建150个智能车间、智能工厂。", [("智能车间、智能工厂", 150)]),
    # an item with a number, a verb, or no word in common is no item of the count
    ("新建12所学校、3家医院。", [("学校", 12), ("医院", 3)]),
    ("培育30个示范村、带动示范户增收。", [("示范村", 30)]),
    ("加快2条在建海缆、国际通信出入口局建设。", [("在建海缆", 2)]),
])
def test_items_after_a_count_share_it(text, expected):
    assert metrics(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a clause naming no measure, ending with the head word the metric before names its subject with,
    # is measured as that one is
    ("青川市纺织产业年产值超500亿元，化工、建材产业超300亿元，食品产业超百亿元。",
     [("青川市纺织产业年产值", 5e10), ("化工、建材产业年产值", 3e10), ("食品产业年产值", 1e10)]),
    ("东川区公路总里程1.2万公里，其中农村公路9000公里。",
     [("东川区公路总里程", 1.2e4), ("农村公路总里程", 9000)]),
    # the words after the head are another noun, or none: nothing is carried
    ("青川市建材产业投资总额120亿元，化工产业80亿元。", [("青川市建材产业投资总额", 1.2e10), ("化工产业", 8e9)]),
    ("青川市粮食产量120万吨，油料30万吨。", [("青川市粮食产量", 1.2e6), ("油料", 3e5)]),
])
def test_a_parallel_clause_takes_the_measure_before(text, expected):
    assert metrics(text) == expected


@pytest.mark.xfail(strict=True, reason="an adverb before the framing verb that ends the last item (梯次创建) "
                                       "is in no word list and stays in the item")
def test_an_adverb_after_the_last_item_of_a_count_goes():
    assert metrics("培育30个市级产业园、产业集群、产业强镇梯次创建。") == [("市级产业园、产业集群、产业强镇", 30)]


def test_a_count_noun_cut_at_a_list_mark_stops_at_its_joiner_before_the_next_count():
    rows = metrics("推进6个市级整治项目和校园安全、住房乱象治理2个区级整治项目。")
    assert rows[0] == ("市级整治项目", 6) and rows[1][0].endswith("区级整治项目")


@pytest.mark.parametrize("text, expected", [
    # a joiner right before a count: the item before it has no number and is no part of the count's noun
    ("获批建设省医学中心和8个区域医疗中心。", [("区域医疗中心", 8)]),
    ("全市首个国家级实验室和3家省级实验室投入运行。", [("省级实验室", 3)]),
    # a verb ending in a joiner's character (惠及, 涉及) joins no items
    ("青川市育儿补贴惠及12万婴幼儿。", [("青川市育儿补贴惠及婴幼儿", 1.2e5)]),
])
def test_a_number_less_item_before_a_count_is_dropped(text, expected):
    assert metrics(text) == expected


def test_a_joiner_inside_brackets_joins_words_of_one_noun():
    (first, _) = extract("41个“两基”（普及义务教育和扫除文盲）攻坚县已有37个县通过验收。")
    assert first.metric.startswith("“两基”(普及义务教育和扫除文盲)攻坚县")
    assert ("metric", "distribution", "next_item_cut") not in first.trace


@pytest.mark.parametrize("text, expected", [
    ("累计推出131项制度创新成果，其中27项为全省首创。",
     [("制度创新成果", 131), ("全省首创制度创新成果", 27)]),
    ("认定高新技术企业420家，其中35家是科技领军企业。",
     [("认定高新技术企业", 420), ("科技领军企业认定高新技术企业", 35)]),
])
def test_a_part_of_a_count_is_named_by_what_it_is(text, expected):
    assert metrics(text) == expected


def test_a_joiner_of_two_verbs_before_a_count_stays():
    """The joined verbs are one deed (not split at 和), and the deed done is no part of what is counted."""
    assert metrics("青川市审议通过8项法规，制定和颁布了15项规章。")[1:] == [("规章", 15)]


def test_a_part_without_a_copula_keeps_the_count_before():
    assert metrics("新增企业300家，其中600家。")[1] == ("新增企业", 600)


def test_the_trace_names_the_list_rules():
    rows = extract("改造城镇老旧小区312个、棚户区1.3万套。")
    assert ("metric", "distribution", "verb_shared_by_items_after_values") in rows[1].trace
    rows = extract("完成812个行政村生活污水和96个农村黑臭水体治理。")
    assert ("metric", "distribution", "deed_head_shared_by_joined_counts") in rows[0].trace
    assert ("metric", "distribution", "item_before_dropped") in rows[1].trace
    rows = extract("累计推出131项制度创新成果，其中27项为全省首创。")
    assert ("metric", "distribution", "part_of_count_before") in rows[1].trace
    rows = extract("青川市重点项目开工120个、竣工95个。")
    assert ("metric", "distribution", "subject_shared_by_deeds") in rows[1].trace
    (row,) = extract("新建150个智能车间、智能工厂。")
    assert ("metric", "distribution", "items_share_the_count") in row.trace
    (row,) = extract("青川市共建牛羊肉交易中心，力争交易额达到10亿元。")
    assert ("metric", "distribution", "owner_of_bare_measure") in row.trace
    (row,) = extract("获批建设省医学中心和8个区域医疗中心。")
    assert ("metric", "distribution", "number_less_item_dropped") in row.trace


@pytest.mark.parametrize("text, expected", [
    ("存款、贷款余额分别突破3200亿元、2800亿元。", ["more_than", "more_than"]),
    ("甲、乙、丙三县财政收入分别约为12亿元、9亿元和7亿元。", ["approx", "approx", "approx"]),
    # a value with a word of its own keeps it
    ("甲、乙两县财政收入分别超过12亿元、9亿元左右。", ["more_than", "approx"]),
    # a value after a verb of its own is no list with the first: the word is the first value's alone
    ("财政收入超过12亿元、增长9%。", ["more_than", "exact"]),
])
def test_a_modifier_before_a_distributed_list_covers_every_value(text, expected):
    assert [r.modifier for r in extract(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the unit written once after the last value of a list is every value's
    ("青川市电子、材料产业规模分别达1.2万亿、8200亿元。", [(1.2e12, "元"), (8.2e11, "元")]),
    ("甲、乙、丙三县耕地面积分别减少1.6万、3.8万、2.1万亩。", [(1.6e4, "亩"), (3.8e4, "亩"), (2.1e4, "亩")]),
    # values that write their own units keep them
    ("新建学校5所、医院3家。", [(5, "所"), (3, "家")]),
])
def test_a_unit_written_once_after_a_list_is_every_values(text, expected):
    assert [(r.value, r.unit) for r in extract(text)] == expected


def test_the_trace_names_a_modifier_read_before_the_list():
    rows = extract("存款、贷款余额分别突破3200亿元、2800亿元。")
    assert ("modifier", "modifier", "word_before_value") in rows[0].trace
    assert ("modifier", "modifier", "word_before_list") in rows[1].trace


@pytest.mark.xfail(strict=True, reason="a verb of an item after a value is known only from the word lists: "
                                       "通航 (and verbs in no list) is read as a counted thing and takes 开通")
def test_an_item_with_a_verb_in_no_list_keeps_its_own_words():
    assert metrics("开通航线48条、通航城市21个。")[1] == ("通航城市", 21)


def test_a_shared_verb_is_no_framing_verb():
    """A framing verb is dropped from the first item, so it can never be shared with the items after it."""
    lang = language()
    assert lang.words("shared_verbs") and not set(lang.words("shared_verbs")) & set(lang.words("framing_verbs"))
    assert all(len(w) == 1 for w in lang.raw["closing_marks"]) and set(lang.raw["closing_marks"]).isdisjoint(
        lang.words("list_joiners"))


@pytest.mark.parametrize("text, expected", [
    ("城镇、农村常住居民人均可支\n配收入分别增长4.7%、6.2%。",
     [("城镇常住居民人均可支配收入", 4.7), ("农村常住居民人均可支配收入", 6.2)]),
    ("金融机构本外币存、贷款余\n额分别增长6.1%、7.2%。", [("金融机构本外币存款余额", 6.1), ("金融机构本外币贷款余额", 7.2)]),
    ("改造城镇老旧小区312个、棚户\n区1.3万套。", [("改造城镇老旧小区", 312), ("改造棚户区", 1.3e4)]),
    ("完成812个行政村生活污水和96个农村黑臭水\n体治理。", [("行政村生活污水治理", 812), ("农村黑臭水体治理", 96)]),
    ("货物和服务进出 口年均增长7.6%。", [("货物和服务进出口", 7.6)]),
    ("青川市重点项目开工120个、竣\n工95个。", [("青川市重点项目开工", 120), ("青川市重点项目竣工", 95)]),
    ("芯片、汽车零配件、锂电池出\n口分别增长17.9%、26.7%、37.4%。",
     [("芯片出口", 17.9), ("汽车零配件出口", 26.7), ("锂电池出口", 37.4)]),
    ("新增示范县10个，累计达\n到40个。", [("新增示范县", 10), ("示范县", 40)]),
    ("获批建设省医学中心和8个区域医\n疗中心。", [("区域医疗中心", 8)]),
    ("实施80项市级重大科技专项、重点研\n发专项。", [("市级重大科技专项、重点研发专项", 80)]),
    ("青川市纺织产业年产值超500亿元，化工、建材产\n业超300亿元。",
     [("青川市纺织产业年产值", 5e10), ("化工、建材产业年产值", 3e10)]),
    ("青川市共建牛羊肉交易中心，力争交易\n额达到10亿元。", [("牛羊肉交易中心交易额", 1e9)]),
    ("煤炭、电解铝分别淘汰落后产\n能200万吨和12万吨。", [("煤炭淘汰落后产能", 2e6), ("电解铝淘汰落后产能", 1.2e5)]),
])
def test_lists_in_noisy_text(text, expected):
    """OCR'd or PDF text (a line break or blank inside a word) reads as the clean text does, spans grounded."""
    rows = extract(text, repair=True)
    assert [(r.metric, r.value) for r in rows] == expected
    assert all(text[r.span.start:r.span.end] == r.span.text for r in rows)


@pytest.mark.parametrize("text, second", [
    # the subject before 完成/实现 in the first item is the subject of the items after a value
    ("青川市属企业完成投资55亿元、研发投入13亿元。", "青川市属企业研发投入"),
    ("青川市属企业完成投资55亿元、实现利润8亿元。", "青川市属企业实现利润"),
    ("东川区实现地区生产总值120亿元、一般公共预算收入9亿元。", "东川区一般公共预算收入"),
])
def test_the_subject_opening_the_first_item_is_shared(text, second):
    assert metrics(text)[1][0] == second


@pytest.mark.parametrize("text", [
    "完成投资55亿元、研发投入13亿元。",  # no subject before the verb
    "全市没有实现投资55亿元、研发投入13亿元的目标。",  # a negated verb has no subject before it
    "青川市属企业未完成投资55亿元、研发投入13亿元的目标。",
    "青川市属企业没完成投资55亿元、研发投入13亿元的目标。",
])
def test_no_subject_is_shared_where_none_opens_the_first_item(text):
    assert metrics(text)[1][0].startswith("研发投入")


def test_a_shared_subject_is_named_in_the_trace_and_reaches_a_fenbie_value():
    rows = extract("青川市属企业完成投资55亿元、研发投入13亿元，分别增长10%、8%。")
    assert ("metric", "distribution", "opening_subject_shared_by_items") in rows[1].trace
    assert [(r.metric, r.value) for r in rows[2:]] == [("青川市属企业完成投资", 10), ("青川市属企业研发投入", 8)]


@pytest.mark.parametrize("text, second", [
    # a bare trade flow after a value measures what the item before measured, and the other way round
    ("青川市茶叶产值增长5%、出口增长9%。", "青川市茶叶出口"),
    ("青川市茶叶出口增长5%、产值增长9%。", "青川市茶叶产值"),
    ("青川市家电销售额增长7%、交易额增长4%。", "青川市家电交易额"),
    ("青川市原油产量增长3%、进口增长6%。", "青川市原油进口"),
    ("青川市家电交易额增长3%、销售额增长6%。", "青川市家电销售额"),
])
def test_a_bare_trade_flow_takes_the_subject_before_it(text, second):
    rows = extract(text)
    assert rows[1].metric == second
    assert ("metric", "distribution", "subject_shared_by_items") in rows[1].trace


@pytest.mark.parametrize("text, expected", [
    # a bare measure measures the thing the clause before set up: the object of its verb, or what it counted
    ("青川市共建牛羊肉交易中心，力争交易额达到10亿元。", [("牛羊肉交易中心交易额", 1e9)]),
    ("东川区建设青川物流枢纽，年度完成投资42亿元。", [("青川物流枢纽年度完成投资", 4.2e9)]),
    ("实施300个以上市重点项目，年度完成投资800亿元。", [("市重点项目", 300), ("市重点项目年度完成投资", 8e10)]),
    # a measure with an owner of its own, or a clause before that sets up no plain noun, takes none
    ("青川市共建牛羊肉交易中心，园区营业收入达到10亿元。", [("园区营业收入", 1e9)]),
    ("青川市消费持续回暖，交易额达到10亿元。", [("交易额", 1e9)]),
    ("青川市地区生产总值增长6%，年度完成投资800亿元。", [("青川市地区生产总值", 6), ("年度完成投资", 8e10)]),
])
def test_a_bare_measure_refers_back_to_the_thing_set_up_in_the_clause_before(text, expected):
    assert metrics(text) == expected


@pytest.mark.xfail(strict=True, reason="the owner of a bare measure opening the clause before as its subject "
                                       "(新能源汽车|市场渗透率) is not told from the noun after it")
def test_a_bare_measure_refers_back_to_the_subject_of_the_clause_before():
    assert metrics("青川市新能源汽车市场渗透率全省第一，保有量超40万辆。")[-1][0] == "新能源汽车保有量"


@pytest.mark.parametrize("first", ["四", "五", "六", "七", "八", "九"])
def test_every_ordinal_of_a_list_shares_the_words_after_the_last(first):
    """第四、十批…: each ordinal up to 十 takes the 批 and noun written once after the last."""
    assert metrics(f"全市第{first}、十批试点项目分别为12个、15个。") == [
        (f"第{first}批试点项目", 12.0), ("第十批试点项目", 15.0)]


@pytest.mark.parametrize("text, expected", [
    ("中西部地区生产总值分别增长6%、7%。", [("中部地区生产总值", 6.0), ("西部地区生产总值", 7.0)]),
    ("本专科招生人数分别增加1200人、800人。", [("本科招生人数", 1200.0), ("专科招生人数", 800.0)]),
    ("中小学在校生分别达到12万人、20万人。", [("中学在校生", 120000.0), ("小学在校生", 200000.0)]),
], ids=str)
def test_every_compound_head_the_corpus_lacks(text, expected):
    assert metrics(text) == expected


# National prose, second pass (langn2): a shared head carried whole.
SHARED_HEADS_WHOLE = [
    ("the kind word after a shared verb", "淘汰落后炼钢产能900万吨、水泥产能2300万吨。",
     [("淘汰落后炼钢产能", 900e4), ("淘汰落后水泥产能", 2300e4)]),
    ("the kind word written again by the item", "淘汰落后炼铁产能600万吨、落后焦炭产能300万吨。",
     [("淘汰落后炼铁产能", 600e4), ("淘汰落后焦炭产能", 300e4)]),
    ("the head after the thing, for an item naming only the thing", "近三年淘汰落后炼钢产能900万吨、水泥2300万吨。",
     [("淘汰落后炼钢产能", 900e4), ("淘汰落后水泥产能", 2300e4)]),
    ("a verb of cutting capacity is shared", "全年退出钢铁产能650万吨、煤炭产能2900万吨。",
     [("退出钢铁产能", 650e4), ("退出煤炭产能", 2900e4)]),
    ("a generic head keeps the word it is of", "青川市化学需氧量、氨氮排放总量分别下降3.1%和2.5%。",
     [("青川市化学需氧量排放总量", 3.1), ("氨氮排放总量", 2.5)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in SHARED_HEADS_WHOLE], ids=[c[0] for c in SHARED_HEADS_WHOLE])
def test_a_shared_head_is_carried_whole(text, expected):
    assert metrics(text) == expected


def test_an_item_with_a_verb_of_its_own_takes_no_shared_verb():
    assert metrics("淘汰落后炼钢产能900万吨、新建产能300万吨。")[1] == ("新建产能", 300e4)


@pytest.mark.parametrize("text, expected", [
    ("全市新增铁路运营里程120公里、其中高铁80公里。", [("新增铁路运营里程", 120.0), ("新增高铁运营里程", 80.0)]),
], ids=str)
def test_a_length_head_is_shared_by_an_item_naming_only_the_thing(text, expected):  # langp5
    assert metrics(text) == expected


@pytest.mark.parametrize("head", language().words("joined_deed_heads"))
def test_a_deed_noun_after_joined_counts_is_each_counts(head):  # langp5
    assert metrics(f"全市完成120个行政村生活污水和19个农村黑臭水体{head}。") == [
        (f"行政村生活污水{head}", 120.0), (f"农村黑臭水体{head}", 19.0)]


def test_joined_counts_each_ending_in_its_own_noun_keep_them():
    assert metrics("全市建成120个村卫生室和19个乡镇养老院。") == [("村卫生室", 120.0), ("乡镇养老院", 19.0)]


# langp8: a distributor after a carried list gives its one value to every item.
@pytest.mark.parametrize("text", ["全市存款、贷款余额稳步增加，双双突破9000亿元。", "全市存款、贷款余额增长较快，均超过9000亿元。"],
                         ids=str)
def test_a_carried_list_shares_one_distributed_value(text):
    assert [r.metric for r in extract(text)] == ["存款余额", "贷款余额"]


# langp8: a 其中 part that is a kind of the whole is measured as it is; a quoted name takes the last item's head.
def test_a_kind_of_the_whole_after_qizhong_takes_its_measure():
    records = extract("全市汽车产量增长1.7倍，其中新能源汽车增长17.2倍。")
    assert records[1].metric == "新能源汽车产量"
    assert ("metric", "distribution", "measure_of_the_whole_for_its_part") in records[1].trace


def test_without_qizhong_the_whole_lends_no_measure():
    assert extract("全市粮食产量增长3%，共增产粮食40万吨。")[1].metric == "增产粮食"


def test_a_quoted_name_takes_the_head_of_the_last_item():
    assert [r.metric for r in extract("全市“专精特新”、单项冠军企业分别达到120家、15家。")] == [
        "“专精特新”企业", "单项冠军企业"]


# langp9: the toll of accidents (死亡人数, 受伤人数, 直接经济损失) listed after their count (起数) measures those accidents.
@pytest.mark.parametrize("text, expected", [
    ("全市生产安全事故起数、死亡人数、受伤人数分别下降12%、15%、8%。",
     ["生产安全事故起数", "生产安全事故死亡人数", "生产安全事故受伤人数"]),
    ("全市道路交通事故起数、死亡人数和直接经济损失分别下降9%、11%、6%。",
     ["道路交通事故起数", "道路交通事故死亡人数", "道路交通事故直接经济损失"]),
    ("全市火灾起数下降5%、死亡人数下降7%。", ["火灾起数", "火灾死亡人数"]),
    ("全市盗窃案件、抢劫案件起数分别下降21%、17%。", ["盗窃案件起数", "抢劫案件起数"]),  # a shared 起数
], ids=str)
def test_an_accidents_toll_measures_the_accidents_counted_first(text, expected):
    assert [r.metric for r in extract(text)] == expected


def test_a_toll_with_a_subject_of_its_own_keeps_it():
    assert [r.metric for r in extract("全市火灾起数下降5%，矿山事故死亡人数下降7%。")] == ["火灾起数", "矿山事故死亡人数"]


@pytest.mark.parametrize("text, expected", [
    ("全市国内游客人次、总花费分别增长5%、8%。", ["国内游客人次", "国内游客总花费"]),
    ("全市旅游人次和花费增长均超12%。", ["旅游人次", "旅游花费"]),
], ids=str)
def test_spending_listed_after_visits_takes_their_subject(text, expected):  # langp9
    assert [r.metric for r in extract(text)] == expected
