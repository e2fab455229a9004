"""Kit ZIPs (`trainer import KIT.zip`): add a received guide to a library, safely.

A kit comes from someone else's machine over Zalo or a USB stick, so nothing in it is trusted:
every entry name is checked before anything is written (no '..', absolute paths, drive letters,
links or special files), counts and sizes are capped and compression ratios typical of ZIP bombs are
refused; bytes read are counted, whatever the headers claim. The guide is extracted into a temporary
folder inside the library, verified against manifest.json, checked with `trainer.check`, and only then
moved into place with renames. A local guide that is newer (or the same version, edited) is never
replaced unless the caller says force.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from trainer.exporters.base import report
from trainer.importers.base import Imported, Importer, ImportFailed, ImportOptions, Progress
from trainer.publish.kit import SOURCE
from trainer.publish.manifest import MANIFEST, MAX_MANIFEST_BYTES, KitError, parse_manifest
from trainer.store import GUIDE_FILE

MAX_ENTRIES = 5_000
MAX_FILE_BYTES = 1 << 30  # one clip or PDF: 1 GiB is far beyond any real one
MAX_TOTAL_BYTES = 4 << 30  # a whole kit, uncompressed
MAX_RATIO = 100  # real kits compress at most ~10:1 (text); bombs reach 1000:1
RATIO_FLOOR = 1 << 20  # tiny files may compress very well without harm
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DRIVE = re.compile(r"^[A-Za-z]:")


class LocalNewer(KitError):
    """The library already has this guide in a version as new as the kit's or newer; nothing changed."""

    def __init__(self, message: str, local_version: str, kit_version: str):
        super().__init__(message)
        self.local_version, self.kit_version = local_version, kit_version


@dataclass
class KitResult:
    """What a kit import did: the guide folder and a plain sentence for the user."""

    slug: str
    path: Path
    action: str  # "added", "replaced", "unchanged"
    message: str


def safe_member_path(name: str) -> PurePosixPath:
    """The relative path a ZIP entry name stands for, or KitError if it could land outside the target."""
    if not name or "\0" in name:
        raise KitError(f"entry {name!r}: empty or contains a NUL byte")
    normalized = name.replace("\\", "/")
    if normalized.startswith("/") or _DRIVE.match(normalized) or normalized.startswith("//"):
        raise KitError(f"entry '{name}': absolute path (would write outside the library)")
    parts = [p for p in normalized.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise KitError(f"entry '{name}': contains '..' (would write outside the library)")
    if any(":" in p for p in parts):
        raise KitError(f"entry '{name}': contains ':' (a drive or an alternate data stream on Windows)")
    if not parts:
        raise KitError(f"entry '{name}': no file name")
    return PurePosixPath(*parts)


def check_entries(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Every file entry, after refusing unsafe names, links, special files, too many files and bombs."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise KitError(f"{len(infos)} entries, at most {MAX_ENTRIES} (not a Trainer kit, or a ZIP bomb)")
    total = 0
    files = []
    for info in infos:
        safe_member_path(info.filename)
        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        if info.create_system == 3 and kind == stat.S_IFLNK:
            raise KitError(f"entry '{info.filename}': a symbolic link (links are refused: they can point outside the library)")
        if info.create_system == 3 and kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise KitError(f"entry '{info.filename}': not a regular file")
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise KitError(f"entry '{info.filename}': encrypted entries are not supported")
        if info.file_size > MAX_FILE_BYTES:
            raise KitError(f"entry '{info.filename}': {info.file_size} bytes uncompressed, at most {MAX_FILE_BYTES}")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise KitError(f"entry '{info.filename}': compressed {ratio}:1, typical of a ZIP bomb (at most {MAX_RATIO}:1)")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise KitError(f"more than {MAX_TOTAL_BYTES} bytes uncompressed in all (a ZIP bomb?)")
        files.append(info)
    return files


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, sink: Any) -> str:
    """Stream an entry into sink.write, stopping at its declared size whatever the data says; return its SHA-256."""
    digest = hashlib.sha256()
    size = 0
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(1 << 20):
                size += len(chunk)
                if size > info.file_size:
                    raise KitError(f"entry '{info.filename}': holds more data than its header says (a ZIP bomb?)")
                digest.update(chunk)
                sink(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise KitError(f"entry '{info.filename}': cannot be read ({exc})") from None
    return digest.hexdigest()


def version_key(version: str) -> tuple:
    """A version string as a comparable tuple: '1.10' > '1.9'; text parts compare as text."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.\-_ ]+", str(version).strip()) if p)


def _newer(kit: tuple[str, str], local: tuple[str, str]) -> int:
    """1 if the kit is newer than the local guide, -1 if older, 0 if the same (version, then valid_as_of)."""
    a, b = (version_key(kit[0]), kit[1]), (version_key(local[0]), local[1])
    return (a > b) - (a < b)


def _same_folder(a: Path, b: Path) -> bool:
    def listing(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    return listing(a) == listing(b)


def import_kit(kit: Path | str, library: Path | str, *, force: bool = False) -> KitResult:
    """Add the guide in a kit ZIP to a library folder; KitError (one plain line) when it is refused."""
    from trainer.check import check_folder
    from trainer.store import read_guide
    from trainer.store.problems import ERROR

    kit, library = Path(kit), Path(library)
    if not kit.is_file():
        raise KitError(f"{kit}: no such kit file")
    if not library.is_dir():
        raise KitError(f"{library}: no such library folder")
    try:
        archive = zipfile.ZipFile(kit)
    except (zipfile.BadZipFile, OSError) as exc:
        raise KitError(f"{kit}: not a readable ZIP file ({exc})") from None
    with archive:
        try:
            files = {info.filename: info for info in check_entries(archive)}
        except KitError as exc:
            raise KitError(f"{kit}: refused: {exc}") from None
        if MANIFEST not in files or files[MANIFEST].file_size > MAX_MANIFEST_BYTES:
            raise KitError(f"{kit}: refused: no manifest.json at the top of the ZIP (not a Trainer kit)")
        chunks: list[bytes] = []
        _read_capped(archive, files[MANIFEST], chunks.append)
        manifest = parse_manifest(b"".join(chunks), str(kit))
        slug = str(manifest.get("slug") or "")
        if not SLUG.match(slug):
            raise KitError(f"{kit}: refused: manifest slug {slug!r} is not a plain folder name")
        listed = {str(PurePosixPath(e["path"])): e for e in manifest["files"]}
        unlisted = sorted(set(files) - set(listed) - {MANIFEST})
        if unlisted:
            raise KitError(f"{kit}: refused: {unlisted[0]} is not listed in manifest.json")
        sources = sorted(p for p in listed if p.startswith(SOURCE + "/"))
        if f"{SOURCE}/{GUIDE_FILE}" not in sources:
            raise KitError(f"{kit}: refused: the kit holds no {SOURCE}/{GUIDE_FILE}")

        staging = Path(tempfile.mkdtemp(prefix=f".import-{slug}-", dir=library))
        try:
            target_root = (staging / slug).resolve()
            for path in sorted(listed):
                entry = listed[path]
                info = files.get(path)
                if info is None:
                    raise KitError(f"{kit}: refused: missing {path} (listed in manifest.json)")
                if info.file_size != entry["size"]:
                    raise KitError(f"{kit}: refused: corrupted {path} (size differs from manifest.json)")
                try:
                    if not path.startswith(SOURCE + "/"):
                        digest = _read_capped(archive, info, lambda chunk: None)
                    else:
                        relative = safe_member_path(path[len(SOURCE) + 1 :])
                        dest = (target_root / relative).resolve()
                        if target_root not in dest.parents:
                            raise KitError(f"entry '{path}' would land outside the library")
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        with open(dest, "xb") as out:
                            digest = _read_capped(archive, info, out.write)
                except KitError as exc:
                    raise KitError(f"{kit}: refused: corrupted {path}: {exc}") from None
                if digest != entry["sha256"].lower():
                    raise KitError(f"{kit}: refused: corrupted {path} (SHA-256 differs from manifest.json)")
            guide, problems = check_folder(target_root)
            errors = [p for p in problems if p.severity == ERROR]
            if guide is None or errors:
                first = str(errors[0] if errors else problems[0]).replace(str(target_root), f"{kit}:{SOURCE}")
                raise KitError(f"{kit}: refused: the guide in the kit has errors: {first}")
            if guide.slug != slug:
                raise KitError(f"{kit}: refused: guide slug '{guide.slug}' differs from the manifest's '{slug}'")
            kit_identity = (guide.version, guide.valid_as_of.isoformat() if guide.valid_as_of else "")
            destination = library / slug
            if destination.exists() or destination.is_symlink():
                if destination.is_symlink() or not destination.is_dir():
                    raise KitError(f"{destination}: exists and is not a guide folder; move it away first")
                local, _ = read_guide(destination)
                if local is not None and _same_folder(target_root, destination):
                    return KitResult(
                        slug, destination, "unchanged", f"{destination}: already has this guide (version {guide.version})"
                    )
                if local is not None and not force:
                    local_identity = (local.version, local.valid_as_of.isoformat() if local.valid_as_of else "")
                    if _newer(kit_identity, local_identity) <= 0:
                        raise LocalNewer(
                            f"{destination}: the local guide (version {local_identity[0]}, valid as of {local_identity[1] or '?'}) "
                            f"is newer than or as new as the kit's (version {kit_identity[0]}, valid as of {kit_identity[1] or '?'}); "
                            "nothing changed. Use --force to replace it",
                            local_identity[0],
                            kit_identity[0],
                        )
                backup = staging / ".previous"
                destination.rename(backup)
                try:
                    target_root.rename(destination)
                except OSError:
                    backup.rename(destination)
                    raise
                return KitResult(
                    slug, destination, "replaced", f"{destination}: replaced with version {guide.version} from {kit.name}"
                )
            target_root.rename(destination)
            return KitResult(slug, destination, "added", f"{destination}: added version {guide.version} from {kit.name}")
        except OSError as exc:
            raise KitError(f"{kit}: cannot import into {library}: {exc.strerror or exc}") from None
        finally:
            with contextlib.suppress(OSError):
                shutil.rmtree(staging)


class KitImporter(Importer):
    """A kit ZIP made by `trainer publish` on another machine: its guide as it was, checked and verified."""

    name = "kit"
    label = "Trainer kit (.zip)"
    suffixes = (".zip",)

    def import_into(
        self, source: Path, library: Path, progress: Progress | None = None, options: ImportOptions | None = None
    ) -> list[Imported]:
        from trainer.store import load_guide

        report(progress, 0.0)
        try:
            result = import_kit(source, library, force=bool(options and options.force))
        except KitError as exc:
            raise ImportFailed(source, "kit", detail=str(exc)) from None
        guide = load_guide(result.path)
        report(progress, 1.0)
        return [Imported(result.path, guide.title, len(guide.steps), result.message)]
