"""PDF manuals and decks saved as PDF: text and embedded pictures, by 'Bước n'/numbered steps or by page.

Read with pypdfium2 (Apache-2.0/BSD-3; PDFium ships inside the wheel); PyMuPDF is AGPL, see pyproject.
A PDF made from slides (landscape pages, no step marks) gives one step per page. Pictures are cut into
the text where they stand on the page, so each attaches to the step it illustrates. A scanned PDF has
no text to read, and the import says so instead of making empty steps. Links and scripts are ignored.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any

from trainer.exporters.base import report
from trainer.importers.base import Imported, Importer, ImportFailed, ImportOptions, Progress, check_file, damaged, scaled
from trainer.importers.draft import Draft, DraftStep, Picture, clean_text, write_drafts
from trainer.importers.messages import say
from trainer.importers.pptx import AGENDA
from trainer.importers.structure import NUMBERED, STEP_MARK, Block, blocks_to_drafts, fill_step, text_blocks
from trainer.store.media import MAX_IMAGE_PIXELS

MAX_PAGES = 300  # the VNeID manual of Bộ Công an has 135 pages
MAX_PDF_BYTES = 300_000_000
MIN_PICTURE_SIDE = 80  # smaller images are icons, bullets and rules, not screenshots


def _paragraph_text(text: str) -> str:
    """PDF text has a line break at every visual line: end a paragraph only after a sentence or a short line."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    longest = max((len(line) for line in lines), default=0)
    out: list[str] = []
    for line in lines:
        out.append(line)
        if not line:
            continue
        if line.endswith((".", "!", "?", ":", "…")) or len(line) < 0.6 * longest:
            out.append("")
    return "\n".join(out)


def _pictures(page: Any, number: int) -> list[tuple[float, Picture]]:
    """(top of the picture on the page, picture) for each real picture of a page, largest pictures only."""
    import pypdfium2.raw as pdfium_c

    found: list[tuple[float, Picture]] = []
    for index, obj in enumerate(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3)):
        try:
            width, height = obj.get_px_size()
            if min(width, height) < MIN_PICTURE_SIDE:
                continue
            name = f"trang-{number}-hinh-{index + 1}"
            if width * height > MAX_IMAGE_PIXELS:
                too_large = say("picture-too-large", size=f"{width}x{height}, ", limit=MAX_IMAGE_PIXELS // 1_000_000)
                found.append((obj.get_bounds()[3], Picture(b"", name, problem=too_large)))
                continue
            image = obj.get_bitmap(render=False).to_pil()
            buffer = io.BytesIO()
            image.convert("RGB" if image.mode not in ("RGB", "RGBA") else image.mode).save(buffer, format="PNG")
            found.append((obj.get_bounds()[3], Picture(buffer.getvalue(), name)))
        except Exception:  # noqa: BLE001 - PDFium raises plain errors on broken image streams; the picture is left out
            continue
    return found


def _bands(textpage: Any, cuts: list[float]) -> tuple[list[str], str]:
    """The page's text split at each height in `cuts` (top to bottom), and the whole text.

    Characters are placed by their own boxes: PDFium's bounded extraction drops characters whose box
    pokes outside the page (LibreOffice's decks do that), and decomposed accents must stay with their letter.
    """
    whole = textpage.get_text_range()
    bands = ["" for _ in range(len(cuts) + 1)]
    band = 0
    for index, char in enumerate(whole):
        left, bottom, right, top = textpage.get_charbox(index)
        if char not in "\r\n" and (left, bottom, right, top) != (0, 0, 0, 0) and not unicodedata.combining(char):
            middle = (bottom + top) / 2
            band = sum(1 for cut in cuts if middle < cut)
        bands[band] += char
    return bands, whole


def _page_blocks(page: Any, number: int) -> tuple[list[Block], str]:
    """A page's blocks in reading order (text bands between pictures), and its whole text."""
    textpage = page.get_textpage()
    try:
        pictures = sorted(_pictures(page, number), key=lambda item: -item[0])
        bands, whole = _bands(textpage, [top for top, _ in pictures])
        blocks: list[Block] = []
        for band, (_, picture) in zip(bands, pictures, strict=False):
            blocks.extend(text_blocks(_paragraph_text(band)))
            blocks.append(Block("image", picture=picture))
        blocks.extend(text_blocks(_paragraph_text(bands[-1])))
        return blocks, whole
    finally:
        textpage.close()


class PdfImporter(Importer):
    """PDF files with text (not scans)."""

    name = "pdf"
    label = "PDF"
    suffixes = (".pdf",)

    def import_into(
        self, source: Path, library: Path, progress: Progress | None = None, options: ImportOptions | None = None
    ) -> list[Imported]:
        import pypdfium2 as pdfium

        options = options or ImportOptions()
        check_file(source, MAX_PDF_BYTES)
        try:
            document = pdfium.PdfDocument(str(source))
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise ImportFailed(source, "encrypted") from None
            raise damaged(source, "PDF", exc) from None
        try:
            pages = len(document)
            if pages > MAX_PAGES:
                raise ImportFailed(source, "too-many-pages", count=pages, limit=MAX_PAGES)
            if pages == 0:
                raise ImportFailed(source, "no-content")
            per_page: list[tuple[list[Block], str, bool]] = []
            for index in range(pages):
                report(progress, 0.6 * index / pages)
                page = document[index]
                try:
                    width, height = page.get_size()
                    blocks, whole = _page_blocks(page, index + 1)
                finally:
                    page.close()
                per_page.append((blocks, whole, width > height))
        except pdfium.PdfiumError as exc:
            raise damaged(source, "PDF", exc) from None
        finally:
            document.close()
        if not any(clean_text(whole) for _, whole, _ in per_page):
            raise ImportFailed(source, "scanned-pdf")
        all_blocks = [block for blocks, _, _ in per_page for block in blocks]
        marked = any(STEP_MARK.match(b.text) or NUMBERED.match(b.text) or b.kind == "item" for b in all_blocks)
        slides = sum(1 for _, _, landscape in per_page if landscape) > len(per_page) / 2
        title = source.stem.replace("_", " ")
        if slides and not marked:
            drafts = [self._by_page(per_page, title)]
        else:
            drafts = blocks_to_drafts(all_blocks, title, options.split)
        return write_drafts(drafts, library, source, scaled(progress, 0.6, 1.0))

    @staticmethod
    def _by_page(per_page: list[tuple[list[Block], str, bool]], title: str) -> Draft:
        """One step per page (slides saved as PDF): the first line is the step title; the first page is the cover."""
        draft = Draft(title=title)
        for number, (blocks, whole, _) in enumerate(per_page):
            lines = [clean_text(line) for line in whole.splitlines() if clean_text(line)]
            heading = lines[0] if lines else ""
            rest = [clean_text(b.text) for b in text_blocks(_paragraph_text("\n".join(lines[1:])))]
            texts = ([heading] if heading else []) + [t for t in rest if t]
            pictures = [b.picture for b in blocks if b.kind == "image" and b.picture is not None]
            if number == 0 and not pictures and texts:
                draft.title, draft.summary = texts[0], " ".join(texts[1:])
                continue
            if texts and AGENDA.match(texts[0]):
                continue
            step = DraftStep(title=texts[0] if texts else "", pictures=pictures)
            fill_step(step, texts[1:])
            if not step.is_empty():
                draft.steps.append(step)
        return draft
