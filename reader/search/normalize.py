"""The one text folding used for matching: find bar, library index and any filter.

:func:`fold` applies, in this order, the rules Arabic readers expect a search to ignore
(the same rules as Lucene's ``ArabicNormalizer``, plus digits and Latin case):

1. NFKC: presentation forms and ligatures become base letters (U+FEFB lam-alef → ``لا``);
2. Latin (and other cased scripts) case-folded with :meth:`str.casefold`;
3. dropped: harakat U+064B–U+065F, superscript alef U+0670, tatweel U+0640 and the Quranic
   marks U+06D6–U+06ED;
4. ``أ إ آ ٱ`` → ``ا``; ``ى`` → ``ي``; ``ة`` → ``ه``; ``ؤ`` → ``و``;
5. Arabic-Indic (U+0660–U+0669) and Persian (U+06F0–U+06F9) digits → ASCII digits.

``ئ`` is deliberately kept: Lucene keeps it too, and folding it to ``ي`` would merge words such
as ``رئيس``/``ريس`` without curing the common spelling variant (``مسئول``/``مسؤول``, where the
other side folds to ``و``). Dropping the marks can leave text that NFKC would compose further
(``a`` + U+0654 + U+0301), so the steps are repeated until the text no longer changes: the fold
is idempotent (``fold(fold(s)) == fold(s)``).

:func:`fold_with_map` also returns a :class:`FoldMap` from positions in the folded text back to
the original, so that a match found in folded text highlights the real characters, harakat
included. Text is cut into chunks at characters that never combine with their neighbours (space,
ASCII and Arabic base letters); the fine map of a chunk is computed only when a position in it is
asked for, so folding stays at C speed and only the chunks holding matches pay for the map.

Bump :data:`FOLD_VERSION` whenever the output of :func:`fold` changes: the library index is
rebuilt when it was made with another version.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import overload

#: Version of the folding rules; stored in the library index.
FOLD_VERSION = 1

#: Characters dropped by the fold.
DROPPED = "".join(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)
#: Letters replaced by another letter (before digits).
LETTER_FOLDS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و"}
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

# Dropped marks that combine with a preceding letter under NFKC (ا + U+0654 → أ): they go the
# slow, context-aware way in fold_with_map. Every other dropped character never combines.
_COMBINING_DROPS = frozenset("\u0653\u0654\u0655")

_MAX_PASSES = 4


def _build_table() -> dict[int, int | None]:
    # A dense table (identity entries for the common blocks) is ~35% faster in str.translate
    # than a sparse one: a missing key costs a KeyError inside CPython.
    table: dict[int, int | None] = {c: c for c in range(0x0800)}
    table.update({c: c for c in range(0x2000, 0x2070)})
    for ch in DROPPED:
        table[ord(ch)] = None
    for src, dst in LETTER_FOLDS.items():
        table[ord(src)] = ord(dst)
    for digits in (ARABIC_INDIC_DIGITS, PERSIAN_DIGITS):
        for value, ch in enumerate(digits):
            table[ord(ch)] = ord("0") + value
    return table


_TABLE = _build_table()


def _fold_pass(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().translate(_TABLE)


def fold(text: str) -> str:
    """Fold ``text`` for matching (see the module docstring for the rules)."""
    if text.isascii():
        return text.lower()
    out = _fold_pass(text)
    for _ in range(_MAX_PASSES):
        if unicodedata.is_normalized("NFKC", out):
            break
        out = _fold_pass(out)
    return out


# --- the map back to the original text ------------------------------------------------------

#: Chunks are cut at the first boundary character at or after every CHUNK characters.
CHUNK = 2048
# Characters before which the fold of a text splits: fold(a + b) == fold(a) + fold(b) when b
# starts with one of them (starters that NFKC never composes with what precedes them).
_BOUNDARY = re.compile("[ \t\nA-Za-z0-9\u0621-\u063a\u0641-\u064a]")

# Candidate blocks for "simple" characters: each folds to exactly one character on its own, is
# a starter and never composes with its neighbours, so a run of them folds character by
# character. tests/unit/test_normalize.py checks the last property against the whole UCD.
_SIMPLE_CANDIDATES = [
    (0x0000, 0x024F),  # ASCII, Latin-1, Latin Extended-A/B
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # Arabic Supplement
    (0x08A0, 0x08FF),  # Arabic Extended-A
    (0x2000, 0x206F),  # General Punctuation
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
]


def _is_simple(ch: str) -> bool:
    if unicodedata.combining(ch) or ch in DROPPED:
        return False
    decomposed = unicodedata.normalize("NFKD", ch)
    if not decomposed or unicodedata.combining(decomposed[0]):
        return False
    folded = fold(ch)
    return len(folded) == 1 and not unicodedata.combining(folded)


def _char_class(chars: Sequence[str]) -> str:
    """A regex character class body for ``chars`` written as ranges."""
    codes = sorted(ord(c) for c in chars)
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = codes[i], codes[j]
        if lo == hi:
            parts.append(re.escape(chr(lo)))
        else:
            parts.append(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
        i = j + 1
    return "".join(parts)


@dataclass(frozen=True)
class _Patterns:
    irregular: re.Pattern[str]  # runs of characters that are not simple
    plain_drops: re.Pattern[str]  # a run made only of dropped, never-combining characters


@cache
def _patterns() -> _Patterns:
    simple = [
        chr(c) for lo, hi in _SIMPLE_CANDIDATES for c in range(lo, hi + 1) if _is_simple(chr(c))
    ]
    plain = [c for c in DROPPED if c not in _COMBINING_DROPS]
    return _Patterns(
        irregular=re.compile(f"[^{_char_class(simple)}]+"),
        plain_drops=re.compile(f"[{_char_class(plain)}]+"),
    )


def simple_characters() -> frozenset[str]:
    """The characters the map treats one by one (exposed for the tests)."""
    pat = _patterns().irregular
    return frozenset(
        chr(c)
        for lo, hi in _SIMPLE_CANDIDATES
        for c in range(lo, hi + 1)
        if not pat.fullmatch(chr(c))
    )


@dataclass(slots=True)
class _ChunkMap:
    """Irregular units of one chunk, in folded positions relative to the chunk.

    A unit covers original ``[o0, o1)`` and produced folded ``[f0, f1)`` (empty for dropped
    marks). ``detail`` gives each folded character's original range when it can be told,
    ``None`` when the whole unit maps as one piece. Between units, characters map one to one.
    """

    f0: list[int]
    f1: list[int]
    o0: list[int]
    o1: list[int]
    detail: list[list[tuple[int, int]] | None]


class FoldMap(Sequence[int]):
    """Positions in folded text → positions in the original text.

    ``m[i]`` is where the source of folded character ``i`` starts in the original;
    ``m[len(folded)] == len(original)``, so ``len(m) == len(folded) + 1``. The values never
    decrease. Use :meth:`span` to turn a folded match ``[start, end)`` into the original range
    to highlight.
    """

    __slots__ = ("_cache", "_f_starts", "_folded_len", "_o_starts", "_text")

    def __init__(self, text: str, o_starts: list[int], f_starts: list[int], folded_len: int):
        self._text = text
        self._o_starts = o_starts  # chunk k covers original [o_starts[k], o_starts[k+1])
        self._f_starts = f_starts  # ... and folded [f_starts[k], f_starts[k+1])
        self._folded_len = folded_len
        self._cache: dict[int, _ChunkMap] = {}

    def __len__(self) -> int:
        return self._folded_len + 1

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self.start(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("FoldMap index out of range")
        return self.start(index)

    def __iter__(self) -> Iterator[int]:
        for i in range(len(self)):
            yield self.start(i)

    def start(self, i: int) -> int:
        """Original index where folded character ``i`` comes from (``len(text)`` at the end)."""
        if i >= self._folded_len:
            return len(self._text)
        return self._locate(i)[0]

    def end(self, i: int) -> int:
        """Original index just after the source of folded character ``i``."""
        return self._locate(i)[1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` for folded ``[start, end)``.

        The end is extended over the characters the fold dropped after the last matched
        letter (its harakat, a tatweel), so the highlight covers the whole written letter.
        """
        if end <= start:
            pos = self.start(start)
            return pos, pos
        o_start = self._locate(start)[0]
        o_end = self._locate(end - 1)[1]
        o_end = max(o_end, self.start(end)) if end < self._folded_len else len(self._text)
        return o_start, o_end

    def _locate(self, f: int) -> tuple[int, int]:
        if not 0 <= f < self._folded_len:
            raise IndexError("folded position out of range")
        k = bisect_right(self._f_starts, f) - 1
        units = self._cache.get(k)
        if units is None:
            units = self._cache[k] = self._chunk_map(k)
        local = f - self._f_starts[k]
        j = bisect_right(units.f1, local)
        if j < len(units.f1) and units.f0[j] <= local:
            detail = units.detail[j]
            if detail is None:
                return units.o0[j], units.o1[j]
            return detail[local - units.f0[j]]
        # A simple character: one to one from the end of the previous unit.
        o = self._o_starts[k] + local if j == 0 else units.o1[j - 1] + local - units.f1[j - 1]
        return o, o + 1

    def _chunk_map(self, k: int) -> _ChunkMap:
        text = self._text
        oa, ob = self._o_starts[k], self._o_starts[k + 1]
        length = self._f_starts[k + 1] - self._f_starts[k]
        pats = _patterns()
        units = _ChunkMap([], [], [], [], [])
        fpos = 0
        last = oa
        for m in pats.irregular.finditer(text, oa, ob):
            a, b = m.span()
            if pats.plain_drops.fullmatch(text, a, b):
                fpos += a - last
                _add(units, fpos, fpos, a, b, None)
                last = b
                continue
            # The simple character before the run may combine with it: fold them together.
            ua = a - 1 if a > last else a
            fpos += ua - last
            unit = text[ua:b]
            folded = fold(unit)
            per_char = [fold(c) for c in unit]
            detail: list[tuple[int, int]] | None = None
            if "".join(per_char) == folded:
                detail = [(ua + i, ua + i + 1) for i, piece in enumerate(per_char) for _ in piece]
            _add(units, fpos, fpos + len(folded), ua, b, detail)
            fpos += len(folded)
            last = b
        fpos += ob - last
        if fpos != length:  # should not happen; stay correct, if coarse
            return _ChunkMap([0], [length], [oa], [ob], [None])
        return units


def _add(
    units: _ChunkMap, f0: int, f1: int, o0: int, o1: int, detail: list[tuple[int, int]] | None
) -> None:
    units.f0.append(f0)
    units.f1.append(f1)
    units.o0.append(o0)
    units.o1.append(o1)
    units.detail.append(detail)


def fold_with_map(text: str) -> tuple[str, FoldMap]:
    """Fold ``text`` and return the map from folded positions back to ``text``.

    ``folded == fold(text)`` always. For a match ``folded[s:e]``, ``fmap.span(s, e)`` is the
    original range to highlight.
    """
    n = len(text)
    o_starts = [0]
    pos = CHUNK
    while pos < n:
        m = _BOUNDARY.search(text, pos)
        if m is None:
            break
        o_starts.append(m.start())
        pos = m.start() + CHUNK
    o_starts.append(n)
    pieces = [fold(text[a:b]) for a, b in pairwise(o_starts)]
    f_starts = [0]
    for piece in pieces:
        f_starts.append(f_starts[-1] + len(piece))
    folded = "".join(pieces)
    return folded, FoldMap(text, o_starts, f_starts, len(folded))
