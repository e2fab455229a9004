"""Draw the bundled guides' step illustrations: simple phone screens, clearly marked as illustrations.

Each guide's screens are described as data in tools/illustrations/<slug>.yaml (one entry per image
file: an app header or browser bar, then a list of elements laid out top to bottom). This script
draws every screen with Pillow and the bundled Be Vietnam Pro font, and knows where it drew each
button, so it can also write the matching ```annotations block into the guide (--sync-annotations).

    python tools/make_illustrations.py content                      # regenerate every image in place
    python tools/make_illustrations.py content --out /tmp/x         # draw into /tmp/x/<slug>/images/
    python tools/make_illustrations.py content --sync-annotations   # also rewrite the annotation blocks

The output is deterministic: no timestamps, no metadata, fixed palette and PNG settings, so the
same data gives the same bytes on every run. Editors replace these drawings with real screenshots;
a step whose image is not described here is left alone.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from trainer.model import Annotation  # noqa: E402
from trainer.store import load_guide, save_guide  # noqa: E402
from trainer.store.atomic import atomic_write_bytes  # noqa: E402

DATA = Path(__file__).resolve().parent / "illustrations"
FONTS = REPO / "src" / "trainer" / "resources" / "fonts"
WIDTH, HEIGHT = 720, 1440
MARGIN = 40
GAP = 22
STATUS_H = 48
RIBBON_H = 60
PALETTE_COLOURS = 64

INK = "#1f2933"
MUTED = "#5f6b76"
LINE = "#c5ccd3"
FIELD_BG = "#ffffff"
SCREEN_BG = "#f4f6f8"
RIBBON_BG = "#37474f"
STYLES = {  # button style -> (fill, text colour, outline)
    "primary": (None, "#ffffff", None),
    "secondary": ("#ffffff", None, None),
    "danger": ("#c62828", "#ffffff", None),
    "muted": ("#e3e7eb", INK, None),
}
BANNER = {  # banner tone -> (fill, outline, text)
    "warning": ("#fff3e0", "#e65100", "#7a2e00"),
    "danger": ("#ffebee", "#c62828", "#8e0000"),
    "info": ("#e3f2fd", "#1565c0", "#0d3c73"),
    "ok": ("#e8f5e9", "#2e7d32", "#1b4d1e"),
}

Rect = tuple[int, int, int, int]
_MARK_KEYS = ("tap", "box", "badge", "blur", "keep")


@dataclass
class Hit:
    """Where an element was drawn, with the marks its description asks for (tap, badge, blur)."""

    rect: Rect
    spec: dict[str, Any]


_FONT_CACHE: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(size: int, weight: str = "Regular") -> ImageFont.FreeTypeFont:
    """Be Vietnam Pro at a pixel size (Regular, SemiBold or Bold), cached."""
    key = (weight, size)
    if key not in _FONT_CACHE:
        _FONT_CACHE[key] = ImageFont.truetype(str(FONTS / f"BeVietnamPro-{weight}.ttf"), size)
    return _FONT_CACHE[key]


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap of `text` (which may hold line breaks) to `width` pixels."""
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        current = ""
        for word in paragraph.split(" "):
            trial = f"{current} {word}".strip()
            if current and face.getlength(trial) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return lines


class Screen:
    """One phone screen being drawn: the canvas, its accent colour and the hits collected so far."""

    def __init__(self, spec: dict[str, Any]):
        self.spec = spec
        self.accent = str(spec.get("color", "#1565c0"))
        self.image = Image.new("RGB", (WIDTH, HEIGHT), str(spec.get("background", SCREEN_BG)))
        self.draw = ImageDraw.Draw(self.image)
        self.hits: list[Hit] = []

    # -- primitives ---------------------------------------------------------------------------------
    def text_block(self, text: str, top: int, size: int = 28, weight: str = "Regular", colour: str = INK, left: int = MARGIN,
                   width: int = WIDTH - 2 * MARGIN, align: str = "left") -> int:  # fmt: skip
        """Draw wrapped text from `top`; return its height."""
        face = font(size, weight)
        step = int(size * 1.4)
        lines = wrap(text, face, width)
        for i, line in enumerate(lines):
            x = left + (width - face.getlength(line)) / 2 if align == "center" else left
            self.draw.text((x, top + i * step), line, font=face, fill=colour)
        return step * len(lines)

    def chevron(self, x: int, y: int, size: int = 12, colour: str = MUTED, left: bool = False) -> None:
        """A '>' (or '<') drawn with lines, centred at (x, y)."""
        d = -size if left else size
        self.draw.line([(x - d / 2, y - size), (x + d / 2, y), (x - d / 2, y + size)], fill=colour, width=4)

    def check(self, x: int, y: int, colour: str = "#ffffff") -> None:
        """A tick mark centred at (x, y)."""
        self.draw.line([(x - 11, y), (x - 3, y + 9), (x + 12, y - 10)], fill=colour, width=5)

    # -- fixed chrome ---------------------------------------------------------------------------------
    def status_bar(self) -> None:
        dark = self.spec.get("dark", False)
        fill = "#000000" if dark else str(self.spec.get("status", "#ffffff"))
        ink = "#ffffff" if dark else INK
        self.draw.rectangle((0, 0, WIDTH, STATUS_H), fill=fill)
        self.draw.text((MARGIN, 10), "08:00", font=font(24, "SemiBold"), fill=ink)
        for i in range(4):  # signal bars
            h = 8 + i * 5
            self.draw.rectangle((WIDTH - 150 + i * 12, 36 - h, WIDTH - 142 + i * 12, 36), fill=ink)
        self.draw.rounded_rectangle((WIDTH - 92, 14, WIDTH - 48, 36), radius=5, outline=ink, width=3)
        self.draw.rectangle((WIDTH - 88, 18, WIDTH - 62, 32), fill=ink)
        self.draw.rectangle((WIDTH - 46, 21, WIDTH - 42, 29), fill=ink)

    def header(self) -> int:
        """Draw the app header or browser bar; return the y where content starts."""
        top = STATUS_H
        if "browser" in self.spec:
            url = str(self.spec["browser"])
            self.draw.rectangle((0, top, WIDTH, top + 92), fill="#eceff1")
            bar = (MARGIN - 16, top + 16, WIDTH - MARGIN + 16, top + 76)
            self.draw.rounded_rectangle(bar, radius=30, fill="#ffffff", outline=LINE, width=2)
            self.draw.rounded_rectangle((bar[0] + 24, top + 40, bar[0] + 42, top + 58), radius=3, fill=MUTED)  # padlock
            self.draw.arc((bar[0] + 26, top + 28, bar[0] + 40, top + 48), 180, 360, fill=MUTED, width=3)
            self.draw.text((bar[0] + 60, top + 28), url, font=font(28), fill=INK)
            self.hits.append(Hit(bar, self.spec.get("browser_marks", {})))
            top += 92
        title = self.spec.get("app")
        if title:
            self.draw.rectangle((0, top, WIDTH, top + 104), fill=self.accent)
            x = MARGIN
            if self.spec.get("back", True):
                self.chevron(MARGIN + 8, top + 52, 14, "#ffffff", left=True)
                x = MARGIN + 44
            self.draw.text((x, top + 30), str(title), font=font(36, "Bold"), fill="#ffffff")
            top += 104
        return top + 36

    def ribbon(self) -> None:
        """The band that says this is a drawing, not a real screenshot."""
        top = HEIGHT - RIBBON_H
        self.draw.rectangle((0, top, WIDTH, HEIGHT), fill=RIBBON_BG)
        label = "HÌNH MINH HỌA · không phải ảnh chụp thật"
        face = font(24, "SemiBold")
        self.draw.text(((WIDTH - face.getlength(label)) / 2, top + 15), label, font=face, fill="#ffffff")

    # -- layout ------------------------------------------------------------------------------------------
    def element(self, spec: dict[str, Any], top: int) -> int:
        """Draw one described element at `top`; return its height."""
        for kind, drawer in DRAWERS.items():
            if kind in spec:
                return drawer(self, spec, top)
        raise ValueError(f"unknown element {sorted(spec)}")

    def render(self) -> None:
        self.status_bar()
        top = self.header()
        for spec in self.spec.get("body", []):
            top += self.element(spec, top) + GAP
        footer = self.spec.get("footer", [])
        if footer:
            probe = Screen({**self.spec, "body": [], "footer": []})
            height = sum(probe.element(spec, 0) + GAP for spec in footer)
            top = max(top, HEIGHT - RIBBON_H - 24 - height)
            for spec in footer:
                top += self.element(spec, top) + GAP
        if top - GAP > HEIGHT - RIBBON_H:
            raise ValueError(f"content is {top - GAP - (HEIGHT - RIBBON_H)} px too tall for the screen")
        self.ribbon()


# -- elements -----------------------------------------------------------------------------------------------
def _title(s: Screen, spec: dict[str, Any], top: int) -> int:
    size = int(spec.get("size", 38))
    room = 60 if spec.get("tick") else 0
    width = WIDTH - 2 * MARGIN - room
    height = s.text_block(spec["title"], top, size=size, weight="Bold", align=spec.get("align", "left"), width=width)
    if spec.get("tick"):  # the verification mark of an official account, after the last line
        face = font(size, "Bold")
        last = wrap(str(spec["title"]), face, width)[-1]
        x = int(MARGIN + face.getlength(last) + 16)
        y = top + height - int(size * 1.4) + size // 2 + 4
        s.draw.ellipse((x, y - 18, x + 36, y + 18), fill=s.accent)
        s.check(x + 18, y + 1)
        s.hits.append(Hit((x, y - 18, x + 36, y + 18), {"box": True} if spec.get("tick") == "box" else {}))
    return height


def _text(s: Screen, spec: dict[str, Any], top: int) -> int:
    weight = "SemiBold" if spec.get("bold") else "Regular"
    colour = MUTED if spec.get("muted") else INK
    height = s.text_block(
        spec["text"], top, size=int(spec.get("size", 31)), weight=weight, colour=colour, align=spec.get("align", "left")
    )
    s.hits.append(Hit((MARGIN, top, WIDTH - MARGIN, top + height), spec))
    return height


def _field(s: Screen, spec: dict[str, Any], top: int) -> int:
    s.draw.text((MARGIN, top), str(spec["field"]), font=font(24, "SemiBold"), fill=MUTED)
    box = (MARGIN, top + 38, WIDTH - MARGIN, top + 118)
    s.draw.rounded_rectangle(box, radius=14, fill=FIELD_BG, outline=s.accent if spec.get("tap") else LINE, width=3)
    value = spec.get("value")
    shown = str(value) if value else str(spec.get("placeholder", ""))
    s.draw.text((box[0] + 24, box[1] + 20), shown, font=font(32), fill=INK if value else "#9aa5b1")
    if spec.get("secret"):
        s.draw.ellipse((box[2] - 60, box[1] + 28, box[2] - 28, box[1] + 52), outline=MUTED, width=3)
    s.hits.append(Hit(box, spec))
    return 118


def _search(s: Screen, spec: dict[str, Any], top: int) -> int:
    box = (MARGIN, top, WIDTH - MARGIN, top + 84)
    s.draw.rounded_rectangle(box, radius=42, fill=FIELD_BG, outline=s.accent if spec.get("tap") else LINE, width=3)
    s.draw.ellipse((box[0] + 26, top + 22, box[0] + 56, top + 52), outline=MUTED, width=4)
    s.draw.line((box[0] + 52, top + 48, box[0] + 66, top + 62), fill=MUTED, width=5)
    value = spec.get("search") or spec.get("placeholder", "Tìm kiếm")
    s.draw.text((box[0] + 86, top + 22), str(value), font=font(30), fill=INK if spec.get("search") else "#9aa5b1")
    s.hits.append(Hit(box, spec))
    return 84


def _button(s: Screen, spec: dict[str, Any], top: int) -> int:
    style = str(spec.get("style", "primary"))
    fill, ink, _ = STYLES[style]
    fill = fill or s.accent
    ink = ink or s.accent
    height = int(spec.get("height", 92))
    box = (MARGIN, top, WIDTH - MARGIN, top + height)
    s.draw.rounded_rectangle(box, radius=height // 2, fill=fill, outline=s.accent if style == "secondary" else None, width=3)
    label = spec["button"]
    if label:  # a button whose real label is not known is drawn with an arrow only, never an invented word
        face = font(30, "SemiBold")
        lines = wrap(str(label), face, box[2] - box[0] - 60)
        y = top + (height - 40 * len(lines)) / 2
        for line in lines:
            s.draw.text(((WIDTH - face.getlength(line)) / 2, y), line, font=face, fill=ink)
            y += 40
    else:
        cx, cy = WIDTH // 2, top + height // 2
        s.draw.line((cx - 26, cy, cx + 22, cy), fill=ink, width=6)
        s.chevron(cx + 14, cy, 14, ink)
    s.hits.append(Hit(box, spec))
    return height


def _row(s: Screen, spec: dict[str, Any], top: int) -> int:
    sub = spec.get("sub")
    x0 = MARGIN + 24 + (76 if spec.get("icon") else 0)
    face = font(30, "SemiBold")
    lines = wrap(str(spec["row"]), face, WIDTH - MARGIN - x0 - 60)[:2]
    extra = 38 * (len(lines) - 1)
    height = (112 if sub else 92) + extra
    box = (MARGIN, top, WIDTH - MARGIN, top + height)
    s.draw.rounded_rectangle(box, radius=16, fill="#ffffff", outline=LINE, width=2)
    icon = spec.get("icon")
    if icon:
        x = MARGIN + 24
        s.draw.rounded_rectangle((x, top + height // 2 - 26, x + 52, top + height // 2 + 26), radius=12, fill=s.accent)
        iface = font(22, "Bold")
        s.draw.text((x + 26 - iface.getlength(str(icon)) / 2, top + height // 2 - 15), str(icon), font=iface, fill="#ffffff")
    for i, line in enumerate(lines):
        s.draw.text((x0, top + (18 if sub else 26) + 38 * i), line, font=face, fill=INK)
    if sub:
        s.draw.text((x0, top + 62 + extra), wrap(str(sub), font(24), WIDTH - MARGIN - x0 - 60)[0], font=font(24), fill=MUTED)
    s.chevron(box[2] - 32, top + height // 2, 11)
    s.hits.append(Hit(box, spec))
    return height


def _tiles(s: Screen, spec: dict[str, Any], top: int) -> int:
    items = spec["tiles"]
    cols = int(spec.get("cols", 4))
    cell = (WIDTH - 2 * MARGIN) // cols
    size = min(116, cell - 36)
    face = font(22, "SemiBold")
    row_h = size + 78
    for i, item in enumerate(items):
        col, row = i % cols, i // cols
        x = MARGIN + col * cell + (cell - size) // 2
        y = top + row * row_h
        box = (x, y, x + size, y + size)
        s.draw.rounded_rectangle(box, radius=26, fill=str(item.get("color", s.accent)))
        glyph = str(item.get("glyph", item["label"][:2]))
        gface = font(34 if len(glyph) <= 3 else 24, "Bold")
        s.draw.text((x + size / 2 - gface.getlength(glyph) / 2, y + size / 2 - 24), glyph, font=gface, fill="#ffffff")
        for j, line in enumerate(wrap(str(item["label"]), face, cell - 8)[:2]):
            s.draw.text(
                (MARGIN + col * cell + cell / 2 - face.getlength(line) / 2, y + size + 8 + j * 28), line, font=face, fill=INK
            )
        s.hits.append(Hit(box, item))
    rows = (len(items) + cols - 1) // cols
    return rows * row_h


def _otp(s: Screen, spec: dict[str, Any], top: int) -> int:
    digits = str(spec["otp"])
    count = int(spec.get("count", 6))
    size, gap = 84, 18
    left = (WIDTH - (count * size + (count - 1) * gap)) // 2
    face = font(40, "Bold")
    for i in range(count):
        x = left + i * (size + gap)
        s.draw.rounded_rectangle((x, top, x + size, top + 100), radius=14, fill=FIELD_BG, outline=s.accent, width=3)
        if i < len(digits) and digits[i] != " ":
            s.draw.text((x + size / 2 - face.getlength(digits[i]) / 2, top + 22), digits[i], font=face, fill=INK)
    s.hits.append(Hit((left, top, left + count * size + (count - 1) * gap, top + 100), spec))
    return 100


def _checkbox(s: Screen, spec: dict[str, Any], top: int) -> int:
    box = (MARGIN, top, MARGIN + 48, top + 48)
    checked = spec.get("checked", True)
    s.draw.rounded_rectangle(box, radius=8, fill=s.accent if checked else FIELD_BG, outline=s.accent, width=3)
    if checked:
        s.check(MARGIN + 24, top + 24)
    height = max(48, s.text_block(str(spec["checkbox"]), top + 4, size=30, left=MARGIN + 68, width=WIDTH - 2 * MARGIN - 68))
    s.hits.append(Hit(box, spec))
    return height


def _toggle(s: Screen, spec: dict[str, Any], top: int) -> int:
    on = bool(spec.get("on", False))
    knob = (WIDTH - MARGIN - 96, top + 6, WIDTH - MARGIN, top + 58)
    s.draw.rounded_rectangle(knob, radius=26, fill=s.accent if on else "#b0bac4")
    cx = knob[2] - 26 if on else knob[0] + 26
    s.draw.ellipse((cx - 20, top + 12, cx + 20, top + 52), fill="#ffffff")
    height = max(64, s.text_block(str(spec["toggle"]), top + 10, size=30, width=WIDTH - 2 * MARGIN - 120))
    s.hits.append(Hit(knob, spec))
    return height


def _photo(s: Screen, spec: dict[str, Any], top: int) -> int:
    count = int(spec.get("count", 1))
    gap = 20
    width = (WIDTH - 2 * MARGIN - (count - 1) * gap) // count
    height = int(spec.get("height", 220))
    labels = spec.get("labels") or [spec["photo"]] * count
    for i in range(count):
        x = MARGIN + i * (width + gap)
        box = (x, top, x + width, top + height)
        s.draw.rounded_rectangle(box, radius=18, fill="#e9eef2", outline=LINE, width=3)
        cx, cy = x + width // 2, top + height // 2 - 22
        s.draw.rounded_rectangle((cx - 40, cy - 26, cx + 40, cy + 30), radius=8, outline=MUTED, width=4)  # camera body
        s.draw.ellipse((cx - 15, cy - 11, cx + 15, cy + 19), outline=MUTED, width=4)
        s.draw.rectangle((cx - 16, cy - 36, cx + 8, cy - 26), fill=MUTED)
        face = font(22, "SemiBold")
        for j, line in enumerate(wrap(str(labels[i]), face, width - 16)[:2]):
            s.draw.text((cx - face.getlength(line) / 2, cy + 46 + j * 28), line, font=face, fill=MUTED)
        s.hits.append(Hit(box, spec if i == int(spec.get("target", 0)) else {}))
    return height


def _qr(s: Screen, spec: dict[str, Any], top: int) -> int:
    size = 380
    x = (WIDTH - size) // 2
    s.draw.rectangle((x, top, x + size, top + size), fill="#263238")
    arm = 70
    for cx, cy, dx, dy in ((x, top, 1, 1), (x + size, top, -1, 1), (x, top + size, 1, -1), (x + size, top + size, -1, -1)):
        s.draw.line((cx, cy + dy * 4, cx + dx * arm, cy + dy * 4), fill="#ffffff", width=8)
        s.draw.line((cx + dx * 4, cy, cx + dx * 4, cy + dy * arm), fill="#ffffff", width=8)
    s.draw.line((x + 30, top + size // 2, x + size - 30, top + size // 2), fill="#ef5350", width=4)  # scan line
    caption = "#cfd8dc" if s.spec.get("dark") else MUTED
    height = size + 16 + s.text_block(str(spec["qr"]), top + size + 16, size=26, colour=caption, align="center")
    s.hits.append(Hit((x, top, x + size, top + size), spec))
    return height


def _bubble(s: Screen, spec: dict[str, Any], top: int, text: str, mine: bool, tone: str | None = None) -> int:
    face = font(30)
    width = WIDTH - 2 * MARGIN - 100
    lines = wrap(text, face, width - 48)
    sender = spec.get("sender")
    head = 36 if sender else 0
    height = head + 42 * len(lines) + 36
    used = max(face.getlength(line) for line in lines)
    if sender:
        used = max(used, font(24, "SemiBold").getlength(str(sender)))
    box_w = int(used) + 48
    x = WIDTH - MARGIN - box_w if mine else MARGIN
    fill = "#d7ecff" if mine else "#ffffff"
    outline = BANNER[tone][1] if tone else LINE
    s.draw.rounded_rectangle((x, top, x + box_w, top + height), radius=22, fill=fill, outline=outline, width=3 if tone else 2)
    if sender:
        s.draw.text((x + 24, top + 16), str(sender), font=font(24, "SemiBold"), fill=s.accent)
    for i, line in enumerate(lines):
        s.draw.text((x + 24, top + 18 + head + i * 42), line, font=face, fill=INK)
    link = spec.get("link")
    if link:  # underline the line that holds the link text so the "do not tap" mark has a target
        for i, line in enumerate(lines):
            if str(link) in line:
                start = x + 24 + face.getlength(line[: line.index(str(link))])
                end = start + face.getlength(str(link))
                y = top + 18 + head + i * 42
                s.draw.line((start, y + 36, end, y + 36), fill="#1565c0", width=2)
                s.draw.text((start, y), str(link), font=face, fill="#1565c0")
                s.hits.append(Hit((int(start), y, int(end), y + 40), spec))
                break
    else:
        s.hits.append(Hit((x, top, x + box_w, top + height), spec))
    return height


def _sms(s: Screen, spec: dict[str, Any], top: int) -> int:
    return _bubble(s, spec, top, str(spec["sms"]), mine=False, tone=spec.get("tone"))


def _chat(s: Screen, spec: dict[str, Any], top: int) -> int:
    return _bubble(s, spec, top, str(spec["chat"]), mine=bool(spec.get("mine")), tone=spec.get("tone"))


def _banner(s: Screen, spec: dict[str, Any], top: int) -> int:
    fill, outline, ink = BANNER[str(spec.get("tone", "info"))]
    inner = s.text_block  # measured by drawing on a probe first, then drawn over the box
    probe = Screen({"body": []})
    height = probe.text_block(str(spec["banner"]), 0, size=30, weight="SemiBold", width=WIDTH - 2 * MARGIN - 48) + 40
    box = (MARGIN, top, WIDTH - MARGIN, top + height)
    s.draw.rounded_rectangle(box, radius=18, fill=fill, outline=outline, width=3)
    inner(str(spec["banner"]), top + 20, size=30, weight="SemiBold", colour=ink, left=MARGIN + 24, width=WIDTH - 2 * MARGIN - 48)
    s.hits.append(Hit(box, spec))
    return height


def _card(s: Screen, spec: dict[str, Any], top: int) -> int:
    """A white card with a bold heading and key: value lines (an app's detail view); values wrap to two lines."""
    vface = font(28, "SemiBold")
    inner = WIDTH - 2 * MARGIN - 48
    rows = []
    for row in spec.get("rows", []):
        key, value = list(row.items())[0] if isinstance(row, dict) else (str(row), "")
        marks = {k: row[k] for k in _MARK_KEYS if isinstance(row, dict) and k in row}
        rows.append((str(key), wrap(str(value), vface, inner)[:2], marks))
    height = 72 + sum(80 + 38 * (len(lines) - 1) for _, lines, _ in rows)
    box = (MARGIN, top, WIDTH - MARGIN, top + height)
    s.draw.rounded_rectangle(box, radius=18, fill="#ffffff", outline=LINE, width=2)
    s.draw.text((MARGIN + 24, top + 20), str(spec["card"]), font=font(30, "Bold"), fill=s.accent)
    y = top + 72
    for key, lines, marks in rows:
        s.draw.line((MARGIN + 24, y, WIDTH - MARGIN - 24, y), fill="#e3e7eb", width=2)
        s.draw.text((MARGIN + 24, y + 10), key, font=font(23), fill=MUTED)
        for i, line in enumerate(lines):
            s.draw.text((MARGIN + 24, y + 36 + 38 * i), line, font=vface, fill=INK)
        if marks:
            vw = int(max(vface.getlength(line) for line in lines))
            s.hits.append(Hit((MARGIN + 20, y + 34, MARGIN + 28 + vw, y + 36 + 38 * len(lines)), marks))
        y += 80 + 38 * (len(lines) - 1)
    s.hits.append(Hit(box, {k: v for k, v in spec.items() if k != "rows"}))
    return height


def _call(s: Screen, spec: dict[str, Any], top: int) -> int:
    """An incoming-call screen: caller, number, decline and accept buttons."""
    s.text_block("Cuộc gọi đến", top + 20, size=28, colour="#b0bec5", align="center")
    s.text_block(str(spec["call"]), top + 80, size=44, weight="Bold", colour="#ffffff", align="center")
    number = str(spec.get("number", ""))
    face = font(32)
    nx = (WIDTH - face.getlength(number)) / 2
    s.draw.text((nx, top + 160), number, font=face, fill="#eceff1")
    if spec.get("blur_number"):
        s.hits.append(Hit((int(nx) - 8, top + 156, int(nx + face.getlength(number)) + 8, top + 204), {"blur": True}))
    y = HEIGHT - RIBBON_H - 260
    for cx, colour, label, key in ((190, "#d32f2f", "Từ chối", "decline"), (530, "#2e7d32", "Trả lời", "accept")):
        s.draw.ellipse((cx - 64, y, cx + 64, y + 128), fill=colour)
        s.draw.rounded_rectangle((cx - 34, y + 52, cx + 34, y + 76), radius=12, fill="#ffffff")  # handset
        lf = font(26, "SemiBold")
        s.draw.text((cx - lf.getlength(label) / 2, y + 146), label, font=lf, fill="#ffffff")
        s.hits.append(Hit((cx - 64, y, cx + 64, y + 128), spec.get(key, {})))
    return 220


def _dialer(s: Screen, spec: dict[str, Any], top: int) -> int:
    """A phone dial pad with the typed code shown above it and the green call button."""
    code = str(spec["dialer"])
    face = font(60, "SemiBold")
    s.draw.text(((WIDTH - face.getlength(code)) / 2, top + 10), code, font=face, fill=INK)
    keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"]
    kf = font(44, "SemiBold")
    y0 = top + 130
    for i, key in enumerate(keys):
        cx = WIDTH // 2 + (i % 3 - 1) * 190
        cy = y0 + (i // 3) * 140 + 56
        lit = key in code
        s.draw.ellipse((cx - 56, cy - 56, cx + 56, cy + 56), fill="#cfd8dc" if lit else "#e9eef2")
        s.draw.text((cx - kf.getlength(key) / 2, cy - 30), key, font=kf, fill=INK)
    cy = y0 + 4 * 140 + 60
    call = (WIDTH // 2 - 60, cy - 60, WIDTH // 2 + 60, cy + 60)
    s.draw.ellipse(call, fill="#2e7d32")
    s.draw.rounded_rectangle((WIDTH // 2 - 32, cy - 12, WIDTH // 2 + 32, cy + 12), radius=12, fill="#ffffff")
    s.hits.append(Hit(call, spec))
    return cy + 60 - top


def _menu(s: Screen, spec: dict[str, Any], top: int) -> int:
    """A USSD pop-up: numbered text menu in a dialog with an answer field and a send button."""
    lines = [str(line) for line in spec["menu"]]
    face = font(28)
    height = 60 + 42 * len(lines) + 200
    box = (MARGIN, top, WIDTH - MARGIN, top + height)
    s.draw.rounded_rectangle(box, radius=20, fill="#ffffff", outline=LINE, width=2)
    for i, line in enumerate(lines):
        s.draw.text((MARGIN + 30, top + 30 + i * 42), line, font=face, fill=INK)
    answer_top = top + 60 + 42 * len(lines)
    field = (MARGIN + 30, answer_top, WIDTH - MARGIN - 30, answer_top + 72)
    s.draw.rectangle(field, outline=s.accent, width=3)
    s.draw.text((field[0] + 18, answer_top + 16), str(spec.get("answer", "")), font=font(30, "SemiBold"), fill=INK)
    s.hits.append(Hit(field, {"box": True} if spec.get("box_answer") else {}))
    bf = font(28, "Bold")
    for label, x in (("Hủy", MARGIN + 120), ("Gửi", WIDTH - MARGIN - 140)):
        s.draw.text((x - bf.getlength(label) / 2, answer_top + 108), label, font=bf, fill=s.accent)
        bx = int(x - bf.getlength(label) / 2)
        s.hits.append(
            Hit((bx - 24, answer_top + 98, bx + int(bf.getlength(label)) + 24, answer_top + 152), spec if label == "Gửi" else {})
        )
    return height


def _list(s: Screen, spec: dict[str, Any], top: int) -> int:
    """Bulleted lines, for checklists ('what to bring')."""
    y = top
    for item in spec["list"]:
        s.draw.ellipse((MARGIN + 4, y + 16, MARGIN + 20, y + 32), fill=s.accent)
        y += s.text_block(str(item), y, size=31, left=MARGIN + 40, width=WIDTH - 2 * MARGIN - 40) + 14
    return y - top


def _store(s: Screen, spec: dict[str, Any], top: int) -> int:
    """An app-store listing: icon, name, publisher and the install button."""
    size = 150
    s.draw.rounded_rectangle((MARGIN, top, MARGIN + size, top + size), radius=34, fill=str(spec.get("icon_color", s.accent)))
    glyph = str(spec.get("glyph", spec["store"][:2]))
    gface = font(44 if len(glyph) <= 3 else 30, "Bold")
    s.draw.text((MARGIN + size / 2 - gface.getlength(glyph) / 2, top + size / 2 - 30), glyph, font=gface, fill="#ffffff")
    x = MARGIN + size + 30
    s.text_block(str(spec["store"]), top + 10, size=36, weight="Bold", left=x, width=WIDTH - MARGIN - x)
    if spec.get("publisher"):
        s.text_block(str(spec["publisher"]), top + 66, size=24, colour="#1b7f4b", left=x, width=WIDTH - MARGIN - x)
    return size


DRAWERS: dict[str, Callable[[Screen, dict[str, Any], int], int]] = {
    "title": _title,
    "text": _text,
    "field": _field,
    "search": _search,
    "button": _button,
    "row": _row,
    "tiles": _tiles,
    "otp": _otp,
    "checkbox": _checkbox,
    "toggle": _toggle,
    "photo": _photo,
    "qr": _qr,
    "sms": _sms,
    "chat": _chat,
    "banner": _banner,
    "card": _card,
    "call": _call,
    "dialer": _dialer,
    "menu": _menu,
    "list": _list,
    "store": _store,
}


def _spacer(s: Screen, spec: dict[str, Any], top: int) -> int:
    return int(spec["space"])


DRAWERS["space"] = _spacer


# -- annotations ----------------------------------------------------------------------------------------------
def _rel(value: float, size: int) -> float:
    return round(min(1.0, max(0.0, value / size)), 4)


def marks_for(hits: list[Hit]) -> list[Annotation]:
    """The annotations a screen's hits ask for: box + tap on the target, box alone on what to look at
    (or not to tap), badges, blur over private numbers, keep over sample values reviewed as public."""
    marks: list[Annotation] = []
    for hit in hits:
        left, top, right, bottom = hit.rect
        pad = 10
        if hit.spec.get("tap") or hit.spec.get("box"):
            marks.append(
                Annotation(
                    "box", _rel(left - pad, WIDTH), _rel(top - pad, HEIGHT), _rel(right + pad, WIDTH), _rel(bottom + pad, HEIGHT)
                )
            )
        if hit.spec.get("tap"):
            # On a wide button the finger sits towards the right end, so it does not hide the label.
            tx = right - min(80, (right - left) * 0.5) if right - left > 300 else (left + right) / 2
            marks.append(Annotation("tap", _rel(tx, WIDTH), _rel((top + bottom) / 2, HEIGHT)))
    for hit in hits:
        if hit.spec.get("badge"):
            left, top, _, bottom = hit.rect
            marks.append(
                Annotation(
                    "badge", _rel(max(left, 28), WIDTH), _rel(top + (bottom - top) / 2, HEIGHT), label=str(hit.spec["badge"])
                )
            )
    for hit in hits:
        if hit.spec.get("blur"):
            left, top, right, bottom = hit.rect
            marks.append(Annotation("blur", _rel(left, WIDTH), _rel(top, HEIGHT), _rel(right, WIDTH), _rel(bottom, HEIGHT)))
    for hit in hits:
        # A sample value shown on purpose (a placeholder name): reviewed as public, so the personal-data check accepts it.
        if hit.spec.get("keep"):
            left, top, right, bottom = hit.rect
            marks.append(Annotation("keep", _rel(left, WIDTH), _rel(top, HEIGHT), _rel(right, WIDTH), _rel(bottom, HEIGHT)))
    return marks


# -- output ---------------------------------------------------------------------------------------------------
def render_screen(spec: dict[str, Any]) -> tuple[bytes, list[Annotation]]:
    """PNG bytes of one described screen and the annotations that point at its target."""
    screen = Screen(spec)
    screen.render()
    # A fixed-size palette without dithering keeps flat colours flat and files small; no metadata is written.
    quantized = screen.image.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    quantized.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue(), marks_for(screen.hits)


def load_descriptions(data_dir: Path = DATA) -> dict[str, dict[str, dict[str, Any]]]:
    """slug -> {image path relative to the guide folder -> screen description}."""
    result: dict[str, dict[str, dict[str, Any]]] = {}
    for file in sorted(data_dir.glob("*.yaml")):
        with open(file, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
        defaults = data.pop("defaults", {}) or {}
        result[file.stem] = {name: {**defaults, **(spec or {})} for name, spec in data.items()}
    return result


def render_all(data_dir: Path = DATA) -> dict[str, dict[str, tuple[bytes, list[Annotation]]]]:
    """slug -> {image name -> (PNG bytes, annotations)} for every described screen."""
    result: dict[str, dict[str, tuple[bytes, list[Annotation]]]] = {}
    for slug, screens in load_descriptions(data_dir).items():
        result[slug] = {}
        for name, spec in screens.items():
            try:
                result[slug][name] = render_screen(spec)
            except (ValueError, KeyError) as exc:  # one plain line naming the description, not a traceback
                raise SystemExit(f"{data_dir / (slug + '.yaml')}: {name}: {exc}") from None
    return result


def build(content: Path, out: Path | None = None, sync_annotations: bool = False, data_dir: Path = DATA) -> list[Path]:
    """Draw every described screen of every guide in `content`; return the files written."""
    written: list[Path] = []
    for slug, screens in render_all(data_dir).items():
        folder = content / slug
        source = data_dir / f"{slug}.yaml"
        if not (folder / "guide.md").exists():
            raise SystemExit(f"{source}: no guide folder {folder}")
        guide = load_guide(folder)
        unused = sorted(set(screens) - {step.image for step in guide.steps})
        if unused:
            raise SystemExit(f"{source}: screens no step uses: {', '.join(unused)}")
        for name, (png, _) in screens.items():
            target = (out / slug if out else folder) / name
            if not (target.exists() and target.read_bytes() == png):
                atomic_write_bytes(target, png)
            written.append(target)
        if sync_annotations and out is None:
            changed = False
            for step in guide.steps:
                if step.image in screens and step.annotations != screens[step.image][1]:
                    step.annotations = screens[step.image][1]
                    changed = True
            if changed:
                save_guide(guide)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: regenerate the illustrations of a content folder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("content", nargs="?", default=str(REPO / "content"), help="the content folder (default: ./content)")
    parser.add_argument("--out", help="write images under OUT/<slug>/images instead of into the guides")
    parser.add_argument("--sync-annotations", action="store_true", help="rewrite each illustrated step's annotations block")
    args = parser.parse_args(argv)
    written = build(Path(args.content), Path(args.out) if args.out else None, args.sync_annotations)
    sys.stdout.write(f"{len(written)} illustration(s) written\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
