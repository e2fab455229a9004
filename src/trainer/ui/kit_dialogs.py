"""Kits from the app: “Check kits” (trainer verify) and “Receive a kit” (trainer import), the same code as the CLI."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.publish import KitError, verify
from trainer.publish.importer import Imported, LocalNewer, import_kit
from trainer.publish.manifest import find_kits


class VerifyKitsDialog(QDialog):
    """Pick a kit ZIP, a kit folder or a folder of kits; list each kit as intact or what is wrong with it."""

    def __init__(self, start: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check kits"))
        self.results: dict[Path, list[str]] = {}  # kit -> its problems ([] when intact)
        self.path = QLineEdit(str(start or ""))
        self.path.setPlaceholderText(self.tr("A kit .zip file, a kit folder, or a folder of kits"))
        zip_button = QPushButton(self.tr("Choose a ZIP file…"))
        zip_button.clicked.connect(self._choose_zip)
        folder_button = QPushButton(self.tr("Choose a folder…"))
        folder_button.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(zip_button)
        row.addWidget(folder_button)
        self.verdict = QLabel(self.tr("Choose what to check, then press Check."))
        self.verdict.setWordWrap(True)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        buttons = QDialogButtonBox()
        self.check_button = buttons.addButton(self.tr("Check"), QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.check_button.clicked.connect(self.check)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("A kit is complete and intact when every file listed in its manifest is there, unchanged."))
        )
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.log, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def _choose_zip(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Kit to check"), self.path.text(), self.tr("Kits (*.zip)"))
        if path:
            self.path.setText(path)
            self.check()

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Kit folder or folder of kits"), self.path.text())
        if path:
            self.path.setText(path)
            self.check()

    def check(self) -> None:
        """Verify every kit the chosen path names, with the same code as `trainer verify`."""
        text = self.path.text().strip()
        self.log.clear()
        self.results = {}
        if not text:
            self.verdict.setText(self.tr("Choose a kit first."))
            return
        kits = find_kits(Path(text))
        if not kits:
            self.verdict.setText(self.tr("No kits in %1.").replace("%1", text))
            return
        for kit in kits:
            try:
                result = verify(kit)
            except KitError as exc:
                self.results[kit] = [str(exc)]
                self.log.appendPlainText("✖ " + str(exc))
                continue
            self.results[kit] = result.lines()
            if result.ok:
                files = len(result.manifest.get("files", []))
                self.log.appendPlainText(
                    "✔ " + self.tr("%1: complete and intact (%2 files)").replace("%1", kit.name).replace("%2", str(files))
                )
            else:
                for line in result.lines():
                    self.log.appendPlainText("✖ " + line)
        bad = sum(1 for problems in self.results.values() if problems)
        if bad:
            self.verdict.setText(
                self.tr("%1 of %2 kit(s) are damaged or incomplete: ask the sender for a new copy.")
                .replace("%1", str(bad))
                .replace("%2", str(len(kits)))
            )
        else:
            self.verdict.setText(self.tr("All %1 kit(s) are complete and intact.").replace("%1", str(len(kits))))


def receive_kit(parent: QWidget, library: Path, kit: Path | None = None) -> Imported | None:
    """Add the guide of a received kit to the library, asking before a newer local copy is replaced.

    Same safety as `trainer import`: unsafe or damaged kits are refused with the reason.
    """
    if kit is None:
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ReceiveKit", "Receive a kit"),
            str(Path.home()),
            QCoreApplication.translate("ReceiveKit", "Kits (*.zip)"),
        )
        if not chosen:
            return None
        kit = Path(chosen)
    try:
        try:
            result = import_kit(kit, library)
        except LocalNewer as exc:
            if not _replace_newer(parent, exc):
                return None
            result = import_kit(kit, library, force=True)
        if result.branding == "kept" and _replace_branding(parent, result.branding_name):
            # The guide is already the kit's now, so importing again with force changes only the branding.
            result = import_kit(kit, library, force=True)
        return result
    except KitError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ReceiveKit", "Receive a kit"),
            QCoreApplication.translate("ReceiveKit", "The kit was refused:\n%1").replace("%1", str(exc)),
        )
        return None


def _replace_branding(parent: QWidget, name: str) -> bool:
    """Ask whether the library's own branding of the same name should give way to the kit's; False keeps it."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("ReceiveKit", "Receive a kit"), "", parent=parent)
    box.setObjectName("brandingQuestion")
    box.setText(
        QCoreApplication.translate(
            "ReceiveKit",
            "The library already has a branding “%1” (department name, hotline, logo) that differs from the kit's. "
            "Keep yours, or use the kit's so your outputs match the sender's?",
        ).replace("%1", name)
    )
    keep = box.addButton(QCoreApplication.translate("ReceiveKit", "Keep mine"), QMessageBox.ButtonRole.RejectRole)
    replace = box.addButton(
        QCoreApplication.translate("ReceiveKit", "Use the kit's branding"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is replace


def _replace_newer(parent: QWidget, exc: LocalNewer) -> bool:
    """Ask whether a local guide as new as the kit's (or newer) should be replaced; False keeps it."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("ReceiveKit", "Receive a kit"), "", parent=parent)
    box.setObjectName("newerLocalQuestion")
    box.setText(
        QCoreApplication.translate(
            "ReceiveKit",
            "The library already has this guide in version %1, as new as or newer than the kit's version %2. Keep yours, or replace it with the kit's?",
        )
        .replace("%1", exc.local_version or "?")
        .replace("%2", exc.kit_version or "?")
    )
    keep = box.addButton(QCoreApplication.translate("ReceiveKit", "Keep mine"), QMessageBox.ButtonRole.RejectRole)
    replace = box.addButton(
        QCoreApplication.translate("ReceiveKit", "Replace with the kit's"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is replace
