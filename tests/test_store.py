"""The store: lossless round trip, NFC on load, canonical bytes, atomic saves."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import bundled_guide_dirs
from trainer.model import Annotation, Callout, Guide, Link, Step
from trainer.store import GuideError, load_guide, load_library, save_guide, serialize_guide
from trainer.store.atomic import atomic_path, atomic_write_text

CANONICAL = """---
title: Kích hoạt tài khoản VNeID
slug: vneid
summary: Kích hoạt tài khoản sau khi Công an xã đã duyệt.
topic: Định danh điện tử
language: vi
version: '1.2'
valid_as_of: 2026-11-22
estimated_minutes: 15
links:
- title: Cổng định danh điện tử
  url: https://vneid.gov.vn
prerequisites:
- Căn cước gắn chip
status: reviewed
custom_field: giữ nguyên
---

Giới thiệu ngắn.

## Mở ứng dụng

Bấm vào **VNeID**.

- một
- hai

![Màn hình chính](images/a.png)

```annotations
tap 0.5 0.62
box 0.1 0.2 0.9 0.3
badge 0.25 0.5 1
arrow 0.8 0.3 0.55 0.58
blur 0.1 0.1 0.9 0.16
keep 0.2 0.8 0.7 0.85
```

> [!WARNING]
> Công an không gọi điện
> để kích hoạt hộ.

> [!TIP]
> Mẹo nhỏ.

```notes
Ghi chú cho người trình bày.
```

```step
duration: 8
practice: true
frame: phone
```

## Nhập số định danh

Nhập 12 số trên thẻ căn cước.

```python
print("a code block stays in the text")
```
"""


def write_guide(folder: Path, text: str, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "guide.md"
    path.write_bytes(text.encode(encoding))
    return path


def test_canonical_file_saves_byte_for_byte(tmp_path: Path) -> None:
    path = write_guide(tmp_path / "vneid", CANONICAL)
    guide = load_guide(path.parent)
    save_guide(guide)
    assert path.read_text(encoding="utf-8") == CANONICAL


def test_load_reads_every_part(tmp_path: Path) -> None:
    guide = load_guide(write_guide(tmp_path / "vneid", CANONICAL))
    assert guide.valid_as_of == dt.date(2026, 11, 22)
    assert guide.version == "1.2"
    assert guide.links == [Link("Cổng định danh điện tử", "https://vneid.gov.vn")]
    assert guide.extra == {"custom_field": "giữ nguyên"}
    first, second = guide.steps
    assert first.title == "Mở ứng dụng" and first.line == 21
    assert first.text == "Bấm vào **VNeID**.\n\n- một\n- hai"
    assert first.image == "images/a.png" and first.image_alt == "Màn hình chính"
    assert first.annotations[0] == Annotation("tap", 0.5, 0.62)
    assert first.annotations[2] == Annotation("badge", 0.25, 0.5, label="1")
    assert first.annotations[3] == Annotation("arrow", 0.8, 0.3, 0.55, 0.58)
    assert first.callouts == [Callout("warning", "Công an không gọi điện\nđể kích hoạt hộ."), Callout("tip", "Mẹo nhỏ.")]
    assert first.notes == "Ghi chú cho người trình bày."
    assert (first.duration, first.practice, first.frame) == (8.0, True, "phone")
    assert "```python" in second.text and second.image is None


def test_decomposed_crlf_bom_text_loads_as_nfc_and_saves_canonical(tmp_path: Path) -> None:
    messy = "\ufeff" + unicodedata.normalize("NFD", CANONICAL).replace("\n", "\r\n")
    path = write_guide(tmp_path / "vneid", messy)
    guide = load_guide(path)
    assert guide.title == "Kích hoạt tài khoản VNeID"
    assert all(unicodedata.is_normalized("NFC", s.text + s.title + s.notes) for s in guide.steps)
    save_guide(guide)
    assert path.read_bytes() == CANONICAL.encode("utf-8")


def test_non_canonical_layout_is_normalized_without_losing_anything(tmp_path: Path) -> None:
    # Notes before the image, text split around it: everything is kept, in canonical order.
    text = CANONICAL.replace(
        "Bấm vào **VNeID**.\n\n- một\n- hai\n\n![Màn hình chính](images/a.png)",
        "```notes\nGhi chú.\n```\n\nBấm vào **VNeID**.\n\n![Màn hình chính](images/a.png)\n\n- một\n- hai",
    ).replace("```notes\nGhi chú cho người trình bày.\n```\n\n", "")
    guide = load_guide(write_guide(tmp_path / "vneid", text))
    again = load_guide(write_guide(tmp_path / "copy" / "vneid", serialize_guide(guide)))
    assert again == guide
    assert again.steps[0].notes == "Ghi chú."
    assert again.steps[0].text == "Bấm vào **VNeID**.\n\n- một\n- hai"


def test_load_errors_name_file_and_line(tmp_path: Path) -> None:
    path = write_guide(tmp_path / "x", CANONICAL.replace("title: Kích", "title: a: b: Kích"))
    with pytest.raises(GuideError) as caught:
        load_guide(path)
    assert str(caught.value).startswith(f"{path}:2:")


def test_library_skips_broken_guides_and_reports_them(tmp_path: Path) -> None:
    write_guide(tmp_path / "good", CANONICAL.replace("slug: vneid", "slug: good"))
    write_guide(tmp_path / "bad", "no front matter")
    guides, problems = load_library(tmp_path)
    assert [g.slug for g in guides] == ["good"]
    assert [p.code for p in problems] == ["no-front-matter"]


def test_atomic_write_leaves_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "f.txt"
    atomic_write_text(target, "old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("power cut")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


def test_a_save_sweeps_only_stale_leftovers_of_killed_saves(tmp_path: Path) -> None:
    target = save_guide(Guide(title="Thử", slug="thu", steps=[Step(title="Bước 1")]), tmp_path / "thu" / "guide.md")
    folder = target.parent

    def leftover(age: float) -> Path:
        # Named exactly as atomic_path names its temporary file (mkstemp beside the target).
        fd, name = tempfile.mkstemp(prefix=".guide.", suffix=".part.md", dir=folder)
        os.close(fd)
        os.utime(name, (time.time() - age, time.time() - age))
        return Path(name)

    stale = [leftover(3600) for _ in range(3)]
    fresh = leftover(1)  # another process may be saving right now
    mine = [folder / ".guide.notes.part.md", folder / "guide.part.md", folder / ".guide.abcdefgh.part.txt"]
    for path in mine:
        path.write_text("của người dùng", encoding="utf-8")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    save_guide(load_guide(target), target)
    assert not any(p.exists() for p in stale)
    assert fresh.exists() and all(p.exists() for p in mine)


@pytest.mark.parametrize("folder", bundled_guide_dirs(), ids=lambda p: p.name)
def test_bundled_guides_round_trip_byte_for_byte_and_are_nfc(folder: Path) -> None:
    path = folder / "guide.md"
    original = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", original)
    guide = load_guide(folder)
    assert serialize_guide(guide) == original


# -- property: any guide the model can hold survives save -> load ---------------------------------
_letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_word = st.text(alphabet=_letters + _letters.upper() + "0123456789", min_size=1, max_size=8)
_line = st.lists(_word, min_size=1, max_size=6).map(" ".join)
_para = st.lists(_line, min_size=1, max_size=3).map("\n".join)
_coord = st.floats(min_value=0, max_value=1, allow_nan=False).map(lambda v: round(v, 4))


@st.composite
def annotations(draw: st.DrawFn) -> Annotation:
    kind = draw(st.sampled_from(["badge", "tap", "box", "arrow", "blur", "keep"]))
    if kind in ("badge", "tap"):
        label = draw(st.sampled_from(["", "1", "12"])) if kind == "badge" else ""
        return Annotation(kind, draw(_coord), draw(_coord), label=label)
    return Annotation(kind, draw(_coord), draw(_coord), draw(_coord), draw(_coord))


@st.composite
def steps(draw: st.DrawFn) -> Step:
    has_image = draw(st.booleans())
    return Step(
        title=draw(_line),
        text=draw(st.lists(_para, min_size=1, max_size=2).map("\n\n".join)),
        image="images/x.png" if has_image else None,
        image_alt=draw(_line) if has_image else "",
        annotations=draw(st.lists(annotations(), max_size=3)) if has_image else [],
        callouts=draw(st.lists(st.builds(Callout, st.sampled_from(["tip", "warning", "caution"]), _para), max_size=2)),
        notes=draw(st.one_of(st.just(""), _para)),
        duration=draw(st.one_of(st.none(), st.sampled_from([3.0, 7.5, 12.0]))),
        practice=draw(st.booleans()),
        frame=draw(st.sampled_from(["auto", "phone", "none"])),
    )


@st.composite
def guides(draw: st.DrawFn) -> Guide:
    return Guide(
        title=draw(_line),
        slug="g",
        summary=draw(_line),
        topic=draw(_line),
        version=draw(st.sampled_from(["1.0", "2", "1.10"])),
        valid_as_of=draw(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1))),
        estimated_minutes=draw(st.one_of(st.none(), st.integers(1, 120))),
        links=draw(st.lists(st.builds(Link, _line, st.just("https://dichvucong.gov.vn")), max_size=2)),
        prerequisites=draw(st.lists(_line, max_size=3)),
        reviewer=draw(st.one_of(st.just(""), _line)),
        sources=draw(
            st.lists(st.sampled_from(["1-vneid-định-danh-điện-tử", "S11", "key-dates-for-time-sensitive-claims"]), max_size=3)
        ),
        status=draw(st.sampled_from(["draft", "reviewed", "published"])),
        intro=draw(st.one_of(st.just(""), _para)),
        steps=draw(st.lists(steps(), min_size=1, max_size=4)),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(guide=guides())
def test_any_guide_round_trips(tmp_path: Path, guide: Guide) -> None:
    path = save_guide(guide, tmp_path / "g" / "guide.md")
    loaded = load_guide(path)
    assert loaded == guide
    assert serialize_guide(loaded) == path.read_text(encoding="utf-8")


def test_reviewer_and_sources_round_trip_in_place(tmp_path: Path) -> None:
    text = CANONICAL.replace(
        "status: reviewed\n",
        "reviewer: Phòng Chuyển đổi số\nsources:\n- 1-vneid-định-danh-điện-tử\n- S3\nstatus: reviewed\n",
    )
    path = tmp_path / "vneid" / "guide.md"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    guide = load_guide(path)
    assert guide.reviewer == "Phòng Chuyển đổi số"
    assert guide.sources == ["1-vneid-định-danh-điện-tử", "S3"]
    assert "sources" not in guide.extra
    assert serialize_guide(guide) == text


def test_sources_must_be_a_list(tmp_path: Path) -> None:
    path = tmp_path / "vneid" / "guide.md"
    path.parent.mkdir()
    path.write_text(CANONICAL.replace("status: reviewed\n", "sources: S3\nstatus: reviewed\n"), encoding="utf-8")
    with pytest.raises(GuideError, match=r"guide.md:\d+: .*sources"):
        load_guide(path)
