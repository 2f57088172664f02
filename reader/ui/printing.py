"""File > Print, Print Preview, Page Setup and Export PDF for the window's current article.

Everything is laid out by the PDF engine (:mod:`reader.export`): printing and the preview
paint its pages with Qt (:mod:`.print_pages`), Export PDF writes its PDF. Choosing "print to
file (PDF)" in the print dialog therefore writes the engine's PDF too (searchable text,
bookmarks), not Qt's own PDF output, whose text layer loses the Arabic letters.

Long work runs in a background thread (:mod:`.export_job`) with a progress dialog that can
cancel it; a cancelled or failed export leaves any existing file untouched. Every message is
in the interface language; no article open gives a message, not a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog

import reader.export as engine
from reader.export import PROGRESS_TOTAL, ExportReport, PdfOptions, Typeset, suggested_filename
from reader.model import Article, ArticleError

from . import settings as keys
from .export_job import BackgroundJob, Work
from .i18n import count_text, tr
from .page_setup_dialog import PageSetupDialog, page_options, save_page_options
from .print_pages import configure_printer, options_for_printer, pages_to_print, paint_pages
from .print_preview_dialog import PrintPreviewDialog

if TYPE_CHECKING:
    from .main_window import MainWindow

#: The export running for each window (one at a time), for the busy message and for tests.
_EXPORTS: dict[int, BackgroundJob] = {}
#: Export jobs whose thread may still run (they have no Qt parent to keep them).
_LIVE: set[BackgroundJob] = set()


def current_article(window: MainWindow) -> Article | None:
    """The article of the current tab, or None after telling the user there is none."""
    pane = window.current_pane()
    if pane is None or pane.article is None:
        window.show_message(tr("print_no_article", window.lang), "info")
        return None
    article: Article = pane.article
    return article


def current_options(window: MainWindow) -> PdfOptions:
    """The remembered page setup, page numbers in the interface language."""
    return page_options(window.settings, window.lang)


def pages_text(n: int, lang: str) -> str:
    """"٧ صفحات" / "7 pages"."""
    return count_text("pages", n, lang)


def error_text(err: BaseException, lang: str) -> str:
    """An error as one sentence in the interface language."""
    if isinstance(err, ArticleError):
        return err.arabic if lang == "ar" else err.english
    if isinstance(err, OSError):
        return err.strerror or str(err)
    return str(err) or type(err).__name__


# -- page setup -------------------------------------------------------------------------


def edit_page_setup(window: MainWindow) -> PdfOptions | None:
    """Show Page Setup; the accepted choice is remembered and returned."""
    dialog = PageSetupDialog(current_options(window), window.lang, window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        options = dialog.options()
        if options is not None:
            save_page_options(window.settings, options)
        return options
    finally:
        dialog.deleteLater()


def page_setup(window: MainWindow) -> None:
    """File > Page Setup: paper, orientation and margins, for print, preview and export."""
    edit_page_setup(window)


# -- layout with progress ---------------------------------------------------------------


def run_with_progress(window: MainWindow, label: str, work: Work) -> Any:
    """Run ``work`` in the background behind a window-modal progress dialog (busy
    indicator) and wait for it in a local event loop: the window keeps repainting.
    Returns its result, or None when cancelled or failed (failures are reported)."""
    job = BackgroundJob(work)  # no parent: never deleted under its running thread
    dialog = QProgressDialog(label, tr("cancel", window.lang), 0, 0, window)
    dialog.setObjectName("layoutProgress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    job.succeeded.connect(lambda result: outcome.__setitem__("result", result))
    job.failed.connect(lambda err: outcome.__setitem__("error", err))
    job.done.connect(loop.quit)
    job.start()
    loop.exec()
    dialog.canceled.disconnect(job.cancel)
    dialog.hide()
    dialog.deleteLater()
    job.deleteLater()
    if "error" in outcome:
        window.show_message(tr("print_failed", window.lang,
                               reason=error_text(outcome["error"], window.lang)), "error")
    return outcome.get("result")


def typeset_article(window: MainWindow, article: Article, options: PdfOptions) -> Typeset | None:
    """The article laid out on pages (in the background), or None when cancelled/failed."""
    doc: Typeset | None = run_with_progress(
        window, tr("preparing_pages", window.lang),
        lambda progress, cancelled: engine.typeset(article, options, progress, cancelled),
    )
    return doc


# -- print --------------------------------------------------------------------------------


def print_article(window: MainWindow, doc: Typeset | None = None) -> None:
    """File > Print (Ctrl+P): the print dialog, then the pages to the chosen printer
    (``doc``: the pages the preview already laid out)."""
    article = current_article(window) if doc is None else doc.article
    if article is None:
        return
    options = current_options(window) if doc is None else doc.options
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_printer(printer, options, article.title)
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle(tr("print_title", window.lang))
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
    finally:
        dialog.deleteLater()
    print_to(window, article, printer, options, doc)


def prints_to_pdf(printer: QPrinter) -> bool:
    """True when the print dialog's choice was "print to file (PDF)"."""
    return (printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
            and bool(printer.outputFileName()))


def print_to(window: MainWindow, article: Article, printer: QPrinter,
             options: PdfOptions, doc: Typeset | None = None) -> bool:
    """Print ``article`` on a printer the print dialog set up. A PDF file as the target gets
    the engine's PDF (the same as Export PDF, written in the background); a printer gets the
    pages painted. Returns True when the pages went out (or the export started)."""
    options = options_for_printer(printer, options)
    if prints_to_pdf(printer):
        return start_export(window, article, Path(printer.outputFileName()), options) is not None
    if doc is None or doc.options != options:
        doc = typeset_article(window, article, options)
        if doc is None:
            return False
    pages = pages_to_print(printer, doc)
    progress = QProgressDialog(tr("printing_pages", window.lang), tr("cancel", window.lang),
                               0, len(pages), window)
    progress.setObjectName("printProgress")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)

    def on_page(i: int) -> bool:
        progress.setValue(i)
        return not progress.wasCanceled()

    try:
        ok = paint_pages(printer, doc, pages, on_page)
    finally:
        progress.hide()
        progress.deleteLater()
    if ok:
        window.statusBar().showMessage(tr("print_done", window.lang), 8000)
    elif progress.wasCanceled():
        window.show_message(tr("print_cancelled", window.lang), "info")
    else:
        window.show_message(tr("print_failed", window.lang, reason=printer.printerName()
                               or printer.outputFileName()), "error")
    return ok


# -- print preview ----------------------------------------------------------------------


def make_preview(window: MainWindow) -> PrintPreviewDialog | None:
    """The preview dialog for the current article, laid out with the page setup."""
    article = current_article(window)
    if article is None:
        return None
    doc = typeset_article(window, article, current_options(window))
    if doc is None:
        return None
    return PrintPreviewDialog(
        doc, window.lang,
        relayout=lambda options: typeset_article(window, article, options),
        edit_page_setup=lambda: edit_page_setup(window),
        parent=window,
    )


def print_preview(window: MainWindow) -> None:
    """File > Print Preview: the pages first; its Print button goes on to the print dialog."""
    dialog = make_preview(window)
    if dialog is None:
        return
    try:
        dialog.exec()
        wants_print, doc = dialog.print_requested, dialog.doc
    finally:
        dialog.deleteLater()
    if wants_print:
        print_article(window, doc)


# -- export PDF -------------------------------------------------------------------------


def active_export(window: MainWindow) -> BackgroundJob | None:
    """The export running for ``window``, if any."""
    return _EXPORTS.get(id(window))


def export_folder(window: MainWindow) -> Path:
    """Where the save dialog opens: the folder of the last export, else Documents."""
    remembered = window.settings.get(keys.EXPORT_FOLDER)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def export_pdf(window: MainWindow) -> None:
    """File > Export PDF (Ctrl+Shift+E): ask for a file name (the article's title), then
    write the PDF in the background with a progress dialog that can cancel it."""
    article = current_article(window)
    if article is None:
        return
    if active_export(window) is not None:
        window.show_message(tr("export_busy", window.lang), "info")
        return
    start = export_folder(window) / suggested_filename(article)
    name, _ = QFileDialog.getSaveFileName(window, tr("export_title", window.lang), str(start),
                                          tr("filter_pdf", window.lang))
    if not name:
        return
    dest = Path(name)
    if dest.suffix.lower() != ".pdf":
        dest = dest.with_name(dest.name + ".pdf")
    window.settings.set(keys.EXPORT_FOLDER, str(dest.parent))
    start_export(window, article, dest, current_options(window))


def start_export(window: MainWindow, article: Article, dest: Path,
                 options: PdfOptions) -> BackgroundJob | None:
    """Write ``article`` to ``dest`` in the background; the outcome is a message."""
    if active_export(window) is not None:
        window.show_message(tr("export_busy", window.lang), "info")
        return None
    lang = window.lang
    # No parent: the window may be closed (and deleted) while the thread still emits, and a
    # job deleted under its thread crashes the process. _LIVE keeps it until its thread ends.
    job = BackgroundJob(
        lambda progress, cancelled: engine.export_pdf(article, dest, options, progress, cancelled),
    )
    _LIVE.add(job)

    def release() -> None:
        if job in _LIVE:
            _LIVE.discard(job)
            job.deleteLater()
    dialog = QProgressDialog(tr("exporting", lang, name=f"\u2068{dest.name}\u2069"),
                             tr("cancel", lang),
                             0, PROGRESS_TOTAL, window)
    dialog.setObjectName("exportProgress")
    dialog.setWindowModality(Qt.WindowModality.NonModal)  # keep reading meanwhile
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    dialog.canceled.connect(job.cancel)
    # Set when the window (and the dialog, its child, first) is being deleted: signals the
    # thread queued before that still arrive, and must not touch either.
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    def progressed(done: int, total: int) -> None:
        if not gone:
            dialog.setValue(min(done, total))

    job.progressed.connect(progressed)

    def succeeded(report: ExportReport) -> None:
        if gone:
            return
        path = f"\u2066{dest}\u2069"  # left-to-right isolate: the slashes stay in place
        text = tr("export_done", lang, pages=pages_text(report.pages, lang), path=path)
        window.show_message(text, "info")
        window.statusBar().showMessage(text, 10000)

    def failed(err: BaseException) -> None:
        if gone:
            return
        window.show_message(tr("export_failed", lang, reason=error_text(err, lang)), "error")

    def finished() -> None:
        if gone:
            release()
            return
        _EXPORTS.pop(id(window), None)
        dialog.canceled.disconnect(job.cancel)
        dialog.hide()
        dialog.deleteLater()
        release()

    job.succeeded.connect(succeeded)
    job.failed.connect(failed)
    def was_cancelled() -> None:
        if not gone:
            window.show_message(tr("export_cancelled", lang), "info")

    job.was_cancelled.connect(was_cancelled)
    job.done.connect(finished)
    key = id(window)
    _EXPORTS[key] = job
    stop = job.cancel  # only sets a flag

    def window_gone() -> None:
        if job not in _LIVE:  # finished (and released) before the window went
            return
        gone.append(True)
        stop()
        _EXPORTS.pop(key, None)

    window.destroyed.connect(window_gone)
    job.dialog = dialog
    job.start()
    return job
