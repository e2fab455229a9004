"""Benchmark `trainer publish`: full publish of the bundled library, a no-change re-publish, and the
incremental re-publish after a one-word edit to one guide's step text.

    .venv/bin/python bench/publish.py [--formats a,b] [--jobs N] [--guide SLUG] [--copies N]

Works on a copy of content/ in a temporary folder (the repository is never edited). --copies N publishes
N copies of the bundled guides under new slugs, to show how the incremental share shrinks as a library grows.
Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from trainer.publish import publish  # noqa: E402
from trainer.publish.state import STATE_FILE  # noqa: E402


def copy_library(target: Path, copies: int) -> list[str]:
    """Copy content/ into target, `copies` times (slugs suffixed -c2, -c3... after the first)."""
    slugs = []
    for n in range(1, copies + 1):
        for folder in sorted(p.parent for p in (REPO / "content").glob("*/guide.md")):
            slug = folder.name if n == 1 else f"{folder.name}-c{n}"
            shutil.copytree(folder, target / slug)
            if n > 1:
                guide = target / slug / "guide.md"
                text = guide.read_text(encoding="utf-8")
                guide.write_text(re.sub(r"(?m)^slug: .*$", f"slug: {slug}", text, count=1), encoding="utf-8")
            slugs.append(slug)
    return slugs


def one_word_edit(guide_md: Path) -> str:
    """Add one word at the end of the first plain text line of the first step; return the edited line."""
    lines = guide_md.read_text(encoding="utf-8").split("\n")
    in_steps = fence = False
    for i, line in enumerate(lines):
        if line.startswith("```"):
            fence = not fence
        if line.startswith("## "):
            in_steps = True
            continue
        if in_steps and not fence and line.strip() and not line.startswith(("!", ">", "```", "-", "#")):
            lines[i] = line.rstrip().rstrip(".") + " ngay."
            guide_md.write_text("\n".join(lines), encoding="utf-8")
            return lines[i]
    raise SystemExit(f"{guide_md}: no step text line to edit")


def timed(label: str, library: Path, out: Path, formats: list[str] | None, jobs: int | None) -> tuple[float, object]:
    start = time.perf_counter()
    summary = publish(library, out, formats=formats, jobs=jobs)
    seconds = time.perf_counter() - start
    failures = "; ".join(f"{f.slug} {f.output}: {f.message}" for f in summary.failures)
    print(
        f"{label}: {seconds:.1f} s, built {summary.built}, unchanged {summary.skipped}, kits {summary.kits_built}",
        file=sys.stderr,
    )
    if failures:
        print(f"  failures: {failures}", file=sys.stderr)
    return seconds, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", help="comma-separated formats (default: every registered format)")
    parser.add_argument("--jobs", type=int, help="worker processes (default: cores)")
    parser.add_argument("--guide", help="slug of the guide to edit (default: the first)")
    parser.add_argument("--copies", type=int, default=1, help="publish N copies of the bundled guides")
    parser.add_argument("--keep", help="keep the published folder here instead of a temporary one")
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if f] if args.formats else None
    with tempfile.TemporaryDirectory(prefix="trainer-bench-") as tmp:
        library = Path(tmp) / "content"
        out = Path(args.keep) if args.keep else Path(tmp) / "dist"
        if out.exists():
            shutil.rmtree(out)
        slugs = copy_library(library, args.copies)
        edited = args.guide or slugs[0]
        full, summary = timed("full publish", library, out, formats, args.jobs)
        nothing, _ = timed("no-change re-publish", library, out, formats, args.jobs)
        line = one_word_edit(library / edited / "guide.md")
        print(f"edited {edited}: {line!r}", file=sys.stderr)
        incremental, inc_summary = timed("one-word re-publish", library, out, formats, args.jobs)
        state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
        per_format: dict[str, float] = defaultdict(float)
        for outputs in state["outputs"].values():
            for key, entry in outputs.items():
                per_format[key] += entry.get("seconds", 0.0)
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        print("| guides | outputs | workers | full publish | no change | one-word edit | edit / full |")
        print("|---|---|---|---|---|---|---|")
        print(
            f"| {len(slugs)} | {summary.built} | {args.jobs or os.cpu_count()} | {full:.1f} s | {nothing:.2f} s | "
            f"{incremental:.1f} s ({inc_summary.built} outputs + 1 kit) | {100 * incremental / full:.1f} % |"
        )
        print()
        print("| output | worker seconds, whole library |")
        print("|---|---|")
        for key in sorted(per_format, key=per_format.get, reverse=True):
            print(f"| {key} | {per_format[key]:.1f} |")
        print(f"\npublished size: {size / 1e6:.1f} MB; failures: {len(summary.failures)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
