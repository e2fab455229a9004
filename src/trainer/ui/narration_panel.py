"""A step's voice in the editor: record from a microphone (device, level, countdown, stop, listen, record
again) or choose an audio file; the take is trimmed, levelled and kept in `audio/` beside the guide."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.model import Guide, Step
from trainer.narration import NarrationError, narration_seconds, store_narration
from trainer.store.media import MediaError, resolve_inside
from trainer.ui.document import GuideDocument
from trainer.ui.multimedia import QMediaDevices
from trainer.ui.narration_player import NarrationPlayer
from trainer.ui.recorder import METER_FLOOR_DB, Recorder, input_devices

COUNTDOWN_SECONDS = 3
AUDIO_SUFFIXES = ("*.m4a", "*.mp3", "*.wav", "*.ogg", "*.aac", "*.opus", "*.amr", "*.3gp")


def step_audio(guide: Guide, step: Step) -> Path | None:
    """The narration file of a step when it exists inside the guide folder."""
    if not step.narration or guide.folder is None:
        return None
    try:
        path = resolve_inside(guide.folder, step.narration)
    except MediaError:
        return None
    return path if path.is_file() else None


def length_text(seconds: float) -> str:
    """How long a narration plays, in whole seconds: '12 s' / '12 giây', '1:05' from a minute on."""
    whole = max(1, round(seconds))
    if whole >= 60:
        return f"{whole // 60}:{whole % 60:02d}"
    return QCoreApplication.translate("NarrationPanel", "%1 s").replace("%1", str(whole))


class _Processing(QObject):
    """Carries a finished take from the worker thread back to the GUI thread."""

    done = Signal(int, str, float)  # step index, relative path, seconds
    failed = Signal(int, str, str)  # step index, code, detail


class NarrationPanel(QGroupBox):
    """Record, listen to, replace or remove the narration of the step at `index`; edits go through the document."""

    narrationChanged = Signal(int)  # step index whose voice changed (for the step list)

    def __init__(self, doc: GuideDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Voice (narration)"))
        self.doc = doc
        self.index = -1
        self._countdown_left = 0
        self._storing = False  # a take is being trimmed, levelled and written in a worker thread
        self._take_dir = tempfile.TemporaryDirectory(prefix="trainer-take-")
        self.recorder = Recorder(self)
        self.recorder.level.connect(self._show_level)
        self.recorder.failed.connect(self._recorder_failed)
        self.recorder.started.connect(self._recording_started)
        self._processing = _Processing(self)
        self._processing.done.connect(self._take_stored)
        self._processing.failed.connect(self._take_failed)
        self.player = NarrationPlayer(self)
        self.player.playingChanged.connect(self._playback_changed)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)

        self.device = QComboBox()
        self.device.setToolTip(self.tr("Which microphone records"))
        self.device.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.device.setMinimumContentsLength(12)
        self.meter = QProgressBar()
        self.meter.setRange(0, round(-METER_FLOOR_DB))
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(12)
        self.meter.setToolTip(self.tr("Microphone level: speak so that it moves well into the bar without reaching the end"))
        self.record_button = QPushButton(self.tr("Record"))
        self.record_button.setToolTip(self.tr("Record this step's narration after a 3-second countdown"))
        self.record_button.clicked.connect(self.record)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        self.play_button = QPushButton(self.tr("Listen"))
        self.play_button.setToolTip(self.tr("Play this step's narration"))
        self.play_button.clicked.connect(self.toggle_play)
        self.file_button = QPushButton(self.tr("Choose audio file…"))
        self.file_button.setToolTip(self.tr("Use a recording made elsewhere, e.g. a voice memo from a phone"))
        self.file_button.clicked.connect(self.choose_file)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("This step has no narration any more (the file stays in the audio folder)"))
        self.remove_button.clicked.connect(self.remove)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Microphone")))
        top.addWidget(self.device, 1)
        top.addWidget(self.meter, 1)
        buttons = QHBoxLayout()
        for b in (self.record_button, self.stop_button, self.play_button, self.file_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        v = QVBoxLayout(self)
        v.setContentsMargins(6, 4, 6, 4)
        v.addLayout(top)
        v.addLayout(buttons)
        v.addWidget(self.status)
        v.addWidget(self.message)
        self._devices = QMediaDevices(self)
        self._devices.audioInputsChanged.connect(self.refresh_devices)
        self.refresh_devices()
        self._update()

    # -- state --------------------------------------------------------------------------------------
    def step(self) -> Step | None:
        """The step shown, or None."""
        steps = self.doc.guide.steps
        return steps[self.index] if 0 <= self.index < len(steps) else None

    def load(self, index: int, step: Step) -> None:
        """Show step `index`'s voice; a recording in progress for another step is thrown away."""
        if index != self.index:
            self._abandon()
            self.message.setVisible(False)
        self.index = index
        self._update()

    def refresh_devices(self) -> None:
        """List the microphones again (one was plugged in or out), keeping the choice when it is still there."""
        chosen = self.device.currentData()
        self.device.clear()
        for device in input_devices():
            self.device.addItem(device.description(), device.id())
        at = self.device.findData(chosen) if chosen is not None else -1
        self.device.setCurrentIndex(max(0, at))
        self.device.setEnabled(self.device.count() > 0)

    def _busy(self) -> bool:
        return self._storing or self.recorder.recording or self.countdown.isActive() or self._countdown_left > 0

    def _update(self) -> None:
        step = self.step()
        path = step_audio(self.doc.guide, step) if step else None
        busy = self._busy()
        self.record_button.setEnabled(step is not None and not busy)
        self.record_button.setText(self.tr("Record again") if path else self.tr("Record"))
        self.stop_button.setEnabled((busy and not self._storing) or self.player.playing)
        self.play_button.setEnabled(path is not None and not busy)
        self.file_button.setEnabled(step is not None and not busy)
        self.remove_button.setEnabled(bool(step and step.narration) and not busy)
        if busy:
            return
        if step is None:
            self.status.setText("")
        elif step.narration and path is None:
            self.status.setText(self.tr("The file %1 is missing: record again or choose a file").replace("%1", step.narration))
        elif path is not None:
            seconds = narration_seconds(path)
            length = length_text(seconds) if seconds is not None else "?"
            self.status.setText(self.tr("Narration: %1 (%2)").replace("%1", step.narration or "").replace("%2", length))
        else:
            self.status.setText(self.tr("No narration yet: record one, or the clip shows the text without a voice"))

    def say(self, text: str) -> None:
        """One plain message under the controls (empty hides it)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- recording ----------------------------------------------------------------------------------
    def record(self) -> None:
        """Count down 3-2-1, then record from the chosen microphone."""
        if self.step() is None or self._busy():
            return
        self.player.stop()
        self.say("")
        if self.device.count() == 0:
            self.refresh_devices()
        if self.device.count() == 0:
            self._recorder_failed("no-device")
            return
        self._countdown_left = COUNTDOWN_SECONDS
        self.status.setText(self.tr("Recording starts in %1…").replace("%1", str(self._countdown_left)))
        self.countdown.start()
        self._update()

    def _tick(self) -> None:
        self._countdown_left -= 1
        if self._countdown_left > 0:
            self.status.setText(self.tr("Recording starts in %1…").replace("%1", str(self._countdown_left)))
            return
        self.countdown.stop()
        device_id = self.device.currentData()
        device = next((d for d in input_devices() if d.id() == device_id), None)
        self.recorder.start(device)

    def _recording_started(self) -> None:
        self.status.setText(self.tr("Recording… speak now, then press Stop"))
        self._update()

    def stop(self) -> None:
        """Stop the countdown, the recording (and keep the take) or the playback."""
        self.player.stop()
        if self.countdown.isActive() or (self._countdown_left > 0 and not self.recorder.recording):
            self.countdown.stop()
            self._countdown_left = 0
            self._update()
            return
        if not self.recorder.recording:
            self._update()
            return
        self._countdown_left = 0
        take = Path(self._take_dir.name) / f"take-{self.index + 1:02d}.wav"
        self.recorder.stop(take)
        self.meter.setValue(0)
        self._store(take)

    def _abandon(self) -> None:
        self.countdown.stop()
        self._countdown_left = 0
        if self.recorder.recording:
            self.recorder.cancel()
        self.player.stop()
        self.meter.setValue(0)

    def _show_level(self, dbfs: float) -> None:
        self.meter.setValue(round(dbfs - METER_FLOOR_DB))

    def _recorder_failed(self, code: str) -> None:
        self._countdown_left = 0
        self.countdown.stop()
        self.meter.setValue(0)
        if code == "no-device":
            self.say(self.tr("No microphone found. Plug one in and press Record again, or choose an audio file."))
        elif code == "denied":
            self.say(
                self.tr(
                    "Trainer may not use the microphone. Allow it in the system settings "
                    "(Windows: Settings > Privacy > Microphone), then press Record again."
                )
            )
        else:
            self.say(self.tr("The microphone stopped working. Check its cable or choose another one, then record again."))
        self._update()

    # -- files --------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        """Pick an audio file made elsewhere; it is trimmed, levelled and copied into audio/ like a recording."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the narration for this step"), "", self.tr("Audio files") + f" ({' '.join(AUDIO_SUFFIXES)})"
        )
        if name:
            self.say("")
            self._store(Path(name))

    def _store(self, source: Path) -> None:
        """Trim, level and write the take in a worker thread; the edit is made back on the GUI thread."""
        guide = self.doc.guide
        if guide.folder is None or self.step() is None:
            return
        index, folder = self.index, guide.folder
        used = {s.narration for s in guide.steps if s.narration}
        self.status.setText(self.tr("Preparing the narration…"))
        self._storing = True
        self._set_enabled(False)
        processing = self._processing

        def work() -> None:
            try:
                try:
                    relative, seconds = store_narration(source, folder, index + 1, used)
                except NarrationError as exc:
                    code, detail = exc.args
                    processing.failed.emit(index, code, str(detail))
                    return
                except OSError as exc:
                    processing.failed.emit(index, "write", str(exc))
                    return
                processing.done.emit(index, relative, seconds)
            except RuntimeError:
                pass  # the editor was closed meanwhile: nobody is waiting for this take any more

        threading.Thread(target=work, name="trainer-narration", daemon=True).start()

    def _set_enabled(self, on: bool) -> None:
        for b in (self.record_button, self.stop_button, self.play_button, self.file_button, self.remove_button):
            b.setEnabled(on)

    def _take_stored(self, index: int, relative: str, seconds: float) -> None:
        self._storing = False
        if 0 <= index < len(self.doc.guide.steps):

            def apply(g: Guide) -> None:
                g.steps[index].narration = relative

            self.doc.edit(self.tr("Record narration"), apply, index)
            self.narrationChanged.emit(index)
        self._update()

    def _take_failed(self, index: int, code: str, detail: str) -> None:
        self._storing = False
        messages = {
            "silent": self.tr("Nothing was heard in this recording. Check the microphone level and record again."),
            "empty": self.tr("The recording is empty. Record again."),
            "too-long": self.tr("The narration is longer than %1 minutes; keep one step's narration short.").replace(
                "%1", detail
            ),
            "unreadable": self.tr("This file cannot be read as sound: %1").replace("%1", detail),
            "write": self.tr("The narration could not be saved: %1").replace("%1", detail),
        }
        self.say(messages.get(code, detail))
        self._update()

    def remove(self) -> None:
        """The step has no narration any more (one undoable edit; the file is not deleted)."""
        if self.step() is None or not self.step().narration:  # type: ignore[union-attr]
            return
        index = self.index
        self.player.stop()

        def apply(g: Guide) -> None:
            g.steps[index].narration = None

        self.doc.edit(self.tr("Remove narration"), apply, index)
        self.narrationChanged.emit(index)
        self._update()

    # -- listening ----------------------------------------------------------------------------------
    def toggle_play(self) -> None:
        """Play the step's narration, or stop playing it."""
        if self.player.playing:
            self.player.stop()
            return
        step = self.step()
        path = step_audio(self.doc.guide, step) if step else None
        if path is not None:
            self.player.play(path)

    def _playback_changed(self, playing: bool) -> None:
        self.play_button.setText(self.tr("Stop listening") if playing else self.tr("Listen"))
        self._update()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
        """Esc stops a countdown, a recording or the playback."""
        if event.key() == Qt.Key.Key_Escape and (self._busy() or self.player.playing):
            self.stop()
            return
        super().keyPressEvent(event)
