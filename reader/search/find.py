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
from collections.abc import Iterable, Iterator
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
    fmap: FoldMap


class ArticleFinder:
    """Searches one article; folds its text once (with the maps back), so each query only runs
    a regular expression and maps its matches."""

    def __init__(self, article: Article, *, include_title: bool = True) -> None:
        self.article = article
        self._pieces: list[_Piece] = []
        if include_title and article.title:
            self._add(None, TITLE, article.title)
        for s in article.sections:
            if s.heading:
                self._add(s.id, HEADING, s.heading)
            for i, b in enumerate(s.blocks):
                self._add(s.id, i, b.text)

    def _add(self, section_id: int | None, block: int, text: str) -> None:
        folded, fmap = fold_with_map(text)
        self._pieces.append(_Piece(section_id, block, text, folded, fmap))

    def find(self, query: str, *, exact: bool = False, whole_word: bool = False) -> list[Match]:
        """Every match of ``query`` in document order (title, then each section's heading and
        blocks)."""
        pattern = query_pattern(query, exact=exact)
        if pattern is None:
            return []
        out: list[Match] = []
        for piece in self._pieces:
            haystack = piece.text if exact else piece.folded
            for start, end in _spans(pattern, haystack, whole_word, exact):
                if not exact:
                    start, end = piece.fmap.span(start, end)
                out.append(Match(piece.section_id, piece.block, start, end))
        return out


def _spans(
    pattern: re.Pattern[str], text: str, whole_word: bool, exact: bool
) -> Iterator[tuple[int, int]]:
    if not whole_word:
        for hit in pattern.finditer(text):
            yield hit.span()
        return
    # Edges are checked on each hit, not in the pattern: a lookbehind at the start of the
    # pattern would make the regex engine try it at every position (10x slower).
    m: re.Match[str] | None = pattern.search(text)
    while m is not None:
        start, end = m.span()
        if _word_edges(text, start, end, exact):
            yield start, end
            m = pattern.search(text, end)
        else:  # a later, overlapping hit may stand on word edges
            m = pattern.search(text, start + 1)


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


def query_pattern(query: str, *, exact: bool = False) -> re.Pattern[str] | None:
    """The regular expression the find bar runs for ``query`` (None when it is empty)."""
    words = (query if exact else fold(query)).split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def _word_edges(text: str, start: int, end: int, exact: bool) -> bool:
    """Whole word: like \\b, with marks and tatweel inside words; an edge is only checked where
    the match itself starts (ends) with a word character."""
    if start > 0 and _is_word_char(text[start]) and _is_word_char(text[start - 1]):
        return False
    if not _is_word_char(text[end - 1]):
        return True
    if exact:  # the marks written after the last letter belong to it
        while end < len(text) and _is_mark(text[end]):
            end += 1
    return end == len(text) or not _is_word_char(text[end])


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == _TATWEEL or unicodedata.category(ch).startswith("M")


def _is_mark(ch: str) -> bool:
    return ch == _TATWEEL or unicodedata.category(ch).startswith("M")
