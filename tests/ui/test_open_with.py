"""Explorer's "Mở bằng Trainer" (packaging/windows/trainer.iss) runs `Trainer.exe app "<path>"` with a guide folder or a .md file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from trainer.ui.app import folder_to_open

ROOT = Path(__file__).resolve().parents[2]
HOOK = textwrap.dedent(
    """
    import os
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication


    def report(window):
        def done():
            doc = window.doc
            Path(os.environ["HOOK_MARK"]).write_text(str(doc.path) if doc else "no guide open", encoding="utf-8")
            QApplication.quit()

        QTimer.singleShot(300, done)
    """
)


def test_a_file_stands_for_its_folder(tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_text("---\n", encoding="utf-8")
    assert folder_to_open(tmp_path / "guide.md") == tmp_path
    assert folder_to_open(tmp_path) == tmp_path


@pytest.mark.slow
@pytest.mark.parametrize("given", ["guide.md", "folder"])
def test_open_with_trainer_opens_the_guide_in_the_editor(given: str, tmp_path: Path) -> None:
    guide = tmp_path / "Thư viện của tôi" / "zalo-tra-cuu-ho-so"
    shutil.copytree(ROOT / "content" / guide.name, guide)
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "open_with_hook.py").write_text(HOOK, encoding="utf-8")
    mark = tmp_path / "opened.txt"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        TRAINER_TEST_HOOK="open_with_hook:report",
        HOOK_MARK=str(mark),
        PYTHONPATH=os.pathsep.join([str(tmp_path / "hooks"), os.environ.get("PYTHONPATH", "")]),
    )
    target = guide / "guide.md" if given == "guide.md" else guide
    done = subprocess.run(
        [sys.executable, "-m", "trainer", "app", str(target)], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    assert mark.read_text(encoding="utf-8") == str(guide / "guide.md")
