"""Atomic writes: a crash or power cut leaves the old file or the new one, never a torn one."""

from __future__ import annotations

import contextlib
import errno
import ntpath
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from trainer.store.problems import say

# A temporary file older than this beside its target belongs to a writer that died (a save takes
# milliseconds, seconds on a slow shared folder); a younger one may be another process saving now.
STALE_SECONDS = 600
# Waits before each new try when the target cannot be replaced because another program has it open
# (Windows: an image viewer, Word, an antivirus scanning the file just written, a sync client). Those
# hold a file for a moment; about 1.5 s in all, then the save fails with a message naming the file.
REPLACE_RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)
# Longest file name in bytes (ext4, NTFS counts 255 UTF-16 units, which 255 UTF-8 bytes never exceed).
NAME_MAX = 255
# The temporary name adds "." + 8 random characters + ".part" to the target's name, plus a leading ".".
_TEMP_EXTRA = len("..12345678.part")
# Windows' classic path limit. Python 3.11 and the frozen app (PyInstaller marks it longPathAware) pass
# longer paths only when the machine has LongPathsEnabled set, which needs an administrator; the
# \\?\ prefix makes Windows take them regardless, so the writes here use it for long paths.
MAX_PATH = 260


class LockedFileError(PermissionError):
    """The target stayed open in another program through every retry; str() is one translated line naming it."""

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


def native_path(path: Path | str, windows: bool = os.name == "nt") -> str:
    r"""The path as handed to the operating system: on Windows a long one (MAX_PATH or more, less the
    12 characters CreateDirectory keeps for a file name) gets the \\?\ prefix, so it works without
    LongPathsEnabled. Elsewhere, and for short paths, the path unchanged."""
    text = os.fspath(path)
    if not windows or text.startswith("\\\\?\\") or len(text) < MAX_PATH - 12:
        return text
    full = ntpath.abspath(text)
    if len(full) < MAX_PATH - 12:
        return text
    if full.startswith("\\\\"):  # \\server\share\...
        return "\\\\?\\UNC\\" + full[2:]
    return "\\\\?\\" + full


def _plain(native: str) -> Path:
    r"""A path back without the \\?\ prefix, for writers that do not take it (Qt, ffmpeg handle long paths themselves)."""
    if native.startswith("\\\\?\\UNC\\"):
        return Path("\\\\" + native[8:])
    return Path(native[4:] if native.startswith("\\\\?\\") else native)


# ERROR_PATH_NOT_FOUND, ERROR_INVALID_NAME, ERROR_FILENAME_EXCED_RANGE: what Windows answers for a name or
# path too long (which of them depends on the call and on the \\?\ prefix).
_WINDOWS_NAME_ERRORS = (3, 123, 206)


def _too_long(name: object) -> bool:
    """A path with a part longer than NAME_MAX, or as long as MAX_PATH in all (Windows' classic limit)."""
    text = os.fspath(name) if isinstance(name, str | os.PathLike) else ""
    parts = re.split(r"[\\/]", str(text))
    return len(str(text)) >= MAX_PATH or any(len(p) > NAME_MAX for p in parts)


def write_error_message(exc: OSError, target: Path | str | None = None) -> str:
    """One translated line saying which file could not be written and why."""
    name = target if target is not None else exc.filename
    code = exc.errno
    if isinstance(exc, LockedFileError):
        reason = exc.strerror or str(exc)
    elif code == errno.ENAMETOOLONG or getattr(exc, "winerror", None) in _WINDOWS_NAME_ERRORS and _too_long(name):
        reason = say(
            "đường dẫn quá dài đối với hệ thống tệp; hãy chọn thư mục gần gốc ổ đĩa hơn hoặc đặt tên ngắn hơn",
            "the path is too long for the file system; choose a folder nearer the top of the drive or a shorter name",
        )
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = say(
            "không được phép ghi vào đây (thư mục chỉ đọc hoặc không có quyền); hãy chọn thư mục khác",
            "this place cannot be written (a read-only folder or no permission); choose another folder",
        )
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        reason = say("ổ đĩa đã đầy; hãy giải phóng chỗ trống rồi thử lại", "the disk is full; free some space and try again")
    else:
        reason = exc.strerror or str(exc)
    return f"{name}: {reason}" if name else reason


def _retranslated(exc: OSError, target: Path) -> OSError:
    """The same kind of error with a translated reason, naming the target (not a temporary name)."""
    reason = write_error_message(exc, target).removeprefix(f"{target}: ")
    return OSError(exc.errno, reason, str(target))  # OSError picks the subclass (PermissionError ...) from errno


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    # On POSIX the rename itself must reach the disk; Windows has no directory handles to sync.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_stem(target: Path) -> str:
    """The target's stem, cut so the temporary name stays within NAME_MAX bytes (a name near the limit is valid)."""
    room = NAME_MAX - _TEMP_EXTRA - len(target.suffix.encode("utf-8"))
    return target.stem.encode("utf-8")[: max(room, 1)].decode("utf-8", "ignore")


def _replace(tmp: str, target: str) -> None:
    """os.replace, tried again while another program holds the target (PermissionError); LockedFileError at the end."""
    for delay in (*REPLACE_RETRY_DELAYS, None):
        try:
            os.replace(tmp, target)
            return
        except PermissionError as exc:
            if delay is None:
                reason = say(
                    "tệp đang được một chương trình khác mở (ví dụ trình xem ảnh, Word hoặc phần mềm diệt virus) nên"
                    " không thay được; hãy đóng chương trình đó rồi lưu lại. Bản cũ vẫn còn nguyên",
                    "the file is open in another program (an image viewer, Word or an antivirus scan, say) and could not"
                    " be replaced; close that program and save again. The old version is unchanged",
                )
                raise LockedFileError(exc.errno, reason, str(_plain(target))) from exc
            time.sleep(delay)


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`, on error it vanishes.

    For writers that insist on a file name (ffmpeg, QPdfWriter, zipfile). The temporary name keeps
    the target's suffix so tools that guess the format from it still work. A target another program
    holds open is tried again for a moment (REPLACE_RETRY_DELAYS), then LockedFileError; errors of
    the file system (name too long, read-only folder, disk full) come with a translated reason.
    """
    target = Path(target)
    folder = native_path(target.parent)
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{_temp_stem(target)}.", suffix=f".part{target.suffix}", dir=folder)
    except OSError as exc:
        raise _retranslated(exc, target) from exc
    os.close(fd)
    tmp = _plain(tmp_name)
    # mkstemp makes 0600 files; keep the target's permissions (a shared folder stays readable).
    try:
        existing = native_path(target)
        os.chmod(tmp_name, os.stat(existing).st_mode & 0o7777 if os.path.exists(existing) else 0o666 & ~_umask())
    except OSError:
        pass
    try:
        yield tmp
        with open(tmp_name, "rb+") as fh:
            os.fsync(fh.fileno())
        try:
            _replace(tmp_name, native_path(target))
        except LockedFileError:
            raise
        except OSError as exc:
            raise _retranslated(exc, target) from exc
        _fsync_dir(target.parent)
    except BaseException:
        # Nothing half-written stays beside the target; one that cannot go now is swept later.
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def atomic_write_bytes(target: Path | str, data: bytes) -> Path:
    """Write `data` to `target` atomically (temp file in the same folder, fsync, rename)."""
    target = Path(target)
    with atomic_path(target) as tmp:
        with open(native_path(tmp), "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    return target


def atomic_write_text(target: Path | str, text: str) -> Path:
    """Write UTF-8 text with LF line endings atomically."""
    return atomic_write_bytes(target, text.encode("utf-8"))


def leftovers(target: Path | str) -> list[Path]:
    """Temporary files atomic_path made for `target` and a killed writer left behind (any age)."""
    target = Path(target)
    # mkstemp's names: the prefix, eight characters from [a-z0-9_], the suffix (see atomic_path).
    pattern = re.compile(rf"\.{re.escape(_temp_stem(target))}\.[a-z0-9_]{{8}}\.part{re.escape(target.suffix)}")
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return []
    return [Path(e.path) for e in entries if pattern.fullmatch(e.name) and e.is_file(follow_symlinks=False)]


def sweep_leftovers(target: Path | str, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove what killed writers left beside `target` (older than `older_than` seconds); return what went.

    Only names atomic_path makes for this very target are touched, never a person's own files, and
    never a fresh one another process may be writing right now. A file that cannot be removed stays.
    """
    now = time.time()
    removed = []
    for path in leftovers(target):
        try:
            if now - path.stat().st_mtime > older_than:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed
