"""The form of one step: title, what to do, its picture, boxes, presenter notes, voice, clip duration, practice pause."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trainer.model import Guide, Step
from trainer.ui.callout_list import CalloutList
from trainer.ui.document import GuideDocument
from trainer.ui.narration_panel import NarrationPanel, length_text, step_audio
from trainer.ui.step_picture import StepPicture
from trainer.ui.text_fields import guide_text_field, set_text_quietly

FORMAT_BUTTONS = ("bold", "italic", "list")


def _set_layout_visible(layout: QLayout, visible: bool) -> None:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            item.widget().setVisible(visible)
        elif item.layout() is not None:
            _set_layout_visible(item.layout(), visible)


class StepForm(QWidget):
    """Edits the step at `index`; every change is one undoable edit on the document."""

    titleEdited = Signal(int, str)  # step index, new title (for the step list)

    def __init__(self, doc: GuideDocument, actions: dict[str, QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.index = -1
        self._loading = False
        v = QVBoxLayout(self)
        self.title = guide_text_field(QLineEdit())
        self.title.setPlaceholderText(self.tr("Step title, e.g. Open the VNeID app"))
        self.title.setToolTip(self.tr("A short title that says what to do"))
        self.title.textEdited.connect(lambda text: self._set("title", text, self.tr("Type step title")))
        v.addWidget(QLabel(self.tr("Step title")))
        v.addWidget(self.title)
        bar = QHBoxLayout()
        for name in FORMAT_BUTTONS:
            b = QToolButton()
            b.setDefaultAction(actions[name])
            bar.addWidget(b)
        self.count = QLabel()
        bar.addStretch(1)
        bar.addWidget(self.count)
        v.addWidget(QLabel(self.tr("What to do")))
        v.addLayout(bar)
        self.text = guide_text_field(QPlainTextEdit())
        self.text.setMinimumHeight(70)
        self.text.setMaximumHeight(120)
        self.text.setToolTip(self.tr("Short sentences. **bold** and *italic* work; start lines with - for a list."))
        self.text.textChanged.connect(lambda: self._set("text", self.text.toPlainText(), self.tr("Type step text")))
        v.addWidget(self.text)

        self.picture = StepPicture(doc, actions)
        v.addWidget(self.picture, 1)

        v.addWidget(QLabel(self.tr("Boxes (tip, warning, caution)")))
        self.callouts = CalloutList(doc)
        v.addWidget(self.callouts)

        v.addWidget(QLabel(self.tr("Notes for the presenter (never printed)")))
        self.notes = guide_text_field(QPlainTextEdit())
        self.notes.setMaximumHeight(80)
        self.notes.setToolTip(self.tr("What to show and what people often get wrong"))
        self.notes.textChanged.connect(lambda: self._set("notes", self.notes.toPlainText().strip("\n"), self.tr("Type notes")))
        v.addWidget(self.notes)
        opts = QHBoxLayout()
        self.duration = QDoubleSpinBox()
        self.duration.setRange(0, 120)
        self.duration.setSpecialValueText(self.tr("automatic"))
        self.duration.setSuffix(self.tr(" s"))
        self.duration.setToolTip(self.tr("How long this step shows in a clip"))
        self.duration.valueChanged.connect(lambda val: self._set("duration", val or None, self.tr("Change duration")))
        self.duration.valueChanged.connect(lambda _val: self._show_clip_time())
        self.clip_time = QLabel()
        self.clip_time.setToolTip(self.tr("A step lasts at least as long as its narration, whatever duration is set"))
        self.practice = QCheckBox(self.tr("Pause for practice"))
        self.practice.setToolTip(self.tr("In presenter mode, pause after this step so people can try it on their phones"))
        self.practice.toggled.connect(lambda on: self._set("practice", on, self.tr("Change practice")))
        opts.addWidget(QLabel(self.tr("Clip duration")))
        opts.addWidget(self.duration)
        opts.addWidget(self.clip_time)
        opts.addWidget(self.practice)
        opts.addStretch(1)
        self.narration = NarrationPanel(doc)
        self.narration.narrationChanged.connect(lambda _index: self._show_clip_time())
        v.addWidget(self.narration)
        v.addLayout(opts)

    def set_picture_focus(self, on: bool) -> None:
        """Show only the picture, or every field again."""
        layout = self.layout()
        for i in range(layout.count()):
            item = layout.itemAt(i)
            widget = item.widget()
            if widget is not None and widget is not self.picture:
                widget.setVisible(not on)
            elif item.layout() is not None:
                _set_layout_visible(item.layout(), not on)
        self.picture.set_focus_mode(on)

    def load(self, index: int, s: Step) -> None:
        """Show step `index` (after selecting it, undo, redo, reload), emitting no edits."""
        self.index = index
        self._loading = True
        try:
            set_text_quietly(self.title, s.title)
            set_text_quietly(self.text, s.text)
            set_text_quietly(self.notes, s.notes)
            self.duration.setValue(s.duration or 0)
            self.practice.setChecked(s.practice)
            self._show_count(s.text)
            self.picture.load(index, s)
            self.callouts.load(index, s)
            self.narration.load(index, s)
            self._show_clip_time()
        finally:
            self._loading = False

    def _show_clip_time(self) -> None:
        """How long the step shows in a clip: its duration or reading time, stretched to its narration."""
        if not 0 <= self.index < len(self.doc.guide.steps):
            self.clip_time.setText("")
            return
        from trainer.exporters.clip import clip_timeline
        from trainer.narration import narration_seconds

        guide = self.doc.guide
        path = step_audio(guide, guide.steps[self.index])
        spoken = narration_seconds(path) if path else None
        narration: list[float | None] = [None] * (len(guide.steps) + 2)
        narration[self.index + 1] = spoken
        try:
            seconds = clip_timeline(guide, narration).durations[self.index + 1]
        except Exception:  # noqa: BLE001 - a hint only; a broken theme must not break the form
            self.clip_time.setText("")
            return
        text = self.tr("in the clip: %1").replace("%1", length_text(seconds))
        if spoken:
            text += " " + self.tr("(follows the narration)")
        self.clip_time.setText(text)

    def _show_count(self, text: str) -> None:
        self.count.setText(self.tr("%1 characters").replace("%1", str(len(text))))

    def _set(self, attr: str, value: object, label: str) -> None:
        if self._loading or not 0 <= self.index < len(self.doc.guide.steps):
            return
        index = self.index

        def apply(g: Guide) -> None:
            setattr(g.steps[index], attr, value)

        if self.doc.edit(label, apply, index, merge_key=f"step:{index}:{attr}"):
            if attr == "title":
                self.titleEdited.emit(index, str(value))
            if attr == "text":
                self._show_count(str(value))

    def format_text(self, kind: str) -> None:
        """Bold/italic the selection, or make the selected lines a list (Markdown, as the guide stores it)."""
        cursor = self.text.textCursor()
        if kind == "list":
            doc = self.text.document()
            start = doc.findBlock(cursor.selectionStart()).blockNumber()
            end = doc.findBlock(cursor.selectionEnd()).blockNumber()
            lines = self.text.toPlainText().split("\n")
            all_list = all(lines[i].startswith("- ") for i in range(start, end + 1))
            for i in range(start, end + 1):
                lines[i] = lines[i][2:] if all_list else "- " + lines[i]
            self.text.setPlainText("\n".join(lines))
            return
        mark = "**" if kind == "bold" else "*"
        selected = cursor.selectedText()
        if selected.startswith(mark) and selected.endswith(mark) and len(selected) >= 2 * len(mark):
            cursor.insertText(selected[len(mark) : -len(mark)])
        else:
            cursor.insertText(f"{mark}{selected}{mark}")
            if not selected:
                cursor.movePosition(QTextCursor.MoveOperation.Left, n=len(mark))
                self.text.setTextCursor(cursor)
        self.text.setFocus()
