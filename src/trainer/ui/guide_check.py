"""Problems of the guide as it is in the editor (unsaved), each tied to its step: the editor's live check."""

from __future__ import annotations

from trainer.model import Guide
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
