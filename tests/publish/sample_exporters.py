"""Exporters that misbehave on purpose, registered by tests to prove one bad job cannot stop a publish."""

from __future__ import annotations

import os
from pathlib import Path

from trainer.exporters.base import Exporter, ExportOptions, Progress
from trainer.model import Guide
from trainer.store.atomic import atomic_write_bytes


class _TextExporter(Exporter):
    extension = "txt"

    def write(self, guide: Guide, out_dir: Path) -> list[Path]:
        return [atomic_write_bytes(Path(out_dir) / self.file_name(guide), guide.title.encode("utf-8"))]


class FlakyExporter(_TextExporter):
    """Raises an unexpected exception for beta-guide."""

    name = "flaky"

    def export(self, guide: Guide, out_dir: Path, options: ExportOptions, progress: Progress | None = None) -> list[Path]:
        if guide.slug == "beta-guide":
            raise RuntimeError("boom in beta")
        return self.write(guide, out_dir)


class CrashingExporter(_TextExporter):
    """Kills its worker process outright for beta-guide, as a crash in native code would."""

    name = "crashing"

    def export(self, guide: Guide, out_dir: Path, options: ExportOptions, progress: Progress | None = None) -> list[Path]:
        if guide.slug == "beta-guide":
            os._exit(70)
        return self.write(guide, out_dir)


class SlowExporter(_TextExporter):
    """Works for up to a minute, reporting progress often, so a test can press Stop while it runs."""

    name = "slow"

    def export(self, guide: Guide, out_dir: Path, options: ExportOptions, progress: Progress | None = None) -> list[Path]:
        import time

        for step in range(1200):
            if progress is not None:
                progress(step / 1200)
            time.sleep(0.05)
        return self.write(guide, out_dir)
