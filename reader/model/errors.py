"""The model's own errors. Every message is given in Arabic and English."""

from __future__ import annotations


class ArticleError(Exception):
    """An article could not be read. ``str(err)`` is ``"<Arabic> — <English>"``."""

    def __init__(self, arabic: str, english: str) -> None:
        super().__init__(f"{arabic} — {english}")
        self.arabic = arabic
        self.english = english


class FileMissingError(ArticleError):
    """The path does not exist or is not a regular file."""


class FileTooLargeError(ArticleError):
    """The file is larger than :data:`reader.model.loader.MAX_FILE_BYTES`."""


class EmptyArticleError(ArticleError):
    """The file is empty or holds only white space."""


class NotTextError(ArticleError):
    """The file is binary data or could not be decoded as text."""
