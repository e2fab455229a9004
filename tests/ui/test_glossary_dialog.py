"""The glossary dialog: loads the library's glossary, refuses what would not load back, saves atomically."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from trainer.model import Term
from trainer.store.glossary import glossary_file, load_glossary
from trainer.ui.glossary_dialog import GlossaryDialog, edit_glossary

GLOSSARY = "- term: OTP\n  explanation: Mã số dùng một lần.\n  synonyms: [mã OTP]\n"


def make_library(root: Path, glossary: str | None = GLOSSARY) -> Path:
    from ui_samples import make_guide

    library = root / "lib"
    make_guide(library, "otp-guide", "Nhập mã OTP và passcode")
    if glossary is not None:
        glossary_file(library).write_text(glossary, encoding="utf-8")
    return library


def test_rows_edit_and_save(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    library = make_library(tmp_path)
    dialog = GlossaryDialog(library, load_glossary(glossary_file(library)))
    qtbot.addWidget(dialog)
    assert dialog.terms() == [Term("OTP", "Mã số dùng một lần.", ["mã OTP"])]
    assert "passcode" in dialog.missing.text()  # the guide uses it, no entry explains it
    dialog.add_term()
    row = dialog.table.rowCount() - 1
    dialog.table.item(row, 0).setText("passcode")
    dialog.table.item(row, 1).setText("Dãy 6 chữ số bạn tự đặt.")
    dialog.table.item(row, 2).setText("mã passcode, passcode VNeID")
    assert dialog.save_button.isEnabled() and dialog.status.text() == ""
    assert "passcode" not in dialog.missing.text()
    dialog.accept()
    assert load_glossary(glossary_file(library)) == [
        Term("OTP", "Mã số dùng một lần.", ["mã OTP"]),
        Term("passcode", "Dãy 6 chữ số bạn tự đặt.", ["mã passcode", "passcode VNeID"]),
    ]


def test_too_long_or_duplicate_is_refused_and_the_file_is_untouched(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    library = make_library(tmp_path)
    dialog = GlossaryDialog(library, load_glossary(glossary_file(library)))
    qtbot.addWidget(dialog)
    dialog.table.item(0, 1).setText(" ".join(["chữ"] * 21))
    assert not dialog.save_button.isEnabled()
    assert "Row 1" in dialog.status.text() and "21 words" in dialog.status.text()
    dialog.table.item(0, 1).setText("Mã số dùng một lần.")
    dialog.add_term()
    dialog.table.item(1, 0).setText("Mã Otp")
    dialog.table.item(1, 1).setText("Trùng khi bỏ dấu.")
    assert not dialog.save_button.isEnabled() and "Row 2" in dialog.status.text()
    dialog.accept()  # refused: stays open, nothing written
    assert glossary_file(library).read_text(encoding="utf-8") == GLOSSARY
    dialog.table.selectRow(1)
    dialog.remove_selected()
    assert dialog.save_button.isEnabled() and dialog.terms() == [Term("OTP", "Mã số dùng một lần.", ["mã OTP"])]


def test_a_broken_file_is_not_opened(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    library = make_library(tmp_path, "- term: OTP\n")
    seen = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(30, answer)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(30, answer)
    assert edit_glossary(None, library) is False  # type: ignore[arg-type]
    assert "glossary.yml:1:" in seen[0]
