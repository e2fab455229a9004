"""The narration panel in the editor: a chosen audio file becomes the step's voice through the undo stack;
the step list shows which steps have a voice and how long; the clip time follows the narration."""

from __future__ import annotations

import subprocess
from pathlib import Path

from trainer.store import load_guide
from trainer.ui.app import MainWindow


def ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def voice_memo(path: Path, seconds: float) -> Path:
    """A phone voice memo: 1 s of near silence, `seconds` of syllable-like bursts, 1 s of near silence, as AAC."""
    graph = (
        f"anoisesrc=d={seconds + 2}:c=pink:a=0.2:seed=3,"
        f"volume='if(between(t,1,{1 + seconds}),if(lt(mod(t,0.4),0.25),1,0.03),0.002)':eval=frame"
    )
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i", graph, "-ac", "1", "-c:a", "aac", str(path)], check=True)
    return path


def test_a_chosen_file_becomes_the_step_voice_undoably(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(library)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.show()
    assert window.open_guide(library / "dang-ky-vssid")
    editor, doc = window.editor, window.doc
    editor.select_step(1)
    panel = editor.step_form.narration
    assert panel.record_button.text() == "Record" and not panel.play_button.isEnabled()
    panel._store(voice_memo(tmp_path / "memo.m4a", 12.0))
    qtbot.waitUntil(lambda: doc.guide.steps[1].narration is not None, timeout=60_000)
    assert doc.guide.steps[1].narration == "audio/02.m4a"
    assert (library / "dang-ky-vssid" / "audio" / "02.m4a").is_file()
    assert panel.record_button.text() == "Record again" and panel.play_button.isEnabled()
    # The step list marks the step with a voice and its length; the others have none.
    rows = [editor.step_list.item(r).text() for r in range(editor.step_list.count())]
    assert "♪" in rows[1] and ("12 s" in rows[1] or "13 s" in rows[1]), rows[1]
    assert all("♪" not in row for i, row in enumerate(rows) if i != 1)
    # The step lasts as long as its narration in a clip, even when its duration is set shorter.
    editor.step_form.duration.setValue(3)
    assert "follows the narration" in editor.step_form.clip_time.text()
    shown = float(editor.step_form.clip_time.text().split(":")[1].split()[0])
    assert shown >= 12 + 1, editor.step_form.clip_time.text()
    # Saved as `narration:` in guide.md; undo takes the voice away again.
    window.save()
    assert load_guide(library / "dang-ky-vssid").steps[1].narration == "audio/02.m4a"
    while doc.guide.steps[1].narration is not None and doc.stack.canUndo():
        doc.stack.undo()
    assert doc.guide.steps[1].narration is None
    rows = [editor.step_list.item(r).text() for r in range(editor.step_list.count())]
    assert "♪" not in rows[1]


def test_an_unreadable_file_is_one_plain_message(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(library)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.show()
    assert window.open_guide(library / "dang-ky-vssid")
    panel = window.editor.step_form.narration
    bad = tmp_path / "not-sound.mp3"
    bad.write_bytes(b"this is not sound" * 200)
    panel._store(bad)
    qtbot.waitUntil(lambda: panel.message.isVisible(), timeout=60_000)
    assert panel.message.text().startswith("This file cannot be read as sound")
    assert window.doc.guide.steps[window.editor.current].narration is None
