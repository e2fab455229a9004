"""Golden images: layout regressions fail, font rasterizer noise passes (see make_golden.py).

The goldens are the renderer's own output, so each is also read by OCR: a golden regenerated from a broken
renderer (a lost title, the wrong step, no hotline) fails here even though it matches itself.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from make_golden import GOLDEN, cases, golden_guide, small
from PIL import Image
from PySide6.QtGui import QGuiApplication

from support import best_similarity, normalized, ocr_vie
from trainer.render.gui import ensure_gui
from trainer.render.theme import load_theme

# Mean difference per channel (0-255) and share of pixels that changed a lot: a block moved by a line
# of text or a lost callout exceeds these; anti-aliasing differences between FreeType builds do not.
MEAN_TOLERANCE = 3.0
CHANGED_SHARE = 0.02


@pytest.fixture(scope="module")
def guide(qapp: QGuiApplication, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    ensure_gui()
    return golden_guide(tmp_path_factory.mktemp("golden"))


@pytest.mark.parametrize("name", sorted(cases()))
def test_matches_golden(guide, name: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    reference_path = GOLDEN / f"{name}.png"
    assert reference_path.exists(), f"no golden image {reference_path.name}: run tests/render/make_golden.py"
    got = small(cases()[name](guide))
    reference = Image.open(reference_path).convert("RGB")
    if got.size != reference.size:
        got.save(tmp_path / f"{name}.png")
        pytest.fail(f"{name}: size {got.size} != golden {reference.size} (rendered copy: {tmp_path / name}.png)")
    diff = np.abs(np.asarray(got, dtype=int) - np.asarray(reference, dtype=int))
    mean, share = diff.mean(), (diff.max(axis=2) > 64).mean()
    if mean > MEAN_TOLERANCE or share > CHANGED_SHARE:
        got.save(tmp_path / f"{name}.png")
        pytest.fail(
            f"{name}: mean diff {mean:.2f}, {share:.1%} of pixels changed; compare {tmp_path / name}.png with {reference_path}"
        )


def test_the_comparison_catches_a_moved_block(guide) -> None:  # type: ignore[no-untyped-def]
    reference = np.asarray(Image.open(GOLDEN / "card-step1-default.png").convert("RGB"), dtype=int)
    shifted = np.roll(reference, 6, axis=0)  # everything 24 px lower at full size
    diff = np.abs(shifted - reference)
    assert diff.mean() > MEAN_TOLERANCE or (diff.max(axis=2) > 64).mean() > CHANGED_SHARE


def golden_says(guide, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What a golden must show, from the guide and the theme (not from the renderer)."""
    kind, rest = name.split("-", 1)
    if kind == "strip":
        return [guide.title, *(step.title for step in guide.steps)]
    if kind == "scene":
        return [guide.steps[int(rest[len("step")]) - 1].title]
    part, theme = rest.split("-", 1)
    return {
        "cover": [guide.title],
        "step1": [guide.steps[0].title],
        "end": [load_theme(theme).hotline, guide.official_url.split("//")[1].split("/")[0]],
    }[part]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(cases()))
def test_golden_shows_its_titles(guide, name: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """OCR of the golden (enlarged back to about full size) finds the titles it must show."""
    with Image.open(GOLDEN / f"{name}.png") as golden:
        golden.convert("RGB").resize((golden.width * 4, golden.height * 4), Image.Resampling.LANCZOS).save(tmp_path / "big.png")
    ocr = normalized(ocr_vie(tmp_path / "big.png"))
    scores = {text: round(best_similarity(text, ocr), 2) for text in golden_says(guide, name)}
    assert all(score >= 0.85 for score in scores.values()), f"{name}: {scores} in '{ocr}'"
