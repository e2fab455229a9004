"""What decides a rebuild: a content hash per guide x output, kept in a build-state file in the out folder.

The hash of one output covers guide.md's bytes, the library glossary, every file the guide uses (images, narration, music),
the theme file, the exporter's name, version, options and code, the render layer and resources, and
the tool version. An output whose hash is unchanged and whose files all exist is not built again.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, field, is_dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from trainer import __version__
from trainer.exporters.base import option_values
from trainer.model import Guide
from trainer.store import GUIDE_FILE
from trainer.store.atomic import atomic_write_bytes
from trainer.store.glossary import GLOSSARY_FILE, glossary_file
from trainer.store.media import MediaError, resolve_inside

STATE_FILE = ".trainer-build.json"
# Work exporters keep between publishes (encoded clip scenes), per guide: `<out>/.trainer-cache/<slug>/`.
# Not part of any kit; deleting it only makes the next publish slower.
CACHE_DIR = ".trainer-cache"
STATE_VERSION = 1


def _feed_file(digest: Any, label: str, path: Path | None) -> None:
    digest.update(f"\0{label}\0".encode())
    if path is None or not path.is_file():
        digest.update(b"<missing>")
        return
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)


def guide_inputs(guide: Guide) -> list[tuple[str, Path | None]]:
    """(name, path) of guide.md, the library glossary and every file the guide refers to; path None when it is missing or outside."""
    assert guide.folder is not None
    inputs: list[tuple[str, Path | None]] = [(GUIDE_FILE, guide.folder / GUIDE_FILE)]
    # The handout, web page and slides explain the glossary terms the guide uses.
    inputs.append((f"../{GLOSSARY_FILE}", glossary_file(guide.folder.parent)))
    for relative in [s.image for s in guide.steps] + [s.narration for s in guide.steps] + [guide.music]:
        if relative:
            try:
                inputs.append((relative, resolve_inside(guide.folder, relative)))
            except MediaError:
                inputs.append((relative, None))
    return inputs


def guide_hash(guide: Guide) -> str:
    """SHA-256 over guide.md and every file it uses (names included, so a renamed image counts)."""
    digest = hashlib.sha256()
    for name, path in guide_inputs(guide):
        _feed_file(digest, name, path)
    return digest.hexdigest()


def theme_file(theme: str) -> Path | None:
    """The file a theme name or path stands for (built-in themes live in the package)."""
    candidate = Path(theme)
    if candidate.suffix == ".toml" or "/" in theme or "\\" in theme:
        return candidate
    resource = resources.files("trainer") / "resources" / "themes" / f"{theme}.toml"
    return Path(str(resource)) if resource.is_file() else None


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the tool version and the code and resources every output depends on (model, store, render, exporters, resources)."""
    digest = hashlib.sha256(f"trainer {__version__}".encode())
    root = Path(str(resources.files("trainer")))
    for part in ("model.py", "search.py", "terms.py", "store", "render", "exporters", "resources"):
        base = root / part
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            _feed_file(digest, path.relative_to(root).as_posix(), path)
    return digest.hexdigest()


def output_hash(guide_digest: str, theme: str, fmt: str, exporter_version: str, options: Any) -> str:
    """The content hash of one guide x output: inputs, theme, exporter name/version/options, code, tool."""
    digest = hashlib.sha256()
    digest.update(guide_digest.encode())
    _feed_file(digest, "theme", theme_file(theme))
    options_text = json.dumps(option_values(options) if is_dataclass(options) else options, sort_keys=True, default=str)
    digest.update(f"\0{fmt}\0{exporter_version}\0{options_text}\0{code_fingerprint()}".encode())
    return digest.hexdigest()


@dataclass
class BuildState:
    """The build-state file: per guide, per output key, the hash it was built from and the files it wrote."""

    outputs: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    kits: dict[str, str] = field(default_factory=dict)
    index: str = ""

    @classmethod
    def load(cls, out_dir: Path) -> BuildState:
        """The state left by the last publish into out_dir (empty when there is none or it is unreadable)."""
        try:
            data = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            return cls()
        return cls(outputs=data.get("outputs") or {}, kits=data.get("kits") or {}, index=data.get("index") or "")

    def save(self, out_dir: Path) -> None:
        """Write the state atomically (a crash mid-publish leaves the previous state, so work is redone, never lost)."""
        data = {"version": STATE_VERSION, "tool": __version__, "outputs": self.outputs, "kits": self.kits, "index": self.index}
        atomic_write_bytes(out_dir / STATE_FILE, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8"))

    def is_current(self, out_dir: Path, slug: str, key: str, digest: str) -> bool:
        """True when this output was built from the same hash and every file it wrote is still there."""
        entry = self.outputs.get(slug, {}).get(key)
        if not entry or entry.get("hash") != digest:
            return False
        files = entry.get("files") or []
        return bool(files) and all((out_dir / slug / name).is_file() for name in files)

    def record(self, slug: str, key: str, digest: str, files: list[str], seconds: float) -> None:
        """Remember a finished output."""
        self.outputs.setdefault(slug, {})[key] = {"hash": digest, "files": files, "seconds": round(seconds, 3)}

    def forget(self, slug: str, key: str) -> None:
        """Drop an output (it failed: the next publish must build it)."""
        self.outputs.get(slug, {}).pop(key, None)
        self.kits.pop(slug, None)
