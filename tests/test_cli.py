"""The command line: help in plain words, exit codes, unknown formats."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from trainer.exporters import formats


def trainer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "trainer", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", ["check", "export"])
def test_every_command_has_help(command: str) -> None:
    result = trainer(command, "--help")
    assert result.returncode == 0
    assert "usage: trainer" in result.stdout


def test_top_level_help_lists_commands() -> None:
    result = trainer("--help")
    assert result.returncode == 0
    for command in ("check", "export", "app"):
        assert command in result.stdout


def test_unknown_format_is_a_usage_error_listing_formats(tmp_path: Path) -> None:
    result = trainer("export", str(tmp_path), "--format", "hologram", "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "unknown format 'hologram'" in result.stderr
    for name in formats():
        assert name in result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_required_option_is_a_usage_error(tmp_path: Path) -> None:
    assert trainer("export", str(tmp_path)).returncode == 2


def test_python_m_and_console_script_agree() -> None:
    script = Path(sys.executable).with_name("trainer")
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    a = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    b = trainer("--version")
    assert a.returncode == b.returncode == 0 and a.stdout == b.stdout and "trainer" in a.stdout


CONTENT = Path(__file__).resolve().parents[1] / "content"


def test_a_formats_own_options_are_set_with_option(tmp_path: Path) -> None:
    guide = CONTENT / "vneid-kich-hoat"
    if "infographic" not in formats() or not guide.is_dir():
        pytest.skip("needs the infographic exporter and the bundled guide")
    result = trainer(
        "export", str(guide), "-f", "infographic", "--option", "jpeg=no", "-O", "png=yes", "-o", str(tmp_path / "out")
    )
    assert result.returncode == 0, result.stderr
    written = sorted(p.suffix for p in (tmp_path / "out").iterdir())
    assert written and set(written) == {".png"}, "jpeg=no wrote no JPEG"


@pytest.mark.parametrize(
    ("option", "message"),
    [("colour=red", "unknown option 'colour=red'; this format's options: png=..., jpeg=..."), ("jpeg=maybe", "takes yes or no")],
)
def test_unknown_or_bad_option_is_a_usage_error(tmp_path: Path, option: str, message: str) -> None:
    if "infographic" not in formats():
        pytest.skip("the infographic exporter is not registered")
    result = trainer("export", str(CONTENT / "vneid-kich-hoat"), "-f", "infographic", "-O", option, "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
