"""Caption files beside the clip: SubRip (.srt) and WebVTT (.vtt), cues timed to the scenes.

A step's caption can run to 400 characters; players show sidecar captions over the picture, so a
scene's text is cut at sentence ends into cues of at most two short lines, and the scene's time is
shared between them by word count. The cues of a scene exactly cover that scene.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from trainer.exporters.clip.timing import Timeline, word_count

# Two lines of 42 characters: the usual limit for captions a viewer can read at a glance.
LINE_CHARS = 42
CUE_LINES = 2


@dataclass(frozen=True)
class Cue:
    """One caption: shown from start to end (seconds), text on one or two lines."""

    start: float
    end: float
    text: str


def _chunks(text: str) -> list[str]:
    """Text cut into pieces of at most CUE_LINES wrapped lines, at sentence ends where possible."""
    sentences = [s for line in text.split("\n") for s in re.split(r"(?<=[.!?:;])\s+", line.strip()) if s]
    pieces: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        trial = " ".join([*current, sentence])
        if current and len(textwrap.wrap(trial, LINE_CHARS)) > CUE_LINES:
            pieces.append(" ".join(current))
            current = [sentence]
        else:
            current.append(sentence)
    if current:
        pieces.append(" ".join(current))
    # A single sentence too long for one cue is cut into wrapped two-line pieces.
    out: list[str] = []
    for piece in pieces:
        lines = textwrap.wrap(piece, LINE_CHARS)
        out += ["\n".join(lines[i : i + CUE_LINES]) for i in range(0, len(lines), CUE_LINES)]
    return out


def build_cues(texts: list[str], timeline: Timeline) -> list[Cue]:
    """Cues for every scene: each scene's text split into short cues that together span the scene exactly."""
    cues: list[Cue] = []
    for text, start, duration in zip(texts, timeline.starts, timeline.durations, strict=True):
        chunks = _chunks(text) or [""]
        weights = [max(1, word_count(c)) for c in chunks]
        total = sum(weights)
        at = start
        for i, (chunk, weight) in enumerate(zip(chunks, weights, strict=True)):
            end = start + duration if i == len(chunks) - 1 else at + duration * weight / total
            if chunk:
                cues.append(Cue(round(at, 3), round(end, 3), chunk))
            at = end
    return cues


def _stamp(seconds: float, separator: str) -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{separator}{ms:03d}"


def to_srt(cues: list[Cue]) -> str:
    """SubRip text: numbered cues, comma before the milliseconds, blank line between cues."""
    blocks = [f"{n}\n{_stamp(c.start, ',')} --> {_stamp(c.end, ',')}\n{c.text}\n" for n, c in enumerate(cues, 1)]
    return "\n".join(blocks)


def to_vtt(cues: list[Cue]) -> str:
    """WebVTT text: the WEBVTT header, then cues with a dot before the milliseconds."""
    # '-->' cannot appear in cue text; the guide's own text never needs it.
    blocks = [f"{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}\n{c.text.replace('-->', '->')}\n" for c in cues]
    return "WEBVTT\n\n" + "\n".join(blocks)
