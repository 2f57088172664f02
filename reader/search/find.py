"""Find in one article (the window's find bar): matches in original-text coordinates.

A match is found in the folded text of a heading or body block (see :mod:`.normalize`), then
mapped back so that ``block.text[start:end]`` is what to highlight, harakat included.

Rules:

* the query is folded like the text; runs of white space in the query match any run of white
  space in the text; an empty query finds nothing;
* ``exact=True`` compares the original text as it is: no folding, harakat and case matter;
* ``whole_word=True``: the match may not have a letter, digit or mark right before it or
  right after it. Arabic clitics are written attached, so they are part of the word: whole
  word ``الامنية`` finds ``الأمنية`` but not ``والأمنية`` (use the default, part-of-word mode
  for that, which finds both). In exact mode the harakat after the last letter belong to it:
  ``الأمنية`` matches as a whole word in ``الأمنيةُ``.

Keep one :class:`ArticleFinder` per open article: it folds every block once, so that each
keystroke of an incremental search only runs a regular expression.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from reader.model import Article

from .normalize import FoldMap, fold, fold_with_map

#: ``Match.block`` of a match in a section heading.
HEADING = -1
#: ``Match.block`` of a match in the article title (``section_id`` is then None).
TITLE = -2

_TATWEEL = "\u0640"


@dataclass(frozen=True, slots=True)
class Match:
    """One match: ``text[start:end]`` of a block, heading or title, in the ORIGINAL text.

    ``section_id`` is the :class:`reader.model.Section` id (None for the article title);
    ``block`` is the index in ``section.blocks``, :data:`HEADING` (-1) for the heading or
    :data:`TITLE` (-2) for the title.
    """

    section_id: int | None
    block: int
    start: int
    end: int


@dataclass(slots=True)
class _Piece:
    section_id: int | None
    block: int
    text: str
    folded: str
    fmap: FoldMap | None = None


class ArticleFinder:
    """Searches one article; folds its text once, maps matches back on demand."""

    def __init__(self, article: Article, *, include_title: bool = True) -> None:
        self.article = article
        self._pieces: list[_Piece] = []
        if include_title and article.title:
            self._pieces.append(_Piece(None, TITLE, article.title, fold(article.title)))
        for s in article.sections:
            if s.heading:
                self._pieces.append(_Piece(s.id, HEADING, s.heading, fold(s.heading)))
            for i, b in enumerate(s.blocks):
                self._pieces.append(_Piece(s.id, i, b.text, fold(b.text)))

    def find(self, query: str, *, exact: bool = False, whole_word: bool = False) -> list[Match]:
        """Every match of ``query`` in document order (title, then each section's heading and
        blocks)."""
        pattern = query_pattern(query, exact=exact, whole_word=whole_word)
        if pattern is None:
            return []
        out: list[Match] = []
        for piece in self._pieces:
            haystack = piece.text if exact else piece.folded
            for m in pattern.finditer(haystack):
                if exact:
                    start, end = m.span()
                else:
                    if piece.fmap is None:
                        piece.fmap = fold_with_map(piece.text)[1]
                    start, end = piece.fmap.span(*m.span())
                out.append(Match(piece.section_id, piece.block, start, end))
        return out


def find_in_article(
    article: Article, query: str, *, exact: bool = False, whole_word: bool = False
) -> list[Match]:
    """Every match of ``query`` in ``article`` (one-off; keep an :class:`ArticleFinder` for
    incremental search)."""
    return ArticleFinder(article).find(query, exact=exact, whole_word=whole_word)


def section_match_counts(
    matches: Iterable[Match], article: Article | None = None, *, cumulative: bool = False
) -> dict[int, int]:
    """Number of matches per section id (sections without matches are absent).

    With ``cumulative=True`` (needs ``article``), a section also counts the matches of the
    sections nested under it, which is what a collapsed tree node should show. Title matches
    belong to no section.
    """
    counts: dict[int, int] = {}
    for m in matches:
        if m.section_id is not None:
            counts[m.section_id] = counts.get(m.section_id, 0) + 1
    if not cumulative:
        return counts
    if article is None:
        raise ValueError("cumulative counts need the article")
    total = dict(counts)
    for sid, n in counts.items():
        parent = article.sections[sid].parent
        while parent is not None:
            total[parent] = total.get(parent, 0) + n
            parent = article.sections[parent].parent
    return total


def query_pattern(
    query: str, *, exact: bool = False, whole_word: bool = False
) -> re.Pattern[str] | None:
    """The regular expression the find bar runs for ``query`` (None when it is empty)."""
    words = (query if exact else fold(query)).split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    if not whole_word:
        return re.compile(body)
    # Like \b, but marks and tatweel count as parts of a word, and the edge is only checked
    # where the query itself starts (ends) with a word character.
    before = f"(?<!{_WORD})" if _is_word_char(words[0][0]) else ""
    after = ""
    if _is_word_char(words[-1][-1]):
        # In exact mode the marks written after the last letter belong to it.
        after = f"(?![{_MARKS}]*[^\\W_])" if exact else f"(?!{_WORD})"
    return re.compile(before + body + after)


# Combining marks of the scripts Qari's readers use, and tatweel: parts of a word.
_MARKS = "\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff"
_WORD = f"[^\\W_]|[{_MARKS}]"


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == _TATWEEL or unicodedata.category(ch).startswith("M")
