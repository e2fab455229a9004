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


@pytest.fixture(autouse=True)
def scan_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Personal-data scans cached in one folder for the session, not in the user's cache."""
    folder = tmp_path_factory.getbasetemp() / "scan-cache"
    monkeypatch.setenv("TRAINER_CACHE_DIR", str(folder))
    return folder
