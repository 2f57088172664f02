"""Fixtures for the window tests: windows built by make_window with settings in tmp_path, and
no modal message box (one would hang the run: it fails the test instead)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.ui.app import make_window
from reader.ui.main_window import MainWindow

from .helpers import show_window

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "qari.ini"


@pytest.fixture
def make(qtbot: QtBot, settings_path: Path) -> MakeWindow:
    """Build a window like ``qari`` does; shown and laid out unless show=False."""

    def build(paths: list[str | Path] | None = None, show: bool = True) -> MainWindow:
        window = make_window(paths or [], settings_path=settings_path)
        qtbot.addWidget(window)
        if show:
            show_window(qtbot, window)
        return window

    return build


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any modal message box would hang the test run: make it fail the test instead."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a modal QMessageBox was opened")

    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)
