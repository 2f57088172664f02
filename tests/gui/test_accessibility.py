"""Accessibility: every control named and described in the UI language, a sensible tab order,
a focus that can be seen, the current section announced, Help > Keyboard Shortcuts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.ui.accessibility import accessible_name, is_control
from reader.ui.app import make_window
from reader.ui.main_window import MainWindow
from reader.ui.shortcuts_dialog import ShortcutsDialog
from reader.ui.themes import THEMES

from .helpers import heading_top, pane_of, show_window

TOLERANCE = 3  # pixels


def _arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" and c.isalpha() for c in text)


def _latin(text: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in text)


def _window(qtbot: QtBot, tmp_path: Path, sample: Path, lang: str) -> MainWindow:
    window = make_window([sample], settings_path=tmp_path / f"{lang}.ini", lang=lang)
    qtbot.addWidget(window)
    show_window(qtbot, window)
    # Controls without a name of their own are named once the first frame is on screen.
    hidden_button = window.findChild(QWidget, "messageClose")
    assert hidden_button is not None
    qtbot.waitUntil(lambda: bool(hidden_button.accessibleName()))
    return window


def _controls(root: QWidget) -> list[QWidget]:
    return [w for w in [root, *root.findChildren(QWidget)] if w.isVisible() and is_control(w)]


def _unnamed(root: QWidget, lang: str) -> list[str]:
    """Controls under ``root`` without a name in ``lang`` or without a description."""
    in_language = _arabic if lang == "ar" else _latin
    bad = []
    for widget in _controls(root):
        name = widget.accessibleName() or accessible_name(widget)
        if not name or not in_language(name) or not widget.accessibleDescription():
            bad.append(f"{type(widget).__name__} {widget.objectName()!r}: {name!r}")
    return bad


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_control_has_a_name_and_description_in_the_ui_language(
    qtbot: QtBot, tmp_path: Path, sample_path: Path, lang: str
) -> None:
    window = _window(qtbot, tmp_path, sample_path, lang)
    assert len(_controls(window)) >= 5  # tree, side tabs, pane, toolbar buttons …
    assert _unnamed(window, lang) == []
    window.message_bar.show_message("…")  # its close button
    window.show_find_bar()  # the find bar takes the focus
    qtbot.waitUntil(lambda: window.findChild(QWidget, "findBar") is not None)
    assert _unnamed(window, lang) == []
    window.show_library()  # the library tree takes the focus
    assert window.library.tree.isVisible()
    assert _unnamed(window, lang) == []
    window.show_shortcuts()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    assert _unnamed(dialog, lang) == []
    dialog.close()
    window.show_reading_settings()  # named when it takes the focus
    settings = window.findChild(QWidget, "readingSettingsDialog")
    assert settings is not None
    qtbot.waitUntil(lambda: _unnamed(settings, lang) == [])
    font = settings.findChild(QWidget, "rsFont")
    assert font is not None
    # named by its label (Qt on Linux reports a combo box's value as its name, the label
    # through a relation: the explicit name serves both)
    assert font.accessibleName() == ("الخط" if lang == "ar" else "Typeface")


def test_a_dialog_made_elsewhere_is_named_when_it_takes_the_focus(
    qtbot: QtBot, tmp_path: Path, sample_path: Path
) -> None:
    from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout

    window = _window(qtbot, tmp_path, sample_path, "ar")
    dialog = QDialog(window)
    dialog.setWindowTitle("إعداد")
    button = QPushButton("×", dialog)
    button.setToolTip("إغلاق الحوار")
    QVBoxLayout(dialog).addWidget(button)
    dialog.show()
    qtbot.waitExposed(dialog)
    button.setFocus()
    qtbot.waitUntil(lambda: button.accessibleName() == "إغلاق الحوار")
    assert "إعداد" in button.accessibleDescription()


def test_tab_order_goes_from_the_tree_to_the_text_and_back(
    qtbot: QtBot, tmp_path: Path, sample_path: Path
) -> None:
    window = _window(qtbot, tmp_path, sample_path, "ar")
    pane = pane_of(window)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is pane
    qtbot.keyClick(pane, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.tree
    qtbot.keyClick(window.tree, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.side.tabBar()


def _colour_count(widget: QWidget, colour: str) -> int:
    image = widget.grab().toImage()
    wanted = QColor(colour).rgb()
    return sum(
        image.pixel(x, y) == wanted
        for y in range(0, image.height())
        for x in (0, 1, image.width() - 2, image.width() - 1)
    )


def test_the_keyboard_focus_is_visible(qtbot: QtBot, tmp_path: Path, sample_path: Path) -> None:
    window = _window(qtbot, tmp_path, sample_path, "ar")
    accent = THEMES["light"].link
    pane_of(window).setFocus()
    qtbot.waitUntil(lambda: not window.tree.hasFocus())
    assert _colour_count(window.tree, accent) == 0
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    assert _colour_count(window.tree, accent) > window.tree.height()  # a frame on both sides


def test_the_current_section_is_announced(
    qtbot: QtBot, tmp_path: Path, sample_path: Path
) -> None:
    window = _window(qtbot, tmp_path, sample_path, "ar")
    pane = pane_of(window)
    model = pane.section_model
    assert model is not None
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    first = pane.section_ids()[0]
    assert abs(heading_top(pane, first) - pane.verticalScrollBar().value()) <= TOLERANCE
    heading = model.data(model.index_for(first), Qt.ItemDataRole.ToolTipRole)
    assert heading in pane.accessibleDescription()
    assert "القسم ١ من ٨" in pane.accessibleDescription()
    assert heading in window.tree.accessibleDescription()
    qtbot.keyClick(pane, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    second = model.data(model.index_for(pane.section_ids()[1]), Qt.ItemDataRole.ToolTipRole)
    assert second in pane.accessibleDescription()
    assert "القسم ٢ من ٨" in pane.accessibleDescription()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_f1_lists_every_action_with_all_its_keys(
    qtbot: QtBot, tmp_path: Path, sample_path: Path, lang: str
) -> None:
    window = _window(qtbot, tmp_path, sample_path, lang)
    qtbot.keyClick(pane_of(window), Qt.Key.Key_F1)
    dialog = window.findChild(QWidget, "shortcutsDialog")
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.waitUntil(dialog.isVisible)
    rows = dialog.visible_rows()
    assert len(rows) >= len(window.actions_by_name)
    by_command = {command: keys for _menu, command, keys in rows}
    for action in window.actions_by_name.values():
        command = action.text().replace("&", "")
        assert command in by_command, command
        for key in action.shortcuts():
            assert key.toString(QKeySequence.SequenceFormat.NativeText) in by_command[command]
    next_section = window.actions_by_name["next_section"].text()
    assert "Ctrl+PgDown" in by_command[next_section]
    menus = [menu for menu, _command, _keys in rows]
    assert menus[0] == window.menuBar().actions()[0].text().replace("&", "")  # menu order
    in_language = _arabic if lang == "ar" else _latin
    assert all(in_language(menu) for menu in menus)
    dialog.filter.setText("PgDown")
    shown = dialog.visible_rows()
    assert {command for _m, command, _k in shown} == {next_section}
    dialog.filter.clear()
    assert len(dialog.visible_rows()) == len(rows)
    dialog.close()


@pytest.mark.parametrize("opener", ["page_setup", "print_preview"])
def test_the_print_dialogs_are_named_in_the_ui_language(
    qtbot: QtBot, tmp_path: Path, sample_path: Path, opener: str
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    window = _window(qtbot, tmp_path, sample_path, "ar")
    found: list[list[str]] = []

    def inspect() -> None:  # polls until the modal dialog has the focus, then closes it
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if isinstance(dialog, QDialog) and focus is not None and focus.window() is dialog:
            found.append(_unnamed(dialog, "ar"))
            dialog.reject()
        elif len(found) == 0:
            QTimer.singleShot(50, inspect)

    QTimer.singleShot(50, inspect)
    QTimer.singleShot(20_000, lambda: found.append(["timed out"]))
    getattr(window, opener)()
    assert found[:1] == [[]]
