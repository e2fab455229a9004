"""Search that ignores Vietnamese diacritics and case: 'dang ky vssid' finds 'Đăng ký VssID'.

Qt-free so the app's library search and the offline HTML index fold text by the same rule.
"""

from __future__ import annotations

import unicodedata

# đ/Đ is a letter of its own, not d plus a combining mark, so NFD alone does not strip it.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold(text: str) -> str:
    """Lowercase text without diacritics and with single spaces, for matching."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def matches(query: str, *fields: str) -> bool:
    """True when every word of the query appears (folded) in one of the fields."""
    words = fold(query).split()
    if not words:
        return True
    haystack = " ".join(fold(f) for f in fields if f)
    return all(word in haystack for word in words)
