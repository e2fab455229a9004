"""Guides made on the spot for render and infographic tests: Pillow-drawn screenshots, known text.

Deterministic (fixed seeds, no clock), so golden images stay stable.
"""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[1]
FONT = REPO / "src" / "trainer" / "resources" / "fonts" / "BeVietnamPro-Bold.ttf"
URL = "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"

STEPS = [
    ("Mở ứng dụng VNeID", "Bấm vào biểu tượng **VNeID** trên màn hình điện thoại.", "phone"),
    ("Nhập số định danh cá nhân", "Nhập *12 chữ số* in trên thẻ căn cước, rồi bấm **Tiếp tục**.", "phone"),
    ("Xem hướng dẫn trên máy tính", "Trang này cũng mở được trên máy tính ở nhà văn hóa.", "wide"),
]


def phone_screenshot(path: Path, seed: int = 1, size: tuple[int, int] = (540, 1170)) -> Path:
    """A flat drawing of a phone screen: coloured bar, buttons, a line of 'secret' digits near the top."""
    rng = random.Random(seed)
    w, h = size
    img = Image.new("RGB", size, "#f3f6fb")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), max(12, w // 18))
    draw.rectangle((0, 0, w, h // 14), fill="#1d5fbf")
    draw.text((w // 20, h // 50), "VNeID", fill="white", font=font)
    for i in range(4):
        top = h // 4 + i * h // 7
        color = "#" + "".join(f"{rng.randrange(60, 220):02x}" for _ in range(3))
        draw.rounded_rectangle((w // 10, top, w - w // 10, top + h // 10), radius=w // 30, fill=color)
        draw.text((w // 6, top + h // 40), f"Nút {i + 1}", fill="black", font=font)
    draw.text((w // 10, h // 9), "".join(str(rng.randrange(10)) for _ in range(12)), fill="black", font=font)
    img.save(path)
    return path


def wide_screenshot(path: Path, seed: int = 2) -> Path:
    """A flat drawing of a desktop web page (wider than tall)."""
    rng = random.Random(seed)
    img = Image.new("RGB", (1280, 760), "#ffffff")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 40)
    draw.rectangle((0, 0, 1280, 90), fill="#b3261e")
    draw.text((40, 20), "Cổng Dịch vụ công", fill="white", font=font)
    for i in range(3):
        draw.rectangle(
            (60 + i * 400, 200, 400 + i * 400, 600), outline="#333333", width=6, fill=f"#{rng.randrange(0xFFFFFF):06x}"
        )
    img.save(path)
    return path


def noise_image(path: Path, seed: int, size: tuple[int, int] = (540, 1170)) -> Path:
    """Random pixels: any trace of them in an output would show."""
    rng = random.Random(seed)
    data = rng.randbytes(size[0] * size[1] * 3)
    Image.frombytes("RGB", size, data).save(path)
    return path


def huge_png_header(path: Path, width: int = 20000, height: int = 20000) -> Path:
    """A tiny file whose PNG header claims width x height pixels (a decompression bomb's calling card)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
    return path


def write_guide(
    folder: Path,
    *,
    slug: str | None = None,
    steps: list[tuple[str, str, str]] | None = None,
    annotations: dict[int, str] | None = None,
    callouts: dict[int, str] | None = None,
    url: str = URL,
    seeds: dict[int, int] | None = None,
) -> Path:
    """Write a guide folder with images; `steps` are (title, markdown, 'phone'|'wide'|'noise'|'none')."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "images").mkdir(exist_ok=True)
    slug = slug or folder.name
    steps = steps if steps is not None else STEPS
    annotations = annotations or {}
    callouts = callouts if callouts is not None else {0: "> [!WARNING]\n> Công an không bao giờ gọi điện yêu cầu cài ứng dụng."}
    seeds = seeds or {}
    body = []
    for index, (title, text, kind) in enumerate(steps):
        part = [f"## {title}", text]
        name = f"images/{index + 1:02d}.png"
        if kind == "phone":
            phone_screenshot(folder / name, seed=seeds.get(index, index + 1))
        elif kind == "wide":
            wide_screenshot(folder / name, seed=seeds.get(index, index + 1))
        elif kind == "noise":
            noise_image(folder / name, seed=seeds.get(index, index + 1))
        if kind != "none":
            part.append(f"![Màn hình bước {index + 1}]({name})")
        if index in annotations:
            part.append("```annotations\n" + annotations[index].strip() + "\n```")
        if index in callouts:
            part.append(callouts[index])
        body.append("\n\n".join(part))
    text = (
        "---\n"
        "title: Kích hoạt tài khoản định danh điện tử\n"
        f"slug: {slug}\n"
        "summary: Kích hoạt tài khoản VNeID sau khi Công an xã đã duyệt hồ sơ.\n"
        "topic: Định danh điện tử\n"
        "valid_as_of: 2026-11-22\n"
        "estimated_minutes: 15\n"
        "links:\n"
        "- title: Cổng Dịch vụ công quốc gia\n"
        f"  url: {url}\n"
        "prerequisites:\n"
        "- Thẻ căn cước gắn chip\n"
        "status: reviewed\n"
        "---\n\n" + "\n\n".join(body) + "\n"
    )
    (folder / "guide.md").write_text(text, encoding="utf-8")
    return folder
