"""Sample guides and screenshots for the UI tests (imported by conftest and by tests that build their own)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PIL import Image, ImageDraw

from trainer.model import Annotation, Callout, Guide, Link, Step
from trainer.store import save_guide


def make_screenshot(path: Path, color: str = "#1565c0", size: tuple[int, int] = (360, 720)) -> Path:
    """A phone-screenshot-like PNG with a few shapes, so images and thumbnails have content."""
    img = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, size[0], 60], fill=color)
    d.rectangle([40, 300, size[0] - 40, 380], outline="black", width=4)
    d.ellipse([size[0] // 2 - 30, 500, size[0] // 2 + 30, 560], fill="#2e7d32")
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path)
    return path


def make_guide(
    root: Path,
    slug: str = "dang-ky-vssid",
    title: str = "Đăng ký VssID",
    topic: str = "Bảo hiểm xã hội",
    status: str = "reviewed",
    steps: int = 2,
    valid: _dt.date | None = None,
) -> Path:
    """A valid guide folder with `steps` steps, the first with an image and marks."""
    folder = root / slug
    make_screenshot(folder / "images" / "01.png")
    guide = Guide(
        title=title,
        slug=slug,
        summary="Cài ứng dụng và đăng ký tài khoản.",
        topic=topic,
        valid_as_of=valid or _dt.date.today(),
        status=status,
        links=[Link("Cổng BHXH", "https://vssid.gov.vn")],
        steps=[
            Step(
                title=f"Bước số {i + 1}",
                text=f"Nội dung **bước** {i + 1}.",
                image="images/01.png" if i == 0 else None,
                image_alt="Màn hình" if i == 0 else "",
                annotations=[Annotation("badge", 0.5, 0.5, label="1")] if i == 0 else [],
                callouts=[Callout("tip", "Mẹo nhỏ.")] if i == 0 else [],
            )
            for i in range(steps)
        ],
    )
    save_guide(guide, folder / "guide.md")
    return folder
