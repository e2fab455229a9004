"""Problems of the guide as it is in the editor (unsaved), each tied to its step: the editor's live check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from trainer.model import Guide, Step
from trainer.store.problems import Problem

# The rules (~50 ms for 10 steps) run after a short pause in typing, so a problem shows soon; the
# fit check, which lays out every card and scene (~0.2 s), waits for a longer pause.
CHECK_DEBOUNCE_MS = 400
FIT_DEBOUNCE_MS = 1200


def guide_problems(guide: Guide, theme: str = "default", rules: bool = True, fit: bool = True) -> list[tuple[int, Problem]]:
    """Problems of an unsaved guide state as (step index or -1 for the guide's metadata, problem).

    `rules` are the file and content checks (what `trainer check` says without measuring); `fit`
    measures the text with the render layer.
    """
    from trainer.check import check_guide
    from trainer.store import serialize_guide
    from trainer.store.guide_file import parse_guide

    assert guide.path is not None
    parsed, problems = parse_guide(serialize_guide(guide), guide.path)
    if parsed is None:
        return [(-1, p) for p in problems]
    found = list(problems) if rules else []
    if rules:
        try:
            found += check_guide(parsed)
        except OSError:
            pass
    if fit:
        try:
            from trainer.render.fit import fit_problems

            found += fit_problems(parsed, theme)
        except Exception:  # noqa: BLE001 - the fit check is a bonus; its failure must not hide the others
            pass
    starts = [s.line for s in parsed.steps]
    out: list[tuple[int, Problem]] = []
    for p in found:
        index = -1
        for i, start in enumerate(starts):
            if p.line >= start > 0:
                index = i
        out.append((index, p))
    return out


def picture_path(guide: Guide, step: Step) -> Path | None:
    """The step's picture file when it has one that exists inside the guide folder (check reports the others)."""
    from trainer.store.media import MediaError, resolve_inside

    if not step.image or guide.folder is None:
        return None
    try:
        path = resolve_inside(guide.folder, step.image)
    except MediaError:
        return None
    return path if path.is_file() else None


def privacy_problems(guide: Guide, seen: Callable[[Path], object]) -> tuple[list[tuple[int, Problem]], list[int]]:
    """The privacy gate's errors for the guide as it is in the editor, as (step index, problem), and the steps
    whose picture detection has not seen yet.

    `seen(path)` is what detection saw in a picture: its findings, one line saying why it could not look,
    or None while it has not looked. The marks are the editor's current ones, so a blur drawn over a finding
    (or a keep mark) clears its error at once; the rule itself is trainer.privacy's, as in `trainer check`.
    """
    from trainer.privacy import ScanError, step_problems

    found: list[tuple[int, Problem]] = []
    waiting: list[int] = []
    for index, step in enumerate(guide.steps):
        path = picture_path(guide, step)
        if path is None:
            continue
        result = seen(path)
        if result is None:
            waiting.append(index)
            continue
        findings = ScanError(result) if isinstance(result, str) else result
        found += [(index, p) for p in step_problems(guide, step, findings, line=step.line)]  # type: ignore[arg-type]
    return found, waiting
