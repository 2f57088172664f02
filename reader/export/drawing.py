"""Where everything goes on a page: line placement, running header, footer, rules, and
glyph runs for painters other than the PDF writer (Qt's printer and print preview).

The PDF writer and :func:`draw_page` share :func:`place_line` and :func:`furniture`, so a
printed page and an exported one carry the same glyphs at the same places. Coordinates are
points from the page's top-left corner.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .blocks import Align, Kind, TextBlock
from .fonts import Style
from .lines import SOFT_BREAK, SPACE, Line, Para, atomize, spaces_in, visual_order
from .paginate import LaidBlock, Page, PageLine, Typeset
from .shaping import Shaper

_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
LINK_RGB = (0.05, 0.2, 0.5)


def page_label(page: int, total: int, language: str) -> str:
    """The footer text: "صفحة ٣ من ٧" (Arabic-Indic digits) or "Page 3 of 7"."""
    if language == "ar":
        return f"صفحة {page} من {total}".translate(_ARABIC_DIGITS)
    return f"Page {page} of {total}"


def baseline_offset(line_height: float, size: float, shaper: Shaper) -> float:
    """Distance from the top of a line box to its baseline: the font's ascent and descent
    centred in the box."""
    face = shaper.face
    asc, desc = face.ascender / face.upem * size, -face.descender / face.upem * size
    return (line_height - asc - desc) / 2 + asc


class PlacedLine(NamedTuple):
    """A line ready to draw: atoms ``order`` left to right from ``x`` on ``baseline``, each
    space widened by ``extra`` points (justification)."""

    x: float
    baseline: float
    extra: float
    order: list[int]


def place_line(lb: LaidBlock, index: int, top: float, shapers: list[Shaper]) -> PlacedLine:
    """Line ``index`` of ``lb`` whose line box starts ``top`` points down the page.

    Justified lines fill the box; the last line of a paragraph, and every line of a heading,
    goes to the start side (right for Arabic)."""
    b, para = lb.block, lb.para
    line = lb.lines[index]
    baseline = top + baseline_offset(b.line_height, b.size, shapers[b.style])
    box = lb.right - lb.left
    extra = 0.0
    if b.align is Align.JUSTIFY and not line.last:
        n = spaces_in(para, line)
        if n:
            extra = (box - line.width) / n
    if b.align is Align.CENTER:
        x = lb.left + (box - line.width) / 2
    elif extra or not para.rtl:
        x = lb.left
    else:
        x = lb.right - line.width
    return PlacedLine(x, baseline, extra, visual_order(para, line))


def place_marker(lb: LaidBlock, baseline: float) -> PlacedLine | None:
    """A list item's bullet or number, outside its text on the start side."""
    m = lb.marker
    if m is None:
        return None
    width = sum(m.widths)
    gap = 0.4 * lb.block.size
    x = lb.right + gap if lb.para.rtl else lb.left - gap - width
    return PlacedLine(x, baseline, 0.0, visual_order(m, Line(0, len(m.texts), width, True)))


class Rule(NamedTuple):
    """A straight line: from (x1, y1) to (x2, y2), ``width`` points thick, ``gray`` level."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    gray: float


@dataclass(frozen=True, slots=True)
class Furniture:
    """What a page shows besides the article's lines: header, footer, rules."""

    lines: list[PageLine]
    rules: list[Rule]


def furniture(doc: Typeset, page: Page) -> Furniture:
    """The running header (the title, from page 2), its rule, the page label in the footer,
    and the bar beside quoted lines."""
    g, size = doc.geometry, doc.options.font_size_pt
    lines: list[PageLine] = []
    rules: list[Rule] = []
    small = 0.7 * size
    if page.number > 1 and doc.article.title.strip():
        header = single_line(doc, doc.article.title.strip(), small, Align.START, 0.3)
        lines.append(PageLine(header, 0, g.top - small * 1.6 - 0.6 * size))
        y = g.top - 0.35 * size
        rules.append(Rule(g.left, y, g.right, y, 0.5, 0.6))
    label = page_label(page.number, len(doc.pages), doc.options.ui_language)
    footer = single_line(doc, label, small, Align.CENTER, 0.25)
    lines.append(PageLine(footer, 0, g.bottom + (g.height - g.bottom - small * 1.6) / 2))
    for pl in page.lines:
        b = pl.laid.block
        if b.rule:
            x = pl.laid.right + 0.6 * b.size if pl.laid.para.rtl else pl.laid.left - 0.6 * b.size
            rules.append(Rule(x, pl.top, x, pl.top + b.line_height, 1.5, 0.55))
    return Furniture(lines, rules)


def single_line(doc: Typeset, text: str, size: float, align: Align, shade: float) -> LaidBlock:
    """A one-line block across the text width, cut with "…" when it does not fit."""
    g = doc.geometry
    block = TextBlock(Kind.PARAGRAPH, text, Style.REGULAR, size, size * 1.6, align, gray=shade)
    para = atomize(text, doc.shapers, Style.REGULAR, size)
    width = sum(para.widths)
    words = text.split()
    while len(words) > 1 and width > g.right - g.left:
        words.pop()
        para = atomize(" ".join(words) + "…", doc.shapers, Style.REGULAR, size)
        width = sum(para.widths)
    lines = [Line(0, len(para.texts), width, True)] if para.texts else []
    return LaidBlock(block, para, lines, g.left, g.right)


# -- glyph runs for other painters ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GlyphRun:
    """Glyphs of one font, size and colour with their baseline origins on the page.

    For Qt: ``QRawFont(str(font), size)`` (painter scaled to points),
    ``QGlyphRun.setGlyphIndexes(glyphs)`` and ``setPositions`` with these points."""

    font: Path
    style: Style
    size: float
    rgb: tuple[float, float, float]
    glyphs: tuple[int, ...]
    positions: tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class PageDrawing:
    """Everything on one page, in points from its top-left corner."""

    number: int
    width: float
    height: float
    runs: list[GlyphRun]
    rules: list[Rule]


def draw_page(doc: Typeset, page: Page) -> PageDrawing:
    """Page ``page`` of ``doc`` as glyph runs and rules: what the PDF shows, for a printer.

    Glyphs are HarfBuzz's, at HarfBuzz's positions (marks with their offsets); dark text on
    white whatever the screen theme. Links are drawn in their colour (not clickable)."""
    runs: list[GlyphRun] = []
    extra = furniture(doc, page)
    for pl in [*page.lines, *extra.lines]:
        lb = pl.laid
        placed = place_line(lb, pl.line, pl.top, doc.shapers)
        _line_runs(doc, lb.para, placed, lb.block.gray, runs)
        if pl.line == 0:
            marker = place_marker(lb, placed.baseline)
            if marker is not None and lb.marker is not None:
                _line_runs(doc, lb.marker, marker, lb.block.gray, runs)
    g = doc.geometry
    return PageDrawing(page.number, g.width, g.height, runs, extra.rules)


def _line_runs(doc: Typeset, para: Para, placed: PlacedLine, gray: float,
               runs: list[GlyphRun]) -> None:
    """Append the glyph runs of one placed line (one run per style and colour change)."""
    x = placed.x
    base = (gray, gray, gray)
    current: tuple[Style, tuple[float, float, float]] | None = None
    glyphs: list[int] = []
    positions: list[tuple[float, float]] = []

    def flush() -> None:
        if glyphs and current is not None:
            shaper = doc.shapers[current[0]]
            runs.append(GlyphRun(shaper.face.path, current[0], para.size, current[1],
                                 tuple(glyphs), tuple(positions)))
        glyphs.clear()
        positions.clear()

    for i in placed.order:
        t = para.texts[i]
        if t == SOFT_BREAK:
            continue
        style = para.atom_style(i)
        rgb = LINK_RGB if para.hrefs and i in para.hrefs else base
        if (style, rgb) != current:
            flush()
            current = (style, rgb)
        shaper = doc.shapers[style]
        scale = para.size / shaper.face.upem
        pen = x
        for gid, _, advance, x_offset, y_offset in shaper.shape(t, para.atom_rtl(i)).glyphs:
            if gid:
                glyphs.append(gid)
                positions.append((pen + x_offset * scale, placed.baseline - y_offset * scale))
            pen += advance * scale
        x += para.widths[i] + (placed.extra if t == SPACE else 0.0)
    flush()
