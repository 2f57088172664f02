"""``export_pdf``: an article to a typeset, searchable PDF with bookmarks. No Qt, no display.

The steps: article -> blocks (:mod:`.blocks`) -> lines (:mod:`.lines`, shaped by
:mod:`.shaping`) -> pages (:mod:`.paginate`) -> PDF (:mod:`.pdf`) -> file (:mod:`.atomic`).
Pages are counted before any is written, so every footer can say "صفحة ٣ من ٧".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.model import Article

from .atomic import check_target, write_atomic
from .blocks import Align, Kind, TextBlock, article_blocks
from .errors import ExportCancelled
from .fonts import Style, font_path
from .lines import Line, atomize
from .options import PdfOptions
from .paginate import Geometry, LaidBlock, Page, lay_out_all, paginate
from .pdf import PdfWriter, merge_links
from .shaping import Face, Shaper

#: ``progress(done, PROGRESS_TOTAL)``: the scale of the progress callback.
PROGRESS_TOTAL = 1000
_LAYOUT_SHARE = 550  # progress units for line breaking; pagination and writing share the rest
_PAGES_SHARE = 400

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What an export produced."""

    path: Path | None
    pages: int
    size_bytes: int
    bookmarks: int
    missing_glyphs: int
    seconds: float


@dataclass(slots=True)
class Typeset:
    """An article laid out on pages, ready to be written (or drawn by another backend)."""

    article: Article
    options: PdfOptions
    geometry: Geometry
    shapers: list[Shaper]
    laid: list[LaidBlock]
    pages: list[Page]


_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def page_label(page: int, total: int, language: str) -> str:
    """The footer text: "صفحة ٣ من ٧" (Arabic-Indic digits) or "Page 3 of 7"."""
    if language == "ar":
        return f"صفحة {page} من {total}".translate(_ARABIC_DIGITS)
    return f"Page {page} of {total}"


def make_shapers() -> list[Shaper]:
    """One shaper per :class:`Style` (Amiri regular, bold, italic, bold italic)."""
    return [Shaper(Face(font_path(style))) for style in Style]


def typeset(
    article: Article,
    options: PdfOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    shapers: list[Shaper] | None = None,
) -> Typeset:
    """Lay the article out on pages (no PDF yet). Raises :class:`ExportCancelled`."""
    options = options or PdfOptions()
    geometry = Geometry.from_options(options)
    shapers = shapers or make_shapers()
    blocks = list(article_blocks(article, options.font_size_pt))
    n = max(1, len(blocks))
    step = max(1, n // 200)

    def on_block(i: int) -> None:
        if i % step == 0:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            if progress is not None:
                progress(i * _LAYOUT_SHARE // n, PROGRESS_TOTAL)

    laid = lay_out_all(blocks, shapers, geometry, on_block)
    pages = paginate(laid, geometry)
    return Typeset(article, options, geometry, shapers, laid, pages)


def render_pdf(
    doc: Typeset,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> bytes:
    """The PDF file's bytes for a typeset article. Raises :class:`ExportCancelled`."""
    geometry, options = doc.geometry, doc.options
    writer = PdfWriter(geometry, doc.shapers)
    rtl = not doc.laid or doc.laid[0].para.rtl
    writer.set_metadata(doc.article.title, doc.article.author, "ar", rtl)
    writer.writer(Style.REGULAR)
    total = len(doc.pages)
    for page in doc.pages:
        for pl in page.lines:
            anchor = pl.laid.block.anchor
            if pl.line == 0 and anchor and anchor not in writer.anchors:
                writer.anchors[anchor] = writer.pdf.add_link(y=pl.top, page=page.number)
    header = _header_block(doc)
    step = max(1, total // 200)
    for page in doc.pages:
        if page.number % step == 0:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            if progress is not None:
                done = _LAYOUT_SHARE + page.number * _PAGES_SHARE // total
                progress(done, PROGRESS_TOTAL)
        state: list[object] = [None, None, None]
        links: list[tuple[float, float, float, float, str]] = []
        ops = [writer.draw_laid_line(pl.laid, pl.line, pl.top, state, links)
               for pl in page.lines]
        graphics = _quote_rules(doc, page)
        if page.number > 1 and header is not None:
            ops.append(writer.draw_laid_line(header, 0, geometry.top - _header_drop(doc),
                                             state, links))
            y = geometry.height - (geometry.top - 0.35 * options.font_size_pt)
            graphics += (f"q 0.6 G 0.5 w {geometry.left:.2f} {y:.2f} m "
                         f"{geometry.right:.2f} {y:.2f} l S Q\n")
        footer = _single_line(doc, page_label(page.number, total, options.ui_language),
                              0.7 * options.font_size_pt, Align.CENTER, 0.25)
        ops.append(writer.draw_laid_line(footer, 0, _footer_top(doc, footer), state, links))
        writer.add_page(page, "".join(ops), graphics, merge_links(links))
    if cancelled is not None and cancelled():
        raise ExportCancelled()
    return bytes(writer.output())


def export_pdf(
    article: Article,
    dest: Path,
    options: PdfOptions | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportReport:
    """Write ``article`` as a PDF file at ``dest``, atomically.

    ``progress(done, PROGRESS_TOTAL)`` is called now and then; ``cancelled()`` is polled at
    the same points and, when it returns True, the export stops with
    :class:`~reader.export.errors.ExportCancelled` and nothing is written. Raises
    :class:`~reader.export.errors.ExportError` (Arabic + English message) when the file
    cannot be written; an existing file at ``dest`` is then left as it was.
    """
    t0 = time.perf_counter()
    dest = Path(dest)
    check_target(dest)
    doc = typeset(article, options, progress, cancelled)
    data = render_pdf(doc, progress, cancelled)
    write_atomic(dest, data)
    if progress is not None:
        progress(PROGRESS_TOTAL, PROGRESS_TOTAL)
    return ExportReport(
        path=dest,
        pages=len(doc.pages),
        size_bytes=len(data),
        bookmarks=sum(len(p.bookmarks) for p in doc.pages),
        missing_glyphs=sum(s.missing for s in doc.shapers),
        seconds=time.perf_counter() - t0,
    )


# -- running header, footer, quote bars -----------------------------------------------------


def _single_line(doc: Typeset, text: str, size: float, align: Align, shade: float,
                 max_width: float | None = None) -> LaidBlock:
    """A one-line block (header or footer), cut with "…" when wider than ``max_width``."""
    g = doc.geometry
    block = TextBlock(Kind.PARAGRAPH, text, Style.REGULAR, size, size * 1.6, align, gray=shade)
    para = atomize(text, doc.shapers, Style.REGULAR, size)
    width = sum(para.widths)
    limit = max_width if max_width is not None else g.right - g.left
    if width > limit:
        words = text.split()
        while len(words) > 1 and width > limit:
            words.pop()
            para = atomize(" ".join(words) + "…", doc.shapers, Style.REGULAR, size)
            width = sum(para.widths)
    line = Line(0, len(para.texts), width, True)
    return LaidBlock(block, para, [line] if para.texts else [], g.left, g.right)


def _header_block(doc: Typeset) -> LaidBlock | None:
    title = doc.article.title.strip()
    if not title:
        return None
    return _single_line(doc, title, 0.7 * doc.options.font_size_pt, Align.START, 0.3)


def _header_drop(doc: Typeset) -> float:
    """How far above the text area the header's line box starts."""
    size = 0.7 * doc.options.font_size_pt
    return size * 1.6 + 0.6 * doc.options.font_size_pt


def _footer_top(doc: Typeset, footer: LaidBlock) -> float:
    g = doc.geometry
    space = g.height - g.bottom
    return g.bottom + (space - footer.block.line_height) / 2


def _quote_rules(doc: Typeset, page: Page) -> str:
    """The bar on the start side of every quoted line of ``page``."""
    bars = []
    for pl in page.lines:
        b = pl.laid.block
        if b.rule:
            x = pl.laid.right + 0.6 * b.size if pl.laid.para.rtl else pl.laid.left - 0.6 * b.size
            y1 = doc.geometry.height - pl.top
            y2 = y1 - b.line_height
            bars.append(f"{x:.2f} {y1:.2f} m {x:.2f} {y2:.2f} l S")
    if not bars:
        return ""
    return "q 0.55 G 1.5 w " + " ".join(bars) + " Q\n"

