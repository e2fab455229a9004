"""Text recognition with RapidOCR's ONNX models, which ship inside the `rapidocr` wheel.

The models are given by path so the engine never reaches for the network: a missing model file is a
ScanError, not a download. The Chinese/English models read Vietnamese letters but often drop or
change the accents, so the rules match labels accent-blind and let accented vowels go missing.
"""

from __future__ import annotations

import logging
import threading
from importlib import resources
from typing import Any

import numpy as np

from trainer.privacy.findings import ScanError, TextLine, clamp_box

# Bumped when the engine or its settings change, so cached results from another engine are not reused.
ENGINE = "rapidocr-3/PP-OCRv6-small/det960-nocls"
_MODELS = {
    "Det.model_path": "PP-OCRv6_det_small.onnx",
    "Cls.model_path": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
    "Rec.model_path": "PP-OCRv6_rec_small.onnx",
}
_lock = threading.Lock()
_engine: Any = None


def _load() -> Any:
    global _engine
    with _lock:
        if _engine is not None:
            return _engine
        try:
            import rapidocr
            from rapidocr import RapidOCR
        except Exception as exc:  # ImportError, or a native library that fails to load
            raise ScanError(f"text recognition is not installed ({exc})") from None
        params: dict[str, Any] = {
            "Global.log_level": "error",
            # Screenshots are upright: the orientation classifier only costs time.
            "Global.use_cls": False,
            # Detect on at most 960 px on the long side (a 1080x2340 screenshot at 41 %): phone text stays
            # ~15 px high, enough to find, and detection costs ~2.5x less CPU than RapidOCR's default,
            # which scales every image UP to 736 px on its short side (bench/privacy.py).
            "Det.limit_type": "max",
            "Det.limit_side_len": 960,
        }
        folder = resources.files(rapidocr) / "models"
        for key, name in _MODELS.items():
            model = folder / name
            if not model.is_file():
                raise ScanError(f"text recognition model {name} is missing from the installation")
            params[key] = str(model)
        try:
            engine = RapidOCR(params=params)
        except Exception as exc:
            raise ScanError(f"text recognition failed to start ({exc})") from None
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        _engine = engine
        return engine


def recognize(rgb: np.ndarray) -> list[TextLine]:
    """Lines of text in an RGB image array (height x width x 3), boxes relative to the image."""
    engine = _load()
    height, width = rgb.shape[:2]
    try:
        # RapidOCR expects OpenCV's BGR order for arrays.
        result = engine(np.ascontiguousarray(rgb[:, :, ::-1]))
    except Exception as exc:
        raise ScanError(f"text recognition failed ({exc})") from None
    if result.boxes is None or result.txts is None:
        return []
    lines = []
    for polygon, text, score in zip(result.boxes, result.txts, result.scores, strict=False):
        xs = [float(p[0]) for p in polygon]
        ys = [float(p[1]) for p in polygon]
        box = clamp_box(min(xs) / width, min(ys) / height, max(xs) / width, max(ys) / height)
        lines.append(TextLine(str(text), box, round(float(score), 3)))
    lines.sort(key=lambda line: (line.box[1], line.box[0]))
    return lines
