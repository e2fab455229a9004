"""Helpers for importer tests: pictures with a known colour, check with every theme, export in every format."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from PIL import Image

from trainer.check import check_folder
from trainer.cli import measure_themes
from trainer.exporters import formats, get_exporter
from trainer.render.theme import theme_names
from trainer.store import load_guide
from trainer.store.problems import ERROR, Problem

# One colour per step: an imported step's picture tells which source picture it came from.
COLOURS = [(200, 30, 30), (30, 160, 40), (30, 60, 200), (220, 160, 20), (140, 40, 160), (20, 160, 170), (90, 90, 90)]


def picture_bytes(colour: tuple[int, int, int], size: tuple[int, int] = (360, 640), fmt: str = "PNG") -> bytes:
    """A phone-shaped picture of one colour with a white band in the middle (not a blank image)."""
    image = Image.new("RGB", size, colour)
    image.paste((255, 255, 255), (size[0] // 4, size[1] // 2 - 20, 3 * size[0] // 4, size[1] // 2 + 20))
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def colour_of(folder: Path, relative: str) -> tuple[int, int, int]:
    """The colour near the top-left corner of an imported picture."""
    with Image.open(folder / relative) as image:
        return image.convert("RGB").getpixel((5, image.height // 4))  # type: ignore[return-value]


def near(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 12) -> bool:
    """True when two colours differ by at most `tolerance` in each channel (JPEG and PDF round trips)."""
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def errors(folder: Path) -> list[Problem]:
    """Every error `trainer check` reports for a guide folder, measured in every built-in theme."""
    guide, problems = check_folder(folder)
    assert guide is not None, problems
    problems = problems + measure_themes(guide, theme_names())
    return [p for p in problems if p.severity == ERROR]


def export_everything(folder: Path, out: Path) -> list[Path]:
    """Export a guide in every format (clips at the lite preset with one-second steps, as a quick check)."""
    written: list[Path] = []
    for name in formats():
        guide = load_guide(folder)
        exporter = get_exporter(name)
        options = exporter.Options(preset="lite" if name == "clip" else None)
        if name == "clip":
            for step in guide.steps:
                step.duration = 1.0
        files = exporter.export(guide, out / name, options)
        assert files and all(f.is_file() and f.stat().st_size > 0 for f in files), name
        written.extend(files)
    return written


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` with its bytes (to prove nothing was written)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def cli_import(source: Path, library: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`trainer import SOURCE --library LIBRARY ...` in a fresh process, as a person runs it."""
    command = [sys.executable, "-m", "trainer", "import", str(source), "--library", str(library), *extra]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=None)
