"""From an article to typeset blocks: the typographic decisions of the exported page.

Every block gets its font, size, line height, alignment, indents and spacing here; the line
breaker and the paginator only apply them. Sizes scale with the body size of
:class:`~reader.export.options.PdfOptions`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from reader.model import Article, Block, BlockKind, Span

from .fonts import Style


class Align(Enum):
    """Horizontal alignment; START is the right side of a right-to-left paragraph."""

    JUSTIFY = "justify"
    START = "start"
    CENTER = "center"


class Kind(Enum):
    """What a typeset block is, for spacing and for tests that look for it."""

    TITLE = "title"
    BYLINE = "byline"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One block to typeset. Lengths are in points.

    ``outline`` is ``(title, depth)`` for a heading that gets a PDF bookmark; ``marker`` is a
    list item's bullet or number, drawn outside the text on the start side; ``rule`` draws a
    quote's bar on the start side.
    """

    kind: Kind
    text: str
    style: Style
    size: float
    line_height: float
    align: Align = Align.JUSTIFY
    indent_start: float = 0.0
    indent_end: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False
    spans: tuple[Span, ...] = ()
    marker: str = ""
    outline: tuple[str, int] | None = None
    rule: bool = False
    gray: float = 0.0  # text colour: 0 black ... 1 white
    anchor: str | None = None  # target of internal links ("#anchor") to this heading


#: Body line height as a multiple of the size: Amiri's marks reach far above and below.
LEADING = 1.75
_BULLETS = frozenset("-–—•*▪◦●·‣")


def heading_scale(level: int) -> float:
    """Heading size relative to the body size, by source heading level."""
    return {1: 1.35, 2: 1.2}.get(level, 1.08)


def display_marker(marker: str) -> str:
    """A list marker as printed: any bullet character becomes "•", numbers stay."""
    return "•" if marker in _BULLETS else marker


def article_blocks(article: Article, size: float) -> Iterator[TextBlock]:
    """The article's blocks in reading order: title, byline, then sections."""
    s = size
    yield TextBlock(
        Kind.TITLE, article.title, Style.BOLD, 1.6 * s, 1.6 * s * 1.45, Align.START,
        space_after=0.5 * s if (article.author or article.date) else 1.0 * s,
        keep_with_next=True,
    )
    byline = " · ".join(x for x in (article.author, article.date) if x)
    if byline:
        yield TextBlock(
            Kind.BYLINE, byline, Style.REGULAR, 0.9 * s, 0.9 * s * LEADING, Align.START,
            space_after=1.0 * s, keep_with_next=True, gray=0.3,
        )
    depth: dict[int, int] = {}
    for section in article.sections:
        if section.heading is not None:
            d = 0 if section.parent is None else depth.get(section.parent, -1) + 1
            depth[section.id] = d
            hs = heading_scale(section.level) * s
            yield TextBlock(
                Kind.HEADING, section.heading, Style.BOLD, hs, hs * 1.55, Align.START,
                space_before=0.9 * s, space_after=0.3 * s, keep_with_next=True,
                outline=(section.heading, d), anchor=section.anchor,
            )
        for block in section.blocks:
            yield body_block(block, s)


def body_block(block: Block, s: float) -> TextBlock:
    """A paragraph, list item or quote at body size ``s``."""
    if block.kind is BlockKind.LIST_ITEM:
        return TextBlock(
            Kind.LIST_ITEM, block.text, Style.REGULAR, s, s * LEADING,
            indent_start=(block.depth + 1) * 1.6 * s, space_after=0.2 * s,
            spans=block.spans, marker=display_marker(block.marker or "•"),
        )
    if block.kind is BlockKind.QUOTE:
        return TextBlock(
            Kind.QUOTE, block.text, Style.REGULAR, s, s * LEADING,
            indent_start=(block.depth + 1) * 1.6 * s, indent_end=1.6 * s,
            space_after=0.5 * s, spans=block.spans, rule=True, gray=0.15,
        )
    return TextBlock(
        Kind.PARAGRAPH, block.text, Style.REGULAR, s, s * LEADING,
        space_after=0.5 * s, spans=block.spans,
    )
