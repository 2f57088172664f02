"""Help > Keyboard Shortcuts: every command and its keys, made from the window's actions.

The rows follow :data:`.actions.MENUS` (menu, command, keys), then any other action of the
window that has keys (added by a feature outside the table) under "Other", so the list can
never drift from what the keys really do. The keys are the actions' own, in the platform's
native text (Qt's Arabic translation names them in the Arabic UI); a filter field narrows the
rows by command, menu or key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .accessibility import describe, name_unnamed, plain
from .actions import MENUS
from .i18n import tr

if TYPE_CHECKING:
    from .main_window import MainWindow

#: Left-to-right isolate around each key sequence, so "Ctrl+Shift+E" keeps its order in an
#: Arabic line.
_LRI, _PDI = "\u2066", "\u2069"


def key_text(action: QAction, separator: str = ", ") -> str:
    """All of ``action``'s key sequences in native text, e.g. "Ctrl+PgDown, Alt+Down"."""
    sequences = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
    return separator.join(f"{_LRI}{s}{_PDI}" for s in sequences if s)


def shortcut_rows(window: MainWindow) -> list[tuple[str, str, str, QAction]]:
    """(menu, command, keys, action) for every action of the window, in menu order."""
    lang = window.lang
    comma = tr("list_comma", lang)
    rows: list[tuple[str, str, str, QAction]] = []
    listed: set[int] = set()
    for title_key, names in MENUS:
        menu = plain(tr(title_key, lang))
        for name in names:
            action = window.actions_by_name.get(name)
            if action is not None:  # not "-", "@recent"
                rows.append((menu, plain(action.text()), key_text(action, comma), action))
                listed.add(id(action))
    others = [*window.actions_by_name.values(), *window.findChildren(QAction)]
    for action in others:
        if id(action) not in listed and (action.shortcuts() or action in
                                         window.actions_by_name.values()):
            rows.append((tr("shortcuts_other", lang), plain(action.text()), key_text(action, comma),
                         action))
            listed.add(id(action))
    return rows


class ShortcutsDialog(QDialog):
    """The table of commands and keys, with a filter field on top."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        lang = window.lang
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("shortcuts_title", lang))
        self.setLayoutDirection(window.layoutDirection())
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setPlaceholderText(tr("shortcuts_filter", lang))
        self.filter.setClearButtonEnabled(True)
        describe(self.filter, tr("shortcuts_filter", lang))
        self.filter.textChanged.connect(self.apply_filter)
        self.table = QTableWidget(self)
        self.table.setObjectName("shortcutsTable")
        describe(self.table, tr("shortcuts_title", lang), tr("shortcuts_table_desc", lang))
        headers = [tr(k, lang) for k in ("shortcuts_menu", "shortcuts_command", "shortcuts_keys")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (keyboard users)
        self.table.setWordWrap(False)
        rows = shortcut_rows(window)
        self.table.setRowCount(len(rows))
        for row, (menu, command, keys, action) in enumerate(rows):
            for column, text in enumerate((menu, command, keys)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, action.objectName())
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("close", lang))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.filter, self.table)
        QWidget.setTabOrder(self.table, close)
        name_unnamed(self, lang)
        self.resize(620, 520)

    def apply_filter(self, text: str) -> None:
        """Show only the rows whose menu, command or keys contain ``text`` (any case)."""
        needle = text.strip().casefold()
        for row in range(self.table.rowCount()):
            cells = (self.table.item(row, c) for c in range(self.table.columnCount()))
            haystack = " ".join(c.text() for c in cells if c is not None).casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in haystack)

    def visible_rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) of the rows shown."""
        rows = []
        for r in range(self.table.rowCount()):
            if not self.table.isRowHidden(r):
                menu, command, keys = (self._cell(r, c) for c in range(3))
                rows.append((menu, command, keys))
        return rows

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


def show_shortcuts(window: MainWindow) -> ShortcutsDialog:
    """Show (or bring forward) the window's shortcuts dialog; it is not modal."""
    dialog = window.findChild(ShortcutsDialog, "shortcutsDialog")
    if not isinstance(dialog, ShortcutsDialog):
        dialog = ShortcutsDialog(window)
    dialog.show()
    if QApplication.platformName() != "offscreen":  # which cannot raise windows
        dialog.raise_()
    dialog.activateWindow()
    dialog.filter.setFocus(Qt.FocusReason.OtherFocusReason)
    return dialog
