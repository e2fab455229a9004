"""The Trainer desktop app: main window with the library and the guide editor, menus, preferences.

`run_app(library)` is what `trainer app` and `make run` call.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QFileSystemWatcher,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QImageReader, QKeySequence, QPixmap, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from trainer.library import (
    DEFAULT_REVIEW_DAYS,
    LibraryEntry,
    default_library,
    duplicate_guide,
    new_guide,
    same_title,
    scan,
    trash_guide,
)
from trainer.store.problems import GuideError
from trainer.store.problems import set_language as set_message_language
from trainer.ui.document import GuideDocument
from trainer.ui.editor import GuideEditor
from trainer.ui.glossary_dialog import edit_glossary
from trainer.ui.library_view import LibraryView

ORGANIZATION = "Trainer"
APPLICATION = "Trainer"
MAX_RECENT = 8


def settings() -> QSettings:
    """The app's preferences store (registry on Windows, an ini file elsewhere)."""
    return QSettings()


def ui_language() -> str:
    """'vi' (the default) or 'en': TRAINER_LANG wins (as for the CLI's messages), then the preferences."""
    value = os.environ.get("TRAINER_LANG", "").lower() or str(settings().value("language", "vi"))
    return value if value in ("vi", "en") else "vi"


def install_translator(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the Vietnamese UI strings (and Qt's own dialogs in Vietnamese) when the language is vi."""
    if language != "vi":
        return []
    from importlib import resources

    loaded: list[QTranslator] = []
    ours = QTranslator(app)
    qm = resources.files("trainer").joinpath("resources/translations/trainer_vi.qm")
    if ours.load(str(qm)):
        app.installTranslator(ours)
        loaded.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale("vi"), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        loaded.append(qt)
    return loaded


class MainWindow(QMainWindow):
    """Library and editor in one window; menus carry every frequent action with a shortcut."""

    def __init__(self, library: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.doc: GuideDocument | None = None
        self.editor: GuideEditor | None = None
        self.undo_group = QUndoGroup(self)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self.stack = QStackedWidget()
        self.library_view = LibraryView()
        self.library_view.review_days = int(settings().value("review_days", DEFAULT_REVIEW_DAYS))
        self.library_view.openRequested.connect(self.open_guide)
        self.library_view.newRequested.connect(self.new_guide)
        self.library_view.duplicateRequested.connect(self.duplicate_guide)
        self.library_view.deleteRequested.connect(self.delete_guide)
        from trainer.ui.import_dialog import DropImport

        # Files or folders dropped on the library are imported (kept as an attribute: Qt calls its eventFilter).
        self.drop_import = DropImport(self.library_view, lambda paths: self.import_sources(paths))
        self.stack.addWidget(self.library_view)
        self.setCentralWidget(self.stack)
        self._make_menus()
        self.refresh_library()
        self._update_title()
        self.resize(1280, 720)
        QGuiApplication.instance().applicationStateChanged.connect(self._app_state_changed)  # type: ignore[union-attr]

    # -- menus -----------------------------------------------------------------------------------
    def _action(self, menu, text: str, shortcut: QKeySequence | str | None, tip: str, handler) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            tip = f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(handler)
        menu.addAction(action)
        return action

    def _make_menus(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu(self.tr("&File"))
        self.a_new = self._action(
            f, self.tr("New guide…"), QKeySequence.StandardKey.New, self.tr("Start a new guide from the template"), self.new_guide
        )
        self._action(
            f, self.tr("Open library folder…"), "Ctrl+Shift+O", self.tr("Show the guides in another folder"), self.choose_library
        )
        self.a_import = self._action(
            f,
            self.tr("Import…"),
            "Ctrl+Shift+I",
            self.tr("Make a draft guide from screenshots, Word, PowerPoint, PDF or text files (or drop them on the library)"),
            lambda: self.import_sources(),
        )
        self.recent_menu = f.addMenu(self.tr("Recent guides"))
        f.addSeparator()
        self.a_save = self._action(f, self.tr("Save"), QKeySequence.StandardKey.Save, self.tr("Save the guide"), self.save)
        self.a_close = self._action(
            f, self.tr("Back to library"), "Ctrl+W", self.tr("Close the guide and show all guides"), self.close_guide
        )
        f.addSeparator()
        self.a_export = self._action(
            f, self.tr("Export…"), "Ctrl+E", self.tr("Make infographics, handouts, clips and more"), self.export
        )
        self.a_print = self._action(
            f,
            self.tr("Print handout…"),
            QKeySequence.StandardKey.Print,
            self.tr("Print the handout, with a preview first"),
            self.print_handout,
        )
        self.a_present = self._action(
            f, self.tr("Present"), "F5", self.tr("Show the guide full screen for a class"), self.present
        )
        f.addSeparator()
        self.a_publish = self._action(
            f,
            self.tr("Publish for the teams…"),
            "Ctrl+Shift+P",
            self.tr("Make a kit of every output for each community technology team"),
            self.publish_kits,
        )
        self._action(f, self.tr("Check kits…"), None, self.tr("Check that kits are complete and intact"), self.verify_kits)
        self._action(
            f, self.tr("Receive a kit…"), None, self.tr("Add the guide in a kit you received to this library"), self.receive_kit
        )
        f.addSeparator()
        self._action(
            f,
            self.tr("Department…"),
            None,
            self.tr("Department name, hotlines, website, logo and colours on every output of this library"),
            self.edit_branding,
        )
        self._action(
            f,
            self.tr("Preferences…"),
            "Ctrl+,",
            self.tr("Language and other settings"),
            self.preferences,
        )
        self._action(f, self.tr("Quit"), QKeySequence.StandardKey.Quit, self.tr("Close Trainer"), self.close)
        e = bar.addMenu(self.tr("&Edit"))
        self.a_undo = self.undo_group.createUndoAction(self, self.tr("Undo"))
        self.a_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.a_redo = self.undo_group.createRedoAction(self, self.tr("Redo"))
        self.a_redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        e.addAction(self.a_undo)
        e.addAction(self.a_redo)
        e.addSeparator()
        self._action(e, self.tr("Find guide"), QKeySequence.StandardKey.Find, self.tr("Search the library"), self.focus_search)
        self._action(
            e,
            self.tr("Glossary…"),
            None,
            self.tr("Explain the hard words the guides use"),
            lambda: edit_glossary(self, self.library),
        )
        self.step_menu = bar.addMenu(self.tr("&Step"))
        v = bar.addMenu(self.tr("&View"))
        for n, (mode, label) in enumerate(
            (
                ("card", self.tr("Preview infographic card")),
                ("page", self.tr("Preview handout page")),
                ("slide", self.tr("Preview presenter slide")),
            )
        ):
            self._action(
                v, label, f"Ctrl+{n + 1}", label, lambda _c=False, m=mode: self.editor and self.editor.preview.set_mode(m)
            )
        h = bar.addMenu(self.tr("&Help"))
        self._action(h, self.tr("Keyboard shortcuts"), "F1", self.tr("List the keyboard shortcuts"), self.show_shortcuts)
        self._update_actions()
        self._fill_recent()

    def _update_actions(self) -> None:
        open_ = self.editor is not None
        for a in (self.a_save, self.a_close, self.a_export, self.a_print, self.a_present):
            a.setEnabled(open_)
        self.step_menu.clear()
        if self.editor is not None:
            for name in (
                "add_step",
                "duplicate_step",
                "delete_step",
                "move_up",
                "move_down",
                None,
                "choose_image",
                "paste_image",
                "remove_image",
                None,
                "blur_permanently",
                "blur_permanently_all",
                None,
                "bold",
                "italic",
                "list",
            ):
                if name is None:
                    self.step_menu.addSeparator()
                else:
                    self.step_menu.addAction(self.editor.actions_[name])
        self.step_menu.setEnabled(open_)

    # -- library ---------------------------------------------------------------------------------
    def refresh_library(self) -> None:
        """Rescan the library folder."""
        try:
            entries, problems = scan(self.library)
        except OSError as exc:
            entries, problems = [], []
            QMessageBox.warning(
                self,
                self.tr("Library"),
                self.tr("The folder %1 cannot be read: %2")
                .replace("%1", str(self.library))
                .replace("%2", exc.strerror or str(exc)),
            )
        self.library_view.set_entries(entries)
        if problems:
            self.statusBar().showMessage(
                self.tr("%1 guide(s) could not be read: %2").replace("%1", str(len(problems))).replace("%2", str(problems[0])),
                15000,
            )

    def choose_library(self) -> None:
        """Pick another library folder."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Library folder"), str(self.library))
        if folder and self.close_guide():
            self.library = Path(folder)
            settings().setValue("library", folder)
            self.refresh_library()

    def focus_search(self) -> None:
        """Go to the library's search box."""
        if self.close_guide():
            self.library_view.search.setFocus()
            self.library_view.search.selectAll()

    def new_guide(self) -> None:
        """Ask for a title and create a guide from the template, then open it."""
        if not self.close_guide():
            return
        title, ok = QInputDialog.getText(self, self.tr("New guide"), self.tr("Title of the new guide:"))
        if not ok or not title.strip():
            return
        existing = same_title(self.library_view.model.entries, title.strip())
        if existing is not None and not self._confirm_second_guide(existing):
            return
        try:
            folder = new_guide(self.library, title.strip(), self.library_view.topic.currentData() or "")
        except OSError as exc:
            QMessageBox.critical(
                self,
                self.tr("New guide"),
                self.tr("The guide could not be created in %1: %2")
                .replace("%1", str(self.library))
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        self.refresh_library()
        self.open_guide(folder)
        if existing is not None:
            self.statusBar().showMessage(self.tr("The new guide is in the folder %1").replace("%1", folder.name), 8000)

    def _confirm_second_guide(self, existing: LibraryEntry) -> bool:
        """A guide with this title exists: open it (False), or really make a second one (True)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("New guide"))
        box.setText(
            self.tr("There is already a guide called \u201c%1\u201d (folder %2).")
            .replace("%1", existing.title)
            .replace("%2", existing.folder.name)
        )
        box.setInformativeText(self.tr("Open it, or make a second guide with the same title in a new folder?"))
        open_button = box.addButton(self.tr("Open the existing guide"), QMessageBox.ButtonRole.AcceptRole)
        second = box.addButton(self.tr("Make a second guide"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            self.open_guide(existing.folder)
        return box.clickedButton() is second

    def duplicate_guide(self, folder: Path) -> None:
        """Copy a guide with its pictures."""
        try:
            copy = duplicate_guide(folder)
        except (OSError, GuideError) as exc:
            QMessageBox.critical(self, self.tr("Duplicate"), self.tr("The guide could not be copied: %1").replace("%1", str(exc)))
            return
        self.refresh_library()
        self.library_view.select_folder(copy)
        self.statusBar().showMessage(self.tr("Copied to %1").replace("%1", str(copy)), 8000)

    def delete_guide(self, folder: Path) -> None:
        """Move a guide folder to the system trash after asking."""
        answer = QMessageBox.question(
            self,
            self.tr("Move to trash"),
            self.tr("Move the guide in %1 to the trash? You can restore it from the trash.").replace("%1", str(folder)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            trash_guide(folder)
        except OSError as exc:
            QMessageBox.critical(
                self,
                self.tr("Move to trash"),
                self.tr("The guide could not be moved to the trash: %1. Nothing was deleted.").replace("%1", str(exc)),
            )
            return
        self.refresh_library()

    def offer_recoveries(self) -> None:
        """At start: if Trainer stopped with unsaved changes, offer to open that guide (which then offers the restore)."""
        from trainer.ui.document import pending_recoveries

        pending = pending_recoveries()
        if not pending:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes found"), "", parent=self)
        box.setObjectName("recoveryOffer")
        box.setText(
            self.tr("Trainer was closed before some changes were saved, in:\n%1\n\nOpen that guide to restore them?").replace(
                "%1", "\n".join(str(p.parent) for p in pending)
            )
        )
        open_button = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_button:
            self.open_guide(pending[0].parent)

    # -- recent ----------------------------------------------------------------------------------
    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in settings().value("recent", [], list) or [] if Path(p).exists()]
        for n, path in enumerate(recent[:MAX_RECENT]):
            action = self.recent_menu.addAction(f"&{n + 1} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_guide(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def _remember(self, folder: Path) -> None:
        recent = [str(folder)] + [p for p in settings().value("recent", [], list) or [] if p != str(folder)]
        settings().setValue("recent", recent[:MAX_RECENT])
        self._fill_recent()

    # -- editor ----------------------------------------------------------------------------------
    def open_guide(self, folder: Path) -> bool:
        """Open a guide in the editor, offering to restore unsaved changes left by a crash."""
        if self.doc is not None and self.doc.path.parent == Path(folder):
            return True
        if not self.close_guide():
            return False
        try:
            doc = GuideDocument.open(Path(folder), self)
        except (GuideError, OSError) as exc:
            QMessageBox.critical(self, self.tr("Open guide"), self.tr("The guide cannot be opened:\n%1").replace("%1", str(exc)))
            return False
        recovered = doc.pending_recovery()
        if recovered is not None:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes found"), "", parent=self)
            box.setText(
                self.tr("Trainer was closed before “%1” was saved. Restore the unsaved changes from %2?")
                .replace("%1", doc.guide.title)
                .replace("%2", _mtime_text(doc.recovery_path))
            )
            restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Discard them"), QMessageBox.ButtonRole.DestructiveRole)
            box.setObjectName("recoveryQuestion")
            box.exec()
            if box.clickedButton() is restore:
                doc.restore_recovery(recovered)
            else:
                doc.discard_recovery()
        self.doc = doc
        entries = self.library_view.entries
        self.editor = GuideEditor(doc, [e.topic for e in entries if e.topic])
        self.editor.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.editor.preview.set_theme(self.current_theme())
        self.undo_group.addStack(doc.stack)
        self.undo_group.setActiveStack(doc.stack)
        doc.dirtyChanged.connect(lambda _d: self._update_title())
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)
        self.watcher.addPath(str(doc.path))
        self._remember(doc.path.parent)
        self._update_actions()
        self._update_title()
        self.editor.step_list.setFocus()
        return True

    def close_guide(self) -> bool:
        """Close the open guide, asking about unsaved changes; False when the person cancels."""
        if self.doc is None or self.editor is None:
            return True
        if self.doc.dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to “%1” before closing?").replace("%1", self.doc.guide.title),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return False
            if answer == QMessageBox.StandardButton.Discard:
                self.doc.discard_recovery()
        self.watcher.removePaths(self.watcher.files())
        self.editor.preview.wait_idle()
        self.editor.stop_checks()
        self.undo_group.removeStack(self.doc.stack)
        self.doc.autosave.stop()
        self.stack.removeWidget(self.editor)
        self.editor.deleteLater()
        self.doc.deleteLater()
        self.editor, self.doc = None, None
        self.stack.setCurrentWidget(self.library_view)
        self.refresh_library()
        self._update_actions()
        self._update_title()
        return True

    def save(self) -> bool:
        """Save atomically; ask before overwriting a file someone else changed; say plainly when it fails."""
        if self.doc is None:
            return True
        if self.doc.changed_on_disk():
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Changed by someone else"), "", parent=self)
            box.setObjectName("conflictQuestion")
            box.setText(
                self.tr(
                    "%1 was changed outside Trainer since you opened it (maybe by a colleague on the shared folder). Replace it with your version?"
                ).replace("%1", str(self.doc.path))
            )
            overwrite = box.addButton(self.tr("Replace with mine"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not overwrite:
                return False
        try:
            self.watcher.removePaths(self.watcher.files())
            self.doc.save()
        except OSError as exc:
            self.doc.write_recovery()
            QMessageBox.critical(
                self,
                self.tr("Not saved"),
                self.tr(
                    "%1 could not be saved: %2.\n\nYour changes are still here in the editor; nothing was lost. Free some disk space or check that the folder can be written, then save again."
                )
                .replace("%1", str(self.doc.path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return False
        finally:
            if self.doc is not None and self.doc.path.exists():
                self.watcher.addPath(str(self.doc.path))
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(self.doc.path)), 5000)
        return True

    def _file_changed(self, path: str) -> None:
        if self.doc is None or Path(path) != self.doc.path:
            return
        # An atomic rename by another editor drops the watch: watch the new file again.
        QTimer.singleShot(
            200, lambda: self.doc is not None and self.doc.path.exists() and self.watcher.addPath(str(self.doc.path))
        )
        if not self.doc.changed_on_disk():
            return
        if not self.doc.dirty:
            try:
                self.doc.reload()
                self.statusBar().showMessage(self.tr("Reloaded: the guide was changed outside Trainer"), 8000)
            except GuideError as exc:
                self.statusBar().showMessage(str(exc), 15000)
        else:
            self.statusBar().showMessage(
                self.tr("The guide file was changed outside Trainer; you will be asked before saving over it"), 15000
            )

    def _app_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive and self.doc is not None:
            self.doc.write_recovery()

    def _update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle(self.tr("Trainer — %1").replace("%1", str(self.library)))
        else:
            self.setWindowTitle(f"{'*' if self.doc.dirty else ''}{self.doc.guide.title} — Trainer")

    # -- outputs ---------------------------------------------------------------------------------
    def export(self) -> None:
        """Open the export dialog for the guide as it is in the editor."""
        if self.doc is None:
            return
        from trainer.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.doc.snapshot(), None, self.current_theme(), self, library=self.library)
        dialog.setObjectName("exportDialog")
        dialog.exec()

    def print_handout(self) -> None:
        """Print the handout through a print preview, painted by the same code as the PDF."""
        if self.doc is None:
            return
        from trainer.ui.printing import print_handout

        print_handout(self, self.doc.snapshot(), self.current_theme())

    def present(self) -> None:
        """Open the presenter window (slides on the projector/TV when one is connected)."""
        if self.doc is None:
            return
        # Imported here (it is only needed when presenting); a broken import is shown, never hidden.
        from trainer.ui.presenter import PresenterWindow

        try:
            # No screen given: the presenter puts the slides on the screen that is not the laptop's.
            self._presenter = PresenterWindow(self.doc.snapshot(), self.current_theme(), None)
            self._presenter.start()
        except Exception as exc:  # noqa: BLE001 - show the reason, keep the editor
            QMessageBox.critical(self, self.tr("Present"), str(exc))

    def current_theme(self) -> str:
        """The theme every output uses: this library's branding (“Đơn vị”) when one is chosen, else the preferences' theme."""
        from trainer.ui.branding_dialog import chosen_branding

        return chosen_branding(self.library) or str(settings().value("theme", "default"))

    def edit_branding(self) -> None:
        """Open “Đơn vị”; the preview of the open guide follows what is saved."""
        from trainer.store import read_guide
        from trainer.ui.branding_dialog import BrandingDialog

        sample = self.doc.snapshot() if self.doc is not None else None
        if sample is None and self.library_view.entries:
            sample, _ = read_guide(self.library_view.entries[0].folder)
        dialog = BrandingDialog(self.library, sample, self)
        dialog.setObjectName("brandingDialog")
        dialog.exec()
        if self.editor is not None:
            self.editor.preview.set_theme(self.current_theme())

    def publish_kits(self) -> None:
        """Open “Publish for the teams” on this library, the open guide (or the selected one) ticked."""
        from trainer.ui.publish_dialog import PublishDialog

        chosen = [self.doc.path.parent] if self.doc is not None else []
        dialog = PublishDialog(self.library, self.library_view.entries, chosen, self.current_theme(), self)
        dialog.setObjectName("publishDialog")
        dialog.exec()

    def verify_kits(self) -> None:
        """Open “Check kits”."""
        from trainer.ui.kit_dialogs import VerifyKitsDialog

        dialog = VerifyKitsDialog(None, self)
        dialog.setObjectName("verifyDialog")
        dialog.exec()

    def import_sources(self, sources: list[Path] | None = None) -> None:
        """The Import dialog (on dropped files or folders, when given); the new draft opens with its review report."""
        if not self.close_guide():
            return
        from trainer.ui.import_dialog import ImportDialog, ImportReport

        dialog = ImportDialog(self.library, sources, self)
        dialog.setObjectName("importDialog")
        accepted = dialog.exec()
        results = dialog.results
        dialog.deleteLater()
        if not accepted or not results:
            return
        self.refresh_library()
        if self.open_guide(results[0].path):
            self.import_report = ImportReport(results, ui_language(), self)
            self.import_report.show()

    def receive_kit(self) -> None:
        """Add a received kit's guide to the library (asking before a newer local copy is replaced)."""
        from trainer.ui.kit_dialogs import receive_kit

        result = receive_kit(self, self.library)
        if result is not None:
            self.refresh_library()
            self.library_view.select_folder(result.path)
            said = {
                "added": self.tr("Added “%1” (version %2) to the library"),
                "replaced": self.tr("Replaced “%1” with version %2 from the kit"),
                "unchanged": self.tr("The library already has “%1” version %2; nothing changed"),
            }[result.action]
            said = said.replace("%1", result.slug).replace("%2", _version_of(result.path))
            if result.branding.endswith("+chosen"):
                said += self.tr("; its branding “%1” is now used for every output").replace("%1", result.branding_name)
            elif result.branding == "replaced":
                said += self.tr("; branding “%1” replaced with the kit's").replace("%1", result.branding_name)
            self.statusBar().showMessage(said, 10000)

    def preferences(self) -> None:
        """Language, review age and theme."""
        from trainer.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self)
        if dialog.exec():
            self.library_view.review_days = int(settings().value("review_days", DEFAULT_REVIEW_DAYS))
            self.library_view.refilter()
            if self.editor is not None:
                self.editor.preview.set_theme(self.current_theme())

    def show_shortcuts(self) -> None:
        """Every action that has a shortcut, and the picture keys, in two aligned columns."""
        from trainer.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Ask about unsaved changes before quitting."""
        if self.close_guide():
            event.accept()
        else:
            event.ignore()


def _version_of(folder: Path) -> str:
    from trainer.store import read_guide

    guide, _ = read_guide(folder)
    return guide.version if guide is not None else "?"


def _mtime_text(path: Path) -> str:
    from PySide6.QtCore import QDateTime

    return QDateTime.fromSecsSinceEpoch(int(path.stat().st_mtime)).toString("yyyy-MM-dd HH:mm")


def app_icon() -> QIcon:
    """Trainer's icon (resources/icons/trainer.ico, drawn by tools/make_icon.py): every size the file holds, so
    Qt picks a sharp one. Read with Qt's ico image plugin, which PySide6 and the frozen build ship."""
    from importlib import resources

    icon = QIcon()
    with resources.as_file(resources.files("trainer") / "resources" / "icons" / "trainer.ico") as ico:
        reader = QImageReader(str(ico))
        for _ in range(reader.imageCount()):
            image = reader.read()
            if not image.isNull():
                icon.addPixmap(QPixmap.fromImage(image))
            if not reader.jumpToNextImage():
                break
    return icon


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with name, bundled fonts and translations (reused when one exists, as in tests)."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0] if sys.argv else "trainer"])
    assert isinstance(app, QApplication)
    if app.windowIcon().isNull():
        # Title bars, the taskbar and Alt+Tab; Trainer.exe and its shortcuts carry the same picture (.ico).
        app.setWindowIcon(app_icon())
    try:
        from trainer.render.fonts import ensure_fonts

        ensure_fonts()
    except Exception:  # noqa: BLE001 - the editor still works; previews will say what is missing
        pass
    if not getattr(app, "_trainer_translators", None):
        language = ui_language()
        # Check problems, render-layer details and exporter labels speak the app's language, not the system's.
        set_message_language(language)
        app._trainer_translators = install_translator(app, language)  # type: ignore[attr-defined]
    return app


def _run_hooks(window: MainWindow) -> None:
    """Developer hooks: TRAINER_SCREENSHOT_DIR grabs the main windows and quits; TRAINER_TEST_HOOK=module:function drives the app."""
    shots = os.environ.get("TRAINER_SCREENSHOT_DIR")
    if shots:
        from trainer.ui.screenshots import take_screenshots

        QTimer.singleShot(300, lambda: take_screenshots(window, Path(shots)))
    hook = os.environ.get("TRAINER_TEST_HOOK")
    if hook:
        module, _, func = hook.partition(":")
        QTimer.singleShot(0, lambda: getattr(importlib.import_module(module), func)(window))


def folder_to_open(path: Path) -> Path:
    """The folder the app opens for a path it is given: a file (Explorer's "Open with Trainer" on a
    guide.md passes the file) stands for the folder it is in; a folder stands for itself."""
    return path.parent if path.is_file() else path


def run_app(library: Path | None) -> int:
    """Open the app on a library or guide folder, or a guide.md (default: the last library used, else ./content); return the exit code."""
    app = make_app()
    if library is None:
        remembered = settings().value("library")
        if remembered and Path(str(remembered)).is_dir():
            library = Path(str(remembered))
        else:
            library = default_library()
    library = folder_to_open(Path(library))
    if library.is_dir() and not (library / "guide.md").exists():
        settings().setValue("library", str(library))
    window = MainWindow(library)
    window.show()
    if (library / "guide.md").exists():
        QTimer.singleShot(0, lambda: window.open_guide(library))
    else:
        QTimer.singleShot(0, window.offer_recoveries)
    _run_hooks(window)
    return app.exec()
