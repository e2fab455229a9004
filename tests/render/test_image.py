"""Step images: upright, phone frame by shape or flag, marks in relative coordinates, redaction burnt in."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter

from render_guides import huge_png_header, noise_image, write_guide
from trainer.model import Annotation
from trainer.render.card import render_card
from trainer.render.fonts import make_font
from trainer.render.gui import ensure_gui
from trainer.render.image import (
    StepImageError,
    is_phone,
    load_step_image,
    paint_annotations,
    paint_step_image,
)
from trainer.render.scene import Scene, render_scene
from trainer.render.strip import render_strip
from trainer.render.theme import load_theme
from trainer.store import load_guide

BLUR = (0.1, 0.3, 0.9, 0.6)


@pytest.fixture(autouse=True)
def gui(qapp: QGuiApplication) -> None:
    ensure_gui()


def pixels(image: QImage) -> np.ndarray:
    """RGB array of a QImage."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(bytes(rgb.constBits()), dtype=np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return data[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3)


def noise_guide(folder: Path, seed: int):  # type: ignore[no-untyped-def]
    """A one-step guide whose image is random noise (seed) with a blur mark over its middle."""
    write_guide(
        folder,
        slug="noise",
        steps=[("Ảnh có thông tin riêng", "Vùng giữa bị che.", "noise")],
        annotations={0: "blur " + " ".join(str(v) for v in BLUR)},
        seeds={0: seed},
        callouts={},
    )
    return load_guide(folder)


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Two guides identical except for the pixels of their image (different noise)."""
    base = tmp_path_factory.mktemp("twins")
    return noise_guide(base / "a", 1), noise_guide(base / "b", 2)


def redacted_mask(image: np.ndarray, other: np.ndarray) -> np.ndarray:
    return np.any(image != other, axis=2)


def test_redacted_pixels_carry_no_trace_of_the_original(twins) -> None:  # type: ignore[no-untyped-def]
    a, b = twins
    theme = load_theme("default")
    img_a, img_b = pixels(load_step_image(a, a.steps[0], theme)), pixels(load_step_image(b, b.steps[0], theme))
    h, w, _ = img_a.shape
    left, top, right, bottom = int(BLUR[0] * w), int(BLUR[1] * h), int(BLUR[2] * w) - 1, int(BLUR[3] * h) - 1
    # Inside the region the two different originals give identical pixels: nothing of them is left.
    assert np.array_equal(img_a[top:bottom, left:right], img_b[top:bottom, left:right])
    # Outside it the noise is still there (the comparison can fail).
    assert not np.array_equal(img_a[:top], img_b[:top])


@pytest.mark.parametrize("output", ["card", "portrait", "landscape", "strip"])
def test_redaction_holds_in_every_output(twins, output: str) -> None:  # type: ignore[no-untyped-def]
    a, b = twins
    theme = load_theme("default")
    render = {
        "card": lambda g: render_card(g, theme, 1),
        "portrait": lambda g: render_scene(g, theme, Scene("step", 0), QSize(480, 854)),
        "landscape": lambda g: render_scene(g, theme, Scene("step", 0), QSize(1280, 720)),
        "strip": lambda g: render_strip(g, theme),
    }[output]
    img_a, img_b = pixels(render(a)), pixels(render(b))
    differs = redacted_mask(img_a, img_b)
    assert differs.any(), "the two noise images should show outside the redaction"
    ys, xs = np.nonzero(differs)
    # Find the painted image's box from where the outputs differ, then look inside the blur region of it.
    top, bottom, left, right = ys.min(), ys.max(), xs.min(), xs.max()
    h, w = bottom - top, right - left
    inner = differs[
        int(top + (BLUR[1] + 0.02) * h) : int(top + (BLUR[3] - 0.02) * h),
        int(left + (BLUR[0] + 0.02) * w) : int(left + (BLUR[2] - 0.02) * w),
    ]
    assert inner.size > 100
    assert not inner.any()


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "g", steps=[("Ảnh xoay", "Ảnh chụp bị xoay.", "none")], callouts={})
    shot = Image.new("RGB", (600, 300), "white")
    shot.paste(Image.new("RGB", (100, 300), "red"), (0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 clockwise to view
    shot.save(folder / "images" / "rot.jpg", exif=exif.tobytes())
    text = (
        (folder / "guide.md")
        .read_text(encoding="utf-8")
        .replace("Ảnh chụp bị xoay.", "Ảnh chụp bị xoay.\n\n![xoay](images/rot.jpg)")
    )
    (folder / "guide.md").write_text(text, encoding="utf-8")
    guide = load_guide(folder)
    image = load_step_image(guide, guide.steps[0])
    assert (image.width(), image.height()) == (300, 600)
    # The red stripe was on the left of the stored pixels; upright, it is along the top.
    assert QColor(image.pixel(150, 20)).red() > 200 and QColor(image.pixel(150, 580)).green() > 200
    assert is_phone(guide.steps[0], 300, 600)


def test_phone_frame_by_shape_or_flag(tmp_path: Path) -> None:
    guide = load_guide(write_guide(tmp_path / "g"))
    phone, wide = guide.steps[0], guide.steps[2]
    assert is_phone(phone, 540, 1170) and not is_phone(wide, 1280, 760)
    wide.frame = "phone"
    assert is_phone(wide, 1280, 760)
    phone.frame = "none"
    assert not is_phone(phone, 540, 1170)


def mark_box(guide, size: QSize) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    """Where the annotation colour lands, relative to the painted screen rect."""
    theme = load_theme("default")
    canvas = QImage(size, QImage.Format.Format_RGB32)
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    screen = paint_step_image(painter, QRectF(0, 0, size.width(), size.height()), guide, guide.steps[0], theme)
    painter.end()
    arr = pixels(canvas).astype(int)
    mark = QColor(theme.color("mark"))
    close = (
        (abs(arr[:, :, 0] - mark.red()) < 40) & (abs(arr[:, :, 1] - mark.green()) < 40) & (abs(arr[:, :, 2] - mark.blue()) < 40)
    )
    ys, xs = np.nonzero(close)
    return (
        (xs.min() - screen.left()) / screen.width(),
        (ys.min() - screen.top()) / screen.height(),
        (xs.max() - screen.left()) / screen.width(),
        (ys.max() - screen.top()) / screen.height(),
    )


def test_annotations_stay_in_place_at_any_size(tmp_path: Path) -> None:
    folder = write_guide(
        tmp_path / "g", steps=[("Bấm nút", "Bấm nút xanh.", "phone")], annotations={0: "box 0.2 0.4 0.8 0.55"}, callouts={}
    )
    noise_image(folder / "images" / "01.png", 7)  # no colour in the shot can be mistaken for the mark
    Image.open(folder / "images" / "01.png").convert("L").convert("RGB").save(folder / "images" / "01.png")
    guide = load_guide(folder)
    small, large = mark_box(guide, QSize(200, 400)), mark_box(guide, QSize(800, 1600))
    for got_small, got_large, wanted in zip(small, large, (0.2, 0.4, 0.8, 0.55), strict=True):
        assert got_small == pytest.approx(wanted, abs=0.04)
        assert got_large == pytest.approx(wanted, abs=0.02)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "not found"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\nnot really a png"), "cannot read image"),
        (huge_png_header, "too large"),
    ],
    ids=["missing", "corrupt", "20000x20000"],
)
def test_bad_images_raise_one_line_naming_guide_and_line(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    folder = write_guide(tmp_path / "g")
    target = folder / "images" / "02.png"
    target.unlink()
    make(target)
    guide = load_guide(folder)
    with pytest.raises(StepImageError) as info:
        load_step_image(guide, guide.steps[1])
    text = str(info.value)
    line = next(
        n for n, row in enumerate((folder / "guide.md").read_text(encoding="utf-8").split("\n"), 1) if "images/02.png" in row
    )
    assert text.startswith(f"{folder / 'guide.md'}:{line}:") and message in text and "\n" not in text


def test_import_strips_gps_applies_orientation_and_downscales(tmp_path: Path) -> None:
    from trainer.store.media import IMPORT_MAX_SIDE, import_image

    photo = Image.new("RGB", (4000, 3000), "white")
    photo.paste(Image.new("RGB", (4000, 500), "red"), (0, 0))  # red along the top of the stored pixels
    exif = Image.Exif()
    exif[0x0112] = 8  # viewer rotates 90 degrees counter-clockwise
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[2] = (21.0, 2.0, 30.0)  # latitude
    gps[4] = (105.0, 51.0, 12.0)  # longitude
    source = tmp_path / "camera.jpg"
    photo.save(source, exif=exif.tobytes())
    assert Image.open(source).getexif().get_ifd(0x8825), "the test photo must carry GPS"
    folder = tmp_path / "guide"
    relative = import_image(source, folder, stem="anh")
    with Image.open(folder / relative) as imported:
        assert not imported.getexif() and "exif" not in imported.info
        assert max(imported.size) <= IMPORT_MAX_SIDE
        assert imported.width < imported.height  # upright: the 4000x3000 photo stands up
        # Rotated counter-clockwise, the red top edge ends up on the left.
        assert imported.convert("RGB").getpixel((5, imported.height // 2))[1] < 50


@pytest.mark.parametrize("label", ["Đăng ký", "Đăng nhập", "Tiếp tục"])
def test_a_tap_marker_never_hides_the_label_it_points_at(label: str) -> None:
    """The tap mark is a ring around the spot: every pixel of the button label under the finger stays as it was."""
    width, height = 1080, 2340
    screen = QImage(width, height, QImage.Format.Format_RGB32)
    screen.fill(QColor("#ffffff"))
    painter = QPainter(screen)
    button = QRectF(240, 1100, 600, 140)
    painter.fillRect(button, QColor("#e3f2fd"))
    painter.setPen(QColor("#0d47a1"))
    painter.setFont(make_font(44, QFont.Weight.Bold))
    painter.drawText(button, Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    marked = screen.copy()
    painter = QPainter(marked)
    centre = button.center()
    paint_annotations(
        painter, QRectF(0, 0, width, height), [Annotation("tap", centre.x() / width, centre.y() / height)], load_theme("default")
    )
    painter.end()
    before, after = pixels(screen), pixels(marked)
    assert not np.array_equal(before, after)  # the ring is there
    text = QFontMetrics(make_font(44, QFont.Weight.Bold)).boundingRect(label)
    text.moveCenter(button.center().toPoint())
    rows, cols = slice(text.top() - 4, text.bottom() + 5), slice(text.left() - 4, text.right() + 5)
    assert np.array_equal(before[rows, cols], after[rows, cols])  # not one pixel of the label changed
