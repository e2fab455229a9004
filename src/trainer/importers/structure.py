"""From a document's blocks (headings, paragraphs, numbered items, pictures) to draft guides.

Word, OpenDocument, PDF and text importers read their files into a flat list of `Block`s; this module
alone decides where steps start, so every document kind follows the same rules:

- "Bước 3: …" paragraphs (or headings) start steps when a document has them;
- otherwise numbered list items do; otherwise headings under the top level do; otherwise each paragraph;
- a lone heading at the top (or a Title paragraph) is the guide's title, the first paragraph before any
  step its summary; headings of the top level are sections, one guide each with --split;
- paragraphs starting "Lưu ý", "Chú ý", "Cảnh báo" become warning callouts; pictures attach to the step
  they stand in (pictures before the first step go to the first step).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from trainer.importers.draft import Draft, DraftStep, Picture, clean_text
from trainer.model import Callout

STEP_MARK = re.compile(
    r"^\s*(?:\*\*)?\s*(?:bước|buoc|step)\s*(\d{1,2})\s*(?:\*\*)?\s*[:.)\-–]?\s*(?:\*\*)?\s*(.*)$", re.IGNORECASE
)
CALLOUT_MARK = re.compile(
    r"^\s*(?:\*\*)?\s*(lưu ý|chú ý|cảnh báo|luu y|chu y|canh bao)\s*(?:\*\*)?\s*[:!.\-–]?\s*(?:\*\*)?\s*", re.IGNORECASE
)
NUMBERED = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+(\S.*)$")


@dataclass
class Block:
    """One piece of a document in reading order: heading (level 0 = title), para, item (numbered), bullet, image."""

    kind: str
    text: str = ""
    level: int = 1
    picture: Picture | None = None


def callout_of(text: str) -> Callout | None:
    """A warning callout for a paragraph that starts with Lưu ý / Chú ý / Cảnh báo, else None."""
    match = CALLOUT_MARK.match(text)
    if not match:
        return None
    rest = text[match.end() :].strip().strip("*").strip()
    return Callout("warning", rest) if rest else None


def fill_step(step: DraftStep, texts: list[str]) -> None:
    """Add a slide's or page's lines to a step: warnings become callouts, the rest paragraphs."""
    for text in texts:
        callout = callout_of(text)
        if callout is not None:
            step.callouts.append(callout)
        else:
            step.paragraphs.append(text)


def _is_step_start(block: Block, mode: str, step_level: int | None) -> bool:
    if mode == "marks":
        return block.kind in ("para", "heading", "item") and bool(STEP_MARK.match(block.text))
    if mode == "items":
        return block.kind == "item"
    if mode == "headings":
        return block.kind == "heading" and block.level == step_level
    return block.kind in ("para", "item", "bullet")


def blocks_to_drafts(blocks: list[Block], fallback_title: str, split: bool = False) -> list[Draft]:
    """Draft guides from a document's blocks: one, or with `split` one per top-level heading."""
    blocks = [b for b in blocks if b.kind == "image" or clean_text(b.text)]
    title = ""
    if blocks and blocks[0].kind == "heading":
        rest_levels = [b.level for b in blocks[1:] if b.kind == "heading"]
        if blocks[0].level == 0 or blocks[0].level < min(rest_levels, default=99) or blocks[0].level not in rest_levels:
            title = clean_text(blocks[0].text)
            blocks = blocks[1:]
    elif len(blocks) > 1 and blocks[0].kind == "para" and not STEP_MARK.match(blocks[0].text):
        first = clean_text(blocks[0].text)
        if len(first) <= 90 and not first.endswith((".", "!", "?", ":", ";", ",")):
            title = first
            blocks = blocks[1:]
    for block in blocks:
        if block.kind == "heading" and block.level == 0:
            block.level = 1
    levels = sorted({b.level for b in blocks if b.kind == "heading"})
    if any(b.kind in ("para", "heading", "item") and STEP_MARK.match(b.text) for b in blocks):
        mode = "marks"
    elif any(b.kind == "item" for b in blocks):
        mode = "items"
    elif levels:
        mode = "headings"
    else:
        mode = "paragraphs"
    section_level: int | None = None
    step_level: int | None = None
    if mode == "headings":
        step_level = levels[-1]
        section_level = levels[0] if len(levels) > 1 else None
    elif levels:
        section_level = levels[0]

    drafts: list[Draft] = [Draft(title=title or fallback_title)]
    pending: list[Picture] = []
    current: DraftStep | None = None
    for block in blocks:
        draft = drafts[-1]
        if block.kind == "heading" and block.level == section_level and not (mode == "marks" and STEP_MARK.match(block.text)):
            if split:
                if draft.steps:
                    drafts.append(Draft(title=clean_text(block.text)))
                else:
                    draft.title = clean_text(block.text)
                current = None
            continue
        if block.kind == "image":
            if block.picture is not None:
                (current.pictures if current is not None else pending).append(block.picture)
            continue
        if _is_step_start(block, mode, step_level):
            current = DraftStep()
            draft.steps.append(current)
            current.pictures.extend(pending)
            pending = []
            mark = STEP_MARK.match(block.text) if mode == "marks" else None
            text = clean_text(mark.group(2)) if mark else clean_text(block.text)
            if mode == "headings" or (mark and block.kind == "heading"):
                current.title = text
            elif text:
                current.paragraphs.append(text)
            continue
        callout = callout_of(block.text)
        text = clean_text(block.text)
        if current is None:
            if callout is not None:
                draft.intro.append(f"**{block.text.strip()}**")
            elif not draft.summary and block.kind == "para":
                draft.summary = text
            else:
                draft.intro.append(("- " + text) if block.kind == "bullet" else text)
            continue
        if callout is not None:
            current.callouts.append(callout)
        elif block.kind == "bullet" and current.paragraphs and current.paragraphs[-1].startswith("- "):
            current.paragraphs[-1] += "\n- " + text
        elif block.kind == "bullet":
            current.paragraphs.append("- " + text)
        elif block.kind == "heading":
            current.paragraphs.append(f"**{text}**")
        else:
            current.paragraphs.append(text)
    if pending:
        target = drafts[-1]
        if target.steps:
            target.steps[-1].pictures.extend(pending)
        else:
            target.steps.append(DraftStep(pictures=pending))
    return [d for d in drafts if d.steps]


_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_BULLET = ("- ", "• ", "* ", "+ ")


def text_blocks(text: str, picture: Callable[[str], Picture | None] | None = None) -> list[Block]:
    """Blocks of plain text or Markdown: paragraphs split by blank lines; '#' headings, numbered and 'Bước n'
    lines, bullets and Markdown images (through `picture`, which refuses what it must) start their own block."""
    blocks: list[Block] = []
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            blocks.append(Block("para", " ".join(buffer)))
            buffer.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        images = list(_IMAGE.finditer(line))
        if images:
            flush()
            for image in images:
                found = picture(image.group("src")) if picture else None
                if found is not None:
                    blocks.append(Block("image", picture=found))
            line = _IMAGE.sub("", line).strip()
            if not line:
                continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            blocks.append(Block("heading", heading.group(2), level=len(heading.group(1))))
            continue
        numbered = NUMBERED.match(line)
        if numbered:
            flush()
            blocks.append(Block("item", numbered.group(2)))
            continue
        if line.startswith(_BULLET):
            flush()
            blocks.append(Block("bullet", line[2:]))
            continue
        if STEP_MARK.match(line) or CALLOUT_MARK.match(line):
            flush()
        buffer.append(line)
    flush()
    return blocks
