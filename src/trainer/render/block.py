"""The step block: one step as a self-contained block for a flowing layout (the infographic strip).

Title row (number badge + title), text and callouts, with a phone screenshot at the top right that
the text runs around (beside it a narrow column, below it the full width), or any other image under
them at full width. The block's height follows from its content, measured with the same layout it paints.
`dpi_scale` multiplies every theme size: 1.0 for the 1080-pixel strip. Handout pages have their own
step block in `render.page`, sized in points for paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter

from trainer.model import Guide
from trainer.render.image import framed_size, image_size, is_phone, paint_step_image
from trainer.render.pieces import StepText, callout_box, step_text
from trainer.render.text import paint_document, reserve_top_right, text_bottom
from trainer.render.theme import Theme

# Share of the block's width given to a phone screenshot beside the text (the column it is centred in).
PHONE_COLUMN = 0.32
# Tallest an image may be, in design pixels (x dpi_scale): keeps a strip short enough to scroll.
MAX_PHONE_HEIGHT = 600.0
MAX_WIDE_HEIGHT = 620.0


@dataclass
class _BlockLayout:
    text: StepText
    body_top: float  # relative to the block's top-left, like everything below
    callout_tops: list[float]
    image: QRectF | None
    height: float
    fits: StepText  # what must fit its column: beside a phone, the narrow column (a word may land there)


def _stacked(text: StepText) -> _BlockLayout:
    """Title, text and callouts one under the other, each after a gap (no image yet)."""
    y = text.title_height
    body_top = y + text.gap
    if text.body is not None:
        y = body_top + text_bottom(text.body)  # measured as beside a phone, so every block keeps one rhythm
    tops = []
    for box in text.callouts:
        tops.append(y + text.gap)
        y += text.gap + box.height
    return _BlockLayout(text, body_top, tops, None, y, text)


def _beside_phone(guide: Guide, index: int, theme: Theme, width: float, phone: QRectF, dpi_scale: float) -> _BlockLayout:
    """The step's text run around a phone at the block's top right, as a page designer sets it.

    The title and body lines beside the phone take the narrow column, lines below it the whole
    width; a callout box goes beside the phone or below it at full width, whichever ends higher.
    So a long step leaves no white column under the phone (large print wraps a lot: that column
    made its strips a good deal taller).
    """
    gap = theme.size("body") * dpi_scale * 0.8
    column = width - phone.left() + gap  # what the text keeps clear of: the phone and a gap before it
    narrow = step_text(guide, index, theme, width - column, dpi_scale)
    clear = phone.bottom() + narrow.gap * 0.5  # text starting lower than this takes the whole width
    body_top = y = narrow.title_height + narrow.gap
    body = None
    if narrow.body is not None:
        body = step_text(guide, index, theme, width, dpi_scale, callouts=False).body
        assert body is not None
        reserve_top_right(body, column, clear - body_top)
        y = body_top + text_bottom(body)
    boxes, tops = [], []
    for callout in guide.steps[index].callouts:
        top = y + narrow.gap
        box = callout_box(guide, callout, theme, width, dpi_scale)
        if top < clear:  # beside the phone, narrow; or below it, wide: whichever ends higher
            beside = callout_box(guide, callout, theme, width - column, dpi_scale)
            if top + beside.height < clear + box.height:
                box = beside
            else:
                top = clear
        boxes.append(box)
        tops.append(top)
        y = top + box.height
    text = StepText(narrow.number, narrow.title, body, boxes, narrow.badge, narrow.gap, width)
    return _BlockLayout(text, body_top, tops, phone, max(y, phone.bottom()), narrow)


def _layout(guide: Guide, index: int, theme: Theme, width: float, dpi_scale: float) -> _BlockLayout:
    step = guide.steps[index]
    gap = theme.size("body") * dpi_scale * 0.8
    if not step.image or guide.folder is None:
        return _stacked(step_text(guide, index, theme, width, dpi_scale))
    img_w, img_h = image_size(guide, step)
    if is_phone(step, img_w, img_h):
        # Centred in its column; the height limit usually makes the phone narrower than the column, and
        # the text runs up to the phone itself, not to the column.
        column = width * PHONE_COLUMN
        shown_w, shown_h = framed_size(step, img_w, img_h, column, MAX_PHONE_HEIGHT * dpi_scale)
        phone = QRectF(width - column + (column - shown_w) / 2, 0, shown_w, shown_h)
        return _beside_phone(guide, index, theme, width, phone, dpi_scale)
    text = step_text(guide, index, theme, width, dpi_scale)
    shown_w, shown_h = framed_size(step, img_w, img_h, width, MAX_WIDE_HEIGHT * dpi_scale)
    layout = _stacked(text)
    layout.image = QRectF((width - shown_w) / 2, layout.height + gap, shown_w, shown_h)
    layout.height += gap + shown_h
    return layout


def step_block_height(guide: Guide, step_index: int, theme: Theme, width: float, dpi_scale: float = 1.0) -> float:
    """Height of step `step_index`'s block at `width` (device units) and `dpi_scale`."""
    return _layout(guide, step_index, theme, width, dpi_scale).height


def step_block_too_wide(guide: Guide, step_index: int, theme: Theme, width: float, dpi_scale: float = 1.0) -> bool:
    """True when a word in the block is wider than its column."""
    return _layout(guide, step_index, theme, width, dpi_scale).fits.too_wide()


def paint_step_block(
    painter: QPainter, rect: QRectF, guide: Guide, step_index: int, theme: Theme, dpi_scale: float = 1.0
) -> float:
    """Paint step `step_index`'s block at rect's top-left and width; return the height used."""
    layout = _layout(guide, step_index, theme, rect.width(), dpi_scale)
    x, y = rect.left(), rect.top()
    text = layout.text
    text.paint_title(painter, QPointF(x, y), theme)
    if text.body is not None:
        paint_document(painter, text.body, QPointF(x, y + layout.body_top))
    for box, top in zip(text.callouts, layout.callout_tops, strict=True):
        box.paint(painter, QPointF(x, y + top), theme)
    if layout.image is not None:
        paint_step_image(painter, layout.image.translated(rect.left(), rect.top()), guide, guide.steps[step_index], theme)
    return layout.height
