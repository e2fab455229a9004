"""Plays one narration file at a time (the editor's Listen button, the presenter's N key)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal

from trainer.ui.multimedia import QAudioOutput, QMediaPlayer


class NarrationPlayer(QObject):
    """A QMediaPlayer with its audio output; `playingChanged` whenever it starts or stops, also at the end of the file."""

    playingChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        # Made on the first play: a media player starts the platform's decoders, which an editor that
        # never plays a voice should not pay for when it opens.
        self.player: QMediaPlayer | None = None
        self.path: Path | None = None

    @property
    def playing(self) -> bool:
        """True while a file is playing."""
        return self.player is not None and self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def play(self, path: Path) -> None:
        """Play `path` from its start (stopping whatever played before)."""
        if self.player is None:
            self.player = QMediaPlayer(self)
            self.player.setAudioOutput(QAudioOutput(self.player))
            self.player.playbackStateChanged.connect(self._state_changed)
        self.player.stop()
        self.path = Path(path)
        self.player.setSource(QUrl.fromLocalFile(str(self.path)))
        self.player.play()

    def stop(self) -> None:
        """Stop playing (nothing happens when nothing plays)."""
        if self.player is not None and self.player.playbackState() != QMediaPlayer.PlaybackState.StoppedState:
            self.player.stop()

    def _state_changed(self, state) -> None:  # type: ignore[no-untyped-def]  # no annotation: PySide converts by it
        self.playingChanged.emit(state == QMediaPlayer.PlaybackState.PlayingState)
