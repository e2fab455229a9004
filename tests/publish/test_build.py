"""Publishing mechanics on small libraries (HTML only, so it is fast): incremental, parallel, failures, JSON."""

from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sample_library import make_small_library, write_guide

from trainer.publish import publish, verify
from trainer.publish.build import PublishError
from trainer.publish.state import CACHE_DIR, STATE_FILE
from trainer.store import load_guide

SLUGS = ["alpha-guide", "beta-guide", "gamma-guide"]


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    return make_small_library(tmp_path)


def run(library: Path, out: Path, **kwargs) -> tuple[object, list[dict]]:
    events: list[dict] = []
    summary = publish(library, out, formats=kwargs.pop("formats", ["html"]), on_event=events.append, **kwargs)
    return summary, events


def built(events: list[dict]) -> list[tuple[str, str]]:
    return sorted((e["slug"], e["output"]) for e in events if e["event"] == "output" and e["status"] == "built")


def test_publish_builds_every_guide_kit_and_index(small_library: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    summary, events = run(small_library, out, jobs=2)
    assert summary.ok and summary.built == 3 and summary.kits_built == 3
    assert built(events) == [(s, "html") for s in SLUGS]
    for slug in SLUGS:
        # The page is this guide's page: its title and every step title, as the source says them.
        guide = load_guide(small_library / slug)
        page = html.unescape((out / slug / f"{slug}-html.html").read_text(encoding="utf-8"))
        assert all(text in page for text in [guide.title, *(step.title for step in guide.steps)]), slug
        assert (out / slug / "source" / "guide.md").read_bytes() == (small_library / slug / "guide.md").read_bytes()
        source_images = sorted(p.relative_to(small_library / slug) for p in (small_library / slug / "images").iterdir())
        assert source_images, slug
        for image in source_images:  # the kit carries the editor's pictures unchanged
            assert (out / slug / "source" / image).read_bytes() == (small_library / slug / image).read_bytes(), image
        for kit in (out / slug, out / f"{slug}.zip"):
            result = verify(kit)
            assert result.ok, result.lines()
            assert result.manifest["slug"] == slug and result.manifest["version"] == "1.0"
            assert result.manifest["valid_as_of"] == "2026-11-22" and result.manifest["tool"].startswith("trainer ")
    index = (out / "index.html").read_text(encoding="utf-8")
    for slug in SLUGS:
        assert f'href="{slug}/{slug}-html.html"' in index and f'href="{slug}.zip"' in index
    assert (out / STATE_FILE).is_file()
    plan = next(e for e in events if e["event"] == "plan")
    assert plan["workers"] == 2 and plan["to_build"] == 3


def test_one_word_change_rebuilds_only_that_guide(small_library: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    run(small_library, out, jobs=2)
    before = {slug: (out / f"{slug}.zip").stat().st_mtime_ns for slug in SLUGS}
    pages = {slug: (out / slug / f"{slug}-html.html").stat().st_mtime_ns for slug in SLUGS}

    summary, events = run(small_library, out, jobs=2)
    assert summary.built == 0 and summary.skipped == 3 and summary.kits_built == 0
    assert next(e for e in events if e["event"] == "plan")["workers"] == 0  # nothing to do: no pool at all

    guide = small_library / "beta-guide" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("của bạn", "của mình"), encoding="utf-8")
    summary, events = run(small_library, out, jobs=2)
    assert built(events) == [("beta-guide", "html")]
    assert summary.kits_built == 1 and summary.skipped == 2
    assert "của mình" in (out / "beta-guide" / "beta-guide-html.html").read_text(encoding="utf-8")
    assert "của mình" in (out / "beta-guide" / "source" / "guide.md").read_text(encoding="utf-8")
    for slug in ("alpha-guide", "gamma-guide"):
        assert (out / f"{slug}.zip").stat().st_mtime_ns == before[slug]
        assert (out / slug / f"{slug}-html.html").stat().st_mtime_ns == pages[slug]
    assert verify(out / "beta-guide.zip").ok

    # a changed image counts as a change too, and a deleted output file is rebuilt
    write_guide(small_library, "gamma-guide", 50)
    (out / "alpha-guide" / "alpha-guide-html.html").unlink()
    _, events = run(small_library, out, jobs=2)
    assert built(events) == [("alpha-guide", "html"), ("gamma-guide", "html")]


def test_force_rebuilds_everything(small_library: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    run(small_library, out, jobs=1)
    summary, events = run(small_library, out, jobs=1, force=True)
    assert summary.built == 3 and summary.kits_built == 3


def test_broken_guide_is_reported_and_the_others_are_published(small_library: Path, tmp_path: Path) -> None:
    (small_library / "beta-guide" / "images" / "01.png").write_bytes(b"not a png at all")
    bad = small_library / "delta-guide"
    bad.mkdir()
    (bad / "guide.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    out = tmp_path / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "publish", str(small_library), "--out", str(out), "--formats", "html", "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "beta-guide" in result.stderr and "01.png" in result.stderr
    assert "delta-guide" in result.stderr and "guide.md:2" in result.stderr
    for slug in ("alpha-guide", "gamma-guide"):
        assert verify(out / f"{slug}.zip").ok
    assert not (out / "beta-guide.zip").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "alpha-guide-html.html" in index and "beta-guide-html.html" not in index


def test_json_mode_prints_only_json_lines(small_library: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "trainer",
            "publish",
            str(small_library),
            "--out",
            str(tmp_path / "d"),
            "--formats",
            "html",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    kinds = [e["event"] for e in events]
    assert kinds[0] == "plan" and kinds[-1] == "summary"
    assert {"progress", "output", "kit", "index"} <= set(kinds)
    assert events[-1]["ok"] is True and events[-1]["built"] == 3
    assert all(0.0 <= e["fraction"] <= 1.0 for e in events if e["event"] == "progress")


def test_unknown_format_is_a_usage_error(small_library: Path, tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="did you mean 'html'"):
        publish(small_library, tmp_path / "d", formats=["htm"])
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "publish", str(small_library), "--out", str(tmp_path / "d"), "--formats", "htm"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "did you mean 'html'" in result.stderr


def test_removed_guide_leaves_the_published_library(small_library: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    run(small_library, out, jobs=1)
    import shutil

    shutil.rmtree(small_library / "gamma-guide")
    summary, _ = run(small_library, out, jobs=1)
    assert summary.ok
    assert not (out / "gamma-guide").exists() and not (out / "gamma-guide.zip").exists()
    assert "gamma-guide" not in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "message"), [("flaky", "unexpected error: RuntimeError: boom in beta"), ("crashing", "crashed")])
def test_a_failing_or_crashing_exporter_stops_only_its_own_job(
    small_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, message: str
) -> None:
    from trainer.exporters import BUILTIN

    # registered at run time in the parent: workers must see it too
    monkeypatch.setitem(BUILTIN, "flaky", "sample_exporters:FlakyExporter")
    monkeypatch.setitem(BUILTIN, "crashing", "sample_exporters:CrashingExporter")
    out = tmp_path / "dist"
    summary, events = run(small_library, out, formats=[fmt, "html"], jobs=2)
    assert not summary.ok
    assert [(f.slug, f.output) for f in summary.failures] == [("beta-guide", fmt)]
    assert message in summary.failures[0].message and "beta-guide" in summary.failures[0].message
    assert summary.built == 5
    for slug in ("alpha-guide", "gamma-guide"):
        assert verify(out / f"{slug}.zip").ok
        assert (out / slug / f"{slug}-{fmt}.txt").read_text(encoding="utf-8").startswith("Hướng dẫn")
    assert not (out / "beta-guide.zip").exists()
    # the next publish retries only what failed
    _, events = run(small_library, out, formats=[fmt, "html"], jobs=2)
    assert built(events) == [] and [e["slug"] for e in events if e["event"] == "output" and e["status"] == "failed"] == [
        "beta-guide"
    ]


def test_leftovers_of_an_interrupted_run_stay_out_of_the_kit(small_library: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    run(small_library, out, jobs=1)
    (out / "alpha-guide" / ".alpha-guide-clip-vertical.x1.part.mp4").write_bytes(b"half a video")
    assert verify(out / "alpha-guide").extra == [".alpha-guide-clip-vertical.x1.part.mp4"]  # verify sees it
    summary, _ = run(small_library, out, jobs=1, force=True)
    assert summary.ok and verify(out / "alpha-guide").ok and verify(out / "alpha-guide.zip").ok
    assert not (out / "alpha-guide" / ".alpha-guide-clip-vertical.x1.part.mp4").exists()


@pytest.mark.slow
def test_a_republished_clip_encodes_only_the_changed_scenes(tmp_path: Path) -> None:
    library = tmp_path / "library"
    write_guide(library, "alpha-guide")
    out = tmp_path / "dist"
    summary, _ = run(library, out, formats=["clip"], jobs=2)
    assert summary.ok, summary.failures
    kept = out / CACHE_DIR / "alpha-guide"
    before = {p.relative_to(kept): p.stat().st_mtime_ns for p in kept.rglob("*.mp4")}
    assert sorted({p.parent.name for p in before}) == ["clip-landscape", "clip-lite", "clip-vertical"]
    # Each of the four scenes (title, two steps, end card) is longer than one 5-s unit, so it is kept as
    # its lead (crossfade, then the start of its still) and the one unit of its still that repeats.
    assert len(before) == 3 * 4 * 2, "a lead and a unit per scene, for each of three presets"

    write_guide(library, "alpha-guide", word="của mình")  # one word of step 2
    summary, events = run(library, out, formats=["clip"], jobs=2)
    assert summary.ok and len(built(events)) == 3
    after = {p.relative_to(kept): p.stat().st_mtime_ns for p in kept.rglob("*.mp4")}
    # Per preset: step 2's lead and unit, and the end card's lead (its crossfade starts from step 2's
    # picture); the end card's unit shows only its own still and is reused.
    assert len(set(after) - set(before)) == 3 * 3 and len(after) == 3 * 4 * 2
    assert all(after[p] == before[p] for p in set(after) & set(before))
    assert verify(out / "alpha-guide.zip").ok

    write_guide(library, "beta-guide", 2)
    import shutil

    shutil.rmtree(library / "alpha-guide")
    run(library, out, formats=["html"], jobs=1)
    assert not kept.exists(), "a guide that left the library leaves no kept scenes behind"


def test_only_the_selected_guides_are_published(small_library: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    summary, events = run(small_library, out, slugs=["beta-guide"])
    assert summary.ok and summary.guides == 1 and built(events) == [("beta-guide", "html")]
    assert verify(out / "beta-guide.zip").ok and not (out / "alpha-guide").exists()
    summary, events = run(small_library, out)  # the rest later: beta is unchanged, the others are added
    assert built(events) == [("alpha-guide", "html"), ("gamma-guide", "html")] and summary.skipped == 1
    with pytest.raises(PublishError, match="no guide 'delta'"):
        run(small_library, out, slugs=["delta"])


def test_stop_abandons_running_work_and_keeps_what_was_there(
    small_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trainer.exporters import BUILTIN

    monkeypatch.setitem(BUILTIN, "slow", "sample_exporters:SlowExporter")
    monkeypatch.syspath_prepend(str(Path(__file__).parent))
    out = tmp_path / "dist"
    run(small_library, out, slugs=["alpha-guide"])
    before = (out / "alpha-guide.zip").read_bytes()
    events: list[dict] = []
    pressed: list[bool] = []

    def on_event(event: dict) -> None:
        events.append(event)
        if event["event"] == "progress" and event["output"] == "slow":
            pressed.append(True)  # Stop, as soon as the slow export is under way

    summary = publish(small_library, out, formats=["html", "slow"], jobs=2, on_event=on_event, stop=lambda: bool(pressed))
    assert summary.stopped and pressed
    assert summary.seconds < 50, "the running export gave up instead of finishing its minute"
    stopped = [(e["slug"], e["output"]) for e in events if e["event"] == "output" and e["status"] == "stopped"]
    assert ("alpha-guide", "slow") in stopped or any(s == "slow" for _g, s in stopped)
    assert not list(out.rglob("*-slow.txt")) and not [p for p in out.rglob("*") if p.name.startswith(".tmp")]
    assert (out / "alpha-guide.zip").read_bytes() == before  # no new kit from a half-made publish
    assert not (out / "gamma-guide.zip").exists()


def test_a_changed_glossary_rebuilds_the_pages_that_explain_it(small_library: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    glossary = small_library / "glossary.yml"
    glossary.write_text("- term: số định danh\n  explanation: Dãy 12 số trên thẻ căn cước.\n", encoding="utf-8")
    run(small_library, out, jobs=2)
    page = out / "alpha-guide" / "alpha-guide-html.html"
    assert 'title="Dãy 12 số trên thẻ căn cước."' in page.read_text(encoding="utf-8")
    glossary.write_text("- term: số định danh\n  explanation: Dãy 12 số in trên thẻ căn cước gắn chip.\n", encoding="utf-8")
    summary, events = run(small_library, out, jobs=2)
    assert built(events) == [(s, "html") for s in SLUGS]
    assert 'title="Dãy 12 số in trên thẻ căn cước gắn chip."' in page.read_text(encoding="utf-8")


def test_a_guide_with_several_errors_says_how_many_more_and_where_to_see_them(small_library: Path, tmp_path: Path) -> None:
    from trainer.store.problems import set_language

    guide = small_library / "beta-guide" / "guide.md"
    text = guide.read_text(encoding="utf-8")
    # Two pictures that are not there: two errors, each at its own line.
    guide.write_text(
        text.replace("images/01.png", "images/missing-1.png") + "\n![Thiếu](images/missing-2.png)\n", encoding="utf-8"
    )
    set_language("en")
    try:
        summary, events = run(small_library, tmp_path / "dist", jobs=1)
    finally:
        set_language(None)
    (failure,) = summary.failures
    assert failure.slug == "beta-guide" and "\n" not in failure.message
    assert "missing-1.png" in failure.message
    more = f" (and 1 more: open the guide in Trainer to see them all, or run 'trainer check {small_library / 'beta-guide'}')"
    assert failure.message.endswith(more), failure.message
    assert any(e.get("error") == failure.message for e in events if e["event"] == "output")
