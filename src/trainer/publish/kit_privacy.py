"""Does a kit still show personal data? The images of its `source/` (what teams re-import and pass on)
are scanned again; a finding there is a failure of `trainer verify` unless a `keep` mark in the kit's
own guide.md accepts it. A blur mark does not excuse a finding: in a kit, pixels under a blur must be
gone, so anything still readable there was not redacted."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from trainer.model import Annotation
from trainer.privacy import Finding, ScanError, is_hidden, scan
from trainer.publish.kit import SOURCE
from trainer.store import GUIDE_FILE, read_guide
from trainer.store.media import MediaError, resolve_inside
from trainer.store.problems import language, say


def _extract_source(kit: Path, into: Path) -> Path:
    """The kit's source/ as a folder: the kit folder's own, or the ZIP's members written under `into`."""
    if kit.is_dir():
        return kit / SOURCE
    with zipfile.ZipFile(kit) as archive:
        for info in archive.infolist():
            name = PurePosixPath(info.filename)
            if info.is_dir() or not name.parts or name.parts[0] != SOURCE or ".." in name.parts or name.is_absolute():
                continue
            target = into.joinpath(*name.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(info))
    return into / SOURCE


def _shown(finding: Finding, lang: str) -> str:
    return f"{finding.label(lang)}, {' '.join(f'{v:.2f}' for v in finding.box)}"


def personal_data_lines(kit: Path) -> list[str]:
    """One plain line per kit image that still shows personal data or could not be checked ([] when clean)."""
    kit = Path(kit)
    with tempfile.TemporaryDirectory(prefix="trainer-verify-") as tmp:
        try:
            source = _extract_source(kit, Path(tmp))
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
            return []  # an unreadable ZIP is already a failure of the integrity check
        if not (source / GUIDE_FILE).is_file():
            return []
        guide, _ = read_guide(source / GUIDE_FILE)
        if guide is None:
            return []
        lines: list[str] = []
        marks: dict[str, list[Annotation]] = {}
        for step in guide.steps:
            if step.image:
                marks.setdefault(step.image, []).extend(m for m in step.annotations if m.kind == "keep")
        for relative, keeps in marks.items():
            where = f"{kit}: {SOURCE}/{relative}"
            try:
                path = resolve_inside(source, relative)
                found = [f for f in scan(path) if not is_hidden(f, keeps)]
            except MediaError:
                continue  # a missing file is already reported by the integrity check
            except ScanError as exc:
                lines.append(
                    where + ": " + say("chưa kiểm tra được dữ liệu cá nhân: {d}", "could not check for personal data: {d}", d=exc)
                )
                continue
            for finding in found:
                lines.append(
                    where
                    + ": "
                    + say(
                        "hình vẫn còn dữ liệu cá nhân chưa xóa ({k})",
                        "image still shows personal data ({k})",
                        k=_shown(finding, language()),
                    )
                )
        return lines
