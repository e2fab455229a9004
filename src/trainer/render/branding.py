"""A department's branding (name, hotlines, website, logo, colours, footer) kept as a theme file in the library.

A branding is a theme: one of the built-in themes (normal, large print, black-and-white) with the
department's words, logo and two colours put in. It is saved as `<library>/themes/<name>.toml` with
its logo beside it, so it travels with the library and every output and `trainer check` can use it.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QImageReader

from trainer.render.theme import COLOR_KEYS, SIZE_KEYS, TEXT_PAIRS, contrast, parse_theme
from trainer.store.atomic import atomic_write_bytes
from trainer.store.library_file import BRANDING_FOLDER
from trainer.store.problems import say

MIN_CONTRAST = 4.5  # WCAG AA, what the built-in themes meet
LARGE_PRINT_CONTRAST = 7.0  # what the large-print theme meets, for older readers
LOGO_MIN_SIDE = 120  # pixels: smaller logos print blurred
LOGO_MAX_SIDE = 4000
LOGO_MAX_BYTES = 5_000_000
LOGO_PIXELS = 600  # an SVG logo is drawn this tall into the PNG kept beside the theme


@dataclass
class Branding:
    """What a department sets about itself; `base` is the built-in theme it starts from."""

    department: str = ""
    short_name: str = ""
    hotlines: list[str] = field(default_factory=list)
    website: str = ""
    footer: str = ""
    logo: Path | None = None
    primary: str = "#0b4a8b"
    accent: str = "#c8102e"
    base: str = "default"

    @property
    def hotline(self) -> str:
        """The hotlines as one line, as outputs print them."""
        return " – ".join(h.strip() for h in self.hotlines if h.strip())


def file_stem(branding: Branding) -> str:
    """The theme file's name: the short name (or department) without accents, e.g. 'so-khcn-lao-cai'."""
    text = branding.short_name or branding.department or "don-vi"
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40] or "don-vi"


def _base_data(base: str) -> dict:  # type: ignore[type-arg]
    text = (resources.files("trainer") / "resources" / "themes" / f"{base}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def minimum_contrast(base: str) -> float:
    """The contrast every text colour pair must reach on a branding built on `base`."""
    return LARGE_PRINT_CONTRAST if base == "large-print" else MIN_CONTRAST


def colours(branding: Branding) -> dict[str, str]:
    """The base theme's colours with the department's primary and accent put in."""
    result = {k: str(v).lower() for k, v in _base_data(branding.base)["colors"].items()}
    if branding.base != "grayscale":  # black-and-white printing keeps its grays
        result["primary"], result["accent"] = branding.primary.lower(), branding.accent.lower()
    return result


def weak_pairs(branding: Branding) -> list[tuple[str, str, float]]:
    """(text colour, background, ratio) for every pair below the base theme's contrast rule."""
    colors = colours(branding)
    need = minimum_contrast(branding.base)
    return [
        (fg, bg, round(contrast(colors[fg], colors[bg]), 2)) for fg, bg in TEXT_PAIRS if contrast(colors[fg], colors[bg]) < need
    ]


def logo_problems(path: Path) -> tuple[list[str], list[str]]:
    """(errors, warnings) about a logo file: readable PNG/JPEG/SVG, size, and a transparent background."""
    errors: list[str] = []
    warnings: list[str] = []
    if not path.is_file():
        return [say("không tìm thấy tệp logo '{p}'", "logo file '{p}' not found", p=path.name)], []
    if path.stat().st_size > LOGO_MAX_BYTES:
        errors.append(say("tệp logo lớn quá 5 MB", "the logo file is over 5 MB"))
        return errors, warnings
    reader = QImageReader(str(path))
    if path.suffix.lower() not in (".png", ".svg", ".jpg", ".jpeg") or not reader.canRead():
        return [
            say("'{p}' không phải ảnh PNG, JPEG hay SVG đọc được", "'{p}' is not a readable PNG, JPEG or SVG", p=path.name)
        ], []
    if path.suffix.lower() == ".svg":
        return errors, warnings  # drawn to size; its background is what the drawing has
    size = reader.size()
    if min(size.width(), size.height()) < LOGO_MIN_SIDE:
        errors.append(
            say(
                "logo nhỏ quá ({w}x{h} điểm ảnh): cần ít nhất {n} điểm ảnh mỗi chiều để in rõ",
                "the logo is too small ({w}x{h} pixels): at least {n} pixels each way print sharply",
                w=size.width(),
                h=size.height(),
                n=LOGO_MIN_SIDE,
            )
        )
    if max(size.width(), size.height()) > LOGO_MAX_SIDE:
        errors.append(
            say(
                "logo lớn quá: tối đa {n} điểm ảnh mỗi chiều",
                "the logo is too large: at most {n} pixels each way",
                n=LOGO_MAX_SIDE,
            )
        )
    image = reader.read()
    if not image.isNull() and not _transparent_corners(image):
        warnings.append(
            say(
                "logo không có nền trong suốt: sẽ hiện thành ô nền trên dải màu tiêu đề",
                "the logo has no transparent background: it will show as a box on the header band",
            )
        )
    return errors, warnings


def _transparent_corners(image: QImage) -> bool:
    if not image.hasAlphaChannel():
        return False
    w, h = image.width() - 1, image.height() - 1
    return all(image.pixelColor(x, y).alpha() < 32 for x, y in ((0, 0), (w, 0), (0, h), (w, h)))


def _logo_png(path: Path) -> bytes:
    """PNG bytes of a logo: a PNG as it is, a JPEG converted, an SVG drawn LOGO_PIXELS tall on transparency."""
    from PySide6.QtCore import QBuffer, QIODevice

    if path.suffix.lower() == ".png":
        return path.read_bytes()
    reader = QImageReader(str(path))
    if path.suffix.lower() == ".svg":
        size = reader.size()
        reader.setScaledSize(size.scaled(LOGO_PIXELS * 8, LOGO_PIXELS, Qt.AspectRatioMode.KeepAspectRatio))
        reader.setBackgroundColor(Qt.GlobalColor.transparent)
    image = reader.read().convertToFormat(QImage.Format.Format_ARGB32)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def theme_text(branding: Branding, logo_name: str = "") -> str:
    """The branding as theme TOML, the base theme's sizes and colours with the department's put in."""
    base = _base_data(branding.base)
    name = file_stem(branding)
    label = branding.short_name or branding.department or name
    lines = [
        "# A department's branding, made in Trainer's “Đơn vị” window (docs/themes.md explains every key).",
        f"name = {json.dumps(name)}",
        f"label = {json.dumps(label, ensure_ascii=False)}",
        f"department = {json.dumps(branding.department.strip(), ensure_ascii=False)}",
        f"short_name = {json.dumps(branding.short_name.strip(), ensure_ascii=False)}",
        f"hotline = {json.dumps(branding.hotline, ensure_ascii=False)}",
        f"website = {json.dumps(branding.website.strip(), ensure_ascii=False)}",
        f"footer = {json.dumps(branding.footer.strip(), ensure_ascii=False)}",
        f"logo = {json.dumps(logo_name, ensure_ascii=False)}",
        f"font_scale = {float(base.get('font_scale', 1.0))}",
        f"grayscale = {'true' if base.get('grayscale') else 'false'}",
        "# built on the theme:",
        f"base = {json.dumps(branding.base)}",
        "",
        "[colors]",
    ]
    colors = colours(branding)
    lines += [f'{key} = "{colors[key]}"' for key in COLOR_KEYS]
    lines += ["", "[sizes]"]
    lines += [f"{key} = {base['sizes'][key]}" for key in SIZE_KEYS]
    return "\n".join(lines) + "\n"


def save_branding(library: Path, branding: Branding) -> Path:
    """Write the branding (and its logo as PNG) into `<library>/themes/`; return the theme file's path.

    The theme text is checked by the same parser every output uses before anything is written.
    """
    folder = Path(library) / BRANDING_FOLDER
    stem = file_stem(branding)
    logo_name = f"{stem}-logo.png" if branding.logo else ""
    text = theme_text(branding, logo_name)
    logo_bytes = _logo_png(branding.logo) if branding.logo else b""
    folder.mkdir(parents=True, exist_ok=True)
    if logo_bytes:
        atomic_write_bytes(folder / logo_name, logo_bytes)
    target = folder / f"{stem}.toml"
    parse_theme(text, str(target), folder)  # ThemeError (one plain line) before the file is replaced
    atomic_write_bytes(target, text.encode("utf-8"))
    return target


def load_branding(theme_file: Path) -> Branding:
    """A branding back from its theme file, for editing."""
    data = tomllib.loads(Path(theme_file).read_text(encoding="utf-8"))
    hotlines = [h.strip() for h in re.split(r"\s+–\s+", str(data.get("hotline", ""))) if h.strip()]
    logo = Path(theme_file).parent / str(data["logo"]) if data.get("logo") else None
    colors = data.get("colors", {})
    return Branding(
        department=str(data.get("department", "")),
        short_name=str(data.get("short_name", "")),
        hotlines=hotlines,
        website=str(data.get("website", "")),
        footer=str(data.get("footer", "")),
        logo=logo,
        primary=str(colors.get("primary", "#0b4a8b")),
        accent=str(colors.get("accent", "#c8102e")),
        base=str(data.get("base", "default")),
    )


def library_brandings(library: Path) -> list[Path]:
    """The branding theme files of a library, by name."""
    folder = Path(library) / BRANDING_FOLDER
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []
