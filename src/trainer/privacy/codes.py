"""QR codes and barcodes in an image, read with zxing-cpp (one native library in its wheel, no model)."""

from __future__ import annotations

import re

import numpy as np

from trainer.privacy.findings import Finding, ScanError, clamp_box

# 2-D symbols (a VNeID identity QR, a VietQR payment code); everything else zxing reads is a line barcode.
_MATRIX = ("QR", "DataMatrix", "Aztec", "PDF417", "MaxiCode")
# A code that holds only a web address points people somewhere public: a link, not personal data.
_PLAIN_WEB_LINK = re.compile(r"^https?://[^\s|]+$", re.IGNORECASE)


def read_codes(rgb: np.ndarray) -> list[tuple[str, str, tuple[float, float, float, float]]]:
    """(kind, decoded text, relative box) for every QR code and barcode zxing-cpp finds."""
    try:
        import zxingcpp
    except Exception as exc:
        raise ScanError(f"QR code reader is not installed ({exc})") from None
    height, width = rgb.shape[:2]
    try:
        found = zxingcpp.read_barcodes(np.ascontiguousarray(rgb))
    except Exception as exc:
        raise ScanError(f"QR code reader failed ({exc})") from None
    codes = []
    for code in found:
        pos = code.position
        xs = [p.x for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)]
        ys = [p.y for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)]
        name = getattr(code.format, "name", str(code.format))
        kind = "qr-code" if any(m.lower() in name.lower() for m in _MATRIX) else "barcode"
        # A 1-D barcode's position is a thin line along its middle: widen it to cover the bars.
        pad_y = 0.0 if kind == "qr-code" else max(0.02 * height, (max(xs) - min(xs)) * 0.25)
        box = clamp_box(min(xs) / width, (min(ys) - pad_y) / height, (max(xs) + 1) / width, (max(ys) + 1 + pad_y) / height)
        codes.append((kind, str(code.text), box))
    return codes


def code_findings(codes: list[tuple[str, str, tuple[float, float, float, float]]]) -> list[Finding]:
    """Codes that may hold personal data: every code except one that is only a web address."""
    return [Finding(kind, box, text) for kind, text, box in codes if not _PLAIN_WEB_LINK.match(text.strip())]
