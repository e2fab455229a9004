"""Markdown and plain text, in UTF-8/16, Windows-1258, TCVN3 (ABC) or VNI: our own guide.md round-trips."""

from __future__ import annotations

from pathlib import Path

from trainer.exporters.base import report
from trainer.importers.base import Imported, Importer, ImportFailed, ImportOptions, Note, Progress, check_file
from trainer.importers.draft import Draft, DraftStep, Picture, write_drafts
from trainer.importers.encodings import ENCODING_LABELS, decode_bytes
from trainer.importers.structure import blocks_to_drafts, text_blocks
from trainer.model import Guide
from trainer.store.guide_file import parse_guide
from trainer.store.media import MediaError, resolve_inside

MAX_TEXT_BYTES = 5_000_000


def read_source_bytes(source: Path, limit: int) -> bytes:
    """The bytes of a source file, refusing what is missing or larger than `limit`."""
    check_file(source, limit)
    try:
        return source.read_bytes()
    except OSError as exc:
        raise ImportFailed(source, "unreadable", detail=exc.strerror or exc) from None


def _guide_draft(guide: Guide, folder: Path) -> Draft:
    """A Trainer guide read back as a draft: every step as it is, its pictures from its own folder."""
    draft = Draft(title=guide.title, summary=guide.summary, intro=[guide.intro] if guide.intro else [])
    for step in guide.steps:
        pictures = []
        if step.image:
            try:
                pictures.append(Picture(resolve_inside(folder, step.image), step.image))
            except MediaError:
                pass
        draft.steps.append(
            DraftStep(
                title=step.title,
                paragraphs=[step.text] if step.text else [],
                pictures=pictures,
                callouts=list(step.callouts),
                notes=[step.notes] if step.notes else [],
                annotations=list(step.annotations),
            )
        )
    return draft


class TextImporter(Importer):
    """Markdown (.md) and text (.txt) files; a Trainer guide.md keeps its steps, pictures and marks."""

    name = "text"
    label = "Markdown / text"
    suffixes = (".md", ".markdown", ".txt", ".text")

    def import_into(
        self, source: Path, library: Path, progress: Progress | None = None, options: ImportOptions | None = None
    ) -> list[Imported]:
        options = options or ImportOptions()
        data = read_source_bytes(source, MAX_TEXT_BYTES)
        text, encoding = decode_bytes(data)
        report(progress, 0.1)
        folder = source.parent
        notes = [Note("review-legacy", {"encoding": ENCODING_LABELS[encoding]})] if encoding in ("tcvn3", "vni", "cp1258") else []
        drafts: list[Draft]
        guide = None
        if text.lstrip().startswith("---"):
            guide, _problems = parse_guide(text, source)
        if guide is not None and guide.steps:
            drafts = [_guide_draft(guide, folder)]
        else:

            def picture(src: str) -> Picture | None:
                # Only pictures beside the file: never a web address, never a path leading out of the folder.
                if "://" in src or src.startswith("data:"):
                    return None
                try:
                    return Picture(resolve_inside(folder, src), src)
                except MediaError:
                    return None

            drafts = blocks_to_drafts(text_blocks(text, picture), source.stem.replace("_", " "), options.split)
        for draft in drafts:
            draft.notes[:0] = notes
        return write_drafts(drafts, library, source, progress)
