"""Brandings: saved as theme files every output can load, colours held to the themes' contrast rules, logos checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from trainer.render.branding import Branding, library_brandings, load_branding, logo_problems, save_branding, weak_pairs
from trainer.render.theme import load_theme


def logo(path: Path, size: tuple[int, int] = (300, 200), transparent: bool = True) -> Path:
    img = Image.new("RGBA", size, (0, 0, 0, 0) if transparent else (255, 255, 255, 255))
    for x in range(size[0] // 4, 3 * size[0] // 4):
        for y in range(size[1] // 4, 3 * size[1] // 4):
            img.putpixel((x, y), (200, 16, 46, 255))
    img.save(path)
    return path


def test_a_saved_branding_is_a_theme_every_output_loads(tmp_path: Path) -> None:
    branding = Branding(
        department="Sở Khoa học và Công nghệ tỉnh Lào Cai",
        short_name="Sở KH&CN Lào Cai",
        hotlines=["0214 3 555 666", "1800 1096"],
        website="https://sokhcn.laocai.gov.vn",
        footer="Tổ công nghệ số cộng đồng — luôn bên người dân",
        logo=logo(tmp_path / "logo.png"),
        primary="#1d4d2b",
        accent="#9c2a00",
    )
    path = save_branding(tmp_path / "library", branding)
    assert path == tmp_path / "library" / "themes" / "so-kh-cn-lao-cai.toml"
    theme = load_theme(path)
    assert theme.department == branding.department and theme.hotline == "0214 3 555 666 – 1800 1096"
    assert theme.website == branding.website and theme.footer == branding.footer and theme.short_name == "Sở KH&CN Lào Cai"
    assert theme.color("primary") == "#1d4d2b" and theme.color("accent") == "#9c2a00"
    assert theme.logo is not None and theme.logo.read_bytes() == (tmp_path / "logo.png").read_bytes()
    assert library_brandings(tmp_path / "library") == [path]
    again = load_branding(path)
    assert again.hotlines == branding.hotlines and again.department == branding.department and again.base == "default"


def test_large_print_branding_keeps_large_print_sizes_and_rule(tmp_path: Path) -> None:
    large = load_theme("large-print")
    branding = Branding(department="Sở KH&CN", hotlines=["1800 1096"], base="large-print", primary="#0b4a8b", accent="#8c0d22")
    theme = load_theme(save_branding(tmp_path, branding))
    assert theme.font_scale == large.font_scale and theme.sizes == large.sizes
    # A blue that passes 4.5:1 under white text can still miss large print's 7:1.
    assert weak_pairs(Branding(primary="#2f6fb0", base="default")) == []
    assert weak_pairs(Branding(primary="#2f6fb0", base="large-print"))[0][:2] == ("on_primary", "primary")


def test_colours_too_light_for_white_text_are_refused() -> None:
    weak = weak_pairs(Branding(primary="#ffd23f", accent="#c8102e"))
    assert [(fg, bg) for fg, bg, _ in weak] == [("on_primary", "primary")] and weak[0][2] < 4.5


def test_logo_checks(tmp_path: Path) -> None:
    assert logo_problems(logo(tmp_path / "ok.png")) == ([], [])
    errors, _ = logo_problems(logo(tmp_path / "tiny.png", (40, 30)))
    assert errors and "40x30" in errors[0]
    _, warnings = logo_problems(logo(tmp_path / "opaque.png", transparent=False))
    assert warnings and "transparent" in warnings[0]
    (tmp_path / "fake.png").write_text("not a picture", encoding="utf-8")
    assert logo_problems(tmp_path / "fake.png")[0]


def test_svg_logo_is_kept_as_a_transparent_png(tmp_path: Path) -> None:
    svg = tmp_path / "logo.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><circle cx="50" cy="50" r="40" fill="#c8102e"/></svg>',
        encoding="utf-8",
    )
    assert logo_problems(svg) == ([], [])
    theme = load_theme(save_branding(tmp_path / "lib", Branding(department="Sở KH&CN", logo=svg)))
    assert theme.logo is not None and theme.logo.suffix == ".png"
    with Image.open(theme.logo) as img:
        assert img.height == 600 and img.mode == "RGBA"
        assert img.getpixel((0, 0))[3] == 0 and img.getpixel((img.width // 4, img.height // 2))[3] == 255


@pytest.mark.parametrize("website", ["javascript:alert(1)", "sokhcn.laocai.gov.vn"])
def test_only_web_links_are_saved(tmp_path: Path, website: str) -> None:
    from trainer.render.theme import ThemeError

    with pytest.raises(ThemeError, match="website"):
        save_branding(tmp_path, Branding(department="Sở KH&CN", website=website))
    assert not (tmp_path / "themes" / "so-kh-cn.toml").exists()
