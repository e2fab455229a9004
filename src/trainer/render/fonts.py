"""The bundled fonts: Be Vietnam Pro for every role, registered once, never a silent fallback; and
Liberation Sans, Arial's metric twin, for measuring text that Office will show in Arial."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

if TYPE_CHECKING:
    from trainer.render.theme import Theme

FAMILY = "Be Vietnam Pro"
FONT_FILES = (
    "BeVietnamPro-Regular.ttf",
    "BeVietnamPro-Italic.ttf",
    "BeVietnamPro-SemiBold.ttf",
    "BeVietnamPro-Bold.ttf",
    "BeVietnamPro-BoldItalic.ttf",
)
# role -> (weight, italic). Sizes come from the theme.
ROLES: dict[str, tuple[QFont.Weight, bool]] = {
    "title": (QFont.Weight.Bold, False),
    "heading": (QFont.Weight.Bold, False),
    "body": (QFont.Weight.Normal, False),
    "strong": (QFont.Weight.DemiBold, False),
    "caption": (QFont.Weight.Normal, False),
    "small": (QFont.Weight.Normal, False),
    "number": (QFont.Weight.Bold, False),
}

# Arial's metric-compatible twin (same advance widths for every glyph, SIL OFL, resources/fonts/
# LiberationSans-OFL.txt). Files written for Office name Arial; measuring them with this font gives the
# same line breaks on every machine, whatever fonts it has installed (or none).
ARIAL_TWIN = "Liberation Sans"
ARIAL_TWIN_FILES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf")

_registered: str | None = None
_twin_registered = False


class FontError(RuntimeError):
    """The bundled font could not be registered; painting would otherwise use a system font."""


def ensure_fonts() -> str:
    """Register the bundled Be Vietnam Pro faces with Qt (once) and return the family name."""
    global _registered
    if _registered:
        return _registered
    if QGuiApplication.instance() is None:
        from trainer.render.gui import ensure_gui  # starts Qt, which calls back here

        ensure_gui()
        assert _registered
        return _registered
    _register(FAMILY, FONT_FILES)
    probe = QFont([FAMILY])
    if QFontInfo(probe).family() != FAMILY:
        raise FontError(f"Qt resolves '{FAMILY}' to '{QFontInfo(probe).family()}' after registering the bundled font")
    _registered = FAMILY
    return FAMILY


def _register(family: str, files: tuple[str, ...]) -> None:
    """Add the bundled font files to Qt's database; FontError when one is missing or is not `family`."""
    folder = resources.files("trainer") / "resources" / "fonts"
    for name in files:
        try:
            data = (folder / name).read_bytes()
        except OSError as exc:
            raise FontError(f"bundled font {name} is missing from the package ({exc.strerror or exc})") from None
        font_id = QFontDatabase.addApplicationFontFromData(data)
        if font_id < 0 or family not in QFontDatabase.applicationFontFamilies(font_id):
            raise FontError(f"bundled font {name} could not be registered with Qt")


def measuring_family(family: str) -> str:
    """The family to measure `family` with: the bundled twin for Arial, otherwise `family` itself.

    A theme may name its own licensed office font; that one can only be measured where it is installed.
    """
    global _twin_registered
    if family.casefold() != "arial":
        return family
    ensure_fonts()  # starts Qt when nothing has
    if not _twin_registered:
        _register(ARIAL_TWIN, ARIAL_TWIN_FILES)
        _twin_registered = True
    return ARIAL_TWIN


def make_font(pixel_size: float, weight: QFont.Weight = QFont.Weight.Normal, italic: bool = False) -> QFont:
    """A Be Vietnam Pro font of `pixel_size` device units; hinting off so layout scales linearly."""
    family = ensure_fonts()
    font = QFont([family])
    font.setPixelSize(max(1, round(pixel_size)))
    font.setWeight(weight)
    font.setItalic(italic)
    # Unhinted metrics are the same on screen, in PNGs and in PDFs, so a measured fit holds everywhere.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    return font


def font(theme: Theme, role: str, scale: float = 1.0) -> QFont:
    """The font for a role (title, heading, body, strong, caption, small, number) at `scale` x the theme size."""
    if role not in ROLES:
        raise KeyError(f"unknown font role '{role}'; roles: {', '.join(ROLES)}")
    weight, italic = ROLES[role]
    return make_font(theme.size(role) * scale, weight, italic)
