"""Presenter windows driven with real key events (pytest-qt), one- and two-screen, and a real X server."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QSize, Qt
from PySide6.QtGui import QColor, QImage

from support import start_xvfb
from trainer.presenter import Slide
from trainer.render.scene import Scene, render_scene
from trainer.store import load_guide
from trainer.ui.presenter import PresenterWindow, presenter_theme, slide_rect

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
GUIDE_DIR = REPO / "content" / "vneid-kich-hoat"


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def guide():  # type: ignore[no-untyped-def]
    return load_guide(GUIDE_DIR)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot, guide, clock):  # type: ignore[no-untyped-def]
    w = PresenterWindow(guide, "default", clock=clock)
    qtbot.addWidget(w)
    w.start(presenter_view=False)
    qtbot.waitExposed(w)
    return w


def shown(window: PresenterWindow) -> QImage:
    """What the slides widget shows right now, as an image."""
    return window.slides.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def colours(image: QImage, samples: int = 40) -> set[int]:
    step_x, step_y = max(1, image.width() // samples), max(1, image.height() // samples)
    return {image.pixel(x, y) for x in range(0, image.width(), step_x) for y in range(0, image.height(), step_y)}


def expected(window: PresenterWindow, scene: Scene) -> QImage:
    """The scene as the render layer paints it, at the size the window shows it."""
    rect = slide_rect(window.slides.rect().toRectF())
    return render_scene(window.guide, window.theme, scene, QSize(round(rect.width()), round(rect.height())))


def centre_matches(window: PresenterWindow, scene: Scene) -> bool:
    """The window's slide area shows exactly what the render layer paints for `scene`."""
    image = shown(window)
    rect = slide_rect(window.slides.rect().toRectF()).toRect()
    return image.copy(rect).convertToFormat(QImage.Format.Format_RGB32) == expected(window, scene).convertToFormat(
        QImage.Format.Format_RGB32
    )


def press(qtbot, window, *keys) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        qtbot.keyClick(window, key)


def test_starts_full_screen_on_the_title(window: PresenterWindow) -> None:
    assert window.isFullScreen()
    assert window.presenter.slide == Slide("title")
    assert centre_matches(window, Scene("title"))


@pytest.mark.parametrize("key", [Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown])
def test_next_keys(qtbot, window: PresenterWindow, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, window, key)
    assert window.presenter.slide == Slide("step", 0)
    assert window.slides.slide == Slide("step", 0)
    assert centre_matches(window, Scene("step", 0))


@pytest.mark.parametrize("key", [Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp])
def test_previous_keys(qtbot, window: PresenterWindow, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, window, Qt.Key.Key_PageDown, Qt.Key.Key_PageDown, key)
    assert window.presenter.slide == Slide("step", 0)
    press(qtbot, window, key, key)  # stops at the first slide
    assert window.presenter.number == 1
    assert centre_matches(window, Scene("title"))


def test_home_and_end(qtbot, window: PresenterWindow) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, window, Qt.Key.Key_End)
    assert window.presenter.slide.kind == "end"
    assert centre_matches(window, Scene("end"))
    press(qtbot, window, Qt.Key.Key_PageDown)  # nothing after the end
    assert window.presenter.slide.kind == "end"
    press(qtbot, window, Qt.Key.Key_Home)
    assert window.presenter.number == 1


def test_step_number_then_enter_opens_that_step(qtbot, window: PresenterWindow, guide) -> None:  # type: ignore[no-untyped-def]
    # A trainer who says "step 2" types 2: that is step 2, not the second slide (the title is slide 1).
    qtbot.keyClicks(window, "2")
    assert window.presenter.number == 1 and window.presenter.digits == "2"
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.presenter.slide == Slide("step", 1) and window.presenter.step_number == 2
    assert centre_matches(window, Scene("step", 1))
    last = len(guide.steps)
    qtbot.keyClicks(window, str(last))
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.presenter.slide == Slide("step", last - 1)
    qtbot.keyClicks(window, "99")
    press(qtbot, window, Qt.Key.Key_Enter)  # the number pad's Enter; past the last step goes to the end
    assert window.presenter.slide.kind == "end"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.KeypadModifier)
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.presenter.slide == Slide("step", 2)


def test_practice_pause_follows_a_practice_step(qtbot, window: PresenterWindow, guide) -> None:  # type: ignore[no-untyped-def]
    index = next(i for i, step in enumerate(guide.steps) if step.practice)
    qtbot.keyClicks(window, str(index + 1))
    press(qtbot, window, Qt.Key.Key_Return, Qt.Key.Key_Space)
    assert window.presenter.slide == Slide("practice", index)
    assert centre_matches(window, Scene("practice", index))
    press(qtbot, window, Qt.Key.Key_Space)
    assert window.presenter.slide == Slide("step", index + 1)


@pytest.mark.parametrize(("key", "colour"), [(Qt.Key.Key_B, "#000000"), (Qt.Key.Key_W, "#ffffff")])
def test_blank_screens(qtbot, window: PresenterWindow, key: Qt.Key, colour: str) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, window, Qt.Key.Key_PageDown)
    press(qtbot, window, key)
    assert colours(shown(window)) == {QColor(colour).rgb()}
    press(qtbot, window, key)  # the same key again shows the slide again
    assert centre_matches(window, Scene("step", 0))
    press(qtbot, window, key, Qt.Key.Key_PageDown)  # a clicker's next on a blank screen only unblanks
    assert window.presenter.blank is None and window.presenter.slide == Slide("step", 0)


def test_escape_leaves(qtbot, window: PresenterWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.finished, timeout=30_000):  # returns as soon as it is emitted
        press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_mouse_clicks_move_like_powerpoint(qtbot, window: PresenterWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton)
    assert window.presenter.number == 2
    qtbot.mouseClick(window, Qt.MouseButton.RightButton)
    assert window.presenter.number == 1


def test_presenter_view_toggled_on_one_screen(qtbot, window: PresenterWindow, guide, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, window, Qt.Key.Key_PageDown)
    clock.now += 65
    before = QDateTime.currentDateTime()
    press(qtbot, window, Qt.Key.Key_P)
    view = window.view
    assert window.showing_view_in_place() and view.isVisible()
    assert view.status.text() == f"Step 1 of {len(guide.steps)}"
    assert view.position.text() == f"Slide 2 of {window.presenter.count}"
    assert view.notes.text() == guide.steps[0].notes
    assert view.elapsed.text() == "01:05"
    # The wall clock shows a time between opening the view and now, however slow the machine is.
    shown_at = QDateTime.fromString(before.toString("yyyy-MM-dd ") + view.clock.text(), "yyyy-MM-dd HH:mm")
    assert shown_at.isValid(), view.clock.text()
    if shown_at < before.addSecs(-before.time().second() - 1):  # past midnight since `before`
        shown_at = shown_at.addDays(1)
    assert before.addSecs(-60) < shown_at <= QDateTime.currentDateTime(), (view.clock.text(), before)
    assert view.current.slide == Slide("step", 0) and view.next.slide == Slide("step", 1)
    # The current and next slides are painted, not empty boxes.
    assert len(colours(view.current.grab().toImage())) > 10 and len(colours(view.next.grab().toImage())) > 10
    # Keys keep working while the view is up, and the view follows.
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert view.status.text() == f"Step 2 of {len(guide.steps)}" and view.notes.text() == guide.steps[1].notes
    qtbot.keyClicks(window, "7")
    assert "7" in view.state.text()
    press(qtbot, window, Qt.Key.Key_B)
    assert "BLACK" in view.state.text()
    press(qtbot, window, Qt.Key.Key_B, Qt.Key.Key_T)
    clock.now += 600
    view.update_times()
    assert view.elapsed.text().startswith("01:05")  # paused
    press(qtbot, window, Qt.Key.Key_Tab)
    assert not window.showing_view_in_place() and window.slides.isVisible()


def test_presenter_view_on_the_closing_slide(qtbot, window: PresenterWindow) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, window, Qt.Key.Key_End, Qt.Key.Key_P)
    view = window.view
    assert view.status.text() == "Closing slide"
    assert view.next.slide is None and "last slide" in view.next_label.text()


def test_slides_are_rendered_once_per_size(qtbot, window: PresenterWindow) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, window, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
    renders = window.renderer.renders
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
        shown(window)
    assert window.renderer.renders == renders


def test_presenter_fonts_are_at_least_the_theme_and_every_slide_fits(guide) -> None:  # type: ignore[no-untyped-def]
    from trainer.render.scene import scene_overflow
    from trainer.render.theme import load_theme

    theme = load_theme("default")
    bigger = presenter_theme(guide, theme)
    assert bigger.font_scale >= theme.font_scale
    for slide in PresenterWindow(guide).presenter.slides:
        scene = Scene(slide.kind, -1 if slide.step_index is None else slide.step_index)
        assert scene_overflow(guide, bigger, scene, QSize(1920, 1080)) <= 0
    # Smallest guide text (step body) as a share of the slide height: at least 3.9 % (the theme's body at 1080p).
    assert bigger.size("body") * 1.25 / 1080 >= 0.039


def test_a_screenshot_deleted_after_the_check_shows_a_message_slide(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / GUIDE_DIR.name
    shutil.copytree(GUIDE_DIR, folder)
    guide = load_guide(folder)
    (folder / guide.steps[0].image).unlink()
    w = PresenterWindow(guide)
    qtbot.addWidget(w)
    w.start(presenter_view=False)
    press(qtbot, w, Qt.Key.Key_PageDown)
    image = shown(w)  # painting raises nothing (pytest-qt fails the test on an exception in paintEvent)
    assert QColor("#a4161a").rgb() in colours(image, 400)
    press(qtbot, w, Qt.Key.Key_PageDown)
    assert centre_matches(w, Scene("step", 1))


# -- whole process: two screens, the CLI, and a real X server -------------------------------------------------
def run_present(env: dict[str, str], out: Path, *extra: str) -> dict:
    env = {
        **os.environ,
        **env,
        "TRAINER_TEST_HOOK": "presenter_hook:drive",
        "TRAINER_SCREENSHOT": str(out),
        "PYTHONPATH": os.pathsep.join([str(HERE), str(REPO / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "present", str(GUIDE_DIR), *extra], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    state = json.loads((out / "state.json").read_text(encoding="utf-8"))
    assert "timed_out" not in state, f"the presenter never showed {state.get('timed_out')}"
    return state


def test_two_screens_put_slides_on_the_tv_and_the_view_on_the_laptop(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    screen = {"y": 0, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {**screen, "name": "laptop", "x": 0, "width": 1366, "height": 768},
                    {**screen, "name": "tv", "x": 1366, "width": 1920, "height": 1080},
                ]
            }
        )
    )
    state = run_present({"QT_QPA_PLATFORM": f"offscreen:configfile={config}"}, tmp_path / "shots")
    assert state["screens"] == ["laptop", "tv"]
    assert state["slide_screen"] == "tv" and state["slide_full_screen"]
    assert state["view"] == "separate" and state["view_screen"] == "laptop" and state["view_full_screen"]
    assert state["status"].startswith("Step 1 of")
    assert QImage(str(tmp_path / "shots" / "view.png")).size() == QSize(1366, 768)


def test_cli_refuses_a_screen_that_does_not_exist(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "present", str(GUIDE_DIR), "--screen", "3"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "screen 3" in result.stderr


def test_cli_reports_a_broken_guide_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_text("no front matter\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "present", str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "guide.md:1:" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow
def test_screenshots_under_xvfb(tmp_path: Path) -> None:
    proc, display = start_xvfb()
    try:
        out = Path(os.environ.get("TRAINER_PRESENTER_SHOTS", tmp_path / "shots"))
        state = run_present({"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}, out)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert state["platform"] == "xcb" and state["view"] == "in-place" and state["view_shown"]
    slide, view = QImage(str(out / "slide.png")), QImage(str(out / "view.png"))
    assert slide.size() == QSize(1366, 768) and view.size() == QSize(1366, 768)
    # Not blank: the slide has the theme's primary band and many colours; the view differs from it.
    assert len(colours(slide)) > 20 and len(colours(view)) > 20
    from trainer.render.theme import load_theme

    primary = QColor(load_theme("default").color("primary")).rgb()
    band_y = round((768 - 1366 * 9 / 16) / 2) + 10
    assert slide.pixel(683, band_y) == primary
    assert slide != view
