"""Plain-text articles: title, headings, paragraphs and list items from bare lines.

Scraped articles carry no markup, so structure is read from the shape of the lines:

* the title is the first non-empty line (one over 300 characters is text: no title then);
* a heading is a short line that does not end like a sentence (``.`` ``،`` ``:`` ``؛`` ...;
  a question mark is fine) and is followed by body text;
* list items start with a bullet or a number followed by ``.``, ``)`` or ``-``;
* hard-wrapped files (blank lines between blocks of short lines) have their lines joined
  back into paragraphs;
* "read also" residue is moved to the article's boilerplate (see :mod:`.boilerplate`).
"""

from __future__ import annotations

import re

from .boilerplate import residue_runs
from .bylines import MAX_CREDITS, is_credit, read_credits
from .document import Article, Block, BlockKind, Section, Source

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x1c|\x1d|\x1e|\x85")
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
#: Bullets scraped text uses for list items.
_BULLETS = "-–—•*▪◦●·‣■□◆◇►▶➢➤✓✔❖○"
#: A list item's marker: a bullet; a number with ``.``, ``)`` or ``-`` (Western or
#: Arabic-Indic digits) or in parentheses; an Arabic letter numbering with ``)`` or ``-``
#: ("أ) …", "ب- …"; not "أ." or "د.": those abbreviate titles, as in "أ. د. خالد").
LIST_MARKER = re.compile(
    rf"^(?P<marker>[{_BULLETS}]|[{_DIGITS}]{{1,3}}[.)\-–]|[(][{_DIGITS}]{{1,3}}[)]"
    r"|[أبجدهوزحطي][)\-–])\s+(?=\S)"
)
#: A speaker's turn in an interview ("س: …", "ج: …", "سؤال: …"): body text, never a heading.
_SPEAKER = re.compile(r"^(?:س|ج|سؤال|جواب|السؤال|الجواب|Q|A)\s*[:：]", re.I)
#: Closing quotes and brackets that may follow a sentence's final stop ("… قال."»).
_CLOSERS = "\"'»”’)]}›"
#: A heading may not end with these (a sentence, a clause, or an introduction to a list).
SENTENCE_END = frozenset(".،:؛,;…")
#: What ends a sentence, for a quotation that closes after its stop ("«… قال.»").
_QUOTED_END = frozenset(".،:؛,;…!")
HEADING_MAX_WORDS = 16
HEADING_MAX_CHARS = 160
_WRAP_WIDTH = 110


def split_lines(text: str) -> list[str]:
    """Split on every line-break convention (LF, CRLF, CR, Unicode separators)."""
    return _LINE_BREAK.split(text)


def is_heading_shaped(line: str) -> bool:
    """A short line that does not end like a sentence and is not a list item, a byline, a
    dateline or a speaker's turn in an interview."""
    if len(line) > HEADING_MAX_CHARS or len(line.split()) > HEADING_MAX_WORDS:
        return False
    if line[-1] in SENTENCE_END or LIST_MARKER.match(line) or _SPEAKER.match(line):
        return False
    if line[-1] in _CLOSERS:
        inner = line.rstrip(_CLOSERS)
        if inner and inner[-1] in _QUOTED_END:
            return False  # a quoted sentence: «… قال.»
    if line[0] in "([" and line[-1] in ")]":
        return False  # an aside or a caption: "(صورة أرشيفية)"
    if is_credit(line):
        return False
    return any(c.isalpha() for c in line)


def _numbered_heading_shaped(line: str) -> bool:
    """A numbered line ("1- ...", "٣. ...") whose text is heading-shaped."""
    m = LIST_MARKER.match(line)
    if m is None or m.group("marker")[0] in _BULLETS:
        return False
    return is_heading_shaped(line[m.end():])


def _units(lines: list[str]) -> list[str]:
    """Group stripped lines into units: one per line, or one per paragraph when hard-wrapped."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    if not _hard_wrapped(blocks):
        return [line for block in blocks for line in block]
    units: list[str] = []
    for block in blocks:
        para: list[str] = []
        for k, line in enumerate(block):
            starts_item = LIST_MARKER.match(line) is not None
            heading_first = k == 0 and len(block) > 1 and is_heading_shaped(line) and (
                len(line) < 0.6 * max(len(x) for x in block[1:])
            )
            if starts_item or heading_first:
                if para:
                    units.append(" ".join(para))
                para = [line]
                if heading_first:
                    units.append(line)
                    para = []
            else:
                para.append(line)
        if para:
            units.append(" ".join(para))
    return units


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    """True when most of the text is in blocks of several lines of a roughly fixed width.

    Most of the text, not most blocks: headings, bylines and one-line answers are blocks of
    their own, and an article may have more of them than paragraphs.
    """
    if len(blocks) < 2:
        return False
    total = sum(len(line) for b in blocks for line in b)
    multi = sum(len(line) for b in blocks if len(b) > 1 for line in b)
    if multi * 2 < total:
        return False
    lengths = [len(line) for b in blocks for line in b[:-1]]
    return bool(lengths) and max(lengths) <= _WRAP_WIDTH * 1.3 and _median(lengths) > 30


#: A first line longer than this is text, not a title (the window then shows the file name).
MAX_TITLE_CHARS = 300


def _median(values: list[int]) -> float:
    """The median (the statistics module would import fractions, decimal and random at
    start-up for this one call)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def parse_plain_text(text: str, source: Source) -> Article:
    """Parse a plain-text article."""
    lines = [line.strip() for line in split_lines(text)]
    units = _units(lines)
    if not units:
        return Article(title="", source=source)

    if len(units[0]) > MAX_TITLE_CHARS:  # a file of one long line, or no title line at all
        title, body = "", units
    else:
        title, body = units[0], units[1:]
    credits = _lead_credits(body)
    body = body[len(credits):]

    boilerplate: list[str] = []
    residue = residue_runs(body)
    if residue:
        drop = {i for start, end in residue for i in range(start, end)}
        boilerplate = [body[i] for start, end in residue for i in range(start, end)]
        body = [u for i, u in enumerate(body) if i not in drop]
    closing = _closing_credits(body)
    if closing:
        body = body[: len(body) - len(closing)]
        credits += closing
    author, date = read_credits(credits)

    headings = _find_headings(body)
    sections: list[Section] = []
    current: Section | None = None
    for i, unit in enumerate(body):
        if i in headings:
            current = Section(id=len(sections), heading=unit, level=1)
            sections.append(current)
            continue
        if current is None:
            current = Section(id=0, heading=None, level=1)
            sections.append(current)
        block = _block(unit)
        if block.kind is BlockKind.PARAGRAPH and len(unit) > MAX_PARAGRAPH_CHARS:
            current.blocks += [Block(BlockKind.PARAGRAPH, p) for p in split_paragraph(unit)]
        else:
            current.blocks.append(block)
    return Article(
        title=title,
        source=source,
        sections=sections,
        boilerplate=boilerplate,
        author=author,
        date=date,
        bylines=credits,
    )


def _lead_credits(body: list[str]) -> list[str]:
    """The byline and dateline units right under the title ("بقلم: …", "الأحد 8 يونيو 2025")."""
    k = 0
    while k < min(len(body), MAX_CREDITS) and is_credit(body[k]):
        k += 1
    return body[:k]


def _closing_credits(body: list[str]) -> list[str]:
    """Credit units that end the article ("المصدر: وكالات", "آخر تحديث: …"), after its text."""
    k = len(body)
    while k > 1 and len(body) - k < MAX_CREDITS and is_credit(body[k - 1]):
        k -= 1
    return body[k:]


#: A heading is this much shorter than a line after it that lost its final stop (a heading
#: is 2.3x shorter and more than its first paragraph in the articles measured).
_BODY_RATIO = 1.5
#: A heading-shaped line of this many words is body text when nothing makes it a heading: a
#: paragraph that lost its final stop in the scrape.
_BODY_WORDS = 10
#: A heading followed directly by another heading (a section and its first subsection) is
#: short, or a question.
_STACKED_HEADING_WORDS = 5


def _find_headings(body: list[str]) -> set[int]:
    """Indices of units that are headings: heading-shaped and followed by body text.

    A numbered line is a heading rather than a list item when it is heading-shaped, follows
    body text (not another item) and is followed by a longer paragraph ("1- العنوان" then text).
    Otherwise a heading-shaped line is a heading when what follows is body text longer than it
    (a paragraph, a long line that only lacks its final stop, a list, or a short answer and
    then a paragraph), or, for a short line or a question, another heading.
    """
    shaped = [is_heading_shaped(u) for u in body]
    words = [len(u.split()) if shaped[k] else 0 for k, u in enumerate(body)]
    items = [LIST_MARKER.match(u) is not None for u in body]
    headings: set[int] = set()
    for i in range(len(body) - 1):
        if (
            items[i]
            and not items[i + 1]
            and not shaped[i + 1]
            and (i == 0 or not items[i - 1])
            and len(body[i + 1]) > len(body[i])
            and _numbered_heading_shaped(body[i])
        ):
            headings.add(i)
    # Walk backwards so that a run of heading-shaped lines before body text can be judged.
    followed_by_body = False
    run_items = run_chars = 0  # the run of list items that starts after the current line
    for i in range(len(body) - 1, -1, -1):
        if shaped[i] and i not in headings and i + 1 < len(body) and followed_by_body:
            nxt = i + 1
            if not shaped[nxt]:
                body_next = len(body[nxt]) > len(body[i])
            else:  # a long line that lost its final stop, clearly longer than this one
                body_next = (
                    nxt not in headings
                    and words[nxt] >= _BODY_WORDS
                    and len(body[nxt]) >= _BODY_RATIO * len(body[i])
                )
            if (
                body_next
                or (nxt in headings and _may_stack(body[i], words[i]))
                or (run_items >= 2 and run_chars > len(body[i]))  # a heading over a list
                or _short_answer_then_body(body, shaped, i)
            ):
                headings.add(i)
        if not shaped[i] or (words[i] >= _BODY_WORDS and i not in headings):
            followed_by_body = True
        if items[i] and i not in headings:
            run_items, run_chars = run_items + 1, run_chars + len(body[i])
        else:
            run_items = run_chars = 0
    return headings


def _may_stack(line: str, words: int) -> bool:
    """A line that may head a section whose first subsection follows at once."""
    return words <= _STACKED_HEADING_WORDS or line[-1] in "؟?"


def _short_answer_then_body(body: list[str], shaped: list[bool], i: int) -> bool:
    """A heading followed by a short sentence and then longer body text: a question heading
    answered in a word ("هل يمكن …؟" / "نعم، لكن بشروط." / the explanation)."""
    if i + 2 >= len(body) or shaped[i + 1] or shaped[i + 2]:
        return False
    answer = body[i + 1]
    return answer[-1] in _QUOTED_END and len(body[i + 2]) > len(body[i])


#: A paragraph longer than this (a book pasted as one line) is cut into paragraphs of about
#: this size at sentence ends: the reader lays out, finds in and exports text paragraph by
#: paragraph, and one paragraph of megabytes costs minutes and gigabytes to lay out.
MAX_PARAGRAPH_CHARS = 5000
_SENTENCE_END = re.compile(r"[.!?؟۔]\s+")


def split_paragraph(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut after the last sentence end
    in each stretch (else at the last space, else anywhere); no character is lost but the
    white space at the cuts."""
    pieces: list[str] = []
    start, n = 0, len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = 0
        for m in _SENTENCE_END.finditer(window, limit // 2):
            cut = m.end()
        if not cut:
            space = window.rfind(" ", limit // 2)
            cut = space + 1 if space > 0 else limit
        pieces.append(text[start : start + cut].strip())
        start += cut
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _block(unit: str) -> Block:
    m = LIST_MARKER.match(unit)
    if m:
        return Block(BlockKind.LIST_ITEM, unit[m.end():], marker=m.group("marker"))
    return Block(BlockKind.PARAGRAPH, unit)
