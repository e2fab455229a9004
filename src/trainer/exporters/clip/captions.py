"""Caption files beside the clip: SubRip (.srt) and WebVTT (.vtt), cues timed to the scenes.

A step's caption can run to 400 characters; players show sidecar captions over the picture, so a
scene's text is cut at sentence ends into cues of at most two short lines, and the scene's time is
shared between them by word count. The cues of a scene exactly cover that scene.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass

from trainer.exporters.clip.timing import Timeline, word_count

# Two lines of 42 characters: the usual limit for captions a viewer can read at a glance.
LINE_CHARS = 42
CUE_LINES = 2
MIN_CUE_WORDS = 3


@dataclass(frozen=True)
class Cue:
    """One caption: shown from start to end (seconds), text on one or two lines."""

    start: float
    end: float
    text: str


def _chunks(text: str) -> list[str]:
    """Text cut into pieces of at most CUE_LINES wrapped lines, at sentence ends where possible."""
    sentences = [s for line in text.split("\n") for s in re.split(r"(?<=[.!?:;])\s+", line.strip()) if s]
    groups: list[list[str]] = []
    current: list[str] = []
    for sentence in sentences:
        if current and not _fits([*current, sentence]):
            groups.append(current)
            current = [sentence]
        else:
            current.append(sentence)
    if current:
        groups.append(current)
    # A short sentence left alone at the end of a group takes the sentence before it along, when both fit.
    for i in range(1, len(groups)):
        if len(" ".join(groups[i]).split()) < MIN_CUE_WORDS and len(groups[i - 1]) > 1 and _fits([groups[i - 1][-1], *groups[i]]):
            groups[i] = [groups[i - 1].pop(), *groups[i]]
    pieces = [" ".join(g) for g in groups]
    # A sentence too long for one cue is cut into cues of about equal length, never into full cues
    # followed by a last word alone ("đặt." on screen for half a second).
    out: list[str] = []
    for piece in pieces:
        out += ["\n".join(_even_lines(group)) for group in _even_cues(piece)]
    return out


def _even_lines(cue: str) -> list[str]:
    """A cue's lines about equally long (no last word hanging alone on the second line)."""
    lines = textwrap.wrap(cue, LINE_CHARS)
    even = _split_words(cue.split(), len(lines))
    return even if all(len(line) <= LINE_CHARS for line in even) else lines


def _fits(sentences: list[str]) -> bool:
    return len(textwrap.wrap(" ".join(sentences), LINE_CHARS)) <= CUE_LINES


def _even_cues(piece: str) -> list[str]:
    """`piece` in as few cues of at most CUE_LINES lines as possible, their lengths as even as the words allow."""
    words = piece.split()
    count = math.ceil(len(textwrap.wrap(piece, LINE_CHARS)) / CUE_LINES)
    while count < len(words):
        groups = _split_words(words, count)
        if all(len(textwrap.wrap(g, LINE_CHARS)) <= CUE_LINES for g in groups):
            return groups
        count += 1
    return _split_words(words, min(count, len(words)))


def _split_words(words: list[str], count: int) -> list[str]:
    """Words in `count` runs of about the same number of characters (each word goes where its middle falls)."""
    if count <= 1:
        return [" ".join(words)]
    total = sum(len(w) + 1 for w in words)
    groups: list[list[str]] = [[] for _ in range(count)]
    at = 0
    for word in words:
        middle = at + (len(word) + 1) / 2
        groups[min(count - 1, int(middle * count / total))].append(word)
        at += len(word) + 1
    return [" ".join(g) for g in groups if g]


def build_cues(texts: list[str], timeline: Timeline) -> list[Cue]:
    """Cues for every scene: each scene's text split into short cues that together span the scene exactly."""
    cues: list[Cue] = []
    for text, start, duration in zip(texts, timeline.starts, timeline.durations, strict=True):
        chunks = _chunks(text) or [""]
        # A short cue still stays up long enough to be read (three words' time at least).
        weights = [max(MIN_CUE_WORDS, word_count(c)) for c in chunks]
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
