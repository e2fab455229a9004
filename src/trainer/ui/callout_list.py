"""A step's boxes (tip, warning, caution): one row each, with add and remove."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trainer.model import CALLOUT_KINDS, Callout, Guide, Step
from trainer.ui.document import GuideDocument
from trainer.ui.text_fields import guide_text_field


class CalloutRow(QFrame):
    """One callout: kind, text and a remove button."""

    def __init__(self, kind: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.kind = QComboBox()
        for k, label in zip(CALLOUT_KINDS, (self.tr("Tip"), self.tr("Warning"), self.tr("Caution")), strict=True):
            self.kind.addItem(label, k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.text = guide_text_field(QPlainTextEdit(text))
        self.text.setMaximumHeight(60)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(self.tr("Remove this box"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.kind, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)


class CalloutList(QWidget):
    """The boxes of the step being edited, and buttons to add one of each kind."""

    def __init__(self, doc: GuideDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.index = -1
        self.rows: list[CalloutRow] = []
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.row_box = QVBoxLayout()
        v.addLayout(self.row_box)
        add_row = QHBoxLayout()
        for kind, label in zip(CALLOUT_KINDS, (self.tr("Add tip"), self.tr("Add warning"), self.tr("Add caution")), strict=True):
            b = QPushButton(label)
            b.clicked.connect(lambda _c=False, k=kind: self.add(k))
            add_row.addWidget(b)
        add_row.addStretch(1)
        v.addLayout(add_row)

    def load(self, index: int, s: Step) -> None:
        """Show step `index`'s boxes; rows are rebuilt only when they differ (typing keeps its cursor)."""
        self.index = index
        kinds_texts = [(c.kind, c.text) for c in s.callouts]
        if [(r.kind.currentData(), r.text.toPlainText()) for r in self.rows] == kinds_texts:
            return
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for i, c in enumerate(s.callouts):
            row = CalloutRow(c.kind, c.text)
            row.kind.currentIndexChanged.connect(lambda _x, i=i: self._edited(i))
            row.text.textChanged.connect(lambda i=i: self._edited(i))
            row.remove.clicked.connect(lambda _c=False, i=i: self.remove(i))
            self.row_box.addWidget(row)
            self.rows.append(row)

    def _edited(self, i: int) -> None:
        if not 0 <= self.index < len(self.doc.guide.steps) or i >= len(self.rows):
            return
        index, row = self.index, self.rows[i]
        kind, text = row.kind.currentData(), row.text.toPlainText()

        def apply(g: Guide) -> None:
            g.steps[index].callouts[i] = Callout(kind, text)

        self.doc.edit(self.tr("Edit box"), apply, index, merge_key=f"step:{index}:callout:{i}")

    def add(self, kind: str) -> None:
        """Add an empty tip/warning/caution box to the step and put the cursor in it."""
        if not 0 <= self.index < len(self.doc.guide.steps):
            return
        index = self.index
        self.doc.edit(self.tr("Add box"), lambda g: g.steps[index].callouts.append(Callout(kind, "")), index)
        self.load(index, self.doc.guide.steps[index])
        if self.rows:
            row = self.rows[-1]
            row.text.setFocus()
            # Once laid out, scroll the form so the new box is in view (it is added at the bottom).
            QTimer.singleShot(0, lambda: self._show(row))

    def _show(self, row: CalloutRow) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None and row in self.rows:
            # Let every pending layout settle first (the form grows, then the scroll area's range), so the
            # scroll reaches the new box even on a busy machine.
            for _ in range(3):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            parent.ensureWidgetVisible(row, 0, 24)

    def remove(self, i: int) -> None:
        """Remove a box from the step."""
        index = self.index
        self.doc.edit(self.tr("Remove box"), lambda g: g.steps[index].callouts.pop(i), index)
        self.load(index, self.doc.guide.steps[index])
