"""The one link policy for every output: which link targets may leave the machine.

Links in steps, callouts, notes and front matter may be https://, http://, tel: and mailto:. Anything
else (javascript:, file:, data:, vbscript:, relative paths) is refused. `trainer check` reports what
this module finds, and every exporter asks `safe()` again before it writes a link (PDF URI actions,
PPTX hyperlinks, HTML, QR codes), so a guide that skipped check still exports safely.

Also refused: link text that shows one web address while the link goes to another host, the phishing
pattern scam-awareness guides warn about. Hosts with non-ASCII letters (IDN) are a warning.
Qt-free, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

SCHEMES = ("https", "http", "tel", "mailto")
# What a QR code may hold: a phone camera opens it directly, so only a web page.
QR_SCHEMES = ("https", "http")
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f\"'<>\\`]")
_HOST = re.compile(r"^(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}\.?$|^\d{1,3}(?:\.\d{1,3}){3}$", re.UNICODE)
_URI_SAFE = "/:@!$&'()*+,;=%?#~-._"
_TEL = re.compile(r"^\+?[0-9][0-9\-.() ]{1,30}$")
_MAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# A label that reads as a web address: dichvucong.gov.vn, www.vneid.gov.vn/abc, https://x.vn
_SHOWN_ADDRESS = re.compile(r"^\s*(?:https?://)?((?:[^\W_][\w-]*\.)+[^\W\d_]{2,63})(?:[/:?#]\S*)?\s*$", re.UNICODE)


@dataclass(frozen=True)
class MarkdownLink:
    """A link written in Markdown: the text shown, the target, and where it stands in the source."""

    text: str
    url: str
    start: int
    end: int


def scheme(url: str) -> str:
    """The lowercase scheme of `url` ('' for a relative path), ignoring the whitespace and controls browsers ignore."""
    cleaned = re.sub(r"[\x00-\x20]", "", url or "")
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", cleaned)
    return match.group(1).lower() if match else ""


def host(url: str) -> str:
    """The lowercase host of an http(s) link ('' when it has none)."""
    try:
        return (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""


def safe(url: str, schemes: tuple[str, ...] = SCHEMES) -> str | None:
    """`url` when it may be written into an output, else None. Exporters call this before every link."""
    url = (url or "").strip()
    kind = scheme(url)
    if kind not in schemes or _CONTROL.search(url):
        return None
    if kind in ("http", "https"):
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if not parts.netloc or not _HOST.match(parts.hostname or "") or not url.lower().startswith(kind + "://"):
            return None
        return url
    body = url[len(kind) + 1 :]
    if kind == "tel":
        return url if _TEL.match(body) else None
    return url if _MAIL.match(body.split("?", 1)[0]) else None


def as_uri(url: str) -> str:
    """An allowed link in pure ASCII (IDNA host, percent-encoded path), for formats that cannot hold Unicode."""
    kind = scheme(url)
    if kind in ("http", "https"):
        parts = urlsplit(url)
        name = parts.hostname or ""
        try:
            ascii_host = name.encode("idna").decode("ascii")
        except UnicodeError:
            ascii_host = quote(name, safe="")
        netloc = parts.netloc.replace(name, ascii_host, 1) if name else parts.netloc
        return urlunsplit(
            (
                parts.scheme,
                netloc,
                quote(parts.path, safe=_URI_SAFE),
                quote(parts.query, safe=_URI_SAFE),
                quote(parts.fragment, safe=_URI_SAFE),
            )
        )
    return quote(url, safe=_URI_SAFE + ":")


def safe_for_qr(url: str) -> str | None:
    """`url` when a QR code may hold it (a web page only), else None."""
    return safe(url, QR_SCHEMES)


def shown_host(text: str) -> str:
    """The host a link's text shows as a web address ('' when the text is not an address)."""
    plain = re.sub(r"[*_`]", "", text or "")
    match = _SHOWN_ADDRESS.match(plain)
    return match.group(1).lower().rstrip(".") if match else ""


def _same_site(shown: str, target: str) -> bool:
    shown, target = shown.removeprefix("www."), target.removeprefix("www.")
    return target == shown or target.endswith("." + shown)


def is_idn(url: str) -> bool:
    """True when the link's host has non-ASCII letters or punycode labels (look-alike risk)."""
    name = host(url)
    return any(ord(ch) > 127 for ch in name) or any(part.startswith("xn--") for part in name.split("."))


def problems(url: str, text: str = "") -> list[tuple[str, str]]:
    """What is wrong with one link as (code, severity): unsafe-link, deceptive-link (errors), idn-link (warning)."""
    if safe(url) is None:
        return [("unsafe-link", "error")]
    found = []
    shown = shown_host(text)
    target = host(url)
    if shown and target and scheme(url) in ("http", "https") and not _same_site(shown, target):
        found.append(("deceptive-link", "error"))
    if is_idn(url):
        found.append(("idn-link", "warning"))
    return found


def _closing_paren(text: str, start: int) -> int:
    """Index of the ')' that closes the '(' before `start`, counting nested pairs; -1 when unclosed."""
    depth = 1
    i = start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "\n" and text[i - 1 : i] == "\n":
            return -1
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _label_end(text: str, start: int) -> int:
    """Index of the ']' closing a link label opened at `start`, counting nested brackets; -1 when none."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "\\":
            continue
        if text[i] == "[":
            depth += 1
        elif text[i] == "]":
            depth -= 1
            if depth == 0:
                return i
    return -1


_REFERENCE = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.MULTILINE)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")


def markdown_links(text: str) -> list[MarkdownLink]:
    """Every link in Markdown text: [text](url "title") with parentheses in the url kept whole,
    <scheme:...> autolinks and reference definitions ([id]: url). Images ![..](..) are not links."""
    found: list[MarkdownLink] = []
    i = 0
    while (open_at := text.find("[", i)) != -1:
        close = _label_end(text, open_at)
        if close == -1:
            break
        if text[close + 1 : close + 2] == "(" and not text[max(0, open_at - 1) : open_at] == "!":
            end = _closing_paren(text, close + 2)
            if end != -1:
                inside = text[close + 2 : end].strip()
                if inside.startswith("<") and ">" in inside:
                    url = inside[1 : inside.index(">")]
                else:
                    url = re.split(r"\s+[\"'(]", inside, maxsplit=1)[0]
                found.append(MarkdownLink(text[open_at + 1 : close], url, open_at, end + 1))
                i = end + 1
                continue
        i = open_at + 1
    for match in _AUTOLINK.finditer(text):
        found.append(MarkdownLink(match.group(1), match.group(1), match.start(), match.end()))
    for match in _REFERENCE.finditer(text):
        found.append(MarkdownLink(match.group(1), match.group(2), match.start(), match.end()))
    return sorted(found, key=lambda link: link.start)
