"""The microphone: which devices there are, permission, recording raw samples with a live level, a wav at the end.

QAudioSource (QtMultimedia, in the PySide6-Addons wheel) rather than QMediaRecorder: the raw samples
give the level meter directly, and the app then trims, levels and encodes the take itself
(`trainer.narration`) the same way on every system, whatever encoders the platform has.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIODevice, QMicrophonePermission, QObject, Qt, Signal

from trainer.exporters.clip.audio import write_wav
from trainer.ui.multimedia import QAudioDevice, QAudioFormat, QAudioSource, QMediaDevices, QtAudio

# The level meter's range: -60 dBFS (silence) to 0 dBFS (full scale).
METER_FLOOR_DB = -60.0


def input_devices() -> list[QAudioDevice]:
    """The microphones (and other inputs) the system offers now, the default one first."""
    devices = list(QMediaDevices.audioInputs())
    default = QMediaDevices.defaultAudioInput()
    devices.sort(key=lambda d: d.id() != default.id())
    return devices


def _samples(data: bytes, fmt: QAudioFormat):  # type: ignore[no-untyped-def]
    """Raw bytes in `fmt` as mono float32 samples in [-1, 1]."""
    import numpy as np

    kind = fmt.sampleFormat()
    if kind == QAudioFormat.SampleFormat.Int16:
        values = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
    elif kind == QAudioFormat.SampleFormat.Int32:
        values = np.frombuffer(data, dtype="<i4").astype(np.float32) / 2147483648.0
    elif kind == QAudioFormat.SampleFormat.Float:
        values = np.frombuffer(data, dtype="<f4").astype(np.float32)
    else:  # UInt8
        values = (np.frombuffer(data, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    channels = max(1, fmt.channelCount())
    usable = len(values) // channels * channels
    return values[:usable].reshape(-1, channels).mean(axis=1)


class Recorder(QObject):
    """Records one take from a device; `level` while recording, `failed` with a code the panel words for people.

    Failure codes: "no-device" (no microphone), "denied" (the system refused permission),
    "device" (the device stopped or could not start).
    """

    level = Signal(float)  # the last chunk's peak, dBFS (METER_FLOOR_DB at silence)
    failed = Signal(str)
    started = Signal()  # the first sound arrived: the person can speak now

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._source: QAudioSource | None = None
        self._io: QIODevice | None = None
        self._chunks: list = []  # type: ignore[type-arg]
        self._format = QAudioFormat()
        self._pending: QAudioDevice | None = None
        self._flowing = False

    @property
    def recording(self) -> bool:
        """True between start() and stop()."""
        return self._source is not None

    def start(self, device: QAudioDevice | None = None) -> None:
        """Ask for the microphone when the system wants that, then record from `device` (the default when None)."""
        device = device if device is not None and not device.isNull() else QMediaDevices.defaultAudioInput()
        if device.isNull():
            self.failed.emit("no-device")
            return
        app = QCoreApplication.instance()
        permission = QMicrophonePermission()
        status = app.checkPermission(permission) if app is not None else Qt.PermissionStatus.Granted
        if status == Qt.PermissionStatus.Denied:
            self.failed.emit("denied")
            return
        if status == Qt.PermissionStatus.Undetermined and app is not None:
            self._pending = device
            app.requestPermission(permission, self, self._permission_answered)
            return
        self._open(device)

    def _permission_answered(self, permission: QMicrophonePermission) -> None:
        device, self._pending = self._pending, None
        if permission.status() != Qt.PermissionStatus.Granted or device is None:
            self.failed.emit("denied")
            return
        self._open(device)

    def _open(self, device: QAudioDevice) -> None:
        fmt = QAudioFormat()
        fmt.setSampleRate(44100)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(fmt):
            fmt = device.preferredFormat()
        self._format = fmt
        self._chunks = []
        source = QAudioSource(device, fmt, self)
        # Two seconds of buffer: a busy GUI thread (a preview repainting, a slow laptop) must not lose
        # pieces of the take (with half a second, takes lost pieces on a machine at load 40); the meter
        # still moves with every period the device delivers.
        source.setBufferSize(max(4096, fmt.bytesForDuration(2_000_000)))
        source.stateChanged.connect(self._state_changed)
        io = source.start()
        if io is None or source.error() != QtAudio.Error.NoError:
            source.deleteLater()
            self.failed.emit("device")
            return
        self._source, self._io = source, io
        self._flowing = False
        io.readyRead.connect(self._read)

    def _read(self) -> None:
        if self._io is None:
            return
        data = bytes(self._io.readAll().data())
        if not data:
            return
        samples = _samples(data, self._format)
        self._chunks.append(samples)
        if not self._flowing:
            # "Speak now" only once the device really delivers sound: opening a stream can take a
            # moment, and words said before that would be lost.
            self._flowing = True
            self.started.emit()
        peak = float(abs(samples).max()) if len(samples) else 0.0
        self.level.emit(max(METER_FLOOR_DB, 20 * math.log10(peak)) if peak > 0 else METER_FLOOR_DB)

    def _state_changed(self, state) -> None:  # type: ignore[no-untyped-def]  # no annotation: PySide cannot convert QAudio::State to it
        source = self._source
        if source is None:
            return
        if state == QtAudio.State.StoppedState and source.error() != QtAudio.Error.NoError:
            self._close()
            self.failed.emit("device")

    def _close(self) -> None:
        source, self._source, self._io = self._source, None, None
        if source is not None:
            source.stateChanged.disconnect(self._state_changed)
            source.stop()
            source.deleteLater()

    def cancel(self) -> None:
        """Stop recording and throw the take away."""
        self._close()
        self._chunks = []

    def stop(self, target: Path) -> float:
        """Stop recording and write the take to `target` as a mono 16-bit wav; its length in seconds."""
        import numpy as np

        self._read()  # what the device delivered since the last notification
        self._close()
        samples = np.concatenate(self._chunks) if self._chunks else np.zeros(0, dtype=np.float32)
        self._chunks = []
        rate = self._format.sampleRate() or 44100
        write_wav(target, samples, rate)
        return len(samples) / rate
