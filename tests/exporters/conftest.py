"""Fixtures shared by the exporter tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import bundled_guide_dirs
from trainer.model import Guide
from trainer.store import load_guide


@pytest.fixture
def small_guide(tmp_path: Path) -> Guide:
    """The first bundled guide's first two steps, in a copy with an empty audio/ folder the test may fill."""
    guides = bundled_guide_dirs()
    assert guides, "no bundled guides in content/"
    folder = tmp_path / guides[0].name
    shutil.copytree(guides[0], folder)
    (folder / "audio").mkdir()
    guide = load_guide(folder)
    guide.steps = guide.steps[:2]
    return guide
