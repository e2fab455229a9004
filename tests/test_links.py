"""The one link policy (trainer.links) and what `trainer check` says about links, on the line that holds them."""

from __future__ import annotations

from pathlib import Path

import pytest

from broken_guides import good_text, png_bytes
from trainer import links
from trainer.check import check_paths
from trainer.cli import main


@pytest.mark.parametrize(
    "url",
    [
        "https://dichvucong.gov.vn",
        "http://vneid.gov.vn/huong-dan?x=1&y=2#a",
        "https://vi.wikipedia.org/wiki/Hà_Nội_(định_hướng)",
        "tel:18001096",
        "tel:+84-24-3941-1234",
        "mailto:hotro@tttt.gov.vn",
        "mailto:hotro@tttt.gov.vn?subject=Hỏi",
    ],
)
def test_allowed_links(url: str) -> None:
    assert links.safe(url) == url
    assert links.problems(url) == []


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " java\tscript:alert(1)",
        "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "images/a.png",
        "../../guide.md",
        "//evil.example/x",
        "https://",
        "https://exa mple.vn",
        'https://x.vn/"onmouseover="alert(1)',
        "tel:abc",
        "mailto:not-an-address",
        "ftp://files.example.vn/a",
    ],
)
def test_refused_links(url: str) -> None:
    assert links.safe(url) is None
    assert links.problems(url) == [("unsafe-link", "error")]


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        ("dichvucong.gov.vn", "https://dichvucong-gov.example", [("deceptive-link", "error")]),
        (
            "https://www.vneid.gov.vn",
            "https://vneid.gov.vn.xn--login.example/abc",
            [("deceptive-link", "error"), ("idn-link", "warning")],
        ),
        ("dichvucong.gov.vn", "https://dichvucong.gov.vn/p/home", []),
        ("www.dichvucong.gov.vn", "https://dichvucong.gov.vn", []),
        ("gov.vn", "https://dichvucong.gov.vn", []),
        ("Cổng dịch vụ công", "https://dichvucong.gov.vn", []),
        ("Bấm vào đây", "https://vnéid.vn", [("idn-link", "warning")]),
        ("Bấm vào đây", "https://xn--vnid-bpa.vn", [("idn-link", "warning")]),
    ],
)
def test_shown_address_must_match_the_target(text: str, url: str, expected: list[tuple[str, str]]) -> None:
    assert links.problems(url, text) == expected


def test_markdown_links_keep_parentheses_and_skip_images() -> None:
    text = (
        "Xem [Hà Nội](https://vi.wikipedia.org/wiki/Hà_Nội_(định_hướng)) và ![ảnh](images/a.png), "
        '[gọi](tel:18001096 "tổng đài"), <mailto:a@b.vn> rồi [xấu][1].\n\n[1]: javascript:alert(1)\n'
    )
    found = [(link.text, link.url) for link in links.markdown_links(text)]
    assert found == [
        ("Hà Nội", "https://vi.wikipedia.org/wiki/Hà_Nội_(định_hướng)"),
        ("gọi", "tel:18001096"),
        ("mailto:a@b.vn", "mailto:a@b.vn"),
        ("1", "javascript:alert(1)"),
    ]


def write(tmp_path: Path, body: str, front: str = "") -> Path:
    folder = tmp_path / "thu-lien-ket"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "a.png").write_bytes(png_bytes())
    (folder / "guide.md").write_text(good_text("thu-lien-ket", body=body, front=front), encoding="utf-8")
    return folder


STEP = "## Mở ứng dụng\n\nBấm vào biểu tượng.\n\n![Màn hình](images/a.png)\n\n"


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ("[Bấm vào đây](javascript:alert(1))", "unsafe-link"),
        ("[mở](file:///etc/passwd)", "unsafe-link"),
        ("[xem](data:text/html,<script>alert(1)</script>)", "unsafe-link"),
        ("> [!WARNING]\n> Đừng bấm [đây](vbscript:msgbox(1)).", "unsafe-link"),
        ("```notes\nMở [trang](images/a.png) trên máy chiếu.\n```", "unsafe-link"),
        ("Vào [dichvucong.gov.vn](https://dichvucong-gov.example) để nộp.", "deceptive-link"),
    ],
)
def test_check_reports_a_bad_link_on_its_line(tmp_path: Path, extra: str, code: str) -> None:
    folder = write(tmp_path, STEP + extra + "\n")
    _, problems = check_paths([folder])
    errors = [p for p in problems if p.severity == "error"]
    assert [p.code for p in errors] == [code], [str(p) for p in problems]
    lines = (folder / "guide.md").read_text(encoding="utf-8").split("\n")
    url = extra.split("](", 1)[1].split(")")[0][:20]
    assert url in lines[errors[0].line - 1]


def test_check_passes_allowed_links_and_warns_about_idn(tmp_path: Path) -> None:
    body = (
        STEP
        + "Gọi [tổng đài](tel:18001096), viết [thư](mailto:a@b.vn), đọc [Hà Nội](https://vi.wikipedia.org/wiki/Hà_Nội_(tỉnh)).\n"
    )
    folder = write(tmp_path, body + "\nXem [trang](https://vnéid.vn).\n")
    _, problems = check_paths([folder])
    assert [(p.code, p.severity) for p in problems] == [("idn-link", "warning")]


def test_front_matter_link_title_that_shows_another_host_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write(tmp_path, STEP)
    text = (folder / "guide.md").read_text(encoding="utf-8").replace("title: Cổng dịch vụ công", "title: dichvucong.gov.vn")
    (folder / "guide.md").write_text(
        text.replace("https://dichvucong.gov.vn", "https://dichvucong-gov.example"), encoding="utf-8"
    )
    assert main(["check", str(folder), "--theme", "default"]) == 1
    out = capsys.readouterr().out
    assert "link text shows 'dichvucong.gov.vn' but the link opens 'dichvucong-gov.example'" in out
    line = int(out.split(":")[1])
    assert (
        "dichvucong-gov.example"
        in text.replace("https://dichvucong.gov.vn", "https://dichvucong-gov.example").split("\n")[line - 1]
    )
