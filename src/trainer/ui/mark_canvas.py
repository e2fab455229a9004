"""The marking canvas: a step's screenshot at any zoom, with its marks drawn as the outputs will show them.

Scene coordinates are image pixels; marks stay relative (0..1) as guide.md stores them. Handles keep
the same size on screen at every zoom, so a 10-pixel line of an ID number can be covered at 400 %.
Each finished gesture (a drag, a click, a key press) emits `edited` once, so one gesture is one undo
step. Proposals (personal data found by trainer.privacy) are drawn dashed until a person accepts
(a blur) or rejects (a keep mark) them; they are not part of the guide until then.
"""

from __future__ import annotations

import copy
import math
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QSizePolicy, QWidget

from trainer.model import POINT_ANNOTATIONS, Annotation
from trainer.render.image import paint_annotations, point_mark_radius, redaction_patch
from trainer.render.theme import load_theme
from trainer.ui.picture_intake import is_picture_file

TOOLS = ("select", "badge", "box", "arrow", "tap", "blur")
# Marks drawn as a rectangle with eight resize handles; an arrow has one handle at each end.
RECT_KINDS = ("box", "blur", "keep")
HANDLE_PX = 9.0  # handle size on screen, whatever the zoom
# Size of a spanning mark made by a click without dragging, relative to the image.
DEFAULT_SPAN = (0.3, 0.12)
ZOOM_STEP = 1.25
ZOOM_MAX = 8.0
NUDGE_PX, NUDGE_BIG_PX = 1, 10  # image pixels per arrow key press, without and with Shift
SELECTION = QColor("#1565c0")
PROPOSAL = QColor("#e65100")
KEEP = QColor("#2e7d32")
_RECT_HANDLES = ("nw", "n", "ne", "e", "se", "s", "sw", "w")


def _clamp(v: float) -> float:
    return max(0.0, min(1.0, v))


class MarkCanvas(QGraphicsView):
    """Shows a step image with its marks and lets the person zoom, pan and edit them."""

    edited = Signal(list, str)  # the new annotation list, what happened: add, move, resize, nudge, delete
    filesDropped = Signal(list)  # local files and folders dropped on the canvas (Path each)
    selectionChanged = Signal(int)
    zoomChanged = Signal(float)  # 1.0 = 100 %: one image pixel on one screen pixel
    proposalAccepted = Signal(int, object)  # proposal index, the Annotation where it now stands
    proposalRejected = Signal(int, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._pixmap = QGraphicsPixmapItem()
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._pixmap)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumSize(200, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)  # set_zoom keeps its own anchor
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(self.palette().window())
        self._theme = load_theme("default")
        self._image: QImage | None = None
        self._marks: list[Annotation] = []
        self._proposals: list[Annotation] = []
        self._tool = "select"
        self._selected: tuple[str, int] | None = None  # ("mark" | "proposal", index)
        # mode, (kind, index), press point in scene, marks or proposals at the press
        self._drag: tuple[str, tuple[str, int], QPointF, list[Annotation]] | None = None
        self._pan_from: QPointF | None = None
        self._space_down = False
        self._fit = True
        self._placeholder = ""
        self._patches: dict[tuple[int, int], QImage] = {}

    # -- state -----------------------------------------------------------------------------------
    def set_image(self, image: QImage | None, placeholder: str = "") -> None:
        """Show this image fitted to the window (None shows the placeholder text)."""
        new = image if image is not None and not image.isNull() else None
        same = new is not None and self._image is not None and new.cacheKey() == self._image.cacheKey()
        self._image = new
        self._placeholder = placeholder
        if not same:
            self._pixmap.setPixmap(QPixmap.fromImage(new) if new is not None else QPixmap())
            self.scene().setSceneRect(QRectF(0, 0, *self._size()) if new is not None else QRectF(0, 0, 1, 1))
            self._proposals = []
            self.fit_to_window()
        self.viewport().update()

    def has_image(self) -> bool:
        """True when a picture is shown."""
        return self._image is not None

    def set_annotations(self, marks: list[Annotation]) -> None:
        """Replace the marks shown (from the model; emits nothing)."""
        self._marks = copy.deepcopy(marks)
        if self._selected and self._selected[0] == "mark" and self._selected[1] >= len(self._marks):
            self._selected = None
        self._drag = None
        self.viewport().update()

    def annotations(self) -> list[Annotation]:
        """The marks as currently shown."""
        return copy.deepcopy(self._marks)

    def set_proposals(self, proposals: list[Annotation]) -> None:
        """Show these suggested blur marks dashed, until accepted or rejected (emits nothing)."""
        self._proposals = copy.deepcopy(proposals)
        if self._selected and self._selected[0] == "proposal":
            self._selected = None
        self.viewport().update()

    def proposals(self) -> list[Annotation]:
        """The suggested marks as currently shown (moved ones where they now stand)."""
        return copy.deepcopy(self._proposals)

    def set_tool(self, tool: str) -> None:
        """Choose what a click on the image makes: select/move, or a new mark of that kind."""
        assert tool in TOOLS
        self._tool = tool
        self._update_cursor(None)

    def tool(self) -> str:
        """The current tool."""
        return self._tool

    def selected(self) -> int:
        """Index of the selected mark, -1 when none (or when a proposal is selected)."""
        return self._selected[1] if self._selected and self._selected[0] == "mark" else -1

    def selected_proposal(self) -> int:
        """Index of the selected proposal, -1 when none."""
        return self._selected[1] if self._selected and self._selected[0] == "proposal" else -1

    def select(self, index: int) -> None:
        """Select a mark by index (-1 for none)."""
        self._selected = ("mark", index) if 0 <= index < len(self._marks) else None
        self.selectionChanged.emit(self.selected())
        self.viewport().update()

    def select_proposal(self, index: int) -> None:
        """Select a proposal by index (-1 for none)."""
        self._selected = ("proposal", index) if 0 <= index < len(self._proposals) else None
        self.selectionChanged.emit(-1)
        self.viewport().update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Room for a phone screenshot at a readable size."""
        return QSize(480, 520)

    # -- zoom ------------------------------------------------------------------------------------
    def zoom(self) -> float:
        """Screen pixels per image pixel (1.0 = 100 %)."""
        return self.transform().m11()

    def is_fitted(self) -> bool:
        """True while the picture follows the window's size."""
        return self._fit

    def _fit_zoom(self) -> float:
        w, h = self._size()
        area = self.viewport().rect().adjusted(4, 4, -4, -4)
        return max(0.01, min(area.width() / w, area.height() / h))

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom to `factor` (1.0 = 100 %), keeping `anchor` (viewport pixels) over the same image point."""
        if self._image is None:
            return
        factor = max(min(self._fit_zoom(), 0.05), min(ZOOM_MAX, factor))
        self._fit = False
        if anchor is None:
            anchor = QPointF(self.viewport().rect().center())
        before = self.mapToScene(anchor.toPoint())
        self._apply_zoom(factor)
        after = self.mapToScene(anchor.toPoint())
        delta = (after - before) * self.zoom()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(delta.x()))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(delta.y()))

    def _apply_zoom(self, factor: float) -> None:
        self.setTransform(QTransform.fromScale(factor, factor))
        # Crisp pixels when magnified (reading a 10-px digit), smooth when shrunk.
        mode = Qt.TransformationMode.SmoothTransformation if factor < 3 else Qt.TransformationMode.FastTransformation
        self._pixmap.setTransformationMode(mode)
        self.zoomChanged.emit(factor)

    def zoom_in(self) -> None:
        """One step closer (x1.25)."""
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        """One step further (/1.25)."""
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def actual_size(self) -> None:
        """100 %: one image pixel on one screen pixel."""
        self.set_zoom(1.0)

    def fit_to_window(self) -> None:
        """The whole picture in the window, following its size from now on."""
        self._fit = True
        if self._image is None:
            self.resetTransform()
            return
        self._apply_zoom(self._fit_zoom())
        self.centerOn(self._pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Keep the picture fitted while in fit mode."""
        super().resizeEvent(event)
        if self._fit:
            self.fit_to_window()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        """Ctrl+wheel zooms around the mouse; the wheel alone scrolls (Shift: sideways)."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            notches = event.angleDelta().y() / 120
            if notches:
                self.set_zoom(self.zoom() * ZOOM_STEP**notches, event.position())
            event.accept()
            return
        super().wheelEvent(event)

    # -- geometry --------------------------------------------------------------------------------
    def _size(self) -> tuple[float, float]:
        if self._image is None:
            return 1.0, 1.0
        return float(self._image.width()), float(self._image.height())

    def _scene_point(self, x: float, y: float) -> QPointF:
        w, h = self._size()
        return QPointF(x * w, y * h)

    def to_widget(self, x: float, y: float) -> QPointF:
        """Relative image coordinates to viewport pixels (where mouse events land)."""
        return self.viewportTransform().map(self._scene_point(x, y))

    def to_relative(self, p: QPointF) -> tuple[float, float]:
        """Viewport pixels to relative image coordinates, clamped to the image."""
        scene = self.viewportTransform().inverted()[0].map(QPointF(p))
        w, h = self._size()
        return _clamp(scene.x() / w), _clamp(scene.y() / h)

    def _tolerance(self) -> float:
        """HANDLE_PX screen pixels in scene units."""
        return HANDLE_PX / max(self.zoom(), 1e-6)

    def _mark_rect(self, m: Annotation) -> QRectF:
        w, h = self._size()
        if m.kind in POINT_ANNOTATIONS:
            c = self._scene_point(m.x, m.y)
            r = point_mark_radius(m.kind, w, h, m.label)
            return QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)
        return QRectF(self._scene_point(m.x, m.y), self._scene_point(m.x2, m.y2)).normalized()

    def _handles(self, m: Annotation) -> dict[str, QPointF]:
        if m.kind in POINT_ANNOTATIONS:
            return {}
        if m.kind == "arrow":
            return {"p1": self._scene_point(m.x, m.y), "p2": self._scene_point(m.x2, m.y2)}
        r = self._mark_rect(m)
        cx, cy = r.center().x(), r.center().y()
        return {
            "nw": r.topLeft(),
            "n": QPointF(cx, r.top()),
            "ne": r.topRight(),
            "e": QPointF(r.right(), cy),
            "se": r.bottomRight(),
            "s": QPointF(cx, r.bottom()),
            "sw": r.bottomLeft(),
            "w": QPointF(r.left(), cy),
        }

    def _items(self, kind: str) -> list[Annotation]:
        return self._marks if kind == "mark" else self._proposals

    def hit(self, p: QPointF) -> tuple[int, str]:
        """(mark index, 'move' or a handle name) under a viewport point, (-1, '') when none."""
        found, mode = self._hit_any(p)
        return (found[1], mode) if found and found[0] == "mark" else (-1, "")

    def _hit_any(self, p: QPointF) -> tuple[tuple[str, int] | None, str]:
        scene = self.viewportTransform().inverted()[0].map(QPointF(p))
        tol = self._tolerance()
        if self._selected:
            kind, i = self._selected
            items = self._items(kind)
            if 0 <= i < len(items):
                for name, h in self._handles(items[i]).items():
                    if abs(h.x() - scene.x()) <= tol and abs(h.y() - scene.y()) <= tol:
                        return (kind, i), name
        # Proposals sit on top: they ask for a decision.
        for kind in ("proposal", "mark"):
            items = self._items(kind)
            for i in reversed(range(len(items))):
                m = items[i]
                if m.kind == "arrow":
                    a, b = self._scene_point(m.x, m.y), self._scene_point(m.x2, m.y2)
                    if self._near_segment(scene, a, b, tol * 1.5):
                        return (kind, i), "move"
                elif self._mark_rect(m).adjusted(-tol / 2, -tol / 2, tol / 2, tol / 2).contains(scene):
                    return (kind, i), "move"
        return None, ""

    @staticmethod
    def _near_segment(p: QPointF, a: QPointF, b: QPointF, tolerance: float) -> bool:
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length2 = dx * dx + dy * dy
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2))
        return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy)) <= tolerance

    # -- mouse -----------------------------------------------------------------------------------
    def _update_cursor(self, p: QPointF | None) -> None:
        mode = self._hit_any(p)[1] if p is not None and self._image is not None else ""
        if self._pan_from is not None:
            shape = Qt.CursorShape.ClosedHandCursor
        elif self._space_down:
            shape = Qt.CursorShape.OpenHandCursor
        elif mode == "move":
            shape = Qt.CursorShape.SizeAllCursor
        elif mode in ("n", "s"):
            shape = Qt.CursorShape.SizeVerCursor
        elif mode in ("e", "w"):
            shape = Qt.CursorShape.SizeHorCursor
        elif mode in ("nw", "se"):
            shape = Qt.CursorShape.SizeFDiagCursor
        elif mode in ("ne", "sw", "p1", "p2"):
            shape = Qt.CursorShape.SizeBDiagCursor
        else:
            shape = Qt.CursorShape.ArrowCursor if self._tool == "select" else Qt.CursorShape.CrossCursor
        self.viewport().setCursor(shape)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Select and start moving/resizing a mark, start a new one with the current tool, or pan."""
        p = event.position()
        pan = event.button() == Qt.MouseButton.MiddleButton or (event.button() == Qt.MouseButton.LeftButton and self._space_down)
        if pan:
            self._pan_from = p
            self._update_cursor(p)
            return
        if event.button() != Qt.MouseButton.LeftButton or self._image is None:
            super().mousePressEvent(event)
            return
        self.setFocus()
        scene = self.viewportTransform().inverted()[0].map(p)
        found, mode = self._hit_any(p)
        if found and (self._tool == "select" or mode != "move" or found[0] == "proposal"):
            self._selected = found
            self.selectionChanged.emit(self.selected())
            self._drag = (mode, found, scene, copy.deepcopy(self._items(found[0])))
            self.viewport().update()
            return
        if self._tool == "select":
            # A drag on the bare picture pans it (at 400 % most of a press lands on no mark).
            self.select(-1)
            self._pan_from = p
            self._update_cursor(p)
            return
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
        before = copy.deepcopy(self._marks)
        self._marks.append(mark)
        self.select(len(self._marks) - 1)
        self._drag = ("new", ("mark", len(self._marks) - 1), scene, before)
        self.viewport().update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Pan, or move, resize or draw the mark being dragged."""
        p = event.position()
        if self._pan_from is not None:
            delta = p - self._pan_from
            self._pan_from = p
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(delta.y()))
            return
        if self._drag is None:
            self._update_cursor(p)
            return
        mode, (kind, index), start, before = self._drag
        x, y = self.to_relative(p)
        items = self._items(kind)
        m, orig = items[index], before[index] if index < len(before) else items[index]
        if mode == "new" and m.kind not in POINT_ANNOTATIONS or mode == "p2":
            m.x2, m.y2 = x, y
        elif mode == "p1":
            m.x, m.y = x, y
        elif mode in _RECT_HANDLES:
            left, top, right, bottom = orig.rect()
            if "w" in mode:
                left = x
            if "e" in mode:
                right = x
            if "n" in mode:
                top = y
            if "s" in mode:
                bottom = y
            m.x, m.x2 = sorted((left, right))
            m.y, m.y2 = sorted((top, bottom))
        else:  # move (or a new point mark following the mouse)
            w, h = self._size()
            scene = self.viewportTransform().inverted()[0].map(p)
            self._move(m, orig, (scene.x() - start.x()) / w, (scene.y() - start.y()) / h)
        self.viewport().update()

    @staticmethod
    def _move(m: Annotation, orig: Annotation, dx: float, dy: float) -> None:
        """Place `m` at `orig` moved by (dx, dy), the whole mark kept inside the image."""
        if orig.kind in POINT_ANNOTATIONS:
            m.x, m.y = _clamp(orig.x + dx), _clamp(orig.y + dy)
            return
        left, top, right, bottom = orig.rect()
        dx = max(-left, min(1 - right, dx))
        dy = max(-top, min(1 - bottom, dy))
        m.x, m.y, m.x2, m.y2 = orig.x + dx, orig.y + dy, orig.x2 + dx, orig.y2 + dy

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Finish the gesture: one `edited` signal per gesture."""
        if self._pan_from is not None and event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton):
            self._pan_from = None
            self._update_cursor(event.position())
            return
        if self._drag is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        mode, (kind, index), _start, before = self._drag
        self._drag = None
        if kind == "proposal":
            self.viewport().update()
            return  # a moved proposal stays a proposal until accepted or rejected
        m = self._marks[index]
        if mode == "new" and m.kind not in POINT_ANNOTATIONS and abs(m.x2 - m.x) < 0.02 and abs(m.y2 - m.y) < 0.02:
            # A click without a drag: give the mark a usable default size.
            w, h = DEFAULT_SPAN
            m.x, m.y = _clamp(m.x - w / 2), _clamp(m.y - h / 2)
            m.x2, m.y2 = _clamp(m.x + w), _clamp(m.y + h)
        if self._marks != before:
            action = {"new": "add", "move": "move"}.get(mode, "resize")
            self.edited.emit(copy.deepcopy(self._marks), action)
        self.viewport().update()

    # -- keys ------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Arrows nudge (Shift: 10 px), Delete removes, Enter accepts a proposal, +/-/0/1 zoom, Space pans."""
        key, mods = event.key(), event.modifiers()
        zoom_keys = {
            Qt.Key.Key_Plus: self.zoom_in,
            Qt.Key.Key_Equal: self.zoom_in,
            Qt.Key.Key_Minus: self.zoom_out,
            Qt.Key.Key_0: self.fit_to_window,
            Qt.Key.Key_1: self.actual_size,
        }
        if key in zoom_keys and not mods & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier):
            zoom_keys[key]()
            return
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self._update_cursor(None)
            return
        if self._selected is None:
            super().keyPressEvent(event)
            return
        kind, index = self._selected
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.reject_proposal() if kind == "proposal" else self.delete_selected()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and kind == "proposal":
            self.accept_proposal()
            return
        if key == Qt.Key.Key_Escape:
            self.select(-1)
            return
        moves = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in moves:
            pixels = NUDGE_BIG_PX if mods & Qt.KeyboardModifier.ShiftModifier else NUDGE_PX
            w, h = self._size()
            items = self._items(kind)
            m = items[index]
            self._move(m, copy.deepcopy(m), moves[key][0] * pixels / w, moves[key][1] * pixels / h)
            if kind == "mark":
                self.edited.emit(copy.deepcopy(self._marks), "nudge")
            self.viewport().update()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Space released: back from panning."""
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self._update_cursor(None)
            return
        super().keyReleaseEvent(event)

    def delete_selected(self) -> None:
        """Remove the selected mark (one undo step)."""
        index = self.selected()
        if 0 <= index < len(self._marks):
            del self._marks[index]
            self.select(-1)
            self.edited.emit(copy.deepcopy(self._marks), "delete")

    def accept_proposal(self, index: int | None = None) -> None:
        """Hide what the selected (or given) proposal covers: it becomes a blur mark."""
        index = self.selected_proposal() if index is None else index
        if 0 <= index < len(self._proposals):
            self._selected = None
            self.proposalAccepted.emit(index, copy.deepcopy(self._proposals[index]))

    def reject_proposal(self, index: int | None = None) -> None:
        """Say the selected (or given) proposal is public: it becomes a keep mark."""
        index = self.selected_proposal() if index is None else index
        if 0 <= index < len(self._proposals):
            self._selected = None
            self.proposalRejected.emit(index, copy.deepcopy(self._proposals[index]))

    # -- drag and drop of image files --------------------------------------------------------------
    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent) -> bool:
        md = event.mimeData()
        local = [Path(u.toLocalFile()) for u in md.urls() if u.isLocalFile()]
        return md.hasImage() or any(p.is_dir() or is_picture_file(p) for p in local)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        """Accept image files and images dragged from other apps."""
        if self._accepts(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        """Keep accepting while the drag moves over the canvas (the scene has no drop targets)."""
        if self._accepts(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        """Hand the dropped files (or folders) to the step's picture, which imports them."""
        local = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if local:
            self.filesDropped.emit(local)
            event.acceptProposedAction()

    # -- painting --------------------------------------------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt's name
        """Marks as the outputs draw them (blurs as hatched patches), proposals dashed, then the selection."""
        if self._image is None:
            painter.save()
            painter.resetTransform()
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._placeholder,
            )
            painter.restore()
            return
        w, h = self._size()
        for m in self._marks:
            if m.kind == "blur":
                r = self._mark_rect(m)
                painter.drawImage(r, self._patch(round(r.width()), round(r.height())))
        paint_annotations(painter, QRectF(0, 0, w, h), [m for m in self._marks if m.kind not in ("blur", "keep")], self._theme)
        for m in self._marks:
            if m.kind == "keep":
                self._outline(painter, self._mark_rect(m), KEEP, Qt.PenStyle.DotLine, 40)
        for m in self._proposals:
            self._outline(painter, self._mark_rect(m), PROPOSAL, Qt.PenStyle.DashLine, 60)
        if self._selected:
            kind, index = self._selected
            items = self._items(kind)
            if 0 <= index < len(items):
                self._paint_selection(painter, items[index])
        self._paint_proposal_labels(painter)

    def _patch(self, width: int, height: int) -> QImage:
        key = (max(1, width), max(1, height))
        if key not in self._patches:
            if len(self._patches) > 64:
                self._patches.clear()
            self._patches[key] = redaction_patch(*key, self._theme.color("redact"))
        return self._patches[key]

    @staticmethod
    def _outline(painter: QPainter, r: QRectF, color: QColor, style: Qt.PenStyle, fill_alpha: int) -> None:
        pen = QPen(color, 2, style)
        pen.setCosmetic(True)  # the same thickness on screen at every zoom
        painter.setPen(pen)
        fill = QColor(color)
        fill.setAlpha(fill_alpha)
        painter.setBrush(fill)
        painter.drawRect(r)

    def _paint_selection(self, painter: QPainter, m: Annotation) -> None:
        tol = self._tolerance()
        pen = QPen(SELECTION, 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._mark_rect(m).adjusted(-tol / 3, -tol / 3, tol / 3, tol / 3))
        edge = QPen(Qt.GlobalColor.white, 1)
        edge.setCosmetic(True)
        painter.setPen(edge)
        painter.setBrush(SELECTION)
        for hp in self._handles(m).values():
            painter.drawRect(QRectF(hp.x() - tol / 2, hp.y() - tol / 2, tol, tol))

    def _paint_proposal_labels(self, painter: QPainter) -> None:
        """A short question beside each proposal, at a readable size whatever the zoom."""
        if not self._proposals:
            return
        painter.save()
        transform = self.viewportTransform()
        painter.resetTransform()
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        text = self.tr("Personal data? Enter hides, Delete keeps")
        for i, m in enumerate(self._proposals):
            r = transform.mapRect(self._mark_rect(m))
            if self._selected != ("proposal", i) and len(self._proposals) > 3:
                continue  # many proposals: only the selected one carries the long hint
            box = painter.fontMetrics().boundingRect(text).adjusted(-4, -2, 4, 2)
            box.moveTopLeft(r.bottomLeft().toPoint() + QPointF(0, 3).toPoint())
            painter.fillRect(box, PROPOSAL)
            painter.setPen(Qt.GlobalColor.white)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
