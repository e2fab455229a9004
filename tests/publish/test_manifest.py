"""verify: a kit folder or ZIP against its manifest.json; one flipped byte anywhere names the file."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from trainer.publish import KitError, publish, verify
from trainer.publish.manifest import MANIFEST


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sample_library import write_guide

    root = tmp_path_factory.mktemp("pub")
    write_guide(root / "content", "alpha-guide", 1)
    publish(root / "content", root / "dist", formats=["html"], jobs=1)
    return root / "dist"


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def cli_verify(kit: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "trainer", "verify", str(kit)], capture_output=True, text=True, timeout=120)


def test_manifest_lists_every_file_with_size_and_sha256(published: Path) -> None:
    result = verify(published / "alpha-guide")
    names = [f["path"] for f in result.manifest["files"]]
    assert names == sorted(names)
    assert {"alpha-guide-html.html", "source/guide.md", "source/images/01.png"} <= set(names)
    for entry in result.manifest["files"]:
        assert entry["size"] == (published / "alpha-guide" / entry["path"]).stat().st_size
        assert len(entry["sha256"]) == 64
    # The ZIPs for the teams are laid out by purpose and carry their own manifest of exactly what they hold.
    for kit in ("alpha-guide.zip", "alpha-guide-dien-thoai.zip"):
        with zipfile.ZipFile(published / kit) as archive:
            manifest = verify(published / kit).manifest
            listed = {f["path"]: f for f in manifest["files"]}
            assert sorted(archive.namelist()) == sorted([MANIFEST, *listed])
            for path, entry in listed.items():
                data = archive.read(path)
                assert entry["size"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
            assert "Mở trước.html" in listed and "5 - Xem trên điện thoại/alpha-guide-html.html" in listed


def test_flipping_one_byte_in_any_kit_file_fails_and_names_it(published: Path, tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    shutil.copytree(published / "alpha-guide", kit)
    assert cli_verify(kit).returncode == 0
    for entry in verify(kit).manifest["files"]:
        target = kit / entry["path"]
        for offset in (0, entry["size"] // 2, entry["size"] - 1):
            original = target.read_bytes()
            flip(target, offset)
            result = cli_verify(kit) if offset == 0 and entry["path"].endswith(".html") else None
            found = verify(kit)
            assert found.corrupted == [entry["path"]] and not found.ok
            if result is not None:
                assert result.returncode == 1 and f"corrupted {entry['path']}" in result.stdout
            target.write_bytes(original)
    assert verify(kit).ok


def test_flipping_a_byte_inside_any_zip_member_fails_and_names_it(published: Path, tmp_path: Path) -> None:
    source = published / "alpha-guide.zip"
    with zipfile.ZipFile(source) as archive:
        members = [
            (i.filename, i.header_offset, i.compress_size, len(i.filename.encode()) + len(i.extra)) for i in archive.infolist()
        ]
    for name, header, size, variable in members:
        if name == MANIFEST:
            continue
        kit = tmp_path / f"{name.replace('/', '_')}.zip"
        shutil.copy(source, kit)
        flip(kit, header + 30 + variable + size // 2)  # the middle of this member's data
        found = verify(kit)
        assert found.corrupted == [name], (name, found.lines())
    result = cli_verify(kit)
    assert result.returncode == 1 and "corrupted" in result.stdout


def test_missing_and_extra_files_are_reported(published: Path, tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    shutil.copytree(published / "alpha-guide", kit)
    (kit / "source" / "images" / "01.png").unlink()
    (kit / "notes.txt").write_text("added later", encoding="utf-8")
    found = verify(kit)
    assert found.missing == ["source/images/01.png"] and found.extra == ["notes.txt"]
    result = cli_verify(kit)
    assert result.returncode == 1
    assert "missing source/images/01.png" in result.stdout and "extra file notes.txt" in result.stdout


def test_not_a_kit_is_one_plain_error(tmp_path: Path) -> None:
    (tmp_path / "junk.zip").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(KitError, match="not a readable ZIP"):
        verify(tmp_path / "junk.zip")
    result = cli_verify(tmp_path / "junk.zip")
    assert result.returncode == 1 and "Traceback" not in result.stderr and "junk.zip" in result.stderr
    with pytest.raises(KitError, match="no manifest.json"):
        verify(tmp_path)


def test_kit_zip_is_reproducible(published: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sample_library import write_guide

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    zips = []
    for run in ("a", "b"):
        write_guide(tmp_path / run / "content", "alpha-guide", 1)
        publish(tmp_path / run / "content", tmp_path / run / "dist", formats=["html"], jobs=1)
        zips.append((tmp_path / run / "dist" / "alpha-guide.zip").read_bytes())
    assert zips[0] == zips[1]
