"""Booklet imposition: which A5 page goes on which half of which A4 sheet side. Pure Python.

A booklet of N pages is padded with blank pages to a multiple of 4, then each A4 sheet (landscape)
carries four pages, two per side. Printed duplex with "flip on short edge", stacked in sheet order,
folded in the middle and stapled, the pages read 1, 2, 3 ... in order. Page numbers are 1-based;
None stands for a blank page.
"""

from __future__ import annotations

from dataclasses import dataclass

# What the printer dialog must say for the imposed PDF to come out right; shown on the sheets.
DUPLEX_HINT_VI = "In hai mặt, lật theo cạnh ngắn"
DUPLEX_HINT_EN = "Print double-sided, flip on short edge"

PageSlot = int | None


@dataclass(frozen=True)
class SheetSide:
    """One side of an A4 landscape sheet: the A5 page on its left half and on its right half."""

    left: PageSlot
    right: PageSlot


@dataclass(frozen=True)
class Sheet:
    """One physical sheet: the front side is printed first, the back side on its reverse."""

    front: SheetSide
    back: SheetSide


def padded_page_count(pages: int) -> int:
    """The page count rounded up to a multiple of 4 (a folded sheet holds four pages)."""
    if pages < 1:
        raise ValueError(f"a booklet needs at least one page, got {pages}")
    return -(-pages // 4) * 4


def booklet_sheets(pages: int) -> list[Sheet]:
    """The sheets of a saddle-stitched booklet of `pages` pages, blanks (None) padding the end.

    Sheet k (0-based) of a booklet padded to M pages: front = [M-2k, 2k+1], back = [2k+2, M-2k-1].
    """
    total = padded_page_count(pages)

    def slot(number: int) -> PageSlot:
        return number if number <= pages else None

    sheets = []
    for k in range(total // 4):
        front = SheetSide(slot(total - 2 * k), slot(2 * k + 1))
        back = SheetSide(slot(2 * k + 2), slot(total - 2 * k - 1))
        sheets.append(Sheet(front, back))
    return sheets


def booklet_sides(pages: int) -> list[SheetSide]:
    """The sheet sides in PDF order (front, back, front, back ...): one PDF page per side."""
    return [side for sheet in booklet_sheets(pages) for side in (sheet.front, sheet.back)]


def reading_order(sides: list[SheetSide]) -> list[PageSlot]:
    """Undo the imposition: the page numbers in the order a reader meets them after folding.

    Used by the tests as an independent check: the stacked sheets, folded, read outer-left to inner
    then inner to outer-right on each side.
    """
    sheets = [(sides[i], sides[i + 1]) for i in range(0, len(sides), 2)]
    first_half: list[PageSlot] = []
    second_half: list[PageSlot] = []
    for front, back in sheets:
        # Opening the folded stack: the front's right half, then the back's left half, belong to
        # the first half of the booklet; the back's right and the front's left to the second half.
        first_half += [front.right, back.left]
        second_half = [back.right, front.left] + second_half
    return first_half + second_half
