"""Markdown and text files: old encodings become NFC Unicode steps; our own guide.md keeps its steps and pictures."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from importing import errors

from trainer.importers import ImportOptions, importer_for
from trainer.importers.encodings import encode_cp1258, encode_tcvn3, encode_vni
from trainer.store import load_guide

MANUAL = """Kích hoạt tài khoản định danh điện tử

Hướng dẫn người dân tự kích hoạt tài khoản VNeID mức 1 trên điện thoại.

Bước 1: Tải ứng dụng VNeID từ CH Play hoặc App Store.
Bước 2: Mở ứng dụng, chọn Kích hoạt tài khoản định danh điện tử. Nhập số định danh cá nhân và số điện thoại.
Lưu ý: Không cung cấp mã OTP cho bất kỳ ai.
Bước 3: Nhập mã kích hoạt gửi về điện thoại và đặt mật khẩu.
"""


@pytest.mark.parametrize(
    ("encode", "label"),
    [(encode_tcvn3, "TCVN3"), (encode_vni, "VNI"), (encode_cp1258, "Windows-1258"), (lambda t: t.encode("utf-16"), None)],
    ids=["tcvn3", "vni", "cp1258", "utf16"],
)
def test_old_text_files_become_nfc_steps(tmp_path: Path, encode, label: str | None) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "hướng dẫn cũ.txt"
    source.write_bytes(encode(MANUAL))
    library = tmp_path / "library"
    library.mkdir()
    (result,) = importer_for(source).import_into(source, library)
    guide = load_guide(result.path)
    assert guide.title == "Kích hoạt tài khoản định danh điện tử"
    assert guide.status == "draft" and guide.slug == "kich-hoat-tai-khoan-dinh-danh-dien-tu"
    assert [s.title for s in guide.steps] == [
        "Tải ứng dụng VNeID từ CH Play hoặc App Store",
        "Mở ứng dụng, chọn Kích hoạt tài khoản định danh điện tử",
        "Nhập mã kích hoạt gửi về điện thoại và đặt mật khẩu",
    ]
    assert guide.steps[1].text == "Nhập số định danh cá nhân và số điện thoại."
    assert [(c.kind, c.text) for c in guide.steps[1].callouts] == [("warning", "Không cung cấp mã OTP cho bất kỳ ai.")]
    raw = (result.path / "guide.md").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw)
    report = " ".join(result.report("en"))
    assert (label in report) if label else ("converted" not in report)
    assert errors(result.path) == []


def test_own_guide_round_trips_with_pictures(tmp_path: Path) -> None:
    original_dir = sorted((Path(__file__).resolve().parents[2] / "content").glob("*/guide.md"))[0].parent
    original = load_guide(original_dir)
    library = tmp_path / "library"
    library.mkdir()
    (result,) = importer_for(original_dir / "guide.md").import_into(original_dir / "guide.md", library)
    copy = load_guide(result.path)
    assert copy.status == "draft" and copy.title == original.title
    assert [(s.title, s.text, s.callouts, s.annotations) for s in copy.steps] == [
        (s.title, s.text, s.callouts, s.annotations) for s in original.steps
    ]
    assert all((result.path / s.image).is_file() for s in copy.steps if s.image)
    assert sum(1 for s in copy.steps if s.image) == sum(1 for s in original.steps if s.image)
    assert errors(result.path) == []


def test_markdown_headings_images_and_no_web_pictures(tmp_path: Path) -> None:
    from importing import COLOURS, colour_of, near, picture_bytes

    (tmp_path / "anh").mkdir()
    (tmp_path / "anh" / "mot.png").write_bytes(picture_bytes(COLOURS[0]))
    (tmp_path / "anh" / "hai.png").write_bytes(picture_bytes(COLOURS[1]))
    source = tmp_path / "guide.md"
    source.write_text(
        "# Tra cứu hồ sơ trên Zalo\n\nTra cứu tình trạng hồ sơ hành chính qua Zalo.\n\n"
        "## Mở Zalo\n\nMở ứng dụng Zalo và tìm cổng dịch vụ công.\n\n![](anh/mot.png)\n\n"
        "## Nhập mã hồ sơ\n\n![](https://example.com/tracker.png)\n![x](../../etc/passwd)\n\n"
        "Nhập mã hồ sơ in trên giấy biên nhận.\n\n![](anh/hai.png)\n",
        encoding="utf-8",
    )
    library = tmp_path / "library"
    library.mkdir()
    (result,) = importer_for(source).import_into(source, library, options=ImportOptions())
    guide = load_guide(result.path)
    assert guide.title == "Tra cứu hồ sơ trên Zalo"
    assert [s.title for s in guide.steps] == ["Mở Zalo", "Nhập mã hồ sơ"]
    assert near(colour_of(result.path, guide.steps[0].image), COLOURS[0])  # type: ignore[arg-type]
    assert near(colour_of(result.path, guide.steps[1].image), COLOURS[1])  # type: ignore[arg-type]
    assert errors(result.path) == []
