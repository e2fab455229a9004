"""Text goes through QTextDocument: Markdown emphasis becomes real bold/italic faces, wrapping follows width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QGuiApplication, QImage, QPainter

from trainer.render.fonts import FAMILY, make_font
from trainer.render.gui import ensure_gui
from trainer.render.text import layout_text, paint_text, reserve_top_right, text_bottom, text_height


@pytest.fixture(autouse=True)
def gui(qapp: QGuiApplication) -> None:
    ensure_gui()


def fragments(doc) -> list[tuple[str, QFont]]:  # type: ignore[no-untyped-def]
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            found.append((fragment.text(), fragment.charFormat().font()))
            it += 1
        block = block.next()
    return found


def test_markdown_emphasis_picks_bold_and_italic_faces() -> None:
    doc = layout_text("Bấm **Tiếp tục** rồi *chờ* tin nhắn.", make_font(30), "#000000", 800)
    found = {text: f for text, f in fragments(doc)}
    assert found["Tiếp tục"].weight() == QFont.Weight.Bold
    assert found["chờ"].italic()
    assert all(QFontInfo(f).family() == FAMILY for f in found.values())
    assert doc.toPlainText() == "Bấm Tiếp tục rồi chờ tin nhắn."


def test_lists_and_plain_titles() -> None:
    doc = layout_text("- Căn cước\n- Điện thoại", make_font(30), "#000000", 800)
    assert doc.begin().textList() is not None
    title = layout_text("1. Mở ứng dụng **VNeID**", make_font(30), "#000000", 800, plain=True)
    assert title.toPlainText() == "1. Mở ứng dụng **VNeID**"


def test_wrapping_follows_width_and_stacked_marks_get_room() -> None:
    text = "Người dân mang thẻ căn cước và điện thoại đến trụ sở Công an xã để được hướng dẫn."
    font = make_font(32)
    assert text_height(text, font, 300) > 2 * text_height(text, font, 2000)
    # Stacked marks (Ễ, Ộ, Ữ) stay inside the laid-out height: nothing is painted above the first line.
    image = QImage(600, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    height = paint_text(painter, QRectF(0, 40, 600, 200), "ỄỘỮẶ ỄỘỮẶ", make_font(60, QFont.Weight.Bold), "#000000")
    painter.end()
    rows_with_ink = [y for y in range(300) if any(QColor(image.pixel(x, y)).red() < 128 for x in range(0, 600, 2))]
    assert rows_with_ink and rows_with_ink[0] >= 40 and rows_with_ink[-1] <= 40 + height


def test_lead_words_run_into_the_text() -> None:
    doc = layout_text("Không bấm đường link lạ.", make_font(30), "#000000", 800, lead=("CẢNH BÁO:", "#aa0000"))
    first_text, first_font = fragments(doc)[0]
    assert doc.toPlainText().startswith("CẢNH BÁO: Không bấm")
    assert first_font.weight() == QFont.Weight.Bold and first_text.startswith("CẢNH BÁO:")


def line_widths(doc) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """(top, width) of every laid-out line of text, in document coordinates."""
    doc.size()  # lays the document out
    found = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.textLength():
                found.append((layout.position().y() + line.y(), line.width()))
        block = block.next()
    return found


@pytest.mark.parametrize("markdown", ["Mở ứng dụng, bấm **Đăng nhập** rồi chờ tin nhắn. " * 6, "- Căn cước\n- Điện thoại\n" * 5])
def test_text_runs_around_a_reserved_top_right_area(markdown: str) -> None:
    doc = layout_text(markdown, make_font(40), "#000000", 900)
    reserve_top_right(doc, 300, 250)
    lines = line_widths(doc)
    assert lines[0][0] == pytest.approx(0, abs=1)  # the area takes no line of its own above the text
    beside = [width for top, width in lines if top < 250]
    below = [width for top, width in lines if top >= 250]
    assert beside and below
    assert max(beside) <= 600 + 0.5 and min(below) > 600
    # size() is stretched to the area; text_bottom is where the text ends
    assert text_bottom(doc) == pytest.approx(lines[-1][0] + doc.lastBlock().layout().lineAt(0).height(), abs=1)


def test_a_reserved_area_keeps_list_numbers() -> None:
    doc = layout_text("1. Mở ứng dụng\n2. Bấm **Đăng nhập**\n3. Chờ tin nhắn", make_font(40), "#000000", 900)
    reserve_top_right(doc, 300, 120)
    items = []
    block = doc.begin()
    while block.isValid():
        if block.text():
            assert block.textList() is not None, block.text()
            items.append(block.textList().itemNumber(block))
        block = block.next()
    assert items == [0, 1, 2]


def test_a_hotline_number_never_breaks_across_lines() -> None:
    from trainer.model import Guide
    from trainer.render.labels import word

    font = make_font(40)
    text = word(Guide(title="x"), "hotline", hotline="1800 1096")
    # Wide enough for everything up to "1800", too narrow for the whole number after it.
    width = QFontMetricsF(font).horizontalAdvance("Đường dây nóng: 1800") + 4
    doc = layout_text(text, font, "#000000", width, plain=True)
    doc.size()  # lays the document out
    layout = doc.begin().layout()
    lines = [
        doc.toPlainText()[layout.lineAt(i).textStart() :][: layout.lineAt(i).textLength()] for i in range(layout.lineCount())
    ]
    assert len(lines) == 2, lines
    assert lines[1].replace("\u00a0", " ") == "1800 1096", lines
