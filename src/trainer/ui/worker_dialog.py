"""A dialog whose work runs in a worker thread, with Start, Stop and Close buttons (export, import, publish).

The worker is a QObject moved to a QThread: `run()` does the work, reports through the worker's own
signals (delivered on the GUI thread), never touches widgets, and looks at `stop_event` between
steps. The dialog keeps the buttons right while it runs, and Escape or closing the window asks the
worker to stop instead of leaving it orphaned.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QAbstractButton, QDialog, QWidget


class StoppableWorker(QObject):
    """Work for a WorkerDialog; subclasses define `run()` and a `finished` signal emitted when it ends."""

    def __init__(self) -> None:
        super().__init__()
        self.stop_event = threading.Event()

    @property
    def cancel_event(self) -> threading.Event:
        """The same event under the name exporters' and importers' callers use (a cancel is a stop)."""
        return self.stop_event

    def run(self) -> None:
        """Do the work on the worker thread."""
        raise NotImplementedError


class WorkerDialog(QDialog):
    """Runs one StoppableWorker at a time; subclasses call bind_buttons() once and run_worker() to start."""

    stop_wait_ms = 30_000  # how long closing the window waits for the worker to give up

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.thread: QThread | None = None
        self.worker: Any = None
        self._start: QAbstractButton | None = None
        self._stop: QAbstractButton | None = None
        self._close: QAbstractButton | None = None

    def bind_buttons(self, start: QAbstractButton, stop: QAbstractButton, close: QAbstractButton) -> None:
        """The buttons to enable and disable as work starts and ends; Stop begins disabled."""
        self._start, self._stop, self._close = start, stop, close
        stop.clicked.connect(lambda _checked=False: self.stop())
        stop.setEnabled(False)

    def _show_running(self, running: bool) -> None:
        for button, enabled in ((self._start, not running), (self._close, not running), (self._stop, running)):
            if button is not None:
                button.setEnabled(enabled)

    def run_worker(self, worker: StoppableWorker, **slots: Callable[..., None]) -> None:
        """Start `worker.run()` in a new thread; `slots` connect the worker's signals by name (progress=...)."""
        self.thread = QThread(self)
        self.worker = worker
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)
        for name, slot in slots.items():
            getattr(worker, name).connect(slot)
        worker.finished.connect(self.thread.quit)  # type: ignore[attr-defined]
        self._show_running(True)
        self.thread.start()

    def work_ended(self) -> None:
        """Call from the slot of the worker's `finished`: the thread ends before anything may close, buttons return."""
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()
        self._show_running(False)

    def running(self) -> bool:
        """True while the work is under way."""
        return self.thread is not None and self.thread.isRunning()

    def stop(self) -> None:
        """Ask the worker to stop at its next check; nothing half-made is kept."""
        if self.worker is not None:
            self.worker.stop_event.set()
            self.stopping()

    def stopping(self) -> None:
        """Show that a stop was asked for (subclasses say it in their own place)."""

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
        """Closing while working stops the work first."""
        if self.running():
            self.stop()
            assert self.thread is not None
            self.thread.wait(self.stop_wait_ms)
        super().closeEvent(event)

    def reject(self) -> None:
        """Escape stops running work instead of leaving it orphaned."""
        if self.running():
            self.stop()
            return
        super().reject()
