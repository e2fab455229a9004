"""Printing goes through the handout's own page painter: a QPrinter PDF reads back with the guide's text."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication

from support import require_tool
from trainer.store import load_guide
from trainer.ui.printing import paint_handout_to, print_handout


def test_printer_output_is_the_handout(library: Path, tmp_path: Path) -> None:
    pdftotext = require_tool("pdftotext", "poppler-utils")
    guide = load_guide(library / "dang-ky-vssid")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = paint_handout_to(printer, guide, "default")
    assert pages >= 1
    text = subprocess.run(
        [pdftotext, "-layout", str(tmp_path / "printed.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Đăng ký VssID" in text and "Bước số 2" in text


def test_print_preview_dialog_paints_without_errors(qtbot, library: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    guide = load_guide(library / "dang-ky-vssid")
    shown: list[QPrintPreviewDialog] = []

    def close_preview() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, QPrintPreviewDialog):
            shown.append(w)
            w.reject()
        else:
            QTimer.singleShot(50, close_preview)

    QTimer.singleShot(50, close_preview)
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    print_handout(parent, guide, "default")
    assert shown and dialogs.seen == []  # no "cannot be printed" message
