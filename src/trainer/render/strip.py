"""The infographic strip: one tall image 1080 px wide that a phone scrolls through.

Header (department, title, summary, facts, valid-as-of), one step block per step, then the help
panel (hotline, official link, QR code) and the footer. Flat colours only: the strip must stay
small over 3G.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from trainer.model import Guide
from trainer.render.block import paint_step_block, step_block_height, step_block_too_wide
from trainer.render.fonts import font
from trainer.render.labels import date_text, word
from trainer.render.pieces import footer_text, paint_logo
from trainer.render.qr import paint_qr
from trainer.render.text import layout_text, paint_document
from trainer.render.theme import Theme

STRIP_WIDTH = 1080
PAD = 56.0
# Space above and below each step block: tighter than the page margin, a 10-step strip is long already.
BLOCK_PAD = 44.0
QR_SIDE = 300.0


@dataclass
class _Header:
    dept: QTextDocument
    title: QTextDocument
    summary: QTextDocument
    facts: QTextDocument
    band: float
    height: float


def _header(guide: Guide, theme: Theme, width: float) -> _Header:
    inner = width - 2 * PAD
    dept = layout_text(theme.department, font(theme, "strong", 0.85), theme.color("on_primary"), inner, plain=True)
    title = layout_text(guide.title, font(theme, "title"), theme.color("on_primary"), inner, plain=True)
    logo_h = theme.size("title") * 1.2 if theme.logo else 0.0
    band = PAD * 1.6 + logo_h + (PAD * 0.3 if logo_h else 0.0) + dept.size().height() + PAD * 0.3 + title.size().height()
    summary = layout_text(guide.summary, font(theme, "body", 1.05), theme.color("text"), inner)
    facts = []
    if guide.estimated_minutes:
        facts.append(word(guide, "minutes", n=guide.estimated_minutes))
    facts.append(word(guide, "steps", n=len(guide.steps)))
    facts.append(word(guide, "valid_as_of", date=date_text(guide, guide.valid_as_of)))
    facts_doc = layout_text("  ·  ".join(facts), font(theme, "caption"), theme.color("muted"), inner, plain=True)
    height = band + PAD * 0.8 + summary.size().height() + PAD * 0.35 + facts_doc.size().height() + PAD * 0.6
    return _Header(dept, title, summary, facts_doc, band, height)


def _help_docs(guide: Guide, theme: Theme, width: float) -> tuple[list[QTextDocument], QTextDocument | None, float]:
    url = guide.official_url
    column = width - 2 * PAD - (QR_SIDE + PAD if url else 0.0) - PAD
    docs = [layout_text(word(guide, "help"), font(theme, "heading"), theme.color("text"), column, plain=True)]
    if theme.hotline:
        docs.append(
            layout_text(
                word(guide, "hotline", hotline=theme.hotline), font(theme, "heading"), theme.color("accent"), column, plain=True
            )
        )
    if url:
        link = guide.links[0]
        docs.append(
            layout_text(
                f"{link.title or word(guide, 'official')}:", font(theme, "strong"), theme.color("text"), column, plain=True
            )
        )
        docs.append(layout_text(url, font(theme, "body"), theme.color("text"), column, plain=True))
    scan = (
        layout_text(
            word(guide, "scan"),
            font(theme, "small"),
            theme.color("muted"),
            QR_SIDE,
            plain=True,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
        if url
        else None
    )
    gap = PAD * 0.25
    text_h = sum(d.size().height() for d in docs) + gap * (len(docs) - 1)
    qr_h = QR_SIDE + gap + scan.size().height() if scan else 0.0
    return docs, scan, max(text_h, qr_h) + 2 * PAD


def strip_sections(guide: Guide, theme: Theme, width: float = STRIP_WIDTH) -> list[float]:
    """Heights of the strip's sections: header, each step block, help panel, footer."""
    heights = [_header(guide, theme, width).height]
    for index in range(len(guide.steps)):
        heights.append(step_block_height(guide, index, theme, width - 2 * PAD) + 2 * BLOCK_PAD)
    heights.append(_help_docs(guide, theme, width)[2] + PAD)
    foot = layout_text(footer_text(guide, theme), font(theme, "small"), theme.color("muted"), width - 2 * PAD, plain=True)
    heights.append(foot.size().height() + PAD)
    return heights


def strip_height(guide: Guide, theme: Theme, width: float = STRIP_WIDTH) -> int:
    """Total height of the strip in pixels."""
    return math.ceil(sum(strip_sections(guide, theme, width)))


def strip_too_wide(guide: Guide, theme: Theme, width: float = STRIP_WIDTH) -> list[int]:
    """Indexes of steps with a word wider than the strip's column (it would run past the edge)."""
    return [i for i in range(len(guide.steps)) if step_block_too_wide(guide, i, theme, width - 2 * PAD)]


def paint_strip(painter: QPainter, guide: Guide, theme: Theme, width: float = STRIP_WIDTH) -> None:
    """Paint the whole strip from (0, 0), `width` wide and strip_height() tall."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    heights = strip_sections(guide, theme, width)
    painter.fillRect(QRectF(0, 0, width, sum(heights)), QColor(theme.color("background")))
    header = _header(guide, theme, width)
    painter.fillRect(QRectF(0, 0, width, header.band), QColor(theme.color("primary")))
    y = PAD * 0.8
    if theme.logo:
        logo_h = theme.size("title") * 1.2
        paint_logo(painter, QRectF(PAD, y, width - 2 * PAD, logo_h), theme)
        y += logo_h + PAD * 0.3
    paint_document(painter, header.dept, QPointF(PAD, y))
    y += header.dept.size().height() + PAD * 0.3
    paint_document(painter, header.title, QPointF(PAD, y))
    y = header.band + PAD * 0.8
    paint_document(painter, header.summary, QPointF(PAD, y))
    y += header.summary.size().height() + PAD * 0.35
    paint_document(painter, header.facts, QPointF(PAD, y))
    y = heights[0]
    rule = QColor(theme.color("rule"))
    for index in range(len(guide.steps)):
        painter.fillRect(QRectF(PAD, y, width - 2 * PAD, 2), rule)
        paint_step_block(
            painter, QRectF(PAD, y + BLOCK_PAD, width - 2 * PAD, heights[index + 1] - 2 * BLOCK_PAD), guide, index, theme
        )
        y += heights[index + 1]
    docs, scan, panel_h = _help_docs(guide, theme, width)
    panel = QRectF(PAD * 0.5, y, width - PAD, panel_h)
    painter.save()
    painter.setPen(QColor(theme.color("rule")))
    painter.setBrush(QColor(theme.color("surface")))
    painter.drawRoundedRect(panel, PAD * 0.4, PAD * 0.4)
    painter.restore()
    text_y = panel.top() + PAD
    for doc in docs:
        paint_document(painter, doc, QPointF(panel.left() + PAD, text_y))
        text_y += doc.size().height() + PAD * 0.25
    if scan is not None:
        qr = QRectF(panel.right() - PAD - QR_SIDE, panel.top() + PAD, QR_SIDE, QR_SIDE)
        paint_qr(painter, qr, guide.official_url, grid=8)  # on the JPEG's 8x8 blocks: see paint_qr
        paint_document(painter, scan, QPointF(qr.left(), qr.bottom() + PAD * 0.25))
    y += heights[-2]
    foot = layout_text(
        footer_text(guide, theme),
        font(theme, "small"),
        theme.color("muted"),
        width - 2 * PAD,
        plain=True,
        align=Qt.AlignmentFlag.AlignHCenter,
    )
    paint_document(painter, foot, QPointF(PAD, y + PAD * 0.3))


def render_strip(guide: Guide, theme: Theme, width: int = STRIP_WIDTH) -> QImage:
    """The strip as an RGB image `width` wide."""
    image = QImage(width, strip_height(guide, theme, width), QImage.Format.Format_RGB32)
    # A new QImage holds whatever memory it got: fill it, or the rounded-up last row leaks garbage.
    image.fill(QColor(theme.color("background")))
    painter = QPainter(image)
    paint_strip(painter, guide, theme, width)
    painter.end()
    return image
