"""The voice of each scene, shared by clips and the audio output: the editor's recording or the draft voice.

Every narration file a step names is found inside the guide folder, decoded and checked once (a
corrupt or over-long file is named before any long encode starts) and levelled to the loudness
target (`clip.loudness`), so a step recorded quietly on a laptop and one recorded close to a phone
sound alike. Where a step has no recording and the draft voice is asked for, espeak-ng reads the
step's text, levelled the same way.

Levelled voices are kept, given a cache folder, under a name made of what they were made from
(the recording's bytes or the text and language read, the programs' builds, the loudness target):
the audio output's MP3 and M4A share them, and after a one-word edit only the edited step is read
and levelled again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
import wave
from dataclasses import dataclass
from pathlib import Path

from trainer.exporters.base import ExportError
from trainer.exporters.clip.audio import MAX_NARRATION, SAMPLE_RATE, AudioError, decode, espeak_exe, speak_draft, wav_seconds
from trainer.exporters.clip.ffmpeg import tool_identity
from trainer.exporters.clip.loudness import PIECE_CEILING, PIECE_LUFS, LoudnessError, normalise
from trainer.model import Guide
from trainer.store.atomic import atomic_path
from trainer.store.media import MediaError, check_audio, resolve_inside
from trainer.store.problems import Problem, language

_MESSAGES: dict[str, tuple[str, str]] = {
    "audio-unreadable": ("không đọc được tệp âm thanh '{value}': {detail}", "cannot read audio file '{value}': {detail}"),
    "audio-empty": ("tệp âm thanh '{value}' không có tiếng", "audio file '{value}' has no sound"),
    "audio-too-long": (
        "tệp âm thanh '{value}' dài hơn {limit} phút; mỗi bước chỉ nên đọc ngắn",
        "audio file '{value}' is longer than {limit} minutes; one step's narration must be shorter",
    ),
    "no-espeak": (
        "giọng đọc nháp cần espeak-ng nhưng máy chưa cài (apt-get install espeak-ng)",
        "the draft voice needs espeak-ng, which is not installed (apt-get install espeak-ng)",
    ),
    "espeak-failed": ("espeak-ng không đọc được bước này: {detail}", "espeak-ng failed on this step: {detail}"),
    "loudness-failed": (
        "không chỉnh được độ to của '{value}': {detail}",
        "could not set the loudness of '{value}': {detail}",
    ),
}


def sound_failure(guide: Guide, code: str, line: int = 0, **params: object) -> ExportError:
    """An ExportError with one plain line: '<guide.md>[:line]: message' in the user's language."""
    vi, en = _MESSAGES[code]
    where = str(guide.path or guide.slug or "guide")
    where += f":{line}" if line else ""
    return ExportError(f"{where}: {(vi if language() == 'vi' else en).format(**params)}")


@dataclass(frozen=True)
class Voice:
    """One scene's sound, decoded and levelled: a mono wav at SAMPLE_RATE and its length."""

    seconds: float
    wav: Path
    draft: bool = False


# Bump when levelling changes in a way the key does not see.
VOICE_FORMAT = "voice-v1"
# A kept voice no export used for this long belongs to an older version of the guide (or to options
# no longer chosen); younger ones may be in use by another export of the same guide right now.
KEEP_UNUSED_SECONDS = 600


def voice_key(*parts: str | bytes) -> str:
    """The content name of a levelled voice: hash of what made it and how it was levelled."""
    digest = hashlib.sha256()
    for part in (VOICE_FORMAT, str(PIECE_LUFS), str(PIECE_CEILING), str(SAMPLE_RATE), *parts):
        digest.update(b"\0" + (part if isinstance(part, bytes) else part.encode("utf-8")))
    return digest.hexdigest()[:40]


def _kept(path: Path, draft: bool) -> Voice | None:
    """The voice kept at `path`, marked as used now; None when there is none (or it cannot be read)."""
    try:
        seconds = wav_seconds(path)
        os.utime(path)
    except (OSError, EOFError, wave.Error):
        path.unlink(missing_ok=True)
        return None
    return Voice(seconds, path, draft)


def prune_voices(folder: Path, used: list[Path]) -> None:
    """Delete kept voices in `folder` that `used` does not name and no export has used for a while."""
    names = {p.name for p in used}
    now = time.time()
    for path in folder.glob("*.wav"):
        try:
            if path.name not in names and now - path.stat().st_mtime > KEEP_UNUSED_SECONDS:
                path.unlink()
        except OSError:
            continue  # another export removed or replaced it first


def audio_file(guide: Guide, relative: str, line: int) -> Path:
    """The checked path of an audio file named in the guide; ExportError naming it otherwise."""
    file = guide.path or Path(guide.slug or "guide")
    try:
        if guide.folder is None:
            raise MediaError("missing", value=relative)
        path = resolve_inside(guide.folder, relative)
        check_audio(path)
    except MediaError as exc:
        if exc.code in ("missing", "outside"):
            raise ExportError(str(Problem(file, line, f"audio-{exc.code}", {"value": relative}))) from None
        if exc.code == "unsupported":
            raise ExportError(str(Problem(file, line, "audio-unsupported", exc.params))) from None
        raise sound_failure(guide, "audio-unreadable", line, value=relative, detail=exc.params.get("detail", "")) from None
    return path


def draft_speaker(guide: Guide) -> str:
    """The espeak-ng program for the draft voice; ExportError saying how to install it when missing."""
    espeak = espeak_exe()
    if espeak is None:
        raise sound_failure(guide, "no-espeak")
    return espeak


def _level(guide: Guide, ffmpeg: str, raw: Path, wav: Path, name: str, line: int) -> None:
    try:
        normalise(ffmpeg, raw, wav, SAMPLE_RATE, lufs=PIECE_LUFS, ceiling=PIECE_CEILING)
    except LoudnessError as exc:
        raise sound_failure(guide, "loudness-failed", line, value=name, detail=str(exc)) from None


def recorded_voice(guide: Guide, relative: str, line: int, ffmpeg: str, wav: Path, cache: Path | None = None) -> Voice:
    """A narration file of the guide decoded, checked (readable, not empty, not over MAX_NARRATION) and levelled.

    With a `cache` folder the levelled voice is kept there by the file's content (and found there next time).
    """
    source = audio_file(guide, relative, line)
    raw = wav.with_name(wav.stem + ".decoded.wav")  # in the export's own temporary folder
    if cache is not None:
        wav = cache / f"{voice_key('recording', tool_identity(ffmpeg), str(MAX_NARRATION), source.read_bytes())}.wav"
        if (kept := _kept(wav, draft=False)) is not None:
            return kept
    with atomic_path(wav) if cache is not None else contextlib.nullcontext(wav) as target:
        try:
            seconds = decode(ffmpeg, source, raw, limit=MAX_NARRATION)
        except AudioError as exc:
            code, detail = exc.args
            raw.unlink(missing_ok=True)
            raise sound_failure(guide, f"audio-{code}", line, value=relative, detail=detail) from None
        if seconds > MAX_NARRATION:
            raw.unlink(missing_ok=True)
            raise sound_failure(guide, "audio-too-long", line, value=relative, limit=int(MAX_NARRATION // 60))
        try:
            _level(guide, ffmpeg, raw, target, relative, line)
        finally:
            raw.unlink(missing_ok=True)
    return Voice(seconds, wav)


def draft_voice(guide: Guide, text: str, espeak: str, ffmpeg: str, wav: Path, line: int, cache: Path | None = None) -> Voice:
    """`text` read by espeak-ng's draft voice into `wav`, decoded and levelled like any narration.

    With a `cache` folder the voice is kept there by the text, language and programs (and found there next time).
    """
    speaker = "en" if guide.language == "en" else "vi"
    spoken = wav.with_name(wav.stem + ".espeak.wav")  # in the export's own temporary folder
    if cache is not None:
        wav = cache / f"{voice_key('draft', tool_identity(espeak), tool_identity(ffmpeg), speaker, text)}.wav"
        if (kept := _kept(wav, draft=True)) is not None:
            return kept
    with atomic_path(wav) if cache is not None else contextlib.nullcontext(wav) as target:
        try:
            speak_draft(text.replace("\n", ". "), spoken, espeak, speaker)
        except AudioError as exc:
            spoken.unlink(missing_ok=True)
            raise sound_failure(guide, "espeak-failed", line, detail=exc.args[-1]) from None
        # espeak-ng writes a plain PCM wav: levelling converts it to the track's format, no decode step.
        try:
            _level(guide, ffmpeg, spoken, target, "espeak-ng", line)
        finally:
            spoken.unlink(missing_ok=True)
    return Voice(wav_seconds(wav), wav, draft=True)


def scene_voices(
    guide: Guide,
    texts: list[str],
    ffmpeg: str,
    tmp: Path,
    *,
    recorded: bool = True,
    draft: bool = False,
    cache: Path | None = None,
) -> list[Voice | None]:
    """The voice of scene 0 (title) and of each step (scenes 1..n) from `texts` (title, steps, ...), in order.

    A step speaks its narration file when `recorded`; otherwise, or without a file, espeak-ng reads
    its text when `draft` (ExportError when espeak-ng is then missing). The title has no recording
    in the guide format: the draft voice reads it when `draft` and espeak-ng is there. With a
    `cache` folder, levelled voices are kept and reused there (see the module's notes).
    """
    voices: list[Voice | None] = [None] * (len(guide.steps) + 1)
    espeak = espeak_exe() if draft else None
    for index, step in enumerate(guide.steps, start=1):
        wav = tmp / f"narration-{index:02d}.wav"
        if recorded and step.narration:
            voices[index] = recorded_voice(guide, step.narration, step.line, ffmpeg, wav, cache)
        elif draft:
            speaker = espeak or draft_speaker(guide)
            voices[index] = draft_voice(guide, texts[index], speaker, ffmpeg, wav, step.line, cache)
    if espeak is not None:
        voices[0] = draft_voice(guide, guide.title, espeak, ffmpeg, tmp / "narration-00.wav", 0, cache)
    return voices
