"""F1 lists every shortcut in two aligned columns (it used to be tab-separated text in a message box)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from trainer.ui.app import MainWindow
from trainer.ui.shortcuts_dialog import ShortcutsDialog


def test_f1_shows_every_shortcut_in_aligned_columns(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(library)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.show()
    assert window.open_guide(library / "dang-ky-vssid")
    seen: list[ShortcutsDialog] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ShortcutsDialog)
        seen.append(dialog)
        table = dialog.table
        rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
        # Every action with a shortcut is listed once, with its keys in their own column.
        assert ("Save", "Ctrl+S") in rows and ("Add step", "Ctrl+Shift+N") in rows
        assert ("Large picture", "Ctrl+Shift+F") in rows
        assert all(label and keys and "\t" not in label + keys for label, keys in rows)
        assert len({label for label, _keys in rows}) == len(rows)
        # Aligned: every key starts at the same x, right of the longest description.
        dialog.show()
        QApplication.processEvents()
        lefts = {table.visualItemRect(table.item(r, 1)).left() for r in range(table.rowCount())}
        assert len(lefts) == 1
        widest = max(table.fontMetrics().horizontalAdvance(label) for label, _keys in rows)
        assert lefts.pop() >= widest
        dialog.reject()

    QTimer.singleShot(200, look)
    window.show_shortcuts()
    assert seen, "F1 opened no shortcut list"
