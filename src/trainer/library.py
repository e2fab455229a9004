"""The library index behind the app's library window: entries, search, filters, new/duplicate/delete.

Qt-free: what the window shows is computed here so it can be tested without widgets.
"""

from __future__ import annotations

import datetime as _dt
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from trainer.model import Guide, Step
from trainer.search import fold, matches
from trainer.store import GUIDE_FILE, load_guide, load_library, save_guide
from trainer.store.problems import Problem

# A guide whose steps were last checked longer ago than this needs a fresh look (apps change often).
DEFAULT_REVIEW_DAYS = 180


def bundled_guides() -> Path:
    """The guides that ship with Trainer: content/ beside the source tree, or inside the frozen app's folder."""
    frozen_root = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader in the built app
    if frozen_root:
        return Path(frozen_root) / "content"
    return Path(__file__).resolve().parents[2] / "content"


# The user library's folder name inside Documents/Trainer (Vietnamese first, as the app; NFC).
LIBRARY_FOLDER = "Hướng dẫn"


def user_library(home: Path | None = None) -> Path:
    """The frozen app's own library: Documents/Trainer/Hướng dẫn in the user's home, seeded once with the bundled guides.

    The installed app's folder may be read-only and is replaced by an update or removed by an uninstall, so
    the editor's guides never live there; a copy made on first start survives both. It is a folder of its
    own inside Documents/Trainer because exports and kits go to Documents/Trainer by default: the library
    window then never lists a handout or a kit beside the guides.
    """
    home = home or Path.home()
    documents = home / "Documents"
    library = (documents if documents.is_dir() else home) / "Trainer" / LIBRARY_FOLDER
    if not library.exists():
        shutil.copytree(bundled_guides(), library)
    return library


def default_library() -> Path:
    """The library the app and the CLI open by default: ./content, else the bundled guides (the user's copy when frozen)."""
    here = Path.cwd() / "content"
    if here.is_dir():
        return here
    if getattr(sys, "frozen", False):
        return user_library()
    return bundled_guides()


@dataclass
class LibraryEntry:
    """One guide as the library window shows it."""

    folder: Path
    title: str
    topic: str
    status: str
    summary: str
    valid_as_of: _dt.date | None
    thumbnail: Path | None
    steps: int

    def needs_review(self, today: _dt.date | None = None, max_age_days: int = DEFAULT_REVIEW_DAYS) -> bool:
        """True when the guide was last checked more than `max_age_days` ago (or never)."""
        if self.valid_as_of is None:
            return True
        return ((today or _dt.date.today()) - self.valid_as_of).days > max_age_days

    def matches(self, query: str) -> bool:
        """Diacritics- and case-insensitive match on title, topic and summary."""
        return matches(query, self.title, self.topic, self.summary, self.folder.name)


def entry_for(guide: Guide) -> LibraryEntry:
    """The library entry for a loaded guide (its thumbnail is the first step image that exists)."""
    assert guide.path is not None
    thumb = None
    for step in guide.steps:
        candidate = guide.resolve(step.image) if step.image else None
        if candidate is not None and candidate.is_file():
            thumb = candidate
            break
    return LibraryEntry(
        folder=guide.path.parent,
        title=guide.title,
        topic=guide.topic,
        status=guide.status,
        summary=guide.summary,
        valid_as_of=guide.valid_as_of,
        thumbnail=thumb,
        steps=len(guide.steps),
    )


def scan(root: Path) -> tuple[list[LibraryEntry], list[Problem]]:
    """Every readable guide under `root` as entries sorted by folded title, plus the load problems."""
    guides, problems = load_library(root)
    entries = sorted((entry_for(g) for g in guides), key=lambda e: fold(e.title))
    return entries, problems


def filter_entries(entries: list[LibraryEntry], query: str = "", topic: str = "", status: str = "") -> list[LibraryEntry]:
    """Entries matching the search text and, when given, exactly the topic and status."""
    return [e for e in entries if e.matches(query) and (not topic or e.topic == topic) and (not status or e.status == status)]


def same_title(entries: list[LibraryEntry], title: str) -> LibraryEntry | None:
    """The guide already called `title` (ignoring accents, case and spacing), or whose folder that title would take."""
    wanted, slug = fold(title), slugify(title)
    for entry in entries:
        if fold(entry.title) == wanted or entry.folder.name == slug:
            return entry
    return None


def slugify(title: str) -> str:
    """A folder name from a title: 'Đăng ký VssID' -> 'dang-ky-vssid'."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")
    return slug[:60].strip("-") or "huong-dan"


def free_folder(root: Path, slug: str) -> Path:
    """`root/slug`, or `root/slug-2`, `-3`... whichever does not exist yet."""
    candidate, n = root / slug, 2
    while candidate.exists():
        candidate, n = root / f"{slug}-{n}", n + 1
    return candidate


def new_guide(root: Path, title: str, topic: str = "", today: _dt.date | None = None) -> Path:
    """Create a guide folder from the template (title, one empty step, status draft); return it."""
    folder = free_folder(root, slugify(title))
    guide = Guide(
        title=title,
        slug=folder.name,
        summary="",
        topic=topic,
        valid_as_of=today or _dt.date.today(),
        status="draft",
        steps=[Step(title="Bước 1", text="")],
    )
    folder.mkdir(parents=True)
    save_guide(guide, folder / GUIDE_FILE)
    return folder


def duplicate_guide(folder: Path, today: _dt.date | None = None) -> Path:
    """Copy a guide folder with its images to a new slug; the copy is a draft named '... (copy)'."""
    guide = load_guide(folder)
    target = free_folder(folder.parent, f"{folder.name}-ban-sao")
    shutil.copytree(folder, target, ignore=shutil.ignore_patterns(".*"))
    guide.slug = target.name
    guide.title = f"{guide.title} (bản sao)"
    guide.status = "draft"
    save_guide(guide, target / GUIDE_FILE)
    return target


def trash_guide(folder: Path) -> None:
    """Send a guide folder to the system trash (never a hard delete; raises OSError when it cannot)."""
    from send2trash import send2trash

    send2trash(str(folder))
