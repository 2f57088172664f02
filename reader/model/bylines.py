"""Bylines and datelines: the author and date lines scraped articles carry under the title.

"بقلم: د. خالد المنصوري", "حاورتها: نور الهدى عبد الله", "عمّان - الأحد 8 يونيو 2025" are
neither headings nor body text: the parsers move them, under the title or at the very end, to
``Article.bylines`` and read ``author`` and ``date`` from them.

A line is a byline when it starts with a credit label (``بقلم`` / ``كتب`` / ``إعداد`` /
``المصدر`` / ``by`` ...) followed by a colon or a dash; the labels that are also ordinary words
("ترجمة", "تحرير", "كتب") need that colon or dash, only ``بقلم`` and ``by`` do without. A
dateline is a short line that is a date (a month name and a four-digit year, or ``8/6/2025``)
with at most a place, a weekday and a time around it ("عمّان - الأحد 8 يونيو 2025").
"""

from __future__ import annotations

import re

from .document import Article, Block, BlockKind, link_sections

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_MONTHS = (
    "يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر "
    "اكتوبر نوفمبر ديسمبر كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول "
    "تشرين January February March April May June July August September October November "
    "December"
).split()
#: A date somewhere in a line: a month name followed (later) by a four-digit year, or a
#: numeric date with ``/``, ``.`` or ``-`` between day, month and year.
DATE = re.compile(
    rf"(?:^|\s)(?:{'|'.join(_MONTHS)})(?:\s|,|،|$).*[{_DIGITS}]{{4}}"
    rf"|[{_DIGITS}]{{1,4}}[/.-][{_DIGITS}]{{1,2}}[/.-][{_DIGITS}]{{1,4}}",
    re.I,
)
#: Labels of a person who wrote, interviewed or reported.
_AUTHOR_LABELS = (
    "بقلم|كتب|كتبت|كتبه|كتبته|الكاتب|الكاتبة|إعداد|اعداد|أعده|اعده|أعدته|حاوره|حاورته|حاورها"
    "|حاورتها|حاورهم|حاورتهم|أجرى الحوار|أجرت الحوار|اجرى الحوار|المراسل|مراسل|مراسلة"
    "|by|written by|author"
)
#: Labels of a date.
_DATE_LABELS = (
    "تاريخ النشر|نشر في|نُشر في|نشر بتاريخ|نُشر بتاريخ|آخر تحديث|تحديث|published|updated|posted"
)
#: Other credits: the source, editing, translation, photographs.
_OTHER_LABELS = "المصدر|مصدر|تحرير|حرره|تصوير|ترجمة|source|photo|photos"
_LABEL = re.compile(
    rf"^(?:(?P<author>{_AUTHOR_LABELS})|(?P<date>{_DATE_LABELS})|(?:{_OTHER_LABELS}))"
    r"\s*(?:[:：]|\s[-–—]\s)\s*",
    re.I,
)
#: ``بقلم`` and ``by`` are credits even without a colon ("بقلم سارة أحمد", "By Jane Doe").
_BARE_LABEL = re.compile(r"^(?P<author>بقلم|by)\s+(?=\S)", re.I)
#: Credit lines are short; a longer line is a sentence that happens to start with a label.
MAX_WORDS = 12
MAX_DATELINE_WORDS = 10
_WEEKDAYS = frozenset(
    "الأحد الاحد الإثنين الاثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت يوم sunday monday "
    "tuesday wednesday thursday friday saturday".split()
)
#: Words a dateline may hold besides the date and the weekday: the place ("الدار البيضاء").
_DATELINE_PLACE_WORDS = 2
_SENTENCE_END = frozenset(".،:؛,;…!؟?")
_PUNCT = "-–—|،,:()[]«»\"'."
_SPLIT = re.compile(r"\s+[-–—|]\s+|\s*[|،,]\s*")


def is_byline(line: str) -> bool:
    """True for a credit line: a label with a colon or dash ("المصدر: رويترز"), or "بقلم …"."""
    if len(line.split()) > MAX_WORDS:
        return False
    return _LABEL.match(line) is not None or _BARE_LABEL.match(line) is not None


def is_dateline(line: str) -> bool:
    """True for a short line that is a date, with at most a place, a weekday and a time
    around it ("الأحد 9 مارس 2025", "عمّان - 8/6/2025"); not a sentence that names a date."""
    if len(line.split()) > MAX_DATELINE_WORDS or line[-1] in _SENTENCE_END:
        return False
    m = DATE.search(line)
    if m is None:
        return False
    rest = (line[: m.start()] + " " + line[m.end():]).split()
    words = [w for w in rest if len(w.strip(_PUNCT)) > 1 and any(c.isalpha() for c in w)]
    return sum(w.strip(_PUNCT).lower() not in _WEEKDAYS for w in words) <= _DATELINE_PLACE_WORDS


def is_credit(line: str) -> bool:
    """A byline or a dateline."""
    return is_byline(line) or is_dateline(line)


def read_credits(lines: list[str]) -> tuple[str | None, str | None]:
    """The author and the date named by credit lines (the first of each), or None."""
    author: str | None = None
    date: str | None = None
    for line in lines:
        m = _LABEL.match(line) or _BARE_LABEL.match(line)
        if m is None:
            date = date or _clean(line)  # a dateline, place and all
            continue
        rest = line[m.end():]
        if m.group("author"):
            name, when = _split_date(rest)
            author = author or _clean(name)
            date = date or (_clean(when) if when else None)
        elif m.groupdict().get("date"):
            date = date or _clean(rest)
        elif DATE.search(rest):
            date = date or _clean(_split_date(rest)[1] or rest)
    return author, date


def _split_date(text: str) -> tuple[str, str | None]:
    """``"سارة أحمد - 9 مارس 2025"`` → (name, date); (text, None) when no date follows."""
    for sep in _SPLIT.finditer(text):
        head, tail = text[: sep.start()], text[sep.end():]
        if DATE.search(tail) and not DATE.search(head):
            return head, tail
    return text, None


def _clean(text: str) -> str | None:
    text = " ".join(text.split()).strip(" -–—|،,:")
    return text or None


#: At most this many credit lines are read under the title, and as many at the end.
MAX_CREDITS = 3


def _credit_block(block: Block) -> bool:
    return block.kind is BlockKind.PARAGRAPH and block.depth == 0 and is_credit(block.text)


def take_block_credits(article: Article) -> None:
    """Move credit paragraphs that open or close a parsed article (Markdown: "**بقلم: …**",
    "*الأحد 8 يونيو 2025*", "المصدر: …") from its sections to ``bylines``; fill ``author``
    and ``date`` from them where the front matter named none."""
    sections = article.sections
    lead: list[Block] = []
    if sections and sections[0].heading is None:
        blocks = sections[0].blocks
        while len(lead) < MAX_CREDITS and len(lead) < len(blocks) and _credit_block(
            blocks[len(lead)]
        ):
            lead.append(blocks[len(lead)])
        del blocks[: len(lead)]
    closing: list[Block] = []
    if sections:
        blocks = sections[-1].blocks
        while len(closing) < MAX_CREDITS and len(closing) < len(blocks) - 1 and _credit_block(
            blocks[-1 - len(closing)]
        ):
            closing.append(blocks[-1 - len(closing)])
        if closing:
            del blocks[-len(closing):]
        closing.reverse()
    if not lead and not closing:
        return
    lines = [b.text for b in lead + closing]
    article.bylines.extend(lines)
    author, date = read_credits(lines)
    article.author = article.author or author
    article.date = article.date or date
    if sections[0].heading is None and not sections[0].blocks:
        del sections[0]
        link_sections(sections)
