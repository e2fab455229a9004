"""Showing publish events: tqdm bars (overall + one per guide being built) on a terminal, or JSON lines for scripts."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from trainer.store.problems import language, say


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
                unit=say("tệp", "output"),
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
                self.overall = tqdm(
                    total=event["outputs"],
                    desc=say("xuất bản", "publish"),
                    unit=say("tệp", "output"),
                    file=self.stream,
                    position=0,
                )
            self._line(
                say(
                    "{guides} hướng dẫn, {outputs} tệp xuất: {to_build} cần làm, {skipped} không đổi; "
                    "các dạng: {formats}; {workers} tiến trình",
                    "{guides} guide(s), {outputs} output(s): {to_build} to build, "
                    "{skipped} unchanged; formats: {formats}; {workers} worker(s)",
                    guides=event["guides"],
                    outputs=event["outputs"],
                    to_build=event["to_build"],
                    skipped=event["skipped"],
                    formats=", ".join(event["formats"]),
                    workers=event["workers"],
                )
            )
        elif kind == "progress":
            self.fractions.setdefault(event["slug"], {})[event["output"]] = event["fraction"]
            self._update_guide(event["slug"])
        elif kind == "output":
            if event["status"] != "skipped":
                self.fractions.setdefault(event["slug"], {})[event["output"]] = 1.0
                self._update_guide(event["slug"])
            if event["status"] == "failed":
                self._line(say("LỖI", "FAILED") + f" {event['slug']} {event['output']}: {event.get('error', '')}")
            if self.overall is not None and event["output"] not in ("guide",):
                self.overall.update(1)
        elif kind == "kit":
            bar = self.guides.pop(event["slug"], None)
            if bar is not None:
                bar.close()
            if event["status"] == "failed":
                kit = say("bộ tài liệu", "kit")
                self._line(say("LỖI", "FAILED") + f" {event['slug']} {kit}: {event.get('error', '')}")
        elif kind == "summary":
            for bar in self.guides.values():
                bar.close()
            self.guides.clear()
            if self.overall is not None:
                self.overall.close()
                self.overall = None
            seconds = f"{event['seconds']:.1f}"
            if language() == "vi":
                seconds = seconds.replace(".", ",")  # Vietnamese writes 12,5 giây
            self._line(
                say(
                    "đã xuất bản {guides} hướng dẫn trong {seconds} giây: làm {built} tệp, {skipped} không đổi, "
                    "ghi {kits} bộ tài liệu, {failures} lỗi",
                    "published {guides} guide(s) in {seconds} s: {built} output(s) built, "
                    "{skipped} unchanged, {kits} kit(s) written, {failures} failure(s)",
                    guides=event["guides"],
                    seconds=seconds,
                    built=event["built"],
                    skipped=event["skipped"],
                    kits=event["kits_built"],
                    failures=len(event["failures"]),
                )
            )
            for failure in event["failures"]:
                self._line(f"  {failure['slug']} {failure['output']}: {failure['error']}")
