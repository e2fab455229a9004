"""Handout PDFs checked with the tools a print shop would use: qpdf, pdffonts, pdftotext, pdfimages, pdftoppm + zbarimg.

The essentials (text, fonts, page sizes, QR codes) are also read with pure-Python readers (pypdf, PDFium,
zxing-cpp), so a machine without those tools still checks them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from support import (
    REPO,
    bundled_guide_dirs,
    in_ci,
    pdf_fonts,
    pdf_page_sizes,
    pdf_pages_text,
    rasterize_pdf_page,
    read_qr_codes,
    require_tool,
)
from trainer.exporters import Cancelled, ExportError, get_exporter
from trainer.exporters.handout import PRESETS, HandoutExporter
from trainer.model import Guide
from trainer.render.imposition import booklet_sides
from trainer.store import load_guide

THEMES = ("default", "grayscale", "large-print")
# A4 portrait, A4 landscape (two A5 pages per side), A5 portrait, in PostScript points.
PAGE_SIZES = {"a4": (595, 842), "a5-booklet": (842, 595), "practice-card": (420, 595)}
pytestmark = [pytest.mark.xdist_group("handout")]


class Exports:
    """Every bundled guide exported once per theme (all three presets), shared by the tests below."""

    def __init__(self, root: Path):
        self.root = root
        self.done: dict[tuple[str, str], dict[str, Path]] = {}

    def get(self, folder: Path, theme: str) -> tuple[Guide, dict[str, Path]]:
        guide = load_guide(folder)
        key = (guide.slug, theme)
        if key not in self.done:
            exporter = HandoutExporter()
            paths = exporter.export(guide, self.root / theme, exporter.Options(theme=theme))
            self.done[key] = dict(zip(PRESETS, paths, strict=True))
        return guide, self.done[key]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Exports:
    return Exports(tmp_path_factory.mktemp("handouts"))


def run(*command: str | Path) -> str:
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{command[0]} failed ({done.returncode}): {done.stderr}{done.stdout}"
    return done.stdout


def pdf_text(pdf: Path, *args: str) -> str:
    require_tool("pdftotext", "poppler-utils")
    return run("pdftotext", *args, pdf, "-")


def flat(text: str) -> str:
    """Whitespace collapsed, so a title wrapped over two lines still matches."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    """Page sizes in points as pypdf reads them; poppler's pdfinfo must agree where it is installed."""
    sizes = pdf_page_sizes(pdf)
    if shutil.which("pdfinfo") or in_ci():
        require_tool("pdfinfo", "poppler-utils")
        info = run("pdfinfo", "-f", "1", "-l", "999", pdf)
        poppler = [(round(float(w)), round(float(h))) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]
        assert poppler == sizes, f"{pdf.name}: pdfinfo {poppler}, pypdf {sizes}"
    return sizes


def hotline(theme: str) -> str:
    from trainer.render.theme import load_theme

    return load_theme(theme).hotline


# -- every bundled guide, every theme ----------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("theme", THEMES)
def test_every_guide_exports_three_valid_pdfs(exports: Exports, bundled_guide_dir: Path, theme: str) -> None:
    require_tool("qpdf", "qpdf")
    require_tool("pdffonts", "poppler-utils")
    guide, pdfs = exports.get(bundled_guide_dir, theme)
    assert {p.name for p in pdfs.values()} == {f"{guide.slug}-handout-{preset}.pdf" for preset in PRESETS}
    assert not [p for p in pdfs["a4"].parent.iterdir() if ".part" in p.name], "a temporary file was left behind"
    for preset, pdf in pdfs.items():
        check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert check.returncode == 0, f"{pdf.name}: {check.stdout}{check.stderr}"
        sizes = page_sizes(pdf)
        assert sizes and set(sizes) == {PAGE_SIZES[preset]}, f"{pdf.name}: {sizes}"
        fonts = run("pdffonts", pdf).splitlines()[2:]
        assert fonts, f"{pdf.name} has no fonts: its text would not be text"
        for row in fonts:
            name, emb = row.split()[0], row.split()[-5]
            assert "BeVietnamPro" in name and emb == "yes", f"{pdf.name}: font not embedded or not ours: {row}"
    # Subset fonts: the card carries two or three faces yet is smaller than one whole bundled font file.
    smallest_font = min(f.stat().st_size for f in (REPO / "src" / "trainer" / "resources" / "fonts").glob("*.ttf"))
    assert pdfs["practice-card"].stat().st_size < smallest_font
    if theme == "default":  # the "1-2 pages for a typical guide"; bundled guides are typical
        assert len(page_sizes(pdfs["a4"])) <= 2
        assert len(page_sizes(pdfs["practice-card"])) == 1
    else:  # large print may need the back of the card
        assert len(page_sizes(pdfs["practice-card"])) <= 2


@pytest.mark.slow
@pytest.mark.parametrize("theme", THEMES)
def test_text_is_searchable_nfc_with_every_step_and_the_way_back(exports: Exports, bundled_guide_dir: Path, theme: str) -> None:
    guide, pdfs = exports.get(bundled_guide_dir, theme)
    for preset in ("a4", "a5-booklet"):
        raw = pdf_text(pdfs[preset])
        assert unicodedata.is_normalized("NFC", raw), f"{preset}: text is not NFC"
        text = flat(raw)
        for step in guide.steps:
            assert flat(step.title) in text, f"{preset}: step title '{step.title}' not found"
        assert guide.version in text
        assert guide.valid_as_of is not None and guide.valid_as_of.strftime("%d/%m/%Y") in text
        assert hotline(theme) in text
        joined = "".join(raw.split())  # URLs may wrap anywhere; their characters stay in order
        for url in filter(None, (guide.official_url, guide.online_url)):
            assert url in joined, f"{preset}: URL {url} is not printed as text"
        if preset == "a5-booklet":
            assert "lật theo cạnh ngắn" in text and "flip on short edge" in text
    card = flat(pdf_text(pdfs["practice-card"]))
    assert all(flat(f"{n}. {step.title}") in card for n, step in enumerate(guide.steps, 1))
    assert "Số điện thoại đăng ký" in card and "OTP" in card


@pytest.mark.slow
def test_text_fonts_and_page_sizes_read_back_without_system_tools(exports: Exports, bundled_guide_dir: Path) -> None:
    """pypdf alone: every preset's page size, only Be Vietnam Pro embedded, NFC text with every step and the way back."""
    guide, pdfs = exports.get(bundled_guide_dir, "default")
    for preset, pdf in pdfs.items():
        sizes = pdf_page_sizes(pdf)
        assert sizes and set(sizes) == {PAGE_SIZES[preset]}, f"{pdf.name}: {sizes}"
        fonts = pdf_fonts(pdf)
        assert fonts and all(name.split("+")[-1].startswith("BeVietnamPro-") and embedded for name, embedded in fonts), fonts
        raw = "\n".join(pdf_pages_text(pdf))
        assert unicodedata.is_normalized("NFC", raw), f"{pdf.name}: text is not NFC"
        text = flat(raw)
        for number, step in enumerate(guide.steps, 1):
            title = f"{number}. {step.title}" if preset == "practice-card" else step.title
            assert flat(title) in text, f"{pdf.name}: step title '{title}' not found"
        assert hotline("default") in text, pdf.name
        assert guide.official_url and guide.official_url in "".join(raw.split()), pdf.name
        if preset != "practice-card":
            assert guide.version in text and guide.valid_as_of and guide.valid_as_of.strftime("%d/%m/%Y") in text


def last_page_side(pdf: Path) -> int:
    """The booklet PDF page (1-based sheet side) that carries the last A5 page, where the way-back box is."""
    total = int(re.findall(r"Trang\s+\d+/(\d+)", pdf_pages_text(pdf)[0])[0])
    return next(i for i, side in enumerate(booklet_sides(total), 1) if total in (side.left, side.right))


@pytest.mark.slow
def test_qr_codes_decode_to_the_exact_urls(exports: Exports, bundled_guide_dir: Path, tmp_path: Path) -> None:
    guide = load_guide(bundled_guide_dir)
    expected = sorted(filter(None, (guide.official_url, guide.online_url)))
    assert expected, "every bundled guide has an official link"
    for theme, presets in (("default", PRESETS), ("grayscale", ("a5-booklet",))):
        _, pdfs = exports.get(bundled_guide_dir, theme)
        for preset in presets:
            pdf = pdfs[preset]
            # The way-back box ends the guide: last page of A4 and card, the side holding the booklet's last page.
            page = last_page_side(pdf) if preset == "a5-booklet" else len(page_sizes(pdf))
            for png in rasterize_pdf_page(pdf, page, 150, tmp_path / f"{theme}-{preset}", gray=theme == "grayscale"):
                found = read_qr_codes(png)
                assert found == expected, f"{png.name}: QR codes {found}, expected {expected}"


@pytest.mark.slow
def test_booklet_sheets_carry_the_imposed_pages(exports: Exports, bundled_guide_dir: Path) -> None:
    guide, pdfs = exports.get(bundled_guide_dir, "default")
    pdf = pdfs["a5-booklet"]
    sides = page_sizes(pdf)
    numbers = []
    for side in range(1, len(sides) + 1):
        halves = []
        for x in (0, 421):
            text = pdf_text(pdf, "-f", str(side), "-l", str(side), "-r", "72", "-x", str(x), "-y", "0", "-W", "421", "-H", "595")
            found = re.findall(r"Trang (\d+)/(\d+)", text)
            halves.append((int(found[0][0]), int(found[0][1])) if found else (None, None) if not text.strip() else ("text", None))
        numbers.append(halves)
    total = max(n for side in numbers for n, _ in side if isinstance(n, int))
    assert all(t in (None, total) for side in numbers for _, t in side)
    expected = booklet_sides(total)
    assert [(left, right) for (left, _), (right, _) in numbers] == [(s.left, s.right) for s in expected]


@pytest.mark.slow
@pytest.mark.parametrize("theme", ["default", "grayscale"])
def test_images_are_downsampled_to_print_resolution(exports: Exports, theme: str) -> None:
    require_tool("pdfimages", "poppler-utils")
    for folder in bundled_guide_dirs():
        guide, pdfs = exports.get(folder, theme)
        rows = [r.split() for r in run("pdfimages", "-list", pdfs["a4"]).splitlines()[2:]]
        assert len(rows) == sum(1 for s in guide.steps if s.image), f"{guide.slug}: one image per step image"
        for row in rows:
            color, x_ppi, y_ppi = row[5], float(row[12]), float(row[13])
            assert 150 <= x_ppi <= 215 and 150 <= y_ppi <= 215, f"{guide.slug}: image at {x_ppi}x{y_ppi} ppi"
            assert color == ("gray" if theme == "grayscale" else "rgb")


# -- printed text size ----------------------------------------------------------------------------
def word_sizes(pdf: Path) -> list[tuple[str, float]]:
    """(word, font size in points) from pdftotext -bbox: a word's box is (ascent + descent) x size tall."""
    from PySide6.QtGui import QFontMetricsF

    from trainer.render.fonts import make_font
    from trainer.render.gui import ensure_gui

    ensure_gui()
    metrics = QFontMetricsF(make_font(1000))
    em_height = (metrics.ascent() + metrics.descent()) / 1000
    words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', pdf_text(pdf, "-bbox"))
    return [(w, (float(y2) - float(y1)) / em_height) for y1, y2, w in words]


def tokens(text: str) -> set[str]:
    return {t.strip(".,:;!?()*_\"'“”") for t in unicodedata.normalize("NFC", text).split()} - {""}


@pytest.mark.slow
@pytest.mark.parametrize(("theme", "minimum"), [("default", 11.0), ("large-print", 14.0)])
def test_body_text_prints_at_least_the_minimum_size(exports: Exports, theme: str, minimum: float) -> None:
    from trainer.render.labels import word
    from trainer.render.theme import load_theme

    department = load_theme(theme).department
    for folder in bundled_guide_dirs():
        guide, pdfs = exports.get(folder, theme)
        # Only these may be smaller than body text: footer, meta line, department, callout labels, reprint hint.
        small_print = tokens(
            " ".join(
                [guide.title, guide.version, guide.audience, department.upper(), word(guide, "hotline", hotline=hotline(theme))]
                + [word(guide, k).upper() for k in ("tip", "warning", "caution")]
                + ["Phiên bản phiên bản Cập nhật ngày cập nhật Khoảng phút Dành cho Trang · / In lại tập gấp này"]
                + ["in hai mặt trên giấy A4, chọn lật theo cạnh ngắn (flip on short edge)."]
            )
        ) | {guide.valid_as_of.strftime("%d/%m/%Y") if guide.valid_as_of else ""}
        body_words = {t for t in set().union(*(tokens(s.text) for s in guide.steps)) - small_print if not t.isdigit()}
        for preset in ("a4", "a5-booklet"):
            sizes = word_sizes(pdfs[preset])
            too_small = sorted(
                {
                    w
                    for w, size in sizes
                    # Numbers are step badges, page numbers and minutes; '…' ends the footer's shortened title.
                    if size < minimum - 0.05
                    and w.strip(".,:;!?()*_\"'“”") not in small_print
                    and not re.fullmatch(r"[\d/]+|.*…", w)
                }
            )
            assert not too_small, f"{guide.slug} {preset}: printed below {minimum} pt: {too_small[:10]}"
            body_sizes = [size for w, size in sizes if w.strip(".,:;!?()*_\"'“”") in body_words]
            assert body_sizes and min(body_sizes) >= minimum - 0.05, (
                f"{guide.slug} {preset}: step text at {min(body_sizes or [0]):.2f} pt"
            )


@pytest.mark.parametrize("dpi", [72, 96, 300, 600, 1200])
def test_print_style_never_rounds_body_text_below_the_minimum(dpi: int) -> None:
    from trainer.render.gui import ensure_gui
    from trainer.render.page import print_style
    from trainer.render.theme import load_theme

    ensure_gui()
    for theme, minimum in (("default", 11.0), ("grayscale", 11.0), ("large-print", 14.0)):
        style = print_style(load_theme(theme), dpi)
        assert style.body().pixelSize() * 72 / dpi >= minimum
        assert style.scale * load_theme(theme).size("body") * 72 / dpi >= minimum


# -- the same painter on a printer ------------------------------------------------------------------
def test_paint_handout_paints_a_qprinter_like_the_pdf_writer(exports: Exports, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from trainer.render.page import paint_handout
    from trainer.render.theme import load_theme

    folder = bundled_guide_dirs()[0]
    guide, pdfs = exports.get(folder, "default")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = paint_handout(printer, guide, load_theme("default"), "a5-booklet")
    del printer
    assert page_sizes(tmp_path / "printed.pdf") == page_sizes(pdfs["a5-booklet"])
    assert pages == len(page_sizes(pdfs["a5-booklet"]))

    # Same words in the same order; only the footer's shortened title may differ by a letter at another dpi.
    def body(pdf: Path) -> str:
        return flat("\n".join(line for line in pdf_text(pdf).splitlines() if "phiên bản" not in line))

    assert body(tmp_path / "printed.pdf") == body(pdfs["a5-booklet"])


# -- errors: one plain line, no file ------------------------------------------------------------------
@pytest.fixture
def guide_copy(tmp_path: Path) -> Path:
    source = next(f for f in bundled_guide_dirs() if any(s.image for s in load_guide(f).steps))
    target = tmp_path / source.name
    shutil.copytree(source, target)
    return target


def image_of(folder: Path) -> Path:
    step = next(s for s in load_guide(folder).steps if s.image)
    assert step.image
    return folder / step.image


def assert_nothing_written(out: Path) -> None:
    assert not out.exists() or not list(out.iterdir()), f"files left behind: {list(out.iterdir())}"


def test_missing_image_names_guide_and_image_and_writes_nothing(guide_copy: Path, tmp_path: Path) -> None:
    image = image_of(guide_copy)
    image.unlink()
    out = tmp_path / "out"
    with pytest.raises(ExportError) as caught:
        get_exporter("handout").export(load_guide(guide_copy), out, HandoutExporter.Options())
    message = str(caught.value)
    assert "guide.md" in message and image.name in message and "\n" not in message
    assert_nothing_written(out)


def test_corrupt_image_names_guide_and_image_and_writes_nothing(guide_copy: Path, tmp_path: Path) -> None:
    image = image_of(guide_copy)
    image.write_bytes(image.read_bytes()[:200])  # a PNG cut off mid-download
    out = tmp_path / "out"
    with pytest.raises(ExportError) as caught:
        HandoutExporter().export(load_guide(guide_copy), out, HandoutExporter.Options(preset="a4"))
    assert "guide.md" in str(caught.value) and image.name in str(caught.value)
    assert_nothing_written(out)


@pytest.mark.parametrize("preset", ["a4", "a5-booklet"])
def test_step_too_tall_for_the_page_names_the_step_and_writes_nothing(guide_copy: Path, tmp_path: Path, preset: str) -> None:
    guide = load_guide(guide_copy)
    step = guide.steps[1]
    step.text = "\n\n".join(f"Dòng hướng dẫn số {n} rất dài để không vừa một trang giấy." for n in range(80))
    out = tmp_path / "out"
    with pytest.raises(ExportError) as caught:
        HandoutExporter().export(guide, out, HandoutExporter.Options(preset=preset))
    message = str(caught.value)
    assert step.title in message and "too tall" in message and f"guide.md:{step.line}" in message
    assert_nothing_written(out)


def test_a_failing_preset_leaves_none_of_the_others(guide_copy: Path, tmp_path: Path) -> None:
    guide = load_guide(guide_copy)
    # Fits A4 columns? No matter: 30 steps cannot fit one practice card, which is exported last.
    guide.steps = guide.steps * 6
    out = tmp_path / "out"
    with pytest.raises(ExportError):
        HandoutExporter().export(guide, out, HandoutExporter.Options())
    assert_nothing_written(out)


def test_cancel_leaves_no_file(guide_copy: Path, tmp_path: Path) -> None:
    calls: list[float] = []

    def progress(fraction: float) -> None:
        calls.append(fraction)
        if len(calls) == 2:  # after the A4 PDF was painted
            raise Cancelled

    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        HandoutExporter().export(load_guide(guide_copy), out, HandoutExporter.Options(), progress)
    assert_nothing_written(out)


def test_registered_with_its_presets() -> None:
    exporter = get_exporter("handout")
    assert exporter.presets == ("a4", "a5-booklet", "practice-card")
    assert exporter.file_name(load_guide(bundled_guide_dirs()[0]), "a4").endswith("-handout-a4.pdf")


@pytest.mark.slow
def test_a_guide_with_an_online_copy_gets_a_second_labelled_qr(guide_copy: Path, tmp_path: Path) -> None:
    guide = load_guide(guide_copy)
    guide.online_url = f"https://example.gov.vn/huong-dan/{guide.slug}?ban=in-a4&nguon=tap-gap"
    pdfs = dict(zip(PRESETS, HandoutExporter().export(guide, tmp_path / "out", HandoutExporter.Options()), strict=True))
    expected = sorted([guide.official_url, guide.online_url])
    for preset, pdf in pdfs.items():
        page = last_page_side(pdf) if preset == "a5-booklet" else len(page_sizes(pdf))
        for png in rasterize_pdf_page(pdf, page, 150, tmp_path / preset):
            assert read_qr_codes(png) == expected, f"{png.name}"
        assert guide.online_url in "".join("".join(pdf_pages_text(pdf)).split())


@pytest.mark.slow
@pytest.mark.parametrize("theme", ["default", "large-print"])
def test_words_to_know_box_lists_the_guides_terms(exports: Exports, theme: str) -> None:
    """The A4 handout of vneid-kich-hoat explains the glossary terms that guide uses, and only those."""
    from trainer.store.glossary import guide_glossary
    from trainer.terms import terms_used

    guide, pdfs = exports.get(REPO / "content" / "vneid-kich-hoat", theme)
    glossary = guide_glossary(guide)
    used = terms_used(guide, glossary)
    assert {u.term.term for u in used} >= {"OTP", "passcode", "mức 2"}
    for preset in ("a4", "a5-booklet"):
        text = flat(pdf_text(pdfs[preset]))
        assert "Từ cần biết" in text
        for use in used:
            shown = use.term.term[:1].upper() + use.term.term[1:]
            where = f" (bước {use.step + 1})" if use.step is not None else ""
            assert f"{shown}{where}: {use.term.explanation}" in text, (preset, shown)
        for term in glossary:
            if term not in [u.term for u in used]:
                assert f"{term.explanation}" not in text, term.term


def test_no_box_without_a_glossary(tmp_path: Path) -> None:
    """A guide in a library with no glossary.yml prints no empty "Từ cần biết" box."""
    shutil.copytree(REPO / "content" / "vneid-kich-hoat", tmp_path / "lib" / "vneid-kich-hoat")
    guide = load_guide(tmp_path / "lib" / "vneid-kich-hoat")
    exporter = HandoutExporter()
    paths = exporter.export(guide, tmp_path / "out", exporter.Options(preset="a4"))
    assert "Từ cần biết" not in flat(pdf_text(paths[0]))
