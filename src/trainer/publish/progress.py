"""Showing publish events: tqdm bars (overall + one per guide being built) on a terminal, or JSON lines for scripts."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO


class JsonLines:
    """Every event as one JSON object per line on stdout, flushed at once so a script can follow along."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout

    def __call__(self, event: dict[str, Any]) -> None:
        """Print one event."""
        self.stream.write(json.dumps(event, ensure_ascii=False, sort_keys=True) + "\n")
        self.stream.flush()


class TerminalProgress:
    """An overall tqdm bar (outputs done) and a bar per guide while its outputs are built; failures as lines."""

    def __init__(self, stream: TextIO | None = None, bars: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.bars = self.stream.isatty() if bars is None else bars
        self.overall: Any = None
        self.guides: dict[str, Any] = {}
        self.fractions: dict[str, dict[str, float]] = {}
        self.counts: dict[str, int] = {}

    def _line(self, text: str) -> None:
        if self.overall is not None:
            self.overall.write(text, file=self.stream)
        else:
            self.stream.write(text + "\n")

    def _guide_bar(self, slug: str) -> Any:
        from tqdm import tqdm

        bar = self.guides.get(slug)
        if bar is None and self.bars:
            total = max(1, self.counts.get(slug, 1))
            bar = tqdm(
                total=total,
                desc=f"  {slug}",
                unit="output",
                leave=False,
                file=self.stream,
                bar_format="{desc:40.40} {bar} {n:.1f}/{total}",
            )
            self.guides[slug] = bar
        return bar

    def _update_guide(self, slug: str) -> None:
        bar = self._guide_bar(slug)
        if bar is not None:
            bar.n = sum(self.fractions.get(slug, {}).values())
            bar.refresh()

    def __call__(self, event: dict[str, Any]) -> None:
        """Show one event."""
        from tqdm import tqdm

        kind = event["event"]
        if kind == "plan":
            self.counts = dict(event.get("to_build_by_guide") or {})
            if self.bars:
                self.overall = tqdm(total=event["outputs"], desc="publish", unit="output", file=self.stream, position=0)
            self._line(
                f"{event['guides']} guide(s), {event['outputs']} output(s): {event['to_build']} to build, "
                f"{event['skipped']} unchanged; formats: {', '.join(event['formats'])}; {event['workers']} worker(s)"
            )
        elif kind == "progress":
            self.fractions.setdefault(event["slug"], {})[event["output"]] = event["fraction"]
            self._update_guide(event["slug"])
        elif kind == "output":
            if event["status"] != "skipped":
                self.fractions.setdefault(event["slug"], {})[event["output"]] = 1.0
                self._update_guide(event["slug"])
            if event["status"] == "failed":
                self._line(f"FAILED {event['slug']} {event['output']}: {event.get('error', '')}")
            if self.overall is not None and event["output"] not in ("guide",):
                self.overall.update(1)
        elif kind == "kit":
            bar = self.guides.pop(event["slug"], None)
            if bar is not None:
                bar.close()
            if event["status"] == "failed":
                self._line(f"FAILED {event['slug']} kit: {event.get('error', '')}")
        elif kind == "summary":
            for bar in self.guides.values():
                bar.close()
            self.guides.clear()
            if self.overall is not None:
                self.overall.close()
                self.overall = None
            self._line(
                f"published {event['guides']} guide(s) in {event['seconds']:.1f} s: {event['built']} output(s) built, "
                f"{event['skipped']} unchanged, {event['kits_built']} kit(s) written, {len(event['failures'])} failure(s)"
            )
            for failure in event["failures"]:
                self._line(f"  {failure['slug']} {failure['output']}: {failure['error']}")
