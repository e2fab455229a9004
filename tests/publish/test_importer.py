"""trainer import: received kits are added safely; zip-slip, links, bombs and damage are refused, nothing escapes."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sample_library import write_guide

from trainer.publish import KitError, publish
from trainer.publish.importer import import_kit
from trainer.publish.manifest import MANIFEST


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real kit for guide 'alpha-guide' version 1.1."""
    root = tmp_path_factory.mktemp("kit")
    write_guide(root / "content", "alpha-guide", 1, version="1.1")
    publish(root / "content", root / "dist", formats=["html"], jobs=1)
    return root / "dist" / "alpha-guide.zip"


def cli_import(kit: Path, library: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "trainer", "import", str(kit), "--library", str(library), *extra]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def evil_kit(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]], manifest: dict | None = None) -> Path:
    """A ZIP with the given entries and a manifest listing them honestly (so only the trap is wrong)."""
    files = []
    for info, data in entries:
        name = info.filename if isinstance(info, zipfile.ZipInfo) else info
        files.append({"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    body = manifest or {"format": "trainer-kit", "format_version": 1, "slug": "evil-guide", "version": "9", "files": files}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(body))
        for info, data in entries:
            archive.writestr(info, data)
    return path


def test_import_adds_a_received_guide(kit: Path, tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    result = cli_import(kit, library)
    assert result.returncode == 0, result.stderr
    assert "added version 1.1" in result.stdout
    assert (library / "alpha-guide" / "guide.md").is_file() and (library / "alpha-guide" / "images" / "01.png").is_file()
    assert sorted(p.name for p in library.iterdir()) == ["alpha-guide"]  # no staging folder left behind
    check = subprocess.run([sys.executable, "-m", "trainer", "check", str(library)], capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout
    assert import_kit(kit, library).action == "unchanged"


def test_newer_local_guide_is_never_overwritten_without_force(kit: Path, tmp_path: Path) -> None:
    library = tmp_path / "library"
    write_guide(library, "alpha-guide", 1, version="1.2", word="bản mới hơn")
    before = snapshot(library)
    result = cli_import(kit, library)
    assert result.returncode == 1 and "--force" in result.stderr and "1.2" in result.stderr
    assert snapshot(library) == before
    # the same version edited locally is not replaced silently either
    write_guide(library, "alpha-guide", 1, version="1.1", word="sửa tại chỗ")
    assert cli_import(kit, library).returncode == 1
    result = cli_import(kit, library, "--force")
    assert result.returncode == 0 and "replaced" in result.stdout
    assert "bản mới hơn" not in (library / "alpha-guide" / "guide.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in library.iterdir()) == ["alpha-guide"]


def test_older_local_guide_is_replaced(kit: Path, tmp_path: Path) -> None:
    library = tmp_path / "library"
    write_guide(library, "alpha-guide", 1, version="1.0")
    assert import_kit(kit, library).action == "replaced"
    assert "version: '1.1'" in (library / "alpha-guide" / "guide.md").read_text(encoding="utf-8")


def _symlink(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return info, target.encode()


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([("source/../../escaped.txt", b"x")], "'..'"),
        ([("../escaped.txt", b"x")], "'..'"),
        ([("/tmp/escaped-absolute.txt", b"x")], "absolute path"),
        ([("C:/Windows/escaped.txt", b"x")], "absolute path"),
        ([("source\\..\\..\\escaped.txt", b"x")], "'..'"),
        ([_symlink("source/images/link.png", "/etc/passwd")], "symbolic link"),
        ([_symlink("source", "/tmp")], "symbolic link"),
        ([("source/guide.md", b"\0" * (50 << 20))], "ZIP bomb"),
        ([(f"source/f{i}.txt", b"") for i in range(5001)], "entries"),
    ],
    ids=[
        "dotdot-in-source",
        "dotdot",
        "absolute",
        "drive-letter",
        "backslashes",
        "symlink-file",
        "symlink-dir",
        "bomb",
        "too-many",
    ],
)
def test_unsafe_kits_are_refused_and_nothing_is_written(tmp_path: Path, entries: list, message: str) -> None:
    library = tmp_path / "deep" / "library"
    library.mkdir(parents=True)
    kit = evil_kit(tmp_path / "evil.zip", entries)
    before = snapshot(tmp_path)
    result = cli_import(kit, library)
    assert result.returncode == 1
    assert "refused" in result.stderr and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before  # nothing written anywhere, not even inside the library
    assert list(library.iterdir()) == []
    assert not Path("/tmp/escaped-absolute.txt").exists()


def test_lying_size_header_is_caught_while_reading(kit: Path, tmp_path: Path) -> None:
    # A member whose header claims 10 bytes but which inflates to 1 MB: the reader stops at the claim.
    data = b"A" * (1 << 20)
    path = evil_kit(tmp_path / "liar.zip", [("source/guide.md", data)])
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("source/guide.md")
    # patch the uncompressed size in the local header (offset 22) and the central directory entry
    raw[info.header_offset + 22 : info.header_offset + 26] = (10).to_bytes(4, "little")
    central = raw.rfind(b"PK\x01\x02")
    raw[central + 24 : central + 28] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    library = tmp_path / "library"
    library.mkdir()
    with pytest.raises(KitError, match="refused"):
        import_kit(path, library)
    assert list(library.iterdir()) == []


def test_corrupted_or_invalid_guide_kits_are_refused(kit: Path, tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    damaged = tmp_path / "damaged.zip"
    raw = bytearray(kit.read_bytes())
    with zipfile.ZipFile(kit) as archive:
        info = archive.getinfo("source/images/01.png")
    offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + info.compress_size // 2
    raw[offset] ^= 0xFF
    damaged.write_bytes(bytes(raw))
    with pytest.raises(KitError, match="corrupted source/images/01.png"):
        import_kit(damaged, library)
    broken = evil_kit(tmp_path / "broken.zip", [("source/guide.md", b"---\ntitle: x\n---\n")])
    with pytest.raises(KitError, match="has errors"):
        import_kit(broken, library)
    bad_slug = evil_kit(
        tmp_path / "slug.zip",
        [("source/guide.md", b"x")],
        {"format": "trainer-kit", "slug": "../../etc", "files": [{"path": "source/guide.md", "size": 1, "sha256": "0" * 64}]},
    )
    with pytest.raises(KitError, match="not a plain folder name"):
        import_kit(bad_slug, library)
    assert list(library.iterdir()) == []
