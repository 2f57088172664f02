"""Search errors. Like :class:`reader.model.ArticleError`, each message is in Arabic and English;
``str(err)`` is ``"<Arabic> — <English>"``."""

from __future__ import annotations


class SearchError(Exception):
    """A search could not run."""

    def __init__(self, arabic: str, english: str) -> None:
        super().__init__(f"{arabic} — {english}")
        self.arabic = arabic
        self.english = english


class EmptyQueryError(SearchError):
    """The query holds no word to search for (only spaces, quotes or punctuation)."""


class QueryTooLongError(SearchError):
    """The query has more words than a library search accepts."""


class IndexUnavailableError(SearchError):
    """The library index cannot be used here: no FTS5 in this SQLite, or its folder cannot be
    written."""


class IndexNotReadyError(SearchError):
    """The index has not been built yet, or was damaged and must be rebuilt: run
    :meth:`reader.search.index.LibraryIndex.update` (the window does it in the background)."""
