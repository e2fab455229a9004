"""The real app under Xvfb at 1366x768 (xcb, not offscreen): library, editor with preview, the export, publish,
branding and preferences dialogs and the presenter view fit the screen, and no widget's text is cut off."""

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
    assert set(layout) == {"library", "editor", "narration", "export", "publish", "branding", "preferences", "presenter-view"}
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


def test_clipped_widgets_sees_cut_off_children(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The checker the screenshot test relies on finds each way a child's text gets cut, and only those."""
    from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QTableWidget, QVBoxLayout, QWidget

    from trainer.ui.screenshots import clipped_widgets

    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(10, 10, 400, 300)
    fits = QLabel("Lưu", window)
    fits.setGeometry(5, 5, 200, 30)
    cut_label = QLabel("Cần xem lại sau một trăm tám mươi ngày", window)
    cut_label.setObjectName("cut_label")
    cut_label.setGeometry(5, 40, 60, 30)
    cut_button = QPushButton("Xuất tất cả định dạng đã chọn", window)
    cut_button.setObjectName("cut_button")
    cut_button.setGeometry(5, 75, 70, 30)
    wrapped = QLabel("Ngôn ngữ mới được dùng từ lần mở Trainer sau. " * 4, window)
    wrapped.setObjectName("wrapped")
    wrapped.setWordWrap(True)
    wrapped.setGeometry(5, 110, 150, 20)
    outside = QPushButton("OK", window)
    outside.setObjectName("outside")
    outside.setGeometry(360, 260, 80, 60)
    table = QTableWidget(1, 2, window)
    table.setObjectName("table")
    table.setHorizontalHeaderLabels(["Định dạng", "Trạng thái xuất bản của bộ"])
    table.setGeometry(5, 140, 300, 100)
    table.horizontalHeader().resizeSection(1, 40)
    # Inside a scroll area a tall child is reachable by scrolling: not a problem.
    area = QScrollArea(window)
    area.setGeometry(310, 5, 80, 80)
    inner = QWidget()
    QVBoxLayout(inner).addWidget(QLabel("\n".join(["dòng"] * 20)))
    area.setWidget(inner)
    window.show()
    qtbot.waitExposed(window)

    problems = clipped_widgets(window)
    named = {name: [p for p in problems if f"({name})" in p] for name in ("cut_label", "cut_button", "wrapped", "outside")}
    assert all(named.values()), problems
    assert any("Trạng thái xuất bản của bộ" in p for p in problems), problems
    assert not any("Định dạng" in p or "Lưu" in p or "dòng" in p for p in problems), problems
