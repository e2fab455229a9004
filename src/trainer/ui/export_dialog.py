"""The export dialog: formats, presets, theme and folder; runs in a worker thread with progress and cancel.

The form is built from the exporter registry and each exporter's Options dataclass, so a new
exporter appears here without touching this file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import typing
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trainer.exporters import Cancelled, ExportError, formats, get_exporter
from trainer.exporters.base import own_option_fields
from trainer.model import Guide
from trainer.store.atomic import write_error_message
from trainer.store.problems import ERROR
from trainer.ui.worker_dialog import StoppableWorker, WorkerDialog


def theme_choices(library: Path | None = None) -> list[tuple[str, str]]:
    """(label a person reads, theme name or file) of the library's brandings, then every built-in theme."""
    from trainer.render.branding import library_brandings
    from trainer.render.theme import ThemeError, load_theme, theme_names

    choices = []
    brandings = [str(p) for p in library_brandings(library)] if library is not None else []
    for name in brandings + theme_names():
        try:
            choices.append((load_theme(name).label, name))
        except ThemeError:
            continue
    return choices or [("default", "default")]


def default_export_folder() -> Path:
    """Where exports go unless the person chose another folder: a 'Trainer' folder in their Documents."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "Trainer"


def library_settings_group(library: Path | None) -> str:
    """The QSettings group holding the last export choices made for one library."""
    key = hashlib.sha1(str(Path(library).resolve()).encode("utf-8")).hexdigest()[:16] if library else "none"
    return f"export/{key}"


@dataclasses.dataclass
class ExportJob:
    """One format to export with its options."""

    format: str
    options: object


class ExportWorker(StoppableWorker):
    """Runs export jobs one after another; reports progress through signals, never touches widgets."""

    progress = Signal(float, str)  # overall fraction, what is being made
    failed = Signal(str)
    finished = Signal(list, bool)  # written paths, cancelled

    def __init__(self, guide: Guide, out_dir: Path, jobs: list[ExportJob]):
        super().__init__()
        self.guide, self.out_dir, self.jobs = guide, out_dir, jobs

    def run(self) -> None:
        """Export every job; each exporter writes atomically, so a cancel leaves no partial file."""
        written: list[Path] = []
        cancelled = False
        total = len(self.jobs)
        # The personal-data gate, here in the worker (a first scan takes seconds): the same errors as
        # `trainer check`, and nothing is written while an image shows personal data no blur covers.
        from trainer.privacy import guide_problems

        blocking = [p for p in guide_problems(self.guide) if p.severity == "error"]
        for problem in blocking:
            self.failed.emit(str(problem))
        if blocking:
            self.finished.emit(written, False)
            return
        for n, job in enumerate(self.jobs):
            try:
                label = get_exporter(job.format).display_label()
            except KeyError:
                label = job.format

            def report(fraction: float, n: int = n, label: str = label) -> None:
                if self.stop_event.is_set():
                    raise Cancelled()
                self.progress.emit((n + max(0.0, min(1.0, fraction))) / total, label)

            try:
                report(0.0)
                exporter = get_exporter(job.format)
                written += exporter.export(self.guide, self.out_dir, job.options, progress=report)  # type: ignore[arg-type]
            except Cancelled:
                cancelled = True
                break
            except ExportError as exc:
                self.failed.emit(str(exc))
            except OSError as exc:
                # Translated, one line: a read-only folder, a path too long, a file another program holds open.
                self.failed.emit(f"{job.format}: {write_error_message(exc, exc.filename or self.out_dir)}")
            except Exception as exc:  # noqa: BLE001 - show the person a plain line, keep the app alive
                self.failed.emit(f"{job.format}: {type(exc).__name__}: {exc}")
        if not cancelled:
            self.progress.emit(1.0, "")
        self.finished.emit(written, cancelled)


def _field_widget(field: dataclasses.Field, value: object) -> QWidget | None:  # type: ignore[type-arg]
    kind = field.type if isinstance(field.type, type) else str(field.type)
    if isinstance(value, bool) or kind in (bool, "bool"):
        w = QCheckBox()
        w.setChecked(bool(value))
        return w
    if isinstance(value, int) or kind in (int, "int"):
        s = QSpinBox()
        s.setRange(-1_000_000, 1_000_000)
        s.setValue(int(value or 0))
        return s
    if isinstance(value, float) or kind in (float, "float"):
        d = QDoubleSpinBox()
        d.setRange(-1e6, 1e6)
        d.setValue(float(value or 0))
        return d
    if field.name == "music" or field.metadata.get("kind") == "audio":
        return AudioFileField(str(value or ""))
    if isinstance(value, str) or kind in (str, "str"):
        return QLineEdit(str(value or ""))
    return None


class AudioFileField(QWidget):
    """A sound file: the path (empty = the guide's own music) and a button that opens a file dialog."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(text)
        self.edit.setPlaceholderText(self.tr("The guide's own music, if it has one"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.setToolTip(self.tr("Pick an MP3, M4A, OGG or WAV file"))
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)

    def text(self) -> str:
        """The chosen path ('' for the guide's own music)."""
        return self.edit.text().strip()

    def setText(self, text: str) -> None:  # noqa: N802 - same name as QLineEdit's
        """Show a path."""
        self.edit.setText(text)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Background music"), self.text(), self.tr("Sound files (*.mp3 *.m4a *.ogg *.wav)")
        )
        if path:
            self.edit.setText(path)


def _set_widget_value(widget: QWidget, value: object) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(value in (True, "true", "1", 1))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(str(value)))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(str(value)))
    elif isinstance(widget, QLineEdit | AudioFileField):
        widget.setText(str(value))


def _widget_value(widget: QWidget) -> object:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QLineEdit | AudioFileField):
        return widget.text()
    return None


def option_label(name: str, field: dataclasses.Field) -> str:  # type: ignore[type-arg]
    """Plain words for an exporter option: the field's metadata label, a known name, or the name itself."""
    if field.metadata.get("label"):
        return str(field.metadata["label"])
    known = {
        "png": QCoreApplication.translate("ExportDialog", "PNG pictures (sharpest)"),
        "jpeg": QCoreApplication.translate("ExportDialog", "JPEG pictures (smaller, for Zalo and Facebook)"),
        "practice_slides": QCoreApplication.translate("ExportDialog", "Add the practice pauses as slides"),
        "narration": QCoreApplication.translate("ExportDialog", "Use the recorded narration"),
        "draft_voice": QCoreApplication.translate("ExportDialog", "Computer voice where there is no recording"),
        "music": QCoreApplication.translate("ExportDialog", "Background music file"),
    }
    return known.get(name, name.replace("_", " ").capitalize())


class FormatBox(QGroupBox):
    """One format: a checkbox title, its preset and its own option fields."""

    def __init__(self, name: str, parent: QWidget | None = None):
        exporter = get_exporter(name)
        super().__init__(exporter.display_label(), parent)
        self.name, self.exporter = name, exporter
        self.setCheckable(True)
        self.setChecked(False)
        form = QFormLayout(self)
        self.preset = QComboBox()
        self.preset.addItem(self.tr("All sizes"), None)
        for p in exporter.presets:
            self.preset.addItem(exporter.preset_label(p), p)
        if exporter.presets:
            form.addRow(self.tr("Size"), self.preset)
        self.fields: dict[str, QWidget] = {}
        defaults = exporter.Options()
        hints = typing.get_type_hints(exporter.Options) if exporter.Options else {}
        for f in own_option_fields(exporter.Options):
            f.type = hints.get(f.name, f.type)
            w = _field_widget(f, getattr(defaults, f.name))
            if w is not None:
                self.fields[f.name] = w
                if f.metadata.get("help"):
                    w.setToolTip(str(f.metadata["help"]))
                form.addRow(option_label(f.name, f), w)
        if form.rowCount() == 0:
            note = QLabel(self.tr("Nothing to choose: one .%1 file per guide").replace("%1", exporter.extension))
            note.setEnabled(False)
            form.addRow(note)

    def remember(self, store: QSettings) -> None:
        """Keep this format's choices (ticked, preset, own options) in the library's settings group."""
        store.setValue(f"{self.name}/checked", self.isChecked())
        store.setValue(f"{self.name}/preset", self.preset.currentData() or "")
        for field_name, widget in self.fields.items():
            store.setValue(f"{self.name}/{field_name}", _widget_value(widget))

    def recall(self, store: QSettings) -> None:
        """Show the choices last made for this format, where there are any."""
        if store.contains(f"{self.name}/checked"):
            self.setChecked(store.value(f"{self.name}/checked") in (True, "true"))
        index = self.preset.findData(store.value(f"{self.name}/preset") or None)
        if index >= 0:
            self.preset.setCurrentIndex(index)
        for field_name, widget in self.fields.items():
            if store.contains(f"{self.name}/{field_name}"):
                try:
                    _set_widget_value(widget, store.value(f"{self.name}/{field_name}"))
                except ValueError:
                    continue

    def job(self, theme: str) -> ExportJob:
        """The export job for this box's choices."""
        values = {name: _widget_value(w) for name, w in self.fields.items()}
        options = self.exporter.Options(
            theme=theme, preset=self.preset.currentData(), cache_dir=str(export_cache_dir()), **values
        )
        return ExportJob(self.name, options)


def export_cache_dir() -> Path:
    """Per-user folder where exporters keep reusable work (encoded clip scenes): a re-export after an edit is quick."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base or Path.home() / ".trainer" / "cache") / "exports"


def warm_up(guide: Guide, theme: str) -> None:
    """Paint a tiny card and slide on the GUI thread before an export thread starts.

    PySide creates its enum types lazily and that is not thread-safe: a worker that is first to need
    a type while the GUI thread creates another can crash. After this, the render code's types exist.
    """
    from trainer.ui.preview import render_preview

    for mode in ("card", "slide", "page"):
        try:
            render_preview(guide, theme, mode, 0, 120)
        except Exception:  # noqa: BLE001 - only a warm-up; the export itself reports real problems
            pass


class ExportDialog(WorkerDialog):
    """Pick formats and a folder, export with a progress bar, cancel, read errors, open the folder.

    Every format shows at once (two columns fit a 1366x768 screen); the choices last made are
    remembered per library; the folder is always absolute (default: Documents/Trainer).
    """

    def __init__(
        self,
        guide: Guide,
        out_dir: Path | None = None,
        theme: str = "default",
        parent: QWidget | None = None,
        open_folder: bool = True,
        library: Path | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export “%1”").replace("%1", guide.title))
        self.guide = guide
        self.library = library
        self.written: list[Path] = []
        self.errors: list[str] = []
        self.cancelled = False
        self.stop_wait_ms = 10_000
        self.boxes: list[FormatBox] = []
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(0, 0, 0, 0)
        cells: list[QWidget] = []
        for name in formats():
            try:
                box = FormatBox(name)
            except Exception as exc:  # noqa: BLE001 - one broken exporter must not hide the others
                cells.append(QLabel(self.tr("%1 cannot be used: %2").replace("%1", name).replace("%2", str(exc))))
                continue
            self.boxes.append(box)
            cells.append(box)
        if not cells:
            cells.append(QLabel(self.tr("No export formats are installed.")))
        # Tallest boxes first, filled column by column, so both columns end at about the same height.
        cells.sort(key=lambda w: -w.sizeHint().height())
        self._pack(grid, cells)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(inner)
        self.theme = QComboBox()
        for label, name in theme_choices(library):
            self.theme.addItem(label, name)
        self.set_theme(theme)
        self.theme.setToolTip(
            self.tr("Colours and text size; 'large-print' for older readers, 'grayscale' for black-and-white printers")
        )
        self.folder = QLineEdit()
        self.folder.setToolTip(self.tr("The folder the files are saved in"))
        self.folder.editingFinished.connect(self._folder_edited)
        browse = QPushButton(self.tr("Choose…"))
        browse.setToolTip(self.tr("Pick the folder the files are saved in"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.open_when_done = QCheckBox(self.tr("Open the folder when done"))
        self.open_when_done.setChecked(open_folder)
        top = QFormLayout()
        top.addRow(self.tr("Theme"), self.theme)
        top.addRow(self.tr("Save in"), folder_row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("Ready"))
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumHeight(90)
        self.log.setPlaceholderText(self.tr("Problems and the files made will be listed here."))
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Stop"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.close)
        self.bind_buttons(self.export_button, self.cancel_button, self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(top)
        layout.addWidget(self.open_when_done)
        layout.addWidget(self.progress)
        layout.addWidget(self.log)
        layout.addWidget(self.buttons)
        self._recall(out_dir)
        # Inside a 1366x768 screen with the taskbar and title bar, every format showing without scrolling
        # either way: as wide as the two columns of formats need, up to the screen's width.
        margins = layout.contentsMargins()
        wide = inner.sizeHint().width() + margins.left() + margins.right() + self.scroll.verticalScrollBar().sizeHint().width()
        self.resize(min(1340, max(1000, wide)), min(690, max(560, self.sizeHint().height())))

    @staticmethod
    def _pack(grid: QGridLayout, cells: list[QWidget]) -> None:
        """Lay the cells out in two columns, each a stack from the top, the next cell in the shorter one."""
        rows = [0, 0]
        heights = [0, 0]
        for cell in cells:
            column = heights.index(min(heights))
            grid.addWidget(cell, rows[column], column)
            rows[column] += 1
            heights[column] += cell.sizeHint().height()
        grid.setRowStretch(max(rows), 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def set_theme(self, name: str) -> None:
        """Choose a theme by its name (or a theme file's path, added to the list when new)."""
        index = self.theme.findData(name)
        if index < 0 and name:
            self.theme.addItem(Path(name).stem if name.endswith(".toml") else name, name)
            index = self.theme.count() - 1
        self.theme.setCurrentIndex(max(0, index))

    def theme_name(self) -> str:
        """The chosen theme's name or file path."""
        return str(self.theme.currentData() or "default")

    def _store(self) -> QSettings:
        store = QSettings()
        store.beginGroup(library_settings_group(self.library))
        return store

    def _recall(self, out_dir: Path | None) -> None:
        store = self._store()
        remembered = str(store.value("folder", "") or "")
        folder = Path(remembered) if remembered and self.library is not None else (out_dir or default_export_folder())
        self.folder.setText(str(self._absolute(folder)))
        if self.library is not None:
            if store.value("theme"):
                self.set_theme(str(store.value("theme")))
            for box in self.boxes:
                box.recall(store)
        store.endGroup()

    def remember(self) -> None:
        """Keep the choices for the next export from this library."""
        if self.library is None:
            return
        store = self._store()
        store.setValue("folder", self.folder.text())
        store.setValue("theme", self.theme_name())
        for box in self.boxes:
            box.remember(store)
        store.endGroup()

    def _folder_edited(self) -> None:
        text = self.folder.text().strip()
        self.folder.setText(str(self._absolute(Path(text)) if text else default_export_folder()))

    @staticmethod
    def _absolute(folder: Path) -> Path:
        """A typed folder as an absolute path: a bare name goes inside the default export folder."""
        folder = Path(folder).expanduser()
        return folder if folder.is_absolute() else default_export_folder() / folder

    def select(self, *names: str) -> None:
        """Tick these formats (the others off)."""
        for box in self.boxes:
            box.setChecked(box.name in names)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save exports in"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _blocking_problems(self) -> list[str]:
        from trainer.ui.guide_check import guide_problems

        return [str(p) for _i, p in guide_problems(self.guide, self.theme_name()) if p.severity == ERROR]

    def start(self) -> None:
        """Check the guide, then export the ticked formats in a worker thread."""
        jobs = [box.job(self.theme_name()) for box in self.boxes if box.isChecked()]
        self.log.clear()
        self.written, self.errors, self.cancelled = [], [], False
        if not jobs:
            self.log.setPlainText(self.tr("Tick at least one format."))
            return
        problems = self._blocking_problems()
        if problems:
            self.errors = problems
            self.log.setPlainText(self.tr("Fix these first:") + "\n" + "\n".join(problems))
            return
        out = self._absolute(Path(self.folder.text().strip() or default_export_folder()))
        self.folder.setText(str(out))
        self.remember()
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.errors = [f"{out}: {exc.strerror or exc}"]
            self.log.setPlainText(
                self.tr("Cannot use the folder %1: %2").replace("%1", str(out)).replace("%2", exc.strerror or str(exc))
            )
            return
        warm_up(self.guide, self.theme_name())
        self.progress.setFormat(self.tr("Starting…"))
        worker = ExportWorker(self.guide, out, jobs)
        self.run_worker(worker, progress=self._progress, failed=self._failed, finished=self._finished)

    def cancel(self) -> None:
        """Stop the export at its next progress report."""
        self.stop()

    def stopping(self) -> None:
        """Say the stop was heard."""
        self.progress.setFormat(self.tr("Stopping…"))

    def _progress(self, fraction: float, label: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.progress.setFormat(f"{label}: %p%" if label else "%p%")

    def _failed(self, message: str) -> None:
        self.errors.append(message)
        self.log.appendPlainText("✖ " + message)

    def _finished(self, written: list, cancelled: bool) -> None:
        self.written, self.cancelled = list(written), cancelled
        self.work_ended()
        for path in written:
            self.log.appendPlainText("✔ " + str(path))
        if cancelled:
            self.progress.setFormat(self.tr("Stopped; unfinished files were not kept"))
        elif self.errors:
            self.progress.setFormat(self.tr("Finished with problems"))
        else:
            self.progress.setFormat(self.tr("Done"))
        if written and not cancelled and self.open_when_done.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
        """The choices are kept for next time; a running export is stopped first (WorkerDialog)."""
        self.remember()
        super().closeEvent(event)
