"""A step's picture: choose, paste or drop it, mark it (numbers, boxes, arrows, taps, hidden areas), describe it."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QImage, QImageReader
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trainer.model import FRAMES, Annotation, Guide, Step
from trainer.store.media import MediaError, import_image
from trainer.store.problems import language
from trainer.ui.document import GuideDocument
from trainer.ui.mark_canvas import MarkCanvas
from trainer.ui.personal_data_scan import PersonalDataScan, Proposal, pending
from trainer.ui.picture_intake import clipboard_picture, file_dialog_filter, is_picture_file, media_message
from trainer.ui.text_fields import guide_text_field, set_text_quietly

PICTURE_BUTTONS = ("choose_image", "paste_image", "remove_image")
ZOOM_BUTTONS = ("zoom_out", "zoom_in", "zoom_fit", "zoom_actual", "picture_focus")


class StepPicture(QWidget):
    """The picture part of the step form; every change is one undoable edit on the document."""

    statusMessage = Signal(str)
    manyPictures = Signal(list)  # several picture files or a folder: one new step each (Path list)

    def __init__(self, doc: GuideDocument, actions: dict[str, QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.actions_ = actions
        self.index = -1
        self._loading = False
        self._image_cache: tuple[str, QImage | None] | None = None
        # Personal data found per picture (absolute path), and the proposals the canvas shows now, in its order.
        self._found: dict[str, list[Proposal]] = {}
        self._shown: list[Proposal] = []
        self.scans = PersonalDataScan(self)
        self.scans.found.connect(self._scan_found)
        self.scans.failed.connect(self._scan_failed)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.canvas = MarkCanvas()
        self.canvas.setMinimumHeight(380)
        self.canvas.edited.connect(self._marks_edited)
        self.canvas.filesDropped.connect(self.take_files)
        self.canvas.zoomChanged.connect(self._show_zoom)
        self.canvas.proposalAccepted.connect(self._accept_proposal)
        self.canvas.proposalRejected.connect(self._reject_proposal)
        image_row = QHBoxLayout()
        for name in PICTURE_BUTTONS:
            b = QToolButton()
            b.setDefaultAction(actions[name])
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            image_row.addWidget(b)
        image_row.addStretch(1)
        image_row.addLayout(self._zoom_row(actions))
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
        self.tool_group.buttonClicked.connect(lambda b: self.canvas.set_tool(b.property("tool")))
        del_mark = QToolButton()
        del_mark.setDefaultAction(actions["delete_mark"])
        tools.addWidget(del_mark)
        tools.addStretch(1)
        v.addLayout(tools)
        v.addWidget(self.canvas, 1)
        v.addLayout(self._privacy_row())
        alt_row = QFormLayout()
        self.alt = guide_text_field(QLineEdit())
        self.alt.setToolTip(self.tr("What the picture shows, for people who cannot see it"))
        self.alt.textEdited.connect(lambda text: self._set("image_alt", text, self.tr("Type picture description")))
        self.frame = QComboBox()
        for f, label in zip(FRAMES, (self.tr("Automatic"), self.tr("Phone frame"), self.tr("No frame")), strict=True):
            self.frame.addItem(label, f)
        self.frame.currentIndexChanged.connect(lambda _i: self._set("frame", self.frame.currentData(), self.tr("Change frame")))
        alt_row.addRow(self.tr("Picture shows"), self.alt)
        alt_row.addRow(self.tr("Frame"), self.frame)
        self.details = QWidget()
        self.details.setLayout(alt_row)
        alt_row.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.details)

    def set_focus_mode(self, on: bool) -> None:
        """In the large-picture mode only the buttons and the canvas show."""
        self.details.setVisible(not on)

    def _zoom_row(self, actions: dict[str, QAction]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(2)
        self.zoom_label = QLabel()
        self.zoom_label.setToolTip(self.tr("How large the picture is shown: 100 % is one screen dot per picture dot"))
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("800 %") + 6)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for name in ZOOM_BUTTONS:
            b = QToolButton()
            b.setDefaultAction(actions[name])
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(b)
            if name == "zoom_out":
                row.addWidget(self.zoom_label)
        return row

    def _privacy_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.privacy_note = QLabel()
        self.privacy_note.setWordWrap(True)
        self.hide_all = QPushButton(self.tr("Hide all"))
        self.hide_all.setToolTip(self.tr("Hide every dashed suggestion in the picture (you can undo)"))
        self.hide_all.clicked.connect(self.accept_all_proposals)
        self.look = QPushButton(self.tr("Look for personal data"))
        self.look.setToolTip(self.tr("Find ID numbers, phone numbers, dates of birth, QR codes and faces in this picture"))
        self.look.clicked.connect(self.look_for_personal_data)
        row.addWidget(self.privacy_note, 1)
        row.addWidget(self.hide_all)
        row.addWidget(self.look)
        self.hide_all.setVisible(False)
        return row

    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(f"{round(factor * 100)} %")

    # -- loading ---------------------------------------------------------------------------------
    def load(self, index: int, s: Step) -> None:
        """Show step `index`'s picture, marks, description and frame, emitting no edits."""
        self.index = index
        self._loading = True
        try:
            set_text_quietly(self.alt, s.image_alt)
            self.frame.setCurrentIndex(max(0, self.frame.findData(s.frame)))
            self.canvas.set_image(
                self._step_image(s),
                self.tr("No picture yet.\nChoose one, paste a screenshot (Ctrl+Shift+V) or drop a file here."),
            )
            self.canvas.set_annotations(s.annotations)
            self.actions_["remove_image"].setEnabled(bool(s.image))
            self._show_proposals(s)
        finally:
            self._loading = False

    def _step_image(self, s: Step) -> QImage | None:
        if not s.image:
            return None
        path = self.doc.guide.resolve(s.image)
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

    def _has_step(self) -> bool:
        return 0 <= self.index < len(self.doc.guide.steps)

    # -- edits -----------------------------------------------------------------------------------
    def _set(self, attr: str, value: object, label: str) -> None:
        if self._loading or not self._has_step():
            return
        index = self.index

        def apply(g: Guide) -> None:
            setattr(g.steps[index], attr, value)

        self.doc.edit(label, apply, index, merge_key=f"step:{index}:{attr}")

    def _marks_edited(self, marks: list[Annotation], action: str) -> None:
        index = self.index
        labels = {
            "add": self.tr("Add mark"),
            "move": self.tr("Move mark"),
            "resize": self.tr("Resize mark"),
            "nudge": self.tr("Move mark"),
            "delete": self.tr("Delete mark"),
        }

        def apply(g: Guide) -> None:
            g.steps[index].annotations = copy.deepcopy(marks)

        self.doc.edit(labels.get(action, action), apply, index)

    def delete_selected_mark(self) -> None:
        """Remove the selected mark (one undo step)."""
        self.canvas.delete_selected()

    # -- images ----------------------------------------------------------------------------------
    def _ask_image_error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Picture not added"), text + "\n\n" + self.tr("Nothing was changed."))

    def _set_image(self, source: Path | bytes, label: str) -> bool:
        if not self._has_step():
            return False
        index = self.index
        folder = self.doc.guide.folder
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
        self.load(index, self.doc.guide.steps[index])
        self.statusMessage.emit(self.tr("Picture added: %1").replace("%1", relative))
        self.look_for_personal_data()
        return True

    def choose_image(self) -> None:
        """Pick a picture for the step; choosing several makes one new step per picture."""
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose a picture (or several: one step each)"), str(Path.home()), file_dialog_filter()
        )
        if paths:
            self.take_files([Path(p) for p in paths])

    def take_files(self, paths: list[Path]) -> bool:
        """One picture file goes into this step; several, or a folder, become new steps (via manyPictures)."""
        if len(paths) == 1 and not paths[0].is_dir():
            return self.import_file(str(paths[0]))
        self.manyPictures.emit(list(paths))
        return True

    def import_file(self, path: str) -> bool:
        """Import a file (from the dialog or dropped) as the step's image."""
        if not is_picture_file(path):
            self._ask_image_error(self.tr("%1 is not a picture file.").replace("%1", Path(path).name))
            return False
        return self._set_image(Path(path), self.tr("Set picture"))

    def paste_image(self) -> bool:
        """Use the clipboard's image (a screenshot) or copied image file for the step."""
        data = QApplication.clipboard().mimeData()
        copied = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()] if data is not None else []
        if len(copied) > 1 or any(p.is_dir() for p in copied):
            return self.take_files(copied)  # several copied files or a folder: one step each
        try:
            found = clipboard_picture(data)
        except ValueError:
            self._ask_image_error(self.tr("The copied picture cannot be read."))
            return False
        if isinstance(found, bytes):
            return self._set_image(found, self.tr("Paste picture"))
        if isinstance(found, Path):
            return self.import_file(str(found))
        self._ask_image_error(self.tr("There is no picture on the clipboard. Take or copy a screenshot first."))
        return False

    def remove_image(self) -> None:
        """Take the image (and its marks) off the step; the file stays in the folder."""
        index = self.index
        if not self._has_step():
            return

        def apply(g: Guide) -> None:
            g.steps[index].image = None
            g.steps[index].annotations = []

        self.doc.edit(self.tr("Remove picture"), apply, index)
        self.load(index, self.doc.guide.steps[index])

    # -- personal data ---------------------------------------------------------------------------
    def _image_path(self) -> Path | None:
        if not self._has_step():
            return None
        image = self.doc.guide.steps[self.index].image
        return self.doc.guide.resolve(image) if image else None

    def forget(self, path: Path) -> None:
        """Drop what was found in and shown of a picture file whose pixels were just changed on purpose."""
        self._found.pop(str(path), None)
        self._image_cache = None

    def look_for_personal_data(self) -> None:
        """Look for personal data in the step's picture, in the background; dashed suggestions follow."""
        path = self._image_path()
        if path is None or not path.is_file():
            return
        self.scans.request(path)
        self._show_note()

    def _scan_found(self, key: str, proposals: list[Proposal]) -> None:
        self._found[key] = proposals
        path = self._image_path()
        if path is not None and str(path) == key:
            self._show_proposals(self.doc.guide.steps[self.index])
            if self._shown:
                kinds = sorted({p.finding.label(language()) for p in self._shown})  # type: ignore[attr-defined]
                self.statusMessage.emit(self.tr("Possible personal data in the picture: %1").replace("%1", ", ".join(kinds)))

    def _scan_failed(self, key: str, message: str) -> None:
        path = self._image_path()
        if path is not None and str(path) == key:
            self._show_note(self.tr("Personal data could not be looked for: %1").replace("%1", message))

    def _show_proposals(self, s: Step) -> None:
        path = self._image_path()
        found = self._found.get(str(path), []) if path is not None else []
        self._shown = pending(found, s.annotations) if found else []
        self.canvas.set_proposals([p.mark for p in self._shown])
        self._show_note()

    def _show_note(self, failure: str = "") -> None:
        path = self._image_path()
        has_image = path is not None and self.canvas.has_image()
        self.look.setVisible(has_image)
        self.hide_all.setVisible(bool(self._shown))
        if failure:
            text = failure
        elif path is not None and self.scans.busy(path):
            text = self.tr("Looking for personal data in the picture…")
        elif self._shown:
            text = self.tr(
                "%1 possible personal details, dashed: click one, then Enter hides it or Delete keeps it visible."
            ).replace("%1", str(len(self._shown)))
        else:
            text = ""
        self.privacy_note.setText(text)
        self.privacy_note.setVisible(bool(text))

    def _decide(self, index: int, mark: Annotation, kind: str, label: str) -> None:
        if not self._has_step() or not 0 <= index < len(self._shown):
            return
        step = self.index
        left, top, right, bottom = mark.rect()

        def apply(g: Guide) -> None:
            g.steps[step].annotations.append(Annotation(kind, left, top, right, bottom))

        self.doc.edit(label, apply, step)
        self.load(step, self.doc.guide.steps[step])

    def _accept_proposal(self, index: int, mark: Annotation) -> None:
        self._decide(index, mark, "blur", self.tr("Hide personal data"))

    def _reject_proposal(self, index: int, mark: Annotation) -> None:
        # A "keep" mark records in guide.md that a person looked and decided this is public.
        self._decide(index, mark, "keep", self.tr("Keep visible"))

    def accept_all_proposals(self) -> None:
        """Hide every suggestion shown, as one undo step."""
        if not self._has_step() or not self._shown:
            return
        step = self.index
        marks = [Annotation("blur", *m.rect()) for m in self.canvas.proposals()]

        def apply(g: Guide) -> None:
            g.steps[step].annotations.extend(marks)

        self.doc.edit(self.tr("Hide personal data"), apply, step)
        self.load(step, self.doc.guide.steps[step])
