"""Slow Qt-free work (personal-data detection, adding many screenshots) in a QThreadPool, results back on the GUI thread.

The work function must not touch widgets or any Qt object: it runs on a worker thread and its result
(or one plain line when it fails) arrives through a signal, on the GUI thread, at the slots given.
Connect bound methods of widgets, not lambdas holding them: Qt drops the connection when a widget
goes away, so a result arriving after its editor closed is simply not delivered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

# One job at a time: detection already uses the cores it can (ONNX Runtime), and the machines are small.
_POOL = QThreadPool()
_POOL.setMaxThreadCount(1)
_WAITING: set[QObject] = set()  # carriers stay alive until their job reported


class _Carrier(QObject):
    """Lives on the GUI thread; the worker only emits through it."""

    done = Signal(object)
    failed = Signal(str)


def run_in_background(work: Callable[[], Any], on_done: Callable[[Any], None], on_failed: Callable[[str], None]) -> None:
    """Run `work()` on the worker thread; `on_done(result)` or `on_failed(message)` follow on the GUI thread."""
    carrier = _Carrier()
    _WAITING.add(carrier)
    carrier.done.connect(on_done)
    carrier.failed.connect(on_failed)
    carrier.done.connect(lambda _result: _WAITING.discard(carrier))
    carrier.failed.connect(lambda _message: _WAITING.discard(carrier))

    def job() -> None:
        try:
            result = work()
        except Exception as exc:  # noqa: BLE001 - any failure becomes one plain line, never a crash of the app
            carrier.failed.emit(str(exc) or type(exc).__name__)
            return
        carrier.done.emit(result)

    _POOL.start(job)


def wait_for_background(msecs: int = 30_000) -> bool:
    """Block until the running jobs end (closing a guide, the end of a test); False on timeout."""
    return _POOL.waitForDone(msecs)


def drop_waiting() -> None:
    """Forget the jobs that have not started yet (the editor that asked for them is closing); a running one finishes."""
    _POOL.clear()
