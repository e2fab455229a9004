"""Legacy Vietnamese encodings: each table round-trips every letter and tone; real garbled text reads right."""

from __future__ import annotations

import unicodedata

import pytest

from trainer.importers.encodings import (
    TCVN3,
    decode_bytes,
    decode_cp1258,
    decode_tcvn3,
    decode_vni,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
)

BASES = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
# Every Vietnamese vowel with every tone (72), plus đ: built from Unicode, not from the tables under test.
LOWER = [unicodedata.normalize("NFC", base + tone) for base in BASES for tone in TONES] + ["đ"]
UPPER = [letter.upper() for letter in LOWER]


def test_letter_list_is_complete() -> None:
    assert len(set(LOWER)) == 73 and all(len(letter) == 1 for letter in LOWER)


@pytest.mark.parametrize(
    ("encode", "decode", "letters"),
    [
        (encode_vni, decode_vni, LOWER + UPPER),
        (encode_cp1258, decode_cp1258, LOWER + UPPER),
        (encode_tcvn3, decode_tcvn3, LOWER + ["Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"]),
    ],
    ids=["vni", "cp1258", "tcvn3"],
)
def test_every_letter_and_tone_round_trips(encode, decode, letters: list[str]) -> None:  # type: ignore[no-untyped-def]
    for letter in letters:
        assert decode(encode(letter)) == letter, letter
    # in words too (VNI reads two bytes at a time, so neighbours must not swallow each other)
    text = " ".join(f"x{letter}n" for letter in letters)
    assert decode(encode(text)) == text


def test_tcvn3_capitals_come_from_the_upper_case_fonts() -> None:
    for letter in LOWER:
        assert decode_tcvn3(encode_tcvn3(letter), upper=True) == letter.upper()


def test_tcvn3_gives_each_letter_its_own_byte() -> None:
    assert len(set(TCVN3.values())) == len(TCVN3) == 74


@pytest.mark.parametrize(
    ("garbled", "decode", "expected"),
    [
        # How these files look when opened with a Unicode font (the well-known headers of official documents).
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", decode_tcvn3, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", decode_tcvn3, "Độc lập - Tự do - Hạnh phúc"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", decode_vni, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", decode_vni, "Độc lập - Tự do - Hạnh phúc"),
    ],
)
def test_published_samples(garbled: str, decode, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert decode(garbled.encode("cp1252")) == expected


def test_windows_1258_combining_tones_become_nfc() -> None:
    # "Việt" in Windows-1258: V i ê (0xEA) + combining dot below (0xF2) t
    assert decode_cp1258(b"Vi\xea\xf2t") == "Việt"
    assert unicodedata.is_normalized("NFC", decode_cp1258(b"Vi\xea\xf2t"))


SENTENCE = "Bước 2: Mở ứng dụng VNeID, chọn “Kích hoạt tài khoản”. Lưu ý: không đưa mã OTP cho người lạ. Ỷ Ữ Đ"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "utf-8"),
        (SENTENCE.encode("utf-16"), "utf-16"),
        (unicodedata.normalize("NFD", SENTENCE).encode("utf-8"), "utf-8"),
        (encode_cp1258(SENTENCE), "cp1258"),
        (encode_vni(SENTENCE), "vni"),
        (encode_tcvn3(SENTENCE.replace("Ỷ Ữ", "ỷ ữ")), "tcvn3"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf8-nfd", "cp1258", "vni", "tcvn3"],
)
def test_files_are_recognised(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert found == encoding
    expected = SENTENCE.replace("Ỷ Ữ", "ỷ ữ") if encoding == "tcvn3" else SENTENCE
    assert text == expected
    assert unicodedata.is_normalized("NFC", text)
