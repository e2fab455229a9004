"""Presenter state without Qt: slides, moving, typed numbers, blanking, timer and the key map."""

from __future__ import annotations

import pytest

from trainer.model import Guide, Step
from trainer.presenter import Presenter, Slide, slides_for


class FakeClock:
    """A clock the test moves by hand, so the timer needs no sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_guide(practice: tuple[int, ...] = (1,), steps: int = 3) -> Guide:
    return Guide(
        title="Kích hoạt VNeID",
        slug="vneid",
        steps=[
            Step(f"Bước {i + 1}", text=f"Nội dung {i + 1}", notes=f"ghi chú {i + 1}", practice=i in practice)
            for i in range(steps)
        ],
    )


def test_slides_are_title_steps_practice_pauses_and_end() -> None:
    assert slides_for(make_guide()) == [
        Slide("title"),
        Slide("step", 0),
        Slide("step", 1),
        Slide("practice", 1),
        Slide("step", 2),
        Slide("end"),
    ]
    assert slides_for(make_guide(), include_practice=False) == [
        Slide("title"),
        Slide("step", 0),
        Slide("step", 1),
        Slide("step", 2),
        Slide("end"),
    ]


def test_practice_after_the_last_step_comes_before_the_end() -> None:
    slides = slides_for(make_guide(practice=(2,)))
    assert slides[-2:] == [Slide("practice", 2), Slide("end")]


def test_next_and_previous_stop_at_the_edges() -> None:
    p = Presenter(make_guide())
    assert p.number == 1 and p.slide.kind == "title"
    assert p.previous() is False and p.number == 1
    kinds = [p.slide.kind]
    while p.next():
        kinds.append(p.slide.kind)
    assert kinds == ["title", "step", "step", "practice", "step", "end"]
    assert p.number == p.count == 6
    assert p.next() is False and p.number == 6 and p.next_slide is None
    assert p.previous() is True and p.slide == Slide("step", 2)


def test_first_and_last() -> None:
    p = Presenter(make_guide())
    assert p.last() is True and p.slide.kind == "end"
    assert p.last() is False
    assert p.first() is True and p.slide.kind == "title"
    assert p.first() is False


def test_jump_counts_like_the_audience_and_clamps() -> None:
    p = Presenter(make_guide())
    assert p.jump(3) is True and p.slide == Slide("step", 1)
    assert p.jump(99) is True and p.slide.kind == "end"
    assert p.jump(0) is True and p.slide.kind == "title"
    assert p.jump(-5) is False and p.number == 1


def test_typed_number_then_enter_opens_that_step() -> None:
    # Slides: title, step 1, step 2, practice after step 2, step 3, end.
    p = Presenter(make_guide())
    p.type_digit("2")
    assert p.digits == "2" and p.number == 1  # nothing moves until Enter
    assert p.enter() is True
    assert p.slide == Slide("step", 1) and p.step_number == 2 and p.digits == ""
    p.type_digit("3")
    p.enter()
    assert p.slide == Slide("step", 2) and p.number == 5  # the practice pause before it is not counted
    p.type_digit("0")
    p.enter()
    assert p.slide.kind == "title"


def test_typed_number_past_the_end_goes_to_the_last_slide() -> None:
    p = Presenter(make_guide())
    for d in "12":
        p.type_digit(d)
    p.enter()
    assert p.slide.kind == "end"


def test_digit_buffer_is_bounded_and_rejects_non_digits() -> None:
    p = Presenter(make_guide())
    for d in "123456":
        p.type_digit(d)
    assert p.digits == "123"
    with pytest.raises(ValueError):
        p.type_digit("x")


def test_enter_without_a_number_is_next() -> None:
    p = Presenter(make_guide())
    assert p.enter() is True and p.number == 2


def test_navigation_clears_a_half_typed_number() -> None:
    p = Presenter(make_guide())
    p.type_digit("5")
    p.next()
    assert p.digits == "" and p.number == 2
    p.enter()
    assert p.number == 3


def test_escape_first_drops_the_number_then_leaves() -> None:
    p = Presenter(make_guide())
    p.type_digit("2")
    p.escape()
    assert p.digits == "" and not p.left
    p.escape()
    assert p.left


def test_blank_toggles_and_switches_colour() -> None:
    p = Presenter(make_guide())
    p.toggle_blank("black")
    assert p.blank == "black"
    p.toggle_blank("black")
    assert p.blank is None
    p.toggle_blank("white")
    p.toggle_blank("black")
    assert p.blank == "black"
    with pytest.raises(ValueError):
        p.toggle_blank("red")


def test_next_on_a_blank_screen_unblanks_without_moving() -> None:
    p = Presenter(make_guide())
    p.next()
    p.toggle_blank("white")
    assert p.next() is False
    assert p.blank is None and p.number == 2
    assert p.next() is True and p.number == 3


def test_step_n_of_m_and_notes() -> None:
    p = Presenter(make_guide())
    assert p.step_number is None and p.step_label() == "title" and p.notes == ""
    p.jump(3)
    assert (p.step_number, p.step_count) == (2, 3)
    assert p.step_label() == "step 2 of 3"
    assert p.notes == "ghi chú 2"
    p.next()
    assert p.step_label() == "practice after step 2 of 3" and p.notes == ""
    p.last()
    assert p.step_label() == "end" and p.step_number is None


def test_timer_runs_pauses_and_resets_with_an_injected_clock() -> None:
    clock = FakeClock()
    p = Presenter(make_guide(), clock=clock)
    assert p.elapsed() == 0
    clock.now += 65
    assert p.elapsed() == 65
    p.toggle_timer()
    assert p.timer_paused
    clock.now += 600  # a tea break is not counted
    assert p.elapsed() == 65
    p.toggle_timer()
    clock.now += 5
    assert p.elapsed() == 70
    p.reset_timer()
    assert p.elapsed() == 0
    clock.now += 3
    assert p.elapsed() == 3


def test_every_key_of_the_issue_is_bound_once() -> None:
    p = Presenter(make_guide())
    keys = p.key_map()  # raises if a key were bound twice
    expected = {
        "next": ("Right", "Down", "Space", "PgDown"),
        "previous": ("Left", "Up", "PgUp"),
        "first": ("Home",),
        "last": ("End",),
        "enter": ("Return", "Enter"),
        "black": ("B",),
        "white": ("W",),
        "leave": ("Esc",),
        "presenter-view": ("P", "Tab"),
    }
    for name, names in expected.items():
        for key in names:
            assert keys[key].name == name, key
    assert all(keys[d].name == f"digit-{d}" for d in "0123456789")
    assert all(a.label for a in p.actions())


def test_press_drives_the_state_by_key_name() -> None:
    p = Presenter(make_guide())
    assert p.press("PgDown").name == "next" and p.number == 2
    assert p.press("PgUp").name == "previous" and p.number == 1
    p.press("End")
    assert p.slide.kind == "end"
    p.press("Home")
    p.press("3")
    p.press("Return")
    assert p.slide == Slide("step", 2)
    p.press("B")
    assert p.blank == "black"
    p.press("B")
    assert p.blank is None
    p.press("Tab")
    assert p.presenter_view
    assert p.press("F13") is None
    p.press("Esc")
    assert p.left


def test_guide_without_steps_still_has_title_and_end() -> None:
    p = Presenter(Guide(title="x", slug="x"))
    assert [s.kind for s in p.slides] == ["title", "end"]
    assert p.step_count == 0
    p.next()
    assert p.slide.kind == "end" and p.next() is False


def test_n_plays_the_step_narration_and_again_or_moving_stops_it() -> None:
    guide = make_guide(practice=())
    guide.steps[0].narration = "audio/01.m4a"
    p = Presenter(guide, clock=FakeClock())
    p.press("N")  # title slide: no narration, nothing to play
    assert not p.narration_playing and p.narration is None
    p.press("Right")
    assert p.narration == "audio/01.m4a"
    p.press("N")
    assert p.narration_playing
    p.press("N")
    assert not p.narration_playing
    p.press("N")
    p.press("Right")  # the voice belongs to its slide: moving on stops it
    assert not p.narration_playing and p.narration is None
    p.press("N")  # step 2 has no narration
    assert not p.narration_playing
    p.press("Left")
    p.press("N")
    p.press("B")  # blanking the screen silences it too
    assert not p.narration_playing
    # N no longer moves to the next slide.
    assert p.key_map()["N"].name == "narration" and p.key_map()["Right"].name == "next"


def test_notes_explain_glossary_terms_on_the_slide_of_first_use(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from trainer.store import load_guide, save_guide

    library = tmp_path / "lib"
    guide = Guide(title="Kích hoạt VNeID mức 2", slug="g", summary="Thử.", topic="Thử", status="draft")
    guide.steps = [Step("Mở", "Bấm vào ứng dụng.", notes="Chỉ biểu tượng."), Step("Mã", "Nhập mã OTP.", notes="Không đọc mã.")]
    save_guide(guide, library / "g" / "guide.md")
    (library / "glossary.yml").write_text(
        "- term: OTP\n  explanation: Mã số dùng một lần.\n- term: mức 2\n  explanation: Tài khoản làm tại Công an xã.\n",
        encoding="utf-8",
    )
    p = Presenter(load_guide(library / "g"))
    assert p.notes == "Từ cần biết:\n- mức 2: Tài khoản làm tại Công an xã."  # the title uses it first
    p.next()
    assert p.notes == "Chỉ biểu tượng."
    p.next()
    assert p.notes == "Không đọc mã.\n\nTừ cần biết:\n- OTP: Mã số dùng một lần."
