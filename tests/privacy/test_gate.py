"""The gate: a finding no blur covers is an error naming the guide line; blur or keep makes check pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_screens import Row, draw_screen
from trainer.model import Annotation
from trainer.privacy import Finding, guide_problems, is_hidden
from trainer.store import load_guide

GUIDE = """---
title: Xem thông tin định danh
slug: xem-dinh-danh
summary: Xem thông tin cá nhân trên VNeID.
topic: Định danh điện tử
valid_as_of: 2026-11-22
status: draft
links:
- title: VNeID
  url: https://vneid.gov.vn
---

## Mở mục thông tin

Bấm **Thông tin cá nhân**.

![Màn hình thông tin](images/info.png)
{annotations}
"""
IMAGE_LINE = GUIDE.split("\n").index("![Màn hình thông tin](images/info.png)") + 1


def make_guide(tmp_path: Path, marks: str = "") -> tuple[Path, dict]:
    folder = tmp_path / "xem-dinh-danh"
    (folder / "images").mkdir(parents=True)
    boxes = draw_screen(
        folder / "images" / "info.png", [Row("Số định danh cá nhân", "001 089 012345"), Row("Tổng đài", "1900 0368")]
    )
    block = f"\n```annotations\n{marks}\n```\n" if marks else ""
    (folder / "guide.md").write_text(GUIDE.format(annotations=block), encoding="utf-8")
    return folder, boxes


def test_unblurred_id_is_an_error_on_the_image_line(tmp_path: Path) -> None:
    folder, _ = make_guide(tmp_path)
    problems = guide_problems(load_guide(folder))
    assert [(p.line, p.code, p.params["kind_en"]) for p in problems] == [(IMAGE_LINE, "personal-data", "ID number")]
    text = str(problems[0])
    assert text.startswith(f"{folder / 'guide.md'}:{IMAGE_LINE}: personal data in image 'images/info.png' (ID number) at ")


def test_blur_over_the_id_passes(tmp_path: Path) -> None:
    folder, boxes = make_guide(tmp_path)
    x0, y0, x1, y1 = boxes["001 089 012345"]
    (folder / "guide.md").write_text(
        GUIDE.format(
            annotations=f"\n```annotations\nblur {x0 - 0.01:.4f} {y0 - 0.01:.4f} {x1 + 0.01:.4f} {y1 + 0.01:.4f}\n```\n"
        ),
        encoding="utf-8",
    )
    assert guide_problems(load_guide(folder)) == []


def test_keep_mark_accepts_a_reviewed_finding(tmp_path: Path) -> None:
    folder, boxes = make_guide(tmp_path)
    x0, y0, x1, y1 = boxes["001 089 012345"]
    (folder / "guide.md").write_text(
        GUIDE.format(annotations=f"\n```annotations\nkeep {x0:.4f} {y0:.4f} {x1:.4f} {y1:.4f}\n```\n"), encoding="utf-8"
    )
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
    assert [(p.line, p.code) for p in problems] == [(IMAGE_LINE, "personal-data-unchecked")]
    assert "no-such-model.onnx" in str(problems[0]) and "\n" not in str(problems[0])
