"""Focus mode (F11): full screen with only the text and a slim progress line; Esc restores."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from reader.ui import settings as keys
from reader.ui.focus_mode import focus_mode
from reader.ui.main_window import MainWindow

from .conftest import MakeWindow
from .helpers import pane_of


def _chrome(window: MainWindow) -> dict[str, QWidget]:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert isinstance(toolbar, QToolBar)
    return {
        "menu": window.menuBar(),
        "toolbar": toolbar,
        "status": window.statusBar(),
        "side": window.side,
        "tabs": window.tabs.tabBar(),
    }


def _visible(window: MainWindow) -> dict[str, bool]:
    return {name: w.isVisible() for name, w in _chrome(window).items()}


def _progress(window: MainWindow) -> QProgressBar:
    bar = window.findChild(QProgressBar, "focusProgress")
    assert isinstance(bar, QProgressBar)
    return bar


@pytest.fixture
def second_article(tmp_path: Path, sample_path: Path) -> Path:
    """A second article, so the tab bar is shown."""
    path = tmp_path / "second.txt"
    path.write_bytes(sample_path.read_bytes())
    return path


def test_f11_shows_only_the_text_and_esc_restores_everything(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, second_article: Path
) -> None:
    window = make([sample_path, second_article])
    pane = pane_of(window)
    window.splitter.setSizes([250, 530])
    before = _visible(window)
    assert all(before.values())  # two articles: the tab bar shows too
    geometry, state = window.geometry(), window.windowState()
    sizes = window.splitter.sizes()

    qtbot.keyClick(pane, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert not any(_visible(window).values())
    assert window.actions_by_name["focus_mode"].isChecked()
    progress = _progress(window)
    assert progress.isVisible() and progress.height() <= 6
    screen = window.screen().geometry()
    qtbot.waitUntil(lambda: window.geometry() == screen)
    # The text, edge to edge, above the progress line.
    assert pane.width() >= screen.width() - 2
    assert pane.height() + progress.height() >= screen.height() - 2
    assert pane.hasFocus()

    qtbot.keyClick(pane, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert _visible(window) == before
    assert not progress.isVisible()
    assert window.windowState() == state
    qtbot.waitUntil(lambda: window.geometry() == geometry)
    assert window.splitter.sizes() == sizes
    assert not window.actions_by_name["focus_mode"].isChecked()


def test_f11_also_leaves_and_hidden_chrome_stays_hidden(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])  # one article: the tab bar is hidden already
    pane = pane_of(window)
    before = _visible(window)
    assert before["tabs"] is False
    qtbot.keyClick(pane, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(pane, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert _visible(window) == before


def test_the_progress_line_follows_the_scroll(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    window.toggle_focus_mode()
    qtbot.waitUntil(window.isFullScreen)
    progress = _progress(window)
    start = progress.value()
    assert 0 < start < progress.maximum() // 2  # the first screenful of the article
    for _ in range(3):
        window.next_section()
    assert progress.value() > start
    qtbot.keyClick(pane, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert progress.value() == progress.maximum()
    qtbot.keyClick(pane, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert progress.value() == start


def test_closing_in_focus_mode_saves_the_normal_geometry(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    normal = window.geometry()
    window.toggle_focus_mode()
    qtbot.waitUntil(window.isFullScreen)
    assert focus_mode(window).active
    window.close()
    assert not focus_mode(window).active
    assert not window.isFullScreen()
    assert window.settings.get(keys.GEOMETRY)
    assert window.geometry().size() == normal.size()


def test_a_maximized_window_comes_back_maximized(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    window.toggle_focus_mode()
    qtbot.waitUntil(window.isFullScreen)
    window.toggle_focus_mode()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.isMaximized()
    assert window.menuBar().isVisible() and window.side.isVisible()


def test_an_article_opened_in_focus_mode_keeps_the_tab_bar_hidden(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, second_article: Path
) -> None:
    window = make([sample_path])
    window.toggle_focus_mode()
    qtbot.waitUntil(window.isFullScreen)
    window.open_file(second_article)
    assert not window.tabs.tabBar().isVisible()
    assert window.current_pane() is not None and window.current_pane().isVisible()
    window.toggle_focus_mode()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.tabs.tabBar().isVisible()  # two articles now
