"""Publishing, checking and receiving kits from the app: the same code as trainer publish/verify/import."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from trainer.library import scan
from trainer.publish import verify
from trainer.ui.kit_dialogs import VerifyKitsDialog, receive_kit
from trainer.ui.publish_dialog import PublishDialog

PUBLISH_TESTS = Path(__file__).resolve().parents[1] / "publish"
SLUGS = ["dang-ky-vssid", "lua-dao-otp"]


def publish_dialog(qtbot, library: Path, out: Path, fmts: tuple[str, ...]) -> PublishDialog:  # type: ignore[no-untyped-def]
    entries, _ = scan(library)
    dialog = PublishDialog(library, entries)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(out))
    for name, box in dialog.format_boxes.items():
        box.setChecked(name in fmts)
    return dialog


def published(qtbot, library: Path, out: Path) -> PublishDialog:  # type: ignore[no-untyped-def]
    dialog = publish_dialog(qtbot, library, out, ("html",))
    assert sorted(dialog.chosen_slugs()) == SLUGS  # the whole library by default
    dialog.start(jobs=2)
    qtbot.waitUntil(lambda: not dialog.running() and dialog.publish_button.isEnabled(), timeout=180_000)
    return dialog


def test_publish_two_guides_with_progress_per_guide(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "kits"
    dialog = published(qtbot, library, out)
    assert dialog.summary is not None and dialog.summary.ok, dialog.report.toPlainText()
    assert dialog.summary.kits_built == 2
    for slug in SLUGS:
        assert verify(out / f"{slug}.zip").ok
        row = dialog.rows[slug]
        assert dialog.table.cellWidget(row, 1).value() == 1000  # type: ignore[union-attr]
        assert dialog.table.item(row, 2).text() == f"Done: {slug}.zip"
    assert "2 kit(s) written" in dialog.report.toPlainText()


def test_only_the_ticked_guide_is_published(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "kits"
    entries, _ = scan(library)
    dialog = PublishDialog(library, entries, [library / "lua-dao-otp"])
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(out))
    for name, box in dialog.format_boxes.items():
        box.setChecked(name == "html")
    assert dialog.chosen_slugs() == ["lua-dao-otp"]
    dialog.start(jobs=1)
    qtbot.waitUntil(lambda: not dialog.running() and dialog.publish_button.isEnabled(), timeout=180_000)
    assert (out / "lua-dao-otp.zip").is_file() and not (out / "dang-ky-vssid").exists()


@pytest.mark.slow
def test_stop_abandons_the_running_export(qtbot, library: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trainer.exporters import BUILTIN

    monkeypatch.syspath_prepend(str(PUBLISH_TESTS))  # the worker processes import the slow exporter from there
    monkeypatch.setitem(BUILTIN, "slow", "sample_exporters:SlowExporter")
    out = tmp_path / "kits"
    dialog = publish_dialog(qtbot, library, out, ("html", "slow"))
    assert "slow" in dialog.format_boxes
    dialog.start(jobs=2)
    assert dialog.stop_button.isEnabled() and not dialog.close_button.isEnabled()
    results = lambda: [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]  # noqa: E731
    qtbot.waitUntil(lambda: any(t.startswith("Making slow") for t in results()), timeout=120_000)
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: not dialog.running() and dialog.publish_button.isEnabled(), timeout=120_000)
    assert dialog.summary is not None and dialog.summary.stopped
    assert "Stopped" in results() and "unfinished files were not kept" in dialog.report.toPlainText()
    assert not list(out.rglob("*-slow.txt")) and not list(out.glob("*.zip"))


def test_check_a_good_and_a_damaged_kit(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "kits"
    published(qtbot, library, out)
    received = tmp_path / "received"
    received.mkdir()
    shutil.copy(out / "dang-ky-vssid.zip", received)
    shutil.copytree(out / "lua-dao-otp", received / "lua-dao-otp")
    page = received / "lua-dao-otp" / "lua-dao-otp-html.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<script>alert(1)</script></body>"))

    dialog = VerifyKitsDialog(received)
    qtbot.addWidget(dialog)
    dialog.check()
    assert dialog.results[received / "dang-ky-vssid.zip"] == []
    damaged = dialog.results[received / "lua-dao-otp"]
    assert len(damaged) == 1 and "lua-dao-otp-html.html" in damaged[0]
    assert dialog.verdict.text().startswith("1 of 2 kit(s) are damaged")
    log = dialog.log.toPlainText()
    assert "✔ dang-ky-vssid.zip: complete and intact" in log and "✖" in log

    dialog.path.setText(str(out / "dang-ky-vssid.zip"))
    dialog.check()
    assert dialog.verdict.text() == "All 1 kit(s) are complete and intact."


def test_receive_a_kit_and_choose_about_a_newer_local_copy(qtbot, library: Path, tmp_path: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    out = tmp_path / "kits"
    published(qtbot, library, out)
    other = tmp_path / "other-library"
    other.mkdir()
    parent = QWidget()
    qtbot.addWidget(parent)
    result = receive_kit(parent, other, out / "dang-ky-vssid.zip")
    assert result is not None and result.action == "added"
    assert (other / "dang-ky-vssid" / "guide.md").read_bytes() == (library / "dang-ky-vssid" / "guide.md").read_bytes()

    # The local copy moves on (a newer version); the same kit arrives again.
    guide_file = other / "dang-ky-vssid" / "guide.md"
    edited = guide_file.read_text(encoding="utf-8").replace("version: '1.0'", "version: '2.0'")
    assert edited != guide_file.read_text(encoding="utf-8")
    guide_file.write_text(edited, encoding="utf-8")
    dialogs.queue("Keep mine")
    assert receive_kit(parent, other, out / "dang-ky-vssid.zip") is None
    assert "version 2.0" in dialogs.seen[-1] and guide_file.read_text(encoding="utf-8") == edited
    dialogs.queue("Replace with the kit's")
    result = receive_kit(parent, other, out / "dang-ky-vssid.zip")
    assert result is not None and result.action == "replaced"
    assert guide_file.read_bytes() == (library / "dang-ky-vssid" / "guide.md").read_bytes()

    # A damaged kit is refused with the reason, and the library is left alone.
    broken = tmp_path / "broken.zip"
    broken.write_bytes((out / "lua-dao-otp.zip").read_bytes()[:-200])
    dialogs.queue(None)
    assert receive_kit(parent, other, broken) is None
    assert "refused" in dialogs.seen[-1] and not (other / "lua-dao-otp").exists()
