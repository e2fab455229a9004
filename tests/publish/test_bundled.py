"""The one slow publish test: the whole bundled library, every registered format but clips.

Clips are left out here only for time (three presets x ten guides of video would take most of the
suite's budget on two cores); publishing them goes through exactly the same job mechanics, and
bench/publish.py publishes everything, clips included.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import CONTENT, bundled_guide_dirs, pdf_pages_text, read_qr_codes
from trainer.exporters import BUILTIN
from trainer.model import Guide
from trainer.publish.build import presets_for
from trainer.store import load_guide


def read_back(guide: Guide, kit: Path, formats: list[str]) -> None:
    """Each format in a kit says what the guide says: read with real readers, not just found on disk."""
    titles = [guide.title, *(step.title for step in guide.steps)]
    if "html" in formats:  # whitespace folded: the page may keep a hotline together with a no-break space
        # Tags dropped first: a title's glossary term is wrapped in <abbr> for its tooltip.
        raw = (kit / f"{guide.slug}-html.html").read_text(encoding="utf-8")
        page = " ".join(html.unescape(re.sub(r"<[^>]+>", "", raw)).split())
        assert all(" ".join(t.split()) in page for t in titles), f"{guide.slug}: the offline page misses a title"
    if "handout" in formats:
        for pdf in sorted(kit.glob(f"{guide.slug}-handout-*.pdf")):
            text = " ".join(" ".join(pdf_pages_text(pdf)).split())
            assert all(" ".join(t.split()) in text for t in titles[1:]), f"{pdf.name} misses a step title"
    if "pptx" in formats:
        from pptx import Presentation

        (deck,) = kit.glob(f"{guide.slug}-pptx.pptx")
        slides = list(Presentation(str(deck)).slides)
        assert [" ".join(s.shapes.title.text_frame.text.split()) for s in slides[1:-1]] == [
            " ".join(t.split()) for t in titles[1:]
        ]
    if "infographic" in formats and guide.official_url:
        strips = sorted(kit.glob(f"{guide.slug}-infographic-strip.*"))
        assert strips and all(read_qr_codes(p) == [guide.official_url] for p in strips), guide.slug


def test_clip_presets_published_are_vertical_landscape_lite() -> None:
    assert "clip" in BUILTIN, "the clip exporter is not registered"
    assert presets_for("clip") == ["vertical", "landscape", "lite"]


@pytest.mark.slow
@pytest.mark.timeout(1800)  # publishing ten guides in five formats on a loaded 2-core machine, then reading every kit back
def test_bundled_library_publishes_and_every_kit_verifies(tmp_path: Path) -> None:
    guides = bundled_guide_dirs()
    assert guides, "no bundled guides in content/"
    # Not the clip and the audio (each about as slow as all the rest together on two cores, and not
    # read back here): their own tests (tests/exporters) and the frozen smoke test export and read them.
    formats = [f for f in BUILTIN if f not in ("clip", "audio")]
    out = tmp_path / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "publish", str(CONTENT), "--out", str(out), "--formats", ",".join(formats)],
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    index = (out / "index.html").read_text(encoding="utf-8")
    for folder in guides:
        slug = folder.name
        for kit in (out / slug, out / f"{slug}.zip"):
            check = subprocess.run(
                [sys.executable, "-m", "trainer", "verify", str(kit)], capture_output=True, text=True, timeout=300
            )
            assert check.returncode == 0, check.stdout + check.stderr
        names = {p.name for p in (out / slug).iterdir()}
        for fmt in formats:
            assert any(n.startswith(f"{slug}-{fmt}") for n in names), (slug, fmt, sorted(names))
        read_back(load_guide(folder), out / slug, formats)
        assert f'href="{slug}/{slug}-html.html"' in index
    # one flipped byte in one file of one kit is found and named
    first = guides[0].name
    kit = tmp_path / "kit"
    shutil.copytree(out / first, kit)
    victim = next(p for p in sorted(kit.iterdir()) if p.suffix == ".pdf" or p.suffix == ".png")
    data = bytearray(victim.read_bytes())
    data[len(data) // 3] ^= 0x20
    victim.write_bytes(bytes(data))
    check = subprocess.run([sys.executable, "-m", "trainer", "verify", str(kit)], capture_output=True, text=True, timeout=300)
    assert check.returncode == 1 and f"corrupted {victim.name}" in check.stdout
