"""Word documents (.docx): headings, numbered lists and 'Bước n' paragraphs become steps.

Read with python-docx (MIT). Pictures come out in document order and go to the step they stand in;
bold and italic survive as Markdown; tables become lines of text; runs set in the old `.Vn…` (TCVN3) or
`VNI-…` fonts are converted to Unicode. Nothing inside is run (no macros: .docm is not accepted) and no
linked (external) picture is fetched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trainer.exporters.base import report
from trainer.importers.base import Imported, Importer, ImportFailed, ImportOptions, Note, Progress, scaled
from trainer.importers.draft import Picture, write_drafts
from trainer.importers.encodings import decode_font_text, legacy_font
from trainer.importers.package import check_package
from trainer.importers.structure import Block, blocks_to_drafts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"


def markdown_runs(segments: list[tuple[str, bool, bool]]) -> str:
    """Markdown for (text, bold, italic) runs: neighbours with the same look are merged first, so a deck or
    document with one run per word gives '**Bấm Tiếp tục**', not '**Bấm** **Tiếp** **tục**'."""
    merged: list[list[Any]] = []
    for text, bold, italic in segments:
        if not text:
            continue
        if merged and (merged[-1][1], merged[-1][2]) == (bold, italic):
            merged[-1][0] += text
        elif merged and not text.strip():
            merged[-1][0] += text
        else:
            merged.append([text, bold, italic])
    out = []
    for text, bold, italic in merged:
        core = text.strip()
        if not core:
            out.append(text)
            continue
        mark = ("**" if bold else "") + ("*" if italic else "")
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(f"{lead}{mark}{core}{mark[::-1]}{trail}")
    return "".join(out)


def _numbering_formats(document: Any) -> dict[tuple[str, str], str]:
    """(numId, level) -> numFmt ('decimal', 'bullet', ...) from the document's numbering part."""
    formats: dict[tuple[str, str], str] = {}
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return formats
    abstract: dict[str, dict[str, str]] = {}
    for node in numbering.findall(f"{W}abstractNum"):
        levels = {}
        for lvl in node.findall(f"{W}lvl"):
            fmt = lvl.find(f"{W}numFmt")
            levels[lvl.get(f"{W}ilvl", "0")] = fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal"
        abstract[node.get(f"{W}abstractNumId", "")] = levels
    for num in numbering.findall(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        if ref is None:
            continue
        for level, fmt in abstract.get(ref.get(f"{W}val", ""), {}).items():
            formats[(num.get(f"{W}numId", ""), level)] = fmt
    return formats


class _Reader:
    def __init__(self, document: Any):
        self.document = document
        self.formats = _numbering_formats(document)
        self.legacy: set[str] = set()
        self.pictures = 0

    def heading_level(self, paragraph: Any) -> int | None:
        name = (paragraph.style.name if paragraph.style is not None else "") or ""
        lowered = name.lower()
        if lowered in ("title", "tiêu đề"):
            return 0
        for prefix in ("heading ", "tiêu đề ", "đề mục "):
            if lowered.startswith(prefix) and lowered[len(prefix) :].strip().isdigit():
                return int(lowered[len(prefix) :].strip())
        ppr = paragraph._p.pPr
        outline = ppr.find(f"{W}outlineLvl") if ppr is not None else None
        if outline is not None and str(outline.get(f"{W}val", "9")).isdigit() and int(outline.get(f"{W}val")) < 9:
            return int(outline.get(f"{W}val")) + 1
        return None

    def list_kind(self, paragraph: Any) -> str | None:
        ppr = paragraph._p.pPr
        num = ppr.numPr if ppr is not None else None
        name = ((paragraph.style.name if paragraph.style is not None else "") or "").lower()
        if num is None or num.numId is None:
            if "list number" in name:
                return "item"
            if "list bullet" in name:
                return "bullet"
            return None
        level = str(num.ilvl.val) if num.ilvl is not None else "0"
        fmt = self.formats.get((str(num.numId.val), level), "decimal")
        return "bullet" if fmt in ("bullet", "none") else "item"

    def run_text(self, run: Any) -> str:
        text = run.text
        kind = legacy_font(run.font.name) or legacy_font(getattr(getattr(run.style, "font", None), "name", None))
        if kind is None and run.font.name is None:
            kind = self.paragraph_font
        if kind:
            self.legacy.add("VNI" if kind == "vni" else "TCVN3 (ABC)")
            text = decode_font_text(text, kind)
        return text

    def paragraph_blocks(self, paragraph: Any) -> list[Block]:
        style_font = getattr(getattr(paragraph.style, "font", None), "name", None) if paragraph.style is not None else None
        self.paragraph_font = legacy_font(style_font)
        segments = [(self.run_text(run), bool(run.bold), bool(run.italic)) for run in paragraph.runs]
        text = markdown_runs(segments)
        blocks: list[Block] = []
        level = self.heading_level(paragraph)
        if text.strip():
            if level is not None:
                blocks.append(Block("heading", text.replace("*", ""), level=level))
            else:
                blocks.append(Block(self.list_kind(paragraph) or "para", text))
        for blip in paragraph._p.iter(A_BLIP):
            rid = blip.get(R_EMBED)
            part = self.document.part.related_parts.get(rid) if rid else None
            if part is None:  # a linked picture (r:link) is never fetched
                continue
            self.pictures += 1
            name = Path(str(getattr(part, "partname", f"image{self.pictures}"))).name
            blocks.append(Block("image", picture=Picture(part.blob, name)))
        return blocks

    def table_blocks(self, table: Any) -> list[Block]:
        blocks = []
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                    cells.append(text)
            if cells:
                blocks.append(Block("para", " | ".join(cells)))
        return blocks


def docx_blocks(source: Path, progress: Progress | None = None) -> tuple[list[Block], set[str]]:
    """The blocks of a .docx in reading order, and the legacy encodings found in it."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_package(source, "Word")
    try:
        document = docx.Document(str(source))
    except Exception as exc:  # python-docx raises many kinds (KeyError, ValueError, lxml errors) on damaged files
        raise ImportFailed(
            source, "damaged", kind="Word", detail=str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        ) from None
    reader = _Reader(document)
    body = list(document.element.body.iterchildren())
    blocks: list[Block] = []
    for index, child in enumerate(body):
        if index % 20 == 0:
            report(progress, 0.5 * index / max(len(body), 1))
        if child.tag == f"{W}p":
            blocks.extend(reader.paragraph_blocks(Paragraph(child, document)))
        elif child.tag == f"{W}tbl":
            blocks.extend(reader.table_blocks(Table(child, document)))
    return blocks, reader.legacy


class DocxImporter(Importer):
    """Word .docx files."""

    name = "docx"
    label = "Word (.docx)"
    suffixes = (".docx",)

    def import_into(
        self, source: Path, library: Path, progress: Progress | None = None, options: ImportOptions | None = None
    ) -> list[Imported]:
        options = options or ImportOptions()
        blocks, legacy = docx_blocks(source, progress)
        drafts = blocks_to_drafts(blocks, source.stem.replace("_", " "), options.split)
        for draft in drafts:
            draft.notes[:0] = [Note("review-legacy", {"encoding": name}) for name in sorted(legacy)]
        return write_drafts(drafts, library, source, scaled(progress, 0.5, 1.0))
