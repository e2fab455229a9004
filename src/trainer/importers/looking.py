"""What an importer asks trainer.privacy about each imported picture: blur proposals and a draft title.

Kept apart so every importer (screenshots, and the pictures inside documents) asks the same way, and so
a machine where detection cannot run says so instead of claiming a picture was scanned.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from trainer.importers.encodings import VIETNAMESE_LETTERS
from trainer.model import Annotation


@dataclass
class Look:
    """What was found in one picture: blur marks, a draft title, or why it could not be scanned."""

    marks: list[Annotation] = field(default_factory=list)
    title: str = ""
    failed: str = ""


_VOWELS = frozenset("aeiouyAEIOUY") | frozenset(ch for ch in VIETNAMESE_LETTERS if ch not in "đĐ")


def readable(text: str) -> bool:
    """True when every word could be Vietnamese or an acronym: text recognition that dropped accented
    letters ('Tip tc' for 'Tiếp tục') must not become a title."""
    for word in re.findall(r"[^\W\d_]+", text):
        if any(not ch.isascii() and ch not in VIETNAMESE_LETTERS for ch in word):
            return False
        if not word.isupper() and not any(ch in _VOWELS for ch in word):
            return False
    return True


def middle_title(lines: list, hidden: list[Annotation] | None = None) -> str:  # type: ignore[type-arg]
    """A draft step title from text read near the middle of the screen: "Bấm 'Tiếp tục'" for a button's label.

    Text under a proposed blur, or holding numbers, is never used: a title must not leak what is hidden.
    """
    best = None
    for line in lines:
        text = unicodedata.normalize("NFC", " ".join(str(getattr(line, "text", "")).split()))
        box = getattr(line, "box", None)
        confidence = float(getattr(line, "confidence", 1.0) or 0)
        if not text or box is None or confidence < 0.6 or not 2 <= len(text) <= 40 or not any(ch.isalpha() for ch in text):
            continue
        if not readable(text) or re.search(r"\d", text):
            continue
        x, y, x2, y2 = box
        if any(_overlaps((x, y, x2, y2), mark.rect()) for mark in hidden or []):
            continue
        across, down = abs((x + x2) / 2 - 0.5), abs((y + y2) / 2 - 0.55)
        if across > 0.25 or down > 0.2:
            continue
        if best is None or across + down < best[0]:
            best = (across + down, text)
    return f"Bấm '{best[1]}'" if best else ""


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def look_at(picture: Path, guess_title: bool = False) -> Look:
    """Blur proposals over personal data in an imported picture (and a title from its middle text, if asked)."""
    from trainer.privacy import ScanError, proposed_marks, read_text

    try:
        marks = proposed_marks(picture)
        title = middle_title(read_text(picture), marks) if guess_title else ""
    except ScanError as exc:
        return Look(failed=str(exc))
    return Look(marks=marks, title=title)
