"""The PDF's text layer gives the article back: words, word order, mixed directions."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.export import export_pdf
from reader.model import load_article

from .test_export_support import (
    PRESENTATION_FORMS,
    article_text,
    contains_in_order,
    fidelity,
    pdftotext,
    words,
)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import SAMPLE

    out = tmp_path_factory.mktemp("fidelity") / "sample.pdf"
    export_pdf(load_article(SAMPLE), out)
    return out


@pytest.fixture(scope="module")
def mixed_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """(source text, extracted text) of tests/data/export_mixed.txt."""
    from tests.conftest import DATA

    src = DATA / "export_mixed.txt"
    out = tmp_path_factory.mktemp("fidelity") / "mixed.pdf"
    export_pdf(load_article(src), out)
    return src.read_text(encoding="utf-8"), pdftotext(out)


def test_sample_text_layer_meets_the_issue_threshold(sample_path: Path, sample_pdf: Path) -> None:
    """The issue's bar, measured like ../shared/tools/pdf_text_fidelity.py."""
    recall, pair_order = fidelity(sample_path.read_text(encoding="utf-8-sig"),
                                  pdftotext(sample_pdf))
    assert recall >= 0.99, recall
    assert pair_order >= 0.98, pair_order


def test_sample_article_text_comes_back_nearly_whole(sample_path: Path, sample_pdf: Path) -> None:
    """Against what the article holds (the file's "read also" residue is not exported), only
    the page breaks (running header and footer between two pages) may cost word pairs."""
    article = load_article(sample_path)
    recall, pair_order = fidelity(article_text(article), pdftotext(sample_pdf))
    assert recall == 1.0
    assert pair_order >= 0.995


def test_text_layer_is_logical_unicode_not_presentation_forms(sample_pdf: Path) -> None:
    text = pdftotext(sample_pdf)
    assert not PRESENTATION_FORMS.search(text)
    assert "العلاقات بين العراق وسوريا" in text  # logical order, base letters


def test_mixed_article_round_trips(mixed_pdf: tuple[str, str]) -> None:
    source, extracted = mixed_pdf
    assert fidelity(source, extracted) == (1.0, 1.0)


def test_english_word_inside_arabic_keeps_its_place(mixed_pdf: tuple[str, str]) -> None:
    _, extracted = mixed_pdf
    out = words(extracted)
    assert contains_in_order(out, words("يستخدم البرنامج مكتبة Qt لعرض النصوص في النافذة"))
    assert contains_in_order(out, words("ووصلها بمحرك HarfBuzz"))


def test_paragraph_starting_with_a_number_keeps_its_order(mixed_pdf: tuple[str, str]) -> None:
    _, extracted = mixed_pdf
    assert contains_in_order(words(extracted), words("2025: عام جديد من العمل على قارئ"))
    line = next(ln for ln in extracted.splitlines() if "2025" in ln)
    assert line.index("2025") < line.index("عام")  # "2025" first in reading order


def test_list_items_keep_their_text(mixed_pdf: tuple[str, str]) -> None:
    _, extracted = mixed_pdf
    lines = [ln for ln in extracted.splitlines() if "•" in ln]
    assert len(lines) == 3
    assert contains_in_order(words(lines[0]), words("تحليل المقالة إلى عناوين"))


def test_vocalised_text_keeps_its_letters_and_marks(mixed_pdf: tuple[str, str]) -> None:
    source, extracted = mixed_pdf
    verse = next(ln for ln in source.splitlines() if ln.startswith("قال الشاعر"))
    assert contains_in_order(words(extracted), words(verse))
    # The marks are in the text layer too (not only drawn): most words come back with them.
    marked = [w for w in verse.split() if any("\u064b" <= c <= "\u0652" for c in w)]
    got = sum(w.strip("،.") in extracted for w in marked)
    assert got >= 0.5 * len(marked), (got, len(marked))


def test_word_styled_in_part_comes_back_whole(tmp_path: Path) -> None:
    from reader.model import Article, Block, BlockKind, Format, Section, Source, Span, SpanKind

    text = "نص فيه كلمة مهمة في وسطها تغيير خط."
    start = text.index("كلمة") + 2
    block = Block(BlockKind.PARAGRAPH, text, spans=(Span(start, start + 2, SpanKind.STRONG),))
    article = Article("عنوان", Source(None, Format.MARKDOWN, "utf-8"),
                      [Section(0, None, 1, [block])])
    out = tmp_path / "styled.pdf"
    export_pdf(article, out)
    assert contains_in_order(words(pdftotext(out)), words(text))
