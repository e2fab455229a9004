"""Problems found in a guide: where (file, line), how bad, and what to say, in Vietnamese or English."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ERROR = "error"
WARNING = "warning"

# One message per problem code, Vietnamese first. Placeholders are str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "not-found": ("không tìm thấy tệp hoặc thư mục", "no such file or folder"),
    "no-guide-file": ("thư mục không có tệp 'guide.md'", "folder has no guide.md"),
    "too-big": ("tệp quá lớn ({size} byte, tối đa {limit})", "file is too large ({size} bytes, at most {limit})"),
    "not-utf8": (
        "tệp không phải văn bản UTF-8 (byte lỗi ở vị trí {offset}); hãy lưu lại với mã hóa UTF-8",
        "file is not UTF-8 text (bad byte at offset {offset}); save it again as UTF-8",
    ),
    "no-front-matter": (
        "thiếu phần thông tin đầu tệp: dòng đầu phải là ---",
        "missing front matter: the first line must be ---",
    ),
    "unclosed-front-matter": (
        "phần thông tin đầu tệp không có dòng --- kết thúc",
        "front matter is not closed by a --- line",
    ),
    "yaml": (
        "phần thông tin đầu tệp viết sai (thường do thiếu dấu hai chấm, ngoặc chưa đóng hoặc thụt lề lệch);"
        " chi tiết kỹ thuật: “{detail}”",
        "YAML syntax error: {detail}",
    ),
    "front-matter-not-mapping": (
        "phần thông tin đầu tệp phải là các dòng 'khóa: giá trị'",
        "front matter must be 'key: value' lines",
    ),
    "missing-field": ("thiếu mục bắt buộc “{field}”", "missing required field '{field}'"),
    "empty-field": ("mục “{field}” đang để trống", "field '{field}' is empty"),
    "unknown-field": ("mục lạ '{field}' (sẽ được giữ nguyên)", "unknown field '{field}' (kept as is)"),
    "bad-type": ("mục “{field}” phải là {expected}", "field '{field}' must be {expected}"),
    "bad-date": (
        "ngày '{value}' không hợp lệ; viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-22",
        "invalid date '{value}'; write it as YEAR-MONTH-DAY, e.g. 2026-11-22",
    ),
    "bad-slug": (
        "tên thư mục '{value}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang",
        "slug '{value}' may contain only lowercase ASCII letters, digits and hyphens",
    ),
    "slug-folder": (
        "tên thư mục ghi trong hướng dẫn '{value}' khác tên thư mục thật '{folder}'",
        "slug '{value}' does not match the folder name '{folder}'",
    ),
    "duplicate-slug": ("tên thư mục '{value}' trùng với '{other}'", "slug '{value}' is also used by {other}"),
    "bad-status": ("trạng thái '{value}' không hợp lệ (chọn: {choices})", "invalid status '{value}' (choose: {choices})"),
    "bad-link": (
        "liên kết '{value}' phải bắt đầu bằng 'http://' hoặc 'https://'",
        "link '{value}' must start with http:// or https://",
    ),
    "no-link": ("chưa có liên kết chính thức nào", "no official link"),
    "no-steps": ("hướng dẫn chưa có bước nào (mỗi bước bắt đầu bằng '## ')", "guide has no steps (each starts with '## ')"),
    "too-many-steps": (
        "có {count} bước, tối đa {limit}: hãy tách thành nhiều hướng dẫn (tài liệu nhập vào: nhập lại với "
        "'trainer import --split' hoặc chọn 'Tách theo đề mục lớn' để có một hướng dẫn cho mỗi đề mục lớn)",
        "{count} steps, at most {limit}: split it into several guides (an imported document: import it again with "
        "'trainer import --split', or tick 'One guide per top-level heading', for one guide per top-level heading)",
    ),
    "empty-step-title": ("bước không có tiêu đề", "step has no title"),
    "step-no-text": ("bước '{step}' chưa có nội dung", "step '{step}' has no text"),
    "title-too-long": (
        "tiêu đề dài {count} ký tự, tối đa {limit} để vừa hình",
        "title is {count} characters, at most {limit} fit the outputs",
    ),
    "text-too-long": (
        "nội dung bước '{step}' dài {count} ký tự, tối đa {limit} để vừa thẻ hình",
        "text of step '{step}' is {count} characters, at most {limit} fit a card",
    ),
    "does-not-fit": ("{what} không vừa {output}: {detail}", "{what} does not fit the {output}: {detail}"),
    "two-images": ("mỗi bước chỉ có một hình chính; hình thừa: '{value}'", "a step has at most one image; extra image: {value}"),
    "image-missing": ("không tìm thấy hình '{value}'", "image '{value}' not found"),
    "image-outside": (
        "hình '{value}' nằm ngoài thư mục hướng dẫn",
        "image '{value}' is outside the guide folder",
    ),
    "image-unreadable": (
        "không đọc được hình '{value}': tệp hỏng hoặc không phải là ảnh; chi tiết kỹ thuật: “{detail}”",
        "cannot read image '{value}': {detail}",
    ),
    "image-too-large": (
        "hình '{value}' quá lớn ({width}x{height} điểm ảnh, tối đa {limit} megapixel)",
        "image '{value}' is too large ({width}x{height} pixels, at most {limit} megapixels)",
    ),
    "audio-missing": ("không tìm thấy tệp âm thanh '{value}'", "audio file '{value}' not found"),
    "audio-unsupported": (
        "tệp âm thanh '{value}' phải có đuôi {suffixes}",
        "audio file '{value}' must be {suffixes}",
    ),
    "audio-outside": (
        "tệp âm thanh '{value}' nằm ngoài thư mục hướng dẫn",
        "audio file '{value}' is outside the guide folder",
    ),
    "bad-callout": (
        "loại hộp lưu ý '{value}' không có; dùng 'TIP' (mẹo), 'WARNING' (cảnh báo) hoặc 'CAUTION' (thận trọng)",
        "unknown callout kind '{value}'; use TIP, WARNING or CAUTION",
    ),
    "empty-callout": ("hộp “{kind}” chưa có nội dung", "callout '{value}' is empty"),
    "bad-annotation": (
        "dòng chú thích hình '{value}' không hợp lệ; viết 'badge X Y [số]', 'tap X Y' hoặc"
        " 'box/blur/arrow/keep X1 Y1 X2 Y2', với tọa độ từ 0 đến 1",
        "invalid image annotation '{value}' (badge X Y [N] | tap X Y | box/blur/arrow/keep X1 Y1 X2 Y2, 0..1)",
    ),
    "annotation-no-image": (
        "bước có chú thích hình nhưng không có hình",
        "step has image annotations but no image",
    ),
    "unclosed-block": ("khối '```{value}' không có dòng '```' kết thúc", "```{value} block is not closed by a ``` line"),
    "bad-step-options": (
        "khối '```step' viết sai: {detail}",
        "invalid ```step block: {detail}",
    ),
    "unknown-step-option": ("tùy chọn bước lạ '{value}' (sẽ được giữ nguyên)", "unknown step option '{value}' (kept as is)"),
    "bad-theme": ("chủ đề '{value}': {detail}", "theme '{value}': {detail}"),
    "unexplained-word": (
        "từ khó '{word}' chưa được giải thích; thêm nó (hoặc cách viết khác của nó) vào {glossary}",
        "hard word '{word}' is not explained; add it (or a synonym) to {glossary}",
    ),
    "glossary-not-list": (
        "bảng từ cần biết phải là danh sách các mục bắt đầu bằng '- term:'",
        "the glossary must be a list of entries starting with '- term:'",
    ),
    "glossary-bad-entry": (
        "mục không hợp lệ: mỗi mục có 'term', 'explanation' và 'synonyms' (không bắt buộc)",
        "invalid entry: each entry has term, explanation and optional synonyms",
    ),
    "glossary-unknown-key": ("khóa lạ '{value}' trong mục (bỏ qua)", "unknown key '{value}' in the entry (ignored)"),
    "glossary-no-term": ("mục chưa có từ ('term')", "entry has no term"),
    "glossary-no-explanation": ("từ '{term}' chưa có lời giải thích ('explanation')", "term '{term}' has no explanation"),
    "glossary-bad-synonyms": (
        "cách viết khác ('synonyms') của '{term}' phải là một danh sách chữ",
        "synonyms of '{term}' must be a list of words",
    ),
    "glossary-too-long": (
        "lời giải thích '{term}' dài {count} từ, tối đa {limit}: viết một câu ngắn",
        "explanation of '{term}' is {count} words, at most {limit}: write one short sentence",
    ),
    "glossary-duplicate": (
        "'{value}' đã có trong mục '{other}' (dòng {other_line}); không phân biệt dấu, mỗi cách viết chỉ một mục",
        "'{value}' is already in entry '{other}' (line {other_line}); ignoring accents, each spelling belongs to one entry",
    ),
    # Personal data in step images (trainer.privacy): kind_vi/kind_en name what was found.
    "personal-data": (
        "hình '{value}' có dữ liệu cá nhân chưa làm mờ ({kind_vi}) ở vùng {box}; thêm dòng blur che vùng đó, "
        "hoặc dòng keep nếu đó là thông tin công khai",
        "personal data in image '{value}' ({kind_en}) at {box} is not blurred; add a blur mark over it, "
        "or a keep mark if it is public",
    ),
    # Links (trainer.links): only https, http, tel and mailto ever reach an output.
    "unsafe-link": (
        "liên kết '{value}' không được phép: chỉ dùng liên kết bắt đầu bằng https://, http://, tel: hoặc mailto:",
        "link '{value}' is not allowed: only https://, http://, tel: and mailto: links may be used",
    ),
    "deceptive-link": (
        "chữ của liên kết ghi '{shown}' nhưng bấm vào lại mở '{host}' (kiểu lừa đảo hay gặp); sửa cho hai chỗ khớp nhau",
        "link text shows '{shown}' but the link opens '{host}' (the classic phishing pattern); make them match",
    ),
    "idn-link": (
        "địa chỉ '{host}' có chữ ngoài bảng chữ cái tiếng Anh, dễ bị giả mạo trang khác; hãy kiểm tra kỹ",
        "host '{host}' has non-ASCII letters and may imitate another site; check it",
    ),
    "personal-data-unchecked": (
        "chưa kiểm tra được dữ liệu cá nhân trong hình '{value}': {detail}",
        "could not check image '{value}' for personal data: {detail}",
    ),
}


# What a person calls each front-matter field (the app's form labels), by key.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "title": ("Tiêu đề", "title"),
    "slug": ("Tên thư mục", "slug"),
    "summary": ("Tóm tắt", "summary"),
    "topic": ("Chủ đề", "topic"),
    "audience": ("Đối tượng", "audience"),
    "language": ("Ngôn ngữ", "language"),
    "version": ("Phiên bản", "version"),
    "valid_as_of": ("Ngày kiểm tra", "valid_as_of"),
    "estimated_minutes": ("Số phút cần", "estimated_minutes"),
    "links": ("Liên kết chính thức", "links"),
    "prerequisites": ("Cần mang theo", "prerequisites"),
    "author": ("Tác giả", "author"),
    "reviewer": ("Người duyệt", "reviewer"),
    "status": ("Trạng thái", "status"),
    "online_url": ("Bản trực tuyến", "online_url"),
    "music": ("Nhạc nền", "music"),
    "intro": ("Giới thiệu", "introduction"),
}
CALLOUT_LABELS: dict[str, tuple[str, str]] = {
    "tip": ("Mẹo", "tip"),
    "warning": ("Cảnh báo", "warning"),
    "caution": ("Thận trọng", "caution"),
}
_LANGUAGES = ("vi", "en")
_chosen: str | None = None


def set_language(lang: str | None) -> None:
    """The app's language setting ('vi' or 'en') for every message from now on; None to follow TRAINER_LANG again."""
    global _chosen
    _chosen = lang if lang in _LANGUAGES else None


def language() -> str:
    """'vi' or 'en' for messages: the app's setting, else TRAINER_LANG, else the system locale."""
    if _chosen:
        return _chosen
    forced = os.environ.get("TRAINER_LANG", "").lower()
    if forced in _LANGUAGES:
        return forced
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "vi" if os.name == "nt" else "en"


def say(vi: str, en: str, **params: object) -> str:
    """One of two phrasings in the message language, with its str.format fields filled."""
    return (vi if language() == "vi" else en).format(**params)


def more_problems(count: int, folder: object) -> str:
    """What follows the first of several errors in a one-line failure: how many more, and where a person
    sees them all (the guide's problem list in the app; `trainer check` on the command line)."""
    if count <= 0:
        return ""
    return say(
        " (và {n} lỗi khác: mở hướng dẫn trong Trainer để xem hết, hoặc chạy 'trainer check {folder}')",
        " (and {n} more: open the guide in Trainer to see them all, or run 'trainer check {folder}')",
        n=count,
        folder=folder,
    )


def field_label(key: str, lang: str | None = None) -> str:
    """What a person calls a front-matter field ('Tóm tắt' for summary), the key itself when unknown."""
    vi, en = FIELD_LABELS.get(key, (key, key))
    return vi if (lang or language()) == "vi" else en


def callout_label(kind: str, lang: str | None = None) -> str:
    """A callout kind as a person says it ('Cảnh báo' for WARNING)."""
    vi, en = CALLOUT_LABELS.get(kind.lower(), (kind, kind))
    return vi if (lang or language()) == "vi" else en


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a guide, pointed at a file and line."""

    file: Path
    line: int
    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    severity: str = ERROR

    def message(self, lang: str | None = None) -> str:
        """The message in Vietnamese or English."""
        lang = lang or language()
        vi, en = MESSAGES[self.code]
        params = dict(self.params)
        if "field" in params:
            params["field"] = field_label(str(params["field"]), lang)
        if "kind" in params:
            params["kind"] = callout_label(str(params["kind"]), lang)
        return (vi if lang == "vi" else en).format(**params)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        tag = "" if self.severity == ERROR else say(" cảnh báo:", " warning:")
        return f"{where}:{tag} {self.message()}"


class GuideError(Exception):
    """A guide that cannot be loaded or saved; str() is one plain line naming file and line."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem
