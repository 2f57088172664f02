"""Tab widgets whose pages get their real size before a new window first shows them.

QTabWidget places its pages only while it is visible: a resize it receives while the window
is being shown is left for its show event. The page shown in between (the reading pane, the
section tree) first gets the page stack's stale size (256×192) and lays its content out at
that width, then again at the real one: for the sample article, the whole text was typeset
twice (~7 ms of the first paint). :class:`PresizedTabs` gives the page stack the rectangle
Qt will give it as soon as its own size is known, so the page's first size is its real one.

The rectangle is worked out from the tab bar (north, as Qari places it) rather than asked of
the style: ``QStyle`` is the one class whose Python type costs as much to build as the layout
saved (PySide makes its dozen enums, ~7 ms). Qt still places the pages on show; should its
rectangle differ (a theme with a frame round the pages), the page is laid out again, as
before, and nothing else changes.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget

_PAGES = "qt_tabwidget_stackedwidget"


class PresizedTabs(QTabWidget):
    """A QTabWidget that sizes its pages while hidden, as it will once shown."""

    def pages(self) -> QWidget:
        """The widget that holds the pages: a page made as its child is added without being
        moved to another parent (which, under an application stylesheet, polishes it again)."""
        found = self.findChild(QStackedWidget, _PAGES)
        return found if found is not None else self

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        pages = self.pages()
        if self.isVisible() or pages is self:
            return  # QTabWidget has placed its pages itself (or they are not where expected)
        bar = self.tabBar()
        top = 0 if bar.isHidden() else bar.sizeHint().height()
        size = event.size()
        pages.setGeometry(QRect(0, top, size.width(), max(0, size.height() - top)))
