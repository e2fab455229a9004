"""The F1 list of keyboard shortcuts: every action with a shortcut, and the picture keys, in two aligned columns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget


def action_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, keys) for every action of the window that has a shortcut, sorted by what it does."""
    rows: set[tuple[str, str]] = set()
    for action in window.findChildren(QAction):
        if action.shortcut().isEmpty() or not action.text():
            continue
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        rows.add((action.text().replace("&", ""), keys))
    return sorted(rows, key=lambda r: r[0].casefold())


class ShortcutsDialog(QDialog):
    """Two columns (what it does | keys), so every key lines up whatever the font."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = action_shortcuts(window) + self.picture_keys()
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("What it does"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        for row, (label, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            key_item = QTableWidgetItem(keys)
            key_item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, key_item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def picture_keys(self) -> list[tuple[str, str]]:
        """Keys of the marking canvas, which are not menu actions."""
        return [
            (self.tr("Picture: larger / smaller"), self.tr("+ / -, Ctrl+wheel")),
            (self.tr("Picture: fit the window / 100 %"), "0 / 1"),
            (self.tr("Picture: move around"), self.tr("wheel, Space+drag, middle button drag")),
            (self.tr("Mark: move by 1 / 10 picture dots"), self.tr("arrows / Shift+arrows")),
            (self.tr("Mark: delete"), "Delete"),
            (self.tr("Suggested hiding: accept / keep visible"), "Enter / Delete"),
        ]
