"""QR codes decode (zxing-cpp, and zbarimg where installed) to the exact URL, as images and as vector rectangles in a PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication, QPageSize, QPainter, QPdfWriter

from support import rasterize_pdf_page, read_qr_codes
from trainer.render.gui import ensure_gui
from trainer.render.qr import paint_qr, qr_image

URL = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=12&lang=vi"


@pytest.fixture(autouse=True)
def gui(qapp: QGuiApplication) -> None:
    ensure_gui()


@pytest.mark.parametrize("size", [120, 333])
def test_qr_image_decodes_to_the_exact_url(tmp_path: Path, size: int) -> None:
    image = qr_image(URL, size)
    assert (image.width(), image.height()) == (size, size)
    image.save(str(tmp_path / "qr.png"))
    assert read_qr_codes(tmp_path / "qr.png") == [URL]


def test_qr_in_pdf_is_vector_and_decodes(tmp_path: Path) -> None:
    pdf = tmp_path / "qr.pdf"
    writer = QPdfWriter(str(pdf))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    writer.setResolution(300)
    painter = QPainter(writer)
    paint_qr(painter, QRectF(100, 100, 800, 800), URL)
    painter.end()
    assert not PdfReader(pdf).pages[0].images, "the QR must be drawn as rectangles, not embedded as a picture"
    for png in rasterize_pdf_page(pdf, 1, 150, tmp_path / "page"):
        assert read_qr_codes(png) == [URL], png.name
