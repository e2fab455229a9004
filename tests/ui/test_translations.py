"""Vietnamese is the default UI language; English stays available; the shipped .qm matches the .ts."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from trainer.ui import app as app_module

TS = Path(app_module.__file__).resolve().parents[1] / "resources" / "translations" / "trainer_vi.ts"


def test_every_ui_string_has_a_finished_vietnamese_translation() -> None:
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) > 200
    unfinished = [
        m.find("source").text
        for m in messages
        if m.find("translation").get("type") == "unfinished" or not m.find("translation").text
    ]
    assert unfinished == []


def test_vietnamese_is_the_default_and_english_is_selectable(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("TRAINER_LANG", raising=False)
    assert app_module.ui_language() == "vi"
    translators = app_module.install_translator(qapp, "vi")
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&Tệp"
        assert QCoreApplication.translate("LibraryView", "Search guides (accents not needed, e.g. dang ky vssid)").startswith(
            "Tìm hướng dẫn"
        )
        window = app_module.MainWindow(Path("."))
        assert [a.text() for a in window.menuBar().actions()][:2] == ["&Tệp", "&Sửa"]
        window.deleteLater()
        # Qt has no Vietnamese for its own buttons; ours covers them, so message boxes are Vietnamese too.
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "",
            "",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        assert sorted(b.text() for b in box.buttons()) == sorted(["Lưu", "Không lưu", "Hủy"])
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    QSettings().setValue("language", "en")
    assert app_module.ui_language() == "en" and app_module.install_translator(qapp, "en") == []


def test_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    # lrelease ships inside the PySide6 wheel: whatever environment runs the tests has it, so never skip.
    import PySide6

    names = ("lrelease", "lrelease.exe")
    found = [Path(PySide6.__file__).parent / n for n in names] + [Path(sys.executable).parent / f"pyside6-{n}" for n in names]
    lrelease = next((p for p in found if p.is_file()), None)
    assert lrelease is not None, f"no lrelease in the PySide6 wheel: looked for {[str(p) for p in found]}"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    shipped = resources.files("trainer").joinpath("resources/translations/trainer_vi.qm").read_bytes()
    assert fresh.read_bytes() == shipped
