"""UI test fixtures: isolated settings and recovery folder, a sample guide, a dialog answerer."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from trainer.model import Annotation, Callout, Guide, Link, Step
from trainer.store import save_guide


def make_screenshot(path: Path, color: str = "#1565c0", size: tuple[int, int] = (360, 720)) -> Path:
    """A phone-screenshot-like PNG with a few shapes, so images and thumbnails have content."""
    img = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, size[0], 60], fill=color)
    d.rectangle([40, 300, size[0] - 40, 380], outline="black", width=4)
    d.ellipse([size[0] // 2 - 30, 500, size[0] // 2 + 30, 560], fill="#2e7d32")
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path)
    return path


def make_guide(
    root: Path,
    slug: str = "dang-ky-vssid",
    title: str = "Đăng ký VssID",
    topic: str = "Bảo hiểm xã hội",
    status: str = "reviewed",
    steps: int = 2,
    valid: _dt.date | None = None,
) -> Path:
    """A valid guide folder with `steps` steps, the first with an image and marks."""
    folder = root / slug
    make_screenshot(folder / "images" / "01.png")
    guide = Guide(
        title=title,
        slug=slug,
        summary="Cài ứng dụng và đăng ký tài khoản.",
        topic=topic,
        valid_as_of=valid or _dt.date.today(),
        status=status,
        links=[Link("Cổng BHXH", "https://vssid.gov.vn")],
        steps=[
            Step(
                title=f"Bước số {i + 1}",
                text=f"Nội dung **bước** {i + 1}.",
                image="images/01.png" if i == 0 else None,
                image_alt="Màn hình" if i == 0 else "",
                annotations=[Annotation("badge", 0.5, 0.5, label="1")] if i == 0 else [],
                callouts=[Callout("tip", "Mẹo nhỏ.")] if i == 0 else [],
            )
            for i in range(steps)
        ],
    )
    save_guide(guide, folder / "guide.md")
    return folder


@pytest.fixture(autouse=True)
def isolated_app(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """Settings in a temp ini file, recovery files in a temp folder, trash in a temp home: nothing touches the real user."""
    from trainer.ui import app as app_module
    from trainer.ui import document

    QCoreApplication.setOrganizationName("TrainerTests")
    QCoreApplication.setApplicationName("TrainerTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setattr(document, "recovery_dir", lambda: tmp_path / "recovery")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    app_module.make_app()
    # make_app sets the real names; keep the test ones so the ini path above is used.
    QCoreApplication.setOrganizationName("TrainerTests")
    QCoreApplication.setApplicationName("TrainerTests")
    yield qapp
    QSettings().clear()


class DialogAnswerer:
    """Answers modal dialogs as a person would: records each message and clicks the queued answer."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.answers: list[object] = []
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def queue(self, *answers: object) -> None:
        """Next answers: a button text, a QMessageBox.StandardButton, or text for an input dialog."""
        self.answers.extend(answers)

    def _tick(self) -> None:
        w = QApplication.activeModalWidget()
        if w is None or not w.isVisible():
            return
        answer = self.answers.pop(0) if self.answers else None
        if isinstance(w, QMessageBox):
            self.seen.append(w.text())
            if isinstance(answer, QMessageBox.StandardButton):
                button = w.button(answer)
            elif isinstance(answer, str):
                button = next(b for b in w.buttons() if b.text().replace("&", "") == answer)
            else:
                button = w.escapeButton() or w.defaultButton() or w.buttons()[0]
            button.click()
        elif isinstance(w, QInputDialog):
            self.seen.append(w.labelText())
            if answer is None:
                w.reject()
            else:
                w.setTextValue(str(answer))
                w.accept()


@pytest.fixture
def dialogs() -> Iterator[DialogAnswerer]:
    """The dialog answerer for one test."""
    answerer = DialogAnswerer()
    yield answerer
    answerer.timer.stop()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library folder with two guides on different topics."""
    root = tmp_path / "library"
    make_guide(root)
    make_guide(root, "lua-dao-otp", "Cảnh giác lừa đảo mã OTP", "An toàn trên mạng", "draft", steps=3, valid=_dt.date(2020, 1, 1))
    return root
