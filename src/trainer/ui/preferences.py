"""Preferences: UI language, when a guide needs review, and the theme for previews and exports."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from trainer.library import DEFAULT_REVIEW_DAYS
from trainer.ui.export_dialog import theme_choices


class PreferencesDialog(QDialog):
    """A small form bound to QSettings."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        s = QSettings()
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(s.value("language", "vi"))))
        self.language.setToolTip(self.tr("The language of menus and buttons (guides keep their own language)"))
        self.review = QSpinBox()
        self.review.setRange(7, 3650)
        self.review.setSuffix(self.tr(" days"))
        self.review.setValue(int(s.value("review_days", DEFAULT_REVIEW_DAYS)))
        self.review.setToolTip(self.tr("Guides checked longer ago than this are marked 'needs review' in the library"))
        self.theme = QComboBox()
        for label, name in theme_choices():
            self.theme.addItem(label, name)
        self.theme.setCurrentIndex(max(0, self.theme.findData(str(s.value("theme", "default")))))
        self.theme.setToolTip(self.tr("Colours and text size used in the preview and as the export default"))
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(QLabel(self.tr("A new language is used the next time Trainer starts.")))
        form.addRow(self.tr("Needs review after"), self.review)
        form.addRow(self.tr("Theme"), self.theme)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        """Store the choices."""
        s = QSettings()
        s.setValue("language", self.language.currentData())
        s.setValue("review_days", self.review.value())
        s.setValue("theme", self.theme.currentData())
        super().accept()
