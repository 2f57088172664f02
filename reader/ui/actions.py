"""Every window action in one table: name (also its text key), handler, shortcuts; menus and
the toolbar are lists of action names.

Standard shortcuts come from ``QKeySequence.StandardKey`` so they follow the platform.
Each handler is a method of the main window; features with their own module (printing, find
bar, library search) are imported by that method on first use.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from .i18n import tr

Shortcut = QKeySequence.StandardKey | str
SK = QKeySequence.StandardKey


class ActionSpec(NamedTuple):
    """One action: ``handler`` is the name of a no-argument method of the main window."""

    name: str
    handler: str
    shortcuts: tuple[Shortcut, ...] = ()
    checkable: bool = False
    group: str | None = None


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("open", "open_dialog", (SK.Open,)),
    ActionSpec("close_tab", "close_current_tab", (SK.Close,)),
    ActionSpec("print", "print_article", (SK.Print,)),
    ActionSpec("print_preview", "print_preview", ()),
    ActionSpec("export_pdf", "export_pdf", ("Ctrl+Shift+E",)),
    ActionSpec("page_setup", "page_setup", ()),
    ActionSpec("quit", "close", (SK.Quit, "Ctrl+Q")),
    # Edit
    ActionSpec("find", "show_find_bar", (SK.Find,)),
    ActionSpec("next_match", "find_next", (SK.FindNext, "F3")),
    ActionSpec("previous_match", "find_previous", (SK.FindPrevious, "Shift+F3")),
    # View
    ActionSpec("next_section", "next_section", ("Ctrl+PgDown", "Alt+Down")),
    ActionSpec("previous_section", "previous_section", ("Ctrl+PgUp", "Alt+Up")),
    ActionSpec("toggle_focus", "toggle_focus", ("F6",)),
    ActionSpec("zoom_in", "zoom_in", (SK.ZoomIn, "Ctrl+=")),
    ActionSpec("zoom_out", "zoom_out", (SK.ZoomOut,)),
    ActionSpec("zoom_reset", "zoom_reset", ("Ctrl+0",)),
    ActionSpec("theme_light", "use_light_theme", (), checkable=True, group="theme"),
    ActionSpec("theme_dark", "use_dark_theme", (), checkable=True, group="theme"),
    # View: reading settings (issue 6)
    ActionSpec("theme_sepia", "use_sepia_theme", (), checkable=True, group="theme"),
    ActionSpec("show_harakat", "toggle_harakat", (), checkable=True),
    ActionSpec("focus_mode", "toggle_focus_mode", ("F11",), checkable=True),
    ActionSpec("reading_settings", "show_reading_settings", ()),
    ActionSpec("next_tab", "next_tab", (SK.NextChild,)),
    ActionSpec("previous_tab", "previous_tab", (SK.PreviousChild,)),
    # Library
    ActionSpec("show_library", "show_library", ("Ctrl+L",)),
    ActionSpec("add_folder", "add_library_folder", ()),
    ActionSpec("library_search", "search_library", ("Ctrl+Shift+F",)),
    # Help
    ActionSpec("shortcuts", "show_shortcuts", (SK.HelpContents,)),
    ActionSpec("lang_ar", "use_arabic_interface", (), checkable=True, group="ui_language"),
    ActionSpec("lang_en", "use_english_interface", (), checkable=True, group="ui_language"),
    ActionSpec("about", "show_about", ()),
)

#: Menus: (title key, action names); "-" is a separator, "@recent" the Open Recent submenu.
MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("menu_file", ("open", "@recent", "close_tab", "-",
                   "page_setup", "print_preview", "print", "export_pdf", "-", "quit")),
    ("menu_edit", ("find", "next_match", "previous_match")),
    ("menu_view", ("next_section", "previous_section", "toggle_focus", "-",
                   "zoom_in", "zoom_out", "zoom_reset", "-",
                   "theme_light", "theme_sepia", "theme_dark", "show_harakat", "-",
                   "focus_mode", "reading_settings", "-",
                   "next_tab", "previous_tab")),
    ("menu_library", ("show_library", "add_folder", "library_search")),
    ("menu_help", ("shortcuts", "-", "lang_ar", "lang_en", "-", "about")),
)  # fmt: skip

#: The toolbar shows these actions' text (no icons to load at start-up).
TOOLBAR: tuple[str, ...] = ("open", "-", "previous_section", "next_section")


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The concrete key sequences of an action on this platform."""
    keys: list[QKeySequence] = []
    for shortcut in spec.shortcuts:
        if isinstance(shortcut, str):
            keys.append(QKeySequence(shortcut))
        else:
            keys.extend(QKeySequence.keyBindings(shortcut))
    unique: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in unique:
            unique.append(key)
    return unique


def build_actions(window: QWidget, lang: str) -> dict[str, QAction]:
    """Create every action of :data:`ACTIONS` on ``window`` and connect it to its handler."""
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in ACTIONS:
        action = QAction(tr(spec.name, lang), window)
        action.setObjectName(f"action_{spec.name}")
        keys = key_sequences(spec)
        if keys:
            action.setShortcuts(keys)
            native = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tr(spec.name, lang).replace('&', '')} ({native})")
        if spec.checkable:
            action.setCheckable(True)
        if spec.group is not None:
            groups.setdefault(spec.group, QActionGroup(window)).addAction(action)
        handler = getattr(window, spec.handler)
        action.triggered.connect(lambda _checked=False, h=handler: h())
        window.addAction(action)
        actions[spec.name] = action
    return actions
