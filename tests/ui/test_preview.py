"""The live preview paints with the exporters' render code and follows typing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from trainer.store import load_guide
from trainer.ui.app import MainWindow
from trainer.ui.preview import render_preview


@pytest.mark.parametrize(("mode", "ratio"), [("card", 1350 / 1080), ("slide", 1080 / 1920), ("page", 297 / 210)])
def test_each_mode_paints_a_real_picture(library: Path, mode: str, ratio: float) -> None:
    guide = load_guide(library / "dang-ky-vssid")
    image = render_preview(guide, "default", mode, 0, 400)
    assert abs(image.width() - 400) <= 1 and abs(image.height() / image.width() - ratio) < 0.02
    colours = {image.pixel(x, y) for x in range(0, 400, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # text, picture and theme colours, not a blank page


def test_typing_updates_the_preview(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(library)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.show()
    window.open_guide(library / "dang-ky-vssid")
    editor = window.editor
    canvas = editor.preview.canvas
    qtbot.waitUntil(lambda: not canvas.image.isNull(), timeout=10_000)
    assert canvas.message == ""
    before = QImage(canvas.image)
    editor.step_form.title.setText("")
    editor.step_form.title.textEdited.emit("Một tiêu đề hoàn toàn khác hẳn")
    generation = editor.preview.generation
    qtbot.waitUntil(lambda: canvas.generation >= generation and not canvas.image.isNull(), timeout=10_000)
    assert canvas.image != before
    for mode in ("page", "slide"):
        editor.preview.set_mode(mode)
        generation = editor.preview.generation
        qtbot.waitUntil(lambda g=generation: canvas.generation >= g, timeout=10_000)
        assert canvas.message == "" and not canvas.image.isNull(), canvas.message


def test_no_render_timing_is_shown_to_editors(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(library)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.show()
    window.open_guide(library / "dang-ky-vssid")
    preview = window.editor.preview
    with qtbot.waitSignal(preview.rendered, timeout=10_000):
        preview.set_mode("slide")
    shown = [w.text() for w in preview.findChildren(QLabel) if w.isVisible()]
    assert shown and not any(" ms" in text for text in shown), shown
