"""THIRD-PARTY-LICENSES: every distribution the app installs and every bundled font has a licence with its text."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FONTS = REPO / "src" / "trainer" / "resources" / "fonts"


@pytest.fixture(scope="module")
def licences():  # type: ignore[no-untyped-def]
    """tools/third_party_licenses.py, imported as a module (it lives outside the package)."""
    spec = importlib.util.spec_from_file_location("third_party_licenses", REPO / "tools" / "third_party_licenses.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_the_closure_is_the_apps_runtime_dependencies(licences) -> None:  # type: ignore[no-untyped-def]
    closure = licences.dependency_closure()
    # Direct requirements and some of theirs are in; test-only tools and the freezer are not.
    assert {"pyside6-essentials", "shiboken6", "pyvips-binary", "rapidocr", "onnxruntime", "markupsafe"} <= set(closure)
    assert not {"pytest", "hypothesis", "ruff", "pyinstaller", "trainer"} & set(closure)


def test_every_installed_distribution_has_a_licence_and_its_text(licences) -> None:  # type: ignore[no-untyped-def]
    missing = []
    for name in licences.dependency_closure():
        entry = licences.distribution_entry(name)
        texts = "\n".join(text for _, text in entry.texts)
        # A licence text is longer than a name or a URL: the shortest common ones (MIT, ISC) are ~1000 characters.
        if entry.licence in ("", "see text") and not texts or len(texts) < 500:
            missing.append(f"{entry.name} {entry.version}: licence {entry.licence!r}, {len(texts)} characters of text")
    assert not missing, "distributions without a licence entry or text (add the text to packaging/licences/):\n" + "\n".join(
        missing
    )


def test_every_font_file_has_its_families_licence(licences) -> None:  # type: ignore[no-untyped-def]
    families = licences.font_families()
    fonts = sorted(p for p in FONTS.iterdir() if p.suffix.lower() in (".ttf", ".otf", ".woff", ".woff2"))
    assert fonts
    unlicensed = [f.name for f in fonts if not any(f.name.startswith(prefix) for _, prefix, _ in families)]
    assert not unlicensed, f"font files with no licence entry in tools/third_party_licenses.py: {unlicensed}"
    for family, _, licence_file in families:
        assert "SIL OPEN FONT LICENSE" in licence_file.read_text(encoding="utf-8").upper(), family


def test_qt_ffmpeg_and_libvips_carry_their_full_licence_texts(licences) -> None:  # type: ignore[no-untyped-def]
    gpl3, lgpl3 = "GNU GENERAL PUBLIC LICENSE\n                       Version 3", "GNU LESSER GENERAL PUBLIC LICENSE\n"
    for entry in (licences.qt_entry(), licences.ffmpeg_entry(), licences.libvips_entry()):
        texts = "\n".join(text for _, text in entry.texts)
        assert gpl3 in texts, entry.name
        assert (lgpl3 in texts) == (entry.name != "FFmpeg"), entry.name
    rendered = licences.render([licences.qt_entry(), licences.ffmpeg_entry(), licences.libvips_entry()])
    assert rendered.count(gpl3) == 1 and "the same text as under 'Qt (via PySide6)" in rendered  # printed once
    assert "FFMPEG-SOURCE-OFFER.md" in rendered and "mozjpeg" in rendered


def test_the_committed_copy_names_every_installed_distribution(licences) -> None:  # type: ignore[no-untyped-def]
    committed = (REPO / "THIRD-PARTY-LICENSES").read_text(encoding="utf-8")
    listed = {line.split()[0].lower() for line in committed.split("=" * 100)[0].splitlines()[5:] if line.strip()}
    names = {licences.canonical(licences.distribution_entry(n).name) for n in licences.dependency_closure()}
    missing = sorted(n for n in names if n not in {licences.canonical(x) for x in listed})
    assert not missing, f"THIRD-PARTY-LICENSES is stale; run python tools/third_party_licenses.py (missing: {missing})"
