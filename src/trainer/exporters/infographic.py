"""Infographic exporter: a tall strip for phones and a numbered card set for carousel posts, PNG and JPEG.

Files written into OUT_DIR (slug = the guide's slug, NN = 01, 02, ... in reading order):

- `<slug>-infographic-strip.png` and `<slug>-infographic-strip.jpg`: one image 1080 px wide;
- `<slug>-infographic-card-NN.png` and `<slug>-infographic-card-NN.jpg`: 1080x1350 cards,
  card 01 the cover, 02.. one per step, the last one the hotline, official link and QR code.

Everything is rendered and encoded in memory first and then written through atomic temp files that
are renamed only when all of them are complete, so a bad input or a cancel leaves no partial file.
Size budgets (3G): the PNG strip is quantized to a palette and the JPEG strip gets the highest
quality that keeps it at most 1.5 MB (PNG) and 500 KB (JPEG). JPEGs are encoded with mozjpeg.
"""

from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from trainer.exporters.base import Cancelled, Exporter, ExportError, ExportOptions, Progress, report
from trainer.model import Guide
from trainer.store.problems import more_problems, say

PNG_BUDGET = 1_500_000
JPEG_BUDGET = 500_000
# mozjpeg quality settings, best first, finer where each step shows more. The floor, 30, was checked by
# eye at 2-5x on a large-print strip: body text, Vietnamese marks (hỏi vs sắc) and 10 px screenshot
# text stay clean. Below it the blocks with edge errors over 100 grey levels double every 5 steps.
JPEG_QUALITIES = (90, 85, 80, 75, 70, 65, 60, 55, 50, 45, 40, 36, 33, 30)
CARD_JPEG_QUALITY = 86


@dataclass
class InfographicOptions(ExportOptions):
    """Which encodings to write (both by default)."""

    png: bool = True
    jpeg: bool = True


def _to_pil(image):  # type: ignore[no-untyped-def]
    """QImage -> Pillow RGB image (a copy of the pixels)."""
    from PIL import Image
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    stride = rgb.bytesPerLine()
    data = bytes(rgb.constBits())
    return Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", stride, 1).copy()


def encode_png(img, budget: int | None = None) -> bytes:  # type: ignore[no-untyped-def]
    """PNG bytes with a 256-colour palette (flat drawings lose nothing visible); fewer colours if over budget."""
    from PIL import Image

    if img.mode != "RGB":  # a gray image quantizes to a palette of grays (smaller than 8-bit gray PNG)
        img = img.convert("RGB")
    data = b""
    for colors in (256, 128, 64):
        palette = img.quantize(colors=colors, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        # zlib level 9 costs ten times level 6 for ~9 % smaller files: only when the budget needs it.
        for level in (6, 9):
            out = io.BytesIO()
            palette.save(out, format="PNG", compress_level=level)
            data = out.getvalue()
            if budget is None or len(data) <= budget:
                return data
    return data


def _mozjpeg(img, quality: int) -> bytes:  # type: ignore[no-untyped-def]
    """One progressive JPEG from libvips' mozjpeg: trellis quantisation, optimised scans, no metadata."""
    import pyvips

    bands = len(img.getbands())
    pixels = pyvips.Image.new_from_memory(img.tobytes(), img.width, img.height, bands, "uchar")
    if bands == 1:
        pixels = pixels.copy(interpretation="b-w")
    # quant_table 3 is mozjpeg's own default (libvips defaults to the Annex K table). No overshoot
    # deringing: meant for black text on white, it broke stems of glyphs here (pixels off by 255 in
    # about 120 blocks of a large-print strip) and saved nothing. Chroma is 4:2:0 below quality 90.
    return pixels.jpegsave_buffer(
        Q=quality,
        keep="none",
        interlace=True,
        optimize_coding=True,
        trellis_quant=True,
        optimize_scans=True,
        quant_table=3,
    )


def encode_jpeg(img, budget: int | None = None, quality: int | None = None) -> bytes:  # type: ignore[no-untyped-def]
    """Progressive JPEG bytes: `quality`, or the highest quality in JPEG_QUALITIES that fits `budget`.

    mozjpeg (through libvips) rather than Pillow's libjpeg-turbo: on text-heavy strips its files are
    about 30 % smaller at the same quality setting, which is what lets large print fit 500 KB.
    """
    if quality or budget is None:
        return _mozjpeg(img, quality or JPEG_QUALITIES[0])
    # Bisection over the ladder (sizes fall as quality falls): 4 encodes instead of up to 14.
    low, high = 0, len(JPEG_QUALITIES) - 1
    best = None
    while low < high:
        middle = (low + high) // 2
        data = _mozjpeg(img, JPEG_QUALITIES[middle])
        if len(data) <= budget:
            best, high = data, middle
        else:
            low = middle + 1
    # Nothing above the floor fits: the floor it is, even if over (the benchmark reports it; text stays legible).
    return best if best is not None else _mozjpeg(img, JPEG_QUALITIES[-1])


class InfographicExporter(Exporter):
    """The strip and the card set, rendered by trainer.render and encoded with Pillow."""

    name = "infographic"
    label = "Infographic (long picture and 1080x1350 cards)"
    label_vi = "Ảnh thông tin (ảnh dài và bộ thẻ 1080x1350)"
    extension = "png"
    Options = InfographicOptions

    def export(self, guide: Guide, out_dir: Path, options: ExportOptions, progress: Progress | None = None) -> list[Path]:
        """Render, encode, then write every file atomically; return the paths written."""
        files = self.render(guide, options, progress)
        return write_all(Path(out_dir), files)

    def render(self, guide: Guide, options: ExportOptions, progress: Progress | None = None) -> list[tuple[str, bytes]]:
        """(file name, bytes) for every output, all in memory; raises ExportError on bad input."""
        from trainer.render.card import card_count, render_card
        from trainer.render.fit import fit_problems
        from trainer.render.gui import ensure_gui
        from trainer.render.image import StepImageError
        from trainer.render.strip import render_strip
        from trainer.render.theme import ThemeError, load_theme

        ensure_gui()
        png = getattr(options, "png", True)
        jpeg = getattr(options, "jpeg", True)
        if not (png or jpeg):
            raise ExportError(
                f"{guide.path or guide.slug}: "
                + say("ảnh tóm tắt: hãy chọn PNG, JPEG hoặc cả hai", "infographic: choose PNG, JPEG or both")
            )
        try:
            theme = load_theme(options.theme)
        except ThemeError as exc:
            raise ExportError(str(exc)) from None
        problems = [p for p in fit_problems(guide, options.theme, self.name) if p.severity == "error"]
        if problems:
            raise ExportError(f"{problems[0]}{more_problems(len(problems) - 1, guide.folder or guide.slug)}")
        stem = f"{guide.slug}-{self.name}"
        count = card_count(guide)
        total = 2 + count
        files: list[tuple[str, bytes]] = []
        try:
            report(progress, 0.0)
            # Grayscale themes are encoded with one channel: a third of the data, nothing lost.
            mode = "L" if theme.grayscale else "RGB"
            strip = _to_pil(render_strip(guide, theme)).convert(mode)
            report(progress, 1 / total)
            if png:
                files.append((f"{stem}-strip.png", encode_png(strip, PNG_BUDGET)))
            if jpeg:
                files.append((f"{stem}-strip.jpg", encode_jpeg(strip, JPEG_BUDGET)))
            report(progress, 2 / total)
            for index in range(count):
                card = _to_pil(render_card(guide, theme, index)).convert(mode)
                if png:
                    files.append((f"{stem}-card-{index + 1:02d}.png", encode_png(card)))
                if jpeg:
                    files.append((f"{stem}-card-{index + 1:02d}.jpg", encode_jpeg(card, quality=CARD_JPEG_QUALITY)))
                report(progress, (3 + index) / total)
        except StepImageError as exc:
            raise ExportError(str(exc)) from None
        except (OSError, ValueError, MemoryError) as exc:
            raise ExportError(
                f"{guide.path or guide.slug}: " + say("ảnh tóm tắt: chi tiết kỹ thuật: “{d}”", "infographic: {d}", d=exc)
            ) from None
        except Cancelled:
            raise
        return files


def write_all(out_dir: Path, files: list[tuple[str, bytes]]) -> list[Path]:
    """Write every (name, bytes) into out_dir; temp files are renamed only once all are written."""
    from trainer.store.atomic import atomic_path

    targets = [out_dir / name for name, _ in files]
    with contextlib.ExitStack() as stack:
        for target, (_, data) in zip(targets, files, strict=True):
            tmp = stack.enter_context(atomic_path(target))
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
    return targets
