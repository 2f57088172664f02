"""Errors of the PDF export, each with an Arabic and an English message."""

from __future__ import annotations

from reader.model.errors import ArticleError


class ExportError(ArticleError):
    """The PDF could not be written (unwritable folder, full disk, ...).

    ``str(err)`` is ``"<Arabic> — <English>"``, like every :class:`ArticleError`.
    """


class ExportCancelled(ExportError):
    """The caller's ``cancelled()`` callback asked to stop; nothing was written."""

    def __init__(self) -> None:
        super().__init__("أُلغي التصدير", "Export cancelled")
