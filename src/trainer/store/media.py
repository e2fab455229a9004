"""Images and audio that belong to a guide: safe paths, sanity checks and clean import."""

from __future__ import annotations

import hashlib
import io
import os
import unicodedata
import warnings
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from trainer.store.atomic import atomic_write_bytes

# A phone screenshot is ~3 MP; 40 MP leaves room for camera photos and stops decompression bombs.
MAX_IMAGE_PIXELS = 40_000_000
# Longest side kept on import: sharp on a 1080-wide card and on A4 at 200 dpi, small on disk.
IMPORT_MAX_SIDE = 1600
AUDIO_SUFFIXES = (".wav", ".mp3", ".m4a", ".ogg")


class MediaError(Exception):
    """An image or audio file that cannot be used: str() says why in plain words."""

    def __init__(self, code: str, **params: object):
        super().__init__(code)
        self.code = code
        self.params = params


def resolve_inside(folder: Path, relative: str) -> Path:
    """Resolve `relative` under `folder`, refusing absolute paths, '..' and links that lead out."""
    if not relative or Path(relative).is_absolute() or relative.startswith(("/", "\\")) or ":" in relative:
        raise MediaError("outside", value=relative)
    base = folder.resolve()
    candidate = (folder / relative).resolve()
    if candidate != base and base not in candidate.parents:
        raise MediaError("outside", value=relative)
    if not candidate.exists():
        candidate = _any_normal_form(base, relative) or candidate
        if not candidate.exists():
            raise MediaError("missing", value=relative)
    return candidate


def _any_normal_form(base: Path, relative: str) -> Path | None:
    """The file `relative` names under `base` when its name on disk is in the other Unicode form.

    "ả" is one code point in NFC (what Windows keyboards type) and two in NFD (what macOS writes file
    names in); ext4 and NTFS keep names byte for byte, so a guide typed on one machine with pictures
    copied from another names them differently. Each part is matched by its NFC form.
    """
    folder = base
    for part in Path(relative).parts:
        wanted = unicodedata.normalize("NFC", part)
        try:
            names = [e.name for e in os.scandir(folder)]
        except OSError:
            return None
        match = next((n for n in names if unicodedata.normalize("NFC", n) == wanted), None)
        if match is None:
            return None
        folder = folder / match
    found = folder.resolve()
    return found if base in found.parents else None


def _checked(source: Path | bytes, name: str, upright: bool) -> tuple[tuple[int, int], Image.Image | None]:
    """Open a file or in-memory image with the size limit enforced before any pixel is decoded.

    upright=False verifies the file's structure and returns no image; upright=True decodes it with
    the EXIF orientation applied. Every failure is a MediaError naming `name`.
    """
    limit = MAX_IMAGE_PIXELS // 1_000_000
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(source) if isinstance(source, bytes) else source) as img:
                width, height = img.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise MediaError("too-large", value=name, width=width, height=height, limit=limit)
                if not upright:
                    img.verify()
                    return (width, height), None
                turned = ImageOps.exif_transpose(img)
                turned.load()
                return (width, height), turned
    except MediaError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise MediaError("too-large", value=name, width="?", height="?", limit=limit) from None
    except UnidentifiedImageError:
        raise MediaError("unreadable", value=name, detail="not an image") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise MediaError("unreadable", value=name, detail=str(exc) or type(exc).__name__) from None


def inspect_image(path: Path) -> tuple[int, int]:
    """Return (width, height) of a real, sane image file or raise MediaError."""
    return _checked(path, path.name, upright=False)[0]


def open_image(source: Path | bytes, name: str | None = None) -> Image.Image:
    """Open a checked image (a file, or bytes such as a pasted screenshot), upright, in RGB or RGBA, fully loaded."""
    if isinstance(source, Path):
        name = name or source.name
        inspect_image(source)
    _, upright = _checked(source, name or "clipboard", upright=True)
    assert upright is not None
    has_alpha = upright.mode in ("RGBA", "LA") or "transparency" in upright.info
    return upright.convert("RGBA" if has_alpha else "RGB")


def clean_image_bytes(img: Image.Image, max_side: int = IMPORT_MAX_SIDE) -> bytes:
    """PNG bytes of an image downscaled to `max_side`, with every piece of metadata (EXIF, GPS) dropped."""
    img = img.copy()
    img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    # A fresh image carries pixels only: no EXIF, no GPS, no text chunks, no ICC profile.
    bare = Image.new(img.mode, img.size)
    bare.frombytes(img.tobytes())
    out = io.BytesIO()
    bare.save(out, format="PNG", optimize=True)
    return out.getvalue()


def import_image(source: Path | bytes, guide_folder: Path, stem: str = "image") -> str:
    """Copy an image into `guide_folder/images/` upright, downscaled and stripped of metadata.

    Returns the path relative to the guide folder. The name carries a content hash so pasting
    the same screenshot twice reuses one file.
    """
    img = open_image(source if isinstance(source, bytes) else Path(source))
    png = clean_image_bytes(img)
    digest = hashlib.sha256(png).hexdigest()[:10]
    relative = f"images/{stem}-{digest}.png"
    target = guide_folder / relative
    if not target.exists():
        atomic_write_bytes(target, png)
    return relative


def check_audio(path: Path) -> None:
    """Raise MediaError unless `path` has a known audio suffix (decoding is checked by the clip exporter)."""
    if path.suffix.lower() not in AUDIO_SUFFIXES:
        raise MediaError("unsupported", value=path.name, suffixes="/".join(AUDIO_SUFFIXES))
