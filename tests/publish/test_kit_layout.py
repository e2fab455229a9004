"""Kits a team leader understands on a phone: folders named for what a team does, a start page, a small kit."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from sample_library import write_guide

from support import CONTENT, require_tool
from trainer.exporters import BUILTIN
from trainer.importers.kit import import_kit
from trainer.publish import publish, verify
from trainer.publish.layout import START_PAGE, arrange, in_small_kit, section_of


def test_outputs_go_to_the_folder_of_what_a_team_does_with_them() -> None:
    slug = "zalo-tra-cuu"
    where = {
        name: section_of(slug, f"{slug}-{name}").folder
        for name in (
            "handout-a4.pdf",
            "handout-a5-booklet.pdf",
            "infographic-card-01.png",
            "infographic-card-01.jpg",
            "infographic-strip.jpg",
            "clip-vertical.mp4",
            "clip-lite.srt",
            "clip-landscape.mp4",
            "pptx.pptx",
            "audio.mp3",
            "html.html",
        )
    }
    assert where == {
        "handout-a4.pdf": "1 - Để in",
        "handout-a5-booklet.pdf": "1 - Để in",
        "infographic-card-01.png": "1 - Để in",
        "infographic-card-01.jpg": "2 - Gửi Zalo, Facebook",
        "infographic-strip.jpg": "2 - Gửi Zalo, Facebook",
        "clip-vertical.mp4": "2 - Gửi Zalo, Facebook",
        "clip-lite.srt": "2 - Gửi Zalo, Facebook",
        "clip-landscape.mp4": "3 - Chiếu lên TV",
        "pptx.pptx": "3 - Chiếu lên TV",
        "audio.mp3": "4 - Phát loa",
        "html.html": "5 - Xem trên điện thoại",
    }
    small = [name for name in where if in_small_kit(slug, f"{slug}-{name}")]
    assert sorted(small) == [
        "clip-lite.srt",
        "handout-a4.pdf",
        "html.html",
        "infographic-card-01.jpg",
        "infographic-strip.jpg",
    ]
    assert arrange(slug, [f"{slug}-pptx.pptx", f"{slug}-clip-lite.mp4"], small=True) == [
        ("2 - Gửi Zalo, Facebook/zalo-tra-cuu-clip-lite.mp4", f"{slug}-clip-lite.mp4")
    ]


def test_both_kits_verify_and_the_full_one_imports(tmp_path: Path) -> None:
    write_guide(tmp_path / "content", "alpha-guide", 1)
    summary = publish(tmp_path / "content", tmp_path / "dist", formats=["html", "handout"], jobs=2)
    assert summary.ok
    full, small = tmp_path / "dist" / "alpha-guide.zip", tmp_path / "dist" / "alpha-guide-dien-thoai.zip"
    for kit in (full, small):
        assert verify(kit).ok
    with zipfile.ZipFile(full) as archive:
        names = set(archive.namelist())
    assert {START_PAGE, "1 - Để in/alpha-guide-handout-a5-booklet.pdf", "source/guide.md"} <= names
    with zipfile.ZipFile(small) as archive:
        names = set(archive.namelist())
    assert "1 - Để in/alpha-guide-handout-a4.pdf" in names and START_PAGE in names
    assert not any("a5-booklet" in n or n.startswith("source/") for n in names)
    index = (tmp_path / "dist" / "index.html").read_text(encoding="utf-8")
    assert "Bộ tài liệu đầy đủ (.zip) · " in index and "Bộ nhỏ cho điện thoại (.zip) · " in index
    library = tmp_path / "other"
    library.mkdir()
    assert import_kit(full, library).action == "added"
    assert (library / "alpha-guide" / "guide.md").read_bytes() == (tmp_path / "content" / "alpha-guide" / "guide.md").read_bytes()


@pytest.mark.slow
def test_bundled_guide_kits_on_a_phone(tmp_path: Path) -> None:
    """A whole bundled guide in every format: the small kit is under a third of the full one, and the full
    kit's start page opens in headless Chromium at phone width, offline, every link leading to a file."""
    from test_browser import Chromium

    chromium = require_tool("chromium", "chromium")
    if "clip" not in BUILTIN:
        pytest.skip("the clip exporter is not registered")
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "zalo-tra-cuu-ho-so", content / "zalo-tra-cuu-ho-so")
    summary = publish(content, tmp_path / "dist", jobs=2)
    assert summary.ok, summary.failures
    full = tmp_path / "dist" / "zalo-tra-cuu-ho-so.zip"
    small = tmp_path / "dist" / "zalo-tra-cuu-ho-so-dien-thoai.zip"
    assert verify(full).ok and verify(small).ok
    assert small.stat().st_size < full.stat().st_size / 3, (small.stat().st_size, full.stat().st_size)

    unpacked = tmp_path / "phone"
    with zipfile.ZipFile(full) as archive:
        archive.extractall(unpacked)
    browser = Chromium(chromium, tmp_path / "profile")
    try:
        browser.open((unpacked / START_PAGE).as_uri(), width=390, height=844)
        assert browser.problems() == []
        assert browser.evaluate("document.documentElement.scrollWidth") <= 390
        titles = browser.evaluate("[...document.querySelectorAll('section h2')].map(h => h.textContent)")
        assert titles[:5] == ["Để in", "Gửi Zalo, Facebook", "Chiếu lên TV", "Phát loa", "Xem trên điện thoại"][: len(titles[:5])]
        assert len(titles) >= 5, titles
        hrefs = browser.evaluate(
            "[...document.querySelectorAll('section a')].map(a => decodeURIComponent(a.getAttribute('href')))"
        )
        assert hrefs and all((unpacked / href).is_file() for href in hrefs), hrefs
        assert float(browser.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")) >= 17
        browser.screenshot(tmp_path / "start-390.png")
    finally:
        browser.close()
