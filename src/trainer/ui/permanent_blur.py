"""Apply the blur permanently: the library's own picture loses, for good, the pixels under its blur marks.

Outputs and kits never carry those pixels anyway (trainer.privacy.redact destroys them on the way out);
this is for an editor who does not want the original kept at all, even on this computer. So it asks
first and says plainly what cannot be brought back. The original is NOT moved to the system trash or kept
as a backup: either would keep the very personal data the person asked to destroy. What it offers is
undo (Ctrl+Z) while the guide stays open: the original bytes live only in the undo stack, in memory,
and are gone when the guide is closed.

The blur marks whose pixels were destroyed are removed from the step (there is nothing left under them
to hide); keep marks stay, since they record a decision about what may stay visible. A picture shown by
several steps changes in all of them; only the chosen steps' blurs are applied, and the other steps keep
their own marks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from trainer.model import Guide
from trainer.ui.document import GuideDocument
from trainer.ui.guide_check import picture_path
from trainer.ui.picture_intake import media_message


def blurred_pictures(guide: Guide, steps: list[int]) -> dict[Path, list[int]]:
    """The picture files of `steps` that have blur marks there, each with the chosen steps that show it."""
    found: dict[Path, list[int]] = {}
    for index in steps:
        if not 0 <= index < len(guide.steps):
            continue
        step = guide.steps[index]
        path = picture_path(guide, step)
        if path is not None and any(m.kind == "blur" for m in step.annotations):
            found.setdefault(path, []).append(index)
    return found


def _confirm(parent: QWidget, guide: Guide, pictures: dict[Path, list[int]]) -> bool:
    assert guide.folder is not None
    names = [str(path.relative_to(guide.folder)) for path in pictures]
    chosen = {i for indices in pictures.values() for i in indices}
    also = sorted(i + 1 for i, step in enumerate(guide.steps) if i not in chosen and picture_path(guide, step) in pictures)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("PermanentBlur", "Apply blur permanently"))
    box.setText(
        QCoreApplication.translate(
            "PermanentBlur", "Destroy what is under the blur in %1 picture(s) of the library, for good?"
        ).replace("%1", str(len(pictures)))
    )
    details = [
        QCoreApplication.translate(
            "PermanentBlur",
            "The hidden parts are painted over in the picture file itself (%1); the blur marks are then removed, since there is nothing left under them.",
        ).replace("%1", ", ".join(names)),
        QCoreApplication.translate(
            "PermanentBlur",
            "You can undo this (Ctrl+Z) until you close the guide. After that the original picture cannot be brought back: it is not kept anywhere, not even in the trash.",
        ),
        QCoreApplication.translate(
            "PermanentBlur",
            "Exports and kits never carry what is under a blur anyway: do this only if the original must not stay on this computer.",
        ),
    ]
    if also:
        details.insert(
            1,
            QCoreApplication.translate(
                "PermanentBlur", "The same picture is also shown in step(s) %1: it changes there too."
            ).replace("%1", ", ".join(map(str, also))),
        )
    box.setInformativeText("\n\n".join(details))
    apply = box.addButton(QCoreApplication.translate("PermanentBlur", "Destroy for good"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is apply


def apply_blur_permanently(parent: QWidget, doc: GuideDocument, steps: list[int]) -> list[Path]:
    """Ask, then destroy the pixels under the blur marks of `steps` in their picture files, as one undoable edit.

    Returns the pictures rewritten ([] when there was nothing to do, the person said no, or it failed:
    then a message said why and nothing changed).
    """
    from trainer.privacy.redact import redacted_bytes
    from trainer.store.media import MediaError

    guide = doc.guide
    pictures = blurred_pictures(guide, steps)
    if not pictures:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("PermanentBlur", "Apply blur permanently"),
            QCoreApplication.translate("PermanentBlur", "There is no blur mark on this picture: nothing to apply."),
        )
        return []
    if not _confirm(parent, guide, pictures):
        return []
    files: dict[Path, bytes] = {}
    try:
        for path, indices in pictures.items():
            marks = [m for i in indices for m in guide.steps[i].annotations if m.kind == "blur"]
            files[path] = redacted_bytes(path, marks)
    except (MediaError, OSError) as exc:
        said = media_message(exc) if isinstance(exc, MediaError) else (exc.strerror or str(exc))
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PermanentBlur", "Apply blur permanently"),
            QCoreApplication.translate("PermanentBlur", "Nothing was changed: %1").replace("%1", said),
        )
        return []
    chosen = sorted({i for indices in pictures.values() for i in indices})

    def drop_blurs(g: Guide) -> None:
        for i in chosen:
            g.steps[i].annotations = [m for m in g.steps[i].annotations if m.kind != "blur"]

    try:
        doc.edit_files(
            QCoreApplication.translate("PermanentBlur", "Apply blur permanently"),
            drop_blurs,
            files,
            chosen[0] if len(chosen) == 1 else None,
        )
    except OSError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PermanentBlur", "Apply blur permanently"),
            QCoreApplication.translate("PermanentBlur", "Nothing was changed: %1").replace("%1", exc.strerror or str(exc)),
        )
        return []
    return list(files)
