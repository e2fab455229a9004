"""The ffmpeg commands that make a clip's picture and sound, and running them with progress and cancel.

Picture, one command per segment (`segment_command`; which segments: see `clip.segments`): the
still is an input PNG decoded once; `format` converts it to yuv420p once, then `loop` repeats that
one frame for the segment's length and `setpts` numbers the frames at the clip's rate; a scene's
first segment (after the title) starts with a 0.5 s `xfade` from the previous scene's still.
Nothing is composited per frame in Python. `join_command` then joins the segments with the concat
demuxer without re-encoding.
Sound: one finished wav (narration and ducked music, see `clip.audio`), encoded to AAC by the join.
It is not mixed by an audio graph: an audio graph beside the picture graph, fed by a looping music
input, sometimes live-locked ffmpeg's filter thread (seen with ffmpeg 9.0 under load).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from trainer import processes


def tool_identity(program: str) -> str:
    """Which build of a program (ffmpeg, espeak-ng) made a kept file: its name and size (imageio-ffmpeg names it by version)."""
    try:
        return f"{Path(program).name}:{os.stat(program).st_size}"
    except OSError:
        return Path(program).name


@dataclass(frozen=True)
class Preset:
    """Frame size and encoder settings of one clip preset."""

    name: str
    width: int
    height: int
    crf: int
    maxrate_k: int
    audio_k: int
    audio_rate: int


# CRF and caps measured on the bundled guides to stay within the size budget (docs/benchmarks.md):
# share <= 2 MB/min, lite <= 1 MB/min. Still pictures cost little between cuts; the cap only
# bounds the crossfades. Each CRF is 2 above the one used while every frame was encoded with a 10-s
# GOP: a key frame every 5 s (each a full picture, about 50 KB at 1080x1920) made files 24 % larger
# at the same CRF; 2 steps bring them back to within 10 % (measured: vneid-kich-hoat vertical, 3.38
# -> 3.67 MB) while held stills, now always starting from a fresh key frame, stay as sharp (SSIM).
# Narration is mono speech: 64 kb/s AAC is clear, lite takes 32 kb/s at 24 kHz.
PRESETS: dict[str, Preset] = {
    "vertical": Preset("vertical", 1080, 1920, 28, 2500, 96, 44100),
    "share": Preset("share", 720, 1280, 30, 1200, 64, 44100),
    "landscape": Preset("landscape", 1280, 720, 29, 1500, 96, 44100),
    "lite": Preset("lite", 480, 854, 32, 500, 32, 24000),
}
FPS = 30
# x264: 'veryfast' with the still-image tuning. A key frame at least every KEY_SECONDS: players
# seek to key frames, and a held still is encoded as one KEY_SECONDS unit that is repeated.
X264_PRESET = "veryfast"
KEY_SECONDS = 5
# A segment is encoded after a warm-up that the join drops. x264's rate control carries history (a
# key frame's quantizer follows the recent P frames), so a segment started cold encodes its key frame
# differently from a straight encode of the whole clip: measured at lite, SSIM against a straight
# encode 0.969-0.991 cold, 0.974-0.999 warmed (docs/benchmarks.md). A scene's lead is warmed with
# LEAD_WARM_SECONDS of the previous scene's still (2 s and 5 s gave the same frames to 0.0002); a
# repeated unit with UNIT_WARM_SECONDS of its own still, which is what the straight encode has just
# shown there. The title's lead starts the clip, cold like the straight encode.
LEAD_WARM_SECONDS = 1.0
UNIT_WARM_SECONDS = 1.0
# Two segment encodes at once on a machine with two cores or more: x264 keeps about one core busy on
# these frame sizes (its threads wait on each other for a still). Only for presets whose ffmpeg peaks
# low enough that two of them and the app stay under the 600 MB budget (docs/benchmarks.md: lite
# 90 MB, share 131 MB; vertical 250 MB, so it encodes one at a time).
PARALLEL_MAX_PIXELS = 1280 * 720


def _yuv(label: str) -> str:
    """Filters converting input `label` to bt709 limited-range yuv420p: once per still, before any frame is repeated."""
    return (
        f"[{label}]scale=out_color_matrix=bt709:out_range=tv,format=yuv420p,"
        "setparams=range=tv:color_primaries=bt709:color_trc=bt709:colorspace=bt709"
    )


def _looped(count: int, fps: int) -> str:
    return f"loop=loop={count - 1}:size=1:start=0,setpts=N/({fps}*TB)"


def segment_graph(frames: int, fade: int, fps: int, fade_in: bool, warm: int = 0) -> str:
    """Filter graph of one scene, output [v]: `warm` frames of input 0's still, then `frames` frames of
    the last input's still, the first `fade` of them a crossfade from input 0's still when `fade_in`.

    Only the crossfade's own frames pass through `xfade`: the warm-up (see LEAD_WARM_SECONDS; the join
    drops it) and the static rest are looped stills that `concat` puts around it, so each frame
    passes one filter and nothing queues.
    """
    if not fade_in:
        return f"{_yuv('0:v')},{_looped(warm + frames, fps)}[v]"
    blended = min(frames, fade)
    # xfade blends only in formats without chroma subsampling: each still goes to yuv444p once,
    # before it is looped; left to the graph, every looped frame would be converted there (and, for
    # the warm-up, back) one by one (measured at lite: 0.14 s of 0.5 s per lead). The blend goes back
    # to yuv420p at once, or concat would take yuv444p for the whole scene (measured: 60 % more CPU).
    xfade = f"xfade=transition=fade:duration={fade / fps:.6f}:offset=0,format=yuv420p"
    if warm:
        parts = [
            f"{_yuv('0:v')},split=2[w][a]",
            f"[w]{_looped(warm, fps)}[warm]",
            f"[a]format=yuv444p,{_looped(blended, fps)}[out]",
        ]
    else:
        parts = [f"{_yuv('0:v')},format=yuv444p,{_looped(blended, fps)}[out]"]
    if frames <= fade:
        parts += [f"{_yuv('1:v')},format=yuv444p,{_looped(blended, fps)}[fin]", f"[out][fin]{xfade}[x]"]
        pieces = ["[x]"]
    else:
        parts += [
            f"{_yuv('1:v')},split=2[in][st]",
            f"[in]format=yuv444p,{_looped(fade, fps)}[fin]",
            f"[out][fin]{xfade}[x]",
            f"[st]{_looped(frames - fade, fps)}[s]",
        ]
        pieces = ["[x]", "[s]"]
    if warm:
        pieces.insert(0, "[warm]")
    if len(pieces) == 1:
        return ";".join(parts).replace("[x]", "[v]")
    parts.append(f"{''.join(pieces)}concat=n={len(pieces)}:v=1:a=0[v]")
    return ";".join(parts)


def encoder_args(preset: Preset, fps: int) -> list[str]:
    """libx264 settings of every segment of a preset. Identical for all, so their streams join with `-c copy`."""
    return [
        "-c:v", "libx264", "-preset", X264_PRESET, "-tune", "stillimage", "-profile:v", "high",
        "-pix_fmt", "yuv420p", "-r", str(fps), "-crf", str(preset.crf),
        "-maxrate", f"{preset.maxrate_k}k", "-bufsize", f"{preset.maxrate_k * 2}k",
        "-g", str(KEY_SECONDS * fps),
        # Memory (budget 600 MB with the app): two encoder threads for the 2-core target, a short
        # lookahead (stills barely change) and no separate lookahead thread holding frames.
        "-threads", "2", "-x264-params", "rc-lookahead=5:sync-lookahead=0",
        "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv",
    ]  # fmt: skip


def warm_frames(seconds: float, fps: int) -> int:
    """Frames of a warm-up of `seconds` (see LEAD_WARM_SECONDS)."""
    return round(seconds * fps)


def parallel_encodes(preset: Preset, cores: int | None) -> int:
    """How many segment encodes of `preset` run at once on a machine with `cores` cores (see PARALLEL_MAX_PIXELS)."""
    return 2 if (cores or 1) >= 2 and preset.width * preset.height <= PARALLEL_MAX_PIXELS else 1


def segment_command(
    ffmpeg: str, stills: list[Path], frames: int, fade: int, fps: int, preset: Preset, output: Path, warm: int = 0
) -> list[str]:
    """Encode one segment into an MP4 holding only its picture: `stills` is [this] or [previous, this] (crossfade in).

    The file starts with `warm` frames of the first still, then an IDR frame where the segment's own
    frames begin; the join plays it from there (concat_list's inpoint).
    """
    cmd = [ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-y"]
    for still in stills:
        cmd += ["-framerate", str(fps), "-i", str(still)]
    graph = segment_graph(frames, fade, fps, fade_in=len(stills) == 2, warm=warm)
    # One filter thread: the graph only blends during the crossfade; more threads only queue more frames.
    cmd += ["-filter_complex_threads", "1", "-filter_complex", graph, "-map", "[v]"]
    cmd += encoder_args(preset, fps)
    keys = f"eq(n,{warm})"
    if frames > KEY_SECONDS * fps:
        # A lead of one unit and a few frames (segments.lead_frames): its second key frame goes half-way,
        # where it renews the still after the crossfade, not where x264's interval would put it (a few
        # frames before the next scene's key frame: two full pictures a few frames apart).
        keys += f"+eq(n,{warm + frames // 2})"
    cmd += ["-force_key_frames", f"expr:{keys}"]
    cmd += ["-progress", "pipe:1", "-stats_period", "0.25", "-f", "mp4", str(output)]
    return cmd


def concat_list(segments: list[tuple[Path, int]], fps: int) -> str:
    """The concat demuxer's list file naming the (file, warm-up frames) `segments` in order (absolute paths,
    quotes escaped), each played from its IDR frame after the warm-up (`inpoint` on a key frame: with
    -c copy nothing before it is kept)."""
    lines = ["ffconcat version 1.0"]
    for path, warm in segments:
        quoted = str(Path(path).resolve()).replace("'", "'\\''")
        lines.append(f"file '{quoted}'")
        if warm:
            lines.append(f"inpoint {warm / fps:.6f}")
    return "\n".join(lines) + "\n"


def join_command(
    ffmpeg: str, list_file: Path, preset: Preset, output: Path, sound: Path | None = None, metadata: dict[str, str] | None = None
) -> list[str]:
    """Join the scenes listed in `list_file` without re-encoding, add the sound as AAC, write a faststart MP4."""
    # -xerror: without it a segment file the concat demuxer cannot open (damaged on disk) silently
    # ends the clip there with exit code 0.
    cmd = [ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-xerror", "-y", "-f", "concat", "-safe", "0", "-i", str(list_file)]
    if sound is not None:
        # The finished mix (clip.audio.sound_track), exactly as long as the picture.
        cmd += ["-i", str(sound)]
    cmd += ["-map", "0:v", "-c:v", "copy"]
    if sound is not None:
        cmd += ["-map", "1:a", "-c:a", "aac", "-b:a", f"{preset.audio_k}k", "-ac", "1", "-ar", str(preset.audio_rate)]
    for key, value in (metadata or {}).items():
        if value:
            cmd += ["-metadata", f"{key}={value}"]
    cmd += ["-movflags", "+faststart", "-progress", "pipe:1", "-stats_period", "0.25", "-f", "mp4", str(output)]
    return cmd


class EncodeError(Exception):
    """ffmpeg failed; str() is its last error line."""


def run_ffmpeg(cmd: list[str], total_seconds: float, progress: Callable[[float], None]) -> None:
    """Run an ffmpeg command that writes `-progress pipe:1`; report the fraction done; stop it if progress raises.

    Whatever happens (an error, Cancelled from the callback, KeyboardInterrupt), ffmpeg is not left
    running when this returns or raises.
    """
    with tempfile.TemporaryFile() as errors:
        # stderr goes to a file, not a pipe: a chatty ffmpeg can never block on a full pipe we do not read.
        # Its own process group, so a cancel kills it whole; it also dies with Trainer (trainer.processes).
        process = processes.popen(cmd, new_group=True, stdout=subprocess.PIPE, stderr=errors)
        try:
            assert process.stdout is not None
            for raw in process.stdout:
                key, _, value = raw.decode("ascii", "replace").strip().partition("=")
                if key == "out_time_us" and value.lstrip("-").isdigit() and total_seconds > 0:
                    progress(min(1.0, max(0, int(value)) / 1e6 / total_seconds))
            code = process.wait()
        finally:
            processes.stop(process)
        if code != 0:
            errors.seek(0)
            lines = [line.strip() for line in errors.read().decode("utf-8", "replace").splitlines() if line.strip()]
            raise EncodeError(lines[-1] if lines else f"ffmpeg exit code {code}")
