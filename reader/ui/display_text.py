"""What the reading pane shows of a model text: harakat hidden, digits in the chosen style.

Display only: the article model, search and export keep the text as written. Every change is
an :class:`Edit` of the model text, so a model offset (a find match, a span boundary) maps to
its displayed offset exactly (:meth:`DisplayText.offset`); with the defaults nothing changes
and the mapping is the identity.

* Harakat: the Arabic vowel and reading marks (U+064B-U+0652, U+0656-U+065F, U+0670 and the
  Quranic annotation marks) are dropped. The combining madda and hamza (U+0653-U+0655) are kept:
  in decomposed text they are part of the letter (ا + U+0654 is أ).
* Digits: ``western`` turns Arabic-Indic digits (٠-٩, ۰-۹) into 0-9; ``arabic-indic`` turns
  0-9 into ٠-٩, except in tokens glued to Latin letters (``PySide6``, ``H2O``, ``b106ff``).
  Decimal and thousands separators between digits follow (٫ ٬ ↔ . ,). An Arabic-Indic number
  joined by hyphens (a date ``٢٠٢٥-٠٤-١٢``) is wrapped in a left-to-right isolate: the Unicode
  bidi algorithm would otherwise show its parts in reverse order in a right-to-left paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from reader.model.harakat import HARAKAT

#: Digit styles: as written, ٠-٩ everywhere, 0-9 everywhere.
DIGIT_STYLES = ("auto", "arabic-indic", "western")


_TO_ARABIC = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")
_TO_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
# A number: digits, with single separators between digit groups.
_ASCII_NUMBER = re.compile(r"[0-9]+(?:[.,/:\-][0-9]+)*")
_ARABIC_NUMBER = re.compile("[٠-٩۰-۹]+(?:[٫٬.,/:\\-][٠-٩۰-۹]+)*")
_LATIN = re.compile(r"[A-Za-z_]")
LRI, PDI = "\u2066", "\u2069"


class Edit(NamedTuple):
    """``text[start:end]`` is shown as ``prefix + body + suffix``; ``body`` has one character
    per model character (a digit for a digit), or is empty (removed text)."""

    start: int
    end: int
    body: str
    prefix: str = ""
    suffix: str = ""


class DisplayOptions(NamedTuple):
    """How model text is shown: harakat on or off, digit style (see :data:`DIGIT_STYLES`)."""

    show_harakat: bool = True
    digits: str = "auto"

    @property
    def identity(self) -> bool:
        return self.show_harakat and self.digits not in ("arabic-indic", "western")


class DisplayText:
    """A model text as displayed, with the model → display offset mapping."""

    def __init__(self, model: str, options: DisplayOptions) -> None:
        self.model = model
        self.edits = [] if options.identity else _edits(model, options)
        parts: list[str] = []
        #: display offset of each edit's start, and the running shift after it
        self._starts: list[int] = []
        self._disp: list[int] = []
        self._after: list[int] = []
        pos = 0
        shift = 0
        for edit in self.edits:
            parts.append(model[pos : edit.start])
            self._starts.append(edit.start)
            self._disp.append(edit.start + shift)
            shown = edit.prefix + edit.body + edit.suffix
            parts.append(shown)
            shift += len(shown) - (edit.end - edit.start)
            self._after.append(shift)
            pos = edit.end
        parts.append(model[pos:])
        self.text = "".join(parts) if self.edits else model

    def offset(self, model_offset: int) -> int:
        """Displayed offset of ``model_offset`` (clamped to the text); a removed character
        maps to where it would have been."""
        o = max(0, min(model_offset, len(self.model)))
        i = bisect_right(self._starts, o) - 1
        if i < 0:
            return o
        edit = self.edits[i]
        if o >= edit.end:
            return o + self._after[i]
        if o == edit.start:
            return self._disp[i]
        inner = min(o - edit.start, len(edit.body))
        return self._disp[i] + len(edit.prefix) + inner

    def slice(self, start: int, end: int) -> str:
        """The displayed text of ``model[start:end]`` (a span of inline markup)."""
        if not self.edits:
            return self.model[start:end]
        return self.text[self.offset(start) : self.offset(end)]


def _edits(text: str, options: DisplayOptions) -> list[Edit]:
    edits: list[Edit] = []
    if not options.show_harakat:
        edits.extend(Edit(m.start(), m.end(), "") for m in HARAKAT.finditer(text))
    if options.digits == "arabic-indic":
        edits.extend(_number_edits(text, arabic=True))
    elif options.digits == "western":
        edits.extend(_number_edits(text, arabic=False))
    edits.sort(key=lambda e: e.start)  # never overlapping: numbers hold no harakat
    return edits


def _number_edits(text: str, arabic: bool) -> list[Edit]:
    pattern, table = (_ASCII_NUMBER, _TO_ARABIC) if arabic else (_ARABIC_NUMBER, _TO_WESTERN)
    out: list[Edit] = []
    for m in pattern.finditer(text):
        start, end = m.start(), m.end()
        if arabic and (
            (start > 0 and _LATIN.match(text, start - 1))
            or (end < len(text) and _LATIN.match(text, end))
        ):
            continue
        token = m.group()
        body = token.translate(table)
        if arabic and "-" in token:
            out.append(Edit(start, end, body, LRI, PDI))
        elif body != token:
            out.append(Edit(start, end, body))
    return out


def display(text: str, options: DisplayOptions) -> str:
    """``text`` as displayed."""
    return text if options.identity else DisplayText(text, options).text


def display_number(text: str, digits: str) -> str:
    """Digits of an interface string in ``digits`` style ("auto": unchanged)."""
    if digits == "arabic-indic":
        return text.translate(_TO_ARABIC)
    if digits == "western":
        return text.translate(_TO_WESTERN)
    return text
