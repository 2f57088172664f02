"""Keyboard only: open an article, move between its sections, export it as PDF.

Every key goes to whichever widget has the focus, as it would for a user without a mouse;
only the two file dialogs are answered by the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from .conftest import MakeWindow
from .helpers import heading_top, pane_of

TOLERANCE = 3  # pixels
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE,
           times: int = 1) -> QWidget:
    """Press ``key`` where the focus is; returns that widget."""
    for _ in range(times):
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        qtbot.keyClick(target, key, modifier)
    focus = QApplication.focusWidget()
    assert focus is not None
    return focus


def test_open_move_between_sections_and_export_with_the_keyboard_alone(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make([sample_path])
    assert QApplication.focusWidget() is pane_of(window)  # the text has the focus at start
    _press(qtbot, Qt.Key.Key_W, CTRL)  # File > Close Article
    assert window.current_pane() is None

    asked: list[str] = []

    def open_names(*args: object, **kwargs: object) -> tuple[list[str], str]:
        asked.append("open")
        return [str(sample_path)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_names)
    _press(qtbot, Qt.Key.Key_O, CTRL)  # File > Open…
    assert asked == ["open"]
    pane = pane_of(window)
    assert QApplication.focusWidget() is pane  # reading can start at once

    assert _press(qtbot, Qt.Key.Key_F6) is window.tree  # to the section tree
    ids = pane.section_ids()
    _press(qtbot, Qt.Key.Key_Down, times=3)  # the title, then the third section
    assert window.selected_section() == ids[2]
    _press(qtbot, Qt.Key.Key_Return)
    bar = pane.verticalScrollBar()
    assert abs(heading_top(pane, ids[2]) - bar.value()) <= TOLERANCE  # heading at the top
    assert window.section_label.text() == "القسم ٣ من ٨"

    assert _press(qtbot, Qt.Key.Key_F6) is pane  # back to the text
    _press(qtbot, Qt.Key.Key_PageDown, CTRL)  # View > Next Section
    assert abs(heading_top(pane, ids[3]) - bar.value()) <= TOLERANCE
    assert window.selected_section() == ids[3]
    assert window.section_label.text() == "القسم ٤ من ٨"
    assert "القسم ٤ من ٨" in pane.accessibleDescription()

    out = tmp_path / "article.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(out), ""))
    _press(qtbot, Qt.Key.Key_E, CTRL_SHIFT)  # File > Export PDF…
    qtbot.waitUntil(lambda: str(out) in window.message_bar.label.text(), timeout=60_000)
    assert out.read_bytes().startswith(b"%PDF")
    assert out.stat().st_size > 10_000
