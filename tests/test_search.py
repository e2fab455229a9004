"""Diacritics- and case-insensitive search, the rule shared by the app's library and the offline index."""

from __future__ import annotations

import unicodedata

import pytest

from trainer.search import fold, matches


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đăng ký VssID", "dang ky vssid"),
        ("ĐỊNH DANH ĐIỆN TỬ", "dinh danh dien tu"),
        ("Cảnh giác   lừa đảo\n", "canh giac lua dao"),
        ("Ứng dụng Hồ sơ sức khỏe", "ung dung ho so suc khoe"),
    ],
)
def test_fold_strips_vietnamese_marks_case_and_extra_spaces(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_treats_decomposed_input_like_precomposed() -> None:
    # Some Vietnamese keyboards type decomposed accents; both forms must find the same guides.
    assert fold(unicodedata.normalize("NFD", "Đăng ký")) == fold(unicodedata.normalize("NFC", "Đăng ký")) == "dang ky"


@pytest.mark.parametrize("query", ["dang ky vssid", "Đăng ký VssID", "ĐĂNG KÝ", "vssid dang", "  ky  "])
def test_matches_with_and_without_diacritics(query: str) -> None:
    assert matches(query, "Đăng ký VssID", "Bảo hiểm xã hội")


@pytest.mark.parametrize("query", ["dang ky vneid", "otp", "đăng nhập"])
def test_no_match_when_a_word_is_missing(query: str) -> None:
    assert not matches(query, "Đăng ký VssID", "Bảo hiểm xã hội")


def test_empty_query_matches_everything() -> None:
    assert matches("", "anything") and matches("   ")


def test_d_with_stroke_is_not_confused_with_other_letters() -> None:
    assert matches("dao", "lừa đảo") and not matches("ao dai", "lừa đảo")
