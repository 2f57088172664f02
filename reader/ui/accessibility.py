"""Accessible names, descriptions and tab order of the window; the current section announced.

A screen reader reads a control's accessible name (Qt falls back to its text or its buddy
label) and its description. The main window's controls get both here, in the window's
language; its other controls (tab close buttons, scroll bars …) get a name from what they
show (tooltip, text, title) once the window's first frame is on screen, controls of dialogs
when their window first takes the focus, and the controls of a part made later (find bar,
library) when one of them takes it (:func:`watch_focus`).
When the text moves to another section, the pane's and the tree's descriptions say which
one ("Current section: …, Section 3 of 8") and assistive technology is told they changed.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabBar,
    QWidget,
)

from .first_frame import after_first_frame
from .i18n import tr

if TYPE_CHECKING:
    from .main_window import MainWindow

#: Dynamic property set on a window whose unnamed controls were named (done once).
_DESCRIBED = "qariDescribed"


def describe(widget: QWidget, name: str, description: str = "") -> None:
    """Set ``widget``'s accessible name and description (only when they change)."""
    if widget.accessibleName() != name:
        widget.setAccessibleName(name)
    if description and widget.accessibleDescription() != description:
        widget.setAccessibleDescription(description)
        if widget.isVisible():  # a hidden widget is not shown to assistive technology
            _notify_description(widget)


def _notify_description(widget: QWidget) -> None:
    # QAccessible is imported here: PySide builds its Python type with hundreds of enum
    # members (~1.5 ms), which the window, described before it is shown, never needs.
    from PySide6.QtGui import QAccessible, QAccessibleEvent

    if QAccessible.isActive():
        event = QAccessibleEvent(widget, QAccessible.Event.DescriptionChanged)
        QAccessible.updateAccessibility(event)


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology gets: the accessible name, else what Qt derives (the
    button's text, a buddy label's text …)."""
    from PySide6.QtGui import QAccessible

    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else widget.accessibleName()


def plain(text: str) -> str:
    """Menu text without its ``&`` mnemonic marker (``&&`` stays one ``&``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def describe_main_window(window: MainWindow) -> None:
    """Name and describe the window's controls (in its language) and set the tab order."""
    lang = window.lang
    describe(window.tree, tr("a11y_tree", lang), tr("a11y_tree_desc", lang))
    describe(window.side, tr("a11y_side", lang), tr("a11y_side_desc", lang))
    describe(window.side.tabBar(), tr("a11y_side", lang), tr("a11y_side_desc", lang))
    describe(window.tabs, tr("a11y_tabs", lang), tr("a11y_tabs_desc", lang))
    describe(window.tabs.tabBar(), tr("a11y_tabs", lang), tr("a11y_tabs_desc", lang))
    describe(window.empty, tr("a11y_empty", lang), tr("no_article", lang))
    describe(window.message_bar, tr("a11y_message_bar", lang), tr("a11y_message_desc", lang))
    describe(window.menuBar(), tr("a11y_menu_bar", lang))
    describe(window.splitter, tr("a11y_splitter", lang))
    for label, key in ((window.section_label, "a11y_status_section"),
                       (window.words_label, "a11y_status_words"),
                       (window.time_label, "a11y_status_time")):  # fmt: skip
        describe(label, tr(key, lang))
    toolbar = window.toolbar
    describe(toolbar, tr("a11y_toolbar", lang), tr("a11y_toolbar_desc", lang))
    for action in toolbar.actions():
        if action.isSeparator():  # its widget is a private Qt class: PySide takes ~6 ms on it
            continue
        button = toolbar.widgetForAction(action)
        if button is not None:
            describe(button, plain(action.text()), action.toolTip())
    # The other controls (tab close buttons, scroll bars …) are named from what they show once
    # the first frame is on screen: walking every child makes PySide build a Python type for
    # each Qt class among them, and QAccessible's, ~4 ms the reader would wait for.
    window.setProperty(_DESCRIBED, True)  # the focus watcher leaves the window to this
    after_first_frame(window, lambda shown: name_unnamed(shown, lang))


def name_unnamed(root: QWidget, lang: str) -> None:
    """Give every control under ``root`` that has no accessible name or description one from
    what it shows: its tooltip, placeholder or window title (already in the UI language)."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None:
            _name_one(buddy, lang, label.text())
    for widget in [root, *root.findChildren(QWidget)]:
        _name_one(widget, lang)
    root.setProperty(_DESCRIBED, True)


def _name_one(widget: QWidget, lang: str, label: str = "") -> None:
    """Name ``widget`` by its label (a combo box would say its value), else as Qt does."""
    if not is_control(widget):
        return
    name = plain(label).strip().rstrip(":").strip() if label else accessible_name(widget)
    parent = widget.parentWidget()
    if not name and isinstance(parent, QAbstractSpinBox | QComboBox):
        name = accessible_name(parent)  # a spin box's line edit is the spin box
    if not any(c.isalpha() for c in name):  # "×" or "": say what it does instead
        name = _shown_text(widget) or name
    value_named = isinstance(widget, QComboBox) and not label  # its value: it changes
    if name and not widget.accessibleName() and not value_named:
        widget.setAccessibleName(name)
    if name and not widget.accessibleDescription():
        description = plain(widget.toolTip()) if plain(widget.toolTip()) != name else ""
        window = widget.window()
        main = isinstance(window, QMainWindow)  # its title is the article's: say "Qari"
        title = tr("app_name", lang) if main else plain(window.windowTitle())
        widget.setAccessibleDescription(
            description or tr("a11y_control_desc", lang, name=name, window=title)
        )


def is_control(widget: QWidget) -> bool:
    """A widget the user works with: reachable with Tab, or a button."""
    return (bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            or isinstance(widget, QAbstractButton | QTabBar))


def _shown_text(widget: QWidget) -> str:
    if any(c.isalpha() for c in widget.toolTip()):
        return plain(widget.toolTip())
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        return widget.placeholderText()
    if isinstance(widget, QAbstractButton) and widget.text():
        return plain(widget.text())
    if isinstance(widget, QLabel):
        return widget.text()
    return plain(widget.windowTitle()) if widget.isWindow() else ""


def order_tabs(window: MainWindow) -> None:
    """Tab order right to left as the window reads: side tabs, tree, article tabs, text,
    find bar (when shown)."""
    chain: list[QWidget] = [window.side.tabBar(), window.tree, window.tabs.tabBar()]
    pane = window.current_pane()
    if pane is not None:
        chain.append(pane)
    ordered = ",".join(str(id(w)) for w in chain)
    if window.property("qariTabOrder") == ordered:  # scrolling calls this often
        return
    window.setProperty("qariTabOrder", ordered)
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def announce_section(window: MainWindow) -> None:
    """Put the current section ("Current section: <heading>, Section 3 of 8") in the pane's
    and the tree's descriptions, telling assistive technology, and keep the tab order."""
    pane = window.current_pane()
    if pane is None:
        return
    lang = window.lang
    describe(pane, tr("a11y_pane", lang))
    model = pane.section_model
    title = ""
    if model is not None:
        index = model.index_for(pane.current_section())
        title = str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "")
    if not title and pane.article is not None:
        title = pane.article.title
    current = tr("a11y_current_section", lang, title=" ".join(title.split()),
                 position=window.section_label.text())
    describe(pane, tr("a11y_pane", lang), f"{current}. {tr('a11y_pane_desc', lang)}")
    describe(window.tree, tr("a11y_tree", lang), f"{current}. {tr('a11y_tree_desc', lang)}")
    order_tabs(window)


def watch_focus(app: QApplication, lang: str) -> None:
    """Name the unnamed controls of each window (dialogs too) when it first takes the
    focus; ``lang`` is the interface language of the process."""
    app.setProperty("qariLanguage", lang)
    if app.property("qariFocusWatched"):
        return
    app.setProperty("qariFocusWatched", True)
    app.focusChanged.connect(lambda _old, new: _on_focus(app, new))


def _on_focus(app: QApplication, widget: QWidget | None) -> None:
    if widget is None:
        return
    window = widget.window()
    lang = getattr(window, "lang", None) or str(app.property("qariLanguage") or "ar")
    if not window.property(_DESCRIBED):
        name_unnamed(window, lang)
    elif not (widget.accessibleName() and widget.accessibleDescription()):
        name_unnamed(widget.parentWidget() or widget, lang)  # a part made later: find bar …
