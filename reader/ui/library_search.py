"""Library > Search (Ctrl+Shift+F): search every article of the library.

A non-modal dialog: a query field, then the results best first, each with the article title,
the section heading and a snippet with the matches highlighted; activating one (Enter or a
double click) opens the article at that match. Searching is :class:`reader.search.LibraryIndex`
(SQLite FTS5, in the user's cache folder); each time the dialog is shown, the index is brought
up to date in a background thread over the bundled articles and the library folders
(incremental: only new or changed files are read), with a progress bar while files are being
indexed. Every error (a query without words, an index that cannot be written) is a line in
the dialog; a damaged index is rebuilt by the update.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import threading
import time
import weakref
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
)

from reader.search import (
    IndexNotReadyError,
    LibraryIndex,
    SearchError,
    SearchResult,
    UpdateProgress,
    UpdateReport,
    default_index_path,
    default_library_dirs,
)

from . import settings as keys
from .find_highlights import colours_for
from .i18n import number, tr

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

#: Pause after typing before searching, in milliseconds.
TYPING_PAUSE_MS = 250
#: Most results listed.
RESULT_LIMIT = 50
#: While the index is being built, the query runs again at most this often (seconds).
REFRESH_SECONDS = 1.0
#: Progress reports from the indexing thread, at most one per this many seconds.
PROGRESS_SECONDS = 0.05

_RESULT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_HTML_ROLE = int(Qt.ItemDataRole.UserRole) + 2
_PAD = 8

_Index = QModelIndex | QPersistentModelIndex


class _Signals(QObject):
    """Carries the indexing thread's reports into the GUI thread (queued connections)."""

    progress = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(str, str)


#: Updaters whose thread may be running: stopped when Python exits (a thread still inside
#: SQLite or Qt while the interpreter shuts down can crash the process).
_UPDATERS: weakref.WeakSet[IndexUpdater] = weakref.WeakSet()


@atexit.register
def _stop_updaters() -> None:
    for updater in list(_UPDATERS):
        updater.stop()


class IndexUpdater:
    """Runs :meth:`LibraryIndex.update` in a Python thread, one update at a time; asked again
    while one runs, it runs once more when that one ends (the folders may have changed)."""

    def __init__(self, index: LibraryIndex) -> None:
        _UPDATERS.add(self)
        self.index = index
        self.signals = _Signals()
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._active = False  # set and cleared under the lock, unlike Thread.is_alive()
        self._again: list[Path] | None = None

    def running(self) -> bool:
        with self._lock:
            return self._active

    def start(self, roots: list[Path]) -> bool:
        """Start an update; True if it started now, False if it will follow the running one."""
        with self._lock:
            if self._active:
                self._again = roots
                return False
            self._active = True
            self._cancel.clear()
            self._thread = threading.Thread(
                target=self._run, args=(roots,), name="qari-index", daemon=True
            )
        self._thread.start()
        return True

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the update to stop after the current file and wait for it (what was indexed
        so far is kept)."""
        with self._lock:
            self._again = None
            self._cancel.set()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self, roots: list[Path]) -> None:
        while True:
            self._update(roots)
            with self._lock:
                if self._again is None or self._cancel.is_set():
                    self._active = False
                    return
                roots, self._again = self._again, None

    def _update(self, roots: list[Path]) -> None:
        last = [0.0]

        def progress(p: UpdateProgress) -> None:
            now = time.monotonic()
            if p.phase != "index" or now - last[0] >= PROGRESS_SECONDS or p.done == 0:
                last[0] = now
                self._emit(self.signals.progress, p.phase, p.done, p.total)

        report: UpdateReport | None = None
        failure: tuple[str, str] | None = None
        try:
            report = self.index.update(roots, progress=progress, cancel=self._cancel.is_set)
        except SearchError as err:
            failure = (err.arabic, err.english)
        except Exception as err:  # a bug must not go unseen, nor take the window down
            log.exception("library index update failed")
            failure = (f"{type(err).__name__}: {err}",) * 2
        finally:
            self.index.close()  # this thread's connection
        if failure is not None:
            self._emit(self.signals.failed, *failure)
        else:
            self._emit(self.signals.finished, report)

    @staticmethod
    def _emit(signal: SignalInstance, *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            signal.emit(*args)


def _stop(updater: weakref.ref[IndexUpdater]) -> None:
    alive = updater()
    if alive is not None:
        alive.stop()


def library_roots(window: MainWindow) -> list[Path]:
    """The bundled articles and the library folders the user added."""
    roots = default_library_dirs()
    roots += [Path(p) for p in window.settings.get(keys.LIBRARY_FOLDERS)]
    return roots


def result_html(result: SearchResult, lang: str, theme_name: str, muted: str) -> str:
    """One result as rich text: title — heading, then the snippet with its matches marked."""
    colours = colours_for(theme_name)
    title = escape(result.title.strip() or tr("lsearch_untitled", lang))
    head = f"<b>{title}</b>"
    if result.heading:
        heading = escape(" ".join(result.heading.split()))
        head += f' <span style="color:{muted}">— {heading}</span>'
    snippet = result.snippet
    parts = ["…" if snippet.cut_start else ""]
    pos = 0
    for start, end in snippet.highlights:
        parts.append(escape(snippet.text[pos:start]))
        parts.append(
            f'<span style="background-color:{colours.match_bg}; color:{colours.match_text}">'
            f"{escape(snippet.text[start:end])}</span>"
        )
        pos = end
    parts.append(escape(snippet.text[pos:]))
    if snippet.cut_end:
        parts.append("…")
    return f'<div dir="rtl">{head}</div><div dir="rtl">{"".join(parts)}</div>'


class _ResultDelegate(QStyledItemDelegate):
    """Paints a result's rich text, wrapped to the list's width."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def _document(self, html: str, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(self.view.font())
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setHtml(html)
        doc.setTextWidth(max(50.0, width))
        return doc

    def _width(self) -> float:
        return float(self.view.viewport().width() - 2 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(str(index.data(_HTML_ROLE)), self._width())
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette(opt.palette)
        if opt.state & QStyle.StateFlag.State_Selected:
            palette.setColor(
                QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.HighlightedText)
            )
        context.palette = palette
        rect = opt.rect
        painter.save()
        painter.translate(rect.left() + _PAD, rect.top() + _PAD / 2)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        doc = self._document(str(index.data(_HTML_ROLE)), self._width())
        return QSize(int(self._width()), int(doc.size().height()) + _PAD)


class LibrarySearchDialog(QDialog):
    """The Library > Search dialog (objectName ``librarySearch``); one per window."""

    #: (done, total) while files are being indexed.
    indexProgress = Signal(int, int)
    #: The update ended (an :class:`UpdateReport`; None when it failed).
    indexUpdated = Signal(object)

    def __init__(self, window: MainWindow, index: LibraryIndex | None = None) -> None:
        super().__init__(window)
        self.setObjectName("librarySearch")
        self.setModal(False)
        self.window_ = window
        lang = self.lang = window.lang
        self.setWindowTitle(tr("lsearch_title", lang))
        if lang == "ar":
            self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.index = index if index is not None else LibraryIndex(default_index_path())
        self.updater = IndexUpdater(self.index)
        self.results: list[SearchResult] = []
        self._roots: list[Path] = []  # the folders of the last update
        self._last_run = 0.0

        self.query = QLineEdit(self)
        self.query.setObjectName("librarySearchQuery")
        self.query.setPlaceholderText(tr("lsearch_placeholder", lang))
        self.query.setAccessibleName(tr("lsearch_title", lang))
        self.query.setClearButtonEnabled(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("librarySearchProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("librarySearchStatus")
        self.status.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("librarySearchResults")
        self.list.setAccessibleName(tr("a11y_lsearch_results", lang))
        self.list.setAccessibleDescription(tr("a11y_lsearch_desc", lang))
        self.list.setItemDelegate(_ResultDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        self.resize(760, 560)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.search_now)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self.search_now)
        self.query.installEventFilter(self)
        self.list.itemActivated.connect(self._on_activated)
        signals = self.updater.signals
        signals.progress.connect(self._on_progress)
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)
        app = QApplication.instance()
        if app is not None:  # let an update stop cleanly (after its current file) on quit
            app.aboutToQuit.connect(partial(_stop, weakref.ref(self.updater)))

    # -- the index ------------------------------------------------------------------------

    def update_index(self) -> None:
        """Bring the index up to date in the background (new and changed files only)."""
        self._roots = library_roots(self.window_)
        self.updater.start(self._roots)

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        if phase != "index" or not total:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.show()
        self._set_status(
            tr("lsearch_indexing", self.lang, done=number(done, self.lang),
               total=number(total, self.lang))
        )  # fmt: skip
        self.indexProgress.emit(done, total)
        if self.query.text().strip() and time.monotonic() - self._last_run > REFRESH_SECONDS:
            self.search_now()  # the index commits as it goes: show what it has so far

    def _on_finished(self, report: UpdateReport) -> None:
        self.progress.hide()
        if report.added + report.updated:
            self.indexProgress.emit(report.added + report.updated, report.added + report.updated)
        if self.query.text().strip():
            self.search_now()
        else:
            self._set_status("")
        if report.failed:
            names = tr("list_comma", self.lang).join(p.name for p, _ in report.failed[:3])
            if len(report.failed) > 3:
                names += " …"
            extra = tr("lsearch_unreadable", self.lang, names=names)
            self._set_status(f"{self.status.text()}\n{extra}".strip())
        self.indexUpdated.emit(report)

    def _on_failed(self, arabic: str, english: str) -> None:
        self.progress.hide()
        reason = arabic if self.lang == "ar" else english
        self._set_status(tr("lsearch_failed", self.lang, reason=reason), error=True)
        self.indexUpdated.emit(None)

    # -- searching ------------------------------------------------------------------------

    def search_now(self) -> None:
        """Run the query; list the results best first, or say why there are none."""
        self._timer.stop()
        self._last_run = time.monotonic()
        text = self.query.text()
        self.list.clear()
        self.results = []
        if not text.strip():
            self._set_status("")
            return
        roots = library_roots(self.window_)
        if roots != self._roots:  # a folder was added or removed meanwhile
            self.update_index()
        try:
            self.results = self.index.search(text, roots=roots, limit=RESULT_LIMIT)
        except IndexNotReadyError:
            if not self.updater.running():
                self.update_index()
            self._set_status(tr("lsearch_building", self.lang))
            return
        except SearchError as err:
            reason = err.arabic if self.lang == "ar" else err.english
            self._set_status(tr("lsearch_failed", self.lang, reason=reason), error=True)
            return
        except Exception as err:  # never a traceback in the user's face
            log.exception("library search failed")
            reason = f"{type(err).__name__}: {err}"
            self._set_status(tr("lsearch_failed", self.lang, reason=reason), error=True)
            return
        theme = self.window_.theme
        for result in self.results:
            item = QListWidgetItem()
            item.setData(_RESULT_ROLE, result)
            item.setData(_HTML_ROLE, result_html(result, self.lang, theme.name, theme.muted))
            item.setToolTip(str(result.path))
            self.list.addItem(item)
        if self.results:
            self.list.setCurrentRow(0)
        self._set_status(self._count_text(len(self.results)))

    def _count_text(self, n: int) -> str:
        if n == 0:
            return tr("lsearch_none", self.lang)
        if n == 1:
            return tr("lsearch_one", self.lang)
        if n == 2:
            return tr("lsearch_two", self.lang)
        key = "lsearch_few" if self.lang == "ar" and 3 <= n % 100 <= 10 else "lsearch_many"
        return tr(key, self.lang, n=number(n, self.lang))

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("error", error)
        self.status.setStyleSheet("color: #b3261e;" if error else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down (or Page Down) from the query goes to the results, as in a search box.
        if (
            watched is self.query
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
            and self.list.count()
        ):
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.list.currentRow() < 0:
                self.list.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    # -- opening a result -----------------------------------------------------------------

    def _on_activated(self, item: QListWidgetItem) -> None:
        result = item.data(_RESULT_ROLE)
        if isinstance(result, SearchResult):
            self.open_result(result)

    def open_result(self, result: SearchResult) -> None:
        """Open the result's article (or switch to it) at the match, its words selected."""
        window = self.window_
        if not result.path.exists():
            self._set_status(tr("lsearch_gone", self.lang, name=result.path.name), error=True)
            return
        pane = window.open_file(result.path)
        if pane is None:
            return  # the window said why in its message bar
        placed = result.match is not None and pane.go_to_match(result.match)
        if not placed and result.section_id is not None:
            pane.scroll_to_section(result.section_id)  # the file changed since it was indexed
        window.activateWindow()
        pane.setFocus(Qt.FocusReason.OtherFocusReason)


def library_search_dialog(window: MainWindow) -> LibrarySearchDialog:
    """The window's search dialog, made on first use."""
    dialog = window.findChild(LibrarySearchDialog, "librarySearch")
    if dialog is None:
        dialog = LibrarySearchDialog(window)
    return dialog


def search_library(window: MainWindow) -> LibrarySearchDialog:
    """Library > Search: show the dialog, update the index in the background."""
    dialog = library_search_dialog(window)
    dialog.show()
    dialog.activateWindow()
    dialog.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
    dialog.query.selectAll()
    dialog.update_index()
    return dialog
