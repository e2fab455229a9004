"""The scan cache: keyed by the image's bytes, per engine, in the user's cache folder; damage costs only time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privacy_screens import Row, draw_screen
from trainer.privacy import cache, scan
from trainer.privacy import scanner as scan_module


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRAINER_CACHE_DIR", str(folder))
    return folder


def counting(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every image the engines really look at."""
    seen: list[Path] = []
    real = scan_module._detect

    def detect(path: Path) -> dict:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(scan_module, "_detect", detect)
    return seen


def test_second_scan_reads_the_cache_and_a_copy_shares_it(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = tmp_path / "a.png"
    draw_screen(image, [Row("Số điện thoại", "0912345678")])
    seen = counting(monkeypatch)
    first = scan(image)
    copy = tmp_path / "renamed.png"
    copy.write_bytes(image.read_bytes())
    assert scan(image) == first and scan(copy) == first
    assert seen == [image]
    entries = list((own_cache / "privacy").rglob("*.json"))
    assert [e.stem for e in entries] == [cache.file_digest(image)]


def test_an_edited_image_is_scanned_again(tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image = tmp_path / "a.png"
    draw_screen(image, [Row("Phiên bản", "2.1.3")])
    assert scan(image) == []
    draw_screen(image, [Row("Số điện thoại", "0912345678")])
    assert [f.kind for f in scan(image)] == ["phone"]


@pytest.mark.parametrize(
    "damage", ["{not json", json.dumps({"engine": "another-engine/0", "lines": [], "codes": [], "faces": []})]
)
def test_damaged_or_foreign_entries_are_ignored(tmp_path: Path, own_cache: Path, damage: str) -> None:
    image = tmp_path / "a.png"
    draw_screen(image, [Row("Số điện thoại", "0912345678")])
    digest = cache.file_digest(image)
    entry = own_cache / "privacy" / digest[:2] / f"{digest}.json"
    entry.parent.mkdir(parents=True)
    entry.write_text(damage, encoding="utf-8")
    assert [f.kind for f in scan(image)] == ["phone"]


def test_cache_folder_that_cannot_be_written_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("TRAINER_CACHE_DIR", str(blocker))
    image = tmp_path / "a.png"
    draw_screen(image, [Row("Số điện thoại", "0912345678")])
    assert [f.kind for f in scan(image)] == ["phone"]


def test_default_folder_is_the_users_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TRAINER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    root = cache.cache_root()
    assert root in (tmp_path / "trainer", tmp_path / "local" / "Trainer" / "Cache") or root.name == "Trainer"
