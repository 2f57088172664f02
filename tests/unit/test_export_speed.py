"""Export speed work must not change a single glyph: words shaped together in one HarfBuzz
buffer (:meth:`Shaper.shape_words_rtl`) come out exactly as words shaped one by one."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.export.fonts import Style, font_path
from reader.export.shaping import Face, Shaper

#: Vocalised words, lam-alef ligatures, a word starting with a mark, punctuation, tatweel,
#: Persian letters, joiners and a Latin word: the batch must take or leave each one right.
TRICKY = ["بِسْمِ", "اللَّهِ", "الرَّحْمَٰنِ", "لا", "لأن", "سلام", "\u064eكتب", "«قال»", "(مثلا)",
          "كـتـاب", "پژوهش", "گفت", "ك\u200dتب", "ك\u200cتب", "Qt", "٣٤", "؟", "،", "\ufdfa"]


@pytest.mark.parametrize("style", list(Style))
def test_batch_shaping_gives_the_glyphs_of_single_shaping(style: Style, sample_path: Path,
                                                          data_dir: Path) -> None:
    texts = [sample_path.read_text(encoding="utf-8-sig")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(data_dir.glob("*.txt"))]
    words = list(dict.fromkeys([w for t in texts for w in t.split()] + TRICKY))
    assert len(words) > 500
    face = Face(font_path(style))
    batch, single = Shaper(face), Shaper(face)
    batch.shape_words_rtl(words)
    assert len(batch) == len(words)
    differing = [w for w in words if batch.shape(w, True) != single.shape(w, True)]
    assert differing == []
    assert batch.missing == single.missing
