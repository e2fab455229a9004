"""The library glossary file: validation with file and line, canonical round trip, atomic save."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import CONTENT
from trainer.model import Term
from trainer.store import GuideError
from trainer.store.glossary import (
    MAX_EXPLANATION_WORDS,
    glossary_file,
    load_glossary,
    parse_glossary,
    read_glossary,
    save_glossary,
    serialize_glossary,
)

GOOD = """- term: OTP
  explanation: Mã số dùng một lần gửi qua tin nhắn.
  synonyms: [mã OTP, mã xác thực]
- term: passcode
  explanation: Dãy 6 chữ số bạn tự đặt.
"""


def codes(text: str) -> list[tuple[int, str, str]]:
    return [(p.line, p.code, p.severity) for p in parse_glossary(text, Path("glossary.yml"))[1]]


def test_entries_load_with_synonyms() -> None:
    terms, problems = parse_glossary(GOOD, Path("glossary.yml"))
    assert problems == []
    assert terms == [
        Term("OTP", "Mã số dùng một lần gửi qua tin nhắn.", ["mã OTP", "mã xác thực"]),
        Term("passcode", "Dãy 6 chữ số bạn tự đặt."),
    ]


def test_each_problem_names_its_entry_line() -> None:
    long = " ".join(["chữ"] * (MAX_EXPLANATION_WORDS + 1))
    text = (
        "- term: OTP\n  explanation: Mã dùng một lần.\n"
        "- term: ''\n  explanation: Không có từ.\n"
        "- term: passcode\n"
        f"- term: mức 2\n  explanation: {long}\n"
        "- term: otp\n  explanation: Trùng chữ.\n  colour: red\n"
        "- term: CVV\n  explanation: Mã sau thẻ.\n  synonyms: [{a: b}]\n"
        "- just text\n"
    )
    assert codes(text) == [
        (3, "glossary-no-term", "error"),
        (5, "glossary-no-explanation", "error"),
        (6, "glossary-too-long", "error"),
        (8, "glossary-unknown-key", "warning"),
        (8, "glossary-duplicate", "error"),
        (11, "glossary-bad-synonyms", "error"),
        (14, "glossary-bad-entry", "error"),
    ]


def test_duplicate_spelling_ignoring_accents_is_an_error() -> None:
    text = "- term: định danh\n  explanation: Một.\n- term: Dinh Danh\n  explanation: Hai.\n"
    terms, problems = parse_glossary(text, Path("glossary.yml"))
    assert [t.term for t in terms] == ["định danh"]
    assert [(p.line, p.code) for p in problems] == [(3, "glossary-duplicate")]
    assert "line 1" in problems[0].message("en")


def test_bad_yaml_and_wrong_shape_are_one_line_each(tmp_path: Path) -> None:
    assert [code for _, code, _ in codes("- term: [unclosed\n")] == ["yaml"]
    assert codes("term: OTP\n") == [(1, "glossary-not-list", "error")]
    path = tmp_path / "glossary.yml"
    path.write_bytes(b"- term: \xff\n")
    terms, problems = read_glossary(path)
    assert terms == [] and [p.code for p in problems] == ["not-utf8"]
    with pytest.raises(GuideError, match=r"glossary.yml:1: "):
        load_glossary(path)


def test_missing_file_is_an_empty_glossary(tmp_path: Path) -> None:
    assert read_glossary(glossary_file(tmp_path)) == ([], [])


def test_save_is_canonical_and_round_trips(tmp_path: Path) -> None:
    terms, _ = parse_glossary(GOOD, Path("glossary.yml"))
    path = save_glossary(terms, tmp_path / "glossary.yml")
    assert load_glossary(path) == terms
    assert path.read_text(encoding="utf-8") == serialize_glossary(terms)
    save_glossary(load_glossary(path), path)
    assert path.read_text(encoding="utf-8") == serialize_glossary(terms)


def test_save_refuses_what_would_not_load(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text(GOOD, encoding="utf-8")
    with pytest.raises(GuideError, match="OTP"):
        save_glossary([Term("OTP", "Một."), Term("otp", "Hai.")], path)
    assert path.read_text(encoding="utf-8") == GOOD  # untouched


def test_bundled_glossary_is_canonical_and_valid() -> None:
    path = glossary_file(CONTENT)
    terms, problems = read_glossary(path)
    assert problems == []
    assert path.read_text(encoding="utf-8") == serialize_glossary(terms)
