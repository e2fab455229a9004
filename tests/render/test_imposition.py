"""Booklet imposition: the page order on each sheet side, checked against hand-made tables."""

from __future__ import annotations

import pytest

from trainer.render.imposition import Sheet, SheetSide, booklet_sheets, booklet_sides, padded_page_count, reading_order


def sheets(*rows: tuple[tuple[int | None, int | None], tuple[int | None, int | None]]) -> list[Sheet]:
    return [Sheet(SheetSide(*front), SheetSide(*back)) for front, back in rows]


# Written out by hand from a folded paper dummy: (front left, front right), (back left, back right).
EXPECTED = {
    4: sheets(((4, 1), (2, 3))),
    8: sheets(((8, 1), (2, 7)), ((6, 3), (4, 5))),
    12: sheets(((12, 1), (2, 11)), ((10, 3), (4, 9)), ((8, 5), (6, 7))),
    # Blanks pad the end of the booklet, so the back cover and the pages before it stay empty.
    1: sheets(((None, 1), (None, None))),
    2: sheets(((None, 1), (2, None))),
    3: sheets(((None, 1), (2, 3))),
    5: sheets(((None, 1), (2, None)), ((None, 3), (4, 5))),
    6: sheets(((None, 1), (2, None)), ((6, 3), (4, 5))),
    7: sheets(((None, 1), (2, 7)), ((6, 3), (4, 5))),
}


@pytest.mark.parametrize("pages", sorted(EXPECTED))
def test_sheets_match_the_folded_dummy(pages: int) -> None:
    assert booklet_sheets(pages) == EXPECTED[pages]


@pytest.mark.parametrize("pages", range(1, 25))
def test_folding_the_printed_stack_reads_in_order(pages: int) -> None:
    order = reading_order(booklet_sides(pages))
    total = padded_page_count(pages)
    assert order == [n if n <= pages else None for n in range(1, total + 1)]


@pytest.mark.parametrize("pages", range(1, 25))
def test_every_page_is_printed_exactly_once(pages: int) -> None:
    sides = booklet_sides(pages)
    placed = [slot for side in sides for slot in (side.left, side.right) if slot is not None]
    assert sorted(placed) == list(range(1, pages + 1))
    assert len(sides) == 2 * padded_page_count(pages) // 4


def test_facing_halves_of_a_side_add_up_to_the_padded_count_plus_one() -> None:
    # The saddle-stitch invariant: the two halves of every side sum to M + 1 (blank = its slot number).
    for pages in (4, 8, 12, 16):
        for side in booklet_sides(pages):
            assert side.left is not None and side.right is not None
            assert side.left + side.right == pages + 1


@pytest.mark.parametrize(("pages", "padded"), [(1, 4), (4, 4), (5, 8), (8, 8), (9, 12), (13, 16)])
def test_padding_to_a_multiple_of_four(pages: int, padded: int) -> None:
    assert padded_page_count(pages) == padded


def test_zero_pages_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one page"):
        booklet_sheets(0)
