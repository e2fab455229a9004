"""PowerPoint decks (.pptx): one step per content slide, with its picture and speaker notes.

Read with python-pptx (MIT, already used for the export). The title slide gives the guide's title and
summary; agenda slides ("Nội dung", "Mục lục", "Agenda"…) are left out; section-header slides are the
top-level headings that --split cuts at. Real decks split Vietnamese text into one run per word, so
runs are joined and spaces collapsed to one, NFC.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from trainer.exporters.base import report
from trainer.importers.base import Imported, Importer, ImportFailed, ImportOptions, Note, Progress, damaged, scaled
from trainer.importers.docx import markdown_runs
from trainer.importers.draft import Draft, DraftStep, Picture, clean_text, write_drafts
from trainer.importers.encodings import decode_font_text, legacy_font
from trainer.importers.package import check_package
from trainer.importers.structure import STEP_MARK, fill_step

AGENDA = re.compile(r"^\s*(nội dung|mục lục|chương trình|agenda|contents|outline|nội dung chính)\s*:?\s*$", re.IGNORECASE)
MAX_SLIDES = 300


class _Reader:
    def __init__(self) -> None:
        self.legacy: set[str] = set()

    def paragraph(self, paragraph: Any) -> str:
        segments = []
        for run in paragraph.runs:
            text = run.text
            kind = legacy_font(run.font.name)
            if kind:
                self.legacy.add("VNI" if kind == "vni" else "TCVN3 (ABC)")
                text = decode_font_text(text, kind)
            segments.append((text, bool(run.font.bold), bool(run.font.italic)))
        return clean_text(markdown_runs(segments))

    def frame(self, frame: Any) -> list[str]:
        return [text for text in (self.paragraph(p) for p in frame.paragraphs) if text]


def _shapes(shapes: Any) -> list[Any]:
    """Shapes in reading order (top to bottom, left to right), groups opened."""
    found = []
    for shape in shapes:
        if shape.shape_type is not None and int(shape.shape_type) == 6:  # MSO_SHAPE_TYPE.GROUP
            found.extend(_shapes(shape.shapes))
        else:
            found.append(shape)
    return sorted(found, key=lambda s: ((s.top or 0) // 20, s.left or 0))


def _is_title(shape: Any) -> bool:
    if not shape.is_placeholder:
        return False
    kind = str(shape.placeholder_format.type)
    return "TITLE" in kind and "SUBTITLE" not in kind


def _is_subtitle(shape: Any) -> bool:
    return shape.is_placeholder and "SUBTITLE" in str(shape.placeholder_format.type)


class PptxImporter(Importer):
    """PowerPoint .pptx decks."""

    name = "pptx"
    label = "PowerPoint (.pptx)"
    suffixes = (".pptx",)

    def import_into(
        self, source: Path, library: Path, progress: Progress | None = None, options: ImportOptions | None = None
    ) -> list[Imported]:
        from pptx import Presentation

        options = options or ImportOptions()
        check_package(source, "PowerPoint")
        try:
            deck = Presentation(str(source))
        except Exception as exc:  # python-pptx raises many kinds on damaged files
            raise damaged(source, "PowerPoint", exc) from None
        slides = list(deck.slides)
        if len(slides) > MAX_SLIDES:
            raise ImportFailed(source, "too-many-pages", count=len(slides), limit=MAX_SLIDES)
        reader = _Reader()
        drafts = [Draft(title=source.stem.replace("_", " "))]
        titled = False
        for number, slide in enumerate(slides):
            report(progress, 0.5 * number / max(len(slides), 1))
            layout = (slide.slide_layout.name or "").lower()
            shapes = _shapes(slide.shapes)
            title = ""
            subtitle: list[str] = []
            body: list[str] = []
            pictures: list[Picture] = []
            for shape in shapes:
                if _is_title(shape) and shape.has_text_frame and not title:
                    title = " ".join(reader.frame(shape.text_frame))
                elif _is_subtitle(shape) and shape.has_text_frame:
                    subtitle.extend(reader.frame(shape.text_frame))
                elif getattr(shape, "shape_type", None) is not None and int(shape.shape_type) == 13:  # PICTURE
                    try:
                        pictures.append(Picture(shape.image.blob, shape.image.filename or f"slide{number + 1}.png"))
                    except (AttributeError, KeyError, ValueError):
                        continue  # a linked picture has no bytes here, and is never fetched
                elif shape.has_text_frame:
                    body.extend(reader.frame(shape.text_frame))
                elif getattr(shape, "has_table", False) and shape.has_table:
                    for row in shape.table.rows:
                        cells = [clean_text(c.text) for c in row.cells if clean_text(c.text)]
                        if cells:
                            body.append(" | ".join(cells))
            notes = ""
            if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
                notes = "\n".join(reader.frame(slide.notes_slide.notes_text_frame))
            draft = drafts[-1]
            if (
                "title" in layout
                and "section" not in layout
                and not titled
                and not draft.steps
                and not pictures
                and (title or subtitle)
            ):
                draft.title, draft.summary, titled = title or draft.title, " ".join(subtitle), True
                continue
            if ("section" in layout or "tiêu đề phần" in layout) and not body and not pictures:
                if options.split:
                    if draft.steps:
                        drafts.append(Draft(title=title))
                    else:
                        draft.title = title or draft.title
                continue
            if AGENDA.match(title or ""):
                continue
            step = DraftStep(title=title, pictures=pictures, notes=[notes] if notes else [])
            mark = STEP_MARK.match(title)
            if mark and mark.group(2):
                step.title = mark.group(2)
            fill_step(step, subtitle + body)
            if not step.is_empty():
                draft.steps.append(step)
        for draft in drafts:
            draft.notes[:0] = [Note("review-legacy", {"encoding": name}) for name in sorted(reader.legacy)]
        return write_drafts(drafts, library, source, scaled(progress, 0.5, 1.0))
