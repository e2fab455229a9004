"""Personal-data scan: first scan of one 1080x2340 screenshot, and checking the bundled library again (cached).

Run: .venv/bin/python bench/privacy.py [--repeat N]
The synthetic screenshots carry a random pixel, so their scan is always a first scan. The library is
checked in the user's cache folder (or TRAINER_CACHE_DIR): the first pass fills it (it says how many
images were new), the passes after it are the cached re-check. Engine load is timed apart: an app or
`trainer check` pays it once per process. CPU seconds are printed beside wall time because the
machine may be shared: on an idle 2-core machine wall time is about CPU time / 1.6 (two threads).
Budgets (issue 13): first scan of one 1080x2340 screenshot < 2 s on 2 cores; the bundled library
checked again (every image cached) well under 1 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[1]
FONT = REPO / "src" / "trainer" / "resources" / "fonts"


def screenshot(path: Path, seed: int) -> None:
    """A 1080x2340 VNeID-like screen: status bar, labels and values, a hotline, buttons."""
    img = Image.new("RGB", (1080, 2340), "#ffffff")
    d = ImageDraw.Draw(img)
    regular = ImageFont.truetype(str(FONT / "BeVietnamPro-Regular.ttf"), 44)
    bold = ImageFont.truetype(str(FONT / "BeVietnamPro-Bold.ttf"), 52)
    d.text((48, 30), "09:41", font=regular, fill="#111111")
    d.rectangle((0, 120, 1080, 300), fill="#c62828")
    d.text((48, 180), "Thông tin công dân", font=bold, fill="#ffffff")
    rows = [
        ("Họ và tên", "NGUYỄN VĂN AN"),
        ("Số định danh cá nhân", f"001 0{seed % 10}9 012345"),
        ("Ngày sinh", "12/05/1989"),
        ("Giới tính", "Nam"),
        ("Số điện thoại", f"09{seed % 10}2 345 678"),
        ("Nơi thường trú", "Xã Tân Lập, huyện Đan Phượng, Hà Nội"),
    ]
    y = 380
    for label, value in rows:
        d.text((48, y), label, font=regular, fill="#6b6b6b")
        d.text((48, y + 64), value, font=bold, fill="#111111")
        y += 200
    d.text((48, y + 40), "Tổng đài hỗ trợ: 1900 0368", font=regular, fill="#111111")
    for i in range(3):
        d.rounded_rectangle((48, 1800 + i * 160, 1032, 1920 + i * 160), radius=40, fill="#eeeeee")
        d.text((96, 1830 + i * 160), f"Tiện ích {i + 1}", font=regular, fill="#111111")
    img.putpixel((1079, 2339), tuple(random.randrange(256) for _ in range(3)))  # never in the cache: a first scan
    img.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="first scans of different screenshots to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        from trainer.check import check_paths
        from trainer.privacy import cache, ocr, scan
        from trainer.privacy.faces import _load as load_faces

        started = time.perf_counter()
        ocr._load()
        load_faces()
        load = time.perf_counter() - started
        shots, cpu = [], []
        kinds: list[str] = []
        for i in range(args.repeat):
            path = Path(tmp) / f"shot{i}.png"
            screenshot(path, i)
            started, cpu_started = time.perf_counter(), time.process_time()
            found = scan(path)
            shots.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
            kinds = sorted(f.kind for f in found)
        images = sorted((REPO / "content").glob("*/images/*"))
        new = sum(
            1
            for image in images
            if not (cache.cache_root() / "privacy" / cache.file_digest(image)[:2] / f"{cache.file_digest(image)}.json").exists()
        )
        started, cpu_started = time.perf_counter(), time.process_time()
        _, first_problems = check_paths([REPO / "content"])
        library_first, library_cpu = time.perf_counter() - started, time.process_time() - cpu_started
        again, again_cpu = [], []
        for _ in range(3):
            started, cpu_started = time.perf_counter(), time.process_time()
            _, problems = check_paths([REPO / "content"])
            again.append(time.perf_counter() - started)
            again_cpu.append(time.process_time() - cpu_started)
    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cores: {os.cpu_count()}, load average at the end: {load_avg:.1f}")
    print(f"engine load (once per process): {load:.2f} s")
    print(
        f"first scan of one 1080x2340 screenshot: wall median {statistics.median(shots):.2f} s, min {min(shots):.2f} s; "
        f"CPU median {statistics.median(cpu):.2f} s (n={len(shots)})"
    )
    print(f"  found: {', '.join(kinds)}")
    print(
        f"trainer check content/ ({len(images)} images, {new} not in the cache yet): {library_first:.1f} s wall, {library_cpu:.1f} s CPU"
    )
    print(
        f"trainer check content/ again (all cached): wall median {statistics.median(again):.3f} s, min {min(again):.3f} s; "
        f"CPU median {statistics.median(again_cpu):.3f} s"
    )
    print(
        f"  errors: {sum(p.severity == 'error' for p in problems)} (first run: {sum(p.severity == 'error' for p in first_problems)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
