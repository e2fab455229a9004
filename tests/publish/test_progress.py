"""Publish progress on a terminal: tqdm bars overall and per guide, failures and the summary as plain lines."""

from __future__ import annotations

import io
import json

from trainer.publish.progress import JsonLines, TerminalProgress

EVENTS = [
    {"event": "plan", "guides": 2, "outputs": 3, "to_build": 3, "skipped": 0, "workers": 2, "formats": ["html", "pptx"],
     "slugs": ["a-guide", "b-guide"], "to_build_by_guide": {"a-guide": 2, "b-guide": 1}},
    {"event": "progress", "slug": "a-guide", "output": "html", "fraction": 0.5},
    {"event": "output", "slug": "a-guide", "output": "html", "status": "built", "files": ["a-guide-html.html"], "seconds": 0.1},
    {"event": "output", "slug": "a-guide", "output": "pptx", "status": "built", "files": ["a-guide-pptx.pptx"], "seconds": 0.2},
    {"event": "kit", "slug": "a-guide", "status": "built", "zip": "dist/a-guide.zip", "files": 4},
    {"event": "output", "slug": "b-guide", "output": "html", "status": "failed", "error": "b-guide/guide.md:3: bad"},
    {"event": "index", "status": "built", "path": "dist/index.html", "guides": 1},
    {"event": "summary", "ok": False, "guides": 2, "built": 2, "skipped": 0, "kits_built": 1, "kits_skipped": 0,
     "failures": [{"slug": "b-guide", "output": "html", "error": "b-guide/guide.md:3: bad"}], "seconds": 1.5},
]  # fmt: skip


def test_terminal_shows_overall_and_guide_bars_then_failures_and_summary() -> None:
    stream = io.StringIO()
    reporter = TerminalProgress(stream=stream, bars=True)
    for event in EVENTS:
        reporter(event)
    text = stream.getvalue()
    assert "publish:" in text and "3/3" in text  # the overall bar reached the end
    assert "a-guide" in text and "2.0/2" in text  # the guide's own bar
    assert "FAILED b-guide html: b-guide/guide.md:3: bad" in text
    assert "2 output(s) built" in text and "1 failure(s)" in text


def test_without_a_terminal_there_are_lines_but_no_bars() -> None:
    stream = io.StringIO()
    reporter = TerminalProgress(stream=stream)  # StringIO is not a TTY
    for event in EVENTS:
        reporter(event)
    text = stream.getvalue()
    assert "\r" not in text and "publish:" not in text
    assert text.splitlines()[0].startswith("2 guide(s), 3 output(s)")


def test_json_lines_round_trip() -> None:
    stream = io.StringIO()
    reporter = JsonLines(stream)
    for event in EVENTS:
        reporter(event)
    assert [json.loads(line) for line in stream.getvalue().splitlines()] == EVENTS
