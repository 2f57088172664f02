"""Article → HTML for the reading pane (Qt's rich-text subset), plus where each heading lands.

Every block says ``dir="rtl"`` so a paragraph opening with Latin letters or digits is still
laid out right to left. Paragraphs are justified with a generous line height; the measure
(60-75 characters, centred) and the room after the last section are frame margins the pane
sets from its width and height, so neither needs a new render.

Headings carry their section ids by *position*: every HTML block element here becomes exactly
one QTextBlock, so the block number of each heading is known without named anchors (which make
Qt's HTML import several times slower on long articles). The pane checks those numbers against
the document once and falls back to a scan if they ever disagree.

Reading settings (:class:`RenderOptions`): the line height, and what is shown of the text
(harakat hidden, digits restyled: :mod:`.display_text`). They change the display only: every
block still holds the text of one model block, and :class:`.display_text.DisplayText` maps
model offsets into it.
"""

from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple

from reader.model import Article, Block, BlockKind, Section, SpanKind

from .display_text import DisplayOptions, DisplayText, display
from .themes import Theme


def escape(text: str, quote: bool = True) -> str:
    """``html.escape``, written out: the html module imports its table of 2,000 named
    entities (~1.7 ms of every start) for a function of five replacements."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text


#: Line height of body text, in percent of the font's line spacing.
LINE_HEIGHT = 120
#: Average characters per line the pane aims for.
MEASURE_CHARS = 68
#: Nesting levels that still indent further: deeper lists and quotes (a hostile file nests
#: them 1,000 deep) stay at this indent, so their text keeps a readable column.
MAX_INDENT_LEVELS = 4


class RenderOptions(NamedTuple):
    """Reading settings that change the HTML: line height (percent) and the display text."""

    line_height: int = LINE_HEIGHT
    display: DisplayOptions = DisplayOptions()


class RenderedArticle(NamedTuple):
    """HTML plus the block numbers where headings land (in document order)."""

    html: str
    #: (block number, section id) for every headed section, in document order.
    headings: list[tuple[int, int]]
    #: Number of QTextBlocks the HTML produces.
    block_count: int
    #: Internal link targets (``#anchor``) → section id.
    anchors: dict[str, int]
    #: True when the HTML holds theme colours (links), so a theme switch re-renders it.
    themed: bool = False


def _inline(block: Block, link_colour: str, options: DisplayOptions) -> tuple[str, bool]:
    """The block's text as HTML with its spans; second value: any link in it."""
    text = block.text
    spans = [s for s in block.spans if 0 <= s.start < s.end <= len(text)]
    shown = DisplayText(text, options)
    if not spans:
        return _text(shown.text), False
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    parts: list[str] = []
    has_link = False
    for start, end in pairwise(cuts):
        piece = _text(shown.slice(start, end))
        for span in spans:
            if span.start <= start and end <= span.end:
                if span.kind is SpanKind.LINK and span.href:
                    has_link = True
                    piece = (
                        f'<a href="{escape(span.href)}" style="color:{link_colour};'
                        f' text-decoration: underline">{piece}</a>'
                    )
                elif span.kind is SpanKind.STRONG:
                    piece = f"<b>{piece}</b>"
                elif span.kind is SpanKind.EMPHASIS:
                    piece = f"<i>{piece}</i>"
                elif span.kind is SpanKind.CODE:
                    piece = f"<code>{piece}</code>"
        parts.append(piece)
    return "".join(parts), has_link


def bullet(marker: str) -> str:
    """The list marker shown for a list item (the source's own, or a bullet)."""
    marker = marker.strip()
    return "•" if not marker or marker in {"-", "*", "+", "•", "·", "–"} else marker


def _text(text: str) -> str:
    return escape(text, quote=False).replace("\n", "<br/>")


def source_line(article: Article, options: DisplayOptions | None = None) -> str:
    """Author, date and file name, as shown under the title."""
    shown = options or DisplayOptions()
    parts = [display(p, shown) for p in (article.author, article.date) if p]
    if article.source.path is not None:
        parts.append(article.source.path.name)
    # Each part is a bidi isolate (FSI … PDI): after an Arabic name, "2025-04-12" would
    # otherwise be read as Arabic numbers and shown as "12-04-2025".
    return " · ".join(f"\u2068{p}\u2069" for p in parts)


def title_html(article: Article, options: RenderOptions | None = None) -> list[str]:
    """The two blocks above the text: the title and the source line."""
    shown = (options or RenderOptions()).display
    return [
        f'<h1 dir="rtl" align="center" style="margin-top: 8px; margin-bottom: 6px">'
        f"{_text(display(article.label(), shown))}</h1>",
        f'<p dir="rtl" align="center" style="font-size: small; margin-bottom: 28px">'
        f'{_text(source_line(article, shown)) or "&nbsp;"}</p>',
    ]


def heading_html(section: Section, options: RenderOptions | None = None) -> str:
    """A section's heading block (``section.heading`` must not be None)."""
    shown = (options or RenderOptions()).display
    tag = f"h{min(section.level + 1, 6)}"
    return (
        f'<{tag} dir="rtl" style="margin-top: 26px; margin-bottom: 12px">'
        f"{_text(' '.join(display(section.heading or '', shown).split()))}</{tag}>"
    )


def block_html(
    block: Block, theme: Theme, options: RenderOptions | None = None
) -> tuple[str, bool]:
    """One body block as one HTML block element; second value: it holds a link."""
    options = options or RenderOptions()
    shown, line_height = options.display, options.line_height
    body, link = _inline(block, theme.link, shown)
    if block.kind is BlockKind.LIST_ITEM:
        # The source's own marker (•, 1., ٣.) as text: Qt's list numbering knows no
        # Arabic-Indic digits, and one block per item keeps block numbers predictable.
        marker = _text(display(bullet(block.marker), shown))
        indent = 26 * (min(block.depth, MAX_INDENT_LEVELS) + 1)
        return (
            f'<p dir="rtl" style="line-height: {line_height}%; margin-bottom: 6px;'
            f' margin-right: {indent}px">{marker}&nbsp;&nbsp;{body}</p>'
        ), link
    if block.kind is BlockKind.QUOTE:
        indent = 28 * (min(block.depth, MAX_INDENT_LEVELS) + 1)
        return (
            f'<p dir="rtl" align="justify" style="line-height: {line_height}%;'
            f" margin-bottom: 14px; margin-right: {indent}px; margin-left: {indent}px;"
            f' font-style: italic">{body}</p>'
        ), link
    para = f'dir="rtl" align="justify" style="line-height: {line_height}%; margin-bottom: 14px"'
    return f"<p {para}>{body}</p>", link


#: The document around the block elements (one QTextBlock each).
HTML_START = '<html><body dir="rtl">'
HTML_END = "</body></html>"


def render_article(
    article: Article, theme: Theme, options: RenderOptions | None = None
) -> RenderedArticle:
    """Typeset ``article`` as HTML for the reading pane."""
    out: list[str] = [HTML_START, *title_html(article, options)]
    headings: list[tuple[int, int]] = []
    anchors: dict[str, int] = {}
    themed = False
    blocks = 2
    for section in article.sections:
        if section.anchor:
            anchors.setdefault(section.anchor, section.id)
        if section.heading is not None:
            out.append(heading_html(section, options))
            headings.append((blocks, section.id))
            blocks += 1
        for block in section.blocks:
            html, link = block_html(block, theme, options)
            themed |= link
            out.append(html)
            blocks += 1
    out.append(HTML_END)
    return RenderedArticle("\n".join(out), headings, blocks, anchors, themed)
