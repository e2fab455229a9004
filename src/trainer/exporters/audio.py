"""The guide read aloud, for commune loudspeakers and Zalo voice messages: MP3 and M4A with chapters.

What plays: the title, then each step announced by its number ("Bước 2") and followed by its
narration, with short pauses between; a chapter starts where each step is announced. A step speaks
the editor's recording; where there is none, espeak-ng's draft voice reads its text (an option, on
by default: an audio file with silent steps helps nobody). The title and the step numbers are read
by espeak-ng too; where it is not installed, a short two-note chime marks the title and each step.

Sound is shared with the clip exporter (`trainer.exporters.clip`): every recording is decoded,
checked and levelled by `clip.voices`, the pieces are laid on one track by `clip.audio`, and the
whole track is brought to -16 LUFS integrated, true peak at most -1 dBTP by `clip.loudness` (a
measurement, then a gain through a true-peak limiter). The bundled ffmpeg then encodes that one
track once per container: MP3 (libmp3lame, ID3v2.3 with CHAP chapter frames) for loudspeaker
players, M4A (AAC, chapters, faststart) for Zalo; each file is measured again, and aimed again in
the rare case its encoder moved it off the promise.

The MP3 and the M4A are made from the same levelled track, in one export (publish asks for both at
once). Given a cache folder (`ExportOptions.cache_dir`), the levelled voices are kept there by what
they say (`clip.voices`): after a one-word edit only the edited step is read and levelled again.
"""

from __future__ import annotations

import contextlib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from trainer.exporters.base import Exporter, ExportError, ExportOptions, Progress, report
from trainer.exporters.clip.audio import SAMPLE_RATE, espeak_exe, narration_track, write_wav
from trainer.exporters.clip.ffmpeg import EncodeError, run_ffmpeg
from trainer.exporters.clip.loudness import MAX_TRUE_PEAK, TARGET_LUFS, Loudness, LoudnessError, measure, normalise
from trainer.exporters.clip.timing import scene_texts
from trainer.exporters.clip.voices import Voice, draft_voice, prune_voices, scene_voices
from trainer.model import Guide
from trainer.store.atomic import atomic_path
from trainer.store.problems import language

__all__ = ["CONTAINERS", "AudioExporter", "AudioOptions", "Chapter", "plan_track"]

# Silence, in seconds: before the title, after it, between a step's number and its narration, after a step.
LEAD_IN = 0.3
AFTER_TITLE = 1.2
AFTER_NUMBER = 0.5
AFTER_STEP = 1.5


@dataclass(frozen=True)
class Container:
    """One file kind the audio output writes: encoder arguments and the muxer."""

    extension: str
    args: tuple[str, ...]
    # Where the limiter holds the track's true peaks before this encoder: its measured overshoot on
    # speech under the -1 dBTP promise (AAC at 64 kb/s lifted espeak-ng speech by 1.5 dB, MP3 by 0.3).
    ceiling: float
    # How the encoder moves the integrated loudness of speech, in LU: libmp3lame at 64 kb/s cuts the
    # highs that K-weighting counts, measured -0.5 LU on two bundled guides' tracks; AAC 0.0.
    shift: float


# Mono speech: 64 kb/s is clear in both codecs. ID3v2.3 because many small MP3 players (and Windows
# Explorer) read no v2.4; ffmpeg writes the chapters as ID3 CHAP frames there. M4A for Zalo: AAC-LC
# in an iPod-branded MP4 with chapters and the index at the front. ffmpeg's AAC encoder with its
# `fast` coder: on ten minutes of espeak-ng speech 3.1x faster than the default `twoloop` (7.8 s
# against 24.2 s) with a higher signal-to-noise ratio after decoding (32.2 against 24.1 dB).
CONTAINERS: dict[str, Container] = {
    "mp3": Container(
        "mp3", ("-c:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "3", "-write_xing", "1", "-f", "mp3"), -2.0, -0.5
    ),
    "m4a": Container(
        "m4a", ("-c:a", "aac", "-aac_coder", "fast", "-b:a", "64k", "-movflags", "+faststart", "-f", "ipod"), -3.0, 0.0
    ),
}
# One levelled track serves every container: its peaks are held where the most demanding encoder needs
# them, its loudness aimed between the encoders' shifts, so each file lands within 0.25 LU of the target.
TRACK_CEILING = min(container.ceiling for container in CONTAINERS.values())
TRACK_LUFS = TARGET_LUFS - sum(container.shift for container in CONTAINERS.values()) / len(CONTAINERS)

# Encodes per container at most, each aimed from what the last one measured; and how far under
# the promised peak an encoded file must measure to be taken (measurement is to 0.1 dB).
_ATTEMPTS = 3
_PEAK_MARGIN = 0.2

_MESSAGES: dict[str, tuple[str, str]] = {
    "no-steps": (
        "hướng dẫn chưa có bước nào; bản âm thanh cần ít nhất một bước",
        "the guide has no steps; audio needs at least one",
    ),
    "silent-step": (
        "bước {n} chưa có giọng đọc; hãy thu âm cho bước này hoặc bật giọng đọc nháp",
        "step {n} has no narration; record it or turn on the draft voice",
    ),
    "bad-preset": ("không có định dạng âm thanh '{value}'; có: {choices}", "no audio format '{value}'; formats: {choices}"),
    "encode-failed": ("ffmpeg không tạo được tệp {value}: {detail}", "ffmpeg could not make the {value} file: {detail}"),
    "loudness-failed": ("không chỉnh được độ to của bản âm thanh: {detail}", "could not set the loudness of the audio: {detail}"),
}


def _fail(guide: Guide, code: str, line: int = 0, **params: object) -> ExportError:
    vi, en = _MESSAGES[code]
    where = str(guide.path or guide.slug or "guide") + (f":{line}" if line else "")
    return ExportError(f"{where}: {(vi if language() == 'vi' else en).format(**params)}")


@dataclass
class AudioOptions(ExportOptions):
    """Audio options: which voices speak."""

    # Use the narration files named in the steps (`narration: audio/02.m4a`).
    narration: bool = True
    # Where a step has no narration file, read its text with espeak-ng's Vietnamese voice (a draft voice).
    draft_voice: bool = True


@dataclass(frozen=True)
class Chapter:
    """Where a part of the audio starts and ends, in seconds, and its name."""

    title: str
    start: float
    end: float


def plan_track(pieces: list[tuple[float, float]], gaps: list[float]) -> tuple[list[float], float]:
    """Start times of `pieces` (their (lead, seconds)) laid end to end with `gaps[k]` of silence after piece k, and the total."""
    starts, at = [], 0.0
    for (lead, seconds), gap in zip(pieces, gaps, strict=True):
        at += lead
        starts.append(at)
        at += seconds + gap
    return starts, at


def _chime(path: Path) -> Voice:
    """Two soft notes (E5 then A5, 0.18 s each, faded): marks a part where no voice can announce it."""
    import numpy as np

    note = round(0.18 * SAMPLE_RATE)
    t = np.arange(note, dtype=np.float32) / SAMPLE_RATE
    envelope = np.sin(np.pi * np.arange(note) / note).astype(np.float32) ** 2
    tones = [0.5 * np.sin(2 * np.pi * hz * t) * envelope for hz in (659.25, 880.0)]
    write_wav(path, np.concatenate(tones))
    return Voice(2 * note / SAMPLE_RATE, path)


def _metadata(guide: Guide, chapters: list[Chapter], draft: bool) -> str:
    """An ffmetadata file: the guide's tags and one [CHAPTER] per part, in milliseconds."""

    def esc(value: str) -> str:
        for char in ("\\", "=", ";", "#", "\n"):
            value = value.replace(char, "\\" + char)
        return value

    tags = {
        "title": guide.title,
        "artist": guide.author,
        "album": guide.topic,
        "genre": "Speech",
        "language": "eng" if guide.language == "en" else "vie",
        "comment": "giọng đọc nháp (espeak-ng)" if draft else "",
    }
    lines = [";FFMETADATA1"] + [f"{key}={esc(value)}" for key, value in tags.items() if value]
    for chapter in chapters:
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={round(chapter.start * 1000)}", f"END={round(chapter.end * 1000)}"]
        lines.append(f"title={esc(chapter.title)}")
    return "\n".join(lines) + "\n"


class AudioExporter(Exporter):
    """MP3 and M4A of the guide read aloud, at -16 LUFS, with a chapter per step."""

    name = "audio"
    label = "Audio (MP3, M4A)"
    label_vi = "Âm thanh đọc to (MP3 cho loa truyền thanh, M4A gửi Zalo)"
    preset_labels: ClassVar[dict[str, tuple[str, str]]] = {
        "mp3": ("MP3, cho loa truyền thanh và máy nghe nhạc", "MP3, for loudspeakers and music players"),
        "m4a": ("M4A, gửi qua Zalo", "M4A, to send on Zalo"),
    }
    extension = "mp3"
    presets: ClassVar[tuple[str, ...]] = tuple(CONTAINERS)
    Options = AudioOptions

    def export(self, guide: Guide, out_dir: Path, options: ExportOptions, progress: Progress | None = None) -> list[Path]:
        """Write `<slug>-audio.mp3` and `<slug>-audio.m4a` (only the one named by the preset, when given)."""
        opts = options if isinstance(options, AudioOptions) else AudioOptions(theme=options.theme, preset=options.preset)
        kinds = [opts.preset] if opts.preset else list(CONTAINERS)
        for kind in kinds:
            if kind not in CONTAINERS:
                raise _fail(guide, "bad-preset", value=kind, choices=", ".join(CONTAINERS))
        if not guide.steps:
            raise _fail(guide, "no-steps")
        if not opts.draft_voice:
            for number, step in enumerate(guide.steps, start=1):
                if not (opts.narration and step.narration):
                    raise _fail(guide, "silent-step", step.line, n=number)
        import imageio_ffmpeg

        ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
        out_dir = Path(out_dir)
        kept = Path(opts.cache_dir) / (guide.slug or "guide") if opts.cache_dir else None
        written: list[Path] = []
        with tempfile.TemporaryDirectory(prefix="trainer-audio-") as tmp_name, contextlib.ExitStack() as outputs:
            tmp = Path(tmp_name)
            laid, chapters, draft, voices = self._track(guide, opts, ffmpeg, tmp, kept, lambda f: report(progress, 0.5 * f))
            meta = tmp / "metadata.txt"
            meta.write_text(_metadata(guide, chapters, draft), encoding="utf-8")
            total = chapters[-1].end
            laid_level: Loudness | None = None
            track = tmp / "track.wav"
            try:
                normalise(ffmpeg, laid, track, SAMPLE_RATE, lufs=TRACK_LUFS, ceiling=TRACK_CEILING)
            except LoudnessError as exc:
                raise _fail(guide, "loudness-failed", detail=str(exc)) from None
            report(progress, 0.6)
            for n, kind in enumerate(kinds):
                container = CONTAINERS[kind]
                target = out_dir / self.file_name(guide, None, container.extension)
                part = outputs.enter_context(atomic_path(target))
                base, share = 0.6 + 0.4 * n / len(kinds), 0.4 / len(kinds)
                source, lufs, ceiling = track, TRACK_LUFS, TRACK_CEILING
                for attempt in range(_ATTEMPTS):
                    at = base + share * attempt / _ATTEMPTS
                    self._encode(guide, ffmpeg, source, meta, container, part, total, at, share / _ATTEMPTS, progress)
                    heard = self._measure(guide, ffmpeg, part)
                    off = TARGET_LUFS - heard.integrated
                    over = heard.true_peak - (MAX_TRUE_PEAK - _PEAK_MARGIN)
                    if abs(off) <= 0.5 and over <= 0:
                        break
                    # The encoder moved the level or lifted the peaks more than expected: aim again so the file lands right.
                    lufs, ceiling = lufs + off, ceiling - max(0.0, over)
                    laid_level = laid_level or self._measure(guide, ffmpeg, laid)
                    source = tmp / f"track-{kind}.wav"
                    try:
                        normalise(ffmpeg, laid, source, SAMPLE_RATE, laid_level, lufs=lufs, ceiling=ceiling)
                    except LoudnessError as exc:
                        raise _fail(guide, "loudness-failed", detail=str(exc)) from None
                else:
                    if abs(off) > 1.0 or heard.true_peak > MAX_TRUE_PEAK:
                        detail = f"{heard.integrated:.1f} LUFS, {heard.true_peak:.1f} dBTP"
                        raise _fail(guide, "loudness-failed", detail=detail)
                written.append(target)
        if kept is not None:
            prune_voices(kept / "voices", [v.wav for v in voices])
        report(progress, 1.0)
        return written

    @staticmethod
    def _encode(
        guide: Guide,
        ffmpeg: str,
        track: Path,
        meta: Path,
        container: Container,
        part: Path,
        total: float,
        base: float,
        share: float,
        progress: Progress | None,
    ) -> None:
        """Encode the wav `track` with the tags and chapters of `meta` into `part`."""
        cmd = [ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-y", "-i", str(track), "-i", str(meta)]
        cmd += ["-map", "0:a", "-map_metadata", "1", "-map_chapters", "1", "-ac", "1", "-ar", str(SAMPLE_RATE)]
        cmd += [*container.args, "-progress", "pipe:1", "-stats_period", "0.25", str(part)]
        try:
            run_ffmpeg(cmd, total, lambda f: report(progress, base + share * f))
        except EncodeError as exc:
            raise _fail(guide, "encode-failed", value=part.name, detail=str(exc)) from None

    @staticmethod
    def _measure(guide: Guide, ffmpeg: str, encoded: Path) -> Loudness:
        try:
            return measure(ffmpeg, encoded)
        except LoudnessError as exc:
            raise _fail(guide, "loudness-failed", detail=str(exc)) from None

    def _track(
        self, guide: Guide, opts: AudioOptions, ffmpeg: str, tmp: Path, kept: Path | None, progress: Progress
    ) -> tuple[Path, list[Chapter], bool, list[Voice]]:
        """The whole guide on one wav (each piece levelled, the whole not yet), its chapters, whether the draft
        voice speaks a step, and every voice laid (kept under `kept`/voices when given)."""
        from trainer.render.labels import word

        cache = kept / "voices" if kept is not None else None
        texts = scene_texts(guide, [])
        voices = scene_voices(guide, texts, ffmpeg, tmp, recorded=opts.narration, draft=opts.draft_voice, cache=cache)
        progress(0.6)
        espeak = espeak_exe()
        chime: Voice | None = None

        def announce(text: str, wav: Path, line: int) -> Voice:
            nonlocal chime
            if espeak is not None:
                return draft_voice(guide, text, espeak, ffmpeg, wav, line, cache)
            chime = chime or _chime(tmp / "chime.wav")
            return chime

        title = voices[0] or announce(guide.title, tmp / "title.wav", 0)
        pieces: list[Voice] = [title]
        gaps = [AFTER_TITLE]
        for number, (step, voice) in enumerate(zip(guide.steps, voices[1:], strict=True), start=1):
            pieces.append(announce(word(guide, "step", n=number), tmp / f"number-{number:02d}.wav", step.line))
            gaps.append(AFTER_NUMBER)
            assert voice is not None  # checked in export(): every step has a recording or the draft voice
            pieces.append(voice)
            gaps.append(AFTER_STEP)
            progress(0.6 + 0.3 * number / len(guide.steps))
        starts, total = plan_track([(LEAD_IN if k == 0 else 0.0, p.seconds) for k, p in enumerate(pieces)], gaps)
        laid = tmp / "laid.wav"
        narration_track([(start, piece.wav) for start, piece in zip(starts, pieces, strict=True)], total, laid)
        progress(1.0)
        # Chapter k+1 starts where step k+1's number is announced (pieces 1, 3, 5, ...); the title from 0.
        marks = [0.0] + [starts[1 + 2 * k] for k in range(len(guide.steps))] + [total]
        names = [guide.title] + [
            f"{word(guide, 'step', n=n)}: {step.title}" if step.title else word(guide, "step", n=n)
            for n, step in enumerate(guide.steps, start=1)
        ]
        chapters = [Chapter(name, marks[k], marks[k + 1]) for k, name in enumerate(names)]
        draft = any(v is not None and v.draft for v in voices[1:])
        return laid, chapters, draft, pieces
