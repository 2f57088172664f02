"""What the pages look like: glyphs drawn as HarfBuzz placed them, joined, right-aligned.

The export draws each cluster (a letter with its marks) as one composite glyph added to the
embedded font. These tests rasterize words drawn that way (by poppler) and the same words
drawn by Pillow's own FreeType + raqm/HarfBuzz text layout, and compare the pixels.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, features

from reader.export import export_pdf
from reader.export.engine import make_shapers
from reader.export.fonts import Style, font_path
from reader.export.paginate import Geometry, Page
from reader.export.pdf import PdfWriter
from reader.model import load_article

WORDS = [
    ("الْعَرَبِيَّةُ", True),  # fully vocalised: marks stacked above and below
    ("بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ", True),
    ("غِلَابَا", True),
    ("ولكن", True),  # a lam drawn with two glyphs
    ("تقارباً", True),  # tanween on alef
    ("العلاقات", True),  # lam-alef
    ("قارئ", True),
    ("HarfBuzz 2025", False),
]
SIZE = 28.0
W, H = 600.0, 70.0 * len(WORDS) + 40


def _raster(pdf: Path, dpi: int = 100) -> Image.Image:
    exe = shutil.which("pdftoppm")
    if exe is None:
        pytest.fail("pdftoppm is missing: install poppler-utils")
    prefix = pdf.with_suffix("")
    subprocess.run([exe, "-png", "-r", str(dpi), "-singlefile", str(pdf), str(prefix)],
                   check=True)
    return Image.open(prefix.with_suffix(".png")).convert("L")


def _ours(path: Path) -> None:
    shapers = make_shapers()
    writer = PdfWriter(Geometry(W, H, 0, W, 0, H), shapers)
    gw = writer.writer(Style.REGULAR)
    ops = [f"/F{gw.font.i} {SIZE:.2f} Tf"]
    for i, (word, rtl) in enumerate(WORDS):
        y = H - (60 + 70 * i)
        ops.append(f"1 0 0 1 40 {y:.2f} Tm [{gw.piece(word, rtl)}] TJ")
    writer.add_page(Page(1), "\n".join(ops) + "\n", "", [])
    path.write_bytes(writer.output())


def _reference(dpi: int) -> list[Image.Image]:
    """The words drawn by Pillow's own FreeType and raqm (HarfBuzz) text layout: an
    independent rendering of the same font, shaped with the same features."""
    font = ImageFont.truetype(str(font_path(Style.REGULAR)), round(SIZE * dpi / 72),
                              layout_engine=ImageFont.Layout.RAQM)
    rows = []
    for word, rtl in WORDS:
        img = Image.new("L", (round(W * dpi / 72), round(70 * dpi / 72)), 255)
        ImageDraw.Draw(img).text((20, 10), word, font=font, fill=0, features=["-kern"],
                                 direction="rtl" if rtl else "ltr",
                                 language="ar" if rtl else "en")
        ink = _ink(img)
        box = ink.getbbox()
        assert box is not None
        rows.append(ink.crop(box))
    return rows


def _ink(img: Image.Image) -> Image.Image:
    return img.point(lambda v: 255 if v < 128 else 0)


def _rows(img: Image.Image, dpi: int) -> list[Image.Image]:
    """Each word's row, cropped to its ink."""
    k = dpi / 72
    out = []
    for i in range(len(WORDS)):
        row = _ink(img.crop((0, round((20 + 70 * i) * k), img.size[0], round((85 + 70 * i) * k))))
        box = row.getbbox()
        assert box is not None, f"nothing drawn for {WORDS[i][0]}"
        out.append(row.crop(box))
    return out


def _missed(a: Image.Image, b: Image.Image, tolerance: int = 2) -> int:
    """Ink pixels of either image with no ink of the other within ``tolerance`` pixels
    (rasterizers differ by a pixel here and there; a misplaced mark does not)."""
    size = (max(a.size[0], b.size[0]), max(a.size[1], b.size[1]))
    pa, pb = Image.new("L", size, 0), Image.new("L", size, 0)
    pa.paste(a, (0, 0))
    pb.paste(b, (0, 0))
    grow = ImageFilter.MaxFilter(2 * tolerance + 1)
    return (ImageChops.subtract(pa, pb.filter(grow)).histogram()[255]
            + ImageChops.subtract(pb, pa.filter(grow)).histogram()[255])


def test_composite_glyphs_draw_exactly_what_harfbuzz_placed(tmp_path: Path) -> None:
    if not features.check("raqm"):
        pytest.skip("Pillow without raqm: no independent text rendering to compare with")
    ours = tmp_path / "ours.pdf"
    _ours(ours)
    dpi = 150
    mine, reference = _rows(_raster(ours, dpi), dpi), _reference(dpi)
    for (word, _), a, b in zip(WORDS, mine, reference, strict=True):
        assert abs(a.size[0] - b.size[0]) <= 4 and abs(a.size[1] - b.size[1]) <= 2, (
            word, a.size, b.size)
        ink = b.histogram()[255]
        assert _missed(a, b) <= 0.02 * ink, (word, _missed(a, b), ink)
    # the comparison does tell two different words apart
    assert _missed(mine[0], reference[2]) > 0.5 * reference[2].histogram()[255]


def test_words_are_joined_not_isolated_letters() -> None:
    """A joined word is narrower than its letters drawn apart (isolated forms)."""
    shaper = make_shapers()[Style.REGULAR]
    word = "العربية"
    joined = shaper.width(word, True)
    isolated = sum(shaper.width(ch, True) for ch in word)
    assert joined < 0.85 * isolated


def test_sample_page_is_dark_on_white(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "s.pdf"
    export_pdf(load_article(sample_path), out)
    img = _raster(out, dpi=50)
    w, h = img.size
    hist = img.histogram()
    assert sum(hist[200:]) > 0.85 * w * h  # mostly white paper
    assert sum(hist[:60]) > 0.005 * w * h  # and dark text


def _line_boxes(pdf: Path, page: int) -> list[tuple[float, float]]:
    """(xMin, xMax) of every text line of a page, from poppler's layout analysis."""
    out = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page),
                          str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(a), float(b))
            for a, b in re.findall(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', out)]


def test_body_is_justified_right_to_left(tmp_path: Path, sample_path: Path) -> None:
    """Every line ends on the right margin; full lines also reach the left margin; the
    short last lines of paragraphs stay on the right (not flipped to the left)."""
    out = tmp_path / "s.pdf"
    export_pdf(load_article(sample_path), out)
    boxes = _line_boxes(out, 1)[:-1]  # without the footer
    assert len(boxes) > 15
    right = max(b for _, b in boxes)
    assert all(abs(b - right) < 0.5 for _, b in boxes), boxes
    left = min(a for a, _ in boxes)
    full = [a for a, _ in boxes if abs(a - left) < 0.5]
    short = [a for a, _ in boxes if a > left + 20]
    assert len(full) > 10 and len(short) >= 3
