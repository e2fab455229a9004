"""QR codes to the official link (segno), painted as rectangles: crisp in PNGs, vector in PDFs."""

from __future__ import annotations

import math
from functools import lru_cache

import segno
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from trainer import links

# Transforms under which device pixels stay whole pixels (no scaling): a grid can be kept.
_SHIFTS = (QTransform.TransformationType.TxNone, QTransform.TransformationType.TxTranslate)
# The quiet zone scanners need around the code, in modules (the QR standard asks for 4).
QUIET_ZONE = 4


@lru_cache(maxsize=32)
def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """The QR module matrix for `url` (error correction M), without the quiet zone."""
    code = segno.make(url, error="m", micro=False, boost_error=False)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def paint_qr(
    painter: QPainter,
    rect: QRectF,
    url: str,
    dark: QColor | str = "#000000",
    light: QColor | str = "#ffffff",
    *,
    grid: int = 0,
) -> QRectF:
    """Paint a square QR code (with its quiet zone) centred in rect; return the square used.

    `grid` (raster only): modules a multiple of `grid` pixels, placed on the image's `grid`-pixel
    grid when that fits. With 8, every 8x8 JPEG block is all dark or all light and is stored without
    loss: a strongly compressed JPEG (mozjpeg's trellis quantisation) cannot blur the code, which
    otherwise made zbar miss it at some positions of the code on the page.
    """
    matrix = qr_matrix(url)
    modules = len(matrix) + 2 * QUIET_ZONE
    side = min(rect.width(), rect.height())
    if links.safe_for_qr(url) is None:
        # Defence in depth: a code that would open javascript:, file: or data: is never drawn (check refuses it first).
        return QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
    module = side / modules
    raster = painter.device() is not None and painter.device().devType() in (2, 3)  # QImage/QPixmap
    # On raster devices whole-pixel modules keep every edge sharp, which scanners like best.
    if raster and module >= 2:
        module = float(int(module))
    transform = painter.worldTransform()
    on_grid = raster and grid > 1 and module >= grid and transform.type() in _SHIFTS
    if on_grid:
        module = float(int(module) // grid * grid)
    side = module * modules
    square = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
    if on_grid:
        corner = transform.map(square.topLeft())
        snapped = QPointF(math.floor(corner.x() / grid) * grid, math.floor(corner.y() / grid) * grid)
        square.moveTopLeft(square.topLeft() + snapped - corner)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QColor(0, 0, 0, 0))
    painter.fillRect(square, QColor(light))
    ink = QColor(dark)
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            # One rectangle per run of dark modules: no hairline seams between neighbours.
            painter.fillRect(
                QRectF(
                    square.left() + (start + QUIET_ZONE) * module,
                    square.top() + (y + QUIET_ZONE) * module,
                    (x - start) * module,
                    module,
                ),
                ink,
            )
    painter.restore()
    return square


def qr_image(url: str, size: int | QSize) -> QImage:
    """A square QImage of the QR code for `url`, `size` pixels on a side."""
    side = size if isinstance(size, int) else min(size.width(), size.height())
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_qr(painter, QRectF(0, 0, side, side), url)
    painter.end()
    return image
