"""What a library keeps about itself in `<library>/library.toml`: the branding every output uses.

Kept in the library, not in the app's preferences, so the choice travels with the library folder,
a copy of it on a USB stick, and the kits published from it.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from trainer.store.atomic import atomic_write_bytes

BRANDING_FOLDER = "themes"  # inside a library, beside the guide folders: brandings as theme files + logos
LIBRARY_FILE = "library.toml"  # the library's own settings, kept in the library so they travel with it


def chosen_branding(library: Path) -> Path | None:
    """The branding theme file chosen for a library (its `library.toml`), None when none is or it is gone."""
    try:
        data = tomllib.loads((Path(library) / LIBRARY_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    name = data.get("branding")
    if not isinstance(name, str) or not name:
        return None
    path = Path(library) / name
    # Only a theme file of this library's themes/ folder: a copied library.toml cannot point elsewhere.
    if path.parent.resolve() != (Path(library) / BRANDING_FOLDER).resolve() or not path.is_file():
        return None
    return path


def choose_branding(library: Path, theme_file: Path | None) -> None:
    """Record in the library which of its brandings every output uses (None: the built-in themes again)."""
    target = Path(library) / LIBRARY_FILE
    if theme_file is None:
        text = ""
    else:
        relative = Path(theme_file).resolve().relative_to((Path(library) / BRANDING_FOLDER).resolve())
        text = f"branding = {json.dumps(f'{BRANDING_FOLDER}/{relative.as_posix()}', ensure_ascii=False)}\n"
    header = "# Trainer: what this library uses (kept here so it travels with the library and its kits)\n"
    atomic_write_bytes(target, (header + text).encode("utf-8"))


def library_theme(library: Path) -> str:
    """The theme every output of a library uses when none is asked for: its chosen branding, else 'default'."""
    chosen = chosen_branding(library)
    return str(chosen) if chosen else "default"


def theme_files(theme: str) -> list[Path]:
    """A theme file and the logo it names (what must travel for another machine to paint the same); [] for built-ins."""
    path = Path(theme)
    if path.suffix != ".toml" or not path.is_file():
        return []
    files = [path]
    try:
        logo = tomllib.loads(path.read_text(encoding="utf-8")).get("logo")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return files
    if isinstance(logo, str) and logo and "/" not in logo and "\\" not in logo and (path.parent / logo).is_file():
        files.append(path.parent / logo)
    return files
