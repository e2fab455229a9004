"""The bundled guides in content/: complete, canonical, safe, and illustrated by the project's own script."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

import pytest

from trainer.model import Guide
from trainer.store import load_guide, serialize_guide

REPO = Path(__file__).resolve().parents[1]
CONTENT = REPO / "content"
SCRIPT = REPO / "tools" / "make_illustrations.py"

# The guides the issue asks for (one per topic in its list), by slug.
REQUIRED = (
    "vssid-dang-ky-dang-nhap",
    "vneid-kich-hoat",
    "tien-di-dong-mobile-money",
    "voso-gian-hang-so",
    "ocop-dang-san-pham",
    "dich-vu-cong-quoc-gia",
    "dich-vu-cong-thiet-yeu-de-an-06",
    "chu-ky-so-cong-cong",
    "zalo-tra-cuu-ho-so",
    "canh-giac-lua-dao",
)
# The shared topic set, each marked True when a guide on it handles money or identity and so must
# carry a WARNING or CAUTION callout. A new topic has to be added here, which forces the decision.
TOPICS = {
    "Định danh điện tử": True,
    "Bảo hiểm xã hội": True,
    "Thanh toán số": True,
    "Thương mại điện tử": True,
    "Dịch vụ công": True,
    "Chữ ký số": True,
    "An toàn trên mạng": True,
}
# Official domains named in the reference facts; a link must be one of them or under one of them.
OFFICIAL_DOMAINS = (
    "vneid.gov.vn",
    "dichvucong.gov.vn",
    "baohiemxahoi.gov.vn",
    "voso.vn",
    "postmart.vn",
    "viettelmoney.vn",
    "vnpt.com.vn",
    "vnptpay.vn",
)
MAX_PNG_BYTES = 60_000


def guide_dirs() -> list[Path]:
    return sorted(p.parent for p in CONTENT.glob("*/guide.md"))


@pytest.fixture(params=guide_dirs(), ids=lambda p: p.name)
def guide_dir(request: pytest.FixtureRequest) -> Path:
    return request.param


@pytest.fixture
def guide(guide_dir: Path) -> Guide:
    return load_guide(guide_dir)


@pytest.fixture(scope="module")
def illustrations():  # type: ignore[no-untyped-def]
    """The illustration script, imported as a module (it lives in tools/, outside the package)."""
    spec = importlib.util.spec_from_file_location("make_illustrations", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_every_required_guide_is_present() -> None:
    present = {p.name for p in guide_dirs()}
    assert set(REQUIRED) <= present, sorted(set(REQUIRED) - present)


def test_guide_round_trips_byte_for_byte_and_is_nfc(guide_dir: Path) -> None:
    raw = (guide_dir / "guide.md").read_bytes()
    text = raw.decode("utf-8")
    assert unicodedata.normalize("NFC", text) == text
    assert "\r" not in text
    assert serialize_guide(load_guide(guide_dir)).encode("utf-8") == raw


def test_guide_metadata(guide: Guide, guide_dir: Path) -> None:
    assert guide.slug == guide_dir.name
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", guide.slug)
    assert guide.language == "vi"
    assert isinstance(guide.valid_as_of, dt.date)
    assert guide.status in ("draft", "reviewed", "published")
    assert guide.topic in TOPICS, f"new topic {guide.topic!r}: add it to TOPICS and decide if it is money/identity"


def test_links_are_https_official(guide: Guide) -> None:
    assert guide.links, "at least one official link"
    for link in guide.links:
        parsed = urlparse(link.url)
        assert parsed.scheme == "https", link.url
        host = parsed.hostname or ""
        assert any(host == d or host.endswith("." + d) for d in OFFICIAL_DOMAINS), link.url
        assert link.title


def test_steps_shape(guide: Guide) -> None:
    assert 4 <= len(guide.steps) <= 12
    for step in guide.steps:
        assert step.notes.strip(), f"step '{step.title}' has no presenter notes"
        assert step.image, f"step '{step.title}' has no illustration"
        # Short sentences a first-time smartphone user can follow: 20 words at most, callouts included
        # (a list item counts as a sentence).
        for text in [step.text] + [callout.text for callout in step.callouts]:
            for sentence in re.split(r"(?<=[.!?:;])\s+|\n", re.sub(r"[*_]", "", text)):
                assert len(sentence.split()) <= 20, f"long sentence in '{step.title}': {sentence}"


def test_money_and_identity_guides_warn(guide: Guide) -> None:
    if TOPICS[guide.topic]:
        kinds = {callout.kind for step in guide.steps for callout in step.callouts}
        assert kinds & {"warning", "caution"}


def test_images_referenced_and_present(guide: Guide, guide_dir: Path) -> None:
    referenced = {step.image for step in guide.steps if step.image}
    on_disk = {p.relative_to(guide_dir).as_posix() for p in (guide_dir / "images").glob("*") if p.is_file()}
    assert referenced == on_disk, {"missing": sorted(referenced - on_disk), "unused": sorted(on_disk - referenced)}


def test_illustrations_small_portrait_pngs(guide_dir: Path) -> None:
    from PIL import Image

    for png in sorted((guide_dir / "images").glob("*.png")):
        assert png.stat().st_size < MAX_PNG_BYTES, png
        with Image.open(png) as img:
            assert img.size == (720, 1440), png
        # Only pixel chunks: no time stamp, text or EXIF that would make runs differ or leak anything.
        assert _png_chunks(png.read_bytes()) <= {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}, png


def _png_chunks(data: bytes) -> set[str]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = set(), 8
    while offset < len(data):
        length = int.from_bytes(data[offset : offset + 4], "big")
        chunks.add(data[offset + 4 : offset + 8].decode("ascii"))
        offset += 12 + length
    return chunks


def test_readme_lists_every_guide_with_its_date() -> None:
    readme = (CONTENT / "README.md").read_text(encoding="utf-8")
    for folder in guide_dirs():
        guide = load_guide(folder)
        assert guide.slug in readme
        assert guide.valid_as_of is not None and guide.valid_as_of.isoformat() in readme


def _hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*.png"))}


@pytest.mark.slow
def test_illustrations_are_deterministic_committed_and_annotated(illustrations, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """One test, so every screen is drawn only twice however the suite is split across workers."""
    rendered = illustrations.render_all()  # first run, in memory
    illustrations.build(CONTENT, tmp_path)  # second, separate run through the command line's code path
    first = {
        f"{slug}/{name}": hashlib.sha256(png).hexdigest()
        for slug, screens in rendered.items()
        for name, (png, _) in screens.items()
    }
    assert _hashes(tmp_path) == first, "two runs of the script gave different bytes"
    committed = {name: hashlib.sha256((CONTENT / name).read_bytes()).hexdigest() for name in first}
    assert committed == first, "rerun: python tools/make_illustrations.py content"
    # Every image in content/ is drawn by the script (none copied from elsewhere).
    assert set(first) == {p.relative_to(CONTENT).as_posix() for p in CONTENT.rglob("images/*") if p.is_file()}

    # The annotations in each guide are the ones computed from where the script drew the buttons.
    for slug, screens in rendered.items():
        by_image = {step.image: step for step in load_guide(CONTENT / slug).steps}
        for name, (_, marks) in screens.items():
            assert by_image[name].annotations == marks, f"{slug}/{name}: rerun with --sync-annotations"
        for step in by_image.values():
            boxes = [m for m in step.annotations if m.kind == "box"]
            for tap in (m for m in step.annotations if m.kind == "tap"):  # each finger sits inside a highlighted target
                assert any(b.x <= tap.x <= b.x2 and b.y <= tap.y <= b.y2 for b in boxes), f"{slug}: {step.title}"


def test_trainer_check_content_exits_0() -> None:
    result = subprocess.run([sys.executable, "-m", "trainer", "check", "content"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower(), result.stdout


# -- the fact pass (issue 19): every guide's facts tie to the shared fact sheet ------------------------
FACTS_NAME = Path("shared") / "reference" / "guide-facts.md"


def facts_file() -> Path | None:
    """The shared fact sheet: ../shared/reference/guide-facts.md beside the clone (or beside a worktree's parent)."""
    for folder in REPO.parents:
        if (folder / FACTS_NAME).is_file():
            return folder / FACTS_NAME
    return None


def heading_id(heading: str) -> str:
    """A Markdown heading's anchor as GitHub forms it: lowercase, punctuation dropped, each space a hyphen."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def fact_anchors(text: str) -> set[str]:
    """Every anchor a guide may cite: heading ids and the source numbers (S1, S2 ...) of the Sources list."""
    anchors = {heading_id(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+?)\s*$", text, re.MULTILINE)}
    anchors |= set(re.findall(r"^- (S\d+)\s", text, re.MULTILINE))
    return anchors


@pytest.fixture(scope="module")
def anchors() -> set[str]:
    found = facts_file()
    if found is None:
        pytest.skip(f"the shared fact sheet {FACTS_NAME} is not beside this clone")
    return fact_anchors(found.read_text(encoding="utf-8"))


def test_heading_ids_are_formed_as_github_forms_them() -> None:
    assert heading_id("## 3. VssID – Bảo hiểm xã hội số".lstrip("# ")) == "3-vssid--bảo-hiểm-xã-hội-số"
    assert fact_anchors("## 1. VNeID (định danh điện tử)\n- S12 a source\n") == {"1-vneid-định-danh-điện-tử", "S12"}


def test_every_cited_anchor_exists_in_the_fact_sheet(guide: Guide, anchors: set[str]) -> None:
    assert guide.sources, f"{guide.slug}: no sources"
    missing = [anchor for anchor in guide.sources if anchor not in anchors]
    assert missing == [], f"{guide.slug} cites anchors the fact sheet does not have: {missing}"


def test_readme_citations_exist_in_the_fact_sheet(anchors: set[str]) -> None:
    readme = (CONTENT / "README.md").read_text(encoding="utf-8")
    linked = re.findall(r"guide-facts\.md#([^)\s]+)", readme)
    numbers = re.findall(r"\b(S\d+)\b", readme)
    assert linked and numbers
    assert sorted({a for a in linked + numbers if a not in anchors}) == []


def test_reviewed_guides_name_a_reviewing_role(guide: Guide) -> None:
    if guide.status != "draft":
        assert guide.reviewer, f"{guide.slug} is {guide.status} but names no reviewer"
        assert guide.reviewer.split()[0] in ("Phòng", "Sở", "Trung", "Tổ", "Ban", "Bộ"), guide.reviewer


def test_links_are_named_in_the_fact_sheet(guide: Guide) -> None:
    found = facts_file()
    if found is None:
        pytest.skip(f"the shared fact sheet {FACTS_NAME} is not beside this clone")
    text = found.read_text(encoding="utf-8").lower()
    for link in guide.links:
        host = (urlparse(link.url).hostname or "").removeprefix("www.")
        assert host in text, f"{guide.slug}: {link.url} is not in the fact sheet"


# The words issue 19 found first-time users meet without explanation, as the guides write them.
ISSUE_TERMS = (
    "OTP",
    "mã OTP",
    "passcode",
    "mức 2",
    "định danh mức 2",
    "chứng thư chữ ký số",
    "chứng thư số",
    "ký số từ xa",
    "Thông báo lưu trú",
    "Giảm trừ mức đóng BHYT hộ gia đình",
)


def test_the_glossary_explains_the_issues_hard_words() -> None:
    from trainer.store.glossary import glossary_file, load_glossary
    from trainer.terms import first_use

    glossary = load_glossary(glossary_file(CONTENT))
    for word in ISSUE_TERMS:
        # some entry's spelling is written over the whole word
        assert any(first_use(word, term) == (0, len(word)) for term in glossary), word


def test_check_content_finds_no_unexplained_hard_word() -> None:
    result = subprocess.run([sys.executable, "-m", "trainer", "check", "content"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "hard word" not in result.stdout, result.stdout
