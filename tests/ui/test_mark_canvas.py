"""The marking canvas driven like a person would: zoom, pan, draw, move and resize at 400 %, nudge, undo, large picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from trainer.model import Annotation, Guide, Step
from trainer.store import load_guide, save_guide
from trainer.ui.app import MainWindow

W, H = 1080, 2340  # a real phone screenshot's size
ID_BOX = (100, 1200, 700, 1230)  # a 30-px line holding an "ID number" in pure red


def _phone_guide(root: Path) -> Path:
    folder = root / "vneid"
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 120], fill="#1565c0")
    d.rectangle(ID_BOX, fill="#ff0000")
    for y in range(300, 2200, 160):
        d.rectangle([80, y, W - 80, y + 40], fill="#cfd8dc")
    (folder / "images").mkdir(parents=True)
    img.save(folder / "images" / "cccd.png")
    guide = Guide(
        title="Kích hoạt VNeID",
        slug="vneid",
        steps=[Step(title="Mở ứng dụng", text="Mở VNeID.", image="images/cccd.png", image_alt="Màn hình")],
    )
    save_guide(guide, folder / "guide.md")
    return folder


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    folder = _phone_guide(tmp_path / "library")
    win = MainWindow(tmp_path / "library")
    qtbot.addWidget(win, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    win.resize(1366, 768)
    win.show()
    assert win.open_guide(folder)
    win.editor.set_picture_focus(True)
    qtbot.waitUntil(lambda: win.editor.step_form.picture.canvas.has_image())
    QApplication.processEvents()
    return win


def _viewport_point(canvas, image_x: float, image_y: float) -> QPoint:  # type: ignore[no-untyped-def]
    """Where an image pixel is on screen, from the scroll bars and the zoom (not from the canvas's own mapping)."""
    z = canvas.zoom()
    origin_x = -canvas.horizontalScrollBar().value() if canvas.horizontalScrollBar().maximum() else canvas.to_widget(0, 0).x()
    origin_y = -canvas.verticalScrollBar().value() if canvas.verticalScrollBar().maximum() else canvas.to_widget(0, 0).y()
    return QPoint(round(origin_x + image_x * z), round(origin_y + image_y * z))


def _drag(view, a: QPoint, b: QPoint) -> None:  # type: ignore[no-untyped-def]
    QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(view, QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    QTest.mouseMove(view, b)
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def _px(mark: Annotation) -> tuple[float, float, float, float]:
    left, top, right, bottom = mark.rect()
    return left * W, top * H, right * W, bottom * H


def test_large_picture_shows_a_phone_screenshot_at_100_percent_on_1366x768(window: MainWindow) -> None:
    editor = window.editor
    canvas = editor.step_form.picture.canvas
    assert not editor.steps.isVisible() and not editor.preview.isVisible()
    assert canvas.is_fitted() and canvas.zoom() < 0.5  # the whole 2340-px-tall screenshot fits first
    fitted = canvas.zoom()
    assert canvas.width() >= 0.85 * 1366
    QTest.keyClick(canvas, Qt.Key.Key_1)
    assert canvas.zoom() == 1.0
    # At 100 % the full width of the screenshot is on screen: no sideways scrolling.
    assert canvas.horizontalScrollBar().maximum() == 0
    assert canvas.verticalScrollBar().maximum() > 0
    assert editor.step_form.picture.zoom_label.text() == "100 %"
    QTest.keyClick(canvas, Qt.Key.Key_0)
    assert canvas.is_fitted() and abs(canvas.zoom() - fitted) < 1e-9
    editor.actions_["picture_focus"].trigger()
    assert not editor.picture_focused() and editor.steps.isVisible() and editor.preview.isVisible()
    assert editor.step_form.title.isVisible()


def test_zoom_with_ctrl_wheel_keys_and_buttons(window: MainWindow) -> None:
    canvas = window.editor.step_form.picture.canvas
    canvas.set_zoom(2.0)
    canvas.centerOn(QPointF(540, 1170))
    QApplication.processEvents()
    at = QPointF(300, 200)
    under = canvas.to_relative(at)
    for notches in (1, 1):
        event = QWheelEvent(
            at,
            canvas.viewport().mapToGlobal(at),
            QPoint(0, 0),
            QPoint(0, 120 * notches),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(canvas.viewport(), event)
    assert abs(canvas.zoom() - 3.125) < 1e-9
    # The image point under the mouse stays under the mouse (within a screen pixel).
    x, y = canvas.to_relative(at)
    assert abs((x - under[0]) * W * canvas.zoom()) <= 1 and abs((y - under[1]) * H * canvas.zoom()) <= 1
    QTest.keyClick(canvas, Qt.Key.Key_Minus)
    assert abs(canvas.zoom() - 2.5) < 1e-9
    QTest.keyClick(canvas, Qt.Key.Key_Plus)
    window.editor.actions_["zoom_in"].trigger()
    assert abs(canvas.zoom() - 3.125 * 1.25) < 1e-9
    window.editor.actions_["zoom_out"].trigger()
    window.editor.actions_["zoom_actual"].trigger()
    assert canvas.zoom() == 1.0
    for _ in range(20):
        canvas.zoom_in()
    assert canvas.zoom() == 8.0  # 800 % at most
    window.editor.actions_["zoom_fit"].trigger()
    assert canvas.is_fitted()
    # A plain wheel scrolls instead of zooming.
    canvas.actual_size()
    before = canvas.verticalScrollBar().value()
    event = QWheelEvent(
        at,
        canvas.viewport().mapToGlobal(at),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas.viewport(), event)
    assert canvas.zoom() == 1.0 and canvas.verticalScrollBar().value() > before


def test_mark_an_id_line_at_400_percent_move_resize_nudge_and_undo_each(window: MainWindow, tmp_path: Path) -> None:
    editor, doc = window.editor, window.doc
    picture = editor.step_form.picture
    canvas, view = picture.canvas, picture.canvas.viewport()
    canvas.set_zoom(4.0)
    canvas.centerOn(QPointF(400, 1215))
    QApplication.processEvents()
    assert canvas.zoom() == 4.0

    # Draw a blur over the 30-px red line: at 400 % that is a 120-px drag on screen.
    picture.tool_group.button(5).click()  # Hide
    _drag(view, _viewport_point(canvas, 300, 1196), _viewport_point(canvas, 500, 1234))
    (blur,) = doc.guide.steps[0].annotations
    assert blur.kind == "blur"
    drawn = (300, 1196, 500, 1234)
    assert all(abs(a - b) <= 0.5 for a, b in zip(_px(blur), drawn, strict=True)), _px(blur)

    # Move it by 40 x 16 screen pixels = 10 x 4 image pixels.
    picture.tool_group.button(0).click()  # Select
    _drag(view, _viewport_point(canvas, 400, 1215), _viewport_point(canvas, 400, 1215) + QPoint(40, 16))
    moved = doc.guide.steps[0].annotations[0]
    assert all(abs(a - b) <= 0.5 for a, b in zip(_px(moved), (310, 1200, 510, 1238), strict=True)), _px(moved)

    # Resize by the left-edge handle, then by the bottom-right corner.
    _drag(view, _viewport_point(canvas, 310, 1219), _viewport_point(canvas, 100, 1219))
    _drag(view, _viewport_point(canvas, 510, 1238), _viewport_point(canvas, 700, 1232))
    resized = doc.guide.steps[0].annotations[0]
    assert all(abs(a - b) <= 0.5 for a, b in zip(_px(resized), (100, 1200, 700, 1232), strict=True)), _px(resized)

    # Arrow keys: 1 image pixel, Shift+arrow 10; one undo step each.
    QTest.keyClick(canvas, Qt.Key.Key_Up)
    QTest.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    nudged = doc.guide.steps[0].annotations[0]
    assert all(abs(a - b) <= 0.5 for a, b in zip(_px(nudged), (100, 1189, 700, 1221), strict=True)), _px(nudged)
    window.a_undo.trigger()
    assert all(abs(a - b) <= 0.5 for a, b in zip(_px(doc.guide.steps[0].annotations[0]), (100, 1199, 700, 1231), strict=True))
    window.a_undo.trigger()
    assert doc.guide.steps[0].annotations[0] == resized
    window.a_undo.trigger()  # the corner resize
    assert all(abs(a - b) <= 0.5 for a, b in zip(_px(doc.guide.steps[0].annotations[0]), (100, 1200, 510, 1238), strict=True))
    window.a_undo.trigger()  # the edge resize
    assert doc.guide.steps[0].annotations[0] == moved
    window.a_undo.trigger()  # the move
    assert doc.guide.steps[0].annotations[0] == blur
    window.a_undo.trigger()  # the drawing
    assert doc.guide.steps[0].annotations == []
    for _ in range(6):
        window.a_redo.trigger()
    assert doc.guide.steps[0].annotations == [nudged]

    # Saved coordinates are what was drawn.
    doc.save()
    saved = load_guide(doc.path)
    assert all(abs(a - b) <= 0.5 for a, b in zip(_px(saved.steps[0].annotations[0]), (100, 1189, 700, 1221), strict=True))

    # Delete removes it; undo brings it back.
    canvas.select(0)
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    assert doc.guide.steps[0].annotations == []
    window.a_undo.trigger()
    assert doc.guide.steps[0].annotations == [nudged]


def test_blur_is_shown_as_it_will_come_out(window: MainWindow) -> None:
    doc, canvas = window.doc, window.editor.step_form.picture.canvas
    left, top, right, bottom = ID_BOX
    doc.edit("blur", lambda g: g.steps[0].annotations.append(Annotation("blur", left / W, top / H, right / W, bottom / H)), 0)
    window.editor.reload()
    canvas.set_zoom(2.0)
    canvas.centerOn(QPointF(400, 1215))
    QApplication.processEvents()
    shot = canvas.viewport().grab().toImage()
    a, b = _viewport_point(canvas, left + 4, top + 4), _viewport_point(canvas, right - 4, bottom - 4)
    reds = sum(
        1
        for x in range(a.x(), b.x(), 3)
        for y in range(a.y(), b.y(), 3)
        if shot.pixelColor(x, y).red() > 200 and shot.pixelColor(x, y).green() < 80
    )
    assert reds == 0  # nothing of the red "ID number" shows through
    greys = {shot.pixelColor(x, a.y() + 20).name() for x in range(a.x(), b.x(), 5)}
    assert "#8c96a3" in greys  # the redaction colour the outputs use
