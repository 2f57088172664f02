"""The find bar (Edit > Find, Ctrl+F): find in the current article, under the text.

Typing searches as you go (after a short pause on long articles); every match is highlighted
in the reading pane and the current one stands out; Enter / F3 go to the next match,
Shift+Enter / Shift+F3 to the previous one; the count shows "٣ من ١٢"; Esc closes the bar and
clears the highlights. The section tree shows each section's number of matches while the bar
is open. Matching is :class:`reader.search.ArticleFinder`'s: harakat and spelling variants are
ignored unless "exact" is asked for. The bar follows the current tab and searches a reloaded
article again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
)
from shiboken6 import isValid

from reader.search import ArticleFinder, Match

from .i18n import number, tr
from .section_model import ROOT_ID

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .reading_pane import ReadingPane

#: Articles longer than this (words) are searched after a pause in typing.
LONG_ARTICLE_WORDS = 30_000
#: That pause, in milliseconds.
TYPING_PAUSE_MS = 180


class FindBar(QFrame):
    """Find in the current article (objectName ``findBar``); one per window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("findBar")
        self.window_ = window
        lang = self.lang = window.lang
        if lang == "ar":
            self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.query = QLineEdit(self)
        self.query.setObjectName("findQuery")
        self.query.setPlaceholderText(tr("find_placeholder", lang))
        self.query.setAccessibleName(tr("find_placeholder", lang))
        self.query.setClearButtonEnabled(True)
        self.query.setMinimumWidth(220)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(70)
        self.previous_button = self._button("findPrevious", "find_previous", "Shift+F3")
        self.next_button = self._button("findNext", "find_next", "F3")
        self.fold = QCheckBox(tr("find_fold", lang), self)
        self.fold.setObjectName("findFold")
        self.fold.setChecked(True)
        self.whole_word = QCheckBox(tr("find_whole_word", lang), self)
        self.whole_word.setObjectName("findWholeWord")
        close = QToolButton(self)
        close.setObjectName("findClose")
        close.setText("×")
        close.setToolTip(tr("find_close", lang))
        close.setAutoRaise(True)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.query, 2)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addSpacing(12)
        layout.addWidget(self.fold)
        layout.addWidget(self.whole_word)
        layout.addStretch(1)
        layout.addWidget(close)

        self.matches: list[Match] = []
        self.current = -1
        self._pane: ReadingPane | None = None  # the pane showing our highlights
        self._finders: dict[int, ArticleFinder] = {}  # id(pane) → finder of its article
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.search_now)

        self.query.textChanged.connect(self._on_text)
        self.query.installEventFilter(self)
        self.fold.toggled.connect(self.search_now)
        self.whole_word.toggled.connect(self.search_now)
        self.next_button.clicked.connect(self.next)
        self.previous_button.clicked.connect(self.previous)
        close.clicked.connect(self.close_bar)
        window.tabs.currentChanged.connect(self._on_tab_changed)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_bar)
        self.hide()

    def _button(self, name: str, key: str, shortcut: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(tr(key, self.lang))
        button.setToolTip(f"{tr(key, self.lang)} ({shortcut})")
        button.setAutoRaise(True)
        return button

    # -- opening and closing --------------------------------------------------------------

    def open(self) -> None:
        """Show the bar with the query selected (the selected text of the article, if any)."""
        pane = self.window_.current_pane()
        if pane is not None:
            cursor = pane.textCursor()
            selected = cursor.selectedText()
            if selected.strip() and len(selected) <= 100 and "\u2029" not in selected:
                self.query.blockSignals(True)
                self.query.setText(selected)
                self.query.blockSignals(False)
                # The selection would hide the current match's colour as it moves on.
                cursor.setPosition(cursor.selectionStart())
                pane.setTextCursor(cursor)
        self.show()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()
        self.search_now()

    def close_bar(self) -> None:
        """Hide the bar, clear the highlights and the tree counts, give the text the focus."""
        self._timer.stop()
        self._clear_pane()
        self.matches, self.current = [], -1
        self.hide()
        pane = self.window_.current_pane()
        if pane is not None:
            pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_pane(self) -> None:
        pane = self._pane
        self._pane = None
        if pane is None or not isValid(pane):
            return
        pane.clear_find_matches()
        if pane.section_model is not None:
            pane.section_model.set_match_counts(None)

    # -- searching ------------------------------------------------------------------------

    def _on_text(self, _text: str) -> None:
        pane = self.window_.current_pane()
        long = pane is not None and pane.word_count > LONG_ARTICLE_WORDS
        self._timer.start(TYPING_PAUSE_MS if long else 0)

    def _on_tab_changed(self, _index: int) -> None:
        if self.isVisible():
            self.search_now()

    def _on_article_changed(self, pane: ReadingPane) -> None:
        self._finders.pop(id(pane), None)
        if self.isVisible() and pane is self.window_.current_pane():
            self._pane = None  # its highlights and tree were replaced with the article
            self.search_now()

    def _finder(self, pane: ReadingPane) -> ArticleFinder | None:
        if pane.article is None:
            return None
        key = id(pane)
        finder = self._finders.get(key)
        if finder is None or finder.article is not pane.article:
            if finder is None:  # first time: follow its reloads, its Esc and its closing
                pane.articleChanged.connect(lambda p=pane: self._on_article_changed(p))
                pane.installEventFilter(self)
                pane.destroyed.connect(lambda _o=None, k=key: self._finders.pop(k, None))
            finder = self._finders[key] = ArticleFinder(pane.article)
        return finder

    def search_now(self) -> None:
        """Search the current article for the query, highlight, go to the first match at or
        below the top of the view."""
        self._timer.stop()
        pane = self.window_.current_pane()
        if self._pane is not pane:
            self._clear_pane()
        self.matches, self.current = [], -1
        text = self.query.text()
        finder = self._finder(pane) if pane is not None else None
        if finder is not None and text.strip():
            self.matches = finder.find(
                text, exact=not self.fold.isChecked(), whole_word=self.whole_word.isChecked()
            )
        if pane is not None:
            self._pane = pane
            self._show_counts(pane, text.strip() != "")
            if self.matches:
                pane.show_find_matches(self.matches)
                self._go(pane.find_match_near_view())
            else:
                pane.clear_find_matches()
        self._update_label()

    def _show_counts(self, pane: ReadingPane, active: bool) -> None:
        model = pane.section_model
        if model is None:
            return
        if not active:
            model.set_match_counts(None)
            return
        counts: dict[int, int] = {}
        for m in self.matches:
            key = ROOT_ID if m.section_id is None else m.section_id
            counts[key] = counts.get(key, 0) + 1
        model.set_match_counts(counts, lambda n: number(n, self.lang))

    # -- moving ---------------------------------------------------------------------------

    def next(self) -> None:
        """Go to the next match (after the last: the first)."""
        self._step(1)

    def previous(self) -> None:
        """Go to the previous match (before the first: the last)."""
        self._step(-1)

    def _step(self, step: int) -> None:
        if self.isHidden():  # F3 with the bar closed: open it (at the first match)
            self.open()
            return
        if self._timer.isActive():
            self.search_now()
        if self.matches:
            self._go((self.current + step) % len(self.matches))

    def _go(self, index: int) -> None:
        pane = self.window_.current_pane()
        if pane is None or not self.matches:
            return
        self.current = index
        pane.set_current_find_match(index)
        self._update_label()

    def _update_label(self) -> None:
        if not self.query.text().strip():
            self.count.clear()
        elif not self.matches:
            self.count.setText(tr("find_none", self.lang))
        else:
            self.count.setText(
                tr(
                    "find_count",
                    self.lang,
                    current=number(self.current + 1, self.lang),
                    total=number(len(self.matches), self.lang),
                )
            )

    # -- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        if watched is not self.query:  # a reading pane: Esc there closes the bar too
            if event.key() == Qt.Key.Key_Escape and self.isVisible():
                self.close_bar()
                return True
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous()
            else:
                self.next()
            return True
        return super().eventFilter(watched, event)


def find_bar(window: MainWindow) -> FindBar:
    """The window's find bar, made (and placed at ``window.find_bar_slot``) on first use."""
    bar = window.findChild(FindBar, "findBar")
    if bar is None:
        bar = FindBar(window)
        window.central_layout.insertWidget(window.find_bar_slot, bar)
    return bar


def show_find_bar(window: MainWindow) -> FindBar:
    """Edit > Find (Ctrl+F): show the find bar, its query selected."""
    bar = find_bar(window)
    bar.open()
    return bar
