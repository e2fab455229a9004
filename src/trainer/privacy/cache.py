"""Detection results kept by the image's SHA-256 in the user's cache folder, so a second check is instant.

What is cached is what the engines saw (text lines, codes, faces), not the verdict: rules can change
without a rescan. Entries name the engine that made them; another engine's entries are ignored.
TRAINER_CACHE_DIR moves the folder (tests share one across workers); deleting it only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from trainer.store.atomic import atomic_write_text


def cache_root() -> Path:
    """Trainer's cache folder for this user: %LOCALAPPDATA%, ~/Library/Caches or $XDG_CACHE_HOME."""
    forced = os.environ.get("TRAINER_CACHE_DIR")
    if forced:
        return Path(forced)
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "Trainer" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "Trainer"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "trainer"


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _entry(digest: str) -> Path:
    return cache_root() / "privacy" / digest[:2] / f"{digest}.json"


def load(digest: str, engine: str) -> dict[str, Any] | None:
    """The cached detection for an image, or None when there is none from this engine (or it is damaged)."""
    try:
        data = json.loads(_entry(digest).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("engine") != engine:
        return None
    return data


def save(digest: str, engine: str, data: dict[str, Any]) -> None:
    """Remember a detection; a cache that cannot be written only makes the next check slower."""
    try:
        atomic_write_text(_entry(digest), json.dumps({**data, "engine": engine}, ensure_ascii=False))
    except OSError:
        pass
