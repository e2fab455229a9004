"""Themes: colours, footer text, logo and font sizes, read from TOML files an editor can copy and change.

Built-in themes live in `trainer/resources/themes/<name>.toml`; `load_theme` also takes the path of
a copied file. docs/themes.md explains every key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from trainer.store.media import MediaError, inspect_image
from trainer.store.problems import Problem, language

# Every theme must define every colour: painting code never guesses a missing one.
COLOR_KEYS = (
    "background",  # page / card / frame background
    "surface",  # panels on the background (cover box, step block)
    "text",  # body text
    "muted",  # secondary text: dates, footers, captions
    "primary",  # header band
    "on_primary",  # text on the header band
    "accent",  # step-number badges
    "on_accent",  # the number inside a badge
    "rule",  # thin lines and image borders
    "tip",  # callout label and border
    "tip_fill",
    "warning",
    "warning_fill",
    "caution",
    "caution_fill",
    "mark",  # annotations on screenshots: boxes, arrows, badges, taps
    "on_mark",  # the number inside an annotation badge
    "frame",  # the phone frame's body
    "redact",  # what replaces blurred/redacted pixels
)
# Sizes in design pixels for a 1080-pixel-wide card; multiplied by font_scale and the output's scale.
SIZE_KEYS = ("title", "heading", "body", "strong", "caption", "small", "number")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


class ThemeError(Exception):
    """A theme that cannot be used; str() is one plain line naming the file and the key."""

    def __init__(self, message: str, where: str = "", name: str = "", detail: str = "", line: int = 0, unknown: bool = False):
        super().__init__(message)
        self.where, self.name, self.detail, self.line = where, name, detail, line
        self.unknown = unknown  # no such theme (a usage error), rather than a theme that is broken


@dataclass(frozen=True)
class Theme:
    """A theme as plain data: what every painter needs besides the guide."""

    name: str
    label: str
    colors: dict[str, str]
    sizes: dict[str, float]
    department: str = ""
    hotline: str = ""
    short_name: str = ""  # the department's short name ("Sở KH&CN Lào Cai")
    website: str = ""
    footer: str = ""  # a line of its own for footers; department and hotline when empty
    logo: Path | None = None
    font_scale: float = 1.0
    grayscale: bool = False
    path: Path | None = field(default=None, compare=False)

    def color(self, key: str) -> str:
        """A colour by role as '#rrggbb'."""
        return self.colors[key]

    def size(self, role: str) -> float:
        """A font size in design pixels (font_scale applied)."""
        return self.sizes[role] * self.font_scale


def _builtin_folder():  # type: ignore[no-untyped-def]
    return resources.files("trainer") / "resources" / "themes"


def theme_names() -> list[str]:
    """Names of the built-in themes, default first."""
    names = sorted(p.name[:-5] for p in _builtin_folder().iterdir() if p.name.endswith(".toml"))
    return sorted(names, key=lambda n: (n != "default", n))


def _error(where: str, value: str, detail: str, line: int = 0, unknown: bool = False) -> ThemeError:
    place = f"{where}:{line}" if line else where
    message = f"{place}: {Problem(Path(where), line, 'bad-theme', {'value': value, 'detail': detail}).message()}"
    return ThemeError(message, where, value, detail, line, unknown)


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(rf"^\s*\[?\s*{re.escape(key)}\s*[\]=]")
    for number, line in enumerate(text.split("\n"), start=1):
        if pattern.match(line):
            return number
    return 0


def load_theme(name_or_path: str | Path) -> Theme:
    """A built-in theme by name, or a theme file by path; ThemeError names the file and the bad key."""
    vi = language() == "vi"
    candidate = Path(name_or_path)
    if isinstance(name_or_path, str) and candidate.suffix != ".toml" and "/" not in name_or_path and "\\" not in name_or_path:
        resource = _builtin_folder() / f"{name_or_path}.toml"
        if not resource.is_file():
            known = ", ".join(theme_names())
            detail = f"không có chủ đề này; có: {known}" if vi else f"unknown theme; themes: {known}"
            raise _error(str(name_or_path), str(name_or_path), detail, unknown=True)
        text = resource.read_text(encoding="utf-8")
        where, folder = f"themes/{name_or_path}.toml", None
    else:
        try:
            text = candidate.read_text(encoding="utf-8")
        except FileNotFoundError:
            detail = "không tìm thấy tệp chủ đề" if vi else "unknown theme: no such file"
            raise _error(str(candidate), candidate.stem, detail, unknown=True) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise _error(str(candidate), candidate.stem, str(exc)) from None
        where, folder = str(candidate), candidate.parent
    return parse_theme(text, where, folder)


def parse_theme(text: str, where: str, folder: Path | None = None) -> Theme:
    """Validate theme TOML text; `where` names the file in errors, `folder` resolves the logo."""
    vi = language() == "vi"
    stem = Path(where).stem
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _error(where, stem, str(exc)) from None

    def fail(key: str, vi_detail: str, en_detail: str) -> ThemeError:
        return _error(where, stem, vi_detail if vi else en_detail, _line_of(text, key.split(".")[-1]))

    colors = data.get("colors")
    if not isinstance(colors, dict):
        raise fail("colors", "thiếu bảng [colors]", "missing the [colors] table")
    for key in COLOR_KEYS:
        if key not in colors:
            raise fail("colors", f"thiếu màu '{key}' trong [colors]", f"missing colour '{key}' in [colors]")
        if not isinstance(colors[key], str) or not _HEX.match(colors[key]):
            raise fail(key, f"màu '{key}' phải có dạng #rrggbb", f"colour '{key}' must look like #rrggbb")
    sizes = data.get("sizes")
    if not isinstance(sizes, dict):
        raise fail("sizes", "thiếu bảng [sizes]", "missing the [sizes] table")
    for key in SIZE_KEYS:
        value = sizes.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 8 <= value <= 200:
            raise fail(
                key if key in sizes else "sizes",
                f"cỡ chữ '{key}' phải là số từ 8 đến 200",
                f"size '{key}' must be a number from 8 to 200",
            )
    scale = data.get("font_scale", 1.0)
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not 0.5 <= scale <= 3:
        raise fail("font_scale", "font_scale phải là số từ 0.5 đến 3", "font_scale must be a number from 0.5 to 3")
    for key in ("name", "label", "department", "hotline", "short_name", "website", "footer", "logo"):
        if key in data and not isinstance(data[key], str):
            raise fail(key, f"'{key}' phải là một dòng chữ", f"'{key}' must be a line of text")
    if not isinstance(data.get("grayscale", False), bool):
        raise fail("grayscale", "grayscale phải là true hoặc false", "grayscale must be true or false")
    logo = None
    if data.get("logo"):
        base = folder if folder is not None else Path(str(_builtin_folder()))
        logo = (base / data["logo"]).resolve()
        if not logo.is_file():
            raise fail("logo", f"không tìm thấy logo '{data['logo']}'", f"logo '{data['logo']}' not found")
        try:
            inspect_image(logo)
        except MediaError:
            raise fail(
                "logo",
                f"logo '{data['logo']}' không phải ảnh PNG/JPEG đọc được",
                f"logo '{data['logo']}' is not a readable PNG/JPEG",
            ) from None
    if data.get("website") and not re.match(r"^https?://[^\s/]+\.[^\s]+$", str(data["website"])):
        raise fail("website", "'website' phải bắt đầu bằng 'https://'", "'website' must start with https://")
    if data.get("grayscale") and any(len({c[1:3], c[3:5], c[5:7]}) != 1 for c in (colors[k].lower() for k in COLOR_KEYS)):
        raise fail("grayscale", "chủ đề in đen trắng chỉ được dùng màu xám", "a grayscale theme may use gray colours only")
    return Theme(
        name=str(data.get("name") or stem),
        label=str(data.get("label") or data.get("name") or stem),
        colors={k: colors[k].lower() for k in COLOR_KEYS},
        sizes={k: float(sizes[k]) for k in SIZE_KEYS},
        department=str(data.get("department", "")),
        hotline=str(data.get("hotline", "")),
        short_name=str(data.get("short_name", "")),
        website=str(data.get("website", "")),
        footer=str(data.get("footer", "")),
        logo=logo,
        font_scale=float(scale),
        grayscale=bool(data.get("grayscale", False)),
        path=Path(where.split(":")[0]) if folder is not None else None,
    )


def relative_luminance(hex_color: str) -> float:
    """WCAG relative luminance of '#rrggbb'."""
    channels = []
    for i in (1, 3, 5):
        c = int(hex_color[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two '#rrggbb' colours (1..21)."""
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


# Colour pairs drawn as text on a fill: their contrast is what a reader depends on.
TEXT_PAIRS = (
    ("text", "background"),
    ("text", "surface"),
    ("muted", "background"),
    ("muted", "surface"),
    ("on_primary", "primary"),
    ("on_accent", "accent"),
    ("on_mark", "mark"),
    ("text", "tip_fill"),
    ("text", "warning_fill"),
    ("text", "caution_fill"),
    ("tip", "tip_fill"),
    ("warning", "warning_fill"),
    ("caution", "caution_fill"),
)
