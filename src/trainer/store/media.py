"""Images and audio that belong to a guide: safe paths, sanity checks and clean import."""

from __future__ import annotations

import hashlib
import io
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
        raise MediaError("missing", value=relative)
    return candidate


def inspect_image(path: Path) -> tuple[int, int]:
    """Return (width, height) of a real, sane image file or raise MediaError."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                width, height = img.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise MediaError(
                        "too-large", value=path.name, width=width, height=height, limit=MAX_IMAGE_PIXELS // 1_000_000
                    )
                img.verify()
    except MediaError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise MediaError("too-large", value=path.name, width="?", height="?", limit=MAX_IMAGE_PIXELS // 1_000_000) from None
    except UnidentifiedImageError:
        raise MediaError("unreadable", value=path.name, detail="not an image") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise MediaError("unreadable", value=path.name, detail=str(exc) or type(exc).__name__) from None
    return width, height


def open_image(path: Path) -> Image.Image:
    """Open a checked image, upright (EXIF orientation applied), in RGB or RGBA, fully loaded."""
    inspect_image(path)
    try:
        with Image.open(path) as img:
            upright = ImageOps.exif_transpose(img)
            upright.load()
    except (OSError, ValueError) as exc:
        raise MediaError("unreadable", value=path.name, detail=str(exc) or type(exc).__name__) from None
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
    if isinstance(source, bytes):
        data = source
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(data)) as img:
                    w, h = img.size
                    if w * h > MAX_IMAGE_PIXELS:
                        raise MediaError("too-large", value="clipboard", width=w, height=h, limit=MAX_IMAGE_PIXELS // 1_000_000)
                    upright = ImageOps.exif_transpose(img)
                    upright.load()
        except MediaError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise MediaError("too-large", value="clipboard", width="?", height="?", limit=MAX_IMAGE_PIXELS // 1_000_000) from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise MediaError("unreadable", value="clipboard", detail="not an image") from None
        mode = "RGBA" if upright.mode in ("RGBA", "LA") else "RGB"
        img = upright.convert(mode)
    else:
        img = open_image(Path(source))
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
        raise MediaError("unreadable", value=path.name, detail="audio must be " + "/".join(AUDIO_SUFFIXES))
