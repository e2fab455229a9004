"""Defence in depth: a guide with javascript:, file: and data: links that skipped `trainer check` still
exports no such link. Each output is read back with a real client: qpdf for PDF link actions, the
PPTX package's relationships, the HTML's href attributes."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from broken_guides import good_text, png_bytes
from support import require_tool
from trainer.check import check_paths
from trainer.exporters import get_exporter
from trainer.store import load_guide

HOSTILE = ("javascript:", "file:", "data:", "vbscript:", "images/")
WIKI = "https://vi.wikipedia.org/wiki/Hà_Nội_(định_hướng)"
BODY = f"""## Mở trang

Bấm [vào đây](javascript:alert(1)) hoặc [mở tệp](file:///etc/passwd) hoặc [xem](data:text/html,<b>x</b>).
Đọc thêm [Hà Nội]({WIKI}), gọi [tổng đài](tel:18001096), viết [thư](mailto:hotro@tttt.gov.vn).

![Màn hình](images/a.png)

> [!WARNING]
> Đừng bấm [liên kết lạ](vbscript:msgbox(1)) hay [ảnh](images/a.png); vào [trang chính thức](https://dichvucong.gov.vn).
"""


@pytest.fixture(scope="module")
def hostile_guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("links") / "lien-ket-xau"
    (folder / "images").mkdir(parents=True)
    # A plain screen: this test is about links, not the personal data a drawn screenshot may show.
    (folder / "images" / "a.png").write_bytes(png_bytes((270, 585)))
    (folder / "guide.md").write_text(good_text("lien-ket-xau", body=BODY), encoding="utf-8")
    return folder


def test_check_fails_the_guide(hostile_guide: Path) -> None:
    _, problems = check_paths([hostile_guide])
    assert sorted(p.code for p in problems if p.severity == "error") == ["unsafe-link"] * 5


def assert_only_allowed(targets: list[str], must_have: tuple[str, ...]) -> None:
    assert targets, "no link was written at all"
    for target in targets:
        assert not target.lower().lstrip().startswith(HOSTILE), target
        assert re.match(r"^(https?://|tel:|mailto:)", target), target
    for wanted in must_have:
        assert wanted in targets, (wanted, targets)


def test_pdf_handout_has_no_hostile_uri_action(hostile_guide: Path, tmp_path: Path) -> None:
    qpdf = require_tool("qpdf", "qpdf")
    exporter = get_exporter("handout")
    (pdf,) = exporter.export(load_guide(hostile_guide), tmp_path, exporter.Options(preset="a4"))
    plain = tmp_path / "plain.pdf"
    subprocess.run([qpdf, "--qdf", "--object-streams=disable", str(pdf), str(plain)], check=True)
    raw = plain.read_bytes().decode("latin-1")
    targets = re.findall(r"/URI\s*\(((?:\\.|[^\\)])*)\)", raw)
    # PDF link targets are 7-bit ASCII: Unicode travels percent-encoded, and must come back whole.
    decoded = [unquote(re.sub(r"\\(.)", r"\1", t)) for t in targets]
    assert "/JavaScript" not in raw and "/Launch" not in raw
    for word in ("javascript", "file:///", "vbscript", "data:text"):
        assert word not in raw.lower()
    assert all(t.isascii() for t in targets)
    assert_only_allowed(decoded, (WIKI, "tel:18001096", "mailto:hotro@tttt.gov.vn", "https://dichvucong.gov.vn"))


def test_pptx_has_no_hostile_hyperlink(hostile_guide: Path, tmp_path: Path) -> None:
    exporter = get_exporter("pptx")
    (pptx,) = exporter.export(load_guide(hostile_guide), tmp_path, exporter.Options())
    targets = []
    with zipfile.ZipFile(pptx) as package:
        for name in package.namelist():
            if name.endswith(".rels"):
                xml = package.read(name).decode("utf-8")
                targets += re.findall(r'Target="([^"]*)"[^>]*TargetMode="External"', xml)
                targets += re.findall(r'TargetMode="External"[^>]*Target="([^"]*)"', xml)
    targets = [unquote(t.replace("&amp;", "&")) for t in targets]
    assert_only_allowed(targets, (WIKI, "tel:18001096", "mailto:hotro@tttt.gov.vn", "https://dichvucong.gov.vn"))


def test_html_has_no_hostile_href(hostile_guide: Path, tmp_path: Path) -> None:
    exporter = get_exporter("html")
    (page,) = exporter.export(load_guide(hostile_guide), tmp_path, exporter.Options())
    html = page.read_text(encoding="utf-8")
    from html import unescape

    hrefs = [unescape(h) for h in re.findall(r'href="([^"]*)"', html)]
    assert_only_allowed(hrefs, (WIKI, "tel:18001096", "mailto:hotro@tttt.gov.vn", "https://dichvucong.gov.vn"))
    assert "javascript:" not in html.lower() and "vbscript:" not in html.lower()


def test_no_qr_code_to_a_hostile_official_link(hostile_guide: Path, tmp_path: Path) -> None:
    pdftoppm = require_tool("pdftoppm", "poppler-utils")
    zbarimg = require_tool("zbarimg", "zbar-tools")
    folder = tmp_path / "qr-xau"
    folder.mkdir()
    (folder / "images").mkdir()
    (folder / "images" / "a.png").write_bytes((hostile_guide / "images" / "a.png").read_bytes())
    text = good_text("qr-xau").replace("https://dichvucong.gov.vn", "javascript:alert(document.cookie)")
    (folder / "guide.md").write_text(text, encoding="utf-8")
    guide = load_guide(folder)
    exporter = get_exporter("handout")
    (pdf,) = exporter.export(guide, tmp_path, exporter.Options(preset="practice-card"))
    subprocess.run([pdftoppm, "-r", "150", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages
    decoded = subprocess.run([zbarimg, "--quiet", "--raw", *map(str, pages)], capture_output=True, text=True).stdout
    assert "javascript" not in decoded.lower()
    (pptx,) = get_exporter("pptx").export(guide, tmp_path, get_exporter("pptx").Options())
    with zipfile.ZipFile(pptx) as package:
        xml = "".join(package.read(n).decode("utf-8", "replace") for n in package.namelist() if n.endswith((".xml", ".rels")))
    # The address may show as plain text; it is never a hyperlink nor a QR picture.
    assert 'Target="javascript' not in xml and "QR: javascript" not in xml
