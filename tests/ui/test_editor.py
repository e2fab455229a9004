"""The editor driven through its real widgets: create, steps, Vietnamese text, paste, marks, reorder, undo/redo, save, reopen."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from trainer.store import load_guide, serialize_guide
from trainer.ui.app import MainWindow


def _state(window: MainWindow) -> str:
    assert window.doc is not None
    return serialize_guide(window.doc.guide)


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type text key by key; Vietnamese letters arrive as key events carrying the character, as from a Telex/VNI keyboard."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget,
                QKeyEvent(
                    kind,
                    Qt.Key.Key_unknown if not ch.isascii() else QKeySequence(ch)[0].key(),
                    Qt.KeyboardModifier.NoModifier,
                    ch,
                ),
            )


def _activate(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Make the window the active one (after a dialog closed), as a click on it would."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _window(qtbot, library: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window, shown and active so keyboard shortcuts reach it."""
    window = MainWindow(library)
    # At teardown, throw away unsaved test edits instead of asking (the question would block the run).
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.show()
    _activate(qtbot, window)
    return window


def _exif_rotated_photo() -> bytes:
    """A JPEG stored sideways with EXIF orientation 6 and a GPS-like comment: import must make it upright and bare."""
    img = Image.new("RGB", (400, 200), "#c62828")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    exif[0x010E] = "secret GPS note"
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_full_editing_round_trip(qtbot, library: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, library)

    # Create a guide from the template through the New button and its title dialog.
    dialogs.queue("Hướng dẫn dùng Zalo an toàn")
    window.library_view.new_button.click()
    _activate(qtbot, window)
    assert window.editor is not None and window.doc is not None
    editor, doc = window.editor, window.doc
    assert doc.path == library / "huong-dan-dung-zalo-an-toan" / "guide.md"
    states = [_state(window)]

    # Add three steps and type Vietnamese text into each.
    texts = [
        "Mở ứng dụng **Zalo** trên điện thoại.",
        "Bấm vào mục Cá nhân, chọn Quyền riêng tư.",
        "Tắt mục “Cho phép người lạ nhắn tin”.",
    ]
    for n, text in enumerate(texts):
        editor.actions_["add_step"].trigger()
        editor.step_form.title.selectAll()
        _type(qtbot, editor.step_form.title, f"Bước {n + 2}: việc thứ {n + 1}")
        _type(qtbot, editor.step_form.text, text)
        states.append(_state(window))
    guide = doc.guide
    assert [s.text for s in guide.steps[1:]] == texts
    assert guide.steps[3].title == "Bước 4: việc thứ 3"

    # Paste a sideways photo from the clipboard into step 2: it is imported upright, bare, as PNG.
    editor.select_step(1)
    mime = QMimeData()
    mime.setData("image/jpeg", _exif_rotated_photo())
    QApplication.clipboard().setMimeData(mime)
    editor.step_form.text.setFocus()
    QTest.keyClick(editor.step_form.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    image_rel = doc.guide.steps[1].image
    assert dialogs.seen[1:] == []
    assert image_rel and image_rel.startswith("images/") and image_rel.endswith(".png")
    with Image.open(doc.guide.resolve(image_rel)) as stored:
        assert stored.size == (200, 400) and not stored.getexif() and "exif" not in stored.info
    states.append(_state(window))

    # Add a box with the mouse, then drag it somewhere else.
    marks = editor.step_form.picture.canvas
    marks.resize(400, 400)
    QApplication.processEvents()
    editor.step_form.picture.tool_group.button(2).click()  # Box
    a, b = marks.to_widget(0.2, 0.2).toPoint(), marks.to_widget(0.6, 0.4).toPoint()
    QTest.mousePress(marks.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(marks.viewport(), QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    QTest.mouseMove(marks.viewport(), b)
    QTest.mouseRelease(marks.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    box = doc.guide.steps[1].annotations[0]
    assert box.kind == "box" and abs(box.x - 0.2) < 0.02 and abs(box.y2 - 0.4) < 0.02
    states.append(_state(window))
    editor.step_form.picture.tool_group.button(0).click()  # Select
    start, end = marks.to_widget(0.4, 0.3).toPoint(), marks.to_widget(0.5, 0.6).toPoint()
    QTest.mousePress(marks.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(marks.viewport(), end)
    QTest.mouseRelease(marks.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    moved = doc.guide.steps[1].annotations[0]
    assert abs(moved.x - 0.3) < 0.02 and abs(moved.y - 0.5) < 0.02 and abs((moved.x2 - moved.x) - 0.4) < 0.01
    states.append(_state(window))

    # Reorder with the keyboard (Alt+Down) and by a drop in the list.
    editor.step_list.setFocus()
    QTest.keyClick(editor.step_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [s.title for s in doc.guide.steps][1:3] == ["Bước 3: việc thứ 2", "Bước 2: việc thứ 1"]
    states.append(_state(window))
    editor.step_list.model().moveRow(editor.step_list.rootIndex(), 3, editor.step_list.rootIndex(), 0)
    editor.step_list.dropped.emit()  # what the list's dropEvent sends after Qt moved the row: one move, not two
    qtbot.waitUntil(lambda: doc.guide.steps[0].title == "Bước 4: việc thứ 3")
    states.append(_state(window))

    # Undo everything back to the new guide, checking each state, then redo forward again.
    undo, redo = window.a_undo, window.a_redo
    for expected in reversed(states[:-1]):
        while _state(window) != expected and undo.isEnabled():
            undo.trigger()
            if _state(window) in states[: states.index(expected)]:
                raise AssertionError("undo went past a recorded state")
        assert _state(window) == expected
    assert not undo.isEnabled() or _state(window) == states[0]
    for expected in states[1:]:
        while _state(window) != expected and redo.isEnabled():
            redo.trigger()
        assert _state(window) == expected
    # The widgets follow the model after undo/redo: the selected step's text box shows its text.
    assert editor.step_form.text.toPlainText() == doc.guide.steps[editor.current].text

    # Save with Ctrl+S, go back to the library, reopen, compare.
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not doc.dirty
    saved = _state(window)
    assert window.close_guide()
    assert window.open_guide(library / "huong-dan-dung-zalo-an-toan")
    assert _state(window) == saved
    assert serialize_guide(load_guide(library / "huong-dan-dung-zalo-an-toan")) == saved


def test_ctrl_z_in_a_text_field_undoes_through_the_guide_stack(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, library)
    window.open_guide(library / "dang-ky-vssid")
    editor = window.editor
    before = editor.step_form.title.text()
    _type(qtbot, editor.step_form.title, " mới")
    assert window.doc.guide.steps[0].title == before + " mới"
    QTest.keyClick(editor.step_form.title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.guide.steps[0].title == before and editor.step_form.title.text() == before
    assert not window.doc.dirty


def test_badge_tap_and_blur_marks_and_delete_key(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, library)
    window.open_guide(library / "dang-ky-vssid")
    editor, doc = window.editor, window.doc
    marks = editor.step_form.picture.canvas
    marks.resize(400, 400)
    for button, (x, y) in ((1, (0.3, 0.3)), (4, (0.7, 0.7)), (5, (0.5, 0.1))):
        editor.step_form.picture.tool_group.button(button).click()
        QTest.mouseClick(
            marks.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, marks.to_widget(x, y).toPoint()
        )
    kinds = [(m.kind, m.label) for m in doc.guide.steps[0].annotations]
    assert kinds == [("badge", "1"), ("badge", "2"), ("tap", ""), ("blur", "")]
    blur = doc.guide.steps[0].annotations[-1]
    assert blur.x2 - blur.x > 0.2  # a click makes a usable default size
    # Resize the blur box by its corner handle, then delete it with the Delete key.
    corner = marks.to_widget(blur.x2, blur.y2).toPoint()
    target = marks.to_widget(0.95, 0.3).toPoint()
    editor.step_form.picture.tool_group.button(0).click()
    QTest.mousePress(marks.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    QTest.mouseMove(marks.viewport(), target)
    QTest.mouseRelease(marks.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    resized = doc.guide.steps[0].annotations[-1]
    assert abs(resized.x2 - 0.95) < 0.02 and abs(resized.y2 - 0.3) < 0.02 and resized.x == blur.x
    # Keyboard: arrow keys nudge the selected mark (Shift for bigger steps), one undo step each.
    QTest.keyClick(marks, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    nudged = doc.guide.steps[0].annotations[-1]
    width = marks._image.width()
    assert abs(nudged.x - (resized.x - 10 / width)) < 1e-9 and abs(nudged.x2 - (resized.x2 - 10 / width)) < 1e-9
    window.a_undo.trigger()
    assert doc.guide.steps[0].annotations[-1] == resized
    marks.select(len(doc.guide.steps[0].annotations) - 1)
    QTest.keyClick(marks, Qt.Key.Key_Delete)
    assert [m.kind for m in doc.guide.steps[0].annotations] == ["badge", "badge", "tap"]
    window.a_undo.trigger()
    assert doc.guide.steps[0].annotations[-1] == resized


def test_formatting_bar_makes_markdown(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, library)
    window.open_guide(library / "dang-ky-vssid")
    editor = window.editor
    editor.step_form.text.setPlainText("Mở ứng dụng\nBấm Đăng ký")
    cursor = editor.step_form.text.textCursor()
    cursor.setPosition(3)
    cursor.setPosition(11, cursor.MoveMode.KeepAnchor)
    editor.step_form.text.setTextCursor(cursor)
    editor.actions_["bold"].trigger()
    assert window.doc.guide.steps[0].text == "Mở **ứng dụng**\nBấm Đăng ký"
    editor.step_form.text.selectAll()
    editor.actions_["list"].trigger()
    assert window.doc.guide.steps[0].text == "- Mở **ứng dụng**\n- Bấm Đăng ký"


def test_problems_show_next_to_their_step(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, library)
    window.open_guide(library / "dang-ky-vssid")
    editor = window.editor
    # Step 1's picture is looked at for personal data first (its row shows that while it lasts); it holds none.
    qtbot.waitUntil(
        lambda: editor.scanning_steps == [] and editor.privacy.seen(editor.guide.resolve("images/01.png")) == [], timeout=120_000
    )
    editor.select_step(1)
    editor.step_form.text.selectAll()
    QTest.keyClick(editor.step_form.text, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: any(p.code == "step-no-text" for p in editor.problems_for_step(1)), timeout=5000)
    assert editor.problem_banner.isVisible() and "no text" in editor.problem_banner.text()
    assert not editor.step_list.item(1).icon().isNull() and editor.step_list.item(0).icon().isNull()
    _type(qtbot, editor.step_form.text, "Có nội dung")
    qtbot.waitUntil(lambda: not editor.problems_for_step(1), timeout=5000)


def test_qimage_on_clipboard_is_imported(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, library)
    window.open_guide(library / "dang-ky-vssid")
    window.editor.select_step(1)
    image = QImage(300, 500, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    QApplication.clipboard().setImage(image)
    assert window.editor.step_form.picture.paste_image()
    stored = window.doc.guide.resolve(window.doc.guide.steps[1].image)
    with Image.open(stored) as img:
        assert img.size == (300, 500) and img.getpixel((10, 10))[1] > 100
