"""The library window: every guide as a card, search without diacritics, topic/status filters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from trainer.library import DEFAULT_REVIEW_DAYS, LibraryEntry, filter_entries
from trainer.model import STATUSES

CARD = QSize(250, 228)
THUMB_H = 112
EntryRole = Qt.ItemDataRole.UserRole + 1


def status_label(status: str) -> str:
    """A guide status in the UI language."""
    labels = {
        "draft": QCoreApplication.translate("LibraryView", "Draft"),
        "reviewed": QCoreApplication.translate("LibraryView", "Reviewed"),
        "published": QCoreApplication.translate("LibraryView", "Published"),
    }
    return labels.get(status, status)


class LibraryModel(QAbstractListModel):
    """The entries shown, with thumbnails loaded once and scaled for the card."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[LibraryEntry] = []
        self._thumbs: dict[Path, QImage] = {}

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        """Replace what is shown."""
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        """Number of cards."""
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Title for display and accessibility; the entry for the delegate."""
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return entry.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.title}\n{entry.summary}\n{entry.folder}"
        if role == EntryRole:
            return entry
        return None

    def thumbnail(self, entry: LibraryEntry) -> QImage | None:
        """The first step image, scaled down once and cached."""
        if entry.thumbnail is None:
            return None
        if entry.thumbnail not in self._thumbs:
            reader = QImageReader(str(entry.thumbnail))
            reader.setAutoTransform(True)
            size = reader.size()
            if size.isValid() and size.height() > 0:
                scale = (THUMB_H * 2) / size.height()
                reader.setScaledSize(QSize(max(1, int(size.width() * scale)), THUMB_H * 2))
            self._thumbs[entry.thumbnail] = reader.read()
        image = self._thumbs[entry.thumbnail]
        return None if image.isNull() else image


class CardDelegate(QStyledItemDelegate):
    """Paints a guide card: thumbnail, title, topic, status and the date it was checked."""

    def __init__(self, model: LibraryModel, view: LibraryView):
        super().__init__(view)
        self.model, self.view = model, view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        """Every card has the same size."""
        return CARD

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        """One card."""
        entry: LibraryEntry = index.data(EntryRole)
        r = option.rect.adjusted(6, 6, -6, -6)  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        stale = entry.needs_review(max_age_days=self.view.review_days)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#1565c0") if selected else QColor("#c5c9d0"), 3 if selected else 1))
        p.setBrush(QColor("#fff8e1") if stale else QColor("white"))
        p.drawRoundedRect(r, 8, 8)
        thumb_rect = QRect(r.left() + 1, r.top() + 1, r.width() - 2, THUMB_H)
        p.fillRect(thumb_rect, QColor("#eceff1"))
        image = self.model.thumbnail(entry)
        if image is not None:
            scale = min(thumb_rect.width() / image.width(), thumb_rect.height() / image.height())
            w, h = int(image.width() * scale), int(image.height() * scale)
            target = QRect(0, 0, w, h)
            target.moveCenter(thumb_rect.center())
            p.drawImage(target, image)
        else:
            p.setPen(QColor("#90a4ae"))
            p.drawText(thumb_rect, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("LibraryView", "No picture"))
        text = r.adjusted(10, THUMB_H + 6, -10, -8)
        title_font = QFont(option.font)  # type: ignore[attr-defined]
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.05)
        p.setFont(title_font)
        p.setPen(QColor("#212121"))
        fm = p.fontMetrics()
        title_rect = QRect(text.left(), text.top(), text.width(), fm.lineSpacing() * 2)
        elided = fm.elidedText(entry.title, Qt.TextElideMode.ElideRight, text.width() * 2 - fm.averageCharWidth() * 3)
        p.drawText(title_rect, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop, elided)
        p.setFont(option.font)  # type: ignore[attr-defined]
        fm = p.fontMetrics()
        y = title_rect.bottom() + 4
        p.setPen(QColor("#455a64"))
        p.drawText(
            QRect(text.left(), y, text.width(), fm.height()),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(entry.topic, Qt.TextElideMode.ElideRight, text.width()),
        )
        y += fm.height() + 2
        chip = status_label(entry.status)
        chip_w = fm.horizontalAdvance(chip) + 12
        colors = {"draft": "#78909c", "reviewed": "#2e7d32", "published": "#1565c0"}
        p.setBrush(QColor(colors.get(entry.status, "#78909c")))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(QRect(text.left(), y, chip_w, fm.height() + 2), 6, 6)
        p.setPen(QColor("white"))
        p.drawText(QRect(text.left(), y, chip_w, fm.height() + 2), Qt.AlignmentFlag.AlignCenter, chip)
        date = entry.valid_as_of.isoformat() if entry.valid_as_of else "—"
        after_chip = QRect(text.left() + chip_w + 8, y, text.width() - chip_w - 8, fm.height() + 2)
        p.setPen(QColor("#455a64"))
        checked = QCoreApplication.translate("LibraryView", "Checked %1").replace("%1", date)
        p.drawText(
            after_chip, Qt.AlignmentFlag.AlignVCenter, fm.elidedText(checked, Qt.TextElideMode.ElideRight, after_chip.width())
        )
        if stale:
            # Its own line in a warning colour: the one thing an editor must not miss on the card.
            p.setPen(QColor("#e65100"))
            bold = QFont(option.font)  # type: ignore[attr-defined]
            bold.setBold(True)
            p.setFont(bold)
            label = QCoreApplication.translate("LibraryView", "Needs review")
            p.drawText(
                QRect(text.left(), y + fm.height() + 6, text.width(), fm.height() + 2),
                Qt.AlignmentFlag.AlignVCenter,
                "⚠ " + label,
            )
        p.restore()


class LibraryView(QWidget):
    """Search box, filters, action buttons and the grid of guide cards."""

    openRequested = Signal(Path)
    newRequested = Signal()
    duplicateRequested = Signal(Path)
    deleteRequested = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries: list[LibraryEntry] = []
        self.review_days = DEFAULT_REVIEW_DAYS
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search guides (accents not needed, e.g. dang ky vssid)"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Type words from the title, topic or summary. Accents and capitals do not matter."))
        self.search.textChanged.connect(self.refilter)
        self.topic = QComboBox()
        self.topic.setToolTip(self.tr("Show only guides on this topic"))
        self.topic.currentIndexChanged.connect(self.refilter)
        self.status = QComboBox()
        self.status.setToolTip(self.tr("Show only guides in this state"))
        self.status.addItem(self.tr("All states"), "")
        for s in STATUSES:
            self.status.addItem(status_label(s), s)
        self.status.currentIndexChanged.connect(self.refilter)
        self.new_button = QPushButton(self.tr("New guide"))
        self.new_button.setToolTip(self.tr("Start a new guide from the template (Ctrl+N)"))
        self.new_button.clicked.connect(self.newRequested)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Edit the selected guide (Enter)"))
        self.open_button.clicked.connect(self._open_selected)
        self.dup_button = QPushButton(self.tr("Duplicate"))
        self.dup_button.setToolTip(self.tr("Make a copy of the selected guide, with its pictures"))
        self.dup_button.clicked.connect(lambda: self._with_selected(self.duplicateRequested.emit))
        self.del_button = QPushButton(self.tr("Move to trash"))
        self.del_button.setToolTip(self.tr("Move the selected guide to the trash (you can restore it from there)"))
        self.del_button.clicked.connect(lambda: self._with_selected(self.deleteRequested.emit))
        self.model = LibraryModel()
        self.view = QListView()
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setSpacing(2)
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.model, self))
        self.view.activated.connect(lambda index: self.openRequested.emit(index.data(EntryRole).folder))
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.topic, 1)
        top.addWidget(self.status, 1)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.dup_button, self.del_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self._update_buttons()

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        """Show a freshly scanned library, keeping the filters."""
        self.entries = entries
        topic = self.topic.currentData()
        self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItem(self.tr("All topics"), "")
        for t in sorted({e.topic for e in entries if e.topic}):
            self.topic.addItem(t, t)
        self.topic.setCurrentIndex(max(0, self.topic.findData(topic)))
        self.topic.blockSignals(False)
        self.refilter()

    def refilter(self) -> None:
        """Apply the search text and filters."""
        shown = filter_entries(self.entries, self.search.text(), self.topic.currentData() or "", self.status.currentData() or "")
        self.model.set_entries(shown)
        stale = sum(e.needs_review(max_age_days=self.review_days) for e in shown)
        text = self.tr("%1 of %2 guides").replace("%1", str(len(shown))).replace("%2", str(len(self.entries)))
        if stale:
            text += " · " + self.tr("%1 need review").replace("%1", str(stale))
        self.count.setText(text)
        if shown:
            self.view.setCurrentIndex(self.model.index(0))
        self._update_buttons()

    def shown_titles(self) -> list[str]:
        """Titles of the cards shown, in order."""
        return [e.title for e in self.model.entries]

    def selected(self) -> LibraryEntry | None:
        """The selected guide."""
        index = self.view.currentIndex()
        return index.data(EntryRole) if index.isValid() else None

    def select_folder(self, folder: Path) -> None:
        """Select a guide card by folder."""
        for row, e in enumerate(self.model.entries):
            if e.folder == folder:
                self.view.setCurrentIndex(self.model.index(row))

    def _with_selected(self, fn) -> None:  # type: ignore[no-untyped-def]
        entry = self.selected()
        if entry is not None:
            fn(entry.folder)

    def _open_selected(self) -> None:
        self._with_selected(self.openRequested.emit)

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for b in (self.open_button, self.dup_button, self.del_button):
            b.setEnabled(has)
