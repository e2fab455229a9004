"""The offline web page: one self-contained HTML file per guide, `<slug>-html.html`.

Everything the page needs is inside the file (step images and the Be Vietnam Pro font as data: URIs,
inline CSS, no script), and a Content-Security-Policy meta tag forbids every request, so the page
works opened from a phone's storage or a USB stick with no network at all.

Safety: guide text is Markdown written by people; it is converted with `markdown`, then cleaned by
nh3 (tags and attributes from an allow-list, links only what trainer.links allows, no images), and every other field
goes through jinja2 autoescaping. The finished page is checked once more before it is written.
"""

from __future__ import annotations

import base64
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from trainer import links
from trainer.exporters.base import Exporter, ExportError, ExportOptions, Progress, report
from trainer.exporters.html_terms import TermMarker, terms_box
from trainer.model import Guide, Step
from trainer.store.atomic import atomic_write_bytes
from trainer.store.glossary import guide_glossary
from trainer.store.problems import say
from trainer.terms import terms_used

# The page itself runs no script; the library index may run its own inline search script only.
CSP_PAGE = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
CSP_INDEX = CSP_PAGE + "; script-src 'unsafe-inline'"

# What guide Markdown may become: text structure only. No img (step images are ours), no raw HTML.
ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "code", "pre", "blockquote", "h3", "h4", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
# Defence in depth: a finished page containing any of these is a bug, never written.
FORBIDDEN_IN_PAGE = re.compile(
    r"<script|<[^>]*\son[a-z]+\s*=|<[^>]*=\s*[\"']?\s*javascript:|<img\b[^>]*\ssrc\s*=\s*(?![\"']?data:)|url\(\s*(?![\"']?data:)",
    re.IGNORECASE,
)

# Latin + Vietnamese (precomposed letters, combining marks, đ/ơ/ư, ₫) + common punctuation.
FONT_UNICODES = (
    list(range(0x20, 0x7F))
    + list(range(0xA0, 0x180))
    + [0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x300, 0x301, 0x303, 0x309, 0x323, 0x20AB, 0x2192, 0x2022, 0x25CF]
    + list(range(0x1EA0, 0x1EFA))
    + list(range(0x2010, 0x2027))
    + [0x2030, 0x2039, 0x203A, 0x20AC, 0x2116, 0x2122]
)
# Largest side of a step image in the page: sharp on a phone, small over 3G.
IMAGE_MAX_WIDTH = 720
IMAGE_MAX_HEIGHT = 1280

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "step": "Bước",
        "prerequisites": "Cần chuẩn bị",
        "tip": "Mẹo",
        "warning": "Cảnh báo",
        "caution": "Thận trọng",
        "links": "Liên kết chính thức",
        "valid_as_of": "Cập nhật ngày",
        "version": "Phiên bản",
        "minutes": "Khoảng {n} phút",
        "audience": "Dành cho",
        "hotline": "Đường dây nóng",
        "steps_count": "{n} bước",
        "offline": "Trang này dùng được không cần mạng.",
        "search": "Tìm hướng dẫn",
        "search_hint": "Gõ có dấu hoặc không dấu, ví dụ: vneid, bao hiem",
        "open": "Mở hướng dẫn",
        "kit": "Bộ tài liệu đầy đủ (.zip)",
        "small_kit": "Bộ nhỏ cho điện thoại (.zip)",
        "files": "Các tệp khác",
        "library": "Thư viện hướng dẫn",
        "no_match": "Không tìm thấy hướng dẫn nào.",
        "all_topics": "Tất cả",
        "back": "Về thư viện",
        "guides": "hướng dẫn",
    },
    "en": {
        "step": "Step",
        "prerequisites": "You need",
        "tip": "Tip",
        "warning": "Warning",
        "caution": "Caution",
        "links": "Official links",
        "valid_as_of": "Checked on",
        "version": "Version",
        "minutes": "About {n} minutes",
        "audience": "For",
        "hotline": "Hotline",
        "steps_count": "{n} steps",
        "offline": "This page works without a network.",
        "search": "Find a guide",
        "search_hint": "Type with or without accents",
        "open": "Open the guide",
        "kit": "Full kit (.zip)",
        "small_kit": "Small kit for phones (.zip)",
        "files": "Other files",
        "library": "Guide library",
        "no_match": "No guide found.",
        "all_topics": "All",
        "back": "Back to the library",
        "guides": "guides",
    },
}


def labels(language: str) -> dict[str, str]:
    """The page's fixed words in the guide's language (Vietnamese unless it is English)."""
    return LABELS["en" if language.lower().startswith("en") else "vi"]


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "a" and attribute == "href":
        return links.safe(value)
    return value


def sanitize_markdown(text: str) -> str:
    """Guide Markdown as safe HTML: converted with markdown, then cleaned by nh3 from an allow-list."""
    import markdown
    import nh3

    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(links.SCHEMES),
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def check_page(html: str, where: str, script: str = "") -> None:
    """Raise ExportError if a finished page holds script (other than `script`), event handlers, javascript: or remote resources."""
    found = FORBIDDEN_IN_PAGE.search(html.replace(script, "") if script else html)
    if found:
        raise ExportError(
            f"{where}: "
            + say(
                "không ghi trang web không an toàn (có “{d}”)",
                "refusing to write an unsafe page (found {d})",
                d=repr(found.group(0)[:40]),
            )
        )


def _cache_folder() -> Path:
    """Where derived files that are slow to make are kept between runs (the user's cache folder)."""
    import os

    base = os.environ.get("TRAINER_CACHE") or os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return Path(base) / "trainer" if base else Path.home() / ".cache" / "trainer"


def _subset_woff2(data: bytes) -> bytes:
    """The font subset to FONT_UNICODES as WOFF2 (about 1 s of Brotli work per face)."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(io.BytesIO(data), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=FONT_UNICODES)
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


def subset_font(file_name: str) -> bytes:
    """A bundled face subset to Latin + Vietnamese as WOFF2, cached on disk by content so workers do it once."""
    import hashlib

    import fontTools

    data = (resources.files("trainer") / "resources" / "fonts" / file_name).read_bytes()
    key = hashlib.sha256(data + repr((FONT_UNICODES, fontTools.version)).encode()).hexdigest()[:24]
    cached = _cache_folder() / f"font-{key}.woff2"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    woff2 = _subset_woff2(data)
    try:
        atomic_write_bytes(cached, woff2)
    except OSError:  # a read-only home is fine: the next run subsets again
        pass
    return woff2


@functools.lru_cache(maxsize=1)
def font_face_css() -> str:
    """@font-face rules embedding Be Vietnam Pro (regular and bold) as WOFF2 data: URIs, subset to Latin + Vietnamese."""
    rules = []
    for file_name, weight in (("BeVietnamPro-Regular.ttf", 400), ("BeVietnamPro-Bold.ttf", 700)):
        data = base64.b64encode(subset_font(file_name)).decode("ascii")
        rules.append(
            "@font-face{font-family:'Be Vietnam Pro';font-style:normal;"
            f"font-weight:{weight};font-display:swap;src:url(data:font/woff2;base64,{data}) format('woff2')}}"
        )
    return "\n".join(rules)


@functools.lru_cache(maxsize=1)
def template_environment() -> Any:
    """The jinja2 environment for the page templates, autoescaping everything."""
    import jinja2

    folder = resources.files("trainer") / "resources" / "templates"
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: (folder / name).read_text(encoding="utf-8")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def format_date(guide: Guide) -> str:
    """valid_as_of as day/month/year, the way Vietnamese readers write dates ('' when unset)."""
    date = guide.valid_as_of
    return f"{date.day:02d}/{date.month:02d}/{date.year}" if date else ""


# Used when the theme leaves a colour out (it never does for built-in themes: they are validated).
DEFAULT_COLORS = {
    "background": "#ffffff",
    "surface": "#eef3f9",
    "text": "#1b1f24",
    "muted": "#4a5563",
    "primary": "#0b4a8b",
    "on_primary": "#ffffff",
    "accent": "#c8102e",
    "on_accent": "#ffffff",
    "rule": "#c9d3df",
    "tip": "#1b6b3a",
    "tip_fill": "#e7f4ea",
    "warning": "#8a4b00",
    "warning_fill": "#fff3dc",
    "caution": "#a4161a",
    "caution_fill": "#fde8e8",
}
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def theme_info(theme_name: str) -> dict[str, Any]:
    """Department, hotline and colours of a render theme, as the page templates use them."""
    from trainer.render.theme import ThemeError, load_theme

    try:
        theme = load_theme(theme_name)
    except ThemeError as exc:
        raise ExportError(str(exc)) from None
    colors = dict(DEFAULT_COLORS)
    colors.update({k: v for k, v in theme.colors.items() if k in DEFAULT_COLORS and _HEX.match(str(v))})
    return {"department": theme.department, "hotline": theme.hotline, "colors": colors, "font_scale": theme.font_scale}


def _encode_image(img: Any) -> tuple[str, bytes]:
    """(mime, bytes) of a Pillow image, whichever is smaller: palette PNG (flat drawings) or JPEG (photos)."""
    from PIL import Image

    if img.mode == "RGBA" and img.getextrema()[3][0] == 255:
        img = img.convert("RGB")
    png = io.BytesIO()
    # Fast octree on RGBA: 10x faster than median cut and smaller on flat drawings; optimize=True would
    # cost 8x the encode time for 6 % fewer bytes.
    img.convert("RGBA").quantize(256, method=Image.Quantize.FASTOCTREE).save(png, format="PNG", compress_level=9)
    best = ("image/png", png.getvalue())
    if img.mode == "RGB":
        jpeg = io.BytesIO()
        img.save(jpeg, format="JPEG", quality=82, optimize=True, progressive=True)
        if len(jpeg.getvalue()) < len(best[1]) * 0.8:
            best = ("image/jpeg", jpeg.getvalue())
    return best


def _fit(width: int, height: int) -> tuple[int, int]:
    scale = min(1.0, IMAGE_MAX_WIDTH / width, IMAGE_MAX_HEIGHT / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _render_step_image(guide: Guide, step: Step, theme_name: str) -> Any:
    """The step image as a Pillow image, painted by the render layer: annotations on top, blur destroyed."""
    from PIL import Image
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    from trainer.render.gui import ensure_gui
    from trainer.render.image import load_step_image, paint_step_image
    from trainer.render.theme import load_theme

    ensure_gui()
    theme = load_theme(theme_name)
    source = load_step_image(guide, step)
    width, height = _fit(source.width(), source.height())
    canvas = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    try:
        paint_step_image(painter, QRectF(0, 0, width, height), guide, step, theme)
    finally:
        painter.end()
    # Straight to Pillow through the raw pixels: a PNG round trip here cost more than the painting.
    rgba = canvas.convertToFormat(QImage.Format.Format_RGBA8888)
    raw = bytes(rgba.constBits())
    return Image.frombuffer("RGBA", (width, height), raw, "raw", "RGBA", rgba.bytesPerLine(), 1).copy()


def step_image_uri(guide: Guide, step: Step, theme_name: str) -> tuple[str, int, int]:
    """(data: URI, width, height) of a step's image with its annotations, blur regions destroyed."""
    try:
        img = _render_step_image(guide, step, theme_name)
    except ExportError:
        raise
    except Exception as exc:  # the render layer raises its own errors; the page names the step
        raise ExportError(
            f"{guide.path}:{step.line}: "
            + say("không dùng được hình '{i}': {d}", "cannot use image '{i}': {d}", i=step.image, d=exc)
        ) from None
    mime, data = _encode_image(img)
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}", img.width, img.height


@dataclass
class HtmlOptions(ExportOptions):
    """Options of the offline page: the theme gives department, hotline and accent colour."""


class HtmlExporter(Exporter):
    """One self-contained offline HTML page per guide: `<slug>-html.html`."""

    name = "html"
    label = "Offline web page"
    label_vi = "Trang web xem không cần mạng"
    extension = "html"
    presets = ()
    Options = HtmlOptions
    version = "1"

    def render(self, guide: Guide, options: ExportOptions, progress: Progress | None = None) -> str:
        """The finished page as text (conversion only; export() writes it)."""
        words = labels(guide.language)
        theme = theme_info(options.theme)
        uses = terms_used(guide, guide_glossary(guide))
        marker = TermMarker(uses)  # fed in reading order: header, what to bring, intro, then each step
        title = marker.text(guide.title)
        summary = marker.text(guide.summary)
        audience = marker.text(guide.audience)
        prerequisites = [marker.text(item) for item in guide.prerequisites]
        intro = marker.mark(sanitize_markdown(guide.intro))
        steps = []
        for index, step in enumerate(guide.steps, start=1):
            image = None
            if step.image:
                uri, width, height = step_image_uri(guide, step, options.theme)
                image = {
                    "uri": uri,
                    "width": width,
                    "height": height,
                    "alt": step.image_alt or step.title,
                    "tall": height > width,
                }
            steps.append(
                {
                    "number": index,
                    "title": marker.text(step.title),
                    "html": marker.mark(sanitize_markdown(step.text)),
                    "image": image,
                    "callouts": [
                        {"kind": c.kind, "label": words.get(c.kind, c.kind), "html": marker.mark(sanitize_markdown(c.text))}
                        for c in step.callouts
                    ],
                }
            )
            report(progress, index / (len(guide.steps) + 1))
        official = [{"title": link.title or link.url, "url": url} for link in guide.links if (url := links.safe(link.url))]
        page = (
            template_environment()
            .get_template("guide.html.j2")
            .render(
                guide=guide,
                lang=guide.language or "vi",
                words=words,
                theme=theme,
                csp=CSP_PAGE,
                font_css=Markup(font_face_css()),
                title=title,
                summary=summary,
                audience=audience,
                prerequisites=prerequisites,
                intro=intro,
                terms=terms_box(guide, uses),
                steps=steps,
                links=official,
                valid_as_of=format_date(guide),
                minutes=words["minutes"].format(n=guide.estimated_minutes) if guide.estimated_minutes else "",
            )
        )
        check_page(page, str(guide.path or guide.slug))
        return page

    def export(self, guide: Guide, out_dir: Path, options: ExportOptions, progress: Progress | None = None) -> list[Path]:
        """Write `<slug>-html.html` into out_dir and return its path."""
        page = self.render(guide, options, progress)
        target = atomic_write_bytes(Path(out_dir) / self.file_name(guide), page.encode("utf-8"))
        report(progress, 1.0)
        return [target]
