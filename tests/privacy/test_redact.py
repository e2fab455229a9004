"""Redaction: pixels under a blur are replaced (not covered), everything else kept, metadata dropped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from support import pixels
from trainer.model import Annotation
from trainer.privacy.redact import apply_permanently, blur_boxes, destroy_regions, redacted_bytes


def photo(path: Path, fmt: str) -> Image.Image:
    """A noisy picture (no two neighbouring pixels alike) with EXIF GPS, saved as `fmt`."""
    img = Image.effect_noise((120, 200), 80).convert("RGB")
    exif = Image.Exif()
    exif[0x8825] = {2: (21.0, 1.0, 30.0)}
    img.save(path, format=fmt, exif=exif, **({"quality": 95} if fmt == "JPEG" else {}))
    return Image.open(path).convert("RGB")


@pytest.mark.parametrize(("name", "fmt"), [("a.png", "PNG"), ("a.jpg", "JPEG"), ("a.webp", "WEBP")])
def test_blur_region_is_destroyed_the_rest_kept_and_metadata_gone(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / name
    original = photo(path, fmt)
    mark = Annotation("blur", 0.25, 0.25, 0.75, 0.5)
    (box,) = blur_boxes([mark], *original.size)
    out = Image.open(io.BytesIO(redacted_bytes(path, [mark])))
    assert out.format == fmt and out.size == original.size
    assert not out.getexif() and "exif" not in out.info
    rgb = out.convert("RGB")
    hidden = rgb.crop(box)
    # What is there is the hatch, the same whatever was underneath (JPEG adds only its own ringing).
    hatch = destroy_regions(Image.new("RGB", original.size), [box]).crop(box)
    diff = sum(abs(a - b) for pa, pb in zip(pixels(hidden), pixels(hatch), strict=True) for a, b in zip(pa, pb, strict=True))
    assert diff / (hidden.width * hidden.height * 3) < (6 if fmt == "JPEG" else 0.01)
    assert sum(a == b for a, b in zip(pixels(hidden), pixels(original.crop(box)), strict=True)) == 0
    if fmt != "JPEG":  # lossless formats keep every other pixel exactly
        outside = (0, 0, original.width, box[1])
        assert rgb.crop(outside).tobytes() == original.crop(outside).tobytes()


def test_apply_permanently_replaces_the_original(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    photo(path, "PNG")
    before = path.read_bytes()
    apply_permanently(path, [Annotation("blur", 0.1, 0.1, 0.9, 0.2), Annotation("box", 0.0, 0.0, 1.0, 1.0)])
    after = path.read_bytes()
    assert after != before
    assert after == redacted_bytes(path, [Annotation("blur", 0.1, 0.1, 0.9, 0.2)])  # idempotent: nothing left to hide
