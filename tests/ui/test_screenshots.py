"""The real app under Xvfb at 1366x768 (xcb, not offscreen): library, editor with preview, export dialog fit the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from support import start_xvfb

SCREEN = (1366, 768)


@pytest.mark.slow
def test_app_fits_a_1366x768_screen(tmp_path: Path, library: Path) -> None:
    xvfb, display = start_xvfb(*SCREEN)
    shots = tmp_path / "shots"
    env = dict(os.environ)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        TRAINER_SCREENSHOT_DIR=str(shots),
        TRAINER_LANG="vi",  # the default UI language, whose strings are longer than English ones
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    try:
        done = subprocess.run(
            [sys.executable, "-m", "trainer", "app", str(library)], env=env, capture_output=True, text=True, timeout=120
        )
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    assert done.returncode == 0, done.stderr[-2000:]
    layout = json.loads((shots / "layout.json").read_text(encoding="utf-8"))
    assert set(layout) == {"library", "editor", "narration", "export", "publish", "branding"}
    for name, info in layout.items():
        assert tuple(info["screen"][2:]) == SCREEN
        x, y, w, h = info["window"]
        assert x >= 0 and y >= 0 and x + w <= SCREEN[0] and y + h <= SCREEN[1], (
            f"{name} window {info['window']} leaves the screen"
        )
        assert info["problems"] == [], name
        with Image.open(shots / f"{name}.png") as img:
            assert img.size == SCREEN
            # A real picture of the UI, not a black or blank frame.
            assert ImageStat.Stat(img.convert("L")).stddev[0] > 8
