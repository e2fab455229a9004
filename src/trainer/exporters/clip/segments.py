"""A clip's picture as short H.264 files, each encoded once, named by its content and joined without re-encoding.

What is encoded. A clip is mostly still pictures held for 10-30 s. A held still costs one key
frame and then frames that say "nothing changed", so it is encoded once as a **unit**: KEY_SECONDS
of that still, starting with an IDR frame, and the concat demuxer repeats that file (`-c copy`)
as often as the scene needs. Scene k is played as

    lead (crossfade from scene k-1's still, then still k)  +  n x unit(still k)

where n whole units fill the scene's end and the lead takes the rest, at most one unit long (the
title, scene 0, has no fade, so frame 0 is the title card). So no cut is ever needed: every file
is whole, starts with an IDR frame and holds at most KEY_SECONDS, which gives a key frame at every
scene start and at least every KEY_SECONDS, and exact frame counts. Every file of a preset is
encoded with the same x264 settings (`ffmpeg.encoder_args`), so the joined stream is valid; an
ffmpeg process never holds more than two stills (memory, see docs/benchmarks.md).

Reuse. A file is named by the SHA-256 of everything that decides its bytes: the PNG bytes of its
stills, its frame counts, the preset's encoder arguments and the ffmpeg build. Given a cache
folder (publish keeps one per out folder), a file whose name is already there is not encoded
again: after a one-word edit only the edited scene's lead and unit and the lead that fades out of
it are. Files are written atomically, so a cancelled or killed export never leaves a half file
under a good name.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from trainer.exporters.clip.ffmpeg import (
    KEY_SECONDS,
    LEAD_WARM_SECONDS,
    UNIT_WARM_SECONDS,
    Preset,
    encoder_args,
    parallel_encodes,
    run_ffmpeg,
    segment_command,
    tool_identity,
    warm_frames,
)
from trainer.exporters.clip.timing import Timeline
from trainer.store.atomic import atomic_path

# Bump when the segment graph changes in a way the key does not see.
SEGMENT_FORMAT = "segment-v5"


@dataclass(frozen=True)
class Segment:
    """One encoded file: `frames` frames of the last still; the first `fade` of them a crossfade from the first.

    The file starts with `warm` more frames of the first still, which the join drops (ffmpeg.LEAD_WARM_SECONDS).
    """

    stills: tuple[Path, ...]
    frames: int
    fade: int = 0
    warm: int = 0


def lead_frames(frames: int, fade: int, unit: int) -> int:
    """How many of a scene's `frames` its lead plays; the rest is whole units of `unit` frames.

    The lead is at most one unit long, so key frames stay at most a unit apart, and it always
    holds the whole crossfade. When the remainder would cut the crossfade short, the lead takes one
    unit more, with a second key frame forced half-way through it (ffmpeg.segment_command).
    """
    if frames <= unit:
        return frames
    lead = frames - (frames - 1) // unit * unit  # in 1..unit
    return lead + unit if lead < fade else lead


def plan(stills: list[Path], timeline: Timeline) -> list[Segment]:
    """The files the picture is joined from, in play order (a unit appears once per repetition)."""
    unit = KEY_SECONDS * timeline.fps
    fade = timeline.transition_frames
    lead_warm, unit_warm = warm_frames(LEAD_WARM_SECONDS, timeline.fps), warm_frames(UNIT_WARM_SECONDS, timeline.fps)
    played: list[Segment] = []
    for index, frames in enumerate(timeline.frames):
        fade_in = fade if index > 0 else 0
        lead = lead_frames(frames, fade_in, unit)
        # The title's lead is the clip's first frame: cold, like the straight encode there.
        inputs = (stills[index - 1], stills[index]) if fade_in else (stills[index],)
        played.append(Segment(inputs, lead, fade_in, lead_warm if index > 0 else 0))
        played += [Segment((stills[index],), unit, 0, unit_warm)] * ((frames - lead) // unit)
    return played


def segment_key(ffmpeg: str, segment: Segment, fps: int, preset: Preset, digests: dict[Path, bytes]) -> str:
    """The content name of one file: hash of its stills' bytes, frame counts, encoder settings and ffmpeg."""
    digest = hashlib.sha256()
    settings = [SEGMENT_FORMAT, tool_identity(ffmpeg), str(segment.frames), str(segment.fade), str(fps), str(segment.warm)]
    digest.update("\0".join(settings + encoder_args(preset, fps)).encode())
    for still in segment.stills:
        if still not in digests:
            digests[still] = hashlib.sha256(Path(still).read_bytes()).digest()
        digest.update(b"\0still\0" + digests[still])
    return digest.hexdigest()[:40]


class _Stopped(Exception):
    """Raised in a running encode's progress callback, so run_ffmpeg stops its ffmpeg: another one failed or was cancelled."""


def _encode(ffmpeg: str, path: Path, segment: Segment, fps: int, preset: Preset, progress: Callable[[float], None]) -> None:
    """Encode one segment into `path` (atomically)."""
    with atomic_path(path) as part:
        stills = list(segment.stills)
        cmd = segment_command(ffmpeg, stills, segment.frames, segment.fade, fps, preset, part, segment.warm)
        run_ffmpeg(cmd, (segment.warm + segment.frames) / fps, progress)


def encode_scenes(
    ffmpeg: str,
    stills: list[Path],
    timeline: Timeline,
    preset: Preset,
    folder: Path,
    progress: Callable[[float], None],
    cores: int | None = 1,
) -> list[tuple[Path, int]]:
    """Make sure `folder` holds every file of the picture; return them in play order (repeats included),
    each with the warm-up frames the join drops.

    Files are encoded `parallel_encodes(preset, cores)` at a time, each ffmpeg watched by a thread; `progress` is
    only ever called from the calling thread. Progress counts the frames to encode; kept files count
    as done at once. Raises EncodeError when ffmpeg fails, or whatever `progress` raises (Cancelled);
    every ffmpeg is stopped either way.
    """
    folder.mkdir(parents=True, exist_ok=True)
    digests: dict[Path, bytes] = {}
    played = [
        (segment, folder / f"{segment_key(ffmpeg, segment, timeline.fps, preset, digests)}.mp4")
        for segment in plan(stills, timeline)
    ]
    missing = dict((path, segment) for segment, path in played if not path.is_file())
    sizes = {path: segment.warm + segment.frames for path, segment in missing.items()}
    total = max(1, sum(sizes.values()))
    fractions = dict.fromkeys(missing, 0.0)
    stop = threading.Event()

    def watch(path: Path) -> Callable[[float], None]:
        def update(fraction: float) -> None:
            if stop.is_set():
                raise _Stopped
            fractions[path] = fraction

        return update

    progress(0.0)
    # Longest first, so two encodes at once end close together.
    order = sorted(missing, key=lambda path: -sizes[path])
    with ThreadPoolExecutor(max_workers=parallel_encodes(preset, cores)) as pool:
        running = {pool.submit(_encode, ffmpeg, path, missing[path], timeline.fps, preset, watch(path)): path for path in order}
        try:
            pending = set(running)
            while pending:
                finished, pending = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
                for future in finished:
                    future.result()
                    fractions[running[future]] = 1.0
                progress(sum(fractions[path] * sizes[path] for path in missing) / total)
        finally:
            # On an error or a cancel: the queued encodes never start, the running ones stop at
            # their next progress line (every 0.25 s) and leave no file; the pool waits for them.
            stop.set()
            for future in running:
                future.cancel()
    progress(1.0)
    return [(path, segment.warm) for segment, path in played]


def prune(folder: Path, keep: list[Path]) -> None:
    """Delete the files in `folder` that `keep` does not name (segments of older versions of the guide)."""
    names = {Path(p).name for p in keep}
    for path in folder.glob("*.mp4"):
        if path.name not in names:
            path.unlink(missing_ok=True)
