"""Arabic-aware search, without Qt: one folding for matching (:mod:`.normalize`), find in an
article (:mod:`.find`) and the library index (:mod:`.index`, SQLite FTS5).

The window's find bar keeps an :class:`ArticleFinder` per open article; Library > Search runs
:meth:`LibraryIndex.update` in a worker thread, then :meth:`LibraryIndex.search`.
"""

from .errors import (
    EmptyQueryError,
    IndexNotReadyError,
    IndexUnavailableError,
    QueryTooLongError,
    SearchError,
)
from .find import HEADING, TITLE, ArticleFinder, Match, find_in_article, section_match_counts
from .index import (
    LibraryIndex,
    SearchResult,
    UpdateProgress,
    UpdateReport,
    default_index_path,
    fts5_available,
)
from .library import ARTICLE_SUFFIXES, default_library_dirs, scan_library
from .normalize import FOLD_VERSION, FoldMap, fold, fold_with_map
from .query import LibraryQuery
from .snippet import MARK_CLOSE, MARK_OPEN, Snippet

__all__ = [
    "ARTICLE_SUFFIXES",
    "FOLD_VERSION",
    "HEADING",
    "MARK_CLOSE",
    "MARK_OPEN",
    "TITLE",
    "ArticleFinder",
    "EmptyQueryError",
    "FoldMap",
    "IndexNotReadyError",
    "IndexUnavailableError",
    "LibraryIndex",
    "LibraryQuery",
    "Match",
    "QueryTooLongError",
    "SearchError",
    "SearchResult",
    "Snippet",
    "UpdateProgress",
    "UpdateReport",
    "default_index_path",
    "default_library_dirs",
    "find_in_article",
    "fold",
    "fold_with_map",
    "fts5_available",
    "scan_library",
    "section_match_counts",
]
