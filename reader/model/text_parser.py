"""Plain-text articles: title, headings, paragraphs and list items from bare lines.

Scraped articles carry no markup, so structure is read from the shape of the lines:

* the title is the first non-empty line;
* a heading is a short line that does not end like a sentence (``.`` ``،`` ``:`` ``؛`` ...;
  a question mark is fine) and is followed by body text;
* list items start with a bullet or a number followed by ``.``, ``)`` or ``-``;
* hard-wrapped files (blank lines between blocks of short lines) have their lines joined
  back into paragraphs;
* "read also" residue is moved to the article's boilerplate (see :mod:`.boilerplate`).
"""

from __future__ import annotations

import re
import statistics

from .boilerplate import residue_runs
from .document import Article, Block, BlockKind, Section, Source

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x1c|\x1d|\x1e|\x85")
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
LIST_MARKER = re.compile(
    rf"^(?P<marker>[-–—•*▪◦●·‣]|[{_DIGITS}]{{1,3}}[.)\-–]|[(][{_DIGITS}]{{1,3}}[)])\s+(?=\S)"
)
_BYLINE = re.compile(
    r"^(?:بقلم|كتب|كتبت|إعداد|اعداد|تحرير|حرره|المصدر|مصدر|تاريخ النشر|نشر في|نُشر في|آخر تحديث"
    r"|تحديث|تصوير|ترجمة|by|source|published|updated)(?:\s|:|$)",
    re.I,
)
_MONTHS = (
    "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر "
    "ديسمبر كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين"
).split()
_DATE_LINE = re.compile(
    rf"(?:^|\s)(?:{'|'.join(_MONTHS)})(?:\s|$).*[{_DIGITS}]{{4}}|[{_DIGITS}]{{1,4}}[/.-]"
    rf"[{_DIGITS}]{{1,2}}[/.-][{_DIGITS}]{{1,4}}"
)
#: A heading may not end with these (a sentence, a clause, or an introduction to a list).
SENTENCE_END = frozenset(".،:؛,;…")
HEADING_MAX_WORDS = 16
HEADING_MAX_CHARS = 160
_WRAP_WIDTH = 110


def split_lines(text: str) -> list[str]:
    """Split on every line-break convention (LF, CRLF, CR, Unicode separators)."""
    return _LINE_BREAK.split(text)


def is_heading_shaped(line: str) -> bool:
    """A short line that does not end like a sentence and is not a list item."""
    if len(line) > HEADING_MAX_CHARS or len(line.split()) > HEADING_MAX_WORDS:
        return False
    if line[-1] in SENTENCE_END or LIST_MARKER.match(line) or _BYLINE.match(line):
        return False
    if len(line.split()) <= 7 and _DATE_LINE.search(line):
        return False  # a dateline such as "الأحد 9 مارس 2025"
    return any(c.isalpha() for c in line)


def _numbered_heading_shaped(line: str) -> bool:
    """A numbered line ("1- ...", "٣. ...") whose text is heading-shaped."""
    m = LIST_MARKER.match(line)
    if m is None or m.group("marker")[0] in "-–—•*▪◦●·‣":
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
    """True when most blocks span several lines of a roughly fixed width."""
    if len(blocks) < 2:
        return False
    multi = sum(len(b) > 1 for b in blocks)
    if multi * 2 < len(blocks):
        return False
    lengths = [len(line) for b in blocks for line in b[:-1]]
    return bool(lengths) and max(lengths) <= _WRAP_WIDTH * 1.3 and statistics.median(lengths) > 30


def parse_plain_text(text: str, source: Source) -> Article:
    """Parse a plain-text article."""
    lines = [line.strip() for line in split_lines(text)]
    units = _units(lines)
    if not units:
        return Article(title="", source=source)

    title, body = units[0], units[1:]

    boilerplate: list[str] = []
    residue = residue_runs(body)
    if residue:
        drop = {i for start, end in residue for i in range(start, end)}
        boilerplate = [body[i] for start, end in residue for i in range(start, end)]
        body = [u for i, u in enumerate(body) if i not in drop]

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
        current.blocks.append(_block(unit))
    return Article(title=title, source=source, sections=sections, boilerplate=boilerplate)


def _find_headings(body: list[str]) -> set[int]:
    """Indices of units that are headings: heading-shaped and followed by body text.

    A numbered line is a heading rather than a list item when it is heading-shaped, follows
    body text (not another item) and is followed by a longer paragraph ("1- العنوان" then text).
    """
    shaped = [is_heading_shaped(u) for u in body]
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
    for i in range(len(body) - 1, -1, -1):
        if not shaped[i]:
            followed_by_body = True
            continue
        if i in headings:
            continue
        nxt = body[i + 1] if i + 1 < len(body) else None
        if nxt is not None and followed_by_body and (
            (not shaped[i + 1] and len(nxt) > len(body[i])) or i + 1 in headings
        ):
            headings.add(i)
    return headings


def _block(unit: str) -> Block:
    m = LIST_MARKER.match(unit)
    if m:
        return Block(BlockKind.LIST_ITEM, unit[m.end():], marker=m.group("marker"))
    return Block(BlockKind.PARAGRAPH, unit)
