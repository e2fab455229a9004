"""Infographic cards, 1080x1350 (4:5, the carousel size): a cover, one card per step, an end card.

Index 0 is the cover (title, summary, department, valid-as-of date, what to have ready), 1..n the
steps, n+1 the end card (hotline, official link, QR code). The cover and the end card carry their
place in the set ("1/7"); a step card carries only its step counter ("Bước 2/5"): two different
numbers on one card ("Bước 1/5" beside "2/7") made readers ask which one was right.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from trainer.model import Guide
from trainer.render.scene import layout_end, layout_step, layout_title
from trainer.render.theme import Theme

CARD_SIZE = QSize(1080, 1350)


def card_count(guide: Guide) -> int:
    """Cards in the set: cover, one per step, end."""
    return len(guide.steps) + 2


def card_label(guide: Guide, index: int) -> str:
    """The carousel number printed on card `index`, e.g. '2/7'."""
    return f"{index + 1}/{card_count(guide)}"


def layout_card(painter: QPainter | None, rect: QRectF, guide: Guide, theme: Theme, index: int) -> float:
    """Lay out card `index` in rect (painting when painter is given); return the overflow in px (<= 0 fits)."""
    if not 0 <= index < card_count(guide):
        raise IndexError(f"card {index} does not exist; the guide has {card_count(guide)} cards")
    scale = rect.width() / CARD_SIZE.width()
    last = card_count(guide) - 1
    page = card_label(guide, index) if index in (0, last) else ""
    if painter is not None:
        painter.fillRect(rect, QColor(theme.color("background")))
    if index == 0:
        return layout_title(painter, rect, guide, theme, scale, prerequisites=True, page=page)
    if index == last:
        return layout_end(painter, rect, guide, theme, scale, page=page)
    return layout_step(painter, rect, guide, theme, index - 1, scale=scale, page=page)


def paint_card(painter: QPainter, rect: QRectF, guide: Guide, theme: Theme, index: int) -> None:
    """Paint card `index` (0 cover, 1..n steps, n+1 end) into rect; sizes scale with rect's width."""
    painter.save()
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    layout_card(painter, rect, guide, theme, index)
    painter.restore()


def card_overflow(guide: Guide, theme: Theme, index: int, size: QSize = CARD_SIZE) -> float:
    """How many pixels card `index` is too tall for its content (<= 0 when everything fits)."""
    return layout_card(None, QRectF(0, 0, size.width(), size.height()), guide, theme, index)


def render_card(guide: Guide, theme: Theme, index: int, size: QSize = CARD_SIZE) -> QImage:
    """Card `index` as an RGB image (1080x1350 unless told)."""
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor(theme.color("background")))
    painter = QPainter(image)
    paint_card(painter, QRectF(0, 0, size.width(), size.height()), guide, theme, index)
    painter.end()
    return image
