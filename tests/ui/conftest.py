"""UI test fixtures: isolated settings and recovery folder, a sample library, a dialog answerer."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from ui_samples import make_guide


@pytest.fixture(autouse=True)
def isolated_app(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """Settings in a temp ini file, recovery files and caches in temp folders, trash in a temp home: nothing touches the real user."""
    from trainer.ui import app as app_module
    from trainer.ui import document

    QCoreApplication.setOrganizationName("TrainerTests")
    QCoreApplication.setApplicationName("TrainerTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(document, "recovery_dir", lambda: tmp_path / "recovery")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))  # kept export work (clip scenes)
    # send2trash reads XDG_DATA_HOME once, at import: point its home trash at this test's folder too.
    import send2trash.plat_other as trash

    data = str(tmp_path / "xdg-data").encode()
    monkeypatch.setattr(trash, "XDG_DATA_HOME", data)
    monkeypatch.setattr(trash, "HOMETRASH_B", data + b"/Trash")
    monkeypatch.setattr(trash, "HOMETRASH", str(tmp_path / "xdg-data" / "Trash"))
    app_module.make_app()
    # make_app sets the real names; keep the test ones so the ini path above is used.
    QCoreApplication.setOrganizationName("TrainerTests")
    QCoreApplication.setApplicationName("TrainerTests")
    yield qapp
    from trainer.ui.personal_data_scan import wait_for_scans

    wait_for_scans()  # a picture added by the test may still be looked at for personal data
    QSettings().clear()


class DialogAnswerer:
    """Answers modal dialogs as a person would: records each message and clicks the queued answer."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.answers: list[object] = []
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def queue(self, *answers: object) -> None:
        """Next answers: a button text, a QMessageBox.StandardButton, or text for an input dialog."""
        self.answers.extend(answers)

    def _tick(self) -> None:
        w = QApplication.activeModalWidget()
        if w is None or not w.isVisible():
            return
        answer = self.answers.pop(0) if self.answers else None
        if isinstance(w, QMessageBox):
            self.seen.append(w.text())
            if isinstance(answer, QMessageBox.StandardButton):
                button = w.button(answer)
            elif isinstance(answer, str):
                button = next(b for b in w.buttons() if b.text().replace("&", "") == answer)
            else:
                button = w.escapeButton() or w.defaultButton() or w.buttons()[0]
            button.click()
        elif isinstance(w, QInputDialog):
            self.seen.append(w.labelText())
            if answer is None:
                w.reject()
            else:
                w.setTextValue(str(answer))
                w.accept()


@pytest.fixture
def dialogs() -> Iterator[DialogAnswerer]:
    """The dialog answerer for one test."""
    answerer = DialogAnswerer()
    yield answerer
    answerer.timer.stop()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library folder with two guides on different topics."""
    root = tmp_path / "library"
    make_guide(root)
    make_guide(root, "lua-dao-otp", "Cảnh giác lừa đảo mã OTP", "An toàn trên mạng", "draft", steps=3, valid=_dt.date(2020, 1, 1))
    return root
