"""Words the layouts print themselves (step counters, callout names, footer), in the guide's language."""

from __future__ import annotations

import datetime as _dt

from trainer.model import Guide

_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "step": "Bước {n}",
        "step_of": "Bước {n}/{total}",
        "tip": "Mẹo",
        "warning": "Cảnh báo",
        "caution": "Thận trọng",
        "valid_as_of": "Thông tin đúng đến ngày {date}",
        "hotline": "Đường dây nóng: {hotline}",
        "help": "Cần hỗ trợ?",
        "official": "Trang chính thức",
        "scan": "Quét mã QR bằng camera điện thoại để mở trang chính thức",
        "minutes": "Khoảng {n} phút",
        "steps": "{n} bước",
        "prerequisites": "Cần chuẩn bị",
        "contents": "Các bước",
        "more_steps": "… và {n} bước nữa",
        "practice": "Thực hành",
        "practice_text": "Bây giờ mọi người hãy tự làm bước này trên điện thoại của mình.",
        "notes": "Ghi chú cho người hướng dẫn",
        "done": "Hoàn thành!",
    },
    "en": {
        "step": "Step {n}",
        "step_of": "Step {n}/{total}",
        "tip": "Tip",
        "warning": "Warning",
        "caution": "Caution",
        "valid_as_of": "Correct as of {date}",
        "hotline": "Hotline: {hotline}",
        "help": "Need help?",
        "official": "Official page",
        "scan": "Scan the QR code with your phone camera to open the official page",
        "minutes": "About {n} minutes",
        "steps": "{n} steps",
        "prerequisites": "Have ready",
        "contents": "The steps",
        "more_steps": "… and {n} more steps",
        "practice": "Practice",
        "practice_text": "Now everyone tries this step on their own phone.",
        "notes": "Notes for the trainer",
        "done": "Done!",
    },
}


def word(guide: Guide, key: str, **params: object) -> str:
    """A printed phrase in the guide's language (Vietnamese unless the guide is in English)."""
    words = _WORDS["en" if guide.language == "en" else "vi"]
    if "hotline" in params:
        # A phone number never breaks across lines: "1800" on one line and "1096" on the next gets half dialled.
        params["hotline"] = str(params["hotline"]).replace(" ", "\u00a0")
    return words[key].format(**params)


def date_text(guide: Guide, day: _dt.date | None) -> str:
    """A date as people write it: 22/11/2026 in Vietnamese, 2026-11-22 otherwise."""
    if day is None:
        return ""
    return day.isoformat() if guide.language == "en" else day.strftime("%d/%m/%Y")
