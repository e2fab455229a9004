"""Step images: checked and upright (Pillow), redactions burnt into the pixels, phone frame, annotations.

Blur/redact marks are applied to the pixels before anything else sees the image, so no output
(PNG, JPEG, PDF, video frame) can carry what was under them. The file on disk is never changed.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF

from trainer.model import Annotation, Guide, Step
from trainer.privacy.redact import blur_boxes, destroy_regions
from trainer.render.fonts import make_font
from trainer.render.theme import Theme
from trainer.store.guide_file import image_line
from trainer.store.media import MediaError, inspect_image, open_image, resolve_inside
from trainer.store.problems import Problem

# Taller than 1.6:1 is a phone screenshot (phones are 2:1 or more; photos and PC screens are wider).
PHONE_RATIO = 1.6
# Phone frame proportions, as fractions of the screen width.
SIDE_BEZEL = 0.045
END_BEZEL = 0.10
_MEDIA_CODES = {
    "outside": "image-outside",
    "missing": "image-missing",
    "unreadable": "image-unreadable",
    "too-large": "image-too-large",
}
_RASTER_DEVICES = (2, 3)  # QInternal::Pixmap, QInternal::Image


class StepImageError(Exception):
    """A step image that cannot be used; str() is one plain line naming guide file and line."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def step_image_path(guide: Guide, step: Step) -> Path:
    """The checked absolute path of the step's image; StepImageError when missing or outside the folder."""
    if guide.folder is None or not step.image:
        raise ValueError("step has no image or the guide has no folder")
    try:
        return resolve_inside(guide.folder, step.image)
    except MediaError as exc:
        raise StepImageError(
            Problem(guide.path or Path(guide.slug), image_line(guide, step), _MEDIA_CODES[exc.code], exc.params)
        ) from None


@lru_cache(maxsize=16)
def _open_cached(path: str, mtime_ns: int, size: int) -> Image.Image:
    # Keyed on mtime and size so an edited screenshot is read again. 16 holds a whole guide (at most 12
    # steps) so the editor's live preview never decodes again; imported images are at most 1600 px
    # (~7 MB decoded), so that is ~110 MB at worst.
    return open_image(Path(path))


@lru_cache(maxsize=256)
def _checked_size(path: str, mtime_ns: int, size: int) -> tuple[int, int]:
    # Header, size limit and chunk checks without decoding the pixels: layouts only need the upright size.
    width, height = inspect_image(Path(path))
    try:
        with Image.open(path) as img:
            orientation = img.getexif().get(0x0112, 1)
    except (OSError, ValueError, SyntaxError) as exc:
        raise MediaError("unreadable", value=Path(path).name, detail=str(exc) or type(exc).__name__) from None
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _media_error(guide: Guide, step: Step, exc: MediaError) -> StepImageError:
    return StepImageError(Problem(guide.path or Path(guide.slug), image_line(guide, step), _MEDIA_CODES[exc.code], exc.params))


def image_size(guide: Guide, step: Step) -> tuple[int, int]:
    """(width, height) of the step's image as shown (upright); StepImageError when it cannot be used."""
    path = step_image_path(guide, step)
    stat = path.stat()
    try:
        return _checked_size(str(path), stat.st_mtime_ns, stat.st_size)
    except MediaError as exc:
        raise _media_error(guide, step, exc) from None


def is_phone(step: Step, width: int, height: int) -> bool:
    """Whether the image is shown in a phone frame: forced by `frame:`, else decided by aspect ratio."""
    if step.frame == "phone":
        return True
    if step.frame == "none":
        return False
    return height >= width * PHONE_RATIO


def redact_regions(step: Step, width: int, height: int) -> list[tuple[int, int, int, int]]:
    """Pixel boxes (left, top, right, bottom) hidden by the step's blur marks, rounded outwards."""
    return blur_boxes(step.annotations, width, height)


def redaction_patch(width: int, height: int, color: str = "#8c96a3") -> QImage:
    """What a blur mark of width x height image pixels looks like in every output (for the editor's canvas)."""
    width, height = max(1, width), max(1, height)
    return _to_qimage(destroy_regions(Image.new("RGB", (width, height)), [(0, 0, width, height)], color))


def _to_qimage(img: Image.Image) -> QImage:
    if img.mode == "L":
        data = img.tobytes("raw", "L")
        # copy(): the QImage must own its pixels once `data` goes away.
        return QImage(data, img.width, img.height, img.width, QImage.Format.Format_Grayscale8).copy()
    rgb = img if img.mode == "RGB" else img.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    return QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()


@lru_cache(maxsize=64)
def _prepared(
    path: str, mtime_ns: int, size: int, boxes: tuple, redact: str, gray: bool, target: tuple[int, int] | None
) -> QImage:
    img = _open_cached(path, mtime_ns, size)
    if img.mode == "RGBA":
        flat = Image.new("RGB", img.size, "#ffffff")
        flat.paste(img, mask=img.getchannel("A"))
        img = flat
    if img.mode != "RGB":
        img = img.convert("RGB")
    if boxes:  # before any resampling, so no filter can carry a hidden pixel into the output
        img = destroy_regions(img, list(boxes), redact)
    if gray:
        img = img.convert("L")
    if target and (target[0] < img.width or target[1] < img.height):
        # LANCZOS after a box pre-reduction: sharp text in screenshots, and fast on big images.
        img = img.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    return _to_qimage(img)


def load_step_image(guide: Guide, step: Step, theme: Theme | None = None, size: tuple[int, int] | None = None) -> QImage:
    """The step's image, checked, upright, redactions destroyed, optionally downscaled to `size` (w, h)."""
    width, height = image_size(guide, step)
    path = step_image_path(guide, step)
    stat = path.stat()
    boxes = tuple(redact_regions(step, width, height))
    redact = theme.color("redact") if theme else "#8c96a3"
    gray = bool(theme and theme.grayscale)
    try:
        return _prepared(str(path), stat.st_mtime_ns, stat.st_size, boxes, redact, gray, size)
    except MediaError as exc:
        raise _media_error(guide, step, exc) from None


def framed_size(step: Step, width: int, height: int, box_w: float, box_h: float) -> tuple[float, float]:
    """Size the image (with its phone frame, if any) takes when fitted into box_w x box_h."""
    ratio = height / width
    if is_phone(step, width, height):
        screen = min(box_w / (1 + 2 * SIDE_BEZEL), box_h / (ratio + 2 * END_BEZEL))
        return screen * (1 + 2 * SIDE_BEZEL), screen * (ratio + 2 * END_BEZEL)
    scale = min(box_w / width, box_h / height)
    return width * scale, height * scale


def _device_scale(painter: QPainter) -> float:
    transform = painter.worldTransform()
    return math.hypot(transform.m11(), transform.m12()) or 1.0


def paint_step_image(painter: QPainter, rect: QRectF, guide: Guide, step: Step, theme: Theme) -> QRectF:
    """Paint the step image centred in rect (aspect kept, phone frame when a phone shot, marks on top).

    Returns the rectangle of the screen/image itself (without frame), where annotations sit.
    """
    width, height = image_size(guide, step)
    phone = is_phone(step, width, height)
    outer_w, outer_h = framed_size(step, width, height, rect.width(), rect.height())
    outer = QRectF(rect.center().x() - outer_w / 2, rect.center().y() - outer_h / 2, outer_w, outer_h)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    if phone:
        screen_w = outer_w / (1 + 2 * SIDE_BEZEL)
        screen = QRectF(
            outer.left() + screen_w * SIDE_BEZEL, outer.top() + screen_w * END_BEZEL, screen_w, screen_w * height / width
        )
        _paint_phone(painter, outer, screen, theme)
        radius = screen_w * 0.05
    else:
        screen = outer
        radius = min(outer_w, outer_h) * 0.02
    # Downscale with Pillow to the device pixels the image covers; never upscale (PDFs keep the original).
    device = painter.device()
    target = None
    if device is not None and device.devType() in _RASTER_DEVICES:
        scale = _device_scale(painter)
        tw, th = max(1, round(screen.width() * scale)), max(1, round(screen.height() * scale))
        if tw < width:
            target = (tw, th)
    image = load_step_image(guide, step, theme, target)
    clip = QPainterPath()
    clip.addRoundedRect(screen, radius, radius)
    painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
    painter.drawImage(screen, image, QRectF(0, 0, image.width(), image.height()))
    painter.setClipping(False)
    if not phone:
        painter.setPen(QPen(QColor(theme.color("rule")), max(1.0, min(outer_w, outer_h) * 0.004)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(screen, radius, radius)
    paint_annotations(painter, screen, step.annotations, theme)
    painter.restore()
    return screen


def _paint_phone(painter: QPainter, outer: QRectF, screen: QRectF, theme: Theme) -> None:
    width = outer.width()
    body = QColor(theme.color("frame"))
    radius = width * 0.12
    if theme.grayscale:
        # Low ink: the phone is an outline, not a black slab of toner.
        painter.setPen(QPen(body, max(1.5, width * 0.012)))
        painter.setBrush(QColor(theme.color("background")))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(body)
    painter.drawRoundedRect(outer, radius, radius)
    # Earpiece slot and home bar in the bezels: reads as "a phone" even at thumbnail size.
    detail = QColor(theme.color("rule")) if not theme.grayscale else body
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(detail)
    slot_w, slot_h = width * 0.2, width * 0.018
    top_gap = screen.top() - outer.top()
    painter.drawRoundedRect(
        QRectF(outer.center().x() - slot_w / 2, outer.top() + top_gap / 2 - slot_h / 2, slot_w, slot_h), slot_h / 2, slot_h / 2
    )
    bottom_gap = outer.bottom() - screen.bottom()
    bar_w = width * 0.3
    painter.drawRoundedRect(
        QRectF(outer.center().x() - bar_w / 2, screen.bottom() + bottom_gap / 2 - slot_h / 2, bar_w, slot_h),
        slot_h / 2,
        slot_h / 2,
    )


def mark_unit(width: float, height: float) -> float:
    """The length marks on an image of this size are scaled by (stroke, tap ring, badge, arrow head)."""
    return min(width, height * 0.6)


def point_mark_radius(kind: str, width: float, height: float, label: str = "") -> float:
    """Half the width of a tap ring or the radius of a numbered badge on an image of this size (what a click must hit)."""
    unit = mark_unit(width, height)
    if kind == "tap":
        return unit * TAP_RX
    return unit * 0.065 * (1 if len(label) < 2 else 1.2)


# The tap ring is an ellipse wider than it is tall, centred on the spot: a button label of one or two
# words (up to ~30 % of the screen's width) sits inside it, so the mark never covers what to press.
TAP_RX, TAP_RY = 0.19, 0.085


def paint_annotations(painter: QPainter, image_rect: QRectF, marks: list[Annotation], theme: Theme) -> None:
    """Paint badge/tap/box/arrow marks over an image drawn in image_rect (coordinates are fractions)."""
    unit = mark_unit(image_rect.width(), image_rect.height())
    mark = QColor(theme.color("mark"))
    halo = QColor(theme.color("background"))
    stroke = max(2.0, unit * 0.014)

    def at(x: float, y: float) -> QPointF:
        return QPointF(image_rect.left() + x * image_rect.width(), image_rect.top() + y * image_rect.height())

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    badge_number = 0
    for item in marks:
        if item.kind == "box":
            left, top, right, bottom = item.rect()
            box = QRectF(at(left, top), at(right, bottom))
            radius = unit * 0.02
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(halo, stroke * 2.2))
            painter.drawRoundedRect(box, radius, radius)
            painter.setPen(QPen(mark, stroke))
            painter.drawRoundedRect(box, radius, radius)
        elif item.kind == "arrow":
            _paint_arrow(painter, at(item.x, item.y), at(item.x2, item.y2), mark, halo, stroke, unit)
        elif item.kind == "tap":
            # A ring around the spot, with a fainter ripple outside it: the centre stays clear, so the
            # button label the finger should press is never covered.
            centre = at(item.x, item.y)
            rx, ry = unit * TAP_RX, unit * TAP_RY
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(halo, stroke * 2.2))
            painter.drawEllipse(centre, rx, ry)
            painter.setPen(QPen(mark, stroke))
            painter.drawEllipse(centre, rx, ry)
            ripple = QColor(mark)
            ripple.setAlpha(110)
            painter.setPen(QPen(ripple, stroke * 0.6))
            painter.drawEllipse(centre, rx + stroke * 2.2, ry + stroke * 2.2)
        elif item.kind == "badge":
            badge_number += 1
            label = item.label or str(badge_number)
            centre = at(item.x, item.y)
            radius = point_mark_radius("badge", image_rect.width(), image_rect.height(), label)
            painter.setPen(QPen(halo, stroke * 0.8))
            painter.setBrush(mark)
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QColor(theme.color("on_mark")))
            painter.setFont(make_font(radius * 1.15, QFont.Weight.Bold))
            painter.drawText(
                QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius), Qt.AlignmentFlag.AlignCenter, label
            )
    painter.restore()


def _paint_arrow(
    painter: QPainter, start: QPointF, end: QPointF, color: QColor, halo: QColor, stroke: float, unit: float
) -> None:
    line = QLineF(start, end)
    if line.length() < 1:
        return
    head = min(unit * 0.07, line.length() * 0.5)
    angle = math.atan2(end.y() - start.y(), end.x() - start.x())
    base = QPointF(end.x() - head * math.cos(angle), end.y() - head * math.sin(angle))
    wing = head * 0.6
    left = QPointF(base.x() + wing * math.sin(angle), base.y() - wing * math.cos(angle))
    right = QPointF(base.x() - wing * math.sin(angle), base.y() + wing * math.cos(angle))
    triangle = QPolygonF([end, left, right])
    shaft = QLineF(start, base)
    for pen_color, width in ((halo, stroke * 2.4), (color, stroke * 1.2)):
        pen = QPen(pen_color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(QBrush(pen_color))
        painter.drawLine(shaft)
        painter.drawPolygon(triangle)
