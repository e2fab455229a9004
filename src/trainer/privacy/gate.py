"""The gate: which findings in a guide's images no blur covers and no keep mark accepts.

`trainer check`, export, publish and the editor's problem list all ask this module, so a guide is
refused everywhere for the same reason, with the same line.
"""

from __future__ import annotations

from pathlib import Path

from trainer.model import Annotation, Guide, Step
from trainer.privacy.findings import Box, Finding, ScanError
from trainer.privacy.scanner import scan
from trainer.store.guide_file import image_line
from trainer.store.media import MediaError, inspect_image, resolve_inside
from trainer.store.problems import Problem

# A blur hides a finding when it covers this share of the text's box: a hand-drawn blur a hair
# short of the box still hides the number, one that leaves a digit or two out does not.
COVERED = 0.9
# A keep mark accepts a finding it overlaps by this share (the reviewer drew it around that text).
KEPT = 0.5
_GRID = 24


def _share_inside(box: Box, rects: list[Box]) -> float:
    """Share of `box` inside the union of `rects`, sampled on a grid (exact enough for a yes/no)."""
    x0, y0, x1, y1 = box
    if x1 <= x0 or y1 <= y0:
        return 1.0 if any(r[0] <= x0 <= r[2] and r[1] <= y0 <= r[3] for r in rects) else 0.0
    inside = 0
    for i in range(_GRID):
        x = x0 + (x1 - x0) * (i + 0.5) / _GRID
        for j in range(_GRID):
            y = y0 + (y1 - y0) * (j + 0.5) / _GRID
            if any(r[0] <= x <= r[2] and r[1] <= y <= r[3] for r in rects):
                inside += 1
    return inside / (_GRID * _GRID)


def is_hidden(finding: Finding, marks: list[Annotation]) -> bool:
    """True when the step's blur marks cover the finding or a keep mark says it was reviewed as public."""
    blurs = [m.rect() for m in marks if m.kind == "blur"]
    if blurs and _share_inside(finding.box, blurs) >= COVERED:
        return True
    return any(_share_inside(finding.box, [m.rect()]) >= KEPT for m in marks if m.kind == "keep")


def step_image(guide: Guide, step: Step) -> Path | None:
    """The step's image file, or None when it has none or it cannot be used (check reports that on its own)."""
    if not step.image or guide.folder is None:
        return None
    try:
        path = resolve_inside(guide.folder, step.image)
        inspect_image(path)
    except MediaError:
        return None
    return path


def uncovered(guide: Guide, step: Step) -> list[Finding]:
    """Findings in the step's image that no blur covers and no keep mark accepts; ScanError when detection cannot run."""
    path = step_image(guide, step)
    if path is None:
        return []
    return [f for f in scan(path) if not is_hidden(f, step.annotations)]


def _where(box: Box) -> str:
    return " ".join(f"{v:.2f}" for v in box)


def step_problems(guide: Guide, step: Step, found: list[Finding] | ScanError, line: int | None = None) -> list[Problem]:
    """The gate's errors for one step from what detection saw in its image: one per finding its marks leave
    visible, or one saying the image could not be looked at. `line` defaults to the image's line in guide.md."""
    file = guide.path or Path(guide.slug)
    where = image_line(guide, step) if line is None else line
    if isinstance(found, ScanError):
        return [Problem(file, where, "personal-data-unchecked", {"value": step.image, "detail": str(found)})]
    problems = []
    for finding in found:
        if is_hidden(finding, step.annotations):
            continue
        params = {"value": step.image, "kind_vi": finding.label("vi"), "kind_en": finding.label("en"), "box": _where(finding.box)}
        problems.append(Problem(file, where, "personal-data", params))
    return problems


def guide_problems(guide: Guide) -> list[Problem]:
    """One error per unhidden finding, and one per image that detection could not look at."""
    problems = []
    for step in guide.steps:
        path = step_image(guide, step)
        if path is None:
            continue
        try:
            found: list[Finding] | ScanError = scan(path)
        except ScanError as exc:
            found = exc
        problems += step_problems(guide, step, found)
    return problems
