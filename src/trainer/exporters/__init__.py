"""Every output format, one module each, listed in one dict.

Modules are imported only when their format is used, so heavy libraries (python-pptx, numpy)
never slow the app's start.
"""

from __future__ import annotations

import difflib
import importlib

from trainer.exporters.base import Cancelled, Exporter, ExportError, ExportOptions, Progress
from trainer.store.problems import say

__all__ = ["Cancelled", "ExportError", "ExportOptions", "Exporter", "Progress", "formats", "get_exporter"]

# format name -> "module:Class". A format appears here when its exporter exists.
BUILTIN: dict[str, str] = {
    "audio": "trainer.exporters.audio:AudioExporter",
    "clip": "trainer.exporters.clip:ClipExporter",
    "handout": "trainer.exporters.handout:HandoutExporter",
    "html": "trainer.exporters.html:HtmlExporter",
    "infographic": "trainer.exporters.infographic:InfographicExporter",
    "pptx": "trainer.exporters.pptx:PptxExporter",
}


def formats() -> list[str]:
    """Names of the formats that exist, in a stable order."""
    return list(BUILTIN)


def get_exporter(name: str) -> Exporter:
    """An exporter instance by format name; KeyError with 'did you mean' and the list otherwise."""
    if name not in BUILTIN:
        close = difflib.get_close_matches(name, BUILTIN, n=1)
        hint = say(" (có phải '{c}'?)", " (did you mean '{c}'?)", c=close[0]) if close else ""
        raise KeyError(
            say(
                "không có dạng xuất '{name}'{hint}; các dạng: {known}",
                "unknown format '{name}'{hint}; formats: {known}",
                name=name,
                hint=hint,
                known=", ".join(BUILTIN),
            )
        )
    module_name, class_name = BUILTIN[name].split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls()
