"""A step's voice as a file: a recording (or a chosen audio file) trimmed, levelled and kept in `audio/` beside the guide.

Qt-free, so the editor's narration panel and tests use the same steps: decode with the bundled
ffmpeg (anything it reads: wav, mp3, m4a, ogg, a phone's voice memo), cut the silence before the
first and after the last word, bring it to the loudness every output uses (-16 LUFS, see
`trainer.exporters.clip.loudness`) and store it as AAC in an .m4a named by the step's number
(`audio/02.m4a`; a new take gets a new name, `audio/02-2.m4a`, so undo brings back the old take).
"""

from __future__ import annotations

import functools
import re
import tempfile
from pathlib import Path

from trainer import processes
from trainer.exporters.clip.audio import MAX_NARRATION, SAMPLE_RATE, AudioError, decode, write_wav
from trainer.exporters.clip.loudness import LoudnessError, normalise
from trainer.store.atomic import atomic_path

AUDIO_FOLDER = "audio"
# Kept around the voice when the silence is cut: a breath before the first word, the last word's decay after.
LEAD_MARGIN = 0.2
TAIL_MARGIN = 0.35
# A 20 ms frame is "voice" when its level is within this many dB of the recording's loud frames
# (and above an absolute floor): room noise and a fan stay under it, quiet word endings do not.
VOICE_RANGE_DB = 30.0
FLOOR_DBFS = -55.0


class NarrationError(Exception):
    """A recording or file that cannot become a narration; args = (code, detail). Codes: unreadable, empty,
    silent, too-long, write."""


def ffmpeg_exe() -> str:
    """The ffmpeg binary bundled with imageio-ffmpeg."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def voice_bounds(samples, rate: int) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """(first, last) sample of the voice in mono float samples with silence trimmed and margins kept; None if silent."""
    import numpy as np

    frame = max(1, round(0.02 * rate))
    count = len(samples) // frame
    if count == 0:
        return None
    frames = np.asarray(samples[: count * frame], dtype=np.float64).reshape(count, frame)
    level = 10 * np.log10(np.mean(frames**2, axis=1) + 1e-12)
    loud = float(np.percentile(level, 95))
    threshold = max(FLOOR_DBFS, loud - VOICE_RANGE_DB)
    voiced = np.nonzero(level > threshold)[0]
    if len(voiced) == 0 or loud < FLOOR_DBFS:
        return None
    first = max(0, int(voiced[0]) * frame - round(LEAD_MARGIN * rate))
    last = min(len(samples), (int(voiced[-1]) + 1) * frame + round(TAIL_MARGIN * rate))
    return first, last


def next_name(folder: Path, step_number: int, used: set[str] | None = None) -> str:
    """`audio/NN.m4a` for step NN, or `audio/NN-2.m4a`, `-3`... when that file exists or another step uses it."""
    used = used or set()
    base = f"{step_number:02d}"
    for n in range(1, 1000):
        name = f"{AUDIO_FOLDER}/{base}{'' if n == 1 else f'-{n}'}.m4a"
        if name not in used and not (folder / name).exists():
            return name
    raise NarrationError("write", f"{folder / AUDIO_FOLDER}: too many takes of step {step_number}")


def store_narration(source: Path, folder: Path, step_number: int, used: set[str] | None = None) -> tuple[str, float]:
    """Make `source` step `step_number`'s narration in guide folder `folder`: (path relative to the folder, seconds).

    Trimmed, levelled and written atomically; NarrationError with a code the app words for people.
    """
    import numpy as np

    ffmpeg = ffmpeg_exe()
    relative = next_name(folder, step_number, used)
    with tempfile.TemporaryDirectory(prefix="trainer-narration-") as tmp_name:
        tmp = Path(tmp_name)
        decoded = tmp / "decoded.wav"
        try:
            seconds = decode(ffmpeg, Path(source), decoded, limit=MAX_NARRATION)
        except AudioError as exc:
            code, detail = exc.args
            raise NarrationError(code, detail) from None
        if seconds > MAX_NARRATION:
            raise NarrationError("too-long", str(int(MAX_NARRATION // 60)))
        import wave

        with wave.open(str(decoded), "rb") as wav:
            samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float32) / 32768.0
        bounds = voice_bounds(samples, SAMPLE_RATE)
        if bounds is None:
            raise NarrationError("silent", "")
        trimmed = tmp / "trimmed.wav"
        write_wav(trimmed, samples[bounds[0] : bounds[1]])
        levelled = tmp / "levelled.wav"
        try:
            normalise(ffmpeg, trimmed, levelled, SAMPLE_RATE)
        except LoudnessError as exc:
            raise NarrationError("unreadable", str(exc)) from None
        target = folder / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(target) as part:
                _encode(ffmpeg, levelled, part)
        except OSError as exc:
            raise NarrationError("write", f"{target}: {exc.strerror or exc}") from None
    return relative, (bounds[1] - bounds[0]) / SAMPLE_RATE


def _encode(ffmpeg: str, wav: Path, target: Path) -> None:
    """AAC-LC mono 96 kb/s in an .m4a: small, and every phone and Windows plays it."""
    cmd = [ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-y", "-i", str(wav), "-c:a", "aac", "-b:a", "96k"]
    cmd += ["-ac", "1", "-ar", str(SAMPLE_RATE), "-movflags", "+faststart", "-f", "ipod", str(target)]
    done = processes.run(cmd, text=True, errors="replace")
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise NarrationError("write", lines[-1] if lines else f"ffmpeg exit code {done.returncode}")


_DURATION = re.compile(r"Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)")


def narration_seconds(path: Path) -> float | None:
    """How long an audio file plays, from its header (cached while the file is unchanged); None when unreadable."""
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return _header_seconds(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=512)
def _header_seconds(path: str, _mtime: int, _size: int) -> float | None:
    done = processes.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", path], text=True, errors="replace")
    found = _DURATION.search(done.stderr)
    if not found:
        return None
    hours, minutes, seconds = found.groups()
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)
