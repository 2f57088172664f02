"""Qari (قارئ): a desktop reader for Arabic articles.

``reader.__version__`` is read from the installed package's metadata on first use, not at
import: ``importlib.metadata`` costs ~25 ms (it pulls in the email parser), which every start
of the window would otherwise pay.
"""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("qari")
        except PackageNotFoundError:  # running from a source tree that was not installed
            value = "unknown"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
