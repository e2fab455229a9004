"""Text through Qt's own layout (QTextDocument): wrapping, Vietnamese diacritics, Markdown emphasis."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextOption,
)

from trainer import links

# Extra line spacing: stacked Vietnamese marks (ệ, ở, ữ) need air between lines to stay legible.
LINE_HEIGHT = 1.12


def layout_text(
    markdown: str,
    font: QFont,
    color: QColor | str,
    width: float,
    *,
    plain: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    line_height: float = LINE_HEIGHT,
    lead: tuple[str, QColor | str] | None = None,
) -> QTextDocument:
    """A QTextDocument holding `markdown` (inline bold/italic, lists) laid out `width` wide.

    `plain=True` keeps the text literal (titles: '1.' must not become a list). Colour applies to all
    text; bold and italic pick the bundled faces. `lead` = (words, colour) run in bold at the start.
    """
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    option = QTextOption(align)
    # Long URLs and numbers break anywhere instead of running past the edge.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setIndentWidth(font.pixelSize() * 1.1)
    if plain:
        doc.setPlainText(markdown)
    else:
        doc.setMarkdown(markdown, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
        _drop_unsafe_anchors(doc)
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    fmt.setFontFamilies(font.families())
    cursor.mergeCharFormat(fmt)
    block_fmt = QTextBlockFormat()
    block_fmt.setLineHeight(line_height * 100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    block_fmt.setAlignment(align)
    cursor.mergeBlockFormat(block_fmt)
    if lead is not None:
        start = QTextCursor(doc)
        start.movePosition(QTextCursor.MoveOperation.Start)
        lead_fmt = QTextCharFormat()
        lead_fmt.setForeground(QColor(lead[1]))
        lead_fmt.setFontFamilies(font.families())
        lead_fmt.setFontWeight(QFont.Weight.Bold)
        start.insertText(lead[0] + " ", lead_fmt)
    # Paragraph gaps: Markdown import leaves none between paragraphs; a half line reads best.
    block = doc.begin()
    gap = font.pixelSize() * 0.45
    while block.isValid():
        same_list = block.textList() is not None and block.next().textList() == block.textList()
        if block.next().isValid() and not same_list:
            c = QTextCursor(block)
            f = block.blockFormat()
            f.setBottomMargin(gap)
            c.setBlockFormat(f)
        block = block.next()
    doc.setTextWidth(max(1.0, width))
    return doc


def reserve_top_right(doc: QTextDocument, width: float, height: float) -> None:
    """Keep a `width` x `height` area at the document's top right free: the text runs around it.

    A runaround, as in print layout: lines beside the area are shortened, lines below it use the
    whole width. The area is an empty floating frame; whatever belongs there is painted separately.
    """
    if width <= 0 or height <= 0:
        return
    text_width = doc.textWidth()
    first_format = doc.begin().blockFormat()  # list membership and paragraph gap of the first paragraph
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    area = QTextFrameFormat()
    area.setPosition(QTextFrameFormat.Position.FloatRight)
    area.setWidth(QTextLength(QTextLength.Type.FixedLength, width))
    area.setHeight(QTextLength(QTextLength.Type.FixedLength, height))
    area.setMargin(0)
    area.setPadding(0)
    area.setBorder(0)
    frame = cursor.insertFrame(area)
    # A frame always follows a block, and that block kept the first paragraph's format (a list item
    # would lose its number to it): give the format back to the paragraph after the frame, and make
    # the empty block before it a plain one that takes no height, so the area starts at the top.
    after = frame.lastCursorPosition()
    after.movePosition(QTextCursor.MoveOperation.NextBlock)
    after.setBlockFormat(first_format)
    empty = QTextBlockFormat()
    empty.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    first = QTextCursor(doc.begin())
    first.setBlockFormat(empty)
    tiny = QTextCharFormat()
    tiny.setFontPointSize(0.01)
    first.setBlockCharFormat(tiny)
    doc.setTextWidth(text_width)


def text_bottom(doc: QTextDocument) -> float:
    """Where the last line of text ends: unlike size(), not stretched by a reserved area (reserve_top_right)
    and without the line spacing below the last line."""
    return doc.documentLayout().blockBoundingRect(doc.lastBlock()).bottom()


def text_height(markdown: str, font: QFont, width: float, *, plain: bool = False) -> float:
    """Height the text needs at `width` (same layout as paint_text)."""
    return layout_text(markdown, font, "#000000", width, plain=plain).size().height()


def paint_document(painter: QPainter, doc: QTextDocument, top_left: QPointF) -> None:
    """Paint a laid-out document with its top-left corner at `top_left`."""
    painter.save()
    painter.translate(top_left)
    doc.drawContents(painter, QRectF(0, 0, doc.textWidth(), doc.size().height() + 1))
    painter.restore()


def paint_text(
    painter: QPainter,
    rect: QRectF,
    markdown: str,
    font: QFont,
    color: QColor | str,
    *,
    plain: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    valign: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop,
) -> float:
    """Lay out text in rect's width and paint it from the top (or centred/bottom); return its height."""
    doc = layout_text(markdown, font, color, rect.width(), plain=plain, align=align)
    height = doc.size().height()
    top = rect.top()
    if valign & Qt.AlignmentFlag.AlignVCenter:
        top += (rect.height() - height) / 2
    elif valign & Qt.AlignmentFlag.AlignBottom:
        top += rect.height() - height
    paint_document(painter, doc, QPointF(rect.left(), top))
    return height


def _drop_unsafe_anchors(doc: QTextDocument) -> None:
    """Turn every link the link policy refuses into plain text: painted into a PDF, an anchor becomes a
    live /URI action, so a javascript: or file: target must not survive even if `trainer check` was skipped."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor() or fmt.hasProperty(QTextFormat.Property.AnchorHref):
                target = links.safe(fmt.anchorHref())
                changed = QTextCharFormat(fmt)
                if target is None:
                    # Qt's PDF engine writes a /URI action for any text that merely HAS an href property.
                    for prop in (QTextFormat.Property.IsAnchor, QTextFormat.Property.AnchorHref, QTextFormat.Property.AnchorName):
                        changed.clearProperty(prop)
                else:
                    # PDF link targets are 7-bit: non-ASCII letters go percent-encoded, not mangled.
                    changed.setAnchorHref(links.as_uri(target))
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(changed)
            it += 1
        block = block.next()
