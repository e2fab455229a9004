"""Clip export speed, memory and size against the reference ffmpeg command (budget in docs/benchmarks.md).

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/clip.py [GUIDE_DIR] [--repeat N]`.

For the longest bundled guide (or GUIDE_DIR) it exports the vertical preset with
Trainer and, in the same run on the same painted stills and the same scene durations, times the
reference command from issue 6: one ffmpeg call, each still decoded once and repeated with the
`loop` filter, crossfades with `xfade`, `-preset veryfast -tune stillimage`. Each side runs in its
own worker process so its peak memory (the Python process plus the ffmpeg it waited for) is its
own; runs alternate, and the best of --repeat is reported. Then it exports share and lite to check
the MB-per-minute budget and lite's speed. Prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

BUDGET_RATIO = 0.6
BUDGET_MEMORY_MB = 600
BUDGET_LITE_REALTIME = 20.0
BUDGET_MB_PER_MINUTE = {"share": 2.0, "lite": 1.0}


def reference_command(ffmpeg: str, stills: list[Path], frames: list[int], fps: int, output: Path) -> list[str]:
    """The issue's reference: loop filter per still, xfade chain, libx264 veryfast + stillimage."""
    fade = round(0.5 * fps)
    cmd = [ffmpeg, "-nostdin", "-v", "error", "-y"]
    for still in stills:
        cmd += ["-framerate", str(fps), "-i", str(still)]
    parts = []
    last = len(stills) - 1
    for k, count in enumerate(frames):
        length = count + (fade if k < last else 0)
        parts.append(f"[{k}:v]loop=loop={length - 1}:size=1:start=0,setpts=N/({fps}*TB)[s{k}]")
    previous, at = "s0", 0
    for k in range(1, last + 1):
        at += frames[k - 1]
        out = "v" if k == last else f"x{k}"
        parts.append(f"[{previous}][s{k}]xfade=transition=fade:duration=0.5:offset={at / fps:.6f}[{out}]")
        previous = out
    cmd += ["-filter_complex", ";".join(parts), "-map", "[v]", "-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage"]
    cmd += ["-pix_fmt", "yuv420p", "-r", str(fps), "-movflags", "+faststart", str(output)]
    return cmd


def _peaks() -> tuple[float, float]:
    """(this process, largest waited-for child) peak resident memory in MB (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


def worker(args: argparse.Namespace) -> int:
    """One measured run in this fresh process; prints one JSON line."""
    # CPU seconds (this process + ffmpeg) as well as wall time: on a shared, loaded machine the
    # wall-clock ratio swings with the neighbours' load, the CPU-time ratio does not.
    cpu0 = sum(
        u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )
    if args.worker == "reference":
        spec = json.loads(Path(args.spec).read_text())
        output = Path(args.out) / "reference.mp4"
        t0 = time.perf_counter()
        subprocess.run(spec["cmd"][:-1] + [str(output)], check=True)
        seconds = time.perf_counter() - t0
        paths = [output]
    else:
        from trainer.exporters.clip import ClipExporter, ClipOptions
        from trainer.render.gui import ensure_gui
        from trainer.store import load_guide

        ensure_gui()  # Qt start-up is the app's, not the export's
        guide = load_guide(args.guide)
        cpu0 = sum(
            u.ru_utime + u.ru_stime
            for u in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
        )
        t0 = time.perf_counter()
        paths = ClipExporter().export(guide, Path(args.out), ClipOptions(preset=args.worker))
        seconds = time.perf_counter() - t0
    own, child = _peaks()
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in usage) - cpu0
    print(json.dumps({"seconds": seconds, "cpu": cpu, "own_mb": own, "ffmpeg_mb": child, "bytes": paths[0].stat().st_size}))
    return 0


def _run_worker(kind: str, out: Path, guide: str, spec: Path | None = None) -> dict:
    cmd = [sys.executable, __file__, "--worker", kind, "--out", str(out), guide]
    if spec is not None:
        cmd += ["--spec", str(spec)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("guide", nargs="?", help="guide folder (default: the bundled guide with the longest clip)")
    parser.add_argument("--repeat", type=int, default=1, help="alternating runs of each side; the best is reported")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--spec", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args)

    import imageio_ffmpeg
    from PySide6.QtCore import QSize

    from trainer.exporters.clip import PRESETS, clip_timeline
    from trainer.render.gui import ensure_gui
    from trainer.render.scene import render_scene, scenes
    from trainer.render.theme import load_theme
    from trainer.store import load_guide

    load0 = os.getloadavg()[0]
    ensure_gui()
    if not args.guide:
        folders = sorted(p.parent for p in (REPO / "content").glob("*/guide.md"))
        args.guide = str(max(folders, key=lambda folder: clip_timeline(load_guide(folder)).total))
    guide = load_guide(args.guide)
    timeline = clip_timeline(guide)
    vertical = PRESETS["vertical"]
    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    results: dict[str, list[dict]] = {"reference": [], "vertical": []}
    sizes: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-clip-") as tmp_name:
        tmp = Path(tmp_name)
        theme = load_theme("default")
        stills = []
        for index, scene in enumerate(scenes(guide)):
            path = tmp / f"scene-{index:02d}.png"
            render_scene(guide, theme, scene, QSize(vertical.width, vertical.height)).save(str(path), "PNG", 90)
            stills.append(path)
        spec = tmp / "reference.json"
        spec.write_text(
            json.dumps({"cmd": reference_command(ffmpeg, stills, list(timeline.frames), timeline.fps, tmp / "x.mp4")})
        )
        for _ in range(args.repeat):
            results["reference"].append(_run_worker("reference", tmp, args.guide, spec))
            results["vertical"].append(_run_worker("vertical", tmp, args.guide))
        for name in BUDGET_MB_PER_MINUTE:
            sizes[name] = _run_worker(name, tmp, args.guide)

    minutes = timeline.total / 60
    ref = min(results["reference"], key=lambda r: r["seconds"])
    ours = min(results["vertical"], key=lambda r: r["seconds"])
    ratio = ours["seconds"] / ref["seconds"]
    cpu_ratio = ours["cpu"] / ref["cpu"]
    peak = ours["own_mb"] + ours["ffmpeg_mb"]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; load {load0:.1f} -> {os.getloadavg()[0]:.1f}"
    )
    print(
        f"guide: {guide.slug}, {len(guide.steps)} steps, clip {timeline.total:.1f} s ({len(timeline.frames)} scenes, {timeline.fps} fps)"
    )
    print()
    print("| run | export s (wall) | CPU s | realtime x | peak MB (python + ffmpeg) | file MB | MB/min |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, r in (("reference ffmpeg (vertical)", ref), ("Trainer vertical", ours)):
        print(
            f"| {label} | {r['seconds']:.1f} | {r['cpu']:.1f} | {timeline.total / r['seconds']:.2f} | "
            f"{r['own_mb']:.0f} + {r['ffmpeg_mb']:.0f} | {r['bytes'] / 1e6:.2f} | {r['bytes'] / 1e6 / minutes:.2f} |"
        )
    for name, r in sizes.items():
        print(
            f"| Trainer {name} | {r['seconds']:.1f} | {r['cpu']:.1f} | {timeline.total / r['seconds']:.2f} | "
            f"{r['own_mb']:.0f} + {r['ffmpeg_mb']:.0f} | {r['bytes'] / 1e6:.2f} | {r['bytes'] / 1e6 / minutes:.2f} |"
        )
    print()
    checks = [
        (f"time ratio Trainer/reference {ratio:.2f} (wall) <= {BUDGET_RATIO}", ratio <= BUDGET_RATIO),
        (f"CPU-time ratio Trainer/reference {cpu_ratio:.2f} <= {BUDGET_RATIO}", cpu_ratio <= BUDGET_RATIO),
        (f"peak memory {peak:.0f} MB < {BUDGET_MEMORY_MB} MB", peak < BUDGET_MEMORY_MB),
    ]
    for name, limit in BUDGET_MB_PER_MINUTE.items():
        per_minute = sizes[name]["bytes"] / 1e6 / minutes
        checks.append((f"{name} {per_minute:.2f} MB/min <= {limit}", per_minute <= limit))
    lite_speed = timeline.total / sizes["lite"]["seconds"]
    lite_cpu_speed = timeline.total / sizes["lite"]["cpu"]
    checks.append((f"lite {lite_speed:.1f}x realtime (wall) >= {BUDGET_LITE_REALTIME:.0f}x", lite_speed >= BUDGET_LITE_REALTIME))
    checks.append(
        (f"lite {lite_cpu_speed:.1f}x realtime (CPU s) >= {BUDGET_LITE_REALTIME:.0f}x", lite_cpu_speed >= BUDGET_LITE_REALTIME)
    )
    for text, ok in checks:
        print(f"- {'OK ' if ok else 'OVER'} {text}")
    print(
        f"\nall runs (s): reference {[round(r['seconds'], 1) for r in results['reference']]}, "
        f"Trainer {[round(r['seconds'], 1) for r in results['vertical']]}"
    )
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
