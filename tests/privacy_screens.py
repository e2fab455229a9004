"""Phone screens drawn for the personal-data tests: Vietnamese labels, several fonts and sizes, light and dark."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONTS = Path(__file__).resolve().parents[1] / "src" / "trainer" / "resources" / "fonts"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def font_path(name: str) -> Path:
    """A bundled font by file name, or DejaVu Sans (the Linux system font) for 'dejavu'."""
    return DEJAVU if name == "dejavu" else FONTS / name


@dataclass
class Row:
    """A label and its value as a screen shows them; value None draws the label alone (a heading, a hint)."""

    label: str
    value: str | None = None


def draw_screen(
    path: Path,
    rows: list[Row],
    *,
    dark: bool = False,
    font: str = "BeVietnamPro-Regular.ttf",
    size: int = 20,
    side_by_side: bool = False,
    width: int = 400,
    height: int = 720,
    qr: str | None = None,
    portrait: int = 0,
    photo: Path | None = None,
    title: str = "Thông tin cá nhân",
) -> dict[str, tuple[float, float, float, float]]:
    """Draw a phone screen to `path`; return each value's box relative to the image (for asserting).

    `portrait` draws an identity-photo style face that wide; `photo` puts a real photograph there instead
    (boxed as "photo"), as an identity screen shows its holder's picture or an app shows any other picture.
    """
    background, ink, muted = ("#121212", "#f2f2f2", "#9e9e9e") if dark else ("#ffffff", "#111111", "#6b6b6b")
    img = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(img)
    regular = ImageFont.truetype(str(font_path(font)), size)
    bold_name = "BeVietnamPro-Bold.ttf" if font.startswith("BeVietnamPro") else font
    bold = ImageFont.truetype(str(font_path(bold_name)), size + 2)
    draw.text((16, 10), "09:41", font=regular, fill=ink)
    draw.text((width - 70, 10), "85%", font=regular, fill=ink)
    draw.text((16, 50), title, font=bold, fill=ink)
    y = 50 + int(size * 2.6)
    boxes: dict[str, tuple[float, float, float, float]] = {}
    if portrait:
        face = draw_portrait(portrait)
        img.paste(face, (16, y))
        boxes["face"] = (16 / width, y / height, (16 + face.width) / width, (y + face.height) / height)
        y += face.height + 16
    if photo is not None:
        with Image.open(photo) as picture:
            img.paste(picture.convert("RGB"), (16, y))
            boxes["photo"] = (16 / width, y / height, (16 + picture.width) / width, (y + picture.height) / height)
            y += picture.height + 16
    for row in rows:
        draw.text((16, y), row.label, font=regular, fill=muted if row.value is not None else ink)
        if row.value is None:
            y += int(size * 2)
            continue
        if side_by_side:
            x, vy = 16 + int(draw.textlength(row.label + "   ", font=regular)), y
            y += int(size * 2)
        else:
            x, vy = 16, y + int(size * 1.4)
            y += int(size * 3.4)
        draw.text((x, vy), row.value, font=bold, fill=ink)
        left, top, right, bottom = draw.textbbox((x, vy), row.value, font=bold)
        boxes[row.value] = (left / width, top / height, right / width, bottom / height)
    if qr is not None:
        code = segno.make(qr, error="m")
        side = min(width - 80, height - y - 20)
        scale = max(2, side // (code.symbol_size()[0]))
        tmp = path.with_suffix(".qr.png")
        code.save(str(tmp), scale=scale, border=2, dark="#000000", light="#ffffff")
        symbol = Image.open(tmp).convert("RGB")
        tmp.unlink()
        left = (width - symbol.width) // 2
        img.paste(symbol, (left, y + 10))
        boxes["qr"] = (left / width, (y + 10) / height, (left + symbol.width) / width, (y + 10 + symbol.height) / height)
    img.save(path)
    return boxes


def draw_portrait(size: int) -> Image.Image:
    """An identity-photo style face (hair, eyes, brows, nose, mouth, shoulders), softened like a photo."""
    s = size
    img = Image.new("RGB", (s, int(s * 1.25)), "#d9dde3")
    d = ImageDraw.Draw(img)
    d.ellipse((0.1 * s, -0.05 * s, 0.9 * s, 0.75 * s), fill="#2a1c12")
    d.ellipse((0.2 * s, 0.15 * s, 0.8 * s, 0.95 * s), fill="#e0b08a")
    d.rectangle((0.38 * s, 0.85 * s, 0.62 * s, 1.1 * s), fill="#d39f7a")
    d.pieslice((0.05 * s, 1.0 * s, 0.95 * s, 1.6 * s), 180, 360, fill="#2b4a7a")
    for ex in (0.37, 0.63):
        d.line(((ex - 0.09) * s, 0.40 * s, (ex + 0.09) * s, 0.38 * s), fill="#3a2a1a", width=int(0.03 * s))
        d.ellipse(((ex - 0.07) * s, 0.45 * s, (ex + 0.07) * s, 0.51 * s), fill="#ffffff")
        d.ellipse(((ex - 0.035) * s, 0.455 * s, (ex + 0.035) * s, 0.505 * s), fill="#2b1a10")
    d.polygon(((0.5 * s, 0.5 * s), (0.45 * s, 0.66 * s), (0.55 * s, 0.66 * s)), fill="#c98f6a")
    d.ellipse((0.4 * s, 0.74 * s, 0.6 * s, 0.8 * s), fill="#a0524a")
    return img.filter(ImageFilter.GaussianBlur(s / 100))


def draw_icon_grid(path: Path, width: int = 400, height: int = 720) -> None:
    """A phone home screen: a 4 x 5 grid of rounded app icons (a letter, a ring or bars on colour), labels under them."""
    img = Image.new("RGB", (width, height), "#1e3a5f")
    draw = ImageDraw.Draw(img)
    small = ImageFont.truetype(str(font_path("BeVietnamPro-Regular.ttf")), 12)
    glyph = ImageFont.truetype(str(font_path("BeVietnamPro-Bold.ttf")), 30)
    colours = ["#e53935", "#43a047", "#1e88e5", "#fdd835", "#8e24aa", "#fb8c00", "#00acc1", "#6d4c41"]
    names = ["VNeID", "VssID", "Zalo", "Điện", "Ngân hàng", "Bản đồ", "Ảnh", "Tin nhắn"]
    side, gap = 64, (width - 4 * 64) // 5
    for row in range(5):
        for col in range(4):
            n = row * 4 + col
            x, y = gap + col * (side + gap), 60 + row * (side + 56)
            draw.rounded_rectangle((x, y, x + side, y + side), radius=16, fill=colours[n % len(colours)])
            if n % 3 == 0:
                draw.text((x + 20, y + 12), names[n % len(names)][0], font=glyph, fill="#ffffff")
            elif n % 3 == 1:
                draw.ellipse((x + 14, y + 14, x + 50, y + 50), outline="#ffffff", width=6)
            else:
                for k in range(3):
                    draw.rectangle((x + 14 + k * 13, y + 40 - k * 10, x + 22 + k * 13, y + 50), fill="#ffffff")
            draw.text((x, y + side + 6), names[n % len(names)], font=small, fill="#ffffff")
    img.save(path)
