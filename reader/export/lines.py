"""Breaking a block's text into lines, and putting each line in visual order.

A block's text becomes *atoms* in logical order: words (or the parts of a word that differ in
embedding level, style or link) and single spaces. Lines break at spaces; a word too long for
a line (a URL) is cut into pieces that fit. Widths come from the shaper's per-word cache, so
breaking a paragraph is a loop over numbers. A line is then reordered for display with the
bidi rule L2, and justified by widening its spaces; the last line of a paragraph is aligned to
its start side (right for Arabic).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from reader.model import Span, SpanKind

from . import bidi
from .fonts import Style
from .shaping import Shaper

SPACE = " "
#: A break opportunity without a space, between the pieces of a cut-up long word.
SOFT_BREAK = ""
RLM, LRM, ZWJ = "\u200f", "\u200e", "\u200d"
#: Arabic letters that take part in joining (not digits, punctuation or marks).
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef"
                            "\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9]")
_MARK = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")

_TOKENS = re.compile(r"\s+|\S+")
_LEVEL_RUNS = re.compile("0+|1+|2+")


class Line(NamedTuple):
    """Atoms ``[start, end)`` of a paragraph, without the spaces at the break."""

    start: int
    end: int
    width: float  # natural width in points
    last: bool  # last line of its paragraph (not justified)


@dataclass(slots=True)
class Para:
    """A block's text as atoms, measured at one font size.

    ``levels`` and ``styles`` are None when every atom has the paragraph's level and the
    block's style (the common case, which then needs no per-atom bookkeeping).
    """

    rtl: bool
    size: float
    style: Style
    texts: list[str]
    widths: list[float]
    levels: list[int] | None = None
    styles: list[Style] | None = None
    hrefs: dict[int, str] | None = None

    def atom_rtl(self, i: int) -> bool:
        """Direction an atom is shaped in."""
        return self.rtl if self.levels is None else self.levels[i] % 2 == 1

    def atom_style(self, i: int) -> Style:
        return self.style if self.styles is None else self.styles[i]


def _span_style(kinds: set[SpanKind], base: Style) -> Style:
    bold = base in (Style.BOLD, Style.BOLD_ITALIC) or SpanKind.STRONG in kinds
    italic = base in (Style.ITALIC, Style.BOLD_ITALIC) or SpanKind.EMPHASIS in kinds
    if bold and italic:
        return Style.BOLD_ITALIC
    return Style.BOLD if bold else Style.ITALIC if italic else Style.REGULAR


def atomize(
    text: str,
    shapers: Sequence[Shaper],
    style: Style,
    size: float,
    spans: Sequence[Span] = (),
    rtl: bool | None = None,
    max_width: float | None = None,
) -> Para:
    """Cut ``text`` into measured atoms. ``rtl=None`` detects the paragraph direction."""
    scale = size / shapers[style].face.upem
    if not spans and rtl is not False and bidi.is_plain_rtl(text):
        words = text.split()
        shaper = shapers[style]
        texts = [SPACE] * (2 * len(words) - 1) if words else []
        known = shaper.rtl_widths(size)  # word -> width in points at this size
        widths = [shaper.width(SPACE, True) * scale] * len(texts)
        texts[0::2] = words
        get = known.get
        unknown = [w for w in words if w not in known]
        if unknown:
            shaper.shape_words_rtl(list(dict.fromkeys(unknown)))
        word_widths: list[float] = []
        for w in words:
            x = get(w)
            if x is None:
                x = known[w] = shaper.width(w, True) * scale
            word_widths.append(x)
        widths[0::2] = word_widths
        para = Para(True, size, style, texts, widths)
    else:
        para = _atomize_mixed(text, shapers, style, size, spans, rtl)
    if max_width is not None and para.texts and max(para.widths) > max_width:
        _cut_long_words(para, shapers, max_width)
    return para


def _atomize_mixed(
    text: str,
    shapers: Sequence[Shaper],
    style: Style,
    size: float,
    spans: Sequence[Span],
    rtl: bool | None,
) -> Para:
    """The general case: several embedding levels, styled spans or links."""
    para_rtl, levels = bidi.levels(text, rtl)
    cuts = {m.start() for m in _LEVEL_RUNS.finditer(levels)}
    char_style: list[Style] | None = None
    char_href: list[str | None] | None = None
    if spans:
        kinds: list[set[SpanKind]] = [set() for _ in text]
        char_href = [None] * len(text)
        for span in spans:
            a, b = max(0, span.start), min(len(text), span.end)
            if a >= b:
                continue
            cuts.update((a, b))
            for i in range(a, b):
                kinds[i].add(span.kind)
                if span.kind is SpanKind.LINK and span.href:
                    char_href[i] = span.href
        char_style = [_span_style(k, style) for k in kinds]
    ordered_cuts = sorted(cuts)
    texts: list[str] = []
    atom_levels: list[int] = []
    atom_styles: list[Style] = []
    hrefs: dict[int, str] = {}
    for m in _TOKENS.finditer(text):
        a, b = m.span()
        if text[a].isspace():
            if texts and texts[-1] != SPACE and b < len(text):
                if char_href is not None and char_href[a] and char_href[a - 1] == char_href[b]:
                    hrefs[len(texts)] = char_href[a]  # type: ignore[assignment]
                texts.append(SPACE)
                atom_levels.append(int(levels[a]))
                atom_styles.append(char_style[a] if char_style else style)
            continue
        pos = a
        k = bisect_right(ordered_cuts, a)
        while pos < b:
            nxt = ordered_cuts[k] if k < len(ordered_cuts) and ordered_cuts[k] < b else b
            k += 1
            if nxt <= pos:
                continue
            if char_href is not None and char_href[pos]:
                hrefs[len(texts)] = char_href[pos]  # type: ignore[assignment]
            piece = text[pos:nxt]
            if pos > a and _joins(text, pos):  # a style change inside an Arabic word:
                piece = ZWJ + piece  # keep the letters on both sides joined
                texts[-1] += ZWJ
            texts.append(piece)
            atom_levels.append(int(levels[pos]))
            atom_styles.append(char_style[pos] if char_style else style)
            pos = nxt
    base = 1 if para_rtl else 0
    _mark_run_ends(texts, atom_levels, atom_styles, hrefs, base)
    if para_rtl:  # shape the Arabic words together (the shaper leaves out the others)
        for st in set(atom_styles):
            shapers[st].shape_words_rtl(list(dict.fromkeys(
                t for t, lv, s in zip(texts, atom_levels, atom_styles, strict=True)
                if s == st and lv % 2 == 1 and t)))
    widths = [
        shapers[st].width(t, lv % 2 == 1) * size / shapers[st].face.upem
        for t, lv, st in zip(texts, atom_levels, atom_styles, strict=True)
    ]
    uniform = all(lv == base for lv in atom_levels)
    one_style = all(st == style for st in atom_styles)
    return Para(
        para_rtl,
        size,
        style,
        texts,
        widths,
        None if uniform else atom_levels,
        None if one_style else atom_styles,
        hrefs or None,
    )


def _joins(text: str, pos: int) -> bool:
    """True when ``text`` is cut at ``pos`` between two Arabic letters (marks skipped)."""
    i = pos - 1
    while i >= 0 and _MARK.match(text, i):
        i -= 1
    return i >= 0 and bool(_ARABIC_LETTER.match(text, i)) and bool(
        _ARABIC_LETTER.match(text, pos)
    )


def _mark_run_ends(
    texts: list[str], levels: list[int], styles: list[Style], hrefs: dict[int, str], base: int
) -> None:
    """Put an invisible direction mark (RLM in a right-to-left paragraph, LRM otherwise)
    after each run written against the paragraph direction: a number or an English word in
    Arabic text.

    The mark is drawn with no width; it tells a text extractor where the embedded run ends,
    so that "في 7 مارس" comes back with its spaces on the right sides (pdftotext otherwise
    reads "في 7مارس").
    """
    mark = RLM if base == 1 else LRM
    i = len(texts) - 1
    while i >= 0:
        run_ends = i + 1 == len(texts) or levels[i + 1] <= base
        if levels[i] > base and texts[i] != SPACE and run_ends:
            texts.insert(i + 1, mark)
            levels.insert(i + 1, base)
            styles.insert(i + 1, styles[i])
            if hrefs:
                moved = {k + 1: v for k, v in hrefs.items() if k > i}
                for k in [k for k in hrefs if k > i]:
                    del hrefs[k]
                hrefs.update(moved)
        i -= 1


def _cut_long_words(para: Para, shapers: Sequence[Shaper], max_width: float) -> None:
    """Cut every atom wider than ``max_width`` into pieces that fit, with soft breaks."""
    i = 0
    while i < len(para.texts):
        if para.widths[i] <= max_width or para.texts[i] in (SPACE, SOFT_BREAK):
            i += 1
            continue
        text, st, rtl = para.texts[i], para.atom_style(i), para.atom_rtl(i)
        shaper = shapers[st]
        scale = para.size / shaper.face.upem
        pieces: list[str] = []
        rest = text
        while rest:
            lo, hi = 1, len(rest)  # longest prefix that fits (at least one character)
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if shaper.width(rest[:mid], rtl) * scale <= max_width:
                    lo = mid
                else:
                    hi = mid - 1
            pieces.append(rest[:lo])
            rest = rest[lo:]
        new_texts: list[str] = []
        for piece in pieces:
            new_texts += [piece, SOFT_BREAK]
        new_texts.pop()
        n = len(new_texts)
        para.texts[i : i + 1] = new_texts
        para.widths[i : i + 1] = [
            0.0 if t == SOFT_BREAK else shaper.width(t, rtl) * scale for t in new_texts
        ]
        if para.levels is not None:
            para.levels[i : i + 1] = [para.levels[i]] * n
        if para.styles is not None:
            para.styles[i : i + 1] = [para.styles[i]] * n
        if para.hrefs:
            href = para.hrefs.pop(i, None)
            para.hrefs = {(k + n - 1 if k > i else k): v for k, v in para.hrefs.items()}
            if href:
                para.hrefs.update({i + j: href for j in range(0, n, 2)})
        i += n


def break_lines(para: Para, width: float) -> list[Line]:
    """Greedy line breaking of ``para`` into lines no wider than ``width`` points."""
    texts, widths = para.texts, para.widths
    lines: list[Line] = []
    n = len(texts)
    start = 0
    w = 0.0  # width of atoms [start, i)
    brk = -1  # last break atom in the current line
    w_brk = 0.0  # width of atoms [start, brk)
    for i in range(n):
        t = texts[i]
        if t in (SPACE, SOFT_BREAK):
            if i == start:  # no break atom opens a line
                start += 1
                continue
            brk, w_brk = i, w
            w += widths[i]
            continue
        w += widths[i]
        if w > width and i > start:
            if brk > start:
                lines.append(Line(start, brk, w_brk, False))
                w -= w_brk + widths[brk]
                start = brk + 1
            else:  # no break opportunity: cut before this atom
                lines.append(Line(start, i, w - widths[i], False))
                w = widths[i]
                start = i
            brk = -1
    end = n
    while end > start and texts[end - 1] in (SPACE, SOFT_BREAK):
        end -= 1
        w -= widths[end]
    if end > start:
        lines.append(Line(start, end, w, True))
    elif lines:
        lines[-1] = lines[-1]._replace(last=True)
    return lines


def visual_order(para: Para, line: Line) -> list[int]:
    """Atom indices of ``line`` from left to right."""
    if para.levels is None:
        r = range(line.start, line.end)
        return list(reversed(r)) if para.rtl else list(r)
    order = bidi.reorder(para.levels[line.start : line.end])
    return [line.start + k for k in order]


def spaces_in(para: Para, line: Line) -> int:
    """Number of space atoms inside ``line`` (what justification widens)."""
    return para.texts[line.start : line.end].count(SPACE)
