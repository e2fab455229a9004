"""Draw Trainer's app icon: a phone showing numbered steps, on the department's blue.

    .venv/bin/python tools/make_icon.py

Writes src/trainer/resources/icons/trainer.ico, 16-256 px: the app's windows (ui/app.py), Trainer.exe, its
shortcuts and the installer (packaging/). Each size is drawn at 8x and reduced, and sizes of 24 px and under
drop the step lines, which would only blur there: what stays is the phone and its red step dot. Colours are
the default theme's.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "src" / "trainer" / "resources" / "icons"
BLUE = (11, 74, 139, 255)  # theme primary #0b4a8b
RED = (200, 16, 46, 255)  # theme accent #c8102e
WHITE = (255, 255, 255, 255)
PALE = (190, 210, 232, 255)
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
SCALE = 8


def draw(size: int) -> Image.Image:
    """The icon at `size` pixels square."""
    s = size * SCALE
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return round(x0 * s), round(y0 * s), round(x1 * s), round(y1 * s)

    small = size <= 24
    margin = 0.0 if small else 0.04
    d.rounded_rectangle(box(margin, margin, 1 - margin, 1 - margin), radius=round(0.2 * s), fill=BLUE)
    # The phone: a white frame with a pale screen.
    left, top, right, bottom = (0.27, 0.13, 0.73, 0.87) if not small else (0.24, 0.1, 0.76, 0.9)
    d.rounded_rectangle(box(left, top, right, bottom), radius=round(0.09 * s), fill=WHITE)
    frame = 0.045 if not small else 0.08
    screen = (left + frame, top + frame * 1.6, right - frame, bottom - frame * 1.6)
    d.rounded_rectangle(box(*screen), radius=round(0.03 * s), fill=PALE if not small else WHITE)
    if small:
        d.ellipse(box(0.36, 0.34, 0.64, 0.62), fill=RED)
        return image.resize((size, size), Image.Resampling.LANCZOS)
    # Three steps: a dot and a line each; the first dot red (the step being shown).
    x0, x1 = screen[0] + 0.04, screen[2] - 0.04
    for n, y in enumerate((0.3, 0.47, 0.64)):
        r = 0.045
        d.ellipse(box(x0, y - r, x0 + 2 * r, y + r), fill=RED if n == 0 else BLUE)
        d.rounded_rectangle(box(x0 + 2 * r + 0.03, y - 0.018, x1, y + 0.018), radius=round(0.018 * s), fill=BLUE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    images = [draw(size) for size in SIZES]
    # Pillow writes each given size from the image of that size (append_images), not one reduced image.
    images[-1].save(FOLDER / "trainer.ico", sizes=[(n, n) for n in SIZES], append_images=images[:-1])
    print(f"wrote {FOLDER / 'trainer.ico'}")


if __name__ == "__main__":
    main()
