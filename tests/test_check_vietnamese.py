"""`trainer check` with TRAINER_LANG=vi speaks Vietnamese only: no English word outside quoted names."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from broken_guides import good_text, png_bytes, write_library
from trainer.store.problems import MESSAGES, Problem, field_label, set_language

# Words English messages and the libraries' details (PyYAML, Pillow) are made of. Vietnamese written
# without accents never needs these, so one of them outside quotes is English showing through.
LIBRARY_WORDS = """found unexpected end stream while scanning parsing expected but got cannot identify truncated read
file image not an error warning checked guide guides step field missing empty must the of is has no and or be
block mapping sequence could find simple key tab character that where audio""".split()
ALLOWED = {"yaml", "utf", "megapixel", "byte", "http", "https"}  # loanwords Vietnamese uses
QUOTED = re.compile(r"'[^']*'|“[^”]*”|\"[^\"]*\"")
WORD = re.compile(r"[A-Za-z]{2,}")


def english_words() -> set[str]:
    words = set(LIBRARY_WORDS)
    for _vi, en in MESSAGES.values():
        words |= {w.lower() for w in WORD.findall(re.sub(r"\{[^}]*\}", " ", en))}
    return words - ALLOWED


def extra_cases(library: Path) -> None:
    """Breakages beyond tests/broken_guides.py whose messages carry a field, a callout or an audio name."""
    cases = {
        "empty-callout": good_text("empty-callout", body="## Bước một\n\nChữ.\n\n> [!WARNING]\n"),
        "unknown-field": good_text("unknown-field", front="mau_sac: do\n"),
        "music-not-audio": good_text("music-not-audio", front="music: nhac.txt\n"),
        "step-yaml": good_text("step-yaml", body="## Bước một\n\nChữ.\n\n```step\nduration: [3\n```\n"),
        "bad-frame": good_text("bad-frame", body="## Bước một\n\nChữ.\n\n```step\nframe: tablet\n```\n"),
        "no-summary": good_text("no-summary").replace("summary: Một hướng dẫn để thử trình kiểm tra.\n", ""),
    }
    for slug, text in cases.items():
        (library / slug / "images").mkdir(parents=True)
        (library / slug / "guide.md").write_text(text, encoding="utf-8")
        (library / slug / "images" / "a.png").write_bytes(png_bytes())
    (library / "music-not-audio" / "nhac.txt").write_text("không phải nhạc", encoding="utf-8")


def test_check_in_vietnamese_has_no_english_outside_quotes(tmp_path: Path) -> None:
    library = write_library(tmp_path)
    extra_cases(library)
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "check", str(library)],
        capture_output=True,
        text=True,
        env={"TRAINER_LANG": "vi", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        timeout=300,
    )
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert len(lines) > 35, lines
    english = english_words()
    leaks = []
    for line in lines:
        message = line.replace(str(library), "").split(": ", 1)[-1]
        for word in WORD.findall(QUOTED.sub(" ", message)):
            if word.lower() in english:
                leaks.append(f"{word!r} in: {line}")
    assert leaks == []
    text = "\n".join(lines)
    # Fields by the names the app's form gives them, callouts by their Vietnamese names.
    assert "thiếu mục bắt buộc “Tóm tắt”" in text and "“Cảnh báo”" in text
    assert "Đã kiểm tra" in lines[-1]


def test_messages_follow_the_app_setting_over_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    problem = Problem(Path("guide.md"), 3, "missing-field", {"field": "valid_as_of"})
    monkeypatch.setenv("TRAINER_LANG", "en")
    try:
        set_language("vi")
        assert problem.message() == "thiếu mục bắt buộc “Ngày kiểm tra”"
        set_language("en")
        assert problem.message() == "missing required field 'valid_as_of'"
    finally:
        set_language(None)
    monkeypatch.setenv("TRAINER_LANG", "vi")
    assert field_label("summary") == "Tóm tắt"
    monkeypatch.delenv("TRAINER_LANG")
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")
    assert field_label("summary") == "Tóm tắt"
