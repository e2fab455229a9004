"""`trainer check`: everything wrong with a guide or a library, one Problem per thing.

Syntax problems come from the parser (trainer.store); this module adds what needs the whole guide:
required fields, limits that keep a guide fitting its outputs, images, audio and duplicate slugs.
Checks that need real text measurement live in trainer.render and are added by the CLI.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from trainer import links, privacy
from trainer.model import STATUSES, Guide
from trainer.store import GUIDE_FILE, read_guide
from trainer.store.glossary import glossary_file, guide_glossary, read_glossary
from trainer.store.media import MediaError, check_audio, inspect_image, resolve_inside
from trainer.store.problems import WARNING, Problem
from trainer.terms import find, unexplained

REQUIRED_FIELDS = ("title", "slug", "summary", "topic", "valid_as_of", "status")
MAX_STEPS = 12
MIN_STEPS = 1
# Character budgets that keep every output readable; trainer.render measures the real fit too.
MAX_TITLE_CHARS = 90
MAX_STEP_TITLE_CHARS = 80
MAX_STEP_TEXT_CHARS = 420
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MEDIA_CODES = {
    "outside": "image-outside",
    "missing": "image-missing",
    "unreadable": "image-unreadable",
    "too-large": "image-too-large",
}


def _plain_length(markdown_text: str) -> int:
    return len(re.sub(r"[*_`#>\[\]]", "", markdown_text).strip())


def check_guide(guide: Guide, reported_lines: frozenset[int] = frozenset()) -> list[Problem]:
    """Problems in a loaded guide beyond syntax: fields, limits, links, images and audio.

    `reported_lines` are front-matter lines the parser already complained about (a bad date is
    not also reported as a missing one).
    """
    assert guide.path is not None
    file = guide.path
    problems: list[Problem] = []

    def add(line: int, code: str, severity: str = "error", **params: object) -> None:
        problems.append(Problem(file, line, code, params, severity))

    lines = _source_lines(file)
    front_lines = _front_lines(lines)
    for key in REQUIRED_FIELDS:
        value = getattr(guide, key)
        if value in (None, "") and front_lines.get(key) not in reported_lines:
            code = "empty-field" if key in front_lines else "missing-field"
            add(front_lines.get(key, 1), code, field=key)
    if guide.slug and not SLUG.match(guide.slug):
        add(front_lines.get("slug", 1), "bad-slug", value=guide.slug)
    elif guide.slug and file.name == GUIDE_FILE and guide.slug != file.parent.name:
        add(front_lines.get("slug", 1), "slug-folder", value=guide.slug, folder=file.parent.name)
    if guide.status and guide.status not in STATUSES:
        add(front_lines.get("status", 1), "bad-status", value=guide.status, choices=", ".join(f"'{s}'" for s in STATUSES))
    if len(guide.title) > MAX_TITLE_CHARS:
        add(front_lines.get("title", 1), "title-too-long", count=len(guide.title), limit=MAX_TITLE_CHARS)
    _check_links(guide, lines, front_lines, add)
    if not guide.links:
        add(front_lines.get("links", 1), "no-link", WARNING)
    if guide.music:
        _check_audio(guide, guide.music, front_lines.get("music", 1), add)

    if len(guide.steps) < MIN_STEPS:
        add(len("\n".join(lines).splitlines()) or 1, "no-steps")
    if len(guide.steps) > MAX_STEPS:
        add(guide.steps[MAX_STEPS].line, "too-many-steps", count=len(guide.steps), limit=MAX_STEPS)
    for step in guide.steps:
        if step.title and not step.text.strip():
            add(step.line, "step-no-text", step=step.title)
        if len(step.title) > MAX_STEP_TITLE_CHARS:
            add(step.line, "title-too-long", count=len(step.title), limit=MAX_STEP_TITLE_CHARS)
        length = _plain_length(step.text)
        if length > MAX_STEP_TEXT_CHARS:
            add(step.line, "text-too-long", step=step.title, count=length, limit=MAX_STEP_TEXT_CHARS)
        if step.image:
            try:
                inspect_image(resolve_inside(file.parent, step.image))
            except MediaError as exc:
                add(_line_of(lines, step.image, step.line), _MEDIA_CODES[exc.code], **exc.params)
        elif step.annotations:
            add(step.line, "annotation-no-image")
        if step.narration:
            _check_audio(guide, step.narration, _line_of(lines, step.narration, step.line), add)
    problems.extend(_unexplained_words(guide, lines))
    return problems


def _unexplained_words(guide: Guide, lines: list[str]) -> list[Problem]:
    """A warning for each hard word the guide uses that the library glossary does not explain, in line order."""
    assert guide.path is not None
    found = []
    for word, part in unexplained(guide, guide_glossary(guide)):
        after = guide.steps[part.step].line if part.step is not None else 1
        line = next((n for n in range(after, len(lines) + 1) if find(lines[n - 1], word)), after)
        params = {"word": word, "glossary": glossary_file(guide.path.parent.parent)}
        found.append(Problem(guide.path, line, "unexplained-word", params, WARNING))
    return sorted(found, key=lambda p: p.line)


def _shown(url: str) -> str:
    """A link as a message shows it: a data: URI or a pasted script can be very long."""
    return url if len(url) <= 60 else url[:57] + "..."


def _check_links(guide: Guide, lines: list[str], front_lines: dict[str, int], add) -> None:  # type: ignore[no-untyped-def]
    """Every link in the guide against the one link policy (trainer.links), on the line that holds it."""
    fronted = [(link.title, link.url, "links") for link in guide.links]
    if guide.online_url:
        fronted.append(("", guide.online_url, "online_url"))
    for title, url, key in fronted:
        line = _line_of(lines, url, front_lines.get(key, 1)) if url else front_lines.get(key, 1)
        # Front-matter links become QR codes and printed addresses: web pages only.
        if links.safe_for_qr(url) is None:
            add(line, "bad-link", value=_shown(url))
            continue
        _report_link(title, url, line, add)
    body_start = next((n for n in range(2, len(lines) + 1) if lines[n - 1].strip() == "---"), 1)
    texts = [(guide.intro, body_start)]
    for step in guide.steps:
        texts += [(step.text, step.line)] + [(c.text, step.line) for c in step.callouts] + [(step.notes, step.line)]
    for text, after in texts:
        for link in links.markdown_links(text or ""):
            _report_link(link.text, link.url, _line_of(lines, link.url or link.text, after), add)


def _report_link(text: str, url: str, line: int, add) -> None:  # type: ignore[no-untyped-def]
    for code, severity in links.problems(url, text):
        add(line, code, severity, value=_shown(url), shown=links.shown_host(text), host=links.host(url))


def _check_audio(guide: Guide, relative: str, line: int, add) -> None:  # type: ignore[no-untyped-def]
    assert guide.folder is not None
    try:
        path = resolve_inside(guide.folder, relative)
        check_audio(path)
    except MediaError as exc:
        code = {"outside": "audio-outside", "missing": "audio-missing"}.get(exc.code, "audio-unsupported")
        add(line, code, **exc.params)


def _source_lines(file: Path) -> list[str]:
    """The guide's lines as the parser saw them ([] if the file cannot be read), read once per check."""
    try:
        return file.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def _front_lines(lines: list[str]) -> dict[str, int]:
    """Line number of each top-level front-matter key."""
    found: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if match:
            found.setdefault(match.group(1), number)
    return found


def _line_of(lines: list[str], needle: str, after: int) -> int:
    """The first line at or after `after` that mentions `needle` (for pointing at an image line)."""
    for number in range(max(after, 1), len(lines) + 1):
        if needle in lines[number - 1]:
            return number
    return after


def check_folder(folder: Path) -> tuple[Guide | None, list[Problem]]:
    """Read and check one guide folder (or guide.md), personal data in its images included.

    `trainer check`, export and publish all come through here, so they refuse a guide for the same
    reason on the same line. The editor asks trainer.privacy on its own, off the GUI thread.
    """
    guide, problems = read_guide(folder)
    if guide is not None:
        problems = problems + check_guide(guide, frozenset(p.line for p in problems))
        problems += privacy.guide_problems(guide)
    return guide, problems


def expand(paths: Iterable[Path]) -> list[Path]:
    """Guide folders named by `paths`: a guide folder, a guide.md, or a library of guide folders."""
    folders: list[Path] = []
    for path in paths:
        if path.is_file() or (path / GUIDE_FILE).exists() or not path.is_dir():
            folders.append(path)
            continue
        children = sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
        found = [c for c in children if (c / GUIDE_FILE).exists()]
        folders.extend(found or [path])
    return folders


def check_paths(paths: Iterable[Path]) -> tuple[list[Guide], list[Problem]]:
    """Check guide folders and libraries; also reports slugs used by two guides."""
    guides: list[Guide] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    paths = list(paths)
    for path in paths:  # a library folder: its glossary is checked too
        if path.is_dir() and not (path / GUIDE_FILE).exists():
            problems.extend(read_glossary(glossary_file(path))[1])
    for folder in expand(paths):
        guide, found = check_folder(folder)
        problems.extend(found)
        if guide is None:
            continue
        guides.append(guide)
        if guide.slug in seen and guide.path is not None:
            line = _front_lines(_source_lines(guide.path)).get("slug", 1)
            problems.append(Problem(guide.path, line, "duplicate-slug", {"value": guide.slug, "other": str(seen[guide.slug])}))
        elif guide.slug and guide.path is not None:
            seen[guide.slug] = guide.path
    return guides, problems
