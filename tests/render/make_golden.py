"""Regenerate the golden images in tests/render/golden/ after an intended layout change.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/render/make_golden.py`, look at every PNG it
writes (they are small), and commit them with the change that moved the layout. test_golden.py
renders the same things and compares with a tolerance, so font rasterizer differences between
machines pass and layout regressions (a moved block, a lost callout, a wrong colour) fail.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parents[1] / "src")]

from PIL import Image  # noqa: E402
from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from render_guides import write_guide  # noqa: E402

GOLDEN = HERE / "golden"
# Golden images are kept at a quarter of the size: enough to see layout, small in the repository.
SHRINK = 4


def cases() -> dict[str, Callable]:  # type: ignore[type-arg]
    """name -> function(guide) returning a QImage."""
    from trainer.render.card import render_card
    from trainer.render.scene import Scene, render_scene
    from trainer.render.strip import render_strip
    from trainer.render.theme import load_theme

    found: dict[str, Callable] = {}  # type: ignore[type-arg]
    for theme in ("default", "large-print", "grayscale"):
        found[f"card-cover-{theme}"] = lambda g, t=theme: render_card(g, load_theme(t), 0)
        found[f"card-step1-{theme}"] = lambda g, t=theme: render_card(g, load_theme(t), 1)
        found[f"card-end-{theme}"] = lambda g, t=theme: render_card(g, load_theme(t), len(g.steps) + 1)
        found[f"strip-{theme}"] = lambda g, t=theme: render_strip(g, load_theme(t))
    found["scene-step3-landscape"] = lambda g: render_scene(g, load_theme("default"), Scene("step", 2), QSize(1280, 720))
    found["scene-step1-portrait"] = lambda g: render_scene(g, load_theme("default"), Scene("step", 0), QSize(720, 1280))
    return found


def golden_guide(folder: Path):  # type: ignore[no-untyped-def]
    """The fixed guide every golden image shows (Pillow-drawn screenshots, one of each kind of mark)."""
    from trainer.store import load_guide

    write_guide(
        folder / "golden",
        slug="golden",
        annotations={0: "tap 0.5 0.4\nbox 0.1 0.36 0.9 0.45\nbadge 0.9 0.3\narrow 0.8 0.7 0.55 0.47\nblur 0.05 0.1 0.95 0.14"},
    )
    return load_guide(folder / "golden")


def small(image: QImage) -> Image.Image:
    """A QImage as a Pillow image shrunk by SHRINK (box filter: the average colour of each block)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    full = Image.frombuffer("RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB", rgb.bytesPerLine(), 1)
    return full.resize((max(1, full.width // SHRINK), max(1, full.height // SHRINK)), Image.Resampling.BOX)


def main() -> int:
    from trainer.render.gui import ensure_gui

    ensure_gui()
    GOLDEN.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        guide = golden_guide(Path(tmp))
        for name, render in cases().items():
            path = GOLDEN / f"{name}.png"
            small(render(guide)).save(path, optimize=True)
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
