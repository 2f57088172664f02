"""PDF export: articles typeset as searchable, bookmarked PDF files, without Qt.

The window calls :func:`export_pdf` (in a worker thread, with ``progress`` and ``cancelled``);
``qari export`` calls it from the command line. Page setup is :class:`PdfOptions`.
"""

from .engine import (
    PROGRESS_TOTAL,
    ExportReport,
    Typeset,
    export_pdf,
    page_label,
    render_pdf,
    typeset,
)
from .errors import ExportCancelled, ExportError
from .options import Margins, PdfOptions

__all__ = [
    "PROGRESS_TOTAL",
    "ExportCancelled",
    "ExportError",
    "ExportReport",
    "Margins",
    "PdfOptions",
    "Typeset",
    "export_pdf",
    "page_label",
    "render_pdf",
    "typeset",
]
