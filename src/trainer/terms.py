"""Glossary terms in a guide: which ones it uses and where first, and the hard words it leaves unexplained.

Qt-free, so `trainer check`, the handout, the web page, the slides and the presenter all find the same
terms in the same places. Matching ignores accents and case (trainer.search.fold) and whole words
only: 'mức 2' is found in 'VNeID Mức 2' but not in 'mức 20'.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from trainer.model import Guide, Term
from trainer.search import fold

# Words a first-time smartphone user meets without knowing them. A guide that uses one must find it
# explained in the library glossary, or `trainer check` warns. Keep this list short and plain.
HARD_WORDS = (
    "OTP",
    "passcode",
    "mức 2",
    "định danh mức 2",
    "định danh điện tử",
    "số định danh cá nhân",
    "chứng thư số",
    "chứng thư chữ ký số",
    "chữ ký số",
    "ký số từ xa",
    "sinh trắc học",
    "USSD",
    "eKYC",
    "CVV",
    "mã QR",
    "Mobile Money",
    "ví điện tử",
    "Thông báo lưu trú",
    "tạm trú",
    "tạm vắng",
    "giảm trừ mức đóng BHYT",
    "liên thông",
    "phạt nguội",
    "lý lịch tư pháp",
    "mã số BHXH",
    "Phiếu tiếp nhận",
    "gian hàng số",
    "OCOP",
)
# The words that introduce the explanations in notes, by guide language.
HEADING = {"vi": "Từ cần biết", "en": "Words to know"}


@dataclass(frozen=True)
class TermUse:
    """A glossary term a guide uses: where it is first used and how it was written there.

    `step` is the index of the step of the first use, None when it comes before the steps (title,
    summary, audience, what to bring, introduction).
    """

    term: Term
    step: int | None
    written: str


@dataclass(frozen=True)
class Part:
    """One piece of text a citizen reads, in reading order: where it is and what it says."""

    where: str  # title | summary | audience | prerequisites | intro | step-title | step-text | callout
    step: int | None
    text: str


def heading(guide: Guide) -> str:
    """'Từ cần biết' or 'Words to know', in the guide's language."""
    return HEADING["en" if guide.language == "en" else "vi"]


@functools.lru_cache(maxsize=256)
def _fold_chars(text: str) -> tuple[str, tuple[int, ...]]:
    """`text` folded one character at a time, with the index in `text` of each folded character.

    fold() of a whole string also squeezes spaces, which would lose the way back to the original.
    Cached: check looks for every glossary term in the same few texts (the editor's live check
    folded each step's text a thousand times per pass).
    """
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(unicodedata.normalize("NFC", text)):
        folded = " " if char.isspace() else fold(char)
        out.append(folded)
        where.extend([index] * len(folded))
    return "".join(out), tuple(where)


@functools.lru_cache(maxsize=1024)
def _pattern(spelling: str) -> re.Pattern[str] | None:
    words = fold(spelling).split()
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)")


def find(text: str, spelling: str, start: int = 0) -> tuple[int, int] | None:
    """The first (start, end) in `text` at or after `start` where `spelling` is written, ignoring accents and case."""
    pattern = _pattern(spelling)
    if pattern is None or not text:
        return None
    folded, where = _fold_chars(text)
    begin = next((i for i, original in enumerate(where) if original >= start), len(folded))
    match = pattern.search(folded, begin)
    if match is None:
        return None
    return where[match.start()], where[match.end() - 1] + 1


def first_use(text: str, term: Term) -> tuple[int, int] | None:
    """The earliest place in `text` where any spelling of `term` appears (the longest at the same place)."""
    found = [span for spelling in term.spellings if (span := find(text, spelling))]
    return min(found, key=lambda span: (span[0], -span[1])) if found else None


def citizen_parts(guide: Guide) -> list[Part]:
    """Everything a citizen reads, in reading order (presenter notes are not for citizens)."""
    parts = [Part("title", None, guide.title), Part("summary", None, guide.summary), Part("audience", None, guide.audience)]
    parts += [Part("prerequisites", None, item) for item in guide.prerequisites]
    parts.append(Part("intro", None, guide.intro))
    for index, step in enumerate(guide.steps):
        parts += [Part("step-title", index, step.title), Part("step-text", index, step.text)]
        parts += [Part("callout", index, callout.text) for callout in step.callouts]
    return [part for part in parts if part.text]


def terms_used(guide: Guide, glossary: list[Term]) -> list[TermUse]:
    """The glossary terms a guide uses, in the order a reader first meets them."""
    found: list[tuple[int, int, TermUse]] = []
    parts = citizen_parts(guide)
    for term in glossary:
        for order, part in enumerate(parts):
            span = first_use(part.text, term)
            if span is not None:
                found.append((order, span[0], TermUse(term, part.step, part.text[span[0] : span[1]])))
                break
    return [use for _, _, use in sorted(found, key=lambda item: (item[0], item[1]))]


def _covered(text: str, span: tuple[int, int], glossary: list[Term]) -> bool:
    """True when a glossary spelling is written over the whole of `span` in `text`."""
    for term in glossary:
        for spelling in term.spellings:
            start = 0
            while (hit := find(text, spelling, start)) is not None and hit[0] <= span[0]:
                if hit[1] >= span[1]:
                    return True
                start = hit[0] + 1
    return False


def unexplained(guide: Guide, glossary: list[Term], hard_words: tuple[str, ...] = HARD_WORDS) -> list[tuple[str, Part]]:
    """Hard words the guide uses that no glossary entry explains: (the word as written, the part of its first such use)."""
    missing: list[tuple[str, Part]] = []
    seen: set[str] = set()
    parts = citizen_parts(guide)
    for word in hard_words:
        for part in parts:
            start, hit = 0, None
            while (span := find(part.text, word, start)) is not None:
                if not _covered(part.text, span, glossary):
                    hit = span
                    break
                start = span[0] + 1
            if hit is not None:
                key = fold(word)
                if key not in seen:
                    seen.add(key)
                    missing.append((part.text[hit[0] : hit[1]], part))
                break
    return missing


def explanation_lines(guide: Guide, uses: list[TermUse], step: int | None) -> str:
    """'Từ cần biết' and one 'term: explanation' line per term first used at `step` ('' when none)."""
    mine = [use for use in uses if use.step == step]
    if not mine:
        return ""
    return heading(guide) + ":\n" + "\n".join(f"- {use.term.term}: {use.term.explanation}" for use in mine)


def notes_with_terms(guide: Guide, uses: list[TermUse], step: int | None, notes: str) -> str:
    """Presenter notes followed by the explanations of the terms first used on that slide."""
    extra = explanation_lines(guide, uses, step)
    return "\n\n".join(part for part in (notes, extra) if part)
