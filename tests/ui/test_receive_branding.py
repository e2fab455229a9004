"""Receiving a kit in the app brings its branding, asking before a different local branding is replaced."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from trainer.publish import publish
from trainer.render.branding import Branding, save_branding
from trainer.store.library_file import choose_branding, chosen_branding
from trainer.ui.kit_dialogs import receive_kit


def branded(library: Path, department: str, logo_dir: Path) -> Path:
    logo = logo_dir / f"logo-{len(department)}.png"
    Image.new("RGBA", (300, 200), (200, 16, 46, 255)).save(logo)
    theme = save_branding(library, Branding(department=department, short_name="So KHCN", hotlines=["1800 1096"], logo=logo))
    choose_branding(library, theme)
    return theme


def test_receive_kit_keeps_or_replaces_a_different_branding(qtbot, library: Path, tmp_path: Path, dialogs) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    sender_theme = branded(library, "Sở Khoa học và Công nghệ tỉnh Gửi Đi", tmp_path)
    summary = publish(library, tmp_path / "kits", formats=["html"], jobs=1, theme=str(sender_theme), slugs=["dang-ky-vssid"])
    assert summary.ok and (tmp_path / "kits" / "dang-ky-vssid" / "branding" / "so-khcn.toml").is_file()
    kit = tmp_path / "kits" / "dang-ky-vssid.zip"
    parent = QWidget()
    qtbot.addWidget(parent)

    empty = tmp_path / "empty-library"
    empty.mkdir()
    result = receive_kit(parent, empty, kit)
    assert result is not None and result.branding == "added+chosen" and dialogs.seen == []
    assert chosen_branding(empty) == empty / "themes" / "so-khcn.toml"

    team = tmp_path / "team-library"
    team.mkdir()
    own = branded(team, "Sở Khoa học và Công nghệ tỉnh Nhận Về", tmp_path)
    mine = own.read_bytes()
    dialogs.queue("Keep mine")
    result = receive_kit(parent, team, kit)
    assert result is not None and result.action == "added" and result.branding == "kept"
    assert "so-khcn.toml" in dialogs.seen[-1] and own.read_bytes() == mine
    dialogs.queue("Use the kit's branding")
    result = receive_kit(parent, team, kit)
    assert result is not None and result.action == "unchanged" and result.branding == "replaced"
    assert own.read_bytes() == sender_theme.read_bytes() and chosen_branding(team) == own
