"""Personal-data detection for the editor, off the GUI thread: a picture goes in, findings come back as a signal.

trainer.privacy does the looking (text recognition, QR codes, faces; cached by the image's SHA-256);
this only runs it in the background (ui/background.py) so the window never freezes during a first
scan (~2 s).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from trainer.model import Annotation
from trainer.ui.background import drop_waiting, run_in_background, wait_for_background


@dataclass(frozen=True)
class Proposal:
    """A finding and the blur mark proposed over it (a little larger than the finding)."""

    finding: object  # trainer.privacy.Finding
    mark: Annotation

    @property
    def kind(self) -> str:
        """What was found: id-number, phone, qr-code, face ..."""
        return str(getattr(self.finding, "kind", ""))


def detect(path: Path) -> list[Proposal]:
    """Findings in one picture with their proposed blur marks; trainer.privacy.ScanError when detection cannot run."""
    from trainer.privacy import proposed_marks, scan

    findings = scan(path)
    marks = proposed_marks(path)  # the same findings, in the same order, from the cache
    if len(marks) != len(findings):
        raise RuntimeError(f"{path.name}: detection changed between two reads")
    return [Proposal(f, m) for f, m in zip(findings, marks, strict=True)]


def pending(proposals: list[Proposal], marks: list[Annotation]) -> list[Proposal]:
    """The proposals the step's marks do not settle yet (no blur covers the finding, no keep mark accepts it)."""
    from trainer.privacy import is_hidden

    return [p for p in proposals if not is_hidden(p.finding, marks)]  # type: ignore[arg-type]


class PersonalDataScan(QObject):
    """Runs detection on pictures in a worker; `found` or `failed` arrive on the GUI thread."""

    found = Signal(str, list)  # image path, list[Proposal]
    failed = Signal(str, str)  # image path, one plain line

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._running: set[str] = set()

    def request(self, path: Path) -> None:
        """Start looking at `path` unless that picture is already being looked at."""
        key = str(path)
        if key in self._running:
            return
        self._running.add(key)

        def work() -> tuple[str, list[Proposal] | None, str]:
            try:
                return key, detect(Path(key)), ""
            except Exception as exc:  # noqa: BLE001 - ScanError or an engine that fails: one plain line
                return key, None, str(exc) or type(exc).__name__

        run_in_background(work, self._done, self._crashed)

    def busy(self, path: Path | None = None) -> bool:
        """True while `path` (or any picture) is being looked at."""
        return str(path) in self._running if path is not None else bool(self._running)

    def _done(self, result: tuple[str, list[Proposal] | None, str]) -> None:
        key, proposals, message = result
        self._running.discard(key)
        if proposals is None:
            self.failed.emit(key, message)
        else:
            self.found.emit(key, proposals)

    def _crashed(self, message: str) -> None:
        for key in list(self._running):
            self._running.discard(key)
            self.failed.emit(key, message)


def wait_for_scans(msecs: int = 30_000, waiting_too: bool = True) -> bool:
    """Block until running scans end (closing the app or a test); False on timeout.

    With `waiting_too` False, scans that have not started are dropped first: an editor that opened a guide
    of twelve new pictures and is closed at once waits for one scan, not twelve.
    """
    if not waiting_too:
        drop_waiting()
    return wait_for_background(msecs)
