"""The main window: section tree and library on the right, articles in tabs on the left.

It wires the parts together and remembers things; the parts do the work: the reading pane
typesets and navigates (:mod:`.reading_pane`), the item model adapts the article
(:mod:`.section_model`), actions come from one table (:mod:`.actions`), settings from one
typed object (:mod:`.settings`). Tree and pane talk only in section ids; a guard flag stops
the tree's programmatic selection from feeding back into the pane.

Printing and PDF export (:mod:`.printing`), the find bar (:mod:`.find_bar`, placed at
:attr:`MainWindow.find_bar_slot` under the text) and library search (:mod:`.library_search`)
live in their own modules, imported the first time the user asks for them.
"""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader import paths
from reader.model import Article, ArticleError, load_article

from . import settings as keys
from .accessibility import announce_section, describe_main_window
from .actions import MENUS, TOOLBAR, build_actions
from .file_watcher import FileWatcher
from .i18n import minutes_text, section_text, set_digits, tr, words_text
from .message_bar import MessageBar
from .presized_tabs import PresizedTabs
from .reading_pane import ReadingPane
from .reading_prefs import ReadingPrefs, load_prefs, save_prefs, usable
from .recent import add_recent, clear_recent, prune_recent
from .section_model import ROOT_ID
from .settings import Settings
from .themes import THEMES, ThemeManager

if TYPE_CHECKING:
    from .library_panel import LibraryPanel

log = logging.getLogger(__name__)

#: Reading speed used for the status bar's reading time (words per minute).
WORDS_PER_MINUTE = 180
ZOOM_STEP = 10
#: Trees with more sections than this get one-line rows (see _on_tab_changed).
LONG_TREE = 300


class MainWindow(QMainWindow):
    """The reader window. Build it with :func:`reader.ui.app.make_window`."""

    def __init__(self, settings: Settings, themes: ThemeManager, lang: str = "ar") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.themes = themes
        self.lang = lang
        #: False for throw-away windows (screenshots): nothing is saved on close.
        self.persist = True
        self._syncing = False
        self.zoom = settings.get(keys.ZOOM)
        self.theme = THEMES[themes.current or settings.get(keys.THEME)]
        self.reading = load_prefs(settings)  # typeface, spacing, width, harakat, digits
        set_digits(self.reading.digits)
        self.setWindowTitle(tr("app_name", lang))
        self.setAcceptDrops(True)

        # Built from the window down, each widget made inside its final parent: under the
        # application stylesheet, moving a polished widget into another parent polishes its
        # whole subtree again, and building bottom-up did that at every level (~6 ms).
        central = QWidget(self)
        self.setCentralWidget(central)
        self.central_layout = QVBoxLayout(central)
        self.central_layout.setContentsMargins(6, 6, 6, 0)
        self.central_layout.setSpacing(6)
        self.message_bar = MessageBar(lang, central)
        self.central_layout.addWidget(self.message_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setObjectName("mainSplitter")
        self.central_layout.addWidget(self.splitter, 1)
        #: HOOK (find bar): insert the find bar (objectName "findBar") at this layout index.
        self.find_bar_slot = self.central_layout.count()

        self.side = PresizedTabs(self.splitter)
        self.side.setObjectName("sideTabs")
        self.splitter.addWidget(self.side)  # first = right-hand side in a right-to-left window
        self.tree = QTreeView(self.side.pages())
        self.tree.setObjectName("sectionTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.clicked.connect(self._on_tree_activated)
        self.tree.activated.connect(self._on_tree_activated)
        self._library: LibraryPanel | None = None  # built when first shown
        self.side.addTab(self.tree, tr("sections_tab", lang))
        self.side.addTab(QWidget(self.side.pages()), tr("library_tab", lang))
        self.side.currentChanged.connect(self._on_side_tab)

        self.stack = QStackedWidget(self.splitter)
        self.splitter.addWidget(self.stack)
        self.empty = QLabel(tr("no_article", lang), self.stack)
        self.empty.setObjectName("emptyLabel")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)
        self.tabs = PresizedTabs(self.stack)
        self.tabs.setObjectName("documentTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabBarAutoHide(True)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.stack.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        status = self.statusBar()
        self.section_label = QLabel(status)
        self.section_label.setObjectName("statusSection")
        self.words_label = QLabel(status)
        self.words_label.setObjectName("statusWords")
        self.time_label = QLabel(status)
        self.time_label.setObjectName("statusTime")
        for label in (self.section_label, self.words_label, self.time_label):
            label.setContentsMargins(10, 0, 10, 0)
            status.addPermanentWidget(label)

        self.actions_by_name = build_actions(self, lang)
        self._build_menus()
        self.actions_by_name[f"theme_{self.theme.name}"].setChecked(True)
        self.actions_by_name[f"lang_{lang}"].setChecked(True)
        describe_main_window(self)  # accessible names, descriptions and tab order
        self.actions_by_name["show_harakat"].setChecked(self.reading.show_harakat)

        self.watcher = FileWatcher(self)
        self.watcher.changed.connect(lambda path: self.reload_file(Path(path)))
        self._show_stack()

    # -- building ----------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for title, names in MENUS:
            menu = bar.addMenu(tr(title, self.lang))
            menu.setObjectName(title)
            for name in names:
                if name == "-":
                    menu.addSeparator()
                elif name == "@recent":
                    self.recent_menu = menu.addMenu(tr("menu_recent", self.lang))
                    self.recent_menu.setObjectName("menu_recent")
                    self.recent_menu.aboutToShow.connect(self.rebuild_recent_menu)
                else:
                    menu.addAction(self.actions_by_name[name])
        self.toolbar = toolbar = QToolBar(tr("app_name", self.lang))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in TOOLBAR:
            if name == "-":
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.actions_by_name[name])
        self.addToolBar(toolbar)

    # -- opening -----------------------------------------------------------------------

    def panes(self) -> list[ReadingPane]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]  # type: ignore[misc]

    def current_pane(self) -> ReadingPane | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ReadingPane) else None

    def open_paths(self, paths_: list[str | Path]) -> int:
        """Open several files; returns how many opened."""
        return sum(self.open_file(p) is not None for p in paths_)

    def open_file(self, path: str | Path, activate: bool = True) -> ReadingPane | None:
        """Open (or switch to) the article at ``path``; errors go to the message bar."""
        try:
            resolved = Path(path).expanduser().resolve()
        except (OSError, RuntimeError):  # a symlink loop: the loader refuses it with a message
            resolved = Path(path).expanduser().absolute()
        for i, pane in enumerate(self.panes()):
            if pane.path == resolved:
                if activate:
                    self.tabs.setCurrentIndex(i)
                return pane
        article = self._load(resolved)
        if article is None:
            return None
        pane = ReadingPane(self.tabs.pages())
        pane.path = resolved
        pane.setAcceptDrops(False)  # drops go to the window
        pane.set_theme(self.theme)
        pane.set_zoom(self.zoom)
        pane.set_reading(usable(self.reading))
        pane.sectionChanged.connect(lambda sid, p=pane: self._on_section_changed(p, sid))
        pane.linkHovered.connect(lambda url: self.statusBar().showMessage(url))
        pane.zoomRequested.connect(lambda step: self.set_zoom(self.zoom + step * ZOOM_STEP))
        pane.linkRefused.connect(
            lambda url: self.show_message(tr("link_refused", self.lang, url=url), "error")
        )
        pane.set_article(article, self.settings.position(resolved))
        index = self.tabs.addTab(pane, _short(article.label()))
        self.tabs.setTabToolTip(index, str(resolved))
        self.watcher.watch(resolved)
        if self.persist:
            add_recent(self.settings, resolved)
        if activate:
            self.tabs.setCurrentIndex(index)
            pane.setFocus(Qt.FocusReason.OtherFocusReason)  # PgDown reads on at once
        self._show_stack()
        return pane

    def _load(self, path: Path) -> Article | None:
        failed = tr("open_failed", self.lang, name=path.name)
        try:
            return load_article(path)
        except ArticleError as err:
            self.show_error(f"{failed} {self._err_text(err)}")
        except Exception as err:  # a parser bug must not take the reader down
            log.exception("could not open %s", path)
            self.show_error(f"{failed} {type(err).__name__}: {err}")
        return None

    def _err_text(self, err: ArticleError) -> str:
        return err.arabic if self.lang == "ar" else err.english

    def open_dialog(self) -> None:
        filters = ";;".join(
            tr(k, self.lang)
            for k in ("filter_all", "filter_text", "filter_markdown", "filter_html", "filter_any")
        )
        current = self._current_path()
        start = str(current.parent) if current is not None else str(Path.home())
        names, _ = QFileDialog.getOpenFileNames(self, tr("open_title", self.lang), start, filters)
        self.open_paths(list(names))

    def _current_path(self) -> Path | None:
        pane = self.current_pane()
        return pane.path if pane is not None else None

    # -- tabs --------------------------------------------------------------------------

    def close_current_tab(self) -> None:
        if self.tabs.count():
            self.close_tab(self.tabs.currentIndex())

    def close_tab(self, index: int) -> None:
        pane = self.tabs.widget(index)
        if not isinstance(pane, ReadingPane):
            return
        self._save_position(pane)
        if pane.path is not None:
            self.watcher.unwatch(pane.path)
        self.tabs.removeTab(index)
        pane.deleteLater()
        self._show_stack()

    def next_tab(self) -> None:
        if self.tabs.count() > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())

    def previous_tab(self) -> None:
        if self.tabs.count() > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() - 1) % self.tabs.count())

    def _show_stack(self) -> None:
        self.stack.setCurrentWidget(self.tabs if self.tabs.count() else self.empty)
        if not self.tabs.count():
            self.tree.setModel(None)
            self.setWindowTitle(tr("app_name", self.lang))
            self._update_status()

    def _on_tab_changed(self, _index: int) -> None:
        pane = self.current_pane()
        if pane is None:
            return
        self.tree.setModel(pane.section_model)
        # A book's thousands of headings: one line each, or every theme switch and scroll-spy
        # step measures them all (0.2-1 s with 9,000 sections).
        self.tree.setUniformRowHeights(len(pane.section_ids()) > LONG_TREE)
        self.tree.expandAll()
        title = pane.article.label() if pane.article is not None else ""
        self.setWindowTitle(f"{title} — {tr('app_name', self.lang)}")
        self._select_in_tree(pane.current_section())
        self._update_status()
        announce_section(self)

    # -- tree <-> text -----------------------------------------------------------------

    def _on_tree_activated(self, index: QModelIndex) -> None:
        pane = self.current_pane()
        if pane is None or pane.section_model is None or self._syncing:
            return
        pane.scroll_to_section(pane.section_model.section_id(index))

    def _on_section_changed(self, pane: ReadingPane, section_id: int) -> None:
        if pane is self.current_pane():
            self._select_in_tree(section_id)
            self._update_status()
            announce_section(self)

    def _select_in_tree(self, section_id: int) -> None:
        pane = self.current_pane()
        selection = self.tree.selectionModel()
        if pane is None or pane.section_model is None or selection is None:
            return
        index = pane.section_model.index_for(section_id)
        self._syncing = True
        try:
            selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)
            self.tree.scrollTo(index)
        finally:
            self._syncing = False

    def selected_section(self) -> int:
        """Section id of the tree's current item (ROOT_ID when none)."""
        pane = self.current_pane()
        if pane is None or pane.section_model is None:
            return ROOT_ID
        return pane.section_model.section_id(self.tree.currentIndex())

    def next_section(self) -> None:
        if (pane := self.current_pane()) is not None:
            pane.step_section(1)

    def previous_section(self) -> None:
        if (pane := self.current_pane()) is not None:
            pane.step_section(-1)

    def toggle_focus(self) -> None:
        pane = self.current_pane()
        if pane is None:
            return
        if pane.hasFocus():
            self.side.setCurrentWidget(self.tree)
            self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _update_status(self) -> None:
        pane = self.current_pane()
        if pane is None or pane.article is None:
            for label in (self.section_label, self.words_label, self.time_label):
                label.clear()
            return
        ids = pane.section_ids()
        current = pane.current_section()
        if current in ids:
            self.section_label.setText(section_text(ids.index(current) + 1, len(ids), self.lang))
        else:
            self.section_label.setText(tr("status_start", self.lang))
        words = pane.word_count
        self.words_label.setText(words_text(words, self.lang))
        minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
        self.time_label.setText(minutes_text(minutes, self.lang))

    # -- look ---------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        model = self.tree.model()
        detach = model is not None and self.tree.uniformRowHeights()  # a book's long tree
        if detach:  # else the restyle walks its thousands of rows in Python several times
            self.tree.setModel(None)
        self.theme = self.themes.apply(name)
        if detach:
            self.tree.setModel(model)
            self.tree.expandAll()
            pane = self.current_pane()
            if pane is not None:
                self._select_in_tree(pane.current_section())
        for pane in self.panes():
            pane.set_theme(self.theme)
        self.actions_by_name[f"theme_{self.theme.name}"].setChecked(True)
        self.settings.set(keys.THEME, self.theme.name)

    def use_light_theme(self) -> None:
        self.set_theme("light")

    def use_dark_theme(self) -> None:
        self.set_theme("dark")

    def use_sepia_theme(self) -> None:
        self.set_theme("sepia")

    def set_reading(self, prefs: ReadingPrefs) -> None:
        """Apply reading settings to every pane and the status bar; remember them."""
        self.reading = prefs
        shown = usable(prefs)
        for pane in self.panes():
            pane.set_reading(shown)
        set_digits(prefs.digits)
        self.actions_by_name["show_harakat"].setChecked(prefs.show_harakat)
        save_prefs(self.settings, prefs)
        self._update_status()

    def toggle_harakat(self) -> None:
        """View > Show Harakat: display only (search and export keep them)."""
        shown = self.actions_by_name["show_harakat"].isChecked()
        self.set_reading(self.reading._replace(show_harakat=shown))

    def show_reading_settings(self) -> None:
        """View > Reading Settings: the non-modal dialog (see :mod:`.reading_settings`)."""
        from .reading_settings import show_reading_settings

        show_reading_settings(self)

    def toggle_focus_mode(self) -> None:
        """View > Focus Mode (F11): full screen, the text alone (see :mod:`.focus_mode`)."""
        from .focus_mode import toggle

        toggle(self)

    def set_zoom(self, percent: int) -> None:
        self.zoom = max(keys.ZOOM_MIN, min(keys.ZOOM_MAX, percent))
        for pane in self.panes():
            pane.set_zoom(self.zoom)
        self.settings.set(keys.ZOOM, self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom + ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom - ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_zoom(100)

    # -- messages -----------------------------------------------------------------------

    def show_message(self, text: str, kind: str = "info") -> None:
        self.message_bar.show_message(text, kind)

    def show_error(self, text: str) -> None:
        self.message_bar.show_message(text, "error")

    def show_about(self) -> None:
        from reader import __version__

        QMessageBox.about(self, tr("about", self.lang),
                          tr("about_text", self.lang, version=__version__))

    # -- recent files -------------------------------------------------------------------

    def rebuild_recent_menu(self) -> None:
        """Fill Open Recent (when it is about to show), pruning missing files with a note."""
        recent, gone = prune_recent(self.settings)
        if gone:
            comma = tr("list_comma", self.lang)
            names = comma.join(Path(p).name for p in gone)
            self.show_message(tr("recent_pruned", self.lang, names=names))
        menu = self.recent_menu
        menu.clear()
        for n, name in enumerate(recent, start=1):
            action = menu.addAction(f"&{n % 10} {Path(name).name}")
            action.setToolTip(name)
            action.triggered.connect(lambda _c=False, p=name: self.open_file(p))
        if not recent:
            menu.addAction(tr("recent_empty", self.lang)).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(tr("recent_clear", self.lang)).triggered.connect(
                lambda: clear_recent(self.settings)
            )

    # -- library --------------------------------------------------------------------------

    @property
    def library(self) -> LibraryPanel:
        """The library panel (made on first use: start-up does not pay for it)."""
        if self._library is None:
            from .library_panel import LibraryPanel

            self._library = LibraryPanel(self.lang)
            self._library.openRequested.connect(lambda p: self.open_file(p))
            self._library.removeRequested.connect(self._remove_library_folder)
            current = self.side.currentIndex()
            placeholder = self.side.widget(1)
            self.side.blockSignals(True)
            self.side.removeTab(1)
            self.side.insertTab(1, self._library, tr("library_tab", self.lang))
            self.side.setCurrentIndex(current)
            self.side.blockSignals(False)
            if placeholder is not None:
                placeholder.deleteLater()
            self._refresh_library()
        return self._library

    def _on_side_tab(self, index: int) -> None:
        if index == 1:
            self.side.setCurrentWidget(self.library)

    def _refresh_library(self) -> None:
        from .library_panel import LibraryFolder

        folders = [LibraryFolder(paths.articles_dir(), tr("bundled_articles", self.lang), False)]
        folders += [LibraryFolder(Path(p), Path(p).name or p)
                    for p in self.settings.get(keys.LIBRARY_FOLDERS)]
        self.library.set_folders(folders)

    def show_library(self) -> None:
        self.side.setCurrentWidget(self.library)
        self.library.tree.setFocus()

    def add_library_folder(self, folder: str | Path | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, tr("add_folder_title", self.lang))
            if not folder:
                return
        resolved = str(Path(folder).expanduser().resolve())
        current = self.settings.get(keys.LIBRARY_FOLDERS)
        if resolved not in current:
            self.settings.set(keys.LIBRARY_FOLDERS, [*current, resolved])
        self._refresh_library()
        self.show_library()

    def _remove_library_folder(self, folder: str) -> None:
        current = self.settings.get(keys.LIBRARY_FOLDERS)
        self.settings.set(keys.LIBRARY_FOLDERS, [p for p in current if p != folder])
        self._refresh_library()

    # -- features living in their own modules (imported on first use: fast start-up) --------

    def print_article(self) -> None:
        """File > Print (Ctrl+P): the print dialog; see :mod:`.printing`."""
        from .printing import print_article

        print_article(self)

    def print_preview(self) -> None:
        """File > Print Preview: the pages before printing; see :mod:`.printing`."""
        from .printing import print_preview

        print_preview(self)

    def export_pdf(self) -> None:
        """File > Export PDF (Ctrl+Shift+E): ask for a file name, write it in the background."""
        from .printing import export_pdf

        export_pdf(self)

    def page_setup(self) -> None:
        """File > Page Setup: paper, orientation and margins, remembered."""
        from .printing import page_setup

        page_setup(self)

    def show_find_bar(self) -> None:
        """Edit > Find (Ctrl+F): the find bar (objectName ``findBar``) under the text."""
        from .find_bar import show_find_bar

        show_find_bar(self)

    def find_next(self) -> None:
        """Edit > Find Next (F3): the next match (opens the find bar if it is closed)."""
        from .find_bar import find_bar

        find_bar(self).next()

    def find_previous(self) -> None:
        """Edit > Find Previous (Shift+F3): the previous match."""
        from .find_bar import find_bar

        find_bar(self).previous()

    def search_library(self) -> None:
        """Library > Search (Ctrl+Shift+F): search every article in the library."""
        from .library_search import search_library

        search_library(self)

    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts (F1): every action's keys; see :mod:`.shortcuts_dialog`."""
        from .shortcuts_dialog import show_shortcuts

        show_shortcuts(self)

    def use_arabic_interface(self) -> None:
        """Help > Arabic Interface (remembered; applies at the next start)."""
        from .app import choose_language

        choose_language(self, "ar")

    def use_english_interface(self) -> None:
        """Help > English Interface (remembered; applies at the next start)."""
        from .app import choose_language

        choose_language(self, "en")

    # -- drag and drop --------------------------------------------------------------------

    @staticmethod
    def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
        """Local files and folders in a drag (folders are added to the library)."""
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        dropped = self._dropped_files(event)
        if not dropped:
            event.ignore()
            return
        event.acceptProposedAction()
        for folder in (p for p in dropped if Path(p).is_dir()):
            self.add_library_folder(folder)
        self.open_paths([p for p in dropped if not Path(p).is_dir()])

    # -- watching files -------------------------------------------------------------------

    def reload_file(self, path: Path) -> None:
        """Re-read an open article after it changed on disk, keeping the reading position."""
        pane = next((p for p in self.panes() if p.path == path), None)
        if pane is None:
            return
        if not path.exists():
            self.show_message(tr("file_gone", self.lang, name=path.name), "error")
            return
        keep = pane.position()
        article = self._load(path)
        if article is None:
            return
        pane.set_article(article, keep)
        self.watcher.watch(path)  # a file replaced by rename is no longer watched
        index = self.tabs.indexOf(pane)
        self.tabs.setTabText(index, _short(article.label()))
        if pane is self.current_pane():
            self._on_tab_changed(index)
        self.statusBar().showMessage(tr("file_reloaded", self.lang), 4000)

    # -- state ----------------------------------------------------------------------------

    def _save_position(self, pane: ReadingPane) -> None:
        if self.persist and pane.article is not None and pane.path is not None:
            self.settings.set_position(pane.path, pane.position())

    def restore_state(self) -> None:
        """Geometry, splitter and side tab as the user left them."""
        geometry = self.settings.get(keys.GEOMETRY)
        if not geometry or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        sizes = self.settings.get(keys.SPLITTER)
        if len(sizes) == 2 and all(sizes):
            self.splitter.setSizes(sizes)
        else:
            self.splitter.setSizes([320, max(400, self.width() - 320)])
        self.side.setCurrentIndex(self.settings.get(keys.SIDE_TAB))

    def save_state(self) -> None:
        """Remember geometry, splitter, side tab, open files and reading positions."""
        if not self.persist:
            return
        s = self.settings
        s.set(keys.GEOMETRY, bytes(self.saveGeometry().data()))
        s.set(keys.SPLITTER, [int(v) for v in self.splitter.sizes()])
        s.set(keys.SIDE_TAB, self.side.currentIndex())
        s.set(keys.OPEN_FILES, [str(p.path) for p in self.panes() if p.path is not None])
        s.set(keys.CURRENT_TAB, max(0, self.tabs.currentIndex()))
        for pane in self.panes():
            self._save_position(pane)
        s.prune_positions()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)


def _short(title: str, limit: int = 28) -> str:
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1] + "…"

