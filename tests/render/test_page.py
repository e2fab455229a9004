"""The handout page flow: blocks keep their order, are never split, and fill columns like a newspaper."""

from __future__ import annotations

import pytest

from trainer.render.page import Block, Frame, PageFlowError, flow


def noop(painter: object, rect: object) -> None:
    """Painting is not under test here."""


def step(index: int, height: float) -> Block:
    return Block("step", height, noop, full_width=False, step_index=index)


def across(kind: str, height: float) -> Block:
    return Block(kind, height, noop)


FRAME = Frame(left=10, top=10, width=210, bottom=110, columns=2, gutter=10, gap=5)  # columns 100 wide, 100 tall


def placed(pages: list) -> list[list[tuple[str, int | None, float, float]]]:
    return [[(p.block.kind, p.block.step_index, p.rect.x(), p.rect.y()) for p in page] for page in pages]


def test_steps_fill_the_first_column_then_the_second_then_a_new_page() -> None:
    pages = flow([step(i, 40) for i in range(6)], FRAME)
    assert placed(pages) == [
        [("step", 0, 10, 10), ("step", 1, 10, 55), ("step", 2, 120, 10), ("step", 3, 120, 55)],
        [("step", 4, 10, 10), ("step", 5, 10, 55)],
    ]


def test_a_block_is_never_split_it_moves_whole() -> None:
    pages = flow([step(0, 70), step(1, 40), step(2, 90)], FRAME)
    for page in pages:
        for p in page:
            assert p.rect.bottom() <= FRAME.bottom + 1e-6
            assert p.rect.height() == p.block.height
    assert [p.block.step_index for page in pages for p in page] == [0, 1, 2]


def test_full_width_blocks_span_the_page_and_columns_start_below_them() -> None:
    pages = flow([across("title", 30), step(0, 30), step(1, 40), across("end", 20)], FRAME)
    (page,) = pages
    title, first, second, end = page
    assert (title.rect.width(), first.rect.y()) == (210, 45)
    assert second.rect.x() == 120 and second.rect.y() == 45  # did not fit under the first in column one
    assert end.rect.y() == 90 and end.rect.width() == 210  # below the taller column


def test_a_full_width_block_that_does_not_fit_opens_a_page() -> None:
    pages = flow([step(0, 90), across("end", 30)], FRAME)
    assert [[p.block.kind for p in page] for page in pages] == [["step"], ["end"]]


def test_a_step_taller_than_a_page_is_an_error_naming_it() -> None:
    with pytest.raises(PageFlowError) as caught:
        flow([step(0, 20), step(1, 101)], FRAME, describe=lambda b: f"step {b.step_index} is too tall")
    assert caught.value.step_index == 1
    assert str(caught.value) == "step 1 is too tall"


def test_a_step_exactly_a_page_tall_fits() -> None:
    assert len(flow([step(0, 100), step(1, 100)], FRAME)) == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://vneid.gov.vn",
        "https://example.gov.vn/huong-dan/canh-giac-lua-dao?ban=in-a4&nguon=tap-gap",
        "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so-khong-dau-gach-noi-rat-dai-abcdefghijklmnopqrstuvwxyz",
        "https://a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z.example.gov.vn/-/-/-",
    ],
)
def test_url_lines_fit_keep_every_character_and_never_end_on_a_hyphen(url: str) -> None:
    from PySide6.QtGui import QFontMetricsF

    from trainer.render.fonts import make_font
    from trainer.render.gui import ensure_gui
    from trainer.render.page import url_lines

    ensure_gui()
    font = make_font(46)  # 11 pt at 300 dpi
    width = 56 * 300 / 25.4  # the text beside an A4 QR code
    lines = url_lines(url, font, width).split("\u2028")
    assert "".join(lines) == url
    assert all(QFontMetricsF(font).horizontalAdvance(line) <= width for line in lines)
    assert not any(line.endswith("-") for line in lines[:-1])
