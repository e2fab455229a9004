"""The library index: entries, filters, needs-review, new/duplicate/trash on real folders."""

from __future__ import annotations

import datetime as _dt
import shutil
import sys
from pathlib import Path

import pytest

from trainer.library import duplicate_guide, filter_entries, new_guide, scan, slugify, trash_guide
from trainer.store import load_guide


@pytest.fixture
def root(tmp_path: Path) -> Path:
    lib = tmp_path / "lib"
    lib.mkdir()
    new_guide(lib, "Đăng ký VssID", "Bảo hiểm xã hội", today=_dt.date(2026, 11, 1))
    new_guide(lib, "Cảnh giác lừa đảo", "An toàn trên mạng", today=_dt.date(2024, 1, 1))
    return lib


def test_new_guide_makes_a_loadable_draft_with_ascii_slug(root: Path) -> None:
    guide = load_guide(root / "dang-ky-vssid")
    assert (guide.title, guide.slug, guide.status, len(guide.steps)) == ("Đăng ký VssID", "dang-ky-vssid", "draft", 1)
    # A second guide with the same title gets its own folder instead of overwriting the first.
    again = new_guide(root, "Đăng ký VssID")
    assert again.name == "dang-ky-vssid-2" and load_guide(root / "dang-ky-vssid").title == "Đăng ký VssID"


def test_scan_and_filters(root: Path) -> None:
    entries, problems = scan(root)
    assert problems == [] and [e.title for e in entries] == ["Cảnh giác lừa đảo", "Đăng ký VssID"]
    assert [e.title for e in filter_entries(entries, "dang ky")] == ["Đăng ký VssID"]
    assert [e.title for e in filter_entries(entries, "", topic="An toàn trên mạng")] == ["Cảnh giác lừa đảo"]
    assert filter_entries(entries, "", status="published") == []
    stale = [e.title for e in entries if e.needs_review(_dt.date(2026, 11, 22), 180)]
    assert stale == ["Cảnh giác lừa đảo"]


def test_duplicate_copies_images_and_renames(root: Path) -> None:
    folder = root / "dang-ky-vssid"
    (folder / "images").mkdir()
    (folder / "images" / "a.png").write_bytes(b"png")
    copy = duplicate_guide(folder)
    guide = load_guide(copy)
    assert copy.name == "dang-ky-vssid-ban-sao" and guide.slug == copy.name and guide.title.endswith("(bản sao)")
    assert (copy / "images" / "a.png").read_bytes() == b"png"


def test_trash_moves_the_folder_to_the_trash_not_oblivion(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # send2trash reads XDG_DATA_HOME once, at import: point its home trash at this test's folder.
    import send2trash.plat_other as trash

    data = str(tmp_path / "data").encode()
    monkeypatch.setattr(trash, "XDG_DATA_HOME", data)
    monkeypatch.setattr(trash, "HOMETRASH_B", data + b"/Trash")
    monkeypatch.setattr(trash, "HOMETRASH", str(tmp_path / "data" / "Trash"))
    trash_guide(root / "dang-ky-vssid")
    assert not (root / "dang-ky-vssid").exists()
    trashed = list((tmp_path / "data" / "Trash" / "files").iterdir())
    assert [p.name for p in trashed] == ["dang-ky-vssid"] and (trashed[0] / "guide.md").exists()


def test_slugify() -> None:
    assert slugify("Kích hoạt VNeID mức 2!") == "kich-hoat-vneid-muc-2"
    assert slugify("!!!") == "huong-dan"


def test_the_frozen_apps_library_is_a_copy_of_the_bundled_guides_made_once(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from trainer.library import bundled_guides, default_library, user_library

    bundled = tmp_path / "app" / "_internal"
    shutil.copytree(bundled_guides() / "vneid-kich-hoat", bundled / "content" / "vneid-kich-hoat")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundled), raising=False)  # what PyInstaller's bootloader sets
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert bundled_guides() == bundled / "content"
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    monkeypatch.chdir(tmp_path)  # no ./content here
    library = default_library()
    assert library == home / "Documents" / "Trainer" / "Hướng dẫn"
    # Not the export folder's default (Documents/Trainer): exports never land among the guides.
    assert library.parent == home / "Documents" / "Trainer"
    guide = library / "vneid-kich-hoat" / "guide.md"
    assert load_guide(guide.parent).title
    guide.write_text(guide.read_text(encoding="utf-8") + "\nMy own words.\n", encoding="utf-8")
    assert user_library(home) == library and "My own words." in guide.read_text(encoding="utf-8")  # never copied over
