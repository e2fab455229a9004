"""Trainer's icon: on every window (taskbar, Alt+Tab), and in the .ico that Trainer.exe, its shortcuts and
the installer carry (packaging/trainer.spec, packaging/windows/trainer.iss; Windows shows it only there:
verified by recipe, see docs/install.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageChops
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
ICO = ROOT / "src" / "trainer" / "resources" / "icons" / "trainer.ico"
# What Windows asks an .ico for: Explorer lists (16, 20, 24), the taskbar (24, 32, 40), tiles and large
# icons (48, 64, 256); a size missing is scaled from another and blurs.
WINDOWS_SIZES = {16, 20, 24, 32, 40, 48, 64, 256}


def is_blue(color: QColor) -> bool:
    return color.blue() > 110 and color.red() < 60 and color.alpha() == 255


def is_red(color: QColor) -> bool:
    return color.red() > 150 and color.green() < 80 and color.blue() < 90 and color.alpha() == 255


def test_every_window_shows_the_app_icon_sharp_at_each_size(qapp: QApplication, tmp_path: Path) -> None:
    from trainer.ui.app import MainWindow

    icon = qapp.windowIcon()
    assert not icon.isNull()
    assert WINDOWS_SIZES <= {s.width() for s in icon.availableSizes()}
    window = MainWindow(tmp_path)
    try:
        assert window.windowIcon().cacheKey() == icon.cacheKey()
    finally:
        window.close()
    # The picture is ours, not a toolkit default: the department's blue round a white phone; the red
    # step dot in the middle of the smallest sizes (their own drawing, not the 256-px one scaled).
    small = icon.pixmap(16, 16).toImage()
    assert small.width() == 16
    assert is_red(small.pixelColor(8, 7)) and is_blue(small.pixelColor(1, 8))
    large = icon.pixmap(256, 256).toImage()
    assert is_blue(large.pixelColor(30, 128)) and large.pixelColor(128, 20).alpha() == 255
    assert large.pixelColor(2, 2).alpha() == 0  # rounded corners


def test_the_ico_is_what_tools_make_icon_draws() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from make_icon import SIZES, draw
    finally:
        sys.path.pop(0)
    with Image.open(ICO) as ico:
        assert WINDOWS_SIZES <= {w for w, _ in ico.info["sizes"]} == set(SIZES)
    for size in SIZES:
        with Image.open(ICO) as ico:
            ico.size = (size, size)
            stored = ico.convert("RGBA")
        worst = max(high for _, high in ImageChops.difference(stored, draw(size)).getextrema())
        assert worst <= 2, f"{size} px differs from tools/make_icon.py by {worst}: run it again"


def test_trainer_exe_and_the_setup_program_carry_the_icon() -> None:
    spec = (ROOT / "packaging" / "trainer.spec").read_text(encoding="utf-8")
    assert 'ICON = os.path.join(ROOT, "src", "trainer", "resources", "icons", "trainer.ico")' in spec
    assert "icon=ICON if WINDOWS else None" in spec
    script = (ROOT / "packaging" / "windows" / "trainer.iss").read_text(encoding="utf-8-sig")
    line = next(x for x in script.splitlines() if x.startswith("SetupIconFile="))
    named = (ROOT / "packaging" / "windows" / Path(*line.split("=", 1)[1].split("\\"))).resolve()
    assert named == ICO and ICO.is_file()
