"""What the exported PDF is, read back with pypdf: outline, metadata, fonts, pages, links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pytest

from reader.export import Margins, PdfOptions, export_pdf, page_label
from reader.model import Article, load_article

from .test_export_support import mixed_article, pdftotext, words

MM = 72 / 25.4


@pytest.fixture(scope="module")
def sample_article() -> Article:
    from tests.conftest import SAMPLE

    return load_article(SAMPLE)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory, sample_article: Article) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    report = export_pdf(sample_article, out)
    assert report.pages == len(pypdf.PdfReader(out).pages)
    return out


@pytest.fixture(scope="module")
def mixed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "mixed.pdf"
    export_pdf(mixed_article(), out)
    return out


def _outline(reader: pypdf.PdfReader, items: list[Any], depth: int = 0
             ) -> list[tuple[str, int, int]]:
    """(title, depth, page number) of every bookmark, in order."""
    out: list[tuple[str, int, int]] = []
    for item in items:
        if isinstance(item, list):
            out += _outline(reader, item, depth + 1)
        else:
            page = reader.get_destination_page_number(item)
            assert page is not None
            out.append((item.title, depth, page + 1))
    return out


def _root(reader: pypdf.PdfReader) -> Any:
    return reader.trailer["/Root"]


def _page_of(pdf: Path, pages: int, text: str) -> int:
    """First page (from 1) with a line that is ``text`` (a heading)."""
    for i in range(pages):
        lines = pdftotext(pdf, i + 1, i + 1).splitlines()
        if any(words(line) == words(text) for line in lines):
            return i + 1
    raise AssertionError(f"not found: {text}")


def test_outline_mirrors_the_sections_and_points_at_their_pages(
    sample_pdf: Path, sample_article: Article
) -> None:
    reader = pypdf.PdfReader(sample_pdf)
    got = _outline(reader, reader.outline)
    headings = [s.heading for s in sample_article.headed_sections()]
    assert [t for t, _, _ in got] == headings
    assert all(d == 0 for _, d, _ in got)
    for title, _, page in got:
        assert _page_of(sample_pdf, len(reader.pages), title) == page, title
    assert _root(reader)["/PageMode"] == "/UseOutlines"


def test_outline_nests_subsections(mixed_pdf: Path) -> None:
    reader = pypdf.PdfReader(mixed_pdf)
    assert _outline(reader, reader.outline) == [
        ("العنوان الأول", 0, 1), ("عنوان فرعي", 1, 1), ("العنوان الثالث", 0, 1)
    ]


def test_bookmark_points_at_its_heading_on_the_page(sample_pdf: Path) -> None:
    """The destination's top is the heading's position, not the top of the page."""
    reader = pypdf.PdfReader(sample_pdf)
    tops = [float(item.top or 0) for item in reader.outline if not isinstance(item, list)]
    height = float(reader.pages[0].mediabox.height)
    assert all(0 < t < height for t in tops)
    assert len(set(tops)) > 1


def test_metadata(sample_pdf: Path, mixed_pdf: Path, sample_article: Article) -> None:
    meta = pypdf.PdfReader(sample_pdf).metadata
    assert meta is not None
    assert meta.title == sample_article.title
    assert meta.creator == "Qari"
    assert meta.author is None  # not known for the sample
    root = _root(pypdf.PdfReader(sample_pdf))
    assert root["/Lang"] == "ar"
    assert root["/ViewerPreferences"]["/Direction"] == "/R2L"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    mixed = pypdf.PdfReader(mixed_pdf).metadata
    assert mixed is not None and mixed.author == "كاتب المقال"


def test_fonts_are_embedded_subsets(sample_pdf: Path) -> None:
    reader = pypdf.PdfReader(sample_pdf)
    seen = {}
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            cid = font["/DescendantFonts"][0].get_object()
            desc = cid["/FontDescriptor"].get_object()
            seen[font["/BaseFont"]] = ("/FontFile2" in desc, "/ToUnicode" in font)
    assert seen, "no fonts"
    for name, (embedded, to_unicode) in seen.items():
        assert embedded and to_unicode, name
        assert name.split("+")[0].isupper() and "+" in name and "Amiri" in name  # subset tag
    assert any("Bold" in name for name in seen)  # headings


def test_footer_counts_pages_in_arabic_indic_digits(sample_pdf: Path) -> None:
    reader = pypdf.PdfReader(sample_pdf)
    n = len(reader.pages)
    assert n >= 2
    for i in range(1, n + 1):
        text = pdftotext(sample_pdf, i, i)
        assert words(page_label(i, n, "ar")) == words(text)[-4:], text[-80:]
    assert page_label(3, 7, "ar") == "صفحة ٣ من ٧"


def test_english_footer(tmp_path: Path, sample_article: Article) -> None:
    out = tmp_path / "en.pdf"
    export_pdf(sample_article, out, PdfOptions(ui_language="en"))
    n = len(pypdf.PdfReader(out).pages)
    assert f"Page 2 of {n}" in pdftotext(out, 2, 2)
    assert page_label(3, 7, "en") == "Page 3 of 7"


def test_running_header_with_the_title_from_page_two(
    sample_pdf: Path, sample_article: Article
) -> None:
    first = words(pdftotext(sample_pdf, 1, 1))
    second = words(pdftotext(sample_pdf, 2, 2))
    title = words(sample_article.title)
    assert first[: len(title)] == title  # the title opens page 1 (no header above it)
    assert second[: len(title)] == title  # the running header
    starts = [i for i in range(len(first)) if first[i : i + len(title)] == title]
    assert starts == [0]


@pytest.mark.parametrize(
    ("paper", "orientation", "size_mm"),
    [("a4", "portrait", (210, 297)), ("letter", "portrait", (215.9, 279.4)),
     ("a4", "landscape", (297, 210))],
)
def test_paper_sizes(tmp_path: Path, sample_article: Article, paper: str, orientation: str,
                     size_mm: tuple[float, float]) -> None:
    out = tmp_path / "p.pdf"
    export_pdf(sample_article, out, PdfOptions(paper=paper, orientation=orientation))  # type: ignore[arg-type]
    box = pypdf.PdfReader(out).pages[0].mediabox
    assert float(box.width) == pytest.approx(size_mm[0] * MM, abs=0.1)
    assert float(box.height) == pytest.approx(size_mm[1] * MM, abs=0.1)


def test_margins_move_the_text(tmp_path: Path, sample_article: Article) -> None:
    narrow, wide = tmp_path / "narrow.pdf", tmp_path / "wide.pdf"
    narrow_report = export_pdf(sample_article, narrow, PdfOptions(margins=Margins(10, 10, 10, 10)))
    wide_report = export_pdf(sample_article, wide, PdfOptions(margins=Margins(40, 40, 40, 40)))
    assert wide_report.pages > narrow_report.pages


def test_external_links_are_clickable(mixed_pdf: Path) -> None:
    page = pypdf.PdfReader(mixed_pdf).pages[0]
    annots = [a.get_object() for a in page.get("/Annots", [])]
    uris = [a["/A"]["/URI"] for a in annots if "/A" in a]
    assert uris == ["https://example.org/report"]
    internal = [a for a in annots if "/Dest" in a]
    assert len(internal) == 1  # "#first" goes to the heading with that anchor


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError):
        PdfOptions(paper="a3")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        PdfOptions(margins=Margins(150, 20, 150, 20))


def test_suggested_file_name_comes_from_the_title(sample_article: Article) -> None:
    from reader.export import suggested_filename
    from reader.model import Format, Source

    assert suggested_filename(sample_article) == sample_article.title + ".pdf"
    odd = Article('سؤال: هل/أين؟ "نعم" <لا>', Source(None, Format.TEXT, "utf-8"), [])
    name = suggested_filename(odd)
    assert name.endswith(".pdf") and not set('/\\:*?"<>|') & set(name)
    assert name.startswith("سؤال")
    assert len(suggested_filename(Article("كلمة " * 100, odd.source, []))) <= 84
    assert suggested_filename(Article(" / ", Source(Path("x/مقال.txt"), Format.TEXT, "utf-8"),
                                      [])) == "مقال.pdf"
    assert suggested_filename(Article("", odd.source, [])) == "article.pdf"
