"""Office files (.docx, .pptx, .odt) are ZIP packages: look at one before any library opens it.

The same checks as for kits (names, links, entry count, compression ratios typical of ZIP bombs), plus a
cap on the total a document may unpack to; a password-protected Office file is an OLE container, not a
ZIP, and is named as such.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from trainer.importers.base import ImportFailed, check_file, damaged
from trainer.importers.kit import check_entries
from trainer.publish.manifest import KitError

MAX_PACKAGE_BYTES = 200_000_000  # compressed, on disk: far beyond a real manual with screenshots
MAX_UNPACKED_BYTES = 600_000_000  # everything inside, uncompressed
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_package(source: Path, kind: str) -> None:
    """Refuse (ImportFailed, one line) an Office package that is missing, encrypted, damaged or a ZIP bomb."""
    check_file(source, MAX_PACKAGE_BYTES)
    try:
        with open(source, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ImportFailed(source, "unreadable", detail=exc.strerror or exc) from None
    if head == OLE_MAGIC:
        # Word/PowerPoint save password-protected files as an encrypted OLE container.
        raise ImportFailed(source, "encrypted")
    try:
        with zipfile.ZipFile(source) as archive:
            infos = check_entries(archive)
            if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
                raise ImportFailed(source, "damaged", kind=kind, detail="ZIP bomb?")
            bad = archive.testzip()
            if bad is not None:
                raise ImportFailed(source, "damaged", kind=kind, detail=bad)
    except (KitError, zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise damaged(source, kind, exc) from None
