"""The docs picture of the marking canvas: `TRAINER_TEST_HOOK=marking_screenshot:run` (see docs/app.md).

Opens step 5 of vneid-kich-hoat, takes the phone number's blur off (so detection proposes it again),
gives the picture the whole window, zooms to 200 % on the two numbers, selects the ID number's blur so
its handles show, waits for the personal-data proposal and saves the window as MARKING_SHOT (a PNG).
Run it on a copy of the library (nothing is saved): `bash tools/marking-screenshot.sh`.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPointF, QTimer
from PySide6.QtWidgets import QApplication


def run(window) -> None:  # type: ignore[no-untyped-def]
    """Drive the app to the marking view and save the screenshot, then quit."""
    out = Path(os.environ["MARKING_SHOT"])
    window.setGeometry((window.screen() or QApplication.primaryScreen()).availableGeometry())

    def open_step() -> None:
        window.open_guide(window.library / "vneid-kich-hoat")
        editor, doc = window.editor, window.doc
        editor.select_step(4)
        phone = [i for i, m in enumerate(doc.guide.steps[4].annotations) if m.kind == "blur"][-1]
        doc.edit("shot", lambda g: g.steps[4].annotations.pop(phone), 4)
        editor.reload()
        editor.set_picture_focus(True)
        editor.step_form.picture.look_for_personal_data()
        QTimer.singleShot(500, wait_for_proposals)

    def wait_for_proposals(tries: int = 0) -> None:
        picture = window.editor.step_form.picture
        if not picture.canvas.proposals() and tries < 240:
            QTimer.singleShot(500, lambda: wait_for_proposals(tries + 1))
            return
        canvas = picture.canvas
        canvas.set_zoom(2.0)
        image = canvas._image
        canvas.centerOn(QPointF(image.width() * 0.5, image.height() * 0.22))
        blur = [i for i, m in enumerate(canvas.annotations()) if m.kind == "blur"][0]
        canvas.select(blur)
        canvas.setFocus()
        QTimer.singleShot(800, grab)

    def grab() -> None:
        screen = window.screen() or QApplication.primaryScreen()
        shot = screen.grabWindow(0)
        (shot if not shot.isNull() else window.grab()).save(str(out))
        window.doc.stack.setClean()
        window.close()
        QApplication.quit()

    QTimer.singleShot(1500, open_step)
