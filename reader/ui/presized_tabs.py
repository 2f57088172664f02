"""Tab widgets whose pages get their real size before a new window first shows them.

QTabWidget places its pages only while it is visible: a resize it receives while the window
is being shown is left for its show event. The page shown in between (the reading pane, the
section tree) first gets the page stack's stale size (256×192) and lays its content out at
that width, then again at the real one: for the sample article, the whole text is typeset
twice (~7 ms of the first paint). :class:`PresizedTabs` gives the page stack the rectangle Qt
itself will give it (``SE_TabWidgetTabContents``) as soon as its own size is known, so the
page's first size is its real one. Qt still places the pages on show; should its rectangle
differ, the page is laid out again, as it was before.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStackedWidget, QStyle, QStyleOptionTabWidgetFrame, QTabWidget

_PAGES = "qt_tabwidget_stackedwidget"


class PresizedTabs(QTabWidget):
    """A QTabWidget that sizes its pages while hidden, as it will once shown."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            return  # QTabWidget has placed its pages itself
        pages = self.findChild(QStackedWidget, _PAGES)
        if pages is None:
            return
        option = QStyleOptionTabWidgetFrame()
        self.initStyleOption(option)
        rect = self.style().subElementRect(QStyle.SubElement.SE_TabWidgetTabContents, option, self)
        if rect.isValid():
            pages.setGeometry(rect)
