"""Scanning one image: text, codes and faces, cached by content, turned into findings and proposed blurs."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from trainer.model import Annotation
from trainer.privacy import cache
from trainer.privacy.codes import code_findings, read_codes
from trainer.privacy.faces import find_faces
from trainer.privacy.findings import Finding, ScanError, TextLine, clamp_box
from trainer.privacy.ocr import ENGINE as OCR_ENGINE
from trainer.privacy.ocr import recognize
from trainer.privacy.rules import find_personal_data
from trainer.store.media import MediaError, open_image

ENGINE = f"{OCR_ENGINE}+zxing+haar/1"
# One scan at a time per process: the engines use every core already, and two scans would double the memory.
_scanning = threading.Lock()


def _detect(path: Path) -> dict[str, Any]:
    try:
        img = open_image(path)
    except MediaError as exc:
        raise ScanError(f"{path.name}: {exc.params.get('detail') or exc.code}") from None
    if img.mode != "RGB":
        flat = img.convert("RGBA")
        base = np.full((flat.height, flat.width, 3), 255, dtype=np.uint8)
        rgba = np.asarray(flat, dtype=np.float32) / 255.0
        rgb = (rgba[:, :, :3] * rgba[:, :, 3:] * 255 + base * (1 - rgba[:, :, 3:])).astype(np.uint8)
    else:
        rgb = np.asarray(img)
    lines = recognize(rgb)
    return {
        "lines": [[line.text, list(line.box), line.confidence] for line in lines],
        "codes": [[kind, text, list(box)] for kind, text, box in read_codes(rgb)],
        "faces": [list(box) for box in find_faces(rgb)],
    }


def detect(path: Path | str) -> dict[str, Any]:
    """What the engines see in an image (cached by SHA-256); ScanError when they cannot look."""
    path = Path(path)
    try:
        digest = cache.file_digest(path)
    except OSError as exc:
        raise ScanError(f"{path.name}: {exc.strerror or exc}") from None
    found = cache.load(digest, ENGINE)
    if found is not None:
        return found
    with _scanning:
        found = cache.load(digest, ENGINE)
        if found is None:
            found = _detect(path)
            cache.save(digest, ENGINE, found)
    return found


def read_text(path: Path | str) -> list[TextLine]:
    """Lines of text in an image, top to bottom, boxes relative to the image (0..1)."""
    return [TextLine(text, tuple(box), conf) for text, box, conf in detect(path)["lines"]]  # type: ignore[arg-type]


def scan(path: Path | str) -> list[Finding]:
    """Every region of an image that holds personal data; ScanError when detection cannot run."""
    seen = detect(path)
    lines = [TextLine(text, tuple(box), conf) for text, box, conf in seen["lines"]]  # type: ignore[arg-type]
    findings = find_personal_data(lines)
    findings += code_findings([(kind, text, tuple(box)) for kind, text, box in seen["codes"]])  # type: ignore[misc]
    findings += [Finding("face", tuple(box), "") for box in seen["faces"]]  # type: ignore[arg-type]
    return findings


def proposed_marks(path: Path | str) -> list[Annotation]:
    """Blur marks over every finding, a little larger than the text so no stroke of it shows."""
    marks = []
    for finding in scan(path):
        x0, y0, x1, y1 = finding.box
        pad = 0.2 * (y1 - y0) if finding.kind not in ("qr-code", "face") else 0.01
        box = clamp_box(x0 - pad * 0.5, y0 - pad, x1 + pad * 0.5, y1 + pad)
        marks.append(Annotation("blur", *box))
    return marks
