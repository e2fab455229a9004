"""The command line with TRAINER_LANG=vi speaks Vietnamese: help (argparse's own words too), usage errors,
publish progress lines and kit errors; with TRAINER_LANG=en the same commands read English.

English words are learned from the English run of the very same commands, so a sentence added later
in English only is caught without a word list to keep up to date.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.exporters import formats

QUOTED = re.compile(r"'[^']*'|“[^”]*”|\"[^\"]*\"|\{[^}]*\}")
FLAG = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
PATH = re.compile(r"(?:/[^\s:'“]+)+")
WORD = re.compile(r"[^\W\d_]{2,}")  # whole words, so 'toàn' is not read as 'to'
# Vietnamese words spelled like English ones, and loanwords Vietnamese uses as they are.
VIETNAMESE = {"in", "video", "web", "song"}
# Names a person types or brands that read the same in both languages.
NAMES = {"trainer", "app", "check", "export", "present", "publish", "verify", "import", "content", "slug"}
NAMES |= set(formats()) | {"vertical", "landscape", "lite", "share", "default", "grayscale", "large", "print"}
NAMES |= {"pdf", "zip", "json", "html", "tv", "usb", "word", "powerpoint", "opendocument", "markdown", "utf"}
NAMES |= {"windows", "tcvn", "vni", "docx", "doc", "odt", "pptx", "ppt", "mp", "sha", "ext", "txt", "png"}
NAMES |= {"home", "end", "enter", "esc", "tab", "pgdn", "pgup", "yaml", "byte", "jpeg", "nul", "svg", "ok"}
NAMES |= {"nope"}  # the theme name the test asks for, named at the start of its error line


def run(lang: str, *args: str, cwd: Path | None = None) -> str:
    env = {"TRAINER_LANG": lang, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "trainer", *args], capture_output=True, text=True, env=env, timeout=600, cwd=cwd
    )
    return result.stdout + result.stderr


def plain_words(text: str) -> list[tuple[str, str]]:
    """(word, its line) for every word outside quotes (which argparse may wrap over lines), flags, paths and names."""
    found = []
    bare_text = QUOTED.sub(lambda m: "\n" * m.group(0).count("\n"), PATH.sub(" ", text))
    for bare, line in zip(bare_text.splitlines(), PATH.sub(" ", text).splitlines(), strict=True):
        words = WORD.findall(FLAG.sub(" ", bare))
        found += [(w, line) for w in words if w.lower() not in NAMES | VIETNAMESE]
    return found


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each language's output of: every help, usage errors, a publish, a failing verify and kit import."""
    from sample_library import write_guide

    root = tmp_path_factory.mktemp("cli")
    write_guide(root / "content", "kich-hoat", 1)
    (root / "not-a-kit.zip").write_bytes(b"not a zip at all")
    (root / "broken-kit").mkdir()
    (root / "broken-kit" / "manifest.json").write_text("{", encoding="utf-8")
    out: dict[str, str] = {}
    for lang in ("vi", "en"):
        dist = root / f"dist-{lang}"
        texts = [run(lang, "--help")]
        texts += [run(lang, command, "--help") for command in ("check", "export", "present", "publish", "verify", "import")]
        texts.append(run(lang, "export"))  # required arguments missing
        texts.append(run(lang, "export", str(root / "content" / "kich-hoat"), "-f", "hologram", "-o", str(dist)))
        texts.append(run(lang, "export", str(root / "content" / "kich-hoat"), "-f", "html", "--preset", "x", "-o", "d"))
        texts.append(run(lang, "export", str(root / "content" / "kich-hoat"), "-f", "html", "-O", "x=1", "-o", "d"))
        texts.append(run(lang, "export", str(root / "content" / "kich-hoat"), "-f", "html", "--theme", "nope", "-o", "d"))
        texts.append(
            run(
                lang,
                "export",
                str(root / "content" / "kich-hoat"),
                "-f",
                "infographic",
                "-O",
                "png=no",
                "-O",
                "jpeg=no",
                "-o",
                "d",
            )
        )  # the exporter's own refusal
        texts.append(run(lang, "publish", "--jobs", "many", "-o", str(dist)))  # a bad number
        texts.append(run(lang, "publish", str(root / "content"), "-o", str(dist), "--formats", "html", "-j", "1"))
        texts.append(run(lang, "publish", str(root / "nowhere"), "-o", str(dist)))
        kit = root / f"damaged-{lang}"
        shutil.copytree(dist / "kich-hoat", kit)
        page = next(kit.glob("*.html"))
        page.write_bytes(page.read_bytes() + b"x")
        (kit / "source" / "images" / "01.png").unlink()
        (kit / "stray.txt").write_text("thừa", encoding="utf-8")
        texts.append(run(lang, "verify", str(kit), str(root / "not-a-kit.zip"), str(root / "broken-kit")))
        texts.append(run(lang, "import", str(root / "not-a-kit.zip"), "--library", str(root / "content")))
        out[lang] = "\n".join(texts)
    return out


def test_command_line_in_vietnamese_has_no_english_outside_quotes(runs: dict[str, str]) -> None:
    english = {w.lower() for w, _ in plain_words(runs["en"])}
    vietnamese = {w.lower() for w, _ in plain_words(runs["vi"])}
    assert len(english) > 150, sorted(english)  # the English run really said something
    leaks = sorted({f"{w!r} in: {line.strip()}" for w, line in plain_words(runs["vi"]) if w.lower() in english})
    assert leaks == [], "\n".join(leaks) + f"\n(vi words: {sorted(vietnamese - english)[:40]})"
    vi = runs["vi"]
    for said in (
        "cách dùng: trainer",
        "tùy chọn:",
        "hiện phần trợ giúp này rồi thoát",
        "lỗi: còn thiếu: THƯ_MỤC_HƯỚNG_DẪN, --format/-f, --out/-o",
        "giá trị không hợp lệ: 'many'",
        "ảnh tóm tắt: hãy chọn PNG, JPEG hoặc cả hai",
        "không có dạng xuất 'hologram'",
        "đã xuất bản 1 hướng dẫn",
        "bị hỏng",
        "thiếu tệp 'source/images/01.png'",
        "tệp lạ 'stray.txt'",
        "tệp ZIP không đọc được",
        "tệp 'manifest.json' viết sai",
    ):
        assert said in vi, said


def test_command_line_in_english_reads_english(runs: dict[str, str]) -> None:
    en = runs["en"]
    for said in (
        "usage: trainer",
        "options:",
        "show this help message and exit",
        "error: the following arguments are required: GUIDE_DIR, --format/-f, --out/-o",
        "invalid int value: 'many'",
        "infographic: choose PNG, JPEG or both",
        "unknown format 'hologram'",
        "published 1 guide(s)",
        "corrupted",
        "missing source/images/01.png",
        "extra file stray.txt",
        "not a readable ZIP file",
        "manifest.json is not valid JSON",
    ):
        assert said in en, said
    assert not re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", en, re.IGNORECASE), en[:2000]
