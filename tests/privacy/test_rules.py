"""The rules over recognized text: each kind of personal data is found, public numbers are not.

Lines are written the way the recognition models return Vietnamese (accents often dropped), so the
rules are proved on what they really receive; tests/privacy/test_scan.py runs the real engine.
"""

from __future__ import annotations

import pytest

from trainer.privacy.findings import TextLine
from trainer.privacy.rules import find_personal_data


def stacked(*texts: str) -> list[TextLine]:
    """Lines one under another, the way a phone screen lists label then value."""
    return [
        TextLine(text, (0.05, 0.1 + i * 0.04, 0.05 + 0.02 * len(text), 0.13 + i * 0.04), 0.95) for i, text in enumerate(texts)
    ]


def kinds(lines: list[TextLine]) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_personal_data(lines)]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["S đnh danh cá nhân", "001 089 012345"], [("id-number", "001 089 012345")]),
        (["Số CCCD: 001089012345"], [("id-number", "001089012345")]),
        (["Số CMND", "123456789"], [("old-id", "123456789")]),
        (["Chứng minh nhân dân: 123 456 789"], [("old-id", "123 456 789")]),
        (["S đin thoi", "0912345678"], [("phone", "0912345678")]),
        (["Liên hệ 0912 345 678"], [("phone", "0912 345 678")]),
        (["Gọi +84 912 345 678"], [("phone", "+84 912 345 678")]),
        (["Ngày sinh", "12/05/1989"], [("birth-date", "12/05/1989")]),
        (["Ngay sinh: 01-01-1960"], [("birth-date", "01-01-1960")]),
        (["Ho và tên", "NGUYN VĂN AN"], [("name", "NGUYN VĂN AN")]),
        (["Họ và tên: Trần Thị Bình"], [("name", "Trần Thị Bình")]),
        (["Họ và tên ngưi yêu cu", "NGUYN VĂN A"], [("name", "NGUYN VĂN A")]),
        (["S tài khon", "1903 6655 4433 22"], [("bank-account", "1903 6655 4433 22")]),
        (["4111 1111 1111 1111"], [("card-number", "4111 1111 1111 1111")]),
        (["Mã số BHXH", "7912345678"], [("insurance-code", "7912345678")]),
        (["Mã thẻ BHYT: DN4797915123456"], [("insurance-code", "DN4797915123456")]),
        (["Ma OTP cua ban la 482913. Khong chia se ma nay"], [("otp", "482913")]),
    ],
)
def test_each_kind_is_found(lines: list[str], expected: list[tuple[str, str]]) -> None:
    assert kinds(stacked(*lines)) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["Tổng đài hỗ trợ: 1800 1096"],
        ["Hotline 19000368"],
        ["Gọi 1900 0368 để được hỗ trợ"],
        ["Phiên bn 2.1.3"],
        ["Phiên bản 10.2.145"],
        ["S tin: 1.500.000 đ"],
        ["Số tiền 25.000.000 VND"],
        ["Tổng cộng 120000000đ"],
        ["09:41"],
        ["Bước 2/5"],
        ["Nhp 12 s"],
        ["Nhập số điện thoại", "Nhập 10 số"],
        ["Ngày cập nhật 22/11/2026"],
        ["Họ và tên", "Nhập họ và tên"],
        ["Mã OTP gồm 6 chữ số"],
        ["Cảnh báo: không cung cấp mã OTP cho ai, gọi 1800 1096"],
        ["Cổng dịch vụ công quốc gia"],
    ],
)
def test_public_text_is_not_personal(lines: list[str]) -> None:
    assert kinds(stacked(*lines)) == []


def test_value_beside_its_label_on_the_same_row() -> None:
    label = TextLine("Ngày sinh", (0.05, 0.30, 0.30, 0.33), 0.99)
    value = TextLine("12/05/1989", (0.55, 0.30, 0.85, 0.33), 0.99)
    other = TextLine("22/11/2026", (0.55, 0.60, 0.85, 0.63), 0.99)
    assert [(f.kind, f.text) for f in find_personal_data([label, value, other])] == [("birth-date", "12/05/1989")]


def test_finding_box_covers_only_the_number_on_a_labelled_line() -> None:
    line = TextLine("Số CCCD: 001089012345", (0.1, 0.5, 0.9, 0.55), 0.99)
    (finding,) = find_personal_data([line])
    assert finding.box[0] > 0.35 and finding.box[2] >= 0.85
    assert finding.box[1] == 0.5 and finding.box[3] == 0.55
