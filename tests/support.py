"""Helpers shared by the tests: the bundled library and real client tools.

Tests import these with `from support import ...`; importing from `conftest` is ambiguous because
tests/ui has a conftest.py of its own.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import NoReturn

import pytest

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"


def pixels(image):  # type: ignore[no-untyped-def]
    """Every pixel of a Pillow image in order: Pillow 12.1 renamed getdata() (deprecated) to get_flattened_data()."""
    flattened = getattr(image, "get_flattened_data", None)
    return flattened() if flattened is not None else image.getdata()


def bundled_guide_dirs() -> list[Path]:
    """Every guide folder in content/, sorted."""
    return sorted(p.parent for p in CONTENT.glob("*/guide.md"))


# Every missing-tool skip says this, so tests/conftest.py can count them per tool at the end of the run.
MISSING = "missing system tool '{command}' (apt-get install {package}, or run tools/install-system-deps.sh)"


def in_ci() -> bool:
    """True under CI (CI=true or any non-empty value but 0/false), where a missing tool is a failure."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing_tool(command: str, package: str) -> NoReturn:
    """Skip the test naming the tool and its Debian package; under CI fail instead, since CI installs them all."""
    message = MISSING.format(command=command, package=package)
    if in_ci():
        pytest.fail(f"{message}: CI=true, so this test may not skip", pytrace=False)
    pytest.skip(message)


def require_tool(command: str, package: str) -> str:
    """Path of a system tool, or skip (fail under CI) naming the Debian package that provides it."""
    found = shutil.which(command)
    if found is None:
        missing_tool(command, package)
    return found


def require_tesseract_vie() -> str:
    """tesseract with Vietnamese data, or skip (fail under CI) naming the packages."""
    exe = require_tool("tesseract", "tesseract-ocr")
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True).stdout.split()
    if "vie" not in langs:
        missing_tool("tesseract -l vie", "tesseract-ocr-vie")
    return exe


def start_xvfb(width: int = 1366, height: int = 768) -> tuple[subprocess.Popen, str]:  # type: ignore[type-arg]
    """Start Xvfb on a display number it picks itself (-displayfd); return (process, ':N'). Skip without Xvfb."""
    exe = require_tool("Xvfb", "xvfb")
    read, write = os.pipe()
    proc = subprocess.Popen(
        [exe, "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        pytest.fail("Xvfb did not report a display number")
    return proc, f":{number}"


# -- readers that need no system tool (test dependencies: pypdf, pypdfium2, zxing-cpp) --------------------
# Each runs on every machine, so a bare one still checks a PDF's text, fonts and page sizes and every QR
# code; where the system tool is installed (always under CI) it reads the same file too and must agree.
def read_qr_codes(png: Path) -> list[str]:
    """The QR codes in a picture, sorted: decoded by zxing-cpp, and by zbarimg too where it is installed."""
    import zxingcpp
    from PIL import Image

    with Image.open(png) as image:
        results = zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    found = sorted(result.text for result in results)
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None and in_ci():
        missing_tool("zbarimg", "zbar-tools")
    if zbarimg:
        done = subprocess.run([zbarimg, "--quiet", "--raw", str(png)], capture_output=True, text=True)
        assert sorted(done.stdout.splitlines()) == found, f"{png.name}: zbarimg read {done.stdout.split()}, zxing-cpp {found}"
    return found


def pdf_pages_text(pdf: Path) -> list[str]:
    """The text of each page as pypdf extracts it (words may be separated by tabs or new lines)."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(pdf).pages]


def pdf_page_sizes(pdf: Path) -> list[tuple[int, int]]:
    """Each page's (width, height) in PostScript points, rounded, read by pypdf."""
    from pypdf import PdfReader

    return [(round(float(page.mediabox.width)), round(float(page.mediabox.height))) for page in PdfReader(pdf).pages]


def pdf_fonts(pdf: Path) -> set[tuple[str, bool]]:
    """(base font name, embedded) of every font any page uses, read by pypdf."""
    from pypdf import PdfReader

    fonts = set()
    for page in PdfReader(pdf).pages:
        for ref in page["/Resources"].get_object().get("/Font", {}).values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            fonts.add((str(font["/BaseFont"]).lstrip("/"), embedded))
    return fonts


def rasterize_pdf_page(pdf: Path, page: int, dpi: int, out: Path, gray: bool = False) -> list[Path]:
    """PNGs of one page (1-based): by PDFium (pypdfium2) always, and by poppler's pdftoppm where it is installed."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[page - 1].render(scale=dpi / 72, grayscale=gray).to_pil()
    finally:
        document.close()
    pngs = [out.with_name(out.name + "-pdfium.png")]
    image.save(pngs[0])
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None and in_ci():
        missing_tool("pdftoppm", "poppler-utils")
    if pdftoppm:
        prefix = out.with_name(out.name + "-poppler")
        extra = ["-gray"] if gray else []
        command = [
            pdftoppm,
            "-r",
            str(dpi),
            *extra,
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            "-png",
            str(pdf),
            str(prefix),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        pngs.append(prefix.with_name(prefix.name + ".png"))
    return pngs


# -- OCR ----------------------------------------------------------------------------------------------------
def ocr_vie(png: Path, *args: str) -> str:
    """What tesseract reads in a picture, in Vietnamese (skip locally, fail under CI, without it)."""
    exe = require_tesseract_vie()
    return subprocess.run([exe, str(png), "-", "-l", "vie", *args], capture_output=True, text=True, check=True).stdout


def normalized(text: str) -> str:
    """NFC, lower case, words only, single spaces: what 'the same characters' means for OCR."""
    text = re.sub(r"[^\w]+", " ", unicodedata.normalize("NFC", text).lower())
    return " ".join(text.split())


def best_similarity(title: str, ocr: str) -> float:
    """Highest character similarity of `title` to any stretch of the (normalized) OCR text of about its length."""
    wanted, best = normalized(title), 0.0
    for size in range(max(1, len(wanted) - 4), len(wanted) + 5):
        for start in range(0, max(1, len(ocr) - size + 1)):
            matcher = difflib.SequenceMatcher(None, wanted, ocr[start : start + size])
            if matcher.real_quick_ratio() <= best or matcher.quick_ratio() <= best:
                continue
            best = max(best, matcher.ratio())
    return best


# -- a guide whose screenshot shows personal data (privacy gate, kits, the editor's problem list) ----------
ID_GUIDE = """---
title: Xem thông tin định danh
slug: xem-dinh-danh
summary: Xem thông tin cá nhân trên VNeID.
topic: Định danh điện tử
valid_as_of: 2026-11-22
status: {status}
links:
- title: VNeID
  url: https://vneid.gov.vn
---

## Mở mục thông tin

Bấm **Thông tin cá nhân** để xem số định danh.

![Màn hình thông tin](images/info.png)
{annotations}
"""
# The guide.md line that names the screenshot: where the gate's errors point.
ID_GUIDE_IMAGE_LINE = ID_GUIDE.split("\n").index("![Màn hình thông tin](images/info.png)") + 1


def annotations_block(*marks: str) -> str:
    """The ```annotations block of a step holding these mark lines ('' for none)."""
    return "\n```annotations\n" + "\n".join(marks) + "\n```\n" if marks else ""


def write_id_guide(
    folder: Path, rows: list[tuple[str, str | None]], *, marks: tuple[str, ...] = (), status: str = "draft", size: int = 20
) -> dict[str, tuple[float, float, float, float]]:
    """A one-step guide 'xem-dinh-danh' in `folder` whose screenshot images/info.png shows `rows` (label, value)
    drawn as a phone screen; `marks` are its annotation lines. Returns each drawn value's relative box."""
    from privacy_screens import Row, draw_screen

    (folder / "images").mkdir(parents=True, exist_ok=True)
    boxes = draw_screen(folder / "images" / "info.png", [Row(label, value) for label, value in rows], size=size)
    write_id_guide_text(folder, *marks, status=status)
    return boxes


def write_id_guide_text(folder: Path, *marks: str, status: str = "draft") -> None:
    """(Re)write the guide.md of write_id_guide with these annotation lines."""
    (folder / "guide.md").write_text(ID_GUIDE.format(status=status, annotations=annotations_block(*marks)), encoding="utf-8")


def mark_around(kind: str, box: tuple[float, float, float, float], pad_x: float = 0.01, pad_y: float = 0.01) -> str:
    """An annotation line ('blur X1 Y1 X2 Y2') a little larger than a drawn value's box."""
    x0, y0, x1, y1 = box
    return f"{kind} {x0 - pad_x:.4f} {y0 - pad_y:.4f} {x1 + pad_x:.4f} {y1 + pad_y:.4f}"


def refused(fmt: str, guide, out: Path, options) -> str:  # type: ignore[no-untyped-def]
    """The message of an export that must fail: one line, no traceback, and nothing left in `out`."""
    from trainer.exporters import ExportError, get_exporter

    with pytest.raises(ExportError) as caught:
        get_exporter(fmt).export(guide, out, options)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert not out.exists() or list(out.iterdir()) == [], "an export that failed left files"
    return message
