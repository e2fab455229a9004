"""Short MP4 clips of a guide: title card, one scene per step, end card with hotline and QR; captions and sound.

Design. A clip here is a handful of still pictures, so no Python video library composites it frame
by frame: measured, 10 stills x 6 s at 1080x1920 with 0.5 s crossfades took about 159 s through
moviepy's `CompositeVideoClip` and about 17 s as one ffmpeg call (moviepy is no longer a dependency).
So the picture never goes through Python frame by frame:

1. every scene (title, steps, end) is painted ONCE by the shared render layer
   (`trainer.render.scene.render_scene`) at the preset's size and saved as a PNG in a temp folder;
   the captions are part of that picture, so they are burned in by construction;
2. the ffmpeg binary that imageio-ffmpeg ships inside its wheel (so nothing is downloaded at
   run time) encodes short segments: a scene's lead (the 0.5 s `xfade` from the previous scene,
   then its still) and, for a still held longer, one 5-s unit of it that starts with a key frame
   and is repeated as often as the scene needs; each decodes its PNG once, converts it to yuv420p
   once and repeats that frame with the `loop` filter (see `clip.ffmpeg`); H.264 high profile,
   yuv420p, constant 30 fps. Segment files are named by their content, so with a cache folder an
   unchanged one is never encoded twice, and one short ffmpeg call joins them without
   re-encoding, adds AAC sound when there is any and writes `+faststart` (see `clip.segments`:
   encode time, memory and re-publish time);
3. sound files are decoded and checked once each (`clip.audio`) before the long encode starts,
   and laid out on one narration track by sample copies; music is looped and ducked under it by
   volume automation (numpy), giving one finished sound file for the encoder.

The timeline (`clip.timing`: 2 words a second, see there why) is computed once and shared by the
picture, the sound and the `.srt`/`.vtt` captions written beside each clip (`clip.captions`).
Progress comes from ffmpeg's `-progress` output; cancelling stops ffmpeg's process group, and
every output is written through `atomic_path`, so a cancelled or failed export leaves no file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from trainer.exporters.base import Exporter, ExportError, ExportOptions, Progress, report
from trainer.exporters.clip.audio import AudioError, decode, narration_track, sound_track
from trainer.exporters.clip.captions import build_cues, to_srt, to_vtt
from trainer.exporters.clip.ffmpeg import FPS, PRESETS, EncodeError, Preset, concat_list, join_command, run_ffmpeg
from trainer.exporters.clip.loudness import LoudnessError
from trainer.exporters.clip.segments import encode_scenes, prune
from trainer.exporters.clip.timing import Timeline, build_timeline, scene_texts
from trainer.exporters.clip.voices import audio_file, prune_voices, scene_voices, sound_failure
from trainer.model import Guide
from trainer.store.atomic import atomic_path
from trainer.store.media import MediaError, inspect_image, resolve_inside
from trainer.store.problems import Problem, language

__all__ = ["PRESETS", "ClipExporter", "ClipOptions", "Timeline", "clip_timeline"]

# Shares of a preset's progress spent painting stills and joining the scenes; the rest encodes scenes.
_PAINT_SHARE = 0.1
_JOIN_SHARE = 0.05
# Share of the whole export spent decoding sound before the first preset starts.
_SOUND_SHARE = 0.03

_MESSAGES: dict[str, tuple[str, str]] = {
    "no-steps": ("hướng dẫn chưa có bước nào; clip cần ít nhất một bước", "the guide has no steps; a clip needs at least one"),
    "bad-preset": ("không có cỡ clip '{value}'; có: {choices}", "no clip preset '{value}'; presets: {choices}"),
    "render-failed": ("không vẽ được cảnh {value} của clip", "could not paint scene {value} of the clip"),
    "encode-failed": ("ffmpeg không tạo được clip {value}: {detail}", "ffmpeg could not make the {value} clip: {detail}"),
}


def _fail(guide: Guide, code: str, line: int = 0, **params: object) -> ExportError:
    """An ExportError with one plain line: '<guide.md>[:line]: message' in the user's language."""
    vi, en = _MESSAGES[code]
    where = str(guide.path or guide.slug or "guide")
    where += f":{line}" if line else ""
    return ExportError(f"{where}: {(vi if language() == 'vi' else en).format(**params)}")


@dataclass
class ClipOptions(ExportOptions):
    """Clip options: sound sources on top of theme and preset."""

    # Use the narration files named in the steps (`narration: audio/02.m4a`).
    narration: bool = True
    # Where a step has no narration file, read its text with espeak-ng's Vietnamese voice (a draft voice).
    draft_voice: bool = False
    # Background music file; "" uses the guide's `music` field, "none" plays no music.
    music: str = ""


@dataclass
class _Sound:
    """Sound decoded for one export: per-scene narration (seconds, wav) and the music file."""

    narration: list[tuple[float, Path] | None]
    music: Path | None
    draft: bool


class ClipExporter(Exporter):
    """MP4 clips (H.264 + AAC, 30 fps, faststart) with .srt and .vtt captions beside them."""

    name = "clip"
    label = "Video clip (MP4)"
    label_vi = "Video (MP4)"
    preset_labels: ClassVar[dict[str, tuple[str, str]]] = {
        "vertical": ("Dọc 1080x1920, cho điện thoại", "Vertical 1080x1920, for phones"),
        "share": ("Nhẹ 720x1280, gửi qua Zalo/Facebook", "Light 720x1280, to send on Zalo/Facebook"),
        "landscape": ("Ngang 1280x720, chiếu lên TV", "Landscape 1280x720, for a TV"),
        "lite": ("Rất nhẹ 480x854, cho mạng yếu", "Very light 480x854, for weak networks"),
    }
    extension = "mp4"
    presets: ClassVar[tuple[str, ...]] = tuple(PRESETS)
    Options = ClipOptions

    def export(self, guide: Guide, out_dir: Path, options: ExportOptions, progress: Progress | None = None) -> list[Path]:
        """Write `<slug>-clip-<preset>.mp4`, `.srt` and `.vtt` for the chosen preset (all four when none)."""
        opts = (
            options
            if isinstance(options, ClipOptions)
            else ClipOptions(theme=options.theme, preset=options.preset, cores=options.cores)
        )
        names = [opts.preset] if opts.preset else list(PRESETS)
        for name in names:
            if name not in PRESETS:
                raise _fail(guide, "bad-preset", value=name, choices=", ".join(PRESETS))
        _check_guide(guide)
        theme = _theme(guide, opts.theme)
        import imageio_ffmpeg  # the bundled ffmpeg binary (inside the frozen app too)

        ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
        out_dir = Path(out_dir)
        written: list[Path] = []
        weights = [PRESETS[n].width * PRESETS[n].height for n in names]
        with tempfile.TemporaryDirectory(prefix="trainer-clip-") as tmp_name, contextlib.ExitStack() as outputs:
            tmp = Path(tmp_name)
            sound = _prepare_sound(guide, opts, ffmpeg, tmp)
            ending = end_lines(guide, theme)
            timeline = build_timeline(guide, [s[0] if s else None for s in sound.narration], FPS, ending)
            report(progress, _SOUND_SHARE * 0.5)
            track = None
            if any(sound.narration) or sound.music:
                voice = None
                clips = [
                    (start + lead, s[1], s[0])
                    for start, lead, s in zip(timeline.starts, timeline.narration_starts, sound.narration, strict=True)
                    if s
                ]
                if clips:
                    voice = tmp / "narration.wav"
                    narration_track([(at, path) for at, path, _ in clips], timeline.total, voice)
                music = _decode_music(guide, sound.music, ffmpeg, tmp, timeline.total) if sound.music else None
                track = tmp / "sound.wav"
                try:
                    sound_track(voice, music, [(at, at + length) for at, _, length in clips], timeline.total, track, ffmpeg)
                except LoudnessError as exc:
                    raise sound_failure(guide, "loudness-failed", value=track.name, detail=str(exc)) from None
            report(progress, _SOUND_SHARE)
            cues = build_cues(scene_texts(guide, ending), timeline)
            done = 0.0
            for name, weight in zip(names, weights, strict=True):
                share = (1 - _SOUND_SHARE) * weight / sum(weights)
                base = _SOUND_SHARE + (1 - _SOUND_SHARE) * done / sum(weights)

                def step(fraction: float, base: float = base, share: float = share) -> None:
                    report(progress, base + share * fraction)

                preset = PRESETS[name]
                stills = _paint_stills(guide, theme, preset, tmp / name, lambda f, step=step: step(_PAINT_SHARE * f))
                target = out_dir / self.file_name(guide, name)
                part = outputs.enter_context(atomic_path(target))
                metadata = {"title": guide.title, "comment": "giọng đọc nháp (espeak-ng)" if sound.draft else ""}
                kept = Path(opts.cache_dir) / (guide.slug or "guide") / f"clip-{name}" if opts.cache_dir else None
                listing = tmp / name / "scenes.txt"
                for attempt in (1, 2):
                    try:
                        scenes = encode_scenes(
                            ffmpeg, stills, timeline, preset, kept or tmp / name / "scenes",
                            lambda f, step=step: step(_PAINT_SHARE + (1 - _PAINT_SHARE - _JOIN_SHARE) * f),
                            opts.cores or os.cpu_count(),
                        )  # fmt: skip
                        listing.write_text(concat_list(scenes, timeline.fps), encoding="utf-8")
                        cmd = join_command(ffmpeg, listing, preset, part, track, metadata)
                        run_ffmpeg(cmd, timeline.total, lambda f, step=step: step(1 - _JOIN_SHARE + _JOIN_SHARE * f))
                        break
                    except EncodeError as exc:
                        if kept is None or attempt == 2:
                            raise _fail(guide, "encode-failed", value=name, detail=str(exc)) from None
                        # A kept scene file was damaged on disk (they are written atomically): encode them all again.
                        prune(kept, [])
                if kept is not None:
                    prune(kept, [path for path, _ in scenes])
                written.append(target)
                for extension, text in (("srt", to_srt(cues)), ("vtt", to_vtt(cues))):
                    caption = outputs.enter_context(atomic_path(target.with_suffix(f".{extension}")))
                    caption.write_text(text, encoding="utf-8", newline="\n")
                    written.append(target.with_suffix(f".{extension}"))
                done += weight
        report(progress, 1.0)
        return written


def clip_timeline(guide: Guide, narration: list[float | None] | None = None, theme_name: str = "default") -> Timeline:
    """The clip's scene timing (title, steps, end) for narration lengths per scene (None: silent)."""
    return build_timeline(guide, narration or [None] * (len(guide.steps) + 2), FPS, end_lines(guide, _theme(guide, theme_name)))


def end_lines(guide: Guide, theme) -> list[str]:  # type: ignore[no-untyped-def]
    """What the end card says, as caption lines: done, help and hotline, the official link."""
    from trainer.render.labels import word

    lines = [word(guide, "done"), word(guide, "help")]
    if theme.hotline:
        lines.append(word(guide, "hotline", hotline=theme.hotline))
    lines += [f"{link.title or word(guide, 'official')}: {link.url}" for link in guide.links[:1]]
    return lines


def _theme(guide: Guide, name: str):  # type: ignore[no-untyped-def]
    from trainer.render.theme import ThemeError, load_theme

    try:
        return load_theme(name)
    except ThemeError as exc:
        raise ExportError(str(exc)) from None


def _check_guide(guide: Guide) -> None:
    """Fail before any work on what would break the clip: no steps, a missing or broken image."""
    if not guide.steps:
        raise _fail(guide, "no-steps")
    file = guide.path or Path(guide.slug or "guide")
    for step in guide.steps:
        if not step.image:
            continue
        try:
            if guide.folder is None:
                raise MediaError("missing", value=step.image)
            inspect_image(resolve_inside(guide.folder, step.image))
        except MediaError as exc:
            params = {"value": step.image, "detail": "", "width": "?", "height": "?", "limit": 40} | dict(exc.params)
            params["value"] = step.image
            raise ExportError(str(Problem(file, step.line, f"image-{exc.code}", params))) from None


def _prepare_sound(guide: Guide, opts: ClipOptions, ffmpeg: str, tmp: Path) -> _Sound:
    """Decode, check and level every narration file (and speak the draft voice) before anything is encoded.

    Levelled voices are kept in the cache folder when there is one, shared with the audio output.
    """
    cache = Path(opts.cache_dir) / (guide.slug or "guide") / "voices" if opts.cache_dir else None
    texts = scene_texts(guide, [])
    voices = scene_voices(guide, texts, ffmpeg, tmp, recorded=opts.narration, draft=opts.draft_voice, cache=cache)
    if cache is not None:
        prune_voices(cache, [v.wav for v in voices if v is not None])
    narration: list[tuple[float, Path] | None] = [(v.seconds, v.wav) if v else None for v in voices]
    narration.append(None)  # the end card is silent
    music = None
    choice = opts.music.strip() or guide.music
    if choice and choice.lower() != "none":
        music = audio_file(guide, choice, 0) if not Path(choice).is_absolute() else Path(choice)
        if not music.exists():
            raise sound_failure(guide, "audio-unreadable", value=choice, detail="not found")
    return _Sound(narration, music, opts.draft_voice)


def _decode_music(guide: Guide, source: Path, ffmpeg: str, tmp: Path, total: float) -> Path:
    """Decode the music once (only as much as the clip needs); ExportError naming the file if unreadable."""
    wav = tmp / "music.wav"
    try:
        decode(ffmpeg, source, wav, limit=total)
    except AudioError as exc:
        code, detail = exc.args
        raise sound_failure(guide, f"audio-{code}", value=source.name, detail=detail) from None
    return wav


def _paint_stills(guide: Guide, theme, preset: Preset, folder: Path, progress: Progress) -> list[Path]:  # type: ignore[no-untyped-def]
    """Paint every scene once at the preset's size into PNGs; return their paths in scene order."""
    from PySide6.QtCore import QSize

    from trainer.render.gui import ensure_gui
    from trainer.render.scene import render_scene, scenes

    ensure_gui()
    folder.mkdir(parents=True, exist_ok=True)
    found = scenes(guide, include_practice=False)
    paths: list[Path] = []
    for index, scene in enumerate(found):
        image = render_scene(guide, theme, scene, QSize(preset.width, preset.height))
        path = folder / f"scene-{index:02d}.png"
        # Quality 90 = light zlib compression: written and decoded fast, the files live seconds.
        if not image.save(str(path), "PNG", 90):
            raise _fail(guide, "render-failed", value=index)
        paths.append(path)
        progress((index + 1) / len(found))
    return paths
