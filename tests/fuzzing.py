"""The fuzzer shared by tests/test_fuzz.py (small budget, in CI) and benchmarks/fuzz.py (at scale).

Inputs are invented: sentences of the invented city 青川市 as seeds, mutated, and runs of the
characters numbers are made of. ``check`` runs the whole text path (load_text, then extraction)
and says what went wrong: an exception, a span outside the input or not holding its value text,
a value that is not finite, a record that is not strict JSON, or more time than the budget.
"""
from __future__ import annotations

import json
import math
import random
import time
from dataclasses import dataclass

from zhibiao.store import Overtime as _Overtime, budget as _alarm  # the ingest's own time budget

DIGITS = "0123456789"
NUMERALS = "〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟"
SEPARATORS = ".,，、·．:：-—~～/ "
MAGNITUDES = "十百千万亿兆"
PERCENT = "%％‰个百分点成倍"
UNITS = ["元", "万元", "亿元", "吨", "万吨", "公里", "平方米", "人", "万人", "户", "个", "家", "所"]
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
PUNCTUATION = "。；，、！？：\n"
SEEDS = (
    "青川市地区生产总值增长6.5%，城镇新增就业3.2万人。",
    "今年主要预期目标是：地区生产总值增长6%左右，居民消费价格涨幅3%左右。",
    "全年粮食产量达到41.5亿斤，新建学校12所，改造老旧小区1,234个。",
    "一般公共预算收入完成二百三十亿元，比上年增长百分之五点二。",
    "青川市2031年政府工作报告\n\n一、2030年工作回顾\n\n单位GDP能耗下降3.5%，PM2.5平均浓度28微克/立方米。",
    "研发经费投入强度达到2.8%以上，高新技术企业突破5000家，新增5G基站1.2万个。",
)
NUMBER_ALPHABET = DIGITS + NUMERALS + SEPARATORS + MAGNITUDES + PERCENT


@dataclass(frozen=True)
class Problem:
    """What one input did wrong: kind is exception, span, value, json or time."""

    kind: str
    detail: str



def warm_up() -> None:
    """Load the lazy data (language, lexicons, OCR repair's word lists) before anything is timed."""
    from zhibiao import repair

    repair.repair("青川 市地区 生产 总值 增长 5 %\n" * 40)
    for seed in SEEDS:
        check(seed, budget=60)
        check(" ".join(seed), budget=60)  # noisy: the repair path


def budget_for(text: str) -> float:
    """A generous per-input budget: 1 s plus 50 µs a character, over 30x what a real report costs."""
    return 1.0 + 50e-6 * len(text)


def check(text: str, budget: float | None = None) -> tuple[list[Problem], float, int]:
    """Run the text path on ``text``: the problems found, the seconds taken and the records made."""
    import zhibiao
    from zhibiao.load import load_text

    budget = budget_for(text) if budget is None else budget
    started = time.perf_counter()
    try:
        with _alarm(budget):
            records = zhibiao.extract_document(load_text(text, "<fuzz>"))
    except _Overtime:
        return [Problem("time", f"over the {budget:.1f} s budget")], time.perf_counter() - started, 0
    except Exception as e:  # noqa: BLE001 - what the fuzzer looks for
        return [Problem("exception", f"{type(e).__name__}: {str(e)[:200]}")], time.perf_counter() - started, 0
    seconds = time.perf_counter() - started
    problems = []
    if seconds > budget:
        problems.append(Problem("time", f"{seconds:.2f} s, over the {budget:.1f} s budget"))
    for r in records:
        s, e = r.span.start, r.span.end
        if not (0 <= s < e <= len(text)) or text[s:e] != r.span.text:
            problems.append(Problem("span", f"[{s}, {e}) {r.span.text!r}"))
        ev = r.evidence
        if not (0 <= ev.start <= ev.end <= len(text)) or text[ev.start:ev.end] != ev.text:
            problems.append(Problem("span", f"evidence [{ev.start}, {ev.end})"))
        if not all(v is None or math.isfinite(v) for v in (r.value, r.value_max)):
            problems.append(Problem("value", f"{r.value!r} from {r.span.text[:40]!r}"))
            continue
        try:
            json.dumps(r.to_dict(), ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as e:
            problems.append(Problem("json", str(e)[:200]))
    return problems, seconds, len(records)


# --- generators: each takes a Random and a target length -----------------------------------

def numeral_run(rng: random.Random, n: int) -> str:
    """One character of the number alphabet repeated, or a few alternating, for ``n`` characters."""
    unit = "".join(rng.choice(NUMBER_ALPHABET) for _ in range(rng.randint(1, 3)))
    return (unit * (n // len(unit) + 1))[:n]


def number_soup(rng: random.Random, n: int) -> str:
    """Digits, numerals, separators, magnitudes and percent signs in any order."""
    return "".join(rng.choice(NUMBER_ALPHABET) for _ in range(n))


def huge_number(rng: random.Random, n: int) -> str:
    """A sentence holding a number far past any magnitude: hundreds of digits or numerals."""
    digits = "".join(rng.choice(DIGITS) for _ in range(max(1, n - 20)))
    if rng.random() < 0.5:
        digits = "".join(NUMERALS[int(d) % 10] for d in digits)
    return f"全市地区生产总值达到{digits}{rng.choice(UNITS)}，增长{digits[:rng.randint(1, 400)]}%。"


def zero_width_everywhere(rng: random.Random, n: int) -> str:
    """A seed with an invisible character between every two characters."""
    base = _repeat_seeds(rng, max(1, n // 2))
    return "".join(c + rng.choice(ZERO_WIDTH) for c in base)[:n]


def no_sentence_breaks(rng: random.Random, n: int) -> str:
    """Seeds run together with their punctuation removed."""
    base = _repeat_seeds(rng, n * 2)
    return "".join(c for c in base if c not in PUNCTUATION)[:n]


def mutant(rng: random.Random, n: int) -> str:
    """A seed mutated a few times: characters inserted, slices repeated, deleted or swapped."""
    text = list(_repeat_seeds(rng, n))
    for _ in range(rng.randint(1, 8)):
        if not text:
            text = list(rng.choice(SEEDS))
        op = rng.randrange(6)
        i = rng.randrange(len(text))
        j = min(len(text), i + rng.randint(1, 12))
        if op == 0:
            text[i:i] = rng.choice(NUMBER_ALPHABET + ZERO_WIDTH + PUNCTUATION) * rng.randint(1, 40)
        elif op == 1:
            text[i:i] = text[i:j] * rng.randint(2, 50)
        elif op == 2:
            del text[i:j]
        elif op == 3:
            text[i] = rng.choice(NUMBER_ALPHABET + "".join(UNITS))
        elif op == 4:
            text[i:i] = list(rng.choice(DIGITS) * rng.randint(20, 400))
        else:
            k = rng.randrange(len(text))
            text[i], text[k] = text[k], text[i]
    return "".join(text)[: max(n, 1) * 4]


def _repeat_seeds(rng: random.Random, n: int) -> str:
    out, size = [], 0
    while size < n:
        seed = rng.choice(SEEDS)
        out.append(seed)
        size += len(seed)
    return "".join(out)[:n]


GENERATORS = {f.__name__: f for f in (numeral_run, number_soup, huge_number, zero_width_everywhere,
                                      no_sentence_breaks, mutant)}


def inputs(seed: int, count: int, max_chars: int):
    """``count`` inputs from every generator in turn, lengths up to ``max_chars`` (short ones most)."""
    rng = random.Random(seed)
    names = list(GENERATORS)
    for i in range(count):
        name = names[i % len(names)]
        n = min(max_chars, int(rng.paretovariate(1.2) * 20))
        yield name, GENERATORS[name](rng, n)


# --- the patterns of the timing table (benchmarks/fuzz.py --table) --------------------------

PATTERNS = {
    "增长5% repeated": lambda n: ("增长5%" * (n // 4 + 1))[:n],
    "%5 repeated": lambda n: ("%5" * (n // 2 + 1))[:n],
    "one numeral repeated (一)": lambda n: "一" * n,
    "one digit repeated (9)": lambda n: "9" * n,
    "zero-width between every character": lambda n: "".join(c + "\u200b" for c in _cycle_seeds(n))[:n],
    "seeds without punctuation": lambda n: "".join(c for c in _cycle_seeds(2 * n) if c not in PUNCTUATION)[:n],
    "words parted by spaces, one line (OCR repair)": lambda n: " ".join(_cycle_seeds(n)).replace("\n", "")[:n],
}


def _cycle_seeds(n: int) -> str:
    text = "".join(SEEDS)
    return (text * (n // len(text) + 1))[:n]
