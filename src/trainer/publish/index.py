"""The library's index.html: every published guide with its page, kit and files; search that ignores accents.

Like the guide pages it is one self-contained file (font embedded, CSP forbidding the network); it
alone runs a small inline script, for the search box, and every guide is listed without it.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from trainer.exporters.html import CSP_INDEX, check_page, font_face_css, format_date, labels, template_environment, theme_info
from trainer.model import Guide
from trainer.store.atomic import atomic_write_bytes

INDEX = "index.html"


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


def index_entry(guide: Guide, out_dir: Path, files: list[str], kit: str | None) -> dict[str, Any]:
    """What the index shows of one guide: identity, search text, and links relative to the index."""
    page = next((f for f in files if f == f"{guide.slug}-html.html"), None)
    search = " ".join([guide.title, guide.summary, guide.topic, guide.slug, *[s.title for s in guide.steps]])
    listed = []
    for name in sorted(files):
        path = out_dir / guide.slug / name
        if path.is_file():
            listed.append({"name": name, "href": f"{guide.slug}/{name}", "size": _size(path.stat().st_size)})
    kits = []
    if kit:
        from trainer.publish.kit import small_kit_path

        for path, label in ((out_dir / kit, "kit"), (small_kit_path(out_dir / kit), "small_kit")):
            if path.is_file():
                kits.append({"href": path.name, "label": label, "size": _size(path.stat().st_size)})
    return {
        "slug": guide.slug,
        "title": guide.title,
        "summary": guide.summary,
        "topic": guide.topic,
        "steps": len(guide.steps),
        "valid_as_of": format_date(guide),
        "search": search,
        "page": f"{guide.slug}/{page}" if page else None,
        "kit": kit,
        "kits": kits,
        "files": listed,
    }


def index_hash(entries: list[dict[str, Any]], theme: str) -> str:
    """A hash of everything the index shows, so it is rewritten only when that changes."""
    data = json.dumps([entries, theme], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def render_index(entries: list[dict[str, Any]], theme: str) -> str:
    """The index page as text."""
    words = labels("vi")
    script = Markup(
        "<script>\n"
        + (resources.files("trainer") / "resources" / "templates" / "search.js").read_text(encoding="utf-8")
        + "</script>"
    )
    topics = sorted({e["topic"] for e in entries if e["topic"]})
    page = (
        template_environment()
        .get_template("index.html.j2")
        .render(
            guides=entries,
            topics=topics,
            words=words,
            theme=theme_info(theme),
            csp=CSP_INDEX,
            font_css=Markup(font_face_css()),
            script=script,
        )
    )
    check_page(page, INDEX, script=str(script))
    return page


def write_index(entries: list[dict[str, Any]], out_dir: Path, theme: str) -> Path:
    """Write out_dir/index.html atomically."""
    return atomic_write_bytes(out_dir / INDEX, render_index(entries, theme).encode("utf-8"))
