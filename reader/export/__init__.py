"""PDF export and print layout: articles typeset as searchable, bookmarked PDF, without Qt.

* Export PDF: :func:`export_pdf` (in a worker thread, with ``progress`` and ``cancelled``);
  :func:`suggested_filename` for the save dialog. ``qari export`` uses the same function.
* Print and print preview: :func:`typeset` once, then :func:`draw_page` for each page gives
  glyph runs and rules in points, to paint with ``QRawFont`` + ``QGlyphRun`` (see
  ``tests/unit/test_export_print.py``): the same glyphs at the same places as the PDF.
* Page setup: :class:`PdfOptions` (paper, orientation, :class:`Margins`, page-label
  language, body size).
"""

from .drawing import GlyphRun, PageDrawing, Rule, draw_page, page_label
from .engine import (
    PROGRESS_TOTAL,
    ExportReport,
    export_pdf,
    render_pdf,
    suggested_filename,
    typeset,
)
from .errors import ExportCancelled, ExportError
from .options import Margins, PdfOptions
from .paginate import Typeset

__all__ = [
    "PROGRESS_TOTAL",
    "ExportCancelled",
    "ExportError",
    "ExportReport",
    "GlyphRun",
    "Margins",
    "PageDrawing",
    "PdfOptions",
    "Rule",
    "Typeset",
    "draw_page",
    "export_pdf",
    "page_label",
    "render_pdf",
    "suggested_filename",
    "typeset",
]
