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
    qtbot.waitUntil(lambda: not dialog.running() and dialog.export_button.isEnabled(), timeout=60_000)
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
