"""The pages of the print preview: a scrolling column of typeset pages, drawn when seen.

Qt's ``QPrintPreviewWidget`` records every page as a ``QPicture`` before showing any: for a
600-page article that took 33 s and 1.6 GB (2.5 MB of glyph runs per page). This view paints
only the pages on screen, into images at the current zoom (9 ms a page), and keeps a few.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from reader.export import Typeset

from .print_pages import PagePainter

GAP = 16  # pixels around and between pages
_KEEP = 16  # page images kept
ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.1, 5.0


class _Pages(QWidget):
    """The column of pages inside the scroll area."""

    def __init__(self, view: PageView) -> None:
        super().__init__()
        self.view = view
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#808080"))
        view = self.view
        for i in view.pages_in(event.rect()):
            rect = view.page_rect(i)
            painter.fillRect(rect.translated(3, 3), QColor("#555555"))  # shadow
            painter.drawImage(rect, view.image(i))
        painter.end()


class PageView(QScrollArea):
    """Typeset pages one under another; zoom and page navigation. Pages count from 1."""

    page_changed = Signal(int)

    def __init__(self, doc: Typeset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self._pages = _Pages(self)
        self.setWidget(self._pages)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._images: OrderedDict[int, QImage] = OrderedDict()
        self._zoom = 1.0
        self._fit: str | None = "page"
        self._current = 1
        self.set_doc(doc)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)

    # -- geometry -----------------------------------------------------------------------

    def set_doc(self, doc: Typeset) -> None:
        self.doc = doc
        self._painter = PagePainter(doc)
        self._images.clear()
        self._relayout()

    def page_count(self) -> int:
        return len(self.doc.pages)

    def page_size(self) -> QSize:
        """Size of one page on screen, in pixels, at the current zoom (96 dpi at 100 %)."""
        g = self.doc.geometry
        k = 96 / 72 * self._zoom
        return QSize(max(1, round(g.width * k)), max(1, round(g.height * k)))

    def page_rect(self, i: int) -> QRect:
        size = self.page_size()
        x = max(GAP, (self._pages.width() - size.width()) // 2)
        return QRect(x, GAP + i * (size.height() + GAP), size.width(), size.height())

    def pages_in(self, area: QRect) -> range:
        step = self.page_size().height() + GAP
        first = max(0, (area.top() - GAP) // step)
        last = min(self.page_count() - 1, (area.bottom() - GAP) // step)
        return range(first, last + 1)

    def _relayout(self) -> None:
        if self._fit is not None:
            self._zoom = self._fitting_zoom(self._fit)
        size = self.page_size()
        n = self.page_count()
        width = max(size.width() + 2 * GAP, self.viewport().width())
        self._pages.resize(width, GAP + n * (size.height() + GAP))
        self._images.clear()
        self._pages.update()

    def _fitting_zoom(self, fit: str) -> float:
        g = self.doc.geometry
        k = 96 / 72
        area = self.viewport().size()
        by_width = (area.width() - 2 * GAP) / (g.width * k)
        by_height = (area.height() - 2 * GAP) / (g.height * k)
        zoom = by_width if fit == "width" else min(by_width, by_height)
        return max(ZOOM_MIN, min(ZOOM_MAX, zoom))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        page = self._current
        self._relayout()
        self.go_to(page)

    # -- images ---------------------------------------------------------------------------

    def image(self, i: int) -> QImage:
        """Page ``i`` (0-based) drawn at the current zoom and the screen's pixel ratio."""
        image = self._images.get(i)
        if image is None:
            ratio = self.devicePixelRatioF()
            image = self._painter.image(self.doc.pages[i], 96 * self._zoom * ratio)
            image.setDevicePixelRatio(ratio)
            self._images[i] = image
            while len(self._images) > _KEEP:
                self._images.popitem(last=False)
        else:
            self._images.move_to_end(i)
        return image

    # -- navigation and zoom ----------------------------------------------------------------

    def current_page(self) -> int:
        return self._current

    def go_to(self, page: int) -> None:
        """Scroll page ``page`` (clamped) to the top of the view."""
        page = max(1, min(page, self.page_count()))
        self.verticalScrollBar().setValue(self.page_rect(page - 1).top() - GAP // 2)
        self._set_current(page)

    def _on_scroll(self, value: int) -> None:
        middle = value + self.viewport().height() // 3
        step = self.page_size().height() + GAP
        self._set_current(max(1, min(self.page_count(), middle // step + 1)))

    def _set_current(self, page: int) -> None:
        if page != self._current:
            self._current = page
            self.page_changed.emit(page)

    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        page = self._current
        self._fit = None
        self._zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        self._relayout()
        self.go_to(page)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        self._fit_to("width")

    def fit_page(self) -> None:
        self._fit_to("page")

    def _fit_to(self, fit: str) -> None:
        page = self._current
        self._fit = fit
        self._relayout()
        self.go_to(page)
