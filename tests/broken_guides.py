"""A library of broken guides, one kind of breakage per folder, for `trainer check` tests.

Each case maps a folder name (also its slug) to the files to write and the problem code that
`trainer check` must report for it, as the only problem of that guide.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image


def good_text(slug: str, body: str | None = None, front: str = "") -> str:
    """A valid guide with the given slug; `front` adds lines to the front matter, `body` replaces the steps."""
    steps = body if body is not None else "## Mở ứng dụng\n\nBấm vào biểu tượng ứng dụng.\n\n![Màn hình](images/a.png)\n"
    return (
        "---\n"
        "title: Hướng dẫn thử\n"
        f"slug: {slug}\n"
        "summary: Một hướng dẫn để thử trình kiểm tra.\n"
        "topic: Thử nghiệm\n"
        "valid_as_of: 2026-11-22\n"
        "links:\n"
        "- title: Cổng dịch vụ công\n"
        "  url: https://dichvucong.gov.vn\n"
        "status: draft\n"
        f"{front}"
        "---\n\n"
        f"{steps}"
    )


def png_bytes(size: tuple[int, int] = (90, 160)) -> bytes:
    """A small real PNG (portrait, like a phone screenshot)."""
    out = io.BytesIO()
    Image.new("RGB", size, (40, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def bomb_png(width: int = 20000, height: int = 20000) -> bytes:
    """A PNG whose header claims width x height pixels: opening it for real would need gigabytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    # Rows of zeros compress to almost nothing: a few kilobytes of data for 1.2 GB of pixels.
    rows = zlib.compressobj(9)
    data = rows.compress(b"\x00" * (1 + width * 3) * 64) + rows.flush()
    return b"\x89PNG\r\n\x1a\n" + header + chunk(b"IDAT", data) + chunk(b"IEND", b"")


@dataclass
class Case:
    """One broken guide: its files and the problem `trainer check` must find."""

    code: str
    files: dict[str, bytes | str] = field(default_factory=dict)
    setup: Callable[[Path], None] | None = None
    line: int | None = None


def _step(text: str) -> str:
    return f"## Bước một\n\n{text}\n"


def _symlink_out(folder: Path) -> None:
    outside = folder.parent.parent / "outside.png"
    outside.write_bytes(png_bytes())
    os.symlink(outside, folder / "images" / "a.png")


CASES: dict[str, Case] = {
    "broken-yaml": Case("yaml", {"guide.md": good_text("broken-yaml").replace("title: Hướng", "title: [Hướng: x")}),
    "no-front-matter": Case("no-front-matter", {"guide.md": "# Chỉ có tiêu đề\n\nKhông có phần đầu.\n"}, line=1),
    "unclosed-front-matter": Case("unclosed-front-matter", {"guide.md": "---\ntitle: x\nslug: y\n"}),
    "front-matter-list": Case("front-matter-not-mapping", {"guide.md": "---\n- a\n- b\n---\n\n## x\n\ny\n"}),
    "empty-file": Case("no-front-matter", {"guide.md": ""}),
    "missing-title": Case("missing-field", {"guide.md": good_text("missing-title").replace("title: Hướng dẫn thử\n", "")}),
    "empty-summary": Case(
        "empty-field",
        {"guide.md": good_text("empty-summary").replace("summary: Một hướng dẫn để thử trình kiểm tra.", "summary:")},
        line=4,
    ),
    "not-utf8": Case(
        "not-utf8", {"guide.md": good_text("not-utf8").encode("utf-8").replace("Bấm".encode(), "B\xe2m".encode("latin-1"))}
    ),
    "invalid-date": Case("bad-date", {"guide.md": good_text("invalid-date").replace("2026-11-22", "2026-13-45")}, line=6),
    "bad-link": Case("bad-link", {"guide.md": good_text("bad-link").replace("https://dichvucong.gov.vn", "javascript:alert(1)")}),
    "bad-status": Case("bad-status", {"guide.md": good_text("bad-status").replace("status: draft", "status: done")}),
    "bad-minutes": Case("bad-type", {"guide.md": good_text("bad-minutes", front="estimated_minutes: mười\n")}),
    "Bad-Slug": Case("bad-slug", {"guide.md": good_text("Bad-Slug")}),
    "slug-mismatch": Case("slug-folder", {"guide.md": good_text("another-name")}),
    "no-steps": Case("no-steps", {"guide.md": good_text("no-steps", body="Chỉ có lời giới thiệu.\n")}),
    "too-many-steps": Case(
        "too-many-steps", {"guide.md": good_text("too-many-steps", body="".join(_step(f"Bước {i}.") for i in range(13)))}
    ),
    "step-no-text": Case(
        "step-no-text", {"guide.md": good_text("step-no-text", body="## Bước trống\n\n## Bước hai\n\nCó chữ.\n")}, line=13
    ),
    "text-too-long": Case("text-too-long", {"guide.md": good_text("text-too-long", body=_step("Rất dài. " * 60))}),
    "image-missing": Case("image-missing", {"guide.md": good_text("image-missing")}, line=17),
    "image-not-image": Case(
        "image-unreadable", {"guide.md": good_text("image-not-image"), "images/a.png": "đây không phải là ảnh"}
    ),
    "image-corrupt": Case("image-unreadable", {"guide.md": good_text("image-corrupt"), "images/a.png": png_bytes()[:60]}),
    "image-huge": Case("image-too-large", {"guide.md": good_text("image-huge"), "images/a.png": bomb_png()}),
    "image-dotdot": Case("image-outside", {"guide.md": good_text("image-dotdot").replace("images/a.png", "../../x.png")}),
    "image-absolute": Case("image-outside", {"guide.md": good_text("image-absolute").replace("images/a.png", "/etc/hostname")}),
    "image-symlink-out": Case("image-outside", {"guide.md": good_text("image-symlink-out")}, setup=_symlink_out),
    "two-images": Case(
        "two-images",
        {
            "guide.md": good_text("two-images", body=_step("Chữ.\n\n![a](images/a.png)\n\n![b](images/a.png)")),
            "images/a.png": png_bytes(),
        },
    ),
    "bad-annotation": Case(
        "bad-annotation",
        {
            "guide.md": good_text("bad-annotation", body=_step("Chữ.\n\n![a](images/a.png)\n\n```annotations\ntap 1.5 0.2\n```")),
            "images/a.png": png_bytes(),
        },
    ),
    "annotation-no-image": Case(
        "annotation-no-image",
        {"guide.md": good_text("annotation-no-image", body=_step("Chữ.\n\n```annotations\ntap 0.5 0.2\n```"))},
    ),
    "unknown-callout": Case(
        "bad-callout", {"guide.md": good_text("unknown-callout", body=_step("Chữ.\n\n> [!DANGER]\n> Nguy hiểm."))}
    ),
    "unclosed-notes": Case(
        "unclosed-block", {"guide.md": good_text("unclosed-notes", body=_step("Chữ.\n\n```notes\nGhi chú không đóng"))}
    ),
    "bad-step-options": Case(
        "bad-step-options", {"guide.md": good_text("bad-step-options", body=_step("Chữ.\n\n```step\nduration: -3\n```"))}
    ),
    "narration-missing": Case(
        "audio-missing", {"guide.md": good_text("narration-missing", body=_step("Chữ.\n\n```step\nnarration: audio/01.mp3\n```"))}
    ),
    "too-big-file": Case("too-big", {"guide.md": good_text("too-big-file") + ("x" * 1_100_000)}),
}
_FILES_NEEDING_IMAGE = {
    "broken-yaml",
    "missing-title",
    "empty-summary",
    "not-utf8",
    "invalid-date",
    "bad-link",
    "bad-status",
    "bad-minutes",
}
_FILES_NEEDING_IMAGE |= {"Bad-Slug", "slug-mismatch", "image-dotdot", "image-absolute", "too-big-file"}
for _name in _FILES_NEEDING_IMAGE:
    CASES[_name].files.setdefault("images/a.png", png_bytes())


def write_case(root: Path, name: str) -> Path:
    """Write one broken guide folder under root and return it."""
    case = CASES[name]
    folder = root / name
    (folder / "images").mkdir(parents=True, exist_ok=True)
    for relative, content in case.files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    if case.setup:
        case.setup(folder)
    return folder


def write_library(root: Path) -> Path:
    """Write every broken guide under root/library and return the library folder."""
    library = root / "library"
    library.mkdir(parents=True)
    for name in CASES:
        write_case(library, name)
    return library
