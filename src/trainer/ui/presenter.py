"""Presenter mode: the slides full screen for the room, and a presenter view for the trainer.

`PresenterWindow` shows the current slide full screen on the chosen screen; `PresenterView`
shows the current and next slide, the presenter notes, the elapsed time, the clock and "step n
of m". Both only show a `trainer.presenter.Presenter`; keys are mapped to its actions. Slides are
painted by the shared render layer (`paint_scene`), the same code as the clips and the preview.
"""

from __future__ import annotations

import dataclasses
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QScreen,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from trainer.model import Guide
from trainer.presenter import Presenter, Slide
from trainer.render.fonts import make_font
from trainer.render.image import StepImageError
from trainer.render.scene import Scene, paint_scene, scene_overflow
from trainer.render.theme import Theme, load_theme
from trainer.store.media import MediaError, resolve_inside

# Slides are laid out at 16:9 and letterboxed on screens of another shape.
ASPECT = 16 / 9
# Text height on the slides (16:9, default theme): step text is at least 3.9 % of the slide height
# (theme body 34 px x 1.25 at 1080 p), titles 5.1 %, the footer line (department, hotline) 2.8 %.
# On a 40-inch TV (49.8 cm picture height) step text is then a 1.9 cm em, a capital of about 9.4
# arc-minutes at 5 m (a 20/20 eye reads 5, a 20/40 eye 10). The presenter makes the text larger still when every slide of the guide fits:
# these boosts are tried in order; 1.0 (the theme as is) always remains.
FONT_BOOSTS = (1.15, 1.1, 1.05)
# Rendered slides kept per window: a whole guide at two sizes (current + next in the presenter view).
CACHE_SLIDES = 64

_KEYPAD_DIGITS = {getattr(Qt.Key, f"Key_{d}"): d for d in "0123456789"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("PresenterWindow", text)


def presenter_theme(guide: Guide, theme: Theme) -> Theme:
    """The theme with its fonts made as large as FONT_BOOSTS allows while every 16:9 slide still fits."""
    from trainer.render.gui import ensure_gui

    ensure_gui()
    size = QSize(1920, 1080)
    slides = [Scene(s.kind, -1 if s.step_index is None else s.step_index) for s in Presenter(guide).slides]
    try:
        for boost in FONT_BOOSTS:
            bigger = dataclasses.replace(theme, font_scale=theme.font_scale * boost)
            if all(scene_overflow(guide, bigger, scene, size) <= 0 for scene in slides):
                return bigger
    except StepImageError:
        pass  # a broken screenshot: its slide says so; the theme stays as it is
    return theme


def key_name(event: QKeyEvent) -> str:
    """The portable name of a key press ('PgDown', 'B', '5'), as `Presenter.actions()` lists keys."""
    key = event.key()
    if key in _KEYPAD_DIGITS:  # the number pad sends digits with the keypad modifier
        return _KEYPAD_DIGITS[key]
    if key == Qt.Key.Key_Backtab:
        return "Tab"
    return QKeySequence(key).toString()


class SlideRenderer(QObject):
    """Renders slides with the render layer and keeps the images per slide and size."""

    def __init__(self, guide: Guide, theme: Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.theme = theme
        self._cache: OrderedDict[tuple[str, int, int, int], QImage] = OrderedDict()
        self.renders = 0

    def image(self, slide: Slide, size: QSize) -> QImage:
        """The slide painted at `size` device pixels (from the cache when it was painted before)."""
        index = -1 if slide.step_index is None else slide.step_index
        key = (slide.kind, index, size.width(), size.height())
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor(self.theme.color("background")))
        painter = QPainter(image)
        try:
            paint_scene(painter, QRectF(0, 0, size.width(), size.height()), self.guide, self.theme, Scene(slide.kind, index))
            failure = ""
        except StepImageError as exc:
            # A screenshot deleted or broken since the guide was checked: say so on the slide, keep presenting.
            failure = str(exc)
        finally:
            painter.end()  # always: a QPainter left active on a QImage crashes Qt later
        if failure:
            image = _message_image(failure, size)
        self.renders += 1
        self._cache[key] = image
        while len(self._cache) > CACHE_SLIDES:
            self._cache.popitem(last=False)
        return image


def _message_image(message: str, size: QSize) -> QImage:
    """A plain slide that shows one line of text (used when a slide cannot be painted)."""
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    # The bundled font, as on every other slide: the message may be Vietnamese on a laptop without it.
    painter.setFont(make_font(max(10, size.height() // 30)))
    painter.setPen(QColor("#a4161a"))
    margin = size.width() // 20
    painter.drawText(
        image.rect().adjusted(margin, margin, -margin, -margin), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, message
    )
    painter.end()
    return image


def slide_rect(area: QRectF, top: bool = False) -> QRectF:
    """The largest 16:9 rectangle centred in `area` (at its top when `top`)."""
    width = min(area.width(), area.height() * ASPECT)
    height = width / ASPECT
    y = area.top() if top else area.center().y() - height / 2
    return QRectF(area.center().x() - width / 2, y, width, height)


class SlideView(QWidget):
    """Paints one slide letterboxed at 16:9, or a black/white blank screen."""

    def __init__(
        self, renderer: SlideRenderer, parent: QWidget | None = None, *, background: str = "#000000", top: bool = False
    ) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.top = top
        self.slide: Slide | None = None
        self.blank: str | None = None
        self.caption = ""
        self.background = QColor(background)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)

    def show_slide(self, slide: Slide | None, blank: str | None = None, caption: str = "") -> None:
        """Show `slide` (None: nothing), blanked to 'black'/'white' when blank is given."""
        if (slide, blank, caption) != (self.slide, self.blank, self.caption):
            self.slide, self.blank, self.caption = slide, blank, caption
            self.update()

    def device_size(self) -> QSize:
        """Device pixels of the 16:9 slide area: what the cache is keyed on."""
        rect = slide_rect(QRectF(self.rect()), self.top)
        ratio = self.devicePixelRatioF()
        return QSize(max(1, round(rect.width() * ratio)), max(1, round(rect.height() * ratio)))

    def prefetch(self, slide: Slide | None) -> None:
        """Render `slide` at this view's size ahead of time, so the next click shows it at once."""
        if slide is not None and self.isVisible() and self.width() > 0:
            self.renderer.image(slide, self.device_size())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """Blank colour, or the cached rendered slide, letterboxed."""
        painter = QPainter(self)
        if self.blank is not None:
            painter.fillRect(self.rect(), QColor("#ffffff" if self.blank == "white" else "#000000"))
            return
        painter.fillRect(self.rect(), self.background)
        if self.slide is None:
            if self.caption:
                painter.setPen(QColor("#9aa4b1"))
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.caption)
            return
        image = self.renderer.image(self.slide, self.device_size())
        painter.drawImage(slide_rect(QRectF(self.rect()), self.top), image)


class PresenterView(QWidget):
    """The trainer's screen: current and next slide, notes, elapsed time, clock, step n of m."""

    keyPressed = Signal(QKeyEvent)  # noqa: N815 - Qt signal naming
    closed = Signal()

    def __init__(self, presenter: Presenter, renderer: SlideRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.setObjectName("PresenterView")
        self.setWindowTitle(self.tr("Presenter view"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(
            "#PresenterView { background: #1b1f24; } QLabel { color: #eef3f9; }"
            " QLabel[role='muted'] { color: #9aa4b1; } QScrollArea { background: transparent; border: none; }"
            " QFrame#NotesFrame { background: #262b33; border-radius: 8px; }"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.current = SlideView(renderer, background="#1b1f24", top=True)
        self.next = SlideView(renderer, background="#1b1f24", top=True)
        self.status = self._label(28, bold=True)
        # A long step title wraps instead of pushing the timer and the clock below their width at 1366 px.
        self.status.setWordWrap(True)
        self.position = self._label(18, muted=True)
        self.elapsed = self._label(34, bold=True)
        self.clock = self._label(22, muted=True)
        self.state = self._label(18, bold=True)
        self.state.setStyleSheet("color: #ffcf5c;")
        self.next_label = self._label(18, muted=True)
        self.notes_title = self._label(18, muted=True)
        self.notes = self._label(17)
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.help = self._label(13, muted=True)
        self.help.setWordWrap(True)

        notes_frame = QFrame()
        notes_frame.setObjectName("NotesFrame")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # arrow keys move slides, not the notes
        scroll.setWidget(self.notes)
        scroll.viewport().setAutoFillBackground(False)
        self.notes.setStyleSheet("background: transparent;")
        notes_layout = QVBoxLayout(notes_frame)
        notes_layout.addWidget(self.notes_title)
        notes_layout.addWidget(scroll, 1)

        top = QHBoxLayout()
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.state)
        top.addSpacing(24)
        top.addWidget(self.elapsed)
        top.addSpacing(24)
        top.addWidget(self.clock)

        right = QVBoxLayout()
        right.addWidget(self.next_label)
        right.addWidget(self.next, 2)
        right.addWidget(notes_frame, 3)

        grid = QGridLayout()
        grid.addWidget(self.current, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 62)
        grid.setColumnStretch(1, 38)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.addLayout(top)
        layout.addWidget(self.position)
        layout.addLayout(grid, 1)
        layout.addWidget(self.help)

        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.update_times)
        self.timer.start()
        self.refresh()

    def _label(self, points: int, *, bold: bool = False, muted: bool = False) -> QLabel:
        from trainer.render.fonts import ensure_fonts

        label = QLabel()
        font = QFont([ensure_fonts()])  # the bundled font: full Vietnamese on every laptop
        font.setPointSize(points)
        font.setBold(bold)
        label.setFont(font)
        if muted:
            label.setProperty("role", "muted")
        return label

    def step_text(self) -> str:
        """'Step n of m', 'Practice: step n of m', 'Title slide' or 'Closing slide', translated."""
        p = self.presenter
        kind = p.slide.kind
        if kind == "step":
            return self.tr("Step %1 of %2").replace("%1", str(p.step_number)).replace("%2", str(p.step_count))
        if kind == "practice":
            return self.tr("Practice after step %1 of %2").replace("%1", str(p.step_number)).replace("%2", str(p.step_count))
        return self.tr("Title slide") if kind == "title" else self.tr("Closing slide")

    def refresh(self) -> None:
        """Show the presenter's current state."""
        p = self.presenter
        self.status.setText(self.step_text())
        self.position.setText(self.tr("Slide %1 of %2").replace("%1", str(p.number)).replace("%2", str(p.count)))
        self.current.show_slide(p.slide)
        following = p.next_slide
        self.next.show_slide(following, caption=self.tr("End of the presentation"))
        self.next_label.setText(self.tr("Next") if following is not None else self.tr("Next: nothing, this is the last slide"))
        self.notes_title.setText(self.tr("Notes"))
        self.notes.setText(p.notes or self.tr("(no notes for this slide)"))
        states = []
        if p.blank == "black":
            states.append(self.tr("Screen is BLACK (B to show)"))
        elif p.blank == "white":
            states.append(self.tr("Screen is WHITE (W to show)"))
        if p.digits:
            states.append(self.tr("Go to step %1 (Enter)").replace("%1", p.digits))
        self.state.setText("   ".join(states))
        self.help.setText(
            self.tr(
                "Next: → ↓ Space PgDn · Back: ← ↑ PgUp · Home/End · step number + Enter: go to step · B/W: black/white · P: presenter view · T: pause timer · Esc: leave"
            )
        )
        self.update_times()

    def update_times(self) -> None:
        """Elapsed time (h:mm:ss) and the wall clock (HH:mm)."""
        seconds = int(self.presenter.elapsed())
        hours, rest = divmod(seconds, 3600)
        text = f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"
        self.elapsed.setText(text + (" ⏸" if self.presenter.timer_paused else ""))
        self.clock.setText(QDateTime.currentDateTime().toString("HH:mm"))

    def showEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Prefetch the next slide once the views have their size."""
        super().showEvent(event)
        QTimer.singleShot(0, lambda: self.next.prefetch(self.presenter.next_slide))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Keys typed while this window has focus drive the presentation too."""
        self.keyPressed.emit(event)

    def event(self, event: QEvent) -> bool:
        """Tab would move focus between child widgets; here it toggles the view like P."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Closing the presenter view's own window ends the presentation."""
        self.closed.emit()
        super().closeEvent(event)


def narration_file(guide: Guide, relative: str | None) -> Path | None:
    """The narration file inside the guide folder, None when there is none (or it is missing)."""
    if not relative or guide.folder is None:
        return None
    try:
        path = resolve_inside(guide.folder, relative)
    except MediaError:
        return None
    return path if path.is_file() else None


class PresenterWindow(QWidget):
    """The slides full screen on one screen; a presenter view on another screen, or toggled in place."""

    finished = Signal()

    def __init__(
        self,
        guide: Guide,
        theme_name: str = "default",
        screen: QScreen | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        boost_fonts: bool = True,
    ) -> None:
        super().__init__()
        theme = load_theme(theme_name)
        self.guide = guide
        self.theme = presenter_theme(guide, theme) if boost_fonts else theme
        self.presenter = Presenter(guide, clock=clock)
        self.renderer = SlideRenderer(guide, self.theme, self)
        self.keys = self.presenter.key_map()
        self.setWindowTitle(self.tr("Presenting: %1").replace("%1", guide.title))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)  # no mouse pointer over the slides
        self.slides = SlideView(self.renderer)
        self.slides.setCursor(Qt.CursorShape.BlankCursor)
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.slides)
        self.view = PresenterView(self.presenter, self.renderer)
        self.view.keyPressed.connect(self.handle_key)
        self.view.closed.connect(self._view_closed)
        self.audience_screen = screen
        self.view_screen: QScreen | None = None
        self._closing = False
        self._voice = None  # NarrationPlayer, made on the first N (QtMultimedia loads only when needed)
        self.refresh()

    # -- starting --------------------------------------------------------------------------------
    def choose_screens(self, screen: QScreen | None) -> tuple[QScreen, QScreen | None]:
        """(audience screen, presenter-view screen or None): with two screens the slides go on the one
        that is not the laptop's (the primary), the view on the primary."""
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        if screen is None:
            others = [s for s in screens if s is not primary]
            screen = others[0] if others else primary
        other = next((s for s in screens if s is not screen), None)
        return screen, other

    def start(self, presenter_view: bool | None = None) -> None:
        """Go full screen. presenter_view None: a presenter view when there is a second screen;
        True: always (on a single screen it replaces the slides until P); False: none (P still shows it)."""
        audience, other = self.choose_screens(self.audience_screen)
        self.audience_screen, self.view_screen = audience, other
        if other is not None:
            self.view.setParent(None)
            self.view.setWindowFlag(Qt.WindowType.Window, True)
        else:
            self.stack.addWidget(self.view)
        self.presenter.presenter_view = bool(presenter_view) if presenter_view is not None else other is not None
        self.presenter.reset_timer()
        _show_full_screen(self, audience)
        self.refresh()
        self.activateWindow()
        self.setFocus()

    # -- showing state ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the presenter's state in the slides, the presenter view and the window stack."""
        p = self.presenter
        self.slides.show_slide(p.slide, p.blank)
        self.view.refresh()
        separate = self.view_screen is not None
        if separate:
            if p.presenter_view and not self.view.isVisible() and self.isVisible():
                _show_full_screen(self.view, self.view_screen)
                self.activateWindow()
            elif not p.presenter_view and self.view.isVisible():
                self.view.hide()
        elif self.stack.indexOf(self.view) >= 0:
            self.stack.setCurrentWidget(self.view if p.presenter_view else self.slides)
        self._sync_narration()
        QTimer.singleShot(0, self._prefetch)

    def _sync_narration(self) -> None:
        """Play the step's narration while the presenter asks for it (N), stop it otherwise."""
        p = self.presenter
        path = narration_file(self.guide, p.narration) if p.narration_playing else None
        if path is None:
            if self._voice is not None:
                self._voice.stop()
            p.narration_slide = None
            return
        if self._voice is None:
            from trainer.ui.narration_player import NarrationPlayer

            self._voice = NarrationPlayer(self)
            self._voice.playingChanged.connect(self._narration_playing)
        if not self._voice.playing or self._voice.path != path:
            self._voice.play(path)

    def _narration_playing(self, playing: bool) -> None:
        if not playing:
            self.presenter.narration_slide = None  # ended: the next N plays it again

    def _prefetch(self) -> None:
        following = self.presenter.next_slide
        self.slides.prefetch(following)
        if self.view.isVisible():
            self.view.next.prefetch(self.presenter.slides[min(self.presenter.index + 2, self.presenter.count - 1)])
            self.view.current.prefetch(following)

    def showing_view_in_place(self) -> bool:
        """True when the presenter view has taken the slides' place on a single screen."""
        return self.stack.currentWidget() is self.view

    # -- input -----------------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        """Run the action bound to the key; True when there was one."""
        action = self.keys.get(key_name(event))
        if action is None:
            return False
        action.handler()
        if self.presenter.left:
            self.close()
        else:
            self.refresh()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Keys (and USB clickers, which send PgUp/PgDn, B or '.') drive the presenter."""
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """Tab toggles the presenter view instead of moving the focus."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self.handle_key(event)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        """Left click: next slide; right click: previous (as in PowerPoint)."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.presenter.next()
        elif event.button() == Qt.MouseButton.RightButton:
            self.presenter.previous()
        else:
            return
        self.refresh()

    def _view_closed(self) -> None:
        if not self._closing:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Leaving closes the presenter view too."""
        self._closing = True
        self.view.timer.stop()
        if self._voice is not None:
            self._voice.stop()
        if self.view.isWindow():
            self.view.close()
        super().closeEvent(event)
        self.finished.emit()


def _show_full_screen(widget: QWidget, screen: QScreen | None) -> None:
    """Full screen on `screen` (placing it there first: a window goes full screen where it is)."""
    if screen is not None:
        if widget.isWindow():
            widget.setScreen(screen)
        widget.setGeometry(screen.geometry())
    widget.showFullScreen()


class ScreenError(ValueError):
    """A screen number that this computer does not have."""


def run_presenter(
    guide: Guide, theme_name: str = "default", screen_index: int | None = None, presenter_view: bool | None = None
) -> int:
    """`trainer present`: present the guide full screen; return the exit code when the trainer leaves."""
    import importlib
    import os

    from trainer.ui.app import make_app

    app = make_app()
    screens = QGuiApplication.screens()
    screen = None
    if screen_index is not None:
        if not 1 <= screen_index <= len(screens):
            message = _tr("screen %1 does not exist; this computer has %2 screen(s)")
            raise ScreenError(message.replace("%1", str(screen_index)).replace("%2", str(len(screens))))
        screen = screens[screen_index - 1]
    window = PresenterWindow(guide, theme_name, screen)
    window.finished.connect(app.quit)
    window.start(presenter_view)
    hook = os.environ.get("TRAINER_TEST_HOOK")
    if hook:  # as in the app: tests under Xvfb drive the real window through module:function(window)
        module, _, func = hook.partition(":")
        QTimer.singleShot(0, lambda: getattr(importlib.import_module(module), func)(window))
    return app.exec()


__all__ = [
    "PresenterView",
    "PresenterWindow",
    "ScreenError",
    "SlideRenderer",
    "SlideView",
    "key_name",
    "presenter_theme",
    "run_presenter",
]
