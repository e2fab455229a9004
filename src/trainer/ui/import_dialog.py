"""The Import dialog: choose screenshots, a document or a kit; the draft is made in a worker with progress and Stop.

The dialog only chooses the importer (trainer.importers.importer_for) and shows its progress; the
importer builds everything in a temporary folder inside the library, so Stop or a refusal leaves the
library as it was. Dropping files or folders on the library opens the same dialog on them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.importers import Cancelled, Imported, ImportFailed, ImportOptions, accepted_suffixes, importer_for
from trainer.importers.screenshots import PICTURE_SUFFIXES, ScreenshotImporter
from trainer.ui.worker_dialog import StoppableWorker, WorkerDialog


class ImportWorker(StoppableWorker):
    """Imports the chosen sources one after another; reports progress through signals, never touches widgets."""

    progress = Signal(float, str)  # overall fraction, the source being read
    failed = Signal(str)
    finished = Signal(list, bool)  # Imported results, cancelled

    def __init__(self, sources: list[Path], library: Path, options: ImportOptions):
        super().__init__()
        self.sources, self.library, self.options = sources, library, options

    def jobs(self) -> list[tuple[str, Callable[..., list[Imported]]]]:
        """(what to show, how to import it): several pictures make one guide; other sources one import each."""
        pictures = [s for s in self.sources if s.is_file() and s.suffix.lower() in PICTURE_SUFFIXES]
        jobs: list[tuple[str, Callable[..., list[Imported]]]] = []
        if pictures:
            importer = ScreenshotImporter()
            label = pictures[0].parent.name if len(pictures) > 1 else pictures[0].name
            jobs.append((label, lambda progress: importer.import_files(pictures, self.library, progress, self.options)))
        for source in self.sources:
            if source in pictures:
                continue
            jobs.append(
                (source.name, lambda progress, s=source: importer_for(s).import_into(s, self.library, progress, self.options))
            )
        return jobs

    def run(self) -> None:
        """Run every import; each is all or nothing, so a Stop keeps what finished before it."""
        results: list[Imported] = []
        cancelled = False
        jobs = self.jobs()
        for n, (label, job) in enumerate(jobs):

            def report(fraction: float, n: int = n, label: str = label) -> None:
                if self.stop_event.is_set():
                    raise Cancelled()
                self.progress.emit((n + fraction) / len(jobs), label)

            try:
                results.extend(job(report))
            except Cancelled:
                cancelled = True
                break
            except ImportFailed as exc:
                self.failed.emit(str(exc))
            except Exception as exc:  # noqa: BLE001 - one broken source must not kill the app; say what happened
                self.failed.emit(f"{label}: {type(exc).__name__}: {exc}")
        self.finished.emit(results, cancelled)


class ImportDialog(WorkerDialog):
    """Choose what to import and watch it happen; `results` holds the guides made when it closes."""

    def __init__(self, library: Path, sources: list[Path] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import"))
        self.library = library
        self.sources: list[Path] = list(sources or [])
        self.results: list[Imported] = []
        self.errors: list[str] = []
        self.cancelled = False

        intro = QLabel(
            self.tr(
                "Make a draft guide from a folder of screenshots, a Word, OpenDocument, PowerPoint or PDF file, "
                "Markdown or text (also old TCVN3/VNI files), or add a received Trainer kit."
            )
        )
        intro.setWordWrap(True)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setObjectName("importSource")
        choose_file = QPushButton(self.tr("Choose files…"))
        choose_file.clicked.connect(self.choose_files)
        choose_folder = QPushButton(self.tr("Choose folder…"))
        choose_folder.clicked.connect(self.choose_folder)
        choosers = QHBoxLayout()
        choosers.addWidget(choose_file)
        choosers.addWidget(choose_folder)
        choosers.addStretch(1)
        self.split = QCheckBox(self.tr("One guide per top-level heading (long documents)"))
        self.crop = QCheckBox(self.tr("Cut the phone's status and navigation bars off screenshots"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat("")
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumHeight(110)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.stop_button = buttons.addButton(self.tr("Stop"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.bind_buttons(self.import_button, self.stop_button, self.close_button)
        layout = QVBoxLayout(self)
        for widget in (intro, self.source_label):
            layout.addWidget(widget)
        layout.addLayout(choosers)
        for widget in (self.split, self.crop, self.progress, self.log):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.resize(620, 380)
        self._show_sources()

    def _show_sources(self) -> None:
        if not self.sources:
            text = self.tr("Nothing chosen yet: choose files or a folder, or drop them on the library.")
        elif len(self.sources) == 1:
            text = str(self.sources[0])
        else:
            text = (
                self.tr("%1 items: %2")
                .replace("%1", str(len(self.sources)))
                .replace("%2", ", ".join(s.name for s in self.sources[:4]) + ("…" if len(self.sources) > 4 else ""))
            )
        self.source_label.setText(text)
        self.import_button.setEnabled(bool(self.sources))

    def set_sources(self, sources: list[Path]) -> None:
        """Import these files or folders."""
        self.sources = list(sources)
        self._show_sources()

    def choose_files(self) -> None:
        """Pick one document or several screenshots."""
        patterns = " ".join(f"*{s}" for s in accepted_suffixes())
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import"), str(self.library.parent), self.tr("Guides and documents (%1)").replace("%1", patterns)
        )
        if files:
            self.set_sources([Path(f) for f in files])

    def choose_folder(self) -> None:
        """Pick a folder of screenshots."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of screenshots"), str(self.library.parent))
        if folder:
            self.set_sources([Path(folder)])

    def start(self) -> None:
        """Import the chosen sources in a worker thread."""
        if not self.sources or self.running():
            return
        from trainer.model import Guide, Step
        from trainer.ui.export_dialog import warm_up

        self.log.clear()
        self.results, self.errors, self.cancelled = [], [], False
        warm_up(Guide(title="Trainer", summary="-", steps=[Step("-", "-")]), "default")  # the worker measures text
        options = ImportOptions(split=self.split.isChecked(), crop_bars=self.crop.isChecked())
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Starting…"))
        worker = ImportWorker(self.sources, self.library, options)
        self.run_worker(worker, progress=self._progress, failed=self._failed, finished=self._finished)

    def cancel(self) -> None:
        """Stop the import at its next progress report; nothing half-made is kept."""
        self.stop()

    def stopping(self) -> None:
        """Say the stop was heard."""
        self.progress.setFormat(self.tr("Stopping…"))

    def _progress(self, fraction: float, label: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.progress.setFormat(f"{label}: %p%")

    def _failed(self, message: str) -> None:
        self.errors.append(message)
        self.log.appendPlainText("✖ " + message)

    def _finished(self, results: list, cancelled: bool) -> None:
        self.results, self.cancelled = list(results), cancelled
        self.work_ended()
        if cancelled:
            self.progress.setFormat(self.tr("Stopped; nothing unfinished was kept"))
        elif self.errors:
            self.progress.setFormat(self.tr("Not imported"))
        if self.results and not self.errors:
            self.accept()
        elif self.results:
            for result in self.results:
                self.log.appendPlainText("✔ " + str(result.path))

    def reject(self) -> None:
        """Escape stops a running import (WorkerDialog); afterwards the guides already made are kept."""
        if not self.running() and self.results:
            self.accept()
            return
        super().reject()


class ImportReport(QDialog):
    """What the import made and what needs review, shown over the editor with the new draft."""

    def __init__(self, results: list[Imported], lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Imported: what to review"))
        layout = QVBoxLayout(self)
        lines: list[str] = []
        for result in results:
            head = self.tr("“%1”: %2 step(s), saved as a draft in %3")
            lines.append(head.replace("%1", result.title).replace("%2", str(result.steps)).replace("%3", str(result.path)))
            lines.extend(f"• {line}" for line in result.report(lang))
            lines.append("")
        self.text = QPlainTextEdit("\n".join(lines).strip())
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        # Tall enough for the report (wrapped lines included), never taller than a 768-pixel-high screen allows.
        rows = sum(1 + len(line) // 80 for line in lines)
        self.resize(680, min(560, 90 + rows * self.fontMetrics().lineSpacing()))


class DropImport(QObject):
    """Lets files and folders dropped on a widget (the library) start an import."""

    def __init__(self, widget: QWidget, handler: Callable[[list[Path]], None]):
        super().__init__(widget)
        self.handler = handler
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    @staticmethod
    def paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        """Local files and folders carried by a drag."""
        mime = event.mimeData()
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Accept drags of local files; on drop, hand the paths to the handler."""
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and self.paths(event):  # type: ignore[arg-type]
            event.acceptProposedAction()  # type: ignore[attr-defined]
            return True
        if event.type() == QEvent.Type.Drop:
            paths = self.paths(event)  # type: ignore[arg-type]
            if paths:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                self.handler(paths)
                return True
        return False
