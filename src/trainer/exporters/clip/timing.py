"""How long each scene of a clip lasts, and where it starts: the one timeline the picture, sound and captions share.

Reading pace: 2 words per second. Vietnamese is written one syllable per word-space, so a "word"
here is a syllable; fluent adults read 4-5 syllables a second, but a clip is watched by elderly
citizens and people new to smartphones, on a small screen, while also looking at the screenshot.
Half the fluent pace (about 120 syllables a minute, the pace of slow, careful read-aloud speech)
lets them read the caption once and find the marked button in the picture.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from trainer.model import Guide

WORDS_PER_SECOND = 2.0
# Breathing room after the caption is read (or the narration ends) before the next scene starts.
PAUSE = 1.0
# Crossfade between scenes; a scene's time includes its fade in, so a scene is fully visible for (duration - TRANSITION).
TRANSITION = 0.5
# No scene shorter than this, however short its text: a flash of a screen teaches nothing.
MIN_SCENE = 3.0
# The end card carries the hotline and a QR code: time to point a phone at it.
END_SCENE = 6.0
# Narration starts once the scene has faded in (the title card needs no fade, it is frame 0).
NARRATION_LEAD = TRANSITION

_MARKUP = re.compile(r"(\*\*|__|\*|_|`|^\s*(?:[-+]|\d+[.)])\s+)", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain_text(markdown: str) -> str:
    """Markdown inline emphasis, list markers and link targets removed: what the viewer reads."""
    text = _LINK.sub(r"\1", markdown)
    return _MARKUP.sub("", text).strip()


def word_count(text: str) -> int:
    """Words (Vietnamese syllables) in plain text."""
    return len(re.findall(r"\w+", text))


def reading_seconds(text: str) -> float:
    """Seconds a slow reader needs for this text at WORDS_PER_SECOND."""
    return word_count(text) / WORDS_PER_SECOND


def scene_texts(guide: Guide, end_lines: list[str] | None = None) -> list[str]:
    """The text shown on each scene (title, one per step, end), as plain lines for captions and timing.

    `end_lines` is what the end card says (done, hotline, official link); by default the title and link.
    """
    texts = ["\n".join(t for t in (guide.title, guide.summary) if t)]
    for step in guide.steps:
        parts = [step.title, plain_text(step.text)] + [plain_text(c.text) for c in step.callouts]
        texts.append("\n".join(p for p in parts if p))
    if end_lines is None:
        end_lines = [guide.title] + [f"{link.title}: {link.url}" for link in guide.links[:1]]
    texts.append("\n".join(line for line in end_lines if line))
    return texts


@dataclass(frozen=True)
class Timeline:
    """Scene durations in whole frames at `fps`; scene k starts where scene k-1 ends (crossfades overlap the start)."""

    fps: int
    frames: tuple[int, ...]
    narration_starts: tuple[float, ...]

    @property
    def durations(self) -> list[float]:
        """Each scene's time on screen in seconds, fade-in included."""
        return [f / self.fps for f in self.frames]

    @property
    def starts(self) -> list[float]:
        """When each scene starts, in seconds."""
        out, at = [], 0
        for f in self.frames:
            out.append(at / self.fps)
            at += f
        return out

    @property
    def total_frames(self) -> int:
        """Frames in the whole clip."""
        return sum(self.frames)

    @property
    def total(self) -> float:
        """Length of the whole clip in seconds (the sum of the scene durations: crossfades live inside them)."""
        return self.total_frames / self.fps

    @property
    def transition_frames(self) -> int:
        """Frames of one crossfade."""
        return round(TRANSITION * self.fps)


def build_timeline(guide: Guide, narration: list[float | None], fps: int = 30, end_lines: list[str] | None = None) -> Timeline:
    """Durations for title, steps and end card.

    `narration[k]` is the length in seconds of scene k's narration (None when silent). A step lasts
    its reading time or its narration, whichever is longer, plus PAUSE; the step's `duration` from
    the guide replaces the reading time but never cuts its narration short.
    """
    texts = scene_texts(guide, end_lines)
    if len(narration) != len(texts):
        raise ValueError(f"{len(texts)} scenes but {len(narration)} narration entries")
    frames, starts = [], []
    last = len(texts) - 1
    for index, text in enumerate(texts):
        lead = 0.0 if index == 0 else NARRATION_LEAD
        fade_in = 0.0 if index == 0 else TRANSITION
        if index == last:
            seconds = max(END_SCENE, fade_in + reading_seconds(text) + PAUSE)
        else:
            seconds = max(MIN_SCENE, fade_in + reading_seconds(text) + PAUSE)
            step = guide.steps[index - 1] if 0 < index <= len(guide.steps) else None
            if step is not None and step.duration:
                seconds = float(step.duration)
        spoken = narration[index]
        if spoken:
            seconds = max(seconds, lead + spoken + PAUSE)
        # A scene must outlast the crossfade into it and out of it.
        seconds = max(seconds, 2 * TRANSITION + 1.0 / fps)
        frames.append(math.ceil(seconds * fps - 1e-6))
        starts.append(lead)
    return Timeline(fps, tuple(frames), tuple(starts))
