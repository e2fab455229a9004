"""Themes are TOML files an editor can copy and change; bad ones fail with one line naming file and key."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from trainer.render.theme import COLOR_KEYS, TEXT_PAIRS, ThemeError, contrast, load_theme, theme_names


def builtin_text(name: str) -> str:
    return (resources.files("trainer") / "resources" / "themes" / f"{name}.toml").read_text(encoding="utf-8")


def test_three_builtin_themes_default_first() -> None:
    assert theme_names() == ["default", "grayscale", "large-print"]
    for name in theme_names():
        theme = load_theme(name)
        assert theme.name == name
        assert theme.department and theme.hotline
        assert set(theme.colors) == set(COLOR_KEYS)


def test_large_print_body_is_at_least_one_and_a_half_times_with_7_to_1_contrast() -> None:
    default, large = load_theme("default"), load_theme("large-print")
    assert large.size("body") >= 1.5 * default.size("body")
    weak = [
        (fg, bg, round(contrast(large.color(fg), large.color(bg)), 2))
        for fg, bg in TEXT_PAIRS
        if contrast(large.color(fg), large.color(bg)) < 7
    ]
    assert weak == []


@pytest.mark.parametrize("name", ["default", "grayscale"])
def test_other_themes_meet_wcag_aa(name: str) -> None:
    theme = load_theme(name)
    weak = [(fg, bg) for fg, bg in TEXT_PAIRS if contrast(theme.color(fg), theme.color(bg)) < 4.5]
    assert weak == []


def test_grayscale_theme_is_gray_only() -> None:
    theme = load_theme("grayscale")
    assert theme.grayscale
    assert all(c[1:3] == c[3:5] == c[5:7] for c in theme.colors.values())


def test_a_copied_and_edited_theme_loads(tmp_path: Path) -> None:
    text = builtin_text("default").replace('department = "Sở Thông tin và Truyền thông"', 'department = "Sở TT&TT tỉnh Lào Cai"')
    copy = tmp_path / "lao-cai.toml"
    copy.write_text(text.replace('name = "default"', 'name = "lao-cai"'), encoding="utf-8")
    theme = load_theme(str(copy))
    assert theme.name == "lao-cai"
    assert theme.department == "Sở TT&TT tỉnh Lào Cai"


def test_missing_colour_names_the_file_and_the_colour(tmp_path: Path) -> None:
    text = "\n".join(line for line in builtin_text("default").split("\n") if not line.startswith("primary ="))
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ThemeError) as info:
        load_theme(bad)
    message = str(info.value)
    assert "\n" not in message
    assert str(bad) in message and "'primary'" in message


def test_bad_colour_value_points_at_its_line(tmp_path: Path) -> None:
    text = builtin_text("default").replace('accent = "#c8102e"', 'accent = "red"')
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.split("\n"), start=1) if row.startswith("accent"))
    with pytest.raises(ThemeError, match=rf"bad.toml:{line}: .*'accent'"):
        load_theme(bad)


def test_toml_syntax_error_and_unknown_names(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("name = \n", encoding="utf-8")
    with pytest.raises(ThemeError, match="broken.toml"):
        load_theme(broken)
    with pytest.raises(ThemeError, match="unknown theme"):
        load_theme("no-such-theme")
    with pytest.raises(ThemeError, match="unknown theme"):
        load_theme(tmp_path / "absent.toml")


def test_grayscale_flag_refuses_colours(tmp_path: Path) -> None:
    text = builtin_text("grayscale").replace('accent = "#000000"', 'accent = "#aa0000"')
    bad = tmp_path / "gray.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ThemeError, match="gray"):
        load_theme(bad)


def test_logo_is_drawn_and_a_broken_logo_is_refused(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    import numpy as np
    from PIL import Image
    from PySide6.QtGui import QImage

    from render_guides import write_guide
    from trainer.render.card import render_card
    from trainer.render.gui import ensure_gui
    from trainer.store import load_guide

    ensure_gui()
    Image.new("RGB", (200, 200), "#ffcc00").save(tmp_path / "logo.png")
    themed = tmp_path / "with-logo.toml"
    themed.write_text(builtin_text("default").replace('logo = ""', 'logo = "logo.png"'), encoding="utf-8")
    guide = load_guide(write_guide(tmp_path / "g"))

    def array(image: QImage) -> np.ndarray:
        rgb = image.convertToFormat(QImage.Format.Format_RGB888)
        return np.frombuffer(bytes(rgb.constBits()), dtype=np.uint8).reshape(rgb.height(), rgb.bytesPerLine())[
            :, : rgb.width() * 3
        ]

    cover = array(render_card(guide, load_theme(themed), 0)).reshape(1350, 1080, 3)
    yellow = (cover[:, :, 0] > 240) & (cover[:, :, 1] > 190) & (cover[:, :, 1] < 215) & (cover[:, :, 2] < 20)
    assert yellow.sum() > 2000
    (tmp_path / "logo.png").write_bytes(b"not an image")
    with pytest.raises(ThemeError, match="logo"):
        load_theme(themed)
