"""The contract every importer follows: name, label, what it accepts, import_into()."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from trainer.exporters.base import Cancelled, Progress
from trainer.importers.messages import say

__all__ = [
    "Cancelled",
    "ImportFailed",
    "ImportOptions",
    "Imported",
    "Importer",
    "Note",
    "Progress",
    "check_file",
    "damaged",
    "scaled",
]


def scaled(progress: Progress | None, start: float, end: float) -> Progress | None:
    """A progress callback for the part of the work between `start` and `end` of the whole."""
    if progress is None:
        return None
    return lambda fraction: progress(start + (end - start) * fraction)


class ImportFailed(Exception):
    """A source that cannot be imported; str() is one plain line naming the file and the cause."""

    def __init__(self, source: Path | str, code: str, **params: object):
        self.source = Path(source)
        self.code = code
        self.params = params
        # A kit's refusal already names the file.
        super().__init__(str(params["detail"]) if code == "kit" else f"{self.source}: {say(code, **params)}")


def check_file(source: Path, limit: int) -> None:
    """Refuse a source file that is missing or larger than `limit` bytes (one plain line)."""
    if not source.is_file():
        raise ImportFailed(source, "not-found")
    size = source.stat().st_size
    if size > limit:
        raise ImportFailed(source, "too-big", size=round(size / 1e6, 1), limit=round(limit / 1e6))


def damaged(source: Path, kind: str, exc: BaseException) -> ImportFailed:
    """The refusal for a file its reading library could not parse (they raise many kinds of errors)."""
    lines = str(exc).strip().splitlines()
    return ImportFailed(source, "damaged", kind=kind, detail=lines[0] if lines else type(exc).__name__)


@dataclass
class ImportOptions:
    """What a person may choose for an import: one guide per top-level heading, phone bars cropped."""

    split: bool = False
    crop_bars: bool = False
    # Kits only: replace a local guide even when it is newer.
    force: bool = False


@dataclass
class Note:
    """One line of the import report: a message code and its values, said in the reader's language."""

    code: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        """The line in Vietnamese or English."""
        return say(self.code, lang, **self.params)


@dataclass
class Imported:
    """One guide an import created: its folder, a line for the terminal and what needs review."""

    path: Path
    title: str
    steps: int
    message: str = ""
    review: list[Note] = field(default_factory=list)

    def report(self, lang: str | None = None) -> list[str]:
        """The review lines in Vietnamese or English."""
        return [note.text(lang) for note in self.review]


class Importer:
    """Base of every importer: metadata saying what it accepts, and one import_into() method."""

    name: ClassVar[str] = ""
    label: ClassVar[str] = ""
    # Lower-case file suffixes this importer reads (".docx"); empty for folder importers.
    suffixes: ClassVar[tuple[str, ...]] = ()
    # True for importers that take a folder (or several files) rather than one document.
    folders: ClassVar[bool] = False

    def accepts(self, source: Path) -> bool:
        """True when this importer reads `source` (by suffix, or as a folder)."""
        if source.is_dir():
            return self.folders
        return source.suffix.lower() in self.suffixes

    def import_into(
        self, source: Path, library: Path, progress: Progress | None = None, options: ImportOptions | None = None
    ) -> list[Imported]:
        """Create the draft guide(s) from `source` in `library`; return what was created (several with split).

        Raises ImportFailed (one plain line) and leaves the library untouched when the source cannot be used;
        Cancelled from `progress` also leaves nothing behind.
        """
        raise NotImplementedError
