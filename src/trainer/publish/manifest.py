"""manifest.json: what a kit holds (every file with size and SHA-256), and checking a kit against it.

A kit is a folder or a ZIP with `manifest.json` at its root. verify() reads both the same way and
reports missing, extra and corrupted files by their path inside the kit.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from trainer import __version__
from trainer.store.problems import say

MANIFEST = "manifest.json"
KIT_FORMAT = "trainer-kit"
KIT_FORMAT_VERSION = 1
# A manifest is a few KB; anything far larger is not ours and is not parsed.
MAX_MANIFEST_BYTES = 2_000_000
_CHUNK = 1 << 20


class KitError(Exception):
    """A kit that cannot be read at all; str() is one plain line naming the kit."""


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read in chunks so large clips do not fill memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def kit_files(folder: Path) -> list[str]:
    """Paths (POSIX, relative, sorted) of every regular file in a kit folder except the manifest."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            relative = path.relative_to(folder).as_posix()
            if relative != MANIFEST:
                found.append(relative)
    return sorted(found)


def make_manifest(folder: Path, *, slug: str, title: str, version: str, valid_as_of: str, created: str) -> dict[str, Any]:
    """The manifest of a kit folder: guide identity, tool version and every file with size and SHA-256."""
    files = [
        {"path": rel, "size": (folder / rel).stat().st_size, "sha256": sha256_file(folder / rel)} for rel in kit_files(folder)
    ]
    return manifest_of(files, slug=slug, title=title, version=version, valid_as_of=valid_as_of, created=created)


def manifest_of(
    files: list[dict[str, Any]], *, slug: str, title: str, version: str, valid_as_of: str, created: str
) -> dict[str, Any]:
    """A manifest from file entries ({path, size, sha256}) and the guide's identity."""
    return {
        "format": KIT_FORMAT,
        "format_version": KIT_FORMAT_VERSION,
        "slug": slug,
        "title": title,
        "version": version,
        "valid_as_of": valid_as_of,
        "tool": f"trainer {__version__}",
        "created": created,
        "files": files,
    }


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    """The manifest as stable, readable JSON (sorted keys, UTF-8, trailing newline)."""
    return (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def parse_manifest(data: bytes, where: str) -> dict[str, Any]:
    """A manifest's content, checked for shape; KitError naming `where` otherwise."""
    if len(data) > MAX_MANIFEST_BYTES:
        raise KitError(
            f"{where}: " + say("tệp 'manifest.json' quá lớn ({n} byte)", "manifest.json is too large ({n} bytes)", n=len(data))
        )
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KitError(
            f"{where}: "
            + say(
                "tệp 'manifest.json' viết sai; chi tiết kỹ thuật: “{d}”",
                "manifest.json is not valid JSON ({d})",
                d=exc,
            )
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != KIT_FORMAT or not isinstance(manifest.get("files"), list):
        raise KitError(
            f"{where}: "
            + say(
                "tệp 'manifest.json' không phải của một bộ tài liệu Trainer",
                "manifest.json is not a Trainer kit manifest",
            )
        )
    for entry in manifest["files"]:
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("path"), str)
            and isinstance(entry.get("size"), int)
            and isinstance(entry.get("sha256"), str)
        ):
            raise KitError(
                f"{where}: "
                + say(
                    "tệp 'manifest.json' có một dòng tệp viết sai: “{e}”",
                    "manifest.json has a malformed file entry: {e}",
                    e=f"{entry!r:.80}",
                )
            )
    return manifest


@dataclass
class Verification:
    """What verify() found: files missing from the kit, extra files, corrupted files (wrong size or hash)."""

    kit: Path
    manifest: dict[str, Any] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    corrupted: list[str] = field(default_factory=list)
    # Lines naming kit images that still show personal data (or could not be checked): kit_privacy.py.
    personal_data: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every listed file is there, intact, nothing else is, and no image shows personal data."""
        return not (self.missing or self.extra or self.corrupted or self.personal_data)

    def lines(self) -> list[str]:
        """One plain line per problem, naming the kit and the file, in the message language."""
        out = [f"{self.kit}: " + say("thiếu tệp '{p}'", "missing {p}", p=p) for p in self.missing]
        out += [
            f"{self.kit}: " + say("tệp lạ '{p}' (không có trong 'manifest.json')", "extra file {p} (not in manifest.json)", p=p)
            for p in self.extra
        ]
        out += [
            f"{self.kit}: "
            + say(
                "tệp '{p}' bị hỏng (kích thước hoặc mã kiểm tra khác với 'manifest.json')",
                "corrupted {p} (size or SHA-256 differs from manifest.json)",
                p=p,
            )
            for p in self.corrupted
        ]
        return out + self.personal_data


def find_kits(path: Path | str) -> list[Path]:
    """The kits a path names: a kit ZIP, a kit folder, or a folder holding kit ZIPs and kit folders."""
    path = Path(path)
    if path.is_file() or (path / MANIFEST).is_file() or not path.is_dir():
        return [path]
    return sorted(
        p for p in path.iterdir() if not p.name.startswith(".") and (p.suffix.lower() == ".zip" or (p / MANIFEST).is_file())
    )


def _zip_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    return {info.filename: info for info in archive.infolist() if not info.is_dir()}


def _zip_digest(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[int, str] | None:
    """(size, sha256) of a ZIP member as read, or None when it cannot be read (bad CRC, bad header)."""
    digest = hashlib.sha256()
    size = 0
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                size += len(chunk)
                digest.update(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        return None
    return size, digest.hexdigest()


def _entries(manifest: dict[str, Any]) -> Iterator[tuple[str, int, str]]:
    for entry in manifest["files"]:
        yield str(PurePosixPath(entry["path"])), entry["size"], entry["sha256"].lower()


def verify(kit: Path | str) -> Verification:
    """Check a kit ZIP or folder against its manifest.json; KitError if it has no readable manifest."""
    kit = Path(kit)
    result = Verification(kit)
    if kit.is_dir():
        manifest_path = kit / MANIFEST
        if not manifest_path.is_file():
            raise KitError(
                f"{kit}: "
                + say(
                    "không có tệp 'manifest.json' (đây không phải thư mục bộ tài liệu Trainer)",
                    "no manifest.json (not a Trainer kit folder)",
                )
            )
        result.manifest = parse_manifest(manifest_path.read_bytes(), str(kit))
        present = set(kit_files(kit))
        listed = set()
        for path, size, sha in _entries(result.manifest):
            listed.add(path)
            file = kit / path
            if path not in present:
                result.missing.append(path)
            elif file.stat().st_size != size or sha256_file(file) != sha:
                result.corrupted.append(path)
        result.extra = sorted(present - listed)
        result.personal_data = _personal_data(kit)
        return result
    if not kit.is_file():
        raise KitError(f"{kit}: " + say("không có tệp hay thư mục bộ tài liệu này", "no such kit file or folder"))
    try:
        with zipfile.ZipFile(kit) as archive:
            members = _zip_members(archive)
            if MANIFEST not in members:
                raise KitError(
                    f"{kit}: "
                    + say(
                        "tệp ZIP không có 'manifest.json' ở ngoài cùng (đây không phải bộ tài liệu Trainer)",
                        "no manifest.json at the top of the ZIP (not a Trainer kit)",
                    )
                )
            if members[MANIFEST].file_size > MAX_MANIFEST_BYTES:
                raise KitError(f"{kit}: " + say("tệp 'manifest.json' quá lớn", "manifest.json is too large"))
            try:
                raw = archive.read(MANIFEST)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise KitError(
                    f"{kit}: "
                    + say(
                        "không đọc được 'manifest.json'; chi tiết kỹ thuật: “{d}”",
                        "manifest.json cannot be read ({d})",
                        d=exc,
                    )
                ) from None
            result.manifest = parse_manifest(raw, str(kit))
            listed = set()
            for path, size, sha in _entries(result.manifest):
                listed.add(path)
                info = members.get(path)
                if info is None:
                    result.missing.append(path)
                    continue
                read = _zip_digest(archive, info) if info.file_size == size else None
                if read != (size, sha):
                    result.corrupted.append(path)
            result.extra = sorted(set(members) - listed - {MANIFEST})
    except zipfile.BadZipFile as exc:
        raise KitError(
            f"{kit}: " + say("tệp ZIP không đọc được; chi tiết kỹ thuật: “{d}”", "not a readable ZIP file ({d})", d=exc)
        ) from None
    result.personal_data = _personal_data(kit)
    return result


def _personal_data(kit: Path) -> list[str]:
    from trainer.publish.kit_privacy import personal_data_lines  # the scan engines load only when a kit is verified

    return personal_data_lines(kit)
