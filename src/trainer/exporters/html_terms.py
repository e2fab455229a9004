"""Glossary terms on the offline web page: a tooltip on each term's first use and the "Từ cần biết" box.

The page runs no script, so the tooltip is the browser's own: an <abbr title="explanation"> around
the first place a reader meets each term (the same reading order trainer.terms uses everywhere).
Marking works on HTML that is already safe (sanitized Markdown or escaped text) and only ever
inserts escaped text, so it cannot open a hole the sanitizer closed.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup, escape

from trainer.model import Guide
from trainer.terms import TermUse, first_use, heading

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"^</?\s*([A-Za-z0-9]+)")
# Text inside these is never marked: a link's words, a term already marked, code.
_SKIP = {"a", "abbr", "code", "pre"}


class TermMarker:
    """Marks the first use of each glossary term across the page's fragments, fed in reading order."""

    def __init__(self, uses: list[TermUse]):
        self.pending = list(uses)

    def mark(self, html: str) -> Markup:
        """`html` (already safe) with the first use of every not-yet-marked term wrapped in an <abbr> tooltip."""
        if not self.pending or not html:
            return Markup(html)
        pieces = _TAG.split(str(html))
        skipping = 0
        for index, piece in enumerate(pieces):
            if index % 2:  # a tag
                name = _TAG_NAME.match(piece)
                if name and name.group(1).lower() in _SKIP and not piece.endswith("/>"):
                    skipping += -1 if piece.startswith("</") else 1
                continue
            if piece and skipping <= 0:
                pieces[index] = self._mark_text(piece)
        return Markup("".join(pieces))

    def text(self, plain: str) -> Markup:
        """Plain text, escaped, with first uses marked."""
        return self.mark(str(escape(plain)))

    def _mark_text(self, text: str) -> str:
        out: list[str] = []
        position = 0
        while self.pending:
            found = [(span, use) for use in self.pending if (span := first_use(text[position:], use.term))]
            if not found:
                break
            (start, end), use = min(found, key=lambda item: (item[0][0], -item[0][1]))
            out.append(text[position : position + start])
            tip = escape(use.term.explanation)
            out.append(f'<abbr class="term" title="{tip}">{text[position + start : position + end]}</abbr>')
            position += end
            self.pending.remove(use)
        out.append(text[position:])
        return "".join(out)


def terms_box(guide: Guide, uses: list[TermUse]) -> dict[str, Any] | None:
    """What the page's "Từ cần biết" box shows: its heading and each term with its step and explanation."""
    if not uses:
        return None
    items = [
        {
            "term": use.term.term[:1].upper() + use.term.term[1:],
            "step": None if use.step is None else use.step + 1,
            "explanation": use.term.explanation,
        }
        for use in uses
    ]
    return {"heading": heading(guide), "items": items}
