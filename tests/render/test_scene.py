"""Scenes, cards and step blocks: one layout at any size and aspect, QR on the end frame, measured heights."""

from __future__ import annotations

import subprocess
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from render_guides import URL, write_guide
from support import read_qr_codes, require_tesseract_vie
from trainer.render.block import paint_step_block, step_block_height
from trainer.render.card import CARD_SIZE, card_count, card_label, render_card
from trainer.render.gui import ensure_gui
from trainer.render.scene import Scene, render_scene, scenes
from trainer.render.theme import load_theme
from trainer.store import load_guide


@pytest.fixture(autouse=True)
def gui(qapp: QGuiApplication) -> None:
    ensure_gui()


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = write_guide(tmp_path_factory.mktemp("scene") / "sample", slug="sample")
    text = (folder / "guide.md").read_text(encoding="utf-8")
    text = text.replace(
        "## Nhập số", "```notes\nNgười lớn tuổi hay bấm nhầm.\n```\n\n```step\npractice: true\n```\n\n## Nhập số", 1
    )
    (folder / "guide.md").write_text(text, encoding="utf-8")
    return load_guide(folder)


def array(image: QImage) -> np.ndarray:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(bytes(rgb.constBits()), dtype=np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return data[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3).copy()


FRAME = "#12ab34"  # a phone-frame colour nothing else in the scene uses


@pytest.fixture(scope="module")
def green_frames(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The default theme with the phone frame painted in FRAME, so the frame can be found by colour."""
    text = (resources.files("trainer") / "resources" / "themes" / "default.toml").read_text(encoding="utf-8")
    path = tmp_path_factory.mktemp("theme") / "green.toml"
    path.write_text(text.replace('frame = "#1f2329"', f'frame = "{FRAME}"'), encoding="utf-8")
    return load_theme(path)


def frame_pixels(image: QImage) -> tuple[np.ndarray, np.ndarray]:
    """(ys, xs) of pixels in the phone frame's colour."""
    colour = QColor(FRAME)
    arr = array(image).astype(int)
    close = (
        (abs(arr[:, :, 0] - colour.red()) < 3)
        & (abs(arr[:, :, 1] - colour.green()) < 3)
        & (abs(arr[:, :, 2] - colour.blue()) < 3)
    )
    return np.nonzero(close)


def qr_codes(image: QImage, tmp_path: Path) -> list[str]:
    path = tmp_path / "frame.png"
    image.save(str(path))
    return read_qr_codes(path)


def test_scene_list_with_and_without_practice(guide) -> None:  # type: ignore[no-untyped-def]
    assert [s.kind for s in scenes(guide)] == ["title", "step", "step", "step", "end"]
    assert scenes(guide, include_practice=True)[2] == Scene("practice", 0)


def test_portrait_stacks_and_landscape_puts_the_image_left(guide, green_frames) -> None:  # type: ignore[no-untyped-def]
    portrait = render_scene(guide, green_frames, Scene("step", 0), QSize(1080, 1920))
    ys, _ = frame_pixels(portrait)
    assert len(ys) > 1000 and ys.max() < 1920 * 0.75  # the caption takes the bottom quarter
    landscape = render_scene(guide, green_frames, Scene("step", 0), QSize(1280, 720))
    _, xs = frame_pixels(landscape)
    assert len(xs) > 1000 and xs.max() < 1280 * 0.45


def test_same_scene_reads_the_same_at_480_and_1080(guide) -> None:  # type: ignore[no-untyped-def]
    theme = load_theme("default")
    big = render_scene(guide, theme, Scene("step", 0), QSize(1080, 1920))
    small = render_scene(guide, theme, Scene("step", 0), QSize(480, 854))
    a = np.asarray(Image.fromarray(array(big)).resize((240, 427), Image.Resampling.BOX), dtype=float)
    b = np.asarray(Image.fromarray(array(small)).resize((240, 427), Image.Resampling.BOX), dtype=float)
    assert np.abs(a - b).mean() < 6


@pytest.mark.parametrize("size", [QSize(1080, 1920), QSize(1280, 720)], ids=["portrait", "landscape"])
def test_end_scene_qr_decodes_to_the_official_link(guide, size: QSize, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert qr_codes(render_scene(guide, load_theme("default"), Scene("end"), size), tmp_path) == [URL]


def test_notes_panel_only_when_asked_and_present(guide) -> None:  # type: ignore[no-untyped-def]
    theme = load_theme("default")
    size = QSize(1280, 720)
    with_notes = array(render_scene(guide, theme, Scene("step", 0), size, notes=True))
    without = array(render_scene(guide, theme, Scene("step", 0), size))
    assert not np.array_equal(with_notes, without)
    no_notes_step = Scene("step", 1)
    assert np.array_equal(
        array(render_scene(guide, theme, no_notes_step, size, notes=True)), array(render_scene(guide, theme, no_notes_step, size))
    )


def test_card_set_numbers_and_end_card_qr(guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    theme = load_theme("grayscale")
    assert card_count(guide) == 5
    assert [card_label(guide, i) for i in range(5)] == ["1/5", "2/5", "3/5", "4/5", "5/5"]
    cards = [render_card(guide, theme, i) for i in range(5)]
    assert all(c.size() == CARD_SIZE for c in cards)
    assert len({array(c).tobytes() for c in cards}) == 5
    assert qr_codes(cards[-1], tmp_path) == [URL]
    with pytest.raises(IndexError):
        render_card(guide, theme, 5)


def test_a_step_card_shows_one_counter(guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    exe = require_tesseract_vie()
    theme = load_theme("default")

    def read(index: int, band: tuple[int, int], invert: bool) -> str:
        image = Image.frombytes("RGB", (1080, 1350), array(render_card(guide, theme, index)).tobytes())
        strip = ImageOps.grayscale(image.crop((0, band[0], 1080, band[1])))
        strip = (ImageOps.invert(strip) if invert else strip).resize((2160, 2 * (band[1] - band[0])))
        path = tmp_path / f"card{index}-{band[0]}.png"
        strip.save(path)
        return subprocess.run([exe, str(path), "-", "-l", "vie", "--psm", "6"], capture_output=True, text=True).stdout

    header, footer = read(2, (0, 80), invert=True), read(2, (1270, 1350), invert=False)
    assert "Bước 2/3" in header and "1800 1096" in footer  # the bands were read
    assert "/5" not in header + footer  # the card set's "3/5" is gone from step cards
    assert "1/5" in read(0, (1230, 1300), invert=False)  # the cover still says where the set starts


@pytest.mark.parametrize("theme_name", ["default", "large-print"])
def test_step_block_paints_the_height_it_measured(guide, theme_name: str) -> None:  # type: ignore[no-untyped-def]
    theme = load_theme(theme_name)
    for index in range(len(guide.steps)):
        height = step_block_height(guide, index, theme, 968)
        image = QImage(968, int(height) + 200, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        used = paint_step_block(painter, QRectF(0, 0, 968, height), guide, index, theme)
        painter.end()
        assert used == pytest.approx(height)
        ink = np.nonzero(np.any(array(image) < 200, axis=2))[0]
        assert ink.max() <= height + 3  # antialiased edges may spill a pixel or two


def test_large_print_blocks_are_taller(guide) -> None:  # type: ignore[no-untyped-def]
    assert step_block_height(guide, 0, load_theme("large-print"), 968) > step_block_height(guide, 0, load_theme("default"), 968)


def test_step_text_runs_around_the_phone(tmp_path: Path) -> None:
    """Large print: lines beside the phone stop before it, lines and callouts below it use the whole width."""
    from trainer.render.block import _layout

    long = "Mang thẻ căn cước và điện thoại đến Công an xã, phường; cán bộ thu thông tin và gửi hồ sơ đi duyệt. " * 3
    folder = write_guide(
        tmp_path / "long",
        steps=[("Đăng ký tại Công an xã", long, "phone")],
        callouts={0: "> [!WARNING]\n> Công an không bao giờ gọi điện yêu cầu cài ứng dụng lạ trên điện thoại."},
    )
    theme = load_theme("large-print")
    layout = _layout(load_guide(folder), 0, theme, 968, 1.0)
    phone = layout.image
    assert phone is not None and phone.right() <= 968
    body = layout.text.body
    body.size()
    widths = {"beside": [], "below": []}  # type: dict[str, list[float]]
    block = body.begin()
    while block.isValid():
        lines = block.layout()
        for i in range(lines.lineCount()):
            line = lines.lineAt(i)
            top = layout.body_top + lines.position().y() + line.y()
            if line.textLength():
                side = "beside" if top < phone.bottom() else "below"
                widths[side].append(line.naturalTextWidth())
        block = block.next()
    assert widths["beside"] and widths["below"]
    assert max(widths["beside"]) < phone.left()
    assert max(widths["below"]) > phone.left()
    box, top = layout.text.callouts[0], layout.callout_tops[0]
    assert top >= phone.bottom() and box.width == pytest.approx(968)
    assert layout.height == pytest.approx(top + box.height)
