"""Full-frame scenes (title, one per step, practice pause, end) painted at any size and aspect ratio.

Clips paint them into video frames (1080x1920, 720x1280, 480x854 portrait; 1280x720 landscape),
the presenter into 16:9 slides. Portrait puts the image above the caption, landscape puts the
image left and the text right; every size scales with the frame so a scene reads the same at
480 px and at 1080 px.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from trainer.model import Guide
from trainer.render.fonts import font
from trainer.render.image import framed_size, image_size, is_phone, paint_step_image
from trainer.render.labels import date_text, word
from trainer.render.pieces import footer_text, paint_logo, step_text
from trainer.render.qr import paint_qr
from trainer.render.text import layout_text, paint_document
from trainer.render.theme import Theme

KINDS = ("title", "step", "practice", "end")
# Smallest share of a step scene's body left to the image; less and the screenshot is unreadable.
MIN_IMAGE_SHARE = 0.25
# Width shares tried, widest first, for a phone shot placed beside the text in portrait frames (long text).
PORTRAIT_PHONE_COLUMNS = (0.36, 0.31, 0.27, 0.23)
# Width shares tried, widest first, for the image left of the text in landscape frames.
LANDSCAPE_IMAGE_COLUMNS = (0.38, 0.32, 0.27)


@dataclass(frozen=True)
class Scene:
    """One full frame: kind is title|step|practice|end; step_index is 0-based for step/practice."""

    kind: str
    step_index: int = -1


def scenes(guide: Guide, include_practice: bool = False) -> list[Scene]:
    """Title, one scene per step (plus a practice pause after practice steps if asked), end."""
    return [Scene(kind) if index is None else Scene(kind, index) for kind, index in guide.sequence(include_practice)]


def scene_scale(rect: QRectF) -> float:
    """Theme sizes x this = sizes for a frame of rect's size (1.2 at 1080x1920, 1.05 at 1920x1080)."""
    if rect.width() >= rect.height():
        return min(rect.width() / 1920, rect.height() / 1080) * 1.05
    return min(rect.width() / 1080, rect.height() / 1920) * 1.2


@dataclass
class _Frame:
    """Header band, body and footer of a step or practice scene."""

    header: float
    body: QRectF
    footer_top: float


def _chrome(
    painter: QPainter | None, rect: QRectF, guide: Guide, theme: Theme, scale: float, counter: str, page: str = ""
) -> _Frame:
    """Header band (guide title + step counter) and footer (department, hotline); painted when painter is given."""
    pad = 40 * scale
    caption = font(theme, "small", scale)
    counter_doc = layout_text(counter, font(theme, "strong", scale * 0.85), theme.color("on_primary"), rect.width(), plain=True)
    counter_w = counter_doc.idealWidth()
    title_doc = layout_text(guide.title, caption, theme.color("on_primary"), rect.width() - 3 * pad - counter_w, plain=True)
    band = max(title_doc.size().height(), counter_doc.size().height()) + pad * 0.9
    page_doc = layout_text(page, font(theme, "strong", scale * 0.8), theme.color("text"), rect.width(), plain=True)
    page_w = page_doc.idealWidth() + pad if page else 0.0
    foot_doc = layout_text(
        footer_text(guide, theme),
        font(theme, "small", scale),
        theme.color("muted"),
        rect.width() - 2 * pad - page_w,
        plain=True,
        align=Qt.AlignmentFlag.AlignLeft if page else Qt.AlignmentFlag.AlignHCenter,
    )
    foot = max(foot_doc.size().height(), page_doc.size().height() if page else 0.0) + pad * 0.7
    if painter is not None:
        painter.fillRect(QRectF(rect.left(), rect.top(), rect.width(), band), QColor(theme.color("primary")))
        paint_document(painter, title_doc, QPointF(rect.left() + pad, rect.top() + (band - title_doc.size().height()) / 2))
        paint_document(
            painter, counter_doc, QPointF(rect.right() - pad - counter_w, rect.top() + (band - counter_doc.size().height()) / 2)
        )
        painter.fillRect(QRectF(rect.left(), rect.bottom() - foot, rect.width(), 1.5 * scale), QColor(theme.color("rule")))
        paint_document(painter, foot_doc, QPointF(rect.left() + pad, rect.bottom() - foot + pad * 0.35))
        if page:
            paint_document(
                painter, page_doc, QPointF(rect.right() - pad - page_doc.idealWidth(), rect.bottom() - foot + pad * 0.35)
            )
    body = QRectF(rect.left() + pad, rect.top() + band + pad, rect.width() - 2 * pad, rect.height() - band - foot - 2 * pad)
    return _Frame(band, body, rect.bottom() - foot)


def _notes_panel(painter: QPainter | None, guide: Guide, theme: Theme, body: QRectF, scale: float, notes: str) -> QRectF:
    """Presenter notes in a panel at the bottom of body; returns what is left of body above it."""
    if not notes.strip():
        return body
    pad = 24 * scale
    label = layout_text(
        word(guide, "notes"), font(theme, "strong", scale * 0.7), theme.color("muted"), body.width() - 2 * pad, plain=True
    )
    doc = layout_text(notes, font(theme, "caption", scale * 0.9), theme.color("text"), body.width() - 2 * pad)
    height = label.size().height() + doc.size().height() + 2.5 * pad
    panel = QRectF(body.left(), body.bottom() - height, body.width(), height)
    if painter is not None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QColor(theme.color("rule")))
        painter.setBrush(QColor(theme.color("surface")))
        painter.drawRoundedRect(panel, pad * 0.5, pad * 0.5)
        painter.restore()
        paint_document(painter, label, QPointF(panel.left() + pad, panel.top() + pad))
        paint_document(painter, doc, QPointF(panel.left() + pad, panel.top() + pad * 1.5 + label.size().height()))
    return QRectF(body.left(), body.top(), body.width(), body.height() - height - pad)


def layout_step(
    painter: QPainter | None,
    rect: QRectF,
    guide: Guide,
    theme: Theme,
    index: int,
    notes: bool = False,
    scale: float | None = None,
    page: str = "",
) -> float:
    """Lay out (and paint when painter is given) a step frame; return the text's overflow in px (<= 0 fits)."""
    scale = scale or scene_scale(rect)
    step = guide.steps[index]
    counter = word(guide, "step_of", n=index + 1, total=len(guide.steps))
    frame = _chrome(painter, rect, guide, theme, scale, counter, page)
    body = _notes_panel(painter, guide, theme, frame.body, scale, step.notes) if notes else frame.body
    gap = 40 * scale
    landscape = rect.width() >= rect.height()
    has_image = bool(step.image) and guide.folder is not None
    if landscape and has_image:
        # The widest image column that leaves the text room (long steps get a narrower screenshot).
        for share in LANDSCAPE_IMAGE_COLUMNS:
            image_w = body.width() * share
            column = QRectF(body.left() + image_w + gap * 1.5, body.top(), body.width() - image_w - gap * 1.5, body.height())
            text = step_text(guide, index, theme, column.width(), scale)
            overflow = text.height - column.height()
            if overflow <= 0 and not text.too_wide():
                break
        if painter is not None:
            paint_step_image(painter, QRectF(body.left(), body.top(), image_w, body.height()), guide, step, theme)
            top = column.top() + max(0.0, (column.height() - text.height) / 2)
            text.paint(painter, QPointF(column.left(), top), theme)
        return overflow if not text.too_wide() else max(overflow, 1.0)
    text = step_text(guide, index, theme, body.width(), scale)
    if not has_image:
        if painter is not None:
            text.paint(painter, QPointF(body.left(), body.top() + max(0.0, (body.height() - text.height) / 2)), theme)
        overflow = text.height - body.height()
        return overflow if not text.too_wide() else max(overflow, 1.0)
    width, height = image_size(guide, step)
    min_image = body.height() * MIN_IMAGE_SHARE
    # Stacked: the image above the whole caption.
    stacked_h = max(min_image, body.height() - text.height - gap)
    stacked = framed_size(step, width, height, body.width(), stacked_h)
    stacked_overflow = text.height + gap + min_image - body.height()
    # Side by side (phone shots only): title across, text left of the phone, callouts under both.
    side = None
    side_overflow = math.inf
    if is_phone(step, width, height):
        middle = body.height() - text.title_height - gap - text.callouts_height
        # The widest phone column that leaves the text room; a narrower phone beats text that does not fit.
        for share in PORTRAIT_PHONE_COLUMNS:
            column = body.width() * share
            narrow = step_text(guide, index, theme, body.width() - column - gap, scale)
            overflow_here = max(narrow.body_height, min_image) - middle
            if narrow.too_wide():
                overflow_here = max(overflow_here, 1.0)
            if overflow_here < side_overflow:
                side = (column, narrow, framed_size(step, width, height, column, max(min_image, middle)))
                side_overflow = overflow_here
            if side_overflow <= 0:
                break
    use_side = side is not None and side_overflow <= 0 and (stacked_overflow > 0 or side[2][1] > stacked[1] * 1.15)
    overflow = min(stacked_overflow, side_overflow)
    if painter is not None:
        if use_side and side is not None:
            column, narrow, (shown_w, shown_h) = side
            middle_h = max(narrow.body_height, shown_h)
            total = text.title_height + gap + middle_h + text.callouts_height
            top = body.top() + max(0.0, (body.height() - total) / 2)
            text.paint_title(painter, QPointF(body.left(), top), theme)
            y = top + text.title_height + gap
            if narrow.body is not None:
                paint_document(painter, narrow.body, QPointF(body.left(), y))
            image_rect = QRectF(body.right() - column + (column - shown_w) / 2, y, shown_w, shown_h)
            paint_step_image(painter, image_rect, guide, step, theme)
            text.paint_callouts(painter, QPointF(body.left(), y + middle_h), theme)
        else:
            shown_h = stacked[1]
            # Image and caption stay together, centred: a wide screenshot leaves no hole above the text.
            top = body.top() + max(0.0, (body.height() - shown_h - gap - text.height) / 2)
            paint_step_image(painter, QRectF(body.left(), top, body.width(), shown_h), guide, step, theme)
            text.paint(painter, QPointF(body.left(), top + shown_h + gap), theme)
    return overflow if not text.too_wide() else max(overflow, 1.0)


def layout_title(
    painter: QPainter | None,
    rect: QRectF,
    guide: Guide,
    theme: Theme,
    scale: float | None = None,
    prerequisites: bool = False,
    page: str = "",
) -> float:
    """Lay out (and paint) the cover: department, title, summary, facts, valid-as-of; return the overflow."""
    scale = scale or scene_scale(rect)
    pad = 64 * scale
    width = rect.width() - 2 * pad
    dept = layout_text(theme.department, font(theme, "strong", scale * 0.85), theme.color("on_primary"), width, plain=True)
    # A cover card has room to be louder than a title frame: it is the thumbnail people tap.
    loud = 1.2 if prerequisites and theme.font_scale < 1.2 else 1.0
    title = layout_text(guide.title, font(theme, "title", scale * loud), theme.color("on_primary"), width, plain=True)
    logo_h = theme.size("title") * scale * 1.2 if theme.logo else 0.0
    band = pad * 2 + logo_h + (pad * 0.4 if logo_h else 0) + dept.size().height() + pad * 0.5 + title.size().height()
    summary = layout_text(guide.summary, font(theme, "body", scale * 1.1 * loud), theme.color("text"), width)
    facts = []
    if guide.estimated_minutes:
        facts.append(word(guide, "minutes", n=guide.estimated_minutes))
    facts.append(word(guide, "steps", n=len(guide.steps)))
    info = layout_text("  ·  ".join(facts), font(theme, "strong", scale * 0.9), theme.color("text"), width, plain=True)
    valid = layout_text(
        word(guide, "valid_as_of", date=date_text(guide, guide.valid_as_of)),
        font(theme, "caption", scale),
        theme.color("muted"),
        width,
        plain=True,
    )
    below = summary.size().height() + pad * 0.6 + info.size().height() + pad * 0.3 + valid.size().height()
    needs = None
    if prerequisites and guide.prerequisites:
        items = "\n".join(f"- {item}" for item in guide.prerequisites)
        needs = (
            layout_text(word(guide, "prerequisites"), font(theme, "strong", scale), theme.color("text"), width - pad, plain=True),
            layout_text(items, font(theme, "body", scale), theme.color("text"), width - pad),
        )
        needs_h = needs[0].size().height() + pad * 0.2 + needs[1].size().height() + pad
        below += pad * 0.6 + needs_h
    page_doc = layout_text(page, font(theme, "strong", scale * 0.8), theme.color("text"), width, plain=True) if page else None
    if page_doc is not None:
        below += pad * 0.5 + page_doc.size().height()
    if needs is not None and band + pad + below + pad > rect.height():
        # What to have ready is a bonus on the cover (the strip and handout always list it): left out when it cannot fit.
        below -= pad * 0.6 + needs_h
        needs = None
    # A cover with room left lists the steps (as many as fit, at least one with "and N more"), so the
    # card people tap first is not half empty; large print on a long guide often has room for only a few.
    contents = None
    contents_h = 0.0
    if prerequisites and guide.steps:
        heading = layout_text(word(guide, "contents"), font(theme, "strong", scale), theme.color("text"), width - pad, plain=True)
        total = len(guide.steps)
        for shown in range(total, 0, -1):
            lines = [f"{n}. {step.title}" for n, step in enumerate(guide.steps[:shown], start=1)]
            if shown < total:
                lines.append(word(guide, "more_steps", n=total - shown))
            items = layout_text("\n".join(lines), font(theme, "caption", scale), theme.color("text"), width - pad, plain=True)
            height = heading.size().height() + pad * 0.2 + items.size().height() + pad
            if band + pad + below + pad * 0.6 + height + pad <= rect.height():
                contents, contents_h = (heading, items), height
                below += pad * 0.6 + height
                break
    overflow = band + pad + below + pad - rect.height()
    # What is left does not pool as blank space at the bottom: a third widens the coloured band (the
    # title sits in its middle), the rest is spread evenly above, between and below the blocks under it
    # (summary, facts + date, what to have ready, the steps).
    blocks = 2 + (needs is not None) + (contents is not None)
    band_extra = spare = 0.0
    lead = max(0.0, (rect.height() - band - 2 * pad - below) * 0.12)  # landscape title frames and slides: as before
    # A cover card, and a tall (phone) title frame, which otherwise left its lower half blank in a clip.
    if prerequisites or rect.height() > 1.2 * rect.width():
        band_extra = max(0.0, -overflow) / 3
        spare = lead = (max(0.0, -overflow) - band_extra) / (blocks + 1)
        band += band_extra
    if painter is not None:
        painter.fillRect(rect, QColor(theme.color("background")))
        painter.fillRect(QRectF(rect.left(), rect.top(), rect.width(), band), QColor(theme.color("primary")))
        y = rect.top() + pad + round(band_extra / 2)
        if logo_h:
            paint_logo(painter, QRectF(rect.left() + pad, y, width, logo_h), theme)
            y += logo_h + pad * 0.4
        paint_document(painter, dept, QPointF(rect.left() + pad, y))
        y += dept.size().height() + pad * 0.5
        paint_document(painter, title, QPointF(rect.left() + pad, y))
        y = rect.top() + band + pad + lead
        paint_document(painter, summary, QPointF(rect.left() + pad, y))
        y += summary.size().height() + pad * 0.6 + spare
        paint_document(painter, info, QPointF(rect.left() + pad, y))
        y += info.size().height() + pad * 0.3
        paint_document(painter, valid, QPointF(rect.left() + pad, y))
        y += valid.size().height()
        if needs is not None:
            y += pad * 0.6 + spare
            box = QRectF(rect.left() + pad, y, width, needs_h)
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.color("surface")))
            painter.drawRoundedRect(box, pad * 0.3, pad * 0.3)
            painter.restore()
            paint_document(painter, needs[0], QPointF(box.left() + pad * 0.5, y + pad * 0.5))
            paint_document(painter, needs[1], QPointF(box.left() + pad * 0.5, y + pad * 0.7 + needs[0].size().height()))
            y += needs_h
        if contents is not None:
            y += pad * 0.6 + spare
            painter.save()
            painter.setPen(QPen(QColor(theme.color("rule")), max(1.0, 3 * scale)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect.left() + pad, y, width, contents_h), pad * 0.3, pad * 0.3)
            painter.restore()
            paint_document(painter, contents[0], QPointF(rect.left() + pad * 1.5, y + pad * 0.5))
            paint_document(painter, contents[1], QPointF(rect.left() + pad * 1.5, y + pad * 0.7 + contents[0].size().height()))
        if page_doc is not None:
            paint_document(
                painter,
                page_doc,
                QPointF(rect.right() - pad - page_doc.idealWidth(), rect.bottom() - pad - page_doc.size().height()),
            )
    too_wide = any(d.idealWidth() > d.textWidth() + 0.5 for d in (title, summary) + (needs or ()))
    return max(overflow, 1.0) if too_wide else overflow


def layout_end(
    painter: QPainter | None, rect: QRectF, guide: Guide, theme: Theme, scale: float | None = None, page: str = ""
) -> float:
    """Lay out (and paint) the closing frame: hotline, official link and a QR code to it; return the overflow."""
    scale = scale or scene_scale(rect)
    heading = word(guide, "help")
    pad = 56 * scale
    landscape = rect.width() >= rect.height()
    url = guide.official_url
    qr_side = (
        (min(rect.width() * 0.4, rect.height() * 0.62) if landscape else min(rect.width() * 0.4, rect.height() * 0.26))
        if url
        else 0.0
    )
    column_w = (rect.width() - 3 * pad - qr_side) if landscape and url else rect.width() - 2 * pad
    docs = [
        layout_text(heading, font(theme, "title", scale), theme.color("text"), column_w, plain=True),
    ]
    if theme.hotline:
        docs.append(
            layout_text(
                word(guide, "hotline", hotline=theme.hotline),
                font(theme, "title", scale * 0.9),
                theme.color("accent"),
                column_w,
                plain=True,
            )
        )
    if url:
        link = guide.links[0]
        docs.append(
            layout_text(
                f"{link.title or word(guide, 'official')}:",
                font(theme, "strong", scale),
                theme.color("text"),
                column_w,
                plain=True,
            )
        )
        docs.append(layout_text(url, font(theme, "body", scale), theme.color("text"), column_w, plain=True))
    if theme.department:
        docs.append(layout_text(theme.department, font(theme, "caption", scale), theme.color("muted"), column_w, plain=True))
    gap = pad * 0.35
    text_h = sum(d.size().height() for d in docs) + gap * (len(docs) - 1)
    scan = (
        layout_text(
            word(guide, "scan"),
            font(theme, "caption", scale),
            theme.color("muted"),
            max(qr_side, column_w if not landscape else qr_side),
            plain=True,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
        if url
        else None
    )
    qr_block = qr_side + (gap + scan.size().height() if scan else 0.0)
    needed = (max(text_h, qr_block) if landscape else text_h + (pad + qr_block if url else 0.0)) + 2 * pad
    if painter is not None:
        painter.fillRect(rect, QColor(theme.color("background")))
        painter.fillRect(QRectF(rect.left(), rect.top(), rect.width(), pad * 0.35), QColor(theme.color("primary")))
        if landscape:
            y = rect.top() + max(pad, (rect.height() - text_h) / 2)
        else:
            y = rect.top() + max(pad, (rect.height() - needed) / 2 + pad)
        for doc in docs:
            paint_document(painter, doc, QPointF(rect.left() + pad, y))
            y += doc.size().height() + gap
        if url and scan is not None:
            if landscape:
                qx, qy = rect.right() - pad - qr_side, rect.top() + max(pad, (rect.height() - qr_block) / 2)
            else:
                qx, qy = rect.left() + (rect.width() - qr_side) / 2, y + pad - gap
            paint_qr(painter, QRectF(qx, qy, qr_side, qr_side), url)
            sx = qx + (qr_side - scan.textWidth()) / 2
            paint_document(painter, scan, QPointF(sx, qy + qr_side + gap))
    if page:
        page_doc = layout_text(page, font(theme, "strong", scale * 0.8), theme.color("text"), rect.width(), plain=True)
        needed += page_doc.size().height() + pad * 0.3
        if painter is not None:
            where = QPointF(rect.right() - pad - page_doc.idealWidth(), rect.bottom() - pad * 0.6 - page_doc.size().height())
            paint_document(painter, page_doc, where)
    too_wide = any(d.idealWidth() > d.textWidth() + 0.5 for d in docs)
    overflow = needed - rect.height()
    return max(overflow, 1.0) if too_wide else overflow


def _practice_scene(painter: QPainter | None, rect: QRectF, guide: Guide, theme: Theme, index: int) -> float:
    scale = scene_scale(rect)
    frame = _chrome(painter, rect, guide, theme, scale, word(guide, "step_of", n=index + 1, total=len(guide.steps)))
    body = frame.body
    docs = [
        layout_text(
            word(guide, "practice"),
            font(theme, "title", scale * 1.3),
            theme.color("accent"),
            body.width(),
            plain=True,
            align=Qt.AlignmentFlag.AlignHCenter,
        ),
        layout_text(
            f"{word(guide, 'step', n=index + 1)}: {guide.steps[index].title}",
            font(theme, "heading", scale),
            theme.color("text"),
            body.width(),
            plain=True,
            align=Qt.AlignmentFlag.AlignHCenter,
        ),
        layout_text(
            word(guide, "practice_text"),
            font(theme, "body", scale * 1.1),
            theme.color("text"),
            body.width(),
            plain=True,
            align=Qt.AlignmentFlag.AlignHCenter,
        ),
    ]
    gap = 40 * scale
    height = sum(d.size().height() for d in docs) + gap * (len(docs) - 1)
    if painter is not None:
        y = body.top() + max(0.0, (body.height() - height) / 2)
        for doc in docs:
            paint_document(painter, doc, QPointF(body.left(), y))
            y += doc.size().height() + gap
    return height - body.height()


def layout_scene(painter: QPainter | None, rect: QRectF, guide: Guide, theme: Theme, scene: Scene, notes: bool = False) -> float:
    """Lay out one scene in rect (painting it when painter is given); return the overflow in px (<= 0 fits)."""
    if scene.kind == "title":
        return layout_title(painter, rect, guide, theme)
    if scene.kind == "end":
        return layout_end(painter, rect, guide, theme)
    if scene.kind not in ("step", "practice") or not 0 <= scene.step_index < len(guide.steps):
        raise ValueError(f"no such scene: {scene}")
    if painter is not None:
        painter.fillRect(rect, QColor(theme.color("background")))
    if scene.kind == "practice":
        return _practice_scene(painter, rect, guide, theme, scene.step_index)
    return layout_step(painter, rect, guide, theme, scene.step_index, notes)


def paint_scene(painter: QPainter, rect: QRectF, guide: Guide, theme: Theme, scene: Scene, *, notes: bool = False) -> None:
    """Paint one full-frame scene into rect at any size and aspect ratio (notes: presenter notes panel)."""
    painter.save()
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    layout_scene(painter, rect, guide, theme, scene, notes)
    painter.restore()


def scene_overflow(guide: Guide, theme: Theme, scene: Scene, size: QSize) -> float:
    """How many pixels the scene's text is too tall for a frame of `size` (<= 0 when it fits)."""
    return layout_scene(None, QRectF(0, 0, size.width(), size.height()), guide, theme, scene)


def render_scene(guide: Guide, theme: Theme, scene: Scene, size: QSize, *, notes: bool = False) -> QImage:
    """The scene as an RGB image of `size`."""
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor(theme.color("background")))
    painter = QPainter(image)
    paint_scene(painter, QRectF(0, 0, size.width(), size.height()), guide, theme, scene, notes=notes)
    painter.end()
    return image
