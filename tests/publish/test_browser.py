"""The published index and a guide page in a real headless Chromium: no console error, no network request,
accent-insensitive search works, and the layout fits a 390-pixel phone screen.

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe): no port, no extra library.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from sample_library import write_guide

from support import require_tool
from trainer.publish import publish

pytestmark = pytest.mark.slow


class Chromium:
    """A headless Chromium with one page, spoken to over the DevTools pipe (fd 3 in, fd 4 out)."""

    def __init__(self, exe: str, profile: Path) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # dup to fds above 10 so dup2 onto 3 and 4 in the child cannot clobber one another
        high = [os.dup2(fd, 20 + i) for i, fd in enumerate((to_chrome_r, from_chrome_w))]

        def wire() -> None:
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        command = [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        self.proc = subprocess.Popen(
            command, preexec_fn=wire, pass_fds=(3, 4, *high), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for fd in (to_chrome_r, from_chrome_w, *high):
            os.close(fd)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)

    def _read(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: bool = False, timeout: float = 30) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read(timeout)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._read(max(0.1, deadline - time.monotonic())))

    def open(self, url: str, width: int = 390, height: int = 844) -> None:
        self.events.clear()
        self.call(
            "Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True}, True
        )
        self.call("Page.navigate", {"url": url}, True)
        self.wait_for("Page.loadEventFired")
        self.evaluate("new Promise(r => setTimeout(r, 300))")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True}, True)
        return result.get("result", {}).get("value")

    def problems(self) -> list[str]:
        """Console errors/warnings, uncaught exceptions, log errors and every request that is not file: or data:."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                found.append(f"console {params['type']}: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails', {}).get('text')}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
                found.append(f"log: {params['entry'].get('text')}")
            elif method == "Network.requestWillBeSent":
                url = params.get("request", {}).get("url", "")
                if not url.startswith(("file:", "data:")):
                    found.append(f"request: {url}")
            elif method == "Network.loadingFailed":
                found.append(f"failed load: {params.get('errorText')}")
        return found

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, True)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


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
    shot = browser.screenshot(tmp_path / "page-390.png")
    assert shot.stat().st_size > 10_000


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
    browser.screenshot(tmp_path / "index-390.png")
    assert browser.problems() == []


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
    shot = browser.screenshot(tmp_path / "terms-390.png")
    assert shot.stat().st_size > 10_000
