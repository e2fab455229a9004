"""The gate: a finding no blur covers is an error naming the guide line; blur or keep makes check pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import ID_GUIDE_IMAGE_LINE, mark_around, write_id_guide, write_id_guide_text
from trainer.model import Annotation
from trainer.privacy import Finding, guide_problems, is_hidden
from trainer.store import load_guide

ID = "001 089 012345"


def make_guide(tmp_path: Path, *marks: str) -> tuple[Path, dict]:
    folder = tmp_path / "xem-dinh-danh"
    boxes = write_id_guide(folder, [("Số định danh cá nhân", ID), ("Tổng đài", "1900 0368")], marks=marks)
    return folder, boxes


def test_unblurred_id_is_an_error_on_the_image_line(tmp_path: Path) -> None:
    folder, _ = make_guide(tmp_path)
    problems = guide_problems(load_guide(folder))
    assert [(p.line, p.code, p.params["kind_en"]) for p in problems] == [(ID_GUIDE_IMAGE_LINE, "personal-data", "ID number")]
    text = str(problems[0])
    assert text.startswith(
        f"{folder / 'guide.md'}:{ID_GUIDE_IMAGE_LINE}: personal data in image 'images/info.png' (ID number) at "
    )


def test_blur_over_the_id_passes(tmp_path: Path) -> None:
    folder, boxes = make_guide(tmp_path)
    write_id_guide_text(folder, mark_around("blur", boxes[ID]))
    assert guide_problems(load_guide(folder)) == []


def test_keep_mark_accepts_a_reviewed_finding(tmp_path: Path) -> None:
    folder, boxes = make_guide(tmp_path)
    write_id_guide_text(folder, mark_around("keep", boxes[ID], 0, 0))
    assert guide_problems(load_guide(folder)) == []


def test_blur_that_leaves_digits_out_does_not_pass() -> None:
    finding = Finding("id-number", (0.1, 0.5, 0.7, 0.55), "001089012345")
    assert is_hidden(finding, [Annotation("blur", 0.05, 0.48, 0.72, 0.57)])
    assert is_hidden(finding, [Annotation("blur", 0.05, 0.48, 0.4, 0.57), Annotation("blur", 0.4, 0.48, 0.72, 0.57)])
    assert not is_hidden(finding, [Annotation("blur", 0.05, 0.48, 0.5, 0.57)])
    assert not is_hidden(finding, [Annotation("box", 0.0, 0.0, 1.0, 1.0)])
    assert not is_hidden(finding, [Annotation("keep", 0.8, 0.5, 0.9, 0.55)])


def test_image_detection_cannot_read_is_an_error_not_a_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ = make_guide(tmp_path)
    import trainer.privacy.ocr as ocr

    monkeypatch.setenv("TRAINER_CACHE_DIR", str(tmp_path / "empty-cache"))
    monkeypatch.setattr(ocr, "_MODELS", {"Det.model_path": "no-such-model.onnx"})
    monkeypatch.setattr(ocr, "_engine", None)
    problems = guide_problems(load_guide(folder))
    assert [(p.line, p.code) for p in problems] == [(ID_GUIDE_IMAGE_LINE, "personal-data-unchecked")]
    assert "no-such-model.onnx" in str(problems[0]) and "\n" not in str(problems[0])
