"""Painting typeset pages with Qt: the printer, the print preview and page images.

Pages come from :func:`reader.export.typeset` and :func:`reader.export.draw_page`, the same
layout the PDF export writes, so a printed page and an exported one carry the same glyphs at
the same places. Glyphs are painted with ``QRawFont`` + ``QGlyphRun`` straight from the font
file (no font lookup, no palette): the colours are the layout's own, dark text on white
paper whatever the window's theme.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLineF, QMarginsF, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QGlyphRun,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QRawFont,
)
from PySide6.QtPrintSupport import QPrinter

from reader.export import PdfOptions, Typeset, draw_page
from reader.export.paginate import Page

_PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
_PAPERS = {v: k for k, v in _PAGE_SIZES.items()}


class PagePainter:
    """Paints pages of one typeset article; keeps the raw fonts it opened."""

    def __init__(self, doc: Typeset) -> None:
        self.doc = doc
        self._fonts: dict[tuple[Path, float], QRawFont] = {}

    def _font(self, path: Path, size: float) -> QRawFont:
        font = self._fonts.get((path, size))
        if font is None:
            font = self._fonts[(path, size)] = QRawFont(str(path), size)
        return font

    def paint(self, painter: QPainter, page: Page) -> None:
        """Paint ``page`` with ``painter`` already scaled to points from the paper's corner."""
        drawing = draw_page(self.doc, page)
        for run in drawing.runs:
            glyphs = QGlyphRun()
            glyphs.setRawFont(self._font(run.font, run.size))
            glyphs.setGlyphIndexes(list(run.glyphs))
            glyphs.setPositions([QPointF(x, y) for x, y in run.positions])
            painter.setPen(QColor.fromRgbF(*run.rgb))
            painter.drawGlyphRun(QPointF(0, 0), glyphs)
        for rule in drawing.rules:
            shade = QColor.fromRgbF(rule.gray, rule.gray, rule.gray)
            painter.setPen(QPen(shade, rule.width))
            painter.drawLine(QLineF(rule.x1, rule.y1, rule.x2, rule.y2))

    def image(self, page: Page, dpi: float = 96) -> QImage:
        """``page`` as an image on white paper."""
        k = dpi / 72
        g = self.doc.geometry
        image = QImage(round(g.width * k), round(g.height * k), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(k, k)
        self.paint(painter, page)
        painter.end()
        return image


def page_layout(options: PdfOptions) -> QPageLayout:
    """The printer's page layout for ``options``: our margins are in the typesetting, so the
    printer gets none (and is used in full-page mode)."""
    orientation = (QPageLayout.Orientation.Landscape if options.orientation == "landscape"
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(QPageSize(_PAGE_SIZES[options.paper]), orientation,
                       QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def configure_printer(printer: QPrinter, options: PdfOptions, title: str) -> None:
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(options))
    printer.setDocName(title)
    printer.setCreator("Qari")


def options_for_printer(printer: QPrinter, options: PdfOptions) -> PdfOptions:
    """``options`` with the paper and orientation chosen in the print dialog, when the dialog
    chose a paper we typeset for (A4, Letter); other papers get the pages scaled to fit."""
    layout = printer.pageLayout()
    paper = _PAPERS.get(layout.pageSize().id())
    landscape = layout.orientation() == QPageLayout.Orientation.Landscape
    if paper is None:
        return options
    try:
        return replace(options, paper=paper,  # type: ignore[arg-type]
                       orientation="landscape" if landscape else "portrait")
    except ValueError:  # the margins do not fit the other paper
        return options


def pages_to_print(printer: QPrinter, doc: Typeset) -> list[Page]:
    """The pages the print dialog asked for (a page range, last page first)."""
    pages = list(doc.pages)
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        first, last = printer.fromPage(), printer.toPage()
        if first > 0:
            pages = [p for p in pages if first <= p.number <= (last or len(pages))]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def paint_pages(
    printer: QPrinter,
    doc: Typeset,
    pages: Sequence[Page],
    on_page: Callable[[int], bool] | None = None,
) -> bool:
    """Paint ``pages`` on ``printer`` (a real printer or the preview's), each scaled from
    points to the printer's paper. ``on_page(i)`` is called before page ``i`` and may return
    False to stop (printing cancelled). Returns True when every page was painted."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        g = doc.geometry
        k = min(paper.width() / g.width, paper.height() / g.height)
        pages_painter = PagePainter(doc)
        for i, page in enumerate(pages):
            if on_page is not None and not on_page(i):
                printer.abort()
                return False
            if i:
                printer.newPage()
            painter.save()
            page_rect = printer.pageRect(QPrinter.Unit.DevicePixel)
            painter.translate(paper.left() - page_rect.left(), paper.top() - page_rect.top())
            painter.scale(k, k)
            pages_painter.paint(painter, page)
            painter.restore()
        return True
    finally:
        if painter.isActive():
            painter.end()
