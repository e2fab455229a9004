"""The contract every exporter follows: name, label, extension, options, export()."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import ClassVar

from trainer.model import Guide
from trainer.store.problems import say

# progress(fraction 0..1). To cancel, the callback raises Cancelled; the exporter cleans up and re-raises.
Progress = Callable[[float], None]


class Cancelled(Exception):
    """Raised by a progress callback to stop an export; the exporter leaves no partial file."""


class ExportError(Exception):
    """An export that cannot be done; str() is one plain line naming the guide file and the cause."""


@dataclass
class ExportOptions:
    """Options every exporter understands; exporters may subclass with their own fields."""

    theme: str = "default"
    preset: str | None = None
    # Folder where exporters may keep work they can reuse next time, each guide's under
    # `<cache_dir>/<slug>/` (the clip exporter keeps its encoded scenes there); "" keeps nothing.
    # It never changes what is written, so it is not a choice shown to the user nor part of an
    # output's content hash (`option_values`).
    cache_dir: str = field(default="", metadata={"internal": True})
    # How many cores the export may keep busy; 0: the machine's. `trainer publish` runs one export per
    # core and passes its share, so an exporter that works in parallel (the clip's segment encodes)
    # does not crowd the others or add to their memory. Never changes what is written.
    cores: int = field(default=0, metadata={"internal": True})


def own_option_fields(options_class: type[ExportOptions]) -> list[Field[object]]:
    """A format's own options, the ones a person chooses besides theme and preset (internal fields left out)."""
    return [f for f in fields(options_class) if f.name not in ("theme", "preset") and not f.metadata.get("internal")]


def option_values(options: ExportOptions) -> dict[str, object]:
    """The options that decide an export's result, by name (internal fields such as cache_dir left out)."""
    return {f.name: getattr(options, f.name) for f in fields(options) if not f.metadata.get("internal")}


class Exporter:
    """Base of every exporter: a small class with metadata and one export() method."""

    name: ClassVar[str] = ""
    label: ClassVar[str] = ""  # English
    label_vi: ClassVar[str] = ""  # what a Vietnamese editor reads; the English label when empty
    extension: ClassVar[str] = ""
    presets: ClassVar[tuple[str, ...]] = ()
    # preset name -> (Vietnamese, English) words a person chooses from; the name itself when missing
    preset_labels: ClassVar[dict[str, tuple[str, str]]] = {}
    Options: ClassVar[type[ExportOptions]] = ExportOptions

    def display_label(self) -> str:
        """The format as a person reads it, in the message language."""
        return say(self.label_vi or self.label or self.name, self.label or self.name)

    def preset_label(self, preset: str) -> str:
        """A preset as a person reads it ('Dọc cho điện thoại' for vertical), in the message language."""
        vi, en = self.preset_labels.get(preset, (preset, preset))
        return say(vi, en)

    def export(self, guide: Guide, out_dir: Path, options: ExportOptions, progress: Progress | None = None) -> list[Path]:
        """Write the guide's files into out_dir and return their paths."""
        raise NotImplementedError

    def file_name(self, guide: Guide, preset: str | None = None, extension: str | None = None) -> str:
        """`<slug>-<format>[-<preset>].<ext>`, the name every output follows."""
        stem = f"{guide.slug}-{self.name}" + (f"-{preset}" if preset else "")
        return f"{stem}.{extension or self.extension}"


def report(progress: Progress | None, fraction: float) -> None:
    """Call the progress callback if there is one (it may raise Cancelled)."""
    if progress is not None:
        progress(max(0.0, min(1.0, fraction)))
