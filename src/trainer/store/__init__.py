"""Reading and writing guide folders: content/<slug>/guide.md plus the images beside it."""

from __future__ import annotations

from pathlib import Path

from trainer.model import Guide
from trainer.store.atomic import atomic_path, atomic_write_bytes, atomic_write_text, sweep_leftovers
from trainer.store.guide_file import parse_guide, serialize_guide
from trainer.store.problems import ERROR, GuideError, Problem

GUIDE_FILE = "guide.md"
MAX_GUIDE_BYTES = 1_000_000

__all__ = [
    "GUIDE_FILE",
    "GuideError",
    "Problem",
    "atomic_path",
    "atomic_write_bytes",
    "atomic_write_text",
    "sweep_leftovers",
    "guide_file",
    "load_guide",
    "load_library",
    "read_guide",
    "save_guide",
    "serialize_guide",
]


def guide_file(path: Path | str) -> Path:
    """The guide.md for a guide folder or file path."""
    path = Path(path)
    return path / GUIDE_FILE if path.is_dir() else path


def read_guide(path: Path | str) -> tuple[Guide | None, list[Problem]]:
    """Read a guide folder or guide.md; return the guide (None if unreadable) and every problem."""
    file = guide_file(path)
    if not file.exists():
        code = "no-guide-file" if file.parent.is_dir() and file.name == GUIDE_FILE else "not-found"
        return None, [Problem(file, 0, code)]
    size = file.stat().st_size
    if size > MAX_GUIDE_BYTES:
        return None, [Problem(file, 0, "too-big", {"size": size, "limit": MAX_GUIDE_BYTES})]
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(file, line, "not-utf8", {"offset": exc.start})]
    return parse_guide(text, file)


def load_guide(path: Path | str) -> Guide:
    """Load a guide, NFC-normalized; raise GuideError naming file and line if it cannot be read."""
    guide, problems = read_guide(path)
    errors = [p for p in problems if p.severity == ERROR]
    if guide is None or errors:
        raise GuideError(errors[0] if errors else problems[0])
    return guide


def save_guide(guide: Guide, path: Path | str | None = None) -> Path:
    """Write the guide's canonical text atomically; return the guide.md path."""
    target = guide_file(path) if path is not None else guide.path
    if target is None:
        raise ValueError("save_guide needs a path for a guide that was never saved")
    if target.suffix != ".md":
        target = target / GUIDE_FILE
    atomic_write_text(target, serialize_guide(guide))
    sweep_leftovers(target)  # temporary files of saves that were killed half-way
    guide.path = target
    return target


def guide_folders(root: Path | str) -> list[Path]:
    """The guide folders under a library folder (those holding a guide.md), sorted by name."""
    root = Path(root)
    if (root / GUIDE_FILE).exists():
        return [root]
    return sorted(p.parent for p in root.glob(f"*/{GUIDE_FILE}"))


def load_library(root: Path | str) -> tuple[list[Guide], list[Problem]]:
    """Load every guide under `root`; guides that fail are left out and their problems returned."""
    guides: list[Guide] = []
    problems: list[Problem] = []
    for folder in guide_folders(root):
        guide, found = read_guide(folder)
        errors = [p for p in found if p.severity == ERROR]
        problems.extend(errors)
        if guide is not None and not errors:
            guides.append(guide)
    return guides, problems
