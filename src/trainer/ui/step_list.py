"""The left column of the editor: the guide information button, the steps in order, step buttons, problem marks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trainer.model import Guide, Step
from trainer.narration import narration_seconds
from trainer.store.problems import ERROR, Problem
from trainer.ui.narration_panel import length_text, step_audio

STEP_BUTTONS = ("add_step", "duplicate_step", "delete_step", "move_up", "move_down")


def voice_length(guide: Guide, step: Step) -> float | None:
    """Seconds of a step's narration when its file is there, else None."""
    path = step_audio(guide, step)
    return narration_seconds(path) if path else None


def _local_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    md = event.mimeData()
    return [Path(u.toLocalFile()) for u in md.urls() if u.isLocalFile()] if event.source() is None else []


class StepList(QListWidget):
    """The step list; after a drag-and-drop inside it, `dropped` fires whatever rows signals Qt used for the move.

    Files or a folder dragged in from outside (screenshots) arrive as `filesDropped`: one new step each.
    """

    dropped = Signal()
    filesDropped = Signal(list)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        """Accept files from outside as well as rows moved inside the list."""
        if _local_files(event):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        """Keep accepting files from outside anywhere over the list."""
        if _local_files(event):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        """Files from outside become steps; a row moved inside: let Qt move it, then report the new order once."""
        files = _local_files(event)
        if files:
            event.acceptProposedAction()
            self.filesDropped.emit(files)
            return
        super().dropEvent(event)
        self.dropped.emit()


class StepListPanel(QWidget):
    """Guide information + steps; says which step was chosen and what order a drag left the steps in."""

    stepChosen = Signal(int)  # -1 = the guide information
    reordered = Signal(list, int)  # new order (old indices), index of the moved step in it

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self._reorder_pending = False
        self._steps = 0
        self._voices: list[float | None] = []
        self.info_button = QPushButton(self.tr("Guide information"))
        self.info_button.setCheckable(True)
        self.info_button.setToolTip(self.tr("Title, topic, date checked, links and other details of the whole guide"))
        self.info_button.clicked.connect(lambda: self.stepChosen.emit(-1))
        self.list = StepList()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setToolTip(self.tr("Steps in order. Drag a step, or press Alt+Up / Alt+Down, to move it."))
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.model().rowsMoved.connect(self._rows_dropped)
        self.list.dropped.connect(self._rows_dropped)
        buttons = QHBoxLayout()
        for name in STEP_BUTTONS:
            b = QToolButton()
            b.setDefaultAction(actions[name])
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            buttons.addWidget(b)
        buttons.addStretch(1)
        lv = QVBoxLayout(self)
        lv.setContentsMargins(4, 4, 4, 4)
        lv.addWidget(self.info_button)
        lv.addWidget(QLabel(self.tr("Steps")))
        lv.addWidget(self.list, 1)
        lv.addLayout(buttons)
        self.setMinimumWidth(170)

    def untitled(self) -> str:
        """What a step without a title is called in the list."""
        return self.tr("(no title)")

    def fill(self, guide: Guide, current: int) -> None:
        """Show the guide's steps with `current` selected (-1 = the guide information), emitting nothing."""
        self.list.blockSignals(True)
        self.list.clear()
        self._voices = [voice_length(guide, step) for step in guide.steps]
        for i, step in enumerate(guide.steps):
            item = QListWidgetItem(self._row_text(i, step.title))
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
            self.list.addItem(item)
        self._steps = len(guide.steps)
        self.list.blockSignals(False)
        self.show_current(current)

    def show_current(self, current: int) -> None:
        """Select a row (-1 = the guide information) without announcing it."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(current)
        self.list.blockSignals(False)
        self.info_button.setChecked(current < 0)
        if current >= 0 and self.list.item(current) is not None:
            self.list.scrollToItem(self.list.item(current))  # a step added at the end is shown, not hidden below

    def set_title(self, index: int, title: str) -> None:
        """Show a step's new title in its row."""
        item = self.list.item(index)
        if item:
            item.setText(self._row_text(index, title))

    def _row_text(self, index: int, title: str) -> str:
        """'2. Title', with '♪ 12 s' on a second line when the step has a voice."""
        text = f"{index + 1}. {title or self.untitled()}"
        seconds = self._voices[index] if index < len(self._voices) else None
        if seconds is not None:
            text += "\n    ♪ " + self.tr("voice %1").replace("%1", length_text(seconds))
        return text

    def show_problems(self, problems: list[tuple[int, Problem]], scanning: list[int] | None = None) -> None:
        """A warning icon and tooltip on each step (and the information button) that has problems; red for errors.

        Steps in `scanning` have a picture still being looked at for personal data: an hourglass until it is done.
        """
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        wait = self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        for row in range(self.list.count()):
            mine = [p for i, p in problems if i == row]
            item = self.list.item(row)
            tips = [p.message() for p in mine]
            if scanning and row in scanning:
                tips.append(self.tr("Looking for personal data in the picture…"))
            item.setIcon(warn if mine else wait if scanning and row in scanning else QIcon())
            item.setToolTip("\n".join(tips))
            item.setForeground(QColor("#b71c1c") if any(p.severity == ERROR for p in mine) else self.palette().text().color())
        meta = [p for i, p in problems if i < 0]
        self.info_button.setIcon(warn if meta else QIcon())

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.stepChosen.emit(row)

    def _rows_dropped(self, *_args: object) -> None:
        # The list already shows the dropped order; read it back as a permutation of model indices.
        order = [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())]
        if order == list(range(self._steps)) or sorted(order) != list(range(self._steps)):
            return  # nothing moved, or a second notice of a move already taken
        if self._reorder_pending:
            return
        self._reorder_pending = True
        item = self.list.currentItem()
        moved = item.data(Qt.ItemDataRole.UserRole) if item else 0

        def apply() -> None:
            self._reorder_pending = False
            self.reordered.emit(order, order.index(moved) if moved in order else 0)

        # After Qt has finished its own drop handling: the list must not be rebuilt under it.
        QTimer.singleShot(0, apply)
