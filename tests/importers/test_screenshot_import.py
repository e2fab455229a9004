"""Screenshot folders: one step per picture in the order taken, duplicates dropped, bars cropped, safe to review."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest
from importing import COLOURS, cli_import, colour_of, errors, export_everything, near, picture_bytes
from PIL import Image

from trainer.importers import ImportOptions, importer_for
from trainer.importers.screenshots import name_time, order_screenshots
from trainer.store import load_guide


def _jpeg_with_exif(colour: tuple[int, int, int], taken: str) -> bytes:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = taken
    out = io.BytesIO()
    Image.open(io.BytesIO(picture_bytes(colour))).save(out, format="JPEG", quality=92, exif=exif)
    return out.getvalue()


def screenshot_folder(folder: Path) -> list[str]:
    """Five screenshots taken 10:15-10:19 whose file times say the opposite order, plus a re-saved duplicate.

    Returns the file names in the order they were taken.
    """
    folder.mkdir(parents=True)
    taken = [
        ("Screenshot_20241103-101512.png", picture_bytes(COLOURS[0])),  # Android
        ("Screenshot_2024-11-03-10-16-40-123_com.zing.zalo.jpg", picture_bytes(COLOURS[1], fmt="JPEG")),  # Zalo
        ("Ảnh chụp màn hình 2024-11-03 lúc 10.17.05.png", picture_bytes(COLOURS[2])),  # iOS/macOS in Vietnamese
        ("z.jpg", _jpeg_with_exif(COLOURS[3], "2024:11:03 10:18:00")),  # EXIF only
        ("IMG_0042.PNG", picture_bytes(COLOURS[4])),  # nothing but its file time
    ]
    base = dt.datetime(2024, 11, 3, 10, 30).timestamp()
    for index, (name, data) in enumerate(taken):
        (folder / name).write_bytes(data)
        # shuffled file times: newest first, except the last one whose time is all there is
        stamp = base - 60 * index if index < 4 else dt.datetime(2024, 11, 3, 10, 19).timestamp()
        os.utime(folder / name, (stamp, stamp))
    duplicate = io.BytesIO()
    Image.open(io.BytesIO(picture_bytes(COLOURS[0]))).save(duplicate, format="JPEG", quality=80)
    (folder / "Screenshot_20241103-101512 (1).jpg").write_bytes(duplicate.getvalue())  # Zalo re-sent it
    os.utime(folder / "Screenshot_20241103-101512 (1).jpg", (base + 999, base + 999))
    return [name for name, _ in taken]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Screenshot_20241103-101512.png", dt.datetime(2024, 11, 3, 10, 15, 12)),
        ("Screenshot_20241103_101512.jpg", dt.datetime(2024, 11, 3, 10, 15, 12)),
        ("Screenshot_2024-11-03-10-15-12-345_com.zing.zalo.jpg", dt.datetime(2024, 11, 3, 10, 15, 12)),
        ("Screen Shot 2024-11-03 at 10.15.12.png", dt.datetime(2024, 11, 3, 10, 15, 12)),
        ("Ảnh chụp màn hình 2024-11-03 lúc 10.15.12.png", dt.datetime(2024, 11, 3, 10, 15, 12)),
        ("IMG_20241103_101512.jpg", dt.datetime(2024, 11, 3, 10, 15, 12)),
        ("IMG_0042.PNG", None),
        ("z5961234567890_1a2b.jpg", None),
    ],
)
def test_times_in_file_names(name: str, expected: dt.datetime | None) -> None:
    assert name_time(name) == expected


def test_order_by_exif_then_name_then_file_time(tmp_path: Path) -> None:
    names = screenshot_folder(tmp_path / "shots")
    ordered = [p.name for p in order_screenshots(list((tmp_path / "shots").iterdir()))]
    assert [n for n in ordered if "(1)" not in n] == names


def test_folder_becomes_a_draft_in_capture_order(tmp_path: Path) -> None:
    source = tmp_path / "Ảnh chụp VNeID"
    screenshot_folder(source)
    library = tmp_path / "library"
    (library / "anh-chup-vneid").mkdir(parents=True)  # a guide folder of that name exists: never overwritten
    (library / "anh-chup-vneid" / "guide.md").write_text("giữ nguyên", encoding="utf-8")
    result = cli_import(source, library)
    assert result.returncode == 0, result.stderr
    assert (library / "anh-chup-vneid" / "guide.md").read_text(encoding="utf-8") == "giữ nguyên"
    folder = library / "anh-chup-vneid-2"
    guide = load_guide(folder)
    assert guide.status == "draft" and guide.title == "Ảnh chụp VNeID"
    assert len(guide.steps) == 5  # the re-saved duplicate is dropped
    for number, step in enumerate(guide.steps):
        assert step.image is not None and near(colour_of(folder, step.image), COLOURS[number], 16), number
        with Image.open(folder / step.image) as image:
            assert not image.getexif() and image.format == "PNG"  # same path as a pasted image: metadata gone
    assert "1 duplicate" in result.stdout
    assert "scanned and no personal data was found" in result.stdout and "NOT scanned" not in result.stdout
    assert "Steps 1-5: write a title" in result.stdout
    assert sorted(p.name for p in library.iterdir()) == ["anh-chup-vneid", "anh-chup-vneid-2"]  # no staging left
    assert errors(folder) == []


def test_status_and_navigation_bars_cropped_on_request(tmp_path: Path, library: Path) -> None:
    source = tmp_path / "shots"
    source.mkdir()
    (source / "Screenshot_20241103-101512.png").write_bytes(picture_bytes(COLOURS[0], size=(540, 1200)))
    (whole,) = importer_for(source).import_into(source, library)
    (cropped,) = importer_for(source).import_into(source, library, options=ImportOptions(crop_bars=True))
    with Image.open(whole.path / load_guide(whole.path).steps[0].image) as a:  # type: ignore[operator]
        with Image.open(cropped.path / load_guide(cropped.path).steps[0].image) as b:  # type: ignore[operator]
            assert a.size == (540, 1200)
            assert b.width == 540 and 1200 * 0.88 < b.height < 1200 * 0.93


def phone_screen(path: Path, button: str) -> Path:
    """A phone screen drawn with the bundled font: a heading, a phone number, and a button in the middle."""
    from PIL import ImageDraw, ImageFont

    fonts = Path(__file__).resolve().parents[2] / "src" / "trainer" / "resources" / "fonts"
    font = ImageFont.truetype(str(fonts / "BeVietnamPro-Regular.ttf"), 44)
    image = Image.new("RGB", (720, 1480), (245, 245, 245))
    draw = ImageDraw.Draw(image)
    draw.text((60, 200), "Cài đặt", font=font, fill=(20, 20, 20))
    draw.text((60, 420), "Số điện thoại: 0912 345 678", font=font, fill=(20, 20, 20))
    draw.rounded_rectangle((160, 760, 560, 860), 30, fill=(30, 60, 200))
    draw.text((250, 782), button, font=font, fill=(255, 255, 255))
    image.save(path)
    return path


def test_personal_data_is_blurred_and_a_title_proposed(tmp_path: Path, library: Path) -> None:
    source = tmp_path / "shots"
    source.mkdir()
    phone_screen(source / "Screenshot_20241103-101512.png", "Cho phép")
    phone_screen(source / "Screenshot_20241103-101600.png", "Tiếp tục")
    (result,) = importer_for(source).import_into(source, library)
    guide = load_guide(result.path)
    first, second = guide.steps
    assert first.title == "Bấm 'Cho phép'" and first.text == "Bấm 'Cho phép'."
    # The phone number line (y 420-470 of 1480) lies under a proposed blur, on both screens.
    for step in guide.steps:
        blurs = [m for m in step.annotations if m.kind == "blur"]
        assert any(m.rect()[1] <= 430 / 1480 and m.rect()[3] >= 460 / 1480 and m.rect()[2] >= 0.7 for m in blurs), blurs
    # Text recognition that loses accented letters ('Tip tc') gives no title rather than a wrong one.
    assert second.title == "Màn hình 2"
    report = result.report("en")
    assert "Steps 1: titles guessed from text on the screen; correct them." in report
    assert any("blur mark(s) proposed" in line for line in report)
    assert errors(result.path) == []


def test_a_picture_that_could_not_be_scanned_is_never_called_scanned(
    tmp_path: Path, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trainer.privacy
    from trainer.privacy import ScanError

    def cannot(path: Path) -> list:  # type: ignore[type-arg]
        raise ScanError(f"{path.name}: the text recognition engine did not load")

    monkeypatch.setattr(trainer.privacy, "proposed_marks", cannot)
    source = tmp_path / "shots"
    screenshot_folder(source)
    (result,) = importer_for(source).import_into(source, library)
    report = " ".join(result.report("en"))
    assert "step(s) 1-5 were NOT scanned" in report and "no personal data" not in report and "proposed" not in report


def test_several_screenshots_added_to_an_open_guide(tmp_path: Path) -> None:
    from trainer.importers.screenshots import screenshots_into

    names = screenshot_folder(tmp_path / "shots")
    guide_folder = tmp_path / "guide"
    guide_folder.mkdir()
    paths = sorted((tmp_path / "shots").iterdir(), reverse=True)
    steps, review = screenshots_into(guide_folder, paths, first_number=4)
    assert len(steps) == len(names) == 5
    assert [s.title for s in steps] == [f"Màn hình {n}" for n in range(4, 9)]
    for number, step in enumerate(steps):
        assert step.image and (guide_folder / step.image).is_file()
        assert near(colour_of(guide_folder, step.image), COLOURS[number], 16)
    assert any("duplicate" in line for line in review)


@pytest.mark.slow
def test_screenshot_draft_exports_in_every_format(tmp_path: Path, library: Path) -> None:
    source = tmp_path / "shots"
    screenshot_folder(source)
    (result,) = importer_for(source).import_into(source, library)
    export_everything(result.path, tmp_path / "out")
