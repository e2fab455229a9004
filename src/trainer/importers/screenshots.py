"""A folder of phone screenshots (or several picture files): one step per picture, in the order taken.

Order: EXIF DateTimeOriginal, else a time in the file name (Android `Screenshot_20241103-101512.png`,
`Screenshot_2024-11-03-10-15-12-345_com.zing.zalo.jpg`, iOS/macOS `Ảnh chụp màn hình 2024-11-03 lúc
10.15.12.png`, `IMG_20241103_101512.jpg`, Zalo/Messenger millisecond stamps), else the file's time; the
name breaks ties. The same picture saved twice is dropped. The phone's status and navigation bars can be
cut off. Each picture goes through the same path as a pasted one (upright, downscaled, metadata gone).
The personal-data detection (trainer.privacy) proposes blur marks and a draft title for each step.

`order_screenshots` and `screenshots_into` are plain functions so the editor can add several screenshots
at once through the same rules; nothing here uses Qt.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops

from trainer.exporters.base import report
from trainer.importers.base import Imported, Importer, ImportFailed, ImportOptions, Note, Progress, scaled
from trainer.importers.draft import Draft, DraftStep, Picture, make_steps, write_drafts
from trainer.model import Step
from trainer.store.media import MediaError, open_image

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif")
MAX_SCREENSHOTS = 200
# EXIF tags: DateTimeOriginal (in the Exif sub-IFD), DateTime (in IFD0).
_EXIF_IFD, _DATETIME_ORIGINAL, _DATETIME = 0x8769, 0x9003, 0x0132
_NAME_TIME = re.compile(
    r"(?<!\d)(20\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])"  # date
    r"(?:[-_ T]|\s+(?:at|lúc)\s+)?"
    r"([01]\d|2[0-3])[-_.:h]?([0-5]\d)[-_.:m]?([0-5]\d)(?!\d)",
    re.IGNORECASE,
)
_NAME_MILLIS = re.compile(r"(?<!\d)(1[3-9]\d{11})(?!\d)")  # Unix time in ms, 2011-2033 (Zalo, Messenger)
# Two pictures are the same when no pixel of their 64-px-wide copies differs by more than this: JPEG re-saves
# and Zalo's recompression stay under ~15, while two screens that differ only in a button's label reach 100+.
_SAME_PICTURE = 40
# Phone bars: the top band holds the clock and notifications, the bottom band the navigation buttons.
STATUS_BAR = 0.04
NAVIGATION_BAR = 0.055


def name_time(name: str) -> _dt.datetime | None:
    """The capture time written in a screenshot's file name, if any."""
    match = _NAME_TIME.search(name)
    if match:
        try:
            return _dt.datetime(*(int(g) for g in match.groups()))
        except ValueError:
            return None
    millis = _NAME_MILLIS.search(name)
    if millis:
        return _dt.datetime.fromtimestamp(int(millis.group(1)) / 1000)
    return None


def exif_time(path: Path) -> _dt.datetime | None:
    """DateTimeOriginal (else DateTime) from a picture's EXIF, if any."""
    try:
        with Image.open(path) as img:
            exif = img.getexif()
            raw = exif.get_ifd(_EXIF_IFD).get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    if not raw:
        return None
    try:
        return _dt.datetime.strptime(str(raw).strip("\0 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def capture_time(path: Path) -> tuple[_dt.datetime, str]:
    """(when the screenshot was taken, how that was known: 'exif', 'name' or 'file')."""
    found = exif_time(path)
    if found is not None:
        return found, "exif"
    found = name_time(path.name)
    if found is not None:
        return found, "name"
    return _dt.datetime.fromtimestamp(path.stat().st_mtime), "file"


def _natural(name: str) -> list[object]:
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", name)]


def order_screenshots(paths: list[Path]) -> list[Path]:
    """Pictures in the order they were taken (EXIF, else file-name time, else file time; the name breaks ties)."""
    return sorted(paths, key=lambda p: (capture_time(p)[0], _natural(p.name)))


def picture_files(folder: Path) -> list[Path]:
    """The picture files directly inside a folder (hidden files left out)."""
    return [p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in PICTURE_SUFFIXES and not p.name.startswith(".")]


@dataclass
class Screenshot:
    """A screenshot ready to become a step: its cleaned picture and where it came from."""

    path: Path
    image: Image.Image


def crop_bars(image: Image.Image) -> Image.Image:
    """The picture without the phone's status bar (top) and navigation bar (bottom), when it looks like a phone screen."""
    width, height = image.size
    if height < 1.5 * width:  # not a portrait phone screen: leave it whole
        return image
    top = round(height * STATUS_BAR)
    bottom = height - round(height * NAVIGATION_BAR)
    return image.crop((0, top, width, bottom))


def _signature(image: Image.Image) -> Image.Image:
    # The middle of the screen at 64 px wide, in colour: the clock in the status bar does not make two copies differ.
    width, height = image.size
    middle = image.crop((0, round(height * 0.06), width, round(height * 0.94)))
    return middle.convert("RGB").resize((64, max(8, round(64 * middle.height / max(middle.width, 1)))), Image.Resampling.BOX)


def _difference(a: Image.Image, b: Image.Image) -> int:
    """The largest difference of any channel of any pixel (255 when the shapes differ)."""
    if a.size != b.size:
        return 255
    return max(high for _, high in ImageChops.difference(a, b).getextrema())


def load_screenshots(
    paths: list[Path], crop: bool = False, progress: Progress | None = None
) -> tuple[list[Screenshot], list[tuple[Path, str]], int]:
    """Open, order, deduplicate (and crop) screenshots: (kept, [(file, why it was left out)], duplicates dropped)."""
    kept: list[Screenshot] = []
    skipped: list[tuple[Path, str]] = []
    signatures: list[Image.Image] = []
    duplicates = 0
    ordered = order_screenshots(paths)
    for index, path in enumerate(ordered):
        report(progress, index / max(len(ordered), 1))
        try:
            image = open_image(path)
        except MediaError as exc:
            skipped.append((path, str(exc.params.get("detail") or exc.code)))
            continue
        signature = _signature(image)
        if any(_difference(signature, seen) <= _SAME_PICTURE for seen in signatures):
            duplicates += 1
            continue
        signatures.append(signature)
        kept.append(Screenshot(path, crop_bars(image) if crop else image))
    return kept, skipped, duplicates


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def screenshot_steps(shots: list[Screenshot]) -> list[DraftStep]:
    """One draft step per screenshot; when the steps are written, detection proposes blurs and a title for each."""
    return [
        DraftStep(
            title="",
            paragraphs=[],
            pictures=[Picture(_png(shot.image), shot.path.name)],
            guess_title=True,
        )
        for shot in shots
    ]


def screenshots_into(
    guide_folder: Path, paths: list[Path], crop: bool = False, first_number: int = 1
) -> tuple[list[Step], list[str]]:
    """Steps for several screenshots added to an existing guide (the editor's "several screenshots at once").

    The pictures are ordered, deduplicated (and cropped), copied into the guide's images/ like a pasted
    picture, scanned for personal data, and given draft titles; returns the steps and the review lines.
    """
    shots, skipped, duplicates = load_screenshots(paths, crop)
    steps, notes = make_steps(screenshot_steps(shots), guide_folder, first_number)
    notes += [Note("review-bad-image", {"n": "-", "name": path.name, "detail": why}) for path, why in skipped]
    if duplicates:
        notes.append(Note("review-duplicates", {"count": duplicates}))
    return steps, [note.text() for note in notes]


class ScreenshotImporter(Importer):
    """A folder of screenshots, or picture files."""

    name = "screenshots"
    label = "Screenshots"
    suffixes = PICTURE_SUFFIXES
    folders = True

    def import_into(
        self, source: Path, library: Path, progress: Progress | None = None, options: ImportOptions | None = None
    ) -> list[Imported]:
        if not source.exists():
            raise ImportFailed(source, "not-found")
        paths = picture_files(source) if source.is_dir() else [source]
        return self.import_files(paths, library, progress, options, source)

    def import_files(
        self,
        paths: list[Path],
        library: Path,
        progress: Progress | None = None,
        options: ImportOptions | None = None,
        source: Path | None = None,
    ) -> list[Imported]:
        """One draft from several picture files (what the dialog gives when several are chosen)."""
        options = options or ImportOptions()
        source = source or (paths[0].parent if paths else Path("."))
        if not paths:
            raise ImportFailed(source, "no-images")
        if len(paths) > MAX_SCREENSHOTS:
            raise ImportFailed(source, "too-many-pictures", count=len(paths), limit=MAX_SCREENSHOTS)
        shots, skipped, duplicates = load_screenshots(paths, options.crop_bars, scaled(progress, 0.0, 0.4))
        if not shots:
            first = skipped[0] if skipped else (source, "")
            raise ImportFailed(first[0], "no-images" if not skipped else "unreadable", detail=first[1])
        steps = screenshot_steps(shots)
        notes: list[Note] = []
        for path, why in skipped:
            notes.append(Note("review-bad-image", {"n": "-", "name": path.name, "detail": why}))
        if duplicates:
            notes.append(Note("review-duplicates", {"count": duplicates}))
        title = source.name if source.is_dir() else source.stem
        draft = Draft(title=title.replace("_", " "), steps=steps, notes=notes)
        return write_drafts([draft], library, source, scaled(progress, 0.4, 1.0))
