"""When an article is a *book*: typeset by chunks (:mod:`.incremental_render`), not at once.

Kept apart from that module so that opening an ordinary article does not import it.
"""

from __future__ import annotations

from reader.model import Article

#: Articles with more characters of text than this are typeset by chunks (~200 KB of Arabic).
LARGE_ARTICLE_CHARS = 100_000


def text_chars(article: Article) -> int:
    """Characters of text in ``article`` (headings and blocks)."""
    return sum(len(s.heading or "") + sum(len(b.text) for b in s.blocks)
               for s in article.sections)


def is_large(article: Article) -> bool:
    """True when ``article`` is typeset by chunks."""
    return text_chars(article) > LARGE_ARTICLE_CHARS
