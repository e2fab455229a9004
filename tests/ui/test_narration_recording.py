"""Recording through a real audio path: a PulseAudio null sink plays a known WAV, the app's narration panel
records it from the sink's monitor (a virtual microphone), and the take is compared with the source.

Each run is its own process (record_take.py) so that Qt's audio backend connects to the virtual
server from the start (PULSE_SERVER), as it would to a real sound server on a user's machine.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

# One sound server and one virtual speaker for the whole suite: two takes at once would hear each other.
pytestmark = pytest.mark.xdist_group("virtual-microphone")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GUIDES = sorted(p.parent for p in (ROOT / "content").glob("*/guide.md"))


def ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def samples(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as wav:
        data = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float64) / 32768.0
        return data.reshape(-1, wav.getnchannels()).mean(axis=1), wav.getframerate()


def rms_db(values: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(values**2)) + 1e-12))


@pytest.fixture(scope="module")
def pulse_server() -> str:
    """The virtual microphone (tools/test-audio.sh); skipped without PulseAudio, failed under CI."""
    done = subprocess.run(["bash", str(ROOT / "tools" / "test-audio.sh")], capture_output=True, text=True)
    if done.returncode != 0 or not done.stdout.strip():
        message = f"no virtual microphone: {done.stderr.strip()} (apt-get install pulseaudio pulseaudio-utils)"
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(message)
        pytest.skip(message)
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture
def guide_copy(tmp_path: Path) -> Path:
    if not GUIDES:
        pytest.skip("no bundled guides in content/")
    folder = tmp_path / GUIDES[0].name
    shutil.copytree(GUIDES[0], folder)
    return folder


def known_voice(path: Path) -> Path:
    """2.5 s of syllable-like pink-noise bursts at a moderate level: what a person says into the microphone."""
    graph = "anoisesrc=d=2.5:c=pink:a=0.3:seed=11,volume='if(lt(mod(t,0.4),0.25),1,0.03)':eval=frame"
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i", graph, "-ac", "1", "-ar", "44100", str(path)], check=True)
    return path


def run_panel(guide: Path, known: Path, out: Path, server: str) -> dict:  # type: ignore[type-arg]
    env = dict(os.environ, PULSE_SERVER=server, QT_QPA_PLATFORM="offscreen", TRAINER_LANG="en")
    done = subprocess.run(
        [sys.executable, str(HERE / "record_take.py"), str(guide), str(known), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,  # minutes on a machine at load 40; seconds normally
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_recording_through_a_virtual_microphone_matches_the_source(pulse_server: str, guide_copy: Path, tmp_path: Path) -> None:
    known = known_voice(tmp_path / "known.wav")
    result = run_panel(guide_copy, known, tmp_path / "result.json", pulse_server)
    assert "TrainerTestMic" in result["devices"], result
    assert result["message"] == "", result["message"]
    source, rate = samples(known)
    take, take_rate = samples(Path(result["take"]))
    assert take_rate == rate
    # Where the source lies in the take, by cross-correlation (FFT).
    size = 1 << int(np.ceil(np.log2(len(source) + len(take))))
    correlation = np.fft.irfft(np.fft.rfft(take, size) * np.conj(np.fft.rfft(source, size)), size)
    lag = int(np.argmax(correlation[: len(take)]))
    assert lag + len(source) <= len(take) + rate // 10, "the take ends before the source does"
    # How alike they are, piece by piece: each 0.25 s of the source against the take around where it
    # should be (+-50 ms), so one buffer lost on a busy machine shifts what follows without failing it all.
    piece, slack = rate // 4, rate // 20
    alike, heard_levels, source_levels = [], [], []
    for start in range(0, len(source) - piece + 1, piece):
        want = source[start : start + piece]
        if rms_db(want) < -40:
            continue  # the short pauses between bursts: nothing to compare
        lo = max(0, lag + start - slack)
        window = take[lo : lag + start + piece + slack]
        best, best_at = -1.0, lo
        for shift in range(0, max(1, len(window) - piece + 1)):
            got = window[shift : shift + piece]
            if len(got) < piece:
                break
            value = float(np.dot(got, want) / (np.sqrt(np.dot(got, got) * np.dot(want, want)) + 1e-12))
            if value > best:
                best, best_at = value, lo + shift
        alike.append(best)
        heard_levels.append(rms_db(take[best_at : best_at + piece]))
        source_levels.append(rms_db(want))
    assert len(alike) >= 6, alike
    assert sum(a > 0.95 for a in alike) >= 0.8 * len(alike), alike
    assert abs(float(np.median(heard_levels)) - float(np.median(source_levels))) < 1.0, (heard_levels, source_levels)
    # The level meter moved with the voice.
    assert max(result["levels"]) > -20, max(result["levels"])
    # The stored narration: in audio/, named by the step, trimmed to the voice, at the loudness target.
    assert result["narration"] == "audio/01.m4a"
    assert result["undo"] and result["record_text"] == "Record again"
    # Listen in the editor and N in the presenter both play it through the sound server.
    assert result["listened"] and result["presenter_n"], result
    stored = guide_copy / "audio" / "01.m4a"
    text = subprocess.run(
        [ffmpeg(), "-hide_banner", "-nostats", "-i", str(stored), "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True,
        text=True,
    ).stderr
    duration = re.search(r"Duration: 00:00:([\d.]+)", text)
    assert duration, text
    # 2.5 s of voice (its last burst ends at 2.25 s) plus at most the 0.2 s and 0.35 s margins kept.
    assert 2.1 <= float(duration.group(1)) <= 2.5 + 0.2 + 0.35 + 0.1, duration.group(1)
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", text[text.rindex("Summary:") :]).group(1))  # type: ignore[union-attr]
    assert abs(integrated + 16) <= 1.0, integrated


@pytest.mark.slow
def test_no_microphone_is_one_plain_message(guide_copy: Path, tmp_path: Path) -> None:
    known = known_voice(tmp_path / "known.wav")
    # A sound server that is not there: the system offers no microphone at all.
    result = run_panel(guide_copy, known, tmp_path / "result.json", str(tmp_path / "no-server"))
    assert result["devices"] == []
    assert result["message"].startswith("No microphone found."), result["message"]
    assert "\n" not in result["message"]
    assert result["narration"] is None and "take" not in result
