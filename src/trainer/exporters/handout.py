"""Printable handouts: `<slug>-handout-a4.pdf`, `-a5-booklet.pdf` and `-practice-card.pdf`.

The pages are painted by trainer.render.page into a QPdfWriter at 300 dpi: text stays text (fonts
embedded as subsets, searchable, NFC), QR codes are vector rectangles, screenshots are resampled to
about 200 dpi at their printed size. The A5 booklet is imposed two-up on landscape A4 sheets for
duplex printing with "flip on short edge". The app's print preview paints the same pages onto a
QPrinter with `trainer.render.page.paint_handout`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from PySide6.QtGui import QPdfWriter

from trainer.exporters.base import Exporter, ExportError, ExportOptions, Progress, report
from trainer.model import Guide
from trainer.render.page import PRESETS, PageFlowError, PictureError, paint_handout
from trainer.render.theme import Theme, ThemeError, load_theme
from trainer.store.atomic import atomic_path
from trainer.store.problems import say

# Printer resolution of the PDF's coordinate system; images are resampled separately (page.PRINT_IMAGE_DPI).
PDF_DPI = 300


@dataclass
class HandoutOptions(ExportOptions):
    """Theme and preset (a4, a5-booklet, practice-card; None makes all three)."""


class HandoutExporter(Exporter):
    """PDF handouts that team leaders print offline: A4 pages, an A5 booklet and a practice card."""

    name = "handout"
    label = "Printable handout (PDF: A4, A5 booklet, practice card)"
    label_vi = "Tài liệu in (PDF: A4, sổ tay A5, thẻ thực hành)"
    preset_labels: ClassVar[dict[str, tuple[str, str]]] = {
        "a4": ("Trang A4", "A4 pages"),
        "a5-booklet": ("Sổ tay A5 (in hai mặt, gấp đôi)", "A5 booklet (print both sides, fold)"),
        "practice-card": ("Thẻ thực hành", "Practice card"),
    }
    extension = "pdf"
    presets = PRESETS
    Options = HandoutOptions

    def export(self, guide: Guide, out_dir: Path, options: ExportOptions, progress: Progress | None = None) -> list[Path]:
        """Write the preset's PDF (or all three) into out_dir; on any error no file is left behind."""
        from trainer.render.gui import ensure_gui

        ensure_gui()
        try:
            theme = load_theme(options.theme)
        except ThemeError as exc:
            raise ExportError(str(exc)) from None
        presets = [options.preset] if options.preset else list(PRESETS)
        unknown = [p for p in presets if p not in PRESETS]
        if unknown:
            raise ExportError(
                say(
                    "tài liệu in không có kiểu '{p}'; các kiểu: {known}",
                    "handout: no preset '{p}'; presets: {known}",
                    p=unknown[0],
                    known=", ".join(PRESETS),
                )
            )
        targets = [Path(out_dir) / self.file_name(guide, preset) for preset in presets]
        # Every PDF goes to a temporary file first; they replace their targets together only when all succeeded.
        with contextlib.ExitStack() as stack:
            for number, (preset, target) in enumerate(zip(presets, targets, strict=True)):
                report(progress, number / len(presets))
                tmp = stack.enter_context(atomic_path(target))
                write_pdf(tmp, guide, theme, preset)
        report(progress, 1.0)
        return targets


def write_pdf(path: Path, guide: Guide, theme: Theme, preset: str) -> int:
    """Paint one preset into a PDF file at `path`; return its page count. ExportError names the guide file."""
    where = str(guide.path) if guide.path else guide.slug
    writer = QPdfWriter(str(path))
    try:
        writer.setResolution(PDF_DPI)
        if theme.grayscale:
            # Gray images and colours in the file itself: a black-and-white printer gets no colour to dither.
            writer.setColorModel(QPdfWriter.ColorModel.Grayscale)
        writer.setTitle(guide.title)
        writer.setCreator("Trainer")
        writer.setAuthor(theme.department or guide.author)
        pages = paint_handout(writer, guide, theme, preset)
    except PictureError as exc:
        raise ExportError(str(exc)) from None
    except PageFlowError as exc:
        line = guide.steps[exc.step_index].line if exc.step_index is not None else 0
        raise ExportError(f"{where}:{line}: {exc}" if line else f"{where}: {exc}") from None
    except OSError as exc:
        raise ExportError(f"{where}: " + say("không ghi được '{n}': {d}", "cannot write {n}: {d}", n=path.name, d=exc)) from None
    finally:
        # The file is complete only once the writer is gone; it must be before atomic_path renames it.
        del writer
    if not path.exists() or path.stat().st_size == 0:
        raise ExportError(
            f"{where}: " + say("không tạo được tệp PDF cho tài liệu in '{p}'", "Qt wrote no PDF for the {p} handout", p=preset)
        )
    return pages
