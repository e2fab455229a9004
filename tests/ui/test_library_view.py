"""The library window: cards, search with and without diacritics, filters, needs-review, duplicate, trash."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from support import require_tool
from trainer.ui.app import MainWindow


def _window(qtbot, library: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    return window


def test_search_with_and_without_diacritics(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    view = _window(qtbot, library).library_view
    assert sorted(view.shown_titles()) == ["Cảnh giác lừa đảo mã OTP", "Đăng ký VssID"]
    QTest.keyClicks(view.search, "dang ky vssid")
    assert view.shown_titles() == ["Đăng ký VssID"]
    view.search.clear()
    view.search.setText("ĐĂNG KÝ VSSID")
    assert view.shown_titles() == ["Đăng ký VssID"]
    view.search.setText("lua dao")
    assert view.shown_titles() == ["Cảnh giác lừa đảo mã OTP"]
    view.search.setText("khong co gi")
    assert view.shown_titles() == [] and "0 of 2" in view.count.text()


def test_filters_and_needs_review(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = _window(qtbot, library).library_view
    view.topic.setCurrentIndex(view.topic.findData("An toàn trên mạng"))
    assert view.shown_titles() == ["Cảnh giác lừa đảo mã OTP"]
    view.topic.setCurrentIndex(0)
    view.status.setCurrentIndex(view.status.findData("reviewed"))
    assert view.shown_titles() == ["Đăng ký VssID"]
    view.status.setCurrentIndex(0)
    # The 2020 guide is past the review age: counted and painted as needing review.
    assert "1 need review" in view.count.text()
    stale = [e for e in view.model.entries if e.needs_review(max_age_days=view.review_days)]
    assert [e.title for e in stale] == ["Cảnh giác lừa đảo mã OTP"]
    # Painted as needing review: the stale card has the warm background and the orange "Needs review" line,
    # the fresh one neither.
    cards = {e.title: card_image(view, row) for row, e in enumerate(view.model.entries)}
    stale_card, fresh_card = cards["Cảnh giác lừa đảo mã OTP"], cards["Đăng ký VssID"]
    assert share_of(stale_card, "#fff8e1") > 0.2 and share_of(fresh_card, "#fff8e1") == 0
    assert share_of(stale_card, "#e65100", tolerance=60) > 0.001 and share_of(fresh_card, "#e65100", tolerance=60) == 0
    tesseract = require_tool("tesseract", "tesseract-ocr")
    assert "Needs review" in ocr_english(tesseract, stale_card, tmp_path / "stale.png")
    assert "review" not in ocr_english(tesseract, fresh_card, tmp_path / "fresh.png")


def card_image(view, row: int) -> QImage:  # type: ignore[no-untyped-def]
    """The card of a model row as painted on screen."""
    rect = view.view.visualRect(view.model.index(row, 0))
    assert rect.isValid() and not rect.isEmpty()
    return view.view.viewport().grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)


def share_of(image: QImage, colour: str, tolerance: int = 6) -> float:
    """Fraction of the image's pixels within `tolerance` (per channel) of `colour`."""
    target = QColor(colour)
    width, height = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(height, image.bytesPerLine() // 4, 4)[:, :width]
    blue, green, red = (pixels[:, :, i].astype(int) for i in range(3))
    close = (
        (abs(red - target.red()) <= tolerance)
        & (abs(green - target.green()) <= tolerance)
        & (abs(blue - target.blue()) <= tolerance)
    )
    return float(close.mean())


def ocr_english(tesseract: str, image: QImage, path: Path) -> str:
    """What tesseract reads on the card, enlarged 3x (UI text is small for OCR)."""
    image.scaled(image.width() * 3, image.height() * 3, mode=Qt.TransformationMode.SmoothTransformation).save(str(path))
    return subprocess.run([tesseract, str(path), "-", "-l", "eng"], capture_output=True, text=True, check=True).stdout


def test_enter_opens_duplicate_and_trash(qtbot, library: Path, dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, library)
    view = window.library_view
    view.search.setText("vssid")
    view.view.setFocus()
    QTest.keyClick(view.view, Qt.Key.Key_Return)
    assert window.editor is not None and window.doc.guide.title == "Đăng ký VssID"
    assert window.close_guide()
    view.search.setText("vssid")
    view.dup_button.click()
    assert (library / "dang-ky-vssid-ban-sao" / "guide.md").exists()
    assert (library / "dang-ky-vssid-ban-sao" / "images" / "01.png").exists()
    view.search.setText("ban sao")
    assert view.shown_titles() == ["Đăng ký VssID (bản sao)"]
    dialogs.queue("&No".replace("&", ""))
    view.del_button.click()
    assert (library / "dang-ky-vssid-ban-sao").exists()
    dialogs.queue("&Yes".replace("&", ""))
    view.del_button.click()
    assert not (library / "dang-ky-vssid-ban-sao").exists()
    assert (tmp_path / "xdg-data" / "Trash" / "files" / "dang-ky-vssid-ban-sao" / "guide.md").exists()
    assert view.shown_titles() == []


def test_a_new_guide_with_an_existing_title_asks_first(qtbot, library: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(library)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.show()
    folders = sorted(p.name for p in library.iterdir())
    # "dang ky vssid" is the same title without accents: open the guide that exists instead.
    dialogs.queue("dang ky VssID", "Open the existing guide")
    window.new_guide()
    assert any("already a guide called" in text and "dang-ky-vssid" in text for text in dialogs.seen)
    assert sorted(p.name for p in library.iterdir()) == folders
    assert window.doc is not None and window.doc.path.parent.name == "dang-ky-vssid"
    # Asked again, the person really wants a second one: it gets its own folder, and the app says which.
    dialogs.queue("Đăng ký VssID", "Make a second guide")
    window.new_guide()
    assert sorted(p.name for p in library.iterdir()) == sorted([*folders, "dang-ky-vssid-2"])
    assert window.doc.path.parent.name == "dang-ky-vssid-2"
    assert "dang-ky-vssid-2" in window.statusBar().currentMessage()
    # Cancel leaves everything as it was.
    dialogs.queue("Đăng ký VssID", QMessageBox.StandardButton.Cancel)
    window.new_guide()
    assert sorted(p.name for p in library.iterdir()) == sorted([*folders, "dang-ky-vssid-2"])
