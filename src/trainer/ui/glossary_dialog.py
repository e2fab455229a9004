"""The library glossary (Từ cần biết) in a small table: term, one plain explanation, other spellings.

Reading, checking and writing the file is trainer.store.glossary's job; this dialog only edits rows,
says what is wrong before saving (an explanation over 20 words, a spelling used twice), and lists the
hard words the library's guides use that no entry explains yet.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.model import Term
from trainer.store import GuideError, load_library
from trainer.store.glossary import (
    MAX_EXPLANATION_WORDS,
    explanation_words,
    glossary_file,
    parse_glossary,
    read_glossary,
    save_glossary,
    serialize_glossary,
)
from trainer.store.problems import ERROR
from trainer.terms import unexplained

TERM, EXPLANATION, SYNONYMS = range(3)
_WARN = QColor("#fde8e8")


class GlossaryDialog(QDialog):
    """Edit `glossary.yml` of one library folder; Save writes it atomically, only when every row is valid."""

    def __init__(self, library: Path, terms: list[Term], parent: QWidget | None = None):
        super().__init__(parent)
        self.library = Path(library)
        self.path = glossary_file(self.library)
        self.setWindowTitle(self.tr("Glossary (Từ cần biết)"))
        self.resize(980, 560)
        intro = QLabel(
            self.tr(
                "Words a first-time smartphone user may not know. Each gets one plain sentence of at most %1 words. "
                "Handouts, web pages and presenter notes explain the terms a guide uses."
            ).replace("%1", str(MAX_EXPLANATION_WORDS))
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Term"), self.tr("Explanation"), self.tr("Other spellings")])
        self.table.horizontalHeaderItem(SYNONYMS).setToolTip(self.tr("Other ways guides write the term, separated by commas"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TERM, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(EXPLANATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SYNONYMS, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(TERM, 180)
        self.table.setColumnWidth(SYNONYMS, 240)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        for term in terms:
            self._append(term.term, term.explanation, ", ".join(term.synonyms))
        self.table.resizeRowsToContents()
        self.table.itemChanged.connect(self._changed)
        self.add_button = QPushButton(self.tr("Add term"))
        self.add_button.setToolTip(self.tr("Add an empty row at the end and start typing the term"))
        self.add_button.clicked.connect(self.add_term)
        self.remove_button = QPushButton(self.tr("Remove term"))
        self.remove_button.setToolTip(self.tr("Remove the selected rows"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.missing)
        layout.addWidget(buttons)
        self.guides = load_library(self.library)[0]
        self._refresh()

    # -- rows ---------------------------------------------------------------------------------------
    def _append(self, term: str, explanation: str, synonyms: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in ((TERM, term), (EXPLANATION, explanation), (SYNONYMS, synonyms)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        return row

    def add_term(self) -> None:
        """A new empty row, ready for typing its term."""
        self.table.blockSignals(True)
        row = self._append("", "", "")
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, TERM)
        self.table.editItem(self.table.item(row, TERM))
        self._refresh()

    def remove_selected(self) -> None:
        """Remove the selected rows."""
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self._refresh()

    def terms(self) -> list[Term]:
        """The rows as glossary entries (rows with neither term nor explanation are skipped)."""
        found = []
        for row in range(self.table.rowCount()):
            term, explanation, synonyms = (self._text(row, column) for column in (TERM, EXPLANATION, SYNONYMS))
            if term or explanation:
                found.append(Term(term, explanation, [s.strip() for s in synonyms.split(",") if s.strip()]))
        return found

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return " ".join(item.text().split()) if item is not None else ""

    # -- checking -----------------------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What stops saving, one line per problem, naming the row."""
        lines = []
        rows = [row for row in range(self.table.rowCount()) if self._text(row, TERM) or self._text(row, EXPLANATION)]
        for row in rows:
            term, explanation = self._text(row, TERM), self._text(row, EXPLANATION)
            if not term:
                lines.append(self.tr("Row %1: the term is empty").replace("%1", str(row + 1)))
            elif not explanation:
                lines.append(self.tr("Row %1: '%2' has no explanation").replace("%1", str(row + 1)).replace("%2", term))
            elif explanation_words(explanation) > MAX_EXPLANATION_WORDS:
                lines.append(
                    self.tr("Row %1: the explanation of '%2' has %3 words, at most %4")
                    .replace("%1", str(row + 1))
                    .replace("%2", term)
                    .replace("%3", str(explanation_words(explanation)))
                    .replace("%4", str(MAX_EXPLANATION_WORDS))
                )
        if not lines:  # what the file format itself refuses (a spelling in two entries), in its own words
            text = serialize_glossary(self.terms())
            _, found = parse_glossary(text, self.path)
            for problem in found:
                if problem.severity == ERROR:
                    row = entry_of(text, problem.line)
                    lines.append(self.tr("Row %1: %2").replace("%1", str(row)).replace("%2", problem.message()))
        return lines

    def _changed(self, item: QTableWidgetItem) -> None:
        self._refresh()

    def _refresh(self) -> None:
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            words = explanation_words(self._text(row, EXPLANATION))
            item = self.table.item(row, EXPLANATION)
            if item is not None:
                too_long = words > MAX_EXPLANATION_WORDS
                item.setBackground(_WARN if too_long else QColor(Qt.GlobalColor.transparent))
                item.setToolTip(self.tr("%1 of %2 words").replace("%1", str(words)).replace("%2", str(MAX_EXPLANATION_WORDS)))
        self.table.blockSignals(False)
        problems = self.problems()
        self.status.setText("\n".join(problems))
        self.save_button.setEnabled(not problems)
        terms = self.terms()
        missing = sorted({word for guide in self.guides for word, _ in unexplained(guide, terms)}, key=str.casefold)
        self.missing.setText(
            self.tr("Hard words the guides use that no entry explains yet: %1").replace("%1", ", ".join(missing))
            if missing
            else ""
        )

    def accept(self) -> None:
        """Save the glossary; stay open and say why when it cannot be saved."""
        problems = self.problems()
        if problems:
            self.status.setText("\n".join(problems))
            return
        try:
            save_glossary(self.terms(), self.path)
        except (GuideError, OSError) as exc:
            QMessageBox.warning(self, self.windowTitle(), self.tr("The glossary could not be saved: %1").replace("%1", str(exc)))
            return
        super().accept()


def entry_of(text: str, line: int) -> int:
    """The entry number (1-based) that line `line` of a glossary file belongs to: each entry starts with '- '."""
    return max(1, sum(1 for row in text.split("\n")[:line] if row.startswith("- ")))


def edit_glossary(parent: QWidget | None, library: Path) -> bool:
    """Open the glossary of `library` for editing; a file with errors is not opened (it would lose entries)."""
    terms, problems = read_glossary(glossary_file(library))
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("GlossaryDialog", "Glossary"),
            QCoreApplication.translate("GlossaryDialog", "Fix this in a text editor first, so no entry is lost:\n%1").replace(
                "%1", str(errors[0])
            ),
        )
        return False
    return bool(GlossaryDialog(library, terms, parent).exec())
