"""Clip segments (scene leads and repeated units) kept by content: reuse, one-word edits, damage, cancel."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from trainer.exporters import Cancelled, get_exporter
from trainer.exporters.clip import ClipOptions, clip_timeline
from trainer.exporters.clip.segments import plan
from trainer.store import load_guide

pytestmark = pytest.mark.slow

GUIDES = sorted(p.parent for p in (Path(__file__).resolve().parents[2] / "content").glob("*/guide.md"))


def ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


@pytest.fixture
def guide(tmp_path: Path):  # type: ignore[no-untyped-def]
    if not GUIDES:
        pytest.skip("no bundled guides in content/")
    folder = tmp_path / "library" / GUIDES[0].name
    shutil.copytree(GUIDES[0], folder)
    guide = load_guide(folder)
    guide.steps = guide.steps[:3]
    # Step 2 holds its still longer than one 5-s unit: a lead of 45 frames and one repeated unit.
    for step, seconds in zip(guide.steps, (2, 6.5, 2), strict=True):
        step.duration = seconds
    return guide


def export(guide, out: Path, cache: Path | None = None, progress=None) -> Path:  # type: ignore[no-untyped-def]
    """Export the lite clip; the mp4's path."""
    options = ClipOptions(preset="lite", cache_dir=str(cache) if cache else "")
    written = get_exporter("clip").export(guide, out, options, progress=progress)
    return next(p for p in written if p.suffix == ".mp4")


def kept(cache: Path) -> dict[str, int]:
    """Scene file name -> modification time (ns) of everything in the cache."""
    return {p.name: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}


def frame_count(mp4: Path) -> int:
    text = subprocess.run(
        [ffmpeg(), "-i", str(mp4), "-map", "0:v", "-c", "copy", "-f", "null", "-"], capture_output=True, text=True
    )
    counts = [
        int(line.split("frame=")[1].split()[0]) for line in text.stderr.replace("\r", "\n").splitlines() if "frame=" in line
    ]
    return counts[-1]


def test_kept_scenes_are_reused_and_give_the_same_clip_as_from_scratch(guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "it's a cache"  # a quote and a space: the concat list must escape them
    first = export(guide, tmp_path / "a", cache)
    scenes = kept(cache)
    timeline = clip_timeline(guide)
    stills = [Path(f"scene-{k}.png") for k in range(len(timeline.frames))]
    assert len(scenes) == len(set(plan(stills, timeline))), "one file per scene lead and per repeated still"
    again = export(guide, tmp_path / "b", cache)
    assert kept(cache) == scenes, "an unchanged guide encoded a scene again"
    scratch = export(guide, tmp_path / "c")
    assert first.read_bytes() == again.read_bytes() == scratch.read_bytes()
    assert frame_count(first) == clip_timeline(guide).total_frames


def test_a_one_word_edit_encodes_only_its_scene_and_the_fade_out_of_it(guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "cache"
    export(guide, tmp_path / "a", cache)
    before = kept(cache)
    guide.steps[1].title += " ngay"
    edited = export(guide, tmp_path / "b", cache)
    after = kept(cache)
    new = set(after) - set(before)
    # Scene 2 (the edited step: its lead and its repeated unit) and scene 3's lead (its crossfade
    # starts from step 2's picture).
    assert len(new) == 3 and len(set(before) - set(after)) == 3, "old versions of the three files are pruned"
    assert all(after[name] == before[name] for name in set(after) & set(before)), "an unchanged scene was encoded again"
    assert edited.read_bytes() == export(guide, tmp_path / "c").read_bytes()


def test_a_damaged_kept_scene_is_encoded_again(guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "cache"
    good = export(guide, tmp_path / "a", cache).read_bytes()
    victim = sorted(p for p in cache.rglob("*.mp4"))[0]
    victim.write_bytes(victim.read_bytes()[:200])
    assert export(guide, tmp_path / "b", cache).read_bytes() == good


def test_cancel_leaves_no_half_scene_in_the_cache(guide, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cache = tmp_path / "cache"
    out = tmp_path / "out"

    def progress(fraction: float) -> None:
        if fraction >= 0.3:
            raise Cancelled

    with pytest.raises(Cancelled):
        export(guide, out, cache, progress)
    assert not out.exists() or list(out.iterdir()) == []
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert all(".part" not in p.name for p in files)
    # What is there is whole: the next export reuses it and gives the clip a fresh export gives.
    assert export(guide, tmp_path / "b", cache).read_bytes() == export(guide, tmp_path / "c").read_bytes()
