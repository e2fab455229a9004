"""Illustration script cost: time to draw the bundled guides' screens and the PNG sizes (budget < 60 KB each).

Run: `.venv/bin/python bench/illustrations.py`. Draws every described screen in memory (nothing is
written), best of --repeat runs, and prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUDGET_BYTES = 60_000


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_illustrations", REPO / "tools" / "make_illustrations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="runs; the best is reported")
    args = parser.parse_args()
    script = _script()
    best = float("inf")
    rendered = {}
    for _ in range(args.repeat):
        started = time.perf_counter()
        rendered = script.render_all()
        best = min(best, time.perf_counter() - started)
    sizes = [len(png) for screens in rendered.values() for png, _ in screens.values()]
    out = sys.stdout
    out.write(f"machine: {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}\n\n")
    out.write(
        "| guides | screens | total time (best) | per screen | total PNG | largest PNG | budget |\n|---|---|---|---|---|---|---|\n"
    )
    out.write(
        f"| {len(rendered)} | {len(sizes)} | {best:.1f} s | {best / len(sizes) * 1000:.0f} ms | {sum(sizes) / 1e6:.2f} MB "
        f"| {max(sizes) / 1000:.1f} KB | {'ok' if max(sizes) < BUDGET_BYTES else 'OVER'} (< {BUDGET_BYTES // 1000} KB) |\n"
    )
    return 0 if max(sizes) < BUDGET_BYTES else 1


if __name__ == "__main__":
    raise SystemExit(main())
