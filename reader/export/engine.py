"""``export_pdf``: an article to a typeset, searchable PDF with bookmarks. No Qt, no display.

The steps: article -> blocks (:mod:`.blocks`) -> lines (:mod:`.lines`, shaped by
:mod:`.shaping`) -> pages (:mod:`.paginate`) -> PDF (:mod:`.pdf`) -> file (:mod:`.atomic`).
Pages are counted before any is written, so every footer can say "صفحة ٣ من ٧".
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.model import Article
from reader.model.harakat import without_harakat

from .atomic import check_target, write_atomic
from .blocks import article_blocks
from .drawing import furniture
from .errors import ExportCancelled
from .fonts import Style, font_path
from .options import PdfOptions
from .paginate import Geometry, Typeset, lay_out_all, paginate
from .pdf import LinkBox, PdfWriter, merge_links, rules_ops
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
    if not options.harakat:
        article = without_harakat(article)
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
    geometry = doc.geometry
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
    step = max(1, total // 200)
    for page in doc.pages:
        if page.number % step == 0:
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            if progress is not None:
                done = _LAYOUT_SHARE + page.number * _PAGES_SHARE // total
                progress(done, PROGRESS_TOTAL)
        state: list[object] = [None, None, None]
        links: list[LinkBox] = []
        extra = furniture(doc, page)
        ops = [writer.draw_laid_line(pl.laid, pl.line, pl.top, state, links)
               for pl in [*page.lines, *extra.lines]]
        writer.add_page(page, "".join(ops), rules_ops(extra.rules, geometry.height),
                        merge_links(links))
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


_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def suggested_filename(article: Article, limit: int = 80) -> str:
    """A file name for the Export PDF dialog: the article's title, made safe for every file
    system (no slashes, colons, quotes ...), at most ``limit`` characters, ending in ``.pdf``.
    Falls back to the article file's name, then to ``article.pdf``."""
    for candidate in (article.title, article.source.path.stem if article.source.path else ""):
        name = " ".join(_UNSAFE_IN_NAMES.sub(" ", candidate or "").split()).strip(". ")
        if name:
            if len(name) > limit:
                name = name[:limit].rsplit(" ", 1)[0] or name[:limit]
            return f"{name}.pdf"
    return "article.pdf"
