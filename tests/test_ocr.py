"""zhibiao.ocr: reading order of recognised boxes, the engine's settings, and which PDF pages are OCR'd."""
from __future__ import annotations

import io

import pytest

from zhibiao import load as loading
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


def test_title_over_a_single_column_row_of_figures_is_kept():
    """A line above the first row of side-by-side boxes is a title even when the page has one column."""
    boxes = [Box(40, 0, 400, 40, "青川市2031年增长6.5%"), Box(60, 100, 120, 130, "6.5%"),
             Box(150, 100, 190, 130, "32"), Box(220, 100, 260, 130, "30")]
    assert len(columns(boxes)) == 1
    assert [line.text for line in reading_order(boxes) if line.text][0] == "青川市2031年增长6.5%"


def test_no_boxes():
    assert reading_order([]) == []


def test_paragraph_runs_on_into_the_next_column():
    boxes = column(0, 0, ["  全市生产总值", "增长6%，就业"] * 3) + column(260, 0, ["稳定在较高水", "平。"] * 3)
    lines = [line.text for line in reading_order(boxes)]
    assert lines[6:10] == ["全市生产总值", "增长6%，就业", "稳定在较高水", "平。"]


# --- the engine and its settings ----------------------------------------------------------------

def _picture(lines: list[str], width: int = 900):
    """A white page image with lines of Latin text and digits (no CJK font is needed to draw them)."""
    import cv2
    import numpy as np

    picture = np.full((60 + 90 * len(lines), width, 3), 255, dtype=np.uint8)
    for k, line in enumerate(lines):
        cv2.putText(picture, line, (30, 90 + 90 * k), cv2.FONT_HERSHEY_SIMPLEX, 2.0, (0, 0, 0), 5)
    return picture


def _texts(boxes) -> list[str]:
    return [b.text.replace(" ", "") for b in sorted(boxes, key=lambda b: b.y0)]


def test_fast_settings_read_the_numbers_the_old_ones_read():
    from zhibiao import ocr

    page = _picture(["GDP 2031 +6.5%", "2030: 41.8", "GRAIN 418"])
    assert _texts(ocr.recognise(page, "p", settings=ocr.Settings())) == _texts(
        ocr.recognise(page, "p", settings=ocr.LEGACY))


def test_fast_settings_read_a_wide_latin_word_as_the_old_ones():
    from zhibiao import ocr

    page = _picture(["GDP 2031 +6.5%", "JOBS 32000", "GRAIN 418"])
    assert _texts(ocr.recognise(page, "p", settings=ocr.Settings())) == _texts(
        ocr.recognise(page, "p", settings=ocr.LEGACY))


def test_an_upside_down_page_is_turned_when_it_reads_badly():
    import numpy as np

    from zhibiao import ocr

    page = _picture(["GDP 2031 +6.5%", "JOBS 32000"])
    turned = np.ascontiguousarray(page[::-1, ::-1])
    upright = _texts(ocr.recognise(page, "p"))
    assert "2031" in "".join(upright)
    assert sorted(_texts(ocr.recognise(turned, "p"))) == sorted(upright)  # "auto" angle: classified after all
    never = ocr.Settings(angle="never")
    assert "2031" not in "".join(_texts(ocr.recognise(turned, "p", settings=never)))


class _FakeRecogniser:
    """Reads a line image as its width; records the batches it was given."""

    def __init__(self, batch: int):
        self.rec_batch_num, self.calls = batch, []

    def __call__(self, images, return_word_box=False):
        self.calls.append([im.shape[1] for im in images])
        return [(f"w{im.shape[1]}", 0.9) for im in images], 0.01


LANE_CASES = [  # (line widths, lanes, width scale, batch size, the batches read: costliest first where lanes run)
    ([40, 300, 120, 80, 200], 1, 1.0, 6, [[40, 300, 120, 80, 200]]),  # one lane: the recogniser's own batches
    ([40, 300, 120, 80, 200], 2, 1.0, 6, [[40, 80, 120, 200, 300]]),  # the same batch on two lanes
    ([40, 300, 120, 80, 200, 60, 150], 2, 1.0, 2, [[150, 200], [300], [80, 120], [40, 60]]),  # lines x widest
    ([40, 300, 120, 80, 200], 3, 0.5, 2, [[60, 100], [150], [20, 40]]),
    ([90], 2, 1.0, 6, [[90]]),  # one line: no lanes
    ([90, 30], 4, 1.0, 6, [[30, 90]]),  # more lanes than lines
]


@pytest.mark.parametrize("widths, lanes, scale, batch, batches", LANE_CASES)
def test_lines_are_read_in_the_recognisers_own_batches_and_come_back_in_their_order(widths, lanes, scale, batch, batches):
    import numpy as np

    from zhibiao import ocr

    fake = _FakeRecogniser(batch)
    lines = ocr._Lines(fake, scale, lanes)
    scaled = [round(w * scale) for w in widths]
    read, _ = lines([np.zeros((20, w, 3), dtype=np.uint8) for w in widths])
    assert [text for text, _ in read] == [f"w{w}" for w in scaled]
    assert sorted(fake.calls) == sorted(batches)
    if lanes > 1 and len(widths) > 1:
        assert [[scaled[i] for i in b] for b in lines.batches([w / 20 for w in scaled])] == batches


def test_the_batches_are_the_same_on_any_number_of_cores():
    """So a page's text does not depend on the machine that read it."""
    from zhibiao import ocr

    ratios = [w / 20 for w in (40, 300, 120, 80, 200, 60, 150, 90, 210, 35, 160)]
    made = [sorted(map(sorted, ocr._Lines(_FakeRecogniser(3), 1.0, lanes).batches(ratios))) for lanes in (2, 3, 4, 8)]
    assert all(m == made[0] for m in made)


@pytest.mark.parametrize("std", [[0.5, 0.5, 0.5], [0.2, 0.3, 0.4]])
def test_the_detector_input_made_in_one_pass_is_the_engines(std):
    import numpy as np
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    from zhibiao import ocr

    page = _picture(["GDP 2031 +6.5%", "GRAIN 418"], width=1000)
    engines = DetPreProcess(960, "max", [0.5, 0.4, 0.3], std)
    want, got = engines(page), ocr._OnePass(engines)(page)
    assert got.shape == want.shape == (1, 3, 224, 960) and got.dtype == np.float32
    np.testing.assert_allclose(got, want, atol=1e-5)


def test_the_detector_runs_on_the_pages_cores_on_threads_that_sleep_when_idle():
    from zhibiao import ocr

    def detector(cores):
        return ocr._engine(ocr.Settings(), cores).text_det.infer.session.get_session_options()

    assert detector(2).intra_op_num_threads == 2 and detector(1).intra_op_num_threads == 1
    assert detector(2).get_session_config_entry("session.intra_op.allow_spinning") == "0"
    page = _picture(["GDP 2031 +6.5%", "GRAIN 418"])
    assert _texts(ocr.recognise(page, "p", share=2)) == _texts(ocr.recognise(page, "p", share=1))


def test_settings_are_checked():
    from zhibiao import ocr

    with pytest.raises(ValueError, match="cores_by"):
        ocr.Settings(cores_by="pages")
    with pytest.raises(ValueError, match="angle"):
        ocr.Settings(angle="sometimes")


def test_pages_run_side_by_side_and_come_back_in_order():
    from zhibiao import ocr

    pages = [_picture([f"PAGE {n}0{n}"]) for n in range(1, 4)]
    side_by_side = ocr.recognise_pages(pages, ["a", "b", "c"], settings=ocr.Settings(parallel_pages=3))
    assert [_texts(p) for p in side_by_side] == [["PAGE101"], ["PAGE202"], ["PAGE303"]]
    one_by_one = ocr.recognise_pages(pages, ["a", "b", "c"], settings=ocr.Settings(parallel_pages=1))
    assert [_texts(p) for p in one_by_one] == [_texts(p) for p in side_by_side]
    assert ocr.pages_at_once(3, ocr.Settings(parallel_pages=2)) == 2 and ocr.pages_at_once(1) == 1


@pytest.mark.parametrize("kind", [".jpg", ".png"])
def test_a_page_file_is_decoded_to_the_pixels_the_engine_reads(kind):
    import cv2
    import numpy as np
    from rapidocr_onnxruntime.utils import LoadImage

    from zhibiao import ocr

    page = _picture(["GDP 2031 +6.5%", "GRAIN 418"])
    page[:, :300] = (30, 90, 200)  # colour, so a channel order mix-up would show
    data = cv2.imencode(kind, page)[1].tobytes()
    got = ocr._decoded(data)
    if kind == ".jpg":
        assert np.array_equal(got, LoadImage()(data))
    else:  # only JPEGs are decoded here
        assert got is data


def test_a_broken_jpeg_is_a_one_line_error():
    from zhibiao import ocr
    from zhibiao.errors import InputError

    with pytest.raises(InputError, match="cut.jpg: cannot read the image"):
        ocr.recognise(ocr.JPEG_MAGIC + b"\x00" * 40, "cut.jpg")


def test_a_bad_page_among_others_is_a_one_line_error():
    from zhibiao import ocr
    from zhibiao.errors import InputError

    with pytest.raises(InputError, match="bad.png: cannot read the image"):
        ocr.recognise_pages([_picture(["GDP 2031"]), b"not an image"], ["good.png", "bad.png"],
                            settings=ocr.Settings(parallel_pages=2))


def test_the_time_limit_stops_before_a_page():
    from zhibiao import ocr
    from zhibiao.errors import LimitExceeded

    with pytest.raises(LimitExceeded, match="OCR time limit"):
        ocr.recognise_pages([_picture(["GDP 2031"])] * 2, ["a", "b"], deadline=0.0)


# --- which PDF pages are OCR'd -----------------------------------------------------------------

GOOD_PAGE = "青川市全年地区生产总值增长6.5%，城镇新增就业3.2万人，粮食产量稳定在30万吨以上。"
GARBAGE_CASES = [  # (text layer of a page, garbage?)
    ("青川市全年地区生产总值增长6.5%，城镇新增就业3.2万人，粮食产量稳定在30万吨以上，居民收入同步增长。", False),
    ("青川市全年地区生产总值增长6.5%，城镇新增就业3.2万人。".encode("utf-8").decode("gbk", "ignore") * 2, True),
    ("(cid:1234)(cid:88)(cid:901)" * 3 + "青川市", True),  # a font without a Unicode map
    ("\ue001\ue002\ue003\ue004" * 4 + "增长6.5%，城镇新增就业", True),  # private-use code points
    ("GDP growth 6.5%, new urban jobs 32,000, grain output 300,000 tonnes.", False),  # Latin text is not garbage
]


@pytest.mark.parametrize("text, garbage", GARBAGE_CASES)
def test_garbage_text_layer(text, garbage):
    assert loading._garbage(text) is garbage


def test_pdf_page_with_a_garbage_text_layer_is_read_by_ocr(tmp_path):
    pytest.importorskip("reportlab")
    import cv2
    import numpy as np
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    picture = np.full((300, 1200, 3), 255, dtype=np.uint8)
    cv2.putText(picture, "GDP 2031 +6.5%", (40, 190), cv2.FONT_HERSHEY_SIMPLEX, 3.5, (0, 0, 0), 8)
    ok, png = cv2.imencode(".png", picture)
    mojibake = GOOD_PAGE.encode("utf-8").decode("gbk", "ignore")  # what a broken font map gives
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("STSong-Light", 10)
    c.drawString(72, 760, GOOD_PAGE)
    c.showPage()
    c.drawImage(ImageReader(io.BytesIO(png.tobytes())), 72, 600, width=400, height=100)
    c.setFont("STSong-Light", 10)
    c.drawString(72, 560, mojibake)
    c.showPage()
    c.save()
    (tmp_path / "garbled.pdf").write_bytes(out.getvalue())
    doc = loading.load(tmp_path / "garbled.pdf")
    assert doc.format == "scan"
    assert doc.text.startswith(GOOD_PAGE)  # the good page keeps its text layer
    assert "2031" in doc.text and mojibake[:6] not in doc.text
