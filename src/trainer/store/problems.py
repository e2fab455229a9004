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
    "no-guide-file": ("thư mục không có guide.md", "folder has no guide.md"),
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
    "yaml": ("lỗi cú pháp YAML: {detail}", "YAML syntax error: {detail}"),
    "front-matter-not-mapping": (
        "phần thông tin đầu tệp phải là các dòng 'khóa: giá trị'",
        "front matter must be 'key: value' lines",
    ),
    "missing-field": ("thiếu trường bắt buộc '{field}'", "missing required field '{field}'"),
    "empty-field": ("trường '{field}' đang để trống", "field '{field}' is empty"),
    "unknown-field": ("trường lạ '{field}' (sẽ được giữ nguyên)", "unknown field '{field}' (kept as is)"),
    "bad-type": ("trường '{field}' phải là {expected}", "field '{field}' must be {expected}"),
    "bad-date": (
        "ngày '{value}' không hợp lệ; viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-22",
        "invalid date '{value}'; write it as YEAR-MONTH-DAY, e.g. 2026-11-22",
    ),
    "bad-slug": (
        "slug '{value}' chỉ được gồm chữ thường không dấu, số và dấu gạch ngang",
        "slug '{value}' may contain only lowercase ASCII letters, digits and hyphens",
    ),
    "slug-folder": (
        "slug '{value}' khác tên thư mục '{folder}'",
        "slug '{value}' does not match the folder name '{folder}'",
    ),
    "duplicate-slug": ("slug '{value}' trùng với {other}", "slug '{value}' is also used by {other}"),
    "bad-status": ("trạng thái '{value}' không hợp lệ (chọn: {choices})", "invalid status '{value}' (choose: {choices})"),
    "bad-link": (
        "liên kết '{value}' phải bắt đầu bằng http:// hoặc https://",
        "link '{value}' must start with http:// or https://",
    ),
    "no-link": ("chưa có liên kết chính thức nào", "no official link"),
    "no-steps": ("hướng dẫn chưa có bước nào (mỗi bước bắt đầu bằng '## ')", "guide has no steps (each starts with '## ')"),
    "too-many-steps": ("có {count} bước, tối đa {limit}", "{count} steps, at most {limit}"),
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
    "two-images": ("mỗi bước chỉ có một hình chính; hình thừa: {value}", "a step has at most one image; extra image: {value}"),
    "image-missing": ("không tìm thấy hình '{value}'", "image '{value}' not found"),
    "image-outside": (
        "hình '{value}' nằm ngoài thư mục hướng dẫn",
        "image '{value}' is outside the guide folder",
    ),
    "image-unreadable": ("không đọc được hình '{value}': {detail}", "cannot read image '{value}': {detail}"),
    "image-too-large": (
        "hình '{value}' quá lớn ({width}x{height} điểm ảnh, tối đa {limit} megapixel)",
        "image '{value}' is too large ({width}x{height} pixels, at most {limit} megapixels)",
    ),
    "audio-missing": ("không tìm thấy tệp âm thanh '{value}'", "audio file '{value}' not found"),
    "audio-outside": (
        "tệp âm thanh '{value}' nằm ngoài thư mục hướng dẫn",
        "audio file '{value}' is outside the guide folder",
    ),
    "bad-callout": (
        "loại hộp lưu ý '{value}' không có; dùng TIP, WARNING hoặc CAUTION",
        "unknown callout kind '{value}'; use TIP, WARNING or CAUTION",
    ),
    "empty-callout": ("hộp lưu ý '{value}' trống", "callout '{value}' is empty"),
    "bad-annotation": ("dòng chú thích hình không hợp lệ: {detail}", "invalid image annotation: {detail}"),
    "annotation-no-image": (
        "bước có chú thích hình nhưng không có hình",
        "step has image annotations but no image",
    ),
    "unclosed-block": ("khối ```{value} không có dòng ``` kết thúc", "```{value} block is not closed by a ``` line"),
    "bad-step-options": ("khối ```step không hợp lệ: {detail}", "invalid ```step block: {detail}"),
    "unknown-step-option": ("tùy chọn bước lạ '{value}' (sẽ được giữ nguyên)", "unknown step option '{value}' (kept as is)"),
    "bad-theme": ("chủ đề '{value}': {detail}", "theme '{value}': {detail}"),
}


def language() -> str:
    """'vi' or 'en' for messages: TRAINER_LANG wins, CI gets English, else the locale decides."""
    forced = os.environ.get("TRAINER_LANG", "").lower()
    if forced in ("vi", "en"):
        return forced
    if os.environ.get("CI"):
        return "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "vi" if os.name == "nt" else "en"


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
        vi, en = MESSAGES[self.code]
        template = vi if (lang or language()) == "vi" else en
        return template.format(**self.params)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        tag = "" if self.severity == ERROR else (" cảnh báo:" if language() == "vi" else " warning:")
        return f"{where}:{tag} {self.message()}"


class GuideError(Exception):
    """A guide that cannot be loaded or saved; str() is one plain line naming file and line."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem
