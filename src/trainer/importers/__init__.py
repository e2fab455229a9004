"""Every kind of source a guide can come from, one module each, listed in one dict.

What comes in mirrors what goes out (`trainer.exporters`): each importer says what it accepts and
creates draft guides with `import_into`; the CLI's `import` and the app's Import dialog only choose
one with `importer_for`. Modules load only when used, so python-docx or PDFium never slow the app's start.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from trainer.importers.base import Cancelled, Imported, Importer, ImportFailed, ImportOptions, Note, Progress

__all__ = [
    "BUILTIN",
    "Cancelled",
    "ImportFailed",
    "ImportOptions",
    "Imported",
    "Importer",
    "Note",
    "Progress",
    "accepted_suffixes",
    "get_importer",
    "importer_for",
    "importers",
]

# importer name -> "module:Class", in the order the dialog lists them.
BUILTIN: dict[str, str] = {
    "screenshots": "trainer.importers.screenshots:ScreenshotImporter",
    "docx": "trainer.importers.docx:DocxImporter",
    "odt": "trainer.importers.odt:OdtImporter",
    "pptx": "trainer.importers.pptx:PptxImporter",
    "pdf": "trainer.importers.pdf:PdfImporter",
    "text": "trainer.importers.text:TextImporter",
    "office97": "trainer.importers.office97:Office97Importer",
    "kit": "trainer.importers.kit:KitImporter",
}


def get_importer(name: str) -> Importer:
    """An importer instance by name (KeyError listing the names otherwise)."""
    if name not in BUILTIN:
        raise KeyError(f"unknown importer '{name}'; importers: {', '.join(BUILTIN)}")
    module_name, class_name = BUILTIN[name].split(":")
    return getattr(importlib.import_module(module_name), class_name)()


def importers() -> list[Importer]:
    """Every importer, in the dialog's order."""
    return [get_importer(name) for name in BUILTIN]


def accepted_suffixes() -> list[str]:
    """Every file suffix some importer reads ('.docx', ...)."""
    return [suffix for importer in importers() for suffix in importer.suffixes]


def importer_for(source: Path | str) -> Importer:
    """The importer that reads `source`; ImportFailed (one plain line) when none does or it does not exist."""
    source = Path(source)
    if not source.exists():
        raise ImportFailed(source, "not-found")
    for importer in importers():
        if importer.accepts(source):
            return importer
    known = ", ".join(accepted_suffixes()) + ", thư mục ảnh / picture folder"
    raise ImportFailed(source, "unknown-kind", suffix=source.suffix or source.name, known=known)
