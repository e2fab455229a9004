"""Clip exporter: files read back with the bundled ffmpeg and tesseract, captions parsed, cancel and bad input."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import time
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from support import bundled_guide_dirs, refused, require_tesseract_vie, require_tool
from trainer.exporters import Cancelled, ExportError, get_exporter
from trainer.exporters.clip import PRESETS, ClipOptions, clip_timeline
from trainer.exporters.clip.timing import PAUSE, reading_seconds, scene_texts
from trainer.store import load_guide

pytestmark = pytest.mark.slow

SIZES = {"vertical": (1080, 1920), "share": (720, 1280), "landscape": (1280, 720), "lite": (480, 854)}
GUIDES = bundled_guide_dirs()


def ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


# -- reading files back ------------------------------------------------------------------------------
def probe(path: Path) -> dict[str, object]:
    """What `ffmpeg -i` says about a file: duration, video codec/profile/pix_fmt/size/fps, audio codec."""
    text = subprocess.run([ffmpeg(), "-hide_banner", "-i", str(path)], capture_output=True, text=True).stderr
    facts: dict[str, object] = {"audio": None}
    h, m, s = re.search(r"Duration: (\d+):(\d+):([\d.]+)", text).groups()  # type: ignore[union-attr]
    facts["duration"] = int(h) * 3600 + int(m) * 60 + float(s)
    video = re.search(r"Stream #\S+: Video: (\w+) \((\w+)\).*?, (\w+)\(.*?\), (\d+)x(\d+).*?, ([\d.]+) fps", text)
    assert video, text
    facts["codec"], facts["profile"], facts["pix_fmt"] = video.group(1), video.group(2), video.group(3)
    facts["size"] = (int(video.group(4)), int(video.group(5)))
    facts["fps"] = float(video.group(6))
    audio = re.search(r"Stream #\S+: Audio: (\w+)", text)
    facts["audio"] = audio.group(1) if audio else None
    return facts


def top_level_boxes(path: Path) -> list[str]:
    """The MP4's top-level box types in file order."""
    boxes, data = [], path.read_bytes()
    at = 0
    while at + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        if size == 1:
            size = struct.unpack(">Q", data[at + 8 : at + 16])[0]
        boxes.append(kind.decode("latin-1"))
        if size < 8:
            break
        at += size
    return boxes


def frame_at(mp4: Path, seconds: float, out: Path) -> Path:
    """One decoded frame at `seconds` as PNG (frame 0 when seconds is 0)."""
    subprocess.run(
        [ffmpeg(), "-v", "error", "-y", "-ss", f"{seconds:.3f}", "-i", str(mp4), "-frames:v", "1", str(out)], check=True
    )
    return out


def ocr(png: Path) -> str:
    exe = require_tesseract_vie()
    return subprocess.run([exe, str(png), "stdout", "-l", "vie", "--psm", "3"], capture_output=True, text=True).stdout


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def found_share(expected: str, seen: str) -> float:
    """Share of the expected words that OCR read (as a multiset: order and line breaks do not matter)."""
    want, got = Counter(words(expected)), Counter(words(seen))
    return sum((want & got).values()) / max(1, sum(want.values()))


CUE = re.compile(r"(\d\d):(\d\d):(\d\d)[,.](\d\d\d) --> (\d\d):(\d\d):(\d\d)[,.](\d\d\d)")


def parse_cues(text: str, vtt: bool) -> list[tuple[float, float, str]]:
    """Strict reader for the SRT/VTT we write: (start, end, text) per cue; fails on anything malformed."""
    text = text.replace("\r\n", "\n")
    if vtt:
        assert text.startswith("WEBVTT\n\n")
        text = text[len("WEBVTT\n\n") :]
    cues = []
    for number, block in enumerate(text.strip("\n").split("\n\n"), 1):
        lines = block.split("\n")
        if not vtt:
            assert lines.pop(0) == str(number), block
        match = CUE.fullmatch(lines[0])
        assert match, f"bad cue timing line: {lines[0]!r}"
        assert ("," in lines[0]) != vtt, "SRT uses a comma before milliseconds, VTT a dot"
        g = [int(x) for x in match.groups()]
        start, end = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000, g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
        assert end > start and lines[1:] and all(lines[1:]), block
        cues.append((start, end, "\n".join(lines[1:])))
    return cues


def ffmpeg_children() -> list[int]:
    """Live (not zombie) ffmpeg processes whose parent is this test process."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            comm = stat.read_text().split("(", 1)[1].rsplit(")", 1)[0]
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z" and "ffmpeg" in comm:
            found.append(int(stat.parent.name))
    return found


# -- fixtures -----------------------------------------------------------------------------------------
def tone(path: Path, seconds: float, hz: int = 440) -> Path:
    """A spoken-length test tone in whatever format the suffix names (wav/mp3/m4a/ogg)."""
    subprocess.run(
        [ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i", f"sine=frequency={hz}:duration={seconds}", "-ac", "1", str(path)],
        check=True,
    )
    return path


@pytest.fixture(scope="session")
def narrated(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A copy of the first bundled guide cut to 3 short steps, with narration in three formats and music.

    Step times are set by the editor's `duration` (kept short so four presets encode in seconds):
    step 1 keeps its 4 s, step 2's 6 s of narration outlasts its 3 s, step 3 keeps its 5 s.
    """
    assert GUIDES, "no bundled guides in content/"
    folder = tmp_path_factory.mktemp("narrated") / GUIDES[0].name
    shutil.copytree(GUIDES[0], folder)
    (folder / "audio").mkdir()
    guide = load_guide(folder)
    guide.steps = guide.steps[:3]
    guide.summary = ""
    lengths = [2.0, 6.0, 1.5]
    for step, suffix, seconds, duration in zip(guide.steps, ("wav", "mp3", "ogg"), lengths, (4, 3, 5), strict=True):
        tone(folder / "audio" / f"step.{suffix}", seconds)
        step.narration = f"audio/step.{suffix}"
        step.duration = duration
    tone(folder / "audio" / "music.m4a", 7.0, hz=220)
    guide.music = "audio/music.m4a"
    return guide, lengths


@pytest.fixture(scope="session")
def narrated_clips(narrated, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """All four presets of the narrated guide, exported in one call, with the progress fractions seen."""
    guide, lengths = narrated
    out = tmp_path_factory.mktemp("narrated-out")
    seen: list[float] = []
    paths = get_exporter("clip").export(guide, out, ClipOptions(), progress=seen.append)
    return guide, lengths, paths, seen


@pytest.fixture(scope="session", params=GUIDES, ids=lambda p: p.name)
def bundled_lite(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Each bundled guide at lite (portrait) and landscape, every scene painted; steps shortened to 1.5 s to keep it quick.

    The narrated test covers all four presets and bench/clip.py a full-length 10-step guide.
    """
    guide = load_guide(request.param)
    for step in guide.steps:
        step.duration = 1.5
    out = tmp_path_factory.mktemp(f"clips-{guide.slug}")
    exporter = get_exporter("clip")
    return guide, [p for preset in ("lite", "landscape") for p in exporter.export(guide, out, ClipOptions(preset=preset))]


def assert_clip(mp4: Path, preset: str, expected_seconds: float, narrated: bool) -> None:
    facts = probe(mp4)
    assert facts["codec"] == "h264" and facts["profile"] in ("High", "Main")
    assert facts["pix_fmt"] == "yuv420p"
    assert facts["size"] == SIZES[preset]
    assert facts["fps"] == 30
    assert abs(facts["duration"] - expected_seconds) <= 0.1, (facts["duration"], expected_seconds)  # type: ignore[operator]
    assert facts["audio"] == ("aac" if narrated else None)
    boxes = top_level_boxes(mp4)
    assert boxes.index("moov") < boxes.index("mdat"), f"not faststart: {boxes}"


# -- tests ------------------------------------------------------------------------------------------------
def test_every_preset_reads_back_right(narrated_clips) -> None:  # type: ignore[no-untyped-def]
    guide, lengths, paths, seen = narrated_clips
    timeline = clip_timeline(guide, [None, *lengths, None])
    names = [p.name for p in paths]
    for preset in PRESETS:
        stem = f"{guide.slug}-clip-{preset}"
        assert [f"{stem}.mp4", f"{stem}.srt", f"{stem}.vtt"] == names[names.index(f"{stem}.mp4") :][:3]
        assert_clip(paths[names.index(f"{stem}.mp4")], preset, timeline.total, narrated=True)
    assert sorted(p.name for p in paths[0].parent.iterdir()) == sorted(names), "temporary files left behind"
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 10


def test_scene_times_follow_reading_pace_narration_and_override(narrated) -> None:  # type: ignore[no-untyped-def]
    guide, lengths = narrated
    timeline = clip_timeline(guide, [None, *lengths, None])
    durations = timeline.durations
    # A slow reader's pace, written out by hand: eight words take four seconds.
    assert reading_seconds("Bấm vào nút Đăng nhập ở góc trên") == 4.0
    for k in range(1, len(guide.steps) + 1):
        assert durations[k] >= lengths[k - 1] + PAUSE
    # Steps 1 and 3 ask for 4 s and 5 s, longer than their narration: the editor's time wins (to the frame).
    assert abs(durations[1] - 4.0) < 1 / 30 and abs(durations[3] - 5.0) < 1 / 30
    # Step 2 asks for 3 s but its narration runs 6 s: the scene waits for the voice.
    assert durations[2] >= 6.0 + PAUSE
    # Without an editor's duration, the reading pace decides.
    plain = load_guide(GUIDES[0])
    for k, step in enumerate(plain.steps, start=1):
        assert clip_timeline(plain).durations[k] >= reading_seconds(scene_texts(plain)[k]) + PAUSE, step.title
    assert abs(timeline.total - sum(durations)) < 1e-9


def test_each_scene_shows_its_caption_and_frame_0_is_the_title(narrated_clips, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    guide, lengths, paths, _ = narrated_clips
    require_tesseract_vie()
    timeline = clip_timeline(guide, [None, *lengths, None])
    mp4 = next(p for p in paths if p.name.endswith("-vertical.mp4"))
    texts = scene_texts(guide)
    title = ocr(frame_at(mp4, 0, tmp_path / "frame0.png"))
    assert found_share(guide.title, title) >= 0.8, title
    for k, (start, duration) in enumerate(zip(timeline.starts, timeline.durations, strict=True)):
        if k in (0, len(texts) - 1):
            continue
        step = guide.steps[k - 1]
        read = ocr(frame_at(mp4, start + duration / 2, tmp_path / f"scene{k}.png"))
        caption = f"{step.title} {step.text}"
        share = found_share(caption, read)
        assert share >= 0.8, f"scene {k}: only {share:.0%} of the caption read back:\n{read}"
    end = ocr(frame_at(mp4, timeline.total - 1.0, tmp_path / "end.png"))
    assert found_share("Đường dây nóng", end) == 1.0, end
    # The title card opens every preset (it becomes the chat app's thumbnail).
    for preset in ("share", "landscape", "lite"):
        clip = next(p for p in paths if p.name.endswith(f"-{preset}.mp4"))
        frame = frame_at(clip, 0, tmp_path / f"{preset}0.png")
        big = tmp_path / f"{preset}0x2.png"
        subprocess.run([ffmpeg(), "-v", "error", "-y", "-i", str(frame), "-vf", "scale=iw*2:ih*2", str(big)], check=True)
        assert found_share(guide.title, ocr(big)) >= 0.8, preset


def test_captions_parse_and_span_the_scenes(narrated_clips) -> None:  # type: ignore[no-untyped-def]
    guide, lengths, paths, _ = narrated_clips
    timeline = clip_timeline(guide, [None, *lengths, None])
    bounds = [(s, s + d) for s, d in zip(timeline.starts, timeline.durations, strict=True)]
    for path in paths:
        if path.suffix not in (".srt", ".vtt"):
            continue
        cues = parse_cues(path.read_text(encoding="utf-8"), vtt=path.suffix == ".vtt")
        for start, end, _text in cues:
            assert any(a - 0.001 <= start and end <= b + 0.001 for a, b in bounds), (start, end)
        for k, (a, b) in enumerate(bounds):
            inside = [c for c in cues if a - 0.001 <= c[0] < b - 0.001]
            assert inside, f"scene {k} has no cue"
            assert abs(inside[0][0] - a) < 0.002 and abs(inside[-1][1] - b) < 0.002, f"scene {k} cues do not span it"
            assert all(abs(x[1] - y[0]) < 0.002 for x, y in zip(inside, inside[1:], strict=False))
        text = " ".join(c[2] for c in cues)
        for step in guide.steps:
            assert found_share(step.title, text) == 1.0


def test_every_bundled_guide_exports(bundled_lite) -> None:  # type: ignore[no-untyped-def]
    guide, paths = bundled_lite
    assert [p.suffix for p in paths] == [".mp4", ".srt", ".vtt"] * 2
    timeline = clip_timeline(guide)
    assert timeline.durations[1:-1] == [1.5] * len(guide.steps)
    for mp4, preset in ((paths[0], "lite"), (paths[3], "landscape")):
        assert_clip(mp4, preset, timeline.total, narrated=False)
    for srt, vtt in ((paths[1], paths[2]), (paths[4], paths[5])):
        assert len(parse_cues(srt.read_text(encoding="utf-8"), vtt=False)) >= len(timeline.frames)
        assert len(parse_cues(vtt.read_text(encoding="utf-8"), vtt=True)) >= len(timeline.frames)


def test_cancel_at_30_percent_stops_ffmpeg_and_leaves_nothing(tmp_path: Path) -> None:
    assert GUIDES, "no bundled guides in content/"
    guide = load_guide(GUIDES[0])
    for step in guide.steps:
        step.duration = 3
    running: list[int] = []
    cancelled_at: list[float] = []

    def progress(fraction: float) -> None:
        if fraction >= 0.3:
            # Progress is also reported right after one segment's ffmpeg ends and before the next starts:
            # cancel at the first report from 30 % on while an encoder really runs.
            children = ffmpeg_children()
            if not children:
                return
            running.extend(children)
            cancelled_at.append(time.monotonic())
            raise Cancelled

    with pytest.raises(Cancelled):
        get_exporter("clip").export(guide, tmp_path, ClipOptions(preset="share"), progress=progress)
    stopped = time.monotonic() - cancelled_at[0]
    assert running, "the encoder was not running at 30%: the test would prove nothing"
    # Generous for a loaded 2-core machine; what matters below is that nothing is left running or written.
    assert stopped < 30, f"cancel took {stopped:.1f} s"
    assert list(tmp_path.iterdir()) == []
    assert ffmpeg_children() == []
    assert not any(Path(f"/proc/{pid}").exists() for pid in running)


# -- bad input -----------------------------------------------------------------------------------------
def export_fails(guide, tmp_path: Path, **options: object) -> str:  # type: ignore[no-untyped-def]
    return refused("clip", guide, tmp_path / "out", ClipOptions(preset="lite", **options))  # type: ignore[arg-type]


def test_corrupt_audio_is_named(small_guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = small_guide.folder / "audio" / "02.mp3"
    bad.write_bytes(os.urandom(4000))
    small_guide.steps[1].narration = "audio/02.mp3"
    message = export_fails(small_guide, tmp_path)
    assert "audio/02.mp3" in message and "guide.md" in message


def test_audio_longer_than_5_minutes_is_refused(small_guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    long = small_guide.folder / "audio" / "long.wav"
    subprocess.run([ffmpeg(), "-v", "error", "-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "301", str(long)], check=True)
    small_guide.steps[0].narration = "audio/long.wav"
    message = export_fails(small_guide, tmp_path)
    assert "audio/long.wav" in message and "5" in message


def test_missing_image_is_named(small_guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    small_guide.steps[1].image = "images/gone.png"
    message = export_fails(small_guide, tmp_path)
    assert "images/gone.png" in message and f"guide.md:{small_guide.steps[1].line}" in message


def test_zero_steps_is_refused(small_guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    small_guide.steps = []
    assert "no steps" in export_fails(small_guide, tmp_path)


def test_missing_narration_and_unknown_preset(small_guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    small_guide.steps[0].narration = "audio/none.m4a"
    assert "audio/none.m4a" in export_fails(small_guide, tmp_path)
    small_guide.steps[0].narration = None
    with pytest.raises(ExportError, match="square"):
        get_exporter("clip").export(small_guide, tmp_path / "x", ClipOptions(preset="square"))


def test_draft_voice_speaks_every_step(small_guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    require_tool("espeak-ng", "espeak-ng")
    paths = get_exporter("clip").export(small_guide, tmp_path, ClipOptions(preset="lite", draft_voice=True))
    facts = probe(paths[0])
    assert facts["audio"] == "aac"
    # The voice is audible in each step's own scene (where the captions show that step), not just on average:
    # a step left silent between two spoken ones would pass an average over the whole track.
    cues = parse_cues(paths[1].read_text(encoding="utf-8"), vtt=False)
    for step in small_guide.steps:
        spans = [(start, end) for start, end, text in cues if " ".join(step.title.split()) in " ".join(text.split())]
        assert spans, f"no caption shows step '{step.title}'"
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        level = subprocess.run(
            [ffmpeg(), "-hide_banner", "-ss", f"{start:.3f}", "-t", f"{end - start:.3f}", "-i", str(paths[0])]
            + ["-map", "0:a", "-af", "volumedetect", "-f", "null", "-"],
            capture_output=True,
            text=True,
        ).stderr
        mean = float(re.search(r"mean_volume: (-?[\d.]+) dB", level).group(1))  # type: ignore[union-attr]
        assert mean > -40, f"step '{step.title}' ({start:.1f}-{end:.1f} s) is silent: mean {mean} dB"
    assert "espeak-ng" in subprocess.run([ffmpeg(), "-hide_banner", "-i", str(paths[0])], capture_output=True, text=True).stderr
