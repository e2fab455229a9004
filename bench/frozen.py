"""The frozen app's size and start time: folder total and top contributors, `Trainer --version` and time to window.

    python bench/frozen.py [--app dist/Trainer/Trainer] [--runs 5]

Cold means the folder's files were dropped from the page cache first (posix_fadvise DONTNEED on every
file, which needs no root), as after a reboot; warm is the median of the following runs. The window time
is from starting `Trainer` (no arguments: the user's library, copied from the bundled guides on the first
start) under Xvfb at 1366x768 until xdotool sees a visible window named Trainer.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def folder_size(app_dir: Path) -> tuple[int, Counter[str], list[tuple[int, str]]]:
    """Total bytes, bytes per top-level entry of _internal (Qt libraries one by one), and the largest files."""
    groups: Counter[str] = Counter()
    files: list[tuple[int, str]] = []
    total = 0
    internal = app_dir / "_internal"
    for path in app_dir.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        size = path.stat().st_size
        total += size
        rel = path.relative_to(app_dir)
        files.append((size, str(rel)))
        if path.is_relative_to(internal):
            parts = path.relative_to(internal).parts
            group = "/".join(parts[:3]) if parts[:2] == ("PySide6", "Qt") and len(parts) > 3 else parts[0]
            groups[group] += size
        else:
            groups[str(rel)] += size
    return total, groups, sorted(files, reverse=True)[:10]


def drop_cache(app_dir: Path) -> None:
    """Evict the folder's files from the page cache, so the next start reads them from disk."""
    for path in app_dir.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fdatasync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def env_for(home: Path, **extra: str) -> dict[str, str]:
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return {"PATH": "/nonexistent", "HOME": str(home), "TMPDIR": str(home / "tmp"), "LANG": "C.UTF-8", **extra}


def time_version(app: Path, home: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one `Trainer --version`; CPU does not depend on the load."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([str(app), "--version"], check=True, capture_output=True, env=env_for(home, QT_QPA_PLATFORM="offscreen"))
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def time_window(app: Path, home: Path, display: str) -> float:
    """Seconds from start to a visible Trainer window; the app is then closed with Ctrl+Q."""
    tools = {"DISPLAY": display, "PATH": "/usr/bin:/bin"}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(app)],
        env=env_for(home, DISPLAY=display, QT_QPA_PLATFORM="xcb"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "Trainer"], capture_output=True, text=True, env=tools
            ).stdout.split()
            if found:
                shown = time.perf_counter() - started
                break
            if proc.poll() is not None or time.perf_counter() - started > 120:
                raise RuntimeError(f"no window (exit {proc.poll()})")
            time.sleep(0.05)
        time.sleep(1)
        sys.path.insert(0, str(ROOT / "tests" / "packaging"))
        from test_frozen import quit_with_ctrl_q

        if quit_with_ctrl_q(proc, found[0], tools) != 0:  # type: ignore[arg-type]
            raise RuntimeError("the app did not quit cleanly on Ctrl+Q")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    exe = "Trainer.exe" if sys.platform == "win32" else "Trainer"
    parser.add_argument("--app", default=str(ROOT / "dist" / "Trainer" / exe), help="the frozen executable (make dist)")
    parser.add_argument("--runs", type=int, default=5, help="warm runs after the cold one")
    args = parser.parse_args()
    app = Path(args.app).resolve()
    if not app.is_file():
        sys.exit(f"{app} does not exist: run `make dist` first")
    app_dir = app.parent

    total, groups, largest = folder_size(app_dir)
    print(f"folder: {total / 2**20:.0f} MiB in {sum(1 for p in app_dir.rglob('*') if p.is_file())} files")
    print("| part | MiB |\n|---|---:|")
    for name, size in groups.most_common(10):
        print(f"| {name} | {size / 2**20:.1f} |")
    print("largest files:")
    for size, name in largest:
        print(f"  {size / 2**20:7.1f} MiB  {name}")

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        drop_cache(app_dir)
        cold, cold_cpu = time_version(app, home)
        warm_runs = [time_version(app, home) for _ in range(args.runs)]
        warm, warm_cpu = statistics.median(w for w, _ in warm_runs), statistics.median(c for _, c in warm_runs)
        print(
            f"--version: cold {cold:.2f} s ({cold_cpu:.2f} s CPU), warm {warm:.2f} s ({warm_cpu:.2f} s CPU, median of {args.runs})"
        )
        print(f"load average now: {os.getloadavg()[0]:.1f}")
        if shutil.which("xdotool") and shutil.which("Xvfb"):
            from support import start_xvfb

            xvfb, display = start_xvfb(1366, 768)
            try:
                drop_cache(app_dir)
                cold_window = time_window(app, home / "first", display)  # first start: copies the bundled guides
                warm_window = statistics.median(time_window(app, home / "first", display) for _ in range(args.runs))
                print(f"window: cold first start {cold_window:.2f} s, warm {warm_window:.2f} s (median of {args.runs})")
            finally:
                xvfb.kill()
                xvfb.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
