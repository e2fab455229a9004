"""The export dialog runs real exporters in a worker thread with progress, cancel and plain errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.exporters import formats
from trainer.store import load_guide
from trainer.ui.export_dialog import ExportDialog, ExportJob, ExportWorker


@pytest.fixture
def guide(library: Path):  # type: ignore[no-untyped-def]
    if "html" not in formats():
        pytest.skip("the html exporter is not registered")
    return load_guide(library / "dang-ky-vssid")


def test_export_with_progress(qtbot, guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(guide, tmp_path / "out", open_folder=False)
    qtbot.addWidget(dialog)
    names = [b.name for b in dialog.boxes]
    assert "html" in names  # the form is built from the registry, not a fixed list
    dialog.select("html")
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.export_button.click()
    assert dialog.cancel_button.isEnabled() and not dialog.export_button.isEnabled()
    # Generous: the export worker first reads every image for personal data (engines load, then seconds per new image).
    qtbot.waitUntil(lambda: not dialog.running() and dialog.export_button.isEnabled(), timeout=300_000)
    assert dialog.errors == [] and not dialog.cancelled
    assert [p.name for p in dialog.written] == ["dang-ky-vssid-html.html"]
    page = (tmp_path / "out" / "dang-ky-vssid-html.html").read_text(encoding="utf-8")
    assert "Đăng ký VssID" in page
    assert seen[-1] == 1000 and len(seen) >= 2 and seen == sorted(seen)
    assert "dang-ky-vssid-html.html" in dialog.log.toPlainText()


def test_cancel_leaves_no_file(qtbot, guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from trainer.exporters import get_exporter

    worker = ExportWorker(guide, tmp_path / "out", [ExportJob("html", get_exporter("html").Options())])
    results: list[tuple[list, bool]] = []
    worker.finished.connect(lambda written, cancelled: results.append((written, cancelled)))
    worker.cancel_event.set()  # the person pressed Stop before the first progress report
    worker.run()
    assert results == [([], True)]
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_unusable_folder_is_said_plainly(qtbot, guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    dialog = ExportDialog(guide, blocker / "out", open_folder=False)
    qtbot.addWidget(dialog)
    dialog.select("html")
    dialog.start()
    assert not dialog.running() and dialog.errors
    assert "Cannot use the folder" in dialog.log.toPlainText() and str(blocker / "out") in dialog.log.toPlainText()


def test_guide_errors_block_the_export(qtbot, guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    guide.steps[0].image = "images/missing.png"
    dialog = ExportDialog(guide, tmp_path / "out", open_folder=False)
    qtbot.addWidget(dialog)
    dialog.select("html")
    dialog.start()
    assert not dialog.running() and "Fix these first" in dialog.log.toPlainText() and "missing.png" in dialog.log.toPlainText()
    assert not (tmp_path / "out").exists()


def test_clip_scenes_are_kept_in_the_user_cache_not_asked_for(qtbot, guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(guide, tmp_path / "out", open_folder=False)
    qtbot.addWidget(dialog)
    for box in dialog.boxes:
        assert "cache_dir" not in box.fields, "where work is kept is not a question for the person exporting"
        kept = Path(box.job("default").options.cache_dir)  # type: ignore[attr-defined]
        assert kept.is_relative_to(tmp_path / "xdg-cache"), kept  # the per-user cache folder (XDG_CACHE_HOME here)


def test_every_format_shows_without_scrolling_in_vietnamese(qtbot, guide, qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trainer.store.problems import set_language
    from trainer.ui import app as app_module

    translators = app_module.install_translator(qapp, "vi")
    set_language("vi")
    try:
        dialog = ExportDialog(guide, None, open_folder=False)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        # Inside a 1366x768 screen less a taskbar and a title bar.
        assert dialog.width() <= 1366 and dialog.height() <= 768 - 40 - 30
        assert dialog.scroll.verticalScrollBar().maximum() == 0 and dialog.scroll.horizontalScrollBar().maximum() == 0
        clip = next(b for b in dialog.boxes if b.name == "clip")
        assert clip.title() == "Video (MP4)"
        presets = [clip.preset.itemText(i) for i in range(clip.preset.count())]
        assert presets[0] == "Tất cả cỡ" and any("Zalo" in p for p in presets) and "share" not in presets
        assert [clip.preset.itemData(i) for i in range(1, clip.preset.count())] == list(clip.exporter.presets)
        assert "Mặc định" in dialog.theme.currentText() and dialog.theme_name() == "default"
    finally:
        set_language(None)
        for t in translators:
            qapp.removeTranslator(t)


def test_default_folder_is_trainer_in_documents(qtbot, guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QStandardPaths

    dialog = ExportDialog(guide, None, open_folder=False)
    qtbot.addWidget(dialog)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(dialog.folder.text()) == Path(documents) / "Trainer"
    dialog.folder.setText("lop-xa-a")  # a bare name typed by hand lands in Documents/Trainer, not the working folder
    dialog.folder.editingFinished.emit()
    assert Path(dialog.folder.text()) == Path(documents) / "Trainer" / "lop-xa-a"


def test_choices_are_remembered_per_library(qtbot, guide, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    music = tmp_path / "nhac.mp3"
    dialog = ExportDialog(guide, None, "default", open_folder=False, library=library)
    qtbot.addWidget(dialog)
    dialog.select("html", "clip")
    clip = next(b for b in dialog.boxes if b.name == "clip")
    clip.preset.setCurrentIndex(clip.preset.findData("lite"))
    clip.fields["draft_voice"].setChecked(True)  # type: ignore[attr-defined]
    clip.fields["music"].setText(str(music))  # type: ignore[attr-defined]
    dialog.set_theme("large-print")
    dialog.folder.setText(str(tmp_path / "ra"))
    dialog.close()

    again = ExportDialog(guide, None, "default", open_folder=False, library=library)
    qtbot.addWidget(again)
    assert sorted(b.name for b in again.boxes if b.isChecked()) == ["clip", "html"]
    clip = next(b for b in again.boxes if b.name == "clip")
    assert clip.preset.currentData() == "lite" and clip.fields["draft_voice"].isChecked()  # type: ignore[attr-defined]
    assert clip.fields["music"].text() == str(music)  # type: ignore[attr-defined]
    assert again.theme_name() == "large-print" and again.folder.text() == str(tmp_path / "ra")
    job = clip.job(again.theme_name())
    assert job.options.music == str(music) and job.options.preset == "lite"  # type: ignore[attr-defined]

    other = ExportDialog(guide, None, "default", open_folder=False, library=tmp_path / "another-library")
    qtbot.addWidget(other)
    assert not any(b.isChecked() for b in other.boxes) and other.theme_name() == "default"


def test_music_browse_button_fills_the_path(qtbot, guide, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    chosen = tmp_path / "nhac nen.mp3"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen), ""))
    dialog = ExportDialog(guide, None, open_folder=False)
    qtbot.addWidget(dialog)
    dialog.select("clip")
    music = next(b for b in dialog.boxes if b.name == "clip").fields["music"]
    music.browse.click()  # type: ignore[attr-defined]
    assert music.text() == str(chosen)  # type: ignore[attr-defined]


def test_a_folder_that_cannot_be_written_is_one_translated_line(qtbot, guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess

    from trainer.exporters import get_exporter
    from trainer.store.problems import set_language

    out = tmp_path / "Thư mục chỉ đọc"
    out.mkdir()
    if os.geteuid() == 0:  # root ignores permission bits; the immutable flag stops it
        if subprocess.run(["chattr", "+i", str(out)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not available")
    else:
        out.chmod(0o555)
    set_language("vi")
    try:
        worker = ExportWorker(guide, out, [ExportJob("html", get_exporter("html").Options())])
        failures: list[str] = []
        worker.failed.connect(failures.append)
        worker.run()
    finally:
        set_language(None)
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(out)], check=True)
        else:
            out.chmod(0o755)
    assert failures == [
        f"html: {out / 'dang-ky-vssid-html.html'}: không được phép ghi vào đây (thư mục chỉ đọc hoặc không có quyền);"
        " hãy chọn thư mục khác"
    ]
    assert list(out.iterdir()) == []
