"""Personal data found in a picture added to a step is proposed on the canvas: accept hides it, reject keeps it, both undoable.

The detection is the real one (trainer.privacy: RapidOCR, zxing-cpp, OpenCV), run in a worker thread.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from trainer.store import load_guide
from trainer.ui.app import MainWindow

FONTS = Path(__file__).resolve().parents[2] / "src" / "trainer" / "resources" / "fonts"
ID_NUMBER, PHONE = "001203004567", "0912 345 678"


def _screen(path: Path) -> Path:
    """A phone screen with a personal ID number and a phone number under their Vietnamese labels."""
    img = Image.new("RGB", (400, 720), "#ffffff")
    d = ImageDraw.Draw(img)
    regular = ImageFont.truetype(str(FONTS / "BeVietnamPro-Regular.ttf"), 20)
    bold = ImageFont.truetype(str(FONTS / "BeVietnamPro-Bold.ttf"), 24)
    d.text((16, 50), "Thông tin cá nhân", font=bold, fill="#111111")
    d.text((16, 120), "Số định danh cá nhân", font=regular, fill="#6b6b6b")
    d.text((16, 150), ID_NUMBER, font=bold, fill="#111111")
    d.text((16, 230), "Số điện thoại", font=regular, fill="#6b6b6b")
    d.text((16, 260), PHONE, font=bold, fill="#111111")
    img.save(path)
    return path


@pytest.mark.slow  # the real detection runs on the picture
def test_proposals_accept_reject_and_undo(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(library)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.show()
    assert window.open_guide(library / "dang-ky-vssid")
    editor, doc = window.editor, window.doc
    editor.select_step(1)
    picture = editor.step_form.picture
    canvas = picture.canvas
    assert picture.import_file(str(_screen(tmp_path / "vneid.png")))
    # The picture is in the step at once; the looking happens in the background.
    assert doc.guide.steps[1].image and picture.scans.busy()
    qtbot.waitUntil(lambda: len(canvas.proposals()) >= 2, timeout=120_000)
    proposals = canvas.proposals()
    assert all(p.kind == "blur" for p in proposals) and doc.guide.steps[1].annotations == []  # proposed, not decided
    assert picture.hide_all.isVisible() and f"{len(proposals)} possible personal details" in picture.privacy_note.text()

    # Accept the first: it becomes a blur mark; undo brings the proposal back.
    canvas.select_proposal(0)
    QTest.keyClick(canvas, Qt.Key.Key_Return)
    assert [m.kind for m in doc.guide.steps[1].annotations] == ["blur"]
    assert doc.guide.steps[1].annotations[0].rect() == proposals[0].rect()
    assert len(canvas.proposals()) == len(proposals) - 1
    window.a_undo.trigger()
    assert doc.guide.steps[1].annotations == [] and len(canvas.proposals()) == len(proposals)

    # Move the second one a little, then reject it: a keep mark where it was left; undo and redo.
    canvas.select_proposal(1)
    QTest.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    moved = canvas.proposals()[1]
    assert abs((moved.x - proposals[1].x) * 400 - 10) < 1e-6
    QTest.keyClick(canvas, Qt.Key.Key_Delete)
    (keep,) = doc.guide.steps[1].annotations
    assert keep.kind == "keep" and keep.rect() == moved.rect()
    window.a_undo.trigger()
    assert doc.guide.steps[1].annotations == []
    window.a_redo.trigger()
    assert [m.kind for m in doc.guide.steps[1].annotations] == ["keep"]

    # Hide the rest at once; saved in guide.md for review.
    picture.hide_all.click()
    assert canvas.proposals() == [] and not picture.hide_all.isVisible()
    doc.save()
    saved = load_guide(doc.path).steps[1].annotations
    assert sorted(m.kind for m in saved) == ["blur"] * (len(proposals) - 1) + ["keep"]
    assert "keep " in doc.path.read_text(encoding="utf-8")
