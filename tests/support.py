"""Helpers shared by the tests: the bundled library and real client tools.

Tests import these with `from support import ...`; importing from `conftest` is ambiguous because
tests/ui has a conftest.py of its own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import NoReturn

import pytest

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"


def bundled_guide_dirs() -> list[Path]:
    """Every guide folder in content/, sorted."""
    return sorted(p.parent for p in CONTENT.glob("*/guide.md"))


# Every missing-tool skip says this, so tests/conftest.py can count them per tool at the end of the run.
MISSING = "missing system tool '{command}' (apt-get install {package}, or run tools/install-system-deps.sh)"


def in_ci() -> bool:
    """True under CI (CI=true or any non-empty value but 0/false), where a missing tool is a failure."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing_tool(command: str, package: str) -> NoReturn:
    """Skip the test naming the tool and its Debian package; under CI fail instead, since CI installs them all."""
    message = MISSING.format(command=command, package=package)
    if in_ci():
        pytest.fail(f"{message}: CI=true, so this test may not skip", pytrace=False)
    pytest.skip(message)


def require_tool(command: str, package: str) -> str:
    """Path of a system tool, or skip (fail under CI) naming the Debian package that provides it."""
    found = shutil.which(command)
    if found is None:
        missing_tool(command, package)
    return found


def require_tesseract_vie() -> str:
    """tesseract with Vietnamese data, or skip (fail under CI) naming the packages."""
    exe = require_tool("tesseract", "tesseract-ocr")
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True).stdout.split()
    if "vie" not in langs:
        missing_tool("tesseract -l vie", "tesseract-ocr-vie")
    return exe


def start_xvfb(width: int = 1366, height: int = 768) -> tuple[subprocess.Popen, str]:  # type: ignore[type-arg]
    """Start Xvfb on a display number it picks itself (-displayfd); return (process, ':N'). Skip without Xvfb."""
    exe = require_tool("Xvfb", "xvfb")
    read, write = os.pipe()
    proc = subprocess.Popen(
        [exe, "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        pytest.fail("Xvfb did not report a display number")
    return proc, f":{number}"
