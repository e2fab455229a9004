"""QR codes decode (zbarimg) to the exact URL, as images and as vector rectangles in a PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication, QPageSize, QPainter, QPdfWriter

from support import require_tool
from trainer.render.gui import ensure_gui
from trainer.render.qr import paint_qr, qr_image

URL = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=12&lang=vi"


@pytest.fixture(autouse=True)
def gui(qapp: QGuiApplication) -> None:
    ensure_gui()


def zbar(path: Path) -> str:
    exe = require_tool("zbarimg", "zbar-tools")
    return subprocess.run([exe, "--quiet", "--raw", str(path)], capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.parametrize("size", [120, 333])
def test_qr_image_decodes_to_the_exact_url(tmp_path: Path, size: int) -> None:
    image = qr_image(URL, size)
    assert (image.width(), image.height()) == (size, size)
    image.save(str(tmp_path / "qr.png"))
    assert zbar(tmp_path / "qr.png") == URL


def test_qr_in_pdf_is_vector_and_decodes(tmp_path: Path) -> None:
    pdftoppm = require_tool("pdftoppm", "poppler-utils")
    pdfimages = require_tool("pdfimages", "poppler-utils")
    pdf = tmp_path / "qr.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    writer.setResolution(300)
    painter = QPainter(writer)
    paint_qr(painter, QRectF(100, 100, 800, 800), URL)
    painter.end()
    listing = subprocess.run([pdfimages, "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(listing.strip().splitlines()) == 2, "the QR must be drawn as rectangles, not embedded as a picture"
    subprocess.run([pdftoppm, "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    assert zbar(tmp_path / "page.png") == URL
