"""zhibiao.ocr: reading order of recognised boxes (the engine itself is exercised in test_load)."""
from __future__ import annotations

from zhibiao.ocr import Box, columns, reading_order

H = 20  # line height in pixels


def column(x0: float, y0: float, lines: list[str], width: float = 200) -> list[Box]:
    """Boxes of a justified column: an indented first line opens a paragraph, a short line ends one."""
    boxes, y = [], y0
    for text in lines:
        left = x0 + (2 * H if text.startswith("  ") else 0)
        right = x0 + width if not text.endswith("。") else x0 + width / 2
        boxes.append(Box(left, y, right, y + H, text.strip()))
        y += H * 1.3
    return boxes


LEFT = ["  全市生产总值", "增长6%，就业", "稳定。", "  新建学校12", "所。"]
MIDDLE = ["  粮食产量30万", "吨。", "  改造小区8", "个。"]
RIGHT = ["  居民收入增长", "5%。"]


def page() -> list[Box]:
    title = [Box(150, 0, 450, 40, "青川市政府工作报告")]  # centred over the first gutter
    return title + column(0, 80, LEFT) + column(260, 80, MIDDLE) + column(520, 80, RIGHT)


def test_columns_split_at_gutters_even_under_a_title():
    assert len(columns(page())) == 3


def test_reading_order_is_title_then_column_by_column_with_paragraphs():
    lines = reading_order(page())
    text = "\n".join(line.text for line in lines)
    assert text == ("青川市政府工作报告\n\n全市生产总值\n增长6%，就业\n稳定。\n\n新建学校12\n所。\n\n"
                    "粮食产量30万\n吨。\n\n改造小区8\n个。\n\n居民收入增长\n5%。")
    assert all((line.box is None) == (line.text == "") for line in lines)


def test_single_column_page():
    boxes = column(0, 0, LEFT)
    assert columns(boxes) == [(0, 200)]
    assert [line.text for line in reading_order(boxes)][:3] == ["全市生产总值", "增长6%，就业", "稳定。"]


def test_no_boxes():
    assert reading_order([]) == []


def test_paragraph_runs_on_into_the_next_column():
    boxes = column(0, 0, ["  全市生产总值", "增长6%，就业"] * 3) + column(260, 0, ["稳定在较高水", "平。"] * 3)
    lines = [line.text for line in reading_order(boxes)]
    assert lines[6:10] == ["全市生产总值", "增长6%，就业", "稳定在较高水", "平。"]
