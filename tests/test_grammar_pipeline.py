"""Record building in grammar.pipeline: how far a count's noun reaches, the unit a noun names, and the runs
of values with no word between them, which give no records."""
from __future__ import annotations

import pytest

import zhibiao
from zhibiao.grammar import quantities
from zhibiao.grammar.pipeline import _noun_unit, iter_indicators
from zhibiao.lexicon import language
from zhibiao.records import Document


def _metrics(text: str) -> dict[str, str]:
    return {r.value_text: r.metric for r in zhibiao.extract(text)}


def test_a_phrase_read_again_gives_the_same_records():
    """Phrase readings are made once and shared: a sentence read after itself reads as it does alone."""
    sentence = "青川市新建8所学校，全市粮食产量增长3.5%，其中稻谷、小麦分别增长2%和4%。"
    alone = [(r.metric, r.value, r.unit, r.kind, r.trace) for r in zhibiao.extract(sentence)]
    again = [(r.metric, r.value, r.unit, r.kind, r.trace) for r in zhibiao.extract(sentence * 3)]
    assert len(alone) == 4 and again == alone * 3


# A count's noun may hold the next count (there the items are parted) but never runs on through another.
@pytest.mark.parametrize("text, value, metric", [
    ("青川市建成12个产业园区和30个孵化基地及5个物流中心。", "12个", "青川市产业园区"),  # parted at 和
    ("青川市培育15家龙头企业带动农户2万户增收3亿元。", "15家", "青川市龙头企业带动农户2万户增收"),
])
def test_a_counts_noun_holds_one_count_at_most(text, value, metric):
    assert _metrics(text)[value] == metric


def test_a_run_of_counts_before_nouns_of_numbers_keeps_each_metric_short():
    records = zhibiao.extract("6亿一" * 40)  # fewer than a wordless run's values: every value is read
    assert len(records) == 40
    assert max(len(r.metric) for r in records) <= len("一一6亿一")  # the word before, the noun up to the next count


@pytest.mark.parametrize("phrase, first, unit", [
    ("企业和农户", True, "家"),  # the first noun after the value
    ("企业和农户", False, "户"),  # the last noun before it
    ("接待游客和旅客", False, "人次"),
    ("新开工项目", False, "个"),
    ("服务纳税人次", False, "人次"),  # places overlap (纳税人, 人次): the one that starts last
    ("服务纳税人次", True, "人"),
    ("农户带动企业农户", False, "户"),  # a noun named again after another
    ("带动就业", True, "人"),
    ("扫除文盲", False, "人"),  # people counted with no measure word
    ("经济犯罪案件中", True, "件"),  # cases counted with no measure word (langn8)
    ("青川市地区生产总值", True, ""),
    ("", False, ""),
])
def test_the_unit_a_noun_names(phrase, first, unit):
    assert _noun_unit(phrase, language(), first=first) == unit


# --- runs of values with no word between them: a table's bare figures or noise, no records ---------

LEAST = int(language().raw["wordless_run"]["values"])


@pytest.mark.parametrize("text, runs", [
    ("六成" * LEAST, [(0, LEAST)]),
    ("六成" * (LEAST - 1), []),  # too short to be no language: a long list is read
    ("青川市粮食产量" + "、".join(["5万吨"] * LEAST) + "。", [(0, LEAST)]),  # punctuation is no word
    ("7亿拾" * LEAST, [(0, LEAST)]),  # nor is a numeral of the big form
    ("增长5%" * LEAST, []),  # a verb between every two values: language
    ("成5%" * LEAST, [(0, LEAST)]),  # one letter is no word of its own
    ("5%公里" * LEAST, [(0, LEAST)]),  # nor is a unit of two letters
    ("六成" * LEAST + "青川" + "5%" * LEAST, [(0, LEAST), (LEAST, 2 * LEAST)]),  # a word ends a run
])
def test_wordless_runs(text, runs):
    lang = language()
    assert quantities.wordless_runs(text, lang, quantities.find(text, lang, 0, len(text))) == runs


def _read(text: str):
    diagnostics = []
    records = list(iter_indicators(Document(text=text), diagnostics=diagnostics))
    return records, diagnostics


def test_a_wordless_run_gives_its_first_value_only_and_a_diagnostic():
    head, tail = "青川市", "，城镇新增就业3.2万人。"
    records, diagnostics = _read(head + "六成" * (LEAST + 9) + tail)
    assert [(r.metric, r.value_text) for r in records] == [("青川市", "六成"), ("城镇新增就业", "3.2万人")]
    (run,) = [d for d in diagnostics if d.code == "wordless_run"]
    assert (run.span.start, run.span.end) == (len(head) + 2, len(head) + 2 * (LEAST + 9))
    assert run.message.startswith(f"{LEAST + 8} values")


def test_a_list_shorter_than_a_wordless_run_is_read_whole():
    records, diagnostics = _read("青川市粮食产量分别为" + "、".join(["5万吨"] * (LEAST - 1)) + "。")
    assert len(records) == LEAST - 1 and not diagnostics


def test_a_wordless_run_in_repaired_text_is_grounded_in_the_original():
    text = "青川市\u200b" + "六\u200b成" * LEAST + "。"  # zero-width characters go in the working text
    records, diagnostics = _read(text)
    (run,) = [d for d in diagnostics if d.code == "wordless_run"]
    assert text[run.span.start:run.span.end] == run.span.text and run.span.text.startswith("六")
    assert all(text[r.span.start:r.span.end] == r.value_text for r in records)


# A count of people written with no measure word takes 人 from its noun (户 for households), as 纳税人 and 学生 do.
@pytest.mark.parametrize("text, value_text, unit", [
    ("青川市育儿补贴惠及3.2万婴幼儿。", "3.2万", "人"),
    ("青川市1200万城乡居民参加医保。", "1200万", "人"),
    ("青川市参保人数增加35万。", "35万", "人"),
    ("青川市30多万监测对象稳定脱贫。", "30多万", "人"),
    ("青川市为2.6万困难残疾人发放补贴。", "2.6万", "人"),
    ("青川市降低8万个体工商户税负。", "8万", "户"),
    ("青川市完成裁减员额3万的任务。", "3万", "人"),
    ("青川市引进150万人才。", "150万", "人"),
    ("青川市吸收外资50亿人民币。", "50亿人民币", "元"),  # a currency, not the 人民 counted
    ("青川市林下经济产值突破百亿。", "突破百亿", ""),  # no noun of people: no unit is guessed
], ids=str)
def test_people_counted_without_a_measure_word(text, value_text, unit):
    assert {r.value_text: r.unit for r in zhibiao.extract(text)}[value_text] == unit


@pytest.mark.parametrize("text, unit", [
    ("青川市有3宗教活动场所。", "宗"),
    ("青川市数据存储容量达到100PB。", "P"),  # PB is storage, not computing power
], ids=str)
def test_a_unit_that_starts_a_longer_word_is_no_unit(text, unit):
    assert all(r.unit != unit for r in zhibiao.extract(text))


@pytest.mark.xfail(strict=True, reason="个 before 人 is read as 个人 (personal), so the count of 人民公社 takes 人 from 人民")
def test_a_count_of_things_named_after_people_keeps_its_measure_word():
    [r] = zhibiao.extract("青川县合并组成为一万二千多个人民公社。")
    assert r.unit == "个"


# The cycle collector is paused while a sentence is read (its records hold no cycles); the caller's
# setting comes back, also when a step raises or the caller stops reading halfway.
@pytest.mark.parametrize("enabled", [True, False])
def test_extraction_leaves_the_collector_as_it_found_it(enabled):
    import gc
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert zhibiao.extract("青川市粮食产量增长3%。全市新建学校12所。")
        assert gc.isenabled() is enabled
        records = iter_indicators(Document(text="青川市粮食产量增长3%。\n全市新建学校12所。"))
        next(records)
        assert gc.isenabled() is enabled  # paused only while a sentence is read, not while the caller holds one
        records.close()
    finally:
        gc.enable() if was else gc.disable()


def test_a_whole_document_is_read_with_the_collector_off(monkeypatch):
    """``extract_document`` keeps it off between sentences too (one collection after, not one per window);
    a caller reading record by record has it back whenever it holds a record."""
    import gc
    from zhibiao.grammar import pipeline

    seen = []
    window_of = pipeline.Window.of
    monkeypatch.setattr(pipeline.Window, "of", lambda *a: seen.append(gc.isenabled()) or window_of(*a))
    text = "青川市粮食产量增长3%。\n全市新建学校12所。"
    assert gc.isenabled()
    assert len(zhibiao.extract(text)) == 2 and seen == [False, False] and gc.isenabled()
    seen.clear()
    assert len(list(iter_indicators(Document(text=text)))) == 2 and seen == [True, True]


def test_threads_reading_at_once_leave_the_collector_on():
    import gc
    from zhibiao.grammar.pipeline import _Collector
    collector = _Collector()
    assert gc.isenabled()
    first, second = collector.paused(), collector.paused()
    first.__enter__()
    second.__enter__()  # a second thread starts while the first reads: it finds the collector off
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the second still reads
    second.__exit__(None, None, None)
    assert gc.isenabled()  # the last one out restores what the first one in found


def test_a_failing_step_does_not_leave_the_collector_off(monkeypatch):
    import gc
    from zhibiao.grammar import pipeline

    def fail(*args, **kwargs):
        raise RuntimeError("a step failed")
    monkeypatch.setattr(pipeline, "_record", fail)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        zhibiao.extract("青川市粮食产量增长3%。")
    assert gc.isenabled()


def test_records_share_their_trace_entries():
    first, second = zhibiao.extract("青川市粮食产量增长3%。青川市工业产值增长5%。")
    assert first.trace == second.trace  # the same rules decided both
    assert all(a is b for a, b in zip(first.trace, second.trace))  # one tuple per rule, not one per record
