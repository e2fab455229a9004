"""The privacy gate in the editor's live problem list: pictures looked at in a worker, marks weighed at once.

Looking at a picture (text recognition, QR codes, faces) takes ~2 s the first time, so it runs in the
background (PersonalDataScan, shared with the step picture's proposals) and never on the GUI thread.
What it saw is kept here per picture file, keyed by its size and modification time, so a change of marks
(a blur drawn over the finding, a keep mark) is weighed again at once without looking again; a picture
whose file changed (blur applied permanently, replaced outside) is looked at again. Between editor
sessions trainer.privacy's SHA-256 cache makes the second look cost almost nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from trainer.ui.personal_data_scan import PersonalDataScan, Proposal

# What detection saw in a picture: its findings (trainer.privacy.Finding), or one line saying why it could not look.
Seen = list[object] | str


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


class PrivacyCheck(QObject):
    """Remembers what detection saw in each picture of the open guide and asks for the pictures it has not seen."""

    changed = Signal()  # a picture was looked at (or could not be): the problem list should be weighed again

    def __init__(self, scans: PersonalDataScan, parent: QObject | None = None):
        super().__init__(parent)
        self.scans = scans
        self._seen: dict[str, tuple[tuple[int, int] | None, Seen]] = {}
        self._asked: dict[str, tuple[int, int] | None] = {}
        scans.found.connect(self._found)
        scans.failed.connect(self._failed)

    def look(self, paths: Iterable[Path]) -> None:
        """Start looking at every picture not seen as it is now on disk (missing files are check's business)."""
        for path in paths:
            signature = _signature(path)
            if signature is None or self.seen(path) is not None or self.scans.busy(path):
                continue
            self._asked[str(path)] = signature
            self.scans.request(path)

    def seen(self, path: Path) -> Seen | None:
        """What detection saw in the picture as it is now; None when it has not been looked at yet."""
        known = self._seen.get(str(path))
        if known is None or known[0] != _signature(path):
            return None
        return known[1]

    def scanning(self, path: Path) -> bool:
        """True while the picture is being looked at."""
        return self.scans.busy(path)

    def forget(self, path: Path) -> None:
        """Drop what was seen in a picture (its pixels were just changed on purpose)."""
        self._seen.pop(str(path), None)

    def _remember(self, key: str, seen: Seen) -> None:
        # The file as it was when the look was asked for; a look someone else asked for is taken as of now.
        signature = self._asked.pop(key) if key in self._asked else _signature(Path(key))
        self._seen[key] = (signature, seen)
        self.changed.emit()

    def _found(self, key: str, proposals: list[Proposal]) -> None:
        self._remember(key, [p.finding for p in proposals])

    def _failed(self, key: str, message: str) -> None:
        self._remember(key, message)
