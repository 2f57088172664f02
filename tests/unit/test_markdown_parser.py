"""Markdown parsing: real-looking Arabic articles, front matter, anchors, nesting, robustness."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.model import (
    Article,
    ArticleError,
    BlockKind,
    Format,
    NotTextError,
    Source,
    SpanKind,
    load_article,
    markdown_parser,
    parse_bytes,
)
from reader.model.html_parser import MAX_DEPTH, TextBuilder
from reader.model.markdown_parser import github_slug, parse_markdown, read_front_matter

SOURCE = Source(path=None, format=Format.MARKDOWN, encoding="utf-8")


def md(text: str) -> Article:
    return parse_markdown(text, SOURCE)


def shape(a: Article) -> list[tuple[str | None, int, int]]:
    return [(s.heading, s.level, len(s.blocks)) for s in a.sections]


def span_text(text: str, kind: SpanKind, spans: tuple) -> list[str]:
    return [text[s.start : s.end] for s in spans if s.kind is kind]


# -- the test articles ------------------------------------------------------------------------


def test_front_matter_article(data_dir: Path) -> None:
    a = load_article(data_dir / "md_front_matter.md")
    assert a.source.format is Format.MARKDOWN
    assert a.title == "افتتاح أكبر محطة لتحلية المياه على الساحل الشرقي"
    assert a.author == "سلمى الحربي"
    assert a.date == "2025-04-12"
    # With a front-matter title every heading is a section: the first "##" is not the title.
    assert shape(a) == [
        (None, 1, 1),
        ("خلفية المشروع", 2, 2),
        ("أرقام رئيسية", 2, 6),
        ("ماذا قال المسؤولون", 2, 3),
        ("الأثر البيئي", 2, 2),
        ("مخاوف الصيادين", 3, 1),
        ("الخطوات المقبلة", 2, 4),
    ]
    assert [s.parent for s in a.sections] == [None, None, None, None, None, 4, None]
    assert [s.anchor for s in a.sections[1:]] == [
        "خلفية-المشروع",
        "أرقام-رئيسية",
        "ماذا-قال-المسؤولون",
        "الأثر-البيئي",
        "مخاوف-الصيادين",
        "الخطوات-المقبلة",
    ]
    assert a.boilerplate == [
        "اقرأ أيضاً:",
        "ارتفاع استهلاك المياه في الصيف بنسبة 20%",
        "خطة وطنية لترشيد الري الزراعي",
    ]
    # The front matter is metadata, not text; the "read also" tail is gone from the body.
    words = " ".join(b.text for s in a.sections for b in s.blocks)
    assert "tags" not in words and "مياه, طاقة" not in words and "اقرأ" not in words


def test_front_matter_article_blocks_and_spans(data_dir: Path) -> None:
    a = load_article(data_dir / "md_front_matter.md")
    lead = a.sections[0].blocks[0]
    assert lead.text.startswith("افتتحت الحكومة صباح السبت")
    assert span_text(lead.text, SpanKind.STRONG, lead.spans) == ["600 ألف متر مكعب يومياً"]

    background = a.sections[1].blocks
    link = next(s for s in background[0].spans if s.kind is SpanKind.LINK)
    assert background[0].text[link.start : link.end] == "وزارة المياه"
    assert link.href == "https://water.example.org/projects/desal-east"
    assert span_text(background[1].text, SpanKind.EMPHASIS, background[1].spans) == [
        "التناضح العكسي"
    ]
    assert span_text(background[1].text, SpanKind.CODE, background[1].spans) == ["RO-2025"]

    figures = a.sections[2].blocks
    assert [(b.kind, b.marker, b.depth) for b in figures] == [
        (BlockKind.LIST_ITEM, "-", 0),
        (BlockKind.LIST_ITEM, "-", 0),
        (BlockKind.LIST_ITEM, "-", 0),
        (BlockKind.LIST_ITEM, "-", 1),
        (BlockKind.LIST_ITEM, "-", 0),
        (BlockKind.PARAGRAPH, "", 0),
    ]
    assert figures[3].text == "منها 300 مليون دولار لشبكات النقل"

    officials = a.sections[3].blocks
    assert [b.kind for b in officials] == [BlockKind.QUOTE, BlockKind.QUOTE, BlockKind.PARAGRAPH]
    assert officials[1].text == "وسنعمل على ربطها بمحطات الطاقة الشمسية خلال العامين المقبلين."

    steps = a.sections[6].blocks
    assert [b.marker for b in steps] == ["", "1.", "2.", "3."]
    assert all(b.ordered for b in steps[1:])
    assert steps[3].text == "ربط المحطة بالشبكة الوطنية الذكية"


def test_internal_link_matches_a_section_anchor(data_dir: Path) -> None:
    a = load_article(data_dir / "md_front_matter.md")
    env = a.sections[4].blocks[1]
    link = next(s for s in env.spans if s.kind is SpanKind.LINK)
    assert env.text[link.start : link.end] == "الأرقام الرئيسية"
    assert link.href == "#أرقام-رئيسية"
    assert link.href[1:] == a.sections[2].anchor


def test_h1_title_article(data_dir: Path) -> None:
    a = load_article(data_dir / "md_h1_title.md")
    assert a.title == "معرض الكتاب يختتم دورته بمشاركة قياسية وإقبال غير مسبوق"
    assert a.author is None and a.date is None
    # The "#" title is not repeated as a section; the lead paragraphs follow it.
    assert shape(a) == [
        (None, 1, 2),
        ("الأجنحة والدول المشاركة", 2, 1),
        ("جناح الطفل", 3, 1),
        ("المواعيد", 3, 1),
        ("جناح المخطوطات", 3, 2),
        ("أكثر الكتب مبيعاً", 2, 5),
        ("ندوات وأمسيات", 2, 6),  # setext heading
        ("المواعيد", 3, 1),
        ("كلمة الختام", 2, 2),
    ]
    assert [s.parent for s in a.sections] == [None, None, 1, 1, 1, None, None, 6, None]
    assert [s.anchor for s in a.sections] == [
        "معرض-الكتاب-يختتم-دورته-بمشاركة-قياسية-وإقبال-غير-مسبوق",  # the title's, on the lead
        "الأجنحة-والدول-المشاركة",
        "جناح-الطفل",
        "المواعيد",
        "جناح-المخطوطات",
        "أكثر-الكتب-مبيعاً",
        "ندوات-وأمسيات",
        "المواعيد-1",
        "closing",
    ]
    assert a.boilerplate == []


def test_h1_title_article_lists_images_and_links(data_dir: Path) -> None:
    a = load_article(data_dir / "md_h1_title.md")
    text = " ".join(b.text for s in a.sections for b in s.blocks)
    assert "ملاحظة المحرر" not in text  # an HTML comment is not article text
    hours = "فتح الجناح أبوابه يومياً من العاشرة صباحاً حتى الثامنة مساءً."  # <br> is a space
    assert a.sections[3].blocks[0].text == hours
    # An image gives its alt text, nothing is fetched.
    assert a.sections[4].blocks[1].text == "مخطوطة في علم الفلك من القرن الثالث عشر"

    best = a.sections[5].blocks
    assert [(b.kind, b.marker) for b in best[1:4]] == [
        (BlockKind.LIST_ITEM, "١."),
        (BlockKind.LIST_ITEM, "٢."),
        (BlockKind.LIST_ITEM, "٣."),
    ]
    assert [b.text for b in best[1:4]] == [
        "رواية «بيت على النهر»",
        "ديوان «مدن الملح والضوء»",
        "كتاب «تاريخ القاهرة الخفي»",
    ]
    assert all(b.ordered for b in best[1:4])
    assert best[0].kind is best[4].kind is BlockKind.PARAGRAPH

    talks = a.sections[6].blocks
    assert [(b.kind, b.marker, b.depth) for b in talks] == [
        (BlockKind.PARAGRAPH, "", 0),
        (BlockKind.LIST_ITEM, "1.", 0),
        (BlockKind.LIST_ITEM, "-", 1),
        (BlockKind.LIST_ITEM, "-", 1),
        (BlockKind.LIST_ITEM, "2.", 0),
        (BlockKind.LIST_ITEM, "3.", 0),
    ]

    closing = a.sections[8].blocks[1]
    hrefs = [s.href for s in closing.spans if s.kind is SpanKind.LINK]
    anchors = {s.anchor for s in a.sections}
    assert hrefs == [f"#{a.sections[0].anchor}", "#أكثر-الكتب-مبيعاً"]
    assert all(h is not None and h[1:] in anchors for h in hrefs)


@pytest.mark.parametrize("name", ["md_front_matter.md", "md_h1_title.md"])
def test_outline_json_of_markdown_articles(name: str, data_dir: Path) -> None:
    from reader.commands.outline import outline_dict

    out = outline_dict(load_article(data_dir / name))
    assert out["format"] == "markdown"
    assert all(p.strip() == p and "  " not in p for s in out["sections"] for p in s["paragraphs"])
    assert all(p for s in out["sections"] for p in s["paragraphs"])


@pytest.mark.parametrize("name", ["md_front_matter.md", "md_h1_title.md"])
@pytest.mark.parametrize("variant", ["utf-8-sig crlf", "utf-8 cr", "cp1256"])
def test_articles_read_the_same_in_other_encodings_and_line_ends(
    name: str, variant: str, data_dir: Path
) -> None:
    from reader.commands.outline import outline_dict

    path = data_dir / name
    text = path.read_text(encoding="utf-8")
    if variant == "cp1256":
        # Windows-1256 has no Arabic-Indic digits: compare with the same text in UTF-8.
        text = text.translate({0x660 + d: str(d) for d in range(10)})
        data = text.encode("cp1256")
    elif variant == "utf-8-sig crlf":
        data = ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
    else:
        data = text.replace("\n", "\r").encode("utf-8")
    expected = outline_dict(parse_bytes(text.encode("utf-8"), path))
    got = outline_dict(parse_bytes(data, path))
    expected.pop("encoding")
    got.pop("encoding")
    assert got == expected
    assert len(got["sections"]) >= 4


# -- title, front matter ----------------------------------------------------------------------


def test_first_heading_is_the_title_and_not_a_section() -> None:
    a = md("## عنوان فرعي أول\n\nفقرة تمهيدية.\n\n## قسم\n\nنص القسم.\n")
    assert a.title == "عنوان فرعي أول"
    assert shape(a) == [(None, 1, 1), ("قسم", 2, 1)]


def test_text_before_the_title_heading_joins_the_lead() -> None:
    a = md("سطر قبل العنوان.\n\n# العنوان\n\nبعد العنوان.\n\n## قسم\n\nنص.\n")
    assert a.title == "العنوان"
    assert [b.text for b in a.sections[0].blocks] == ["سطر قبل العنوان.", "بعد العنوان."]
    assert a.sections[0].heading is None


def test_front_matter_title_keeps_every_heading_as_a_section() -> None:
    a = md("---\ntitle: من المقدمة\n---\n# عنوان أول\n\nنص.\n\n## فرعي\n\nنص آخر.\n")
    assert a.title == "من المقدمة"
    assert shape(a) == [("عنوان أول", 1, 1), ("فرعي", 2, 1)]
    assert a.sections[1].parent == 0


def test_front_matter_variants() -> None:
    assert read_front_matter("title: 'x'\nauthor: [أ, ب]\ndate: 2025-01-02 10:30:00") == {
        "title": "x",
        "author": "أ، ب",
        "date": "2025-01-02 10:30:00",
    }
    assert read_front_matter("Title: كبير\nauthor: {name: سارة}") == {
        "title": "كبير",
        "author": "سارة",
    }
    assert read_front_matter("") == {}
    # Broken YAML: read line by line.
    assert read_front_matter('title: "نص: مكسور\nauthor: علي\n  - : [') == {
        "title": "نص: مكسور",
        "author": "علي",
    }
    # No "key: value" at all: not front matter.
    assert read_front_matter("مجرد نص بين خطين") is None
    assert read_front_matter("[" * 5000) is None  # too deep for PyYAML: no crash


def test_broken_front_matter_is_tolerated() -> None:
    a = md('---\ntitle: "عنوان: بلا إغلاق\nauthor: علي\n---\n\nنص المقال.\n')
    assert a.title == "عنوان: بلا إغلاق"
    assert a.author == "علي"
    assert [b.text for b in a.sections[0].blocks] == ["نص المقال."]


def test_dashes_around_plain_text_are_not_front_matter() -> None:
    a = md("---\n\nفقرة بين فاصلين\n\n---\n\n## قسم\n\nنص.\n")
    texts = [b.text for s in a.sections for b in s.blocks]
    assert "فقرة بين فاصلين" in texts


# -- anchors ----------------------------------------------------------------------------------


def test_github_slugs() -> None:
    assert github_slug("Hello, World!") == "hello-world"
    assert github_slug("مُحَمَّدٌ، والعالم؟") == "مُحَمَّدٌ-والعالم"
    assert github_slug("C++ و Qt 6") == "c-و-qt-6"
    assert github_slug("الرقم ٣: «اختبار»") == "الرقم-٣-اختبار"
    assert github_slug("snake_case - ok") == "snake_case---ok"


def test_duplicate_and_explicit_anchors() -> None:
    a = md("# عنوان\n\n## قسم\n\nأ\n\n## قسم\n\nب\n\n## قسم {#third}\n\nج\n\n## قسم\n\nد\n")
    assert a.title == "عنوان"
    assert [s.heading for s in a.sections] == ["قسم"] * 4
    assert [s.anchor for s in a.sections] == ["قسم", "قسم-1", "third", "قسم-2"]


# -- blocks -----------------------------------------------------------------------------------


def test_quotes_and_lists_nest() -> None:
    text = (
        "# ع\n\n"
        "> اقتباس\n> - بند داخل اقتباس\n>   > اقتباس أعمق\n\n"
        "- بند\n\n  تكملة البند\n\n  > اقتباس داخل بند\n"
    )
    blocks = md(text).sections[0].blocks
    assert [(b.kind, b.text, b.marker, b.depth) for b in blocks] == [
        (BlockKind.QUOTE, "اقتباس", "", 0),
        # A list inside a quote gives list items; depth counts the quote and the list.
        (BlockKind.LIST_ITEM, "بند داخل اقتباس", "-", 1),
        (BlockKind.QUOTE, "اقتباس أعمق", "", 2),
        (BlockKind.LIST_ITEM, "بند", "-", 0),
        (BlockKind.LIST_ITEM, "تكملة البند", "", 0),  # the item's second paragraph
        (BlockKind.QUOTE, "اقتباس داخل بند", "", 1),
    ]


def test_ordered_list_markers_keep_number_and_delimiter() -> None:
    blocks = md("# ع\n\n7. سابع\n8. ثامن\n\n3) ثالث\n").sections[0].blocks
    assert [b.marker for b in blocks] == ["7.", "8.", "3)"]
    assert all(b.ordered for b in blocks)


def test_arabic_indic_list_needs_every_line_numbered() -> None:
    text = "# ع\n\n١- أول\n٢- ثان\n(٣) ثالث\n\n١. سطر مرقم\nوسطر غير مرقم\n"
    blocks = md(text).sections[0].blocks
    assert [(b.kind, b.marker, b.text) for b in blocks] == [
        (BlockKind.LIST_ITEM, "١-", "أول"),
        (BlockKind.LIST_ITEM, "٢-", "ثان"),
        (BlockKind.LIST_ITEM, "(٣)", "ثالث"),
        (BlockKind.PARAGRAPH, "", "١. سطر مرقم وسطر غير مرقم"),
    ]


def test_code_html_and_inline_markup() -> None:
    text = (
        "# ع\n\n```python\nprint(  'مرحبا'  )\n```\n\n"
        "<div class='box'>نص <b>داخل</b> HTML<script>alert(1)</script></div>\n\n"
        "سطر<br/>ثان و <span dir='ltr'>Qt 6</span> و [**رابط قوي**](https://x.example/ا)\n"
    )
    blocks = md(text).sections[0].blocks
    assert blocks[0].kind is BlockKind.PARAGRAPH
    assert blocks[0].text == "print( 'مرحبا' )"
    assert span_text(blocks[0].text, SpanKind.CODE, blocks[0].spans) == [blocks[0].text]
    assert blocks[1].text == "نص داخل HTML"
    assert span_text(blocks[1].text, SpanKind.STRONG, blocks[1].spans) == ["داخل"]
    assert blocks[2].text == "سطر ثان و Qt 6 و رابط قوي"
    assert span_text(blocks[2].text, SpanKind.STRONG, blocks[2].spans) == ["رابط قوي"]
    link = next(s for s in blocks[2].spans if s.kind is SpanKind.LINK)
    assert link.href == "https://x.example/%D8%A7"  # external links stay valid URLs


def test_whitespace_collapses_but_nbsp_is_kept() -> None:
    b = md("# ع\n\nكلمة   أخرى\tو\u00a0ثالثة  \nرابعة\n").sections[0].blocks[0]
    assert b.text == "كلمة أخرى و\u00a0ثالثة رابعة"


def test_empty_blocks_are_dropped() -> None:
    a = md("# ع\n\n-\n- \n- بند\n\n>\n\n***\n")
    assert [b.text for b in a.sections[0].blocks] == ["بند"]


def test_heading_inside_a_list_is_a_block() -> None:
    a = md("# ع\n\n- ## ليس قسماً\n\n## قسم\n\nنص\n")
    assert shape(a) == [(None, 1, 1), ("قسم", 2, 1)]
    b = a.sections[0].blocks[0]
    assert (b.kind, b.text, b.marker) == (BlockKind.LIST_ITEM, "ليس قسماً", "-")
    assert span_text(b.text, SpanKind.STRONG, b.spans) == ["ليس قسماً"]


def test_read_also_heading_section_goes_to_boilerplate() -> None:
    a = md(
        "# خبر\n\nنص الخبر الطويل بما يكفي ليكون فقرة حقيقية من المقال.\n\n"
        "### اقرأ أيضاً\n\n- عنوان أول\n- عنوان ثان\n"
    )
    assert shape(a) == [(None, 1, 1)]
    assert a.boilerplate == ["اقرأ أيضاً", "عنوان أول", "عنوان ثان"]


def test_read_also_in_the_middle_keeps_the_next_section() -> None:
    a = md(
        "# خبر\n\n## قسم أول\n\nنص القسم الأول.\n\nشاهد أيضا: تقرير مصور\n\n"
        "## قسم ثان\n\nنص القسم الثاني.\n"
    )
    assert shape(a) == [("قسم أول", 2, 1), ("قسم ثان", 2, 1)]
    assert a.boilerplate == ["شاهد أيضا: تقرير مصور"]


def test_read_also_list_in_the_middle_keeps_the_text_after_it() -> None:
    body = "نص طويل من المقال يكفي ليكون فقرة حقيقية ذات معنى كامل وجمل متصلة بعضها ببعض،"
    body += " وقد أكد المسؤولون أن العمل سيستمر خلال الأشهر المقبلة."  # > 20 words
    a = md(
        f"# خبر\n\n## التفاصيل\n\n{body}\n\n#### اقرأ أيضاً\n\n"
        f"- [عنوان ذو صلة](/1)\n- [عنوان آخر](/2)\n\n{body}\n\n"
        "**إقرأ ايضا:** [خبر ثالث](/3)\n\n- [خبر رابع](/4)\n\n"
        f"{body}\n"
    )
    assert shape(a) == [("التفاصيل", 2, 3)]
    assert a.boilerplate == [
        "اقرأ أيضاً", "عنوان ذو صلة", "عنوان آخر", "إقرأ ايضا: خبر ثالث", "خبر رابع",
    ]


# -- robustness -------------------------------------------------------------------------------


def _body_words(a: Article) -> list[str]:
    texts = [s.heading or "" for s in a.sections]
    texts += [b.text for s in a.sections for b in s.blocks] + a.boilerplate
    return " ".join(texts).split()


@pytest.mark.parametrize(
    "build",
    [
        lambda n: "".join("  " * k + f"- بند{k}\n" for k in range(n)),
        lambda n: "".join("   " * k + f"1. بند{k}\n" for k in range(n)),
        lambda n: "".join(">" * (k + 1) + f" سطر{k}\n" for k in range(n)),
        lambda n: "> " * n + "كلمة0\n",
        lambda n: "- > " * n + "كلمة0\n",
    ],
    ids=["bullets", "ordered", "quote-lines", "quote-one-line", "list-quote-one-line"],
)
def test_deep_nesting_keeps_text_without_recursion_or_quadratic_time(
    build: Callable[[int], str],
) -> None:
    for n in (1000, 2000):
        text = build(n)
        t0 = time.perf_counter()
        a = md(text)
        elapsed = time.perf_counter() - t0
        blocks = [b for s in a.sections for b in s.blocks]
        assert max(b.depth for b in blocks) == MAX_DEPTH
        words = [w for w in _body_words(a) if w[-1].isdigit()]
        expected = [w for w in text.split() if w[-1].isdigit()]
        assert words == expected
        assert elapsed < 3.0, f"{n} levels took {elapsed:.2f}s"


def test_pathological_inline_input_is_bounded() -> None:
    for text in ["[" * 20000, "![a" * 5000, "*a " * 20000, "<a" * 20000, "`a" * 20000]:
        t0 = time.perf_counter()
        md(text)
        assert time.perf_counter() - t0 < 3.0, text[:10]


def test_internal_failure_becomes_a_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def parse(self, text: str) -> list[object]:
            raise RuntimeError("boom")

    monkeypatch.setattr(markdown_parser, "_markdown_it", lambda front_matter: Broken())
    with pytest.raises(NotTextError) as err:
        md("# عنوان\n\nنص\n")
    assert "Markdown" in err.value.english and err.value.arabic


def test_no_text_raises_empty_article_error() -> None:
    with pytest.raises(ArticleError):
        md("<!-- فقط تعليق -->\n\n***\n")


# -- properties -------------------------------------------------------------------------------

MARKDOWN_NOISE = "#>-*_`[]()!<>/\\\n \t1.=|&;:{}~ab\u0627\u064e\u00a0"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300) | st.text(alphabet=MARKDOWN_NOISE, max_size=300))
def test_arbitrary_text_raises_only_model_errors(text: str) -> None:
    try:
        a = md(text)
    except ArticleError:
        return
    assert [s.id for s in a.sections] == list(range(len(a.sections)))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=1024))
def test_arbitrary_bytes_raise_only_model_errors(data: bytes) -> None:
    with contextlib.suppress(ArticleError):
        parse_bytes(data, Path("blob.md"), Format.MARKDOWN)


# Letters only, and no alef/qaf/shin: no generated word can spell a "read also" marker or any
# Markdown syntax, so every word must come out as text.
ARABIC = "بتثجحخدذرزسصضطظعغفكلمنهوية" + "\u064e\u0650"
LATIN = "bcdfghjklmnpqrstvwxzBCDFGH"
word = st.text(alphabet=ARABIC + LATIN, min_size=1, max_size=7).filter(
    lambda w: w[0] not in "\u064e\u0650"
)
words = st.lists(word, min_size=1, max_size=6)


@st.composite
def markdown_doc(draw: st.DrawFn) -> tuple[str, list[list[str]]]:
    """A Markdown document and its blocks' words (headings tagged by a leading "#")."""
    parts: list[str] = []
    blocks: list[list[str]] = []
    for _ in range(draw(st.integers(1, 10))):
        kind = draw(st.sampled_from(["atx", "setext", "para", "bullets", "ordered", "quote"]))
        if kind == "atx":
            w = draw(words)
            parts.append("#" * draw(st.integers(1, 6)) + " " + " ".join(w))
            blocks.append(["#", *w])
        elif kind == "setext":
            w = draw(words)
            parts.append(" ".join(w) + "\n" + draw(st.sampled_from(["===", "---"])))
            blocks.append(["#", *w])
        elif kind == "para":
            lines = draw(st.lists(words, min_size=1, max_size=3))
            parts.append("\n".join(" ".join(w) for w in lines))
            blocks.append([x for w in lines for x in w])
        elif kind in ("bullets", "ordered"):
            items, depth = [], 0
            for _ in range(draw(st.integers(1, 5))):
                depth = draw(st.integers(0, depth + 1)) if items else 0
                w = draw(words)
                pad = ("  " if kind == "bullets" else "   ") * depth
                items.append(pad + ("- " if kind == "bullets" else "1. ") + " ".join(w))
                blocks.append(w)
            parts.append("\n".join(items))
        else:
            depth = draw(st.integers(1, 3))
            w = draw(words)
            parts.append("> " * depth + " ".join(w))
            blocks.append(w)
    return "\n\n".join(parts), blocks


def _expected(blocks: list[list[str]]) -> tuple[str | None, list[str]]:
    """The title (the first heading, if any) and the other words in order."""
    title = None
    rest: list[str] = []
    for b in blocks:
        if b[0] == "#" and title is None:
            title = " ".join(b[1:])
            continue
        rest += [w for w in b if w != "#"]
    return title, rest


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_doc())
def test_generated_markdown_keeps_every_word_in_order(doc: tuple[str, list[list[str]]]) -> None:
    text, blocks = doc
    a = md(text)
    title, rest = _expected(blocks)
    if title is not None:
        assert a.title == title
    got = []
    for s in a.sections:
        if s.heading is not None:
            got += s.heading.split()
        for b in s.blocks:
            got += b.text.split()
    assert a.boilerplate == []
    assert got == rest


_WRAPPED_PIECES = st.lists(
    st.sampled_from(["كلمة", "word", " ", "  ", "\t", "\n", "  \n", "\\\n", "\u00a0", "\u202f",
                     "\u2007", "\u200f", "ـ", ".", "،"]),
    min_size=1,
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_WRAPPED_PIECES)
def test_wrapped_paragraph_fast_path_reads_like_the_span_builder(text: str) -> None:
    """A paragraph of bare lines takes a shortcut past the span builder; it must give exactly
    the text the builder gives (line breaks as one space, NBSP kept)."""
    tokens = markdown_parser._markdown_it(False).parse(text)
    for tok in tokens:
        if tok.type != "inline" or not tok.children:
            continue
        plain = markdown_parser._plain_lines(tok.children)
        if plain is None:
            continue
        builder = TextBuilder(keep_nbsp=True)
        for child in tok.children:
            if child.type == "text":
                builder.add(child.content)
            else:
                builder.space()
        assert markdown_parser._inline(tok.children) == builder.take()


def test_byline_and_dateline_paragraphs_under_the_title_are_credits() -> None:
    a = md(
        "# أسعار الذهب تقفز إلى مستوى قياسي\n\n**بقلم: خالد يوسف**\n\n*الأحد 8 يونيو 2025*\n\n"
        "قفزت أسعار الذهب في الأسواق العالمية إلى مستوى قياسي جديد.\n\n## لماذا يرتفع الذهب؟\n\n"
        "يرجع المحللون الارتفاع إلى تراجع الدولار.\n\nالمصدر: وكالات\n"
    )
    assert a.bylines == ["بقلم: خالد يوسف", "الأحد 8 يونيو 2025", "المصدر: وكالات"]
    assert (a.author, a.date) == ("خالد يوسف", "الأحد 8 يونيو 2025")
    assert shape(a) == [(None, 1, 1), ("لماذا يرتفع الذهب؟", 2, 1)]


def test_front_matter_author_wins_and_credits_alone_leave_no_empty_lead() -> None:
    a = md(
        "---\ntitle: عنوان\nauthor: رامي الخطيب\n---\n\nكتب: محرر الموقع\n\n## قسم\n\nنص القسم.\n"
    )
    assert a.bylines == ["كتب: محرر الموقع"] and a.author == "رامي الخطيب"
    assert shape(a) == [("قسم", 2, 1)]
    assert [s.id for s in a.sections] == [0]
