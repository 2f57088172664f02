"""Helpers for the PDF export tests: the text-fidelity measure, pdftotext, small articles.

The measure is the one of the project brief's ``tools/pdf_text_fidelity.py`` (reimplemented
here: the project must not depend on files outside the repository): the share of the
article's words found in the PDF's text layer (recall) and of its adjacent word pairs found
adjacent (pair order), after NFKC, without bidi controls, harakat and tatweel. The tests at
the bottom check that the measure itself tells a faithful text layer from a broken one.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from reader.model import Article, Block, BlockKind, Format, Section, Source, Span, SpanKind

_IGNORED = dict.fromkeys(
    [
        *map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"),
        0x0640,
        0x0670,
        *range(0x064B, 0x0660),
    ]
)
#: Arabic presentation forms: a text layer made of them looks right and cannot be searched.
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def words(text: str) -> list[str]:
    """The words the fidelity measure compares."""
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).translate(_IGNORED))


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The PDF's text layer as poppler's pdftotext reads it (reading order, UTF-8)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.fail("pdftotext is missing: install poppler-utils (packaging/system-deps.sh test)")
    cmd = [exe, "-enc", "UTF-8"]
    if first is not None:
        cmd += ["-f", str(first)]
    if last is not None:
        cmd += ["-l", str(last)]
    return subprocess.run([*cmd, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def fidelity(source: str, extracted: str) -> tuple[float, float]:
    """(recall, pair_order) of ``extracted`` against the article text ``source``."""
    src, out = words(source), words(extracted)
    found, found_pairs = set(out), set(itertools.pairwise(out))
    pairs = list(itertools.pairwise(src))
    recall = sum(w in found for w in src) / len(src)
    pair_order = sum(p in found_pairs for p in pairs) / len(pairs)
    return recall, pair_order


def contains_in_order(haystack: list[str], needle: list[str]) -> bool:
    """True when ``needle`` occurs in ``haystack`` as consecutive items."""
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def mixed_article() -> Article:
    """An article with what plain text cannot carry: a quote, links, bold and italic words,
    numbered and nested list items, a subsection and an English paragraph."""
    link_text = "اقرأ التقرير الكامل على موقع الوزارة قبل نهاية الأسبوع."
    a, b = link_text.index("التقرير"), link_text.index(" على")
    styled = "نص فيه كلمة مهمة جدا وكلمة مائلة هنا."
    back = "ارجع إلى العنوان الأول من هنا."
    source = Source(path=None, format=Format.MARKDOWN, encoding="utf-8")
    return Article(
        "مقالة تجريبية للروابط والاقتباسات",
        source,
        [
            Section(0, None, 1, [Block(BlockKind.PARAGRAPH, "فقرة تمهيدية قبل أي عنوان.")]),
            Section(1, "العنوان الأول", 1, [
                Block(BlockKind.PARAGRAPH, link_text,
                      spans=(Span(a, b, SpanKind.LINK, "https://example.org/report"),)),
                Block(BlockKind.QUOTE, "هذا اقتباس طويل من مصدر خارجي يوضح الفكرة التي يدور "
                      "حولها المقال، ويمتد على أكثر من سطر واحد حتى يظهر الشريط الجانبي كاملا."),
                Block(BlockKind.PARAGRAPH, styled, spans=(
                    Span(styled.index("كلمة"), styled.index(" مهمة"), SpanKind.STRONG),
                    Span(styled.index("مائلة"), styled.index(" هنا"), SpanKind.EMPHASIS),
                )),
            ], anchor="first"),
            Section(2, "عنوان فرعي", 2, [
                Block(BlockKind.LIST_ITEM, "البند الأول في القائمة المرقمة", marker="1."),
                Block(BlockKind.LIST_ITEM, "البند الثاني", marker="2."),
                Block(BlockKind.LIST_ITEM, "بند متداخل", marker="-", depth=1),
                Block(BlockKind.PARAGRAPH, back, spans=(
                    Span(back.index("العنوان"), back.index(" من"), SpanKind.LINK, "#first"),)),
            ]),
            Section(3, "العنوان الثالث", 1, [
                Block(BlockKind.PARAGRAPH, "This paragraph is in English, left to right."),
            ]),
        ],
        author="كاتب المقال",
    )


def article_text(article: Article) -> str:
    """The exported text of an article in reading order: title, headings, list markers and
    block texts (not the "read also" boilerplate the parser set aside)."""
    parts = [article.title]
    for section in article.sections:
        if section.heading is not None:
            parts.append(section.heading)
        for b in section.blocks:
            parts.append(f"{b.marker} {b.text}" if b.marker else b.text)
    return "\n".join(parts)


# -- the measure tells good from bad ----------------------------------------------------


def test_measure_ignores_marks_tatweel_and_presentation_forms() -> None:
    assert words("العَرَبِيّة") == words("العربـية") == ["العربية"]
    assert words("\ufedf\ufe8e") == words("لا")  # presentation forms fold back (NFKC)


def test_measure_detects_lost_and_reordered_words() -> None:
    source = "في هذا السياق أعلنت قيادة قوات الحدود العراقية عن استقرار أمني كامل"
    assert fidelity(source, source) == (1.0, 1.0)
    reversed_words = " ".join(reversed(source.split()))
    recall, pair_order = fidelity(source, reversed_words)
    assert recall == 1.0 and pair_order == 0.0
    reversed_letters = source[::-1]
    assert fidelity(source, reversed_letters)[0] < 0.2
    assert contains_in_order(words(source), words("قوات الحدود"))
    assert not contains_in_order(words(source), words("الحدود قوات"))
