"""An open guide: the model, its undo stack, saving, autosave to a recovery file, outside changes.

Every edit goes through `GuideDocument.edit()`, which snapshots the guide before and after and
pushes one QUndoCommand, so undo/redo covers text, reorder, images and annotations alike.
"""

from __future__ import annotations

import copy
import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from trainer.model import Guide
from trainer.store import atomic_write_bytes, atomic_write_text, guide_file, read_guide, serialize_guide, sweep_leftovers
from trainer.store.guide_file import parse_guide
from trainer.store.problems import ERROR, GuideError

AUTOSAVE_SECONDS = 30
# Typing pauses longer than this start a new undo step instead of merging into the last one.
MERGE_SECONDS = 2.0
_MERGE_IDS: dict[str, int] = {}


def _merge_id(key: str | None) -> int:
    if not key:
        return -1
    return _MERGE_IDS.setdefault(key, len(_MERGE_IDS) + 1)


def file_digest(path: Path) -> str | None:
    """sha256 of a file's bytes, None when it does not exist or cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def recovery_dir() -> Path:
    """Per-user folder for recovery files: works even when the guide sits in a read-only shared folder."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".trainer") / "recovery"


def recovery_file(path: Path) -> Path:
    """The recovery file for a guide.md: one per guide path, named so a person can recognise it."""
    key = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:12]
    return recovery_dir() / f"{path.parent.name}-{key}.guide.md"


def source_file(recovery: Path) -> Path:
    """The sidecar beside a recovery file that holds the path of its guide.md."""
    return recovery.with_name(recovery.name + ".source")


def pending_recoveries() -> list[Path]:
    """guide.md files with unsaved changes left by a crash (recovery newer than the guide), newest first."""
    found: list[tuple[float, Path]] = []
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    for sidecar in folder.glob("*.guide.md.source"):
        recovery = sidecar.with_name(sidecar.name[: -len(".source")])
        try:
            guide = Path(sidecar.read_text(encoding="utf-8").strip())
            if recovery.is_file() and guide.is_file() and recovery.stat().st_mtime >= guide.stat().st_mtime:
                found.append((recovery.stat().st_mtime, guide))
        except (OSError, UnicodeDecodeError):
            continue
    return [g for _t, g in sorted(found, reverse=True)]


class SnapshotCommand(QUndoCommand):
    """One undoable edit: the whole guide before and after (guides are small; snapshots are simple and exact)."""

    def __init__(self, doc: GuideDocument, label: str, before: Guide, after: Guide, step: int | None, merge_key: str | None):
        super().__init__(label)
        self.doc, self.before, self.after, self.step, self.merge_key = doc, before, after, step, merge_key
        self.stamp = time.monotonic()
        self._applied = True

    def id(self) -> int:  # noqa: A003 - Qt's name
        """Merge id: edits of the same field merge while typing."""
        return _merge_id(self.merge_key)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        """Fold a following keystroke in the same field into this command."""
        if not isinstance(other, SnapshotCommand) or other.merge_key != self.merge_key:
            return False
        if other.stamp - self.stamp > MERGE_SECONDS:
            return False
        self.after, self.stamp = other.after, other.stamp
        return True

    def redo(self) -> None:
        """Apply (skipped the first time: the edit was already made when the command was pushed)."""
        if self._applied:
            self._applied = False
            return
        self.doc.restore(self.after, self.step)

    def undo(self) -> None:
        """Put the guide back as it was before this edit."""
        self.doc.restore(self.before, self.step)


class FilesCommand(SnapshotCommand):
    """An edit that also rewrote files of the guide folder (a picture whose blur was applied for good).

    Undo writes their old bytes back and redo the new ones; both are kept in memory, so this can be undone
    only while the guide is open: closing it drops the stack and, with it, the only copy of the old bytes.
    """

    def __init__(
        self,
        doc: GuideDocument,
        label: str,
        before: Guide,
        after: Guide,
        step: int | None,
        files: list[tuple[Path, bytes, bytes]],
    ):
        super().__init__(doc, label, before, after, step, None)
        self.files = files  # (path, bytes before, bytes after)

    def _write(self, after: bool) -> None:
        for path, old, new in self.files:
            try:
                atomic_write_bytes(path, new if after else old)
            except OSError as exc:
                self.doc.fileFailed.emit(f"{path.name}: {exc.strerror or exc}")

    def redo(self) -> None:
        """Write the new bytes again (not the first time: they were written before the command was pushed)."""
        if not self._applied:
            self._write(after=True)
        super().redo()

    def undo(self) -> None:
        """Put the files' old bytes back, then the guide as it was."""
        self._write(after=False)
        super().undo()


class GuideDocument(QObject):
    """The guide being edited, with undo, atomic save, recovery file and outside-change detection."""

    # reason: "edit" for an edit made through the widgets, "restore" for undo/redo/reload; step or -1
    changed = Signal(str, int)
    dirtyChanged = Signal(bool)
    externallyChanged = Signal()
    fileFailed = Signal(str)  # a file an undo or redo had to write back could not be written: one plain line

    def __init__(self, guide: Guide, parent: QObject | None = None):
        super().__init__(parent)
        assert guide.path is not None
        self.guide = guide
        self.path: Path = guide.path
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(self._clean_changed)
        self.disk_digest = file_digest(self.path)
        self._recovered_index = -1
        self.autosave = QTimer(self)
        self.autosave.setInterval(int(float(os.environ.get("TRAINER_AUTOSAVE_SECONDS", AUTOSAVE_SECONDS)) * 1000))
        self.autosave.timeout.connect(self.write_recovery)
        self.autosave.start()

    @classmethod
    def open(cls, folder_or_file: Path, parent: QObject | None = None) -> GuideDocument:
        """Load a guide for editing; GuideError (one plain line) when it cannot be read."""
        guide, problems = read_guide(folder_or_file)
        errors = [p for p in problems if p.severity == ERROR]
        if guide is None or errors:
            raise GuideError(errors[0] if errors else problems[0])
        return cls(guide, parent)

    def _clean_changed(self, clean: bool) -> None:
        self.dirtyChanged.emit(not clean)

    # -- editing ---------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """True when there are changes not saved to guide.md."""
        return not self.stack.isClean()

    def edit(self, label: str, mutate: Callable[[Guide], None], step: int | None = None, merge_key: str | None = None) -> bool:
        """Apply `mutate` to the guide as one undoable edit; False when it changed nothing."""
        before = copy.deepcopy(self.guide)
        mutate(self.guide)
        if self.guide == before:
            return False
        after = copy.deepcopy(self.guide)
        self.stack.push(SnapshotCommand(self, label, before, after, step, merge_key))
        self.changed.emit("edit", -1 if step is None else step)
        return True

    def edit_files(self, label: str, mutate: Callable[[Guide], None], files: dict[Path, bytes], step: int | None = None) -> None:
        """Rewrite files of the guide folder and apply `mutate` as ONE undoable edit (undo puts the old bytes back).

        Raises OSError when a file cannot be read or written; then every file is as it was and the guide unchanged.
        """
        old = {path: path.read_bytes() for path in files}
        written: list[Path] = []
        try:
            for path, data in files.items():
                atomic_write_bytes(path, data)
                written.append(path)
        except OSError:
            for path in written:
                atomic_write_bytes(path, old[path])
            raise
        before = copy.deepcopy(self.guide)
        mutate(self.guide)
        after = copy.deepcopy(self.guide)
        changes = [(path, old[path], data) for path, data in files.items()]
        self.stack.push(FilesCommand(self, label, before, after, step, changes))
        self.changed.emit("edit", -1 if step is None else step)

    def restore(self, snapshot: Guide, step: int | None) -> None:
        """Make `snapshot` the current guide (undo/redo); widgets refresh from `changed`."""
        self.guide = copy.deepcopy(snapshot)
        self.guide.path = self.path
        self.changed.emit("restore", -1 if step is None else step)

    def snapshot(self) -> Guide:
        """A deep copy of the guide, safe to hand to a worker thread."""
        return copy.deepcopy(self.guide)

    # -- saving ----------------------------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        """True when guide.md differs from what was loaded or last saved (another editor wrote it)."""
        return file_digest(self.path) != self.disk_digest

    def save(self) -> Path:
        """Write guide.md atomically (raises OSError; the document stays dirty then) and drop the recovery file."""
        text = serialize_guide(self.guide)
        atomic_write_text(self.path, text)
        sweep_leftovers(self.path)  # temporary files of saves that were killed half-way
        self.disk_digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.stack.setClean()
        self.discard_recovery()
        return self.path

    def reload(self) -> None:
        """Replace the guide with what is on disk now (after an outside change), as an undoable edit."""
        guide, problems = read_guide(self.path)
        errors = [p for p in problems if p.severity == ERROR]
        if guide is None or errors:
            raise GuideError(errors[0] if errors else problems[0])
        self.disk_digest = file_digest(self.path)
        self._replace(guide, "Reload from disk")
        self.stack.setClean()

    def _replace(self, guide: Guide, label: str) -> None:
        def take(g: Guide) -> None:
            for name in g.__dataclass_fields__:
                if name != "path":
                    setattr(g, name, copy.deepcopy(getattr(guide, name)))

        if self.edit(label, take):
            self.changed.emit("restore", -1)

    # -- recovery --------------------------------------------------------------------------------
    @property
    def recovery_path(self) -> Path:
        """Where autosave writes this guide's recovery copy."""
        return recovery_file(self.path)

    def write_recovery(self) -> bool:
        """Write the unsaved state to the recovery file when dirty and not yet written; False on failure."""
        if not self.dirty or self.stack.index() == self._recovered_index:
            return True
        try:
            # The sidecar names the guide, so the next start can offer the restore before the guide is opened.
            atomic_write_text(source_file(self.recovery_path), str(self.path.resolve()))
            atomic_write_text(self.recovery_path, serialize_guide(self.guide))
        except OSError:
            return False
        self._recovered_index = self.stack.index()
        return True

    def discard_recovery(self) -> None:
        """Remove the recovery file (after a save, or when the person chose not to restore)."""
        self._recovered_index = -1
        for path in (self.recovery_path, source_file(self.recovery_path)):
            try:
                path.unlink()
            except OSError:
                pass  # already gone, or not ours to remove: a stale file only costs one question

    def pending_recovery(self) -> Guide | None:
        """The guide saved by autosave before a crash, when it is newer than guide.md and differs from it."""
        rec = self.recovery_path
        try:
            if not rec.is_file():
                return None
            text = rec.read_text(encoding="utf-8")
            disk_mtime = self.path.stat().st_mtime if self.path.exists() else 0.0
            if rec.stat().st_mtime < disk_mtime:
                return None
        except (OSError, UnicodeDecodeError):
            return None
        guide, problems = parse_guide(text, self.path)
        if guide is None or any(p.severity == ERROR and p.code in ("no-front-matter", "yaml") for p in problems):
            return None
        return None if guide == self.guide else guide

    def restore_recovery(self, guide: Guide) -> None:
        """Take the recovered guide as an undoable, unsaved edit."""
        self._replace(guide, "Restore unsaved changes")


def guide_path(folder_or_file: Path) -> Path:
    """guide.md for a folder or file."""
    return guide_file(folder_or_file)
