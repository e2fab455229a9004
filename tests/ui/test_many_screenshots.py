"""Several screenshots at once: chosen, dropped as a folder, pasted; one new step each, in the order they were taken."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from trainer.ui.app import MainWindow

# Taken in this order (the time is in the names, as Android writes them); the names sort otherwise.
SHOTS = [
    ("Screenshot_20241103-101455.png", "#c62828"),
    ("Screenshot_20241103-101512.png", "#2e7d32"),
    ("Screenshot_20241103-101530.png", "#1565c0"),
]


def _shot(path: Path, colour: str) -> Path:
    img = Image.new("RGB", (360, 720), "white")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 360, 200], fill=colour)
    d.rectangle([40, 420, 320, 480], outline="black", width=3)
    img.save(path)
    return path


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = tmp_path / "may-anh"
    folder.mkdir()
    for name, colour in SHOTS:
        _shot(folder / name, colour)
    # The same picture saved twice (Zalo re-sends): dropped. The file times say nothing useful.
    _shot(folder / "IMG_copy.png", SHOTS[0][1])
    os.utime(folder / "IMG_copy.png", (1, 1))
    (folder / "ghi-chu.txt").write_text("không phải ảnh", encoding="utf-8")
    return folder


@pytest.fixture
def window(qtbot, library: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(library)
    qtbot.addWidget(win, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    win.show()
    assert win.open_guide(library / "dang-ky-vssid")
    win.editor.select_step(0)
    return win


def _top_colour(doc, step) -> str:  # type: ignore[no-untyped-def]
    with Image.open(doc.guide.resolve(step.image)) as img:
        return "#{:02x}{:02x}{:02x}".format(*img.convert("RGB").getpixel((180, 20)))


def _wait_added(qtbot, window: MainWindow, count: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: len(window.doc.guide.steps) == count, timeout=180_000)


@pytest.mark.slow  # personal-data detection runs on every picture (real OCR)
def test_a_folder_dropped_on_the_step_list(qtbot, window: MainWindow, shots: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    doc, editor = window.doc, window.editor
    before = [s.title for s in doc.guide.steps]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(shots))])
    target = editor.step_list.viewport()
    enter = QDragEnterEvent(
        QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    _wait_added(qtbot, window, len(before) + 3)
    steps = doc.guide.steps
    # After the step that was selected, one per picture, in the order taken; the copy and the text file left out.
    assert [s.title for s in steps[:1]] == before[:1] and [s.title for s in steps[4:]] == before[1:]
    assert [_top_colour(doc, s) for s in steps[1:4]] == [colour for _name, colour in SHOTS]
    assert editor.current == 1 and editor.step_list.currentRow() == 1
    assert any("1" in text and ("duplicate" in text.lower() or "same" in text.lower()) for text in dialogs.seen), dialogs.seen
    window.a_undo.trigger()  # one undo takes them all back
    assert [s.title for s in doc.guide.steps] == before


@pytest.mark.slow
def test_several_files_chosen_or_pasted(qtbot, window: MainWindow, shots: Path, dialogs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    doc, picture = window.doc, window.editor.step_form.picture
    count = len(doc.guide.steps)
    files = [str(shots / name) for name, _colour in reversed(SHOTS[1:])]  # chosen in the wrong order
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: (files, ""))
    window.editor.actions_["choose_image"].trigger()
    _wait_added(qtbot, window, count + 2)
    assert [_top_colour(doc, s) for s in doc.guide.steps[1:3]] == [SHOTS[1][1], SHOTS[2][1]]
    # Copy two files in the file manager, paste in Trainer.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(shots / SHOTS[2][0])), QUrl.fromLocalFile(str(shots / SHOTS[0][0]))])
    QApplication.clipboard().setMimeData(mime)
    window.editor.select_step(0)
    assert picture.paste_image()
    _wait_added(qtbot, window, count + 4)
    assert [_top_colour(doc, s) for s in doc.guide.steps[1:3]] == [SHOTS[0][1], SHOTS[2][1]]
