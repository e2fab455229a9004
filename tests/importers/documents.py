"""Source documents built with the libraries' own writers, shaped like the files departments really have."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from importing import COLOURS, picture_bytes

from trainer.importers.encodings import encode_tcvn3

STEPS = [
    ("Mở ứng dụng VssID", "Chạm vào biểu tượng VssID trên màn hình chính."),
    ("Chọn Đăng ký", "Ở màn hình đầu tiên, bấm nút Đăng ký ở cuối màn hình."),
    ("Nhập mã số BHXH", "Nhập mã số bảo hiểm xã hội ghi trên thẻ, rồi bấm Tiếp tục."),
    ("Chụp ảnh chân dung", "Giữ điện thoại ngang mặt, nơi đủ sáng, rồi chụp."),
]


def word_with_pictures(path: Path, steps: list[tuple[str, str]] = STEPS, sections: list[str] | None = None) -> Path:
    """A Word manual: title, summary, numbered steps with a picture after each, a warning, a table, an old-font line.

    With `sections`, the steps repeat under each top-level heading (a long document holding several procedures).
    """
    import docx
    from docx.shared import Inches

    document = docx.Document()
    document.add_heading("Đăng ký tài khoản VssID", level=0)
    document.add_paragraph("Hướng dẫn đăng ký tài khoản giao dịch điện tử với BHXH trên điện thoại.")
    for section in sections or [None]:
        if section:
            document.add_heading(section, level=1)
        for number, (title, detail) in enumerate(steps):
            item = document.add_paragraph(style="List Number")
            words = title.split()
            for index, word in enumerate(words):  # one run per word, the way real files are
                run = item.add_run(word + (" " if index < len(words) - 1 else ""))
                run.bold = index == len(words) - 1
            body = document.add_paragraph()
            body.add_run(detail.split(",")[0])
            if "," in detail:
                body.add_run(",")
                emphasis = body.add_run(detail.split(",", 1)[1])
                emphasis.italic = True
            document.add_picture(io.BytesIO(picture_bytes(COLOURS[number % len(COLOURS)])), width=Inches(1.2))
            if number == 1:
                document.add_paragraph("Lưu ý: Không cho người lạ mượn điện thoại khi đang đăng ký.")
    old = document.add_paragraph()
    old.add_run(encode_tcvn3("Tổng đài hỗ trợ: 1900 9068").decode("cp1252")).font.name = ".VnTime"
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Tổng đài", "1900 9068"
    table.cell(1, 0).text, table.cell(1, 1).text = "Giờ làm việc", "8 giờ - 17 giờ"
    document.save(str(path))
    return path


def deck(path: Path) -> Path:
    """A training deck: title slide, agenda slide, one slide per step with a picture, words as separate runs, notes."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    cover = prs.slides.add_slide(prs.slide_layouts[0])
    cover.shapes.title.text = "Đăng ký tài khoản VssID"
    cover.placeholders[1].text = "Tập huấn Tổ công nghệ số cộng đồng"
    agenda = prs.slides.add_slide(prs.slide_layouts[1])
    agenda.shapes.title.text = "Nội dung"
    agenda.placeholders[1].text = "Giới thiệu\nCác bước đăng ký"
    for number, (title, detail) in enumerate(STEPS):
        slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
        slide.shapes.title.text = title
        box = slide.shapes.add_textbox(Inches(0.5), Inches(1.5), Inches(5), Inches(2)).text_frame
        paragraph = box.paragraphs[0]
        for word in detail.split():
            # one run per word, decomposed accents and stray double spaces, as decks saved by old tools have
            run = paragraph.add_run()
            run.text = unicodedata.normalize("NFD", word) + "  "
        slide.shapes.add_picture(io.BytesIO(picture_bytes(COLOURS[number])), Inches(6.5), Inches(1.5), height=Inches(4))
        slide.notes_slide.notes_text_frame.text = f"Nhắc học viên: {title.lower()}."
    prs.save(str(path))
    return path
