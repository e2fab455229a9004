"""“Đơn vị”: the department's name, hotlines, website, logo, colours and footer, with a live preview.

What is set here is saved as a theme file in the library (trainer.render.branding) and chosen for
this library, so the editor's preview, every export, printing, presenting, publishing and the fit
check all use it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.model import Guide
from trainer.render.branding import (
    Branding,
    library_brandings,
    load_branding,
    logo_problems,
    minimum_contrast,
    save_branding,
    weak_pairs,
)
from trainer.render.theme import ThemeError, load_theme
from trainer.store.library_file import choose_branding as choose_in_library
from trainer.store.library_file import chosen_branding as library_choice
from trainer.ui.export_dialog import library_settings_group

BASES = ("default", "large-print", "grayscale")


def chosen_branding(library: Path) -> str:
    """The theme file chosen for a library in the “Đơn vị” window, '' when none is (or it is gone).

    The choice lives in the library (`library.toml`); a choice an older Trainer kept in the
    preferences is moved into the library the first time it is asked for.
    """
    chosen = library_choice(library)
    if chosen is None:
        store = QSettings()
        key = library_settings_group(library) + "/branding"
        legacy = str(store.value(key, "") or "")
        if legacy and Path(legacy).is_file() and Path(legacy).resolve().parent == (Path(library) / "themes").resolve():
            choose_in_library(library, Path(legacy))
            chosen = library_choice(library)
        store.remove(key)
    return str(chosen) if chosen else ""


def choose_branding(library: Path, theme_file: str) -> None:
    """Use this theme file for every output made from this library ('' goes back to the app's theme)."""
    choose_in_library(library, Path(theme_file) if theme_file else None)
    store = QSettings()
    store.setValue(library_settings_group(library) + "/theme", theme_file or "default")  # the export dialog's choice


class ColourButton(QPushButton):
    """A button showing a colour; clicking opens the colour dialog."""

    changed = Signal(str)

    def __init__(self, colour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumWidth(110)
        self.clicked.connect(self._pick)
        self.set_colour(colour)

    def set_colour(self, colour: str) -> None:
        """Show a '#rrggbb' colour."""
        self.colour = colour.lower()
        text = "#000000" if QColor(colour).lightness() > 140 else "#ffffff"
        self.setText(self.colour)
        self.setStyleSheet(f"background: {self.colour}; color: {text};")

    def _pick(self) -> None:
        picked = QColorDialog.getColor(QColor(self.colour), self, self.tr("Choose a colour"))
        if picked.isValid():
            self.set_colour(picked.name())
            self.changed.emit(self.colour)


class BrandingDialog(QDialog):
    """Edit a library's brandings and choose the one its outputs use; a card, a page and a slide preview it live."""

    def __init__(self, library: Path, sample: Guide | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Department"))
        self.library = library
        self.sample = sample
        self.saved: Path | None = None
        self._preview_dir = tempfile.TemporaryDirectory(prefix="trainer-branding-")
        self._loading = False

        self.which = QComboBox()
        self.which.setToolTip(self.tr("A library can keep several: the province, a district partner, an enterprise team"))
        self.base = QComboBox()
        for name in BASES:
            self.base.addItem(load_theme(name).label, name)
        self.base.setToolTip(self.tr("Text size and colours to start from"))
        self.department = QLineEdit()
        self.department.setPlaceholderText(self.tr("e.g. Sở Khoa học và Công nghệ tỉnh Lào Cai"))
        self.short_name = QLineEdit()
        self.short_name.setPlaceholderText(self.tr("e.g. Sở KH&CN Lào Cai"))
        self.hotlines = QLineEdit()
        self.hotlines.setPlaceholderText(self.tr("One or more numbers, separated by commas"))
        self.website = QLineEdit()
        self.website.setPlaceholderText("https://")
        self.footer = QLineEdit()
        self.footer.setPlaceholderText(self.tr("Empty: the department name and hotline"))
        self.logo = QLineEdit()
        self.logo.setReadOnly(True)
        self.logo.setPlaceholderText(self.tr("No logo"))
        logo_button = QPushButton(self.tr("Choose…"))
        logo_button.setToolTip(self.tr("A PNG with a transparent background, or an SVG"))
        logo_button.clicked.connect(self._choose_logo)
        no_logo = QPushButton(self.tr("Remove"))
        no_logo.clicked.connect(lambda: (self.logo.clear(), self._changed()))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(logo_button)
        logo_row.addWidget(no_logo)
        self.primary = ColourButton("#0b4a8b")
        self.primary.setToolTip(self.tr("The header band; its text is white"))
        self.accent = ColourButton("#c8102e")
        self.accent.setToolTip(self.tr("Step numbers and the hotline"))
        colour_row = QHBoxLayout()
        colour_row.addWidget(QLabel(self.tr("Main")))
        colour_row.addWidget(self.primary)
        colour_row.addWidget(QLabel(self.tr("Highlight")))
        colour_row.addWidget(self.accent)
        colour_row.addStretch(1)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setObjectName("brandingVerdict")

        form = QFormLayout()
        form.addRow(self.tr("Branding"), self.which)
        form.addRow(self.tr("Start from"), self.base)
        form.addRow(self.tr("Department name"), self.department)
        form.addRow(self.tr("Short name"), self.short_name)
        form.addRow(self.tr("Hotline(s)"), self.hotlines)
        form.addRow(self.tr("Website"), self.website)
        form.addRow(self.tr("Footer line"), self.footer)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow(self.tr("Colours"), colour_row)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.verdict)
        left.addStretch(1)

        self.card = QLabel()
        self.page = QLabel()
        self.slide = QLabel()
        for label in (self.card, self.page, self.slide):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setFrameShape(QLabel.Shape.StyledPanel)
        self.card.setFixedSize(232, 290)
        self.page.setFixedSize(206, 290)
        self.slide.setFixedSize(444, 250)
        preview = QGroupBox(self.tr("Preview: a card, a handout page and a slide"))
        grid = QGridLayout(preview)
        grid.addWidget(self.card, 0, 0)
        grid.addWidget(self.page, 0, 1)
        grid.addWidget(self.slide, 1, 0, 1, 2)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save and use for this library"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.plain_button = self.buttons.addButton(self.tr("Use no branding"), QDialogButtonBox.ButtonRole.ResetRole)
        self.plain_button.setToolTip(self.tr("Go back to the built-in department name and hotline"))
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.plain_button.clicked.connect(self._use_none)
        close.clicked.connect(self.reject)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(preview)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.refresh_preview)
        for edit in (self.department, self.short_name, self.hotlines, self.website, self.footer):
            edit.textChanged.connect(self._changed)
        self.base.currentIndexChanged.connect(self._changed)
        self.primary.changed.connect(self._changed)
        self.accent.changed.connect(self._changed)
        self._fill_choices()
        self.which.currentIndexChanged.connect(self._load_selected)
        self._load_selected()
        self.resize(1180, 640)

    # -- the library's brandings ------------------------------------------------------------------
    def _fill_choices(self, select: str = "") -> None:
        self.which.blockSignals(True)
        self.which.clear()
        for path in library_brandings(self.library):
            try:
                label = load_theme(path).label
            except ThemeError:
                continue
            self.which.addItem(label, str(path))
        self.which.addItem(self.tr("New branding…"), "")
        current = select or chosen_branding(self.library)
        index = self.which.findData(current) if current else -1
        self.which.setCurrentIndex(index if index >= 0 else 0)
        self.which.blockSignals(False)

    def _load_selected(self) -> None:
        path = str(self.which.currentData() or "")
        branding = load_branding(Path(path)) if path else Branding()
        self._loading = True
        self.base.setCurrentIndex(max(0, self.base.findData(branding.base)))
        self.department.setText(branding.department)
        self.short_name.setText(branding.short_name)
        self.hotlines.setText(", ".join(branding.hotlines))
        self.website.setText(branding.website)
        self.footer.setText(branding.footer)
        self.logo.setText(str(branding.logo) if branding.logo else "")
        self.primary.set_colour(branding.primary)
        self.accent.set_colour(branding.accent)
        self._loading = False
        self._changed()

    def branding(self) -> Branding:
        """The branding as the fields show it now."""
        return Branding(
            department=self.department.text().strip(),
            short_name=self.short_name.text().strip(),
            hotlines=[h.strip() for h in self.hotlines.text().split(",") if h.strip()],
            website=self.website.text().strip(),
            footer=self.footer.text().strip(),
            logo=Path(self.logo.text()) if self.logo.text() else None,
            primary=self.primary.colour,
            accent=self.accent.colour,
            base=str(self.base.currentData()),
        )

    # -- checking ---------------------------------------------------------------------------------
    def problems(self) -> tuple[list[str], list[str]]:
        """(what must be fixed before saving, what is only worth knowing)."""
        b = self.branding()
        errors: list[str] = []
        warnings: list[str] = []
        if not b.department:
            errors.append(self.tr("Write the department's name."))
        if not b.hotlines:
            warnings.append(self.tr("No hotline: outputs will not say whom to call."))
        if b.website and not b.website.startswith(("https://", "http://")):
            errors.append(self.tr("The website must start with https://"))
        if b.logo is not None:
            logo_errors, logo_warnings = logo_problems(b.logo)
            errors += logo_errors
            warnings += logo_warnings
        weak = weak_pairs(b)
        self.primary.setEnabled(b.base != "grayscale")
        self.accent.setEnabled(b.base != "grayscale")
        if weak:
            fg, bg, ratio = weak[0]
            pairs = {
                ("on_primary", "primary"): self.tr("the white text on the main colour"),
                ("on_accent", "accent"): self.tr("the white numbers on the highlight colour"),
            }
            errors.append(
                self.tr("Text would be hard to read: %1 has contrast %3:1, at least %4:1 is needed. Choose a darker colour.")
                .replace("%1", pairs.get((fg, bg), f"{fg}/{bg}"))
                .replace("%3", f"{ratio:.1f}")
                .replace("%4", f"{minimum_contrast(b.base):g}")
            )
        return errors, warnings

    def _changed(self) -> None:
        if self._loading:
            return
        errors, warnings = self.problems()
        if errors:
            self.verdict.setText("✖ " + "\n✖ ".join(errors + warnings))
            self.verdict.setStyleSheet("color: #a4161a;")
        elif warnings:
            self.verdict.setText("⚠ " + "\n⚠ ".join(warnings))
            self.verdict.setStyleSheet("color: #8a4b00;")
        else:
            self.verdict.setText(
                self.tr("✔ Readable in every output (contrast %1:1 or more).").replace(
                    "%1", f"{minimum_contrast(self.branding().base):g}"
                )
            )
            self.verdict.setStyleSheet("color: #1b6b3a;")
        self.save_button.setEnabled(not errors)
        self.timer.start()

    # -- preview ----------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Paint the card, page and slide with the branding as it is now (the same painters as the outputs)."""
        from trainer.ui.preview import render_preview

        if self.sample is None:
            for label in (self.card, self.page, self.slide):
                label.setText(self.tr("No guide to show"))
            return
        try:
            theme_file = save_branding(Path(self._preview_dir.name), self.branding())
        except (ThemeError, OSError) as exc:
            self.card.setText(str(exc))
            return
        for label, mode, step in ((self.card, "card", -1), (self.page, "page", 0), (self.slide, "slide", -1)):
            try:
                image = render_preview(self.sample, str(theme_file), mode, step, label.width() * 2)
            except Exception as exc:  # noqa: BLE001 - the preview says why instead of closing the window
                label.setText(str(exc))
                continue
            pixmap = QPixmap.fromImage(image).scaled(
                label.size() * label.devicePixelRatioF(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            pixmap.setDevicePixelRatio(label.devicePixelRatioF())
            label.setPixmap(pixmap)

    # -- actions ----------------------------------------------------------------------------------
    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Department logo"), self.logo.text(), self.tr("Logos (*.png *.svg *.jpg *.jpeg)")
        )
        if path:
            self.logo.setText(path)
            self._changed()

    def save(self) -> bool:
        """Write the branding into the library's themes folder and use it for this library."""
        errors, _ = self.problems()
        if errors:
            return False
        try:
            self.saved = save_branding(self.library, self.branding())
        except (ThemeError, OSError) as exc:
            self.verdict.setText("✖ " + str(exc))
            return False
        choose_branding(self.library, str(self.saved))
        self._fill_choices(str(self.saved))
        self.verdict.setText(self.tr("✔ Saved in %1 and used for every output of this library.").replace("%1", str(self.saved)))
        return True

    def _use_none(self) -> None:
        choose_branding(self.library, "")
        self.saved = None
        self.verdict.setText(self.tr("Outputs of this library use the built-in theme again."))

    def done(self, result: int) -> None:  # noqa: D102 - Qt's name; the preview files go with the window
        self.timer.stop()
        self._preview_dir.cleanup()
        super().done(result)
