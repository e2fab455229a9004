"""PPTX export time, size and LibreOffice round trip per bundled guide; presenter slide render times.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/presenter_pptx.py`.
Prints Markdown tables for docs/benchmarks.md. PPTX: one warm-up export, then the best of --repeat;
LibreOffice converts every deck in one call (private profile) and pdftotext looks for each step title.
Presenter: each slide painted at 1920x1080 the first time (cold) and again from the window's cache.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="runs per export; the best is reported")
    parser.add_argument("library", nargs="?", default=str(REPO / "content"))
    args = parser.parse_args()

    from trainer.render.gui import ensure_gui

    ensure_gui()
    from PySide6.QtCore import QSize

    from trainer.exporters.pptx import PptxExporter, PptxOptions
    from trainer.presenter import Presenter
    from trainer.render.scene import Scene, render_scene
    from trainer.render.theme import load_theme
    from trainer.store import load_library

    guides, _ = load_library(args.library)
    out = Path(tempfile.mkdtemp(prefix="bench-pptx-"))
    exporter = PptxExporter()
    exporter.export(guides[0], out / "warm", PptxOptions())
    rows = []
    decks = []
    for guide in guides:
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            (path,) = exporter.export(guide, out, PptxOptions())
            best = min(best, time.perf_counter() - started)
        from pptx import Presentation

        slides = len(Presentation(str(path)).slides)
        decks.append((guide, path, slides))
        rows.append((guide.slug, slides, best, path.stat().st_size))

    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    converted: dict[str, tuple[int, int, float]] = {}
    if soffice and pdftotext:
        profile = Path(tempfile.mkdtemp(prefix="bench-lo-"))
        started = time.perf_counter()
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out / "pdf"),
            ]
            + [str(p) for _, p, _ in decks],
            capture_output=True,
            check=True,
            timeout=600,
        )
        per_deck = (time.perf_counter() - started) / len(decks)
        for guide, path, _ in decks:
            text = plain(
                subprocess.run([pdftotext, str(out / "pdf" / (path.stem + ".pdf")), "-"], capture_output=True, text=True).stdout
            )
            hits = sum(plain(step.title) in text for step in guide.steps)
            converted[guide.slug] = (hits, len(guide.steps), per_deck)

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; PPTX best of {args.repeat}.\n"
    )
    print("| guide | slides | export s | size KB | LibreOffice: step titles found by pdftotext |")
    print("|---|---:|---:|---:|---|")
    for slug, slides, seconds, size in rows:
        hits = converted.get(slug)
        found = f"{hits[0]}/{hits[1]}" if hits else "soffice/pdftotext missing"
        print(f"| {slug} | {slides} | {seconds:.2f} | {size // 1024} | {found} |")
    if converted:
        print(f"\nLibreOffice PPTX -> PDF: {next(iter(converted.values()))[2]:.1f} s per deck (all decks in one soffice call).")

    theme = load_theme("default")
    cold, warm = [], []
    for guide in guides:
        for slide in Presenter(guide).slides:
            scene = Scene(slide.kind, -1 if slide.step_index is None else slide.step_index)
            started = time.perf_counter()
            render_scene(guide, theme, scene, QSize(1920, 1080))
            cold.append(time.perf_counter() - started)
            started = time.perf_counter()
            render_scene(guide, theme, scene, QSize(1920, 1080))
            warm.append(time.perf_counter() - started)
    cold.sort()
    warm.sort()
    print(
        f"\nPresenter slide at 1920x1080, {len(cold)} slides: first paint median {cold[len(cold) // 2] * 1000:.0f} ms, "
        f"max {cold[-1] * 1000:.0f} ms; second paint (render layer's image cache warm) median {warm[len(warm) // 2] * 1000:.0f} ms "
        f"(after that the presenter window only blits the QImage it cached for that size)."
    )
    shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
