"""Shared test fixtures: the bundled library, headless Qt. Helper functions live in support.py."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import MISSING, bundled_guide_dirs

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TRAINER_LANG"] = "en"
# One personal-data scan cache for the whole session, shared by the xdist workers: each image is read once.
os.environ.setdefault("TRAINER_CACHE_DIR", str(Path(__file__).resolve().parents[1] / ".pytest_cache" / "trainer-cache"))


@pytest.fixture(params=bundled_guide_dirs(), ids=lambda p: p.name)
def bundled_guide_dir(request: pytest.FixtureRequest) -> Path:
    """Each bundled guide folder in turn."""
    return request.param


@pytest.fixture(scope="session", autouse=True)
def widgets_app_first(qapp):  # type: ignore[no-untyped-def]
    """Start pytest-qt's QApplication before any test: an exporter's ensure_gui() would otherwise start a
    plain QGuiApplication, and every widget test that runs later in the same process would fail."""
    return qapp


_MISSING = re.compile(
    re.escape(MISSING).replace(r"\{command\}", "(?P<command>.+?)").replace(r"\{package\}", "(?P<package>[^,]+)")
)


@pytest.hookimpl(wrapper=True, tryfirst=True)  # outermost: the line comes after pytest's short summary
def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> Iterator[None]:
    """One line at the end: which system tools were missing and how many tests each one skipped."""
    yield
    counts: Counter[tuple[str, str]] = Counter()
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        message = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        match = _MISSING.search(message)
        if match:
            counts[(match["command"], match["package"])] += 1
    if counts:
        tools = ", ".join(f"{command} ({package}) {n}" for (command, package), n in counts.most_common())
        terminalreporter.write_line(
            f"SKIPPED for missing system tools: {sum(counts.values())} tests - {tools}; "
            "install them with: sudo bash tools/install-system-deps.sh",
            yellow=True,
            bold=True,
        )
