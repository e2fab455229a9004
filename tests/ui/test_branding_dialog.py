"""“Đơn vị” in the app: set the department's branding, export, and read it back from the PDF, the card and the PPTX."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image

from support import require_tesseract_vie, require_tool
from trainer.ui import app as app_module
from trainer.ui.branding_dialog import BrandingDialog, chosen_branding
from trainer.ui.export_dialog import ExportDialog

DEPARTMENT = "Sở Khoa học và Công nghệ tỉnh Lào Cai"
HOTLINE = "0214 3 555 666"


def transparent_logo(path: Path) -> Path:
    img = Image.new("RGBA", (320, 200), (0, 0, 0, 0))
    for x in range(60, 260):
        for y in range(40, 160):
            img.putpixel((x, y), (255, 255, 255, 255))
    img.save(path)
    return path


def test_branding_set_in_the_app_reaches_pdf_card_and_pptx(qtbot, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdftotext = require_tool("pdftotext", "poppler-utils")
    tesseract = require_tesseract_vie()
    window = app_module.MainWindow(library)
    qtbot.addWidget(window)
    assert window.open_guide(library / "dang-ky-vssid")
    dialog = BrandingDialog(library, window.doc.snapshot(), window)  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    dialog.department.setText(DEPARTMENT)
    dialog.short_name.setText("Sở KH&CN Lào Cai")
    dialog.hotlines.setText(HOTLINE)
    dialog.website.setText("https://sokhcn.laocai.gov.vn")
    dialog.logo.setText(str(transparent_logo(tmp_path / "logo.png")))
    dialog.primary.set_colour("#ffd23f")  # too light under white text: refused
    dialog._changed()
    assert not dialog.save_button.isEnabled() and "contrast" in dialog.verdict.text()
    dialog.primary.set_colour("#1d4d2b")
    dialog._changed()
    assert dialog.save_button.isEnabled(), dialog.verdict.text()
    dialog.refresh_preview()
    assert not dialog.card.pixmap().isNull() and not dialog.page.pixmap().isNull() and not dialog.slide.pixmap().isNull()
    dialog.save_button.click()
    assert dialog.saved is not None and dialog.saved.parent == library / "themes"
    assert chosen_branding(library) == str(dialog.saved) and window.current_theme() == str(dialog.saved)

    out = tmp_path / "out"
    export = ExportDialog(window.doc.snapshot(), out, window.current_theme(), open_folder=False, library=library)  # type: ignore[union-attr]
    qtbot.addWidget(export)
    assert export.theme_name() == str(dialog.saved) and export.theme.currentText() == "Sở KH&CN Lào Cai"
    export.select("handout", "infographic", "pptx")
    handout = next(b for b in export.boxes if b.name == "handout")
    handout.preset.setCurrentIndex(handout.preset.findData("a4"))
    export.start()
    qtbot.waitUntil(lambda: not export.running() and export.export_button.isEnabled(), timeout=240_000)
    assert export.errors == [], export.errors

    pdf = subprocess.run([pdftotext, str(out / "dang-ky-vssid-handout-a4.pdf"), "-"], capture_output=True, text=True, check=True)
    text = " ".join(pdf.stdout.split())
    assert DEPARTMENT.upper() in text or DEPARTMENT in text
    assert HOTLINE in text.replace("\u00a0", " ")

    cover = subprocess.run(
        [tesseract, str(out / "dang-ky-vssid-infographic-card-01.png"), "-", "-l", "vie"], capture_output=True, text=True
    ).stdout
    assert "Sở Khoa học và Công nghệ tỉnh Lào" in cover, cover
    cards = sorted(out.glob("dang-ky-vssid-infographic-card-*.png"))
    ending = subprocess.run([tesseract, str(cards[-1]), "-", "-l", "vie"], capture_output=True, text=True).stdout
    assert HOTLINE.replace(" ", "") in ending.replace(" ", ""), ending

    from pptx import Presentation

    deck = Presentation(str(out / "dang-ky-vssid-pptx.pptx"))
    words = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert DEPARTMENT in words and HOTLINE in words.replace("\u00a0", " ")
    window.doc.stack.setClean()  # type: ignore[union-attr]
