"""Integrity of the language data: every table loads, and no word is claimed twice."""
import re

from zhibiao.lexicon import language


def test_magnitudes_are_powers_of_ten():
    for word, value in language().magnitudes.items():
        assert value >= 1000 and float(f"1e{len(str(int(value))) - 1}") == value, word


def test_units_map_to_recorded_units():
    units = language().units
    assert set(units.values()) <= set(units) | {"百分点"}
    for unit in language().chinese_numeral_units:
        assert unit in units, unit


def test_modifiers_are_known_and_disjoint():
    lang = language()
    allowed = {"approx", "at_least", "more_than", "at_most", "less_than"}
    assert set(lang.prefix_modifiers.values()) <= allowed
    assert set(lang.suffix_modifiers.values()) <= allowed
    assert not set(lang.prefix_modifiers) & set(lang.suffix_modifiers)


def test_change_verbs_have_one_direction():
    lang = language()
    assert not lang.change_up & lang.change_down
    assert all(len(v) >= 2 for v in lang.change_up | lang.change_down), "one-character verbs hide inside words"


def test_compound_heads_expand_to_two_or_more():
    for head, parts in language().compound_heads.items():
        assert len(parts) >= 2 and all(p for p in parts), head


def test_every_word_list_is_plain_text():
    lang = language()
    for path in (("fillers",), ("scope",), ("time_words",), ("status", "estimate"), ("status", "target"),
                 ("predicate_verbs",), ("carried_subject_verbs",), ("targets_openers",),
                 ("action_verbs",), ("five_years",), ("openers",), ("status", "between")):
        words = lang.words(*path)
        assert words and len(words) == len(set(words)), path
        assert all(isinstance(w, str) and w and not re.search(r"\s", w) for w in words), path


def test_noun_units_are_recorded_units():
    lang = language()
    assert set(lang.noun_units.values()) <= set(lang.units.values())


# --- every key of the language data is read by the code, with the type it is read as ---

import copy
from pathlib import Path

import pytest
import yaml

from zhibiao import extract
from zhibiao.lexicon import from_raw

ROOT = Path(__file__).resolve().parents[1]
RAW = yaml.safe_load((ROOT / "zhibiao" / "data" / "language.yaml").read_text(encoding="utf-8"))
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "zhibiao").rglob("*.py"))
SECTIONS = ("verbs", "status", "modifiers", "share", "period", "gap")  # mappings of named word lists, not data maps


def _keys():
    for key, node in RAW.items():
        yield key
        if key in SECTIONS:
            yield from (f"{key}.{sub}" for sub in node)


@pytest.mark.parametrize("path", list(_keys()))
def test_every_key_is_read(path):
    name = path.rsplit(".", 1)[-1]
    assert re.search(rf"""["']{re.escape(name)}["']|\.{re.escape(name)}\b""", SOURCE), f"{path} is never read"


def test_no_key_is_written_twice():
    keys = re.findall(r"^(\w+):", (ROOT / "zhibiao" / "data" / "language.yaml").read_text(encoding="utf-8"), re.M)
    assert len(keys) == len(set(keys))


def test_types():
    def lists_of_words(node):
        return isinstance(node, list) and all(isinstance(w, str) and w for w in node)
    for key, node in RAW.items():
        if key in SECTIONS:
            assert isinstance(node, dict), key
            for sub, v in node.items():
                assert lists_of_words(v) or isinstance(v, str) or (
                    isinstance(v, dict) and all(isinstance(w, str) for w in v.values())), (key, sub)
        else:
            assert isinstance(node, (dict, list, str)), key
            if isinstance(node, list):
                assert lists_of_words(node) and len(node) == len(set(node)), key
    for key in ("filler_patterns", "leading_patterns"):
        for pattern in RAW[key]:
            re.compile(pattern)
    for pattern in RAW["period"]["plan_patterns"]:
        re.compile(pattern)
    assert set(RAW["rate_suffixes"].values()) <= {"up", "down"}


def test_a_language_passed_in_is_the_one_used():
    raw = copy.deepcopy(RAW)
    del raw["rate_suffixes"]["增长率"]
    sentence = "全市工业增加值增长率9%。"
    assert [(r.metric, r.kind) for r in extract(sentence)] == [("工业增加值", "change")]
    assert [(r.metric, r.kind) for r in extract(sentence, language=from_raw(raw))] == [("工业增加值增长率", "level")]


@pytest.mark.parametrize("source, chars", [
    (r"(?<![0-9])年(?:底|末)?的?$", "年"),  # a look-behind and what may be left out hold nothing
    (r"a?b|c", "bc"),
    (r"(?:ab)*c", "c"),
    (r"x{2,}", "x"),
    (r"(?:青川|川西)市", "市"),  # the fewest of the elements that must be matched
    (r"(?:青川|川西)[市县]", "青川"),
    (r"[甲乙]丙", "丙"),
    (r"[^x]y", "y"),  # any character but one: no set to look for, the next element's
    (r"[^x]", None),
    (r"[a-c]", "abc"),  # a small range is its characters
    (r"[一-龥]", None),  # a large one is any letter
    (r"\d年", "年"),
    (r"\d+", None),
    (r"(?i)a", None),
    (r"(?i:a)b", "b"),  # a folded case holds nothing to look for, the next element does
    (r"(?:a|)b", "b"),
    (r"的?", None),
    (r"", None),
])
def test_required_chars(source, chars):
    from zhibiao.lexicon import required_chars

    assert required_chars(re.compile(source)) == (None if chars is None else frozenset(chars))


def test_prefiltered_pattern_finds_what_the_pattern_finds():
    """Searched and substituted on invented phrases, at every start, a prefiltered pattern answers as the
    pattern does, both where its characters stand and where none does."""
    from zhibiao.lexicon import Prefiltered, prefiltered

    phrases = ["青川市2031年底的", "青川市比上年", "青川市在全省", "青川市工业增加值", "一二年末", "", "年的", "青川12031年",
               "比上年增长", "在全省", "上年的"]
    for source in (r"(?<![0-9])(?:[0-9]{4}|[一二]{2})年(?:底|末)?的?$|比上年|在全[国省市]", r"(?:比|在)(?:上|全)[年省]"):
        pattern = re.compile(source)
        fast = prefiltered(pattern)
        assert isinstance(fast, Prefiltered)
        for phrase in phrases:
            assert fast.sub("", phrase) == pattern.sub("", phrase)
            assert [m.span() for m in fast.finditer(phrase, 1)] == [m.span() for m in pattern.finditer(phrase, 1)]
            for pos in range(-1, len(phrase) + 2):
                for endpos in (len(phrase), max(pos, len(phrase) - 2), pos):
                    for method in ("search", "match"):
                        got = getattr(fast, method)(phrase, pos, endpos)
                        want = getattr(pattern, method)(phrase, pos, endpos)
                        assert (got and got.span()) == (want and want.span()), (source, phrase, pos, endpos, method)
    assert fast.finditer("青川市比上年") is not None and prefiltered(re.compile(r"\w")).pattern == r"\w"


GATE_NEEDS = {
    "year_dropped": dict(patterns=(r"[0-9]{4}年",)),  # the pattern's 年
    "plan_dropped": dict(words=("计划", "预定")),  # a first letter of a word: 计 or 预
    "quote_dropped": dict(chars="“”"),
    "long_noun_cut": dict(chars="了", length=5),  # 了, and five characters at least
    "any_letter": dict(patterns=(r"\w+",)),  # no character to look for: always tried
    "either": dict(patterns=(r"在", r"\w")),  # one source any letter may match: always tried
}


@pytest.mark.parametrize("rule, phrase, may", [
    ("year_dropped", "青川市2031年工业增加值", True),
    ("year_dropped", "青川市工业增加值", False),
    ("plan_dropped", "青川市粮食产量计划", True),
    ("plan_dropped", "青川市投资预定", True),
    ("plan_dropped", "青川市粮食产量", False),
    ("quote_dropped", "“青川”品牌", True),
    ("quote_dropped", "青川品牌", False),
    ("long_noun_cut", "青川群众远离了危险", True),
    ("long_noun_cut", "群众了", False),  # too short
    ("long_noun_cut", "青川市的群众", False),  # no 了
    ("any_letter", "青川", True),
    ("either", "青川", True),
    ("undeclared_rule", "", True),  # a rule that declares nothing is always tried
    ("undeclared_rule", "青川", True),
])
def test_gate_tries_a_rule_only_where_its_phrase_holds_what_it_needs(rule, phrase, may):
    from zhibiao.lexicon import Gate, Need

    gate = Gate({name: Need(**{k: tuple(re.compile(p) for p in v) if k == "patterns" else v for k, v in need.items()})
                 for name, need in GATE_NEEDS.items()})
    assert gate.may(rule, phrase) is may
    assert gate.may(rule, phrase) is may  # the second look is remembered, and the same


def test_a_gate_of_no_needs_tries_every_rule():
    from zhibiao.lexicon import Gate

    assert Gate({}).may("year_dropped", "青川市") and Gate({}).may("year_dropped", "")


def test_a_used_language_pickles_as_its_data_and_reads_the_same():
    """A Language passed to a worker process: it goes as its data and compiles its own patterns there."""
    import pickle

    sentence = "青川市2031年地区生产总值增长6.5%，城镇新增就业3.2万人，粮食产量稳定在30万吨以上。"
    used = from_raw(copy.deepcopy(language().raw))
    before = [r.to_dict() for r in extract(sentence, language=used)]
    again = pickle.loads(pickle.dumps(used))
    assert again.raw == used.raw and again is not used
    assert [r.to_dict() for r in extract(sentence, language=again)] == before


def test_a_prefiltered_pattern_survives_pickling():
    import pickle

    from zhibiao.lexicon import Prefiltered, prefiltered

    pattern = prefiltered(re.compile("增长(?P<n>[0-9]+)%"))
    assert isinstance(pattern, Prefiltered)
    again = pickle.loads(pickle.dumps(pattern))
    assert again.search("青川市增长7%").group("n") == "7" and again.search("青川市") is None
