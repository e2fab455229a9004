"""Qt start-up for painting, and the bundled Vietnamese font: registered, complete, never a silent fallback."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QGuiApplication

from trainer.render import fonts
from trainer.render.fonts import FAMILY, FontError, ensure_fonts, font
from trainer.render.gui import ensure_gui
from trainer.render.theme import load_theme

# Every Vietnamese letter with its tone and vowel marks (lower and upper case).
VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"


@pytest.fixture(autouse=True)
def gui(qapp: QGuiApplication) -> None:
    ensure_gui()


def test_ensure_gui_returns_the_running_app_and_registers_the_font(qapp: QGuiApplication) -> None:
    assert ensure_gui() is qapp
    assert ensure_fonts() == FAMILY
    assert QFontInfo(font(load_theme("default"), "body")).family() == FAMILY


def test_bundled_font_covers_every_vietnamese_letter() -> None:
    for weight, italic in ((QFont.Weight.Normal, False), (QFont.Weight.Bold, False), (QFont.Weight.Normal, True)):
        metrics = QFontMetricsF(fonts.make_font(40, weight, italic))
        missing = [ch for ch in VIETNAMESE + VIETNAMESE.upper() if not metrics.inFontUcs4(ord(ch))]
        assert missing == [], f"weight {weight} italic {italic} lacks {missing}"


def test_font_roles_follow_the_theme_sizes() -> None:
    theme = load_theme("default")
    assert font(theme, "body").pixelSize() == round(theme.size("body"))
    assert font(theme, "title", 2.0).pixelSize() == round(theme.size("title") * 2)
    assert font(theme, "title").weight() == QFont.Weight.Bold
    with pytest.raises(KeyError, match="roles"):
        font(theme, "nonsense")


def test_a_missing_bundled_font_is_an_error_not_a_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_registered", None)
    monkeypatch.setattr(fonts, "FONT_FILES", ("BeVietnamPro-Regular.ttf", "BeVietnamPro-Missing.ttf"))
    with pytest.raises(FontError, match="BeVietnamPro-Missing.ttf"):
        ensure_fonts()


def test_qt_void_calls_keep_none_alive() -> None:
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None per void call and killed the process."""
    if sys.version_info >= (3, 12):
        pytest.skip("None is immortal from Python 3.12 on")
    probe = QFont()
    before = sys.getrefcount(None)
    for _ in range(500):
        probe.setPixelSize(12)
    assert sys.getrefcount(None) - before > -50
