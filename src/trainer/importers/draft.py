"""From what an importer read to draft guides in the library: budgets, pictures, slug, atomic rename.

Every importer fills `Draft`s (a title, steps with paragraphs, pictures, callouts and notes) and hands
them to `write_drafts`. Each draft is built in a hidden temporary folder inside the library and renamed
into place only when all of them are complete, so a failure or a Stop leaves the library as it was.
The text is kept inside the budgets `trainer check` enforces and measured with the render code, so a
draft of at most 12 steps passes check: what does not fit a card moves to the presenter notes and the
report says so.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from trainer.check import MAX_STEP_TEXT_CHARS, MAX_STEPS
from trainer.exporters.base import Progress, report
from trainer.importers.base import Imported, ImportFailed, Note, scaled
from trainer.importers.messages import say
from trainer.library import free_folder, slugify
from trainer.model import Annotation, Callout, Guide, Step
from trainer.store import GUIDE_FILE, save_guide
from trainer.store.media import MediaError, import_image

# A draft's topic until the editor chooses one (the library filters by topic; this one stands out).
DRAFT_TOPIC = "Chưa phân loại"
# Shorter than check's limits: an imported title is a first draft, and short titles fit every theme.
STEP_TITLE_CHARS = 60
GUIDE_TITLE_CHARS = 80
SUMMARY_CHARS = 160
_SENTENCE_END = re.compile(r"(?<=[.!?…:;])\s+")


@dataclass
class Picture:
    """A picture found in a source: its bytes (or file) and a name to mention in the report."""

    data: bytes | Path
    name: str
    # Why the source's picture cannot be used, when its reader already knows (a PDF image over the size limit).
    problem: str = ""


@dataclass
class DraftStep:
    """A step as read from a source, before budgets: paragraphs of Markdown, pictures, callouts, notes."""

    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    callouts: list[Callout] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    # A screenshot: its title and text come from what detection reads near the middle of the screen.
    guess_title: bool = False

    def is_empty(self) -> bool:
        """True when nothing at all was read into this step."""
        return not (self.title or self.paragraphs or self.pictures or self.callouts or self.notes)


@dataclass
class Draft:
    """A guide as read from a source: title, summary, intro, steps, and what the importer wants reviewed."""

    title: str = ""
    summary: str = ""
    intro: list[str] = field(default_factory=list)
    steps: list[DraftStep] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def clean_text(text: str) -> str:
    """NFC, no control characters, single spaces: what a deck with one run per word needs."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u200b", "")
    text = "".join(ch if ch >= " " or ch == "\n" else " " for ch in text)
    return " ".join(text.split())


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis when cut."""
    text = clean_text(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.-–") or text[: limit - 1]
    return cut + "…"


def plain_length(markdown_text: str) -> int:
    """Characters as check counts them (Markdown marks left out)."""
    return len(re.sub(r"[*_`#>\[\]]", "", markdown_text).strip())


def _fit_paragraphs(paragraphs: list[str], limit: int) -> tuple[list[str], list[str]]:
    """Split paragraphs into (kept within `limit` characters, moved), cutting at sentences when it must."""
    kept: list[str] = []
    moved: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        candidate = "\n\n".join([*kept, paragraph])
        if plain_length(candidate) <= limit:
            kept.append(paragraph)
            continue
        room = limit - plain_length("\n\n".join(kept)) - 2
        head: list[str] = []
        sentences = _SENTENCE_END.split(paragraph)
        while sentences and plain_length(" ".join([*head, sentences[0]])) <= room:
            head.append(sentences.pop(0))
        if not kept and not head:  # one endless sentence: cut at a word boundary
            first = shorten(_strip_marks(paragraph), limit)
            kept.append(first)
            moved.append(paragraph)
        else:
            if head:
                kept.append(" ".join(head))
            if sentences:
                moved.append(" ".join(sentences))
        moved.extend(paragraphs[index + 1 :])
        break
    return kept, moved


def _strip_marks(text: str) -> str:
    return re.sub(r"[*_`]", "", text)


def _ranges(numbers: list[int]) -> str:
    """'1-3, 5' for [1, 2, 3, 5]."""
    parts: list[str] = []
    for n in numbers:
        if parts and parts[-1].split("-")[-1] == str(n - 1):
            parts[-1] = parts[-1].split("-")[0] + f"-{n}"
        else:
            parts.append(str(n))
    return ", ".join(parts)


def ranges(numbers: list[int]) -> str:
    """Step numbers as the report writes them: '1-3, 5'."""
    return _ranges(sorted(numbers))


class StepMaker:
    """Turns draft steps into guide steps inside a guide folder: budgets, pictures, blur proposals, report."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.notes: list[Note] = []
        self.looked = 0
        self.marks = 0
        self.unscanned: list[int] = []
        self.guessed: list[int] = []
        self.untitled: list[int] = []

    def picture(self, n: int, source: DraftStep, step: Step) -> None:
        pictures = list(source.pictures)
        while pictures and step.image is None:
            picture = pictures.pop(0)
            if picture.problem:
                self.notes.append(Note("review-bad-image", {"n": n, "name": picture.name, "detail": picture.problem}))
                continue
            try:
                step.image = import_image(picture.data, self.folder, stem=f"buoc-{n:02d}")
            except MediaError as exc:
                detail = say_media(exc) if exc.code == "too-large" else str(exc.params.get("detail") or say_media(exc))
                self.notes.append(Note("review-bad-image", {"n": n, "name": picture.name, "detail": detail}))
        if pictures:
            self.notes.append(Note("review-extra-images", {"n": n, "count": len(pictures)}))
        if step.image is None:
            return
        if source.annotations:  # marks someone already placed (a Trainer guide) are kept as they are
            step.annotations = list(source.annotations)
            return
        from trainer.importers.looking import look_at

        look = look_at(self.folder / step.image, source.guess_title)
        self.looked += 1
        if look.failed:
            self.unscanned.append(n)
        step.annotations = look.marks
        self.marks += len(look.marks)
        if source.guess_title:
            if look.title:
                source.title, source.paragraphs = look.title, [look.title + "."]
                self.guessed.append(n)
            else:
                source.title, source.paragraphs = f"Màn hình {n}", ["Làm theo hình."]
                self.untitled.append(n)

    def step(self, n: int, source: DraftStep) -> Step:
        step = Step(title="")
        self.picture(n, source, step)
        paragraphs = [p.strip() for p in source.paragraphs if p.strip()]
        title = clean_text(_strip_marks(source.title))
        if not title and paragraphs:
            # The first sentence names the step; the rest of the paragraph stays as its text.
            first, *rest = _SENTENCE_END.split(clean_text(paragraphs[0]), maxsplit=1)
            title = _strip_marks(first)
            if len(title) <= STEP_TITLE_CHARS:
                paragraphs = ([rest[0]] if rest else []) + paragraphs[1:]
        title = clean_text(title).rstrip(".:;,") or f"Bước {n}"
        if len(title) > STEP_TITLE_CHARS:
            if not paragraphs:
                paragraphs = [title]
            title = shorten(title, STEP_TITLE_CHARS)
            self.notes.append(Note("review-title-short", {"n": n}))
        if not paragraphs:
            paragraphs = [title + "."]
            if not source.guess_title:
                self.notes.append(Note("review-same-text", {"n": n}))
        kept, moved = _fit_paragraphs(paragraphs, MAX_STEP_TEXT_CHARS)
        notes = list(source.notes)
        if moved:
            notes = [*moved, *notes]
            self.notes.append(Note("review-to-notes", {"n": n}))
        step.title, step.text, step.notes = title, "\n\n".join(kept), "\n\n".join(notes).strip()
        step.callouts = [Callout(c.kind, shorten(c.text, 200)) for c in source.callouts]
        if step.image:
            step.image_alt = title
        return step

    def summary(self) -> list[Note]:
        """The report lines about all steps made: titles to write or check, and what scanning found."""
        notes = list(self.notes)
        if self.untitled:
            notes.append(Note("review-screen-titles", {"steps": ranges(self.untitled)}))
        if self.guessed:
            notes.append(Note("review-guessed-titles", {"steps": ranges(self.guessed)}))
        if self.unscanned:
            notes.append(Note("review-not-scanned", {"steps": ranges(self.unscanned)}))
        if self.marks:
            notes.append(Note("review-scanned", {"count": self.marks}))
        elif self.looked > len(self.unscanned):
            notes.append(Note("review-scanned-none"))
        return notes


def make_steps(draft_steps: list[DraftStep], folder: Path, first_number: int = 1) -> tuple[list[Step], list[Note]]:
    """Guide steps from draft steps, their pictures copied into `folder`/images and scanned; with the report lines."""
    maker = StepMaker(folder)
    steps = [maker.step(first_number + i, s) for i, s in enumerate(d for d in draft_steps if not d.is_empty())]
    return steps, maker.summary()


class _Builder:
    """Turns one Draft into a Guide inside a staging folder, collecting the report."""

    def __init__(self, draft: Draft, folder: Path, source: Path, today: _dt.date):
        self.draft = draft
        self.folder = folder
        self.source = source
        self.today = today
        self.notes: list[Note] = [Note("review-draft", {"source": source.name})]

    def guide(self, progress: Progress | None, start: float, end: float) -> Guide:
        draft = self.draft
        title = shorten(draft.title, GUIDE_TITLE_CHARS) or shorten(self.source.stem.replace("_", " "), GUIDE_TITLE_CHARS)
        summary = shorten(draft.summary, SUMMARY_CHARS)
        if not summary:
            summary = shorten(f"Bản nháp nhập từ {self.source.name}.", SUMMARY_CHARS)
            self.notes.append(Note("review-summary"))
        guide = Guide(
            title=title or "Hướng dẫn",
            slug="draft",
            summary=summary,
            topic=DRAFT_TOPIC,
            valid_as_of=self.today,
            status="draft",
            intro="\n\n".join(p for p in draft.intro if p.strip()),
            path=self.folder / GUIDE_FILE,
        )
        self.notes.append(Note("review-topic", {"topic": DRAFT_TOPIC}))
        self.notes.append(Note("review-link"))
        self.notes.extend(draft.notes)
        maker = StepMaker(self.folder)
        steps = [s for s in draft.steps if not s.is_empty()]
        for index, source_step in enumerate(steps, start=1):
            report(progress, start + (end - start) * (index - 1) / max(len(steps), 1))
            guide.steps.append(maker.step(index, source_step))
        self.notes.extend(maker.summary())
        if len(guide.steps) > MAX_STEPS:
            self.notes.append(Note("review-too-many", {"count": len(guide.steps), "limit": MAX_STEPS}))
        return guide


def say_media(exc: MediaError) -> str:
    """A MediaError's cause in a few words (the picture's name is said by the caller)."""
    if exc.code == "too-large":
        size = f"{exc.params.get('width')}x{exc.params.get('height')}, " if exc.params.get("width") != "?" else ""
        return say("picture-too-large", size=size, limit=exc.params.get("limit"))
    return say("picture-unreadable")


def fit_to_outputs(guide: Guide, notes: list[Note], progress: Progress | None = None) -> None:
    """Move text that does not fit a card, clip frame or slide (in any built-in theme) to the presenter notes."""
    from trainer.render.card import card_overflow
    from trainer.render.fit import FRAMES
    from trainer.render.gui import ensure_gui
    from trainer.render.scene import Scene, scene_overflow
    from trainer.render.theme import load_theme, theme_names

    ensure_gui()
    themes = [load_theme(name) for name in theme_names()]

    def overflows(index: int) -> bool:
        for theme in themes:
            if card_overflow(guide, theme, index + 1) > 0.5:
                return True
            if any(scene_overflow(guide, theme, Scene("step", index), size) > 0.5 for size in FRAMES):
                return True
        return False

    def cover_overflows() -> bool:
        return any(
            card_overflow(guide, theme, 0) > 0.5 or any(scene_overflow(guide, theme, Scene("title"), s) > 0.5 for s in FRAMES)
            for theme in themes
        )

    while cover_overflows() and len(guide.summary) > 40:
        guide.summary = shorten(guide.summary, len(guide.summary) - 20)
    while cover_overflows() and len(guide.title) > 30:
        guide.title = shorten(guide.title, len(guide.title) - 10)
    for index, step in enumerate(guide.steps):
        report(progress, index / max(len(guide.steps), 1))
        moved_any = False
        while overflows(index):
            paragraphs = step.text.split("\n\n")
            if len(paragraphs) > 1:
                moved = paragraphs.pop()
                step.text = "\n\n".join(paragraphs)
            else:
                sentences = _SENTENCE_END.split(step.text)
                if len(sentences) > 1:
                    moved = sentences.pop()
                    step.text = " ".join(sentences)
                else:
                    words = step.text.split(" ")
                    if len(words) <= 3:
                        if step.callouts:
                            step.notes = "\n\n".join(c.text for c in step.callouts) + ("\n\n" + step.notes if step.notes else "")
                            step.callouts = []
                            moved_any = True
                            continue
                        if len(step.title) > 20:
                            step.title = shorten(step.title, len(step.title) - 10)
                            continue
                        break
                    keep = max(3, len(words) * 2 // 3)
                    moved = " ".join(words[keep:])
                    step.text = " ".join(words[:keep]) + "…"
            step.notes = (moved + ("\n\n" + step.notes if step.notes else "")).strip()
            moved_any = True
        if moved_any and not any(n.code == "review-to-notes" and n.params.get("n") == index + 1 for n in notes):
            notes.append(Note("review-to-notes", {"n": index + 1}))


def write_drafts(
    drafts: list[Draft], library: Path, source: Path, progress: Progress | None = None, today: _dt.date | None = None
) -> list[Imported]:
    """Create each draft as a guide folder in `library` (new unique slug, status draft); all or nothing."""
    library = Path(library)
    if not library.is_dir():
        raise ImportFailed(source, "no-library", library=library)
    drafts = [d for d in drafts if any(not s.is_empty() for s in d.steps)]
    if not drafts:
        raise ImportFailed(source, "no-content")
    try:
        staging = Path(tempfile.mkdtemp(prefix=".import-", dir=library))
    except OSError as exc:
        raise ImportFailed(source, "write-failed", library=library, detail=exc.strerror or exc) from None
    placed: list[tuple[Path, Path]] = []
    try:
        built: list[tuple[Guide, Path, list[Note]]] = []
        for number, draft in enumerate(drafts):
            folder = staging / f"guide-{number}"
            folder.mkdir()
            start, end = number / len(drafts), (number + 0.95) / len(drafts)
            builder = _Builder(draft, folder, source, today or _dt.date.today())
            guide = builder.guide(progress, start, start + 0.8 * (end - start))
            fit_to_outputs(guide, builder.notes, scaled(progress, start + 0.8 * (end - start), end))
            built.append((guide, folder, builder.notes))
        report(progress, 0.95)
        results: list[Imported] = []
        for guide, folder, notes in built:
            target = _place(guide, folder, library)
            placed.append((target, folder))
            results.append(
                Imported(
                    path=target,
                    title=guide.title,
                    steps=len(guide.steps),
                    message=say("imported", target=target, steps=len(guide.steps), source=source.name),
                    review=notes,
                )
            )
        report(progress, 1.0)
        return results
    except BaseException as exc:
        for target, folder in reversed(placed):  # all or nothing: take back what was already renamed
            with contextlib.suppress(OSError):
                target.rename(folder)
        if isinstance(exc, OSError):
            raise ImportFailed(source, "write-failed", library=library, detail=exc.strerror or exc) from None
        raise
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)


def _place(guide: Guide, folder: Path, library: Path) -> Path:
    """Rename the finished folder to a free `library/<slug>` (never over an existing guide)."""
    base = slugify(guide.title)
    for _attempt in range(20):
        target = free_folder(library, base)
        guide.slug = target.name
        save_guide(guide, folder / GUIDE_FILE)
        try:
            if os.name == "posix":
                # rename() would silently replace an empty folder created meanwhile; mkdir claims the name first.
                target.mkdir()
                os.replace(folder, target)
            else:
                folder.rename(target)
            return target
        except FileExistsError:
            continue
    raise ImportFailed(folder, "write-failed", library=library, detail="no free folder name")
