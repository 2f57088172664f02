"""Writing laid-out pages as PDF with fpdf2: content streams, fonts, outline, links, metadata.

fpdf2 supplies the document structure: pages, the embedded font subsets with their ToUnicode
maps, the outline, link annotations and metadata. The text itself is written here, straight
into each page's content stream, from glyphs HarfBuzz already chose: one ``TJ`` array per
line, each word's character codes (:mod:`.glyphcodes`) cached as a ready-made string. Going
through fpdf2's own text methods would shape and measure every line again (a 2 MB article
took 146 s that way).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fpdf import FPDF
from fpdf.enums import PDFResourceType
from fpdf.fonts import TTFFont
from fpdf.prefs import ViewerPreferences
from fpdf.syntax import Name

from . import drawing
from .drawing import Rule, place_line, place_marker
from .fonts import Style
from .glyphcodes import GlyphWriter
from .lines import SOFT_BREAK, SPACE, Para
from .paginate import Geometry, LaidBlock, Page
from .shaping import Shaper

_FAMILY = "amiri"
_FPDF_STYLE = {Style.REGULAR: "", Style.BOLD: "B", Style.ITALIC: "I", Style.BOLD_ITALIC: "BI"}
_EXTERNAL = re.compile(r"(?i)^(https?|mailto):")
LINK_RGB = "{:.2f} {:.2f} {:.2f} rg".format(*drawing.LINK_RGB)
#: A link rectangle: x, top, width, height (points from the top-left corner), target.
LinkBox = tuple[float, float, float, float, str]


class PdfWriter:
    """An fpdf2 document being filled page by page."""

    def __init__(self, geometry: Geometry, shapers: Sequence[Shaper]) -> None:
        self.geometry = geometry
        self.shapers = shapers
        pdf = FPDF(unit="pt", format=(geometry.width, geometry.height))
        pdf.set_auto_page_break(False)
        pdf.set_margins(0, 0, 0)
        self.pdf = pdf
        self._writers: dict[Style, GlyphWriter] = {}
        self.anchors: dict[str, int] = {}  # internal link targets: anchor -> fpdf2 link id

    def writer(self, style: Style) -> GlyphWriter:
        """The glyph writer of ``style``, adding its font to the document on first use."""
        w = self._writers.get(style)
        if w is None:
            shaper = self.shapers[style]
            self.pdf.add_font(_FAMILY, _FPDF_STYLE[style], str(shaper.face.path))
            font = self.pdf.fonts[_FAMILY + _FPDF_STYLE[style]]
            assert isinstance(font, TTFFont)
            # Shaping is done (HarfBuzz reads its own copy of the file): the layout tables
            # are dead weight in the embedded subset, and fontTools is slow to subset them.
            for tag in ("GSUB", "GPOS", "GDEF", "JSTF", "MATH"):
                if tag in font.ttfont:
                    del font.ttfont[tag]
            # Glyph boxes are kept as stored (added composites get theirs when made):
            # recomputing every composite's box at save time took a fifth of a second.
            font.ttfont.recalcBBoxes = False
            w = self._writers[style] = GlyphWriter(shaper, font)
        return w

    def set_metadata(
        self, title: str, author: str | None, language: str = "ar", rtl: bool = True
    ) -> None:
        pdf = self.pdf
        pdf.set_title(title)
        if author:
            pdf.set_author(author)
        pdf.set_creator("Qari")
        pdf.set_lang(language)
        pdf.page_mode = "USE_OUTLINES"
        pdf.viewer_preferences = _Preferences(rtl)

    # -- lines --------------------------------------------------------------------------

    def line_ops(self, para: Para, order: Sequence[int], x: float, baseline: float,
                 extra: float, color: str, state: list[object]) -> str:
        """Content operators drawing atoms ``order`` (left to right) of ``para`` from ``x`` on
        ``baseline`` (points from the top) in ``color``, widening each space by ``extra``
        points; linked atoms are drawn in the link colour.

        ``state`` holds the text object's current ``[style, size, colour]`` and is updated,
        so that fonts and colours are only switched when they change."""
        size = para.size
        texts = para.texts
        y = self.geometry.height - baseline
        out = [f"1 0 0 1 {x:.2f} {y:.2f} Tm"]
        gap = f" {-extra * 1000 / size:.1f}" if extra else ""
        styles, hrefs, levels = para.styles, para.hrefs, para.levels
        rtl = para.rtl
        if styles is None and hrefs is None and levels is None:
            return self._plain_line_ops(para, order, out, gap, color, state)
        opened = False
        for i in order:
            t = texts[i]
            if t == SOFT_BREAK:
                continue
            st = para.style if styles is None else styles[i]
            c = LINK_RGB if hrefs is not None and i in hrefs else color
            if st != state[0] or size != state[1] or c != state[2]:
                if opened:
                    out.append("] TJ")
                    opened = False
                if st != state[0] or size != state[1]:
                    out.append(f"/F{self.writer(st).font.i} {size:.2f} Tf")
                    state[0], state[1] = st, size
                if c != state[2]:
                    out.append(c)
                    state[2] = c
            if not opened:
                out.append("[")
                opened = True
            writer = self._writers[st]
            out.append(writer.piece(t, rtl if levels is None else levels[i] % 2 == 1))
            if t == SPACE and gap:
                out.append(gap)
        if opened:
            out.append("] TJ")
        out.append("\n")
        return " ".join(out)

    def _plain_line_ops(self, para: Para, order: Sequence[int], out: list[str], gap: str,
                        color: str, state: list[object]) -> str:
        """:meth:`line_ops` for the common line: one style, one direction, no link."""
        st, size, rtl = para.style, para.size, para.rtl
        if st != state[0] or size != state[1]:
            out.append(f"/F{self.writer(st).font.i} {size:.2f} Tf")
            state[0], state[1] = st, size
        if color != state[2]:
            out.append(color)
            state[2] = color
        writer = self._writers[st]
        cached = writer.pieces[rtl]
        space = writer.piece(SPACE, rtl) + gap
        texts = para.texts
        pieces = []
        for i in order:
            t = texts[i]
            if t == SPACE:
                pieces.append(space)
            elif t != SOFT_BREAK:
                p = cached.get(t)
                pieces.append(p if p is not None else writer.piece(t, rtl))
        out.append("[" + " ".join(pieces) + "] TJ\n")
        return " ".join(out)

    def draw_laid_line(self, lb: LaidBlock, index: int, top: float, state: list[object],
                       links: list[LinkBox]) -> str:
        """Operators for line ``index`` of a laid block whose line box starts at ``top``;
        the line's link rectangles are appended to ``links``."""
        b, para = lb.block, lb.para
        placed = place_line(lb, index, top, list(self.shapers))
        color = gray(b.gray)
        ops = self.line_ops(para, placed.order, placed.x, placed.baseline, placed.extra,
                            color, state)
        if index == 0 and lb.marker is not None:
            marker = place_marker(lb, placed.baseline)
            assert marker is not None
            ops += self.line_ops(lb.marker, marker.order, marker.x, marker.baseline, 0.0,
                                 color, state)
        if para.hrefs:
            links.extend(self._link_boxes(para, placed.order, placed.x, placed.extra, top,
                                          b.line_height))
        return ops

    def _link_boxes(self, para: Para, order: Sequence[int], x: float, extra: float,
                    top: float, height: float) -> list[LinkBox]:
        """Rectangles (x, top, width, height, href) of the linked atoms of a line."""
        assert para.hrefs is not None
        boxes = []
        for i in order:
            w = para.widths[i] + (extra if para.texts[i] == SPACE else 0.0)
            href = para.hrefs.get(i)
            if href:
                boxes.append((x, top, w, height, href))
            x += w
        return boxes

    def add_page(self, page: Page, lines_ops: str, graphics: str,
                 links: list[LinkBox]) -> None:
        """Start page ``page.number`` with the given text and graphics operators."""
        pdf = self.pdf
        pdf.add_page()
        for gw in self._writers.values():
            pdf._resource_catalog.add(PDFResourceType.FONT, gw.font.i, pdf.page)
        pdf._out(f"BT\n{lines_ops}ET\n{graphics}".encode("latin-1"))
        for bm in page.bookmarks:
            pdf.y = bm.top
            pdf.start_section(bm.title, level=bm.depth, strict=False)
        for x, top, w, h, href in links:
            if _EXTERNAL.match(href):
                pdf.link(x, top, w, h, href)
            elif href.startswith("#") and href[1:] in self.anchors:
                pdf.link(x, top, w, h, self.anchors[href[1:]])

    def output(self) -> bytearray:
        for w in self._writers.values():
            w.finish()
        return self.pdf.output()


def rules_ops(rules: Sequence[Rule], page_height: float) -> str:
    """Content operators stroking ``rules`` (points from the top-left corner)."""
    ops = []
    for r in rules:
        ops.append(f"q {r.gray:.2f} G {r.width:.2f} w {r.x1:.2f} {page_height - r.y1:.2f} m "
                   f"{r.x2:.2f} {page_height - r.y2:.2f} l S Q\n")
    return "".join(ops)


class _Preferences(ViewerPreferences):
    """Viewer preferences with the reading direction written as the PDF name ``/R2L`` or
    ``/L2R`` (fpdf2 2.8 writes a bare ``RTL``, which readers reject)."""

    def __init__(self, rtl: bool) -> None:
        self._rtl = rtl
        super().__init__(display_doc_title=True)

    @property  # type: ignore[override]
    def direction(self) -> Name:
        return Name("R2L" if self._rtl else "L2R")

    @direction.setter
    def direction(self, value: object) -> None:
        pass  # fixed by the constructor's rtl


def gray(level: float) -> str:
    """The fill-colour operator of a gray level (0 black, 1 white)."""
    return f"{level:.2f} g" if level else "0 g"


def merge_links(boxes: list[LinkBox]) -> list[LinkBox]:
    """Adjacent boxes of one link on one line become one rectangle."""
    merged: list[LinkBox] = []
    for box in sorted(boxes, key=lambda b: (b[1], b[0])):
        if merged:
            x, top, w, h, href = merged[-1]
            if href == box[4] and top == box[1] and abs(x + w - box[0]) < 0.5:
                merged[-1] = (x, top, w + box[2], h, href)
                continue
        merged.append(box)
    return merged
