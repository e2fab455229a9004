"""What the detectors return: lines of text read from an image, and findings of personal data."""

from __future__ import annotations

from dataclasses import dataclass

Box = tuple[float, float, float, float]

# Every kind of personal data a finding can be, with how a person reads it (Vietnamese, English).
KINDS: dict[str, tuple[str, str]] = {
    "id-number": ("số định danh / CCCD", "ID number"),
    "old-id": ("số CMND", "old ID card number"),
    "phone": ("số điện thoại", "phone number"),
    "birth-date": ("ngày sinh", "date of birth"),
    "name": ("họ tên", "full name"),
    "bank-account": ("số tài khoản ngân hàng", "bank account number"),
    "card-number": ("số thẻ ngân hàng", "bank card number"),
    "insurance-code": ("mã số BHXH/BHYT", "social or health insurance code"),
    "otp": ("mã OTP", "one-time code"),
    "qr-code": ("mã QR", "QR code"),
    "barcode": ("mã vạch", "barcode"),
    "face": ("ảnh chân dung", "face photo"),
}


@dataclass(frozen=True)
class TextLine:
    """One line of text read from an image; `box` is (x0, y0, x1, y1) relative to the image (0..1)."""

    text: str
    box: Box
    confidence: float


@dataclass(frozen=True)
class Finding:
    """A region of an image holding personal data: a kind from KINDS, the box (relative, 0..1) and what was read there."""

    kind: str
    box: Box
    text: str

    def label(self, lang: str) -> str:
        """The kind in words, 'vi' or 'en'."""
        vi, en = KINDS.get(self.kind, (self.kind, self.kind))
        return vi if lang == "vi" else en


class ScanError(Exception):
    """Detection could not run on an image (unreadable, too large, an engine that fails to load).

    str() is one plain line; the image must be treated as not checked, never as clean.
    """


def clamp_box(x0: float, y0: float, x1: float, y1: float) -> Box:
    """A box ordered and clipped to the image (0..1), rounded to the 4 decimals guide.md keeps."""
    left, right = sorted((x0, x1))
    top, bottom = sorted((y0, y1))

    def fit(v: float) -> float:
        return round(min(1.0, max(0.0, float(v))), 4)

    return (fit(left), fit(top), fit(right), fit(bottom))
