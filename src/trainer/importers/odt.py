"""OpenDocument text (.odt, LibreOffice Writer): the same rules as Word, read with odfpy (Apache-2.0)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trainer.exporters.base import report
from trainer.importers.base import Imported, Importer, ImportOptions, Progress, damaged, scaled
from trainer.importers.docx import markdown_runs
from trainer.importers.draft import Picture, write_drafts
from trainer.importers.package import check_package
from trainer.importers.structure import Block, blocks_to_drafts

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
XLINK = "http://www.w3.org/1999/xlink"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def _looks(document: Any) -> dict[str, tuple[bool, bool]]:
    """Style name -> (bold, italic) for the document's text styles."""
    looks: dict[str, tuple[bool, bool]] = {}
    for styles in (document.automaticstyles, document.styles):
        for style in styles.childNodes:
            name = style.attributes.get((STYLE, "name"))
            if not name:
                continue
            bold = italic = False
            for prop in style.childNodes:
                if getattr(prop, "qname", None) == (STYLE, "text-properties"):
                    bold = prop.attributes.get((FO, "font-weight")) == "bold"
                    italic = prop.attributes.get((FO, "font-style")) == "italic"
            looks[name] = (bold, italic)
    return looks


def _numbered_lists(document: Any) -> set[str]:
    """Names of list styles whose first level is numbered (not bullets)."""
    numbered = set()
    for styles in (document.automaticstyles, document.styles):
        for style in styles.childNodes:
            if getattr(style, "qname", None) != (TEXT, "list-style"):
                continue
            levels = [c for c in style.childNodes if getattr(c, "qname", (None, None))[0] == TEXT]
            if levels and levels[0].qname[1] == "list-level-style-number":
                numbered.add(style.attributes.get((STYLE, "name")))
    return numbered


class _Reader:
    def __init__(self, document: Any):
        self.document = document
        self.looks = _looks(document)
        self.numbered = _numbered_lists(document)
        self.blocks: list[Block] = []

    def segments(self, node: Any, look: tuple[bool, bool]) -> list[tuple[str, bool, bool]]:
        out: list[tuple[str, bool, bool]] = []
        for child in node.childNodes:
            if child.nodeType == child.TEXT_NODE:
                out.append((child.data, *look))
                continue
            qname = getattr(child, "qname", None)
            if qname == (TEXT, "s"):
                out.append((" " * int(child.attributes.get((TEXT, "c"), 1)), *look))
            elif qname in ((TEXT, "tab"), (TEXT, "line-break")):
                out.append((" ", *look))
            elif qname == (TEXT, "span"):
                out.extend(self.segments(child, self.looks.get(child.attributes.get((TEXT, "style-name"), ""), look)))
            elif qname in ((TEXT, "a"),):
                out.extend(self.segments(child, look))  # the link's text only: links are never followed
            elif qname == (DRAW, "frame"):
                self.pictures(child)
        return out

    def pictures(self, frame: Any) -> None:
        for image in frame.childNodes:
            if getattr(image, "qname", None) != (DRAW, "image"):
                continue
            href = image.attributes.get((XLINK, "href"), "")
            stored = self.document.Pictures.get(href)
            if stored is not None:  # an external (linked) picture is not in the package and never fetched
                self.pending.append(Block("image", picture=Picture(stored[1], Path(href).name)))

    def paragraph(self, node: Any, kind: str, level: int = 1) -> None:
        self.pending: list[Block] = []
        style = node.attributes.get((TEXT, "style-name"), "")
        text = markdown_runs(self.segments(node, self.looks.get(style, (False, False))))
        if text.strip():
            self.blocks.append(Block(kind, text.replace("*", "") if kind == "heading" else text, level=level))
        self.blocks.extend(self.pending)

    def walk(self, node: Any, list_kind: str | None = None) -> None:
        for child in node.childNodes:
            qname = getattr(child, "qname", None)
            if qname == (TEXT, "h"):
                level = int(child.attributes.get((TEXT, "outline-level"), 1) or 1)
                self.paragraph(child, "heading", level)
            elif qname == (TEXT, "p"):
                style = child.attributes.get((TEXT, "style-name"), "")
                self.paragraph(child, "heading" if style == "Title" else (list_kind or "para"), 0 if style == "Title" else 1)
            elif qname == (TEXT, "list"):
                style = child.attributes.get((TEXT, "style-name"), "")
                kind = "item" if style in self.numbered else (list_kind or "bullet")
                self.walk(child, kind)
            elif qname in ((TEXT, "list-item"), (TEXT, "section"), (TABLE, "table-cell")):
                self.walk(child, list_kind)
            elif qname == (TABLE, "table"):
                for row in child.getElementsByType(_row_class()):
                    cells = [" ".join(str(p) for p in cell.childNodes).strip() for cell in row.childNodes]
                    cells = [c for c in cells if c]
                    if cells:
                        self.blocks.append(Block("para", " | ".join(cells)))


def _row_class() -> Any:
    from odf.table import TableRow

    return TableRow


class OdtImporter(Importer):
    """OpenDocument text files (.odt)."""

    name = "odt"
    label = "OpenDocument (.odt)"
    suffixes = (".odt",)

    def import_into(
        self, source: Path, library: Path, progress: Progress | None = None, options: ImportOptions | None = None
    ) -> list[Imported]:
        from odf.opendocument import load

        options = options or ImportOptions()
        check_package(source, "OpenDocument")
        try:
            document = load(str(source))
            body = document.text
        except Exception as exc:  # odfpy raises KeyError, XML errors, AttributeError on damaged files
            raise damaged(source, "OpenDocument", exc) from None
        report(progress, 0.3)
        reader = _Reader(document)
        reader.walk(body)
        drafts = blocks_to_drafts(reader.blocks, source.stem.replace("_", " "), options.split)
        return write_drafts(drafts, library, source, scaled(progress, 0.4, 1.0))
