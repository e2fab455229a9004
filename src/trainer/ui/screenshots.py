"""Screenshot mode (TRAINER_SCREENSHOT_DIR): grab the library, the editor, its voice controls, the export, publish
and branding dialogs, then quit.

Used by the Xvfb test and for docs/app.md. Besides the PNGs it writes layout.json: for each shot,
the screen size and every visible widget that sticks out of the screen or is squeezed below its
minimum size, so a test can prove nothing is cut off at 1366x768.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication, QWidget

SETTLE_MS = 1500


def clipped_widgets(window: QWidget) -> list[str]:
    """Visible widgets of a window that are outside the screen or smaller than their minimum size."""
    screen = (window.screen() or QApplication.primaryScreen()).geometry()
    bad = []
    for w in [window, *window.findChildren(QWidget)]:
        if not w.isVisible() or w.width() == 0:
            continue
        top_left = w.mapToGlobal(w.rect().topLeft())
        rect = QRect(top_left, w.size())
        name = f"{type(w).__name__}({w.objectName() or getattr(w, 'text', lambda: '')() if callable(getattr(w, 'text', None)) else w.objectName()})"
        if not screen.contains(rect) and w.isWindow():
            bad.append(f"{name} at {rect.getRect()} outside screen {screen.getRect()}")
        minimum = w.minimumSizeHint() if w.minimumSize().isEmpty() else w.minimumSize()
        if w.isWindow() and (w.width() < minimum.width() or w.height() < minimum.height()):
            bad.append(f"{name} {w.size().toTuple()} below its minimum {minimum.toTuple()}")
    return bad


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
    """Library → editor with preview → its voice controls → export, publish and branding dialogs, one PNG each, then quit."""
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
        if dialog.scroll.verticalScrollBar().maximum() > 0:
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
        finish()

    def finish() -> None:
        (out / "layout.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
        if window.doc is not None:
            window.doc.stack.setClean()
        window.close()
        QApplication.quit()

    QTimer.singleShot(SETTLE_MS, library)
