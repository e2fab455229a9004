"""A guide's kit: its outputs, its source (guide.md + the files it uses) and manifest.json, as a folder and a ZIP.

Layout (the same in the folder `<out>/<slug>/` and in `<out>/<slug>.zip`):

    manifest.json            slug, version, valid-as-of, tool, created, every file with size + SHA-256
    <slug>-<format>...       every output (HTML page, PDFs, PNGs, MP4 + SRT/VTT, PPTX)
    source/guide.md          the guide itself, so `trainer import` can add it to another library
    source/images/...        the files guide.md uses
"""

from __future__ import annotations

import datetime as _dt
import os
import zipfile
from pathlib import Path

from trainer.model import Guide
from trainer.publish.manifest import MANIFEST, kit_files, make_manifest, manifest_bytes
from trainer.store import GUIDE_FILE
from trainer.store.atomic import atomic_path, atomic_write_bytes
from trainer.store.media import MediaError, resolve_inside

SOURCE = "source"
# Already-compressed formats are stored as they are: deflating them again costs time and saves nothing.
STORED_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".mp4", ".m4a", ".mp3", ".ogg", ".zip", ".pptx", ".docx", ".woff2"}


def guide_sources(guide: Guide) -> list[str]:
    """Paths, relative to the guide folder, of guide.md and every file it uses that exists inside the folder."""
    assert guide.folder is not None
    names = [GUIDE_FILE]
    used = [s.image for s in guide.steps] + [s.narration for s in guide.steps] + [guide.music]
    for relative in used:
        if not relative:
            continue
        try:
            path = resolve_inside(guide.folder, relative)
        except MediaError:
            continue
        name = path.relative_to(guide.folder.resolve()).as_posix()
        if name not in names:
            names.append(name)
    return names


def copy_sources(guide: Guide, kit_dir: Path) -> None:
    """Mirror the guide's source files into kit_dir/source/, removing files the guide no longer uses."""
    assert guide.folder is not None
    target = kit_dir / SOURCE
    wanted = guide_sources(guide)
    for name in wanted:
        data = (guide.folder / name).read_bytes()
        dest = target / name
        if not dest.is_file() or dest.read_bytes() != data:
            atomic_write_bytes(dest, data)
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):
            relative = path.relative_to(target).as_posix()
            if path.is_file() and relative not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def created_stamp() -> str:
    """When the kit was made: SOURCE_DATE_EPOCH when set (reproducible builds), else now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = _dt.datetime.fromtimestamp(int(epoch), _dt.UTC) if epoch and epoch.isdigit() else _dt.datetime.now(_dt.UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def write_manifest(guide: Guide, kit_dir: Path, created: str) -> dict:
    """Write kit_dir/manifest.json for the files now in kit_dir and return it."""
    manifest = make_manifest(
        kit_dir,
        slug=guide.slug,
        title=guide.title,
        version=guide.version,
        valid_as_of=guide.valid_as_of.isoformat() if guide.valid_as_of else "",
        created=created,
    )
    atomic_write_bytes(kit_dir / MANIFEST, manifest_bytes(manifest))
    return manifest


def write_zip(kit_dir: Path, target: Path, stamp: _dt.date | None = None) -> Path:
    """Zip a kit folder deterministically (sorted names, fixed times and permissions), atomically."""
    day = stamp or _dt.date(1980, 1, 1)
    when = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    names = [MANIFEST, *kit_files(kit_dir)]
    with atomic_path(target) as tmp, zipfile.ZipFile(tmp, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=when)
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--: never a link
            info.create_system = 3
            stored = Path(name).suffix.lower() in STORED_SUFFIXES
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            large = (kit_dir / name).stat().st_size > 0x7FFF0000
            with open(kit_dir / name, "rb") as src, archive.open(info, "w", force_zip64=large) as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
    return target


def prune(kit_dir: Path, outputs: list[str]) -> None:
    """Delete what is neither an output nor under source/ (leftovers of an interrupted run), so the kit holds only its own files."""
    keep = set(outputs)
    for name in kit_files(kit_dir):
        if name not in keep and not name.startswith(SOURCE + "/"):
            (kit_dir / name).unlink()


def build_kit(guide: Guide, kit_dir: Path, zip_path: Path, created: str, outputs: list[str]) -> dict:
    """Refresh a guide's kit folder (sources, only these outputs, manifest) and its ZIP; return the manifest."""
    copy_sources(guide, kit_dir)
    prune(kit_dir, outputs)
    manifest = write_manifest(guide, kit_dir, created)
    write_zip(kit_dir, zip_path, guide.valid_as_of)
    return manifest
