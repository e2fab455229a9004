"""Handout export time and PDF size per bundled guide, preset and theme (budget: each < 1 s and < 1.5 MB).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/handout.py [--themes default,grayscale,large-print]`.
Prints a Markdown table for docs/benchmarks.md. Each export is timed in this process after one
warm-up export (Qt start and font registration are measured once, separately), best of --repeat runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

BUDGET_SECONDS = 1.0
BUDGET_BYTES = 1_500_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--themes", default="default,grayscale,large-print")
    parser.add_argument("--repeat", type=int, default=3, help="runs per export; the best is reported")
    parser.add_argument("library", nargs="?", default=str(REPO / "content"))
    args = parser.parse_args()

    started = time.perf_counter()
    from trainer.render.gui import ensure_gui

    ensure_gui()
    startup = time.perf_counter() - started
    from trainer.exporters.handout import PRESETS, HandoutExporter
    from trainer.store import load_library

    guides, problems = load_library(args.library)
    for problem in problems:
        print(f"skipped: {problem}", file=sys.stderr)
    exporter = HandoutExporter()
    rows = []
    over = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        exporter.export(guides[0], out, exporter.Options(preset="a4"))  # warm-up: first paint loads Qt's PDF engine
        for theme in args.themes.split(","):
            for guide in guides:
                for preset in PRESETS:
                    best = float("inf")
                    for _ in range(args.repeat):
                        t0 = time.perf_counter()
                        (path,) = exporter.export(guide, out, exporter.Options(theme=theme, preset=preset))
                        best = min(best, time.perf_counter() - t0)
                    size = path.stat().st_size
                    ok = best < BUDGET_SECONDS and size < BUDGET_BYTES
                    over += not ok
                    rows.append((guide.slug, theme, preset, best, size, ok))
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; Qt start + fonts {startup:.2f} s (once per process)\n"
    )
    print("| guide | theme | preset | time (s) | size (KB) | within budget |")
    print("|---|---|---|---:|---:|---|")
    for slug, theme, preset, seconds, size, ok in rows:
        print(f"| {slug} | {theme} | {preset} | {seconds:.2f} | {size / 1000:.0f} | {'yes' if ok else 'NO'} |")
    slowest = max(rows, key=lambda r: r[3])
    largest = max(rows, key=lambda r: r[4])
    print(
        f"\nSlowest: {slowest[0]} {slowest[1]} {slowest[2]} {slowest[3]:.2f} s; largest: {largest[0]} {largest[1]} {largest[2]} {largest[4] / 1000:.0f} KB"
    )
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
