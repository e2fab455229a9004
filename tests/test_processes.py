"""Programs Trainer starts: one helper for all (no console window on Windows), and they end with Trainer."""

from __future__ import annotations

import ast
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trainer import processes

SRC = Path(__file__).resolve().parents[1] / "src" / "trainer"
ROOT = SRC.parents[1]
HELPER = SRC / "processes.py"

# Calls that start a program. Only trainer/processes.py may make them.
STARTERS = {
    "subprocess": {"Popen", "run", "call", "check_call", "check_output", "getoutput", "getstatusoutput"},
    "os": {"system", "popen", "startfile", "posix_spawn", "posix_spawnp"}
    | {f"spawn{s}" for s in ("l", "le", "lp", "lpe", "v", "ve", "vp", "vpe")},
}


def process_starts(path: Path) -> list[str]:
    """Every place in a file that starts a program directly: `subprocess.run(...)`, `from subprocess import Popen`, QProcess."""
    found = []
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.attr in STARTERS.get(node.value.id, ()):
                found.append(f"{where}:{node.lineno}: {node.value.id}.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module in STARTERS:
            for alias in node.names:
                if alias.name in STARTERS[node.module]:
                    found.append(f"{where}:{node.lineno}: from {node.module} import {alias.name}")
        elif isinstance(node, ast.Name) and node.id == "QProcess":
            found.append(f"{where}:{node.lineno}: QProcess")
    return found


def test_every_program_is_started_through_the_one_helper() -> None:
    files = sorted(p for p in SRC.rglob("*.py") if p != HELPER)
    assert len(files) > 50
    assert process_starts(HELPER), "the walker must see the helper's own Popen call"
    assert [hit for path in files for hit in process_starts(path)] == []


def test_the_walker_finds_each_kind_of_direct_start(tmp_path: Path) -> None:
    sample = tmp_path / "starts.py"
    sample.write_text(
        "import os, subprocess\nfrom subprocess import check_output\nsubprocess.run(['x'])\nos.system('x')\nQProcess()\n",
        encoding="utf-8",
    )
    hits = process_starts(sample)
    assert [h.split(": ", 1)[1] for h in hits] == [
        "from subprocess import check_output",
        "subprocess.run",
        "os.system",
        "QProcess",
    ]


def test_windows_children_get_no_console_window() -> None:
    flags = processes.popen_options(platform="win32")["creationflags"]
    assert flags & processes.CREATE_NO_WINDOW == 0x08000000 == subprocess.__dict__.get("CREATE_NO_WINDOW", 0x08000000)
    group = processes.popen_options(new_group=True, platform="win32")["creationflags"]
    assert group == processes.CREATE_NO_WINDOW | processes.CREATE_NEW_PROCESS_GROUP


@pytest.mark.skipif(ctypes.sizeof(ctypes.c_void_p) != 8, reason="sizes below are those of 64-bit Windows")
def test_job_object_structures_have_the_windows_layout() -> None:
    # JOBOBJECT_EXTENDED_LIMIT_INFORMATION is 144 bytes on x64 (BASIC 64 + IO_COUNTERS 48 + 4 SIZE_T);
    # a wrong layout makes SetInformationJobObject fail and children outlive Trainer.
    assert ctypes.sizeof(processes.JobBasicLimits) == 64
    assert ctypes.sizeof(processes.IoCounters) == 48
    assert ctypes.sizeof(processes.JobExtendedLimits) == 144
    assert processes.JobBasicLimits.LimitFlags.offset == 16


def test_run_gives_output_and_closed_stdin() -> None:
    # stdin is /dev/null: a child reading it ends at once instead of waiting for a console.
    done = processes.run(
        [sys.executable, "-c", "import sys; print(len(sys.stdin.read())); print('lỗi', file=sys.stderr)"], text=True
    )
    assert (done.returncode, done.stdout.strip(), done.stderr.strip()) == (0, "0", "lỗi")
    fed = processes.run([sys.executable, "-c", "import sys; print(sys.stdin.read()[::-1])"], input=b"abc")
    assert fed.stdout.strip() == b"cba"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_run_kills_the_child_on_timeout(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    code = f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    start = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        processes.run([sys.executable, "-c", code], timeout=1.5)
    assert time.monotonic() - start < 10
    assert pid_file.exists() and not _alive(int(pid_file.read_text()))


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _cmdline(pid: int) -> str:
    try:
        return (Path(f"/proc/{pid}/cmdline").read_bytes()).replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux")
def test_ffmpeg_ends_when_trainer_is_killed_mid_export(tmp_path: Path) -> None:
    guide = tmp_path / "thư mục có dấu" / "zalo-tra-cuu-ho-so"
    shutil.copytree(ROOT / "content" / "zalo-tra-cuu-ho-so", guide)
    out = tmp_path / "ra"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    export = subprocess.Popen(
        [sys.executable, "-m", "trainer", "export", str(guide), "-f", "clip", "--preset", "vertical", "-o", str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 300
        ffmpeg: list[int] = []
        while not ffmpeg and export.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            ffmpeg = [pid for pid in _children(export.pid) if "ffmpeg" in _cmdline(pid) and "libx264" in _cmdline(pid)]
        assert ffmpeg, (
            f"the export never started an ffmpeg encode: {export.poll()} {export.stderr.read() if export.poll() is not None else ''}"
        )
        assert _alive(ffmpeg[0])
        export.send_signal(signal.SIGKILL)
        export.wait()
        gone_by = time.monotonic() + 5
        while any(_alive(pid) for pid in ffmpeg) and time.monotonic() < gone_by:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in ffmpeg), "ffmpeg outlived the killed Trainer"
    finally:
        if export.poll() is None:
            export.kill()
            export.wait()


PARENT = """
import sys, time
from trainer import processes
child = processes.popen([sys.executable, "-c", "import time; time.sleep(120)"])
print(child.pid, flush=True)
time.sleep(120)
"""


def _windows_alive(pid: int) -> bool:
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = ctypes.c_void_p
    kernel32.WaitForSingleObject.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
    kernel32.CloseHandle.argtypes = [ctypes.c_void_p]
    handle = kernel32.OpenProcess(0x00100000 | 0x1000, False, pid)  # SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        return kernel32.WaitForSingleObject(handle, 0) == 0x102  # WAIT_TIMEOUT: still running
    finally:
        kernel32.CloseHandle(handle)


@pytest.mark.skipif(sys.platform != "win32", reason="Job objects are Windows; the Windows workflow runs this")
def test_children_die_with_trainer_on_windows() -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        assert _windows_alive(child)
        parent.kill()  # TerminateProcess: no clean-up code runs, as when Trainer is ended in Task Manager
        parent.wait()
        gone_by = time.monotonic() + 10
        while _windows_alive(child) and time.monotonic() < gone_by:
            time.sleep(0.1)
        assert not _windows_alive(child), "the child outlived its parent: the kill-on-close job did not hold it"
    finally:
        if parent.poll() is None:
            parent.kill()
