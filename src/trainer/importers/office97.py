"""Word 97 (.doc) and PowerPoint 97 (.ppt): converted by LibreOffice, then read like .docx/.pptx.

LibreOffice runs headless with a private profile, a time limit and macros off; without it the import
stops with one line saying what to install. The converted file lives in a temporary folder only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from trainer import processes
from trainer.exporters.base import report
from trainer.importers.base import Imported, Importer, ImportFailed, ImportOptions, Progress, scaled
from trainer.importers.package import OLE_MAGIC

CONVERT_SECONDS = 180
_TARGETS = {".doc": ("docx", "Word 97", ".docx"), ".ppt": ("pptx", "PowerPoint 97", ".pptx")}


def soffice() -> str | None:
    """The LibreOffice program, if installed (PATH, then the usual Windows place)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles", ""), os.environ.get("ProgramFiles(x86)", "")):
        candidate = Path(base, "LibreOffice", "program", "soffice.exe") if base else None
        if candidate is not None and candidate.is_file():
            return str(candidate)
    return None


def convert(source: Path, target_ext: str, kind: str, modern: str, workdir: Path) -> Path:
    """`source` converted by LibreOffice into `workdir`; ImportFailed (one line) when it cannot be."""
    program = soffice()
    if program is None:
        raise ImportFailed(source, "needs-libreoffice", kind=kind, modern=modern)
    profile = (workdir / "profile").resolve().as_uri()
    # A copy in the private folder, same name: LibreOffice names its output after its input.
    plain = workdir / f"{source.stem}{source.suffix.lower()}"
    shutil.copyfile(source, plain)
    command = [
        program,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target_ext,
        "--outdir",
        str(workdir),
        str(plain),
    ]
    try:
        result = processes.run(command, text=True, timeout=CONVERT_SECONDS)
    except subprocess.TimeoutExpired:
        raise ImportFailed(source, "convert-failed", detail=f"> {CONVERT_SECONDS} s") from None
    except OSError as exc:
        raise ImportFailed(source, "convert-failed", detail=exc.strerror or exc) from None
    output = workdir / f"{source.stem}.{target_ext}"
    if result.returncode != 0 or not output.is_file():
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise ImportFailed(source, "convert-failed", detail=detail[-1] if detail else f"exit {result.returncode}")
    return output


class Office97Importer(Importer):
    """Word 97-2003 (.doc) and PowerPoint 97-2003 (.ppt), through LibreOffice."""

    name = "office97"
    label = "Word 97 (.doc) / PowerPoint 97 (.ppt)"
    suffixes = tuple(_TARGETS)

    def import_into(
        self, source: Path, library: Path, progress: Progress | None = None, options: ImportOptions | None = None
    ) -> list[Imported]:
        from trainer.importers import get_importer

        target_ext, kind, modern = _TARGETS[source.suffix.lower()]
        if not source.is_file():
            raise ImportFailed(source, "not-found")
        with open(source, "rb") as fh:
            if fh.read(8) != OLE_MAGIC:
                raise ImportFailed(source, "damaged", kind=kind, detail="not an OLE file")
        with tempfile.TemporaryDirectory(prefix="trainer-convert-") as tmp:
            report(progress, 0.05)
            converted = convert(source, target_ext, kind, modern, Path(tmp))
            report(progress, 0.4)
            results = get_importer(target_ext).import_into(converted, library, scaled(progress, 0.4, 1.0), options)
        for result in results:
            result.message = result.message.replace(converted.name, source.name)
            for note in result.review:
                if "source" in note.params:
                    note.params["source"] = source.name
        return results
