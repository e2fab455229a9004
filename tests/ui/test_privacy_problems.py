"""The privacy gate in the editor's live problem list: the error beside its step, found in a worker while the
window stays responsive, cleared at once by a blur drawn on the canvas or a keep mark, cached on reopening.

The detection is the real one (trainer.privacy: RapidOCR, zxing-cpp, OpenCV) on a drawn phone screen.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest

from support import write_id_guide
from trainer.ui.app import MainWindow

ID = "001 089 012345"
ERROR = "personal data in image 'images/info.png' (ID number)"


def _open(qtbot, library: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(library)
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.resize(1366, 768)
    window.show()
    assert window.open_guide(library / "xem-dinh-danh")
    return window


def _privacy(window: MainWindow) -> list[str]:
    assert window.editor is not None
    return [p.message() for p in window.editor.problems_for_step(0) if p.code.startswith("personal-data")]


def _drag(view, a: QPoint, b: QPoint) -> None:  # type: ignore[no-untyped-def]
    QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(view, QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    QTest.mouseMove(view, b)
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


@pytest.mark.slow  # the real detection runs on the picture, first without a cache
def test_problem_list_shows_unblurred_id_without_freezing_and_a_blur_or_keep_clears_it(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TRAINER_CACHE_DIR", str(tmp_path / "cache"))  # a first scan, not a cached one
    library = tmp_path / "library"
    boxes = write_id_guide(library / "xem-dinh-danh", [("Số định danh cá nhân", ID), ("Tổng đài", "1900 0368")])

    # A timer on the GUI thread: while the picture is looked at, the event loop must keep running it.
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()

    window = _open(qtbot, library)
    editor = window.editor
    assert editor is not None
    qtbot.waitUntil(lambda: editor.scanning_steps == [0], timeout=10_000)
    started = time.monotonic()
    # Scanning is said beside the step while it lasts: in the banner under the form and on the step's row.
    assert editor.problem_banner.isVisible() and "Looking for personal data in the picture" in editor.problem_banner.text()
    assert "Looking for personal data" in editor.step_list.item(0).toolTip()
    qtbot.waitUntil(lambda: bool(_privacy(window)), timeout=600_000)  # a hang bound: a starved first scan took minutes
    finished = time.monotonic()
    timer.stop()
    during = [t for t in ticks if started <= t <= finished]
    gaps = [b - a for a, b in zip([started, *during], [*during, finished], strict=True)]
    scan_seconds = finished - started
    # Run on the GUI thread the scan would be one gap as long as itself, with no tick inside it; in a worker
    # the timer keeps ticking every 20 ms (here: at least a third of its ticks, and three). No bound on the
    # scan's own length: an idle machine scans this picture in about half a second, a busy one in minutes.
    assert len(during) >= max(3, scan_seconds / 0.020 / 3), (scan_seconds, len(during))
    # (Relative, not in seconds: on a machine busy with other work a starved process pauses as a whole too.)
    assert max(gaps) < max(scan_seconds / 3, 0.1), (max(gaps), scan_seconds)

    # The error is beside its step: in the banner, on the step's row (red, tooltip), as `trainer check` says it.
    (message,) = _privacy(window)
    assert ERROR in message
    assert ERROR in editor.problem_banner.text() and "Looking for" not in editor.problem_banner.text()
    assert ERROR in editor.step_list.item(0).toolTip()
    assert editor.step_list.item(0).foreground().color().name() == "#b71c1c"

    # Blur it with the Hide tool on the canvas: the error goes with the next check, without looking again.
    picture = editor.step_form.picture
    canvas, view = picture.canvas, picture.canvas.viewport()
    x0, y0, x1, y1 = boxes[ID]
    picture.tool_group.button(5).click()  # Hide
    # From outside the dashed proposal over the same number (a press on it would pick the proposal up).
    corner_a, corner_b = canvas.to_widget(x0 - 0.03, y0 - 0.03), canvas.to_widget(x1 + 0.03, y1 + 0.03)
    _drag(view, corner_a.toPoint(), corner_b.toPoint())
    assert [m.kind for m in window.doc.guide.steps[0].annotations] == ["blur"]
    drawn = time.monotonic()
    qtbot.waitUntil(lambda: not _privacy(window), timeout=5_000)
    assert time.monotonic() - drawn < 3.0 and not picture.scans.busy()
    assert not editor.problem_banner.isVisible() and editor.step_list.item(0).toolTip() == ""

    # Undo the blur: the error is back at once (what was seen is remembered); a keep mark accepts it instead.
    window.a_undo.trigger()
    qtbot.waitUntil(lambda: bool(_privacy(window)), timeout=5_000)
    assert not picture.scans.busy()
    qtbot.waitUntil(lambda: len(canvas.proposals()) == 1, timeout=5_000)  # the finding, proposed dashed
    picture.tool_group.button(0).click()  # Select
    canvas.select_proposal(0)
    QTest.keyClick(canvas, Qt.Key.Key_Delete)  # keep it visible: a reviewed, public detail
    assert [m.kind for m in window.doc.guide.steps[0].annotations] == ["keep"]
    qtbot.waitUntil(lambda: not _privacy(window), timeout=5_000)


@pytest.mark.slow
def test_reopening_a_guide_uses_the_cache_and_a_picture_that_cannot_be_read_is_an_error(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from trainer.privacy import scan, scanner

    monkeypatch.setenv("TRAINER_CACHE_DIR", str(tmp_path / "cache"))
    library = tmp_path / "library"
    write_id_guide(library / "xem-dinh-danh", [("Số định danh cá nhân", ID)])
    assert [f.kind for f in scan(library / "xem-dinh-danh" / "images" / "info.png")] == ["id-number"]  # fills the cache
    looked: list[Path] = []
    real = scanner._detect
    monkeypatch.setattr(scanner, "_detect", lambda path: looked.append(path) or real(path))

    window = _open(qtbot, library)
    qtbot.waitUntil(lambda: bool(_privacy(window)), timeout=10_000)
    assert looked == []  # answered from the SHA-256 cache: no engine ran

    # A picture the engines cannot read is not clean: it is an error of its own until it can be looked at.
    window.close_guide()
    (library / "xem-dinh-danh" / "images" / "info.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    window = _open(qtbot, library)
    qtbot.waitUntil(lambda: bool(_privacy(window)), timeout=10_000)
    assert window.editor is not None
    codes = [p.code for p in window.editor.problems_for_step(0)]
    assert "personal-data-unchecked" in codes, codes


@pytest.mark.slow
def test_closing_the_guide_drops_the_pictures_not_looked_at_yet(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from privacy_screens import Row, draw_screen
    from trainer.model import Guide, Step
    from trainer.privacy import scanner
    from trainer.store import save_guide
    from trainer.ui.background import wait_for_background

    monkeypatch.setenv("TRAINER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "library" / "bon-buoc"
    (folder / "images").mkdir(parents=True)
    steps = []
    for n in range(4):
        draw_screen(folder / "images" / f"{n}.png", [Row("Số điện thoại", f"091{n} 345 678")])
        steps.append(Step(title=f"Bước {n + 1}", text="Xem.", image=f"images/{n}.png", image_alt="Màn hình"))
    save_guide(Guide(title="Bốn bước", slug="bon-buoc", steps=steps), folder / "guide.md")
    looked: list[Path] = []
    real = scanner._detect
    monkeypatch.setattr(scanner, "_detect", lambda path: looked.append(path) or real(path))

    window = MainWindow(tmp_path / "library")
    qtbot.addWidget(window, before_close_func=lambda w: w.doc is not None and w.doc.stack.setClean())
    window.show()
    assert window.open_guide(folder)
    editor = window.editor
    assert editor is not None
    qtbot.waitUntil(lambda: len(editor.scanning_steps) == 4 and len(looked) == 1, timeout=300_000)  # all four asked for
    assert window.close_guide()  # at once, while the first picture is being looked at
    assert wait_for_background(600_000)  # a bound for a hang only: on a busy machine one scan can take minutes
    # Only the picture being looked at was finished; the three queued behind it were never looked at.
    assert len(looked) == 1, looked
