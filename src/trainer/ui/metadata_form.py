"""The guide information form: title, summary, topic, status, date checked, links and the other front matter."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.model import STATUSES, Guide, Link
from trainer.store.problems import field_label
from trainer.ui.document import GuideDocument
from trainer.ui.text_fields import guide_text_field, set_text_quietly


class MetadataForm(QWidget):
    """Edits the whole guide's details; every change is one undoable edit on the document."""

    def __init__(self, doc: GuideDocument, topics: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self._loading = False
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.title = guide_text_field(QLineEdit())
        self.title.setToolTip(self.tr("The guide's title, as citizens will read it"))
        self.slug = QLineEdit()
        self.slug.setReadOnly(True)
        self.slug.setToolTip(self.tr("The folder name of the guide (set when the guide is created)"))
        self.summary = guide_text_field(QPlainTextEdit())
        self.summary.setMaximumHeight(70)
        self.summary.setToolTip(self.tr("One or two sentences for the cover and the library"))
        self.topic = QComboBox()
        self.topic.setEditable(True)
        self.topic.addItems(topics)
        guide_text_field(self.topic.lineEdit())
        self.topic.setToolTip(self.tr("The topic used to group guides in the library"))
        self.audience = guide_text_field(QLineEdit())
        self.status = QComboBox()
        for s, label in zip(STATUSES, (self.tr("Draft"), self.tr("Reviewed"), self.tr("Published")), strict=True):
            self.status.addItem(label, s)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setToolTip(self.tr("The day the steps were last checked on a real phone"))
        today = QPushButton(self.tr("Today"))
        today.setToolTip(self.tr("I checked the steps today"))
        today.clicked.connect(lambda: self.date.setDate(QDate.currentDate()))
        date_row = QHBoxLayout()
        date_row.addWidget(self.date, 1)
        date_row.addWidget(today)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 600)
        self.minutes.setSpecialValueText(self.tr("not set"))
        self.version = guide_text_field(QLineEdit())
        self.author = guide_text_field(QLineEdit())
        self.reviewer = guide_text_field(QLineEdit())
        self.links = QTableWidget(0, 2)
        self.links.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Web address")])
        self.links.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.links.setMaximumHeight(110)
        self.links.setToolTip(self.tr("Official links; the first one is what the QR codes open"))
        add_link = QPushButton(self.tr("Add link"))
        add_link.clicked.connect(self.add_link)
        remove_link = QPushButton(self.tr("Remove link"))
        remove_link.clicked.connect(self.remove_link)
        link_buttons = QHBoxLayout()
        link_buttons.addWidget(add_link)
        link_buttons.addWidget(remove_link)
        link_buttons.addStretch(1)
        links_box = QVBoxLayout()
        links_box.addWidget(self.links)
        links_box.addLayout(link_buttons)
        self.prerequisites = guide_text_field(QPlainTextEdit())
        self.prerequisites.setMaximumHeight(70)
        self.prerequisites.setToolTip(self.tr("What to bring or have ready, one per line"))
        self.online = guide_text_field(QLineEdit())
        self.intro = guide_text_field(QPlainTextEdit())
        self.intro.setMaximumHeight(70)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Folder name"), self.slug)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.tr("Audience"), self.audience)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Checked on"), date_row)
        form.addRow(self.tr("Minutes needed"), self.minutes)
        form.addRow(self.tr("Version"), self.version)
        form.addRow(self.tr("Author"), self.author)
        form.addRow(self.tr("Reviewer"), self.reviewer)
        form.addRow(self.tr("Official links"), links_box)
        form.addRow(self.tr("Bring along"), self.prerequisites)
        form.addRow(self.tr("Online copy"), self.online)
        form.addRow(self.tr("Introduction"), self.intro)

        def line(attr: str, widget: QLineEdit) -> None:
            widget.textEdited.connect(lambda text: self._set(attr, text.strip() if attr == "version" else text))

        line("title", self.title)
        line("audience", self.audience)
        line("version", self.version)
        line("author", self.author)
        line("reviewer", self.reviewer)
        line("online_url", self.online)
        self.summary.textChanged.connect(lambda: self._set("summary", self.summary.toPlainText()))
        self.intro.textChanged.connect(lambda: self._set("intro", self.intro.toPlainText().strip()))
        self.prerequisites.textChanged.connect(
            lambda: self._set("prerequisites", [x.strip() for x in self.prerequisites.toPlainText().split("\n") if x.strip()])
        )
        self.topic.currentTextChanged.connect(lambda text: self._set("topic", text.strip()))
        self.status.currentIndexChanged.connect(lambda _i: self._set("status", self.status.currentData()))
        self.date.dateChanged.connect(lambda d: self._set("valid_as_of", _dt.date(d.year(), d.month(), d.day())))
        self.minutes.valueChanged.connect(lambda v: self._set("estimated_minutes", v or None))
        self.links.itemChanged.connect(lambda _item: self._links_edited())

    def load(self, g: Guide) -> None:
        """Show the guide's details (after open, undo, redo, reload), emitting no edits."""
        self._loading = True
        try:
            set_text_quietly(self.title, g.title)
            self.slug.setText(g.slug)
            set_text_quietly(self.summary, g.summary)
            if self.topic.currentText() != g.topic:
                self.topic.setCurrentText(g.topic)
            self.status.setCurrentIndex(max(0, self.status.findData(g.status)))
            d = g.valid_as_of or _dt.date.today()
            self.date.setDate(QDate(d.year, d.month, d.day))
            self.minutes.setValue(g.estimated_minutes or 0)
            set_text_quietly(self.version, g.version)
            set_text_quietly(self.author, g.author)
            set_text_quietly(self.reviewer, g.reviewer)
            set_text_quietly(self.online, g.online_url)
            set_text_quietly(self.intro, g.intro)
            set_text_quietly(self.prerequisites, "\n".join(g.prerequisites))
            self.links.setRowCount(len(g.links))
            for row, link in enumerate(g.links):
                self.links.setItem(row, 0, QTableWidgetItem(link.title))
                self.links.setItem(row, 1, QTableWidgetItem(link.url))
        finally:
            self._loading = False

    # -- edits -----------------------------------------------------------------------------------
    def _set(self, attr: str, value: object) -> None:
        if self._loading:
            return

        def apply(g: Guide) -> None:
            setattr(g, attr, value)

        self.doc.edit(
            self.tr("Edit %1").replace("%1", field_label(attr).lower().replace("_", " ")), apply, None, merge_key=f"meta:{attr}"
        )

    def _links_edited(self) -> None:
        if self._loading:
            return
        links = []
        for row in range(self.links.rowCount()):
            title = self.links.item(row, 0).text().strip() if self.links.item(row, 0) else ""
            url = self.links.item(row, 1).text().strip() if self.links.item(row, 1) else ""
            if title or url:  # a row just added and not typed in yet is not a link
                links.append(Link(title, url))

        def apply(g: Guide) -> None:
            g.links = links

        self.doc.edit(self.tr("Edit links"), apply, None, merge_key="meta:links")

    def add_link(self) -> None:
        """A new, empty row in the table with the cursor in its title; it becomes a link once something is typed."""
        row = self.links.rowCount()
        self._loading = True
        try:
            self.links.insertRow(row)
            self.links.setItem(row, 0, QTableWidgetItem(""))
            self.links.setItem(row, 1, QTableWidgetItem(""))
        finally:
            self._loading = False
        self.links.scrollToItem(self.links.item(row, 0))
        self.links.setCurrentCell(row, 0)
        self.links.setFocus()
        self.links.editItem(self.links.item(row, 0))

    def remove_link(self) -> None:
        """Remove the selected link (the last one when none is selected)."""
        row = self.links.currentRow()
        if row < 0:
            row = self.links.rowCount() - 1
        if row >= 0:
            self.doc.edit(self.tr("Remove link"), lambda g: g.links.pop(row), None)
            self.load(self.doc.guide)
