"""PyInstaller hook for pyvips: API mode through pyvips-binary's `_libvips` extension (libvips with mozjpeg)."""

hiddenimports = ["_libvips"]
