"""“Publish for the teams”: kits for the whole library or the chosen guides, with progress per guide and Stop.

The work is `trainer.publish.publish`, the same function `trainer publish` runs, in a worker thread
(which starts its own worker processes); this dialog only shows its events.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.exporters import formats, get_exporter
from trainer.library import LibraryEntry
from trainer.publish import PublishError, Summary, publish
from trainer.ui.export_dialog import default_export_folder, library_settings_group, theme_choices
from trainer.ui.worker_dialog import StoppableWorker, WorkerDialog


class PublishWorker(StoppableWorker):
    """Runs one publish; forwards its events; never touches widgets."""

    event = Signal(dict)
    finished = Signal(object, str)  # Summary (or None), the line saying why it could not start

    def __init__(self, library: Path, out: Path, fmts: list[str], theme: str, slugs: list[str], jobs: int | None = None):
        super().__init__()
        self.library, self.out, self.fmts, self.theme, self.slugs, self.jobs = library, out, fmts, theme, slugs, jobs

    def run(self) -> None:
        """Publish; the Stop button sets stop_event, which publish() asks about while it works."""
        try:
            summary = publish(
                self.library,
                self.out,
                formats=self.fmts,
                jobs=self.jobs,
                theme=self.theme,
                slugs=self.slugs,
                on_event=self.event.emit,
                stop=self.stop_event.is_set,
            )
        except (PublishError, OSError) as exc:
            self.finished.emit(None, str(exc))
            return
        self.finished.emit(summary, "")


class PublishDialog(WorkerDialog):
    """Choose guides, formats, theme and folder; publish with progress per guide; Stop; what failed and why."""

    def __init__(
        self,
        library: Path,
        entries: list[LibraryEntry],
        chosen: list[Path] | None = None,
        theme: str = "default",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish for the teams"))
        self.library = library
        self.summary: Summary | None = None
        self.error = ""
        self.stop_wait_ms = 60_000
        self.rows: dict[str, int] = {}
        self.counts: dict[str, int] = {}
        self.fractions: dict[str, dict[str, float]] = {}

        self.guides = QListWidget()
        self.guides.setToolTip(self.tr("Tick the guides to publish"))
        chosen_folders = {Path(c).resolve() for c in chosen or []}
        for entry in entries:
            slug = Path(entry.folder).name  # `trainer check` holds every slug to its folder's name
            item = QListWidgetItem(entry.title or slug)
            item.setData(Qt.ItemDataRole.UserRole, slug)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = not chosen_folders or Path(entry.folder).resolve() in chosen_folders
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.guides.addItem(item)
        all_button = QPushButton(self.tr("All"))
        all_button.clicked.connect(lambda: self._tick_all(True))
        none_button = QPushButton(self.tr("None"))
        none_button.clicked.connect(lambda: self._tick_all(False))
        guide_buttons = QHBoxLayout()
        guide_buttons.addWidget(all_button)
        guide_buttons.addWidget(none_button)
        guide_buttons.addStretch(1)
        guide_box = QGroupBox(self.tr("Guides"))
        guide_layout = QVBoxLayout(guide_box)
        guide_layout.addWidget(self.guides, 1)
        guide_layout.addLayout(guide_buttons)

        self.format_boxes: dict[str, QCheckBox] = {}
        format_box = QGroupBox(self.tr("What to make"))
        format_layout = QVBoxLayout(format_box)
        for name in formats():
            try:
                box = QCheckBox(get_exporter(name).display_label())
            except Exception:  # noqa: BLE001 - a broken exporter is left out, the others still publish
                continue
            box.setChecked(True)
            self.format_boxes[name] = box
            format_layout.addWidget(box)
        format_layout.addStretch(1)

        self.theme = QComboBox()
        for label, name in theme_choices(library):
            self.theme.addItem(label, name)
        index = self.theme.findData(theme)
        self.theme.setCurrentIndex(max(0, index))
        self.theme.setToolTip(self.tr("Department name, hotline, logo and colours printed on every output"))
        self.folder = QLineEdit(str(default_export_folder() / self.tr("Kits")))
        self.folder.setToolTip(self.tr("The folder the kits are saved in"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setToolTip(self.tr("Pick the folder the kits are saved in"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Save in"), folder_row)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Guide"), self.tr("Progress"), self.tr("Result")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 160)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(110)
        self.report.setPlaceholderText(self.tr("What was made, and what failed and why, will be listed here."))

        self.buttons = QDialogButtonBox()
        self.publish_button = self.buttons.addButton(self.tr("Publish"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.stop_button = self.buttons.addButton(self.tr("Stop"), QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button = self.buttons.addButton(self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.publish_button.clicked.connect(self.start)
        self.bind_buttons(self.publish_button, self.stop_button, self.close_button)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.close)

        top = QGridLayout()
        top.addWidget(guide_box, 0, 0)
        top.addWidget(format_box, 0, 1)
        top.setColumnStretch(0, 3)
        top.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 2)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Progress per guide")))
        layout.addWidget(self.table, 2)
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)
        self._recall()
        self.resize(1000, 680)

    # -- choices ---------------------------------------------------------------------------------
    def _tick_all(self, on: bool) -> None:
        for i in range(self.guides.count()):
            self.guides.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen_slugs(self) -> list[str]:
        """The ticked guides' slugs."""
        items = [self.guides.item(i) for i in range(self.guides.count())]
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked]

    def chosen_formats(self) -> list[str]:
        """The ticked formats."""
        return [name for name, box in self.format_boxes.items() if box.isChecked()]

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the kits in"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _store(self) -> QSettings:
        store = QSettings()
        store.beginGroup(library_settings_group(self.library) + "/publish")
        return store

    def _recall(self) -> None:
        store = self._store()
        if store.value("folder"):
            self.folder.setText(str(store.value("folder")))
        remembered = store.value("formats")
        if remembered is not None:
            names = [remembered] if isinstance(remembered, str) else list(remembered)
            for name, box in self.format_boxes.items():
                box.setChecked(name in names)
        store.endGroup()

    def _remember(self) -> None:
        store = self._store()
        store.setValue("folder", self.folder.text())
        store.setValue("formats", self.chosen_formats())
        store.endGroup()

    # -- running ---------------------------------------------------------------------------------
    def start(self, jobs: int | None = None) -> None:
        """Publish the ticked guides in a worker thread."""
        slugs, fmts = self.chosen_slugs(), self.chosen_formats()
        self.report.clear()
        self.summary, self.error = None, ""
        if not slugs or not fmts:
            self.report.setPlainText(self.tr("Tick at least one guide and one format."))
            return
        out = Path(self.folder.text().strip() or default_export_folder()).expanduser()
        if not out.is_absolute():
            out = default_export_folder() / out
        self.folder.setText(str(out))
        self._remember()
        self.table.setRowCount(0)
        self.rows, self.counts, self.fractions = {}, {}, {}
        titles = {
            str(self.guides.item(i).data(Qt.ItemDataRole.UserRole)): self.guides.item(i).text()
            for i in range(self.guides.count())
        }
        for slug in slugs:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(titles.get(slug, slug)))
            bar = QProgressBar()
            bar.setRange(0, 1000)
            self.table.setCellWidget(row, 1, bar)
            self.table.setItem(row, 2, QTableWidgetItem(self.tr("Waiting")))
            self.rows[slug] = row
        worker = PublishWorker(self.library, out, fmts, str(self.theme.currentData()), slugs, jobs or os.cpu_count())
        self.run_worker(worker, event=self._event, finished=self._finished)

    def stopping(self) -> None:
        """Nothing new starts, running exports give up without writing: say so, once."""
        self.stop_button.setEnabled(False)
        self.report.appendPlainText(self.tr("Stopping…"))

    def _bar(self, slug: str) -> QProgressBar | None:
        row = self.rows.get(slug)
        widget = self.table.cellWidget(row, 1) if row is not None else None
        return widget if isinstance(widget, QProgressBar) else None

    def _result(self, slug: str, text: str) -> None:
        row = self.rows.get(slug)
        if row is not None:
            self.table.setItem(row, 2, QTableWidgetItem(text))

    def _update(self, slug: str) -> None:
        bar = self._bar(slug)
        count = self.counts.get(slug, 0)
        if bar is not None and count:
            bar.setValue(int(1000 * sum(self.fractions.get(slug, {}).values()) / count))

    def _event(self, event: dict[str, Any]) -> None:
        kind, slug = event.get("event"), str(event.get("slug", ""))
        if kind == "plan":
            self.counts = dict(event.get("to_build_by_guide") or {})
            for name, count in self.counts.items():
                if not count and self._bar(name) is not None:
                    self._bar(name).setValue(1000)  # type: ignore[union-attr]
                    self._result(name, self.tr("Unchanged"))
        elif kind == "progress":
            self.fractions.setdefault(slug, {})[event["output"]] = float(event["fraction"])
            self._result(slug, self.tr("Making %1").replace("%1", self._output_label(event["output"])))
            self._update(slug)
        elif kind == "output":
            status = event.get("status")
            if status in ("built", "failed", "stopped"):
                self.fractions.setdefault(slug, {})[event["output"]] = 1.0
                self._update(slug)
            if status == "failed":
                self._result(slug, self.tr("Failed"))
                self.report.appendPlainText("✖ " + str(event.get("error", "")))
            elif status == "stopped":
                self._result(slug, self.tr("Stopped"))
        elif kind == "kit":
            status = event.get("status")
            if status == "built":
                self._result(slug, self.tr("Done: %1").replace("%1", Path(str(event.get("zip", ""))).name))
            elif status == "skipped":
                self._result(slug, self.tr("Unchanged"))
            elif status == "failed":
                self._result(slug, self.tr("Kit failed"))
                self.report.appendPlainText("✖ " + str(event.get("error", "")))

    @staticmethod
    def _output_label(key: str) -> str:
        name, _, preset = str(key).partition(":")
        try:
            exporter = get_exporter(name)
        except KeyError:
            return str(key)
        return exporter.display_label() + (f" — {exporter.preset_label(preset)}" if preset else "")

    def _finished(self, summary: Summary | None, error: str) -> None:
        self.summary, self.error = summary, error
        self.work_ended()
        if summary is None:
            self.report.appendPlainText(self.tr("Publishing could not start: %1").replace("%1", error))
            return
        if summary.stopped:
            line = self.tr("Stopped. %1 output(s) made before the stop; unfinished files were not kept.")
        elif summary.failures:
            line = self.tr("Finished with problems: %1 output(s) made, %2 failure(s) listed above.")
        else:
            line = self.tr("Done: %1 output(s) made, %3 kit(s) written.")
        self.report.appendPlainText(
            line.replace("%1", str(summary.built))
            .replace("%2", str(len(summary.failures)))
            .replace("%3", str(summary.kits_built))
        )

    def open_folder(self) -> None:
        """Show the kits folder in the file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))
