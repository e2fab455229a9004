"""Live preview beside the editor: infographic card, handout page or presenter slide.

It calls the same render functions as the exporters (trainer.render.card / page / scene), so the
preview is what the export will be. Renders run on the GUI thread after a short debounce (a card or
slide takes 15-40 ms, so typing does not stall). They used to run on a worker thread, but painting
there while the GUI thread was building widgets crashed PySide about one start in two (its lazy
creation of enum types is not thread-safe), and a crash would cost the person their work.
"""

from __future__ import annotations

import importlib
import time

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from trainer.model import Guide

# Quiet time after the last keystroke before the preview is drawn: fast typing draws once, not per key.
DEBOUNCE_MS = 60
# The handout page lays out the whole guide (~40 ms for 10 steps once its pictures are decoded): a
# slightly longer pause than the card so a render does not hold up the next keystroke mid-word.
PAGE_DEBOUNCE_MS = 70
# mode -> the logical size the render code lays out at (the preview is scaled from it)
CARD_SIZE = QSize(1080, 1350)
SLIDE_SIZE = QSize(1920, 1080)
# A4 portrait in points: the handout page painter lays out in page units.
PAGE_SIZE = QSize(595, 842)
MODES = ("card", "page", "slide")


class PreviewUnavailable(Exception):
    """The render module for this preview mode is not installed/written yet; str() says which."""


def _module(name: str):  # type: ignore[no-untyped-def]
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise PreviewUnavailable(f"{name} is not available ({exc})") from None


def _theme(name: str):  # type: ignore[no-untyped-def]
    return _module("trainer.render.theme").load_theme(name)


def logical_size(mode: str) -> QSize:
    """The size a preview mode is laid out at before scaling."""
    return {"card": CARD_SIZE, "slide": SLIDE_SIZE, "page": PAGE_SIZE}[mode]


def render_preview(guide: Guide, theme_name: str, mode: str, step: int, width: int) -> QImage:
    """Paint one preview (step -1 = the cover/title) into a QImage `width` pixels wide; safe off the GUI thread."""
    theme = _theme(theme_name)
    if mode == "page":
        return _render_page(guide, theme, step, width)
    size = logical_size(mode)
    scale = width / size.width()
    image = QImage(
        max(1, int(size.width() * scale)), max(1, int(size.height() * scale)), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        _hints(painter)
        painter.scale(scale, scale)
        rect = QRectF(0, 0, size.width(), size.height())
        if mode == "card":
            _module("trainer.render.card").paint_card(painter, rect, guide, theme, step + 1)
        else:
            scene = _module("trainer.render.scene")
            kind = "title" if step < 0 else "step"
            scene.paint_scene(painter, rect, guide, theme, scene.Scene(kind, max(step, 0)))
    finally:
        painter.end()
    return image


def _hints(painter: QPainter) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)


def _render_page(guide: Guide, theme, step: int, width: int) -> QImage:  # type: ignore[no-untyped-def]
    """The A4 handout page holding `step`, laid out by the handout's own page planner at the preview's dpi."""
    page = _module("trainer.render.page")
    dpi = width / (page.A4.width_mm / 25.4)
    plan = page.plan_handout(guide, theme, page.A4, dpi)
    number = 0
    for i, placements in enumerate(plan.pages):
        if any(getattr(p.block, "step_index", None) == step for p in placements):
            number = i
            break
    rect = plan.page_rect()
    image = QImage(max(1, int(rect.width())), max(1, int(rect.height())), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        _hints(painter)
        page.paint_page(painter, plan, number)
    finally:
        painter.end()
    return image


class PreviewCanvas(QWidget):
    """Shows the latest preview image scaled to fit; emits `painted` after each repaint (for the benchmark)."""

    painted = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.image = QImage()
        self.generation = 0
        self.message = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)

    def show_image(self, image: QImage, generation: int) -> None:
        """Take a new image and repaint."""
        self.image, self.generation, self.message = image, generation, ""
        self.update()

    def show_message(self, text: str, generation: int) -> None:
        """Show a plain message instead of an image."""
        self.message, self.generation = text, generation
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """Image centred with its aspect kept on a grey desk."""
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#8a8f98"))
        if self.message or self.image.isNull():
            p.setPen(QColor("white"))
            p.drawText(
                self.rect().adjusted(12, 12, -12, -12), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message
            )
        else:
            area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
            dpr = self.image.devicePixelRatio() or 1.0
            w, h = self.image.width() / dpr, self.image.height() / dpr
            scale = min(area.width() / w, area.height() / h, 1.0)
            target = QRectF(0, 0, w * scale, h * scale)
            target.moveCenter(area.center())
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(target, self.image)
        p.end()
        self.painted.emit(self.generation)


class PreviewPane(QWidget):
    """Mode switch plus canvas; `request(guide, step)` schedules a debounced off-thread render."""

    rendered = Signal(int, float)  # generation, render seconds

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.theme_name = "default"
        self.mode_box = QComboBox()
        for mode, label in (
            ("card", self.tr("Infographic card")),
            ("page", self.tr("Handout page")),
            ("slide", self.tr("Presenter slide")),
        ):
            self.mode_box.addItem(label, mode)
        self.mode_box.setToolTip(self.tr("Which output to preview. The preview uses the same drawing code as the export."))
        self.mode_box.currentIndexChanged.connect(lambda _i: self._schedule())
        self.canvas = PreviewCanvas()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Preview:")))
        top.addWidget(self.mode_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.canvas, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._render)
        self.generation = 0
        self._latest: tuple[Guide, int] | None = None

    def mode(self) -> str:
        """card, page or slide."""
        return str(self.mode_box.currentData())

    def set_mode(self, mode: str) -> None:
        """Switch what is previewed."""
        self.mode_box.setCurrentIndex(max(0, self.mode_box.findData(mode)))

    def set_theme(self, name: str) -> None:
        """Preview in this theme."""
        self.theme_name = name
        self._schedule()

    def request(self, guide: Guide, step: int) -> None:
        """Preview this guide state (a snapshot the caller will not change) at this step (-1 = cover)."""
        self._latest = (guide, step)
        self._schedule()

    def _schedule(self) -> None:
        if self._latest is not None:
            self.generation += 1
            self.timer.start(PAGE_DEBOUNCE_MS if self.mode() == "page" else DEBOUNCE_MS)

    def _fit_width(self) -> float:
        size = logical_size(self.mode())
        area_w, area_h = self.canvas.width() - 16, self.canvas.height() - 16
        return max(120.0, min(area_w, area_h * size.width() / size.height()))

    def _render(self) -> None:
        if self._latest is None:
            return
        guide, step = self._latest
        dpr = self.devicePixelRatioF()
        width = max(120, int(min(self.canvas.width() - 16, self._fit_width()) * dpr))
        started = time.perf_counter()
        try:
            image, error = render_preview(guide, self.theme_name, self.mode(), step, width), ""
        except PreviewUnavailable as exc:
            image, error = QImage(), str(exc)
        except Exception as exc:  # noqa: BLE001 - a render bug must never kill the editor
            image, error = QImage(), f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - started
        if error:
            self.canvas.show_message(self.tr("Preview not available: %1").replace("%1", error), self.generation)
        else:
            image.setDevicePixelRatio(dpr)
            self.canvas.show_image(image, self.generation)
        # How long it took is for the benchmark (bench/), not for editors: it goes out as a signal only.
        self.rendered.emit(self.generation, seconds)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
        """A new size needs a sharper or smaller image."""
        super().resizeEvent(event)
        self._schedule()

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Nothing runs in the background any more; kept so closing code reads the same."""
        self.timer.stop()
        return True
