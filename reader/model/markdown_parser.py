"""Markdown articles, read from markdown-it-py's token stream (CommonMark, no tables).

What becomes what:

* YAML front matter (``---`` ... ``---``): ``title``, ``author``, ``date`` (an author list is
  joined with ``، ``). Broken YAML is read line by line (``key: value``); a block between
  ``---`` lines that has no ``key: value`` line at all is not front matter but text (a
  thematic break and a paragraph), and is kept as such;
* title: the front-matter title; without one, the first heading (``#``..``######`` or setext),
  which is then not also a section. With a front-matter title every heading is a section;
* headings start sections, level = heading level; their anchor is the GitHub slug of the text
  (lower case, spaces to ``-``, punctuation dropped, Arabic letters and harakat kept, repeats
  get ``-1``, ``-2``) or an explicit ``{#id}`` at the end of the heading. ``[x](#slug)`` links
  keep ``#slug`` (percent-decoded) so they match. Text before the first heading, and between
  the title and the next heading, is the lead section (heading None, level 1), which takes
  the title heading's anchor (so a "back to top" link lands on it);
* paragraphs; list items (``marker`` = the bullet, or the number and its ``.``/``)``; the
  item's later paragraphs continue it with an empty marker); block quotes; code blocks (one
  paragraph with a code span). Nesting: the innermost container decides the kind (a list
  inside a quote gives list items, a quote inside a list item gives quotes) and ``depth``
  counts every enclosing list item and quote, capped at
  :data:`.html_parser.MAX_DEPTH`. A heading inside a list or quote is a block of it with a
  strong span, not a section;
* a paragraph whose every line starts with an Arabic-Indic number (``١.`` ``٢)`` ``٣-``
  ``(٤)``) or a bullet (``•``) is a list: CommonMark only knows ASCII numbers, Arabic writers
  do not;
* inline: links, ``**strong**``, ``*emphasis*`` and code become spans over the block text;
  images give their alt text (nothing is ever fetched); inline HTML tags are dropped, ``<br>``
  is a space; HTML blocks are read by :mod:`.html_parser`;
* white space collapses to one space, NBSP (U+00A0, U+2007, U+202F) is kept: in Markdown it
  was typed on purpose;
* "read also" residue goes to the boilerplate as in the other formats;
* byline and dateline paragraphs right under the title or at the very end ("**بقلم: …**",
  "*الأحد 8 يونيو 2025*", "المصدر: …") go to ``Article.bylines`` as in plain text
  (:mod:`.bylines`); they give ``author``/``date`` when the front matter has none.

Nesting deeper than markdown-it-py's guard (``maxNesting``: beyond it markdown-it drops the
rest of the input) is handled by a block rule of ours that takes over at nesting level
:data:`DEEP_LEVEL`: the remaining lines become flat blocks at the maximum depth, so no text is
lost and neither recursion nor time grows with the depth.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from .bylines import take_block_credits
from .document import Article, Block, BlockKind, Source, Span, SpanKind
from .errors import ArticleError
from .html_parser import (
    MAX_DEPTH,
    Event,
    Heading,
    TextBuilder,
    assemble,
    block_context,
    clean_href,
    collapse_space,
    html_fragment_blocks,
    parse_failure,
    shift_spans,
)

#: Token nesting level (lists count 2 per level, quotes 1) where our flat fallback takes over.
DEEP_LEVEL = 30
_MAX_NESTING = DEEP_LEVEL + 10

_SLUG_ODD = re.compile(r"[^\w \-]")
_BR = re.compile(r"<br\b", re.I)
_EXPLICIT_ID = re.compile(r"\s*\{#([^\s{}]+)\}\s*$")
_DIGITS = "\u0660-\u0669\u06f0-\u06f9"
_PSEUDO_ITEM = re.compile(
    rf"(?P<marker>[(][{_DIGITS}]{{1,3}}[)]|[{_DIGITS}]{{1,3}}[.)\-–]|[•▪◦●‣])[ \t\u00a0]+(?=\S)"
)
_PSEUDO_START = frozenset("(•▪◦●‣" + "".join(map(chr, range(0x660, 0x66A))) + "".join(
    map(chr, range(0x6F0, 0x6FA))
))
_DEEP_MARK = re.compile(r"[ \t]*(>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))")
_KEY_LINE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_FRONT_KEYS = ("title", "author", "date")


# -- markdown-it setup ------------------------------------------------------------------------


def _deep_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """At nesting level :data:`DEEP_LEVEL` and below, every remaining line becomes a flat
    paragraph token; its container markers are read off the line (the last one gives the
    block's kind and marker)."""
    if state.level < DEEP_LEVEL or silent:
        return False
    src = state.src
    line = start
    while line < end:
        if state.isEmpty(line):
            line += 1
            continue
        if state.sCount[line] < state.blkIndent:
            break  # less indented than the deep item's text: the line is outside this list
        text = src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
        pos, marker, kind = 0, "", None
        while m := _DEEP_MARK.match(text, pos):
            pos = m.end()
            marker = "" if m.group(1) == ">" else m.group(1)
            kind = BlockKind.QUOTE if m.group(1) == ">" else BlockKind.LIST_ITEM
        content = text[pos:].strip()
        line += 1
        if not content:
            continue
        tok = state.push("paragraph_open", "p", 1)
        tok.map = [line - 1, line]
        tok.meta = {"qari_deep": True, "kind": kind, "marker": marker}
        tok = state.push("inline", "", 0)
        tok.content = content
        tok.map = [line - 1, line]
        tok.children = []
        state.push("paragraph_close", "p", -1)
    if line == start:
        return False
    state.line = line
    return True


@functools.cache
def _markdown_it(front_matter: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING})
    # Link targets are parsed, punycoded and percent-encoded for every link; an article links
    # the same few addresses again and again, so the (pure) result is cached.
    md.normalizeLink = functools.lru_cache(maxsize=4096)(md.normalizeLink)  # type: ignore[method-assign]
    md.validateLink = functools.lru_cache(maxsize=4096)(md.validateLink)  # type: ignore[method-assign]
    if front_matter:
        md.use(front_matter_plugin)
    first = md.block.ruler.get_all_rules()[0]
    md.block.ruler.before(first, "qari_deep", _deep_rule)
    return md


# -- front matter -----------------------------------------------------------------------------


def _meta_text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float | datetime.date):
        text = " ".join(str(value).split())
        return text or None
    if isinstance(value, list):
        items = [t for t in (_meta_text(v) for v in value if not isinstance(v, list | dict)) if t]
        return "، ".join(items) or None
    if isinstance(value, dict):
        return _meta_text(value.get("name"))
    return None


def read_front_matter(content: str) -> dict[str, str] | None:
    """``title``/``author``/``date`` of a front-matter block; None when it is not one."""
    if not content.strip():
        return {}
    try:
        data = yaml.load(content, Loader=yaml.BaseLoader)  # every scalar as written
    except Exception:  # broken YAML (or too deep for PyYAML): read it line by line below
        data = None
    if isinstance(data, dict):
        lowered = {str(k).lower(): v for k, v in data.items()}
        return {k: t for k in _FRONT_KEYS if (t := _meta_text(lowered.get(k)))}
    found: dict[str, str] = {}
    keyed = False
    for line in content.splitlines():
        m = _KEY_LINE.match(line)
        if m is None:
            continue
        keyed = True
        key, value = m.group(1).lower(), m.group(2).strip().strip("'\"").strip()
        if key in _FRONT_KEYS and value and key not in found:
            found[key] = " ".join(value.split())
    return found if keyed else None


# -- headings ---------------------------------------------------------------------------------


def github_slug(text: str) -> str:
    """GitHub's heading slug: lower case, letters/marks/numbers/``_``/``-`` kept, spaces to
    ``-``, everything else dropped."""
    slug = text.lower()
    # Word characters (letters, digits, "_"), spaces and "-" stay; look only at the others.
    odd = set(_SLUG_ODD.findall(slug))
    drop = {
        ord(ch): None
        for ch in odd
        if unicodedata.category(ch)[0] not in "LMN" and unicodedata.category(ch) != "Pc"
    }
    if drop:
        slug = slug.translate(drop)
    return slug.replace(" ", "-")


class _Slugger:
    """Unique slugs the way github-slugger numbers repeats (``x``, ``x-1``, ``x-2``)."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = slug = github_slug(text)
        while slug in self.seen:
            self.seen[base] = self.seen.get(base, 0) + 1
            slug = f"{base}-{self.seen[base]}"
        self.seen[slug] = 0
        return slug

    def explicit(self, ident: str) -> str:
        self.seen.setdefault(ident, 0)
        return ident


# -- inline -----------------------------------------------------------------------------------


def _inline(children: list[Token]) -> tuple[str, tuple[Span, ...]]:
    """Plain text and spans of an inline token's children."""
    if len(children) == 1 and children[0].type == "text":  # the common case: no markup
        return collapse_space(children[0].content, keep_nbsp=True), ()
    plain = _plain_lines(children)
    if plain is not None:  # a wrapped paragraph without markup: lines joined by spaces
        return collapse_space(plain, keep_nbsp=True), ()
    b = TextBuilder(keep_nbsp=True)
    opened: list[list[object]] = []
    pending = children[::-1]
    while pending:
        tok = pending.pop()
        t = tok.type
        if t == "text":
            b.add(tok.content)
        elif t == "softbreak" or t == "hardbreak":
            b.space()
        elif t == "code_inline":
            start = b.length
            b.add(tok.content)
            b.add_span(start, SpanKind.CODE)
        elif t == "strong_open":
            opened.append(b.open(SpanKind.STRONG))
        elif t == "em_open":
            opened.append(b.open(SpanKind.EMPHASIS))
        elif t == "link_open":
            href = tok.attrs.get("href")
            opened.append(b.open(SpanKind.LINK, clean_href(str(href)) if href else None))
        elif t in ("strong_close", "em_close", "link_close"):
            if opened:
                b.close(opened.pop())
        elif t == "image":
            if tok.children:
                pending.extend(reversed(tok.children))
            else:
                b.add(tok.content)
        elif t == "html_inline":
            if _BR.match(tok.content):
                b.space()
        elif tok.nesting == 0 and tok.content:
            b.add(tok.content)
    for entry in reversed(opened):
        b.close(entry)
    return b.take()


def _plain_lines(children: list[Token]) -> str | None:
    """The text of children that are only text and line breaks, breaks as spaces; None when
    there is any markup. Collapsing this joined text gives what :class:`TextBuilder` builds
    piece by piece, without its per-token cost."""
    parts = []
    for tok in children:
        t = tok.type
        if t == "text":
            parts.append(tok.content)
        elif t == "softbreak" or t == "hardbreak":
            parts.append(" ")
        else:
            return None
    return "".join(parts)


def _pseudo_list(tok: Token) -> list[tuple[str, str, tuple[Span, ...]]] | None:
    """Items (marker, text, spans) when every line of a paragraph starts with an
    Arabic-Indic number or a bullet; None otherwise."""
    content = tok.content
    if not content or content[0] not in _PSEUDO_START:
        return None
    if not all(_PSEUDO_ITEM.match(line.lstrip()) for line in content.split("\n")):
        return None
    groups: list[list[Token]] = [[]]
    for child in tok.children or ():
        if child.type in ("softbreak", "hardbreak"):
            groups.append([])
        else:
            groups[-1].append(child)
    items = []
    for group in groups:
        text, spans = _inline(group)
        m = _PSEUDO_ITEM.match(text)
        if m is None:
            return None
        body = text[m.end() :]
        items.append((m.group("marker"), body, shift_spans(spans, m.end(), len(body))))
    return items


# -- the token walk ---------------------------------------------------------------------------


def _walk(tokens: list[Token], title_from_heading: bool) -> tuple[list[Event], int | None]:
    """Headings and blocks in document order, and the index of the heading used as title."""
    events: list[Event] = []
    containers: list[list[object]] = []
    slugger = _Slugger()
    title_index: int | None = None
    heading = 0  # level of the top-level heading being read
    nested_heading = False
    deep: dict[str, Any] | None = None
    for tok in tokens:
        t = tok.type
        if t == "inline":
            if heading:
                added = _heading(tok, heading, slugger, events)
                if added and title_from_heading and title_index is None:
                    title_index = len(events) - 1
                continue
            _paragraph(tok, containers, deep, nested_heading, events)
        elif t == "paragraph_open":
            deep = tok.meta if tok.meta.get("qari_deep") else None
        elif t == "paragraph_close":
            deep = None
        elif t == "heading_open":
            if containers:
                nested_heading = True
            else:
                heading = int(tok.tag[1:])
        elif t == "heading_close":
            heading, nested_heading = 0, False
        elif t == "list_item_open":
            marker = tok.info + tok.markup if tok.info else tok.markup
            containers.append([BlockKind.LIST_ITEM, marker, False])
        elif t == "blockquote_open":
            containers.append([BlockKind.QUOTE, "", False])
        elif t in ("list_item_close", "blockquote_close"):
            if containers:
                containers.pop()
        elif t in ("fence", "code_block"):
            text = collapse_space(tok.content, keep_nbsp=True)
            if text:
                kind, marker, depth = block_context(containers)
                code = (Span(0, len(text), SpanKind.CODE),)
                events.append(Block(kind, text, marker=marker, depth=depth, spans=code))
        elif t == "html_block":
            _html_block(tok.content, containers, events)
    return events, title_index


def _heading(tok: Token, level: int, slugger: _Slugger, events: list[Event]) -> bool:
    """Append the heading event; False when the heading has no text."""
    text, _ = _inline(tok.children or [])
    m = _EXPLICIT_ID.search(text)
    if m is not None and m.start() > 0:
        text = text[: m.start()].rstrip()
        anchor: str | None = slugger.explicit(m.group(1))
    else:
        anchor = slugger.slug(text) or None
    if not text:
        return False
    events.append(Heading(level, text, anchor))
    return True


def _paragraph(
    tok: Token,
    containers: list[list[object]],
    deep: dict[str, Any] | None,
    nested_heading: bool,
    events: list[Event],
) -> None:
    items = _pseudo_list(tok) if not nested_heading else None
    if items is not None:
        depth = min(len(containers), MAX_DEPTH)
        for marker, text, spans in items:
            events.append(Block(BlockKind.LIST_ITEM, text, marker=marker, depth=depth, spans=spans))
        return
    text, spans = _inline(tok.children or [])
    if not text.strip():
        return
    kind, marker, depth = block_context(containers)
    if deep is not None:
        kind = deep.get("kind") or kind
        marker = deep.get("marker") or ""
        depth = MAX_DEPTH
    if nested_heading:
        spans = (Span(0, len(text), SpanKind.STRONG), *spans)
    events.append(Block(kind, text, marker=marker, depth=depth, spans=spans))


def _html_block(html: str, containers: list[list[object]], events: list[Event]) -> None:
    blocks = html_fragment_blocks(html)
    if not blocks:
        return
    if not containers:
        events.extend(blocks)
        return
    kind, marker, depth = block_context(containers)
    for b in blocks:
        if b.kind is BlockKind.PARAGRAPH:
            events.append(Block(kind, b.text, marker=marker, depth=depth, spans=b.spans))
            marker = ""
        else:
            inner = min(depth + 1 + b.depth, MAX_DEPTH)
            events.append(Block(b.kind, b.text, marker=b.marker, depth=inner, spans=b.spans))


# -- entry point ------------------------------------------------------------------------------


def parse_markdown(text: str, source: Source) -> Article:
    """Parse a Markdown article. Raises only :class:`.errors.ArticleError` subclasses."""
    try:
        tokens = _markdown_it(True).parse(text)
        meta: dict[str, str] = {}
        if tokens and tokens[0].type == "front_matter":
            found = read_front_matter(tokens[0].content)
            if found is None:  # "---" lines around plain text: not front matter
                tokens = _markdown_it(False).parse(text)
            else:
                meta = found
        title = meta.get("title")
        events, title_index = _walk(tokens, title_from_heading=not title)
        if title_index is not None:
            title = events[title_index].text
        article = assemble(
            events, source, title, title_index, meta.get("author"), meta.get("date")
        )
        take_block_credits(article)
        return article
    except ArticleError:
        raise
    except Exception as err:  # the parser must only raise the model's own errors
        raise parse_failure("Markdown", err) from err
