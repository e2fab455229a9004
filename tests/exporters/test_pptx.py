"""Editable PowerPoint: reopened with python-pptx, converted by LibreOffice, QR read by zxing-cpp and zbarimg."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

from support import CONTENT, bundled_guide_dirs, pixels, read_qr_codes, require_tool
from trainer.cli import main
from trainer.exporters import get_exporter
from trainer.exporters.base import ExportError
from trainer.exporters.pptx import MIN_PT, PptxOptions, inline_runs, markdown_paragraphs
from trainer.model import Guide
from trainer.render.theme import load_theme, theme_names
from trainer.store import load_guide

# Every test here shares the session's exports and LibreOffice run: keep them on one xdist worker
# (`make test` runs with --dist loadgroup) so the decks are made and converted once, not once per worker.
pytestmark = pytest.mark.xdist_group("pptx")

GUIDES = bundled_guide_dirs()


SECRET_RED = (250, 10, 10)
FRONT = """---
title: Kiểm tra làm mờ
slug: {slug}
summary: Hình có vùng làm mờ.
topic: Thử nghiệm
valid_as_of: 2026-11-22
links:
- title: Cổng định danh điện tử
  url: https://vneid.gov.vn
status: reviewed
---
"""


def plain(text: str) -> str:
    """Whitespace collapsed: PowerPoint and pdftotext wrap lines where they like."""
    return re.sub(r"\s+", " ", text).strip()


def slide_texts(slide) -> list[str]:  # type: ignore[no-untyped-def]
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame and shape.text_frame.text.strip()]


def runs_of(slide):  # type: ignore[no-untyped-def]
    for shape in slide.shapes:
        if shape.has_text_frame:
            for paragraph in shape.text_frame.paragraphs:
                yield from paragraph.runs


class _MarkdownText(HTMLParser):
    """Collects the text of each paragraph or list item, and its bold parts, from python-markdown's HTML."""

    BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6")

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.bold: list[str] = []
        self._bold_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCKS:
            self.blocks.append("")
        elif tag in ("strong", "b"):
            self._bold_depth += 1
            self.bold.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("strong", "b"):
            self._bold_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.blocks:
            self.blocks.append("")
        self.blocks[-1] += data
        if self._bold_depth:
            self.bold[-1] += data


def expected_text(markdown_text: str) -> tuple[list[str], set[str]]:
    """(paragraph texts, bold texts) of step Markdown as python-markdown reads it: an independent parser."""
    parser = _MarkdownText()
    parser.feed(markdown.markdown(markdown_text))
    return [plain(b) for b in parser.blocks if plain(b)], {plain(b) for b in parser.bold if plain(b)}


# -- Markdown to runs (no Qt) --------------------------------------------------------------------------
def test_inline_emphasis_becomes_runs() -> None:
    runs = inline_runs("Bấm **Gửi yêu cầu** rồi *chờ* một chút, ***rất*** quan trọng")
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("Bấm ", False, False),
        ("Gửi yêu cầu", True, False),
        (" rồi ", False, False),
        ("chờ", False, True),
        (" một chút, ", False, False),
        ("rất", True, True),
        (" quan trọng", False, False),
    ]


def test_links_code_and_escapes() -> None:
    runs = inline_runs(r"Vào [Cổng DVC](https://dichvucong.gov.vn), gõ `VNeID`, giá 5\*2")
    assert [r.text for r in runs] == ["Vào ", "Cổng DVC", ", gõ ", "VNeID", ", giá 5*2"]
    assert runs[1].link == "https://dichvucong.gov.vn"


def test_snake_case_is_not_italic() -> None:
    assert [(r.text, r.italic) for r in inline_runs("ten_tep_anh va 2*3*4")] == [("ten_tep_anh va 2*3*4", False)]


def test_paragraphs_and_lists() -> None:
    paragraphs = markdown_paragraphs("Mở ứng dụng.\nBấm nút.\n\n- Một\n- **Hai**\n  tiếp\n\n1. Đầu\n2. Sau")
    assert [(p.bullet, p.text) for p in paragraphs] == [
        ("", "Mở ứng dụng. Bấm nút."),
        ("•", "Một"),
        ("•", "Hai tiếp"),
        ("1.", "Đầu"),
        ("2.", "Sau"),
    ]
    assert paragraphs[2].runs[0].bold


# -- every bundled guide --------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Guide, Path]]:
    """Each bundled guide exported once (default theme), shared by every test in this file."""
    out = tmp_path_factory.mktemp("pptx")
    exporter = get_exporter("pptx")
    result = {}
    for folder in GUIDES:
        guide = load_guide(folder)
        (path,) = exporter.export(guide, out, PptxOptions())
        result[folder.name] = (guide, path)
    return result


@pytest.mark.slow  # shares the export of every bundled guide (~3 s each)
@pytest.mark.parametrize("name", [p.name for p in GUIDES])
def test_bundled_guide_reopens_with_a_slide_per_step(exported: dict[str, tuple[Guide, Path]], name: str) -> None:
    guide, path = exported[name]
    assert path.name == f"{guide.slug}-pptx.pptx"
    assert not [p for p in path.parent.iterdir() if ".part" in p.name], "temporary file left behind"
    prs = Presentation(str(path))
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.001
    slides = list(prs.slides)
    assert len(slides) == len(guide.steps) + 2

    assert plain(slides[0].shapes.title.text_frame.text) == plain(guide.title)
    for step, slide in zip(guide.steps, slides[1:-1], strict=True):
        # The title is the slide's title placeholder: PowerPoint's outline and navigation show it.
        assert plain(slide.shapes.title.text_frame.text) == plain(step.title)
        joined = plain(" ".join(slide_texts(slide)))
        paragraphs, bold_parts = expected_text(step.text)
        for callout in step.callouts:
            paragraphs += expected_text(callout.text)[0]
        for paragraph in paragraphs:
            assert paragraph in joined, f"{step.title}: '{paragraph}' is not on the slide"
        bold = {plain(r.text) for r in runs_of(slide) if r.font.bold}
        assert bold_parts <= bold, f"{step.title}: not bold on the slide: {bold_parts - bold}"
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        # the step's notes, then the explanations of glossary terms first used on this step (if any)
        assert plain(notes) == plain(step.notes) or plain(notes).startswith(plain(step.notes) + " Từ cần biết:")
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == (1 if step.image else 0)
        for picture in pictures:
            assert picture._element.nvPicPr.cNvPr.get("descr")
            # Sharp on a 1080p TV: at least ~150 pixels per inch of the picture's size on the slide.
            with Image.open(io.BytesIO(picture.image.blob)) as img:
                assert img.width / Emu(picture.width).inches >= 150

    end = slides[-1]
    end_text = plain(" ".join(slide_texts(end)))
    assert load_theme("default").hotline in end_text
    if guide.official_url:
        assert guide.official_url in end_text
        assert any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in end.shapes)


@pytest.mark.slow  # shares the export of every bundled guide (~3 s each)
@pytest.mark.parametrize("name", [p.name for p in GUIDES])
def test_every_run_is_arial_and_readable_size(exported: dict[str, tuple[Guide, Path]], name: str) -> None:
    _, path = exported[name]
    prs = Presentation(str(path))
    sizes = []
    for slide in prs.slides:
        for run in runs_of(slide):
            assert run.font.name == "Arial", run.text
            assert run.font.size is not None
            sizes.append(run.font.size.pt)
    assert min(sizes) >= MIN_PT
    # Every text fits at its measured size: no frame falls back to shrink-on-overflow (PowerPoint would
    # then show it smaller than MIN_PT).
    with zipfile.ZipFile(path) as archive:
        slides_xml = [archive.read(n).decode() for n in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    assert not [x for x in slides_xml if "normAutofit" in x]
    # Text a trainer types later uses the theme fonts: they are Arial too.
    with zipfile.ZipFile(path) as archive:
        theme_xml = archive.read("ppt/theme/theme1.xml").decode()
    assert re.findall(r'<a:(?:major|minor)Font><a:latin typeface="([^"]*)"', theme_xml) == ["Arial", "Arial"]


@pytest.mark.slow  # shares the export of every bundled guide (~3 s each)
@pytest.mark.parametrize("name", [p.name for p in GUIDES])
def test_qr_code_on_the_end_slide_opens_the_official_link(
    exported: dict[str, tuple[Guide, Path]], name: str, tmp_path: Path
) -> None:
    guide, path = exported[name]
    if not guide.official_url:
        pytest.skip("guide has no official link")
    end = list(Presentation(str(path)).slides)[-1]
    (qr,) = [s for s in end.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    png = tmp_path / "qr.png"
    png.write_bytes(qr.image.blob)
    assert read_qr_codes(png) == [guide.official_url]


# -- the machine's fonts do not matter ----------------------------------------------------------------------
EXPORT_ALL = """
import sys
from pathlib import Path
from trainer.exporters import get_exporter
from trainer.exporters.pptx import PptxOptions
from trainer.store import load_guide
for folder in sys.argv[2:]:
    get_exporter("pptx").export(load_guide(Path(folder)), Path(sys.argv[1]), PptxOptions())
"""

NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def slide_parts(path: Path) -> dict[str, bytes]:
    """Every slide, layout, theme and picture in a deck (the document properties carry a date)."""
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith("ppt/")}


@pytest.mark.slow  # two processes export every bundled guide
def test_the_deck_is_the_same_on_a_machine_without_fonts(tmp_path: Path) -> None:
    """A fontconfig with no font folders (a bare machine) gives byte-identical slides to this machine's."""
    config = tmp_path / "no-fonts.conf"
    config.write_text(NO_FONTS.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    fc_list = shutil.which("fc-list")
    if fc_list:  # the empty configuration really has no fonts
        listed = subprocess.run([fc_list], env={**os.environ, "FONTCONFIG_FILE": str(config)}, capture_output=True, text=True)
        assert listed.stdout.strip() == ""
    decks = {}
    for run, extra in (("normal", {}), ("bare", {"FONTCONFIG_FILE": str(config)})):
        out = tmp_path / run
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
        subprocess.run(
            [sys.executable, "-c", EXPORT_ALL, str(out), *map(str, GUIDES)], env=env, check=True, timeout=900, capture_output=True
        )
        decks[run] = {p.name: slide_parts(p) for p in sorted(out.glob("*.pptx"))}
    assert len(decks["normal"]) == len(GUIDES)
    assert decks["bare"].keys() == decks["normal"].keys()
    for name, parts in decks["normal"].items():
        different = sorted(n for n in parts.keys() | decks["bare"][name].keys() if parts.get(n) != decks["bare"][name].get(n))
        assert not different, f"{name}: {different} differ without the machine's fonts"


# -- LibreOffice ------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def libreoffice_pdfs(exported: dict[str, tuple[Guide, Path]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every exported deck converted to PDF by LibreOffice, once, with a private profile."""
    soffice = require_tool("soffice", "libreoffice-impress")
    out = tmp_path_factory.mktemp("pptx-pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    paths = [str(path) for _, path in exported.values()]
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf", "--outdir", str(out), *paths],
        capture_output=True,
        timeout=300,
        check=True,
    )
    return {name: out / (path.stem + ".pdf") for name, (_, path) in exported.items()}


@pytest.mark.slow
@pytest.mark.parametrize("name", [p.name for p in GUIDES])
def test_libreoffice_opens_it_and_finds_every_step_title(
    libreoffice_pdfs: dict[str, Path], exported: dict[str, tuple[Guide, Path]], name: str
) -> None:
    pdftotext = require_tool("pdftotext", "poppler-utils")
    pdfinfo = require_tool("pdfinfo", "poppler-utils")
    guide, _ = exported[name]
    pdf = libreoffice_pdfs[name]
    assert pdf.exists(), "LibreOffice did not convert the deck"
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True).stdout).group(1))
    assert pages == len(guide.steps) + 2
    text = plain(subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for step in guide.steps:
        assert plain(step.title) in text, step.title
    assert plain(guide.title) in text


@pytest.fixture(scope="session")
def themed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One bundled guide exported with every built-in theme."""
    out = tmp_path_factory.mktemp("pptx-themes")
    guide = load_guide(CONTENT / "vneid-kich-hoat")
    return {name: get_exporter("pptx").export(guide, out / name, PptxOptions(theme=name))[0] for name in theme_names()}


def body_sizes(path: Path) -> list[float]:
    """Font sizes of the step text boxes (the first text box under the band that is not a label)."""
    sizes = []
    for slide in list(Presentation(str(path)).slides)[1:-1]:
        boxes = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.TEXT_BOX and s.top > Emu(130 * 12700)]
        sizes += [r.font.size.pt for b in boxes[:1] for p in b.text_frame.paragraphs for r in p.runs]
    return sizes


@pytest.mark.slow
def test_every_theme_colours_the_deck(themed: dict[str, Path]) -> None:
    for name, path in themed.items():
        theme = load_theme(name)
        slide = list(Presentation(str(path)).slides)[1]
        band = next(s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE and s.top == 0)
        assert str(band.fill.fore_color.rgb) == theme.color("primary").lstrip("#").upper(), name
        picture = next(s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
        with Image.open(io.BytesIO(picture.image.blob)) as img:
            rgb = img.convert("RGB")
            coloured = sum(1 for r, g, b in pixels(rgb) if max(r, g, b) - min(r, g, b) > 8)
        assert (coloured == 0) == theme.grayscale, name
    # Large print tries larger text first (and never goes below the same minimum).
    large, default = body_sizes(themed["large-print"]), body_sizes(themed["default"])
    assert min(large) >= MIN_PT and sum(large) / len(large) > sum(default) / len(default)


# -- options, blur, errors, CLI --------------------------------------------------------------------------
def write_guide(root: Path, slug: str, body: str, image: bool = True) -> Path:
    """A guide whose 640x400 screenshot has a pure red 'secret' under a blur mark."""
    folder = root / slug
    (folder / "images").mkdir(parents=True)
    if image:
        img = Image.new("RGB", (640, 400), (235, 240, 248))
        ImageDraw.Draw(img).rectangle((40, 40, 600, 120), fill=SECRET_RED)
        img.save(folder / "images" / "shot.png")
    (folder / "guide.md").write_text(FRONT.format(slug=slug) + body, encoding="utf-8")
    return folder


BLUR_BODY = """
## Xem số định danh

Số định danh nằm ở **dòng đầu**.

![Màn hình có số định danh](images/shot.png)

```annotations
blur 0.05 0.08 0.95 0.32
box 0.1 0.5 0.9 0.8
```

```notes
Không đọc to số định danh.
```

```step
practice: true
```
"""


def test_blur_never_leaks_the_original_pixels(tmp_path: Path) -> None:
    folder = write_guide(tmp_path, "lam-mo", BLUR_BODY)
    original = (folder / "images" / "shot.png").read_bytes()
    (path,) = get_exporter("pptx").export(load_guide(folder), tmp_path / "out", PptxOptions())
    with zipfile.ZipFile(path) as archive:
        media = [archive.read(n) for n in archive.namelist() if n.startswith("ppt/media/")]
    assert media and original not in media
    pictures = [Image.open(io.BytesIO(blob)).convert("RGB") for blob in media]
    step_picture = max(pictures, key=lambda im: im.width * im.height)
    reds = sum(1 for r, g, b in pixels(step_picture) if r > 230 and g < 40 and b < 40)
    assert reds == 0, f"{reds} secret-red pixels reached the PPTX"


def test_practice_slides_are_optional(tmp_path: Path) -> None:
    folder = write_guide(tmp_path, "luyen-tap", BLUR_BODY)
    guide = load_guide(folder)
    (plain_deck,) = get_exporter("pptx").export(guide, tmp_path / "a", PptxOptions())
    (with_practice,) = get_exporter("pptx").export(guide, tmp_path / "b", PptxOptions(practice_slides=True))
    assert len(Presentation(str(plain_deck)).slides) == 3
    slides = list(Presentation(str(with_practice)).slides)
    assert len(slides) == 4
    practice = plain(" ".join(slide_texts(slides[2])))
    assert "Thực hành" in practice and "Xem số định danh" in practice and "trên điện thoại" in practice


def test_missing_image_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    folder = write_guide(tmp_path, "thieu-hinh", BLUR_BODY, image=False)
    out = tmp_path / "out"
    with pytest.raises(ExportError) as info:
        get_exporter("pptx").export(load_guide(folder), out, PptxOptions())
    message = str(info.value)
    assert "\n" not in message and "guide.md:" in message and "shot.png" in message
    assert not out.exists() or not any(out.iterdir())


def test_cli_exports_pptx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_guide(tmp_path, "dong-lenh", BLUR_BODY)
    assert main(["export", str(folder), "--format", "pptx", "--out", str(tmp_path / "out")]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written == tmp_path / "out" / "dong-lenh-pptx.pptx"
    assert len(Presentation(str(written)).slides) == 3


@pytest.mark.slow  # shares the export of every bundled guide
def test_speaker_notes_explain_terms_where_first_used(exported: dict[str, tuple[Guide, Path]]) -> None:
    from trainer.store.glossary import glossary_file, load_glossary

    glossary = {t.term: t.explanation for t in load_glossary(glossary_file(CONTENT))}
    _, path = exported["vneid-kich-hoat"]
    notes = [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in Presentation(str(path)).slides]
    # "mức 2" is in the title; OTP is first written in step 5's warning, passcode in step 7's.
    assert f"- mức 2: {glossary['mức 2']}" in notes[0]
    assert f"- OTP: {glossary['OTP']}" in notes[5]
    assert f"- passcode: {glossary['passcode']}" in notes[7]
    assert sum(glossary["OTP"] in n for n in notes) == 1  # only where first used
