"""The library panel: articles of the bundled folder and of folders the user added.

Each folder is a top-level row; its articles are listed by title (not file name) with their
word count; one click opens an article (``openRequested``). Reading titles means parsing the
files, so it happens only once the panel is first shown, a few files per event-loop turn, and
results are cached by (modification time, size).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.model import ArticleError, load_article

from .i18n import tr, words_text

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})
#: Most files listed per folder (a library folder is not a whole disk).
MAX_FILES_PER_FOLDER = 2000
_TICK_BUDGET_S = 0.015


@dataclass(frozen=True)
class LibraryFolder:
    """A folder shown in the library; the bundled one cannot be removed."""

    path: Path
    label: str
    removable: bool = True


@dataclass(frozen=True)
class _Entry:
    stamp: tuple[int, int]
    title: str
    words: int
    ok: bool


def list_articles(folder: Path) -> list[Path]:
    """Article files under ``folder`` (recursively, sorted, hidden folders skipped)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if Path(name).suffix.lower() in ARTICLE_SUFFIXES and not name.startswith("."):
                found.append(Path(root) / name)
                if len(found) >= MAX_FILES_PER_FOLDER:
                    return found
    return found


class LibraryPanel(QWidget):
    """Tree of library folders and their articles."""

    openRequested = Signal(str)
    removeRequested = Signal(str)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self._lang = lang
        self._folders: list[LibraryFolder] = []
        self._cache: dict[str, _Entry] = {}
        self._pending: list[QTreeWidgetItem] = []
        self._path_of: dict[QTreeWidgetItem, str] = {}
        self._folder_of: dict[QTreeWidgetItem, LibraryFolder] = {}
        self._dirty = False
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("libraryTree")
        self.tree.setAccessibleName(tr("a11y_library_tree", lang))
        self.tree.setAccessibleDescription(tr("a11y_library_desc", lang))
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._load_some)

    def set_folders(self, folders: list[LibraryFolder]) -> None:
        """Show these folders; their articles are read when the panel is visible."""
        self._folders = list(folders)
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """List the folders' files now; titles and word counts follow in the background."""
        self._dirty = False
        self._timer.stop()
        self.tree.clear()
        self._pending = []
        self._path_of.clear()
        self._folder_of.clear()
        for folder in self._folders:
            top = QTreeWidgetItem([folder.label, ""])
            top.setToolTip(0, str(folder.path))
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self._folder_of[top] = folder
            # Paths live in Python, not in item data: a big folder costs no Qt call per file
            # beyond making its row (and, once read, setting its two texts).
            loading = tr("library_loading", self._lang)
            for path in list_articles(folder.path) if folder.path.is_dir() else []:
                item = QTreeWidgetItem(top, [path.stem, loading])
                self._path_of[item] = str(path)
                self._pending.append(item)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self._pending.reverse()  # read from the top of the list down (pop() takes the last)
        if self._pending:
            self._timer.start()

    def finish_loading(self) -> None:
        """Read every pending title now (tests, and before a search)."""
        while self._pending:
            self._load_some(budget=None)

    def article_items(self) -> list[QTreeWidgetItem]:
        """Every article row, in display order."""
        return list(self._path_of)

    def path_of(self, item: QTreeWidgetItem) -> str | None:
        """The file an article row stands for (None for a folder row)."""
        return self._path_of.get(item)

    def _load_some(self, budget: float | None = _TICK_BUDGET_S) -> None:
        start = time.perf_counter()
        while self._pending:
            item = self._pending.pop()
            entry = self._read(self._path_of[item])
            item.setText(0, entry.title)
            item.setText(1, words_text(entry.words, self._lang) if entry.ok else "")
            if not entry.ok:
                item.setToolTip(0, f"{entry.title} — {tr('library_unreadable', self._lang)}")
            if budget is not None and time.perf_counter() - start > budget:
                return
        self._timer.stop()

    def _read(self, path: str) -> _Entry:
        try:
            st = os.stat(path)
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = (0, 0)
        cached = self._cache.get(path)
        if cached is not None and cached.stamp == stamp:
            return cached
        try:
            article = load_article(path)
            title = " ".join(article.title.split()) or Path(path).stem
            entry = _Entry(stamp, title, article.words(), True)
        except (ArticleError, OSError, ValueError):
            name = Path(path).name
            entry = _Entry(stamp, f"{name} ({tr('library_unreadable', self._lang)})", 0, False)
        self._cache[path] = entry
        return entry

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path = self._path_of.get(item)
        if path is not None:
            self.openRequested.emit(path)

    def _context_menu(self, point: QPoint) -> None:
        item = self.tree.itemAt(point)
        folder = self._folder_of.get(item) if item is not None else None
        if folder is None or not folder.removable:
            return
        menu = QMenu(self)
        remove = menu.addAction(tr("remove_folder", self._lang))
        if menu.exec(self.tree.viewport().mapToGlobal(point)) is remove:
            self.removeRequested.emit(str(folder.path))
