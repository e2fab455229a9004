"""Kept voices: the audio output's levelled voices reused from the cache folder, and only what changed made again.

Read back as files: the outputs made with kept voices are byte-identical to ones made from scratch,
a kept voice that was reused is the same file (same inode: nothing rewrote it), a one-word edit
adds exactly one voice, a damaged kept voice is made again, and voices nothing uses are pruned
once they are old.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from test_audio import GUIDES, speechlike

from trainer.exporters import get_exporter
from trainer.exporters.audio import AudioOptions
from trainer.exporters.clip.voices import KEEP_UNUSED_SECONDS
from trainer.store import load_guide

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="the draft voice needs espeak-ng")


def _inodes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in sorted(folder.glob("*.wav"))}


def _export(guide, out: Path, cache: Path | None) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    options = AudioOptions(cache_dir=str(cache) if cache else "")
    return {p.name: p.read_bytes() for p in get_exporter("audio").export(guide, out, options)}


@pytest.mark.slow
def test_kept_voices_make_the_same_files_and_a_one_word_edit_reads_one_step_again(tmp_path: Path) -> None:
    if not GUIDES:
        pytest.skip("no bundled guides in content/")
    folder = tmp_path / GUIDES[0].name
    shutil.copytree(GUIDES[0], folder)
    (folder / "audio").mkdir()
    guide = load_guide(folder)
    guide.steps = guide.steps[:3]
    speechlike(folder / "audio" / "01.wav", 2.0, 0)
    guide.steps[0].narration = "audio/01.wav"  # one recorded step, two read by the draft voice
    cache = tmp_path / "cache"
    voices = cache / guide.slug / "voices"

    fresh = _export(guide, tmp_path / "fresh", None)
    assert sorted(fresh) == [f"{guide.slug}-audio.m4a", f"{guide.slug}-audio.mp3"]
    assert _export(guide, tmp_path / "first", cache) == fresh  # voices made into the cache sound the same
    kept = _inodes(voices)
    # The recording, the title, two draft steps and three step numbers ("Bước 1".."Bước 3").
    assert len(kept) == 7, sorted(kept)

    assert _export(guide, tmp_path / "again", cache) == fresh
    assert _inodes(voices) == kept, "an unchanged guide made a voice again"

    # One word more in step 3: its voice alone is read again; the old one stays while it is young
    # (another export of the guide may be using it right now).
    guide.steps[2].text = guide.steps[2].text.rstrip() + " ngay."
    edited = _export(guide, tmp_path / "edited", cache)
    assert edited != fresh
    now = _inodes(voices)
    added = set(now) - set(kept)
    assert len(added) == 1 and {k: now[k] for k in kept} == kept, (added, now)

    # Once nothing has used it for a while, the old voice of step 3 is pruned; the voices in use are kept.
    old = time.time() - KEEP_UNUSED_SECONDS - 60
    for path in voices.glob("*.wav"):
        os.utime(path, (old, old))
    assert _export(guide, tmp_path / "edited-again", cache) == edited
    after = _inodes(voices)
    assert len(after) == 7 and set(after) < set(now) and set(added) < set(after), (after, now)
    assert {k: now[k] for k in after} == after

    # A kept voice cut short (a full disk, a copied cache) is made again, not laid half.
    victim = voices / sorted(added)[0]
    victim.write_bytes(victim.read_bytes()[:30])
    assert _export(guide, tmp_path / "repaired", cache) == edited
    assert victim.stat().st_size > 1000
