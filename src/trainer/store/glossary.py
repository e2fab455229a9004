"""The library's glossary, `glossary.yml` beside the guide folders: read, validate, write. No Qt.

One entry per hard word a first-time smartphone user meets in the guides:

    - term: OTP
      explanation: Mã số dùng một lần, gửi qua tin nhắn để xác nhận đúng là bạn.
      synonyms: [mã OTP, mã xác thực]

The explanation is one plain sentence of at most MAX_EXPLANATION_WORDS words, so it fits a tooltip,
a line of the handout's "Từ cần biết" box and a presenter's note. Terms and synonyms are matched
without accents (trainer.search.fold), so two entries may not share a spelling in that form.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from trainer.model import Guide, Term
from trainer.search import fold
from trainer.store.atomic import atomic_write_text
from trainer.store.guide_file import load_yaml, normalize
from trainer.store.problems import ERROR, WARNING, GuideError, Problem

GLOSSARY_FILE = "glossary.yml"
MAX_EXPLANATION_WORDS = 20
MAX_GLOSSARY_BYTES = 500_000
ENTRY_KEYS = ("term", "explanation", "synonyms")
HEADER = (
    "# Từ cần biết: the library's glossary (docs/guide-format.md, 'The glossary').\n"
    "# Each entry: term, explanation (one plain sentence, at most 20 words), optional synonyms.\n"
)


def glossary_file(library: Path | str) -> Path:
    """Where a library folder keeps its glossary."""
    return Path(library) / GLOSSARY_FILE


def explanation_words(text: str) -> int:
    """How many words an explanation has (what the 20-word limit counts)."""
    return len(text.split())


def _entry_lines(lines: list[str]) -> list[int]:
    """Line number of each '- ' entry start at the top level of the file."""
    return [number for number, line in enumerate(lines, start=1) if re.match(r"^-\s", line) or line.strip() == "-"]


def parse_glossary(text: str, path: Path) -> tuple[list[Term], list[Problem]]:
    """Terms from glossary text, with every problem (file and line); entries with errors are left out."""
    problems: list[Problem] = []

    def problem(line: int, code: str, severity: str = ERROR, **params: Any) -> None:
        problems.append(Problem(path, line, code, params, severity))

    text = normalize(text)
    try:
        data = load_yaml(text) if text.strip() else []
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        problem((mark.line + 1) if mark is not None else 1, "yaml", detail=getattr(exc, "problem", None) or str(exc))
        return [], problems
    if data is None:
        data = []
    if not isinstance(data, list):
        problem(1, "glossary-not-list")
        return [], problems
    starts = _entry_lines(text.split("\n"))
    terms: list[Term] = []
    seen: dict[str, tuple[str, int]] = {}
    for index, item in enumerate(data):
        line = starts[index] if index < len(starts) else 1
        if not isinstance(item, dict):
            problem(line, "glossary-bad-entry")
            continue
        for key in item:
            if str(key) not in ENTRY_KEYS:
                problem(line, "glossary-unknown-key", WARNING, value=key)
        term = item.get("term")
        explanation = item.get("explanation")
        synonyms = item.get("synonyms") or []
        if isinstance(synonyms, str):
            synonyms = [synonyms]
        if not isinstance(term, (str, int, float)) or not str(term).strip():
            problem(line, "glossary-no-term")
            continue
        term = str(term).strip()
        if not isinstance(explanation, str) or not explanation.strip():
            problem(line, "glossary-no-explanation", term=term)
            continue
        explanation = " ".join(explanation.split())
        if not isinstance(synonyms, list) or any(isinstance(s, (dict, list)) or not str(s).strip() for s in synonyms):
            problem(line, "glossary-bad-synonyms", term=term)
            continue
        words = explanation_words(explanation)
        if words > MAX_EXPLANATION_WORDS:
            problem(line, "glossary-too-long", term=term, count=words, limit=MAX_EXPLANATION_WORDS)
        entry = Term(term, explanation, [str(s).strip() for s in synonyms])
        clash = False
        for spelling in entry.spellings:
            key = fold(spelling)
            if key in seen and not clash:
                problem(line, "glossary-duplicate", value=spelling, other=seen[key][0], other_line=seen[key][1])
                clash = True
            seen.setdefault(key, (entry.term, line))
        if not clash:
            terms.append(entry)
    return terms, problems


def read_glossary(path: Path | str) -> tuple[list[Term], list[Problem]]:
    """The terms of a glossary file and its problems; a missing file is an empty glossary."""
    path = Path(path)
    if not path.exists():
        return [], []
    size = path.stat().st_size
    if size > MAX_GLOSSARY_BYTES:
        return [], [Problem(path, 0, "too-big", {"size": size, "limit": MAX_GLOSSARY_BYTES})]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [Problem(path, raw[: exc.start].count(b"\n") + 1, "not-utf8", {"offset": exc.start})]
    return parse_glossary(text, path)


def load_glossary(path: Path | str) -> list[Term]:
    """The terms of a glossary file; raise GuideError naming file and line if it has an error."""
    terms, problems = read_glossary(path)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        raise GuideError(errors[0])
    return terms


def serialize_glossary(terms: list[Term]) -> str:
    """The canonical glossary.yml text: the header comment, then the entries sorted as given."""
    entries: list[dict[str, Any]] = []
    for term in terms:
        entry: dict[str, Any] = {"term": term.term, "explanation": term.explanation}
        if term.synonyms:
            entry["synonyms"] = list(term.synonyms)
        entries.append(entry)
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=1000) if entries else "[]\n"
    return normalize(HEADER + body)


def save_glossary(terms: list[Term], path: Path | str) -> Path:
    """Write the glossary atomically; refuse (GuideError) a glossary that would not load back."""
    path = Path(path)
    text = serialize_glossary(terms)
    _, problems = parse_glossary(text, path)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        raise GuideError(errors[0])
    atomic_write_text(path, text)
    return path


def guide_glossary(guide: Guide) -> list[Term]:
    """The glossary of the library a guide belongs to (its folder's parent); [] when there is none.

    A broken entry is left out and never stops an export: `trainer check` reports it.
    """
    if guide.folder is None:
        return []
    return read_glossary(glossary_file(guide.folder.parent))[0]
