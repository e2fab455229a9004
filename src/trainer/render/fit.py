"""Measured fit: text that cannot fit a card, clip frame or slide is an error, never silently cut.

`trainer check` and `trainer export` call fit_problems; the numbers come from the same layout code
that paints, so what passes here is exactly what gets painted.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from PySide6.QtCore import QSize

from trainer.model import Guide
from trainer.render.card import CARD_SIZE, card_count, card_overflow
from trainer.render.gui import ensure_gui
from trainer.render.image import StepImageError
from trainer.render.scene import Scene, scene_overflow
from trainer.render.theme import Theme, ThemeError, load_theme
from trainer.store.problems import ERROR, Problem, say

# The frames every step must fit besides the card: a portrait clip frame and a 16:9 frame
# (landscape clips and presenter slides). Layouts scale with the frame, so one size per aspect suffices.
FRAMES = (QSize(1080, 1920), QSize(1280, 720))

# What each export format paints, of the measured outputs (the strip, handout pages and the web page grow
# with their content; the handout checks its own pages). A format not listed is measured against all.
FORMAT_OUTPUTS: dict[str, tuple[str, ...]] = {
    "infographic": ("card",),
    "clip": ("portrait", "landscape"),
    "pptx": ("landscape",),
    "presenter": ("landscape",),
    "handout": (),
    "html": (),
}

_OUTPUTS = {
    "card": ("thẻ hình {w}x{h}", "{w}x{h} card"),
    "portrait": ("khung video dọc {w}x{h}", "{w}x{h} portrait clip frame"),
    "landscape": ("khung ngang 16:9 (video ngang, trình chiếu)", "16:9 frame (landscape clip, slides)"),
}


def _front_line(guide: Guide, key: str) -> int:
    if guide.path is None:
        return 1
    try:
        lines = guide.path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        if pattern.match(line):
            return number
    return 1


def _detail(theme: Theme, overflow: float, width: float) -> str:
    """'N px too tall; remove about K characters', estimated from the body font's line."""
    size = theme.size("body")
    line = size * 1.45
    per_line = max(1, int(width / (size * 0.5)))
    chars = max(10, math.ceil(overflow / line) * per_line)
    px = math.ceil(overflow)
    return say(
        "thiếu {px} điểm ảnh; hãy bớt khoảng {chars} ký tự",
        "{px} px too tall; remove about {chars} characters",
        px=px,
        chars=chars,
    )


def _output(kind: str, size: QSize) -> str:
    vi, en = _OUTPUTS[kind]
    return say(vi, en, w=size.width(), h=size.height())


def fit_problems(guide: Guide, theme_name: str | Path = "default", output_format: str | None = None) -> list[Problem]:
    """Every place where the guide's text does not fit a card, clip frame or slide in this theme.

    With `output_format` (an export format name in FORMAT_OUTPUTS) only what that format paints is measured.
    """
    file = guide.path or Path(guide.slug or "guide.md")
    try:
        theme = load_theme(theme_name)
    except ThemeError as exc:
        return [Problem(Path(exc.where), exc.line, "bad-theme", {"value": exc.name, "detail": exc.detail}, ERROR)]
    ensure_gui()
    wanted = FORMAT_OUTPUTS.get(output_format or "", ("card", "portrait", "landscape"))
    frames = [(size, kind) for size, kind in zip(FRAMES, ("portrait", "landscape"), strict=True) if kind in wanted]
    card = _output("card", CARD_SIZE)
    cover = say("tiêu đề và tóm tắt", "the title and summary")
    ending = say("đường dây nóng và liên kết chính thức", "the hotline and official link")
    title_line, links_line = _front_line(guide, "title"), _front_line(guide, "links")
    # (line, what, output, overflow in px) for every measured place
    checks: list[tuple[int, str, str, float]] = []
    try:
        if "card" in wanted:
            checks.append((title_line, cover, card, card_overflow(guide, theme, 0)))
            checks.append((links_line, ending, card, card_overflow(guide, theme, card_count(guide) - 1)))
        for size, kind in frames:
            checks.append((title_line, cover, _output(kind, size), scene_overflow(guide, theme, Scene("title"), size)))
            checks.append((links_line, ending, _output(kind, size), scene_overflow(guide, theme, Scene("end"), size)))
        for index, step in enumerate(guide.steps):
            what = say("bước {n} '{title}'", "step {n} '{title}'", n=index + 1, title=step.title)
            if "card" in wanted:
                checks.append((step.line, what, card, card_overflow(guide, theme, index + 1)))
            for size, kind in frames:
                checks.append((step.line, what, _output(kind, size), scene_overflow(guide, theme, Scene("step", index), size)))
    except StepImageError as exc:
        return [exc.problem]
    return [
        Problem(
            file,
            line,
            "does-not-fit",
            {"what": what, "output": output, "detail": _detail(theme, overflow, CARD_SIZE.width() - 100)},
            ERROR,
        )
        for line, what, output, overflow in checks
        if overflow > 0.5
    ]
