"""The paged painter: a guide as printed pages (A4, A5 booklet, practice card) on any QPagedPaintDevice.

The handout exporter paints into a QPdfWriter and the app's print preview into a QPrinter with the
same functions, so the preview is what comes out of the printer. Geometry is in device pixels at the
device's own resolution; sizes are chosen in millimetres and points and converted once, so printed
text keeps its size whatever the device's dpi. Steps are never split across pages and images are
never cut: a step that cannot fit an empty page raises PageFlowError naming the step.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextDocument,
)

from trainer.model import Guide, Step
from trainer.render.fonts import make_font
from trainer.render.image import StepImageError, framed_size, image_size, is_phone, paint_step_image
from trainer.render.imposition import booklet_sides
from trainer.render.labels import date_text, word
from trainer.render.pieces import paint_badge, step_text
from trainer.render.qr import QUIET_ZONE, paint_qr, qr_matrix
from trainer.render.text import layout_text, paint_document
from trainer.render.theme import Theme
from trainer.store.glossary import guide_glossary
from trainer.terms import TermUse, heading, terms_used

PRESETS = ("a4", "a5-booklet", "practice-card")
# Images are resampled to this resolution at their printed size: sharp on paper, small in the PDF.
PRINT_IMAGE_DPI = 200
# Smallest printed QR module: below this, cheap printers blur and old phone cameras fail to read the code.
MIN_QR_MODULE_MM = 0.5
# Minimum printed body text: 11 pt, 14 pt in large print (the print-fidelity rule).
BODY_PT = 11.0
LARGE_BODY_PT = 14.0


class PageFlowError(ValueError):
    """A part of the guide that cannot fit on the page size; str() names the step."""

    def __init__(self, message: str, step_index: int | None = None):
        super().__init__(message)
        self.step_index = step_index


@dataclass(frozen=True)
class PageFormat:
    """A page size in millimetres with its margins and how many step columns it holds."""

    name: str
    width_mm: float
    height_mm: float
    margin_mm: float
    columns: int
    page_size: QPageSize.PageSizeId


A4 = PageFormat("a4", 210.0, 297.0, 10.0, 2, QPageSize.PageSizeId.A4)
A5 = PageFormat("a5", 148.0, 210.0, 10.0, 1, QPageSize.PageSizeId.A5)


@dataclass
class PrintStyle:
    """Theme values turned into print units for one device resolution."""

    dpi: float
    theme: Theme
    body_pt: float

    @property
    def large(self) -> bool:
        """Large print: one column, bigger text."""
        return self.body_pt >= LARGE_BODY_PT

    @property
    def grayscale(self) -> bool:
        """Images are printed gray (the theme's colours are gray already)."""
        return self.theme.grayscale

    def color(self, role: str) -> QColor:
        """A theme colour by role."""
        return QColor(self.theme.color(role))

    def mm(self, value: float) -> float:
        """Millimetres to device pixels."""
        return value * self.dpi / 25.4

    def pt(self, value: float) -> float:
        """Points to device pixels."""
        return value * self.dpi / 72.0

    def font(self, size_pt: float, weight: QFont.Weight = QFont.Weight.Normal, italic: bool = False) -> QFont:
        """The bundled font at `size_pt` printed points (rounded up, so a minimum size stays a minimum)."""
        return make_font(math.ceil(self.pt(size_pt)), weight, italic)

    @property
    def scale(self) -> float:
        """Factor from the theme's design sizes to print pixels, so the theme's body size prints at body_pt."""
        return math.ceil(self.pt(self.body_pt)) / self.theme.size("body")

    def body(self) -> QFont:
        """Body text: step text, callouts, prerequisites."""
        return self.font(self.body_pt)

    def strong(self) -> QFont:
        """Step titles and labels."""
        return self.font(self.body_pt * 1.15, QFont.Weight.Bold)

    def small(self) -> QFont:
        """Footers and meta lines: smaller than body, still legible from a cheap printer."""
        return self.font(max(8.5, self.body_pt * 0.8))

    def title(self) -> QFont:
        """The guide title."""
        return self.font(self.body_pt * 1.6, QFont.Weight.Bold)


def print_style(theme: Theme, dpi: float) -> PrintStyle:
    """Print sizes for `theme` on a device of `dpi`: 11 pt body, 14 pt when the theme enlarges text."""
    return PrintStyle(dpi=dpi, theme=theme, body_pt=LARGE_BODY_PT if theme.font_scale > 1.0 else BODY_PT)


# -- blocks and the page flow -----------------------------------------------------------------------
Painter = Callable[[QPainter, QRectF], None]


@dataclass
class Block:
    """A piece of a page that is never split: its height at a given width and how to paint it."""

    kind: str  # title | prerequisites | terms | step | end
    height: float
    paint: Painter
    full_width: bool = True
    step_index: int | None = None


@dataclass
class Placement:
    """A block placed on a page, in device pixels from the page's top-left corner."""

    block: Block
    rect: QRectF


@dataclass
class Frame:
    """Where blocks may go on every page: the content box and its columns (device pixels)."""

    left: float
    top: float
    width: float
    bottom: float
    columns: int = 1
    gutter: float = 0.0
    gap: float = 0.0

    @property
    def column_width(self) -> float:
        """Width of one column."""
        return (self.width - self.gutter * (self.columns - 1)) / self.columns


def flow(blocks: list[Block], frame: Frame, describe: Callable[[Block], str] = lambda b: b.kind) -> list[list[Placement]]:
    """Place blocks on pages in order: full-width blocks across, step blocks down the columns.

    Columns fill like a newspaper (down the first, then the next); a block that does not fit the
    rest of a column moves whole to the next column or page. A block taller than an empty page
    raises PageFlowError, described by `describe`.
    """
    pages: list[list[Placement]] = [[]]
    y = frame.top  # top of the free area below what is placed across the page
    column, section_top, column_y, section_bottom = 0, frame.top, frame.top, frame.top
    in_columns = False
    height_available = frame.bottom - frame.top

    def new_page() -> None:
        nonlocal y, column, section_top, column_y, section_bottom
        pages.append([])
        y = section_top = column_y = section_bottom = frame.top
        column = 0

    for block in blocks:
        if block.height > height_available + 0.5:
            raise PageFlowError(describe(block), block.step_index)
        if block.full_width:
            if in_columns:
                y = section_bottom
                in_columns = False
            if y + block.height > frame.bottom and pages[-1]:
                new_page()
            pages[-1].append(Placement(block, QRectF(frame.left, y, frame.width, block.height)))
            y += block.height + frame.gap
            continue
        if not in_columns:
            in_columns = True
            column, section_top, column_y, section_bottom = 0, y, y, y
        if column_y + block.height > frame.bottom and column_y > section_top:
            if column + 1 < frame.columns:
                column += 1
                column_y = section_top
            else:
                new_page()
                in_columns = True
        if column_y + block.height > frame.bottom:
            # Even the top of a fresh column is too low (a tall header above it): start a new page.
            new_page()
            in_columns = True
        x = frame.left + column * (frame.column_width + frame.gutter)
        pages[-1].append(Placement(block, QRectF(x, column_y, frame.column_width, block.height)))
        column_y += block.height + frame.gap
        section_bottom = max(section_bottom, column_y)
    return pages


# -- the parts of a handout ---------------------------------------------------------------------------
# Handout phrases beyond the shared labels (trainer.render.labels), in the guide's language.
_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "version": "Phiên bản {version}",
        "updated": "Cập nhật ngày {date}",
        "for": "Dành cho: {audience}",
        "help": "Cần giúp đỡ? Gọi đường dây nóng {hotline}",
        "valid": "Hướng dẫn phiên bản {version}, đúng đến ngày {date}. Thủ tục có thể thay đổi: quét mã QR để xem bản mới nhất.",
        "official": "Trang chính thức",
        "online": "Bản trực tuyến của hướng dẫn này",
        "reprint": "In lại tập gấp này: in hai mặt trên giấy A4, chọn lật theo cạnh ngắn (flip on short edge).",
        "footer": "{title} · phiên bản {version} · cập nhật {date}",
        "page": "Trang {n}/{total}",
        "try": "TỰ LÀM THỬ",
        "try_how": "Tự làm từng bước trên điện thoại của bạn. Xong bước nào, đánh dấu vào ô của bước đó.",
        "phone": "Số điện thoại đăng ký:",
        "account": "Tên tài khoản:",
        "notes": "Ghi chú:",
        "secret": "Không ghi mật khẩu hay mã OTP lên tờ giấy này, và không đọc mã OTP cho bất kỳ ai.",
        "more_terms": "{heading} (tiếp)",
    },
    "en": {
        "version": "Version {version}",
        "updated": "Updated {date}",
        "for": "For: {audience}",
        "help": "Need help? Call the hotline {hotline}",
        "valid": "Guide version {version}, correct as of {date}. Procedures change: scan a QR code for the latest copy.",
        "official": "Official page",
        "online": "This guide online",
        "reprint": "To reprint this booklet: print double-sided on A4, flip on short edge.",
        "footer": "{title} · version {version} · updated {date}",
        "page": "Page {n}/{total}",
        "try": "TRY IT YOURSELF",
        "try_how": "Do each step on your own phone. Tick its box when it is done.",
        "phone": "Registered phone number:",
        "account": "Account name:",
        "notes": "Notes:",
        "secret": "Never write a password or OTP code on this card, and never read an OTP code to anyone.",
        "more_terms": "{heading} (continued)",
    },
}


def _say(guide: Guide, key: str, **params: object) -> str:
    return _WORDS["en" if guide.language == "en" else "vi"][key].format(**params)


def _date(guide: Guide) -> str:
    return date_text(guide, guide.valid_as_of) or "?"


class _Builder:
    """Lays out one guide's blocks for one page format on one device."""

    def __init__(
        self,
        guide: Guide,
        theme: Theme,
        fmt: PageFormat,
        dpi: float,
        body_pt: float | None = None,
    ):
        self.guide = guide
        self.theme = theme
        self.fmt = fmt
        self.style = print_style(theme, dpi)
        if body_pt is not None:
            self.style.body_pt = body_pt
        self.pictures = pictures(guide, theme)

    def doc(self, text: str, font: QFont, color: QColor, width: float, plain: bool = False) -> QTextDocument:
        """Text laid out by the shared layout.

        Fonts are sized in device pixels for this device's dpi and unhinted, so the layout needs no
        paint device: giving it the printer would scale list indents and paragraph gaps by dpi/96.
        """
        return layout_text(text, font, color, width, plain=plain)

    # blocks -----------------------------------------------------------------------------------------
    def title_block(self, width: float) -> Block:
        """Department, guide title, summary and the meta line (version, date, time, audience)."""
        s, g = self.style, self.guide
        parts = []
        if self.theme.department:
            parts.append(self.doc(self.theme.department.upper(), s.small(), s.color("muted"), width, plain=True))
        parts.append(self.doc(g.title, s.title(), s.color("text" if s.grayscale else "primary"), width, plain=True))
        if g.summary:
            parts.append(self.doc(g.summary, s.body(), s.color("text"), width))
        meta = [_say(g, "version", version=g.version), _say(g, "updated", date=_date(g))]
        if g.estimated_minutes:
            meta.append(word(g, "minutes", n=g.estimated_minutes))
        if g.audience:
            meta.append(_say(g, "for", audience=g.audience))
        parts.append(self.doc(" · ".join(meta), s.small(), s.color("muted"), width, plain=True))
        gap, rule = s.mm(1.5), s.mm(0.8)
        height = sum(d.size().height() for d in parts) + gap * (len(parts) + 1) + rule

        def paint(painter: QPainter, rect: QRectF) -> None:
            y = rect.top()
            for d in parts:
                paint_document(painter, d, QPointF(rect.left(), y))
                y += d.size().height() + gap
            painter.fillRect(QRectF(rect.left(), y + gap, rect.width(), rule), s.color("accent"))

        return Block("title", height, paint)

    def prerequisites_block(self, width: float) -> Block | None:
        """What to bring, in a light box."""
        s, g = self.style, self.guide
        if not g.prerequisites:
            return None
        pad = s.mm(3)
        label = self.doc(word(g, "prerequisites"), s.strong(), s.color("text"), width - 2 * pad, plain=True)
        body = self.doc("\n".join(f"- {item}" for item in g.prerequisites), s.body(), s.color("text"), width - 2 * pad)
        height = 2 * pad + label.size().height() + s.mm(1) + body.size().height()

        def paint(painter: QPainter, rect: QRectF) -> None:
            _box(painter, rect, s.color("surface"), s.color("rule"), s.mm(0.35))
            paint_document(painter, label, QPointF(rect.left() + pad, rect.top() + pad))
            paint_document(painter, body, QPointF(rect.left() + pad, rect.top() + pad + label.size().height() + s.mm(1)))

        return Block("prerequisites", height, paint)

    def terms_blocks(self, width: float, limit: float, full_width: bool = True) -> list[Block]:
        """'Từ cần biết': the glossary terms this guide uses, each with its plain explanation and the step of first use.

        A long list becomes several boxes, none taller than `limit`, so the page flow can break between them.
        """
        uses = terms_used(self.guide, guide_glossary(self.guide))
        blocks: list[Block] = []
        chunks = [uses] if uses else []
        while chunks:
            chunk = chunks.pop(0)
            block = self._terms_box(chunk, width, full_width, first=not blocks)
            if block.height > limit and len(chunk) > 1:
                half = len(chunk) // 2
                chunks[:0] = [chunk[:half], chunk[half:]]
                continue
            blocks.append(block)
        return blocks

    def _terms_box(self, uses: list[TermUse], width: float, full_width: bool, first: bool) -> Block:
        s, g = self.style, self.guide
        pad = s.mm(2.5)
        title = heading(g) if first else _say(g, "more_terms", heading=heading(g))
        label = self.doc(title, s.strong(), s.color("text"), width - 2 * pad, plain=True)
        body = self.doc("\n".join(_term_line(g, use) for use in uses), s.body(), s.color("text"), width - 2 * pad)
        gap = s.mm(0.8)
        height = 2 * pad + label.size().height() + gap + body.size().height()

        def paint(painter: QPainter, rect: QRectF) -> None:
            _box(painter, rect, s.color("surface"), s.color("rule"), s.mm(0.35))
            paint_document(painter, label, QPointF(rect.left() + pad, rect.top() + pad))
            paint_document(painter, body, QPointF(rect.left() + pad, rect.top() + pad + label.size().height() + gap))

        return Block("terms", height, paint, full_width=full_width)

    def step_block(self, index: int, width: float) -> Block:
        """A numbered step: its title across the block, then the picture (frame, marks) with text and callouts beside it."""
        s, step = self.style, self.guide.steps[index]
        picture = self.pictures.get(index)
        gap = s.mm(3)
        image_w = image_h = 0.0
        if picture is not None:
            if is_phone(step, picture.width, picture.height):
                box_w = s.mm(28 if s.large or self.fmt.columns == 1 else 22)
            else:
                box_w = width * 0.42
            image_w, image_h = framed_size(step, picture.width, picture.height, box_w, s.mm(80))
        text_x = image_w + gap if picture is not None else 0.0
        head = step_text(self.guide, index, self.theme, width, s.scale, callouts=False)  # the title row, full width
        text = step_text(self.guide, index, self.theme, width - text_x, s.scale)  # text and callouts beside the image
        beside = text.height - text.title_height  # body and callouts, each preceded by a gap
        body_top = head.title_height + text.gap
        height = body_top + max(image_h, beside - text.gap) + s.mm(1)

        def paint(painter: QPainter, rect: QRectF) -> None:
            x, y = rect.left(), rect.top()
            # One-line titles are centred on the badge; longer ones start level with it.
            lines = max(1, head.title.begin().layout().lineCount())
            first_line = head.title.size().height() / lines
            if lines == 1:
                title_y = y + (head.title_height - first_line) / 2
            else:
                title_y = y + (head.badge - first_line) / 2
            paint_badge(painter, QPointF(x + head.badge / 2, y + head.badge / 2), head.badge / 2, head.number, self.theme)
            paint_document(painter, head.title, QPointF(x + head.badge + head.gap * 0.8, title_y))
            top = y + body_top
            if picture is not None:
                target = QRectF(x, top, image_w, image_h)
                painter.drawImage(target, picture.render(target.size(), s))
            cy = top
            if text.body is not None:
                paint_document(painter, text.body, QPointF(x + text_x, cy))
                cy += text.body.size().height() + text.gap
            for box in text.callouts:
                box.paint(painter, QPointF(x + text_x, cy), self.theme)
                cy += box.height + text.gap

        return Block("step", height, paint, full_width=False, step_index=index)

    def end_block(self, width: float, booklet: bool, compact: bool = False, full_width: bool = True) -> Block:
        """The way back online: hotline, valid-as-of date and version, QR codes labelled with their URLs."""
        s, g = self.style, self.guide
        pad = s.mm(3)
        inner = width - 2 * pad
        lines = []
        if self.theme.hotline:
            lines.append(self.doc(_say(g, "help", hotline=self.theme.hotline), s.strong(), s.color("text"), inner, plain=True))
        if not compact:  # the card's footer carries version and date; its room goes to the checklist
            lines.append(
                self.doc(_say(g, "valid", version=g.version, date=_date(g)), s.body(), s.color("text"), inner, plain=True)
            )
        codes = []
        if g.official_url:
            official = _say(g, "official")
            codes.append((f"{official}: {g.links[0].title}" if g.links[0].title else official, g.official_url))
        if g.online_url:
            codes.append((_say(g, "online"), g.online_url))
        # Two codes sit side by side where each URL still gets room beside its code (A4) and on the card,
        # whose one page needs the height (there the labels are small print; people scan the codes).
        tight = compact and len(codes) == 2
        qr = s.mm(17 if tight else 19 if compact else 26)
        # Modules of at least 0.5 mm: what a cheap printer and an old phone camera still resolve.
        qr = max([qr] + [s.mm(MIN_QR_MODULE_MM) * (len(qr_matrix(url)) + 2 * QUIET_ZONE) for _, url in codes])
        per_row = 2 if len(codes) == 2 and (tight or inner >= s.mm(150)) else 1
        cell_w = (inner - pad) / 2 if per_row == 2 else inner
        label_font = (
            s.font(s.small().pixelSize() * 72 / s.dpi, QFont.Weight.Bold) if tight else s.font(s.body_pt, QFont.Weight.Bold)
        )
        url_font = s.small() if tight else s.body()
        cells = []
        for label, url in codes:
            text_w = cell_w - qr - s.mm(2 if tight else 3)
            label_doc = self.doc(label, label_font, s.color("text"), text_w, plain=True)
            url_doc = self.doc(url_lines(url, url_font, text_w), url_font, s.color("text"), text_w, plain=True)
            cells.append((label_doc, url_doc, url))
        cell_h = [max(qr, a.size().height() + s.mm(2) + b.size().height()) for a, b, _ in cells]
        row_h = [max(cell_h[i : i + per_row]) for i in range(0, len(cells), per_row)]
        hint = self.doc(_say(g, "reprint"), s.small(), s.color("muted"), inner, plain=True) if booklet else None
        height = 2 * pad + sum(d.size().height() + s.mm(1.5) for d in lines) + sum(h + s.mm(2) for h in row_h)
        if hint is not None:
            height += hint.size().height() + s.mm(1)

        def paint(painter: QPainter, rect: QRectF) -> None:
            _box(painter, rect, QColor("#ffffff"), s.color("text"), s.mm(0.5))
            x, y = rect.left() + pad, rect.top() + pad
            for d in lines:
                paint_document(painter, d, QPointF(x, y))
                y += d.size().height() + s.mm(1.5)
            for i, (label, url_doc, url) in enumerate(cells):
                cx = x + (i % per_row) * (cell_w + pad)
                cy = y + sum(h + s.mm(2) for h in row_h[: i // per_row])
                paint_qr(painter, QRectF(cx, cy, qr, qr), url)
                tx = cx + qr + s.mm(2 if tight else 3)
                paint_document(painter, label, QPointF(tx, cy + s.mm(1)))
                paint_document(painter, url_doc, QPointF(tx, cy + s.mm(2) + label.size().height()))
            y += sum(h + s.mm(2) for h in row_h)
            if hint is not None:
                paint_document(painter, hint, QPointF(x, y))

        return Block("end", height, paint, full_width=full_width)

    # the practice card ------------------------------------------------------------------------------
    def card_header(self, width: float) -> Block:
        """'Try it yourself', the guide's title and how to use the card."""
        s, g = self.style, self.guide
        docs = [
            self.doc(_say(g, "try"), s.strong(), s.color("accent"), width, plain=True),
            self.doc(g.title, s.font(s.body_pt * 1.25, QFont.Weight.Bold), s.color("text"), width, plain=True),
            self.doc(_say(g, "try_how"), s.body(), s.color("text"), width, plain=True),
        ]
        gap = s.mm(1.5)
        height = sum(d.size().height() for d in docs) + gap * len(docs)

        def paint(painter: QPainter, rect: QRectF) -> None:
            y = rect.top()
            for d in docs:
                paint_document(painter, d, QPointF(rect.left(), y))
                y += d.size().height() + gap

        return Block("card-header", height, paint)

    def checklist(self, width: float) -> Block:
        """The steps as tick boxes."""
        s = self.style
        box, gap = s.pt(s.body_pt * 1.3), s.mm(1.2)
        docs = [
            self.doc(f"{i}. {step.title}", s.body(), s.color("text"), width - box - s.mm(3), plain=True)
            for i, step in enumerate(self.guide.steps, 1)
        ]
        heights = [max(box, d.size().height()) for d in docs]
        height = sum(heights) + gap * len(docs)

        def paint(painter: QPainter, rect: QRectF) -> None:
            y = rect.top()
            for d, h in zip(docs, heights, strict=True):
                _box(painter, QRectF(rect.left(), y, box, box), QColor("#ffffff"), s.color("text"), s.mm(0.4))
                paint_document(
                    painter,
                    d,
                    QPointF(rect.left() + box + s.mm(3), y + max(0.0, (box - d.size().height()) / 2) if h == box else y),
                )
                y += h + gap

        return Block("checklist", height, paint)

    def write_in(self, width: float, notes: bool = True) -> Block:
        """Dotted lines to write the phone number and account name on; never a password."""
        s, g = self.style, self.guide
        bold = s.font(s.body_pt, QFont.Weight.Bold)
        keys = ("phone", "account", "notes") if notes else ("phone", "account")
        docs = [self.doc(_say(g, key), bold, s.color("text"), width, plain=True) for key in keys]
        row = max(s.mm(11), docs[0].size().height() + s.mm(5))
        warn = self.doc(_say(g, "secret"), s.body(), s.color("text"), width, plain=True)
        height = row * len(docs) + s.mm(2) + warn.size().height()

        def paint(painter: QPainter, rect: QRectF) -> None:
            y = rect.top()
            painter.save()
            painter.setPen(QPen(s.color("muted"), s.mm(0.3), Qt.PenStyle.DotLine))
            for d in docs:
                base = y + row - s.mm(1.5)
                paint_document(painter, d, QPointF(rect.left(), base - d.size().height()))
                painter.drawLine(QPointF(rect.left() + d.idealWidth() + s.mm(2), base), QPointF(rect.right(), base))
                y += row
            painter.restore()
            paint_document(painter, warn, QPointF(rect.left(), y + s.mm(2)))

        return Block("write-in", height, paint)

    # footer ------------------------------------------------------------------------------------------
    def footer_pt(self) -> float:
        """Footer text size: below body, never below 8.5 pt."""
        return max(8.5, self.style.body_pt * 0.75)

    def footer_height(self) -> float:
        """Room kept free above the bottom margin for the footer."""
        return self.style.pt(self.footer_pt() * 1.4) + self.style.mm(3)

    def footer(self, painter: QPainter, page: QRectF, number: int, total: int) -> None:
        """The footer line: guide, version, valid-as-of date, hotline, page number."""
        s, g = self.style, self.guide
        margin = s.mm(self.fmt.margin_mm)
        text_h = s.pt(self.footer_pt() * 1.4)
        line = QRectF(page.left() + margin, page.bottom() - margin - text_h, page.width() - 2 * margin, text_h)
        painter.save()
        painter.setPen(QPen(s.color("rule"), s.mm(0.25)))
        painter.drawLine(QPointF(line.left(), line.top() - s.mm(1)), QPointF(line.right(), line.top() - s.mm(1)))
        painter.setFont(s.font(self.footer_pt()))
        painter.setPen(s.color("muted"))
        right = _say(g, "page", n=number, total=total) if total > 1 else ""
        hotline = " · " + word(g, "hotline", hotline=self.theme.hotline) if self.theme.hotline else ""
        metrics = painter.fontMetrics()
        room = line.width() - metrics.horizontalAdvance(right) - s.mm(4)
        # Version and date always show. The title is shortened to what fits, or left out (it heads page 1),
        # and on a narrow page in large print the hotline too (the way-back box carries it).
        left = ""
        for suffix in (
            _say(g, "footer", title="", version=g.version, date=_date(g)) + hotline,
            _say(g, "footer", title="", version=g.version, date=_date(g)),
        ):
            title_room = room - metrics.horizontalAdvance(suffix)
            title = metrics.elidedText(g.title, Qt.TextElideMode.ElideRight, int(title_room)) if title_room > s.mm(25) else ""
            left = (title + suffix) if title else suffix.removeprefix(" · ")
            if metrics.horizontalAdvance(left) <= room:
                break
        centre = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | centre, left)
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | centre, right)
        painter.restore()


def url_lines(url: str, font: QFont, width: float) -> str:
    """`url` broken into lines that fit `width`, after '/', '.', '?', '&' or '=' and never after a '-'.

    A line ending in '-' reads as a hyphenated word: people would drop the hyphen when typing the
    address, and so does pdftotext. Lines are joined with U+2028 (a line break inside one paragraph).
    """
    metrics = QFontMetricsF(font)
    lines: list[str] = []
    rest = url
    while rest and metrics.horizontalAdvance(rest) > width:
        fits = 1
        while fits < len(rest) and metrics.horizontalAdvance(rest[: fits + 1]) <= width:
            fits += 1
        cut = max((i + 1 for i in range(fits) if rest[i] in "/.?&=_"), default=0)
        if cut <= fits // 3:  # no good break point in the line: break where it is full
            cut = fits
        while cut > 1 and rest[cut - 1] == "-":  # never end a line on a hyphen
            cut -= 1
        lines.append(rest[:cut])
        rest = rest[cut:]
    lines.append(rest)
    return "\u2028".join(line for line in lines if line)


def _markdown_escape(text: str) -> str:
    return re.sub(r"([\\*_`\[\]<>#])", r"\\\1", text)


def _term_line(guide: Guide, use: TermUse) -> str:
    """One list item of the 'Từ cần biết' box: the term in bold, where it is first used, its explanation."""
    where = f" ({word(guide, 'step', n=use.step + 1).lower()})" if use.step is not None else ""
    term = use.term.term[:1].upper() + use.term.term[1:]
    return f"- **{_markdown_escape(term)}**{where}: {_markdown_escape(use.term.explanation)}"


def _box(painter: QPainter, rect: QRectF, fill: QColor, border: QColor, line: float) -> None:
    painter.save()
    painter.setPen(QPen(border, line))
    painter.setBrush(fill)
    half = line / 2
    painter.drawRect(rect.adjusted(half, half, -half, -half))
    painter.restore()


# -- step pictures ------------------------------------------------------------------------------------
class PictureError(ValueError):
    """A step image that cannot be printed; str() is one line naming the guide file and the image."""

    def __init__(self, message: str, image: str):
        super().__init__(message)
        self.image = image


@dataclass
class Picture:
    """A step's image, checked once; rendered per printed size with its frame and marks."""

    guide: Guide
    step: Step
    theme: Theme
    width: int
    height: int

    def render(self, size: QSizeF, style: PrintStyle) -> QImage:
        """The picture at PRINT_IMAGE_DPI for a printed `size` in device pixels: small PDFs, sharp paper.

        A device coarser than that (the editor's live preview) gets the picture at its own resolution:
        rendering more pixels than it can show only to scale them down again cost most of the preview.
        """
        scale = min(1.0, PRINT_IMAGE_DPI / style.dpi)
        target = QSizeF(size.width() * scale, size.height() * scale).toSize()
        image = QImage(target, QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        # Painting into a raster image at print resolution makes paint_step_image downsample the screenshot.
        paint_step_image(painter, QRectF(0, 0, target.width(), target.height()), self.guide, self.step, self.theme)
        painter.end()
        if style.grayscale:
            image = image.convertToFormat(QImage.Format.Format_Grayscale8)
        return image


def pictures(guide: Guide, theme: Theme) -> dict[int, Picture]:
    """Every step image, opened and checked up front so a bad one fails before anything is painted."""
    found: dict[int, Picture] = {}
    for index, step in enumerate(guide.steps):
        if not step.image:
            continue
        try:
            width, height = image_size(guide, step)  # opens and decodes the pixels: a truncated file fails here
        except StepImageError as exc:
            raise PictureError(str(exc), step.image) from None
        except (OSError, ValueError) as exc:
            raise PictureError(f"{guide.path}:{step.line}: image '{step.image}': {exc}", step.image) from None
        found[index] = Picture(guide, step, theme, width, height)
    return found


# -- plans and painting -----------------------------------------------------------------------------
@dataclass
class PagePlan:
    """A guide laid out on pages of one format: what the painter draws, page by page."""

    builder: _Builder
    pages: list[list[Placement]]
    booklet: bool = False

    @property
    def fmt(self) -> PageFormat:
        """The page format the guide was laid out on."""
        return self.builder.fmt

    def page_rect(self) -> QRectF:
        """One page in device pixels."""
        s = self.builder.style
        return QRectF(0, 0, s.mm(self.fmt.width_mm), s.mm(self.fmt.height_mm))


def _frame(builder: _Builder, columns: int) -> Frame:
    s, fmt = builder.style, builder.fmt
    margin = s.mm(fmt.margin_mm)
    width = s.mm(fmt.width_mm) - 2 * margin
    bottom = s.mm(fmt.height_mm) - margin - builder.footer_height()
    return Frame(margin, margin, width, bottom, columns, gutter=s.mm(7), gap=s.mm(4))


def _describe(guide: Guide) -> Callable[[Block], str]:
    def describe(block: Block) -> str:
        if block.step_index is not None:
            step = guide.steps[block.step_index]
            return f"step {block.step_index + 1} '{step.title}' is too tall for one page; shorten its text or callouts, or use a landscape image"
        return f"the {block.kind} part is too tall for one page"

    return describe


def plan_handout(guide: Guide, theme: Theme, fmt: PageFormat, dpi: float, booklet: bool = False) -> PagePlan:
    """Lay a guide out on pages of `fmt`: title and prerequisites, steps in columns, the way-back-online box."""
    builder = _Builder(guide, theme, fmt, dpi)
    columns = 1 if builder.style.large else fmt.columns
    frame = _frame(builder, columns)
    blocks = [builder.title_block(frame.width)]
    prerequisites = builder.prerequisites_block(frame.width)
    if prerequisites is not None:
        blocks.append(prerequisites)
    # In columns the box heads the first column, so it packs with the steps instead of pushing them a page on.
    # No box taller than half a page (or column), so it never pushes a whole page of steps on.
    width = frame.column_width if columns > 1 else frame.width
    blocks += builder.terms_blocks(width, (frame.bottom - frame.top) / 2, full_width=columns == 1)
    blocks += [builder.step_block(i, frame.column_width) for i in range(len(guide.steps))]
    if columns > 1:  # in columns the box fills what is left of the last column instead of opening a page
        blocks.append(builder.end_block(frame.column_width, booklet, full_width=False))
    else:
        blocks.append(builder.end_block(frame.width, booklet))
    return PagePlan(builder, flow(blocks, frame, _describe(guide)), booklet)


def plan_practice_card(guide: Guide, theme: Theme, dpi: float) -> PagePlan:
    """An A5 'try it yourself' card: the steps as a checklist, room to write, the way back online.

    One page when it fits (first a point smaller, never below the minimum, then without the notes
    line); otherwise front and back of the card, which large print needs for long guides.
    """
    floor = LARGE_BODY_PT if theme.font_scale > 1.0 else BODY_PT
    plan = None
    for body_pt, notes in ((floor + 1, True), (floor, True), (floor, False)):
        builder = _Builder(guide, theme, A5, dpi, body_pt)
        frame = _frame(builder, 1)
        frame.gap = builder.style.mm(2.5)
        blocks = [builder.card_header(frame.width), builder.checklist(frame.width), builder.write_in(frame.width, notes)]
        blocks.append(builder.end_block(frame.width, booklet=False, compact=True))
        plan = PagePlan(builder, flow(blocks, frame, _describe(guide)))
        if len(plan.pages) == 1:
            return plan
    assert plan is not None
    if len(plan.pages) > 2:
        raise PageFlowError(
            f"the practice card cannot fit {len(guide.steps)} steps on the two sides of an A5 card; shorten the step titles"
        )
    return plan


def paint_page(painter: QPainter, plan: PagePlan, index: int, origin: QPointF | None = None) -> None:
    """Paint page `index` of a plan with its top-left corner at `origin` (device pixels)."""
    painter.save()
    if origin is not None:
        painter.translate(origin)
    page = plan.page_rect()
    painter.setClipRect(page)
    for placement in plan.pages[index]:
        placement.block.paint(painter, placement.rect)
    plan.builder.footer(painter, page, index + 1, len(plan.pages))
    painter.restore()


def _device_layout(size: QPageSize.PageSizeId, orientation: QPageLayout.Orientation) -> QPageLayout:
    return QPageLayout(QPageSize(size), orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def paint_handout(device: QPagedPaintDevice, guide: Guide, theme: Theme, preset: str = "a4") -> int:
    """Paint a handout preset onto a QPdfWriter or QPrinter; return how many device pages were painted.

    The whole layout (and every image) is prepared before the first stroke, so a guide that cannot
    be printed raises PageFlowError or PictureError with nothing painted.
    """
    if preset not in PRESETS:
        raise ValueError(f"unknown handout preset '{preset}'; presets: {', '.join(PRESETS)}")
    # The booklet's A5 pages go two to a landscape A4 sheet; the others print on their own page size.
    sheet_size, orientation = {
        "a4": (A4.page_size, QPageLayout.Orientation.Portrait),
        "a5-booklet": (A4.page_size, QPageLayout.Orientation.Landscape),
        "practice-card": (A5.page_size, QPageLayout.Orientation.Portrait),
    }[preset]
    device.setPageLayout(_device_layout(sheet_size, orientation))
    dpi = float(device.logicalDpiY())
    if preset == "a4":
        plan = plan_handout(guide, theme, A4, dpi)
    elif preset == "a5-booklet":
        plan = plan_handout(guide, theme, A5, dpi, booklet=True)
    else:
        plan = plan_practice_card(guide, theme, dpi)
    layout = device.pageLayout()
    # A printer may keep unprintable margins: the painter's origin is then the printable area's corner.
    paint_origin = layout.paintRectPixels(round(dpi)).topLeft()
    shift = QPointF(-paint_origin.x(), -paint_origin.y())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for painting")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if preset != "a5-booklet":
            for index in range(len(plan.pages)):
                if index:
                    device.newPage()
                paint_page(painter, plan, index, shift)
            return len(plan.pages)
        sides = booklet_sides(len(plan.pages))
        sheet = layout.fullRectPixels(round(dpi))
        half = sheet.width() / 2
        inset = (half - plan.page_rect().width()) / 2  # A5 is 148 mm, half of A4 landscape 148.5 mm
        for number, side in enumerate(sides):
            if number:
                device.newPage()
            for slot, x in ((side.left, inset), (side.right, half + inset)):
                if slot is not None:
                    paint_page(painter, plan, slot - 1, shift + QPointF(x, 0))
        return len(sides)
    finally:
        painter.end()
