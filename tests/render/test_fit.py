"""Measured fit: text that cannot fit a card or frame is a does-not-fit error at the step's line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from render_guides import write_guide
from trainer.render.fit import fit_problems
from trainer.render.gui import ensure_gui
from trainer.store import load_guide

# 410 characters: inside the 420-character budget of `trainer check`, but with four callouts too tall for a card.
LONG = (
    "Mở ứng dụng, chọn mục **Thủ tục hành chính**, tìm đúng tên thủ tục, đọc kỹ hướng dẫn, chuẩn bị giấy tờ theo danh sách, "
    "chụp ảnh rõ nét từng giấy tờ, điền đủ các ô bắt buộc có dấu sao đỏ, kiểm tra lại số điện thoại và địa chỉ nhận kết quả, "
    "bấm **Nộp hồ sơ**, ghi lại mã hồ sơ để tra cứu, chờ tin nhắn báo kết quả và mang bản gốc giấy tờ khi được hẹn đến lấy."
)
CALLOUTS = "\n\n".join(
    f"> [!{kind}]\n> Không đưa mã OTP cho bất kỳ ai, kể cả người tự xưng là công an, ngân hàng hay nhân viên nhà mạng. "
    "Hãy gọi đường dây nóng nếu nghi ngờ."
    for kind in ("WARNING", "CAUTION", "TIP", "WARNING")
)


@pytest.fixture(autouse=True)
def gui(qapp: QGuiApplication) -> None:
    ensure_gui()


def test_a_short_guide_fits_every_theme(tmp_path: Path) -> None:
    guide = load_guide(write_guide(tmp_path / "ok"))
    for theme in ("default", "large-print", "grayscale"):
        assert fit_problems(guide, theme) == []


def long_guide(tmp_path: Path):  # type: ignore[no-untyped-def]
    # The blur covers the phone drawing's 'secret' digits: this guide is about fit, not personal data.
    folder = write_guide(
        tmp_path / "long",
        steps=[("Nộp hồ sơ trực tuyến", LONG, "phone")],
        callouts={0: CALLOUTS},
        annotations={0: "blur 0.05 0.09 0.95 0.18"},
    )
    return load_guide(folder)


def test_too_much_text_is_an_error_at_the_step_line(tmp_path: Path) -> None:
    guide = long_guide(tmp_path)
    assert len(guide.steps[0].text.replace("*", "")) <= 420
    problems = fit_problems(guide, "default")
    assert problems, "four callouts and 410 characters cannot fit a 1080x1350 card"
    assert {p.code for p in problems} == {"does-not-fit"}
    assert {p.line for p in problems} == {guide.steps[0].line}
    assert all(p.severity == "error" for p in problems)
    assert any("1080x1350" in p.message("en") for p in problems)


def test_unknown_theme_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    guide = load_guide(write_guide(tmp_path / "ok"))
    (problem,) = fit_problems(guide, "no-such-theme")
    assert problem.code == "bad-theme" and "unknown theme" in problem.message("en")


def test_check_command_reports_it(tmp_path: Path) -> None:
    guide = long_guide(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "trainer", "check", str(guide.folder)],
        capture_output=True,
        text=True,
        env={"TRAINER_LANG": "en", "QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert done.returncode == 1
    assert f"guide.md:{guide.steps[0].line}: step 1 'Nộp hồ sơ trực tuyến' does not fit the 1080x1350 card" in done.stdout


def test_check_reports_the_fit_error_beside_personal_data(tmp_path: Path) -> None:
    # The same long guide without the blur: its drawing's 12 digits are personal data, and check (and the
    # refused export) must still say the text does not fit, not stop at the privacy gate's error.
    folder = write_guide(tmp_path / "long", steps=[("Nộp hồ sơ trực tuyến", LONG, "phone")], callouts={0: CALLOUTS})
    line = load_guide(folder).steps[0].line
    env = {"TRAINER_LANG": "en", "QT_QPA_PLATFORM": "offscreen", "PATH": "", "TRAINER_CACHE_DIR": os.environ["TRAINER_CACHE_DIR"]}
    checked = subprocess.run(
        [sys.executable, "-m", "trainer", "check", "--theme", "default", str(folder)], capture_output=True, text=True, env=env
    )
    exported = subprocess.run(
        [sys.executable, "-m", "trainer", "export", str(folder), "--format", "infographic", "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert checked.returncode == 1 and exported.returncode == 1
    for said in (checked.stdout, exported.stderr):
        assert "personal data in image 'images/01.png'" in said, said
        assert f"guide.md:{line}: step 1 'Nộp hồ sơ trực tuyến' does not fit the 1080x1350 card" in said, said


def test_an_export_format_measures_only_what_it_paints(tmp_path: Path) -> None:
    guide = long_guide(tmp_path)
    everything = {p.params["output"] for p in fit_problems(guide, "default")}
    cards = {p.params["output"] for p in fit_problems(guide, "default", "infographic")}
    slides = {p.params["output"] for p in fit_problems(guide, "default", "pptx")}
    assert cards == {"1080x1350 card"} and slides == {"16:9 frame (landscape clip, slides)"}
    assert cards | slides <= everything and len(everything) == 3
    assert fit_problems(guide, "default", "html") == []


def test_an_export_refused_for_several_errors_says_how_many_more_and_where_to_see_them(tmp_path: Path) -> None:
    from trainer.exporters import ExportError, get_exporter
    from trainer.exporters.base import ExportOptions
    from trainer.store.problems import set_language

    blur = "blur 0.05 0.09 0.95 0.18"
    folder = write_guide(
        tmp_path / "two",
        steps=[("Nộp hồ sơ trực tuyến", LONG, "phone"), ("Nộp lại hồ sơ", LONG, "phone")],
        callouts={0: CALLOUTS, 1: CALLOUTS},
        annotations={0: blur, 1: blur},
    )
    guide = load_guide(folder)
    assert len(fit_problems(guide, "default", "infographic")) == 2
    # The app shows this line as it is: it must not send an editor to a command line only.
    said = {}
    try:
        for lang in ("en", "vi"):
            set_language(lang)
            with pytest.raises(ExportError) as caught:
                get_exporter("infographic").export(guide, tmp_path / "out", ExportOptions())
            said[lang] = str(caught.value)
    finally:
        set_language(None)
    assert said["en"].startswith(f"{folder / 'guide.md'}:{guide.steps[0].line}: step 1")
    assert said["en"].endswith(f" (and 1 more: open the guide in Trainer to see them all, or run 'trainer check {folder}')")
    assert said["vi"].endswith(f" (và 1 lỗi khác: mở hướng dẫn trong Trainer để xem hết, hoặc chạy 'trainer check {folder}')")
    assert all("\n" not in line for line in said.values())
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
