"""How a kit is laid out for a team leader: by what the team does with each file, in Vietnamese, with a start page.

The publish folder keeps every output of a guide side by side (`<out>/<slug>/`); the ZIPs sent to the
teams sort them into folders named after what a team does with them (print, send on Zalo/Facebook,
show on a TV, play over the loudspeaker, read on a phone) and open with `Mở trước.html`, a page
that says in two lines what each folder is for and works on a phone without a network.

Two kits per guide: the full one (`<slug>.zip`) and a small one for phones (`<slug>-dien-thoai.zip`:
the light clip, the JPEG pictures, the web page and the A4 handout).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from markupsafe import Markup

from trainer.model import Guide

START_PAGE = "Mở trước.html"
SMALL_KIT_SUFFIX = "-dien-thoai"  # <slug>-dien-thoai.zip


@dataclass(frozen=True)
class Section:
    """A folder of a kit: its name, what it is for (two short lines), and which outputs go there."""

    folder: str
    title: str
    what: str
    how: str
    patterns: tuple[str, ...]  # regular expressions on the output's file name after '<slug>-'


SECTIONS = (
    Section(
        "1 - Để in",
        "Để in",
        "Tài liệu phát tay khổ A4, sổ tay A5 và thẻ thực hành, cùng ảnh nét để in.",
        "In được trên máy in đen trắng; sổ tay A5 in hai mặt rồi gấp đôi.",
        (r"handout-.*\.pdf", r"infographic-.*\.png"),
    ),
    Section(
        "2 - Gửi Zalo, Facebook",
        "Gửi Zalo, Facebook",
        "Ảnh nhẹ và video dọc để gửi vào nhóm Zalo hoặc đăng lên Facebook.",
        "Gửi các ảnh thẻ theo thứ tự số; video nhẹ hợp với mạng yếu.",
        (r"infographic-.*\.jpe?g", r"clip-(vertical|share|lite)\.(mp4|srt|vtt)"),
    ),
    Section(
        "3 - Chiếu lên TV",
        "Chiếu lên TV",
        "Video ngang và bài trình chiếu để chiếu trong buổi hướng dẫn.",
        "Chép vào USB rồi mở trên TV, hoặc mở bằng máy tính nối máy chiếu.",
        (r"clip-landscape\.(mp4|srt|vtt)", r"pptx\.pptx"),
    ),
    Section(
        "4 - Phát loa",
        "Phát loa",
        "Bản đọc thành tiếng để phát trên loa truyền thanh thôn, tổ dân phố.",
        "Mở tệp MP3 bằng máy phát của loa, hoặc điện thoại nối loa.",
        (r"audio.*\.(mp3|m4a)",),
    ),
    Section(
        "5 - Xem trên điện thoại",
        "Xem trên điện thoại",
        "Trang hướng dẫn từng bước, mở được trên điện thoại mà không cần mạng.",
        "Bấm vào tệp là xem được; có thể gửi cả tệp này qua Zalo.",
        (r"html\.html",),
    ),
)
OTHER = Section("6 - Khác", "Khác", "Các tệp khác của hướng dẫn.", "", ())
SOURCE_NOTE = Section(
    "source",
    "Bản gốc (thư mục source)",
    "Bản gốc của hướng dẫn để sửa trong Trainer; thư mục branding giữ tên đơn vị, đường dây nóng và logo.",
    "Chỉ cán bộ biên soạn cần đến; dùng “Nhận bộ tài liệu” trong Trainer.",
    (),
)
# What the small kit for phones keeps: the light clip, the JPEG pictures, the web page and the A4 handout.
SMALL_KIT = (r"clip-lite\.(mp4|srt|vtt)", r"infographic-.*\.jpe?g", r"html\.html", r"handout-a4\.pdf")


def section_of(slug: str, name: str) -> Section:
    """The section an output file (named `<slug>-...`) belongs in."""
    rest = name[len(slug) + 1 :] if name.startswith(slug + "-") else name
    for section in SECTIONS:
        if any(re.fullmatch(p, rest) for p in section.patterns):
            return section
    return OTHER


def in_small_kit(slug: str, name: str) -> bool:
    """True for the outputs the small kit for phones carries."""
    rest = name[len(slug) + 1 :] if name.startswith(slug + "-") else name
    return any(re.fullmatch(p, rest) for p in SMALL_KIT)


def arrange(slug: str, outputs: list[str], small: bool = False) -> list[tuple[str, str]]:
    """(path in the ZIP, output name) for every output a kit carries, in its section's folder."""
    placed = []
    for name in sorted(outputs):
        if small and not in_small_kit(slug, name):
            continue
        placed.append((f"{section_of(slug, name).folder}/{PurePosixPath(name).name}", name))
    return placed


def _size(n: int) -> str:
    for unit in ("byte", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "byte" else f"{n:.1f} {unit}".replace(".", ",")
        n /= 1024  # type: ignore[assignment]
    return f"{n} byte"


def start_page(guide: Guide, placed: list[tuple[str, Path]], theme: str, small: bool, has_source: bool) -> str:
    """`Mở trước.html`: what each folder is for, in two lines, with links to its files; works offline on a phone."""
    from trainer.exporters.html import CSP_PAGE, check_page, font_face_css, format_date, template_environment, theme_info

    groups = []
    for section in (*SECTIONS, OTHER):
        files = [
            {"href": quote(path, safe="/,"), "name": PurePosixPath(path).name, "size": _size(source.stat().st_size)}
            for path, source in placed
            if path.startswith(section.folder + "/")
        ]
        if files:
            groups.append({"section": section, "files": files})
    page = (
        template_environment()
        .get_template("kit-start.html.j2")
        .render(
            guide=guide,
            valid_as_of=format_date(guide),
            groups=groups,
            source=SOURCE_NOTE if has_source else None,
            small=small,
            theme=theme_info(theme),
            csp=CSP_PAGE,
            font_css=Markup(font_face_css()),
        )
    )
    check_page(page, START_PAGE)
    return page
