"""The guide.md format: YAML front matter, then one '## ' section per step.

Inside a step, in canonical order: Markdown text, one image line, an ```annotations block,
GitHub-style callouts (> [!TIP] / [!WARNING] / [!CAUTION]), a ```notes block for the presenter and
a ```step block of options. docs/guide-format.md describes it for editors.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from trainer.model import ANNOTATION_KINDS, POINT_ANNOTATIONS, Annotation, Callout, Guide, Link, Step
from trainer.store.problems import ERROR, WARNING, Problem, language, say

FRONT_KEYS = (
    "title",
    "slug",
    "summary",
    "topic",
    "audience",
    "language",
    "version",
    "valid_as_of",
    "estimated_minutes",
    "links",
    "prerequisites",
    "author",
    "reviewer",
    "sources",
    "status",
    "online_url",
    "music",
)
STEP_OPTION_KEYS = ("duration", "practice", "narration", "frame")
_STRING_KEYS = ("title", "slug", "summary", "topic", "audience", "language", "author", "reviewer", "status")
_STRING_KEYS += ("online_url", "music")
_IMAGE_LINE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)\s*$")
_CALLOUT_START = re.compile(r"^>\s?\[!(?P<kind>[A-Za-z]+)\]\s*(?P<rest>.*)$")
_FENCE = re.compile(r"^```\s*(?P<info>[\w-]*)\s*$")
SPECIAL_BLOCKS = ("annotations", "notes", "step")


class _Loader(yaml.SafeLoader):
    """yaml.SafeLoader that keeps an impossible date such as 2026-13-45 as text for check to report."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[arg-type]
        except ValueError:
            return self.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def load_yaml(source: str) -> Any:
    """Parse YAML safely (no Python objects), keeping impossible dates as text."""
    return yaml.load(source, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader


def normalize(text: str) -> str:
    """NFC-normalize (some Vietnamese input methods type decomposed accents) and use LF endings."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _number(value: float) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


class _Parser:
    def __init__(self, text: str, path: Path):
        self.path = path
        self.lines = text.split("\n")
        self.problems: list[Problem] = []

    def problem(self, line: int, code: str, severity: str = ERROR, **params: Any) -> None:
        self.problems.append(Problem(self.path, line, code, params, severity))

    # -- front matter ------------------------------------------------------------------------
    def front_matter(self) -> tuple[dict[str, Any] | None, int]:
        """Return (mapping, index of first body line) or (None, 0) after reporting why."""
        if not self.lines or self.lines[0].strip() != "---":
            self.problem(1, "no-front-matter")
            return None, 0
        for end in range(1, len(self.lines)):
            if self.lines[end].strip() == "---":
                break
        else:
            self.problem(1, "unclosed-front-matter")
            return None, 0
        source = "\n".join(self.lines[1:end])
        try:
            data = load_yaml(source) if source.strip() else {}
        except (yaml.YAMLError, ValueError, RecursionError) as exc:
            mark = getattr(exc, "problem_mark", None)
            line = (mark.line + 2) if mark is not None else 1
            detail = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            self.problem(line, "yaml", detail=detail)
            return None, 0
        if not isinstance(data, dict):
            self.problem(2, "front-matter-not-mapping")
            return None, 0
        return data, end + 1

    def key_line(self, key: str) -> int:
        """Line number of a top-level front-matter key (1 when absent)."""
        pattern = re.compile(rf"^{re.escape(key)}\s*:")
        for number, line in enumerate(self.lines, start=1):
            if number > 1 and line.strip() == "---":
                break
            if pattern.match(line):
                return number
        return 1

    def fill_front(self, guide: Guide, data: dict[str, Any]) -> None:
        for key, value in data.items():
            key = str(key)
            line = self.key_line(key)
            if key not in FRONT_KEYS:
                self.problem(line, "unknown-field", WARNING, field=key)
                guide.extra[key] = value
                continue
            if value is None:
                continue
            if key in _STRING_KEYS:
                if isinstance(value, (dict, list)):
                    self.problem(line, "bad-type", field=key, expected=_expected("text"))
                    continue
                setattr(guide, key, str(value).strip())
            elif key == "version":
                if isinstance(value, (dict, list, bool)):
                    self.problem(line, "bad-type", field=key, expected=_expected("text"))
                    continue
                guide.version = str(value)
            elif key == "valid_as_of":
                parsed = _date(value)
                if parsed is None:
                    self.problem(line, "bad-date", value=value)
                else:
                    guide.valid_as_of = parsed
            elif key == "estimated_minutes":
                if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                    self.problem(line, "bad-type", field=key, expected=_expected("minutes"))
                else:
                    guide.estimated_minutes = value
            elif key == "links":
                guide.links = self.links(value, line)
            elif key in ("prerequisites", "sources"):
                if not isinstance(value, list) or any(isinstance(v, (dict, list)) for v in value):
                    self.problem(line, "bad-type", field=key, expected=_expected("list"))
                else:
                    setattr(guide, key, [str(v).strip() for v in value])

    def links(self, value: Any, line: int) -> list[Link]:
        if not isinstance(value, list):
            self.problem(line, "bad-type", field="links", expected=_expected("links"))
            return []
        links = []
        for item in value:
            if isinstance(item, dict) and set(item) <= {"title", "url"} and "url" in item:
                links.append(Link(str(item.get("title") or "").strip(), str(item["url"]).strip()))
            elif isinstance(item, str):
                links.append(Link("", item.strip()))
            else:
                self.problem(line, "bad-type", field="links", expected=_expected("links"))
        return links

    # -- body -----------------------------------------------------------------------------------
    def body(self, guide: Guide, start: int) -> None:
        sections: list[tuple[int, str, list[tuple[int, str]]]] = []
        intro: list[tuple[int, str]] = []
        current = intro
        fence_open = False
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            number = index + 1
            if line.startswith("```"):
                fence_open = not fence_open
            if not fence_open and line.startswith("## "):
                current = []
                sections.append((number, line[3:].strip(), current))
                continue
            current.append((number, line))
        guide.intro = _join(intro)
        guide.steps = [self.step(number, title, body) for number, title, body in sections]

    def step(self, number: int, title: str, body: list[tuple[int, str]]) -> Step:
        step = Step(title=title, line=number)
        if not title:
            self.problem(number, "empty-step-title")
        text: list[tuple[int, str]] = []
        i = 0
        while i < len(body):
            line_no, line = body[i]
            fence = _FENCE.match(line)
            if fence and fence.group("info") in SPECIAL_BLOCKS:
                info = fence.group("info")
                block: list[str] = []
                i += 1
                while i < len(body) and body[i][1].strip() != "```":
                    block.append(body[i][1])
                    i += 1
                if i >= len(body):
                    self.problem(line_no, "unclosed-block", value=info)
                i += 1
                self.special_block(step, info, block, line_no)
                continue
            if fence:  # an ordinary code block stays in the text, verbatim
                text.append((line_no, line))
                i += 1
                while i < len(body):
                    text.append(body[i])
                    i += 1
                    if body[i - 1][1].strip() == "```":
                        break
                continue
            callout = _CALLOUT_START.match(line)
            if callout:
                kind = callout.group("kind").lower()
                lines = [callout.group("rest")] if callout.group("rest").strip() else []
                i += 1
                while i < len(body) and body[i][1].startswith(">"):
                    lines.append(re.sub(r"^>\s?", "", body[i][1]))
                    i += 1
                content = "\n".join(lines).strip()
                if kind not in ("tip", "warning", "caution"):
                    self.problem(line_no, "bad-callout", value=callout.group("kind"))
                elif not content:
                    self.problem(line_no, "empty-callout", value=kind.upper(), kind=kind)
                step.callouts.append(Callout(kind, content))
                continue
            image = _IMAGE_LINE.match(line.strip())
            if image and step.image is None:
                step.image = image.group("src")
                step.image_alt = image.group("alt").strip()
                i += 1
                continue
            if image:
                self.problem(line_no, "two-images", value=image.group("src"))
            text.append((line_no, line))
            i += 1
        step.text = _join(text)
        return step

    def special_block(self, step: Step, info: str, block: list[str], line_no: int) -> None:
        if info == "notes":
            step.notes = "\n".join(block).strip()
        elif info == "annotations":
            for offset, raw in enumerate(block, start=1):
                if raw.strip():
                    mark = self.annotation(raw, line_no + offset)
                    if mark:
                        step.annotations.append(mark)
        else:
            self.step_options(step, "\n".join(block), line_no)

    def annotation(self, raw: str, line_no: int) -> Annotation | None:
        parts = raw.split()
        kind = parts[0].lower().lstrip("-").strip() if parts else ""
        if kind not in ANNOTATION_KINDS:
            self.problem(line_no, "bad-annotation", value=raw.strip())
            return None
        wanted = 2 if kind in POINT_ANNOTATIONS else 4
        numbers = parts[1 : 1 + wanted]
        label = " ".join(parts[1 + wanted :]).strip().strip('"')
        try:
            values = [round(float(n), 4) for n in numbers]
        except ValueError:
            values = []
        if len(values) != wanted or any(not 0.0 <= v <= 1.0 for v in values) or (label and kind != "badge"):
            self.problem(line_no, "bad-annotation", value=raw.strip())
            return None
        if wanted == 2:
            return Annotation(kind, values[0], values[1], label=label)
        return Annotation(kind, values[0], values[1], values[2], values[3])

    def step_options(self, step: Step, source: str, line_no: int) -> None:
        try:
            data = load_yaml(source) if source.strip() else {}
        except (yaml.YAMLError, ValueError, RecursionError) as exc:
            mark = getattr(exc, "problem_mark", None)
            technical = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            detail = say("chi tiết kỹ thuật: “{x}”", "{x}", x=technical)
            self.problem(line_no + 1 + (mark.line if mark else 0), "bad-step-options", detail=detail)
            return
        if not isinstance(data, dict):
            self.problem(line_no, "bad-step-options", detail=say("mỗi dòng có dạng 'khóa: giá trị'", "key: value"))
            return
        for key, value in data.items():
            if key == "duration":
                if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 300:
                    detail = say("'duration' là số giây lớn hơn 0 và không quá 300", "duration: 0 < seconds <= 300")
                    self.problem(line_no, "bad-step-options", detail=detail)
                else:
                    step.duration = float(value)
            elif key == "practice":
                if not isinstance(value, bool):
                    detail = say("'practice' là 'true' (có thực hành) hoặc 'false'", "practice: true/false")
                    self.problem(line_no, "bad-step-options", detail=detail)
                else:
                    step.practice = value
            elif key == "narration":
                step.narration = str(value).strip() if value else None
            elif key == "frame":
                if value not in ("auto", "phone", "none"):
                    detail = say("'frame' là 'auto', 'phone' hoặc 'none'", "frame: auto/phone/none")
                    self.problem(line_no, "bad-step-options", detail=detail)
                else:
                    step.frame = value
            else:
                self.problem(line_no, "unknown-step-option", WARNING, value=key)
                step.options_extra[str(key)] = value


def _expected(kind: str) -> str:
    vi = {
        "text": "một dòng chữ",
        "minutes": "một số phút dương",
        "list": "một danh sách",
        "links": "danh sách các mục 'title'/'url'",
    }
    en = {
        "text": "a line of text",
        "minutes": "a positive number of minutes",
        "list": "a list",
        "links": "a list of title/url items",
    }
    return (vi if language() == "vi" else en)[kind]


def _date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _join(lines: list[tuple[int, str]]) -> str:
    # Blocks taken out of the text (image, callouts, notes) leave blank runs behind; Markdown reads
    # any run of blank lines as one paragraph break, so keep one.
    text = "\n".join(line for _, line in lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def parse_guide(text: str, path: Path) -> tuple[Guide | None, list[Problem]]:
    """Parse guide.md text into a Guide. Returns (None, problems) when the file cannot be read."""
    parser = _Parser(normalize(text), path)
    data, start = parser.front_matter()
    if data is None:
        return None, parser.problems
    guide = Guide(path=path)
    parser.fill_front(guide, data)
    parser.body(guide, start)
    return guide, parser.problems


# -- writing ---------------------------------------------------------------------------------------
def _front_matter(guide: Guide) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key in FRONT_KEYS:
        value = getattr(guide, key)
        if key == "links":
            value = [{"title": link.title, "url": link.url} if link.title else {"url": link.url} for link in value]
        if value in (None, "", []) and key not in ("title", "slug", "status"):
            continue
        data[key] = value
    data.update(guide.extra)
    return data


def _step_text(step: Step) -> str:
    parts = [f"## {step.title}"]
    if step.text:
        parts.append(step.text)
    if step.image:
        parts.append(f"![{step.image_alt}]({step.image})")
    if step.annotations:
        rows = []
        for mark in step.annotations:
            if mark.is_point:
                row = f"{mark.kind} {_number(mark.x)} {_number(mark.y)}"
                rows.append(f"{row} {mark.label}" if mark.label else row)
            else:
                rows.append(" ".join([mark.kind] + [_number(v) for v in (mark.x, mark.y, mark.x2, mark.y2)]))
        parts.append("```annotations\n" + "\n".join(rows) + "\n```")
    for callout in step.callouts:
        quoted = "\n".join(f"> {line}".rstrip() for line in callout.text.split("\n"))
        parts.append(f"> [!{callout.kind.upper()}]\n{quoted}")
    if step.notes:
        parts.append("```notes\n" + step.notes + "\n```")
    options: dict[str, Any] = {}
    if step.duration is not None:
        options["duration"] = int(step.duration) if float(step.duration).is_integer() else step.duration
    if step.practice:
        options["practice"] = True
    if step.narration:
        options["narration"] = step.narration
    if step.frame != "auto":
        options["frame"] = step.frame
    options.update(step.options_extra)
    if options:
        dumped = yaml.safe_dump(options, allow_unicode=True, sort_keys=False, width=1000).strip()
        parts.append("```step\n" + dumped + "\n```")
    return "\n\n".join(parts)


def serialize_guide(guide: Guide) -> str:
    """The canonical guide.md text for a Guide."""
    front = yaml.safe_dump(_front_matter(guide), allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    sections = [f"---\n{front}---"]
    if guide.intro:
        sections.append(guide.intro)
    sections.extend(_step_text(step) for step in guide.steps)
    return normalize("\n\n".join(sections) + "\n")


def image_line(guide: Guide, step: Step) -> int:
    """The guide.md line that names the step's image (the step heading when not found)."""
    if guide.path is None or not step.image:
        return step.line
    try:
        lines = guide.path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return step.line
    for number in range(max(step.line, 1), len(lines) + 1):
        if step.image in lines[number - 1]:
            return number
    return step.line
