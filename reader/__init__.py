"""Qari (قارئ): a desktop reader for Arabic articles."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("qari")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "unknown"
