"""A step's voice as a file: silence trimmed, loudness levelled, named by the step, read back with the bundled ffmpeg."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from trainer.exporters.clip.audio import write_wav
from trainer.narration import (
    LEAD_MARGIN,
    TAIL_MARGIN,
    NarrationError,
    narration_seconds,
    next_name,
    store_narration,
    voice_bounds,
)

RATE = 44100


def ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def take(seconds_before: float, voice: float, seconds_after: float, level_db: float, noise_db: float = -70.0):  # type: ignore[no-untyped-def]
    """Room noise, then `voice` seconds of syllable-like bursts at `level_db` RMS, then room noise again."""
    rng = np.random.default_rng(5)
    total = round((seconds_before + voice + seconds_after) * RATE)
    signal = rng.normal(0, 10 ** (noise_db / 20), total)
    start = round(seconds_before * RATE)
    burst = rng.normal(0, 10 ** (level_db / 20), round(voice * RATE))
    t = np.arange(len(burst)) / RATE
    burst *= np.where((t % 0.4) < 0.25, 1.0, 0.05)
    signal[start : start + len(burst)] += burst
    return signal.astype(np.float32)


def loudness(path: Path) -> tuple[float, float]:
    text = subprocess.run(
        [ffmpeg(), "-hide_banner", "-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True,
        text=True,
    ).stderr
    summary = text[text.rindex("Summary:") :]
    duration = re.search(r"Duration: (\d+):(\d+):([\d.]+)", text)
    assert duration
    seconds = int(duration.group(2)) * 60 + float(duration.group(3))
    return float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1)), seconds  # type: ignore[union-attr]


def test_voice_bounds_keep_the_voice_and_a_little_air() -> None:
    samples = take(1.0, 2.0, 1.5, -30, noise_db=-65)
    first, last = voice_bounds(samples, RATE)  # type: ignore[misc]
    assert abs(first / RATE - (1.0 - LEAD_MARGIN)) < 0.03, first / RATE
    # The last burst of 0.25 s starts at 1.6 s into the voice and ends at 1.85 s.
    assert abs(last / RATE - (1.0 + 1.85 + TAIL_MARGIN)) < 0.05, last / RATE


def test_silence_is_no_voice() -> None:
    assert voice_bounds(take(1.0, 0.0, 1.0, -30, noise_db=-80), RATE) is None
    assert voice_bounds(np.zeros(RATE, dtype=np.float32), RATE) is None


@pytest.mark.parametrize("level_db", [-45.0, -8.0])
def test_a_quiet_and_a_loud_take_are_stored_trimmed_at_minus_16_lufs(tmp_path: Path, level_db: float) -> None:
    source = tmp_path / "take.wav"
    write_wav(source, take(1.5, 3.0, 2.0, level_db, noise_db=level_db - 40))
    folder = tmp_path / "guide"
    folder.mkdir()
    relative, seconds = store_narration(source, folder, 2)
    assert relative == "audio/02.m4a"
    integrated, duration = loudness(folder / relative)
    assert abs(integrated + 16) <= 1.0, integrated
    assert abs(duration - seconds) < 0.1 and 2.9 < duration < 3.0 + LEAD_MARGIN + TAIL_MARGIN + 0.1, duration
    assert narration_seconds(folder / relative) == pytest.approx(duration, abs=0.05)
    # A second take of the same step is a new file: undo can bring the first one back.
    again, _ = store_narration(source, folder, 2)
    assert again == "audio/02-2.m4a" and (folder / relative).exists()
    assert not [p for p in (folder / "audio").iterdir() if ".part" in p.name]


def test_names_skip_files_and_names_in_use(tmp_path: Path) -> None:
    assert next_name(tmp_path, 3) == "audio/03.m4a"
    assert next_name(tmp_path, 3, {"audio/03.m4a"}) == "audio/03-2.m4a"
    (tmp_path / "audio").mkdir()
    (tmp_path / "audio" / "03.m4a").write_bytes(b"x")
    assert next_name(tmp_path, 3) == "audio/03-2.m4a"


def test_silent_corrupt_and_missing_files_are_refused_plainly(tmp_path: Path) -> None:
    silent = tmp_path / "silent.wav"
    write_wav(silent, np.zeros(2 * RATE, dtype=np.float32))
    corrupt = tmp_path / "broken.m4a"
    corrupt.write_bytes(os.urandom(3000))
    for source, code in ((silent, "silent"), (corrupt, "unreadable"), (tmp_path / "none.wav", "unreadable")):
        with pytest.raises(NarrationError) as caught:
            store_narration(source, tmp_path / "guide", 1)
        assert caught.value.args[0] == code, (source, caught.value.args)
    assert not (tmp_path / "guide" / "audio").exists() or not list((tmp_path / "guide" / "audio").iterdir())
