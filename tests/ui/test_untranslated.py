"""In Vietnamese mode no window or dialog shows an English word: every widget of every one is walked.

English words are those the UI's English strings are made of (the .ts sources, exporter labels and
presets) and that no Vietnamese translation uses; a visible string holding one is untranslated.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from trainer.exporters import formats, get_exporter
from trainer.library import scan
from trainer.store.problems import FIELD_LABELS, set_language
from trainer.ui import app as app_module

TS = Path(app_module.__file__).resolve().parents[1] / "resources" / "translations" / "trainer_vi.ts"
WORD = re.compile(r"[A-Za-z]{3,}")
# Key names as printed on the keys ("(Alt+Down)", "(Ctrl+Shift+P)") stay as they are on every keyboard.
SHORTCUT = re.compile(r"\((?:Ctrl|Alt|Shift|Meta|F\d+)[^)]*\)")
PATHISH = re.compile(r"\S*[/\\]\S*|\S+\.(?:zip|html|pdf|png|mp4|pptx|md|toml)\b")


def english_vocabulary() -> set[str]:
    """Words of the English UI strings that no Vietnamese translation uses."""
    english: set[str] = set()
    vietnamese: set[str] = set()
    for message in ET.parse(TS).iter("message"):
        english |= {w.lower() for w in WORD.findall(message.findtext("source") or "")}
        vietnamese |= {w.lower() for w in WORD.findall(message.findtext("translation") or "")}
    for name in formats():
        exporter = get_exporter(name)
        english |= {w.lower() for w in WORD.findall(exporter.label)}
        for preset in exporter.presets:
            english |= {w.lower() for w in WORD.findall(preset + " " + exporter.preset_labels.get(preset, ("", ""))[1])}
        vietnamese |= {w.lower() for w in WORD.findall(exporter.label_vi)}
    english |= {w.lower() for _vi, en in FIELD_LABELS.values() for w in WORD.findall(en)}
    return english - vietnamese


def texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a person can read on a widget and its children."""
    for w in [widget, *widget.findChildren(QWidget)]:
        name = f"{type(w).__name__}({w.objectName()})"
        if w.isWindow():
            yield name + ".windowTitle", w.windowTitle()
        yield name + ".toolTip", w.toolTip()
        yield name + ".statusTip", w.statusTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield name + ".text", w.text()
        if isinstance(w, QGroupBox):
            yield name + ".title", w.title()
        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            yield name + ".placeholder", w.placeholderText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name}.item{i}", w.itemText(i)
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                yield f"{name}.item{i}", w.item(i).text()
        if isinstance(w, QTableWidget):
            for i in range(w.columnCount()):
                item = w.horizontalHeaderItem(i)
                yield f"{name}.header{i}", item.text() if item else ""
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name}.tab{i}", w.tabText(i)
        if isinstance(w, QMenu):
            yield name + ".title", w.title()
        for action in w.actions():
            yield f"{name}.action", action.text()
            yield f"{name}.action.toolTip", action.toolTip()


def untranslated(widget: QWidget, english: set[str]) -> list[str]:
    found = []
    for where, text in texts(widget):
        plain = PATHISH.sub(" ", SHORTCUT.sub(" ", (text or "").replace("&", "")))
        words = [w for w in WORD.findall(plain) if w.lower() in english]
        if words:
            found.append(f"{where}: {text!r} ({', '.join(words)})")
    return sorted(set(found))


@pytest.fixture
def vietnamese(qapp):  # type: ignore[no-untyped-def]
    translators = app_module.install_translator(qapp, "vi")
    set_language("vi")
    yield
    set_language(None)
    for t in translators:
        qapp.removeTranslator(t)


def test_no_english_in_any_window_or_dialog(qtbot, vietnamese, library: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from trainer.importers import Imported, Note
    from trainer.store import load_guide
    from trainer.ui.branding_dialog import BrandingDialog
    from trainer.ui.export_dialog import ExportDialog
    from trainer.ui.import_dialog import ImportDialog, ImportReport
    from trainer.ui.kit_dialogs import VerifyKitsDialog
    from trainer.ui.preferences import PreferencesDialog
    from trainer.ui.publish_dialog import PublishDialog

    english = english_vocabulary()
    assert {"export", "guide", "handout", "vertical"} <= english  # the detector knows the words it hunts
    window = app_module.MainWindow(library)
    qtbot.addWidget(window)
    leaks = untranslated(window, english)  # the library, every menu and action
    assert window.open_guide(library / "dang-ky-vssid")
    leaks += untranslated(window, english)  # the editor: steps, metadata form, marks, preview
    from trainer.ui.metadata_form import MetadataForm

    window.findChild(MetadataForm)._set("topic", "Dịch vụ công")  # type: ignore[union-attr]
    assert window.a_undo.text() == "Hoàn tác Sửa chủ đề"  # the field's name, not its key 'topic'
    guide = load_guide(library / "dang-ky-vssid")
    entries, _ = scan(library)
    printer = QPrinter()  # outlives its preview dialog
    dialogs: list[QWidget] = [
        ExportDialog(guide, tmp_path / "out", library=library),
        PublishDialog(library, entries),
        BrandingDialog(library, guide),
        VerifyKitsDialog(tmp_path),
        PreferencesDialog(window),
        QPrintPreviewDialog(printer),
        ImportDialog(library, [tmp_path / "Ảnh chụp"]),
        ImportReport(
            [Imported(library / "dang-ky-vssid", guide.title, 3, "", [Note("review-draft", {"source": "a.docx"})])], "vi"
        ),
    ]
    for mode in (QFileDialog.FileMode.ExistingFile, QFileDialog.FileMode.Directory):
        files = QFileDialog(window)
        files.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
        files.setFileMode(mode)
        dialogs.append(files)
    from trainer.ui.presenter import PresenterWindow

    presenter = PresenterWindow(guide, "default", None)  # the slides window and its presenter view, not started
    dialogs.append(presenter)
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        leaks += untranslated(dialog, english)
        dialog.hide()
    assert leaks == [], "\n".join(leaks)
    window.doc.stack.setClean()  # type: ignore[union-attr]
    window.close_guide()


def test_the_detector_catches_english(qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    english = english_vocabulary()
    box = QWidget()
    qtbot.addWidget(box)
    QPushButton("Printable handout", box)
    QLabel("Tài liệu in: /tmp/guide/handout.pdf", box)  # a path is a name, not English
    assert untranslated(box, english) == ["QPushButton().text: 'Printable handout' (Printable, handout)"]


# Qt's own print dialogs are held to a stricter rule: their strings come from Qt, not from our .ts
# sources, so any word no Vietnamese translation uses is English showing through. Paper names (A4,
# Letter, JIS B5 ...) are the names printed on paper packs and stay as they are, like file names.
QT_NAMES = {"pdf", "cups", "ansi"}
PAPER_NAMES = "pageSizeCombo"


def vietnamese_words() -> set[str]:
    """Every letter run the Vietnamese translations are made of."""
    return {w.lower() for m in ET.parse(TS).iter("message") for w in WORD.findall(m.findtext("translation") or "")}


def not_vietnamese(widget: QWidget, known: set[str]) -> list[str]:
    found = []
    for where, text in texts(widget):
        if PAPER_NAMES in where:
            continue
        words = [w for w in WORD.findall((text or "").replace("&", "")) if w.lower() not in known | QT_NAMES]
        if words:
            found.append(f"{type(widget).__name__}: {where}: {text!r} ({', '.join(words)})")
    return sorted(set(found))


def print_dialog_leaks(qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    """Walk the print dialog, its printer properties (a modal it opens), page setup and print preview."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QApplication, QPushButton

    known = vietnamese_words()
    printer = QPrinter()
    leaks: list[str] = []
    dialog = QPrintDialog(printer)  # on Linux this is Qt's own dialog, not a native one
    qtbot.addWidget(dialog)
    dialog.show()
    walked: list[str] = []

    def walk_properties() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not dialog:
            walked.append(modal.windowTitle())
            leaks.extend(not_vietnamese(modal, known))
            modal.reject()

    QTimer.singleShot(300, walk_properties)
    properties = dialog.findChild(QPushButton, "properties")
    assert properties is not None and properties.isEnabled()
    properties.click()  # runs the properties dialog's own event loop until walk_properties closes it
    assert walked, "the printer properties dialog did not open"
    leaks += not_vietnamese(dialog, known)
    dialog.hide()
    for other in (QPageSetupDialog(printer), QPrintPreviewDialog(printer)):
        qtbot.addWidget(other)
        other.show()
        leaks += not_vietnamese(other, known)
        other.hide()
    return leaks


def test_qt_print_dialogs_speak_vietnamese(qtbot, vietnamese) -> None:  # type: ignore[no-untyped-def]
    leaks = print_dialog_leaks(qtbot)
    assert leaks == [], "\n".join(leaks)


def test_the_print_dialog_walk_catches_qt_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    leaks = "\n".join(print_dialog_leaks(qtbot))  # no translator: Qt's own English
    for english in ("'Copies'", "'Printer Properties'", "'Job Control'", "'Orientation'", "'Zoom in'"):
        assert english in leaks, english
