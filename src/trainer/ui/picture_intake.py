"""Pictures coming into a step: which files count as pictures, what the clipboard holds, errors in plain words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMimeData
from PySide6.QtGui import QImage

from trainer.store.media import MediaError

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff")
_CLIPBOARD_FORMATS = ("image/png", "image/jpeg", "image/bmp", "image/gif", "image/webp")


def is_picture_file(path: str | Path) -> bool:
    """True for a file name with a picture suffix Trainer can import."""
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def file_dialog_filter() -> str:
    """The picture filter for QFileDialog."""
    return QCoreApplication.translate("PictureIntake", "Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff)")


def media_message(exc: MediaError) -> str:
    """A MediaError in plain words for a message box."""
    value, params = str(exc.params.get("value", "")), exc.params
    if exc.code == "too-large":
        return (
            QCoreApplication.translate("PictureIntake", "The image %1 is too large (%2 x %3 pixels, at most %4 megapixels).")
            .replace("%1", value)
            .replace("%2", str(params.get("width")))
            .replace("%3", str(params.get("height")))
            .replace("%4", str(params.get("limit")))
        )
    if exc.code == "unreadable":
        return (
            QCoreApplication.translate("PictureIntake", "The image %1 cannot be read: %2. Choose a PNG or JPEG picture.")
            .replace("%1", value)
            .replace("%2", str(params.get("detail", "")))
        )
    if exc.code == "missing":
        return QCoreApplication.translate("PictureIntake", "The file %1 was not found.").replace("%1", value)
    return QCoreApplication.translate("PictureIntake", "The image %1 cannot be used.").replace("%1", value)


def png_bytes(image: QImage) -> bytes:
    """A QImage encoded as PNG bytes."""
    png = QByteArray()  # kept in a name: the buffer writes into it and must not outlive it
    buffer = QBuffer(png)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(png.data())


def clipboard_picture(data: QMimeData | None) -> Path | bytes | None:
    """The picture on the clipboard: encoded bytes (a screenshot), a copied file's path, or None.

    ValueError when the clipboard holds an image Qt cannot read.
    """
    if data is None:
        return None
    for fmt in _CLIPBOARD_FORMATS:
        if data.hasFormat(fmt):
            return bytes(data.data(fmt).data())
    if data.hasImage():
        image = QImage(data.imageData())
        if image.isNull():
            raise ValueError("unreadable clipboard image")
        return png_bytes(image)
    for url in data.urls():
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None
