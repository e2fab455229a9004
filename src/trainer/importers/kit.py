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
from trainer.publish.kit import BRANDING, SOURCE
from trainer.publish.manifest import MANIFEST, MAX_MANIFEST_BYTES, KitError, parse_manifest
from trainer.store import GUIDE_FILE
from trainer.store.atomic import atomic_write_bytes
from trainer.store.library_file import BRANDING_FOLDER, choose_branding, chosen_branding
from trainer.store.problems import say

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
    branding: str = ""  # what became of the kit's branding (see bring_branding); "" when it carried none
    branding_name: str = ""  # its theme file's name


def _refused(kit: Path, vi: str, en: str, **params: object) -> KitError:
    """'<kit>: refused: <why>' in the message language."""
    return KitError(f"{kit}: " + say("bị từ chối: ", "refused: ") + say(vi, en, **params))


def safe_member_path(name: str) -> PurePosixPath:
    """The relative path a ZIP entry name stands for, or KitError if it could land outside the target."""
    if not name or "\0" in name:
        raise KitError(say("mục {n}: trống hoặc chứa byte NUL", "entry {n}: empty or contains a NUL byte", n=repr(name)))
    normalized = name.replace("\\", "/")
    if normalized.startswith("/") or _DRIVE.match(normalized) or normalized.startswith("//"):
        raise KitError(
            say(
                "mục '{n}': đường dẫn tuyệt đối (sẽ ghi ra ngoài thư viện)",
                "entry '{n}': absolute path (would write outside the library)",
                n=name,
            )
        )
    parts = [p for p in normalized.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        raise KitError(
            say(
                "mục '{n}': có '..' (sẽ ghi ra ngoài thư viện)",
                "entry '{n}': contains '..' (would write outside the library)",
                n=name,
            )
        )
    if any(":" in p for p in parts):
        raise KitError(
            say(
                "mục '{n}': có dấu ':' (ổ đĩa hoặc luồng dữ liệu ẩn trên Windows)",
                "entry '{n}': contains ':' (a drive or an alternate data stream on Windows)",
                n=name,
            )
        )
    if not parts:
        raise KitError(say("mục '{n}': không có tên tệp", "entry '{n}': no file name", n=name))
    return PurePosixPath(*parts)


def check_entries(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Every file entry, after refusing unsafe names, links, special files, too many files and bombs."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise KitError(
            say(
                "{count} mục, tối đa {limit} (không phải bộ tài liệu Trainer, hoặc là bom ZIP)",
                "{count} entries, at most {limit} (not a Trainer kit, or a ZIP bomb)",
                count=len(infos),
                limit=MAX_ENTRIES,
            )
        )
    total = 0
    files = []
    for info in infos:
        safe_member_path(info.filename)
        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        if info.create_system == 3 and kind == stat.S_IFLNK:
            raise KitError(
                say(
                    "mục '{n}': là liên kết tượng trưng (bị từ chối: nó có thể trỏ ra ngoài thư viện)",
                    "entry '{n}': a symbolic link (links are refused: they can point outside the library)",
                    n=info.filename,
                )
            )
        if info.create_system == 3 and kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise KitError(say("mục '{n}': không phải tệp thường", "entry '{n}': not a regular file", n=info.filename))
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise KitError(
                say(
                    "mục '{n}': mục có mật khẩu không dùng được",
                    "entry '{n}': encrypted entries are not supported",
                    n=info.filename,
                )
            )
        if info.file_size > MAX_FILE_BYTES:
            raise KitError(
                say(
                    "mục '{n}': {size} byte khi giải nén, tối đa {limit}",
                    "entry '{n}': {size} bytes uncompressed, at most {limit}",
                    n=info.filename,
                    size=info.file_size,
                    limit=MAX_FILE_BYTES,
                )
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise KitError(
                say(
                    "mục '{n}': nén {ratio}:1, dấu hiệu của bom ZIP (tối đa {limit}:1)",
                    "entry '{n}': compressed {ratio}:1, typical of a ZIP bomb (at most {limit}:1)",
                    n=info.filename,
                    ratio=ratio,
                    limit=MAX_RATIO,
                )
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise KitError(
                say(
                    "tổng cộng hơn {limit} byte khi giải nén (bom ZIP?)",
                    "more than {limit} bytes uncompressed in all (a ZIP bomb?)",
                    limit=MAX_TOTAL_BYTES,
                )
            )
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
                    raise KitError(
                        say(
                            "mục '{n}': chứa nhiều dữ liệu hơn phần đầu khai báo (bom ZIP?)",
                            "entry '{n}': holds more data than its header says (a ZIP bomb?)",
                            n=info.filename,
                        )
                    )
                digest.update(chunk)
                sink(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise KitError(
            say(
                "mục '{n}': không đọc được; chi tiết kỹ thuật: “{d}”",
                "entry '{n}': cannot be read ({d})",
                n=info.filename,
                d=exc,
            )
        ) from None
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
        raise KitError(f"{kit}: " + say("không có tệp bộ tài liệu này", "no such kit file"))
    if not library.is_dir():
        raise KitError(f"{library}: " + say("không có thư mục thư viện này", "no such library folder"))
    try:
        archive = zipfile.ZipFile(kit)
    except (zipfile.BadZipFile, OSError) as exc:
        raise KitError(
            f"{kit}: " + say("tệp ZIP không đọc được; chi tiết kỹ thuật: “{d}”", "not a readable ZIP file ({d})", d=exc)
        ) from None
    with archive:
        try:
            files = {info.filename: info for info in check_entries(archive)}
        except KitError as exc:
            raise _refused(kit, "{d}", "{d}", d=exc) from None
        if MANIFEST not in files or files[MANIFEST].file_size > MAX_MANIFEST_BYTES:
            raise _refused(
                kit,
                "tệp ZIP không có 'manifest.json' ở ngoài cùng (đây không phải bộ tài liệu Trainer)",
                "no manifest.json at the top of the ZIP (not a Trainer kit)",
            )
        chunks: list[bytes] = []
        _read_capped(archive, files[MANIFEST], chunks.append)
        manifest = parse_manifest(b"".join(chunks), str(kit))
        slug = str(manifest.get("slug") or "")
        if not SLUG.match(slug):
            raise _refused(
                kit,
                "tên thư mục {slug} trong 'manifest.json' không phải tên thư mục thường",
                "manifest slug {slug} is not a plain folder name",
                slug=repr(slug),
            )
        listed = {str(PurePosixPath(e["path"])): e for e in manifest["files"]}
        unlisted = sorted(set(files) - set(listed) - {MANIFEST})
        if unlisted:
            raise _refused(kit, "tệp '{p}' không có trong 'manifest.json'", "{p} is not listed in manifest.json", p=unlisted[0])
        sources = sorted(p for p in listed if p.startswith(SOURCE + "/"))
        if f"{SOURCE}/{GUIDE_FILE}" not in sources:
            raise _refused(kit, "bộ tài liệu không có '{p}'", "the kit holds no {p}", p=f"{SOURCE}/{GUIDE_FILE}")

        staging = Path(tempfile.mkdtemp(prefix=f".import-{slug}-", dir=library))
        try:
            target_root = (staging / slug).resolve()
            for path in sorted(listed):
                entry = listed[path]
                info = files.get(path)
                if info is None:
                    raise _refused(
                        kit, "thiếu tệp '{p}' (có trong 'manifest.json')", "missing {p} (listed in manifest.json)", p=path
                    )
                if info.file_size != entry["size"]:
                    raise _refused(
                        kit,
                        "tệp '{p}' bị hỏng (kích thước khác với 'manifest.json')",
                        "corrupted {p} (size differs from manifest.json)",
                        p=path,
                    )
                try:
                    if path.startswith(BRANDING + "/"):
                        name = safe_member_path(path[len(BRANDING) + 1 :])
                        if len(name.parts) != 1:
                            raise KitError(say("mục '{p}' nằm sâu quá một thư mục", "entry '{p}' is nested too deep", p=path))
                        (staging / ".branding").mkdir(exist_ok=True)  # a dot: no slug can be this name
                        with open(staging / ".branding" / name.name, "xb") as out:
                            digest = _read_capped(archive, info, out.write)
                    elif not path.startswith(SOURCE + "/"):
                        digest = _read_capped(archive, info, lambda chunk: None)
                    else:
                        relative = safe_member_path(path[len(SOURCE) + 1 :])
                        dest = (target_root / relative).resolve()
                        if target_root not in dest.parents:
                            raise KitError(
                                say("mục '{p}' sẽ ghi ra ngoài thư viện", "entry '{p}' would land outside the library", p=path)
                            )
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        with open(dest, "xb") as out:
                            digest = _read_capped(archive, info, out.write)
                except KitError as exc:
                    raise _refused(kit, "tệp '{p}' bị hỏng: {d}", "corrupted {p}: {d}", p=path, d=exc) from None
                if digest != entry["sha256"].lower():
                    raise _refused(
                        kit,
                        "tệp '{p}' bị hỏng (mã kiểm tra khác với 'manifest.json')",
                        "corrupted {p} (SHA-256 differs from manifest.json)",
                        p=path,
                    )
            guide, problems = check_folder(target_root)
            errors = [p for p in problems if p.severity == ERROR]
            if guide is None or errors:
                first = str(errors[0] if errors else problems[0]).replace(str(target_root), f"{kit}:{SOURCE}")
                raise _refused(kit, "hướng dẫn trong bộ tài liệu có lỗi: {d}", "the guide in the kit has errors: {d}", d=first)
            if guide.slug != slug:
                raise _refused(
                    kit,
                    "tên thư mục của hướng dẫn '{a}' khác với '{b}' trong 'manifest.json'",
                    "guide slug '{a}' differs from the manifest's '{b}'",
                    a=guide.slug,
                    b=slug,
                )
            theme = _staged_theme(kit, staging / ".branding")

            def done(result: KitResult) -> KitResult:
                if theme is None:
                    return result
                branding, sentence = bring_branding(theme, library, force)
                return KitResult(result.slug, result.path, result.action, f"{result.message} {sentence}", branding, theme.name)

            kit_identity = (guide.version, guide.valid_as_of.isoformat() if guide.valid_as_of else "")
            destination = library / slug
            if destination.exists() or destination.is_symlink():
                if destination.is_symlink() or not destination.is_dir():
                    raise KitError(
                        f"{destination}: "
                        + say(
                            "đã có và không phải thư mục hướng dẫn; hãy chuyển nó đi chỗ khác trước",
                            "exists and is not a guide folder; move it away first",
                        )
                    )
                local, _ = read_guide(destination)
                if local is not None and _same_folder(target_root, destination):
                    return done(
                        KitResult(
                            slug,
                            destination,
                            "unchanged",
                            f"{destination}: "
                            + say(
                                "đã có đúng hướng dẫn này (phiên bản {v})",
                                "already has this guide (version {v})",
                                v=guide.version,
                            ),
                        )
                    )
                if local is not None and not force:
                    local_identity = (local.version, local.valid_as_of.isoformat() if local.valid_as_of else "")
                    if _newer(kit_identity, local_identity) <= 0:
                        raise LocalNewer(
                            f"{destination}: "
                            + say(
                                "hướng dẫn trên máy (phiên bản {lv}, kiểm tra ngày {ld}) mới bằng hoặc mới hơn bản "
                                "trong bộ tài liệu (phiên bản {kv}, kiểm tra ngày {kd}); không có gì thay đổi. "
                                "Dùng '--force' để thay",
                                "the local guide (version {lv}, valid as of {ld}) is newer than or as new as the kit's "
                                "(version {kv}, valid as of {kd}); nothing changed. Use --force to replace it",
                                lv=local_identity[0],
                                ld=local_identity[1] or "?",
                                kv=kit_identity[0],
                                kd=kit_identity[1] or "?",
                            ),
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
                return done(
                    KitResult(
                        slug,
                        destination,
                        "replaced",
                        f"{destination}: "
                        + say(
                            "đã thay bằng phiên bản {v} từ '{k}'",
                            "replaced with version {v} from {k}",
                            v=guide.version,
                            k=kit.name,
                        ),
                    )
                )
            target_root.rename(destination)
            added = say("đã thêm phiên bản {v} từ '{k}'", "added version {v} from {k}", v=guide.version, k=kit.name)
            return done(KitResult(slug, destination, "added", f"{destination}: {added}"))
        except OSError as exc:
            raise KitError(
                f"{kit}: "
                + say(
                    "không nhận vào được '{lib}': {d}",
                    "cannot import into {lib}: {d}",
                    lib=library,
                    d=exc.strerror or exc,
                )
            ) from None
        finally:
            with contextlib.suppress(OSError):
                shutil.rmtree(staging)


def _staged_theme(kit: Path, folder: Path) -> Path | None:
    """The branding theme a kit carries (checked like any theme file), None when it carries none; refused if broken."""
    from trainer.render.theme import ThemeError, parse_theme

    themes = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    if not themes:
        return None
    if len(themes) > 1:
        raise _refused(kit, "có nhiều hơn một tệp chủ đề trong 'branding'", "more than one theme file in branding/")
    try:
        parse_theme(themes[0].read_text(encoding="utf-8"), f"{BRANDING}/{themes[0].name}", folder)
    except (ThemeError, UnicodeDecodeError) as exc:
        raise _refused(kit, "{d}", "{d}", d=exc) from None
    return themes[0]


def bring_branding(theme: Path, library: Path, force: bool) -> tuple[str, str]:
    """Put a kit's branding (theme file + logo) into `<library>/themes/`: (what happened, a sentence saying so).

    What happened is "kept" (a different local file of the same name stays: the guide's safety, unless
    `force`), "replaced", "added", or "same"; "+chosen" is added when the library had no chosen branding
    and now uses the kit's, so it publishes the same outputs.
    """
    folder = library / BRANDING_FOLDER
    target = folder / theme.name
    files = [p for p in sorted(theme.parent.iterdir()) if p.is_file()]
    differs = [p for p in files if (folder / p.name).exists() and (folder / p.name).read_bytes() != p.read_bytes()]
    if differs and not force:
        return "kept", say(
            "Giữ mẫu đơn vị '{n}' trên máy (khác với bản trong bộ tài liệu; nhận lại và chọn thay thế, "
            "hoặc '--force', để dùng bản trong bộ).",
            "Kept the local branding {n} (it differs from the kit's; import again replacing, or --force, to use the kit's).",
            n=theme.name,
        )
    new = [p for p in files if not (folder / p.name).exists()]
    folder.mkdir(parents=True, exist_ok=True)
    for path in new + differs:
        atomic_write_bytes(folder / path.name, path.read_bytes())
    action = "replaced" if differs else "added" if new else "same"
    if chosen_branding(library) is None:
        choose_branding(library, target)
        return action + "+chosen", say(
            "Đã nhận mẫu đơn vị '{n}' và dùng nó cho thư viện.",
            "Added the branding {n} and chose it for the library.",
            n=theme.name,
        )
    if differs:
        return action, say(
            "Đã thay mẫu đơn vị '{n}' bằng bản trong bộ tài liệu.", "Replaced the branding {n} with the kit's.", n=theme.name
        )
    return action, say("Đã có mẫu đơn vị '{n}'.", "The branding {n} is in the library.", n=theme.name)


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
