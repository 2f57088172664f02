"""Harakat (Arabic vowel and reading marks) and an article without them.

The article keeps its harakat everywhere by default: the reading pane can hide them for display
(:mod:`reader.ui.display_text`), and print or PDF export drops them only when the user asks
(Page Setup, ``qari export --no-harakat``), through :func:`without_harakat`.

The marks are U+064B-U+0652, U+0656-U+065F, U+0670 and the Quranic annotation marks. The
combining madda and hamza (U+0653-U+0655) stay: in decomposed text they are part of the letter
(ا + U+0654 is أ).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .document import Article, Block, Section

HARAKAT = re.compile(
    "[\u064b-\u0652\u0656-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]"
)


def strip_harakat(text: str) -> str:
    """``text`` without its harakat."""
    return HARAKAT.sub("", text)


def _block(block: Block) -> Block:
    text = block.text
    removed = [m.start() for m in HARAKAT.finditer(text)]
    if not removed:
        return block

    def moved(offset: int) -> int:  # offset in the text once the marks before it are gone
        return offset - bisect_right(removed, offset - 1)

    spans = [s._replace(start=moved(s.start), end=moved(s.end)) for s in block.spans]
    return block._replace(text=HARAKAT.sub("", text),
                          spans=tuple(s for s in spans if s.start < s.end))


def without_harakat(article: Article) -> Article:
    """A copy of ``article`` whose title, headings, body and credit lines have no harakat
    (inline markup kept on the same words); the article itself is unchanged."""
    sections = [
        Section(
            id=s.id,
            heading=None if s.heading is None else strip_harakat(s.heading),
            level=s.level,
            blocks=[_block(b) for b in s.blocks],
            anchor=s.anchor,
            parent=s.parent,
        )
        for s in article.sections
    ]
    return article.copy_with(
        title=strip_harakat(article.title),
        sections=sections,
        author=None if article.author is None else strip_harakat(article.author),
        bylines=[strip_harakat(line) for line in article.bylines],
    )


