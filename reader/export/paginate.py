"""Lay blocks out in lines and distribute the lines over pages.

Rules: a heading (and the title) stays on the page of the first lines of what follows it;
a paragraph of three lines or fewer is never split; a longer one leaves at least two lines at
the bottom of a page and carries at least two to the next. Pure geometry in points, measured
from the top-left corner of the page; nothing here knows about PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from reader.model import Article

from .blocks import TextBlock
from .lines import Line, Para, atomize, break_lines
from .options import PT_PER_MM, PdfOptions
from .shaping import Shaper

_EPS = 1e-6


@dataclass(frozen=True, slots=True)
class Geometry:
    """Page size and the text area, in points from the top-left corner."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @classmethod
    def from_options(cls, options: PdfOptions) -> Geometry:
        w, h = options.page_size_pt
        m = options.margins
        return cls(
            w, h, m.left * PT_PER_MM, w - m.right * PT_PER_MM,
            m.top * PT_PER_MM, h - m.bottom * PT_PER_MM,
        )


@dataclass(slots=True)
class LaidBlock:
    """A block broken into lines inside its box ``[left, right]``."""

    block: TextBlock
    para: Para
    lines: list[Line]
    left: float
    right: float
    marker: Para | None = None

    @property
    def height(self) -> float:
        return len(self.lines) * self.block.line_height


class PageLine(NamedTuple):
    """Line number ``line`` of ``laid``, its line box starting ``top`` points down the page."""

    laid: LaidBlock
    line: int
    top: float


class Bookmark(NamedTuple):
    """An outline entry: ``title`` at nesting ``depth``, ``top`` points down its page."""

    title: str
    depth: int
    top: float


@dataclass(slots=True)
class Page:
    """What one page holds; ``number`` counts from 1."""

    number: int
    lines: list[PageLine] = field(default_factory=list)
    bookmarks: list[Bookmark] = field(default_factory=list)


def lay_out(
    block: TextBlock, shapers: Sequence[Shaper], geometry: Geometry
) -> LaidBlock:
    """Break one block into lines that fit its box."""
    inner = geometry.right - geometry.left - block.indent_start - block.indent_end
    para = atomize(block.text, shapers, block.style, block.size, block.spans, max_width=inner)
    if para.rtl:
        left, right = geometry.left + block.indent_end, geometry.right - block.indent_start
    else:
        left, right = geometry.left + block.indent_start, geometry.right - block.indent_end
    marker = None
    if block.marker:
        marker = atomize(block.marker, shapers, block.style, block.size, rtl=para.rtl)
    return LaidBlock(block, para, break_lines(para, inner), left, right, marker)


def _together(laid: LaidBlock) -> int:
    """How many of a block's first lines must share a page."""
    n = len(laid.lines)
    return n if n <= 3 or laid.block.keep_with_next else 2


def paginate(
    laid: Sequence[LaidBlock],
    geometry: Geometry,
    on_block: Callable[[int], None] | None = None,
) -> list[Page]:
    """Distribute laid-out blocks over pages. ``on_block(i)`` is called after block ``i``."""
    top, bottom = geometry.top, geometry.bottom
    pages = [Page(1)]
    y = top
    for bi, lb in enumerate(laid):
        b = lb.block
        lh = b.line_height
        n = len(lb.lines)
        before = b.space_before if y > top + _EPS else 0.0
        if n and y > top + _EPS and y + before + _needed(laid, bi) > bottom + _EPS:
            pages.append(Page(len(pages) + 1))
            y, before = top, 0.0
        y += before
        if b.outline is not None:
            pages[-1].bookmarks.append(Bookmark(b.outline[0], b.outline[1], y))
        k = 0
        while k < n:
            fit = int((bottom - y + _EPS) // lh)
            left = n - k
            if fit >= left:
                take = left
            else:
                take = fit
                if left - take < 2 and left >= 4:  # no single line (widow) on the next page
                    take = left - 2
                if take < 2 and k == 0 and y > top + _EPS:
                    take = 0  # no single line (orphan) at the bottom: start on the next page
                if take <= 0 and y <= top + _EPS:
                    take = max(1, fit)  # a line taller than the page still has to go somewhere
            lines = pages[-1].lines
            for j in range(k, k + take):
                lines.append(PageLine(lb, j, y))
                y += lh
            k += take
            if k < n:
                pages.append(Page(len(pages) + 1))
                y = top
        y += b.space_after
        if on_block is not None:
            on_block(bi)
    return pages


def _needed(laid: Sequence[LaidBlock], i: int) -> float:
    """Height that must fit on the page before block ``i`` starts there: its first lines, and
    for a heading also the start of what it keeps with."""
    lb = laid[i]
    need = _together(lb) * lb.block.line_height
    while lb.block.keep_with_next and i + 1 < len(laid):
        need += lb.block.space_after
        i += 1
        lb = laid[i]
        need += lb.block.space_before + _together(lb) * lb.block.line_height
    return need


def lay_out_all(
    blocks: Iterable[TextBlock],
    shapers: Sequence[Shaper],
    geometry: Geometry,
    on_block: Callable[[int], None] | None = None,
) -> list[LaidBlock]:
    """Lay out every block; ``on_block(i)`` after each (progress and cancellation)."""
    laid = []
    for i, block in enumerate(blocks):
        laid.append(lay_out(block, shapers, geometry))
        if on_block is not None:
            on_block(i)
    return laid


@dataclass(slots=True)
class Typeset:
    """An article laid out on pages, ready to be written as PDF or drawn by a printer."""

    article: Article
    options: PdfOptions
    geometry: Geometry
    shapers: list[Shaper]
    laid: list[LaidBlock]
    pages: list[Page]
