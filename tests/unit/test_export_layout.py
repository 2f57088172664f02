"""Layout without PDF: bidi levels, line breaking, visual order, pagination rules."""

from __future__ import annotations

import itertools

import pytest

from reader.export import PdfOptions, typeset
from reader.export.bidi import levels, reorder
from reader.export.blocks import Kind
from reader.export.engine import make_shapers
from reader.export.fonts import Style
from reader.export.lines import RLM, SPACE, atomize, break_lines, visual_order
from reader.export.paginate import LaidBlock
from reader.export.shaping import Shaper
from reader.model import Article, Block, BlockKind, Format, Section, Source

from .test_export_support import mixed_article


@pytest.fixture(scope="module")
def shapers() -> list[Shaper]:
    return make_shapers()


# -- bidi --------------------------------------------------------------------------------


def test_plain_arabic_is_one_rtl_run() -> None:
    assert levels("استقرار أمني على الحدود") == (True, "1" * 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في 7 مارس", "11" + "1" + "2" + "1" + "1111"),  # digits after Arabic: level 2
        ("مكتبة Qt لعرض", "11111" + "1" + "22" + "1" + "1111"),  # English word in Arabic
        ("2025: عام", "2222" + "11" + "111"),  # starts with a number, stays RTL
        ("نسبة 50% فقط", "1111" + "1" + "22" + "1" + "1" + "111"),
        ("من Qt for Python إلى", "11" + "1" + "2" * 13 + "1" + "111"),  # spaces between L
        ("العدد ١٢٣ هنا", "11111" + "1" + "222" + "1" + "111"),  # Arabic-Indic digits
    ],
)
def test_levels_of_mixed_text(text: str, expected: str) -> None:
    assert len(expected) == len(text)
    assert levels(text) == (True, expected)


def test_english_paragraph_is_ltr_and_keeps_arabic_words_rtl() -> None:
    assert levels("The word كتاب means book") == (False, "0" * 9 + "1111" + "0" * 11)


def test_marks_take_the_level_of_their_letter() -> None:
    assert levels("مَا Qt") == (True, "111" + "1" + "22")
    assert levels("ب Qt\u064e", rtl=True) == (True, "1" + "1" + "222")


def test_reorder_reverses_rtl_and_keeps_ltr_runs() -> None:
    # logical: A(1) B(1) x(2) y(2) C(1) -> visual left to right: C x y B A
    assert reorder([1, 1, 2, 2, 1]) == [4, 2, 3, 1, 0]
    assert reorder([0, 0, 1, 1, 0]) == [0, 1, 3, 2, 4]
    assert reorder([]) == []


# -- lines -------------------------------------------------------------------------------


def test_lines_cover_every_word_once_and_fit(shapers: list[Shaper]) -> None:
    text = "تعتبر العلاقات بين العراق وسوريا من المواضيع الهامة في السياسة الإقليمية " * 20
    para = atomize(text, shapers, Style.REGULAR, 13)
    lines = break_lines(para, 300)
    assert len(lines) > 5
    assert all(ln.width <= 300 + 1e-6 for ln in lines)
    got = [t for ln in lines for t in para.texts[ln.start : ln.end] if t != SPACE]
    assert got == text.split()
    assert [ln.last for ln in lines] == [False] * (len(lines) - 1) + [True]
    # greedy: the next word would not have fitted on any line
    for ln, nxt in itertools.pairwise(lines):
        assert ln.width + para.widths[ln.end] + para.widths[nxt.start] > 300


def test_long_word_is_cut_to_fit(shapers: list[Shaper]) -> None:
    url = "https://example.org/" + "z" * 300
    para = atomize(f"انظر {url} هنا", shapers, Style.REGULAR, 12, max_width=200)
    assert para.rtl  # an Arabic sentence, however long its URL
    lines = break_lines(para, 200)
    assert len(lines) >= 3
    assert all(ln.width <= 200 + 1e-6 for ln in lines)
    assert "".join(t for t in para.texts if t not in (SPACE, RLM)).count("z") == 300


def test_visual_order_of_a_mixed_line(shapers: list[Shaper]) -> None:
    para = atomize("في 7 مارس", shapers, Style.REGULAR, 12)
    (line,) = break_lines(para, 500)
    visual = [para.texts[i] for i in visual_order(para, line)]
    # left to right on the page: "مارس", space, the mark ending the number run, "7", ...
    assert [t for t in visual if t not in (SPACE, RLM)] == ["مارس", "7", "في"]
    assert visual.index(RLM) == visual.index("7") - 1  # the mark sits at the number's end


# -- pagination --------------------------------------------------------------------------


def _article(sections: int, paragraphs: int, words: int) -> Article:
    body = " ".join(["كلمة"] * words)
    src = Source(path=None, format=Format.TEXT, encoding="utf-8")
    return Article("عنوان المقالة", src, [
        Section(i, f"العنوان رقم {i}", 1,
                [Block(BlockKind.PARAGRAPH, body) for _ in range(paragraphs)])
        for i in range(sections)
    ])


@pytest.mark.parametrize(("paragraphs", "words"), [(1, 30), (2, 90), (3, 12), (1, 400)])
def test_headings_never_end_a_page(paragraphs: int, words: int) -> None:
    doc = typeset(_article(40, paragraphs, words))
    assert len(doc.pages) > 3
    for page in doc.pages:
        lines = page.lines
        for i, pl in enumerate(lines):
            if pl.laid.block.kind is not Kind.HEADING or pl.line != len(pl.laid.lines) - 1:
                continue
            # the heading's last line is followed, on its page, by the start of its text
            follow = [x for x in lines[i + 1 :] if x.laid is lines[i + 1].laid] if (
                i + 1 < len(lines)) else []
            assert follow, f"heading alone at the bottom of page {page.number}"
            assert len(follow) >= min(2, len(follow[0].laid.lines)), page.number


def test_no_single_line_of_a_paragraph_alone_on_a_page() -> None:
    doc = typeset(_article(10, 3, 150))
    for page in doc.pages:
        pieces: dict[int, int] = {}
        for pl in page.lines:
            pieces[id(pl.laid)] = pieces.get(id(pl.laid), 0) + 1
        for pl in page.lines:
            n = len(pl.laid.lines)
            if pl.laid.block.kind is Kind.PARAGRAPH and n >= 2:
                assert pieces[id(pl.laid)] >= 2, (page.number, n)


def test_every_line_is_placed_once_in_order() -> None:
    doc = typeset(_article(12, 2, 120), PdfOptions(paper="letter"))
    placed = [(id(pl.laid), pl.line) for page in doc.pages for pl in page.lines]
    expected = [(id(lb), k) for lb in doc.laid for k in range(len(lb.lines))]
    assert placed == expected
    for page in doc.pages:
        tops = [pl.top for pl in page.lines]
        assert tops == sorted(tops)
        assert all(doc.geometry.top - 1e-6 <= pl.top and
                   pl.top + pl.laid.block.line_height <= doc.geometry.bottom + 1e-6
                   for pl in page.lines)


def test_lists_quotes_and_english_are_laid_out_on_their_sides() -> None:
    doc = typeset(mixed_article())
    by_kind: dict[Kind, LaidBlock] = {}
    for lb in doc.laid:
        by_kind.setdefault(lb.block.kind, lb)
    g = doc.geometry
    item, quote, para = by_kind[Kind.LIST_ITEM], by_kind[Kind.QUOTE], by_kind[Kind.PARAGRAPH]
    assert item.para.rtl and item.right < g.right and item.marker is not None
    assert quote.right < g.right and quote.left > g.left and quote.block.rule
    english = next(lb for lb in doc.laid if lb.block.text.startswith("This"))
    assert not english.para.rtl
    assert para.para.rtl


def test_style_change_inside_a_word_keeps_its_letters_joined(shapers: list[Shaper]) -> None:
    from reader.model import Span, SpanKind

    text = "نص فيه كلمة مهمة"
    start = text.index("كلمة") + 2  # bold from the middle of the word: "كل" + "**مة**"
    para = atomize(text, shapers, Style.REGULAR, 12, spans=(Span(start, start + 2,
                                                                 SpanKind.STRONG),))
    assert "كل\u200d" in para.texts and "\u200dمة" in para.texts
    regular = shapers[Style.REGULAR]
    # the lam before the cut takes its joining (medial) form, not the final one
    assert regular.shape("كل\u200d", True).glyphs[-2][0] != regular.shape("كل", True).glyphs[0][0]
