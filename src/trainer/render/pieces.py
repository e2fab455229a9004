"""Painted pieces shared by cards, scenes and step blocks: number badge, callout box, footer line.

Each piece measures itself (height at a width) with the same layout it paints, so a layout that
measured a fit paints exactly that.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QTextDocument

from trainer.model import Callout, Guide
from trainer.render.fonts import font, make_font
from trainer.render.labels import word
from trainer.render.text import layout_text, paint_document
from trainer.render.theme import Theme


def paint_badge(painter: QPainter, centre: QPointF, radius: float, text: str, theme: Theme) -> None:
    """A filled circle with a number: the step number beside a step's title."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.color("accent")))
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(QColor(theme.color("on_accent")))
    painter.setFont(make_font(radius * (1.1 if len(text) < 2 else 0.9), QFont.Weight.Bold))
    painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius), Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


@dataclass
class CalloutBox:
    """A laid-out callout: the text with its label (CẢNH BÁO, MẸO...) run in at the start, and the box's height.

    `label` is the label alone, kept for width checks; it is painted as the first words of `body`,
    which saves a line per callout (large print needs that line).
    """

    kind: str
    label: QTextDocument
    body: QTextDocument
    width: float
    pad: float
    bar: float

    @property
    def height(self) -> float:
        """Height of the whole box."""
        return self.pad * 2 + self.body.size().height()

    def paint(self, painter: QPainter, top_left: QPointF, theme: Theme) -> None:
        """Paint the box with its top-left corner at top_left."""
        rect = QRectF(top_left.x(), top_left.y(), self.width, self.height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        radius = self.pad * 0.6
        painter.setBrush(QColor(theme.color(f"{self.kind}_fill")))
        painter.setPen(QPen(QColor(theme.color(self.kind)), max(1.0, self.bar * 0.3)))
        painter.drawRoundedRect(rect, radius, radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.color(self.kind)))
        painter.drawRoundedRect(QRectF(rect.left(), rect.top(), self.bar, rect.height()), self.bar / 2, self.bar / 2)
        painter.restore()
        x = rect.left() + self.bar + self.pad
        paint_document(painter, self.body, QPointF(x, rect.top() + self.pad))


def callout_box(guide: Guide, callout: Callout, theme: Theme, width: float, scale: float) -> CalloutBox:
    """Lay out a callout box `width` wide at `scale` (theme sizes x scale)."""
    pad = theme.size("body") * scale * 0.55
    bar = pad * 0.45
    inner = max(10.0, width - bar - 2 * pad)
    kind = callout.kind if callout.kind in ("tip", "warning", "caution") else "warning"
    name = word(guide, kind).upper()
    label = layout_text(name, font(theme, "strong", scale), theme.color(kind), inner, plain=True)
    body = layout_text(callout.text, font(theme, "body", scale), theme.color("text"), inner, lead=(f"{name}:", theme.color(kind)))
    return CalloutBox(kind, label, body, width, pad, bar)


def footer_text(guide: Guide, theme: Theme) -> str:
    """The theme's own footer line, else department and hotline ('' parts left out)."""
    if theme.footer:
        return theme.footer
    parts = [theme.department] if theme.department else []
    if theme.hotline:
        parts.append(word(guide, "hotline", hotline=theme.hotline))
    return "  ·  ".join(parts)


def paint_logo(painter: QPainter, rect: QRectF, theme: Theme) -> float:
    """Paint the theme's logo (if any) fitted into rect at its left; return the width used."""
    if theme.logo is None:
        return 0.0
    image = QImage(str(theme.logo))
    if image.isNull() or image.height() == 0:
        return 0.0
    height = rect.height()
    width = height * image.width() / image.height()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(QRectF(rect.left(), rect.top(), width, height), image)
    painter.restore()
    return width


@dataclass
class StepText:
    """A step's title row (number badge + title), Markdown text and callouts, laid out at one width."""

    number: str
    title: QTextDocument
    body: QTextDocument | None
    callouts: list[CalloutBox]
    badge: float
    gap: float
    width: float

    @property
    def title_height(self) -> float:
        """Height of the badge/title row."""
        return max(self.badge, self.title.size().height())

    @property
    def height(self) -> float:
        """Height of the whole column."""
        height = self.title_height
        if self.body is not None:
            height += self.gap + self.body.size().height()
        for box in self.callouts:
            height += self.gap + box.height
        return height

    def too_wide(self) -> bool:
        """True when a word is wider than the column (it would run past the edge)."""
        docs = (
            [self.title] + ([self.body] if self.body is not None else []) + [d for b in self.callouts for d in (b.label, b.body)]
        )
        return any(doc.idealWidth() > doc.textWidth() + 0.5 for doc in docs)

    @property
    def body_height(self) -> float:
        """Height of the Markdown text alone (0 when the step has none)."""
        return self.body.size().height() if self.body is not None else 0.0

    @property
    def callouts_height(self) -> float:
        """Height of the callout boxes with the gaps above each."""
        return sum(self.gap + box.height for box in self.callouts)

    def paint_title(self, painter: QPainter, top_left: QPointF, theme: Theme) -> float:
        """Paint the badge and title row; return its height."""
        x, y = top_left.x(), top_left.y()
        row = self.title_height
        # One-line titles centre on the badge; longer ones hang from its top.
        centre_y = y + row / 2 if row < self.badge * 1.6 else y + self.badge / 2
        paint_badge(painter, QPointF(x + self.badge / 2, centre_y), self.badge / 2, self.number, theme)
        title_y = y + (row - self.title.size().height()) / 2
        paint_document(painter, self.title, QPointF(x + self.badge + self.gap * 0.8, title_y))
        return row

    def paint_callouts(self, painter: QPainter, top_left: QPointF, theme: Theme) -> None:
        """Paint the callout boxes from top_left down (a gap above each)."""
        x, y = top_left.x(), top_left.y()
        for box in self.callouts:
            y += self.gap
            box.paint(painter, QPointF(x, y), theme)
            y += box.height

    def paint(self, painter: QPainter, top_left: QPointF, theme: Theme) -> None:
        """Paint title row, text and callouts from top_left down."""
        x, y = top_left.x(), top_left.y()
        y += self.paint_title(painter, top_left, theme)
        if self.body is not None:
            y += self.gap
            paint_document(painter, self.body, QPointF(x, y))
            y += self.body.size().height()
        self.paint_callouts(painter, QPointF(x, y), theme)


def step_text(guide: Guide, index: int, theme: Theme, width: float, scale: float, *, callouts: bool = True) -> StepText:
    """Lay out step `index` (0-based) in a column `width` wide at `scale` x the theme sizes."""
    step = guide.steps[index]
    badge = theme.size("heading") * scale * 1.35
    gap = theme.size("body") * scale * 0.6
    title = layout_text(
        step.title, font(theme, "heading", scale), theme.color("text"), max(10.0, width - badge - gap * 0.8), plain=True
    )
    body = layout_text(step.text, font(theme, "body", scale), theme.color("text"), width) if step.text.strip() else None
    boxes = [callout_box(guide, c, theme, width, scale) for c in step.callouts] if callouts else []
    return StepText(str(index + 1), title, body, boxes, badge, gap, width)
