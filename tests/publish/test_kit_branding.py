"""A library's chosen branding lives in the library and travels in its kits.

Through the command line, as a department and a team would work: choose a branding, export and
publish without --theme, send the kit, import it into an empty library, build again, and read the
department name back from the PDF the team made (pdftotext).
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from support import require_tool
from trainer.render.branding import Branding, save_branding
from trainer.store.library_file import LIBRARY_FILE, choose_branding, chosen_branding

DEPARTMENT = "Sở Khoa học và Công nghệ tỉnh Thử Nghiệm"
HOTLINE = "0214 3 555 666"


def trainer(*args: str) -> subprocess.CompletedProcess[str]:
    env = {"TRAINER_LANG": "vi", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "trainer", *args], capture_output=True, text=True, env=env, timeout=600)


def pdf_text(pdf: Path) -> str:
    require_tool("pdftotext", "poppler-utils")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.lower()  # the handout prints the department in capitals


def logo(path: Path) -> Path:
    img = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    img.paste((200, 16, 46, 255), (75, 50, 225, 150))
    img.save(path)
    return path


def branded_library(root: Path, department: str = DEPARTMENT) -> tuple[Path, Path]:
    from sample_library import write_guide

    library = root / "content"
    write_guide(library, "kich-hoat", 1)
    branding = Branding(department=department, short_name="So KHCN", hotlines=[HOTLINE], logo=logo(root / "logo.png"))
    theme = save_branding(library, branding)
    choose_branding(library, theme)
    return library, theme


def test_the_choice_is_a_file_in_the_library(tmp_path: Path) -> None:
    library, theme = branded_library(tmp_path)
    assert (library / LIBRARY_FILE).read_text(encoding="utf-8").endswith('branding = "themes/so-khcn.toml"\n')
    assert chosen_branding(library) == theme
    moved = tmp_path / "usb" / "content"
    moved.parent.mkdir()
    library.rename(moved)
    assert chosen_branding(moved) == moved / "themes" / "so-khcn.toml"  # it travels with the folder
    (moved / LIBRARY_FILE).write_text('branding = "../../etc/passwd"\n', encoding="utf-8")
    assert chosen_branding(moved) is None  # only a theme of the library's own themes/ folder
    choose_branding(moved, None)
    assert chosen_branding(moved) is None


def test_export_without_theme_uses_the_library_branding(tmp_path: Path) -> None:
    library, _ = branded_library(tmp_path)
    result = trainer("export", str(library / "kich-hoat"), "-f", "handout", "--preset", "a4", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "out" / "kich-hoat-handout-a4.pdf")
    assert "thử nghiệm" in text and HOTLINE in text
    result = trainer(
        "export", str(library / "kich-hoat"), "-f", "handout", "--preset", "a4", "--theme", "default", "-o", str(tmp_path / "d")
    )
    assert result.returncode == 0 and "thử nghiệm" not in pdf_text(tmp_path / "d" / "kich-hoat-handout-a4.pdf")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kitbrand")
    library, _ = branded_library(root)
    result = trainer("publish", str(library), "-o", str(root / "dist"), "--formats", "handout,html", "-j", "1")
    assert result.returncode == 0, result.stderr
    return root


def test_publish_carries_the_branding_in_each_kit(published: Path) -> None:
    kit = published / "dist" / "kich-hoat"
    assert sorted(p.name for p in (kit / "branding").iterdir()) == ["so-khcn-logo.png", "so-khcn.toml"]
    assert (kit / "branding" / "so-khcn.toml").read_bytes() == (published / "content" / "themes" / "so-khcn.toml").read_bytes()
    assert "thử nghiệm" in pdf_text(next(kit.glob("*-handout-a4.pdf")))
    with zipfile.ZipFile(published / "dist" / "kich-hoat.zip") as archive:
        names = archive.namelist()
    assert "branding/so-khcn.toml" in names and "branding/so-khcn-logo.png" in names
    assert trainer("verify", str(kit), str(published / "dist" / "kich-hoat.zip")).returncode == 0


def test_a_team_rebuilding_from_the_kit_gets_the_same_department(published: Path, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    result = trainer("import", str(published / "dist" / "kich-hoat.zip"), "--library", str(team))
    assert result.returncode == 0, result.stderr
    assert "dùng nó cho thư viện" in result.stdout
    assert chosen_branding(team) == team / "themes" / "so-khcn.toml"
    assert (team / "themes" / "so-khcn-logo.png").is_file()
    result = trainer("publish", str(team), "-o", str(tmp_path / "team-dist"), "--formats", "handout", "-j", "1")
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "team-dist" / "kich-hoat" / "kich-hoat-handout-a4.pdf")
    assert "thử nghiệm" in text and HOTLINE in text


def test_a_different_local_branding_is_kept_unless_replaced(published: Path, tmp_path: Path) -> None:
    other, theme = branded_library(tmp_path / "other", department="Sở Khoa học và Công nghệ tỉnh Khác Hẳn")
    (tmp_path / "other" / "content" / "kich-hoat").rename(tmp_path / "moved-away")  # only the branding differs
    before = theme.read_bytes()
    result = trainer("import", str(published / "dist" / "kich-hoat.zip"), "--library", str(other))
    assert result.returncode == 0, result.stderr
    assert "Giữ mẫu đơn vị 'so-khcn.toml' trên máy" in result.stdout
    assert theme.read_bytes() == before
    (other / "kich-hoat").rename(tmp_path / "moved-again")
    result = trainer("import", str(published / "dist" / "kich-hoat.zip"), "--library", str(other), "--force")
    assert result.returncode == 0, result.stderr
    assert "Thử Nghiệm" in theme.read_text(encoding="utf-8") and chosen_branding(other) == theme
