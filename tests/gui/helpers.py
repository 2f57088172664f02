"""Helpers shared by the window tests."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow
from reader.ui.reading_pane import ReadingPane

#: Fits the offscreen platform's 800x800 screen, so geometry is never clamped.
WINDOW_SIZE = (780, 640)


def show_window(qtbot: QtBot, window: MainWindow) -> None:
    """Show, expose and activate ``window`` at :data:`WINDOW_SIZE` (shortcuts need focus)."""
    window.resize(*WINDOW_SIZE)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitActive(window):
        window.activateWindow()


def pane_of(window: MainWindow) -> ReadingPane:
    pane = window.current_pane()
    assert pane is not None
    return pane


def heading_top(pane: ReadingPane, section_id: int) -> float:
    """The heading's document y measured afresh from Qt's layout (not the pane's cache)."""
    block = pane.heading_block(section_id)
    assert block is not None
    return pane.document().documentLayout().blockBoundingRect(block).top()


def text_at_top(pane: ReadingPane) -> str:
    """Text of the block at the top edge of the viewport."""
    cursor = pane.cursorForPosition(QPoint(pane.viewport().width() // 2, 4))
    return cursor.block().text()
