"""The article model: parsing article files into plain value classes (no Qt)."""

from .document import Article, Block, BlockKind, Format, Section, Source, Span, SpanKind
from .errors import (
    ArticleError,
    EmptyArticleError,
    FileMissingError,
    FileTooLargeError,
    NotTextError,
)
from .loader import MAX_FILE_BYTES, load_article, parse_bytes, parse_text

__all__ = [
    "MAX_FILE_BYTES",
    "Article",
    "ArticleError",
    "Block",
    "BlockKind",
    "EmptyArticleError",
    "FileMissingError",
    "FileTooLargeError",
    "Format",
    "NotTextError",
    "Section",
    "Source",
    "Span",
    "SpanKind",
    "load_article",
    "parse_bytes",
    "parse_text",
]
