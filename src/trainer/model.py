"""The guide as plain data: Guide, Step, Callout, Annotation, Link. No Qt, no I/O."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CALLOUT_KINDS = ("tip", "warning", "caution")
ANNOTATION_KINDS = ("badge", "box", "arrow", "tap", "blur", "keep")
# Kinds drawn from one point (x, y); the others span from (x, y) to (x2, y2).
# `keep` is never drawn: it records that a person reviewed what detection found in that region of the
# image and decided it is public (an official hotline on a screen), so trainer.privacy stops flagging it.
POINT_ANNOTATIONS = ("badge", "tap")
STATUSES = ("draft", "reviewed", "published")
FRAMES = ("auto", "phone", "none")


@dataclass
class Link:
    """An official link: what the citizen opens, with a human title."""

    title: str
    url: str


@dataclass
class Callout:
    """A tip, warning or caution box attached to a step."""

    kind: str
    text: str


@dataclass
class Annotation:
    """A mark painted over a step image, in coordinates relative to the image (0..1).

    badge and tap use the point (x, y); box, blur, arrow and keep span (x, y) -> (x2, y2).
    The original screenshot is never modified: blur is applied at render time. keep is not drawn: it
    marks a region reviewed as public, which the personal-data gate (trainer.privacy) accepts.
    """

    kind: str
    x: float
    y: float
    x2: float = 0.0
    y2: float = 0.0
    label: str = ""

    @property
    def is_point(self) -> bool:
        """True for marks drawn at one point (badge, tap)."""
        return self.kind in POINT_ANNOTATIONS

    def rect(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of a spanning mark, whatever corner order it was drawn in."""
        return (min(self.x, self.x2), min(self.y, self.y2), max(self.x, self.x2), max(self.y, self.y2))


@dataclass
class Step:
    """One numbered step: a title, Markdown text, at most one image, and its extras."""

    title: str
    text: str = ""
    image: str | None = None
    image_alt: str = ""
    annotations: list[Annotation] = field(default_factory=list)
    callouts: list[Callout] = field(default_factory=list)
    notes: str = ""
    duration: float | None = None
    practice: bool = False
    narration: str | None = None
    frame: str = "auto"
    options_extra: dict[str, Any] = field(default_factory=dict)
    line: int = field(default=0, compare=False)


@dataclass
class Term:
    """A glossary entry: a word a first-time user may not know, one plain sentence, other ways to say it."""

    term: str
    explanation: str
    synonyms: list[str] = field(default_factory=list)

    @property
    def spellings(self) -> list[str]:
        """The term and its synonyms, the term first: every way a guide may write it."""
        return [self.term, *self.synonyms]


@dataclass
class Guide:
    """A whole guide: front-matter metadata plus its steps."""

    title: str = ""
    slug: str = ""
    summary: str = ""
    topic: str = ""
    audience: str = ""
    language: str = "vi"
    version: str = "1.0"
    valid_as_of: _dt.date | None = None
    estimated_minutes: int | None = None
    links: list[Link] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    author: str = ""
    reviewer: str = ""
    sources: list[str] = field(default_factory=list)
    status: str = "draft"
    online_url: str = ""
    music: str = ""
    intro: str = ""
    steps: list[Step] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    path: Path | None = field(default=None, compare=False)

    @property
    def folder(self) -> Path | None:
        """The guide's folder, where its images live (None for an unsaved guide)."""
        return self.path.parent if self.path else None

    @property
    def official_url(self) -> str:
        """The first official link, the one the QR codes point to ('' when none)."""
        return self.links[0].url if self.links else ""

    def sequence(self, include_practice: bool = False) -> list[tuple[str, int | None]]:
        """What a slideshow or clip shows, in order: title, each step (then a practice pause after
        steps marked practice, if asked), end. Pairs of (kind, step index or None)."""
        shown: list[tuple[str, int | None]] = [("title", None)]
        for index, step in enumerate(self.steps):
            shown.append(("step", index))
            if include_practice and step.practice:
                shown.append(("practice", index))
        shown.append(("end", None))
        return shown

    def resolve(self, relative: str) -> Path | None:
        """Absolute path of a file named relative to the guide folder."""
        return (self.folder / relative) if self.folder and relative else None
