"""Reading an article file: size and type checks, decoding, choosing the parser."""

from __future__ import annotations

import gc
import os
import re
import stat
from pathlib import Path

from .decoding import decode
from .document import Article, Format, Source
from .errors import EmptyArticleError, FileMissingError, FileTooLargeError

#: Largest article file Qari opens. A 100 MB plain-text file is a long shelf of books; larger
#: files are refused before they are read, so a stray disk image cannot exhaust memory.
MAX_FILE_BYTES = 100 * 1024 * 1024

_EXTENSIONS = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    "": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".mdown": Format.MARKDOWN,
    ".mkd": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
}
_HTML_START = re.compile(r"\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--)", re.I)
_MD_SIGNS = re.compile(r"^(---\s*$|#{1,6}\s+\S)", re.M)


def sniff_format(path: Path | None, text: str) -> Format:
    """Pick the format from the extension; content decides for unknown extensions."""
    suffix = path.suffix.lower() if path is not None else None
    if suffix is not None and suffix in _EXTENSIONS and suffix != "":
        return _EXTENSIONS[suffix]
    head = text[:4096].lstrip("\ufeff")
    if _HTML_START.match(head):
        return Format.HTML
    if _MD_SIGNS.match(head):
        return Format.MARKDOWN
    return Format.TEXT


def read_bytes(path: str | os.PathLike[str]) -> tuple[Path, bytes]:
    """Read a file's bytes after checking that it is a regular file within the size limit."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError as err:
        raise FileMissingError(f"الملف غير موجود: {p}", f"No such file: {p}") from err
    except OSError as err:
        raise FileMissingError(
            f"تعذّرت قراءة الملف: {p} ({err.strerror})",
            f"Cannot read the file: {p} ({err.strerror})",
        ) from err
    if stat.S_ISDIR(st.st_mode):
        raise FileMissingError(f"هذا مجلد وليس ملفًا: {p}", f"This is a folder, not a file: {p}")
    if not stat.S_ISREG(st.st_mode):
        raise FileMissingError(f"ليس ملفًا عاديًا: {p}", f"Not a regular file: {p}")
    if st.st_size > MAX_FILE_BYTES:
        mb = MAX_FILE_BYTES // (1024 * 1024)
        raise FileTooLargeError(
            f"الملف أكبر من الحد المسموح ({mb} ميغابايت): {p}",
            f"The file is larger than the {mb} MB limit: {p}",
        )
    try:
        with p.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise FileMissingError(
            f"تعذّرت قراءة الملف: {p} ({err.strerror})",
            f"Cannot read the file: {p} ({err.strerror})",
        ) from err
    if len(data) > MAX_FILE_BYTES:  # grew while we looked
        raise FileTooLargeError(
            f"الملف أكبر من الحد المسموح: {p}", f"The file is larger than the limit: {p}"
        )
    return p, data


def parse_bytes(data: bytes, path: Path | None = None, fmt: Format | None = None) -> Article:
    """Decode and parse an article held in memory."""
    if not data.strip():
        raise _empty(path)
    text, encoding = decode(data)
    if not text.strip():
        raise _empty(path)
    chosen = fmt or sniff_format(path, text)
    source = Source(path=path, format=chosen, encoding=encoding, size=len(data))
    return parse_text(text, source)


def parse_text(text: str, source: Source) -> Article:
    """Parse decoded text with the parser for ``source.format``.

    The cyclic garbage collector is paused while a parser runs: parsers allocate hundreds of
    thousands of small acyclic objects (tokens, blocks), and the collections they trigger
    found nothing to free yet cost up to 40% of a large Markdown parse.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _parse_text(text, source)
    finally:
        if paused:
            gc.enable()


def _parse_text(text: str, source: Source) -> Article:
    text = text.removeprefix("\ufeff")
    if source.format is Format.MARKDOWN:
        from .markdown_parser import parse_markdown

        article = parse_markdown(text, source)
    elif source.format is Format.HTML:
        from .html_parser import parse_html

        article = parse_html(text, source)
    else:
        from .text_parser import parse_plain_text

        article = parse_plain_text(text, source)
    if not article.title and not article.sections:
        raise _empty(source.path)
    return article


def load_article(path: str | os.PathLike[str], fmt: Format | None = None) -> Article:
    """Read, decode and parse the article at ``path``.

    Raises a :class:`reader.model.errors.ArticleError` subclass with a message in Arabic and
    English for anything that is not a readable article.
    """
    p, data = read_bytes(path)
    return parse_bytes(data, p, fmt)


def _empty(path: Path | None) -> EmptyArticleError:
    name = f": {path}" if path is not None else ""
    return EmptyArticleError(
        f"الملف فارغ، لا نص فيه{name}", f"The file is empty, it holds no text{name}"
    )
