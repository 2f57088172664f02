"""Large articles (books): every block in the document, text only where the reader is.

Why this design. One ``setHtml`` of a 10 MB article costs ~1 s, then Qt lays the text out in
the background in steps that double up to 200,000 characters: ~10 s of work with event-loop
stalls of ~0.45 s, and every zoom or width change pays it again (measured with
``benchmarks/large_article_probe.py`` before this module: first page 1.7 s, longest stall
493 ms, zoom 6.1 s, a jump after a zoom 4.2 s, peak RSS 422 MB). Streaming the HTML in by chunks
would keep each step short but still costs ~10 s of layout before a jump to the end of the book
can land, and again at every zoom. So the off-screen part is made *light* instead of *late*:

- The document holds one QTextBlock per block of the full rendering (same numbers as
  :func:`.render.render_article`, so section id → heading block, and the find bar's (section,
  block) → block number, hold at all times), but a block is empty until its *chunk* (a heading
  and the blocks after it, at most :data:`CHUNK_CHARS` characters) is needed. An empty chunk is a
  spacer: its first block has a fixed line height equal to the chunk's estimated height (from
  its character count and font metrics, calibrated on a real layout of the first chunks, or
  the height measured when it was last shown) and the other blocks have zero height. 24,000
  empty blocks are built in ~30 ms and laid out in ~30 ms, so the scroll bar spans the whole
  book at once and heading positions (scroll-spy, jumps) are known without typesetting it.
- Chunks in the view are typeset synchronously when the view moves (one chunk is a few ms);
  a timer then fills the chunks within :data:`PREFETCH_VIEWS` view heights around it in
  slices of at most :data:`SLICE_S`, and empties the farthest ones beyond
  :data:`LOADED_CHARS` typeset characters (memory and re-layout stay bounded) into spacers of
  exactly their measured size, so text read once keeps its place. Any change above the view
  is compensated by keeping the first chunk in the view at the same screen place.
- Zoom, a theme with links, and a width change (debounced) rebuild the spacer document around
  the reading place (~0.2 s) instead of laying the whole book out again.

Articles under :data:`.book_size.LARGE_ARTICLE_CHARS` characters are set with one ``setHtml``
exactly as before; this module is not even imported for them.

Measured on the 10 MB article (9,057 sections; ``python -m benchmarks.large_article_probe``,
window 1280x800, 2 shared cores, several runs): first page and full tree 0.47-1.1 s after
``open_file`` (parsing is ~0.5 s of it), longest event-loop gap while the rest loads and 5 s
after 11-43 ms, a jump to section 1,900 0.06-0.16 s, the slowest step of a scroll-bar drag
through the book 54-89 ms, zoom 0.3-0.6 s, theme 0.17-0.35 s, peak RSS ~150 MiB against
~84 MiB for the sample's window (the issue's limit: ~310).

Limits: the scroll bar's length is an estimate (within ~10 % per chunk) until the reader has
been everywhere; text far from the view is not in the document, so code that reads
``document()`` text (find highlights) must ask for it with the pane's ``ensure_typeset`` first
and listen to its ``textReplaced`` (cursors in replaced text collapse). Copy and drag take the
text of empty blocks from the model (:meth:`ChunkedText.selected_text`).
"""

from __future__ import annotations

import logging
import math
import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextOption,
)
from PySide6.QtWidgets import QScrollBar, QTextEdit

from reader.model import Article, BlockKind, SpanKind

from .render import (
    HTML_END,
    HTML_START,
    MEASURE_CHARS,
    RenderOptions,
    block_html,
    bullet,
    heading_html,
    source_line,
    title_html,
)
from .themes import Theme

#: The pane's smallest side margin (reading_pane.MIN_SIDE_MARGIN; not imported: cycle).
MIN_SIDE_MARGIN = 28

log = logging.getLogger(__name__)

#: A chunk is a heading and the blocks after it, cut at block ends after this many characters.
CHUNK_CHARS = 4_000
#: Typeset characters kept in the document; the chunks farthest from the view are emptied.
LOADED_CHARS = 30_000
#: View heights above and below the view that the background timer fills.
PREFETCH_VIEWS = 1.5
#: Most chunks emptied in one background step (each step lays the rest of the text out once).
UNLOAD_PER_STEP = 40
#: Longest time one background step may take, in seconds.
SLICE_S = 0.02
#: Spacers are sized again when the text column's width changes by more than this share...
REBUILD_WIDTH_CHANGE = 0.05
#: ... and the resizing has paused for this long (ms).
REBUILD_DELAY_MS = 250
#: Chunks typeset to calibrate the height estimate.
CALIBRATION_CHUNKS = 6

_TITLE, _SOURCE, _HEADING = -3, -2, -1
_FIXED = QTextBlockFormat.LineHeightTypes.FixedHeight.value


@dataclass
class Chunk:
    """Blocks ``first .. first + count - 1``: typeset (``loaded``) or one spacer."""

    first: int
    count: int
    chars: int
    estimate: float = 0.0
    #: Height measured the last time it was typeset (at the current zoom and width).
    height: float | None = None
    loaded: bool = False


def _spacer(height: float, top_margin: float = 0.0) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(max(0.0, height), _FIXED)
    fmt.setTopMargin(top_margin)
    return fmt


class ChunkedText(QObject):
    """The document of one large article in one pane, typeset chunk by chunk.

    ``view`` is the pane (a QTextEdit): its viewport size and vertical scroll bar define what is
    in view. ``changed(first_block)`` is emitted after chunks were typeset or emptied and
    layout positions from that block on have moved; ``replaced`` after any such change.
    """

    changed = Signal(int)
    #: Some chunks were typeset or emptied (text positions after them moved; QTextCursors
    #: inside them collapsed).
    replaced = Signal()
    finished = Signal()
    #: The text column's width changed: the spacers' heights are for another width.
    rebuildWanted = Signal()

    def __init__(self, view: QTextEdit, article: Article, theme: Theme) -> None:
        super().__init__(view)
        self.view = view
        self.article = article
        self.theme = theme
        #: Reading settings that change the HTML (line height, harakat, digits).
        self.options = RenderOptions()
        #: Per block number: (section index, block index or _TITLE/_SOURCE/_HEADING).
        self._sections: list[int] = []
        self._blocks: list[int] = []
        self.headings: list[tuple[int, int]] = []  # (block number, section id)
        self.anchors: dict[str, int] = {}
        self.themed = any(
            span.kind is SpanKind.LINK and span.href
            for s in article.sections for b in s.blocks for span in b.spans
        )
        self.chunks: list[Chunk] = []
        self._starts: list[int] = []
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._background_step)
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.setInterval(REBUILD_DELAY_MS)
        self._rebuild_timer.timeout.connect(self.rebuildWanted)
        self.column = 0.0
        self._index()

    # -- structure (no Qt) ------------------------------------------------------------------

    def _index(self) -> None:
        """Block numbers, headings and chunks, as :func:`.render.render_article` lays them."""
        article = self.article
        lengths: list[int] = [len(article.title), len(source_line(article))]
        self._sections = [-1, -1]
        self._blocks = [_TITLE, _SOURCE]
        heading_numbers = set()
        for index, section in enumerate(article.sections):
            if section.anchor:
                self.anchors.setdefault(section.anchor, section.id)
            if section.heading is not None:
                heading_numbers.add(len(lengths))
                self.headings.append((len(lengths), section.id))
                self._sections.append(index)
                self._blocks.append(_HEADING)
                lengths.append(len(section.heading))
            for b, block in enumerate(section.blocks):
                self._sections.append(index)
                self._blocks.append(b)
                lengths.append(len(block.text) + (4 if block.marker else 0))
        chunk: Chunk | None = None
        for number, length in enumerate(lengths):
            if chunk is None or number in heading_numbers or chunk.chars >= CHUNK_CHARS:
                chunk = Chunk(first=number, count=0, chars=0)
                self.chunks.append(chunk)
            chunk.count += 1
            chunk.chars += length
        self._starts = [c.first for c in self.chunks]
        self._lengths = lengths

    @property
    def block_count(self) -> int:
        return len(self._blocks)

    def chunk_of(self, block_number: int) -> int:
        """Index of the chunk holding block ``block_number``."""
        return max(0, bisect_right(self._starts, block_number) - 1)

    def _html(self, number: int) -> str:
        section, block = self._sections[number], self._blocks[number]
        if block == _TITLE:
            return title_html(self.article, self.options)[0]
        if block == _SOURCE:
            return title_html(self.article, self.options)[1]
        s = self.article.sections[section]
        if block == _HEADING:
            return heading_html(s, self.options)
        return block_html(s.blocks[block], self.theme, self.options)[0]

    def block_text(self, number: int) -> str:
        """The plain text block ``number`` shows once typeset (for copying spacers)."""
        section, block = self._sections[number], self._blocks[number]
        if block == _TITLE:
            return self.article.title
        if block == _SOURCE:
            return source_line(self.article)
        s = self.article.sections[section]
        if block == _HEADING:
            return " ".join((s.heading or "").split())
        model = s.blocks[block]
        if model.kind is BlockKind.LIST_ITEM:
            return f"{bullet(model.marker)}  {model.text}"
        return model.text

    def selected_text(self, start: int, end: int) -> str:
        """Plain text of document positions ``start .. end``: typeset blocks as shown, the
        text of spacers from the model (a select-all copies the whole book)."""
        doc = self.doc
        block, last = doc.findBlock(start), doc.findBlock(end).blockNumber()
        out: list[str] = []
        while block.isValid() and block.blockNumber() <= last:
            number = block.blockNumber()
            if self.chunks[self.chunk_of(number)].loaded:
                text = block.text()
                lo = max(0, start - block.position())
                hi = min(len(text), end - block.position())
                out.append(text[lo:hi])
            else:
                out.append(self.block_text(number))
            block = block.next()
        return "\n".join(out).replace("\u2028", "\n").replace("\xa0", " ")

    def chunk_html(self, i: int) -> str:
        c = self.chunks[i]
        parts = [self._html(n) for n in range(c.first, c.first + c.count)]
        return "\n".join([HTML_START, *parts, HTML_END])

    # -- building the document -----------------------------------------------------------

    def build(self, near_block: int = 0) -> QTextDocument:
        """A new document: spacers everywhere, the chunks from ``near_block`` on typeset
        for one view height. The caller shows it (``setDocument``) and sets its margins."""
        view = self.view
        view.ensurePolished()
        doc = QTextDocument(view)
        doc.setUndoRedoEnabled(False)  # chunks are replaced all the time: keep no history
        doc.setDefaultFont(view.font())
        option = doc.defaultTextOption()
        option.setTextDirection(view.layoutDirection())
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        self._timer.stop()
        self._busy = False
        for chunk in self.chunks:
            chunk.loaded = False
            chunk.height = None
        metrics = self._metrics(doc)
        self.column = metrics[2]
        self._rebuild_timer.stop()
        self._estimate(metrics, self._calibrate(doc, metrics))
        cursor = QTextCursor(doc)
        cursor.setBlockFormat(_spacer(0))
        cursor.insertText("\u2029" * (self.block_count - 1))
        block = doc.begin()
        number = 0
        for chunk in self.chunks:  # walk the blocks once: findBlockByNumber per chunk is slower
            while number < chunk.first:
                block = block.next()
                number += 1
            cursor.setPosition(block.position())
            cursor.setBlockFormat(_spacer(chunk.estimate))
        self.doc = doc
        first = self.chunk_of(near_block)
        budget = max(1.0, self._view_height())
        i = first
        while i < len(self.chunks) and budget > 0:
            budget -= self.chunks[i].estimate
            self._load(i)
            i += 1
        return doc

    def _view_height(self) -> float:
        return float(self.view.viewport().height())

    def _metrics(self, doc: QTextDocument, sized: bool = False) -> tuple[float, float, float]:
        """(characters per line, paragraph line height, column width) for the estimates;
        ``sized``: the viewport has its real size even if the pane is not visible yet."""
        metrics = QFontMetricsF(doc.defaultFont())
        sample = "وقال المسؤول إن الوضع على الحدود مستقر وإن القوات تواصل عملها في المنطقة"
        per_char = max(1.0, metrics.horizontalAdvance(sample) / len(sample))
        column = per_char * MEASURE_CHARS
        width = self.view.viewport().width() - 2 * MIN_SIDE_MARGIN
        if (sized or self.view.isVisible()) and width > 100:  # else: the width aimed for
            column = min(column, float(width))
        return column / per_char, metrics.lineSpacing() * self.options.line_height / 100, column

    def _estimate(self, metrics: tuple[float, float, float], scale: float = 1.0) -> None:
        per_line, line, _column = metrics
        heading = 2.2 * line + 38
        for chunk in self.chunks:
            total = 0.0
            for n in range(chunk.first, chunk.first + chunk.count):
                if self._blocks[n] == _HEADING:
                    total += heading
                else:
                    total += math.ceil(max(1, self._lengths[n]) / per_line) * line + 26
            chunk.estimate = total * scale

    def _calibrate(self, doc: QTextDocument, metrics: tuple[float, float, float]) -> float:
        """Ratio of real to estimated height over the first chunks, typeset off screen."""
        self._estimate(metrics)
        probe = QTextDocument()
        probe.setUndoRedoEnabled(False)
        probe.setDefaultFont(doc.defaultFont())
        probe.setDefaultTextOption(doc.defaultTextOption())
        probe.setDocumentMargin(0)
        probe.setTextWidth(metrics[2])
        # Not the title chunk: the estimate is for the body of the book.
        picked = list(range(1, min(len(self.chunks), CALIBRATION_CHUNKS + 1)))
        if not picked:
            return 1.0
        parts = [self._html(n) for i in picked
                 for n in range(self.chunks[i].first, self.chunks[i].first + self.chunks[i].count)]
        probe.setHtml("\n".join([HTML_START, *parts, HTML_END]))
        real = probe.documentLayout().documentSize().height()
        estimated = sum(self.chunks[i].estimate for i in picked)
        return real / estimated if estimated > 0 and real > 0 else 1.0

    # -- typesetting and emptying chunks ---------------------------------------------------

    def _block(self, number: int) -> QTextBlock:
        return self.doc.findBlockByNumber(number)

    def _select(self, chunk: Chunk) -> QTextCursor:
        cursor = QTextCursor(self.doc)
        cursor.setPosition(self._block(chunk.first).position())
        last = self._block(chunk.first + chunk.count - 1)
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _load(self, i: int) -> None:
        """Typeset chunk ``i`` in place of its spacer (same blocks, same block numbers)."""
        chunk = self.chunks[i]
        if chunk.loaded:
            return
        scratch = QTextDocument()
        scratch.setUndoRedoEnabled(False)
        scratch.setHtml(self.chunk_html(i))
        formats = []
        block = scratch.begin()
        while block.isValid():
            formats.append(block.blockFormat())
            block = block.next()
        if len(formats) != chunk.count:  # never seen: keep the numbering, lose the markup
            log.warning("chunk %d: %d blocks, expected %d", i, len(formats), chunk.count)
            scratch.setPlainText("\n".join(
                QTextDocumentFragment.fromHtml(self._html(n)).toPlainText().replace("\n", " ")
                for n in range(chunk.first, chunk.first + chunk.count)))
            formats = [QTextBlockFormat()] * chunk.count
        cursor = self._select(chunk)
        cursor.beginEditBlock()
        cursor.insertFragment(QTextDocumentFragment(scratch))
        block = self._block(chunk.first)
        for fmt in formats:  # the fragment keeps the spacer's format on its first block
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)
            block = block.next()
        cursor.endEditBlock()
        chunk.loaded = True

    def _measure(self, i: int) -> tuple[float, float]:
        """(height, top margin) of a spacer that takes typeset chunk ``i``'s place exactly:
        Qt adds margins (no collapsing), and a block's top is below its top margin."""
        margin = self._block(self.chunks[i].first).blockFormat().topMargin()
        if i + 1 < len(self.chunks):
            after = self._block(self.chunks[i + 1].first).blockFormat().topMargin()
            return self._top(i + 1) - after - self._top(i), margin
        return self._top(i + 1) - self._top(i), margin

    def _unload(self, i: int, measured: tuple[float, float]) -> None:
        """Put a spacer of the chunk's ``measured`` size in place of its text."""
        chunk = self.chunks[i]
        if not chunk.loaded:
            return
        chunk.height = measured[0]
        cursor = self._select(chunk)
        cursor.beginEditBlock()
        cursor.insertText("\u2029" * (chunk.count - 1))
        first = self._block(chunk.first)
        cursor.setPosition(first.position())
        cursor.setBlockFormat(_spacer(*measured))
        if chunk.count > 1:
            cursor.setPosition(first.next().position())
            last = self._block(chunk.first + chunk.count - 1)
            cursor.setPosition(last.position(), QTextCursor.MoveMode.KeepAnchor)
            cursor.setBlockFormat(_spacer(0))
        cursor.endEditBlock()
        chunk.loaded = False

    def loaded_chars(self) -> int:
        return sum(c.chars for c in self.chunks if c.loaded)

    # -- geometry --------------------------------------------------------------------------

    def _top(self, i: int) -> float:
        """Document y of chunk ``i``'s first block (the end of the text for i = len)."""
        layout = self.doc.documentLayout()
        if i >= len(self.chunks):
            return layout.blockBoundingRect(self.doc.lastBlock()).bottom()
        return layout.blockBoundingRect(self._block(self.chunks[i].first)).top()

    def chunk_at(self, y: float) -> int:
        """Index of the chunk at document y (a binary search over chunk tops)."""
        lo, hi = 0, len(self.chunks) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._top(mid) <= y:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _bar(self) -> QScrollBar:
        return self.view.verticalScrollBar()

    def _keeping_view(self, change: Callable[[], int], after: int | None = None) -> None:
        """Run ``change`` (which returns the first chunk it changed, or -1) keeping the text
        at the top of the view in place: the chunk there if it is typeset (it is not
        changed), else the next one (a spacer at the top is about to become text).

        ``after``: the chunk after the last one changed, when the change should not move it
        (exact spacers): if it did not move, nothing else moved and ``changed`` is not sent.
        """
        bar = self._bar()
        top = bar.value()
        anchor = self.chunk_at(top + 1)  # +1: a scroll value rounded down onto a chunk's top
        if not self.chunks[anchor].loaded and anchor + 1 < len(self.chunks):
            anchor += 1
        offset = top - self._top(anchor)
        end = self._top(after) if after is not None else None
        # One edit block for all the chunks: Qt lays the rest of the document (thousands of
        # spacers, ~13 ms) out again once per change, not once per chunk.
        batch = QTextCursor(self.doc)
        batch.beginEditBlock()
        try:
            first = change()
        finally:
            batch.endEditBlock()
        if first < 0:
            return
        self.replaced.emit()
        if end is None or after is None or abs(self._top(after) - end) > 0.5:
            self.changed.emit(self.chunks[first].first)
        target = round(self._top(anchor) + offset)
        if target != top:
            if target > bar.maximum():
                self.doc.documentLayout().blockBoundingRect(self.doc.lastBlock())
                needed = math.ceil(self.doc.size().height()) - self.view.viewport().height()
                bar.setMaximum(max(bar.maximum(), needed))
            bar.setValue(target)

    # -- what the pane calls --------------------------------------------------------------

    def ensure_blocks(self, first: int, last: int | None = None) -> None:
        """Typeset the chunks holding blocks ``first .. last`` (the view stays in place)."""
        lo = self.chunk_of(first)
        hi = self.chunk_of(first if last is None else last)
        if all(self.chunks[i].loaded for i in range(lo, hi + 1)):
            return

        def change() -> int:
            missing = [i for i in range(lo, hi + 1) if not self.chunks[i].loaded]
            for i in missing:
                self._load(i)
            return missing[0] if missing else -1

        self._guarded(lambda: self._keeping_view(change))

    def ensure_offset(self, first: int, offset: int) -> None:
        """Typeset from block ``first`` on until character ``offset`` after its start is
        typeset (or the section ends): a reading position in a long section."""
        i = self.chunk_of(first)
        start = None
        while True:
            self.ensure_blocks(self.chunks[i].first)
            if start is None:
                start = self._block(first).position()
            last = self._block(self.chunks[i].first + self.chunks[i].count - 1)
            if start + offset < last.position() + last.length() or i + 1 >= len(self.chunks):
                return
            i += 1
            if self._blocks[self.chunks[i].first] == _HEADING:
                return

    def fill_view(self) -> None:
        """Typeset every chunk in the view now; schedule the ones around it."""
        if self._busy:
            return
        self._guarded(self._fill_view)
        self._timer.start()

    def _fill_view(self) -> None:
        bar = self._bar()
        for _ in range(20):  # each chunk typeset can pull the next one into the view
            top = bar.value()
            lo, hi = self.chunk_at(top + 1), self.chunk_at(top + self._view_height())
            missing = [i for i in range(lo, hi + 1) if not self.chunks[i].loaded]
            if not missing:
                return

            def change(missing: list[int] = missing) -> int:
                for i in missing:
                    self._load(i)
                return missing[0]

            self._keeping_view(change)

    def _guarded(self, fn: Callable[[], None]) -> None:
        self._busy = True
        try:
            fn()
        finally:
            self._busy = False

    def stop(self) -> None:
        """No more background work (the pane shows another document)."""
        self._timer.stop()
        self._rebuild_timer.stop()
        self._busy = True

    def check_width(self, immediate: bool = False) -> None:
        """After a resize: ask for a rebuild if the column width changed by more than
        :data:`REBUILD_WIDTH_CHANGE` since the spacers were sized: ``immediate`` (the first
        size, before anything was painted) or once the resizing pauses."""
        column = self._metrics(self.doc, sized=True)[2]
        if abs(column - self.column) <= REBUILD_WIDTH_CHANGE * max(1.0, self.column):
            self._rebuild_timer.stop()
        elif immediate:
            self._rebuild_timer.stop()
            self.rebuildWanted.emit()
        else:
            self._rebuild_timer.start()

    def is_loading(self) -> bool:
        """True while chunks around the view are still being typeset."""
        return self._timer.isActive() or self._rebuild_timer.isActive() or self._busy

    def _background_step(self) -> None:
        """One slice of the background work: typeset near the view, then empty far chunks."""
        if self._busy:
            self._timer.start()
            return
        started = time.perf_counter()
        bar = self._bar()
        height = self._view_height()
        lo = self.chunk_at(bar.value() - PREFETCH_VIEWS * height)
        top = self.chunk_at(bar.value())
        hi = self.chunk_at(bar.value() + (1 + PREFETCH_VIEWS) * height)
        # Nearest first: below the view (where reading goes), then above it; one edit block
        # per side, so the typeset view between them is not laid out again.
        below = [i for i in range(top, hi + 1) if not self.chunks[i].loaded]
        above = [i for i in range(top - 1, lo - 1, -1) if not self.chunks[i].loaded]
        for wanted in (below, above):
            done: list[int] = []

            def load(wanted: list[int] = wanted, done: list[int] = done) -> int:
                for i in wanted:
                    self._load(i)
                    done.append(i)
                    if time.perf_counter() - started > SLICE_S:
                        break
                return min(done) if done else -1

            self._guarded(lambda load=load: self._keeping_view(load))  # type: ignore[misc]
            if len(done) < len(wanted):
                break
        # Empty far chunks at every step: a reader dragging the scroll bar keeps loading.
        self._guarded(lambda: self._evict(lo, hi, started))
        if any(not self.chunks[i].loaded for i in range(lo, hi + 1)) or self._over_budget(lo, hi):
            self._timer.start()
            return
        self.finished.emit()

    def _over_budget(self, lo: int, hi: int) -> bool:
        return self.loaded_chars() > LOADED_CHARS and any(
            c.loaded for i, c in enumerate(self.chunks) if not lo <= i <= hi)

    def _evict(self, lo: int, hi: int, started: float) -> None:
        """Empty the chunks farthest from [lo, hi] until within :data:`LOADED_CHARS`."""
        loaded = sorted(
            (i for i, c in enumerate(self.chunks) if c.loaded and not lo <= i <= hi),
            key=lambda i: -(lo - i if i < lo else i - hi),
        )
        total = self.loaded_chars()
        drop: list[int] = []
        for i in loaded:
            if total <= LOADED_CHARS:
                break
            drop.append(i)
            total -= self.chunks[i].chars
        for side in ([i for i in drop if i > hi], [i for i in drop if i < lo]):
            side = sorted(side)[:UNLOAD_PER_STEP]
            if not side or time.perf_counter() - started > SLICE_S:
                continue
            # Sizes first: inside the edit block the layout is not updated.
            sizes = {i: self._measure(i) for i in side}

            def unload(side: list[int] = side, sizes: dict[int, tuple[float, float]] = sizes,
                       ) -> int:
                for i in side:
                    self._unload(i, sizes[i])
                return side[0]

            self._keeping_view(unload, after=side[-1] + 1)
