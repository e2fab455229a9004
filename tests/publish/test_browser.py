"""The published index and a guide page in a real headless Chromium: no console error, no network request,
accent-insensitive search works, and the layout fits a 390-pixel phone screen.

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe): no port, no extra library.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image
from sample_library import write_guide

from chromium import Chromium
from support import best_similarity, normalized, ocr_vie, require_tool
from trainer.publish import publish
from trainer.store import load_guide

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    exe = require_tool("chromium", "chromium")
    chrome = Chromium(exe, tmp_path_factory.mktemp("profile"))
    yield chrome
    chrome.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    write_guide(root / "content", "bao-hiem-guide", 1, title="Cài VssID và đăng ký bảo hiểm xã hội điện tử")
    write_guide(root / "content", "dinh-danh-guide", 2, title="Kích hoạt tài khoản định danh điện tử")
    write_guide(root / "content", "chu-ky-guide", 3, title="Đăng ký chữ ký số công cộng")
    summary = publish(root / "content", root / "dist", formats=["html"], jobs=2)
    assert summary.ok
    return root / "dist"


def test_guide_page_opens_offline_without_errors_or_requests(browser: Chromium, site: Path, tmp_path: Path) -> None:
    page = site / "dinh-danh-guide" / "dinh-danh-guide-html.html"
    browser.open(page.as_uri())
    assert browser.problems() == []
    assert browser.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling on a phone
    assert browser.evaluate("document.fonts.check('19px \"Be Vietnam Pro\"')") is True
    assert browser.evaluate("getComputedStyle(document.body).fontFamily").startswith('"Be Vietnam Pro"')
    assert float(browser.evaluate("parseFloat(getComputedStyle(document.querySelector('main p').parentElement).fontSize)")) >= 17
    assert browser.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)") is True
    # What the phone shows: OCR of the screenshot finds the guide's title and its first step.
    shown = screen_text(browser.screenshot(tmp_path / "page-390.png"))
    for title in (
        "Kích hoạt tài khoản định danh điện tử",
        load_guide(site.parent / "content" / "dinh-danh-guide").steps[0].title,
    ):
        assert best_similarity(title, shown) >= 0.85, (title, shown)


def test_index_search_ignores_accents_and_makes_no_request(browser: Chromium, site: Path, tmp_path: Path) -> None:
    browser.open((site / "index.html").as_uri())
    assert browser.problems() == []
    visible = "[...document.querySelectorAll('article')].filter(a => !a.hidden).map(a => a.id).sort().join(',')"
    assert browser.evaluate(visible) == "bao-hiem-guide,chu-ky-guide,dinh-danh-guide"

    def search(text: str) -> str:
        browser.evaluate(
            f"(q => {{ q.value = {json.dumps(text)}; q.dispatchEvent(new Event('input')); }})(document.getElementById('q'))"
        )
        return browser.evaluate(visible)

    assert search("bao hiem") == "bao-hiem-guide"
    assert search("BẢO HIỂM") == "bao-hiem-guide"
    assert search("kich hoat") == "dinh-danh-guide"
    assert search("dinh danh") == "chu-ky-guide,dinh-danh-guide"  # one by title, one by topic
    assert search("chu ky so") == "chu-ky-guide"
    assert search("không có gì như thế") == ""
    assert browser.evaluate("document.getElementById('empty').hidden") is False
    assert search("") == "bao-hiem-guide,chu-ky-guide,dinh-danh-guide"
    assert browser.evaluate("document.documentElement.scrollWidth") <= 390
    # After clearing the search every guide is listed again, visibly: OCR finds the three titles.
    shown = screen_text(browser.screenshot(tmp_path / "index-390.png"))
    for title in (
        "Cài VssID và đăng ký bảo hiểm xã hội điện tử",
        "Kích hoạt tài khoản định danh điện tử",
        "Đăng ký chữ ký số công cộng",
    ):
        assert best_similarity(title, shown) >= 0.85, (title, shown)
    assert browser.problems() == []


def screen_text(png: Path) -> str:
    """Normalized OCR of a phone-width screenshot, enlarged twice (phone text is small for OCR)."""
    with Image.open(png) as shot:
        shot.convert("RGB").resize((shot.width * 2, shot.height * 2), Image.Resampling.LANCZOS).save(png.with_suffix(".x2.png"))
    return normalized(ocr_vie(png.with_suffix(".x2.png")))


def test_the_browser_check_does_see_requests_and_errors(browser: Chromium, tmp_path: Path) -> None:
    """The two tests above could not fail if these went unnoticed."""
    page = tmp_path / "leaky.html"
    page.write_text('<img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script>', encoding="utf-8")
    browser.open(page.as_uri())
    found = browser.problems()
    assert any(p.startswith("request: http://127.0.0.1:9/x.png") for p in found), found
    assert any("boom" in p for p in found), found


def test_words_to_know_show_in_the_browser(browser: Chromium, tmp_path: Path) -> None:
    """The vneid-kich-hoat page, opened offline: the "Từ cần biết" box lists its terms; first uses carry tooltips."""
    from support import CONTENT
    from trainer.exporters import get_exporter
    from trainer.store import load_guide
    from trainer.store.glossary import guide_glossary
    from trainer.terms import terms_used

    guide = load_guide(CONTENT / "vneid-kich-hoat")
    used = terms_used(guide, guide_glossary(guide))
    exporter = get_exporter("html")
    (page,) = exporter.export(guide, tmp_path, exporter.Options())
    browser.open(page.as_uri())
    assert browser.problems() == []
    box = browser.evaluate("document.getElementById('tu-can-biet').innerText")
    assert box.startswith("Từ cần biết")
    for use in used:
        assert use.term.explanation in box
    tips = browser.evaluate("[...document.querySelectorAll('abbr.term')].map(a => [a.textContent, a.title])")
    assert tips == [[use.written, use.term.explanation] for use in used]
    underline = browser.evaluate("getComputedStyle(document.querySelector('abbr.term')).textDecorationStyle")
    assert underline == "dotted"
    assert browser.evaluate("document.documentElement.scrollWidth") <= 390
    top = browser.evaluate("document.getElementById('tu-can-biet').getBoundingClientRect().top + scrollY")
    browser.call(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}, True
    )
    browser.evaluate(f"window.scrollTo(0, {int(top) - 20})")
    # What the phone shows there: OCR finds the box's heading and the first term's explanation.
    shown = screen_text(browser.screenshot(tmp_path / "terms-390.png"))
    for text in ("Từ cần biết", used[0].term.explanation):
        assert best_similarity(text, shown) >= 0.85, (text, shown)
