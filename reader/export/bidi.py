"""Bidirectional text: embedding levels of a paragraph, fast enough for whole books.

HarfBuzz shapes one direction at a time, so a paragraph is cut into runs of one embedding
level first (Unicode Bidirectional Algorithm, UAX #9). The rules W1-W7, N1-N2 and I1-I2 are
applied as string rewrites on a one-letter-per-character class string, so the work stays in
C: a purely Arabic paragraph costs one regular-expression search, a mixed one a handful of
passes. Explicit embeddings and isolates (LRE, RLI, ... , rare in articles) are treated as
neutral characters: their contents take the surrounding direction.

Class letters: ``R`` Arabic letter (AL), ``r`` Hebrew letter (R), ``L`` left to right,
``E`` European number, ``A`` Arabic number, ``S`` number separator (ES), ``T`` number
terminator (ET), ``C`` common separator (CS), ``M`` combining mark or format character
(NSM, BN), ``N`` everything neutral.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_CLASS_LETTER = {
    "AL": "R", "R": "r", "L": "L", "EN": "E", "AN": "A", "ES": "S", "ET": "T", "CS": "C",
    "NSM": "M", "BN": "M", "B": "N", "S": "N", "WS": "N", "ON": "N",
    "LRE": "N", "LRO": "N", "RLE": "N", "RLO": "N", "PDF": "N",
    "LRI": "N", "RLI": "N", "FSI": "N", "PDI": "N", "": "L",
}
_CLASSES = "RrLEASTCMN"
_NON_BMP = re.compile("[\U00010000-\U0010ffff]")


@cache
def _tables() -> tuple[str, re.Pattern[str]]:
    """The class letter of every BMP code point, and a pattern finding the characters that
    make a right-to-left paragraph need the full algorithm (L, EN, AN, non-BMP)."""
    table = "".join(
        _CLASS_LETTER.get(unicodedata.bidirectional(chr(i)), "N") for i in range(0x10000)
    )
    parts: list[str] = []
    for m in re.finditer("[LEA]+", table):
        a, b = m.start(), m.end() - 1
        parts.append(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}")
    return table, re.compile("[" + "".join(parts) + "\U00010000-\U0010ffff]")


def classes(text: str) -> str:
    """One class letter per character of ``text``."""
    table, _ = _tables()
    cls = text.translate(table)
    if _NON_BMP.search(text):
        cls = "".join(
            c if c in _CLASSES else _CLASS_LETTER.get(unicodedata.bidirectional(c), "N")
            for c in cls
        )
    return cls


def is_plain_rtl(text: str) -> bool:
    """True when every character of ``text`` resolves to level 1 in a right-to-left
    paragraph: no left-to-right letters and no digits."""
    return _tables()[1].search(text) is None


def base_is_rtl(cls: str) -> bool:
    """Paragraph direction: right to left when its first letter is Arabic (as in UAX #9, so
    an Arabic sentence quoting a long URL stays right to left), and also when it starts with
    a Latin word but is mostly Arabic ("Qt 6 مكتبة ..."): Arabic articles mean Arabic
    paragraphs. A paragraph without letters is right to left too."""
    first = _FIRST_STRONG.search(cls)
    if first is None or first.group() != "L":
        return True
    return cls.count("R") + cls.count("r") >= cls.count("L")


_FIRST_STRONG = re.compile("[RrL]")
_MARK_AFTER = re.compile("([^M])M")


def _fill(pattern: str, letter: str, s: str) -> str:
    return re.sub(pattern, lambda m: letter * len(m.group()), s)


def resolve(cls: str, rtl: bool) -> str:
    """Resolved types (``r``, ``L``, ``E``, ``A``) of the class string of a paragraph."""
    sos = "r" if rtl else "L"
    s = sos + cls + sos
    # W1: marks take the type of the character before them.
    while "M" in s:  # one pass per mark in the longest run of marks
        s = _MARK_AFTER.sub(r"\1\1", s)
    # W2: European digits after an Arabic letter are Arabic numbers. W3: AL -> R.
    if "E" in s:
        s = re.sub("R[^rL]*", lambda m: m.group().replace("E", "A"), s)
    s = s.replace("R", "r")
    # W4: one separator between two numbers of the same kind joins them.
    s = re.sub("(?<=E)[SC](?=E)", "E", s)
    s = re.sub("(?<=A)C(?=A)", "A", s)
    # W5: terminators next to European digits (%, $, ...) belong to the number.
    if "T" in s:
        s = _fill("T+(?=E)", "E", s)
        s = _fill("(?<=E)T+", "E", s)
    # W6: remaining separators and terminators are neutral.
    s = s.translate(str.maketrans("STC", "NNN"))
    # W7: European digits after a left-to-right letter are left to right.
    if "E" in s:
        s = re.sub("L[^r]*", lambda m: m.group().replace("E", "L"), s)
    # N1: neutrals between two characters of one direction take it (numbers count as R).
    s = _fill("(?<=L)N+(?=L)", "L", s)
    s = _fill("(?<=[rEA])N+(?=[rEA])", "r", s)
    # N2: the rest take the paragraph direction.
    s = s.replace("N", sos)
    return s[1:-1]


_LEVELS_RTL = str.maketrans("rLEA", "1222")
_LEVELS_LTR = str.maketrans("rLEA", "1022")


def levels(text: str, rtl: bool | None = None) -> tuple[bool, str]:
    """``(paragraph_is_rtl, levels)``: one digit per character, ``"0"``-``"2"``.

    ``rtl=None`` detects the paragraph direction with :func:`base_is_rtl`.
    """
    if rtl is not False and is_plain_rtl(text):
        return True, "1" * len(text)
    cls = classes(text)
    if rtl is None:
        rtl = base_is_rtl(cls)
    return rtl, resolve(cls, rtl).translate(_LEVELS_RTL if rtl else _LEVELS_LTR)


def reorder(levels_: list[int]) -> list[int]:
    """Visual order (left to right) of items with the given embedding levels (rule L2)."""
    order = list(range(len(levels_)))
    if not levels_:
        return order
    top = max(levels_)
    low = min(lv for lv in levels_ if lv % 2) if any(lv % 2 for lv in levels_) else top + 1
    for level in range(top, low - 1, -1):
        i, n = 0, len(order)
        while i < n:
            if levels_[order[i]] >= level:
                j = i
                while j < n and levels_[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order
