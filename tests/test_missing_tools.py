"""A test that needs a missing system tool skips locally (counted in one line at the end) and fails under CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import REPO

PROBE = """
from support import require_tool

def test_reads_back_with_a_tool():
    require_tool("trainer-no-such-tool", "trainer-test-package")

def test_needs_nothing():
    pass
"""


def run_probe(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    """Run pytest on the probe file with the suite's conftest as a plugin, CI set to `ci` (or unset)."""
    (tmp_path / "test_probe.py").write_text(PROBE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS", "PYTEST_XDIST_WORKER")}
    env |= {"PYTHONPATH": str(REPO / "tests"), "QT_QPA_PLATFORM": "offscreen"}
    if ci is not None:
        env["CI"] = ci
    command = [sys.executable, "-m", "pytest", "-p", "conftest", "-p", "no:cacheprovider", "-rs", "test_probe.py"]
    return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)


def test_locally_a_missing_tool_skips_and_the_last_lines_count_it(tmp_path: Path) -> None:
    result = run_probe(tmp_path, None)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    summary = [line for line in lines if line.startswith("SKIPPED for missing system tools")]
    assert summary == [
        "SKIPPED for missing system tools: 1 tests - trainer-no-such-tool (trainer-test-package) 1; "
        "install them with: sudo bash tools/install-system-deps.sh"
    ]
    # It is the last thing before pytest's own result line.
    assert lines.index(summary[0]) == len(lines) - 2 and "1 passed, 1 skipped" in lines[-1]


def test_under_ci_a_missing_tool_fails_naming_its_package(tmp_path: Path) -> None:
    result = run_probe(tmp_path, "true")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 failed, 1 passed" in result.stdout
    assert "apt-get install trainer-test-package" in result.stdout and "CI=true" in result.stdout
    assert "SKIPPED for missing system tools" not in result.stdout


def test_ci_false_is_local(tmp_path: Path) -> None:
    assert run_probe(tmp_path, "false").returncode == 0
