"""The export dialog: formats, presets, theme and folder; runs in a worker thread with progress and cancel.

The form is built from the exporter registry and each exporter's Options dataclass, so a new
exporter appears here without touching this file.
"""

from __future__ import annotations

import dataclasses
import threading
import typing
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
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
from trainer.store.problems import ERROR


def theme_choices() -> list[str]:
    """Theme names from the render layer (just 'default' while it is not there)."""
    try:
        from trainer.render.theme import theme_names

        return list(theme_names())
    except ImportError:
        return ["default"]


@dataclasses.dataclass
class ExportJob:
    """One format to export with its options."""

    format: str
    options: object


class ExportWorker(QObject):
    """Runs export jobs one after another; reports progress through signals, never touches widgets."""

    progress = Signal(float, str)  # overall fraction, what is being made
    failed = Signal(str)
    finished = Signal(list, bool)  # written paths, cancelled

    def __init__(self, guide: Guide, out_dir: Path, jobs: list[ExportJob]):
        super().__init__()
        self.guide, self.out_dir, self.jobs = guide, out_dir, jobs
        self.cancel_event = threading.Event()

    def run(self) -> None:
        """Export every job; each exporter writes atomically, so a cancel leaves no partial file."""
        written: list[Path] = []
        cancelled = False
        total = len(self.jobs)
        for n, job in enumerate(self.jobs):
            label = job.format

            def report(fraction: float, n: int = n, label: str = label) -> None:
                if self.cancel_event.is_set():
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
                self.failed.emit(f"{job.format}: {exc.filename or self.out_dir}: {exc.strerror or exc}")
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
    if isinstance(value, str) or kind in (str, "str"):
        return QLineEdit(str(value or ""))
    return None


def _widget_value(widget: QWidget) -> object:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QLineEdit):
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
        super().__init__(f"{exporter.label or name} (.{exporter.extension})", parent)
        self.name, self.exporter = name, exporter
        self.setCheckable(True)
        self.setChecked(False)
        form = QFormLayout(self)
        self.preset = QComboBox()
        self.preset.addItem(self.tr("All sizes"), None)
        for p in exporter.presets:
            self.preset.addItem(p, p)
        if exporter.presets:
            form.addRow(self.tr("Preset"), self.preset)
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
        self.setFlat(form.rowCount() == 0)

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


class ExportDialog(QDialog):
    """Pick formats and a folder, export with a progress bar, cancel, read errors, open the folder."""

    def __init__(
        self, guide: Guide, out_dir: Path, theme: str = "default", parent: QWidget | None = None, open_folder: bool = True
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export “%1”").replace("%1", guide.title))
        self.guide = guide
        self.written: list[Path] = []
        self.errors: list[str] = []
        self.cancelled = False
        self.thread: QThread | None = None
        self.worker: ExportWorker | None = None
        self.boxes: list[FormatBox] = []
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        for name in formats():
            try:
                box = FormatBox(name)
            except Exception as exc:  # noqa: BLE001 - one broken exporter must not hide the others
                inner_layout.addWidget(QLabel(self.tr("%1 cannot be used: %2").replace("%1", name).replace("%2", str(exc))))
                continue
            self.boxes.append(box)
            inner_layout.addWidget(box)
        if not self.boxes:
            inner_layout.addWidget(QLabel(self.tr("No export formats are installed.")))
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.theme = QComboBox()
        self.theme.addItems(theme_choices())
        self.theme.setCurrentText(theme)
        self.theme.setToolTip(
            self.tr("Colours and text size; 'large-print' for older readers, 'grayscale' for black-and-white printers")
        )
        self.folder = QLineEdit(str(out_dir))
        browse = QPushButton(self.tr("Choose…"))
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
        self.cancel_button.setEnabled(False)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(top)
        layout.addWidget(self.open_when_done)
        layout.addWidget(self.progress)
        layout.addWidget(self.log)
        layout.addWidget(self.buttons)
        # Fits a 1366x768 screen with the taskbar and title bar; the format list scrolls.
        self.resize(640, 640)

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

        return [str(p) for _i, p in guide_problems(self.guide, self.theme.currentText()) if p.severity == ERROR]

    def start(self) -> None:
        """Check the guide, then export the ticked formats in a worker thread."""
        jobs = [box.job(self.theme.currentText()) for box in self.boxes if box.isChecked()]
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
        out = Path(self.folder.text()).expanduser()
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.errors = [f"{out}: {exc.strerror or exc}"]
            self.log.setPlainText(
                self.tr("Cannot use the folder %1: %2").replace("%1", str(out)).replace("%2", exc.strerror or str(exc))
            )
            return
        warm_up(self.guide, self.theme.currentText())
        self.thread = QThread(self)
        self.worker = ExportWorker(self.guide, out, jobs)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._finished)
        self.worker.finished.connect(self.thread.quit)
        self.export_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setFormat(self.tr("Starting…"))
        self.thread.start()

    def running(self) -> bool:
        """True while an export is under way."""
        return self.thread is not None and self.thread.isRunning()

    def cancel(self) -> None:
        """Ask the worker to stop at the next progress report."""
        if self.worker is not None:
            self.worker.cancel_event.set()
            self.progress.setFormat(self.tr("Stopping…"))

    def _progress(self, fraction: float, label: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.progress.setFormat(f"{label} %p%" if label else "%p%")

    def _failed(self, message: str) -> None:
        self.errors.append(message)
        self.log.appendPlainText("✖ " + message)

    def _finished(self, written: list, cancelled: bool) -> None:
        self.written, self.cancelled = list(written), cancelled
        for path in written:
            self.log.appendPlainText("✔ " + str(path))
        if cancelled:
            self.progress.setFormat(self.tr("Stopped; unfinished files were not kept"))
        elif self.errors:
            self.progress.setFormat(self.tr("Finished with problems"))
        else:
            self.progress.setFormat(self.tr("Done"))
        self.export_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if written and not cancelled and self.open_when_done.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
        """Closing while exporting stops the export first."""
        if self.running():
            self.cancel()
            assert self.thread is not None
            self.thread.wait(10_000)
        super().closeEvent(event)

    def reject(self) -> None:
        """Escape stops a running export instead of leaving it orphaned."""
        if self.running():
            self.cancel()
            return
        super().reject()
