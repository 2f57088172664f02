"""The text layer: character codes for shaped words, in one embedded font per style.

The text layer is laid out like the page: each character of a cluster gets its own box, edge
to edge on the baseline, in visual order (in a right-to-left cluster the character that comes
later in the text is further left). Extractors that read boxes and reorder right-to-left
lines (poppler, pdf.js) then give the text back in logical order, marks after their letters.
Every code maps to real characters (ToUnicode): never presentation forms, never reversed
text. A cluster of several glyphs (a letter with its marks) or a glyph moved off its pen
position is drawn with a composite glyph added to the embedded font, so nothing on the page
is shifted up or sideways, which extractors would read as a word break.
"""

from __future__ import annotations

import unicodedata

from fontTools.pens.ttGlyphPen import TTGlyphPen
from fpdf.fonts import TTFFont

from .errors import ExportError
from .lines import ZWJ
from .shaping import Cluster, Glyphs, Shaper

#: Narrowest box a character may get in the text layer, in thousandths of an em: poppler
#: reads two characters starting closer than 0.1 em apart as duplicated text.
MIN_BOX = 102


class GlyphWriter:
    """Turns shaped words of one face into ``TJ`` array fragments, cached per word.

    A cluster's glyphs are drawn once, by its leftmost character box; its other boxes draw
    an empty glyph. Codes are registered in fpdf2's subset of the font, which writes the
    widths and the ToUnicode map.
    """

    def __init__(self, shaper: Shaper, font: TTFFont) -> None:
        self.shaper = shaper
        self.font = font
        self.scale = 1000 / shaper.face.upem
        self._codes: dict[tuple[Glyphs, str, int], str] = {}
        self._composites: dict[Glyphs, str] = {}
        self._added: dict[str, int] = {}  # glyph ids of the glyphs added to the font
        #: Ready-made ``TJ`` fragments per word, for right-to-left and left-to-right words.
        self.pieces: dict[bool, dict[str, str]] = {True: {}, False: {}}
        self._simple: dict[tuple[int, str, int], str] = {}
        self._clusters: dict[tuple[Cluster, bool], list[str]] = {}
        self.added_glyphs = False

    def _code(self, glyphs: Glyphs, text: str, width: int) -> str:
        """The 4-hex-digit code drawing ``glyphs`` (none: nothing) for ``text``, ``width``
        thousandths of an em wide."""
        key = (glyphs, text, width)
        code = self._codes.get(key)
        if code is None:
            ttfont = self.font.ttfont
            if not glyphs:
                name = self._composite(())
            elif len(glyphs) == 1 and glyphs[0][1] == 0 and glyphs[0][2] == 0:
                name = ttfont.getGlyphName(glyphs[0][0])
            else:
                name = self._composite(glyphs)
            glyph = self.font.subset.get_glyph(
                glyph=self._added.get(name) or ttfont.getGlyphID(name),
                unicode=tuple(map(ord, text)),
                glyph_name=name,
                glyph_width=width,
            )
            cid = self.font.subset.pick_glyph(glyph)
            if cid is None or cid > 0xFFFF:
                raise ExportError(
                    "المقالة تحتاج أشكالًا للحروف أكثر مما يتسع له ملف PDF واحد",
                    "The article needs more distinct glyph shapes than one PDF font can hold",
                )
            code = self._codes[key] = f"{cid:04X}"
        return code

    def _composite(self, glyphs: Glyphs) -> str:
        """Name of a glyph made of ``glyphs`` at their offsets, added to the font once
        (no glyphs: an empty glyph)."""
        name = self._composites.get(glyphs)
        if name is None:
            ttfont = self.font.ttfont
            glyf = ttfont["glyf"]
            pen = TTGlyphPen(glyf)
            for gid, x, y in glyphs:
                pen.addComponent(ttfont.getGlyphName(gid), (1, 0, 0, 1, x, y))
            name = f"qari.{len(self._composites)}"
            glyph = pen.glyph()
            glyf[name] = glyph
            self._added[name] = len(glyf.glyphOrder) - 1
            # The left side bearing must match the outline (components may sit left of the
            # origin): rasterizers align the outline to it.
            glyph.recalcBounds(glyf)
            ttfont["hmtx"][name] = (0, getattr(glyph, "xMin", 0))
            self._composites[glyphs] = name
            self.added_glyphs = True
        return name

    def _cluster_codes(self, cluster: Cluster, rtl: bool) -> list[str]:
        """Codes for one cluster: one box per letter (marks share one), left to right."""
        advance = self._w(cluster.advance)
        units = _units(cluster.text)
        n = len(units)
        if n == 1 or advance < MIN_BOX * n:
            return [self._code(cluster.glyphs, cluster.text, advance)]
        if rtl:
            units.reverse()
        widths = [advance // n] * n
        widths[0] += advance - sum(widths)
        codes = [self._code(cluster.glyphs, units[0], widths[0])]
        codes += [self._code((), u, w) for u, w in zip(units[1:], widths[1:], strict=True)]
        return codes

    def piece(self, text: str, rtl: bool) -> str:
        """``TJ`` array elements drawing ``text`` from the current point and advancing by its
        shaped width (a glyph the font lacks leaves its space blank)."""
        cache = self.pieces[rtl]
        piece = cache.get(text)
        if piece is not None:
            return piece
        shaped = self.shaper.shape(text, rtl)
        simple = self._simple
        positioned = shaped.glyphs
        n = len(text)
        if len(positioned) == n and ZWJ not in text:  # maybe one glyph per letter, in place
            expected, step = (n - 1, -1) if rtl else (0, 1)
            codes = []
            for gid, c, advance, x_offset, y_offset in positioned:
                if c != expected or not gid or x_offset or y_offset:
                    break
                expected += step
                ch = text[c]
                code = simple.get((gid, ch, advance))
                if code is None:
                    code = simple[(gid, ch, advance)] = self._code(((gid, 0, 0),), ch,
                                                                  self._w(advance))
                codes.append(code)
            else:
                piece = cache[text] = "<" + "".join(codes) + ">"
                return piece
        missing = any(not g[0] for g in positioned)
        parts: list[str] = []
        codes = []
        for cluster in shaped.clusters():
            ctext, glyphs, advance = cluster
            if ZWJ in ctext:  # a joiner added at a style change: not part of the text
                ctext = ctext.replace(ZWJ, "")
                if not ctext:
                    continue
                cluster = Cluster(ctext, glyphs, advance)
            if len(glyphs) == 1 and len(ctext) == 1 and glyphs[0][0]:
                gid, x, y = glyphs[0]
                if not x and not y:  # the common case: one glyph for one letter, in place
                    skey = (gid, ctext, advance)
                    code = simple.get(skey)
                    if code is None:
                        code = simple[skey] = self._code(glyphs, ctext, self._w(advance))
                    codes.append(code)
                    continue
            if missing and any(gid == 0 for gid, _, _ in glyphs):
                if codes:
                    parts.append("<" + "".join(codes) + ">")
                    codes = []
                parts.append(str(-self._w(advance)))
                continue
            ckey = (cluster, rtl)
            got = self._clusters.get(ckey)
            if got is None:
                got = self._clusters[ckey] = self._cluster_codes(cluster, rtl)
            codes += got
        if codes:
            parts.append("<" + "".join(codes) + ">")
        piece = cache[text] = " ".join(parts)
        return piece

    def _w(self, advance: int) -> int:
        """Font units to thousandths of an em."""
        return advance if self.scale == 1 else round(advance * self.scale)

    def finish(self) -> None:
        """Make the font's glyph index know the added glyphs (before fpdf2 subsets it)."""
        if self.added_glyphs:
            self.font.ttfont.setGlyphOrder(self.font.ttfont["glyf"].glyphOrder)


def _units(text: str) -> list[str]:
    """A cluster's text cut into letters, the marks after a letter in a unit of their own:
    "بِّ" -> ["ب", "ِّ"]."""
    units: list[str] = []
    for ch in text:
        if units and _is_mark(ch) and _is_mark(units[-1][0]):
            units[-1] += ch
        else:
            units.append(ch)
    return units


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me")
