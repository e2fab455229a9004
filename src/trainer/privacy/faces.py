"""Face photos (the portrait on an identity screen), found with OpenCV's frontal-face Haar cascade.

The cascade file ships inside the opencv-python-headless 4.x wheel (cv2.data), so nothing is downloaded.
Icons and cartoon faces in app screens are small; a portrait worth hiding is at least a few percent
of the screen's width, which keeps the detector from firing on emoji and avatars in lists.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from trainer.privacy.findings import ScanError, clamp_box

MIN_FACE = 0.08  # of the image's shorter side
_lock = threading.Lock()
_cascade: Any = None


def _load() -> Any:
    global _cascade
    with _lock:
        if _cascade is not None:
            return _cascade
        try:
            import cv2
        except Exception as exc:
            raise ScanError(f"face detection is not installed ({exc})") from None
        path = Path(cv2.data.haarcascades) / "haarcascade_frontalface_default.xml"
        cascade = cv2.CascadeClassifier(str(path))
        if not path.is_file() or cascade.empty():
            raise ScanError("face detection model is missing from the installation")
        _cascade = cascade
        return cascade


def find_faces(rgb: np.ndarray) -> list[tuple[float, float, float, float]]:
    """Relative boxes of faces large enough to be a person's portrait."""
    cascade = _load()
    import cv2

    height, width = rgb.shape[:2]
    gray = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY)
    # Detect on a copy at most 800 px on its long side: portraits stay large, the scan stays fast.
    scale = min(1.0, 800 / max(width, height))
    if scale < 1.0:
        gray = cv2.resize(gray, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA)
    side = max(24, round(min(gray.shape[:2]) * MIN_FACE))
    try:
        found = cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=6, minSize=(side, side))
    except Exception as exc:
        raise ScanError(f"face detection failed ({exc})") from None
    boxes = []
    for x, y, w, h in found if len(found) else []:
        # Grow the box from the inner face to the whole head and hair, the part that identifies a person.
        cx, cy = (x + w / 2) / scale, (y + h / 2) / scale
        half_w, half_h = 0.75 * w / scale, 0.95 * h / scale
        boxes.append(clamp_box((cx - half_w) / width, (cy - half_h) / height, (cx + half_w) / width, (cy + half_h) / height))
    return boxes
