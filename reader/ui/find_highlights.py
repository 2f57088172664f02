"""Find highlights in the reading pane: where a match of :mod:`reader.search.find` lands in the
typeset text, and the extra selections that paint the matches.

A match names a model place (section id, block index or ``HEADING``/``TITLE``, offsets in the
model text); :meth:`ReadingPane.block_number_of` gives its QTextBlock. The block's text can
differ from the model's: Qt's HTML import collapses runs of white space, a line break becomes
U+2028 and a list item starts with its marker. Offsets are therefore mapped by aligning the two
texts (:func:`align`), only for the blocks that hold the matches being painted.

Only the matches near the view are painted (the visible blocks and :data:`WINDOW_BLOCKS` on each
side), refreshed as the reader scrolls: QTextEdit measures every extra selection when it is set,
which would lay a long article out to its end (seconds for a 10 MB article).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

if TYPE_CHECKING:
    from .reading_pane import ReadingPane

#: Blocks painted above and below the visible ones.
WINDOW_BLOCKS = 40
#: Most matches painted at once (a query matching every word of a long article).
MAX_PAINTED = 2000
#: Delay before repainting after a scroll, in milliseconds.
SCROLL_DELAY_MS = 30


class MatchLike(Protocol):
    """What a highlight needs of a match (:class:`reader.search.Match` has it)."""

    @property
    def section_id(self) -> int | None: ...
    @property
    def block(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class HighlightColours:
    """Background and text colour of every match and of the current one."""

    match_bg: str
    match_text: str
    current_bg: str
    current_text: str


#: Per theme name; each pair keeps a contrast ratio above 4.5 (WCAG AA; a test checks).
COLOURS: dict[str, HighlightColours] = {
    "light": HighlightColours("#ffe98a", "#111111", "#f08c00", "#000000"),
    "sepia": HighlightColours("#ffe07a", "#111111", "#e07b00", "#000000"),
    "dark": HighlightColours("#5e4f12", "#f2f2ee", "#f5a524", "#111111"),
}


def colours_for(theme_name: str) -> HighlightColours:
    return COLOURS.get(theme_name, COLOURS["light"])


def align(model: str, shown: str) -> int | list[int]:
    """Map offsets in the model text to offsets in the text Qt shows for it.

    Returns a shift (an int) when ``shown`` is ``model`` with something before it, else one
    shown offset per model offset (``len(model) + 1`` values). White space matches any white
    space or nothing (collapsed runs); shown characters the model lacks (a list marker) are
    skipped; a model character Qt dropped maps to where it would have been.
    """
    if shown.endswith(model):
        return len(shown) - len(model)
    n, m = len(model), len(shown)
    out = [0] * (n + 1)
    i = j = 0
    while i < n:
        c = model[i]
        if j < m and shown[j] == c:
            out[i] = j
            i += 1
            j += 1
        elif c.isspace():
            out[i] = j
            i += 1
            if j < m and shown[j].isspace():
                j += 1
        else:
            ahead = shown.find(c, j, j + 8)
            if ahead < 0:  # not shown at all
                out[i] = j
                i += 1
            else:
                j = ahead
    out[n] = j
    return out


def _mapped(mapping: int | list[int], offset: int) -> int:
    if isinstance(mapping, int):
        return offset + mapping
    return mapping[max(0, min(offset, len(mapping) - 1))]


class _Aligner:
    """Shown ranges of matches, aligning each block once (cached per block number)."""

    def __init__(self, pane: ReadingPane) -> None:
        self.pane = pane
        self._maps: dict[int, int | list[int]] = {}

    def doc_range(self, match: MatchLike, number: int | None = None) -> tuple[int, int] | None:
        """Document positions ``[start, end)`` of ``match`` (None: it is not in the text)."""
        pane = self.pane
        if number is None:
            number = pane.block_number_of(match.section_id, match.block)
        # Offsets are in the model text; the pane may show it restyled (harakat hidden,
        # digits changed): map them into the displayed text first, then into the block.
        text = pane.displayed_text(match.section_id, match.block)
        if number is None or text is None:
            return None
        pane.ensure_typeset(number)  # a large article keeps far text as empty blocks
        block = pane.document().findBlockByNumber(number)
        if not block.isValid():
            return None
        first = pane.display_offset(match.section_id, match.block, match.start)
        last = pane.display_offset(match.section_id, match.block, match.end)
        mapping = self._maps.get(number)
        if mapping is None:
            mapping = self._maps[number] = align(text, block.text())
        shown = block.text()
        start = min(_mapped(mapping, first), len(shown))
        end = min(max(start, _mapped(mapping, last)), len(shown))
        # The same words, or the model and the typeset text disagree: paint nothing wrong.
        if _words(shown[start:end]) != _words(text[first:last]):
            return None
        return block.position() + start, block.position() + end


def _words(text: str) -> list[str]:
    return text.split()


def doc_range(pane: ReadingPane, match: MatchLike) -> tuple[int, int] | None:
    """Document positions ``[start, end)`` of one match in ``pane`` (None: not in the text)."""
    return _Aligner(pane).doc_range(match)


class FindHighlights:
    """The matches shown in one pane, the current one, and their painting."""

    def __init__(self, pane: ReadingPane) -> None:
        self.pane = pane
        self.matches: list[MatchLike] = []
        self.current = -1
        self._numbers: list[int] = []  # block number of each match (document order)
        self._known: list[bool] = []
        self._aligner = _Aligner(pane)
        self._cursors: dict[int, QTextCursor | None] = {}
        self._painted: list[int] = []
        self._timer = QTimer(pane)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SCROLL_DELAY_MS)
        self._timer.timeout.connect(self.paint)
        pane.verticalScrollBar().valueChanged.connect(self._on_scroll)
        pane.textReplaced.connect(self._on_text_replaced)

    def set(self, matches: Sequence[MatchLike], current: int) -> None:
        self.matches = list(matches)
        self.current = current if 0 <= current < len(self.matches) else -1
        self._aligner = _Aligner(self.pane)
        self._cursors = {}
        of = self.pane.block_number_of
        # Kept in document order for bisect: a match whose block is unknown takes the number
        # of the one before (and is not painted: its range is None).
        self._numbers, self._known = [], []
        last = 0
        for m in self.matches:
            n = of(m.section_id, m.block)
            self._known.append(n is not None)
            last = n if n is not None else last
            self._numbers.append(last)
        self.paint()

    def clear(self) -> None:
        self.matches, self._numbers, self._known, self._cursors = [], [], [], {}
        self._painted = []
        self.current = -1
        self._timer.stop()
        self.pane.setExtraSelections([])

    def _on_text_replaced(self) -> None:
        """A large article typeset or emptied text: cursors there collapsed; paint anew."""
        self._cursors = {}
        if self.matches:
            self._timer.start()

    def reset_layout(self) -> None:
        """The text was typeset again (theme): same matches, new positions and colours."""
        self._aligner = _Aligner(self.pane)
        self._cursors = {}
        self.paint()

    def doc_range(self, index: int) -> tuple[int, int] | None:
        cursor = self._cursor(index)
        return None if cursor is None else (cursor.selectionStart(), cursor.selectionEnd())

    def _cursor(self, index: int) -> QTextCursor | None:
        if index in self._cursors:
            return self._cursors[index]
        number = self._numbers[index]
        found = self._aligner.doc_range(self.matches[index], number) if self._known[index] else None
        cursor = None
        if found is not None and found[1] > found[0]:
            cursor = QTextCursor(self.pane.document())
            cursor.setPosition(found[0])
            cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
        self._cursors[index] = cursor
        return cursor

    def _on_scroll(self, _value: int) -> None:
        if self.matches:
            self._timer.start()

    def index_near_view(self) -> int:
        """Index of the first match at or below the top of the view (0: none below)."""
        first, _last = self.pane.visible_blocks()
        i = bisect_left(self._numbers, first)
        return i if i < len(self._numbers) else 0

    def painted(self) -> list[int]:
        """Indexes of the matches painted now (for tests)."""
        return list(self._painted)

    def paint(self) -> None:
        """Paint the matches around the view, the current one in its own colour."""
        if not self.matches:
            self.pane.setExtraSelections([])
            self._painted = []
            return
        first, last = self.pane.visible_blocks()
        lo = bisect_left(self._numbers, first - WINDOW_BLOCKS)
        hi = bisect_right(self._numbers, last + WINDOW_BLOCKS)
        if hi - lo > MAX_PAINTED:  # keep the ones nearest the view
            middle = bisect_left(self._numbers, first)
            lo = max(lo, middle - MAX_PAINTED // 4)
            hi = min(hi, lo + MAX_PAINTED)
        indexes = list(range(lo, hi))
        if self.current >= 0 and not lo <= self.current < hi:
            indexes.append(self.current)
        colours = colours_for(self.pane.theme.name)
        normal = _format(colours.match_bg, colours.match_text)
        current = _format(colours.current_bg, colours.current_text)
        selections = []
        for i in indexes:
            cursor = self._cursor(i)
            if cursor is None:
                continue
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = current if i == self.current else normal
            selections.append(sel)
        self._painted = [i for i in indexes if self._cursors.get(i) is not None]
        self.pane.setExtraSelections(selections)


def _format(background: str, text: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(background))
    fmt.setForeground(QColor(text))
    return fmt
