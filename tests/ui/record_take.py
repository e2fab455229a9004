"""Run by tests/ui/test_narration_recording.py in its own process: drive the editor's narration panel.

    python record_take.py GUIDE_FOLDER KNOWN_WAV OUT_JSON [--device NAME]

Opens the guide, shows step 1 in a NarrationPanel, presses Record (countdown shortened), plays
KNOWN_WAV into the virtual speaker with paplay once recording has started, presses Stop, waits for
the take to be stored, and writes what happened as JSON: the raw take (a copy), the step's narration,
the levels the meter showed, and any message the panel said. Without a microphone (PULSE_SERVER
pointing nowhere) the panel's message is what the JSON carries.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication


def main() -> int:
    folder, known, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    sink = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--sink" else "trainer_null"
    app = QApplication(sys.argv[:1])
    from trainer.ui.document import GuideDocument
    from trainer.ui.narration_panel import NarrationPanel

    doc = GuideDocument.open(folder)
    panel = NarrationPanel(doc)
    panel.countdown.setInterval(200)
    panel.show()
    panel.load(0, doc.guide.steps[0])
    levels: list[float] = []
    panel.recorder.level.connect(levels.append)
    result: dict[str, object] = {"devices": [panel.device.itemText(i) for i in range(panel.device.count())]}

    def wait(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            if condition():
                return True
            time.sleep(0.01)
        return False

    panel.record_button.click()
    # Like a person: speak once the panel says "speak now" (the device delivers sound), not before.
    started = wait(lambda: bool(levels) or panel.message.isVisible(), 120)
    if panel.recorder.recording:
        wait(lambda: False, 0.3)  # some room tone before the voice, as in a real take
        # Popen and keep the event loop running: the recorder reads the device as the app would.
        player = subprocess.Popen(["paplay", f"--device={sink}", str(known)])
        wait(lambda: player.poll() is not None, 120)
        result["paplay"] = player.wait()
        wait(lambda: False, 0.5)
        panel.stop_button.click()
        wait(lambda: bool(doc.guide.steps[0].narration) or panel.message.isVisible(), 300)
        takes = sorted(Path(panel._take_dir.name).glob("take-*.wav"))
        if takes:
            shutil.copy(takes[0], out.with_suffix(".take.wav"))
            result["take"] = str(out.with_suffix(".take.wav"))
        if doc.guide.steps[0].narration:
            # Listen: the stored take plays through the (virtual) speaker.
            panel.play_button.click()
            result["listened"] = wait(lambda: panel.player.playing, 120)
            panel.stop_button.click()
            # The presenter's N plays the step's voice on the step's slide.
            from trainer.ui.presenter import PresenterWindow

            doc.save()
            presenter = PresenterWindow(doc.guide)
            presenter.presenter.next()
            presenter.presenter.toggle_narration()
            presenter.refresh()
            result["presenter_n"] = wait(lambda: presenter._voice is not None and presenter._voice.playing, 120)
            presenter.close()
    result.update(
        started=started,
        narration=doc.guide.steps[0].narration,
        undo=doc.stack.undoText(),
        levels=levels,
        message=panel.message.text() if panel.message.isVisible() else "",
        record_text=panel.record_button.text(),
        status=panel.status.text(),
    )
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    doc.stack.setClean()
    return 0


if __name__ == "__main__":
    sys.exit(main())
