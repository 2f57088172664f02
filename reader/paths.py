"""Where the shipped articles and resources are, in a source tree and in an installed wheel.

In the source tree they sit at the top (``articles/``, ``resources/``); the wheel installs
them as the data packages ``reader/articles`` and ``reader/resources`` (pyproject.toml maps
them). Code asks here instead of building paths itself.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
SAMPLE_NAME = "iraq-syria-border-security.txt"


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


@cache
def articles_dir() -> Path:
    """Folder of the sample articles shipped with Qari."""
    return _data_dir("articles")


@cache
def resources_dir() -> Path:
    """Folder of icons, translations and other resources."""
    return _data_dir("resources")


def sample_article() -> Path:
    """The sample article opened on first run."""
    return articles_dir() / SAMPLE_NAME


def icon_path(size: int | None = None) -> Path:
    """The app icon: the SVG, or the PNG of a given pixel size."""
    icons = resources_dir() / "icons"
    return icons / ("qari.svg" if size is None else f"qari-{size}.png")
