"""The section tree's Qt item model, adapted from an :class:`~reader.model.Article`.

The article title is the single root; headed sections hang below it, nested by
``Section.parent``. Each item carries its section id in :data:`SECTION_ID_ROLE` (the root:
:data:`ROOT_ID`), and :meth:`SectionModel.index_for` maps an id back to an index, so the tree
and the reading pane talk only in section ids. The node table is plain Python, built in one
pass; no Qt call is made per section.

While the find bar is active, :meth:`SectionModel.set_match_counts` appends each section's
number of matches to its text ("… (٣)"); :data:`MATCH_COUNT_ROLE` gives the number itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from reader.model import Article

#: Item data role holding the section id.
SECTION_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: Item data role holding the number of find matches in the section (None: no search).
MATCH_COUNT_ROLE = int(Qt.ItemDataRole.UserRole) + 2
#: The id stored on the root (title) item.
ROOT_ID = -1

_Index = QModelIndex | QPersistentModelIndex


class SectionModel(QAbstractItemModel):
    """Read-only tree: title → sections (by level). Internal ids are node numbers."""

    def __init__(self, article: Article, parent: Any = None) -> None:
        super().__init__(parent)
        self.article = article
        # Node 0 is the root; node n (n >= 1) is the n-th headed section in document order.
        self._ids: list[int] = [ROOT_ID]
        self._texts: list[str] = [article.label() or "—"]
        self._parent: list[int] = [-1]
        self._children: list[list[int]] = [[]]
        self._row: list[int] = [0]
        node_of: dict[int, int] = {}
        for section in article.headed_sections():
            node = len(self._ids)
            node_of[section.id] = node
            parent = node_of.get(section.parent, 0) if section.parent is not None else 0
            self._ids.append(section.id)
            self._texts.append(" ".join((section.heading or "").split()))
            self._parent.append(parent)
            self._children.append([])
            self._row.append(len(self._children[parent]))
            self._children[parent].append(node)
        self._node_of = node_of
        self._counts: dict[int, int] | None = None  # node → matches, while a search is shown
        self._count_texts: dict[int, str] = {}

    # -- lookups -----------------------------------------------------------------------

    def section_ids(self) -> list[int]:
        """Ids of the listed sections, in document order (the root excluded)."""
        return self._ids[1:]

    def index_for(self, section_id: int) -> QModelIndex:
        """The index of section ``section_id`` (ROOT_ID or an unlisted id: the root)."""
        node = self._node_of.get(section_id, 0)
        return self.createIndex(self._row[node], 0, node)

    def section_id(self, index: _Index) -> int:
        """The section id of ``index`` (ROOT_ID for the root or an invalid index)."""
        if not index.isValid():
            return ROOT_ID
        return self._ids[index.internalId()]

    # -- find matches ------------------------------------------------------------------

    def set_match_counts(
        self, counts: dict[int, int] | None, number: Callable[[int], str] = str
    ) -> None:
        """Show how many matches each section has (``counts``: section id → matches; the
        root's key is ROOT_ID); None hides the counts. ``number`` writes a count (digits of
        the interface language)."""
        if counts is None:
            if self._counts is None:
                return
            self._counts, self._count_texts = None, {}
        else:
            by_node = {self._node_of.get(sid, 0): 0 for sid in counts}
            for sid, n in counts.items():
                by_node[self._node_of.get(sid, 0)] += n
            self._counts = by_node
            self._count_texts = {node: number(n) for node, n in by_node.items() if n}
        self._all_changed()

    def match_count(self, section_id: int) -> int | None:
        """Matches in a listed section (ROOT_ID: the title and text before the first heading);
        None when no search is shown."""
        if self._counts is None:
            return None
        return self._counts.get(self._node_of.get(section_id, 0), 0)

    def _all_changed(self) -> None:
        """Every item's text may have changed. A layout change, not dataChanged over every
        row: QTreeView measures each changed row's height at once (word wrap), ~1 s for
        9,000 sections; after a layout change it measures only the rows it shows."""
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()

    # -- QAbstractItemModel ------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        siblings = self._children[parent.internalId()] if parent.isValid() else [0]
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = self._parent[index.internalId()]
        if up < 0:
            return QModelIndex()
        return self.createIndex(self._row[up], 0, up)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return 1
        if parent.column() != 0:
            return 0
        return len(self._children[parent.internalId()])

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = index.internalId()
        if role == Qt.ItemDataRole.DisplayRole:
            count = self._count_texts.get(node)
            return self._texts[node] if count is None else f"{self._texts[node]} ({count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._texts[node]
        if role == MATCH_COUNT_ROLE:
            return None if self._counts is None else self._counts.get(node, 0)
        if role == SECTION_ID_ROLE:
            return self._ids[node]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
