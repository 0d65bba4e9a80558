"""The installed distribution's version, read once from its metadata."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__"]

try:
    __version__: str = version("turkeysms")
except PackageNotFoundError:  # pragma: no cover - a bare source tree that was never installed
    __version__ = "0+unknown"
