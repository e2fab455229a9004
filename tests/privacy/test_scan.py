"""Detection on screenshots drawn here: the real recognition engine, QR reader and face detector, offline.

Images are small (400 px wide) to keep the suite fast; results are cached by content for the session.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from privacy_screens import DEJAVU, Row, draw_icon_grid, draw_screen
from trainer.privacy import Finding, ScanError, proposed_marks, read_text, scan
from trainer.privacy.findings import Box
from trainer.search import fold


def overlaps(a: Box, b: Box) -> float:
    """Share of box b inside box a."""
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    return w * h / max(1e-9, (b[2] - b[0]) * (b[3] - b[1]))


def found(findings: list[Finding], kind: str, where: Box) -> bool:
    """A finding of `kind` whose box covers most of the drawn text at `where`."""
    return any(f.kind == kind and overlaps(f.box, where) > 0.7 for f in findings)


VNEID_ROWS = [
    Row("Họ và tên", "NGUYỄN VĂN AN"),
    Row("Số định danh cá nhân", "001 089 012345"),
    Row("Ngày sinh", "12/05/1989"),
    Row("Số điện thoại", "0912 345 678"),
]


@pytest.mark.parametrize(
    ("font", "size", "dark", "side"),
    [
        ("BeVietnamPro-Regular.ttf", 20, False, False),
        ("BeVietnamPro-SemiBold.ttf", 16, True, False),
        ("dejavu", 18, False, True),
    ],
    ids=["light-bevietnam-20", "dark-semibold-16", "dejavu-18-side-by-side"],
)
def test_identity_screen_every_value_is_found(tmp_path: Path, font: str, size: int, dark: bool, side: bool) -> None:
    if font == "dejavu" and not DEJAVU.exists():
        pytest.skip("DejaVu Sans is not installed (apt-get install fonts-dejavu-core)")
    path = tmp_path / "screen.png"
    boxes = draw_screen(path, VNEID_ROWS, font=font, size=size, dark=dark, side_by_side=side)
    findings = scan(path)
    assert found(findings, "name", boxes["NGUYỄN VĂN AN"]), findings
    assert found(findings, "id-number", boxes["001 089 012345"]), findings
    assert found(findings, "birth-date", boxes["12/05/1989"]), findings
    assert found(findings, "phone", boxes["0912 345 678"]), findings
    assert len(findings) == 4, findings


def test_id_without_spaces_and_money_screen(tmp_path: Path) -> None:
    path = tmp_path / "bank.png"
    rows = [Row("Số CCCD", "079201004567"), Row("Số tài khoản", "1903 6655 4433 22"), Row("Số tiền", "1.500.000 đ")]
    boxes = draw_screen(path, rows, size=22, title="Chuyển khoản")
    findings = scan(path)
    assert found(findings, "id-number", boxes["079201004567"]), findings
    assert found(findings, "bank-account", boxes["1903 6655 4433 22"]), findings
    assert {f.kind for f in findings} == {"id-number", "bank-account"}, findings


def test_public_screen_has_no_findings(tmp_path: Path) -> None:
    path = tmp_path / "public.png"
    rows = [
        Row("Tổng đài hỗ trợ", "1800 1096"),
        Row("Phiên bản", "2.1.3"),
        Row("Lệ phí", "25.000 đ"),
        Row("Số định danh", "Nhập 12 số"),
        Row("Bước 2/5"),
    ]
    draw_screen(path, rows, size=20, dark=True, title="Hỗ trợ")
    text = fold("".join(line.text for line in read_text(path))).replace(" ", "")
    assert "18001096" in text and "2.1.3" in text and "12s" in text  # the engine did read the screen
    assert scan(path) == []


def test_qr_code_holding_an_id_and_a_portrait_are_found(tmp_path: Path) -> None:
    path = tmp_path / "qr.png"
    payload = "001089012345|123456789|Nguyễn Văn An|12051989|Nam|Hà Nội|01012021"
    boxes = draw_screen(path, [], qr=payload, portrait=120, height=760, title="Mã QR")
    findings = scan(path)
    assert found(findings, "qr-code", boxes["qr"]), findings
    assert [f.text for f in findings if f.kind == "qr-code"] == [payload]
    assert found(findings, "face", boxes["face"]), findings


DATA = Path(__file__).resolve().parents[1] / "data"


def test_a_photographed_face_on_an_identity_screen_is_found(tmp_path: Path) -> None:
    # A real photograph (NASA, public domain; tests/data/README.md) as the holder's picture, not a drawing.
    path = tmp_path / "identity.png"
    boxes = draw_screen(path, [Row("Họ và tên", "NGUYỄN VĂN AN")], photo=DATA / "face-astronaut.jpg", height=760)
    findings = scan(path)
    faces = [f for f in findings if f.kind == "face"]
    assert len(faces) == 1, findings
    # The finding covers the face in the photo (its middle), and the proposed blur hides the whole head.
    x0, y0, x1, y1 = boxes["photo"]
    face_middle = (x0 + 0.3 * (x1 - x0), y0 + 0.25 * (y1 - y0), x0 + 0.7 * (x1 - x0), y0 + 0.65 * (y1 - y0))
    assert overlaps(faces[0].box, face_middle) > 0.95, (faces, boxes["photo"])


def test_a_landscape_photo_and_an_icon_grid_are_not_faces(tmp_path: Path) -> None:
    # A night launch photo (SpaceX, public domain) on a news screen, and a home screen of app icons.
    news = tmp_path / "news.png"
    draw_screen(news, [Row("Phóng tàu thành công")], photo=DATA / "landscape-rocket.jpg", height=760, title="Tin tức")
    icons = tmp_path / "icons.png"
    draw_icon_grid(icons)
    assert [f for f in scan(news) if f.kind == "face"] == []
    assert [f for f in scan(icons) if f.kind == "face"] == []


def test_qr_code_to_a_web_page_is_public(tmp_path: Path) -> None:
    path = tmp_path / "link.png"
    draw_screen(path, [], qr="https://dichvucong.gov.vn", title="Quét mã")
    assert [f for f in scan(path) if f.kind == "qr-code"] == []


def test_proposed_marks_cover_every_finding(tmp_path: Path) -> None:
    path = tmp_path / "screen.png"
    draw_screen(path, VNEID_ROWS)
    marks = proposed_marks(path)
    assert {m.kind for m in marks} == {"blur"}
    for finding in scan(path):
        assert any(overlaps(m.rect(), finding.box) == pytest.approx(1.0) for m in marks), finding


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n" + b"\0" * 40, b"not an image at all"])
def test_unreadable_image_is_one_plain_scan_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(content)
    with pytest.raises(ScanError) as info:
        scan(path)
    assert "broken.png" in str(info.value) and "\n" not in str(info.value)


def test_scan_works_with_the_network_blocked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No engine reaches for the network: every socket connection fails and detection still runs."""
    import trainer.privacy.faces as faces
    import trainer.privacy.ocr as ocr

    monkeypatch.setattr(ocr, "_engine", None)  # load the models again, with no network
    monkeypatch.setattr(faces, "_cascade", None)
    monkeypatch.setenv("TRAINER_CACHE_DIR", str(tmp_path / "cache"))

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    path = tmp_path / "screen.png"
    boxes = draw_screen(path, [Row("Số định danh cá nhân", "001 089 012345")])
    assert found(scan(path), "id-number", boxes["001 089 012345"])
