"""Redaction: the one place where pixels under a blur are destroyed and metadata is dropped.

Every path out of the machine goes through here: the render layer (so every export: infographic,
clip, handout, slides, PPTX, HTML) destroys blur regions with `destroy_regions` before any
resampling, and a kit's `source/` carries `redacted_bytes` of each image instead of the original.
The editor's library keeps its originals; `apply_permanently` replaces one when the editor asks.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from pathlib import Path

from PIL import Image, ImageDraw

from trainer.model import Annotation
from trainer.store.atomic import atomic_write_bytes
from trainer.store.media import open_image

PixelBox = tuple[int, int, int, int]
REDACT_COLOR = "#8c96a3"
# Pillow format per suffix for writing an image back under its own name (a .jpg stays a JPEG).
_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP", ".gif": "PNG", ".bmp": "BMP"}


def blur_boxes(marks: Iterable[Annotation], width: int, height: int) -> list[PixelBox]:
    """Pixel boxes (left, top, right, bottom) hidden by blur marks, rounded outwards."""
    boxes = []
    for mark in marks:
        if mark.kind != "blur":
            continue
        left, top, right, bottom = mark.rect()
        box = (math.floor(left * width), math.floor(top * height), math.ceil(right * width), math.ceil(bottom * height))
        if box[2] > box[0] and box[3] > box[1]:
            boxes.append(box)
    return boxes


def destroy_regions(img: Image.Image, boxes: list[PixelBox], color: str = REDACT_COLOR) -> Image.Image:
    """A copy of `img` with every box overwritten by a flat hatch that depends on nothing underneath."""
    out = img.copy()
    draw = ImageDraw.Draw(out)
    hatch = tuple(max(0, int(color[i : i + 2], 16) - 28) for i in (1, 3, 5))
    for left, top, right, bottom in boxes:
        draw.rectangle((left, top, right - 1, bottom - 1), fill=color)
        # Diagonal hatching says "hidden on purpose" (a plain grey box looks like a broken image).
        step = max(6, (bottom - top) // 3, (right - left) // 24)
        region = Image.new("RGB", (right - left, bottom - top), color)
        lines = ImageDraw.Draw(region)
        for x in range(-(bottom - top), right - left, step):
            lines.line((x, bottom - top, x + (bottom - top), 0), fill=hatch, width=max(1, step // 4))
        out.paste(region, (left, top))
    return out


def redacted_bytes(path: Path, marks: Iterable[Annotation], color: str = REDACT_COLOR) -> bytes:
    """The image file as it may leave the machine: upright, blur regions destroyed, no metadata
    (EXIF, GPS, text chunks, ICC), in the format its suffix names. MediaError when it cannot be read."""
    img = open_image(Path(path))
    boxes = blur_boxes(marks, img.width, img.height)
    if boxes:
        img = destroy_regions(img, boxes, color)
    fmt = _FORMATS.get(Path(path).suffix.lower(), "PNG")
    if fmt in ("JPEG", "BMP") and img.mode != "RGB":
        flat = Image.new("RGB", img.size, "#ffffff")
        flat.paste(img, mask=img.getchannel("A") if img.mode == "RGBA" else None)
        img = flat
    # A fresh image carries pixels only: nothing from the original file's headers comes along.
    bare = Image.new(img.mode, img.size)
    bare.frombytes(img.tobytes())
    out = io.BytesIO()
    options = {"quality": 95, "subsampling": 0} if fmt == "JPEG" else ({"lossless": True} if fmt == "WEBP" else {})
    bare.save(out, format=fmt, **options)
    return out.getvalue()


def apply_permanently(path: Path, marks: Iterable[Annotation], color: str = REDACT_COLOR) -> None:
    """Replace an original image by its redacted form (atomic): the hidden pixels are gone for good."""
    atomic_write_bytes(path, redacted_bytes(path, marks, color))
