"""Snippets: a short piece of the ORIGINAL text around the matches, with their ranges.

The query's words are found in the folded text and mapped back with :class:`.FoldMap`, so the
snippet shows the text as written (harakat, hamza, Arabic-Indic digits) while matching ignores
them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import fold_with_map

#: Length of a snippet, in original characters (about two lines of the results list).
SNIPPET_CHARS = 180
#: Highlight markers used by :meth:`Snippet.marked` unless told otherwise (and in ``--json``).
MARK_OPEN = "⟦"
MARK_CLOSE = "⟧"
ELLIPSIS = "…"
_LEAD = 40  # characters shown before the first match
_MAX_MATCHES = 200  # matches looked at when choosing the window


@dataclass(frozen=True, slots=True)
class Snippet:
    """``text`` is a piece of the original; ``highlights`` are ``(start, end)`` ranges in it.
    ``cut_start``/``cut_end`` tell whether text was left out before/after."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()
    cut_start: bool = False
    cut_end: bool = False

    def marked(self, open_mark: str = MARK_OPEN, close_mark: str = MARK_CLOSE) -> str:
        """The snippet as one string, matches between the markers, ``…`` where cut."""
        out = [ELLIPSIS] if self.cut_start else []
        pos = 0
        for start, end in self.highlights:
            out += [self.text[pos:start], open_mark, self.text[start:end], close_mark]
            pos = end
        out.append(self.text[pos:])
        if self.cut_end:
            out.append(ELLIPSIS)
        return "".join(out)


@dataclass(frozen=True, slots=True)
class Located:
    """A snippet and the original range of its first match in the source text (None if the
    text holds no match)."""

    snippet: Snippet
    first: tuple[int, int] | None


def make_snippet(text: str, pattern: re.Pattern[str], width: int = SNIPPET_CHARS) -> Located:
    """The best window of ``text`` for ``pattern`` (run on the folded text): the one that
    shows the most different terms, the earliest on a tie."""
    folded, fmap = fold_with_map(text)
    matches: list[tuple[int, int, str]] = []
    for m in pattern.finditer(folded):
        if m.end() > m.start():
            matches.append((m.start(), m.end(), m.lastgroup or ""))
            if len(matches) >= _MAX_MATCHES:
                break
    if not matches:
        end = _cut_end(text, min(len(text), width))
        return Located(Snippet(_one_line(text[:end].strip()), (), False, end < len(text)), None)
    spans = [fmap.span(s, e) for s, e, _ in matches]
    # Sliding window over the matches (they come in text order): count distinct terms.
    best, best_count = 0, 0
    in_window: dict[str, int] = {}
    j = 0
    for i, (start, _end) in enumerate(spans):
        while j < len(spans) and spans[j][1] <= start + width:
            in_window[matches[j][2]] = in_window.get(matches[j][2], 0) + 1
            j += 1
        if len(in_window) > best_count:
            best, best_count = i, len(in_window)
        if j > i:  # match i leaves the window before the next start
            name = matches[i][2]
            in_window[name] -= 1
            if not in_window[name]:
                del in_window[name]
        else:
            j = i + 1
    first_start = spans[best][0]
    w_start = _cut_start(text, max(0, first_start - _LEAD))
    w_end = _cut_end(text, min(len(text), w_start + width))
    w_end = max(w_end, min(len(text), spans[best][1]))
    # Trim white space at the edges without shifting the highlights.
    while w_start < first_start and text[w_start].isspace():
        w_start += 1
    while w_end > w_start and text[w_end - 1].isspace():
        w_end -= 1
    highlights = tuple(
        (s - w_start, e - w_start) for s, e in _merge(spans) if s >= w_start and e <= w_end
    )
    snippet = Snippet(_one_line(text[w_start:w_end]), highlights, w_start > 0, w_end < len(text))
    return Located(snippet, spans[0])


def _one_line(text: str) -> str:
    """Line breaks (between the blocks of a section) shown as spaces; same length."""
    return text.replace("\n", " ").replace("\r", " ")


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _cut_start(text: str, pos: int) -> int:
    """Move ``pos`` back to the start of its word (at most 20 characters)."""
    limit = max(0, pos - 20)
    while pos > limit and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _cut_end(text: str, pos: int) -> int:
    """Move ``pos`` forward to the end of its word (at most 20 characters)."""
    limit = min(len(text), pos + 20)
    while pos < limit and not text[pos].isspace():
        pos += 1
    return pos
