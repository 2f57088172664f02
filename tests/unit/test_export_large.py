"""A long article is exported whole: Qt's printer path silently stopped at 613 pages."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from benchmarks.harness import make_large_article
from reader.export import export_pdf
from reader.model import load_article

from .test_export_support import contains_in_order, pdftotext, words


def _body(page_text: str) -> str:
    """A page's text without its running header (first line) and footer (last line)."""
    lines = [ln for ln in page_text.splitlines() if ln.strip()]
    return "\n".join(lines[1:-1])


@pytest.mark.slow
def test_two_megabyte_article_ends_on_the_last_page(tmp_path: Path) -> None:
    source = make_large_article(2_000_000, tmp_path / "big.txt")
    article = load_article(source)
    out = tmp_path / "big.pdf"
    report = export_pdf(article, out)

    reader = pypdf.PdfReader(out)
    n = len(reader.pages)
    assert report.pages == n > 450
    last_section = article.sections[-1]
    last_paragraph = last_section.blocks[-1].text
    last_page = words(pdftotext(out, n, n))
    tail = words(last_paragraph)[-25:]
    assert contains_in_order(last_page, tail), "the article's last words are not on the last page"
    # the whole last paragraph is there, on the last page or the two last ones (without
    # the running header and the footer between them)
    body = [_body(pdftotext(out, page, page)) for page in (n - 1, n)]
    assert contains_in_order(words("\n".join(body)), words(last_paragraph))
    # and every section has its bookmark, the last one on one of the last pages
    assert report.bookmarks == len(article.headed_sections())
    outline = [item for item in reader.outline if not isinstance(item, list)]
    assert len(outline) == len(article.headed_sections())
    assert outline[-1].title == last_section.heading
    last_bookmark_page = reader.get_destination_page_number(outline[-1])
    assert last_bookmark_page is not None and last_bookmark_page + 1 >= n - 1
