"""Screenshot mode (TRAINER_SCREENSHOT_DIR): grab the library, the editor, its voice controls, the export, publish,
branding and preferences dialogs and the presenter view, then quit.

Used by the Xvfb test and for docs/app.md. Besides the PNGs it writes layout.json: for each shot, the
screen size and every visible widget whose text does not fit, that is squeezed below its minimum size or
that sticks out of its window or the screen, so a test can prove nothing is cut off at 1366x768.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QWidget,
)

SETTLE_MS = 1500


def clipped_widgets(window: QWidget) -> list[str]:
    """What a person would see cut off in a window: the window outside the screen or below its minimum size,
    and every visible child (labels, buttons, fields, group boxes, table headers...) whose text does not fit,
    that is squeezed below its minimum size, or that sticks out of the window."""
    screen = (window.screen() or QApplication.primaryScreen()).geometry()
    bad = []
    window_rect = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
    if not screen.contains(window_rect):
        bad.append(f"{_name(window)} at {window_rect.getRect()} outside screen {screen.getRect()}")
    for w in [window, *window.findChildren(QWidget)]:
        if not w.isVisible() or w.width() == 0 or w.height() == 0:
            continue
        if w is not window and (
            w.isWindow() or _scrolled(w, window) or isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
        ):
            continue  # its own window, inside a scroll area where scrolling reaches it, or a spin box's or combo's own part
        minimum = w.minimumSizeHint() if w.minimumSize().isEmpty() else w.minimumSize()
        if isinstance(w, QHeaderView):
            bad += _cut_header_sections(w)
        elif w.width() < minimum.width() or w.height() < minimum.height():
            bad.append(f"{_name(w)} {w.size().toTuple()} below its minimum {minimum.toTuple()}")
        elif isinstance(w, QLabel) and w.wordWrap() and w.text() and w.heightForWidth(w.width()) > w.height():
            bad.append(f"{_name(w)} needs {w.heightForWidth(w.width())} px of height for its text, has {w.height()}")
        if w is not window:
            rect = QRect(w.mapToGlobal(QPoint(0, 0)), w.size())
            if not window_rect.contains(rect):
                bad.append(f"{_name(w)} at {rect.getRect()} sticks out of its window {window_rect.getRect()}")
    return bad


def _name(w: QWidget) -> str:
    """The widget's class and what it says (or its object name), for a readable problem line."""
    text = w.text() if isinstance(w, (QLabel, QAbstractButton, QLineEdit)) else ""
    if isinstance(w, QGroupBox):
        text = w.title()
    return f"{type(w).__name__}({w.objectName() or text})"


def _scrolled(w: QWidget, window: QWidget) -> bool:
    """True when an ancestor below `window` is a scroll area's viewport: the widget may lie beyond the view."""
    parent = w.parentWidget()
    while parent is not None and parent is not window:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent and not isinstance(area, QAbstractItemView):
            return True
        parent = area
    return False


def _cut_header_sections(header: QHeaderView) -> list[str]:
    """Header sections whose label is wider than the section (Qt would elide it)."""
    model = header.model()
    if model is None:
        return []
    metrics = header.fontMetrics()
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 8
    cut = []
    if header.orientation() == Qt.Orientation.Horizontal and header.height() < metrics.height():
        cut.append(f"{_name(header)} {header.height()} px tall, its labels need {metrics.height()}")
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        label = str(model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        if label and metrics.horizontalAdvance(label) + margin > header.sectionSize(section):
            cut.append(f"{_name(header)} section '{label}' {header.sectionSize(section)} px wide, needs more")
    return cut


def _grab(window: QWidget, path: Path, report: dict) -> None:  # type: ignore[type-arg]
    screen = window.screen() or QApplication.primaryScreen()
    QApplication.processEvents()
    shot = screen.grabWindow(0)
    if shot.isNull() or shot.width() == 0:
        shot = window.grab()
    shot.save(str(path))
    report[path.stem] = {
        "screen": screen.geometry().getRect(),
        "window": window.frameGeometry().getRect(),
        "problems": clipped_widgets(window),
    }


def take_screenshots(window, out: Path) -> None:  # type: ignore[no-untyped-def]
    """Library → editor with preview → its voice controls → export, publish, branding, preferences → presenter view, one PNG each, then quit."""
    out.mkdir(parents=True, exist_ok=True)
    report: dict = {}  # type: ignore[type-arg]
    # Xvfb has no window manager to maximise: fill the available screen ourselves, as a maximised window would.
    window.setGeometry((window.screen() or QApplication.primaryScreen()).availableGeometry())

    def library() -> None:
        _grab(window, out / "library.png", report)
        entries = window.library_view.model.entries
        if not entries:
            finish()
            return
        window.open_guide(entries[0].folder)
        if window.editor is not None and len(window.doc.guide.steps) > 1:
            window.editor.select_step(1)
        QTimer.singleShot(SETTLE_MS * 2, editor)

    def editor() -> None:
        _grab(window, out / "editor.png", report)
        # The step form scrolled to its end: the voice (narration) controls and the clip duration.
        bar = window.editor.forms.currentWidget().verticalScrollBar()
        bar.setValue(bar.maximum())
        QTimer.singleShot(SETTLE_MS, narration)

    def narration() -> None:
        _grab(window, out / "narration.png", report)
        from trainer.ui.export_dialog import ExportDialog

        dialog = ExportDialog(window.doc.snapshot(), None, parent=window, open_folder=False, library=window.library)
        dialog.select(*[b.name for b in dialog.boxes])
        dialog.show()
        QTimer.singleShot(SETTLE_MS, lambda: export(dialog))

    def export(dialog) -> None:  # type: ignore[no-untyped-def]
        _grab(dialog, out / "export.png", report)
        report["export"]["problems"] += clipped_widgets(window)
        if dialog.scroll.verticalScrollBar().maximum() > 0 or dialog.scroll.horizontalScrollBar().maximum() > 0:
            report["export"]["problems"].append("the formats need scrolling")
        dialog.close()
        from trainer.ui.publish_dialog import PublishDialog

        publish = PublishDialog(window.library, window.library_view.entries, [window.doc.path.parent], parent=window)
        publish.show()
        QTimer.singleShot(SETTLE_MS, lambda: publish_shot(publish))

    def publish_shot(dialog) -> None:  # type: ignore[no-untyped-def]
        _grab(dialog, out / "publish.png", report)
        dialog.close()
        from trainer.ui.branding_dialog import BrandingDialog

        branding = BrandingDialog(window.library, window.doc.snapshot(), parent=window)
        branding.department.setText("Sở Khoa học và Công nghệ tỉnh Lào Cai")
        branding.short_name.setText("Sở KH&CN Lào Cai")
        branding.hotlines.setText("0214 3 555 666, 1800 1096")
        branding.website.setText("https://sokhcn.laocai.gov.vn")
        branding.show()
        QTimer.singleShot(
            SETTLE_MS, lambda: (branding.refresh_preview(), QTimer.singleShot(SETTLE_MS, lambda: branding_shot(branding)))
        )

    def branding_shot(dialog) -> None:  # type: ignore[no-untyped-def]
        _grab(dialog, out / "branding.png", report)
        dialog.close()
        from trainer.ui.preferences import PreferencesDialog

        preferences = PreferencesDialog(window)
        preferences.show()
        QTimer.singleShot(SETTLE_MS, lambda: preferences_shot(preferences))

    def preferences_shot(dialog) -> None:  # type: ignore[no-untyped-def]
        _grab(dialog, out / "preferences.png", report)
        dialog.close()
        from trainer.ui.presenter import PresenterWindow

        # One screen: the presenter view takes the slides' place, as on a laptop without a TV.
        presenter = PresenterWindow(window.doc.snapshot(), window.current_theme(), None)
        presenter.start(presenter_view=True)
        QTimer.singleShot(SETTLE_MS * 2, lambda: presenter_shot(presenter))

    def presenter_shot(presenter) -> None:  # type: ignore[no-untyped-def]
        _grab(presenter, out / "presenter-view.png", report)
        if not presenter.showing_view_in_place():
            report["presenter-view"]["problems"].append("the presenter view is not showing")
        presenter.close()
        finish()

    def finish() -> None:
        (out / "layout.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
        if window.doc is not None:
            window.doc.stack.setClean()
        window.close()
        QApplication.quit()

    QTimer.singleShot(SETTLE_MS, library)
