"""Kit import moved to trainer.importers.kit (one importer among the others); these names stay for callers."""

from __future__ import annotations

from trainer.importers.kit import KitResult, LocalNewer, check_entries, import_kit, safe_member_path

Imported = KitResult

__all__ = ["Imported", "KitResult", "LocalNewer", "check_entries", "import_kit", "safe_member_path"]
