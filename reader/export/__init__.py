"""PDF export: articles typeset as searchable, bookmarked PDF files, without Qt.

The window calls :func:`export_pdf` (in a worker thread, with ``progress`` and ``cancelled``);
``qari export`` calls it from the command line. Page setup is :class:`PdfOptions`.
"""

from .drawing import GlyphRun, PageDrawing, Rule, draw_page, page_label
from .engine import PROGRESS_TOTAL, ExportReport, export_pdf, render_pdf, typeset
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
    "typeset",
]
