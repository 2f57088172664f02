"""File > Print Preview: the typeset pages as they will print, right to left in Arabic.

The pages are the PDF engine's, drawn by :class:`.print_page_view.PageView` (only those on
screen); our own buttons, in the interface language, page through them, zoom, open Page
Setup (the pages are laid out again) and hand over to Print.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reader.export import PdfOptions, Typeset, page_label

from .i18n import tr
from .print_page_view import PageView

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

        self.view = PageView(doc, self)
        self.view.setAccessibleName(tr("a11y_preview_pages", lang))
        self.view.setAccessibleDescription(tr("a11y_preview_desc", lang))
        self.view.page_changed.connect(self._update_page_label)

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
        self._act(bar, "previous_page", lambda: self.go_to(self.view.current_page() - 1),
                  QKeySequence.StandardKey.MoveToPreviousPage)
        bar.addWidget(self.page_label)
        self._act(bar, "next_page", lambda: self.go_to(self.view.current_page() + 1),
                  QKeySequence.StandardKey.MoveToNextPage)
        bar.addStretch(1)
        self._act(bar, "zoom_out", self.view.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self._act(bar, "zoom_in", self.view.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self._act(bar, "fit_width", self.view.fit_width)
        self._act(bar, "fit_page", self.view.fit_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.resize(760, 900)
        self._update_page_label()

    def _act(self, row: QHBoxLayout, key: str, slot: Callable[[], object],
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
        row.addWidget(button)
        return action

    def page_count(self) -> int:
        return self.view.page_count()

    def go_to(self, page: int) -> None:
        """Show page ``page`` (1-based, clamped)."""
        self.view.go_to(page)
        self._update_page_label()

    def _update_page_label(self) -> None:
        self.page_label.setText(page_label(self.view.current_page(), self.view.page_count(),
                                           "ar" if self.lang == "ar" else "en"))

    def _page_setup(self) -> None:
        options = self._edit_page_setup()
        if options is None or options == self.doc.options:
            return
        doc = self._relayout(options)
        if doc is None:
            return
        self.doc = doc
        self.view.set_doc(doc)
        self.go_to(1)

    def _print(self) -> None:
        self.print_requested = True
        self.accept()
