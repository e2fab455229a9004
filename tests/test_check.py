"""`trainer check`: one clear line per broken guide, exit codes, nothing changed on disk."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from broken_guides import CASES, good_text, png_bytes, write_case, write_library
from support import CONTENT
from trainer.check import check_paths

LINE = re.compile(r"^(?P<file>[^:]+):(?:(?P<line>\d+):)? (?P<message>\S.*)$")


def run_check(*paths: Path | str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", "check", *map(str, paths)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def snapshot(root: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_breakage_gives_its_problem(tmp_path: Path, name: str) -> None:
    folder = write_case(tmp_path / "lib", name)
    _, problems = check_paths([folder])
    errors = [p for p in problems if p.severity == "error"]
    assert [p.code for p in errors] == [CASES[name].code], [str(p) for p in problems]
    problem = errors[0]
    assert problem.file.name == "guide.md" and problem.file.parent.name == name
    if CASES[name].line is not None:
        assert problem.line == CASES[name].line
    message = str(problem)
    assert "\n" not in message and "Traceback" not in message


def test_broken_library_gives_one_line_per_guide_and_changes_nothing(tmp_path: Path) -> None:
    assert len(CASES) >= 20
    library = write_library(tmp_path)
    before = snapshot(tmp_path)
    result = run_check(library)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    # One line per broken guide; a guide that loaded is also measured, so the too-long text is said once more
    # in pixels (it does not fit the large-print card): check names every problem, not only the first kind.
    measured = [line for line in lines if "does not fit" in line]
    assert [Path(LINE.match(line)["file"]).parent.name for line in measured] == ["text-too-long"], result.stdout
    lines = [line for line in lines if line not in measured]
    assert len(lines) == len(CASES), result.stdout
    named = set()
    for line in lines:
        match = LINE.match(line)
        assert match, line
        named.add(Path(match["file"]).parent.name)
    assert named == set(CASES)
    assert snapshot(tmp_path) == before


def test_unknown_field_is_a_warning_kept_on_load(tmp_path: Path) -> None:
    folder = tmp_path / "extra-field"
    folder.mkdir()
    (folder / "images").mkdir()
    (folder / "images" / "a.png").write_bytes(png_bytes())
    (folder / "guide.md").write_text(good_text("extra-field", front="colour: đỏ\n"), encoding="utf-8")
    result = run_check(folder)
    assert result.returncode == 0
    assert result.stdout.strip().endswith("warning: unknown field 'colour' (kept as is)")
    strict = subprocess.run([sys.executable, "-m", "trainer", "check", "--strict", str(folder)], capture_output=True, text=True)
    assert strict.returncode == 1


def test_duplicate_slugs_are_reported(tmp_path: Path) -> None:
    for name in ("one", "two"):
        folder = tmp_path / name
        (folder / "images").mkdir(parents=True)
        (folder / "images" / "a.png").write_bytes(png_bytes())
        (folder / "guide.md").write_text(good_text("one"), encoding="utf-8")
    _, problems = check_paths([tmp_path])
    codes = sorted(p.code for p in problems)
    assert "duplicate-slug" in codes
    assert [str(p) for p in problems if p.code == "duplicate-slug"][0].count("one") >= 2


def test_messages_follow_the_language(tmp_path: Path) -> None:
    folder = write_case(tmp_path, "image-missing")
    vi = run_check(folder, env={"TRAINER_LANG": "vi", "PATH": "/usr/bin:/bin"})
    en = run_check(folder, env={"TRAINER_LANG": "en", "PATH": "/usr/bin:/bin"})
    assert "không tìm thấy hình 'images/a.png'" in vi.stdout
    assert "image 'images/a.png' not found" in en.stdout


def test_usage_errors_exit_2() -> None:
    assert run_check().returncode == 2
    result = subprocess.run([sys.executable, "-m", "trainer", "frobnicate"], capture_output=True, text=True)
    assert result.returncode == 2


def test_missing_path_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    result = run_check(tmp_path / "nowhere")
    assert result.returncode == 1
    assert "no such file or folder" in result.stdout and "Traceback" not in result.stderr


def test_bundled_library_is_clean() -> None:
    if not list(CONTENT.glob("*/guide.md")):
        pytest.skip("no bundled guides yet")
    result = run_check(CONTENT)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def one_long_step(library: Path, chars: int) -> Path:
    """A guide 'vua-mac-dinh' in `library` whose one step has `chars` characters of text and a phone picture."""
    text = ("Bấm nút Tiếp tục ở cuối màn hình, rồi chờ tin nhắn mã xác nhận gửi về số điện thoại của bạn. " * 5)[:chars]
    folder = library / "vua-mac-dinh"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "a.png").write_bytes(png_bytes((720, 1440)))
    (folder / "guide.md").write_text(
        good_text("vua-mac-dinh", body=f"## Bước một\n\n{text}\n\n![a](images/a.png)\n"), encoding="utf-8"
    )
    return folder


def test_check_measures_every_built_in_theme(tmp_path: Path) -> None:
    # A step that fits the default card but not large print (1.5x text) must be caught by a plain check.
    from trainer.check import check_folder
    from trainer.cli import measure_themes

    folder = one_long_step(tmp_path, 400)
    guide, problems = check_folder(folder)
    assert guide is not None and not problems
    assert measure_themes(guide, ["default"]) == []
    large = measure_themes(guide, ["default", "large-print"])
    assert large and all("(large-print)" in p.message() for p in large)
    result = run_check(folder)
    assert result.returncode == 1 and "(large-print)" in result.stdout


def test_check_measures_the_library_brandings_too(tmp_path: Path) -> None:
    # A branding in the library's themes/ folder with much bigger text: the plain check catches what overflows it.
    from trainer.render.branding import Branding, save_branding

    library = tmp_path / "lib"
    one_long_step(library, 230)
    assert run_check(library).returncode == 0  # fits every built-in theme
    theme = save_branding(library, Branding(department="Sở Khoa học và Công nghệ tỉnh Lào Cai", short_name="So KHCN"))
    theme.write_text(theme.read_text(encoding="utf-8").replace("font_scale = 1.0", "font_scale = 2.8"), encoding="utf-8")
    result = run_check(library)
    assert result.returncode == 1 and "(so-khcn)" in result.stdout, result.stdout
    assert "(so-khcn)" in run_check(library / "vua-mac-dinh").stdout  # a guide folder: its library's brandings
    assert run_check(library / "vua-mac-dinh", "--theme", "default").returncode == 0
