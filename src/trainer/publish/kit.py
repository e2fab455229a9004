"""A guide's kit: its outputs, its source (guide.md + the files it uses) and manifest.json, as a folder and two ZIPs.

The folder `<out>/<slug>/` is the publisher's copy, every output side by side:

    manifest.json            slug, version, valid-as-of, tool, created, every file with size + SHA-256
    <slug>-<format>...       every output (HTML page, PDFs, PNGs, MP4 + SRT/VTT, PPTX, MP3)
    source/guide.md          the guide itself, so `trainer import` can add it to another library
    source/images/...        the files guide.md uses
    branding/<name>.toml     the branding theme the outputs were made with, and its logo (when it is a
                             library's branding rather than a built-in theme), so a team that imports the
                             kit and publishes again gets the same department, hotline and logo

The ZIPs sent to the teams are laid out by what a team does with each file (trainer.publish.layout):
`<slug>.zip` holds everything, `<slug>-dien-thoai.zip` what a phone needs; each opens with
`Mở trước.html` and carries its own manifest.json, so `trainer verify` checks either.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import zipfile
from pathlib import Path

from trainer.model import Annotation, Guide
from trainer.privacy.redact import redacted_bytes
from trainer.publish.layout import SMALL_KIT_SUFFIX, START_PAGE, arrange, start_page
from trainer.publish.manifest import MANIFEST, kit_files, make_manifest, manifest_bytes, manifest_of, sha256_file
from trainer.store import GUIDE_FILE
from trainer.store.atomic import atomic_path, atomic_write_bytes
from trainer.store.library_file import theme_files
from trainer.store.media import MediaError, resolve_inside

SOURCE = "source"
BRANDING = "branding"  # the branding theme file and its logo, beside source/
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


def _source_bytes(guide: Guide, name: str, marks: dict[str, list[Annotation]]) -> bytes:
    """What the kit carries for one source file: a step image redacted (blurs destroyed, no metadata), anything else as is."""
    assert guide.folder is not None
    if name in marks:
        return redacted_bytes(guide.folder / name, marks[name])
    return (guide.folder / name).read_bytes()


def copy_sources(guide: Guide, kit_dir: Path) -> None:
    """Mirror the guide's source files into kit_dir/source/, removing files the guide no longer uses.

    Step images go in redacted: teams re-import the source, and it travels further than any output,
    so the pixels under a blur must not be in it (the editor's own library keeps its originals).
    """
    assert guide.folder is not None
    target = kit_dir / SOURCE
    wanted = guide_sources(guide)
    marks: dict[str, list[Annotation]] = {}
    base = guide.folder.resolve()
    for step in guide.steps:
        if not step.image:
            continue
        try:
            name = resolve_inside(guide.folder, step.image).relative_to(base).as_posix()
        except MediaError:
            continue
        # One image used by two steps: what either step hides stays hidden.
        marks.setdefault(name, []).extend(step.annotations)
    for name in wanted:
        data = _source_bytes(guide, name, marks)
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


def copy_branding(theme: str, kit_dir: Path) -> None:
    """Mirror the theme file the outputs used (and its logo) into kit_dir/branding/; empty for a built-in theme."""
    target = kit_dir / BRANDING
    wanted = {path.name: path for path in theme_files(theme)}
    for name, path in wanted.items():
        data = path.read_bytes()
        if not (target / name).is_file() or (target / name).read_bytes() != data:
            atomic_write_bytes(target / name, data)
    if target.is_dir():
        for path in target.iterdir():
            if path.name not in wanted and path.is_file():
                path.unlink()
        if not any(target.iterdir()):
            target.rmdir()


def created_stamp() -> str:
    """When the kit was made: SOURCE_DATE_EPOCH when set (reproducible builds), else now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = _dt.datetime.fromtimestamp(int(epoch), _dt.UTC) if epoch and epoch.isdigit() else _dt.datetime.now(_dt.UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _identity(guide: Guide, created: str) -> dict[str, str]:
    """What a manifest says about the guide it carries."""
    valid = guide.valid_as_of.isoformat() if guide.valid_as_of else ""
    return {"slug": guide.slug, "title": guide.title, "version": guide.version, "valid_as_of": valid, "created": created}


def write_manifest(guide: Guide, kit_dir: Path, created: str) -> dict:
    """Write kit_dir/manifest.json for the files now in kit_dir and return it."""
    manifest = make_manifest(kit_dir, **_identity(guide, created))
    atomic_write_bytes(kit_dir / MANIFEST, manifest_bytes(manifest))
    return manifest


def write_zip(kit_dir: Path, target: Path, stamp: _dt.date | None = None) -> Path:
    """Zip a kit folder as it is (manifest first), deterministically and atomically."""
    return zip_members(target, [(name, kit_dir / name) for name in [MANIFEST, *kit_files(kit_dir)]], stamp)


def zip_members(target: Path, members: list[tuple[str, Path | bytes]], stamp: _dt.date | None = None) -> Path:
    """Write (name in the ZIP, file or bytes) pairs in order, with fixed times and permissions, atomically."""
    day = stamp or _dt.date(1980, 1, 1)
    when = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    with atomic_path(target) as tmp, zipfile.ZipFile(tmp, "w") as archive:
        for name, source in members:
            info = zipfile.ZipInfo(name, date_time=when)
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--: never a link
            info.create_system = 3
            stored = Path(name).suffix.lower() in STORED_SUFFIXES
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            if isinstance(source, bytes):
                archive.writestr(info, source)
                continue
            large = source.stat().st_size > 0x7FFF0000
            with open(source, "rb") as src, archive.open(info, "w", force_zip64=large) as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
    return target


def small_kit_path(zip_path: Path) -> Path:
    """Where the small kit for phones goes beside the full kit `<slug>.zip`."""
    return zip_path.with_name(zip_path.stem + SMALL_KIT_SUFFIX + ".zip")


def write_team_kit(guide: Guide, kit_dir: Path, target: Path, created: str, outputs: list[str], theme: str, small: bool) -> Path:
    """A kit ZIP laid out by what a team does with each file, opening with the start page, with its own manifest."""
    placed = [(path, kit_dir / name) for path, name in arrange(guide.slug, outputs, small)]
    if not small:
        placed += [(f"{SOURCE}/{name}", kit_dir / SOURCE / name) for name in kit_files(kit_dir / SOURCE)]
        placed += [(f"{BRANDING}/{name}", kit_dir / BRANDING / name) for name in kit_files(kit_dir / BRANDING)]
    page = start_page(guide, placed, theme, small, has_source=not small).encode("utf-8")
    files = [{"path": START_PAGE, "size": len(page), "sha256": hashlib.sha256(page).hexdigest()}]
    files += [{"path": path, "size": source.stat().st_size, "sha256": sha256_file(source)} for path, source in placed]
    manifest = manifest_of(files, **_identity(guide, created))
    members: list[tuple[str, Path | bytes]] = [(MANIFEST, manifest_bytes(manifest)), (START_PAGE, page), *placed]
    return zip_members(target, members, guide.valid_as_of)


def prune(kit_dir: Path, outputs: list[str]) -> None:
    """Delete what is neither an output nor under source/ (leftovers of an interrupted run), so the kit holds only its own files."""
    keep = set(outputs)
    for name in kit_files(kit_dir):
        if name not in keep and not name.startswith((SOURCE + "/", BRANDING + "/")):
            (kit_dir / name).unlink()


def build_kit(guide: Guide, kit_dir: Path, zip_path: Path, created: str, outputs: list[str], theme: str = "default") -> dict:
    """Refresh a guide's kit folder (sources, only these outputs, manifest) and its two team ZIPs; return the manifest."""
    copy_sources(guide, kit_dir)
    copy_branding(theme, kit_dir)
    prune(kit_dir, outputs)
    manifest = write_manifest(guide, kit_dir, created)
    write_team_kit(guide, kit_dir, zip_path, created, outputs, theme, small=False)
    write_team_kit(guide, kit_dir, small_kit_path(zip_path), created, outputs, theme, small=True)
    return manifest
