"""Caption cues: at most two lines of 42 characters, cut where a viewer can read them, never one word left alone."""

from __future__ import annotations

import textwrap

from trainer.exporters.clip.captions import CUE_LINES, LINE_CHARS, build_cues, to_srt
from trainer.exporters.clip.timing import Timeline

# Greedy wrapping at 42 characters leaves "đặt." alone on a third line: the cue that used to show
# that one word for half a second.
SENTENCE = "Đăng nhập bằng số định danh cá nhân và mật khẩu gồm sáu chữ số bạn vừa mới chọn và đã đặt."


def _cues(text: str, seconds: float = 6.0):  # type: ignore[no-untyped-def]
    return build_cues([text], Timeline(fps=25, frames=(round(seconds * 25),), narration_starts=(0.0,)))


def test_a_long_sentence_never_leaves_one_word_alone() -> None:
    lines = textwrap.wrap(SENTENCE, LINE_CHARS)
    assert len(lines) == 3 and lines[-1] == "đặt."  # the case as it was
    cues = _cues(SENTENCE)
    assert len(cues) == 2
    for cue in cues:
        shown = cue.text.split("\n")
        assert len(shown) <= CUE_LINES and all(len(line) <= LINE_CHARS for line in shown)
        assert len(cue.text.split()) >= 5, cue.text
    assert " ".join(c.text.replace("\n", " ") for c in cues) == SENTENCE  # every word, in order
    assert min(c.end - c.start for c in cues) > 2.0  # both stay up long enough to read
    shown_lines = [line for cue in cues for line in cue.text.split("\n")]
    assert all(len(line.split()) >= 3 for line in shown_lines), shown_lines  # no word hangs alone on a line
    assert "đặt.\n" in to_srt(cues) and "\nđặt.\n" not in to_srt(cues)


def test_a_short_sentence_takes_its_label_along() -> None:
    text = "Kích hoạt tài khoản VNeID mức 2\nCổng định danh điện tử (Bộ Công an): https://vneid.gov.vn"
    cues = _cues(text)
    assert [c.text.replace("\n", " ") for c in cues] == [
        "Kích hoạt tài khoản VNeID mức 2",
        "Cổng định danh điện tử (Bộ Công an): https://vneid.gov.vn",
    ]
    assert cues[0].start == 0.0 and abs(cues[-1].end - 6.0) < 1e-9
