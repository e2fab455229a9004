"""Presenter state without Qt: which slide is up, blanking, the digit buffer and the elapsed timer.

The presenter windows only show this state and map keys to its actions, so every rule of the
presentation (what comes after a practice step, what Enter does after a number, what B does on a
black screen) is tested here without a display.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from trainer.model import Guide
from trainer.store.glossary import guide_glossary
from trainer.terms import notes_with_terms, terms_used

SLIDE_KINDS = ("title", "step", "practice", "end")
BLANKS = ("black", "white")
# More digits than this cannot be a slide number (a guide has at most 12 steps); keeps a stuck key harmless.
MAX_DIGITS = 3


@dataclass(frozen=True)
class Slide:
    """One slide of the presentation: kind is title|step|practice|end; step_index for step and practice."""

    kind: str
    step_index: int | None = None


@dataclass(frozen=True)
class Action:
    """Something the presenter can do: a stable name, an English label, its keys and its handler.

    Keys are Qt's portable key-sequence names (QKeySequence.toString()), so the window maps a key
    event to an action with one dict lookup and this module still needs no Qt.
    """

    name: str
    label: str
    keys: tuple[str, ...]
    handler: Callable[[], object]


def slides_for(guide: Guide, include_practice: bool = True) -> list[Slide]:
    """Title slide, one slide per step (a practice pause after steps marked practice), closing slide."""
    return [Slide(kind, index) for kind, index in guide.sequence(include_practice)]


class Presenter:
    """Position, blanking, digit buffer and timer of one running presentation."""

    def __init__(self, guide: Guide, clock: Callable[[], float] = time.monotonic) -> None:
        self.guide = guide
        self.terms = terms_used(guide, guide_glossary(guide))  # explained in the notes where first used
        self.slides = slides_for(guide)
        self.index = 0
        self.blank: str | None = None
        self.digits = ""
        self.left = False
        self.presenter_view = False
        # The slide whose narration should be playing (N asks, N again or any move stops it), or None.
        self.narration_slide: int | None = None
        self._clock = clock
        self._started = clock()
        self._paused_at: float | None = None

    # -- where we are ---------------------------------------------------------------------------
    @property
    def slide(self) -> Slide:
        """The slide on screen (also while blanked: blanking hides it, it does not move)."""
        return self.slides[self.index]

    @property
    def next_slide(self) -> Slide | None:
        """The slide that Next would show, None on the last one."""
        return self.slides[self.index + 1] if self.index + 1 < len(self.slides) else None

    @property
    def number(self) -> int:
        """The slide number as the audience sees it (1-based)."""
        return self.index + 1

    @property
    def count(self) -> int:
        """How many slides there are."""
        return len(self.slides)

    @property
    def step_count(self) -> int:
        """How many steps the guide has (the m of 'step n of m')."""
        return len(self.guide.steps)

    @property
    def step_number(self) -> int | None:
        """The n of 'step n of m' (1-based) on step and practice slides, None on title and end."""
        index = self.slide.step_index
        return None if index is None else index + 1

    def step_label(self) -> str:
        """English 'step n of m' / 'title' / 'practice after step n' / 'end' (the window translates its own)."""
        kind, n, m = self.slide.kind, self.step_number, self.step_count
        if kind == "step":
            return f"step {n} of {m}"
        if kind == "practice":
            return f"practice after step {n} of {m}"
        return kind

    @property
    def notes(self) -> str:
        """Presenter notes for the current slide, with the glossary terms first used on it ('' when none)."""
        index, kind = self.slide.step_index, self.slide.kind
        if kind == "title":
            return notes_with_terms(self.guide, self.terms, None, "")
        if kind == "step" and index is not None:
            return notes_with_terms(self.guide, self.terms, index, self.guide.steps[index].notes)
        return ""

    @property
    def narration(self) -> str | None:
        """The narration file (relative to the guide folder) of the step on screen, None when it has none."""
        index = self.slide.step_index
        return self.guide.steps[index].narration if index is not None and self.slide.kind == "step" else None

    def toggle_narration(self) -> None:
        """N: play the step's recorded narration; N again stops it. Nothing on a slide without one."""
        self.digits = ""
        if self.narration_slide is not None:
            self.narration_slide = None
        elif self.narration:
            self.narration_slide = self.index

    @property
    def narration_playing(self) -> bool:
        """True while the narration of the slide on screen is asked for."""
        return self.narration_slide is not None and self.narration_slide == self.index

    # -- moving ---------------------------------------------------------------------------------
    def _go(self, index: int) -> bool:
        """Move to index (clamped); any navigation first brings a blanked screen back, without moving."""
        self.digits = ""
        self.narration_slide = None  # the voice belongs to the slide it was started on
        if self.blank is not None:
            # A trainer who blanked the TV to talk presses their clicker to come back to the slide
            # they left, not to the one after it.
            self.blank = None
            return False
        target = max(0, min(index, len(self.slides) - 1))
        moved = target != self.index
        self.index = target
        return moved

    def next(self) -> bool:
        """Show the next slide; False when already on the last one (or when it only unblanked)."""
        return self._go(self.index + 1)

    def previous(self) -> bool:
        """Show the previous slide; False when already on the first one (or when it only unblanked)."""
        return self._go(self.index - 1)

    def first(self) -> bool:
        """Show the title slide."""
        return self._go(0)

    def last(self) -> bool:
        """Show the closing slide."""
        return self._go(len(self.slides) - 1)

    def jump(self, number: int) -> bool:
        """Show slide `number` as the audience counts (1-based); past the end shows the last, below 1 the first."""
        return self._go(number - 1)

    # -- typing a slide number ------------------------------------------------------------------
    def type_digit(self, digit: str) -> None:
        """Add one typed digit to the slide number being entered."""
        if not (len(digit) == 1 and digit.isdigit()):
            raise ValueError(f"not a digit: {digit!r}")
        if len(self.digits) < MAX_DIGITS:
            self.digits += digit

    def jump_to_step(self, number: int) -> bool:
        """Show step `number` (1-based, as printed on the slides and the handout); 0 the title, past the last step the end."""
        if number < 1:
            return self._go(0)
        for index, slide in enumerate(self.slides):
            if slide.kind == "step" and slide.step_index == number - 1:
                return self._go(index)
        return self._go(len(self.slides) - 1)

    def enter(self) -> bool:
        """Enter: go to the step whose number was typed (a trainer says "step 2", not "slide 3"), else the next slide."""
        if not self.digits:
            return self.next()
        return self.jump_to_step(int(self.digits))

    def escape(self) -> None:
        """Esc: drop a half-typed number if there is one, otherwise leave the presentation."""
        if self.digits:
            self.digits = ""
        else:
            self.left = True

    # -- blanking ---------------------------------------------------------------------------------
    def toggle_blank(self, colour: str) -> None:
        """B / W: blank the screen to black or white; the same key again shows the slide again."""
        if colour not in BLANKS:
            raise ValueError(f"blank must be one of {BLANKS}, not {colour!r}")
        self.digits = ""
        self.blank = None if self.blank == colour else colour
        self.narration_slide = None

    def toggle_presenter_view(self) -> None:
        """Show or hide the presenter view (on a single screen it takes the screen's place)."""
        self.presenter_view = not self.presenter_view

    # -- timer ----------------------------------------------------------------------------------
    def elapsed(self) -> float:
        """Seconds since the presentation started, not counting paused time."""
        now = self._paused_at if self._paused_at is not None else self._clock()
        return max(0.0, now - self._started)

    @property
    def timer_paused(self) -> bool:
        """True while the elapsed timer is stopped."""
        return self._paused_at is not None

    def toggle_timer(self) -> None:
        """Pause or resume the elapsed timer (for a tea break)."""
        if self._paused_at is None:
            self._paused_at = self._clock()
        else:
            self._started += self._clock() - self._paused_at
            self._paused_at = None

    def reset_timer(self) -> None:
        """Start the elapsed timer again from zero (keeps it paused if it was)."""
        now = self._clock()
        self._started = now
        if self._paused_at is not None:
            self._paused_at = now

    # -- actions as data --------------------------------------------------------------------------
    def actions(self) -> list[Action]:
        """Every action with its keys; the window maps key events to these and lists them as help."""
        digits = [
            Action(f"digit-{d}", f"Type slide number digit {d}", (d,), lambda d=d: self.type_digit(d)) for d in "0123456789"
        ]
        return [
            Action("next", "Next slide", ("Right", "Down", "Space", "PgDown"), self.next),
            Action("previous", "Previous slide", ("Left", "Up", "PgUp", "Backspace"), self.previous),
            Action("first", "First slide", ("Home",), self.first),
            Action("last", "Last slide", ("End",), self.last),
            Action("enter", "Go to the typed slide number (or next)", ("Return", "Enter"), self.enter),
            Action("black", "Black screen (again to return)", ("B", "."), lambda: self.toggle_blank("black")),
            Action("white", "White screen (again to return)", ("W", ","), lambda: self.toggle_blank("white")),
            Action("presenter-view", "Show or hide the presenter view", ("P", "Tab"), self.toggle_presenter_view),
            Action("narration", "Play the step's recorded narration (again to stop)", ("N",), self.toggle_narration),
            Action("timer", "Pause or resume the timer", ("T",), self.toggle_timer),
            Action("reset-timer", "Restart the timer from zero", ("R",), self.reset_timer),
            Action("leave", "Leave the presentation", ("Esc",), self.escape),
            *digits,
        ]

    def key_map(self) -> dict[str, Action]:
        """Key name -> action, for the window's key handler."""
        mapping: dict[str, Action] = {}
        for action in self.actions():
            for key in action.keys:
                if key in mapping:
                    raise ValueError(f"key {key} is bound twice: {mapping[key].name} and {action.name}")
                mapping[key] = action
        return mapping

    def press(self, key: str) -> Action | None:
        """Run the action bound to a key name; return it, or None for a key that does nothing."""
        action = self.key_map().get(key)
        if action is not None:
            action.handler()
        return action
