"""Write THIRD-PARTY-LICENSES: every third-party component Trainer ships, its licence and the licence's full text.

Two uses:
- `python tools/third_party_licenses.py` writes the committed copy at the repository root from the dependency
  closure of the installed `trainer` distribution (runtime requirements only, no test or dist extras);
- packaging/trainer.spec calls `write_bundle_notices(app_dir, bundled)` after a build with the distributions
  whose files PyInstaller actually collected, so the frozen folder lists what it really carries.

Besides the Python distributions (name, version, licence expression or classifiers, and the licence files of
their dist-info), the file covers what no dist-info describes fully: Python itself, Qt (PySide6's wheels carry no
licence file), the fonts in src/trainer/resources/fonts, ffmpeg (a GPLv3 build with x264: see
packaging/FFMPEG-SOURCE-OFFER.md), libvips and the libraries inside pyvips-binary, and RapidOCR's models.
Texts that a wheel does not carry are kept in packaging/licences/.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LICENCES = ROOT / "packaging" / "licences"
FONTS = ROOT / "src" / "trainer" / "resources" / "fonts"
FFMPEG_OFFER = ROOT / "packaging" / "FFMPEG-SOURCE-OFFER.md"
OUTPUT = "THIRD-PARTY-LICENSES"
LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|copyright)", re.IGNORECASE)

# Distributions whose wheels carry no licence file: the text kept in packaging/licences/ and why it applies.
FALLBACK_TEXTS: dict[str, tuple[list[str], str]] = {
    "pyside6-essentials": (
        ["LGPL-3.0.txt", "GPL-3.0.txt"],
        "used under the LGPL-3.0 (which is the GPL-3.0 plus its additional permissions)",
    ),
    "pyside6-addons": (
        ["LGPL-3.0.txt", "GPL-3.0.txt"],
        "used under the LGPL-3.0 (which is the GPL-3.0 plus its additional permissions)",
    ),
    "shiboken6": (
        ["LGPL-3.0.txt", "GPL-3.0.txt"],
        "used under the LGPL-3.0 (which is the GPL-3.0 plus its additional permissions)",
    ),
    "flatbuffers": (["Apache-2.0.txt"], "Apache-2.0, as its metadata says"),
    "odfpy": (["Apache-2.0.txt"], "dual-licensed Apache-2.0 / GPL; used under the Apache-2.0"),
}
# Licence files kept inside the package folder rather than the dist-info.
PACKAGE_TEXTS: dict[str, list[str]] = {
    "onnxruntime": ["onnxruntime/LICENSE", "onnxruntime/ThirdPartyNotices.txt"],
}


def canonical(name: str) -> str:
    """PEP 503 normalised distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass
class Entry:
    """One component and its licence: name, version, licence expression, where it is, full texts."""

    name: str
    version: str
    licence: str
    note: str = ""
    texts: list[tuple[str, str]] = field(default_factory=list)


# -- which distributions ----------------------------------------------------------------------------
def dependency_closure(root: str = "trainer") -> list[str]:
    """Canonical names of `root`'s runtime dependency closure (extras such as test and dist left out), root excluded."""
    from packaging.requirements import Requirement

    seen: set[str] = set()
    todo = [root]
    while todo:
        name = canonical(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue  # a requirement for another platform
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue
            todo.append(req.name)
    seen.discard(canonical(root))
    return sorted(seen)


def distributions_of_files(paths: Iterable[str]) -> list[str]:
    """Canonical names of the installed distributions that own any of these files (PyInstaller's sources)."""
    owner: dict[str, str] = {}
    for dist in md.distributions():
        name = canonical(dist.metadata["Name"] or "")
        for file in dist.files or []:
            owner[os.path.normcase(os.path.abspath(str(dist.locate_file(file))))] = name
    found = {owner[key] for path in paths if path and (key := os.path.normcase(os.path.abspath(path))) in owner}
    found.discard("trainer")
    return sorted(found)


# -- entries ----------------------------------------------------------------------------------------
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace").strip()


def distribution_entry(name: str) -> Entry:
    """The entry of one installed distribution, with the licence files its wheel carries (or our kept copy)."""
    dist = md.distribution(name)
    meta = dist.metadata
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    licence = meta.get("License-Expression") or ""
    if not licence:
        short = (meta.get("License") or "").strip()
        licence = short if short and "\n" not in short and len(short) < 80 else ", ".join(classifiers)
    entry = Entry(meta["Name"], dist.version, licence or "see text")
    for file in dist.files or []:
        text = str(file)
        in_dist_info = ".dist-info/" in text.replace("\\", "/")
        licence_folder = ".dist-info/licenses/" in text.replace("\\", "/")  # PEP 639: every file in it is a licence
        if (
            licence_folder
            or in_dist_info
            and LICENCE_FILE.search(Path(text).name)
            or text in PACKAGE_TEXTS.get(canonical(name), [])
        ):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                entry.texts.append((text.split(".dist-info/", 1)[-1], _read(path)))
    fallback = FALLBACK_TEXTS.get(canonical(name))
    if not entry.texts and fallback:
        files, why = fallback
        entry.note = why
        entry.texts = [(f, _read(LICENCES / f)) for f in files]
    return entry


def python_entry() -> Entry:
    """CPython (the interpreter and standard library inside the frozen app)."""
    version = ".".join(map(str, sys.version_info[:3]))
    candidates = [
        Path(sys.base_prefix) / "LICENSE.txt",
        Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt",
    ]
    texts = [(p.name, _read(p)) for p in candidates if p.is_file()][:1]
    return Entry(
        "Python",
        version,
        "PSF-2.0",
        "the interpreter and standard library; the frozen app's launcher is PyInstaller's bootloader (GPL-2.0 with an exception that allows it in any program)",
        texts,
    )


def qt_entry() -> Entry:
    """Qt itself (the libraries and plugins inside PySide6's wheels)."""
    try:
        version = md.version("PySide6-Essentials")
    except md.PackageNotFoundError:
        version = "?"
    note = (
        "Qt's libraries are loaded dynamically from the app folder and may be replaced by the user with a compatible "
        "build (LGPL-3.0 section 4); Qt's source is at https://download.qt.io/official_releases/qt/ "
        "(the same version), PySide6's at https://code.qt.io/cgit/pyside/pyside-setup.git/ ."
        " Qt Multimedia's FFmpeg libraries (LGPL builds) come with the Addons wheel."
    )
    return Entry(
        "Qt (via PySide6)", version, "LGPL-3.0-only", note, [(f, _read(LICENCES / f)) for f in ("LGPL-3.0.txt", "GPL-3.0.txt")]
    )


def font_entries() -> list[Entry]:
    """The fonts in the package, each family with the OFL text that ships beside it."""
    entries = []
    for family, prefix, licence_file in font_families():
        entries.append(
            Entry(
                family,
                "",
                "OFL-1.1",
                f"fonts {prefix}*.ttf in trainer/resources/fonts",
                [(licence_file.name, _read(licence_file))],
            )
        )
    return entries


def font_families() -> list[tuple[str, str, Path]]:
    """(family, file-name prefix, licence file) of each bundled font family."""
    return [
        ("Be Vietnam Pro", "BeVietnamPro-", FONTS / "OFL.txt"),
        ("Liberation Sans", "LiberationSans-", FONTS / "LiberationSans-OFL.txt"),
    ]


def ffmpeg_version(exe: str | None = None) -> str:
    """The first line of `ffmpeg -version` of imageio-ffmpeg's binary ('' when it cannot run)."""
    try:
        if exe is None:
            import imageio_ffmpeg

            exe = imageio_ffmpeg.get_ffmpeg_exe()
        out = subprocess.run([exe, "-version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, RuntimeError, subprocess.SubprocessError):
        return ""
    return out.splitlines()[0] if out else ""


def ffmpeg_entry(exe: str | None = None) -> Entry:
    """The ffmpeg executable inside imageio-ffmpeg's wheel: a GPL-3.0 build (x264, x265 and more)."""
    version = ffmpeg_version(exe)
    note = (
        f"binary from the imageio-ffmpeg wheel ({version or 'version unknown'}); configured with --enable-gpl "
        "--enable-version3 and GPL libraries such as x264, so the binary as a whole is under the GPL-3.0. "
        "It runs as a separate program (Trainer starts it, it is not linked into Trainer). How to get its complete "
        "source: FFMPEG-SOURCE-OFFER.md beside this file."
    )
    return Entry(
        "FFmpeg",
        version.split(" ")[2] if version.count(" ") > 2 else "",
        "GPL-3.0-or-later",
        note,
        [("GPL-3.0.txt", _read(LICENCES / "GPL-3.0.txt"))],
    )


def libvips_entry() -> Entry:
    """libvips and the libraries built into pyvips-binary's shared library."""
    try:
        version = md.version("pyvips-binary")
    except md.PackageNotFoundError:
        version = "?"
    return Entry(
        "libvips and its libraries (in pyvips-binary)",
        version,
        "LGPL-3.0-or-later AND others",
        _read(LICENCES / "libvips-libraries.txt"),
        [("LGPL-3.0.txt", _read(LICENCES / "LGPL-3.0.txt")), ("GPL-3.0.txt", _read(LICENCES / "GPL-3.0.txt"))],
    )


def rapidocr_models_entry() -> Entry:
    """RapidOCR's PP-OCR ONNX models (from PaddleOCR), inside the rapidocr wheel."""
    entry = Entry("RapidOCR models (PP-OCR, from PaddleOCR)", "", "Apache-2.0", "ONNX models in rapidocr/models", [])
    entry.texts = [("Apache-2.0.txt", _read(LICENCES / "Apache-2.0.txt"))]
    return entry


def system_library_entries(app_dir: Path) -> list[Entry]:
    """Shared libraries PyInstaller copied from the build machine (Linux: Debian packages and their copyright)."""
    info = Path("/var/lib/dpkg/info")
    if not sys.platform.startswith("linux") or not info.is_dir():
        return []
    wanted = {lib.name: lib.stat().st_size for lib in (app_dir / "_internal").glob("*.so*") if not lib.is_symlink()}
    packages: dict[str, list[str]] = {}
    # Which package installed each of those files, read from dpkg's own file lists (one `dpkg -S` per
    # library took a second each).
    for listing in sorted(info.glob("*.list")):
        for line in listing.read_text(encoding="utf-8", errors="replace").splitlines():
            name = line.rsplit("/", 1)[-1]
            # The same name is not enough (the bundled libpython comes from the build's own interpreter): the
            # installed file must be the one that was copied, byte for byte the same size.
            if name in wanted and "/lib/" in line and Path(line).is_file() and Path(line).stat().st_size == wanted[name]:
                packages.setdefault(listing.stem.split(":")[0], []).append(name)
                del wanted[name]
    entries = []
    for package, libs in sorted(packages.items()):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        texts = [("copyright", _read(copyright_file))] if copyright_file.is_file() else []
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True).stdout
        entries.append(Entry(f"{package} (Debian)", version, "see copyright", "libraries: " + ", ".join(sorted(libs)), texts))
    return entries


# -- writing ----------------------------------------------------------------------------------------
def entries_for(distributions: Iterable[str], app_dir: Path | None = None, ffmpeg: str | None = None) -> list[Entry]:
    """Every entry: Python, Qt, the distributions, the fonts, ffmpeg, libvips, the OCR models, system libraries."""
    entries = [python_entry(), qt_entry()]
    entries += [distribution_entry(name) for name in sorted(distributions)]
    entries += font_entries() + [ffmpeg_entry(ffmpeg), libvips_entry(), rapidocr_models_entry()]
    if app_dir is not None:
        entries += system_library_entries(app_dir)
    return entries


def render(entries: list[Entry]) -> str:
    """The THIRD-PARTY-LICENSES text: a summary table, then each component's full licence texts."""
    lines = [
        "THIRD-PARTY LICENCES OF TRAINER",
        "",
        "Trainer ships the components below. Each keeps its own licence; the full texts follow the list.",
        "Generated by tools/third_party_licenses.py from what is installed or bundled; do not edit by hand.",
        "",
    ]
    width = max(len(e.name) for e in entries)
    for e in entries:
        lines.append(f"  {e.name.ljust(width)}  {e.version or '-':<24} {e.licence}")
    first_seen: dict[str, str] = {}  # a long text (GPL, LGPL, Apache) is printed once, then referred to
    for e in entries:
        lines += ["", "=" * 100, f"{e.name} {e.version}".strip(), f"Licence: {e.licence}"]
        if e.note:
            lines.append(e.note)
        for file_name, text in e.texts:
            if text in first_seen:
                lines += ["", f"----- {file_name}: the same text as under {first_seen[text]} above -----"]
                continue
            first_seen[text] = f"'{e.name} {e.version}'".replace(" '", "'")
            lines += ["", f"----- {file_name} -----", "", text]
    return "\n".join(lines) + "\n"


def write_bundle_notices(app_dir: str | os.PathLike[str], bundled: Iterable[str]) -> Path:
    """After a build: THIRD-PARTY-LICENSES and FFMPEG-SOURCE-OFFER.md beside the frozen executable."""
    app = Path(app_dir)
    ffmpeg = next(
        (str(p) for p in (app / "_internal" / "imageio_ffmpeg" / "binaries").glob("ffmpeg*") if p.suffix != ".md"), None
    )
    target = app / OUTPUT
    target.write_text(render(entries_for(bundled, app, ffmpeg)), encoding="utf-8")
    shutil.copyfile(FFMPEG_OFFER, app / FFMPEG_OFFER.name)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", default=str(ROOT / OUTPUT), help="file to write (default: THIRD-PARTY-LICENSES at the repo root)"
    )
    args = parser.parse_args(argv)
    Path(args.out).write_text(render(entries_for(dependency_closure())), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
