"""Several screenshots at once (chosen, dropped as files or a folder, pasted): one new step per picture.

The same intake as `trainer import` of a screenshot folder (trainer.importers.screenshots): pictures
in the order they were taken (EXIF, time in the file name, file time), the same picture saved twice
dropped, each copied like a pasted picture, personal data hidden, a draft title from the screen. It
runs in the background (ui/background.py): detection takes about two seconds a picture.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from trainer.model import Step
from trainer.ui.background import run_in_background
from trainer.ui.picture_intake import is_picture_file


def picture_paths(paths: list[Path]) -> list[Path]:
    """The picture files among `paths`, a folder standing for the pictures directly inside it."""
    from trainer.importers.screenshots import picture_files

    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += picture_files(path)
        elif path.is_file() and is_picture_file(path):
            found.append(path)
    return found


class ScreenshotIntake(QObject):
    """Turns picture files into steps in the background; `finished(steps, review lines)` or `failed(line)`."""

    finished = Signal(list, list)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.running = False

    def start(self, guide_folder: Path, pictures: list[Path], first_number: int) -> None:
        """Copy, order, deduplicate and look at `pictures` for a guide whose new steps start at `first_number`."""
        from trainer.importers.screenshots import screenshots_into

        self.running = True
        run_in_background(lambda: screenshots_into(guide_folder, pictures, False, first_number), self._done, self._failed)

    def _done(self, result: tuple[list[Step], list[str]]) -> None:
        self.running = False
        steps, lines = result
        self.finished.emit(steps, lines)

    def _failed(self, message: str) -> None:
        self.running = False
        self.failed.emit(message)
