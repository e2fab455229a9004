"""Infographic render time and file sizes for every bundled guide and theme.

Budget (2-core machine): the strip of a 10-step guide paints in under 0.5 s; the PNG strip is at
most 1.5 MB and the JPEG strip at most 500 KB.

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
                    f"| {guide.slug} | {name} | {len(guide.steps)} | {image.height()} | {first:.2f} | {best:.2f} | failed: {exc} | | | |"
                )
                continue
            total = time.perf_counter() - t0
            png = len(files[f"{guide.slug}-infographic-strip.png"])
            jpg = len(files[f"{guide.slug}-infographic-strip.jpg"])
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
                f"| {png / 1000:.0f} | {jpg / 1000:.0f} | {cards / 1000:.0f} |" + (f" {', '.join(flags)}" if flags else "")
            )
    return rows, startup


def _timed(action, *args) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    action(*args)
    return time.perf_counter() - t0


def table(rows: list[str], startup: float) -> str:
    """The Markdown section."""
    import PySide6
    from PIL import __version__ as pillow

    try:
        load = "load average %.1f" % os.getloadavg()[0]  # noqa: UP031
    except OSError:
        load = "load unknown"
    lines = [
        HEADING,
        "",
        f"Measured with `bench/infographic.py` on {os.cpu_count()} cores ({platform.machine()}, Python {platform.python_version()}, "
        f"PySide6 {PySide6.__version__}, Pillow {pillow}), {load} at the start. Qt start-up and font registration: "
        f"{startup:.2f} s, once per process. Budget: strip paint < {PAINT_BUDGET_S} s for a 10-step guide, PNG strip "
        f"<= {PNG_BUDGET // 1000} KB, JPEG strip <= {JPEG_BUDGET // 1000} KB.",
        "",
        "| guide | theme | steps | strip px tall | first paint s | strip paint s | all files s | strip PNG KB | strip JPEG KB | cards KB (PNG+JPEG) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        "- strip paint: `render_strip` with the screenshots already decoded (best of 3); first paint includes decoding them.",
        "- all files: strip + every card, PNG (256-colour palette) and JPEG (quality stepped down from 84 until the",
        "  strip fits 500 KB, never below 35), rendered and encoded in memory.",
        "- Large print sets body text 1.5x, so its strip is about 1.4x taller and its JPEG does not fit 500 KB even at",
        "  quality 35; the PNG strip (1.5 MB budget) does. Default and grayscale strips meet both budgets.",
        "- The palette PNG strip is smaller than the JPEG for every guide (flat drawings and text): share the PNG over 3G.",
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
    rows, startup = measure(Path(args.library), args.themes.split(","), args.repeat)
    section = table(rows, startup)
    print(section)
    if args.write:
        write_section(section, REPO / "docs" / "benchmarks.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
