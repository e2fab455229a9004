"""The guide editor window: step list, the guide information or step form, and the live preview, side by side.

Widgets never change the guide directly: each change goes through GuideDocument.edit(), which
makes it one undo step. After undo/redo the widgets reload from the model. The parts live in files
named for what they are: step_list.py, metadata_form.py, step_form.py, step_picture.py, callout_list.py.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from trainer.model import Guide, Step
from trainer.store.problems import ERROR, Problem
from trainer.ui.document import GuideDocument
from trainer.ui.guide_check import CHECK_DEBOUNCE_MS, FIT_DEBOUNCE_MS, guide_problems, picture_path, privacy_problems
from trainer.ui.metadata_form import MetadataForm
from trainer.ui.personal_data_scan import wait_for_scans
from trainer.ui.preview import PreviewPane
from trainer.ui.privacy_check import PrivacyCheck
from trainer.ui.screenshot_intake import ScreenshotIntake, picture_paths
from trainer.ui.step_form import StepForm
from trainer.ui.step_list import StepListPanel

# Actions that need a step to work on.
STEP_ACTIONS = (
    "duplicate_step",
    "delete_step",
    "move_up",
    "move_down",
    "choose_image",
    "paste_image",
    "remove_image",
    "bold",
    "italic",
    "list",
    "zoom_out",
    "zoom_in",
    "zoom_fit",
    "zoom_actual",
    "picture_focus",
)

PROBLEM_STYLE = "color: #b71c1c; background: #ffebee; padding: 4px; border-radius: 4px;"
WAITING_STYLE = "color: #37474f; background: #eceff1; padding: 4px; border-radius: 4px;"


class GuideEditor(QWidget):
    """Edits one GuideDocument; shows problems next to the step they concern and a live preview."""

    statusMessage = Signal(str)

    def __init__(self, doc: GuideDocument, topics: list[str] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.current = 0 if doc.guide.steps else -1  # -1 = guide information
        self.problems: list[tuple[int, Problem]] = []
        self.actions_ = self._make_actions()
        self.steps = StepListPanel(self.actions_)
        self.step_list = self.steps.list
        self.steps.stepChosen.connect(self._step_chosen)
        self.steps.reordered.connect(self.reorder)
        self.meta_form = MetadataForm(doc, sorted(set(topics or [])))
        self.step_form = StepForm(doc, self.actions_)
        self.step_form.titleEdited.connect(self.steps.set_title)
        self.step_form.narration.narrationChanged.connect(lambda _index: self.steps.fill(self.guide, self.current))
        self.step_form.picture.statusMessage.connect(self.statusMessage)
        self.step_form.picture.manyPictures.connect(self.add_screenshots)
        self.steps.list.filesDropped.connect(self.add_screenshots)
        self.intake = ScreenshotIntake(self)
        self.intake.finished.connect(self._screenshots_ready)
        self.intake.failed.connect(self._screenshots_failed)
        self.forms = QStackedWidget()
        self.forms.addWidget(self._scroll(self.meta_form))
        self.forms.addWidget(self._scroll(self.step_form))
        # Problems show under the form, never above it: a banner that appears must not push the field
        # being typed in away from under the mouse.
        self.problem_banner = QLabel()
        self.problem_banner.setWordWrap(True)
        self.problem_banner.setStyleSheet(PROBLEM_STYLE)
        self.problem_banner.setVisible(False)
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.forms, 1)
        column.addWidget(self.problem_banner)
        self.preview = PreviewPane()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.steps)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([200, 620, 480])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.doc.changed.connect(self._on_doc_changed)
        self.doc.fileFailed.connect(self._file_failed)
        self._fit_problems: list[tuple[int, Problem]] = []
        self._rule_problems: list[tuple[int, Problem]] = []
        # The privacy gate, as `trainer check` runs it: pictures are looked at in a worker (shared with the
        # picture's blur proposals), the marks are weighed on every check.
        self.privacy = PrivacyCheck(self.step_form.picture.scans, self)
        self.privacy.changed.connect(self._weigh_privacy)
        self._privacy_problems: list[tuple[int, Problem]] = []
        self.scanning_steps: list[int] = []
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DEBOUNCE_MS)
        self.check_timer.timeout.connect(self._run_check)
        self.fit_timer = QTimer(self)
        self.fit_timer.setSingleShot(True)
        self.fit_timer.setInterval(FIT_DEBOUNCE_MS)
        self.fit_timer.timeout.connect(self._run_fit)
        self.reload()

    @staticmethod
    def _scroll(inner: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(inner)
        area.setFrameShape(QFrame.Shape.NoFrame)
        return area

    def _make_actions(self) -> dict[str, QAction]:
        """The editor's actions as data: name -> (label, shortcut, tip, icon, handler); the menus show the same ones."""
        style = self.style()
        spec = {
            "add_step": (
                self.tr("Add step"),
                "Ctrl+Shift+N",
                self.tr("Add a new step after the selected one"),
                QStyle.StandardPixmap.SP_FileDialogNewFolder,
                self.add_step,
            ),
            "duplicate_step": (
                self.tr("Duplicate step"),
                "Ctrl+D",
                self.tr("Make a copy of the selected step"),
                QStyle.StandardPixmap.SP_FileDialogDetailedView,
                self.duplicate_step,
            ),
            "delete_step": (
                self.tr("Delete step"),
                "Ctrl+Shift+Delete",
                self.tr("Remove the selected step (you can undo)"),
                QStyle.StandardPixmap.SP_TrashIcon,
                self.delete_step,
            ),
            "move_up": (
                self.tr("Move step up"),
                "Alt+Up",
                self.tr("Move the selected step one place earlier"),
                QStyle.StandardPixmap.SP_ArrowUp,
                lambda: self.move_step(-1),
            ),
            "move_down": (
                self.tr("Move step down"),
                "Alt+Down",
                self.tr("Move the selected step one place later"),
                QStyle.StandardPixmap.SP_ArrowDown,
                lambda: self.move_step(1),
            ),
            "bold": (
                self.tr("Bold"),
                "Ctrl+B",
                self.tr("Make the selected words bold"),
                None,
                lambda: self.step_form.format_text("bold"),
            ),
            "italic": (
                self.tr("Italic"),
                "Ctrl+I",
                self.tr("Make the selected words italic"),
                None,
                lambda: self.step_form.format_text("italic"),
            ),
            "list": (
                self.tr("List"),
                "Ctrl+Shift+L",
                self.tr("Turn the selected lines into a list"),
                None,
                lambda: self.step_form.format_text("list"),
            ),
            "choose_image": (
                self.tr("Choose image…"),
                "Ctrl+Shift+I",
                self.tr("Pick a picture file for this step"),
                QStyle.StandardPixmap.SP_DialogOpenButton,
                lambda: self.step_form.picture.choose_image(),
            ),
            "paste_image": (
                self.tr("Paste image"),
                "Ctrl+Shift+V",
                self.tr("Use the picture you copied (for example a screenshot)"),
                None,
                lambda: self.step_form.picture.paste_image(),
            ),
            "remove_image": (
                self.tr("Remove image"),
                "",
                self.tr("Take the picture off this step (the file stays in the folder)"),
                None,
                lambda: self.step_form.picture.remove_image(),
            ),
            "blur_permanently": (
                self.tr("Apply blur permanently…"),
                "",
                self.tr("Destroy what is under this picture's blur marks in the picture file itself (asks first)"),
                None,
                lambda: self.apply_blur_permanently(all_steps=False),
            ),
            "blur_permanently_all": (
                self.tr("Apply blur permanently to every picture…"),
                "",
                self.tr(
                    "Destroy what is under the blur marks in every picture of this guide, in the files themselves (asks first)"
                ),
                None,
                lambda: self.apply_blur_permanently(all_steps=True),
            ),
            "delete_mark": (
                self.tr("Delete mark"),
                "",
                self.tr("Remove the selected mark from the picture (or press Delete)"),
                None,
                lambda: self.step_form.picture.delete_selected_mark(),
            ),
            "zoom_out": (
                "−",
                "",
                self.tr("Show the picture smaller (-, or Ctrl+wheel)"),
                None,
                lambda: self.step_form.picture.canvas.zoom_out(),
            ),
            "zoom_in": (
                "+",
                "",
                self.tr("Show the picture larger (+, or Ctrl+wheel)"),
                None,
                lambda: self.step_form.picture.canvas.zoom_in(),
            ),
            "zoom_fit": (
                self.tr("Fit"),
                "",
                self.tr("Show the whole picture in the window (0)"),
                None,
                lambda: self.step_form.picture.canvas.fit_to_window(),
            ),
            "zoom_actual": (
                "100 %",
                "",
                self.tr("One picture dot on one screen dot, to mark small text exactly (1)"),
                None,
                lambda: self.step_form.picture.canvas.actual_size(),
            ),
            "picture_focus": (
                self.tr("Large picture"),
                "Ctrl+Shift+F",
                self.tr("Give the picture the whole window to mark it; press again to bring back the steps and the preview"),
                None,
                lambda: self.set_picture_focus(self.actions_["picture_focus"].isChecked()),
            ),
        }
        actions: dict[str, QAction] = {}
        for name, (label, shortcut, tip, icon, handler) in spec.items():
            action = QAction(label, self)
            if icon is not None:
                action.setIcon(style.standardIcon(icon))
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                tip = f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
            action.setToolTip(tip)
            action.setCheckable(name == "picture_focus")
            action.triggered.connect(handler)
            self.addAction(action)
            actions[name] = action
        return actions

    def set_picture_focus(self, on: bool) -> None:
        """Large picture: the step's picture takes the whole editor (steps, other fields and preview hidden)."""
        self.actions_["picture_focus"].setChecked(on)
        self.steps.setVisible(not on)
        self.preview.setVisible(not on)
        self.step_form.set_picture_focus(on)
        if on:
            self.step_form.picture.canvas.setFocus()

    def picture_focused(self) -> bool:
        """True while the picture has the whole editor."""
        return self.actions_["picture_focus"].isChecked()

    # -- loading from the model -------------------------------------------------------------------
    @property
    def guide(self) -> Guide:
        """The guide being edited (the document's current state)."""
        return self.doc.guide

    def reload(self) -> None:
        """Refresh every widget from the model (after open, undo, redo, reload)."""
        if self.current >= len(self.guide.steps):
            self.current = len(self.guide.steps) - 1
        self.steps.fill(self.guide, self.current)
        self.steps.show_problems(self.problems, self.scanning_steps)
        self.meta_form.load(self.guide)
        self._load_step()
        self._changed_for_outputs()

    def _load_step(self) -> None:
        has_step = 0 <= self.current < len(self.guide.steps)
        if not has_step and self.picture_focused():
            self.set_picture_focus(False)
        self.forms.setCurrentIndex(1 if has_step else 0)
        for name in STEP_ACTIONS:
            self.actions_[name].setEnabled(has_step)
        if has_step:
            self.step_form.load(self.current, self.guide.steps[self.current])
        self._update_blur_actions()

    # -- model change notifications ----------------------------------------------------------------
    def _on_doc_changed(self, reason: str, step: int) -> None:
        if reason == "restore":
            if step >= -1 and step < len(self.guide.steps):
                self.current = step if step >= 0 else self.current
            self.reload()
            return
        self._changed_for_outputs()

    def _changed_for_outputs(self) -> None:
        self._update_blur_actions()
        self.preview.request(self.doc.snapshot(), self.current)
        self.check_timer.start()
        self.fit_timer.start()

    # -- steps -----------------------------------------------------------------------------------
    def select_step(self, index: int) -> None:
        """Show a step's form (-1 = the guide information form)."""
        self.current = index if index < len(self.guide.steps) else len(self.guide.steps) - 1
        self.steps.show_current(self.current)
        self._load_step()
        self._show_problems()
        self.preview.request(self.doc.snapshot(), self.current)

    def _step_chosen(self, index: int) -> None:
        if index != self.current or index < 0:
            self.select_step(index)

    def add_step(self) -> None:
        """Insert a new empty step after the current one and select it."""
        at = self.current + 1 if self.current >= 0 else len(self.guide.steps)
        title = self.tr("Step %1").replace("%1", str(at + 1))
        self.doc.edit(self.tr("Add step"), lambda g: g.steps.insert(at, Step(title=title)), at)
        self.current = at
        self.reload()
        self.step_form.title.setFocus()
        self.step_form.title.selectAll()

    def duplicate_step(self) -> None:
        """Insert a copy of the current step after it."""
        i = self.current
        if not 0 <= i < len(self.guide.steps):
            return
        self.doc.edit(self.tr("Duplicate step"), lambda g: g.steps.insert(i + 1, copy.deepcopy(g.steps[i])), i + 1)
        self.current = i + 1
        self.reload()

    def delete_step(self) -> None:
        """Remove the current step (undo brings it back)."""
        i = self.current
        if not 0 <= i < len(self.guide.steps):
            return
        self.doc.edit(self.tr("Delete step"), lambda g: g.steps.pop(i), i)
        self.current = min(i, len(self.guide.steps) - 1)
        self.reload()

    def move_step(self, delta: int) -> None:
        """Move the current step earlier (-1) or later (+1)."""
        i, j = self.current, self.current + delta
        if not (0 <= i < len(self.guide.steps) and 0 <= j < len(self.guide.steps)):
            return
        order = list(range(len(self.guide.steps)))
        order[i], order[j] = order[j], order[i]
        self.reorder(order, j)

    def reorder(self, order: list[int], select: int) -> None:
        """Put the steps in this order (a permutation of the old indices) as one undo step."""

        def apply(g: Guide) -> None:
            g.steps = [g.steps[k] for k in order]

        self.doc.edit(self.tr("Move step"), apply, select)
        self.current = select
        self.reload()

    # -- several screenshots at once ---------------------------------------------------------------
    def add_screenshots(self, paths: list[Path]) -> None:
        """Several pictures (or folders of them): one new step each after the current step, in the order taken."""
        pictures = picture_paths([Path(p) for p in paths])
        if not pictures:
            QMessageBox.warning(
                self,
                self.tr("No pictures"),
                self.tr("There is no picture (PNG, JPEG …) among what was given. Nothing was changed."),
            )
            return
        if self.intake.running:
            self.statusMessage.emit(self.tr("Still adding the screenshots given before; try again in a moment."))
            return
        folder = self.guide.folder
        assert folder is not None
        at = self.current + 1 if self.current >= 0 else len(self.guide.steps)
        self.intake.start(folder, pictures, at + 1)
        self.statusMessage.emit(
            self.tr("Adding %1 screenshots and looking for personal data in them…").replace("%1", str(len(pictures)))
        )

    def _screenshots_ready(self, steps: list[Step], lines: list[str]) -> None:
        if not steps:
            self._screenshots_failed("\n".join(lines))
            return
        at = self.current + 1 if self.current >= 0 else len(self.guide.steps)

        def apply(g: Guide) -> None:
            g.steps[at:at] = copy.deepcopy(steps)

        self.doc.edit(self.tr("Add %1 screenshots").replace("%1", str(len(steps))), apply, at)
        self.current = at
        self.reload()
        self.statusMessage.emit(self.tr("%1 steps added from screenshots").replace("%1", str(len(steps))))
        if lines:
            QMessageBox.information(
                self,
                self.tr("Screenshots added"),
                self.tr("%1 new steps, in the order the screenshots were taken. Please check:").replace("%1", str(len(steps)))
                + "\n\n"
                + "\n".join(f"• {line}" for line in lines),
            )

    def _screenshots_failed(self, message: str) -> None:
        QMessageBox.warning(
            self, self.tr("Screenshots not added"), self.tr("The screenshots could not be added: %1").replace("%1", message)
        )

    # -- applying the blur for good ---------------------------------------------------------------------
    def _update_blur_actions(self) -> None:
        from trainer.ui.permanent_blur import blurred_pictures

        everything = list(range(len(self.guide.steps)))
        self.actions_["blur_permanently"].setEnabled(bool(blurred_pictures(self.guide, [self.current])))
        self.actions_["blur_permanently_all"].setEnabled(bool(blurred_pictures(self.guide, everything)))

    def apply_blur_permanently(self, all_steps: bool = False) -> None:
        """Destroy the pixels under the blur marks of the current step's picture (or every picture) in the files."""
        from trainer.ui.permanent_blur import apply_blur_permanently

        steps = list(range(len(self.guide.steps))) if all_steps else [self.current]
        changed = apply_blur_permanently(self, self.doc, steps)
        if not changed:
            return
        for path in changed:
            self.step_form.picture.forget(path)
            self.privacy.forget(path)
        self.reload()  # the picture is shown as it is now; the check looks at the new file in the background
        self.statusMessage.emit(
            self.tr(
                "The blur is now part of %1 picture(s); Undo (Ctrl+Z) brings the original back until the guide is closed."
            ).replace("%1", str(len(changed)))
        )

    def _file_failed(self, message: str) -> None:
        QMessageBox.warning(
            self, self.tr("Picture not restored"), self.tr("A picture could not be written back: %1").replace("%1", message)
        )

    # -- problems ------------------------------------------------------------------------------------
    def _run_check(self) -> None:
        # On the GUI thread, like the preview (see trainer.ui.preview): the rules take ~50 ms for 10 steps.
        guide = self.doc.snapshot()
        self._rule_problems = guide_problems(guide, self.preview.theme_name, fit=False)
        self.privacy.look(path for path in (picture_path(guide, step) for step in guide.steps) if path is not None)
        self._weigh_privacy(guide)
        self._update_problems()

    def _weigh_privacy(self, guide: Guide | None = None) -> None:
        # What detection saw is at hand (or still coming): weighing the marks against it is instant.
        self._privacy_problems, self.scanning_steps = privacy_problems(
            self.doc.guide if guide is None else guide, self.privacy.seen
        )
        if guide is None:
            self._update_problems()

    def _run_fit(self) -> None:
        # Text measured with the render layer (QtGui, so on the GUI thread): ~0.2 s for 10 steps, after a longer pause.
        self._fit_problems = guide_problems(self.doc.snapshot(), self.preview.theme_name, rules=False)
        self._update_problems()

    def stop_checks(self) -> None:
        """No more checks will run (the editor is closing); a picture being looked at is finished first."""
        self.check_timer.stop()
        self.fit_timer.stop()
        # The live check queued every picture of the guide: those not started yet are not needed any more.
        wait_for_scans(waiting_too=False)

    def _update_problems(self) -> None:
        self.problems = self._rule_problems + self._privacy_problems + self._fit_problems
        self.steps.show_problems(self.problems, self.scanning_steps)
        self._show_problems()

    def scanning_text(self) -> str:
        """What the problem list says while a step's picture is being looked at for personal data."""
        return self.tr("Looking for personal data in the picture…")

    def _show_problems(self) -> None:
        mine = [p for i, p in self.problems if i == self.current]
        lines = [("⚠ " if p.severity != ERROR else "✖ ") + p.message() for p in mine]
        if self.current in self.scanning_steps:
            lines.append(self.scanning_text())
        text = "\n".join(lines)
        shown = self.problem_banner.isVisible()
        # Red while something is wrong; grey while the only news is that a picture is still being looked at.
        self.problem_banner.setStyleSheet(PROBLEM_STYLE if mine else WAITING_STYLE)
        self.problem_banner.setText(text)
        self.problem_banner.setVisible(bool(text))
        if text or shown:
            # The banner takes room from the bottom of the form: keep the field being typed in in view.
            QTimer.singleShot(0, self._keep_focus_in_view)

    def _keep_focus_in_view(self) -> None:
        area = self.forms.currentWidget()
        if not isinstance(area, QScrollArea):
            return
        focus = area.widget().focusWidget()  # the field last given the focus in the form, even while the window is inactive
        if focus is not None and area.widget().isAncestorOf(focus):
            for _ in range(3):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            area.ensureWidgetVisible(focus, 0, 24)

    def problems_for_step(self, index: int) -> list[Problem]:
        """The current problems shown next to a step (-1 = the guide information)."""
        return [p for i, p in self.problems if i == index]
