"""Qari's window for tests and embedding: :func:`make_window` builds it as ``qari`` does.

A thin public face of :mod:`reader.ui.app`, which does the work. Importing this module (or
``reader``) loads no Qt; each function imports the window code on its first call.

    from PySide6.QtWidgets import QApplication
    from reader.app import make_window

    app = QApplication([])
    window = make_window(["article.txt"])  # built, not shown
    window.show()
    app.exec()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from pathlib import Path
    from types import SimpleNamespace

    from PySide6.QtWidgets import QMainWindow

    from reader.ui.settings import Settings

__all__ = ["make_window", "run_app"]


def make_window(
    paths: list[str | Path] | None = None,
    *,
    settings: Settings | None = None,
    settings_path: str | Path | None = None,
    lang: str | None = None,
    persist: bool = True,
) -> QMainWindow:
    """Build the reader window exactly as the ``qari`` command does, without showing it.

    ``paths`` are opened as tabs (none: what was open last time, or the sample article on
    the first run). Settings come from ``settings``, else the INI file ``settings_path``,
    else the user's own; ``persist=False`` writes nothing back. A QApplication must exist.
    The window is a :class:`reader.ui.main_window.MainWindow`.
    """
    from reader.ui.app import make_window as build

    return build(paths, settings=settings, settings_path=settings_path, lang=lang,
                 persist=persist)


def run_app(ns: argparse.Namespace | SimpleNamespace) -> int:
    """What ``qari [FILE ...]`` runs once its arguments are parsed (see :mod:`reader.cli`)."""
    from reader.ui.app import run_app as run

    return run(ns)
