"""Word, OpenDocument and PowerPoint files become draft steps with their pictures, callouts and notes, in NFC."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from documents import STEPS, deck, word_with_pictures
from importing import COLOURS, colour_of, errors, export_everything, near

from trainer.importers import ImportOptions, importer_for
from trainer.store import load_guide


def test_word_manual_with_pictures_between_numbered_steps(tmp_path: Path, library: Path) -> None:
    source = word_with_pictures(tmp_path / "Hướng dẫn VssID.docx")
    (result,) = importer_for(source).import_into(source, library)
    guide = load_guide(result.path)
    assert guide.title == "Đăng ký tài khoản VssID" and guide.status == "draft"
    assert guide.summary == "Hướng dẫn đăng ký tài khoản giao dịch điện tử với BHXH trên điện thoại."
    assert [s.title for s in guide.steps] == [t for t, _ in STEPS]
    for number, step in enumerate(guide.steps):
        assert step.image is not None and near(colour_of(result.path, step.image), COLOURS[number]), number
    # bold and italic survive; the warning is a callout of the step it follows
    assert guide.steps[0].text.startswith("Chạm vào biểu tượng VssID") and "*" not in guide.steps[0].title
    assert guide.steps[1].text == "Ở màn hình đầu tiên, *bấm nút Đăng ký ở cuối màn hình.*"
    assert [(c.kind, c.text) for c in guide.steps[1].callouts] == [
        ("warning", "Không cho người lạ mượn điện thoại khi đang đăng ký.")
    ]
    last = guide.steps[-1].text
    assert "Tổng đài hỗ trợ: 1900 9068" in last  # the .VnTime line, converted
    assert "Tổng đài | 1900 9068" in last and "Giờ làm việc | 8 giờ - 17 giờ" in last  # the table, as text
    assert unicodedata.is_normalized("NFC", (result.path / "guide.md").read_text(encoding="utf-8"))
    assert any("TCVN3" in line for line in result.report("en"))
    assert errors(result.path) == []


def test_deck_with_one_run_per_word(tmp_path: Path, library: Path) -> None:
    source = deck(tmp_path / "tap huan.pptx")
    (result,) = importer_for(source).import_into(source, library)
    guide = load_guide(result.path)
    assert guide.title == "Đăng ký tài khoản VssID"
    assert guide.summary == "Tập huấn Tổ công nghệ số cộng đồng"
    assert [s.title for s in guide.steps] == [t for t, _ in STEPS]  # the agenda slide is left out
    for number, (step, (title, detail)) in enumerate(zip(guide.steps, STEPS, strict=True)):
        assert step.text == detail  # words joined with single spaces, NFC
        assert step.notes == f"Nhắc học viên: {title.lower()}."
        assert step.image is not None and near(colour_of(result.path, step.image), COLOURS[number])
    assert unicodedata.is_normalized("NFC", (result.path / "guide.md").read_text(encoding="utf-8"))
    assert errors(result.path) == []


def test_opendocument_text(tmp_path: Path, library: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, List, ListItem, ListLevelStyleNumber, ListStyle, P, Span

    document = OpenDocumentText()
    bold = Style(name="Dam", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    numbers = ListStyle(name="So")
    numbers.addElement(ListLevelStyleNumber(level=1, numformat="1"))
    document.automaticstyles.addElement(numbers)
    document.text.addElement(H(outlinelevel=1, text="Tra cứu hồ sơ"))
    document.text.addElement(P(text="Tra cứu tình trạng hồ sơ qua cổng dịch vụ công."))
    steps = List(stylename="So")
    for title in ("Mở cổng dịch vụ công", "Nhập mã hồ sơ", "Xem kết quả"):
        item = ListItem()
        paragraph = P(text=title + " rồi bấm ")
        paragraph.addElement(Span(stylename="Dam", text="Tiếp tục"))
        item.addElement(paragraph)
        steps.addElement(item)
    document.text.addElement(steps)
    document.text.addElement(P(text="Chú ý: Không chia sẻ mã hồ sơ."))
    source = tmp_path / "tra cuu.odt"
    document.save(str(source))
    (result,) = importer_for(source).import_into(source, library)
    guide = load_guide(result.path)
    assert guide.title == "Tra cứu hồ sơ"
    assert [s.title for s in guide.steps] == [
        "Mở cổng dịch vụ công rồi bấm Tiếp tục",
        "Nhập mã hồ sơ rồi bấm Tiếp tục",
        "Xem kết quả rồi bấm Tiếp tục",
    ]
    assert guide.steps[-1].callouts[0].text == "Không chia sẻ mã hồ sơ."
    assert errors(result.path) == []


def test_long_document_is_created_and_check_names_split(tmp_path: Path, library: Path) -> None:
    sections = ["Đăng ký cho bản thân", "Đăng ký cho người thân", "Đăng ký lại", "Đăng ký cho trẻ em"]
    source = word_with_pictures(tmp_path / "so tay.docx", sections=sections)
    (result,) = importer_for(source).import_into(source, library)
    assert result.steps == len(STEPS) * len(sections)
    found = errors(result.path)
    assert [p.code for p in found] == ["too-many-steps"]
    assert "--split" in found[0].message("en") and "--split" in found[0].message("vi")
    assert any("--split" in line for line in result.report("en"))

    split_library = tmp_path / "split"
    split_library.mkdir()
    results = importer_for(source).import_into(source, split_library, options=ImportOptions(split=True))
    assert [load_guide(r.path).title for r in results] == sections
    for r in results:
        assert r.steps == len(STEPS)
        assert errors(r.path) == []
    assert len({r.path for r in results}) == len(sections)


@pytest.mark.slow
def test_imported_drafts_export_in_every_format(tmp_path: Path, library: Path) -> None:
    word = word_with_pictures(tmp_path / "word.docx")
    slides = deck(tmp_path / "deck.pptx")
    for source in (word, slides):
        (result,) = importer_for(source).import_into(source, library)
        written = export_everything(result.path, tmp_path / "out" / result.path.name)
        assert {p.suffix for p in written} >= {".pdf", ".pptx", ".mp4", ".html"}
