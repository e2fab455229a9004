"""Looking at pictures: personal data in step images, found offline, and what the gate lets out.

Qt-free. check, the exporters, publish and the editor all ask this package; none re-implements a rule.

Boxes are RELATIVE to the upright image, (x0, y0, x1, y1) in 0..1, the convention of model.Annotation.

- ``TextLine(text, box, confidence)``: one line of text read from an image.
- ``Finding(kind, box, text)``: a region holding personal data; ``kind`` is a key of ``KINDS``
  (id-number, old-id, phone, birth-date, name, bank-account, card-number, insurance-code, otp,
  qr-code, barcode, face); ``finding.label("vi"|"en")`` names it for people.
- ``read_text(path) -> list[TextLine]``: text recognition (RapidOCR ONNX models inside the wheel).
- ``scan(path) -> list[Finding]``: text rules (rules.py, scanner.py) + QR codes/barcodes (zxing-cpp) + faces
  (OpenCV Haar cascade). Raises ``ScanError`` (one plain line) when detection cannot run: such an
  image is NOT clean, it is unchecked.
- ``proposed_marks(path) -> list[Annotation]``: ``blur`` marks over every finding, for the editor and
  importers to propose (accepted, moved or rejected by a person; a rejection is saved as ``keep``).
- ``uncovered(guide, step) -> list[Finding]``: findings no blur covers and no ``keep`` mark accepts.
- ``guide_problems(guide) -> list[Problem]``: the gate's errors (``personal-data``,
  ``personal-data-unchecked``) pointed at the image's line in guide.md; ``step_problems(guide, step, found)``
  the same for one step from findings already in hand (the editor scans in a worker, then asks this).

Results are cached by the image's SHA-256 in the user's cache folder (cache.py; TRAINER_CACHE_DIR
moves it), so checking a library again costs almost nothing. Engines load on first use, so
importing this package is cheap.
"""

from __future__ import annotations

from trainer.privacy.findings import KINDS, Finding, ScanError, TextLine
from trainer.privacy.gate import guide_problems, is_hidden, step_problems, uncovered
from trainer.privacy.scanner import proposed_marks, read_text, scan

__all__ = [
    "KINDS",
    "Finding",
    "ScanError",
    "TextLine",
    "guide_problems",
    "is_hidden",
    "proposed_marks",
    "read_text",
    "scan",
    "step_problems",
    "uncovered",
]
