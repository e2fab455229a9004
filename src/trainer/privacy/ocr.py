"""Text recognition with RapidOCR's ONNX models, which ship inside the `rapidocr` wheel.

The models are given by path so the engine never reaches for the network: a missing model file is a
ScanError, not a download. The Chinese/English models read Vietnamese letters but often drop or
change the accents, so the rules match labels accent-blind and let accented vowels go missing.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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
# ONNX Runtime threads per model. Two is what a 2-core machine has; on a bigger one more threads buy little on
# these small models and take cores from the window and the exports running beside the scan.
THREADS = 2
_lock = threading.Lock()
_engine: Any = None


@contextmanager
def _threads_that_sleep() -> Iterator[None]:
    """While RapidOCR builds its ONNX Runtime sessions, have their threads sleep when out of work.

    By default ONNX Runtime's threads spin while they wait for work: on a machine that is busy with anything
    else that spinning is CPU time taken from everything (measured on the 1080x2340 screenshot of
    bench/privacy.py at load 13 on 2 cores: 2.8 s CPU and 9.5 s wall with spinning, 2.0 s and 5.4 s without).
    RapidOCR does not pass session config entries through, so its option builder is wrapped for the
    duration of the build only; a RapidOCR without that builder just keeps the defaults.
    """
    try:
        from rapidocr.inference_engine.onnxruntime.main import OrtInferSession
    except Exception:  # another layout of the package: defaults, still correct
        yield
        return
    original = OrtInferSession.__dict__.get("_init_sess_opts")
    if not isinstance(original, staticmethod):
        yield
        return

    def build(cfg: Any) -> Any:
        options = original.__func__(cfg)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return options

    OrtInferSession._init_sess_opts = staticmethod(build)
    try:
        yield
    finally:
        OrtInferSession._init_sess_opts = original


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
            "EngineConfig.onnxruntime.intra_op_num_threads": min(THREADS, os.cpu_count() or 1),
        }
        folder = resources.files(rapidocr) / "models"
        for key, name in _MODELS.items():
            model = folder / name
            if not model.is_file():
                raise ScanError(f"text recognition model {name} is missing from the installation")
            params[key] = str(model)
        try:
            with _threads_that_sleep():
                engine = RapidOCR(params=params)
                # RapidOCR builds its sessions on first use; build them now, with these options, and so that a
                # model that cannot load is said here, once, rather than in the middle of a scan.
                for build in ("_load_det_model", "_load_rec_model"):
                    getattr(engine, build, lambda: None)()
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
