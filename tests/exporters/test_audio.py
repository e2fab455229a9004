"""Audio output: MP3 and M4A read back with the bundled ffmpeg: duration, EBU R128 loudness and true peak, chapters."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support import refused
from trainer.exporters import ExportError, formats, get_exporter
from trainer.exporters.audio import AudioOptions
from trainer.exporters.clip import ClipOptions
from trainer.store import load_guide

GUIDES = sorted(p.parent for p in (Path(__file__).resolve().parents[2] / "content").glob("*/guide.md"))


def ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def speechlike(path: Path, seconds: float, gain_db: float) -> Path:
    """Pink noise in syllable-long bursts (0.25 s on, 0.15 s nearly off), `gain_db` louder than a moderate level."""
    graph = f"anoisesrc=d={seconds}:c=pink:a=0.3:seed=7,volume='if(lt(mod(t,0.4),0.25),1,0.03)':eval=frame,volume={gain_db}dB"
    subprocess.run([ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i", graph, "-ac", "1", "-ar", "44100", str(path)], check=True)
    return path


def loudness(path: Path, start: float | None = None, end: float | None = None) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) of a file's sound, or of the part from `start` to `end`, by ffmpeg's ebur128."""
    cmd = [ffmpeg(), "-hide_banner", "-nostats"]
    if start is not None:
        cmd += ["-ss", f"{start:.3f}", "-to", f"{end:.3f}"]
    cmd += ["-i", str(path), "-map", "0:a", "-af", "ebur128=peak=true", "-f", "null", "-"]
    text = subprocess.run(cmd, capture_output=True, text=True).stderr
    summary = text[text.rindex("Summary:") :]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))  # type: ignore[union-attr]
    peak = float(re.search(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1))  # type: ignore[union-attr]
    return integrated, peak


def facts(path: Path) -> dict[str, object]:
    """Duration, audio codec and chapters (start, end, title) as `ffmpeg -i` reports them."""
    text = subprocess.run([ffmpeg(), "-hide_banner", "-i", str(path)], capture_output=True, text=True).stderr
    h, m, s = re.search(r"Duration: (\d+):(\d+):([\d.]+)", text).groups()  # type: ignore[union-attr]
    chapters = [
        (float(a), float(b), title.strip())
        for a, b, title in re.findall(r"Chapter #\d+:\d+: start ([\d.]+), end ([\d.]+)\n\s+Metadata:\n\s+title\s+: (.*)", text)
    ]
    codec = re.search(r"Stream #\S+: Audio: (\w+)", text)
    return {"duration": int(h) * 3600 + int(m) * 60 + float(s), "codec": codec and codec.group(1), "chapters": chapters}


@pytest.fixture(scope="module")
def quiet_and_loud(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The first bundled guide cut to 2 steps: step 1 recorded very quietly, step 2 very loud (clipping)."""
    if not GUIDES:
        pytest.skip("no bundled guides in content/")
    folder = tmp_path_factory.mktemp("voices") / GUIDES[0].name
    shutil.copytree(GUIDES[0], folder)
    (folder / "audio").mkdir()
    guide = load_guide(folder)
    guide.steps = guide.steps[:2]
    guide.summary = ""
    speechlike(folder / "audio" / "01.wav", 3.0, -12)  # about -39 LUFS: a far-away laptop microphone
    speechlike(folder / "audio" / "02.wav", 4.0, +22)  # about -6 LUFS and clipped: shouted into a phone
    guide.steps[0].narration, guide.steps[1].narration = "audio/01.wav", "audio/02.wav"
    for step in guide.steps:
        step.duration = 2
    return guide


@pytest.fixture(scope="module")
def exported(quiet_and_loud, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("audio-out")
    seen: list[float] = []
    paths = get_exporter("audio").export(quiet_and_loud, out, AudioOptions(draft_voice=False), progress=seen.append)
    return quiet_and_loud, paths, seen


def test_sources_really_are_quiet_and_loud(quiet_and_loud) -> None:  # type: ignore[no-untyped-def]
    quiet, _ = loudness(quiet_and_loud.folder / "audio" / "01.wav")
    loud, peak = loudness(quiet_and_loud.folder / "audio" / "02.wav")
    assert quiet < -35 and loud > -10 and peak > -1, (quiet, loud, peak)


@pytest.mark.slow
def test_mp3_and_m4a_at_minus_16_lufs_true_peak_under_minus_1(exported) -> None:  # type: ignore[no-untyped-def]
    guide, paths, seen = exported
    assert [p.name for p in paths] == [f"{guide.slug}-audio.mp3", f"{guide.slug}-audio.m4a"]
    assert seen[-1] == 1.0 and seen == sorted(seen)
    for path, codec in zip(paths, ("mp3", "aac"), strict=True):
        found = facts(path)
        assert found["codec"] == codec
        integrated, peak = loudness(path)
        assert abs(integrated + 16) <= 1.5, (path.name, integrated)
        assert peak <= -1.0, (path.name, peak)


@pytest.mark.slow
def test_chapters_mark_the_title_and_each_step(exported) -> None:  # type: ignore[no-untyped-def]
    guide, paths, _ = exported
    for path in paths:
        found = facts(path)
        chapters = found["chapters"]
        assert [c[2] for c in chapters] == [guide.title] + [f"Bước {n}: {s.title}" for n, s in enumerate(guide.steps, 1)]
        assert chapters[0][0] == 0
        for before, after in zip(chapters, chapters[1:], strict=False):
            assert abs(before[1] - after[0]) < 0.01 and after[0] > before[0]
        # Each step chapter holds its number, a pause and its narration (3 s and 4 s) plus the pause after it.
        assert chapters[1][1] - chapters[1][0] > 3.0 + 1.5
        assert chapters[2][1] - chapters[2][0] > 4.0 + 1.5
        assert abs(chapters[-1][1] - found["duration"]) < 0.15, (chapters[-1], found["duration"])  # type: ignore[operator]


@pytest.mark.slow
def test_quiet_and_loud_steps_come_out_alike(exported) -> None:  # type: ignore[no-untyped-def]
    _, paths, _ = exported
    chapters = facts(paths[0])["chapters"]
    # The last 3 s before the pause at the end of each step: the recording itself.
    quiet, _ = loudness(paths[0], chapters[1][1] - 1.5 - 2.8, chapters[1][1] - 1.6)
    loud, _ = loudness(paths[0], chapters[2][1] - 1.5 - 3.8, chapters[2][1] - 1.6)
    assert abs(quiet - loud) <= 2.0, (quiet, loud)
    assert abs(quiet + 16) <= 2.5 and abs(loud + 16) <= 2.5, (quiet, loud)


@pytest.mark.slow
def test_lite_clip_sound_follows_the_same_target(quiet_and_loud, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = get_exporter("clip").export(quiet_and_loud, tmp_path, ClipOptions(preset="lite", music="none"))
    integrated, _ = loudness(paths[0])
    assert abs(integrated + 16) <= 2.0, integrated


def test_audio_is_a_registered_format() -> None:
    assert "audio" in formats()
    exporter = get_exporter("audio")
    assert exporter.presets == ("mp3", "m4a")


# -- bad input -----------------------------------------------------------------------------------------
def export_fails(guide, tmp_path: Path, **options: object) -> str:  # type: ignore[no-untyped-def]
    return refused("audio", guide, tmp_path / "out", AudioOptions(**options))  # type: ignore[arg-type]


def test_a_step_without_voice_is_named_when_the_draft_voice_is_off(small_guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    speechlike(small_guide.folder / "audio" / "01.wav", 1.0, 0)
    small_guide.steps[0].narration = "audio/01.wav"
    message = export_fails(small_guide, tmp_path, draft_voice=False)
    assert f"guide.md:{small_guide.steps[1].line}" in message and ("bước 2" in message or "step 2" in message)


def test_corrupt_narration_is_named(small_guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    speechlike(small_guide.folder / "audio" / "01.wav", 1.0, 0)
    (small_guide.folder / "audio" / "02.mp3").write_bytes(os.urandom(4000))
    small_guide.steps[0].narration, small_guide.steps[1].narration = "audio/01.wav", "audio/02.mp3"
    message = export_fails(small_guide, tmp_path, draft_voice=False)
    assert "audio/02.mp3" in message and "guide.md" in message


def test_no_steps_and_unknown_format(small_guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ExportError, match="wav"):
        get_exporter("audio").export(small_guide, tmp_path / "x", AudioOptions(preset="wav"))
    small_guide.steps = []
    export_fails(small_guide, tmp_path)
