"""Text shaping with HarfBuzz, cached per word.

Arabic letters join only inside a word, and kerning is off (see :data:`FEATURES`), so a word
shapes the same alone as inside its line. Each distinct (word, direction) is therefore shaped
once per face: a long article repeats most of its words, and a 2 MB article needs a few
thousand HarfBuzz calls instead of a million characters of shaping.

Glyphs are grouped by HarfBuzz cluster: a letter with its marks, or the letters of a
ligature. Each cluster keeps the exact characters it stands for, in logical order, so the
PDF's ToUnicode map gives back real letters: never presentation forms, never reversed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import uharfbuzz as hb

#: Kerning off: with it, pdftotext split words at kerned pairs (measured in the brief).
FEATURES = {"kern": False}


#: Words shaped together in one buffer by :meth:`Shaper.shape_words_rtl`: those starting
#: with an Arabic letter (so HarfBuzz guesses the Arabic script for each word as for the
#: batch) and free of joiners.
_BATCHABLE = re.compile("[\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5"
                        "\u06fa-\u06fc\u06ff][^\u200c\u200d]*$")
_BATCH = 256

#: A positioned glyph: (glyph id, cluster start in the text, x advance, x offset, y offset).
Glyph = tuple[int, int, int, int, int]
#: Glyphs of one cluster as (glyph id, x, y) offsets from the cluster's origin.
Glyphs = tuple[tuple[int, int, int], ...]


class Cluster(NamedTuple):
    """The glyphs standing for ``text`` (a letter with its marks, a ligature's letters),
    left to right, and the advance to the next cluster. Lengths are in font units."""

    text: str
    glyphs: Glyphs
    advance: int


class Shaped(NamedTuple):
    """A shaped word: its glyphs left to right and its total advance in font units."""

    text: str
    glyphs: tuple[Glyph, ...]
    width: int

    def clusters(self) -> list[Cluster]:
        """The glyphs grouped by cluster, left to right."""
        glyphs, text = self.glyphs, self.text
        starts = sorted({g[1] for g in glyphs})
        ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
        out: list[Cluster] = []
        i, n = 0, len(glyphs)
        while i < n:
            gid, cluster, advance, x_offset, y_offset = glyphs[i]
            j = i + 1
            while j < n and glyphs[j][1] == cluster:
                j += 1
            if j == i + 1:
                out.append(Cluster(text[cluster : ends[cluster]], ((gid, x_offset, y_offset),),
                                   advance))
            else:
                pen, parts = 0, []
                for g in glyphs[i:j]:
                    parts.append((g[0], pen + g[3], g[4]))
                    pen += g[2]
                out.append(Cluster(text[cluster : ends[cluster]], tuple(parts), pen))
            i = j
        return out


@dataclass(eq=False)
class Face:
    """One font file, ready for HarfBuzz, with its metrics in font units."""

    path: Path
    font: hb.Font = field(init=False, repr=False)
    upem: int = field(init=False)
    ascender: int = field(init=False)
    descender: int = field(init=False)

    def __post_init__(self) -> None:
        face = hb.Face(hb.Blob.from_file_path(str(self.path)))
        self.font = hb.Font(face)
        self.upem = face.upem
        extents = self.font.get_font_extents("ltr")
        self.ascender = extents.ascender
        self.descender = extents.descender


class Shaper:
    """Shapes words of one face and remembers the results.

    ``width(text, rtl)`` is all the line breaker needs; ``shape(text, rtl)`` gives the glyphs
    for the PDF writer. Both hit the same cache.
    """

    def __init__(self, face: Face) -> None:
        self.face = face
        self._cache: dict[tuple[str, bool], Shaped] = {}
        self._points: dict[float, dict[str, float]] = {}
        self.missing = 0  # glyphs the font does not have (.notdef), over all words shaped

    def shape(self, text: str, rtl: bool) -> Shaped:
        """The glyphs of ``text`` (one direction, no line break inside)."""
        key = (text, rtl)
        shaped = self._cache.get(key)
        if shaped is None:
            shaped = self._cache[key] = self._shape(text, rtl)
        return shaped

    def width(self, text: str, rtl: bool) -> int:
        """Advance width of ``text`` in font units."""
        key = (text, rtl)
        shaped = self._cache.get(key)
        if shaped is None:
            shaped = self._cache[key] = self._shape(text, rtl)
        return shaped.width

    def rtl_widths(self, size: float) -> dict[str, float]:
        """Widths in points at ``size`` of the right-to-left words measured so far, for the
        caller to read and fill: the line breaker's fast path for Arabic paragraphs."""
        widths = self._points.get(size)
        if widths is None:
            widths = self._points[size] = {}
        return widths

    def shape_words_rtl(self, words: list[str]) -> None:
        """Shape right-to-left ``words`` into the cache, those that start with an Arabic
        letter in one HarfBuzz buffer (separated by spaces), the others one by one.

        Same glyphs as shaping each word alone (a space joins with nothing and kerning is
        off; tests compare both on whole articles), for a tenth of the calls: a 2 MB article
        with a large vocabulary spent most of its shaping time in per-call overhead."""
        cache = self._cache
        batch = []
        for w in words:
            if (w, True) in cache:
                continue
            if _BATCHABLE.match(w):
                batch.append(w)
            else:
                cache[(w, True)] = self._shape(w, True)
        for i in range(0, len(batch), _BATCH):
            self._shape_batch(batch[i : i + _BATCH])

    def _shape_batch(self, words: list[str]) -> None:
        owner: list[int] = []
        starts: list[int] = []
        pos = 0
        for k, w in enumerate(words):
            starts.append(pos)
            owner += [k] * len(w)
            owner.append(-1)  # the separating space
            pos += len(w) + 1
        buf = hb.Buffer()
        buf.add_str(" ".join(words))
        buf.guess_segment_properties()
        buf.direction = "rtl"
        buf.language = "ar"
        buf.cluster_level = 0
        hb.shape(self.face.font, buf, FEATURES)
        glyphs: list[list[Glyph]] = [[] for _ in words]
        for info, p in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
            c = info.cluster
            k = owner[c]
            if k >= 0:
                glyphs[k].append((info.codepoint, c - starts[k], p.x_advance, p.x_offset,
                                  p.y_offset))
        cache = self._cache
        for w, gs in zip(words, glyphs, strict=True):
            width = 0
            for g in gs:
                width += g[2]
                if g[0] == 0:
                    self.missing += 1
            cache[(w, True)] = Shaped(w, tuple(gs), width)

    def _shape(self, text: str, rtl: bool) -> Shaped:
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.direction = "rtl" if rtl else "ltr"
        if rtl:
            buf.language = "ar"
        buf.cluster_level = 0  # a letter and its marks form one cluster
        hb.shape(self.face.font, buf, FEATURES)
        glyphs = tuple(
            (i.codepoint, i.cluster, p.x_advance, p.x_offset, p.y_offset)
            for i, p in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
        )
        width = 0
        for g in glyphs:
            width += g[2]
            if g[0] == 0:
                self.missing += 1
        return Shaped(text, glyphs, width)

    def __len__(self) -> int:
        return len(self._cache)
