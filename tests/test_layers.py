"""The layer rule: model and store import no Qt; render no QtWidgets; only ui uses widgets."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "trainer"

# layer (module prefix) -> import prefixes it must not use anywhere in its files
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "trainer.model": ("PySide6", "trainer.store", "trainer.render", "trainer.exporters", "trainer.ui", "trainer.cli"),
    "trainer.store": ("PySide6", "trainer.render", "trainer.exporters", "trainer.ui", "trainer.cli"),
    "trainer.check": ("PySide6", "trainer.render", "trainer.exporters", "trainer.ui", "trainer.cli"),
    "trainer.render": ("PySide6.QtWidgets", "PySide6.QtPrintSupport", "trainer.exporters", "trainer.ui", "trainer.cli"),
    "trainer.exporters": ("PySide6.QtWidgets", "trainer.ui", "trainer.cli"),
    "trainer.presenter": ("PySide6", "trainer.ui"),
    # Starting programs sits below everything that starts one (exporters, importers, narration).
    "trainer.processes": (
        "PySide6",
        "trainer.store",
        "trainer.render",
        "trainer.exporters",
        "trainer.importers",
        "trainer.ui",
        "trainer.cli",
    ),
    "trainer.narration": ("PySide6", "trainer.ui", "trainer.cli"),
    "trainer.search": ("PySide6", "trainer.render", "trainer.exporters", "trainer.ui"),
    "trainer.terms": ("PySide6", "trainer.render", "trainer.exporters", "trainer.ui", "trainer.cli"),
    "trainer.library": ("PySide6", "trainer.render", "trainer.exporters", "trainer.ui"),
    "trainer.publish": ("PySide6.QtWidgets", "trainer.ui", "trainer.cli"),
    "trainer.links": (
        "PySide6",
        "trainer.store",
        "trainer.render",
        "trainer.exporters",
        "trainer.publish",
        "trainer.ui",
        "trainer.cli",
    ),
    # Looking at pictures is Qt-free analysis that check, exporters, publish and the editor all ask.
    "trainer.privacy": (
        "PySide6",
        "trainer.check",
        "trainer.render",
        "trainer.exporters",
        "trainer.publish",
        "trainer.ui",
        "trainer.cli",
    ),
    # Importers read documents and pictures without Qt (the editor calls screenshots.py from its widgets);
    # only the fit measurement reaches Qt, through trainer.render.
    "trainer.importers": ("PySide6", "trainer.ui", "trainer.cli"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, wherever the import statement stands (also inside functions)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def violations(files: list[Path]) -> list[str]:
    bad: list[str] = []
    for path in files:
        name = module_name(path)
        for layer, forbidden in FORBIDDEN.items():
            if name != layer and not name.startswith(layer + "."):
                continue
            for line, imported in imports(path):
                where = f"{path.relative_to(SRC.parent)}:{line}"
                if any(imported == f or imported.startswith(f + ".") for f in forbidden) and not any(
                    b.startswith(where + ":") for b in bad
                ):
                    bad.append(f"{where}: {name} imports {imported}")
    return bad


def test_source_tree_respects_layers() -> None:
    files = sorted(SRC.rglob("*.py"))
    assert files, "no source files found"
    assert violations(files) == []


@pytest.mark.parametrize(
    ("relative", "source"),
    [
        ("model.py", "from PySide6.QtGui import QImage\n"),
        ("store/x.py", "def f():\n    import PySide6.QtCore\n"),
        ("render/x.py", "from PySide6 import QtWidgets\n"),
        ("render/y.py", "from PySide6.QtWidgets import QWidget\n"),
        ("exporters/x.py", "import trainer.ui.app\n"),
    ],
)
def test_rule_catches_a_forbidden_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: str, source: str) -> None:
    fake = tmp_path / "trainer" / relative
    fake.parent.mkdir(parents=True, exist_ok=True)
    fake.write_text(source, encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "SRC", tmp_path / "trainer")
    assert len(violations([fake])) == 1
