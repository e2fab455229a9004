"""The cover card is not half empty: with room left it lists the steps (as many as fit), read back with OCR."""

from __future__ import annotations

import subprocess
from pathlib import Path

from broken_guides import good_text, png_bytes
from support import require_tesseract_vie
from trainer.render.card import render_card
from trainer.render.gui import ensure_gui
from trainer.render.theme import load_theme
from trainer.store import load_guide


def test_a_short_guide_cover_lists_its_steps(tmp_path: Path) -> None:
    tesseract = require_tesseract_vie()
    ensure_gui()
    folder = tmp_path / "ngan-gon"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "a.png").write_bytes(png_bytes())
    body = "## Mở ứng dụng Zalo\n\nBấm vào biểu tượng.\n\n## Tìm tài khoản chính thức\n\nGõ tên tỉnh.\n"
    (folder / "guide.md").write_text(good_text("ngan-gon", body=body), encoding="utf-8")
    guide = load_guide(folder)
    render_card(guide, load_theme("default"), 0).save(str(tmp_path / "cover.png"))
    text = subprocess.run([tesseract, str(tmp_path / "cover.png"), "-", "-l", "vie"], capture_output=True, text=True).stdout
    assert "Các bước" in text and "1. Mở ứng dụng" in text and "2. Tìm t" in text and "chính thức" in text, text
