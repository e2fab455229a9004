"""PDF: a deck saved by LibreOffice gives one step per slide; a manual gives its numbered steps with their pictures."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from documents import STEPS, deck, word_with_pictures
from importing import COLOURS, cli_import, colour_of, errors, near, snapshot
from PIL import Image

from support import require_tool
from trainer.importers import ImportFailed, importer_for
from trainer.store import load_guide

pytestmark = pytest.mark.slow


def to_pdf(source: Path) -> Path:
    """`source` converted to PDF by LibreOffice, as a department would save it."""
    soffice = require_tool("soffice", "libreoffice-impress")
    profile = (source.parent / "lo-profile").resolve().as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(source.parent),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return source.with_suffix(".pdf")


def test_deck_saved_as_pdf_gives_one_step_per_slide(tmp_path: Path, library: Path) -> None:
    source = to_pdf(deck(tmp_path / "tap huan.pptx"))
    (result,) = importer_for(source).import_into(source, library)
    guide = load_guide(result.path)
    assert guide.title == "Đăng ký tài khoản VssID"
    assert [s.title for s in guide.steps] == [t for t, _ in STEPS]  # cover page -> title, agenda page left out
    for number, (step, (_, detail)) in enumerate(zip(guide.steps, STEPS, strict=True)):
        assert step.text == detail
        assert step.image is not None and near(colour_of(result.path, step.image), COLOURS[number], 16)
    assert errors(result.path) == []


def test_word_manual_saved_as_pdf_keeps_pictures_with_their_steps(tmp_path: Path, library: Path) -> None:
    source = to_pdf(word_with_pictures(tmp_path / "so tay.docx"))
    (result,) = importer_for(source).import_into(source, library)
    guide = load_guide(result.path)
    assert [s.title for s in guide.steps] == [t for t, _ in STEPS]
    for number, step in enumerate(guide.steps):
        assert step.image is not None and near(colour_of(result.path, step.image), COLOURS[number], 16), number
    assert guide.steps[1].callouts and guide.steps[1].callouts[0].kind == "warning"
    assert errors(result.path) == []


def test_scanned_encrypted_and_huge_pdfs_are_refused_in_one_line(tmp_path: Path, library: Path) -> None:
    import pypdfium2 as pdfium

    scan = tmp_path / "bản quét.pdf"
    Image.new("RGB", (600, 800), (250, 250, 250)).save(scan)
    big = tmp_path / "500 trang.pdf"
    document = pdfium.PdfDocument.new()
    for _ in range(500):
        document.new_page(595, 842).close()
    document.save(str(big))
    document.close()
    qpdf = require_tool("qpdf", "qpdf")
    plain = to_pdf(deck(tmp_path / "deck.pptx"))
    locked = tmp_path / "có mật khẩu.pdf"
    subprocess.run([qpdf, "--encrypt", "mk123", "mk456", "256", "--", str(plain), str(locked)], check=True)
    before = snapshot(library)
    for source, words in ((scan, "scan"), (big, "500 pages"), (locked, "password")):
        with pytest.raises(ImportFailed) as caught:
            importer_for(source).import_into(source, library)
        assert str(source) in str(caught.value) and words in str(caught.value) and "\n" not in str(caught.value)
        result = cli_import(source, library)
        assert result.returncode == 1 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert snapshot(library) == before and list(library.iterdir()) == []
