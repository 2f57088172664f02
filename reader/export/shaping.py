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

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import uharfbuzz as hb

#: Kerning off: with it, pdftotext split words at kerned pairs (measured in the brief).
FEATURES = {"kern": False}


class Cluster(NamedTuple):
    """The glyphs standing for ``text`` (a letter with its marks, a ligature's letters),
    left to right. ``glyphs`` holds ``(gid, x, y)``: each glyph's offset from the cluster's
    origin; ``advance`` moves to the next cluster. Lengths are in font units."""

    text: str
    glyphs: tuple[tuple[int, int, int], ...]
    advance: int


class Shaped(NamedTuple):
    """A shaped word: clusters left to right and the total advance in font units."""

    clusters: tuple[Cluster, ...]
    width: int


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

    def _shape(self, text: str, rtl: bool) -> Shaped:
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.direction = "rtl" if rtl else "ltr"
        if rtl:
            buf.language = "ar"
        buf.cluster_level = 0  # a letter and its marks form one cluster
        hb.shape(self.face.font, buf, FEATURES)
        infos = buf.glyph_infos
        positions = buf.glyph_positions
        # The characters of each cluster: from its start to the next cluster's start.
        starts = sorted({info.cluster for info in infos})
        ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
        clusters: list[Cluster] = []
        glyphs: list[tuple[int, int, int]] = []
        current = -1
        pen = 0  # advance of the current cluster so far
        width = 0
        for info, pos in zip(infos, positions, strict=True):
            if info.cluster != current:
                if glyphs:
                    clusters.append(Cluster(text[current : ends[current]], tuple(glyphs), pen))
                current, glyphs, pen = info.cluster, [], 0
            if info.codepoint == 0:
                self.missing += 1
            glyphs.append((info.codepoint, pen + pos.x_offset, pos.y_offset))
            pen += pos.x_advance
            width += pos.x_advance
        if glyphs:
            clusters.append(Cluster(text[current : ends[current]], tuple(glyphs), pen))
        return Shaped(tuple(clusters), width)

    def __len__(self) -> int:
        return len(self._cache)
