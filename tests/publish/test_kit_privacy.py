"""Nothing that leaves holds the pixels under a blur: a published kit (folder and ZIP, source/ included)
carries redacted images without metadata; publish refuses an unblurred ID; verify fails a kit whose
source images still show one. Read back with Pillow (pixels, metadata) and tesseract (text)."""

from __future__ import annotations

import base64
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from support import ID_GUIDE_IMAGE_LINE, require_tesseract_vie, write_id_guide, write_id_guide_text
from trainer.publish import publish, verify
from trainer.publish.kit import write_manifest, write_team_kit
from trainer.store import load_guide

ID = "001 089 012345"
# What tesseract must read of the ID in the original (it may merge the first digit with the text above).
ID_TAIL = "089012345"


def make_library(root: Path, blurred: bool) -> tuple[Path, tuple[int, int, int, int]]:
    """A one-guide library whose screenshot shows an ID (with EXIF and a text chunk); returns the blur box in pixels."""
    folder = root / "lib" / "xem-dinh-danh"
    image = folder / "images" / "info.png"
    boxes = write_id_guide(folder, [("Số định danh cá nhân", ID)], status="reviewed", size=26)
    x0, y0, x1, y1 = boxes[ID]
    x0, y0, x1, y1 = x0 - 0.02, y0 - 0.01, x1 + 0.02, y1 + 0.01
    with Image.open(image) as img:
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"  # Make
        exif[0x8825] = {2: (21.0, 1.0, 30.0)}  # GPSInfo: latitude
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "chụp tại nhà, 12 Lý Thường Kiệt")
        img.save(image, exif=exif, pnginfo=info)
        width, height = img.size
    if blurred:
        write_id_guide_text(folder, f"blur {x0:.4f} {y0:.4f} {x1:.4f} {y1:.4f}", status="reviewed")
    pixel_box = (int(x0 * width) + 1, int(y0 * height) + 1, int(x1 * width) - 1, int(y1 * height) - 1)
    return folder.parent, pixel_box


def kit_images(kit: Path, archive: Path) -> dict[str, bytes]:
    """Every image in the kit folder and its ZIP: files, PPTX media and the HTML page's data: URIs."""
    found: dict[str, bytes] = {}

    def add(name: str, data: bytes) -> None:
        if name.lower().endswith((".png", ".jpg", ".jpeg", ".webp")):
            found[name] = data
        elif name.endswith(".pptx"):
            with zipfile.ZipFile(io.BytesIO(data)) as pptx:
                for member in pptx.namelist():
                    if member.startswith("ppt/media/"):
                        add(f"{name}!{member}", pptx.read(member))
        elif name.endswith(".html"):
            for i, encoded in enumerate(re.findall(r"data:image/(?:png|jpeg);base64,([A-Za-z0-9+/=]+)", data.decode("utf-8"))):
                found[f"{name}#{i}"] = base64.b64decode(encoded)

    for path in kit.rglob("*"):
        if path.is_file():
            add(str(path.relative_to(kit)), path.read_bytes())
    with zipfile.ZipFile(archive) as package:
        for member in package.namelist():
            add(f"zip:{member}", package.read(member))
    return found


def read_digits(tesseract: str, data: bytes, tmp: Path) -> str:
    """The digits tesseract reads in an image (spaces dropped), upscaled so small text is legible."""
    with Image.open(io.BytesIO(data)) as img:
        # Through RGBA: some outputs are palette PNGs with transparency, which Pillow warns about going straight to RGB.
        big = img.convert("RGBA").convert("RGB").resize((img.width * 2, img.height * 2))
    path = tmp / "ocr.png"
    big.save(path)
    text = subprocess.run([tesseract, str(path), "-", "-l", "vie"], capture_output=True, text=True).stdout
    return re.sub(r"\D", "", text)


@pytest.mark.slow
def test_kit_holds_no_pixel_under_the_blur_and_no_metadata(tmp_path: Path) -> None:
    tesseract = require_tesseract_vie()
    library, (left, top, right, bottom) = make_library(tmp_path, blurred=True)
    original = Image.open(library / "xem-dinh-danh" / "images" / "info.png").convert("RGB")
    # The oracle can fail: tesseract reads the ID in the original screenshot.
    assert ID_TAIL in read_digits(tesseract, (library / "xem-dinh-danh" / "images" / "info.png").read_bytes(), tmp_path)
    out = tmp_path / "dist"
    summary = publish(library, out, formats=["html", "pptx"])
    assert summary.ok, summary.failures
    images = kit_images(out / "xem-dinh-danh", out / "xem-dinh-danh.zip")
    sources = {name: data for name, data in images.items() if "source/images/" in name}
    assert len(sources) == 2  # the folder's and the ZIP's
    for name, data in sources.items():
        with Image.open(io.BytesIO(data)) as img:
            assert "exif" not in img.info and not img.getexif() and not getattr(img, "text", {}), name
            assert img.size == original.size
            under = img.convert("RGB").crop((left, top, right, bottom)).tobytes()
        before = original.crop((left, top, right, bottom)).tobytes()
        same = sum(1 for i in range(0, len(under), 3) if under[i : i + 3] == before[i : i + 3])
        assert same == 0, f"{name}: {same} pixels under the blur still match the original"
    assert len(images) > len(sources)
    for name, data in images.items():
        assert ID_TAIL not in read_digits(tesseract, data, tmp_path), name
    assert verify(out / "xem-dinh-danh").ok and verify(out / "xem-dinh-danh.zip").ok


def test_publish_refuses_a_guide_with_an_unblurred_id(tmp_path: Path) -> None:
    library, _ = make_library(tmp_path, blurred=False)
    summary = publish(library, tmp_path / "dist", formats=["html"])
    assert [f.slug for f in summary.failures] == ["xem-dinh-danh"]
    message = summary.failures[0].message
    assert f"guide.md:{ID_GUIDE_IMAGE_LINE}: personal data in image 'images/info.png' (ID number)" in message
    assert not (tmp_path / "dist" / "xem-dinh-danh.zip").exists()


def test_verify_fails_a_kit_whose_source_image_still_shows_the_id(tmp_path: Path) -> None:
    library, _ = make_library(tmp_path, blurred=True)
    out = tmp_path / "dist"
    assert publish(library, out, formats=["html"]).ok
    kit = out / "xem-dinh-danh"
    # Someone swaps the original back in and rebuilds the manifest so the files check out.
    (kit / "source" / "images" / "info.png").write_bytes((library / "xem-dinh-danh" / "images" / "info.png").read_bytes())
    guide = load_guide(kit / "source")
    write_manifest(guide, kit, "2026-11-22T00:00:00Z")
    outputs = [p.name for p in kit.iterdir() if p.is_file() and p.name != "manifest.json"]
    write_team_kit(guide, kit, out / "xem-dinh-danh.zip", "2026-11-22T00:00:00Z", outputs, "default", small=False)
    for target in (kit, out / "xem-dinh-danh.zip"):
        result = verify(target)
        assert not result.missing and not result.corrupted and not result.extra
        assert not result.ok
        assert len(result.personal_data) == 1 and "source/images/info.png" in result.personal_data[0]
        assert "ID number" in result.personal_data[0]
