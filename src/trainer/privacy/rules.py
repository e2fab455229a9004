"""Rules for what Vietnamese screens show: which text read from an image is personal data.

Pure functions over TextLine lists, so every rule is tested without running text recognition.
Labels are matched accent-blind (trainer.search.fold) and every accented letter may be missing,
because the recognition models read "Số định danh" as "S đnh danh" as often as not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from trainer.privacy.findings import Box, Finding, TextLine, clamp_box
from trainer.search import fold


def _label_pattern(*labels: str) -> re.Pattern[str]:
    """A regex over folded text for any of `labels`, where each accented letter may have been dropped."""
    options = []
    for label in labels:
        parts = []
        for ch in unicodedata.normalize("NFC", label.lower()):
            if ch == " ":
                parts.append(r"\s*")
                continue
            base = re.escape(fold(ch))
            parts.append(f"(?:{base})?" if ch != fold(ch) and fold(ch) not in ("d",) else base)
        options.append("".join(parts))
    return re.compile(r"(?<![a-z])(?:" + "|".join(options) + r")(?![a-z])")


OLD_ID_LABEL = _label_pattern("cmnd", "chứng minh nhân dân", "chứng minh thư", "số cmt")
BIRTH_LABEL = _label_pattern("ngày sinh", "ngày tháng năm sinh", "sinh ngày", "năm sinh", "date of birth", "dob", "birthday")
NAME_LABEL = _label_pattern("họ và tên", "họ tên", "full name", "chủ tài khoản", "tên tài khoản", "chủ thẻ", "tên chủ thẻ")
PHONE_LABEL = _label_pattern("số điện thoại", "điện thoại", "sđt", "sdt", "phone", "di động")
BANK_LABEL = _label_pattern("số tài khoản", "stk", "tài khoản số", "account number", "account no")
CARD_LABEL = _label_pattern("số thẻ", "card number")
INSURANCE_LABEL = _label_pattern("bhxh", "bhyt", "bảo hiểm xã hội", "bảo hiểm y tế", "mã số bảo hiểm")
OTP_LABEL = _label_pattern(
    "otp", "mã xác thực", "mã xác nhận", "mã kích hoạt", "mã bảo mật", "verification code", "mật khẩu một lần"
)
# Words next to a number that make it money, not an identifier.
MONEY = re.compile(r"^\s*(?:đ|d|₫|vnd|vnđ|dong|đồng|usd|\$)(?![a-z])", re.IGNORECASE)
# Runs of digits, allowing the spaces, dots and dashes screens put between groups, and a +84 prefix.
DIGITS = re.compile(r"(?<![\w+])(\+\s?84[\s.\-]?)?\d(?:[\s.\-]?\d)*(?!\w)")
THOUSANDS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
DATE = re.compile(r"(?<!\d)(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?((?:19|20)\d{2})(?!\d)")
BHYT_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\s?\d\s?\d{2}\s?\d{10}(?![A-Za-z0-9])")
# National hotlines and switchboard numbers are public: 1800 xxxx (free), 1900 xxxx (paid), 1080...
HOTLINE = re.compile(r"^(?:18|19)00\d{4,6}$|^1\d{2,3}$")
MOBILE = re.compile(r"^0(?:3|5|7|8|9)\d{8}$")


@dataclass(frozen=True)
class _Run:
    digits: str
    start: int
    end: int
    raw: str


def _runs(text: str) -> Iterator[_Run]:
    for match in DIGITS.finditer(text):
        raw = match.group(0).strip(" .-")
        if not raw:
            continue
        start = match.start() + match.group(0).index(raw[0])
        digits = re.sub(r"\D", "", raw)
        if raw.startswith("+"):
            digits = "+" + digits
        yield _Run(digits, start, start + len(raw), raw)


def _is_money(text: str, run: _Run) -> bool:
    return bool(THOUSANDS.match(run.raw) or MONEY.match(text[run.end :]))


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _span_box(line: TextLine, start: int, end: int) -> Box:
    """The part of a line's box holding characters start..end, by their share of the line's length."""
    x0, y0, x1, y1 = line.box
    length = max(1, len(line.text))
    width = x1 - x0
    # Half a character of slack on each side: glyph widths differ, OCR boxes are a little loose.
    slack = 0.5 * width / length
    # Never wider than the line itself: a value that fills its line gets the recognizer's own box.
    left = max(x0, x0 + width * start / length - slack)
    right = min(x1, x0 + width * end / length + slack)
    return clamp_box(left, y0, right, y1)


def _height(line: TextLine) -> float:
    return max(1e-4, line.box[3] - line.box[1])


def _values_near(lines: list[TextLine], index: int) -> list[TextLine]:
    """Lines that hold the value of a label at lines[index]: to its right on the same row, then the line just below it."""
    label = lines[index]
    lx0, ly0, lx1, ly1 = label.box
    height = _height(label)
    centre = (ly0 + ly1) / 2
    right = [
        other
        for other in lines
        if other is not label
        and abs((other.box[1] + other.box[3]) / 2 - centre) < height * 0.6
        and other.box[0] >= lx1 - height * 0.5
    ]
    right.sort(key=lambda other: other.box[0])
    below = [
        other
        for other in lines
        if other is not label
        and other.box[1] >= ly1 - height * 0.3
        and other.box[1] - ly1 < height * 2.2
        and other.box[0] < lx1
        and other.box[2] > lx0 - height
    ]
    below.sort(key=lambda other: other.box[1])
    return right[:1] + below[:1]


def _after_label(line: TextLine, pattern: re.Pattern[str]) -> tuple[str, int] | None:
    """The text after a label on the same line and where it starts, or None when the line has no label."""
    folded = fold(line.text)
    match = pattern.search(folded)
    if not match:
        return None
    # fold() keeps one character per character except collapsed spaces; find the offset on the real text.
    cut = _original_offset(line.text, match.end())
    rest = line.text[cut:]
    stripped = rest.lstrip(" :：-–")
    return stripped, cut + (len(rest) - len(stripped))


def _original_offset(text: str, folded_offset: int) -> int:
    """Index in `text` matching an index in fold(text)."""
    for i in range(len(text) + 1):
        if len(fold(text[:i])) >= folded_offset:
            return i
    return len(text)


def find_personal_data(lines: list[TextLine]) -> list[Finding]:
    """Every finding in the lines of one image, most specific kind first for each region."""
    findings: list[Finding] = []
    taken: set[tuple[int, int, int]] = set()  # (line index, start, end) already reported

    def add(kind: str, index: int, start: int, end: int) -> None:
        if any(i == index and s < end and start < e for i, s, e in taken):
            return
        taken.add((index, start, end))
        line = lines[index]
        findings.append(Finding(kind, _span_box(line, start, end), line.text[start:end].strip()))

    labelled = _labelled_values(lines)
    for index, line in enumerate(lines):
        text = line.text
        for match in BHYT_CODE.finditer(text):
            add("insurance-code", index, match.start(), match.end())
        for run in _runs(text):
            digits = run.digits
            if _is_money(text, run) or HOTLINE.match(digits):
                continue
            kinds = labelled.get(index, set())
            if digits.startswith("+84") and len(digits) == 12:
                add("phone", index, run.start, run.end)
            elif len(digits) == 12:
                add("id-number", index, run.start, run.end)
            elif len(digits) == 9 and "old-id" in kinds:
                add("old-id", index, run.start, run.end)
            elif len(digits) == 10 and "insurance-code" in kinds:
                add("insurance-code", index, run.start, run.end)
            elif MOBILE.match(digits) or (len(digits) in (10, 11) and digits.startswith("0") and "phone" in kinds):
                add("phone", index, run.start, run.end)
            elif 13 <= len(digits) <= 19 and (_luhn(digits) or "card-number" in kinds):
                add("card-number", index, run.start, run.end)
            elif 6 <= len(digits) <= 19 and "bank-account" in kinds:
                add("bank-account", index, run.start, run.end)
            elif 4 <= len(digits) <= 8 and "otp" in kinds:
                add("otp", index, run.start, run.end)
        if "birth-date" in labelled.get(index, set()):
            for match in DATE.finditer(text):
                add("birth-date", index, match.start(), match.end())
    for index, (start, end) in _names(lines):
        add("name", index, start, end)
    return findings


_LABELS = (
    ("old-id", OLD_ID_LABEL),
    ("birth-date", BIRTH_LABEL),
    ("phone", PHONE_LABEL),
    ("bank-account", BANK_LABEL),
    ("card-number", CARD_LABEL),
    ("insurance-code", INSURANCE_LABEL),
    ("otp", OTP_LABEL),
)


def _labelled_values(lines: list[TextLine]) -> dict[int, set[str]]:
    """For each line index, the kinds of label that name it: its own label, or a label beside or above it."""
    kinds: dict[int, set[str]] = {}
    index_of = {id(line): i for i, line in enumerate(lines)}
    for index, line in enumerate(lines):
        folded = fold(line.text)
        for kind, pattern in _LABELS:
            if not pattern.search(folded):
                continue
            kinds.setdefault(index, set()).add(kind)
            for value in _values_near(lines, index):
                kinds.setdefault(index_of[id(value)], set()).add(kind)
            if kind == "otp":
                # An SMS puts the code anywhere in the message: the whole bubble is the value.
                for other, nearby in enumerate(lines):
                    if abs(nearby.box[1] - line.box[1]) < _height(line) * 4:
                        kinds.setdefault(other, set()).add(kind)
    return kinds


def _looks_like_name(text: str) -> bool:
    """Two to six words, each capitalised (Trần Thị Bình, NGUYỄN VĂN AN): the rest of a label such as
    "Họ và tên người yêu cầu" or a hint such as "Nhập họ và tên" is lowercase after its first word."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    if not 2 <= len(words) <= 6:
        return False
    return all(w[0].isupper() and not any(ch.isdigit() for ch in w) and any(ch.isalpha() for ch in w) for w in words)


def _names(lines: list[TextLine]) -> Iterator[tuple[int, tuple[int, int]]]:
    index_of = {id(line): i for i, line in enumerate(lines)}
    for index, line in enumerate(lines):
        after = _after_label(line, NAME_LABEL)
        if after is None:
            continue
        rest, start = after
        if _looks_like_name(rest):
            yield index, (start, len(line.text))
            continue
        for value in _values_near(lines, index):
            if _looks_like_name(value.text) and not any(p.search(fold(value.text)) for _, p in _LABELS + (("n", NAME_LABEL),)):
                yield index_of[id(value)], (0, len(value.text))
                break
