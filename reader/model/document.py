"""The article model: plain value classes that every other layer reads.

No Qt here (tests/unit/test_model_has_no_qt.py enforces it), so parsing can be tested fast and
used from the command line. Sections carry a stable ``id`` (their index in document order);
the tree, the reading pane, search and PDF bookmarks all refer to sections by that id.

The immutable values are NamedTuples and the two mutable ones plain classes with slots, not
dataclasses: the window builds this module at every start, and a dataclass execs generated
code when it is defined (with the ``dataclasses`` import, ~4.5 ms of the first paint).
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple


class Format(StrEnum):
    """The input formats Qari reads."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


class BlockKind(StrEnum):
    """What a body block is; decides how it is typeset."""

    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"


class SpanKind(StrEnum):
    """Inline markup inside a block's text."""

    LINK = "link"
    STRONG = "strong"
    EMPHASIS = "emphasis"
    CODE = "code"


class Span(NamedTuple):
    """Inline markup over ``text[start:end]`` of a block (character offsets)."""

    start: int
    end: int
    kind: SpanKind
    href: str | None = None


class Block(NamedTuple):
    """One body block: a paragraph, a list item or a quoted paragraph.

    ``marker`` keeps a list item's original bullet or number (``-``, ``•``, ``٣.``) so that
    nothing of the source is lost; ``text`` is the item's text without it. ``depth`` is the
    nesting depth of lists and quotes (0 for a top-level item).
    """

    kind: BlockKind
    text: str
    marker: str = ""
    depth: int = 0
    spans: tuple[Span, ...] = ()

    @property
    def ordered(self) -> bool:
        """True for a numbered list item."""
        return self.kind is BlockKind.LIST_ITEM and self.marker[:1].isdigit()


class _Record:
    """Equality, repr and copies of a mutable model class from its ``_FIELDS`` (in
    constructor order; they are also its slots)."""

    __slots__ = ()
    _FIELDS: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"{type(self).__name__}({fields})"


class Section(_Record):
    """A heading and the blocks up to the next heading.

    ``heading`` is None for lead text before the first heading. ``level`` is the heading level
    (1 = top); nesting follows levels, see :meth:`Article.children`. ``anchor`` is the id an
    internal link (``#anchor``) uses to reach this section, when the source gives one.
    """

    _FIELDS = ("id", "heading", "level", "blocks", "anchor", "parent")
    __slots__ = _FIELDS

    def __init__(
        self,
        id: int,
        heading: str | None,
        level: int,
        blocks: list[Block] | None = None,
        anchor: str | None = None,
        parent: int | None = None,
    ) -> None:
        self.id = id
        self.heading = heading
        self.level = level
        self.blocks: list[Block] = [] if blocks is None else blocks
        self.anchor = anchor
        self.parent = parent

    @property
    def paragraphs(self) -> list[str]:
        """Every body block's text, as ``qari outline --json`` prints it."""
        return [b.text for b in self.blocks]

    def words(self) -> int:
        """Number of words in the heading and body."""
        n = len(self.heading.split()) if self.heading else 0
        return n + sum(len(b.text.split()) for b in self.blocks)


class Source(NamedTuple):
    """Where an article came from and how it was read."""

    path: Path | None
    format: Format
    encoding: str
    size: int = 0


class Article(_Record):
    """A parsed article: title, sections in document order, and removed boilerplate.

    ``bylines`` keeps, as written, the byline and dateline lines a plain-text article carries
    under its title or at its end ("بقلم: …", "عمّان - الأحد 8 يونيو 2025", "المصدر: …"): they
    are neither headings nor body text, ``author`` and ``date`` are read from them, and keeping
    them means every character of the source is still somewhere in the article.
    """

    _FIELDS = ("title", "source", "sections", "boilerplate", "author", "date", "bylines")
    __slots__ = _FIELDS

    def __init__(
        self,
        title: str,
        source: Source,
        sections: list[Section] | None = None,
        boilerplate: list[str] | None = None,
        author: str | None = None,
        date: str | None = None,
        bylines: list[str] | None = None,
    ) -> None:
        self.title = title
        self.source = source
        self.sections: list[Section] = [] if sections is None else sections
        self.boilerplate: list[str] = [] if boilerplate is None else boilerplate
        self.author = author
        self.date = date
        self.bylines: list[str] = [] if bylines is None else bylines
        link_sections(self.sections)

    def copy_with(self, **changes: object) -> Article:
        """A new article with ``changes`` (field name → value); the rest is shared."""
        fields = dict(zip(self._FIELDS, self._values(), strict=True))
        fields.update(changes)
        return Article(**fields)  # type: ignore[arg-type]

    def label(self) -> str:
        """What to call the article in a window or list: its title, else its file name."""
        title = " ".join(self.title.split())
        if title or self.source.path is None:
            return title
        return self.source.path.stem.replace("_", " ").strip()

    def words(self) -> int:
        """Number of words in title and sections (boilerplate excluded)."""
        return len(self.title.split()) + sum(s.words() for s in self.sections)

    def children(self, section_id: int | None) -> list[Section]:
        """Sections nested directly under ``section_id`` (None: top level)."""
        return [s for s in self.sections if s.parent == section_id]

    def headed_sections(self) -> list[Section]:
        """Sections with a heading (what a table of contents lists)."""
        return [s for s in self.sections if s.heading is not None]

    def iter_text(self) -> Iterator[str]:
        """Every piece of text in document order: title, bylines, headings, block markers and
        texts, then boilerplate."""
        yield self.title
        yield from self.bylines
        for s in self.sections:
            if s.heading is not None:
                yield s.heading
            for b in s.blocks:
                if b.marker:
                    yield b.marker
                yield b.text
        yield from self.boilerplate


def link_sections(sections: list[Section]) -> None:
    """Renumber ``id`` by position and set each section's ``parent`` from the levels.

    A section's parent is the nearest earlier headed section with a smaller level; lead text
    (no heading) and sections with no such predecessor sit at the top level.
    """
    stack: list[Section] = []
    for i, s in enumerate(sections):
        s.id = i
        if s.heading is None:
            s.parent = None
            continue
        while stack and stack[-1].level >= s.level:
            stack.pop()
        s.parent = stack[-1].id if stack else None
        stack.append(s)
