"""A clip's picture as one short H.264 file per scene, named by its content, joined without re-encoding.

Why per scene. One ffmpeg call for the whole clip holds every still in its filter graph at once:
measured about 45 MB per 1080x1920 still, 672 MB for a 12-scene vertical clip, over the 600 MB
budget, and it encodes the whole clip again when one word changes. Here scene k is its own file:
the 0.5 s crossfade from scene k-1 into it, then its still for the rest of its time (the title,
scene 0, has no fade, so frame 0 is the title card). Every scene of a preset is encoded with the
same x264 settings and starts with a key frame, so the concat demuxer joins them with `-c copy`
into one valid stream, and an ffmpeg process never holds more than two stills.

Reuse. A scene file is named by the SHA-256 of everything that decides its bytes: the PNG bytes of
its still and of the one it fades from, its frame counts, the preset's encoder arguments and the
ffmpeg build. Given a cache folder (publish keeps one per out folder), a scene whose name is
already there is not encoded again: after a one-word edit only the edited scene and the scene
that fades out of it are. Files are written atomically, so a cancelled or killed export never
leaves a half scene under a good name.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from trainer.exporters.clip.ffmpeg import Preset, encoder_args, run_ffmpeg, segment_command
from trainer.exporters.clip.timing import Timeline
from trainer.store.atomic import atomic_path

# Bump when the scene graph changes in a way the key does not see.
SEGMENT_FORMAT = "scene-v1"


def _ffmpeg_identity(ffmpeg: str) -> str:
    """Which ffmpeg build encodes (name and size of the binary: imageio-ffmpeg names it by version)."""
    try:
        return f"{Path(ffmpeg).name}:{os.stat(ffmpeg).st_size}"
    except OSError:
        return Path(ffmpeg).name


def segment_key(ffmpeg: str, stills: list[Path], frames: int, fade: int, fps: int, preset: Preset) -> str:
    """The content name of one scene's file: hash of its stills' bytes, timing, encoder settings and ffmpeg."""
    digest = hashlib.sha256()
    settings = [SEGMENT_FORMAT, _ffmpeg_identity(ffmpeg), str(frames), str(fade), str(fps), *encoder_args(preset, fps)]
    digest.update("\0".join(settings).encode())
    for still in stills:
        digest.update(b"\0still\0")
        digest.update(Path(still).read_bytes())
    return digest.hexdigest()[:40]


def scene_inputs(stills: list[Path], index: int) -> list[Path]:
    """The stills scene `index` is made of: its own, after the previous one it fades from."""
    return stills[index - 1 : index + 1] if index > 0 else stills[:1]


def encode_scenes(
    ffmpeg: str,
    stills: list[Path],
    timeline: Timeline,
    preset: Preset,
    folder: Path,
    progress: Callable[[float], None],
) -> list[Path]:
    """Make sure `folder` holds every scene's file; return them in order.

    Progress counts frames, a reused scene counting as done at once. Raises EncodeError when
    ffmpeg fails, or whatever `progress` raises (Cancelled); ffmpeg is stopped either way.
    """
    folder.mkdir(parents=True, exist_ok=True)
    fade = timeline.transition_frames
    total = max(1, timeline.total_frames)
    paths: list[Path] = []
    done = 0
    for index, frames in enumerate(timeline.frames):
        inputs = scene_inputs(stills, index)
        path = folder / f"{segment_key(ffmpeg, inputs, frames, fade, timeline.fps, preset)}.mp4"
        if not path.is_file():
            with atomic_path(path) as part:
                cmd = segment_command(ffmpeg, inputs, frames, fade, timeline.fps, preset, part)
                run_ffmpeg(cmd, frames / timeline.fps, lambda f, done=done, frames=frames: progress((done + f * frames) / total))
        paths.append(path)
        done += frames
        progress(done / total)
    return paths


def prune(folder: Path, keep: list[Path]) -> None:
    """Delete the scene files in `folder` that `keep` does not name (scenes of older versions of the guide)."""
    names = {Path(p).name for p in keep}
    for path in folder.glob("*.mp4"):
        if path.name not in names:
            path.unlink(missing_ok=True)
