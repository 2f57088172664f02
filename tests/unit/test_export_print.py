"""Printing: :func:`reader.export.draw_page` painted with Qt looks like the exported PDF.

This is how the window prints and previews (``QRawFont`` + ``QGlyphRun`` on a painter
scaled to points); the test paints a page offscreen and compares it with poppler's
rendering of the same page of the PDF.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter

from reader.export import PageDrawing, draw_page, render_pdf, typeset
from reader.model import load_article

from .test_export_support import mixed_article

DPI = 100


def paint(drawing: PageDrawing, dpi: int, path: Path) -> None:
    """Paint a page the way a QPrinter would be painted, into a PNG file."""
    from PySide6.QtCore import QLineF, QPointF, Qt
    from PySide6.QtGui import QColor, QGlyphRun, QImage, QPainter, QPen, QRawFont

    k = dpi / 72
    image = QImage(round(drawing.width * k), round(drawing.height * k),
                   QImage.Format.Format_Grayscale8)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(k, k)
    fonts: dict[tuple[str, float], QRawFont] = {}
    for run in drawing.runs:
        key = (str(run.font), run.size)
        if key not in fonts:
            fonts[key] = QRawFont(str(run.font), run.size)
        glyphs = QGlyphRun()
        glyphs.setRawFont(fonts[key])
        glyphs.setGlyphIndexes(list(run.glyphs))
        glyphs.setPositions([QPointF(x, y) for x, y in run.positions])
        painter.setPen(QColor.fromRgbF(*run.rgb))
        painter.drawGlyphRun(QPointF(0, 0), glyphs)
    for rule in drawing.rules:
        painter.setPen(QPen(QColor.fromRgbF(rule.gray, rule.gray, rule.gray), rule.width))
        painter.drawLine(QLineF(rule.x1, rule.y1, rule.x2, rule.y2))
    painter.end()
    assert image.save(str(path))


def _poppler(pdf: Path, page: int, dpi: int, prefix: Path) -> Image.Image:
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(prefix)], check=True)
    return Image.open(prefix.with_suffix(".png")).convert("L")


def _ink(img: Image.Image) -> Image.Image:
    return img.point(lambda v: 255 if v < 128 else 0)


def _missed(a: Image.Image, b: Image.Image, tolerance: int = 2) -> int:
    grow = ImageFilter.MaxFilter(2 * tolerance + 1)
    return (ImageChops.subtract(a, b.filter(grow)).histogram()[255]
            + ImageChops.subtract(b, a.filter(grow)).histogram()[255])


@pytest.mark.parametrize("which", ["sample", "mixed"])
def test_printed_page_matches_the_pdf(qapp: object, tmp_path: Path, sample_path: Path,
                                      which: str) -> None:
    article = load_article(sample_path) if which == "sample" else mixed_article()
    doc = typeset(article)
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(render_pdf(doc))
    page = doc.pages[-1] if which == "sample" else doc.pages[0]  # header, footer, quote bar
    drawing = draw_page(doc, page)
    assert drawing.runs and drawing.number == page.number
    paint(drawing, DPI, tmp_path / "qt.png")
    ours = _ink(Image.open(tmp_path / "qt.png").convert("L"))
    ref = _ink(_poppler(pdf, page.number, DPI, tmp_path / "poppler"))
    assert abs(ours.size[0] - ref.size[0]) <= 1 and abs(ours.size[1] - ref.size[1]) <= 1
    size = (min(ours.size[0], ref.size[0]), min(ours.size[1], ref.size[1]))
    ours, ref = ours.crop((0, 0, *size)), ref.crop((0, 0, *size))
    ink = ref.histogram()[255]
    assert ink > 5000
    assert _missed(ours, ref) <= 0.03 * ink, (_missed(ours, ref), ink)


def test_drawing_covers_header_footer_and_body(tmp_path: Path, sample_path: Path) -> None:
    doc = typeset(load_article(sample_path))
    first, second = draw_page(doc, doc.pages[0]), draw_page(doc, doc.pages[1])
    # page 2 has the running header and its rule, page 1 neither
    assert len(second.rules) == len(first.rules) + 1
    tops = sorted(y for run in second.runs for _, y in run.positions)
    assert tops[0] < doc.geometry.top  # header above the text area
    assert tops[-1] > doc.geometry.bottom  # footer below it
    sizes = {run.size for run in first.runs}
    assert max(sizes) > doc.options.font_size_pt > min(sizes)  # title, body, footer
