"""Printing the handout: QPrintPreviewDialog painted by the handout's own page painter (same as the PDF)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from trainer.model import Guide


def paint_handout_to(printer: QPrinter, guide: Guide, theme_name: str, preset: str = "a4") -> int:
    """Paint the handout onto a printer (or any QPagedPaintDevice); return the pages painted."""
    from trainer.render.page import paint_handout
    from trainer.render.theme import load_theme

    return paint_handout(printer, guide, load_theme(theme_name), preset)


def print_handout(parent: QWidget, guide: Guide, theme_name: str, preset: str = "a4") -> QPrintPreviewDialog | None:
    """Show the print preview of the handout; the person prints from there. Problems are said plainly."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(guide.title)
    errors: list[str] = []

    def paint(device: QPrinter) -> None:
        try:
            paint_handout_to(device, guide, theme_name, preset)
        except Exception as exc:  # noqa: BLE001 - PageFlowError/PictureError/OSError: one plain line for the person
            errors.append(str(exc))

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Print handout"))
    dialog.paintRequested.connect(paint)
    dialog.resize(900, 680)
    dialog.exec()
    if errors:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("MainWindow", "Print handout"),
            QCoreApplication.translate("MainWindow", "The handout cannot be printed: %1").replace("%1", errors[-1]),
        )
    return dialog
