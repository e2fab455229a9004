"""The app's Import: a folder of screenshots and a Word file become drafts with progress; Stop keeps nothing."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from trainer.store import load_guide
from trainer.ui.app import MainWindow
from trainer.ui.import_dialog import ImportDialog

# The importer tests' document builders (tests/importers) make the same real-world inputs here.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from documents import STEPS, word_with_pictures  # noqa: E402


@pytest.fixture(autouse=True)
def scan_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Personal-data scans cached for the session, not in the user's cache."""
    monkeypatch.setenv("TRAINER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "scan-cache"))


def _folder(path: Path) -> Path:
    path.mkdir()
    for n, colour in enumerate(("#c62828", "#2e7d32", "#1565c0")):
        out = io.BytesIO()
        Image.new("RGB", (360, 720), colour).save(out, format="PNG")
        (path / f"Screenshot_20241103-10151{n}.png").write_bytes(out.getvalue())
    os.utime(path / "Screenshot_20241103-101510.png", (2_000_000_000, 2_000_000_000))  # newest file time, first taken
    return path


def _listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def test_folder_import_shows_progress_and_makes_a_draft(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = _folder(tmp_path / "Ảnh chụp màn hình")
    dialog = ImportDialog(library, [source])
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[float] = []
    dialog.start()
    assert dialog.worker is not None
    dialog.worker.progress.connect(lambda fraction, _label: seen.append(fraction))
    assert dialog.stop_button.isEnabled() and not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=180_000)
    assert not dialog.errors and len(dialog.results) == 1
    assert seen and seen == sorted(seen) and dialog.progress.value() > 0
    guide = load_guide(dialog.results[0].path)
    assert guide.status == "draft" and len(guide.steps) == 3
    assert guide.steps[0].image and Image.open(dialog.results[0].path / guide.steps[0].image).getpixel((5, 5))[0] > 150


def test_stop_on_a_word_file_keeps_nothing(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = word_with_pictures(tmp_path / "Hướng dẫn VssID.docx")
    before = _listing(library)
    dialog = ImportDialog(library, [source])
    qtbot.addWidget(dialog)
    dialog.start()
    assert dialog.worker is not None
    dialog.worker.progress.connect(lambda *_: dialog.cancel())  # Stop as soon as anything moves
    qtbot.waitUntil(lambda: not dialog.running(), timeout=180_000)
    assert dialog.cancelled and dialog.results == []
    assert "Stopped" in dialog.progress.format() or "Đã dừng" in dialog.progress.format()
    assert _listing(library) == before  # no draft, no staging folder
    assert dialog.import_button.isEnabled() and not dialog.stop_button.isEnabled()


def test_refused_file_says_one_line_in_the_dialog(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "hỏng.docx"
    broken.write_bytes(b"not a word file at all")
    before = _listing(library)
    dialog = ImportDialog(library, [broken])
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=60_000)
    assert len(dialog.errors) == 1 and str(broken) in dialog.errors[0] and "\n" not in dialog.errors[0]
    assert dialog.log.toPlainText().count("\n") == 0 and dialog.isVisible() is False or dialog.errors
    assert _listing(library) == before


def _click_import_when_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    def press() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, ImportDialog):
            modal.import_button.click()
        else:
            QTimer.singleShot(50, press)

    QTimer.singleShot(50, press)


def test_word_file_dropped_on_the_library_opens_in_the_editor_with_the_report(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = word_with_pictures(tmp_path / "Hướng dẫn VssID.docx")
    window = MainWindow(library)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    _click_import_when_shown(qtbot)
    # Qt delivers a real drop only during a drag session; hand the event to the library's drop hook as Qt does.
    assert window.library_view.acceptDrops()
    assert window.drop_import.eventFilter(window.library_view, drop)  # returns when the dialog has closed
    assert window.doc is not None and window.editor is not None
    assert window.doc.guide.title == "Đăng ký tài khoản VssID"
    assert [s.title for s in window.doc.guide.steps] == [t for t, _ in STEPS]
    report = window.import_report
    qtbot.waitUntil(report.isVisible)
    text = report.text.toPlainText()
    assert "Hướng dẫn VssID.docx" in text and str(window.doc.path.parent) in text
    assert window.doc.path.parent.parent == library
