"""Every program Trainer starts (ffmpeg, espeak-ng, LibreOffice) starts here: no console window, and it ends with Trainer.

Windows: CREATE_NO_WINDOW (a windowed app that starts ffmpeg would otherwise flash a black console
window for each call), and every child joins one Job object with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
whose only handle this process holds until it exits. However Trainer ends (closed, crashed, ended in
Task Manager), Windows closes that handle and kills every child still in the job, so no ffmpeg goes
on writing a half clip into the export folder.
Linux: PR_SET_PDEATHSIG(SIGKILL) in the child. It fires when the *thread* that started the child
ends, so start and wait for a child in the same thread (run() does; the clip exporter waits too).
Elsewhere (macOS) a child gets its own session when asked, nothing more.

tests/test_processes.py fails on any subprocess call outside this module.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

log = logging.getLogger(__name__)

# Windows constants (winbase.h / winnt.h); defined here so the module imports and is tested on Linux.
CREATE_NO_WINDOW = 0x08000000
CREATE_NEW_PROCESS_GROUP = 0x00000200
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000
JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9
PR_SET_PDEATHSIG = 1


class IoCounters(ctypes.Structure):
    """IO_COUNTERS."""

    _fields_ = [
        (name, ctypes.c_uint64)
        for name in (
            "ReadOperationCount",
            "WriteOperationCount",
            "OtherOperationCount",
            "ReadTransferCount",
            "WriteTransferCount",
            "OtherTransferCount",
        )
    ]


class JobBasicLimits(ctypes.Structure):
    """JOBOBJECT_BASIC_LIMIT_INFORMATION."""

    _fields_ = [
        ("PerProcessUserTimeLimit", ctypes.c_int64),
        ("PerJobUserTimeLimit", ctypes.c_int64),
        ("LimitFlags", ctypes.c_uint32),
        ("MinimumWorkingSetSize", ctypes.c_size_t),
        ("MaximumWorkingSetSize", ctypes.c_size_t),
        ("ActiveProcessLimit", ctypes.c_uint32),
        ("Affinity", ctypes.c_size_t),
        ("PriorityClass", ctypes.c_uint32),
        ("SchedulingClass", ctypes.c_uint32),
    ]


class JobExtendedLimits(ctypes.Structure):
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION (144 bytes on 64-bit Windows)."""

    _fields_ = [
        ("BasicLimitInformation", JobBasicLimits),
        ("IoInfo", IoCounters),
        ("ProcessMemoryLimit", ctypes.c_size_t),
        ("JobMemoryLimit", ctypes.c_size_t),
        ("PeakProcessMemoryUsed", ctypes.c_size_t),
        ("PeakJobMemoryUsed", ctypes.c_size_t),
    ]


_job: int | None = None


def _kill_on_close_job() -> int | None:
    """The process-wide Job object (created once, its handle never closed); None when Windows refuses."""
    global _job
    if _job is not None:
        return _job
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.CreateJobObjectW.restype = ctypes.c_void_p
    kernel32.CreateJobObjectW.argtypes = [ctypes.c_void_p, ctypes.c_wchar_p]
    kernel32.SetInformationJobObject.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_uint32]
    handle = kernel32.CreateJobObjectW(None, None)
    if not handle:
        log.warning("CreateJobObject failed: %s", ctypes.get_last_error())  # type: ignore[attr-defined]
        return None
    limits = JobExtendedLimits()
    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    if not kernel32.SetInformationJobObject(
        handle, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS, ctypes.byref(limits), ctypes.sizeof(limits)
    ):
        log.warning("SetInformationJobObject failed: %s", ctypes.get_last_error())  # type: ignore[attr-defined]
        return None
    _job = int(handle)
    return _job


def _join_job(process: subprocess.Popen[Any]) -> None:
    """Put a just-started child into the kill-on-close job (Windows 8+ allows nested jobs, e.g. under CI)."""
    job = _kill_on_close_job()
    if job is None:
        return
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.AssignProcessToJobObject.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    if not kernel32.AssignProcessToJobObject(job, int(process._handle)):  # type: ignore[attr-defined]
        log.warning("AssignProcessToJobObject failed: %s", ctypes.get_last_error())  # type: ignore[attr-defined]


def popen_options(new_group: bool = False, platform: str = sys.platform) -> dict[str, Any]:
    """The Popen keyword arguments for a child on `platform`; `new_group` gives it its own process group/session."""
    if platform == "win32":
        return {"creationflags": CREATE_NO_WINDOW | (CREATE_NEW_PROCESS_GROUP if new_group else 0)}
    if platform.startswith("linux"):
        # Looked up before the fork: nothing may be imported between fork and exec while Qt threads run.
        prctl = ctypes.CDLL(None, use_errno=True).prctl
        parent = os.getpid()

        def child_setup() -> None:  # runs in the child between fork and exec
            if new_group:
                os.setsid()
            prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
            if os.getppid() != parent:  # the parent died before prctl took effect
                os._exit(1)

        return {"preexec_fn": child_setup}
    return {"start_new_session": new_group}


def popen(cmd: Sequence[str], *, new_group: bool = False, **kwargs: Any) -> subprocess.Popen[Any]:
    """subprocess.Popen that hides the console window and ties the child's life to Trainer's.

    stdin is /dev/null unless given: a windowed app has no console to read from.
    """
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    process = subprocess.Popen(list(cmd), **popen_options(new_group), **kwargs)
    if sys.platform == "win32":
        _join_job(process)
    return process


def stop(process: subprocess.Popen[Any]) -> None:
    """Kill a child now (its whole group when it leads one) and reap it."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
            if os.name == "posix" and os.getpgid(process.pid) == process.pid:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()
    process.wait()


def run(
    cmd: Sequence[str], *, input: bytes | str | None = None, timeout: float | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[Any]:
    """Like subprocess.run(capture_output=True): wait for the child, return its output; killed on timeout or error."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    if input is not None:
        kwargs["stdin"] = subprocess.PIPE
    process = popen(cmd, **kwargs)
    try:
        out, err = process.communicate(input, timeout=timeout)
    except BaseException:
        stop(process)
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)
