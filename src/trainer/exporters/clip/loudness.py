"""Loudness to one target for every sound Trainer writes: EBU R128 measured, then a gain and a true-peak limiter.

Target: -16 LUFS integrated, true peak at most -1 dBTP, the level podcasts and phone speakers use;
a commune loudspeaker amplifier and a Zalo voice message then need no hand on the volume knob.
Two passes: the first measures (ffmpeg's ebur128: integrated loudness, true peak); the second applies
one linear gain to the target, through a true-peak limiter when the gain would push peaks over the
ceiling. Not loudnorm's own second pass: where the peaks forbid a linear gain it switches to its
dynamic mode, which left speech about 1 LU under the target (measured: -17.0 and -17.3 LUFS on a
draft-voice guide). The ceiling is 1 dB under the promised peak: MP3 and AAC encoders overshoot a little.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from trainer import processes

TARGET_LUFS = -16.0
# The promise: no true peak above this, measured on the encoded file.
MAX_TRUE_PEAK = -1.0
# Where the limiter holds true peaks: a 1 dB margin for the lossy encoders' overshoot.
PEAK_AIM = -2.0
# Below this, a sound is silence (or nearly): no gain is applied, it would only amplify noise.
SILENT_LUFS = -60.0
# Each piece of speech is levelled to this before the pieces are laid on one track: the same level
# for all, with 4 dB of headroom so that no piece needs the limiter; the whole track then gets the
# last few dB, and the limiter, once.
PIECE_LUFS = -20.0
PIECE_CEILING = -1.0


class LoudnessError(Exception):
    """ffmpeg could not measure or normalise a sound; str() is its last error line."""


@dataclass(frozen=True)
class Loudness:
    """What ebur128 measured on one sound: LUFS, dBTP, LU, LUFS."""

    integrated: float
    true_peak: float
    lra: float
    threshold: float

    @property
    def silent(self) -> bool:
        """True when there is nothing loud enough to normalise."""
        return not math.isfinite(self.integrated) or self.integrated < SILENT_LUFS


def _run(cmd: list[str]) -> str:
    """Run ffmpeg; its stderr; LoudnessError with its last line when it fails."""
    done = processes.run(cmd, text=True, errors="replace")
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
        raise LoudnessError(lines[-1] if lines else f"ffmpeg exit code {done.returncode}")
    return done.stderr


def _summary_value(summary: str, label: str) -> float:
    found = re.search(rf"{label}:\s+(-?[\d.]+|-?inf)\s", summary)
    if found is None:
        raise LoudnessError(f"ebur128 printed no {label}")
    return float(found.group(1))


def measure(ffmpeg: str, source: Path) -> Loudness:
    """EBU R128 measurement of a sound file (ffmpeg's ebur128 with 4x oversampled true peak).

    ebur128 rather than loudnorm's first pass: the same measurement, but loudnorm resamples
    everything to 192 kHz first, which made it about 8 times slower (measured: 2.6 s against 0.33 s
    of CPU for three minutes of speech).
    """
    text = _run([ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-i", str(source), "-map", "0:a:0",
                 "-af", "ebur128=peak=true:framelog=quiet", "-f", "null", "-"])  # fmt: skip
    if "Summary:" not in text:
        raise LoudnessError("ebur128 printed no summary")
    summary = text[text.rindex("Summary:") :]
    integrated = _summary_value(summary, "I")
    lra = _summary_value(summary, "LRA")
    threshold = _summary_value(summary, "Threshold")
    peak = _summary_value(summary[summary.index("True peak:") :], "Peak")
    return Loudness(integrated, peak, lra, threshold)


def normalise(
    ffmpeg: str,
    source: Path,
    target: Path,
    sample_rate: int,
    measured: Loudness | None = None,
    lufs: float = TARGET_LUFS,
    ceiling: float = PEAK_AIM,
) -> Loudness:
    """Write `source` to `target` (mono 16-bit wav at `sample_rate`) at `lufs`; return the level of `target`.

    One linear gain when the peaks allow it; otherwise the gain and a look-ahead limiter working at
    four times the sample rate (so it sees the peaks between samples, i.e. true peaks), measured
    again and corrected until it lands within 0.2 LU (three passes at most): the limiter takes back
    part of any gain it holds down. A silent source is only converted. `measured` skips the first
    measurement when known; `lufs` and `ceiling` (dBTP) move the target, for an encoder that is
    known to shift it.
    """
    found = measured or measure(ffmpeg, source)
    if found.silent:
        _run([ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-y", "-i", str(source), *_pcm(sample_rate), str(target)])
        return found
    gain = lufs - found.integrated
    if found.true_peak + gain <= ceiling:
        _apply(ffmpeg, source, target, sample_rate, gain, None)  # one linear gain lands exactly on the target
        return Loudness(lufs, found.true_peak + gain, found.lra, found.threshold + gain)
    # How much of a gain step the limited loudness follows: 0.42 measured on a bundled guide's espeak-ng
    # track held 6 dB under its peaks (a little more assumed, so a first correction never overshoots);
    # learnt from the passes (a secant) after the first correction.
    follows, last = 0.45, None
    for _attempt in range(3):
        _apply(ffmpeg, source, target, sample_rate, gain, ceiling)
        result = measure(ffmpeg, target)
        miss = lufs - result.integrated
        if result.silent or abs(miss) <= 0.2:
            break
        if last is not None and abs(gain - last[0]) > 0.05:
            follows = min(1.0, max(0.3, (result.integrated - last[1]) / (gain - last[0])))
        last = (gain, result.integrated)
        gain += miss / follows
    return result


def _pcm(sample_rate: int) -> list[str]:
    return ["-ac", "1", "-ar", str(sample_rate), "-c:a", "pcm_s16le", "-f", "wav"]


def _apply(ffmpeg: str, source: Path, target: Path, sample_rate: int, gain: float, ceiling: float | None) -> None:
    """`source` made `gain` dB louder, peaks held under `ceiling` dBTP unless None, as 16-bit wav."""
    graph = f"volume={gain:.3f}dB:precision=double"
    if ceiling is not None:
        oversampled = 4 * sample_rate
        # latency=1: the limiter's look-ahead delay is taken back out, so chapter times stay exact.
        graph += (
            f",aresample={oversampled},alimiter=limit={10 ** (ceiling / 20):.5f}:attack=2:release=80:level=false:latency=true"
            f",aresample={sample_rate}"
        )
    _run(
        [
            ffmpeg,
            "-nostdin",
            "-hide_banner",
            "-v",
            "error",
            "-y",
            "-i",
            str(source),
            "-af",
            graph,
            *_pcm(sample_rate),
            str(target),
        ]
    )
