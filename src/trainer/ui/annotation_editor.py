"""The annotation editor: place, move, resize and delete marks on a step image with the mouse or keys.

Coordinates stay relative (0..1) like the guide format. Each finished gesture emits `edited` once,
so one drag is one undo step.
"""

from __future__ import annotations

import copy
import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from trainer.model import POINT_ANNOTATIONS, Annotation
from trainer.ui.picture_intake import is_picture_file

TOOLS = ("select", "badge", "box", "arrow", "tap", "blur")
HANDLE = 7.0
# Size of a spanning mark made by a click without dragging, relative to the image.
DEFAULT_SPAN = (0.3, 0.12)
MARK_COLOR = QColor("#d32f2f")


def _clamp(v: float) -> float:
    return max(0.0, min(1.0, v))


class AnnotationEditor(QWidget):
    """Shows a step image with its marks and lets the person edit them."""

    edited = Signal(list, str)  # new annotation list, what happened (for the undo label)
    imageDropped = Signal(str)  # a file dropped on the editor
    selectionChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setMinimumSize(200, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._image: QImage | None = None
        self._marks: list[Annotation] = []
        self._tool = "select"
        self._selected = -1
        self._drag: tuple[str, int, QPointF, list[Annotation]] | None = None  # mode, index, start, marks at start
        self._placeholder = ""

    # -- state -----------------------------------------------------------------------------------
    def set_image(self, image: QImage | None, placeholder: str = "") -> None:
        """Show this image (None shows the placeholder text)."""
        self._image = image if image is not None and not image.isNull() else None
        self._placeholder = placeholder
        self.update()

    def set_annotations(self, marks: list[Annotation]) -> None:
        """Replace the marks shown (from the model; emits nothing)."""
        self._marks = copy.deepcopy(marks)
        if self._selected >= len(self._marks):
            self._selected = -1
        self._drag = None
        self.update()

    def annotations(self) -> list[Annotation]:
        """The marks as currently shown."""
        return copy.deepcopy(self._marks)

    def set_tool(self, tool: str) -> None:
        """Choose what a click on the image makes: select/move, or a new mark of that kind."""
        assert tool in TOOLS
        self._tool = tool
        self.setCursor(Qt.CursorShape.ArrowCursor if tool == "select" else Qt.CursorShape.CrossCursor)

    def tool(self) -> str:
        """The current tool."""
        return self._tool

    def selected(self) -> int:
        """Index of the selected mark, -1 when none."""
        return self._selected

    def select(self, index: int) -> None:
        """Select a mark by index (-1 for none)."""
        self._selected = index if 0 <= index < len(self._marks) else -1
        self.selectionChanged.emit(self._selected)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Room for a phone screenshot at a readable size."""
        return QSize(420, 420)

    # -- geometry --------------------------------------------------------------------------------
    def image_rect(self) -> QRectF:
        """Where the image is drawn: aspect kept, centred, with a margin for handles."""
        area = QRectF(self.rect()).adjusted(HANDLE, HANDLE, -HANDLE, -HANDLE)
        if self._image is None or area.width() <= 0 or area.height() <= 0:
            return area
        scale = min(area.width() / self._image.width(), area.height() / self._image.height())
        w, h = self._image.width() * scale, self._image.height() * scale
        return QRectF(area.center().x() - w / 2, area.center().y() - h / 2, w, h)

    def to_widget(self, x: float, y: float) -> QPointF:
        """Relative image coordinates to widget pixels."""
        r = self.image_rect()
        return QPointF(r.left() + x * r.width(), r.top() + y * r.height())

    def to_relative(self, p: QPointF) -> tuple[float, float]:
        """Widget pixels to relative image coordinates, clamped to the image."""
        r = self.image_rect()
        if r.width() <= 0 or r.height() <= 0:
            return 0.0, 0.0
        return _clamp((p.x() - r.left()) / r.width()), _clamp((p.y() - r.top()) / r.height())

    def _mark_rect(self, m: Annotation) -> QRectF:
        if m.kind in POINT_ANNOTATIONS:
            c = self.to_widget(m.x, m.y)
            radius = self._badge_radius()
            return QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius)
        a, b = self.to_widget(m.x, m.y), self.to_widget(m.x2, m.y2)
        return QRectF(a, b).normalized()

    def _badge_radius(self) -> float:
        return max(9.0, min(self.image_rect().width(), self.image_rect().height()) * 0.045)

    def _handles(self, m: Annotation) -> dict[str, QPointF]:
        if m.kind in POINT_ANNOTATIONS:
            return {}
        return {"p1": self.to_widget(m.x, m.y), "p2": self.to_widget(m.x2, m.y2)}

    def hit(self, p: QPointF) -> tuple[int, str]:
        """(index, 'move'|'p1'|'p2') of the mark under a widget point, (-1, '') when none."""
        if 0 <= self._selected < len(self._marks):
            for name, h in self._handles(self._marks[self._selected]).items():
                if (h - p).manhattanLength() <= HANDLE * 2:
                    return self._selected, name
        for i in reversed(range(len(self._marks))):
            m = self._marks[i]
            if m.kind == "arrow":
                if self._near_segment(p, self.to_widget(m.x, m.y), self.to_widget(m.x2, m.y2), HANDLE * 1.5):
                    return i, "move"
            elif self._mark_rect(m).adjusted(-4, -4, 4, 4).contains(p):
                return i, "move"
        return -1, ""

    @staticmethod
    def _near_segment(p: QPointF, a: QPointF, b: QPointF, tolerance: float) -> bool:
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length2 = dx * dx + dy * dy
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2))
        return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy)) <= tolerance

    # -- mouse and keys --------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Select and start moving/resizing a mark, or start a new one with the current tool."""
        if event.button() != Qt.MouseButton.LeftButton or self._image is None:
            return super().mousePressEvent(event)
        self.setFocus()
        p = event.position()
        index, mode = self.hit(p)
        start = copy.deepcopy(self._marks)
        if index >= 0 and (self._tool == "select" or mode in ("p1", "p2")):
            self.select(index)
            self._drag = (mode, index, p, start)
            return None
        if self._tool == "select":
            self.select(index)
            if index >= 0:
                self._drag = ("move", index, p, start)
            return None
        x, y = self.to_relative(p)
        label = ""
        if self._tool == "badge":
            numbers = [int(m.label) for m in self._marks if m.kind == "badge" and m.label.isdigit()]
            label = str(max(numbers, default=0) + 1)
        mark = (
            Annotation(self._tool, x, y, x, y, label)
            if self._tool not in POINT_ANNOTATIONS
            else Annotation(self._tool, x, y, label=label)
        )
        self._marks.append(mark)
        self.select(len(self._marks) - 1)
        self._drag = ("new", self._selected, p, start)
        self.update()
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Move, resize or draw the mark being dragged."""
        if self._drag is None:
            index, mode = self.hit(event.position())
            shape = Qt.CursorShape.SizeAllCursor if mode == "move" else Qt.CursorShape.SizeFDiagCursor if mode else None
            if shape is None:
                shape = Qt.CursorShape.ArrowCursor if self._tool == "select" else Qt.CursorShape.CrossCursor
            self.setCursor(shape)
            return
        mode, index, start, before = self._drag
        x, y = self.to_relative(event.position())
        m = self._marks[index]
        if mode == "new" and m.kind not in POINT_ANNOTATIONS or mode == "p2":
            m.x2, m.y2 = x, y
        elif mode == "p1":
            m.x, m.y = x, y
        elif mode == "move" or mode == "new":
            sx, sy = self.to_relative(start)
            orig = before[index]
            dx, dy = x - sx, y - sy
            if orig.kind in POINT_ANNOTATIONS:
                m.x, m.y = _clamp(orig.x + dx), _clamp(orig.y + dy)
            else:
                # Keep the whole mark inside the image while moving.
                left, top, right, bottom = orig.rect()
                dx = max(-left, min(1 - right, dx))
                dy = max(-top, min(1 - bottom, dy))
                m.x, m.y, m.x2, m.y2 = orig.x + dx, orig.y + dy, orig.x2 + dx, orig.y2 + dy
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Finish the gesture: one `edited` signal per gesture."""
        if self._drag is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        mode, index, _start, before = self._drag
        self._drag = None
        m = self._marks[index]
        if mode == "new" and m.kind not in POINT_ANNOTATIONS and abs(m.x2 - m.x) < 0.02 and abs(m.y2 - m.y) < 0.02:
            # A click without a drag: give the mark a usable default size.
            w, h = DEFAULT_SPAN
            m.x, m.y = _clamp(m.x - w / 2), _clamp(m.y - h / 2)
            m.x2, m.y2 = _clamp(m.x + w), _clamp(m.y + h)
        if self._marks != before:
            action = {"new": "add", "move": "move"}.get(mode, "resize")
            self.edited.emit(copy.deepcopy(self._marks), action)
        self.update()
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Delete removes the selected mark; arrow keys nudge it (Shift for bigger steps); Tab cycles."""
        key = event.key()
        if self._selected >= 0 and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
            return
        if key == Qt.Key.Key_Escape:
            self.select(-1)
            return
        moves = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if self._selected >= 0 and key in moves:
            step = 0.05 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0.01
            dx, dy = (v * step for v in moves[key])
            m = self._marks[self._selected]
            if m.kind not in POINT_ANNOTATIONS:
                left, top, right, bottom = m.rect()
                dx, dy = max(-left, min(1 - right, dx)), max(-top, min(1 - bottom, dy))
                m.x2, m.y2 = m.x2 + dx, m.y2 + dy
            m.x, m.y = _clamp(m.x + dx), _clamp(m.y + dy)
            self.edited.emit(copy.deepcopy(self._marks), "move")
            self.update()
            return
        super().keyPressEvent(event)

    def delete_selected(self) -> None:
        """Remove the selected mark (one undo step)."""
        if 0 <= self._selected < len(self._marks):
            del self._marks[self._selected]
            self.select(-1)
            self.edited.emit(copy.deepcopy(self._marks), "delete")
            self.update()

    # -- drag and drop of image files --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        """Accept image files and images dragged from other apps."""
        md = event.mimeData()
        if md.hasImage() or any(is_picture_file(u.toLocalFile()) for u in md.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        """Hand the dropped file to the editor, which imports it."""
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.imageDropped.emit(url.toLocalFile())
                event.acceptProposedAction()
                return

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """The image, then every mark, then handles on the selected one."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        if self._image is None:
            p.setPen(self.palette().placeholderText().color())
            p.drawText(
                self.rect().adjusted(12, 12, -12, -12), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder
            )
            p.end()
            return
        r = self.image_rect()
        p.drawImage(r, self._image)
        for i, m in enumerate(self._marks):
            self._paint_mark(p, m)
            if i == self._selected:
                p.setPen(QPen(QColor("#1565c0"), 1.5, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(self._mark_rect(m).adjusted(-3, -3, 3, 3))
                p.setBrush(QColor("#1565c0"))
                for h in self._handles(m).values():
                    p.drawRect(QRectF(h.x() - HANDLE / 2, h.y() - HANDLE / 2, HANDLE, HANDLE))
        p.end()

    def _paint_mark(self, p: QPainter, m: Annotation) -> None:
        pen = QPen(MARK_COLOR, max(2.0, self.image_rect().width() * 0.008))
        if m.kind == "blur":
            p.setPen(QPen(QColor("#424242"), 1))
            p.setBrush(QBrush(QColor(60, 60, 60, 200), Qt.BrushStyle.Dense2Pattern))
            p.drawRect(self._mark_rect(m))
        elif m.kind == "box":
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(self._mark_rect(m), 4, 4)
        elif m.kind == "arrow":
            a, b = self.to_widget(m.x, m.y), self.to_widget(m.x2, m.y2)
            p.setPen(pen)
            p.drawLine(a, b)
            angle = math.atan2(b.y() - a.y(), b.x() - a.x())
            size = pen.widthF() * 4
            head = QPolygonF(
                [
                    b,
                    QPointF(b.x() - size * math.cos(angle - 0.45), b.y() - size * math.sin(angle - 0.45)),
                    QPointF(b.x() - size * math.cos(angle + 0.45), b.y() - size * math.sin(angle + 0.45)),
                ]
            )
            p.setBrush(MARK_COLOR)
            p.drawPolygon(head)
        elif m.kind == "badge":
            rect = self._mark_rect(m)
            p.setPen(QPen(Qt.GlobalColor.white, 2))
            p.setBrush(MARK_COLOR)
            p.drawEllipse(rect)
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(max(8, int(rect.height() * 0.55)))
            p.setFont(font)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, m.label or "•")
        elif m.kind == "tap":
            rect = self._mark_rect(m)
            p.setPen(QPen(MARK_COLOR, 3))
            p.setBrush(QColor(211, 47, 47, 70))
            p.drawEllipse(rect)
            path = QPainterPath()
            path.addEllipse(rect.center(), rect.width() / 6, rect.width() / 6)
            p.fillPath(path, MARK_COLOR)
