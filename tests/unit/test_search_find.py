"""Find in the article (the find bar's engine): what a reader types finds what is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import Article, Block, BlockKind, Format, Section, Source, load_article
from reader.search import (
    HEADING,
    TITLE,
    ArticleFinder,
    Match,
    find_in_article,
    section_match_counts,
)


@pytest.fixture(scope="module")
def sample() -> Article:
    return load_article(
        Path(__file__).resolve().parents[2] / "articles" / "iraq-syria-border-security.txt"
    )


def _text(article: Article, m: Match) -> str:
    if m.block == TITLE:
        return article.title[m.start : m.end]
    section = article.sections[m.section_id or 0]
    text = section.heading if m.block == HEADING else section.blocks[m.block].text
    assert text is not None
    return text[m.start : m.end]


def _article(*paragraphs: str, heading: str = "عنوان القسم", title: str = "العنوان") -> Article:
    blocks = [Block(BlockKind.PARAGRAPH, p) for p in paragraphs]
    source = Source(path=None, format=Format.TEXT, encoding="utf-8")
    return Article(title, source, [Section(0, heading, 1, blocks)])


@pytest.mark.parametrize(
    ("query", "written"),
    [
        ("الامنية", "الأمنية"),
        ("استقرارا", "استقراراً"),
        ("العراقيه", "العراقية"),
        ("2025", "2025"),
    ],
)
def test_required_examples_on_the_sample(sample: Article, query: str, written: str) -> None:
    matches = find_in_article(sample, query)
    assert matches
    assert {_text(sample, m) for m in matches} == {written}


def test_ascii_digits_find_arabic_indic_digits() -> None:
    article = _article("أعلنت القيادة في ٧ مارس ٢٠٢٥ عن الاستقرار")
    [m] = find_in_article(article, "2025")
    assert _text(article, m) == "٢٠٢٥"
    [m] = find_in_article(article, "٧ مارس")
    assert _text(article, m) == "٧ مارس"


def test_highlight_includes_the_harakat_of_the_last_letter() -> None:
    article = _article("إنَّ الأَمْنَ مُسْتَتِبٌّ")
    [m] = find_in_article(article, "الامن")
    assert _text(article, m) == "الأَمْنَ"
    [m] = find_in_article(article, "مستتب")
    assert _text(article, m) == "مُسْتَتِبٌّ"


def test_exact_mode_does_not_fold() -> None:
    article = _article("الأمنية والامنية الأَمنية")
    assert len(find_in_article(article, "الامنية")) == 3
    exact = find_in_article(article, "الامنية", exact=True)
    assert [_text(article, m) for m in exact] == ["الامنية"]
    assert find_in_article(article, "2025", exact=True) == []
    assert find_in_article(_article("في ٢٠٢٥"), "2025", exact=True) == []
    assert find_in_article(_article("Qt and qt"), "qt", exact=True) == [Match(0, 0, 7, 9)]


def test_whole_word_treats_attached_prefixes_as_part_of_the_word() -> None:
    article = _article("الأمنية والأمنية بالأمنية الأمنيةُ")
    part = find_in_article(article, "الامنية")
    assert len(part) == 4
    whole = find_in_article(article, "الامنية", whole_word=True)
    assert [_text(article, m) for m in whole] == ["الأمنية", "الأمنيةُ"]
    # Part of a longer word is not a whole word either.
    assert find_in_article(_article("الأمنيات"), "الامني", whole_word=True) == []


def test_whole_word_in_exact_mode_keeps_harakat_with_their_letter() -> None:
    article = _article("الأمنيةُ والأمنية")
    whole = find_in_article(article, "الأمنية", exact=True, whole_word=True)
    assert [(m.start, m.end) for m in whole] == [(0, 7)]


def test_whole_word_next_to_punctuation_and_digits() -> None:
    article = _article("(العراق)، العراقي، 2025م العراق")
    assert len(find_in_article(article, "العراق", whole_word=True)) == 2
    assert find_in_article(article, "2025", whole_word=True) == []  # 2025م is one word


def test_query_white_space_matches_any_white_space() -> None:
    article = _article("قوات  الحدود\tالعراقية")
    [m] = find_in_article(article, " قوات الحدود   العراقيه ")
    assert _text(article, m) == "قوات  الحدود\tالعراقية"


def test_empty_query_finds_nothing(sample: Article) -> None:
    assert find_in_article(sample, "") == []
    assert find_in_article(sample, "   ") == []
    assert find_in_article(sample, "\u064e\u0651") == []  # only harakat: nothing left


def test_headings_and_title_are_searched_with_their_own_coordinates(sample: Article) -> None:
    matches = find_in_article(sample, "تعزيز التحصينات")
    heading = [m for m in matches if m.block == HEADING]
    assert heading == [Match(2, HEADING, 0, len("تعزيز التحصينات"))]
    title = [m for m in find_in_article(sample, "وتعزيز التعاون") if m.block == TITLE]
    assert len(title) == 1 and title[0].section_id is None
    assert _text(sample, title[0]) == "وتعزيز التعاون"


def test_matches_come_in_document_order(sample: Article) -> None:
    matches = find_in_article(sample, "العراق")
    keys = [(-1 if m.section_id is None else m.section_id, m.block, m.start) for m in matches]
    assert keys == sorted(keys)
    assert all(_text(sample, m) == "العراق" for m in matches)


def test_per_section_counts(sample: Article) -> None:
    matches = find_in_article(sample, "سوريا")
    counts = section_match_counts(matches)
    assert sum(counts.values()) == len([m for m in matches if m.section_id is not None])
    for sid, n in counts.items():
        section = sample.sections[sid]
        texts = [section.heading or ""] + [b.text for b in section.blocks]
        assert n == sum(t.count("سوريا") for t in texts)
    assert counts[3] >= 1  # "عمليات عسكرية في سوريا"


def test_cumulative_counts_add_nested_sections() -> None:
    source = Source(path=None, format=Format.TEXT, encoding="utf-8")
    p = Block(BlockKind.PARAGRAPH, "أمن وأمن")
    article = Article(
        "ت", source, [Section(0, "أ", 1, [p]), Section(0, "ب", 2, [p]), Section(0, "ج", 1, [])]
    )
    matches = find_in_article(article, "امن")
    assert section_match_counts(matches) == {0: 2, 1: 2}
    assert section_match_counts(matches, article, cumulative=True) == {0: 4, 1: 2}


def test_finder_reuses_folded_text_across_queries(sample: Article) -> None:
    finder = ArticleFinder(sample)
    assert len(finder.find("ا")) > len(finder.find("ال")) > len(finder.find("الع"))
    assert finder.find("العراقيه") == find_in_article(sample, "العراقية")


def test_whole_word_finds_a_hit_that_overlaps_a_rejected_one() -> None:
    # "ا ا" first occurs inside "با ا" (not a whole word), then again, overlapping, as words.
    article = _article("با ا ا")
    assert find_in_article(article, "ا ا", whole_word=True) == [Match(0, 0, 3, 6)]
    assert find_in_article(article, "ا ا", whole_word=True, exact=True) == [Match(0, 0, 3, 6)]
