"""Never lose work: autosave survives kill -9, outside changes are not overwritten, bad input loses nothing."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication
from ui_samples import make_guide

from trainer.store import load_guide, serialize_guide
from trainer.ui import document
from trainer.ui.app import MainWindow

HOOKS = textwrap.dedent(
    '''
    """Test hooks run inside the app process (TRAINER_TEST_HOOK=hooks:NAME)."""
    import json, os
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    MARK = Path(os.environ["HOOK_MARK"])
    GUIDE = Path(os.environ["HOOK_GUIDE"])


    def edit(window):
        window.open_guide(GUIDE)
        window.editor.step_form.title.setFocus()
        window.editor.step_form.title.end(False)
        window.editor.step_form.title.insert(" đã sửa")  # typed by the person, not saved
        doc = window.doc

        def poll():
            if doc.recovery_path.exists():
                MARK.write_text(str(os.getpid()), encoding="utf-8")
            else:
                QTimer.singleShot(100, poll)

        poll()


    def restore(window):
        """The app was started on the library: it offers the crashed guide, then its restore; accept both."""
        seen = []

        def answer():
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox) and box.objectName() in ("recoveryOffer", "recoveryQuestion") and box.isVisible():
                seen.append(box.objectName())
                next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
            if window.doc is not None and "recoveryQuestion" in seen:
                QTimer.singleShot(0, finish)
            else:
                QTimer.singleShot(50, answer)

        def finish():
            title = window.doc.guide.steps[0].title
            ok = window.save()
            left = sorted(p.name for p in window.doc.recovery_path.parent.iterdir())
            MARK.write_text(json.dumps({"asked": seen, "title": title, "saved": ok, "recovery_left": left}), encoding="utf-8")
            QApplication.quit()

        QTimer.singleShot(0, answer)
    '''
)


def _start(hook: str, tmp_path: Path, guide: Path, mark: Path) -> subprocess.Popen:  # type: ignore[type-arg]
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        TRAINER_AUTOSAVE_SECONDS="0.3",
        TRAINER_TEST_HOOK=f"hooks:{hook}",
        HOOK_MARK=str(mark),
        HOOK_GUIDE=str(guide),
        PYTHONPATH=os.pathsep.join([str(tmp_path / "hooks"), env.get("PYTHONPATH", "")]),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "trainer", "app", str(guide.parent)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )


def _wait(path: Path, proc: subprocess.Popen, seconds: float = 40) -> str:  # type: ignore[type-arg]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_text(encoding="utf-8"):
            return path.read_text(encoding="utf-8")
        if proc.poll() is not None:
            raise AssertionError(
                f"app exited early with {proc.returncode}: {proc.stdout.read().decode(errors='replace') if proc.stdout else ''}"
            )
        time.sleep(0.1)
    proc.kill()
    raise AssertionError(f"timed out waiting for {path.name}")


@pytest.mark.slow
def test_restore_after_the_app_process_is_killed(tmp_path: Path) -> None:
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "hooks.py").write_text(HOOKS, encoding="utf-8")
    guide = make_guide(tmp_path / "lib")
    original = (guide / "guide.md").read_bytes()

    first = _start("edit", tmp_path, guide, tmp_path / "edited")
    _wait(tmp_path / "edited", first)
    os.kill(first.pid, signal.SIGKILL)  # a crash or a power cut: no chance to save or clean up
    first.wait(10)
    assert first.returncode == -signal.SIGKILL
    assert (guide / "guide.md").read_bytes() == original  # nothing half-written
    recovery = list((tmp_path / "data").rglob("*.guide.md"))
    assert len(recovery) == 1 and "Bước số 1 đã sửa" in recovery[0].read_text(encoding="utf-8")
    assert Path(recovery[0].with_name(recovery[0].name + ".source").read_text(encoding="utf-8")) == (guide / "guide.md").resolve()

    second = _start("restore", tmp_path, guide, tmp_path / "restored")
    result = json.loads(_wait(tmp_path / "restored", second))
    assert second.wait(30) == 0
    assert result == {
        "asked": ["recoveryOffer", "recoveryQuestion"],
        "title": "Bước số 1 đã sửa",
        "saved": True,
        "recovery_left": [],
    }
    assert load_guide(guide).steps[0].title == "Bước số 1 đã sửa"


def _open(qtbot, library: Path, slug: str = "dang-ky-vssid") -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(library)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.show()
    assert window.open_guide(library / slug)
    return window


def test_autosave_on_focus_loss_and_discard_on_save(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    doc = window.doc
    window.editor.step_form.title.setText("x")
    window.editor.step_form.title.textEdited.emit("Tiêu đề mới")
    assert doc.dirty and not doc.recovery_path.exists()
    window._app_state_changed(__import__("PySide6.QtCore", fromlist=["Qt"]).Qt.ApplicationState.ApplicationInactive)
    assert "Tiêu đề mới" in doc.recovery_path.read_text(encoding="utf-8")
    assert window.save() and not doc.recovery_path.exists()


def test_disk_full_and_read_only_save_keep_the_edits(qtbot, library: Path, dialogs, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    doc = window.doc
    on_disk = (library / "dang-ky-vssid" / "guide.md").read_bytes()
    window.editor.step_form.title.textEdited.emit("Bước đã sửa")
    real_write = document.atomic_write_text
    for code in (errno.ENOSPC, errno.EROFS):

        def failing(path, text, code=code):  # type: ignore[no-untyped-def]
            if Path(path).name == "guide.md":
                raise OSError(code, os.strerror(code), str(path))
            return real_write(path, text)

        monkeypatch.setattr(document, "atomic_write_text", failing)
        assert not window.save()
        assert os.strerror(code) in dialogs.seen[-1] and "nothing was lost" in dialogs.seen[-1]
        assert doc.dirty and doc.guide.steps[0].title == "Bước đã sửa"
        assert (library / "dang-ky-vssid" / "guide.md").read_bytes() == on_disk
        assert "Bước đã sửa" in doc.recovery_path.read_text(encoding="utf-8")
    monkeypatch.setattr(document, "atomic_write_text", real_write)
    assert window.save() and load_guide(library / "dang-ky-vssid").steps[0].title == "Bước đã sửa"


def test_outside_change_is_asked_about_not_overwritten(qtbot, library: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    file = library / "dang-ky-vssid" / "guide.md"
    window.editor.step_form.title.textEdited.emit("Bản của tôi")
    theirs = file.read_text(encoding="utf-8").replace("Bước số 2", "Bước của đồng nghiệp")
    file.write_text(theirs, encoding="utf-8")
    dialogs.queue("Cancel")
    assert not window.save()
    assert "changed outside Trainer" in dialogs.seen[-1]
    assert file.read_text(encoding="utf-8") == theirs and window.doc.dirty
    dialogs.queue("Replace with mine")
    assert window.save()
    assert load_guide(file).steps[0].title == "Bản của tôi"


def test_outside_change_reloads_a_clean_guide(qtbot, library: Path) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    file = library / "dang-ky-vssid" / "guide.md"
    file.write_text(file.read_text(encoding="utf-8").replace("Bước số 2", "Bước mới từ đồng nghiệp"), encoding="utf-8")
    qtbot.waitUntil(lambda: window.doc.guide.steps[1].title == "Bước mới từ đồng nghiệp", timeout=5000)
    assert not window.doc.dirty


def test_corrupt_image_pasted_says_so_and_changes_nothing(qtbot, library: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, library)
    window.editor.select_step(1)
    before = serialize_guide(window.doc.guide)
    mime = QMimeData()
    mime.setData("image/png", b"\x89PNG\r\n\x1a\nthis is not really a picture")
    QApplication.clipboard().setMimeData(mime)
    assert not window.editor.step_form.picture.paste_image()
    assert "cannot be read" in dialogs.seen[-1] and "Nothing was changed" in dialogs.seen[-1]
    assert serialize_guide(window.doc.guide) == before and not window.doc.dirty
    assert sorted(p.name for p in (library / "dang-ky-vssid" / "images").iterdir()) == ["01.png"]


def test_unreadable_guide_file_gives_one_plain_line(qtbot, library: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    bad = library / "hong"
    bad.mkdir()
    (bad / "guide.md").write_bytes(b"---\ntitle: \xff\xfe broken\n---\n")
    window = MainWindow(library)
    qtbot.addWidget(window)
    assert not window.open_guide(bad)
    assert "guide.md:2" in dialogs.seen[-1] and "UTF-8" in dialogs.seen[-1] and "Traceback" not in dialogs.seen[-1]
    assert window.doc is None


def test_picture_into_a_read_only_folder_says_so(
    qtbot, library: Path, dialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ui_samples import make_screenshot

    from trainer.store import atomic as atomic_module

    window = _open(qtbot, library)
    window.editor.select_step(1)
    photo = make_screenshot(tmp_path / "photo.png")

    def read_only(target, data):  # type: ignore[no-untyped-def]
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(target))

    # Root ignores chmod, so the read-only file system is simulated where the store writes the picture.
    monkeypatch.setattr(atomic_module, "atomic_write_bytes", read_only)
    monkeypatch.setattr("trainer.store.media.atomic_write_bytes", read_only)
    assert not window.editor.step_form.picture.import_file(str(photo))
    assert os.strerror(errno.EROFS) in dialogs.seen[-1] and "images" in dialogs.seen[-1]
    assert window.doc.guide.steps[1].image is None and not window.doc.dirty
