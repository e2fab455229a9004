"""Preferences live in QSettings: language, review age, theme; the library follows the review age at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from trainer.ui import app as app_module
from trainer.ui.preferences import PreferencesDialog


def test_preferences_are_stored_and_applied(qtbot, library: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("TRAINER_LANG", raising=False)
    window = app_module.MainWindow(library)
    qtbot.addWidget(window)
    assert "1 need review" in window.library_view.count.text()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreferencesDialog):
            QTimer.singleShot(30, fill)
            return
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.review.setValue(3000)
        assert dialog.theme.findData("large-print") >= 0, "a built-in theme is missing from the list"
        dialog.theme.setCurrentIndex(dialog.theme.findData("large-print"))
        dialog.accept()

    QTimer.singleShot(30, fill)
    window.preferences()
    s = QSettings()
    assert s.value("language") == "en" and int(s.value("review_days")) == 3000
    assert app_module.ui_language() == "en"
    # 3000 days: the 2020 guide no longer needs review, without restarting.
    assert "need review" not in window.library_view.count.text()

    # After a restart (a new window reading the stored settings) every choice is still there and in use.
    window.close()
    restarted = app_module.MainWindow(library)
    qtbot.addWidget(restarted)
    assert "need review" not in restarted.library_view.count.text()
    restarted.open_guide(library / "dang-ky-vssid")
    assert restarted.editor is not None and restarted.editor.preview.theme_name == "large-print"
    again = PreferencesDialog(restarted)
    qtbot.addWidget(again)
    assert (again.language.currentData(), again.review.value(), again.theme.currentData()) == ("en", 3000, "large-print")
