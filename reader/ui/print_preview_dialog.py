"""File > Print Preview: the typeset pages as they will print, right to left in Arabic.

A ``QPrintPreviewWidget`` shows the pages painted by :mod:`.print_pages` (the same layout as
the exported PDF); our own toolbar, in the interface language, pages through them, zooms,
opens Page Setup (the pages are laid out again) and hands over to Print.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reader.export import PdfOptions, Typeset, page_label

from .i18n import tr
from .print_pages import configure_printer, options_for_printer, paint_pages

#: Lays an article out again for new options (Page Setup in the preview); None: cancelled.
Relayout = Callable[[PdfOptions], Typeset | None]


class PrintPreviewDialog(QDialog):
    """The preview of ``doc``. ``print_requested`` is set when the user chose Print."""

    def __init__(self, doc: Typeset, lang: str, relayout: Relayout,
                 edit_page_setup: Callable[[], PdfOptions | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreviewDialog")
        self.doc = doc
        self.lang = lang
        self._relayout = relayout
        self._edit_page_setup = edit_page_setup
        self.print_requested = False
        self.setWindowTitle(tr("preview_title", lang, title=doc.article.title))
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang == "ar"
                                else Qt.LayoutDirection.LeftToRight)

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(self.printer, doc.options, doc.article.title)
        self.view = QPrintPreviewWidget(self.printer, self)
        self.view.setObjectName("printPreview")
        self.view.paintRequested.connect(self._paint)
        self.view.previewChanged.connect(self._update_page_label)

        top, bar = QHBoxLayout(), QHBoxLayout()  # two rows: they fit a narrow screen
        for row in (top, bar):
            row.setContentsMargins(6, 6, 6, 0)
        self.page_label = QLabel()
        self.page_label.setObjectName("previewPageLabel")
        self.page_label.setContentsMargins(8, 0, 8, 0)
        self._act(top, "print", self._print, QKeySequence.StandardKey.Print)
        self._act(top, "page_setup", self._page_setup)
        top.addStretch(1)
        self._act(top, "close", self.reject)
        self._act(bar, "previous_page", lambda: self.go_to(self.view.currentPage() - 1),
                  QKeySequence.StandardKey.MoveToPreviousPage)
        bar.addWidget(self.page_label)
        self._act(bar, "next_page", lambda: self.go_to(self.view.currentPage() + 1),
                  QKeySequence.StandardKey.MoveToNextPage)
        bar.addStretch(1)
        self._act(bar, "zoom_out", self.view.zoomOut, QKeySequence.StandardKey.ZoomOut)
        self._act(bar, "zoom_in", self.view.zoomIn, QKeySequence.StandardKey.ZoomIn)
        self._act(bar, "fit_width", self.view.fitToWidth)
        self._act(bar, "fit_page", self.view.fitInView)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.resize(760, 900)

    def _act(self, bar: QHBoxLayout, key: str, slot: Callable[[], object],
             shortcut: QKeySequence.StandardKey | None = None) -> QAction:
        """An action of the dialog (its shortcut works anywhere in it) and its button."""
        action = QAction(tr(key, self.lang).replace("&", ""), self)
        action.setObjectName(f"preview_{key}")
        action.triggered.connect(lambda: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        button = QPushButton(action.text())  # qt-material squashes tool buttons in dialogs
        button.setObjectName(f"previewButton_{key}")
        button.setAutoDefault(False)
        button.clicked.connect(action.trigger)
        bar.addWidget(button)
        return action

    def page_count(self) -> int:
        return self.view.pageCount()

    def go_to(self, page: int) -> None:
        """Show page ``page`` (1-based, clamped)."""
        self.view.setCurrentPage(max(1, min(page, self.view.pageCount())))
        self._update_page_label()

    def _update_page_label(self) -> None:
        total = self.view.pageCount()
        if total:
            self.page_label.setText(page_label(self.view.currentPage(), total,
                                               "ar" if self.lang == "ar" else "en"))

    def _paint(self, printer: QPrinter) -> None:
        """Paint every page (the widget records them); the paper or orientation may have been
        changed meanwhile, then the article is laid out again for it."""
        options = options_for_printer(printer, self.doc.options)
        if options != self.doc.options:
            doc = self._relayout(options)
            if doc is not None:
                self.doc = doc
        paint_pages(printer, self.doc, self.doc.pages)

    def _page_setup(self) -> None:
        options = self._edit_page_setup()
        if options is None or options == self.doc.options:
            return
        doc = self._relayout(options)
        if doc is None:
            return
        self.doc = doc
        configure_printer(self.printer, options, doc.article.title)
        self.view.updatePreview()

    def _print(self) -> None:
        self.print_requested = True
        self.accept()

