"""Drives a real `trainer present` process (TRAINER_TEST_HOOK=presenter_hook:drive) and records what it shows.

TRAINER_SCREENSHOT names a folder: the hook writes slide.png (the audience screen), view.png (the
presenter view: its own screen, or toggled with P on a single screen) and state.json, then presses
Esc so the process ends by itself.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

# Waits are on conditions, polled; the limit only matters when something is broken (then state.json says what).
POLL_MS = 50
LIMIT_MS = 60_000


def _grab(widget, screen) -> QImage:  # type: ignore[no-untyped-def]
    """What the screen shows (Xvfb); the offscreen platform has no screen pixels, so the window itself there."""
    widget.repaint()  # painted and flushed now, not at the next event loop turn
    QApplication.processEvents()
    if QGuiApplication.platformName() == "xcb":
        return screen.grabWindow(0).toImage()
    return widget.grab().toImage()


def drive(window) -> None:  # type: ignore[no-untyped-def]
    out = Path(os.environ["TRAINER_SCREENSHOT"])
    out.mkdir(parents=True, exist_ok=True)
    state: dict[str, object] = {
        "platform": QGuiApplication.platformName(),
        "screens": [s.name() for s in QGuiApplication.screens()],
    }

    def when(condition: Callable[[], bool], then: Callable[[], None], what: str) -> None:
        """Call `then` as soon as `condition` holds; after LIMIT_MS record what never happened and leave."""
        clock = QElapsedTimer()
        clock.start()

        def poll() -> None:
            if condition():
                then()
            elif clock.elapsed() > LIMIT_MS:
                state["timed_out"] = what
                finish()
            else:
                QTimer.singleShot(POLL_MS, poll)

        poll()

    def exposed(widget) -> bool:  # type: ignore[no-untyped-def]
        handle = widget.windowHandle()
        return bool(widget.isVisible() and handle is not None and handle.isExposed())

    def first() -> None:
        QTest.keyClick(window, Qt.Key.Key_PageDown)  # title -> step 1, as a clicker would
        when(lambda: window.presenter.number == 2, second, "the slide after PageDown")

    def second() -> None:
        state["slide_screen"] = window.screen().name()
        state["slide_full_screen"] = window.isFullScreen()
        state["slide_geometry"] = window.geometry().getRect()
        state["number"] = window.presenter.number
        _grab(window, window.screen()).save(str(out / "slide.png"))
        view = window.view
        if view.isWindow() and view.isVisible():
            state["view"] = "separate"
            state["view_screen"] = view.screen().name()
            state["view_full_screen"] = view.isFullScreen()
            _grab(view, view.screen()).save(str(out / "view.png"))
            finish()
        else:
            state["view"] = "in-place"
            QTest.keyClick(window, Qt.Key.Key_P)
            when(window.showing_view_in_place, grab_view, "the presenter view after P")

    def grab_view() -> None:
        state["view_shown"] = window.showing_view_in_place()
        _grab(window, window.screen()).save(str(out / "view.png"))
        finish()

    def finish() -> None:
        if state.get("done"):
            return
        state["done"] = True
        state["status"] = window.view.status.text()
        (out / "state.json").write_text(json.dumps(state), encoding="utf-8")
        QTest.keyClick(window, Qt.Key.Key_Escape)

    when(lambda: exposed(window), first, "the presenter window on screen")
