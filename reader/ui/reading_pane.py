"""The reading pane: a QTextBrowser that typesets one article and navigates it by section id.

Heading positions (document y of each heading's first line) are cached; the cache is dropped
only when the layout changes (resize, zoom, new text) and refilled in document order, only as
far down as the reader has gone, so a long article is never laid out ahead of need. Scrolling
costs one bisect over the cache (:meth:`ReadingPane.section_at_top`). Reading positions are
kept as (section id, character offset) so they survive a resize, a zoom or a reload.

Large articles (books) are not typeset in one piece: :mod:`.incremental_render` keeps every
block in the document but typesets only the chunks around the view (``self._chunked``); the
hooks here make sure the text a method reads is typeset first.

Links: ``#anchor`` scrolls within the pane, ``http(s)`` opens in the system browser only when
clicked, anything else is refused (``linkRefused``). Hovering a link emits ``linkHovered``.

Reading settings (:meth:`ReadingPane.set_reading`): typeface, line spacing and the display
text (harakat, digits) typeset the article again; the text width only moves the margins. The
pane's text may then differ from the model's (harakat hidden): :meth:`ReadingPane.display_offset`
maps model offsets (a find match) to offsets in :meth:`ReadingPane.displayed_text`.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPointF, QSize, QSizeF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QResizeEvent,
    QShowEvent,
    QTextBlock,
    QTextCursor,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QTextBrowser, QWidget

from reader.model import Article

from .book_size import is_large
from .display_text import DisplayText
from .reading_prefs import ReadingPrefs
from .render import RenderedArticle, render_article
from .section_model import ROOT_ID, SectionModel
from .settings import Position
from .themes import THEMES, Theme, pane_stylesheet

if TYPE_CHECKING:
    from .find_highlights import FindHighlights, MatchLike
    from .incremental_render import ChunkedText

#: Reading font size at 100 % zoom, in pixels.
BASE_FONT_PX = 21
#: Smallest side margin of the text column, in pixels.
MIN_SIDE_MARGIN = 28
#: Scroll values within this many pixels below a heading count as "at" the heading.
TOP_TOLERANCE = 3
#: A line of ordinary Arabic prose, to measure the average character width of the font.
_MEASURE_SAMPLE = "وقال المسؤول إن الوضع على الحدود مستقر وإن القوات تواصل عملها في المنطقة"


def open_external(url: QUrl) -> bool:
    """Open a web link in the system browser (tests replace this)."""
    return QDesktopServices.openUrl(url)


class ReadingPane(QTextBrowser):
    """Shows one article; emits ``sectionChanged(id)`` as the section at the top changes."""

    sectionChanged = Signal(int)
    linkHovered = Signal(str)
    linkRefused = Signal(str)
    #: Ctrl+wheel asks the window to zoom (+1 in, -1 out): the font size belongs to the window.
    zoomRequested = Signal(int)
    #: A new or reloaded article is shown (the find bar searches it again).
    articleChanged = Signal()
    #: Large articles: text far from the view was typeset or emptied again (document
    #: positions after it moved; see :meth:`ensure_typeset`).
    textReplaced = Signal()
    #: Class defaults: Qt may deliver events (changeEvent) before __init__ has set them.
    _chunked: ChunkedText | None = None
    _holding = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The room left after the text makes every article taller than the view, so the bar is
        # always needed; keeping it on spares a second layout when it would appear.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.article: Article | None = None
        self.path: Path | None = None
        self.word_count = 0
        self.section_model: SectionModel | None = None
        #: Position to reach once the pane has its real size (set while it is hidden).
        self._pending: Position | None = None
        self._sized = False
        self._resizing = False
        self.theme: Theme = THEMES["light"]
        self.zoom = 100
        self.reading = ReadingPrefs()
        self._shown: dict[tuple[int | None, int], DisplayText] = {}
        self._rendered = RenderedArticle("", [], 0, {})
        self._heading_blocks: list[tuple[int, int]] = []  # (block number, section id)
        self._heading_of: dict[int, int] = {}  # section id → block number
        self._heading_numbers: list[int] = []
        #: Document y of the first len(_ys) headings: filled in order, as far as needed.
        self._ys: list[float] = []
        self._ids: list[int] = []
        self._current = ROOT_ID
        self._measure_px = 0.0
        self._find: FindHighlights | None = None  # made on first use (find bar)
        self._body_starts: dict[int, int] | None = None
        self._doc_font: QFont | None = None  # the font the document was last laid out in
        self._chunked: ChunkedText | None = None  # large articles only
        self._holding = False
        self.anchorClicked.connect(self._on_anchor)
        self.highlighted.connect(lambda url: self.linkHovered.emit(url.toString()))
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self._apply_style()

    # -- content -------------------------------------------------------------------------

    def set_article(self, article: Article, keep: Position | None = None) -> None:
        """Show ``article`` (and make its section model); scroll to ``keep``, else the top."""
        self.clear_find_matches()  # they point into the old text
        self.article = article
        self.word_count = article.words()  # the status bar asks at every section change
        self.section_model = SectionModel(article, self)
        self._render()
        self.restore_position(keep or Position(ROOT_ID, 0))
        self.articleChanged.emit()

    def _render(self) -> None:
        assert self.article is not None
        self._shown = {}
        self._body_starts = None
        if self._chunked is not None and self._chunked.article is not self.article:
            self._chunked.stop()
            self._chunked.deleteLater()
            self._chunked = None
        if self._chunked is not None or is_large(self.article):
            self._render_chunked()
            return
        self._rendered = render_article(self.article, self.theme, self.reading.render_options)
        self._heading_blocks, self._heading_of, self._heading_numbers = [], {}, []
        self._ys, self._ids = [], []
        self._body_starts = None
        self._resizing = True  # scroll bars come and go while the text is replaced
        try:
            self.setHtml(self._rendered.html)  # QTextEdit's: also puts the cursor at the start
        finally:
            self._resizing = False
        doc = self.document()
        option = doc.defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        self._heading_blocks = self._find_headings()
        self._heading_of = {sid: n for n, sid in self._heading_blocks}
        self._heading_numbers = [n for n, _ in self._heading_blocks]
        self._ids = [sid for _, sid in self._heading_blocks]
        self._update_margins()
        self.recompute_positions()

    def _render_chunked(self) -> None:
        """A large article: spacers with the text of the first view (see
        :mod:`.incremental_render`); the rest is typeset as the reader moves."""
        assert self.article is not None
        chunked = self._chunked
        if chunked is None:  # else the same article again (zoom, theme): same blocks
            from .incremental_render import ChunkedText  # books only: not at start-up

            chunked = ChunkedText(self, self.article, self.theme)
            chunked.changed.connect(self._forget_positions_from)
            chunked.replaced.connect(self.textReplaced)
            chunked.rebuildWanted.connect(self._rebuild_chunked)
        chunked.theme = self.theme
        chunked.options = self.reading.render_options
        self._rendered = RenderedArticle(
            html="", headings=chunked.headings, block_count=chunked.block_count,
            anchors=chunked.anchors, themed=chunked.themed,
        )
        doc = chunked.build()
        self._resizing = True
        try:
            self.setDocument(doc)  # the previous one is the pane's child: deleted
        finally:
            self._resizing = False
        self._chunked = chunked
        self._heading_blocks = list(chunked.headings)
        self._heading_of = {sid: n for n, sid in self._heading_blocks}
        self._heading_numbers = [n for n, _ in self._heading_blocks]
        self._ids = [sid for _, sid in self._heading_blocks]
        self._ys = []
        self._update_margins()
        self.recompute_positions()

    def _rebuild_chunked(self) -> None:
        """Spacers sized again for a new width (see :mod:`.incremental_render`)."""
        if self._chunked is not None and self.article is not None:
            keep = self.position()
            self._render()
            self.restore_position(keep)

    def _forget_positions_from(self, block_number: int) -> None:
        """Chunks from ``block_number`` on were typeset or emptied: headings there moved."""
        del self._ys[bisect_left(self._heading_numbers, block_number):]

    def is_loading(self) -> bool:
        """True while a large article's text around the view is still being typeset."""
        return self._chunked is not None and self._chunked.is_loading()

    def ensure_typeset(self, first_block: int, last_block: int | None = None) -> None:
        """Make sure blocks ``first_block .. last_block`` hold their text (a large article
        keeps the text far from the view as empty blocks). The view does not move."""
        if self._chunked is not None:
            self._chunked.ensure_blocks(first_block, last_block)

    def createMimeDataFromSelection(self) -> QMimeData:
        # Copy and drag: a large article's selection may run over text far from the view,
        # which the document holds as empty blocks; its text comes from the model.
        if self._chunked is None:
            return super().createMimeDataFromSelection()
        cursor = self.textCursor()
        # The object must be made by Qt: one made in Python and handed to the clipboard is
        # freed twice when Python exits (PySide 6.11: a segfault at exit). Qt's own fills its
        # formats from the selection lazily, once; make it do that now, then replace them.
        mime = super().createMimeDataFromSelection()
        mime.text()
        for kind in list(mime.formats()):
            mime.removeFormat(kind)
        mime.setText(self._chunked.selected_text(cursor.selectionStart(), cursor.selectionEnd()))
        return mime

    def _find_headings(self) -> list[tuple[int, int]]:
        """Block numbers of the headings: as rendered, checked; a scan if they disagree."""
        doc = self.document()
        expected = self._rendered.headings
        if doc.blockCount() == self._rendered.block_count and all(
            doc.findBlockByNumber(n).blockFormat().headingLevel() > 1 for n, _ in expected
        ):
            return list(expected)
        found: list[int] = []
        block = doc.begin()
        while block.isValid():  # fallback only: one pass over the blocks
            if block.blockFormat().headingLevel() > 1:
                found.append(block.blockNumber())
            block = block.next()
        return [(n, sid) for n, (_, sid) in zip(found, expected, strict=False)]

    # -- look ------------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        """Switch page colours; text that embeds theme colours is re-rendered in place."""
        if theme == self.theme:
            return
        keep = self.position()
        self.theme = theme
        self._apply_style()
        if self.article is not None and self._rendered.themed:
            self._render()
            self.restore_position(keep)
        if self._find is not None:  # new colours (and positions, if typeset again)
            self._find.reset_layout()

    def set_zoom(self, percent: int) -> None:
        """Scale the reading font (percent of :data:`BASE_FONT_PX`), keeping the place."""
        if percent == self.zoom:
            return
        keep = self.position()
        self.zoom = percent
        self._apply_style()
        if self._chunked is not None:  # spacer heights are for the old size: build anew
            self._render()
        self._update_margins()
        self._ys = []
        self.restore_position(keep)
        self.recompute_positions()

    def set_reading(self, prefs: ReadingPrefs) -> None:
        """Apply reading settings (the typeface must be usable: see ``reading_prefs.usable``),
        keeping the place; the article is typeset again only when its HTML changes."""
        if prefs == self.reading:
            return
        keep = self.position()
        retypeset = prefs.render_options != self.reading.render_options
        self.reading = prefs
        self._apply_style()
        if retypeset and self.article is not None:
            self._render()
        else:
            self._update_margins()
        self._ys = []
        self.restore_position(keep)
        self.recompute_positions()
        if self._find is not None:  # the find bar's matches: same places, new text
            self._find.reset_layout()

    def font_px(self) -> int:
        return max(8, round(BASE_FONT_PX * self.zoom / 100))

    def _apply_style(self) -> None:
        self.setStyleSheet(pane_stylesheet(self.theme, self.font_px(), self.reading.family))
        self._measure_px = 0.0

    def _update_margins(self, size: QSize | None = None, width_follows: bool = False) -> None:
        """Centre a column of ~MEASURE_CHARS characters; leave a screenful after the end
        (for the viewport ``size``, default: the current one).

        A new root frame format makes Qt lay the whole text out at once, at the width the
        document had: wasted when a new width follows (a resize), and never lazy. So the page
        size is taken away while the margins change (with none, Qt lays nothing out) and put
        back after, which lays the text out once, lazily (the view first). With
        ``width_follows``, QTextEdit's own resize handling sets the new page size instead."""
        if not self._sized:
            return  # the first resize sets them (each change lays the text out again)
        size = size if size is not None else self.viewport().size()
        if not self._measure_px:
            self.ensurePolished()
            metrics = QFontMetricsF(self.font())
            per_char = metrics.horizontalAdvance(_MEASURE_SAMPLE) / len(_MEASURE_SAMPLE)
            self._measure_px = per_char * self.reading.text_width
        width = size.width()
        side = float(max(MIN_SIDE_MARGIN, int((width - self._measure_px) / 2)))
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        bottom = float(max(0, int(size.height() * 0.92)))
        if (fmt.leftMargin(), fmt.rightMargin(), fmt.bottomMargin()) != (side, side, bottom):
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(24)
            fmt.setBottomMargin(bottom)
            doc = self.document()
            page = doc.pageSize()
            doc.setPageSize(QSizeF(0, 0))
            root.setFrameFormat(fmt)
            if not width_follows:
                doc.setPageSize(page)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Keep the reading place across the reflow; the first resize (at show) applies the
        # position asked for while the pane was hidden. A scroll bar appearing during the
        # reflow resizes the viewport again, inside this call: that nested call only relays.
        if self._resizing:
            super().resizeEvent(event)
            return
        self._resizing = True
        first = not self._sized
        try:
            keep = self.position() if self.article is not None else None
            self._sized = True
            # Before Qt lays the text out at the new width, which it does when the width changed
            width_follows = event.oldSize().width() != event.size().width()
            self._update_margins(event.size(), width_follows=width_follows)
            super().resizeEvent(event)
            if keep is not None:
                self._pending = None
                self._ys = []
                self.restore_position(keep)
                self._on_scroll(self.verticalScrollBar().value())
        finally:
            self._resizing = False
        if self._chunked is not None:  # spacers sized for another width: at once if unseen
            self._chunked.check_width(immediate=first)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() != QEvent.Type.FontChange:
            super().changeEvent(event)
            return
        # Every application stylesheet change (a theme switch) re-sends the pane its own,
        # unchanged font, a dozen times; QTextEdit lays the whole text out again for each.
        font = self.font()
        if self._doc_font is not None and font == self._doc_font:
            QAbstractScrollArea.changeEvent(self, event)
            return
        self._doc_font = QFont(font)
        if self._chunked is None or not self._sized:
            super().changeEvent(event)
            return
        # A real font change lays the document out again from the top; Qt does it in steps
        # and clamps the scroll bar to the first step's height on the way: for a large
        # article, keep the place across it.
        doc = self.document()
        keep = self.position()
        self._holding = True  # the scroll values on the way are not the reader's
        try:
            super().changeEvent(event)
            doc.documentLayout().blockBoundingRect(doc.lastBlock())  # spacers: fast
        finally:
            self._holding = False
        self._ys = []
        self.restore_position(keep)
        self._on_scroll(self.verticalScrollBar().value())

    def showEvent(self, event: QShowEvent) -> None:
        # QTextEdit scrolls to its cursor (the start) when first shown: keep our place.
        keep = self.position() if self.article is not None and self._sized else None
        super().showEvent(event)
        if keep is not None:
            self.restore_position(keep)

    # -- positions --------------------------------------------------------------------------

    def _line_top(self, block: QTextBlock, offset: int = 0) -> float:
        """Document y of the line holding character ``offset`` of ``block`` (lays it out)."""
        if not block.isValid():
            return 0.0
        rect = self.document().documentLayout().blockBoundingRect(block)
        layout = block.layout()
        line = layout.lineForTextPosition(offset)
        y = layout.position().y() if layout.lineCount() else rect.top()
        return y + line.y() if line.isValid() else y

    def recompute_positions(self) -> None:
        """Forget the heading positions after the layout changed (resize, zoom, new text);
        they are measured again, in order, only as far as the reader has scrolled."""
        self._ys = []
        self._on_scroll(self.verticalScrollBar().value())

    def _extend_positions(self, limit: float, count: int = 0) -> None:
        """Measure headings in order until one lies below ``limit`` (and at least ``count``).

        Layout is sequential, so this lays the text out no further than the reader has gone.
        """
        if not self._sized:
            return  # laid out at a placeholder width: wait for the real one
        doc = self.document()
        ys, blocks = self._ys, self._heading_blocks
        while len(ys) < len(blocks) and (len(ys) < count or not ys or ys[-1] <= limit):
            ys.append(self._line_top(doc.findBlockByNumber(blocks[len(ys)][0])))

    def heading_y(self, section_id: int) -> float | None:
        """Document y of a section's heading (None: not a listed heading)."""
        if section_id not in self._heading_of:
            return None
        i = self._ids.index(section_id)
        self._extend_positions(float("-inf"), count=i + 1)
        return self._ys[i] if i < len(self._ys) else None

    def heading_block(self, section_id: int) -> QTextBlock | None:
        """The QTextBlock of a section's heading (None: no such heading)."""
        number = self._heading_of.get(section_id)
        return None if number is None else self.document().findBlockByNumber(number)

    def section_ids(self) -> list[int]:
        """Ids of the headed sections, in document order."""
        return [sid for _, sid in self._heading_blocks]

    def section_at_top(self, value: int | None = None) -> int:
        """Id of the last heading at or above the top of the view (ROOT_ID: none yet)."""
        top = self.verticalScrollBar().value() if value is None else value
        if not self._ys or self._ys[-1] <= top + TOP_TOLERANCE:
            self._extend_positions(top + TOP_TOLERANCE)  # first visit this far down
        i = bisect_right(self._ys, top + TOP_TOLERANCE) - 1
        return self._ids[i] if i >= 0 else ROOT_ID

    def _on_scroll(self, value: int) -> None:
        if self._holding:
            return
        if self._chunked is not None and self._sized:
            self._chunked.fill_view()
            value = self.verticalScrollBar().value()  # kept in place if text came above
        section = self.section_at_top(value)
        if section != self._current:
            self._current = section
            self.sectionChanged.emit(section)

    def current_section(self) -> int:
        return self._current

    def scroll_to_section(self, section_id: int) -> None:
        """Bring the heading of ``section_id`` to the top (ROOT_ID: the title)."""
        if section_id not in self._heading_of:
            section_id = ROOT_ID
        self.restore_position(Position(section_id, 0))

    def _scroll_to_y(self, y: float) -> None:
        bar = self.verticalScrollBar()
        target = round(y)
        if target > bar.maximum():
            # The layout has not reached that far, or QTextEdit has not yet caught up with it
            # (it adjusts the scroll range later, from the event loop): finish the layout and
            # give the bar the range QTextEdit is about to give it.
            doc = self.document()
            doc.documentLayout().blockBoundingRect(doc.lastBlock())
            needed = math.ceil(doc.size().height()) - self.viewport().height()
            if needed > bar.maximum():
                bar.setMaximum(needed)
        bar.setValue(target)

    def step_section(self, step: int) -> None:
        """Go to the next (step=1) or previous (step=-1) section."""
        ids = self._ids
        if not ids:
            return
        current = self.section_at_top()
        i = ids.index(current) if current in ids else -1
        if step < 0:
            top = self.verticalScrollBar().value()
            # Inside a section: the previous key first returns to its own heading.
            if i >= 0 and top > self._ys[i] + TOP_TOLERANCE:
                self.scroll_to_section(current)
                return
            if i <= 0:
                self.scroll_to_section(ROOT_ID)
                return
        target = max(0, min(len(ids) - 1, i + step))
        self.scroll_to_section(ids[target])

    def position(self) -> Position:
        """The reading position: section at the top and character offset within it."""
        if self._pending is not None or not self._sized:
            return self._pending or Position(ROOT_ID, 0)
        doc = self.document()
        if self._chunked is not None:
            self._ensure_top_section()
        top = self.verticalScrollBar().value()
        if top <= self._line_top(doc.begin()):
            return Position(ROOT_ID, 0)  # above the first line: a hit test there is unreliable
        x = self.viewport().width() / 2
        char = doc.documentLayout().hitTest(QPointF(x, top + 1), Qt.HitTestAccuracy.FuzzyHit)
        block = doc.findBlock(max(0, char))
        line = block.layout().lineForTextPosition(max(0, char - block.position()))
        char = block.position() + (line.textStart() if line.isValid() else 0)
        # The section comes from the block number, not from the cached heading positions,
        # which may be stale while the layout changes.
        number = block.blockNumber()
        i = bisect_right(self._heading_numbers, number) - 1
        if i < 0:
            return Position(ROOT_ID, char)
        number, section = self._heading_blocks[i]
        return Position(section, max(0, char - doc.findBlockByNumber(number).position()))

    def _ensure_top_section(self) -> None:
        """Large article: typeset the view and the section at its top from its heading on,
        so character offsets counted from the heading are true."""
        assert self._chunked is not None
        self._chunked.fill_view()
        top = self.verticalScrollBar().value()
        doc = self.document()
        x = self.viewport().width() / 2
        char = doc.documentLayout().hitTest(QPointF(x, top + 1), Qt.HitTestAccuracy.FuzzyHit)
        number = doc.findBlock(max(0, char)).blockNumber()
        i = bisect_right(self._heading_numbers, number) - 1
        self._chunked.ensure_blocks(self._heading_numbers[i] if i >= 0 else 0, number)

    def restore_position(self, position: Position) -> None:
        """Scroll so that the line holding ``position`` is at the top (once the pane has its
        real size: until then the position is kept pending)."""
        if not self._sized:
            self._pending = position
            return
        doc = self.document()
        base = 0
        if position.section != ROOT_ID:
            number = self._heading_of.get(position.section)
            if number is None:
                self._scroll_to_y(0)
                return
            base = doc.findBlockByNumber(number).position()
        if self._chunked is not None:  # typeset the section as far as the place first
            first = doc.findBlock(base).blockNumber()
            self._chunked.ensure_offset(first, position.offset)
            base = doc.findBlockByNumber(first).position()
        char = min(base + position.offset, max(0, doc.characterCount() - 1))
        if char <= 0:
            self._scroll_to_y(0)
            return
        block = doc.findBlock(char)
        self._scroll_to_y(self._line_top(block, char - block.position()))

    # -- find: model places in the text, match highlights (find bar, library search) ------

    def block_number_of(self, section_id: int | None, block: int) -> int | None:
        """QTextBlock number of a model place: the title (``section_id`` None), a section's
        heading (``block`` < 0) or its ``block``-th body block; None if it is not shown."""
        if self.article is None:
            return None
        if section_id is None:
            return 0  # render.py: the title is the first block
        if block < 0:
            return self._heading_of.get(section_id)
        if self._body_starts is None:
            self._body_starts = self._count_body_starts()
        start = self._body_starts.get(section_id)
        if start is None or block >= len(self.article.sections[section_id].blocks):
            return None
        number = start + block
        return number if number < self.document().blockCount() else None

    def _count_body_starts(self) -> dict[int, int]:
        """First block number of each section's body: after its heading (render.py makes one
        QTextBlock per model block); sections before the first heading end right above it."""
        assert self.article is not None
        starts: dict[int, int] = {}
        lead = []
        number: int | None = None
        for s in self.article.sections:
            if s.heading is not None:
                heading = self._heading_of.get(s.id)
                number = heading + 1 if heading is not None else (number or 0) + 1
            if number is None:
                lead.append(s)
                continue
            starts[s.id] = number
            number += len(s.blocks)
        end = self._heading_numbers[0] if self._heading_numbers else self.document().blockCount()
        for s in reversed(lead):
            end -= len(s.blocks)
            starts[s.id] = end
        return starts

    @property
    def find_highlights(self) -> FindHighlights:
        """The find bar's matches in this pane (see :mod:`.find_highlights`)."""
        if self._find is None:
            from .find_highlights import FindHighlights

            self._find = FindHighlights(self)
        return self._find

    def show_find_matches(self, matches: Sequence[MatchLike], current: int = -1) -> None:
        """Highlight ``matches`` (document order), ``current`` in its own colour."""
        self.find_highlights.set(matches, current)

    def set_current_find_match(self, index: int) -> None:
        """Make match ``index`` the current one and scroll it into view."""
        highlights = self.find_highlights
        highlights.current = index
        found = highlights.doc_range(index)
        if found is not None:
            self.reveal_range(found[0])
        highlights.paint()

    def clear_find_matches(self) -> None:
        if self._find is not None:
            self._find.clear()

    def find_match_near_view(self) -> int:
        """Index of the first highlighted match at or below the top of the view (0 if none)."""
        return self.find_highlights.index_near_view()

    def go_to_match(self, match: MatchLike, select: bool = True) -> bool:
        """Scroll to one match (a library search result), selecting its text; False if it is
        no longer in the text."""
        from .find_highlights import doc_range

        found = doc_range(self, match)
        if found is None:
            return False
        if select:
            cursor = QTextCursor(self.document())
            cursor.setPosition(found[0])
            cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
        self.reveal_range(found[0])
        return True

    def visible_blocks(self) -> tuple[int, int]:
        """Numbers of the first and last block in the view: walked from the heading of the
        section at the top (QTextEdit's hit test goes through every block before the point:
        0.8 s in a 10 MB article)."""
        doc = self.document()
        layout = doc.documentLayout()
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        block = doc.begin()
        if top > 0 and self._sized:
            number = self._heading_of.get(self.section_at_top(top), 0)
            block = doc.findBlockByNumber(number)
            while block.next().isValid() and layout.blockBoundingRect(block).bottom() <= top:
                block = block.next()
        first = block.blockNumber()
        while block.next().isValid() and layout.blockBoundingRect(block.next()).top() < bottom:
            block = block.next()
        return first, block.blockNumber()

    def reveal_range(self, start: int) -> None:
        """Scroll so the line holding document position ``start`` is well inside the view
        (a third from the top when it has to move), never under the top edge."""
        doc = self.document()
        block = doc.findBlock(start)
        if not self._sized:  # hidden: keep it as the position to reach (its line at the top)
            number = block.blockNumber()
            i = bisect_right(self._heading_numbers, number) - 1
            if i < 0:
                self.restore_position(Position(ROOT_ID, start))
            else:
                heading, section = self._heading_blocks[i]
                base = doc.findBlockByNumber(heading).position()
                self.restore_position(Position(section, start - base))
            return
        offset = start - block.position()
        y = self._line_top(block, offset)
        line = block.layout().lineForTextPosition(offset)
        height = line.height() if line.isValid() else QFontMetricsF(self.font()).height()
        top = self.verticalScrollBar().value()
        view = self.viewport().height()
        margin = min(view / 4, 2 * height)
        if top + margin <= y and y + height <= top + view - margin:
            return
        target = y - view / 3
        i = bisect_right(self._heading_numbers, block.blockNumber()) - 1
        heading_top = self.heading_y(self._ids[i]) if i >= 0 else None
        if heading_top is not None and target < heading_top <= y and y - heading_top < view * 0.6:
            target = heading_top  # its section's heading fits above it: show it too
        self._scroll_to_y(max(0.0, target))
    # -- model text → displayed text (find matches with harakat hidden) --------------------

    def displayed_text(self, section_id: int | None, block: int) -> str | None:
        """The text shown for a model place, as render.py put it in the HTML: the title
        (``section_id`` None), a heading (``block`` < 0) or a body block; None: no such place.
        (Qt may still collapse white space, and a list item's block starts with its marker.)"""
        shown = self._display_text(section_id, block)
        return None if shown is None else shown.text

    def display_offset(self, section_id: int | None, block: int, model_offset: int) -> int:
        """Offset in :meth:`displayed_text` of ``model_offset`` in the model text of that
        place: the identity while harakat are shown and digits are as written (digits keep
        their length; a hidden haraka maps to where it would have been)."""
        if self.reading.display.identity:
            return model_offset
        shown = self._display_text(section_id, block)
        return model_offset if shown is None else shown.offset(model_offset)

    def _display_text(self, section_id: int | None, block: int) -> DisplayText | None:
        key = (section_id, block)
        shown = self._shown.get(key)
        if shown is None:
            text = self._model_text(section_id, block)
            if text is None:
                return None
            shown = self._shown[key] = DisplayText(text, self.reading.display)
        return shown

    def _model_text(self, section_id: int | None, block: int) -> str | None:
        article = self.article
        if article is None:
            return None
        if section_id is None:
            return article.title
        if not 0 <= section_id < len(article.sections):
            return None
        section = article.sections[section_id]
        if block < 0:
            return section.heading
        return section.blocks[block].text if block < len(section.blocks) else None

    # -- keys and links ------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ControlModifier,
        )
        if plain and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            if key == Qt.Key.Key_Home:
                self._scroll_to_y(0)
            else:  # the end of the text at the bottom of the view, not the blank room after it
                doc = self.document()
                self.ensure_typeset(max(0, doc.blockCount() - 1))
                bottom = doc.documentLayout().blockBoundingRect(doc.lastBlock()).bottom()
                self._scroll_to_y(max(0.0, bottom + 24 - self.viewport().height()))
            event.accept()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # QTextEdit would zoom itself by changing its font, which the pane's stylesheet owns.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomRequested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def _on_anchor(self, url: QUrl) -> None:
        if not url.scheme() and not url.path() and url.hasFragment():
            target = self._rendered.anchors.get(url.fragment())
            if target is not None:
                self.scroll_to_section(target)
                return
            self.linkRefused.emit(url.toString())
            return
        if url.scheme() in ("http", "https") and url.host():
            open_external(url)
            return
        text = url.toString()  # a data: link can be megabytes long: the message shows its start
        self.linkRefused.emit(text if len(text) <= 120 else text[:119] + "…")

    def loadResource(self, type: int, name: QUrl | str) -> object:
        """Never the network; images only, and only from the article's own folder (see
        :mod:`.resource_policy`). Qt's own would read any local file it is given."""
        from .resource_policy import load_for_pane

        folder = self.path.parent if self.path is not None else None
        url = name if isinstance(name, str) else name.toString(
            QUrl.ComponentFormattingOption.FullyEncoded
        )
        return load_for_pane(url, int(type), folder)
