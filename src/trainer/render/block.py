"""The step block: one step as a self-contained block for flowing layouts (infographic strip, handout pages).

Title row (number badge + title) across the full width; below it the text and callouts, with a
phone screenshot beside them (a narrow column on the right) or any other image under them at full
width. The block's height follows from its content, measured with the same layout it paints.
`dpi_scale` multiplies every theme size: 1.0 for the 1080-pixel strip; for paper use `paper_scale`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter

from trainer.model import Guide
from trainer.render.image import framed_size, image_size, is_phone, paint_step_image
from trainer.render.pieces import StepText, step_text
from trainer.render.theme import Theme

# Share of the block's width given to a phone screenshot beside the text.
PHONE_COLUMN = 0.32
# Tallest an image may be, in design pixels (x dpi_scale): keeps a strip short enough to scroll.
MAX_PHONE_HEIGHT = 600.0
MAX_WIDE_HEIGHT = 620.0


def paper_scale(theme: Theme, dpi: float, body_pt: float = 11.0) -> float:
    """The dpi_scale that prints the theme's body text at `body_pt` points on a device of `dpi`."""
    return body_pt / 72 * dpi / (theme.sizes["body"])


@dataclass
class _BlockLayout:
    text: StepText
    image: QRectF | None  # relative to the block's top-left
    height: float


def _layout(guide: Guide, index: int, theme: Theme, width: float, dpi_scale: float) -> _BlockLayout:
    step = guide.steps[index]
    gap = theme.size("body") * dpi_scale * 0.8
    if not step.image or guide.folder is None:
        text = step_text(guide, index, theme, width, dpi_scale)
        return _BlockLayout(text, None, text.height)
    img_w, img_h = image_size(guide, step)
    if is_phone(step, img_w, img_h):
        column = width * PHONE_COLUMN
        text = step_text(guide, index, theme, width - column - gap, dpi_scale)
        shown_w, shown_h = framed_size(step, img_w, img_h, column, MAX_PHONE_HEIGHT * dpi_scale)
        image = QRectF(width - column + (column - shown_w) / 2, 0, shown_w, shown_h)
        return _BlockLayout(text, image, max(text.height, shown_h))
    text = step_text(guide, index, theme, width, dpi_scale)
    shown_w, shown_h = framed_size(step, img_w, img_h, width, MAX_WIDE_HEIGHT * dpi_scale)
    image = QRectF((width - shown_w) / 2, text.height + gap, shown_w, shown_h)
    return _BlockLayout(text, image, text.height + gap + shown_h)


def step_block_height(guide: Guide, step_index: int, theme: Theme, width: float, dpi_scale: float = 1.0) -> float:
    """Height of step `step_index`'s block at `width` (device units) and `dpi_scale`."""
    return _layout(guide, step_index, theme, width, dpi_scale).height


def step_block_too_wide(guide: Guide, step_index: int, theme: Theme, width: float, dpi_scale: float = 1.0) -> bool:
    """True when a word in the block is wider than its column."""
    return _layout(guide, step_index, theme, width, dpi_scale).text.too_wide()


def paint_step_block(
    painter: QPainter, rect: QRectF, guide: Guide, step_index: int, theme: Theme, dpi_scale: float = 1.0
) -> float:
    """Paint step `step_index`'s block at rect's top-left and width; return the height used."""
    layout = _layout(guide, step_index, theme, rect.width(), dpi_scale)
    layout.text.paint(painter, QPointF(rect.left(), rect.top()), theme)
    if layout.image is not None:
        paint_step_image(painter, layout.image.translated(rect.left(), rect.top()), guide, guide.steps[step_index], theme)
    return layout.height
