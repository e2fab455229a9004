"""Editable PowerPoint (16:9): title slide, one slide per step, closing slide with hotline, link and QR.

Everything a trainer may want to change is a real PowerPoint object: the titles are title
placeholders (so they show in PowerPoint's outline), step text and callouts are text boxes with
bold/italic runs, the step picture and the QR code are picture shapes. The step picture is painted by
the render layer with its annotations and with blur regions already destroyed, so the original
pixels under a blur never reach the file. Text uses a font that Windows has with full Vietnamese
coverage (Arial) because the laptop that opens the file will not have the app's bundled font.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer import links
from trainer.exporters.base import Exporter, ExportError, ExportOptions, Progress, report
from trainer.model import Callout, Guide, Step
from trainer.render.labels import date_text, word
from trainer.store.atomic import atomic_path
from trainer.store.glossary import guide_glossary
from trainer.store.problems import say
from trainer.terms import notes_with_terms, terms_used

if TYPE_CHECKING:
    from PySide6.QtGui import QFont

    from trainer.render.theme import Theme

# -- geometry, in points of a 16:9 slide 960 x 540 pt (13.333 x 7.5 in) -----------------------------
EMU_PER_PT = 12700
SLIDE_W, SLIDE_H = 960.0, 540.0
MARGIN = 30.0
GAP = 24.0
# The title sits on a band of the theme's primary colour, as in the presenter's scenes.
BAND_H = 124.0
TITLE_TOP, TITLE_H = 14.0, BAND_H - 28.0
BODY_TOP = BAND_H + 22.0
BODY_BOTTOM = SLIDE_H - 24.0
# Step picture: the left part of the body, as in the landscape scenes of the presenter.
IMAGE_FRACTION = 0.46
# Pictures are embedded at this resolution: sharp on a 1080p TV, small enough to e-mail.
PICTURE_DPI = 200

# Font sizes in points. The smallest text on any slide is MIN_PT = 24 pt = 4.4 % of the slide height:
# on a 40-inch 16:9 TV (49.8 cm tall picture) that is a 2.2 cm em, ~1.6 cm capitals, readable from
# 5 m (about 11 arc-minutes for a capital). Body text starts at 32 pt (5.9 %) and only shrinks
# towards 24 pt when a long step needs it.
MIN_PT = 24.0
BODY_PT = (32.0, 30.0, 28.0, 26.0, 24.0)
TITLE_PT = (40.0, 36.0, 32.0, 28.0)
COVER_TITLE_PT = (54.0, 48.0, 44.0, 40.0, 36.0)
LINE_SPACING = 1.1
# Callout text is at most this size: a warning box should not outgrow the step it belongs to.
CALLOUT_MAX_PT = 28.0
CALLOUT_PAD = 12.0
LIST_SPACING = 1.0
DEFAULT_FONT = "Arial"

# The only word the render layer's labels do not have (the rest come from trainer.render.labels,
# so a slide says exactly what the card, clip and presenter say).
VERSION = {"vi": "Phiên bản {version}", "en": "Version {version}"}


@dataclass
class PptxOptions(ExportOptions):
    """PPTX options: the theme, and whether to add the presenter's practice pauses as slides."""

    practice_slides: bool = False


# -- Markdown emphasis to runs ------------------------------------------------------------------------
@dataclass
class Run:
    """A piece of text with its emphasis (and a link target when it is a link)."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""
    colour: str = ""


@dataclass
class Paragraph:
    """A paragraph of runs; bullet is '' for plain text, '•' for a list item, 'N.' for a numbered one."""

    runs: list[Run]
    bullet: str = ""

    @property
    def text(self) -> str:
        """The plain text of the paragraph (without its bullet)."""
        return "".join(run.text for run in self.runs)

    def spacing(self) -> tuple[float, float]:
        """(line spacing, space after in em): list items sit closer together than paragraphs."""
        return (LIST_SPACING, 0.2) if self.bullet else (LINE_SPACING, 0.3)


_INLINE = re.compile(
    r"(?P<code>`[^`]+`)"
    r"|(?P<link>\[(?P<label>[^\]]+)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))+)\))"
    r"|(?P<bi>\*\*\*(?=\S)(?P<bi_t>.+?)(?<=\S)\*\*\*)"
    r"|(?P<b>(\*\*|__)(?=\S)(?P<b_t>.+?)(?<=\S)(\*\*|__))"
    r"|(?P<i>(?<![\w*])(\*|_)(?=\S)(?P<i_t>.+?)(?<=\S)(\*|_)(?![\w*]))"
)
_BULLET = re.compile(r"^\s*[-*+]\s+(?P<rest>.*)$")
_NUMBERED = re.compile(r"^\s*(?P<n>\d{1,3})[.)]\s+(?P<rest>.*)$")


def inline_runs(text: str, bold: bool = False, italic: bool = False) -> list[Run]:
    """Split Markdown inline text into runs: **bold**, *italic*, ***both***, `code`, [links](url)."""
    runs: list[Run] = []
    pos = 0
    for match in _INLINE.finditer(text):
        if match.start() > pos:
            runs.append(Run(text[pos : match.start()], bold, italic))
        if match.group("code"):
            runs.append(Run(match.group("code")[1:-1], bold, italic))
        elif match.group("link"):
            # Only what the link policy allows becomes a hyperlink; anything else stays plain text.
            target = links.safe(match.group("url")) or ""
            runs += [Run(r.text, r.bold, r.italic, target) for r in inline_runs(match.group("label"), bold, italic)]
        elif match.group("bi"):
            runs += inline_runs(match.group("bi_t"), True, True)
        elif match.group("b"):
            runs += inline_runs(match.group("b_t"), True, italic)
        else:
            runs += inline_runs(match.group("i_t"), bold, True)
        pos = match.end()
    if pos < len(text):
        runs.append(Run(text[pos:], bold, italic))
    # Escaped Markdown characters show as themselves.
    for run in runs:
        run.text = re.sub(r"\\([\\`*_\[\]()#+\-.!])", r"\1", run.text)
    return [run for run in runs if run.text]


def markdown_paragraphs(markdown: str) -> list[Paragraph]:
    """Paragraphs and list items of a step's Markdown text, each as emphasis runs."""
    paragraphs: list[Paragraph] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            paragraphs.append(Paragraph(inline_runs(" ".join(pending))))
            pending.clear()

    for raw in markdown.split("\n"):
        line = raw.strip()
        bullet, numbered = _BULLET.match(raw), _NUMBERED.match(raw)
        if not line:
            flush()
        elif bullet:
            flush()
            paragraphs.append(Paragraph(inline_runs(bullet.group("rest").strip()), "•"))
        elif numbered:
            flush()
            paragraphs.append(Paragraph(inline_runs(numbered.group("rest").strip()), numbered.group("n") + "."))
        elif paragraphs and paragraphs[-1].bullet and not pending and raw[:1].isspace():
            paragraphs[-1].runs += inline_runs(" " + line)  # a wrapped list item continues
        else:
            pending.append(line.lstrip("#").strip() if line.startswith("#") else line)
    flush()
    return [p for p in paragraphs if p.runs]


# -- measuring ----------------------------------------------------------------------------------------
class Measure:
    """Word-wrapped text heights in points, measured through Qt with the font the slides name.

    For Arial that is the bundled Liberation Sans, its metric twin: PowerPoint shows Arial and
    LibreOffice shows Liberation Sans with the same widths, so the chosen sizes fit in both, and the
    same guide gives the same deck on every machine whatever fonts it has installed.
    """

    def __init__(self, family: str) -> None:
        from PySide6.QtGui import QImage

        from trainer.render.fonts import measuring_family

        self.family = measuring_family(family)
        # A 72-dpi device: one point is one device pixel, so sizes and widths are in points.
        self._device = QImage(8, 8, QImage.Format.Format_RGB32)
        dots_per_meter = round(72 / 0.0254)
        self._device.setDotsPerMeterX(dots_per_meter)
        self._device.setDotsPerMeterY(dots_per_meter)

    def font(self, size: float, bold: bool = False) -> QFont:
        """The slide font at `size` points."""
        from PySide6.QtGui import QFont

        font = QFont([self.family])
        font.setPointSizeF(size)
        font.setBold(bold)
        # Unhinted: a fontconfig hinting setting would otherwise change widths from machine to machine.
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def height(self, paragraphs: list[Paragraph], size: float, width: float, bold: bool = False) -> float:
        """Height of the paragraphs at `size` pt wrapped to `width` pt (line spacing as on the slide)."""
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QFontMetricsF

        metrics = QFontMetricsF(self.font(size, bold), self._device)
        total = 0.0
        for paragraph in paragraphs:
            # Bullets are indented; bold runs are wider: measure a little narrower to stay on the safe side.
            usable = (width - (size * 1.2 if paragraph.bullet else 0.0)) * 0.94
            rect = metrics.boundingRect(QRectF(0, 0, usable, 1e6), int(Qt.TextFlag.TextWordWrap), paragraph.text or " ")
            lines = max(1, round(rect.height() / metrics.lineSpacing()))
            spacing, after = paragraph.spacing()
            # PowerPoint's single line is about 1.2 em whatever the font's own metrics say.
            total += lines * size * spacing * 1.2 + size * after
        # The space after the last paragraph falls outside the box.
        return total - (size * paragraphs[-1].spacing()[1] if paragraphs else 0.0)


def scaled_sizes(sizes: tuple[float, ...], scale: float) -> tuple[float, ...]:
    """Sizes multiplied by the theme's font_scale, followed by the unscaled ones below them (largest first)."""
    bigger = [round(size * scale) for size in sizes] if scale > 1 else []
    floor = min(bigger) if bigger else float("inf")
    return tuple(sorted({*bigger, *(s for s in sizes if s < floor)}, reverse=True))


def fit_size(
    measure: Measure, paragraphs: list[Paragraph], sizes: tuple[float, ...], width: float, height: float, bold: bool = False
) -> tuple[float, bool]:
    """The largest size from `sizes` whose text fits the box; (smallest, False) when none fits."""
    for size in sizes:
        if measure.height(paragraphs, size, width, bold) <= height:
            return size, True
    return sizes[-1], False


# -- the exporter -------------------------------------------------------------------------------------
class PptxExporter(Exporter):
    """Editable 16:9 PowerPoint: title, one slide per step with notes, closing slide with QR."""

    name = "pptx"
    label = "PowerPoint (editable)"
    label_vi = "PowerPoint (sửa được)"
    extension = "pptx"
    Options = PptxOptions

    def export(self, guide: Guide, out_dir: Path, options: ExportOptions, progress: Progress | None = None) -> list[Path]:
        """Write `<slug>-pptx.pptx` into out_dir and return its path."""
        try:
            from pptx import Presentation  # noqa: F401  (heavy: imported only when exporting)
        except ImportError:
            raise ExportError(
                f"{_where(guide)}: "
                + say(
                    "cần cài python-pptx để xuất bài trình chiếu ('pip install python-pptx')",
                    "PowerPoint export needs python-pptx (pip install python-pptx)",
                )
            ) from None
        from trainer.render.gui import ensure_gui
        from trainer.render.theme import ThemeError, load_theme

        ensure_gui()
        try:
            theme = load_theme(options.theme)
        except ThemeError as exc:
            raise ExportError(str(exc)) from None
        from trainer.render.image import StepImageError

        practice = bool(getattr(options, "practice_slides", False))
        builder = _Deck(guide, theme)
        total = len(guide.steps) + 2
        report(progress, 0.0)
        builder.title_slide()
        for index, step in enumerate(guide.steps):
            report(progress, (index + 1) / total)
            try:
                builder.step_slide(index, step)
            except StepImageError as exc:
                raise ExportError(str(exc)) from None
            if practice and step.practice:
                builder.practice_slide(index, step)
        builder.end_slide()
        report(progress, 0.98)
        target = Path(out_dir) / self.file_name(guide)
        with atomic_path(target) as tmp:
            builder.prs.save(str(tmp))
        report(progress, 1.0)
        return [target]


def _where(guide: Guide) -> str:
    return str(guide.path) if guide.path else guide.slug or "guide"


def colour(theme: Theme, key: str) -> str:
    """A theme colour as PowerPoint wants it: 'RRGGBB'."""
    return theme.color(key).lstrip("#").upper()


def slide_font(theme: Theme) -> str:
    """The font written into the file: the theme's office font if it names one, else Arial."""
    # No built-in theme sets one today; a department with its own licensed font can add `office_font`.
    for name in ("office_font", "pptx_font", "document_font"):
        value = getattr(theme, name, None)
        if value:
            return str(value)
    return DEFAULT_FONT


class _Deck:
    """Builds the slides of one presentation."""

    def __init__(self, guide: Guide, theme: Theme) -> None:
        from pptx import Presentation
        from pptx.util import Emu

        self.guide = guide
        self.theme = theme
        # Speaker notes explain each glossary term on the slide where it is first used.
        self.terms = terms_used(guide, guide_glossary(guide))
        self.family = slide_font(theme)
        self.measure = Measure(self.family)
        # A large-print theme tries larger sizes first; every deck can still come down to the same minimum.
        self.body_pt = scaled_sizes(BODY_PT, theme.font_scale)
        self.title_pt = scaled_sizes(TITLE_PT, theme.font_scale)
        self.cover_pt = scaled_sizes(COVER_TITLE_PT, theme.font_scale)
        self.callout_max_pt = CALLOUT_MAX_PT * max(1.0, theme.font_scale)
        self.prs = Presentation()
        self.prs.slide_width = Emu(_emu(SLIDE_W))
        self.prs.slide_height = Emu(_emu(SLIDE_H))
        props = self.prs.core_properties
        props.title = guide.title
        props.author = guide.author or theme.department
        props.subject = guide.summary
        props.language = guide.language
        props.keywords = guide.topic
        self._set_theme_fonts()
        self._layout = self.prs.slide_layouts[5]  # "Title Only": a real title placeholder per slide

    # -- helpers ----------------------------------------------------------------------------------
    def word(self, key: str, **params: object) -> str:
        """A printed phrase in the guide's language, shared with every other output."""
        return word(self.guide, key, **params)

    def c(self, key: str) -> str:
        """A theme colour by role as 'RRGGBB'."""
        return colour(self.theme, key)

    def _set_theme_fonts(self) -> None:
        """Make the deck's theme fonts the slide font too, so text a trainer adds later is Vietnamese-safe."""
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        part = self.prs.slide_master.part.part_related_by(RT.THEME)
        blob = part.blob.decode("utf-8")
        blob = re.sub(r'(<a:(?:major|minor)Font><a:latin typeface=")[^"]*(")', rf"\g<1>{self.family}\g<2>", blob)
        # python-pptx keeps the theme as an opaque part; replacing its bytes is how it can be edited.
        part._blob = blob.encode("utf-8")

    def _new_slide(self, notes: str = "", background: str = "background") -> Any:
        """A slide with the theme background, only its title placeholder, and speaker notes."""
        from pptx.dml.color import RGBColor

        slide = self.prs.slides.add_slide(self._layout)
        fill = slide.background.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(self.c(background))
        for placeholder in list(slide.placeholders):
            if placeholder.placeholder_format.idx != 0:
                placeholder._element.getparent().remove(placeholder._element)
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
        return slide

    def _title(
        self,
        slide: Any,
        text: str,
        box: tuple[float, float, float, float],
        sizes: tuple[float, ...],
        colour_key: str,
        **kwargs: Any,
    ) -> None:
        """Fill the slide's title placeholder (it shows in PowerPoint's outline and slide sorter)."""
        shape = slide.shapes.title
        shape.left, shape.top, shape.width, shape.height = (_emu(v) for v in box)
        paragraphs = [Paragraph([Run(text, bold=True)])]
        size, fits = fit_size(self.measure, paragraphs, sizes, box[2] - 8, box[3] - 4, bold=True)
        self._fill(shape.text_frame, paragraphs, size, self.c(colour_key), shrink=not fits, **kwargs)

    def _rect(
        self,
        slide: Any,
        box: tuple[float, float, float, float],
        fill_key: str,
        line_key: str | None = None,
        line_pt: float = 0.0,
        oval: bool = False,
    ) -> Any:
        from pptx.dml.color import RGBColor
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.util import Pt

        shape = slide.shapes.add_shape(MSO_SHAPE.OVAL if oval else MSO_SHAPE.RECTANGLE, *(_emu(v) for v in box))
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(self.c(fill_key))
        if line_key:
            shape.line.color.rgb = RGBColor.from_string(self.c(line_key))
            shape.line.width = Pt(line_pt)
        else:
            shape.line.fill.background()
        shape.shadow.inherit = False
        return shape

    def _fill(
        self,
        frame: Any,
        paragraphs: list[Paragraph],
        size: float,
        colour_hex: str,
        *,
        anchor: str = "top",
        align: str = "left",
        shrink: bool = False,
        margin: float = 4.0,
    ) -> None:
        """Write paragraphs of runs into a text frame, every run in the slide font."""
        from pptx.dml.color import RGBColor
        from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
        from pptx.util import Pt

        frame.word_wrap = True
        # Sizes are measured to fit; when even the smallest does not, shrink-on-overflow is the backstop.
        frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE if shrink else MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}[anchor]
        frame.margin_left = frame.margin_right = Pt(margin)
        frame.margin_top = frame.margin_bottom = Pt(2)
        frame.clear()
        for number, paragraph in enumerate(paragraphs):
            para = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            para.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER}[align]
            spacing, after = paragraph.spacing()
            para.line_spacing = spacing
            para.space_after = Pt(size * after)
            if paragraph.bullet:
                _set_bullet(para, paragraph.bullet, size)
            else:
                _no_bullet(para)
            for piece in paragraph.runs:
                run = para.add_run()
                run.text = piece.text
                font = run.font
                font.name = self.family
                font.size = Pt(size)
                font.bold = piece.bold
                font.italic = piece.italic
                font.color.rgb = RGBColor.from_string(piece.colour or colour_hex)
                if piece.link:
                    run.hyperlink.address = piece.link
        _set_language(frame, self.guide.language)

    def _text_box(
        self,
        slide: Any,
        box: tuple[float, float, float, float],
        paragraphs: list[Paragraph],
        sizes: tuple[float, ...],
        colour_key: str,
        **kwargs: Any,
    ) -> Any:
        shape = slide.shapes.add_textbox(*(_emu(v) for v in box))
        size, fits = fit_size(self.measure, paragraphs, sizes, box[2] - 8, box[3] - 4)
        self._fill(shape.text_frame, paragraphs, size, self.c(colour_key), shrink=not fits, **kwargs)
        return shape

    def _picture(
        self, slide: Any, png: bytes, box: tuple[float, float, float, float], pixel_size: tuple[int, int], description: str
    ) -> Any:
        """Place a picture as large as fits in box, centred, aspect kept."""
        left, top, width, height = box
        pw, ph = pixel_size
        scale = min(width / pw, height / ph)
        w, h = pw * scale, ph * scale
        x, y = left + (width - w) / 2, top + (height - h) / 2
        picture = slide.shapes.add_picture(io.BytesIO(png), *(_emu(v) for v in (x, y, w, h)))
        # Alt text for screen readers and PowerPoint's accessibility checker.
        picture._element.nvPicPr.cNvPr.set("descr", description)
        return picture

    def _band(self, slide: Any, height: float = BAND_H) -> None:
        """The primary-colour band behind the title, sent to the back so the title stays on top."""
        band = self._rect(slide, (0, 0, SLIDE_W, height), "primary")
        tree = slide.shapes._spTree
        tree.remove(band._element)
        tree.insert(2, band._element)  # after the group's nvGrpSpPr and grpSpPr: the bottom of the z-order

    # -- slides -----------------------------------------------------------------------------------
    def title_slide(self) -> None:
        """The guide title on the band, summary, what to bring, and who made it when."""
        guide = self.guide
        notes = "\n\n".join(part for part in (guide.intro, guide.summary) if part)
        slide = self._new_slide(notes_with_terms(guide, self.terms, None, notes))
        width = SLIDE_W - 2 * MARGIN
        title = [Paragraph([Run(guide.title, bold=True)])]
        # The band is as tall as the title needs at the largest size that fits in at most 170 pt.
        title_size, _ = fit_size(self.measure, title, self.cover_pt, width - 8, 170, bold=True)
        title_h = min(self.measure.height(title, title_size, width - 8, bold=True) + 8, 170.0)
        band = 64 + title_h + 22
        self._band(slide, band)
        if self.theme.logo and self.theme.logo.suffix.lower() in (".png", ".jpg", ".jpeg"):
            logo = self.theme.logo.read_bytes()
            from PIL import Image

            with Image.open(io.BytesIO(logo)) as img:
                self._picture(slide, logo, (SLIDE_W - MARGIN - 90, 14, 90, 50), img.size, self.theme.department or "logo")
        if guide.topic:
            topic = [Paragraph([Run(guide.topic.upper(), bold=True)])]
            self._text_box(slide, (MARGIN, 20, width - 100, 40), topic, (MIN_PT,), "on_primary")
        self._title(slide, guide.title, (MARGIN, 64, width, title_h), (title_size,), "on_primary", anchor="middle")
        body = []
        if guide.summary:
            body.append(Paragraph(inline_runs(guide.summary)))
        if guide.prerequisites:
            body.append(Paragraph([Run(self.word("prerequisites") + ": ", bold=True), Run(", ".join(guide.prerequisites))]))
        meta = [Paragraph([Run(self.theme.department or guide.author)])] if self.theme.department or guide.author else []
        when = [self.word("minutes", n=guide.estimated_minutes)] if guide.estimated_minutes else []
        when += [self.word("valid_as_of", date=date_text(guide, guide.valid_as_of))] if guide.valid_as_of else []
        version = VERSION["en" if guide.language == "en" else "vi"].format(version=guide.version)
        meta.append(Paragraph([Run(" · ".join([*when, version]))]))
        meta_h = self.measure.height(meta, MIN_PT, width - 8) + 8
        if body:
            top = band + 14
            self._text_box(slide, (MARGIN, top, width, SLIDE_H - 16 - meta_h - 10 - top), body, self.body_pt, "text")
        self._text_box(slide, (MARGIN, SLIDE_H - 16 - meta_h, width, meta_h), meta, (MIN_PT,), "muted", anchor="bottom")

    def step_slide(self, index: int, step: Step) -> None:
        """One step: number badge and title on the band, picture left, text and callouts right, notes."""
        slide = self._new_slide(notes_with_terms(self.guide, self.terms, index, step.notes))
        self._band(slide)
        badge = 72.0
        circle = self._rect(slide, (MARGIN, (BAND_H - badge) / 2, badge, badge), "accent", oval=True)
        self._fill(
            circle.text_frame,
            [Paragraph([Run(str(index + 1), bold=True)])],
            36.0,
            self.c("on_accent"),
            anchor="middle",
            align="center",
            margin=0,
        )
        label = self.word("step_of", n=index + 1, total=len(self.guide.steps))
        left = MARGIN + badge + 18
        self._text_box(slide, (left, 4, 300, 40), [Paragraph([Run(label)])], (MIN_PT,), "on_primary", margin=4)
        self._title(
            slide, step.title, (left, 38, SLIDE_W - MARGIN - left, BAND_H - 44), self.title_pt, "on_primary", anchor="middle"
        )
        text_left = MARGIN
        if step.image:
            png, size = self._step_picture(step)
            # The picture column is as wide as the picture shows (a phone is narrow): the text gets the rest.
            image_w = size[0] * 72 / PICTURE_DPI
            self._picture(slide, png, (MARGIN, BODY_TOP, image_w, BODY_BOTTOM - BODY_TOP), size, step.image_alt or step.title)
            text_left = MARGIN + image_w + GAP * 1.5
        width = SLIDE_W - MARGIN - text_left
        paragraphs = markdown_paragraphs(step.text)
        callouts = [self._callout_paragraphs(c) for c in step.callouts]
        size, callout_size, text_h, callout_hs, fits = self._text_layout(paragraphs, callouts, width, BODY_BOTTOM - BODY_TOP)
        top = BODY_TOP
        if paragraphs:
            shape = slide.shapes.add_textbox(*(_emu(v) for v in (text_left, top, width, text_h)))
            self._fill(shape.text_frame, paragraphs, size, self.c("text"), shrink=not fits)
            top += text_h + GAP * 0.75
        for callout, paras, height in zip(step.callouts, callouts, callout_hs, strict=True):
            shape = self._rect(slide, (text_left, top, width, height), f"{callout.kind}_fill", callout.kind, 2.5)
            self._fill(
                shape.text_frame, paras, callout_size, self.c("text"), anchor="middle", shrink=not fits, margin=CALLOUT_PAD
            )
            top += height + GAP / 2

    def _text_layout(
        self, paragraphs: list[Paragraph], callouts: list[list[Paragraph]], width: float, height: float
    ) -> tuple[float, float, float, list[float], bool]:
        """The largest body size (callouts at most CALLOUT_MAX_PT x font_scale) at which text and callouts fit the column.

        Returns (body size, callout size, text box height, callout box heights, fits).
        """
        for number, size in enumerate(self.body_pt):
            last = number == len(self.body_pt) - 1
            callout_size = min(size, self.callout_max_pt)
            text_h = self.measure.height(paragraphs, size, width - 8) + 8 if paragraphs else 0.0
            callout_hs = [
                self.measure.height(p, callout_size, width - 2 * CALLOUT_PAD - 4) + 2 * CALLOUT_PAD + 8 for p in callouts
            ]
            total = (
                text_h + (GAP * 0.75 if paragraphs and callouts else 0.0) + sum(callout_hs) + GAP / 2 * max(0, len(callouts) - 1)
            )
            if total <= height or last:
                if total > height:  # even the smallest size overflows: share the room out, shrink-on-overflow in the file
                    factor = height / total
                    text_h, callout_hs = text_h * factor, [h * factor for h in callout_hs]
                return size, callout_size, text_h, callout_hs, total <= height
        raise AssertionError("unreachable: body sizes are never empty")

    def practice_slide(self, index: int, step: Step) -> None:
        """The pause after a practice step: people try it on their own phones."""
        slide = self._new_slide(background="surface")
        width = SLIDE_W - 2 * MARGIN
        self._title(
            slide, self.word("practice"), (MARGIN, 70, width, 110), self.cover_pt, "accent", anchor="middle", align="center"
        )
        which = Paragraph([Run(f"{self.word('step', n=index + 1)}: {step.title}", bold=True)])
        self._text_box(slide, (MARGIN, 200, width, 110), [which], self.title_pt, "text", align="center", anchor="middle")
        what = Paragraph([Run(self.word("practice_text"))])
        self._text_box(slide, (MARGIN, 330, width, 140), [what], self.body_pt, "text", align="center")

    def end_slide(self) -> None:
        """Hotline, the official links and a QR code to the first one."""
        guide = self.guide
        slide = self._new_slide()
        self._band(slide)
        self._title(
            slide,
            self.word("help"),
            (MARGIN, TITLE_TOP, SLIDE_W - 2 * MARGIN, TITLE_H),
            self.title_pt,
            "on_primary",
            anchor="middle",
        )
        url = links.safe_for_qr(guide.official_url) or ""  # no code to a target the link policy refuses
        qr_side = BODY_BOTTOM - BODY_TOP - 20
        text_w = SLIDE_W - 2 * MARGIN - (qr_side + GAP if url else 0)
        body: list[Paragraph] = []
        if self.theme.hotline:
            body.append(Paragraph([Run(self.word("hotline", hotline=self.theme.hotline), bold=True, colour=self.c("accent"))]))
        for link in guide.links:
            body.append(Paragraph([Run((link.title or self.word("official")) + ":", bold=True)]))
            body.append(Paragraph([Run(link.url, link=links.safe(link.url) or "", colour=self.c("primary"))]))
        if url:
            body.append(Paragraph([Run(self.word("scan"), italic=True)]))
        if self.theme.department:
            body.append(Paragraph([Run(self.theme.department)]))
        if body:
            self._text_box(slide, (MARGIN, BODY_TOP, text_w, BODY_BOTTOM - BODY_TOP), body, self.body_pt, "text")
        if url:
            self._picture(
                slide, _qr_png(url), (SLIDE_W - MARGIN - qr_side, BODY_TOP + 10, qr_side, qr_side), (1, 1), f"QR: {url}"
            )

    # -- pieces -----------------------------------------------------------------------------------
    def _callout_paragraphs(self, callout: Callout) -> list[Paragraph]:
        label = self.word(callout.kind)
        paragraphs = markdown_paragraphs(callout.text) or [Paragraph([])]
        paragraphs[0].runs.insert(0, Run(label + ": ", bold=True, colour=self.c(callout.kind)))
        return paragraphs

    def _step_picture(self, step: Step) -> tuple[bytes, tuple[int, int]]:
        """PNG of the step image as every output shows it: annotations on, blur regions destroyed."""
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
        from PySide6.QtGui import QImage, QPainter

        from trainer.render.image import framed_size, image_size, paint_step_image

        scale = PICTURE_DPI / 72
        box_w = (SLIDE_W - 2 * MARGIN - GAP) * IMAGE_FRACTION * scale
        box_h = (BODY_BOTTOM - BODY_TOP) * scale
        # The canvas is exactly the framed image, so the picture shape is the image (easy to move and resize).
        w, h = framed_size(step, *image_size(self.guide, step), box_w, box_h)
        canvas = QImage(max(1, round(w)), max(1, round(h)), QImage.Format.Format_ARGB32_Premultiplied)
        canvas.fill(0)  # transparent: the phone frame's rounded corners show the slide behind
        painter = QPainter(canvas)
        try:
            paint_step_image(painter, QRectF(0, 0, canvas.width(), canvas.height()), self.guide, step, self.theme)
        finally:
            painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        canvas.save(buffer, "PNG")
        buffer.close()
        return bytes(data), (canvas.width(), canvas.height())


def _qr_png(url: str) -> bytes:
    """A crisp QR code PNG (black on white, quiet zone included) to the official link."""
    import segno

    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=12, border=4)
    return out.getvalue()


def _set_bullet(paragraph: Any, bullet: str, size: float) -> None:
    """A real PowerPoint bullet ('•' or a number), hanging indent, so editing keeps the list."""
    from pptx.oxml.ns import qn

    p_pr = paragraph._p.get_or_add_pPr()
    indent = _emu(size * 1.2)
    p_pr.set("marL", str(indent))
    p_pr.set("indent", str(-indent))
    for tag in ("a:buNone", "a:buChar", "a:buAutoNum"):
        for old in p_pr.findall(qn(tag)):
            p_pr.remove(old)
    if bullet == "•":
        element = p_pr.makeelement(qn("a:buChar"), {"char": "•"})
    else:
        element = p_pr.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod", "startAt": bullet.rstrip(".")})
    p_pr.append(element)


def _no_bullet(paragraph: Any) -> None:
    from pptx.oxml.ns import qn

    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.set("marL", "0")
    p_pr.set("indent", "0")
    if p_pr.find(qn("a:buNone")) is None:
        p_pr.append(p_pr.makeelement(qn("a:buNone"), {}))


def _set_language(frame: Any, language: str) -> None:
    """Mark every run with the guide's language so PowerPoint spell-checks Vietnamese as Vietnamese."""
    lang = {"vi": "vi-VN", "en": "en-US"}.get(language, language)
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run._r.get_or_add_rPr().set("lang", lang)


def _emu(points: float) -> int:
    """Points to EMU, PowerPoint's unit."""
    return int(round(points * EMU_PER_PT))
