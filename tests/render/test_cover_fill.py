"""No cover card ends in a blank band: every bundled guide in every theme, measured in rows of background.

Long guides in large print used to leave the lower third of the cover empty (the list of what to
have ready and the step list did not fit, and nothing took their room).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from support import bundled_guide_dirs
from trainer.render.card import CARD_SIZE, render_card
from trainer.render.gui import ensure_gui
from trainer.render.theme import load_theme, theme_names
from trainer.store import load_guide

# The bottom padding and the "1/N" line take about 130 rows; more than this is empty card.
MAX_BLANK_ROWS = 220
LABEL_COLUMNS = 320  # the "1/N" label sits in the bottom-right corner: it does not count as content


def blank_rows_at_bottom(image, background: str) -> int:  # type: ignore[no-untyped-def]
    """Rows of (nearly) pure background at the bottom of an RGB32 image, left of the page label."""
    width, height = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(height, image.bytesPerLine() // 4, 4)
    rgb = pixels[:, : width - LABEL_COLUMNS, 2::-1].astype(int)  # BGRA in memory
    want = np.array([int(background[i : i + 2], 16) for i in (1, 3, 5)])
    plain = (np.abs(rgb - want).max(axis=2) <= 8).all(axis=1)
    rows = 0
    for row in plain[::-1]:
        if not row:
            break
        rows += 1
    return rows


@pytest.mark.parametrize("theme_name", theme_names())
def test_no_cover_ends_in_blank_space(theme_name: str) -> None:
    ensure_gui()
    theme = load_theme(theme_name)
    measured = {}
    for folder in bundled_guide_dirs():
        image = render_card(load_guide(folder), theme, 0)
        assert image.height() == CARD_SIZE.height()
        measured[Path(folder).name] = blank_rows_at_bottom(image, theme.color("background"))
    assert measured and max(measured.values()) <= MAX_BLANK_ROWS, measured


@pytest.mark.parametrize("size", [(1080, 1920), (480, 854)], ids=["vertical", "lite"])
def test_a_tall_clip_title_frame_is_not_half_empty(size: tuple[int, int]) -> None:
    """The clip's first frame on a phone: the blocks spread over the height, no blank lower half."""
    from PySide6.QtCore import QSize

    from trainer.render.scene import render_scene, scenes

    ensure_gui()
    width, height = size
    for theme_name in theme_names():
        theme = load_theme(theme_name)
        measured = {}
        for folder in bundled_guide_dirs():
            guide = load_guide(folder)
            image = render_scene(guide, theme, scenes(guide)[0], QSize(width, height))
            measured[Path(folder).name] = blank_rows_at_bottom(image, theme.color("background"))
        # Before the spread: 40-45 % of the height was background below the valid-as-of date.
        assert measured and max(measured.values()) <= 0.2 * height, (theme_name, measured)
