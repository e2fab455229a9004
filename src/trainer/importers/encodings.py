"""Text in the encodings Vietnamese offices used before Unicode, decoded to NFC.

Old files were typed with fonts that drew Vietnamese letters over other code points: TCVN3 (ABC,
TCVN 5712:1993 "VN3", fonts named `.VnTime`, `.VnArial`…) puts each lower-case toned letter on one
byte; VNI-Windows (fonts `VNI-Times`…) writes a base letter followed by a byte drawn as its marks;
Windows-1258 puts the tone as a combining mark after the letter. The tables below are written from
those published encodings (TCVN3: one byte per letter; VNI: base + mark), and `decode_bytes` picks the
reading that gives the most real Vietnamese letters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# TCVN3 (ABC): the 67 lower-case letters with a tone or modifier, and the 7 capitals the standard
# font holds (capitals with a tone exist only in the separate upper-case fonts, `.VnTimeH`…, which
# reuse the lower-case code points: see `decode_tcvn3(upper=True)`).
TCVN3: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# VNI-Windows: the bytes drawn as marks after a base letter, lower-case and upper-case forms.
# Tones: acute, grave, hook, tilde, dot below; modifiers: circumflex, breve (with their tones).
_VNI_TONES_LOWER = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_TONES_UPPER = {"Ù": "\u0301", "Ø": "\u0300", "Û": "\u0309", "Õ": "\u0303", "Ï": "\u0323"}
_VNI_CIRCUMFLEX_LOWER = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_CIRCUMFLEX_UPPER = {"Â": "", "Á": "\u0301", "À": "\u0300", "Å": "\u0309", "Ã": "\u0303", "Ä": "\u0323"}
_VNI_BREVE_LOWER = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_BREVE_UPPER = {"Ê": "", "É": "\u0301", "È": "\u0300", "Ú": "\u0309", "Ü": "\u0303", "Ë": "\u0323"}
# Letters VNI draws with one byte.
_VNI_SINGLE = {
    "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ",
    "í": "í", "Í": "Í", "ì": "ì", "Ì": "Ì", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị",
    "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip


def _vni_table() -> dict[str, str]:
    """VNI sequence (as Windows-1252 characters) -> NFC letter, built from the mark tables above."""
    table: dict[str, str] = {}
    for base in "aeiouyAEIOUY":
        upper = base.isupper()
        for mark, tone in (_VNI_TONES_UPPER if upper else _VNI_TONES_LOWER).items():
            table[base + mark] = unicodedata.normalize("NFC", base + tone)
        if base in "aeoAEO":
            for mark, tone in (_VNI_CIRCUMFLEX_UPPER if upper else _VNI_CIRCUMFLEX_LOWER).items():
                table[base + mark] = unicodedata.normalize("NFC", base + "\u0302" + tone)
        if base in "aA":
            for mark, tone in (_VNI_BREVE_UPPER if upper else _VNI_BREVE_LOWER).items():
                table[base + mark] = unicodedata.normalize("NFC", base + "\u0306" + tone)
    for horned_vni, horned in (("ô", "ơ"), ("Ô", "Ơ"), ("ö", "ư"), ("Ö", "Ư")):
        for mark, tone in (_VNI_TONES_UPPER if horned.isupper() else _VNI_TONES_LOWER).items():
            table[horned_vni + mark] = unicodedata.normalize("NFC", horned + tone)
    for key, letter in _VNI_SINGLE.items():
        table.setdefault(key, letter)
    # i and y with a tone are single bytes in VNI for i (above) but base + mark for y; ỵ is one byte.
    return table


VNI: dict[str, str] = _vni_table()
_VNI_LONGEST = 2

# Letters of Vietnamese beyond ASCII, to score how Vietnamese a reading looks.
VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", ch)
    for ch in "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)
ENCODING_LABELS = {"utf-8": "UTF-8", "utf-16": "UTF-16", "cp1258": "Windows-1258", "tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


def decode_tcvn3(data: bytes | str, upper: bool = False) -> str:
    """TCVN3 bytes (or text a font mapped through Windows-1252) to NFC; `upper` for the `.VnXxxH` capital fonts."""
    raw = data if isinstance(data, bytes) else data.encode("cp1252", errors="replace")
    out = []
    for byte in raw:
        letter = TCVN3.get(byte)
        out.append(letter if letter is not None else bytes([byte]).decode("cp1252", errors="replace"))
    text = "".join(out)
    return unicodedata.normalize("NFC", text.upper() if upper else text)


def decode_vni(data: bytes | str) -> str:
    """VNI-Windows bytes (or text a VNI font showed through Windows-1252) to NFC."""
    text = data.decode("cp1252", errors="replace") if isinstance(data, bytes) else data
    out = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in VNI:
            out.append(VNI[pair])
            i += 2
            continue
        out.append(_VNI_SINGLE.get(text[i], text[i]))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def decode_cp1258(data: bytes) -> str:
    """Windows-1258 (tones as combining marks) to NFC."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def encode_tcvn3(text: str) -> bytes:
    """NFC text to TCVN3 bytes (capitals with a tone become lower-case, as in the standard font)."""
    reverse = {letter: byte for byte, letter in TCVN3.items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in reverse:
            out.append(reverse[ch])
        elif ch.lower() in reverse:
            out.append(reverse[ch.lower()])
        else:
            out += ch.encode("cp1252")
    return bytes(out)


def encode_vni(text: str) -> bytes:
    """NFC text to VNI-Windows bytes."""
    reverse: dict[str, str] = {}
    for sequence, letter in VNI.items():
        if letter not in reverse or len(sequence) < len(reverse[letter]):
            reverse[letter] = sequence
    return "".join(reverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("cp1252")


def encode_cp1258(text: str) -> bytes:
    """NFC text to Windows-1258: the letter with its modifier, then the tone as a combining mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323"))
        tone = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        out += (base + tone).encode("cp1258")
    return bytes(out)


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _tones(word: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFD", word) if ch in _TONES)


def vietnamese_score(text: str) -> int:
    """How Vietnamese a reading looks: letters in words with at most one tone count for it; words with two
    or more tones, and characters that are neither ASCII nor Vietnamese letters, count against it."""
    score = 0
    for word in re.findall(r"[^\W\d_]+", text):
        special = sum(1 for ch in word if ch in VIETNAMESE_LETTERS)
        if not special:
            continue
        if _tones(word) > 1 or any(ch.isupper() for ch in word[1:]) and not word.isupper():
            score -= 2 * special
        else:
            score += special
    bad = sum(1 for ch in text if ord(ch) > 127 and not ch.isalpha() and ch not in "–—‘’“”…•·°€")
    bad += sum(1 for ch in text if ch.isalpha() and ord(ch) > 127 and ch not in VIETNAMESE_LETTERS)
    return score - 3 * bad - 10 * text.count("\ufffd")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text of a file in any of the encodings above as (NFC text, encoding name); UTF-8/16 by BOM first."""
    if data.startswith(codecs.BOM_UTF8):
        return unicodedata.normalize("NFC", data[3:].decode("utf-8", errors="replace")), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return unicodedata.normalize("NFC", data.decode("utf-16", errors="replace")), "utf-16"
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if len(data) >= 4 and data.count(0) > len(data) // 4:  # UTF-16 without a BOM: every other byte is 0
        even_zero = data[0::2].count(0) > data[1::2].count(0)
        try:
            return unicodedata.normalize("NFC", data.decode("utf-16-be" if even_zero else "utf-16-le")), "utf-16"
        except UnicodeDecodeError:
            pass
    readings = {"cp1258": decode_cp1258(data), "tcvn3": decode_tcvn3(data), "vni": decode_vni(data)}
    best = max(readings, key=lambda name: vietnamese_score(readings[name]))
    return readings[best], best


def legacy_font(font_name: str | None) -> str | None:
    """'tcvn3', 'tcvn3-upper' or 'vni' for a font named like the old Vietnamese fonts, else None."""
    name = (font_name or "").strip()
    if name.lower().startswith(".vn"):
        return "tcvn3-upper" if name.rstrip().endswith("H") else "tcvn3"
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI "):
        return "vni"
    return None


def decode_font_text(text: str, kind: str) -> str:
    """Text of a run set in a legacy font, as Word/PowerPoint stored it, to NFC Unicode."""
    if kind == "vni":
        return decode_vni(text)
    return decode_tcvn3(text, upper=kind == "tcvn3-upper")
