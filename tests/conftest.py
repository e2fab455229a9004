"""Shared test fixtures: the bundled library, headless Qt. Helper functions live in support.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import bundled_guide_dirs

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TRAINER_LANG"] = "en"


@pytest.fixture(params=bundled_guide_dirs(), ids=lambda p: p.name)
def bundled_guide_dir(request: pytest.FixtureRequest) -> Path:
    """Each bundled guide folder in turn."""
    return request.param


@pytest.fixture(scope="session", autouse=True)
def widgets_app_first(qapp):  # type: ignore[no-untyped-def]
    """Start pytest-qt's QApplication before any test: an exporter's ensure_gui() would otherwise start a
    plain QGuiApplication, and every widget test that runs later in the same process would fail."""
    return qapp
