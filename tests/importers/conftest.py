"""Fixtures for importer tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """An empty library folder."""
    folder = tmp_path / "library"
    folder.mkdir()
    return folder
