"""The guide editor: metadata form, step list, step form with image and annotations, live preview.

Widgets never change the guide directly: each change goes through GuideDocument.edit(), which
makes it one undo step. After undo/redo the widgets reload from the model.
"""

from __future__ import annotations

import copy
import datetime as _dt
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QEvent,
    QIODevice,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QIcon, QImage, QImageReader, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trainer.model import CALLOUT_KINDS, FRAMES, STATUSES, Annotation, Callout, Guide, Link, Step
from trainer.store.media import MediaError, import_image
from trainer.store.problems import ERROR, Problem
from trainer.ui.annotation_editor import IMAGE_SUFFIXES, AnnotationEditor
from trainer.ui.document import GuideDocument
from trainer.ui.preview import PreviewPane

# Checks (including the render fit check, which lays out every card and scene: ~0.2 s for 10 steps)
# wait for a real pause in typing.
CHECK_DEBOUNCE_MS = 1000


def media_message(exc: MediaError) -> str:
    """A MediaError in plain words for a message box."""
    value, params = str(exc.params.get("value", "")), exc.params
    if exc.code == "too-large":
        return (
            QCoreApplication.translate("GuideEditor", "The image %1 is too large (%2 x %3 pixels, at most %4 megapixels).")
            .replace("%1", value)
            .replace("%2", str(params.get("width")))
            .replace("%3", str(params.get("height")))
            .replace("%4", str(params.get("limit")))
        )
    if exc.code == "unreadable":
        return (
            QCoreApplication.translate("GuideEditor", "The image %1 cannot be read: %2. Choose a PNG or JPEG picture.")
            .replace("%1", value)
            .replace("%2", str(params.get("detail", "")))
        )
    if exc.code == "missing":
        return QCoreApplication.translate("GuideEditor", "The file %1 was not found.").replace("%1", value)
    return QCoreApplication.translate("GuideEditor", "The image %1 cannot be used.").replace("%1", value)


class _UndoKeysToStack(QObject):
    """Lets Ctrl+Z / Ctrl+Y reach the guide's undo stack instead of a text field's own little undo."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride:
            for seq in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo):
                if event.matches(seq):  # type: ignore[attr-defined]
                    return True
        return False


def guide_problems(guide: Guide, theme: str = "default") -> list[tuple[int, Problem]]:
    """Problems of an unsaved guide state as (step index or -1 for the guide's metadata, problem)."""
    from trainer.check import check_guide
    from trainer.store import serialize_guide
    from trainer.store.guide_file import parse_guide

    assert guide.path is not None
    parsed, problems = parse_guide(serialize_guide(guide), guide.path)
    if parsed is None:
        return [(-1, p) for p in problems]
    found = list(problems)
    try:
        found += check_guide(parsed)
    except OSError:
        pass
    try:
        from trainer.render.fit import fit_problems

        found += fit_problems(parsed, theme)
    except Exception:  # noqa: BLE001 - the fit check is a bonus; its failure must not hide the others
        pass
    starts = [s.line for s in parsed.steps]
    out: list[tuple[int, Problem]] = []
    for p in found:
        index = -1
        for i, start in enumerate(starts):
            if p.line >= start > 0:
                index = i
        out.append((index, p))
    return out


class StepList(QListWidget):
    """The step list; after a drag-and-drop inside it, `dropped` fires whatever rows signals Qt used for the move."""

    dropped = Signal()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
        """Let Qt move the row, then report the new order once."""
        super().dropEvent(event)
        self.dropped.emit()


class CalloutRow(QFrame):
    """One callout: kind, text and a remove button."""

    def __init__(self, kind: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.kind = QComboBox()
        for k, label in zip(CALLOUT_KINDS, (self.tr("Tip"), self.tr("Warning"), self.tr("Caution")), strict=True):
            self.kind.addItem(label, k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.text = QPlainTextEdit(text)
        self.text.setMaximumHeight(60)
        self.text.setUndoRedoEnabled(False)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip(self.tr("Remove this box"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.kind, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)


class GuideEditor(QWidget):
    """Edits one GuideDocument; shows problems next to the step they concern and a live preview."""

    statusMessage = Signal(str)

    def __init__(self, doc: GuideDocument, topics: list[str] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.topics = sorted(set(topics or []))
        self.current = 0 if doc.guide.steps else -1  # -1 = guide information
        self.problems: list[tuple[int, Problem]] = []
        self._loading = False
        self._undo_filter = _UndoKeysToStack(self)
        self._image_cache: tuple[str, QImage | None] | None = None
        self._reorder_pending = False
        self._build()
        self.doc.changed.connect(self._on_doc_changed)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DEBOUNCE_MS)
        self.check_timer.timeout.connect(self._run_check)
        self.reload()

    # -- building --------------------------------------------------------------------------------
    def _text_field(self, widget: QWidget) -> QWidget:
        widget.installEventFilter(self._undo_filter)
        if isinstance(widget, QPlainTextEdit):
            widget.setUndoRedoEnabled(False)
            widget.setTabChangesFocus(True)
        return widget

    def _build(self) -> None:
        self.actions_ = self._make_actions()
        # Left: guide information + steps
        self.info_button = QPushButton(self.tr("Guide information"))
        self.info_button.setCheckable(True)
        self.info_button.setToolTip(self.tr("Title, topic, date checked, links and other details of the whole guide"))
        self.info_button.clicked.connect(lambda: self.select_step(-1))
        self.step_list = StepList()
        self.step_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.step_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.step_list.setWordWrap(True)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setToolTip(self.tr("Steps in order. Drag a step, or press Alt+Up / Alt+Down, to move it."))
        self.step_list.currentRowChanged.connect(self._row_changed)
        self.step_list.model().rowsMoved.connect(self._rows_dropped)
        self.step_list.dropped.connect(self._rows_dropped)
        buttons = QHBoxLayout()
        for name in ("add_step", "duplicate_step", "delete_step", "move_up", "move_down"):
            b = QToolButton()
            b.setDefaultAction(self.actions_[name])
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            buttons.addWidget(b)
        buttons.addStretch(1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(4, 4, 4, 4)
        lv.addWidget(self.info_button)
        lv.addWidget(QLabel(self.tr("Steps")))
        lv.addWidget(self.step_list, 1)
        lv.addLayout(buttons)
        left.setMinimumWidth(170)

        self.forms = QStackedWidget()
        self.forms.addWidget(self._scroll(self._build_meta_form()))
        self.forms.addWidget(self._scroll(self._build_step_form()))
        self.preview = PreviewPane()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.forms)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([200, 620, 480])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _scroll(self, inner: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(inner)
        area.setFrameShape(QFrame.Shape.NoFrame)
        return area

    def _make_actions(self) -> dict[str, QAction]:
        style = self.style()
        spec = {
            "add_step": (
                self.tr("Add step"),
                "Ctrl+Shift+N",
                self.tr("Add a new step after the selected one"),
                QStyle.StandardPixmap.SP_FileDialogNewFolder,
                self.add_step,
            ),
            "duplicate_step": (
                self.tr("Duplicate step"),
                "Ctrl+D",
                self.tr("Make a copy of the selected step"),
                QStyle.StandardPixmap.SP_FileDialogDetailedView,
                self.duplicate_step,
            ),
            "delete_step": (
                self.tr("Delete step"),
                "Ctrl+Shift+Delete",
                self.tr("Remove the selected step (you can undo)"),
                QStyle.StandardPixmap.SP_TrashIcon,
                self.delete_step,
            ),
            "move_up": (
                self.tr("Move step up"),
                "Alt+Up",
                self.tr("Move the selected step one place earlier"),
                QStyle.StandardPixmap.SP_ArrowUp,
                lambda: self.move_step(-1),
            ),
            "move_down": (
                self.tr("Move step down"),
                "Alt+Down",
                self.tr("Move the selected step one place later"),
                QStyle.StandardPixmap.SP_ArrowDown,
                lambda: self.move_step(1),
            ),
            "bold": (self.tr("Bold"), "Ctrl+B", self.tr("Make the selected words bold"), None, lambda: self.format_text("bold")),
            "italic": (
                self.tr("Italic"),
                "Ctrl+I",
                self.tr("Make the selected words italic"),
                None,
                lambda: self.format_text("italic"),
            ),
            "list": (
                self.tr("List"),
                "Ctrl+Shift+L",
                self.tr("Turn the selected lines into a list"),
                None,
                lambda: self.format_text("list"),
            ),
            "choose_image": (
                self.tr("Choose image…"),
                "Ctrl+Shift+I",
                self.tr("Pick a picture file for this step"),
                QStyle.StandardPixmap.SP_DialogOpenButton,
                self.choose_image,
            ),
            "paste_image": (
                self.tr("Paste image"),
                "Ctrl+Shift+V",
                self.tr("Use the picture you copied (for example a screenshot)"),
                None,
                self.paste_image,
            ),
            "remove_image": (
                self.tr("Remove image"),
                "",
                self.tr("Take the picture off this step (the file stays in the folder)"),
                None,
                self.remove_image,
            ),
            "delete_mark": (
                self.tr("Delete mark"),
                "",
                self.tr("Remove the selected mark from the picture (or press Delete)"),
                None,
                lambda: self.marks.delete_selected(),
            ),
        }
        actions: dict[str, QAction] = {}
        for name, (label, shortcut, tip, icon, handler) in spec.items():
            action = QAction(label, self)
            if icon is not None:
                action.setIcon(style.standardIcon(icon))
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                tip = f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
            action.setToolTip(tip)
            action.triggered.connect(handler)
            self.addAction(action)
            actions[name] = action
        return actions

    def _build_meta_form(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.meta_problems = QLabel()
        self.meta_problems.setWordWrap(True)
        self.meta_problems.setStyleSheet("color: #b71c1c;")
        form.addRow(self.meta_problems)
        self.f_title = self._text_field(QLineEdit())
        self.f_title.setToolTip(self.tr("The guide's title, as citizens will read it"))
        self.f_slug = QLineEdit()
        self.f_slug.setReadOnly(True)
        self.f_slug.setToolTip(self.tr("The folder name of the guide (set when the guide is created)"))
        self.f_summary = self._text_field(QPlainTextEdit())
        self.f_summary.setMaximumHeight(70)
        self.f_summary.setToolTip(self.tr("One or two sentences for the cover and the library"))
        self.f_topic = QComboBox()
        self.f_topic.setEditable(True)
        self.f_topic.addItems(self.topics)
        self.f_topic.lineEdit().installEventFilter(self._undo_filter)
        self.f_topic.setToolTip(self.tr("The topic used to group guides in the library"))
        self.f_audience = self._text_field(QLineEdit())
        self.f_status = QComboBox()
        for s, label in zip(STATUSES, (self.tr("Draft"), self.tr("Reviewed"), self.tr("Published")), strict=True):
            self.f_status.addItem(label, s)
        self.f_date = QDateEdit()
        self.f_date.setCalendarPopup(True)
        self.f_date.setDisplayFormat("yyyy-MM-dd")
        self.f_date.setToolTip(self.tr("The day the steps were last checked on a real phone"))
        today = QPushButton(self.tr("Today"))
        today.setToolTip(self.tr("I checked the steps today"))
        today.clicked.connect(lambda: self.f_date.setDate(QDate.currentDate()))
        date_row = QHBoxLayout()
        date_row.addWidget(self.f_date, 1)
        date_row.addWidget(today)
        self.f_minutes = QSpinBox()
        self.f_minutes.setRange(0, 600)
        self.f_minutes.setSpecialValueText(self.tr("not set"))
        self.f_version = self._text_field(QLineEdit())
        self.f_author = self._text_field(QLineEdit())
        self.f_reviewer = self._text_field(QLineEdit())
        self.f_links = QTableWidget(0, 2)
        self.f_links.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Web address")])
        self.f_links.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.f_links.setMaximumHeight(110)
        self.f_links.setToolTip(self.tr("Official links; the first one is what the QR codes open"))
        add_link = QPushButton(self.tr("Add link"))
        add_link.clicked.connect(self._add_link)
        remove_link = QPushButton(self.tr("Remove link"))
        remove_link.clicked.connect(self._remove_link)
        link_buttons = QHBoxLayout()
        link_buttons.addWidget(add_link)
        link_buttons.addWidget(remove_link)
        link_buttons.addStretch(1)
        links_box = QVBoxLayout()
        links_box.addWidget(self.f_links)
        links_box.addLayout(link_buttons)
        self.f_prereq = self._text_field(QPlainTextEdit())
        self.f_prereq.setMaximumHeight(70)
        self.f_prereq.setToolTip(self.tr("What to bring or have ready, one per line"))
        self.f_online = self._text_field(QLineEdit())
        self.f_intro = self._text_field(QPlainTextEdit())
        self.f_intro.setMaximumHeight(70)
        form.addRow(self.tr("Title"), self.f_title)
        form.addRow(self.tr("Folder name"), self.f_slug)
        form.addRow(self.tr("Summary"), self.f_summary)
        form.addRow(self.tr("Topic"), self.f_topic)
        form.addRow(self.tr("Audience"), self.f_audience)
        form.addRow(self.tr("Status"), self.f_status)
        form.addRow(self.tr("Checked on"), date_row)
        form.addRow(self.tr("Minutes needed"), self.f_minutes)
        form.addRow(self.tr("Version"), self.f_version)
        form.addRow(self.tr("Author"), self.f_author)
        form.addRow(self.tr("Reviewer"), self.f_reviewer)
        form.addRow(self.tr("Official links"), links_box)
        form.addRow(self.tr("Bring along"), self.f_prereq)
        form.addRow(self.tr("Online copy"), self.f_online)
        form.addRow(self.tr("Introduction"), self.f_intro)

        def line(attr: str, widget: QLineEdit) -> None:
            widget.textEdited.connect(lambda text: self._set_meta(attr, text.strip() if attr == "version" else text))

        line("title", self.f_title)
        line("audience", self.f_audience)
        line("version", self.f_version)
        line("author", self.f_author)
        line("reviewer", self.f_reviewer)
        line("online_url", self.f_online)
        self.f_summary.textChanged.connect(lambda: self._set_meta("summary", self.f_summary.toPlainText()))
        self.f_intro.textChanged.connect(lambda: self._set_meta("intro", self.f_intro.toPlainText().strip()))
        self.f_prereq.textChanged.connect(
            lambda: self._set_meta("prerequisites", [x.strip() for x in self.f_prereq.toPlainText().split("\n") if x.strip()])
        )
        self.f_topic.currentTextChanged.connect(lambda text: self._set_meta("topic", text.strip()))
        self.f_status.currentIndexChanged.connect(lambda _i: self._set_meta("status", self.f_status.currentData()))
        self.f_date.dateChanged.connect(lambda d: self._set_meta("valid_as_of", _dt.date(d.year(), d.month(), d.day())))
        self.f_minutes.valueChanged.connect(lambda v: self._set_meta("estimated_minutes", v or None))
        self.f_links.itemChanged.connect(lambda _item: self._links_edited())
        return w

    def _build_step_form(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.step_problems = QLabel()
        self.step_problems.setWordWrap(True)
        self.step_problems.setStyleSheet("color: #b71c1c; background: #ffebee; padding: 4px; border-radius: 4px;")
        self.step_problems.setVisible(False)
        v.addWidget(self.step_problems)
        self.s_title = self._text_field(QLineEdit())
        self.s_title.setPlaceholderText(self.tr("Step title, e.g. Open the VNeID app"))
        self.s_title.setToolTip(self.tr("A short title that says what to do"))
        self.s_title.textEdited.connect(lambda text: self._set_step("title", text, self.tr("Type step title")))
        v.addWidget(QLabel(self.tr("Step title")))
        v.addWidget(self.s_title)
        bar = QHBoxLayout()
        for name in ("bold", "italic", "list"):
            b = QToolButton()
            b.setDefaultAction(self.actions_[name])
            bar.addWidget(b)
        self.s_count = QLabel()
        bar.addStretch(1)
        bar.addWidget(self.s_count)
        v.addWidget(QLabel(self.tr("What to do")))
        v.addLayout(bar)
        self.s_text = self._text_field(QPlainTextEdit())
        self.s_text.setMinimumHeight(70)
        self.s_text.setMaximumHeight(120)
        self.s_text.setToolTip(self.tr("Short sentences. **bold** and *italic* work; start lines with - for a list."))
        self.s_text.textChanged.connect(lambda: self._set_step("text", self.s_text.toPlainText(), self.tr("Type step text")))
        v.addWidget(self.s_text)

        # Image and its marks
        image_row = QHBoxLayout()
        for name in ("choose_image", "paste_image", "remove_image"):
            b = QToolButton()
            b.setDefaultAction(self.actions_[name])
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            image_row.addWidget(b)
        image_row.addStretch(1)
        v.addWidget(QLabel(self.tr("Picture")))
        v.addLayout(image_row)
        tools = QHBoxLayout()
        self.tool_group = QButtonGroup(self)
        tool_labels = {
            "select": (self.tr("Select"), self.tr("Select, move and resize marks (drag the small squares to resize)")),
            "badge": (self.tr("Number"), self.tr("Click on the picture to place a numbered circle")),
            "box": (self.tr("Box"), self.tr("Drag on the picture to draw a highlight box")),
            "arrow": (self.tr("Arrow"), self.tr("Drag from where the arrow starts to what it points at")),
            "tap": (self.tr("Tap"), self.tr("Click where the finger should tap")),
            "blur": (self.tr("Hide"), self.tr("Drag over private details (ID numbers, faces): they are hidden in every output")),
        }
        for i, (tool, (label, tip)) in enumerate(tool_labels.items()):
            b = QToolButton()
            b.setText(label)
            b.setToolTip(tip)
            b.setCheckable(True)
            b.setChecked(tool == "select")
            b.setProperty("tool", tool)
            self.tool_group.addButton(b, i)
            tools.addWidget(b)
        self.tool_group.buttonClicked.connect(lambda b: self.marks.set_tool(b.property("tool")))
        del_mark = QToolButton()
        del_mark.setDefaultAction(self.actions_["delete_mark"])
        tools.addWidget(del_mark)
        tools.addStretch(1)
        v.addLayout(tools)
        self.marks = AnnotationEditor()
        self.marks.setMinimumHeight(240)
        self.marks.edited.connect(self._marks_edited)
        self.marks.imageDropped.connect(self.import_image_file)
        v.addWidget(self.marks, 1)
        alt_row = QFormLayout()
        self.s_alt = self._text_field(QLineEdit())
        self.s_alt.setToolTip(self.tr("What the picture shows, for people who cannot see it"))
        self.s_alt.textEdited.connect(lambda text: self._set_step("image_alt", text, self.tr("Type picture description")))
        self.s_frame = QComboBox()
        for f, label in zip(FRAMES, (self.tr("Automatic"), self.tr("Phone frame"), self.tr("No frame")), strict=True):
            self.s_frame.addItem(label, f)
        self.s_frame.currentIndexChanged.connect(
            lambda _i: self._set_step("frame", self.s_frame.currentData(), self.tr("Change frame"))
        )
        alt_row.addRow(self.tr("Picture shows"), self.s_alt)
        alt_row.addRow(self.tr("Frame"), self.s_frame)
        v.addLayout(alt_row)

        # Callouts
        v.addWidget(QLabel(self.tr("Boxes (tip, warning, caution)")))
        self.callout_box = QVBoxLayout()
        v.addLayout(self.callout_box)
        add_row = QHBoxLayout()
        for kind, label in zip(CALLOUT_KINDS, (self.tr("Add tip"), self.tr("Add warning"), self.tr("Add caution")), strict=True):
            b = QPushButton(label)
            b.clicked.connect(lambda _c=False, k=kind: self.add_callout(k))
            add_row.addWidget(b)
        add_row.addStretch(1)
        v.addLayout(add_row)
        self.callout_rows: list[CalloutRow] = []

        v.addWidget(QLabel(self.tr("Notes for the presenter (never printed)")))
        self.s_notes = self._text_field(QPlainTextEdit())
        self.s_notes.setMaximumHeight(80)
        self.s_notes.setToolTip(self.tr("What to show and what people often get wrong"))
        self.s_notes.textChanged.connect(
            lambda: self._set_step("notes", self.s_notes.toPlainText().strip("\n"), self.tr("Type notes"))
        )
        v.addWidget(self.s_notes)
        opts = QHBoxLayout()
        self.s_duration = QDoubleSpinBox()
        self.s_duration.setRange(0, 120)
        self.s_duration.setSpecialValueText(self.tr("automatic"))
        self.s_duration.setSuffix(self.tr(" s"))
        self.s_duration.setToolTip(self.tr("How long this step shows in a clip"))
        self.s_duration.valueChanged.connect(lambda val: self._set_step("duration", val or None, self.tr("Change duration")))
        self.s_practice = QCheckBox(self.tr("Pause for practice"))
        self.s_practice.setToolTip(self.tr("In presenter mode, pause after this step so people can try it on their phones"))
        self.s_practice.toggled.connect(lambda on: self._set_step("practice", on, self.tr("Change practice")))
        opts.addWidget(QLabel(self.tr("Clip duration")))
        opts.addWidget(self.s_duration)
        opts.addWidget(self.s_practice)
        opts.addStretch(1)
        v.addLayout(opts)
        return w

    # -- loading from the model -------------------------------------------------------------------
    @property
    def guide(self) -> Guide:
        """The guide being edited (the document's current state)."""
        return self.doc.guide

    def reload(self) -> None:
        """Refresh every widget from the model (after open, undo, redo, reload)."""
        self._loading = True
        try:
            g = self.guide
            self._fill_step_list()
            self._set_text(self.f_title, g.title)
            self.f_slug.setText(g.slug)
            self._set_text(self.f_summary, g.summary)
            if self.f_topic.currentText() != g.topic:
                self.f_topic.setCurrentText(g.topic)
            self.f_status.setCurrentIndex(max(0, self.f_status.findData(g.status)))
            d = g.valid_as_of or _dt.date.today()
            self.f_date.setDate(QDate(d.year, d.month, d.day))
            self.f_minutes.setValue(g.estimated_minutes or 0)
            self._set_text(self.f_version, g.version)
            self._set_text(self.f_author, g.author)
            self._set_text(self.f_reviewer, g.reviewer)
            self._set_text(self.f_online, g.online_url)
            self._set_text(self.f_intro, g.intro)
            self._set_text(self.f_prereq, "\n".join(g.prerequisites))
            self.f_links.setRowCount(len(g.links))
            for row, link in enumerate(g.links):
                self.f_links.setItem(row, 0, QTableWidgetItem(link.title))
                self.f_links.setItem(row, 1, QTableWidgetItem(link.url))
            self._load_step()
        finally:
            self._loading = False
        self._changed_for_outputs()

    @staticmethod
    def _set_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
        # Only touch a field whose text differs, so the cursor of the field being typed in stays put.
        if isinstance(widget, QLineEdit):
            if widget.text() != text:
                widget.setText(text)
        elif widget.toPlainText() != text:
            widget.setPlainText(text)
            widget.moveCursor(QTextCursor.MoveOperation.End)

    def _fill_step_list(self) -> None:
        self.step_list.blockSignals(True)
        self.step_list.clear()
        for i, step in enumerate(self.guide.steps):
            item = QListWidgetItem(f"{i + 1}. {step.title or self._untitled()}")
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
            self.step_list.addItem(item)
        if self.current >= len(self.guide.steps):
            self.current = len(self.guide.steps) - 1
        self.step_list.setCurrentRow(self.current)
        self.step_list.blockSignals(False)
        self._mark_problem_steps()
        self.info_button.setChecked(self.current < 0)

    def _untitled(self) -> str:
        return self.tr("(no title)")

    def _load_step(self) -> None:
        has_step = 0 <= self.current < len(self.guide.steps)
        self.forms.setCurrentIndex(1 if has_step else 0)
        for name in (
            "duplicate_step",
            "delete_step",
            "move_up",
            "move_down",
            "choose_image",
            "paste_image",
            "remove_image",
            "bold",
            "italic",
            "list",
        ):
            self.actions_[name].setEnabled(has_step)
        if not has_step:
            return
        s = self.guide.steps[self.current]
        self._set_text(self.s_title, s.title)
        self._set_text(self.s_text, s.text)
        self._set_text(self.s_alt, s.image_alt)
        self._set_text(self.s_notes, s.notes)
        self.s_frame.setCurrentIndex(max(0, self.s_frame.findData(s.frame)))
        self.s_duration.setValue(s.duration or 0)
        self.s_practice.setChecked(s.practice)
        self.s_count.setText(self.tr("%1 characters").replace("%1", str(len(s.text))))
        self.marks.set_image(
            self._step_image(s), self.tr("No picture yet.\nChoose one, paste a screenshot (Ctrl+Shift+V) or drop a file here.")
        )
        self.marks.set_annotations(s.annotations)
        self.actions_["remove_image"].setEnabled(bool(s.image))
        self._load_callouts(s)

    def _load_callouts(self, s: Step) -> None:
        kinds_texts = [(c.kind, c.text) for c in s.callouts]
        if [(r.kind.currentData(), r.text.toPlainText()) for r in self.callout_rows] == kinds_texts:
            return
        for row in self.callout_rows:
            row.setParent(None)
            row.deleteLater()
        self.callout_rows = []
        for i, c in enumerate(s.callouts):
            row = CalloutRow(c.kind, c.text)
            self._text_field(row.text)
            row.kind.currentIndexChanged.connect(lambda _x, i=i: self._callout_edited(i))
            row.text.textChanged.connect(lambda i=i: self._callout_edited(i))
            row.remove.clicked.connect(lambda _c=False, i=i: self.remove_callout(i))
            self.callout_box.addWidget(row)
            self.callout_rows.append(row)

    def _step_image(self, s: Step) -> QImage | None:
        if not s.image:
            return None
        path = self.guide.resolve(s.image)
        key = f"{path}:{path.stat().st_mtime if path and path.exists() else 0}"
        if self._image_cache and self._image_cache[0] == key:
            return self._image_cache[1]
        image = None
        if path is not None and path.is_file():
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            loaded = reader.read()
            image = None if loaded.isNull() else loaded
        self._image_cache = (key, image)
        return image

    # -- model change notifications ----------------------------------------------------------------
    def _on_doc_changed(self, reason: str, step: int) -> None:
        if reason == "restore":
            if step >= -1 and step < len(self.guide.steps):
                self.current = step if step >= 0 else self.current
            self.reload()
            return
        self._changed_for_outputs()

    def _changed_for_outputs(self) -> None:
        self.preview.request(self.doc.snapshot(), self.current)
        self.check_timer.start()

    # -- edits -----------------------------------------------------------------------------------
    def _set_meta(self, attr: str, value: object) -> None:
        if self._loading:
            return

        def apply(g: Guide) -> None:
            setattr(g, attr, value)

        self.doc.edit(self.tr("Edit %1").replace("%1", attr.replace("_", " ")), apply, None, merge_key=f"meta:{attr}")

    def _links_edited(self) -> None:
        if self._loading:
            return
        links = []
        for row in range(self.f_links.rowCount()):
            title = self.f_links.item(row, 0).text().strip() if self.f_links.item(row, 0) else ""
            url = self.f_links.item(row, 1).text().strip() if self.f_links.item(row, 1) else ""
            links.append(Link(title, url))

        def apply(g: Guide) -> None:
            g.links = links

        self.doc.edit(self.tr("Edit links"), apply, None, merge_key="meta:links")

    def _add_link(self) -> None:
        self.doc.edit(self.tr("Add link"), lambda g: g.links.append(Link("", "https://")), None)

    def _remove_link(self) -> None:
        row = self.f_links.currentRow()
        if row < 0:
            row = self.f_links.rowCount() - 1
        if row >= 0:
            self.doc.edit(self.tr("Remove link"), lambda g: g.links.pop(row), None)
            self.reload()

    def _set_step(self, attr: str, value: object, label: str) -> None:
        if self._loading or not 0 <= self.current < len(self.guide.steps):
            return
        index = self.current

        def apply(g: Guide) -> None:
            setattr(g.steps[index], attr, value)

        if self.doc.edit(label, apply, index, merge_key=f"step:{index}:{attr}"):
            if attr == "title":
                item = self.step_list.item(index)
                if item:
                    item.setText(f"{index + 1}. {value or self._untitled()}")
            if attr == "text":
                self.s_count.setText(self.tr("%1 characters").replace("%1", str(len(str(value)))))

    def _marks_edited(self, marks: list[Annotation], action: str) -> None:
        index = self.current
        labels = {
            "add": self.tr("Add mark"),
            "move": self.tr("Move mark"),
            "resize": self.tr("Resize mark"),
            "delete": self.tr("Delete mark"),
        }

        def apply(g: Guide) -> None:
            g.steps[index].annotations = copy.deepcopy(marks)

        self.doc.edit(labels.get(action, action), apply, index)

    def _callout_edited(self, i: int) -> None:
        if self._loading or not 0 <= self.current < len(self.guide.steps) or i >= len(self.callout_rows):
            return
        index, row = self.current, self.callout_rows[i]
        kind, text = row.kind.currentData(), row.text.toPlainText()

        def apply(g: Guide) -> None:
            g.steps[index].callouts[i] = Callout(kind, text)

        self.doc.edit(self.tr("Edit box"), apply, index, merge_key=f"step:{index}:callout:{i}")

    def add_callout(self, kind: str) -> None:
        """Add an empty tip/warning/caution box to the current step."""
        if not 0 <= self.current < len(self.guide.steps):
            return
        index = self.current
        self.doc.edit(self.tr("Add box"), lambda g: g.steps[index].callouts.append(Callout(kind, "")), index)
        self._load_callouts(self.guide.steps[index])
        if self.callout_rows:
            self.callout_rows[-1].text.setFocus()

    def remove_callout(self, i: int) -> None:
        """Remove a box from the current step."""
        index = self.current
        self.doc.edit(self.tr("Remove box"), lambda g: g.steps[index].callouts.pop(i), index)
        self._load_callouts(self.guide.steps[index])

    def format_text(self, kind: str) -> None:
        """Bold/italic the selection, or make the selected lines a list (Markdown, as the guide stores it)."""
        cursor = self.s_text.textCursor()
        if kind == "list":
            doc = self.s_text.document()
            start = doc.findBlock(cursor.selectionStart()).blockNumber()
            end = doc.findBlock(cursor.selectionEnd()).blockNumber()
            lines = self.s_text.toPlainText().split("\n")
            all_list = all(lines[i].startswith("- ") for i in range(start, end + 1))
            for i in range(start, end + 1):
                lines[i] = lines[i][2:] if all_list else "- " + lines[i]
            self.s_text.setPlainText("\n".join(lines))
            return
        mark = "**" if kind == "bold" else "*"
        selected = cursor.selectedText()
        if selected.startswith(mark) and selected.endswith(mark) and len(selected) >= 2 * len(mark):
            cursor.insertText(selected[len(mark) : -len(mark)])
        else:
            cursor.insertText(f"{mark}{selected}{mark}")
            if not selected:
                cursor.movePosition(QTextCursor.MoveOperation.Left, n=len(mark))
                self.s_text.setTextCursor(cursor)
        self.s_text.setFocus()

    # -- steps -----------------------------------------------------------------------------------
    def select_step(self, index: int) -> None:
        """Show a step's form (-1 = the guide information form)."""
        self.current = index if index < len(self.guide.steps) else len(self.guide.steps) - 1
        self._loading = True
        try:
            self.step_list.setCurrentRow(self.current)
            self.info_button.setChecked(self.current < 0)
            self._load_step()
        finally:
            self._loading = False
        self._show_problems()
        self.preview.request(self.doc.snapshot(), self.current)

    def _row_changed(self, row: int) -> None:
        if not self._loading and row >= 0 and row != self.current:
            self.select_step(row)

    def add_step(self) -> None:
        """Insert a new empty step after the current one and select it."""
        at = self.current + 1 if self.current >= 0 else len(self.guide.steps)
        title = self.tr("Step %1").replace("%1", str(at + 1))
        self.doc.edit(self.tr("Add step"), lambda g: g.steps.insert(at, Step(title=title)), at)
        self.current = at
        self.reload()
        self.s_title.setFocus()
        self.s_title.selectAll()

    def duplicate_step(self) -> None:
        """Insert a copy of the current step after it."""
        i = self.current
        if not 0 <= i < len(self.guide.steps):
            return
        self.doc.edit(self.tr("Duplicate step"), lambda g: g.steps.insert(i + 1, copy.deepcopy(g.steps[i])), i + 1)
        self.current = i + 1
        self.reload()

    def delete_step(self) -> None:
        """Remove the current step (undo brings it back)."""
        i = self.current
        if not 0 <= i < len(self.guide.steps):
            return
        self.doc.edit(self.tr("Delete step"), lambda g: g.steps.pop(i), i)
        self.current = min(i, len(self.guide.steps) - 1)
        self.reload()

    def move_step(self, delta: int) -> None:
        """Move the current step earlier (-1) or later (+1)."""
        i, j = self.current, self.current + delta
        if not (0 <= i < len(self.guide.steps) and 0 <= j < len(self.guide.steps)):
            return
        order = list(range(len(self.guide.steps)))
        order[i], order[j] = order[j], order[i]
        self.reorder(order, j)

    def reorder(self, order: list[int], select: int) -> None:
        """Put the steps in this order (a permutation of the old indices) as one undo step."""

        def apply(g: Guide) -> None:
            g.steps = [g.steps[k] for k in order]

        self.doc.edit(self.tr("Move step"), apply, select)
        self.current = select
        self.reload()

    def _rows_dropped(self, *_args: object) -> None:
        # The list already shows the dropped order; read it back as a permutation of model indices.
        order = [self.step_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.step_list.count())]
        if order == list(range(len(self.guide.steps))) or sorted(order) != list(range(len(self.guide.steps))):
            return  # nothing moved, or a second notice of a move already taken
        if self._reorder_pending:
            return
        self._reorder_pending = True
        moved = self.step_list.currentItem().data(Qt.ItemDataRole.UserRole) if self.step_list.currentItem() else self.current

        def apply() -> None:
            self._reorder_pending = False
            self.reorder(order, order.index(moved) if moved in order else 0)

        # After Qt has finished its own drop handling: the list must not be rebuilt under it.
        QTimer.singleShot(0, apply)

    # -- images ----------------------------------------------------------------------------------
    def _ask_image_error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Picture not added"), text + "\n\n" + self.tr("Nothing was changed."))

    def _set_image(self, source: Path | bytes, label: str) -> bool:
        if not 0 <= self.current < len(self.guide.steps):
            return False
        index = self.current
        folder = self.guide.folder
        assert folder is not None
        try:
            relative = import_image(source, folder, stem=f"step-{index + 1:02d}")
        except MediaError as exc:
            self._ask_image_error(media_message(exc))
            return False
        except OSError as exc:
            self._ask_image_error(
                self.tr("The picture could not be copied into %1: %2")
                .replace("%1", str(folder / "images"))
                .replace("%2", exc.strerror or str(exc))
            )
            return False

        def apply(g: Guide) -> None:
            g.steps[index].image = relative
            if not g.steps[index].image_alt:
                g.steps[index].image_alt = g.steps[index].title

        self.doc.edit(label, apply, index)
        self._load_step()
        self.statusMessage.emit(self.tr("Picture added: %1").replace("%1", relative))
        return True

    def choose_image(self) -> None:
        """Pick an image file for the current step."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a picture"),
            str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff)"),
        )
        if path:
            self.import_image_file(path)

    def import_image_file(self, path: str) -> bool:
        """Import a file (from the dialog or dropped) as the current step's image."""
        if Path(path).suffix.lower() not in IMAGE_SUFFIXES:
            self._ask_image_error(self.tr("%1 is not a picture file.").replace("%1", Path(path).name))
            return False
        return self._set_image(Path(path), self.tr("Set picture"))

    def paste_image(self) -> bool:
        """Use the clipboard's image (a screenshot) or copied image file for the current step."""
        data = QApplication.clipboard().mimeData()
        if data is None:
            return False
        for fmt in ("image/png", "image/jpeg", "image/bmp", "image/gif", "image/webp"):
            if data.hasFormat(fmt):
                raw = bytes(data.data(fmt).data())
                return self._set_image(raw, self.tr("Paste picture"))
        if data.hasImage():
            image = QImage(data.imageData())
            if image.isNull():
                self._ask_image_error(self.tr("The copied picture cannot be read."))
                return False
            png = QByteArray()  # kept in a name: the buffer writes into it and must not outlive it
            buffer = QBuffer(png)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")
            buffer.close()
            return self._set_image(bytes(png.data()), self.tr("Paste picture"))
        for url in data.urls():
            if url.isLocalFile():
                return self.import_image_file(url.toLocalFile())
        self._ask_image_error(self.tr("There is no picture on the clipboard. Take or copy a screenshot first."))
        return False

    def remove_image(self) -> None:
        """Take the image (and its marks) off the current step; the file stays in the folder."""
        index = self.current

        def apply(g: Guide) -> None:
            g.steps[index].image = None
            g.steps[index].annotations = []

        self.doc.edit(self.tr("Remove picture"), apply, index)
        self._load_step()

    # -- problems ------------------------------------------------------------------------------------
    def _run_check(self) -> None:
        # On the GUI thread, like the preview (see trainer.ui.preview): about 0.2 s for 10 steps, after a pause.
        self.problems = guide_problems(self.doc.snapshot(), self.preview.theme_name)
        self._mark_problem_steps()
        self._show_problems()

    def _mark_problem_steps(self) -> None:
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row in range(self.step_list.count()):
            mine = [p for i, p in self.problems if i == row]
            item = self.step_list.item(row)
            item.setIcon(warn if mine else QIcon())
            item.setToolTip("\n".join(p.message() for p in mine))
            item.setForeground(QColor("#b71c1c") if any(p.severity == ERROR for p in mine) else self.palette().text().color())
        meta = [p for i, p in self.problems if i < 0]
        self.info_button.setIcon(warn if meta else QIcon())

    def _show_problems(self) -> None:
        mine = [p for i, p in self.problems if i == self.current]
        text = "\n".join(("⚠ " if p.severity != ERROR else "✖ ") + p.message() for p in mine)
        if self.current < 0:
            self.meta_problems.setText(text)
        else:
            self.step_problems.setText(text)
            self.step_problems.setVisible(bool(mine))

    def problems_for_step(self, index: int) -> list[Problem]:
        """The current problems shown next to a step (-1 = guide information)."""
        return [p for i, p in self.problems if i == index]
