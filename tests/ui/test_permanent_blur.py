"""Step > Apply blur permanently: asks first, destroys the pixels under the blur in the library's own file
(read back with tesseract and the personal-data scanner), removes the blur marks it made unnecessary, keeps
the gate clean, and can be undone while the guide is open. Cancel changes nothing."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from support import mark_around, require_tesseract_vie, write_id_guide, write_id_guide_text
from trainer.store import load_guide
from trainer.ui.app import MainWindow

ID = "001 089 012345"
ID_DIGITS = "001089012345"


def _digits(tesseract: str, data: bytes, tmp: Path) -> str:
    """The digits tesseract reads in a picture (upscaled 2x so 20-px text is read reliably)."""
    with Image.open(io.BytesIO(data)) as img:
        img.convert("RGB").resize((img.width * 2, img.height * 2)).save(tmp / "ocr.png")
    text = subprocess.run([tesseract, str(tmp / "ocr.png"), "-", "-l", "vie"], capture_output=True, text=True).stdout
    return re.sub(r"\D", "", text)


def _menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    """The Step menu's action with this label, as a person finds it."""
    found = [a for a in window.step_menu.actions() if a.text().replace("&", "") == text]
    assert len(found) == 1, [a.text() for a in window.step_menu.actions()]
    return found[0]


def _window(qtbot, tmp_path: Path) -> tuple[MainWindow, Path, tuple]:  # type: ignore[no-untyped-def]
    library = tmp_path / "library"
    folder = library / "xem-dinh-danh"
    boxes = write_id_guide(folder, [("Số định danh cá nhân", ID), ("Tổng đài", "1900 0368")])
    write_id_guide_text(folder, mark_around("blur", boxes[ID]), "box 0.02 0.02 0.3 0.06")
    window = MainWindow(library)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.resize(1366, 768)
    window.show()
    assert window.open_guide(folder)
    return window, folder / "images" / "info.png", boxes[ID]


@pytest.mark.slow  # real detection and tesseract on the picture
def test_apply_blur_permanently_destroys_the_id_in_the_file_and_undo_brings_it_back(qtbot, tmp_path: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    tesseract = require_tesseract_vie()
    window, image, (x0, y0, x1, y1) = _window(qtbot, tmp_path)
    editor = window.editor
    original = image.read_bytes()
    assert ID_DIGITS in _digits(tesseract, original, tmp_path)  # the oracle can fail: the ID is readable now
    qtbot.waitUntil(lambda: editor.scanning_steps == [], timeout=120_000)
    assert not [p for p in editor.problems_for_step(0) if p.code.startswith("personal-data")]  # blurred: the gate is clean

    action = _menu_action(window, "Apply blur permanently…")
    assert action.isEnabled()
    dialogs.queue("Destroy for good")
    action.trigger()
    assert "for good" in dialogs.seen[-1]

    # The file itself no longer holds the ID: every pixel under the blur differs, tesseract and the scanner miss it.
    changed = image.read_bytes()
    assert changed != original
    with Image.open(io.BytesIO(original)) as before, Image.open(io.BytesIO(changed)) as after:
        w, h = before.size
        box = (int(x0 * w) + 1, int(y0 * h) + 1, int(x1 * w) - 1, int(y1 * h) - 1)
        old, new = before.convert("RGB").crop(box).tobytes(), after.convert("RGB").crop(box).tobytes()
        assert after.size == before.size
        assert sum(old[i : i + 3] == new[i : i + 3] for i in range(0, len(old), 3)) == 0
    assert ID_DIGITS not in _digits(tesseract, changed, tmp_path)
    assert "19000368" in _digits(tesseract, changed, tmp_path)  # the rest of the screen is still there
    # The blur mark is gone (nothing left under it), the box mark stays; the gate looks at the new file: clean.
    assert [m.kind for m in window.doc.guide.steps[0].annotations] == ["box"]
    assert not action.isEnabled()
    qtbot.waitUntil(lambda: editor.privacy.seen(image) is not None, timeout=120_000)
    assert editor.privacy.seen(image) == []
    assert not [p for p in editor.problems_for_step(0) if p.code.startswith("personal-data")]

    # Undo while the guide is open: the original bytes and the blur mark are back; redo destroys again.
    window.a_undo.trigger()
    assert image.read_bytes() == original
    assert [m.kind for m in window.doc.guide.steps[0].annotations] == ["blur", "box"]
    window.a_redo.trigger()
    assert image.read_bytes() == changed
    window.doc.save()
    assert [m.kind for m in load_guide(image.parent.parent).steps[0].annotations] == ["box"]


def test_cancel_changes_nothing(qtbot, tmp_path: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    window, image, _ = _window(qtbot, tmp_path)
    original = image.read_bytes()
    dialogs.queue("Cancel")
    _menu_action(window, "Apply blur permanently to every picture…").trigger()
    assert len(dialogs.seen) == 1 and "for good" in dialogs.seen[0]
    assert image.read_bytes() == original
    assert [m.kind for m in window.doc.guide.steps[0].annotations] == ["blur", "box"] and not window.doc.dirty
