"""Grounding: working-text ranges become spans of the original, on invented two-column text."""
from types import SimpleNamespace

import pytest

from zhibiao.grammar import ground
from zhibiao.grammar.ground import WorkRange
from zhibiao.offsets import OffsetMap, Reordered

# Two lines of the left column with a line of the right column between them in the original.
LEFT_1, RIGHT_1, LEFT_2 = "青川市产值连续迈", "乙县新增就业超过", "上3个台阶，达到120亿元"
ORIGINAL = LEFT_1 + RIGHT_1 + LEFT_2


def _prepared():
    """The page read column by column: the left column's lines, then the right column's."""
    pieces = [(0, len(LEFT_1)), (len(LEFT_1) + len(RIGHT_1), len(ORIGINAL)), (len(LEFT_1), len(LEFT_1) + len(RIGHT_1))]
    text = "".join(ORIGINAL[a:b] for a, b in pieces)
    return SimpleNamespace(work=SimpleNamespace(offsets=Reordered.of(pieces, OffsetMap(length=len(ORIGINAL)))),
                           text=text, original=ORIGINAL)


@pytest.mark.parametrize("value, grounded", [
    ("迈上3个", "3个"),  # the modifier ends one line, the number opens the column's next: the number's piece
    ("120亿元", "120亿元"),  # all in one piece: as it is
])
def test_a_value_is_grounded_on_the_piece_that_holds_its_number(value, grounded):
    p = _prepared()
    start = p.text.index(value)
    found = ground.span(p, WorkRange(start, start + len(value)))
    assert found.text == grounded and ORIGINAL[found.start:found.end] == grounded
