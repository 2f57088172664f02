"""HTML articles: saved or scraped web pages read with the standard library's streaming parser.

What becomes what:

* title: ``<title>``; but when the first ``<h1>`` is contained in it (sites append
  " | Site name"), the ``<h1>`` is the title and is not repeated as a section. Without a
  ``<title>`` the first ``<h1>`` (else the first heading) is the title;
* ``<h1>``-``<h6>`` start sections (level = heading level); a heading's ``id`` (or the ``id``
  or ``name`` of an element inside it, or of an element that opens right before it with no
  text in between) is the section's anchor;
* ``<p>``, ``<li>`` (marker ``•``, or the number and ``.`` in an ``<ol>``, honouring ``start``,
  ``value`` and ``reversed``), ``<blockquote>`` become blocks; text sitting directly in
  ``<div>``, ``<td>``, ``<article>``, ``<body>`` ... becomes paragraphs too: every block-level
  element starts a new block. One ``<br>`` is a space; two or more in a row end the paragraph
  (the way "div soup" pages separate paragraphs);
* ``<a href>``, ``<b>``/``<strong>``, ``<i>``/``<em>``, ``<code>`` become spans;
* site chrome is ignored: ``<script>``, ``<style>``, ``<nav>``, ``<footer>``, ``<aside>``,
  ``<noscript>``, ``<template>``, ``<svg>``, ``<iframe>``, form controls, ``<head>`` (except
  ``<title>`` and ``<meta name="author">``/date metas), and ``<header>`` outside an
  ``<article>``/``<main>`` (inside one it holds the article's own title). A ``<form>`` is dropped
  unless it wraps the article (ASP.NET pages put the whole body in one): it is kept when it
  holds an ``<article>``/``<main>``, an ``<h1>`` or 100 words or more;
* a heading left unclosed ends at the next block-level tag once it has text;
* whitespace, NBSP included, collapses to single spaces; images are not fetched (nothing is:
  no network, no file access); their alt text is not article text here.

Unclosed tags are closed the way browsers do it for the common cases (``<p>``, ``<li>``,
``<td>``, ``<dt>``/``<dd>``, headings, ``<head>``), stray end tags are ignored, and everything
runs on an explicit stack, so deeply nested input costs linear time and no recursion.

The first part of the module (:class:`TextBuilder`, :class:`Heading`, :func:`assemble`,
:func:`strip_residue` ...) is shared with :mod:`.markdown_parser`: both formats build blocks,
sections and boilerplate the same way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote

from .boilerplate import is_headline, is_marker, residue_runs
from .document import Article, Block, BlockKind, Section, Source, Span, SpanKind
from .errors import ArticleError, EmptyArticleError, NotTextError

#: Deepest list/quote nesting stored in :attr:`Block.depth`; deeper text is kept at this depth.
MAX_DEPTH = 10

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend "
    "li main menu nav noscript ol p pre section summary table tbody td tfoot th thead title tr "
    "ul".split()
)
_SKIP_TAGS = frozenset(
    "script style nav footer header aside noscript template svg iframe head button select "
    "textarea".split()
)
_VOID_TAGS = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)
_HEAD_CONTENT = frozenset("title meta link script style base noscript template".split())
_SPAN_KINDS = {
    "b": SpanKind.STRONG,
    "strong": SpanKind.STRONG,
    "i": SpanKind.EMPHASIS,
    "em": SpanKind.EMPHASIS,
    "code": SpanKind.CODE,
    "kbd": SpanKind.CODE,
    "samp": SpanKind.CODE,
    "tt": SpanKind.CODE,
}
_HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}
_LIST_TAGS = frozenset(("ul", "ol", "menu", "dir"))
#: Start tags that implicitly close an open element, and where the search for it stops.
_IMPLIED_CLOSE: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset(("li",)), _LIST_TAGS),
    "dt": (frozenset(("dt", "dd")), frozenset(("dl",))),
    "dd": (frozenset(("dt", "dd")), frozenset(("dl",))),
    "td": (frozenset(("td", "th")), frozenset(("tr", "table"))),
    "th": (frozenset(("td", "th")), frozenset(("tr", "table"))),
    "tr": (frozenset(("tr", "td", "th")), frozenset(("table", "tbody", "thead", "tfoot"))),
    "option": (frozenset(("option",)), frozenset(("select",))),
}
#: An open <p> is closed by a block-level start tag, but not across these.
_P_SCOPE = frozenset(("table", "td", "th", "caption", "button", "template", "html"))
_SCOPE_LIMIT = 64  # how far down the stack an implied close looks (keeps it linear)
_DATE_METAS = frozenset(
    ("date", "dc.date", "dcterms.date", "pubdate", "publish-date", "article:published_time")
)
_FORM_KEEP_WORDS = 100
# Site names appended to a <title>: "Headline | Site", "Site - Headline" ...
_TITLE_PARTS = re.compile(r"\s+[|\-–—:«»·•]\s+|\s*\|\s*")

#: White space except NBSP and its figure/narrow cousins (kept where they were typed on purpose).
SPACE_KEEP_NBSP = re.compile(r"[^\S\u00a0\u2007\u202f]+")


def collapse_space(text: str, keep_nbsp: bool = False) -> str:
    """Runs of white space (NBSP included, as in HTML) to one space, ends stripped; NBSPs are
    kept as they are when ``keep_nbsp`` (Markdown, where they were typed on purpose)."""
    if keep_nbsp and ("\u00a0" in text or "\u2007" in text or "\u202f" in text):
        return SPACE_KEEP_NBSP.sub(" ", text).strip(" ")
    return " ".join(text.split())


# --------------------------------------------------------------------------------------------
# Shared by the Markdown parser: building block text with spans, and assembling the article.


class TextBuilder:
    """Accumulates the text of one block with whitespace collapsed, and its spans.

    ``add`` takes raw text; runs of white space become one space (see :func:`collapse_space`),
    leading and trailing space of the block is dropped. Spans are opened and closed at the current
    position; :meth:`take` returns the text and spans (spans still open continue, from 0, in
    the next block).
    """

    __slots__ = ("_keep_nbsp", "_open", "_parts", "_pending", "_spans", "length")

    def __init__(self, keep_nbsp: bool = False) -> None:
        self._keep_nbsp = keep_nbsp
        self._parts: list[str] = []
        self._spans: list[Span] = []
        self._open: list[list[object]] = []
        self._pending = False
        self.length = 0

    def add(self, text: str) -> None:
        if not text:
            return
        core = collapse_space(text, self._keep_nbsp)
        if not core:
            self._pending = self.length > 0
            return
        if self.length and (self._pending or text[0] != core[0]):
            self._parts.append(" ")
            self.length += 1
        self._parts.append(core)
        self.length += len(core)
        self._pending = text[-1] != core[-1]

    def space(self) -> None:
        """A word boundary (line break, ``<br>``)."""
        self._pending = self.length > 0

    def open(self, kind: SpanKind, href: str | None = None) -> list[object]:
        """Open a span. At most one span of each kind is open at a time: a new link ends the
        open one (as ``<a>`` does in HTML), bold inside bold adds nothing. This keeps unclosed
        tags from piling up spans on every later block."""
        entry: list[object] = [kind, self.length, href]
        for k in range(len(self._open) - 1, -1, -1):
            if self._open[k][0] is kind:
                if kind is not SpanKind.LINK:
                    return entry  # detached: closing it is a no-op
                self._add_span(self._open.pop(k))
                break
        self._open.append(entry)
        return entry

    def close(self, entry: list[object]) -> None:
        for k in range(len(self._open) - 1, -1, -1):
            if self._open[k] is entry:
                del self._open[k]
                self._add_span(entry)
                return

    def add_span(self, start: int, kind: SpanKind, href: str | None = None) -> None:
        """A span from ``start`` to the current end."""
        self._add_span([kind, start, href])

    def _add_span(self, entry: list[object]) -> None:
        kind, start, href = entry
        assert isinstance(kind, SpanKind) and isinstance(start, int)
        if start < self.length:
            link = href if isinstance(href, str) else None
            self._spans.append(Span(start, self.length, kind, link))

    def empty(self) -> bool:
        return self.length == 0

    def take(self) -> tuple[str, tuple[Span, ...]]:
        """The block's text and spans; the builder starts over (open spans carry on)."""
        for entry in self._open:
            self._add_span(entry)
            entry[1] = 0
        text = "".join(self._parts)
        spans: tuple[Span, ...] = ()
        if self._spans:
            spans = tuple(sorted(_trim_spans(text, self._spans), key=lambda s: (s.start, -s.end)))
        self._parts = []
        self._spans = []
        self._pending = False
        self.length = 0
        return text, spans


def _trim_spans(text: str, spans: list[Span]) -> list[Span]:
    out = []
    for s in spans:
        start, end = s.start, min(s.end, len(text))
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if start < end:
            out.append(Span(start, end, s.kind, s.href) if (start, end) != (s.start, s.end) else s)
    return out


def shift_spans(spans: tuple[Span, ...], offset: int, length: int) -> tuple[Span, ...]:
    """Spans moved left by ``offset`` (text cut at the front), clipped to ``[0, length)``."""
    out = []
    for s in spans:
        start, end = max(0, s.start - offset), min(length, s.end - offset)
        if start < end:
            out.append(Span(start, end, s.kind, s.href))
    return tuple(out)


def clean_href(href: str) -> str:
    """A link target as a reader compares it: ``#fragment`` links percent-decoded."""
    href = href.strip()
    return unquote(href) if href.startswith("#") else href


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading met while parsing (it becomes a section, or the title)."""

    level: int
    text: str
    anchor: str | None = None


Event = Heading | Block


def block_context(containers: list[list[object]]) -> tuple[BlockKind, str, int]:
    """Kind, marker and depth of a block inside ``containers`` (innermost last).

    Each container is ``[kind, marker, marker_used]``. The innermost container decides the
    kind (a list item inside a quote is a list item, a quote inside a list item a quote); the
    depth counts every enclosing list item and quote, capped at :data:`MAX_DEPTH`. A list
    item's marker goes to its first block only; later blocks of the item continue it.
    """
    if not containers:
        return BlockKind.PARAGRAPH, "", 0
    inner = containers[-1]
    kind = inner[0]
    assert isinstance(kind, BlockKind)
    marker = ""
    if kind is BlockKind.LIST_ITEM and not inner[2]:
        marker = str(inner[1])
        inner[2] = True
    return kind, marker, min(len(containers) - 1, MAX_DEPTH)


def assemble(
    events: list[Event],
    source: Source,
    title: str | None,
    title_index: int | None,
    author: str | None = None,
    date: str | None = None,
) -> Article:
    """Turn headings and blocks into sections, move "read also" residue to boilerplate.

    ``title_index`` is the index of the heading event used as the title (not a section);
    the blocks after it join the lead section (heading None, level 1), which takes the
    title's anchor.
    """
    sections: list[Section] = []
    current: Section | None = None
    title_anchor: str | None = None
    for i, ev in enumerate(events):
        if isinstance(ev, Heading):
            if i == title_index:
                title_anchor = ev.anchor
                if current is not None and current.heading is not None:
                    current = None
                continue
            current = Section(id=len(sections), heading=ev.text, level=ev.level, anchor=ev.anchor)
            sections.append(current)
        else:
            if current is None:
                current = Section(id=len(sections), heading=None, level=1)
                sections.append(current)
            current.blocks.append(ev)
    if title_anchor is not None:
        lead = next((s for s in sections if s.heading is None), None)
        if lead is not None and lead.anchor is None:
            lead.anchor = title_anchor
    named_by_file = not title
    if not title:
        title = fallback_title(source, events)
    boilerplate = strip_residue(sections)
    sections = [s for s in sections if s.heading is not None or s.blocks]
    # Nothing of the document itself: not even a title (a file name alone is not an article).
    if not sections and not boilerplate and (named_by_file or not title):
        name = f": {source.path}" if source.path is not None else ""
        raise EmptyArticleError(
            f"لا نص مقروءًا في الملف{name}", f"The file holds no readable text{name}"
        )
    return Article(
        title=title, source=source, sections=sections, boilerplate=boilerplate,
        author=author, date=date,
    )


def strip_residue(sections: list[Section]) -> list[str]:
    """Remove "read also" residue from ``sections`` (in place); return its lines in order.

    A section whose heading is a marker ("اقرأ أيضا") goes whole, with its subsections, when
    everything in it reads as related headlines. When body text follows (a related box in the
    middle of the article), only the heading and the related headlines after it go, and the
    text after them continues the section before. Inside every section,
    :func:`.boilerplate.residue_runs` picks the marker blocks and the headlines after them.
    """
    removed: list[str] = []
    keep: list[Section] = []
    i = 0
    while i < len(sections):
        s = sections[i]
        i += 1
        if s.heading is not None and is_marker(s.heading):
            j = i
            while j < len(sections) and sections[j].level > s.level:
                j += 1
            group = sections[i - 1 : j]
            if all(is_headline(b.text) for g in group for b in g.blocks):
                for g in group:
                    removed.append(g.heading or "")
                    removed.extend(b.text for b in g.blocks)
                i = j
                continue
            k = 0
            while k < len(s.blocks) and _related_headline(s.blocks[k]):
                k += 1
            if k:
                removed.append(s.heading)
                removed.extend(b.text for b in s.blocks[:k])
                rest = _strip_blocks(s.blocks[k:], removed)
                if keep:
                    keep[-1].blocks.extend(rest)
                elif rest:
                    keep.append(Section(id=0, heading=None, level=1, blocks=rest))
                continue
        s.blocks = _strip_blocks(s.blocks, removed)
        keep.append(s)
    sections[:] = keep
    return removed


def _related_headline(block: Block) -> bool:
    """A short list item, or a short paragraph that is mostly a link: a related headline."""
    if not is_headline(block.text):
        return False
    if block.kind is BlockKind.LIST_ITEM:
        return True
    linked = sum(s.end - s.start for s in block.spans if s.kind is SpanKind.LINK)
    return linked * 2 >= len(block.text)


def _strip_blocks(blocks: list[Block], removed: list[str]) -> list[Block]:
    """``blocks`` without their residue runs; the residue's texts are appended to ``removed``."""
    if not blocks:
        return blocks
    texts = [b.text for b in blocks]
    drop: set[int] = set()
    for start, end in residue_runs(texts):
        # residue_runs leaves the last short line before body text, which in plain text is
        # most likely the next heading. Here headings are marked up: a related headline (list
        # item or link) there belongs to the run.
        while end < len(blocks) and _related_headline(blocks[end]):
            end += 1
        drop.update(range(start, end))
    if not drop:
        return blocks
    removed.extend(texts[k] for k in sorted(drop))
    return [b for k, b in enumerate(blocks) if k not in drop]


def fallback_title(source: Source, events: list[Event]) -> str:
    """A title when the document names none: the file name, else the first words."""
    if source.path is not None and source.path.stem:
        stem = source.path.stem.replace("_", " ").replace("-", " ").strip()
        if stem:
            return stem
    first = next((ev.text for ev in events if ev.text), "")
    words = first.split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


def parse_failure(kind: str, err: BaseException) -> NotTextError:
    """The model error raised when a parser fails on input it should have coped with."""
    return NotTextError(
        f"تعذّرت قراءة بنية ملف {kind} ({type(err).__name__})",
        f"Could not read the structure of this {kind} file ({type(err).__name__}: {err})",
    )


# --------------------------------------------------------------------------------------------
# HTML


class _Open:
    """An open element on the parser's stack."""

    __slots__ = ("block", "container", "form", "heading", "list", "skip", "span", "tag", "title")

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.block = tag in _BLOCK_TAGS
        self.skip = False
        self.span: list[object] | None = None
        self.container = False
        self.heading = 0
        self.list = False
        self.form: list[object] | None = None
        self.title = False


class _HtmlHandler(HTMLParser):
    """Streams tags and text into heading and block events (see the module docstring)."""

    def __init__(self, fragment: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.fragment = fragment
        self.events: list[Event] = []
        self.title: str | None = None
        self.author: str | None = None
        self.date: str | None = None
        self._stack: list[_Open] = []
        self._counts: dict[str, int] = {}
        self._skip = 0
        self._skip_body = 0  # skipped elements other than <head>
        self._text = TextBuilder()
        self._containers: list[list[object]] = []
        self._lists: list[list[int]] = []  # [ordered, next number, step]
        self._heading: _Open | None = None
        self._heading_pos = 0  # its index on the stack (valid while it is open)
        self._heading_anchor: str | None = None
        self._pending_anchor: str | None = None
        self._title_parts: list[str] | None = None
        self._forms: list[list[object]] = []  # [events index, holds <article>/<main>]
        self._brs = 0

    # -- tags ---------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._title_parts is not None and tag not in _SPAN_KINDS and tag != "a":
            self._close_open(("title",))
        if tag == "meta":
            self._meta(attrs)
            return
        if tag in ("br", "wbr"):
            self._br(tag)
            return
        if tag in _VOID_TAGS:
            if tag == "hr":
                self._boundary()
            return
        if self._counts.get("head") and tag not in _HEAD_CONTENT:
            self._close_open(("head",))
        if tag == "body":
            self._close_open(("head",))
        self._implied_close(tag)
        el = _Open(tag)
        if el.block:
            self._boundary()
        if tag in _SKIP_TAGS and not (
            tag == "header" and (self._counts.get("article") or self._counts.get("main"))
        ):
            el.skip = True
        self._push(el)
        if tag == "title":
            if self.title is None and not self.fragment and not self._skip_body:
                el.title = True
                self._title_parts = []
            return
        if el.skip:
            self._skip += 1
            if tag != "head":
                self._skip_body += 1
            return
        if self._skip:
            return
        a = dict(attrs)
        ident = a.get("id") or (a.get("name") if tag == "a" else None)
        if tag in ("article", "main"):
            for form in self._forms:
                form[1] = True
        if tag == "form":
            if not self._forms:  # HTML ignores a <form> inside a <form>
                el.form = [len(self.events), False]
                self._forms.append(el.form)
        elif tag in _HEADING_LEVELS and self._heading is None:
            el.heading = _HEADING_LEVELS[tag]
            self._heading = el
            self._heading_pos = len(self._stack) - 1
            self._heading_anchor = ident or self._pending_anchor
            return
        elif tag in _LIST_TAGS:
            el.list = True
            reversed_ = "reversed" in a
            start = _int(a.get("start"))
            self._lists.append([tag == "ol", 1 if start is None else start, -1 if reversed_ else 1])
        elif tag == "li":
            el.container = True
            self._containers.append([BlockKind.LIST_ITEM, self._li_marker(a), False])
        elif tag == "blockquote":
            el.container = True
            self._containers.append([BlockKind.QUOTE, "", False])
        elif tag == "a":
            href = a.get("href")
            if href is not None and href.strip():
                el.span = self._text.open(SpanKind.LINK, clean_href(href))
        elif tag in _SPAN_KINDS:
            el.span = self._text.open(_SPAN_KINDS[tag])
        if ident:
            if self._heading is not None:
                self._heading_anchor = self._heading_anchor or ident
            elif self._text.empty():
                self._pending_anchor = ident

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # browsers read </br> as <br>
            self._br(tag)
            return
        if not self._counts.get(tag):
            if tag == "p" and not self._skip:  # a stray </p> still ends a paragraph
                self._boundary()
            return
        self._close_open((tag,), limit=None)

    def handle_data(self, data: str) -> None:
        if self._title_parts is not None:
            self._title_parts.append(data)
            return
        if self._counts.get("head") and self._stack and self._stack[-1].tag == "head":
            if not data.strip():
                return
            self._close_open(("head",))  # text in <head>: the body has started
        if self._skip:
            return
        if self._brs and data.strip():
            self._brs = 0
        self._text.add(data)

    def close(self) -> None:
        super().close()
        self._pop_to(0)
        self._boundary()

    # -- helpers ------------------------------------------------------------------------------

    def _push(self, el: _Open) -> None:
        self._stack.append(el)
        self._counts[el.tag] = self._counts.get(el.tag, 0) + 1

    def _implied_close(self, tag: str) -> None:
        if self._skip:
            return  # nothing inside a skipped element is shown: never close past it
        if tag in _BLOCK_TAGS and self._counts.get("p"):
            self._close_open(("p",), stop=_P_SCOPE)
        heading = self._heading
        if heading is not None and tag in _BLOCK_TAGS and not self._text.empty():
            # An unclosed heading would swallow the rest of the page: a block-level element
            # after its text ends it.
            self._pop_to(self._heading_pos)
        if tag in _HEADING_LEVELS and self._stack and self._stack[-1].tag in _HEADING_LEVELS:
            self._pop_to(len(self._stack) - 1)
        rule = _IMPLIED_CLOSE.get(tag)
        if rule is not None:
            self._close_open(tuple(rule[0]), stop=rule[1])

    def _close_open(
        self,
        tags: tuple[str, ...],
        stop: frozenset[str] = frozenset(),
        limit: int | None = _SCOPE_LIMIT,
    ) -> None:
        """Close the nearest open element named in ``tags`` and everything above it."""
        if not any(self._counts.get(t) for t in tags):
            return
        stack = self._stack
        lowest = 0 if limit is None else max(0, len(stack) - limit)
        for k in range(len(stack) - 1, lowest - 1, -1):
            t = stack[k].tag
            if t in tags:
                self._pop_to(k)
                return
            if t in stop:
                return

    def _pop_to(self, index: int) -> None:
        while len(self._stack) > index:
            el = self._stack[-1]
            if el.block and not el.skip and not self._skip:
                self._boundary()
            self._stack.pop()
            self._counts[el.tag] -= 1
            self._end(el)

    def _end(self, el: _Open) -> None:
        if el.skip:
            self._skip -= 1
            if el.tag != "head":
                self._skip_body -= 1
            return
        if el.title:
            self.title = _collapse(" ".join(self._title_parts or ()))
            self._title_parts = None
        elif el.span is not None:
            self._text.close(el.span)
        elif el.container:
            self._containers.pop()
        elif el.list:
            self._lists.pop()
        elif el is self._heading:
            self._heading = None
            self._end_heading(el.heading)
        elif el.form is not None:
            self._forms.remove(el.form)
            self._end_form(el.form)

    def _boundary(self) -> None:
        """A block-level edge: the text gathered so far becomes a block."""
        self._brs = 0
        if self._heading is not None:
            self._text.space()
            return
        if self._text.empty():
            return
        text, spans = self._text.take()
        kind, marker, depth = block_context(self._containers)
        self.events.append(Block(kind, text, marker=marker, depth=depth, spans=spans))
        self._pending_anchor = None

    def _end_heading(self, level: int) -> None:
        text, spans = self._text.take()
        anchor, self._heading_anchor = self._heading_anchor, None
        self._pending_anchor = None
        if not text:
            return
        if self.fragment:
            kind, marker, depth = block_context(self._containers)
            strong = (Span(0, len(text), SpanKind.STRONG), *spans)
            self.events.append(Block(kind, text, marker=marker, depth=depth, spans=strong))
        else:
            self.events.append(Heading(level, text, anchor))

    def _end_form(self, form: list[object]) -> None:
        start = form[0]
        assert isinstance(start, int)
        inside = self.events[start:]
        if form[1] or any(isinstance(e, Heading) and e.level == 1 for e in inside):
            return
        words = sum(len(e.text.split()) for e in inside)
        if words < _FORM_KEEP_WORDS:
            del self.events[start:]

    def _br(self, tag: str) -> None:
        if self._skip or self._title_parts is not None:
            return
        if tag == "wbr":
            return
        self._brs += 1
        if self._brs >= 2 and self._heading is None:
            self._boundary()
            self._brs = 2
        else:
            self._text.space()

    def _li_marker(self, attrs: dict[str, str | None]) -> str:
        if not self._lists or not self._lists[-1][0]:
            return "•"
        lst = self._lists[-1]
        value = _int(attrs.get("value"))
        if value is not None:
            lst[1] = value
        number = lst[1]
        lst[1] += lst[2]
        return f"{number}."

    def _meta(self, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v for k, v in attrs if v is not None}
        name = (a.get("name") or a.get("property") or a.get("itemprop") or "").strip().lower()
        content = _collapse(a.get("content", ""))
        if not content:
            return
        if name in ("author", "article:author", "dc.creator") and self.author is None:
            self.author = content
        elif name in _DATE_METAS and self.date is None:
            self.date = content


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _defuse(text: str) -> str:
    """Escape every ``<`` after the last ``>``: none of them can start a tag, and the
    standard library's parser (before Python 3.13.4/3.12.11/3.11.13) rescans the rest of the
    input for each of them, which is quadratic. The text itself is unchanged (the parser
    decodes ``&lt;`` back), so nothing is lost."""
    last = text.rfind(">")
    if text.find("<", last + 1) < 0:
        return text
    return text[: last + 1] + text[last + 1 :].replace("<", "&lt;")


def _run(text: str, fragment: bool) -> _HtmlHandler:
    handler = _HtmlHandler(fragment=fragment)
    handler.feed(_defuse(text))
    handler.close()
    return handler


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", _collapse(text)).casefold()


def title_contains(title: str, h1: str) -> bool:
    """True when the ``<h1>`` is the page's headline: it is in the ``<title>``, or the
    ``<title>`` without its site name is in the ``<h1>`` (a shortened title)."""
    t, h = _norm(title), _norm(h1)
    if not h or not t:
        return False
    if h in t:
        return True
    main = max(_TITLE_PARTS.split(t), key=len).strip()
    return len(main.split()) >= 2 and main in h


def parse_html(text: str, source: Source) -> Article:
    """Parse an HTML article. Raises only :class:`.errors.ArticleError` subclasses."""
    try:
        handler = _run(text, fragment=False)
        events = handler.events
        headings = [(i, e) for i, e in enumerate(events) if isinstance(e, Heading)]
        first_h1 = next(((i, e) for i, e in headings if e.level == 1), None)
        title = handler.title or ""
        chosen: tuple[int, Heading] | None = None
        if title:
            if first_h1 is not None and title_contains(title, first_h1[1].text):
                chosen = first_h1
        else:
            chosen = first_h1 or (headings[0] if headings else None)
        title_index = None
        if chosen is not None:
            title_index, title = chosen[0], chosen[1].text
        return assemble(events, source, title, title_index, handler.author, handler.date)
    except ArticleError:
        raise
    except Exception as err:  # the parser must only raise the model's own errors
        raise parse_failure("HTML", err) from err


def html_fragment_blocks(html: str) -> list[Block]:
    """Blocks of an HTML fragment (an HTML block inside Markdown); headings become paragraphs
    with a strong span."""
    return [e for e in _run(html, fragment=True).events if isinstance(e, Block)]
