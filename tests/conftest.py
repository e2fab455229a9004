"""Shared test fixtures: the bundled library, real client tools, headless Qt."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TRAINER_LANG"] = "en"

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"


def bundled_guide_dirs() -> list[Path]:
    """Every guide folder in content/, sorted."""
    return sorted(p.parent for p in CONTENT.glob("*/guide.md"))


def require_tool(command: str, package: str) -> str:
    """Path of a system tool, or skip the test naming the Debian package that provides it."""
    found = shutil.which(command)
    if found is None:
        pytest.skip(f"'{command}' is not installed (apt-get install {package}, or run tools/install-system-deps.sh)")
    return found


def require_tesseract_vie() -> str:
    """tesseract with Vietnamese data, or skip naming the packages."""
    exe = require_tool("tesseract", "tesseract-ocr")
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True).stdout.split()
    if "vie" not in langs:
        pytest.skip("tesseract has no Vietnamese data (apt-get install tesseract-ocr-vie)")
    return exe


@pytest.fixture(params=bundled_guide_dirs(), ids=lambda p: p.name)
def bundled_guide_dir(request: pytest.FixtureRequest) -> Path:
    """Each bundled guide folder in turn."""
    return request.param


@pytest.fixture(scope="session", autouse=True)
def widgets_app_first(qapp):  # type: ignore[no-untyped-def]
    """Start pytest-qt's QApplication before any test: an exporter's ensure_gui() would otherwise start a
    plain QGuiApplication, and every widget test that runs later in the same process would fail."""
    return qapp
