"""PyInstaller hook for the trainer package: every submodule, since exporters and UI parts load by name."""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("trainer")
