"""Small libraries for publish tests: a few two-step guides with tiny generated images."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

GUIDE = """---
title: {title}
slug: {slug}
summary: Hướng dẫn ngắn số {n} để thử xuất bản.
topic: {topic}
version: '{version}'
valid_as_of: {valid_as_of}
links:
- title: Cổng dịch vụ công
  url: https://dichvucong.gov.vn
status: reviewed
---

## Mở ứng dụng

Bấm vào biểu tượng **ứng dụng** trên màn hình.

![Màn hình chính](images/01.png)

```annotations
tap 0.5 0.6
```

## Đăng nhập

Nhập số định danh và mật khẩu {word}.
"""
TOPICS = ("Định danh điện tử", "Bảo hiểm xã hội", "Dịch vụ công")


def write_guide(
    library: Path,
    slug: str,
    n: int = 1,
    *,
    title: str | None = None,
    version: str = "1.0",
    valid_as_of: str = "2026-11-22",
    word: str = "của bạn",
) -> Path:
    """Write a small valid guide folder (guide.md + one 90x180 PNG) and return it."""
    folder = library / slug
    (folder / "images").mkdir(parents=True, exist_ok=True)
    img = Image.new("RGB", (90, 180), (230, 236, 245))
    ImageDraw.Draw(img).rectangle((20, 100, 70, 120), fill=(11, 74, 139 + n % 100))
    img.save(folder / "images" / "01.png")
    text = GUIDE.format(
        title=title or f"Hướng dẫn thử số {n}",
        slug=slug,
        n=n,
        topic=TOPICS[n % len(TOPICS)],
        version=version,
        valid_as_of=valid_as_of,
        word=word,
    )
    (folder / "guide.md").write_text(text, encoding="utf-8")
    return folder


def make_small_library(root: Path) -> Path:
    """A library of three valid guides under root/content."""
    library = root / "content"
    for n, slug in enumerate(("alpha-guide", "beta-guide", "gamma-guide"), start=1):
        write_guide(library, slug, n)
    return library
