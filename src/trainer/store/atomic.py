"""Atomic writes: a crash or power cut leaves the old file or the new one, never a torn one."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

# A temporary file older than this beside its target belongs to a writer that died (a save takes
# milliseconds, seconds on a slow shared folder); a younger one may be another process saving now.
STALE_SECONDS = 600


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


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`, on error it vanishes.

    For writers that insist on a file name (ffmpeg, QPdfWriter, zipfile). The temporary name keeps
    the target's suffix so tools that guess the format from it still work.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".part{target.suffix}", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp makes 0600 files; keep the target's permissions (a shared folder stays readable).
    try:
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
    except OSError:
        pass
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def atomic_write_bytes(target: Path | str, data: bytes) -> Path:
    """Write `data` to `target` atomically (temp file in the same folder, fsync, rename)."""
    target = Path(target)
    with atomic_path(target) as tmp:
        with open(tmp, "wb") as fh:
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
    pattern = re.compile(rf"\.{re.escape(target.stem)}\.[a-z0-9_]{{8}}\.part{re.escape(target.suffix)}")
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
