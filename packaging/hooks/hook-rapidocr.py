"""PyInstaller hook for RapidOCR: its ONNX models and yaml configs, and the onnxruntime engine it loads by name.

Only the onnxruntime engine is used (trainer.privacy.ocr); the torch, paddle, openvino, mnn and tensorrt
engines are left out with their (absent) libraries.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

ENGINES_UNUSED = (".mnn", ".openvino", ".paddle", ".pytorch", ".tensorrt")

datas = collect_data_files("rapidocr", excludes=["**/__pycache__/**"])
hiddenimports = collect_submodules("rapidocr", filter=lambda name: not any(e in name for e in ENGINES_UNUSED))
