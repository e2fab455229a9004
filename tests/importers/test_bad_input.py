"""Bad sources: one plain line naming the file, nothing half-written in the library, Stop leaves nothing behind."""

from __future__ import annotations

import io
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from documents import word_with_pictures
from importing import COLOURS, cli_import, picture_bytes, snapshot

from support import require_tool
from trainer.importers import Cancelled, ImportFailed, importer_for
from trainer.store import load_guide


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "thư viện"
    folder.mkdir()
    (folder / "co-san").mkdir()
    (folder / "co-san" / "guide.md").write_text("một hướng dẫn có sẵn", encoding="utf-8")
    return folder


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (60 << 20))
    return path


def _bad_sources(tmp_path: Path) -> list[tuple[Path, str]]:
    real = word_with_pictures(tmp_path / "thật.docx")
    truncated = tmp_path / "bị cắt.docx"
    truncated.write_bytes(real.read_bytes()[: real.stat().st_size // 2])
    encrypted = tmp_path / "có mật khẩu.docx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    corrupt = tmp_path / "hỏng.pptx"
    corrupt.write_bytes(b"PK\x03\x04 this is not really a zip" * 50)
    unknown = tmp_path / "bảng tính.xlsx"
    unknown.write_bytes(b"x")
    empty = tmp_path / "thư mục rỗng"
    empty.mkdir()
    broken = tmp_path / "ảnh hỏng"
    broken.mkdir()
    (broken / "Screenshot_20241103-101512.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)
    crowd = tmp_path / "quá nhiều ảnh"
    crowd.mkdir()
    for n in range(201):
        (crowd / f"{n:03d}.png").write_bytes(b"")
    no_steps = tmp_path / "trống.txt"
    no_steps.write_text("\n\n   \n", encoding="utf-8")
    return [
        (_zip_bomb(tmp_path / "bom nén.docx"), "ZIP bomb"),
        (truncated, "damaged"),
        (encrypted, "password"),
        (corrupt, "damaged"),
        (unknown, "cannot import '.xlsx'"),
        (empty, "no usable pictures"),
        (broken, "cannot be read"),
        (no_steps, "nothing in it"),
        (crowd, "201 pictures, at most 200"),
        (tmp_path / "không có.docx", "no such file"),
    ]


def test_bad_sources_say_one_line_and_write_nothing(tmp_path: Path, library: Path) -> None:
    before = snapshot(library)
    for source, words in _bad_sources(tmp_path):
        result = cli_import(source, library)
        assert result.returncode == 1, (source, result.stdout)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
        assert str(source) in result.stderr and words in result.stderr, (words, result.stderr)
        assert snapshot(library) == before
        assert sorted(p.name for p in library.iterdir()) == ["co-san"]  # no staging folder left behind


def _huge_png() -> bytes:
    """A real PNG whose header claims 30000 x 30000 pixels (a decompression bomb in a document)."""
    small = picture_bytes(COLOURS[0], size=(8, 8))
    ihdr = bytearray(small[16:29])
    ihdr[0:8] = struct.pack(">II", 30000, 30000)
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(ihdr)) & 0xFFFFFFFF)
    return small[:16] + bytes(ihdr) + crc + small[33:]


def test_huge_picture_inside_a_document_is_left_out_and_reported(tmp_path: Path, library: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Hình quá lớn", level=0)
    for text in ("Mở ứng dụng", "Bấm Tiếp tục"):
        document.add_paragraph(text, style="List Number")
        document.add_picture(io.BytesIO(_huge_png() if text == "Mở ứng dụng" else picture_bytes(COLOURS[1])))
    source = tmp_path / "hình lớn.docx"
    document.save(str(source))
    (result,) = importer_for(source).import_into(source, library)
    guide = load_guide(result.path)
    assert guide.steps[0].image is None and guide.steps[1].image is not None
    assert any("Step 1" in line and "too large" in line for line in result.report("en")), result.report("en")


def test_stop_leaves_nothing(tmp_path: Path, library: Path) -> None:
    source = word_with_pictures(tmp_path / "dài.docx")
    before = snapshot(library)
    seen: list[float] = []

    def progress(fraction: float) -> None:
        seen.append(fraction)
        if fraction > 0.7:
            raise Cancelled()

    with pytest.raises(Cancelled):
        importer_for(source).import_into(source, library, progress)
    assert seen and max(seen) > 0.7 and seen == sorted(seen)
    assert snapshot(library) == before and sorted(p.name for p in library.iterdir()) == ["co-san"]


@pytest.mark.slow
def test_word_97_through_libreoffice_or_one_line(tmp_path: Path, library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    soffice = require_tool("soffice", "libreoffice-writer")
    docx_file = word_with_pictures(tmp_path / "Sổ tay cũ.docx")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path / "doc"),
            str(docx_file),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    source = tmp_path / "doc" / "Sổ tay cũ.doc"
    (result,) = importer_for(source).import_into(source, library)
    guide = load_guide(result.path)
    assert guide.title == "Đăng ký tài khoản VssID" and len(guide.steps) == 4
    assert all(step.image for step in guide.steps)
    assert "Sổ tay cũ.doc" in result.message and ".docx" not in result.message

    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "nothing-here"))
    before = snapshot(library)
    with pytest.raises(ImportFailed, match="needs LibreOffice"):
        importer_for(source).import_into(source, library)
    assert snapshot(library) == before
