"""Folders and pictures named the way editors name them: spaces and Vietnamese letters, in both Unicode forms.

Windows keyboards type NFC ("ả" one code point); macOS writes file names in NFD ("a" + two marks),
and a library copied from a Mac onto a Windows or Linux disk keeps those bytes. Check, export and
save must work whichever form the library, the export folder and the picture names are in, through
the command line and the store, and a path the file system refuses is said in one line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from trainer.store import load_guide, save_guide

ROOT = Path(__file__).resolve().parents[1]
SLUG = "zalo-tra-cuu-ho-so"
PICTURES = {"01-quet-qr.png": "01-quét-mã-qr.png", "02-quet-ma.png": "02-hướng-dẫn-quét.png"}


def trainer(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRAINER_LANG="vi")
    return subprocess.run([sys.executable, "-m", "trainer", *args], capture_output=True, text=True, timeout=600, env=env)


def library_in(form: str, tmp_path: Path) -> Path:
    """The bundled guide in `<tmp>/Thư viện của Hà/` with two pictures renamed to Vietnamese names, all in `form`."""
    library = tmp_path / unicodedata.normalize(form, "Thư viện của Hà")
    guide = library / SLUG
    shutil.copytree(ROOT / "content" / SLUG, guide)
    text = (guide / "guide.md").read_text(encoding="utf-8")
    for old, new in PICTURES.items():
        # guide.md says the name in NFC (the store reads text as NFC); the file on disk is in `form`.
        (guide / "images" / old).rename(guide / "images" / unicodedata.normalize(form, new))
        text = text.replace(f"images/{old}", f"images/{new}")
    (guide / "guide.md").write_text(text, encoding="utf-8")
    assert os.fsencode(unicodedata.normalize(form, "mã")) in os.fsencode(str(next((guide / "images").glob("01-*"))))
    return library


@pytest.mark.slow
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_check_export_and_save_with_spaces_and_vietnamese_letters(form: str, tmp_path: Path) -> None:
    library = library_in(form, tmp_path)
    guide = library / SLUG

    checked = trainer("check", "--theme", "default", "--quiet", str(library))
    assert checked.returncode == 0, checked.stdout + checked.stderr

    out = tmp_path / unicodedata.normalize(form, "Xuất bản") / unicodedata.normalize(form, "Tháng 12 năm 2026")
    exported = trainer("export", str(guide), "-f", "handout", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    written = [Path(line) for line in exported.stdout.splitlines()]
    assert written and all(p.is_file() and p.parent == out for p in written)
    pdf = next(p for p in written if p.suffix == ".pdf")
    reader = PdfReader(pdf)
    # The step pictures are in the handout: each renamed picture was found and drawn.
    assert sum(len(page.images) for page in reader.pages) >= len(PICTURES)
    assert "Zalo" in "".join(page.extract_text() for page in reader.pages)

    loaded = load_guide(guide)
    assert [s.image for s in loaded.steps[:2]] == [f"images/{n}" for n in PICTURES.values()]
    loaded.title = "Theo dõi hồ sơ qua Zalo (bản sửa)"
    save_guide(loaded)
    assert load_guide(guide).title == "Theo dõi hồ sơ qua Zalo (bản sửa)"
    assert sorted(p.name for p in guide.iterdir()) == ["guide.md", "images"]


def test_an_export_folder_too_long_for_the_file_system_is_one_line(tmp_path: Path) -> None:
    library = library_in("NFC", tmp_path)
    out = tmp_path / ("Thư mục xuất bản rất dài " * 12)  # one name of ~370 bytes: more than any file system takes
    result = trainer("export", str(library / SLUG), "-f", "html", "-o", str(out))
    assert result.returncode == 1
    line = result.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith(str(out))  # the folder, or the file in it that could not be made
    assert line.endswith(": đường dẫn quá dài đối với hệ thống tệp; hãy chọn thư mục gần gốc ổ đĩa hơn hoặc đặt tên ngắn hơn")
