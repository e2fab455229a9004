"""Saving where Windows makes it hard: a file another program holds open, long paths, long names, read-only folders."""

from __future__ import annotations

import contextlib
import errno
import ntpath
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from trainer.store import atomic
from trainer.store.atomic import LockedFileError, atomic_write_bytes, leftovers, native_path, write_error_message
from trainer.store.problems import set_language


@pytest.fixture(autouse=True)
def _vietnamese() -> Iterator[None]:
    set_language("vi")
    yield
    set_language(None)


def _sharing_violation(times: int, calls: list[str]):  # type: ignore[no-untyped-def]
    """os.replace that fails like Windows does while an image viewer has the target open, `times` times."""
    real = os.replace

    def replace(src, dst):  # type: ignore[no-untyped-def]
        calls.append(os.fspath(dst))
        if len(calls) <= times:
            raise PermissionError(
                errno.EACCES, "The process cannot access the file because it is being used by another process", dst
            )
        return real(src, dst)

    return replace


def test_a_briefly_held_file_is_saved_after_a_retry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ảnh 01.png"
    target.write_bytes(b"old")
    calls: list[str] = []
    monkeypatch.setattr(atomic.os, "replace", _sharing_violation(3, calls))
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert len(calls) == 4
    assert leftovers(target) == []


def test_a_file_held_open_for_good_fails_with_one_line_naming_it_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Thư mục có dấu" / "guide.md"
    target.parent.mkdir()
    target.write_bytes(b"old")
    calls: list[str] = []
    monkeypatch.setattr(atomic.os, "replace", _sharing_violation(1000, calls))
    start = time.monotonic()
    with pytest.raises(LockedFileError) as caught:
        atomic_write_bytes(target, b"new")
    waited = time.monotonic() - start
    assert len(calls) == len(atomic.REPLACE_RETRY_DELAYS) + 1
    assert sum(atomic.REPLACE_RETRY_DELAYS) <= waited < 10
    message = str(caught.value)
    assert message.startswith(f"{target}: tệp đang được một chương trình khác mở")
    assert "\n" not in message and "Errno" not in message
    assert write_error_message(caught.value) == message
    assert isinstance(caught.value, PermissionError)
    assert target.read_bytes() == b"old"
    assert leftovers(target) == []
    assert sorted(p.name for p in target.parent.iterdir()) == ["guide.md"]
    set_language("en")
    with pytest.raises(LockedFileError, match="is open in another program"):
        atomic_write_bytes(target, b"new")


@contextlib.contextmanager
def _immutable(path: Path) -> Iterator[None]:
    """chattr +i: even root cannot replace or create entries (what a lock is to Windows, for rename)."""
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i needs root on ext4/xfs/btrfs")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.mark.skipif(os.name != "posix", reason="chattr")
def test_a_really_held_file_is_saved_once_it_is_released(tmp_path: Path) -> None:
    target = tmp_path / "bản in.pdf"
    target.write_bytes(b"old")
    with _immutable(target):
        release = threading.Timer(0.4, lambda: subprocess.run(["chattr", "-i", str(target)], check=True))
        release.start()
        atomic_write_bytes(target, b"new")
        release.join()
    assert target.read_bytes() == b"new"
    assert leftovers(target) == []


@pytest.mark.skipif(os.name != "posix", reason="chattr")
def test_a_really_held_file_that_is_never_released(tmp_path: Path) -> None:
    target = tmp_path / "guide.md"
    target.write_bytes(b"old")
    with _immutable(target), pytest.raises(LockedFileError) as caught:
        atomic_write_bytes(target, b"new")
    assert str(caught.value).startswith(f"{target}: tệp đang được")
    assert target.read_bytes() == b"old"
    assert leftovers(target) == []


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    if os.geteuid() == 0:  # root ignores permission bits; the immutable flag stops it
        with _immutable(folder):
            yield
        return
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_folder_gives_one_translated_line_and_keeps_the_old_file(tmp_path: Path) -> None:
    folder = tmp_path / "Xuất bản"
    folder.mkdir()
    target = folder / "guide.md"
    target.write_bytes(b"old")
    with _read_only(folder), pytest.raises(PermissionError) as caught:
        atomic_write_bytes(target, b"new")
    assert caught.value.filename == str(target)
    assert write_error_message(caught.value) == (
        f"{target}: không được phép ghi vào đây (thư mục chỉ đọc hoặc không có quyền); hãy chọn thư mục khác"
    )
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["guide.md"]


def test_a_name_near_the_limit_saves(tmp_path: Path) -> None:
    # 80 Vietnamese letters of 3 bytes = 240 bytes + ".md": a valid name; the temporary name adds 15.
    target = tmp_path / ("ệ" * 80 + ".md")
    assert len(target.name.encode()) == 243
    atomic_write_bytes(target, b"x")
    assert target.read_bytes() == b"x"
    assert leftovers(target) == []


def test_a_name_too_long_for_the_file_system_is_one_clear_line(tmp_path: Path) -> None:
    target = tmp_path / ("ệ" * 260 + ".md")  # 260 letters: more than ext4 (255 bytes) and NTFS (255 UTF-16 units) take
    with pytest.raises(OSError) as caught:
        atomic_write_bytes(target, b"x")
    if os.name == "posix":
        assert caught.value.errno == errno.ENAMETOOLONG
    assert write_error_message(caught.value) == (
        f"{target}: đường dẫn quá dài đối với hệ thống tệp; hãy chọn thư mục gần gốc ổ đĩa hơn hoặc đặt tên ngắn hơn"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_deep_path_over_260_characters_saves_and_reads_back(tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["Hướng dẫn sử dụng dịch vụ công"] * 10)
    target = deep / "guide.md"
    assert len(str(target)) > 300
    atomic_write_bytes(target, "Xin chào".encode())
    # Read back as the app's writes see it (on Windows with the \\?\ prefix, LongPathsEnabled or not).
    assert Path(native_path(target)).read_text(encoding="utf-8") == "Xin chào"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("C:\\Users\\an\\Documents\\Trainer\\guide.md", "C:\\Users\\an\\Documents\\Trainer\\guide.md"),
        ("C:\\" + "thư mục\\" * 40 + "guide.md", "\\\\?\\C:\\" + "thư mục\\" * 40 + "guide.md"),
        ("C:/" + "a/" * 150 + "x.png", "\\\\?\\C:\\" + "a\\" * 150 + "x.png"),
        ("\\\\server\\share\\" + "b\\" * 130 + "x.md", "\\\\?\\UNC\\server\\share\\" + "b\\" * 130 + "x.md"),
        ("\\\\?\\C:\\" + "c\\" * 200, "\\\\?\\C:\\" + "c\\" * 200),
    ],
)
def test_long_windows_paths_get_the_extended_prefix(path: str, expected: str) -> None:
    assert native_path(path, windows=True) == expected
    if expected != path:  # writers that take no prefix (Qt, ffmpeg) get the plain path back
        assert str(atomic._plain(expected)) == ntpath.normpath(path)


def test_paths_are_unchanged_off_windows() -> None:
    long = "/tmp/" + "a/" * 200
    assert native_path(long, windows=False) == long
