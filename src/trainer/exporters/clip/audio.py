"""Sound for a clip and the audio output: narration decoded and checked once, espeak-ng draft narration, one track.

Every audio file the editor gives (wav/mp3/m4a/ogg) is decoded once with the bundled ffmpeg into
mono 16-bit PCM. Decoding the whole file, not just reading its header, is what finds a corrupt or
truncated file before the long encode starts, and the sample count gives the exact duration the
timeline needs. The narration clips are then laid end to end on one silent track at their scenes'
start times (plain sample copies), and music is mixed under them with volume automation
(`sound_track`), so the encoder gets one finished sound file.
"""

from __future__ import annotations

import shutil
import wave
from pathlib import Path

from trainer import processes

SAMPLE_RATE = 44100
# One step's narration may not run longer than this: longer is a lecture, not a step.
MAX_NARRATION = 300.0


class AudioError(Exception):
    """An audio file that cannot be used; args = (code, detail)."""


def decode(ffmpeg: str, source: Path, target: Path, limit: float | None = None) -> float:
    """Decode any audio file to mono PCM wav at SAMPLE_RATE; return its duration; AudioError when unreadable.

    With `limit`, decoding stops a little after `limit` seconds (so a 2-hour file is not decoded
    to find it is too long); the caller compares the duration with the limit.
    """
    cmd = [ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-xerror", "-i", str(source), "-map", "0:a:0", "-vn"]
    if limit is not None:
        cmd += ["-t", f"{limit + 0.5:.3f}"]
    cmd += ["-ac", "1", "-ar", str(SAMPLE_RATE), "-c:a", "pcm_s16le", "-f", "wav", "-y", str(target)]
    done = processes.run(cmd, text=True, errors="replace")
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
        detail = lines[-1] if lines else f"ffmpeg exit code {done.returncode}"
        # ffmpeg names the file in its messages; the caller names it better.
        detail = detail.replace(str(source), source.name)
        raise AudioError("unreadable", detail)
    seconds = wav_seconds(target)
    if seconds <= 0.05:
        raise AudioError("empty", "")
    return seconds


def wav_seconds(path: Path) -> float:
    """Duration of a PCM wav file in seconds."""
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def espeak_exe() -> str | None:
    """The espeak-ng program when installed (the draft voice), else None."""
    return shutil.which("espeak-ng")


def speak_draft(text: str, target: Path, espeak: str, voice: str = "vi") -> None:
    """Write espeak-ng's reading of `text` (Vietnamese `voice` unless told) to a wav: a robotic draft voice, clearly not a person."""
    # 140 words a minute is espeak's slow end that stays intelligible; text goes through stdin so no
    # caption text is ever read as an option.
    cmd = [espeak, "-v", voice, "-s", "140", "-w", str(target), "--stdin"]
    done = processes.run(cmd, input=text.encode("utf-8"))
    if done.returncode != 0 or not target.exists():
        raise AudioError("espeak", done.stderr.decode("utf-8", "replace").strip() or f"exit code {done.returncode}")


def narration_track(clips: list[tuple[float, Path]], total: float, target: Path) -> None:
    """One mono wav `total` seconds long with each (start, decoded wav) clip placed at its start time."""
    frame_count = round(total * SAMPLE_RATE)
    track = bytearray(frame_count * 2)
    for start, path in clips:
        with wave.open(str(path), "rb") as wav:
            data = wav.readframes(wav.getnframes())
        at = round(start * SAMPLE_RATE) * 2
        data = data[: max(0, len(track) - at)]
        track[at : at + len(data)] = data
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(bytes(track))


def _samples(path: Path):  # type: ignore[no-untyped-def]
    """A decoded mono 16-bit wav as float32 samples in [-1, 1]."""
    import numpy as np

    with wave.open(str(path), "rb") as wav:
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float32) / 32768.0


def _moving_average(values, width: int):  # type: ignore[no-untyped-def]
    """values smoothed by a centred box of `width` samples (cumulative sums: linear time)."""
    import numpy as np

    padded = np.concatenate([np.full(width, values[0]), values, np.full(width, values[-1])])
    sums = np.cumsum(padded, dtype=np.float64)
    smooth = (sums[width:] - sums[:-width]) / width
    start = width // 2
    return smooth[start : start + len(values)].astype(np.float32)


# Where the clip's sound holds its true peaks before the AAC encoder, which lifts speech peaks: with
# -2 dBTP here the lite clip (32 kb/s) measured +0.4 dBTP. At -3.5: lite -0.4, share -1.8 dBTP, both
# at -15.5 to -15.9 LUFS. (Unlike the audio output, a clip is not measured back and re-encoded.)
CLIP_PEAK_AIM = -3.5

# Music sits at half volume and drops to a quarter of that under the voice (about -12 dB), with
# 0.4 s ramps so the ducking breathes instead of clicking.
MUSIC_GAIN = 0.5
DUCKED_GAIN = 0.12
DUCK_RAMP = 0.4


def sound_track(
    narration: Path | None, music: Path | None, speech: list[tuple[float, float]], total: float, target: Path, ffmpeg: str
) -> None:
    """Mix the narration track and the music (looped to length, ducked while anyone speaks) into one wav
    at the loudness target (-16 LUFS, true peak under -1 dBTP: `clip.loudness`).

    Volume automation in numpy on decoded samples rather than an ffmpeg audio graph beside the
    picture graph: one less moving part in the long encode, exact to the sample, and a second of work.
    The music is levelled first, so MUSIC_GAIN means the same under any music file.
    """
    import numpy as np

    from trainer.exporters.clip.loudness import normalise

    count = round(total * SAMPLE_RATE)
    mix = np.zeros(count, dtype=np.float32)
    if music is not None:
        levelled = target.with_suffix(".music.wav")
        normalise(ffmpeg, music, levelled, SAMPLE_RATE)
        tune = _samples(levelled)
        if len(tune):
            tune = np.tile(tune, count // len(tune) + 1)[:count]
            gain = np.full(count, MUSIC_GAIN, dtype=np.float32)
            for start, end in speech:
                gain[max(0, round((start - DUCK_RAMP / 2) * SAMPLE_RATE)) : round((end + DUCK_RAMP / 2) * SAMPLE_RATE)] = (
                    DUCKED_GAIN
                )
            gain = _moving_average(gain, max(1, round(DUCK_RAMP * SAMPLE_RATE)))
            fade_in, fade_out = round(0.5 * SAMPLE_RATE), min(count, round(2.0 * SAMPLE_RATE))
            gain[:fade_in] *= np.linspace(0, 1, fade_in, dtype=np.float32)[: len(gain[:fade_in])]
            gain[count - fade_out :] *= np.linspace(1, 0, fade_out, dtype=np.float32)
            mix += tune * gain
    if narration is not None:
        voice = _samples(narration)[:count]
        mix[: len(voice)] += voice
    mixed = target.with_suffix(".mix.wav")
    write_wav(mixed, mix)
    normalise(ffmpeg, mixed, target, SAMPLE_RATE, ceiling=CLIP_PEAK_AIM)
    mixed.unlink(missing_ok=True)


def write_wav(path: Path, samples, rate: int = SAMPLE_RATE) -> None:  # type: ignore[no-untyped-def]
    """Float samples in [-1, 1] as a mono 16-bit wav at `rate` (clipped at full scale)."""
    import numpy as np

    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
