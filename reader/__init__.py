"""Qari (قارئ): a desktop reader for Arabic articles.

``reader.__version__`` is computed on first use, not at import, and cheaply: the command line
asks for it at every start (for ``--version``), and ``importlib.metadata`` costs ~25 ms to
import (it pulls in the email parser). The installed distribution's ``METADATA`` file is read
directly, found on ``sys.path`` the way ``importlib.metadata`` finds it (the first
``qari-*.dist-info`` or ``qari*.egg-info``); anything unusual (a zip on the path, a file without
a version) falls back to ``importlib.metadata``.
"""

from __future__ import annotations

import os
import sys

__all__ = ["__version__"]

_DIST = "qari"


def _metadata_file(folder: str, name: str) -> str | None:
    """The metadata file of a ``*.dist-info`` / ``*.egg-info`` entry naming our distribution."""
    for suffix, inside in ((".dist-info", "METADATA"), (".egg-info", "PKG-INFO")):
        if name.endswith(suffix):
            project = name.removesuffix(suffix).split("-")[0]
            if project.lower().replace("-", "_").replace(".", "_") != _DIST:
                return None
            path = os.path.join(folder, name)
            return os.path.join(path, inside) if os.path.isdir(path) else path
    return None


def _installed_version() -> str | None:
    """``Version:`` of the first metadata of "qari" on sys.path, in importlib.metadata's order
    (None: not found, or unreadable)."""
    for entry in sys.path:
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            meta = _metadata_file(folder, name)
            if meta is None:
                continue
            try:
                with open(meta, encoding="utf-8") as f:
                    for line in f:
                        if line.startswith("Version:"):
                            return line.removeprefix("Version:").strip() or None
                        if not line.strip():  # end of the headers
                            break
            except OSError:
                pass
            return None
    return None


def _version() -> str:
    found = _installed_version()
    if found:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(_DIST)
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
