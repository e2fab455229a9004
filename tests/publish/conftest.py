"""Fixtures for publish tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_library import write_guide


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    """A library of three valid guides."""
    library = tmp_path / "content"
    for n, slug in enumerate(("alpha-guide", "beta-guide", "gamma-guide"), start=1):
        write_guide(library, slug, n)
    return library
