"""Text fields whose Ctrl+Z / Ctrl+Y undo the guide (the document's QUndoStack), not the field's own little history."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

W = TypeVar("W", bound=QWidget)


class UndoKeysToStack(QObject):
    """Lets Ctrl+Z / Ctrl+Y reach the guide's undo stack instead of a text field's own little undo."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride:
            for seq in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo):
                if event.matches(seq):  # type: ignore[attr-defined]
                    return True
        return False


def guide_text_field(widget: W) -> W:
    """Make a text field undo through the guide's stack; multi-line fields pass Tab on to the next field."""
    widget.installEventFilter(UndoKeysToStack(widget))
    if isinstance(widget, QPlainTextEdit):
        widget.setUndoRedoEnabled(False)
        widget.setTabChangesFocus(True)
    return widget


def set_text_quietly(widget: QWidget, text: str) -> None:
    """Show `text` in a line or plain-text field, touching it only when it differs (the cursor being typed at stays put)."""
    if isinstance(widget, QLineEdit):
        if widget.text() != text:
            widget.setText(text)
    elif isinstance(widget, QPlainTextEdit) and widget.toPlainText() != text:
        widget.setPlainText(text)
        widget.moveCursor(QTextCursor.MoveOperation.End)
