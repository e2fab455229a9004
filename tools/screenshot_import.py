"""Take docs/img/import-report.png: the editor with a freshly imported Word manual and its review report.

Run under a 1366x768 virtual screen, as a content editor's laptop:
    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_import.py docs/img/import-report.png
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from trainer.importers import importer_for
from trainer.ui.app import MainWindow, make_app
from trainer.ui.import_dialog import ImportReport

FONTS = Path(__file__).resolve().parents[1] / "src" / "trainer" / "resources" / "fonts"
STEPS = [
    ("Mở ứng dụng VssID", "Chạm vào biểu tượng VssID trên màn hình chính.", "VssID"),
    ("Chọn Đăng ký", "Ở màn hình đầu tiên, bấm nút Đăng ký ở cuối màn hình.", "Đăng ký"),
    ("Nhập mã số BHXH", "Nhập mã số bảo hiểm xã hội ghi trên thẻ, rồi bấm Tiếp tục.", "Tiếp tục"),
]


def screen(label: str) -> bytes:
    """A phone screen with a phone number (personal data) and a button."""
    font = ImageFont.truetype(str(FONTS / "BeVietnamPro-Regular.ttf"), 40)
    image = Image.new("RGB", (720, 1480), (246, 248, 252))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 720, 150), fill=(21, 101, 192))
    draw.text((50, 50), "BHXH số", font=font, fill=(255, 255, 255))
    draw.text((50, 420), "Điện thoại: 0912 345 678", font=font, fill=(30, 30, 30))
    draw.rounded_rectangle((160, 760, 560, 860), 30, fill=(21, 101, 192))
    draw.text((230, 785), label, font=font, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def word_file(path: Path) -> Path:
    """A small Word manual: title, summary, numbered steps with a screenshot after each, a warning."""
    import docx
    from docx.shared import Inches

    document = docx.Document()
    document.add_heading("Đăng ký tài khoản VssID", level=0)
    document.add_paragraph("Hướng dẫn đăng ký tài khoản giao dịch điện tử với BHXH trên điện thoại.")
    for title, detail, label in STEPS:
        document.add_paragraph(title, style="List Number")
        document.add_paragraph(detail)
        document.add_picture(io.BytesIO(screen(label)), width=Inches(1.4))
    document.add_paragraph("Lưu ý: Không cho người lạ mượn điện thoại khi đang đăng ký.")
    document.save(str(path))
    return path


def main(out: Path) -> None:
    app = make_app()
    work = Path(tempfile.mkdtemp(prefix="trainer-shot-"))
    library = work / "content"
    library.mkdir()
    source = word_file(work / "Hướng dẫn VssID.docx")
    results = importer_for(source).import_into(source, library)
    window = MainWindow(library)
    window.setGeometry((window.screen() or QApplication.primaryScreen()).availableGeometry())
    window.show()
    window.open_guide(results[0].path)
    report = ImportReport(results, "vi", window)
    report.show()
    report.move(window.geometry().center() - report.rect().center())

    def grab() -> None:
        shot = (window.screen() or QApplication.primaryScreen()).grabWindow(0)
        shot.save(str(out))
        if window.doc is not None:
            window.doc.stack.setClean()
        window.close()
        shutil.rmtree(work, ignore_errors=True)
        app.quit()

    QTimer.singleShot(2500, grab)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
