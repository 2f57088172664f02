"""A Markdown article through the real parser: quote, link, nested list, subsection."""

from __future__ import annotations

from pathlib import Path

import pypdf

from reader.export import draw_page, export_pdf, typeset
from reader.model import load_article
from tests.conftest import DATA

from .test_export_support import article_text, contains_in_order, fidelity, pdftotext, words

SOURCE = DATA / "export_markdown.md"


def test_markdown_article_exports_with_its_structure(tmp_path: Path) -> None:
    article = load_article(SOURCE)
    out = tmp_path / "md.pdf"
    export_pdf(article, out)
    extracted = pdftotext(out)
    assert fidelity(article_text(article), extracted) == (1.0, 1.0)
    assert contains_in_order(words(extracted), words("2025: عام العمل على النسخة الأولى"))
    reader = pypdf.PdfReader(out)
    outline = reader.outline
    assert outline[0].title == "الاقتباس والروابط"
    assert isinstance(outline[1], list) and outline[1][0].title == "قائمة الخطوات"
    annots = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    assert [a["/A"]["/URI"] for a in annots if "/A" in a] == ["https://example.org/ministry"]


def test_markdown_quote_has_its_bar_and_list_its_markers() -> None:
    doc = typeset(load_article(SOURCE))
    drawing = draw_page(doc, doc.pages[0])
    vertical = [r for r in drawing.rules if r.x1 == r.x2]
    assert vertical, "the quote's bar is missing"
    assert all(r.x1 > doc.geometry.right - 40 for r in vertical)  # on the right (start) side
    items = [lb for lb in doc.laid if lb.marker is not None]
    assert ["".join(lb.marker.texts).replace("\u200f", "") for lb in items if lb.marker] == [
        "1.", "2.", "•"
    ]
    assert items[2].right < items[0].right  # the nested item is indented further
