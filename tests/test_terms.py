"""Glossary terms in guides: accent-blind whole-word matching, first uses, unexplained hard words, check warnings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from broken_guides import good_text, png_bytes
from trainer.model import Callout, Guide, Step, Term
from trainer.terms import HARD_WORDS, find, notes_with_terms, terms_used, unexplained

OTP = Term("OTP", "Mã số dùng một lần.", ["mã OTP", "mã xác thực"])
LEVEL = Term("mức 2", "Tài khoản làm tại Công an xã.", ["VNeID mức 2"])


def test_find_ignores_accents_and_case_and_keeps_whole_words() -> None:
    text = "Cần tài khoản VNeID Mức 2, không phải mức 20."
    start, end = find(text, "muc 2")  # type: ignore[misc]
    assert text[start:end] == "Mức 2"
    assert find("Có mức 20 thôi", "mức 2") is None
    assert find("OTPX và XOTP", "OTP") is None
    assert find("Đặt passcode  6 số", "passcode 6") is not None  # any run of spaces between words
    assert text[slice(*find(text, "vneid  muc 2"))] == "VNeID Mức 2"  # type: ignore[arg-type]


def test_find_maps_back_through_d_with_stroke() -> None:
    text = "Số định danh cá nhân"
    start, end = find(text, "dinh danh")  # type: ignore[misc]
    assert text[start:end] == "định danh"


def guide(*steps: Step, summary: str = "") -> Guide:
    return Guide(title="Thử", summary=summary, steps=list(steps))


def test_terms_are_listed_in_reading_order_with_the_step_of_first_use() -> None:
    g = guide(
        Step("Mở ứng dụng", "Bấm vào biểu tượng."),
        Step("Nhập mã", "Nhập mã xác thực vừa nhận.", callouts=[Callout("warning", "Cần VNeID mức 2.")]),
        Step("Lại", "Nhập mã OTP lần nữa."),
    )
    uses = terms_used(g, [LEVEL, OTP, Term("CVV", "Mã sau thẻ.")])
    assert [(u.term.term, u.step, u.written) for u in uses] == [("OTP", 1, "mã xác thực"), ("mức 2", 1, "VNeID mức 2")]
    before = guide(Step("A", "Nhập OTP."), summary="Cần mức 2.")
    assert [(u.term.term, u.step) for u in terms_used(before, [OTP, LEVEL])] == [("mức 2", None), ("OTP", 0)]


def test_notes_get_the_explanations_of_their_step() -> None:
    g = guide(Step("A", "Nhập OTP.", notes="Chỉ vào ô."), Step("B", "Không có từ khó.", notes="Hết."))
    uses = terms_used(g, [OTP])
    assert notes_with_terms(g, uses, 0, "Chỉ vào ô.") == "Chỉ vào ô.\n\nTừ cần biết:\n- OTP: Mã số dùng một lần."
    assert notes_with_terms(g, uses, 1, "Hết.") == "Hết."


def test_hard_words_without_an_explanation_are_reported_once() -> None:
    assert "OTP" in HARD_WORDS and "passcode" in HARD_WORDS
    g = guide(Step("A", "Nhập OTP rồi đặt Passcode."), Step("B", "Nhập lại otp."))
    missing = unexplained(g, [])
    assert [(word, part.step) for word, part in missing] == [("OTP", 0), ("Passcode", 0)]
    assert [w for w, _ in unexplained(g, [OTP])] == ["Passcode"]
    # a hard word is explained when a glossary spelling covers it where it is written
    covered = guide(Step("A", "Cần định danh mức 2."))
    assert unexplained(covered, [Term("định danh mức 2", "Tài khoản mức 2.")]) == []
    assert [w for w, _ in unexplained(covered, [Term("định danh", "Tài khoản.")])] == ["mức 2", "định danh mức 2"]


def _library(root: Path, glossary: str | None) -> Path:
    folder = root / "lib" / "thu"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "a.png").write_bytes(png_bytes())
    body = "## Nhập mã\n\nNhập mã OTP vừa nhận.\n\n![Màn hình](images/a.png)\n"
    (folder / "guide.md").write_text(good_text("thu", body), encoding="utf-8")
    if glossary is not None:
        (root / "lib" / "glossary.yml").write_text(glossary, encoding="utf-8")
    return root / "lib"


def check(*args: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", "check", *map(str, args)], capture_output=True, text=True, timeout=120
    )


def test_check_warns_about_an_unexplained_hard_word_at_its_line(tmp_path: Path) -> None:
    library = _library(tmp_path, None)
    result = check(library)
    assert result.returncode == 0, result.stdout + result.stderr
    guide_md = library / "thu" / "guide.md"
    assert result.stdout.splitlines() == [
        f"{guide_md}:15: warning: hard word 'OTP' is not explained; add it (or a synonym) to {library / 'glossary.yml'}"
    ]


def test_check_is_quiet_when_the_glossary_explains_it_and_reports_a_broken_glossary(tmp_path: Path) -> None:
    library = _library(tmp_path, "- term: mã OTP\n  explanation: Mã số dùng một lần.\n")
    result = check(library)
    assert result.returncode == 0 and result.stdout == "", result.stdout
    (library / "glossary.yml").write_text("- term: OTP\n", encoding="utf-8")
    result = check(library)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{library / 'glossary.yml'}:1: term 'OTP' has no explanation"
    assert "hard word 'OTP'" in lines[1]
