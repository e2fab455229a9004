"""Infographic render time and file sizes for every bundled guide and theme.

Budget (2-core machine): the strip of a 10-step guide paints in under 0.5 s; the PNG strip is at
most 1.5 MB and the JPEG strip at most 500 KB (mozjpeg, highest quality that fits).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/infographic.py [--themes ...] [--write]`.
Prints a Markdown table; `--write` also replaces the "## Infographic" section of docs/benchmarks.md.
"strip paint" is render_strip after one warm-up (images decoded and cached), best of --repeat;
"first paint" includes decoding the screenshots; "all files" renders and encodes the strip and
every card in PNG and JPEG, in memory (writing adds one fsync per file).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

PAINT_BUDGET_S = 0.5
PNG_BUDGET = 1_500_000
JPEG_BUDGET = 500_000
HEADING = "## Infographic"


def measure(library: Path, themes: list[str], repeat: int) -> tuple[list[str], float]:
    """Rows of the Markdown table and the Qt start-up time."""
    started = time.perf_counter()
    from trainer.render.gui import ensure_gui

    ensure_gui()
    startup = time.perf_counter() - started
    from trainer.exporters import ExportError, get_exporter
    from trainer.render.image import _checked_size, _open_cached, _prepared
    from trainer.render.strip import render_strip
    from trainer.render.theme import load_theme
    from trainer.store import load_library

    quality_of = _quality_reader()
    guides, problems = load_library(library)
    for problem in problems:
        print(f"skipped: {problem}", file=sys.stderr)
    exporter = get_exporter("infographic")
    rows = []
    for guide in sorted(guides, key=lambda g: g.slug):
        for name in themes:
            theme = load_theme(name)
            _open_cached.cache_clear()
            _checked_size.cache_clear()
            _prepared.cache_clear()
            t0 = time.perf_counter()
            image = render_strip(guide, theme)
            first = time.perf_counter() - t0
            best = min(_timed(render_strip, guide, theme) for _ in range(repeat))
            t0 = time.perf_counter()
            try:
                files = dict(exporter.render(guide, exporter.Options(theme=name)))
            except ExportError as exc:  # a guide that does not export is a row, not a crash
                rows.append(
                    f"| {guide.slug} | {name} | {len(guide.steps)} | {image.height()} | {first:.2f} | {best:.2f} | failed: {exc} | | | | |"
                )
                continue
            total = time.perf_counter() - t0
            png = len(files[f"{guide.slug}-infographic-strip.png"])
            jpg_data = files[f"{guide.slug}-infographic-strip.jpg"]
            jpg = len(jpg_data)
            cards = sum(len(data) for key, data in files.items() if "-card-" in key)
            flags = []
            if best > PAINT_BUDGET_S:
                flags.append("paint over budget")
            if png > PNG_BUDGET:
                flags.append("PNG over budget")
            if jpg > JPEG_BUDGET:
                flags.append("JPEG over budget")
            rows.append(
                f"| {guide.slug} | {name} | {len(guide.steps)} | {image.height()} | {first:.2f} | {best:.2f} | {total:.2f} "
                f"| {png / 1000:.0f} | {jpg / 1000:.0f} | {quality_of(jpg_data)} | {cards / 1000:.0f} |"
                + (f" {', '.join(flags)}" if flags else "")
            )
    return rows, startup


def _quality_reader():  # type: ignore[no-untyped-def]
    """A function JPEG bytes -> the ladder quality they were encoded at (read back from the luma table)."""
    import io

    from PIL import Image

    from trainer.exporters.infographic import JPEG_QUALITIES, _mozjpeg

    tables = {}
    for mode in ("RGB", "L"):
        for quality in JPEG_QUALITIES:
            sample = Image.open(io.BytesIO(_mozjpeg(Image.new(mode, (16, 16), "white"), quality)))
            tables[tuple(sample.quantization[0])] = quality

    def quality_of(data: bytes) -> str:
        return str(tables.get(tuple(Image.open(io.BytesIO(data)).quantization[0]), "?"))

    return quality_of


def _png_below_jpeg(row: str) -> bool:
    """Whether a table row's PNG strip is smaller than its JPEG strip (False for a failed row)."""
    cells = [c.strip() for c in row.split("|")]
    try:
        return int(cells[8]) < int(cells[9])
    except (IndexError, ValueError):
        return False


def _timed(action, *args) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    action(*args)
    return time.perf_counter() - t0


def load_average() -> str:
    """The 1-minute load average as words (read it before measuring: the benchmark adds to it)."""
    try:
        return "load average %.1f" % os.getloadavg()[0]  # noqa: UP031
    except OSError:
        return "load unknown"


def table(rows: list[str], startup: float, load: str) -> str:
    """The Markdown section."""
    import PySide6
    import pyvips
    from PIL import __version__ as pillow

    png_smaller = sum(1 for row in rows if _png_below_jpeg(row))
    lines = [
        HEADING,
        "",
        f"Measured with `bench/infographic.py` on {os.cpu_count()} cores ({platform.machine()}, Python {platform.python_version()}, "
        f"PySide6 {PySide6.__version__}, Pillow {pillow}, libvips {pyvips.version(0)}.{pyvips.version(1)}.{pyvips.version(2)} "
        f"with mozjpeg), {load} at the start. Qt start-up and font registration: "
        f"{startup:.2f} s, once per process. Budget: strip paint < {PAINT_BUDGET_S} s for a 10-step guide, PNG strip "
        f"<= {PNG_BUDGET // 1000} KB, JPEG strip <= {JPEG_BUDGET // 1000} KB.",
        "",
        "| guide | theme | steps | strip px tall | first paint s | strip paint s | all files s | strip PNG KB | strip JPEG KB "
        "| JPEG quality | cards KB (PNG+JPEG) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        "- strip paint: `render_strip` with the screenshots already decoded (best of 3); first paint includes decoding them.",
        "- all files: strip + every card, PNG (256-colour palette) and JPEG (mozjpeg through libvips: trellis",
        "  quantisation, optimised progressive scans), rendered and encoded in memory. The strip JPEG gets the",
        "  highest quality of 90, 85, ... 40, 36, 33, 30 that fits 500 KB (a bisection: about 4 encodes); cards are",
        "  quality 86. 'JPEG quality' is the setting the strip got, read back from its quantisation table.",
        "- Bytes follow the outlines of the glyphs, not the height: large print has half again as much outline",
        "  (body text 1.5x), so its strips need lower settings than the default theme's at the same budget.",
        f"- The palette PNG strip is smaller than the JPEG for {png_smaller} of {len(rows)} strips (flat drawings and text):",
        "  where it is, share the PNG over 3G.",
        "",
    ]
    return "\n".join(lines)


def write_section(section: str, docs: Path) -> None:
    """Replace the Infographic section of docs/benchmarks.md (other sections untouched)."""
    text = docs.read_text(encoding="utf-8") if docs.exists() else "# Benchmarks\n"
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip() == HEADING), None)
    if start is None:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        text = "\n".join(lines[:start] + section.rstrip("\n").split("\n") + [""] + lines[end:])
    from trainer.store.atomic import atomic_write_text

    atomic_write_text(docs, text.rstrip("\n") + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--themes", default="default,large-print,grayscale")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("library", nargs="?", default=str(REPO / "content"))
    args = parser.parse_args()
    load = load_average()
    rows, startup = measure(Path(args.library), args.themes.split(","), args.repeat)
    section = table(rows, startup, load)
    print(section)
    if args.write:
        write_section(section, REPO / "docs" / "benchmarks.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
