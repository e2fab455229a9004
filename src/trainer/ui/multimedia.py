"""QtMultimedia for the app (from the PySide6-Addons wheel), loaded with its start-up chatter turned off.

On Linux without PipeWire, QtMultimedia says on every start that it cannot load PipeWire and which
FFmpeg it uses, then works through PulseAudio; on the command line (`trainer present`) those lines
would read like errors. Real failures still reach the person through the widgets' own messages.
"""

from __future__ import annotations

from PySide6.QtCore import QLoggingCategory

QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg.info=false")

from PySide6.QtMultimedia import (  # noqa: E402 - after the logging rules, which must be set first
    QAudioDevice,
    QAudioFormat,
    QAudioOutput,
    QAudioSource,
    QMediaDevices,
    QMediaPlayer,
    QtAudio,
)

__all__ = ["QAudioDevice", "QAudioFormat", "QAudioOutput", "QAudioSource", "QMediaDevices", "QMediaPlayer", "QtAudio"]
