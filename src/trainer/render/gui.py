"""Start Qt for painting when nothing else has: the CLI and worker processes have no window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from trainer.render.fonts import ensure_fonts


def _headless() -> bool:
    """True on Linux without a display server, where the default platform plugin would abort."""
    if not sys.platform.startswith("linux"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_gui() -> QGuiApplication:
    """The running Q(Gui)Application, or a new QGuiApplication (offscreen when headless); fonts registered."""
    app = QCoreApplication.instance()
    if app is None:
        if _headless() and not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "trainer"])
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("a QCoreApplication is running: painting text needs a QGuiApplication")
    ensure_fonts()
    return app
