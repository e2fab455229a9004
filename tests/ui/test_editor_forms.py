"""Metadata form, callouts, dropped image files, closing with unsaved changes, recent guides."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QDate, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QPushButton
from ui_samples import make_screenshot

from trainer.model import Link
from trainer.store import load_guide
from trainer.ui.app import MainWindow


def _open(qtbot, library: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(library)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.show()
    assert window.open_guide(library / "dang-ky-vssid")
    return window


def test_metadata_form_edits_are_undoable_and_saved(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    editor, doc = window.editor, window.doc
    editor.steps.info_button.click()
    assert editor.forms.currentIndex() == 0
    editor.meta_form.title.textEdited.emit("Đăng ký VssID trên điện thoại")
    editor.meta_form.date.setDate(QDate(2026, 10, 1))
    editor.meta_form.status.setCurrentIndex(editor.meta_form.status.findData("published"))
    editor.meta_form.topic.setCurrentText("BHXH")
    editor.meta_form.links.item(0, 1).setText("https://baohiemxahoi.gov.vn")
    g = doc.guide
    assert (g.title, g.valid_as_of, g.status, g.topic) == (
        "Đăng ký VssID trên điện thoại",
        _dt.date(2026, 10, 1),
        "published",
        "BHXH",
    )
    assert g.links == [Link("Cổng BHXH", "https://baohiemxahoi.gov.vn")]
    window.a_undo.trigger()
    assert doc.guide.links[0].url == "https://vssid.gov.vn" and editor.meta_form.links.item(0, 1).text() == "https://vssid.gov.vn"
    window.a_redo.trigger()
    assert window.save()
    saved = load_guide(library / "dang-ky-vssid")
    assert (saved.title, saved.status, saved.links[0].url) == (
        "Đăng ký VssID trên điện thoại",
        "published",
        "https://baohiemxahoi.gov.vn",
    )


def test_callouts_add_edit_remove_undo(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    editor, doc = window.editor, window.doc
    editor.select_step(1)
    editor.step_form.callouts.add("warning")
    editor.step_form.callouts.rows[-1].text.setPlainText("Không đưa mã OTP cho ai.")
    assert [(c.kind, c.text) for c in doc.guide.steps[1].callouts] == [("warning", "Không đưa mã OTP cho ai.")]
    editor.step_form.callouts.rows[0].kind.setCurrentIndex(editor.step_form.callouts.rows[0].kind.findData("caution"))
    assert doc.guide.steps[1].callouts[0].kind == "caution"
    editor.step_form.callouts.rows[0].remove.click()
    assert doc.guide.steps[1].callouts == [] and editor.step_form.callouts.rows == []
    window.a_undo.trigger()
    assert [(c.kind, c.text) for c in doc.guide.steps[1].callouts] == [("caution", "Không đưa mã OTP cho ai.")]
    assert editor.step_form.callouts.rows[0].text.toPlainText() == "Không đưa mã OTP cho ai."


def test_dropping_an_image_file_on_the_picture(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    editor, doc = window.editor, window.doc
    editor.select_step(1)
    photo = make_screenshot(tmp_path / "dropped.png", "#6a1b9a", (900, 1800))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    enter = QDragEnterEvent(
        QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(editor.step_form.picture.canvas.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(
        editor.step_form.picture.canvas.viewport(), drop
    )  # as the window system would after the accepted enter
    image = doc.guide.steps[1].image
    assert image and (library / "dang-ky-vssid" / image).exists()
    from PIL import Image

    with Image.open(library / "dang-ky-vssid" / image) as img:
        assert max(img.size) == 1600  # downscaled on import
    window.a_undo.trigger()
    assert doc.guide.steps[1].image is None


def test_closing_with_unsaved_changes_asks(qtbot, library: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    window.editor.step_form.title.textEdited.emit("Chưa lưu")
    window.doc.write_recovery()
    dialogs.queue(QMessageBox.StandardButton.Cancel)
    assert not window.close_guide() and window.editor is not None
    assert "before closing" in dialogs.seen[-1]
    recovery = window.doc.recovery_path
    dialogs.queue(QMessageBox.StandardButton.Discard)
    assert window.close_guide() and window.editor is None
    assert load_guide(library / "dang-ky-vssid").steps[0].title == "Bước số 1" and not recovery.exists()


def test_recent_guides_menu(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    window.close_guide()
    window.open_guide(library / "lua-dao-otp")
    window.close_guide()
    fresh = MainWindow(library)
    qtbot.addWidget(fresh)
    names = [a.text() for a in fresh.recent_menu.actions()]
    assert names == ["&1 lua-dao-otp", "&2 dang-ky-vssid"]
    fresh.recent_menu.actions()[1].trigger()
    assert fresh.doc is not None and fresh.doc.guide.title == "Đăng ký VssID"


def test_present_opens_the_presenter_window(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    assert window.a_present.isVisible() and window.a_present.isEnabled()
    window.a_present.trigger()
    presenter = window._presenter
    qtbot.addWidget(presenter)
    assert presenter.isVisible() and presenter.guide.title == "Đăng ký VssID"
    presenter.close()


def test_add_link_shows_a_row_to_type_in(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    editor, doc = window.editor, window.doc
    editor.steps.info_button.click()
    form = editor.meta_form
    add = next(b for b in form.findChildren(QPushButton) if b.text() == "Add link")
    add.click()
    table = form.links
    assert table.rowCount() == 2 and table.currentRow() == 1
    assert table.viewport().rect().contains(table.visualItemRect(table.item(1, 0)))  # in view, not only in the file
    assert table.state() == QAbstractItemView.State.EditingState  # the cursor is in the new title
    assert doc.guide.links == [Link("Cổng BHXH", "https://vssid.gov.vn")]  # nothing half-made in the guide yet
    table.closePersistentEditor(table.item(1, 0))
    table.item(1, 0).setText("Dịch vụ công")
    table.item(1, 1).setText("https://dichvucong.gov.vn")
    assert doc.guide.links[1] == Link("Dịch vụ công", "https://dichvucong.gov.vn")
    editor.check_timer.timeout.emit()
    assert not [p for p in editor.problems_for_step(-1) if "link" in p.code]
    doc.save()
    assert load_guide(doc.path).links[1] == Link("Dịch vụ công", "https://dichvucong.gov.vn")


def test_a_problem_appearing_does_not_move_the_form(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    editor = window.editor
    editor.select_step(1)
    QApplication.processEvents()
    field = editor.step_form.text
    where = field.mapTo(window, QPoint(0, 0))
    editor.step_form.text.selectAll()
    editor.step_form.text.textCursor().removeSelectedText()  # a step without text is a problem
    qtbot.waitUntil(lambda: editor.problem_banner.isVisible(), timeout=5000)
    assert "no text" in editor.problem_banner.text()
    QApplication.processEvents()
    assert field.mapTo(window, QPoint(0, 0)) == where  # the banner shows under the form, nothing jumps
    # It shows soon after the typing stops: the rules do not wait for the slower measuring of the text.
    assert editor.check_timer.interval() < editor.fit_timer.interval() <= 1500


def test_a_new_step_and_a_new_box_are_scrolled_into_view(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    window.resize(1000, 560)
    window.activateWindow()  # as a click on it would: the box being typed in has the keyboard focus
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    editor, doc = window.editor, window.doc
    editor.select_step(len(doc.guide.steps) - 1)
    for _ in range(40):
        editor.actions_["add_step"].trigger()
    steps = editor.step_list
    last = steps.item(steps.count() - 1)
    assert steps.currentItem() is last
    # Once the list has laid itself out: more steps than it can show, and the new last one in view.
    qtbot.waitUntil(
        lambda: steps.verticalScrollBar().maximum() > 0 and steps.viewport().rect().contains(steps.visualItemRect(last)),
        timeout=10_000,
    )
    editor.select_step(0)  # a step with text: only the new boxes change the form
    callouts = editor.step_form.callouts
    for n in range(6):
        callouts.add("tip")
        callouts.rows[-1].text.setPlainText(f"Mẹo số {n + 1}.")
    area = editor.forms.currentWidget()
    row = callouts.rows[-1]

    def in_view() -> bool:
        top = row.mapTo(area.viewport(), QPoint(0, 0)).y()
        return 0 <= top and top + row.height() <= area.viewport().height()

    qtbot.waitUntil(in_view, timeout=10_000)  # the form scrolls once the new box is laid out
    assert area.verticalScrollBar().value() > 0
