"""HTML parsing: scraped Arabic news pages, div soup, titles, anchors, chrome, robustness."""

from __future__ import annotations

import builtins
import contextlib
import html
import socket
import time
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
    html_parser,
    load_article,
    parse_bytes,
)
from reader.model.html_parser import MAX_DEPTH, parse_html

SOURCE = Source(path=None, format=Format.HTML, encoding="utf-8")


def page(text: str) -> Article:
    return parse_html(text, SOURCE)


def shape(a: Article) -> list[tuple[str | None, int, int]]:
    return [(s.heading, s.level, len(s.blocks)) for s in a.sections]


def texts(a: Article) -> list[str]:
    return [b.text for s in a.sections for b in s.blocks]


def span_text(text: str, kind: SpanKind, spans: tuple) -> list[str]:
    return [text[s.start : s.end] for s in spans if s.kind is kind]


# -- the scraped news page --------------------------------------------------------------------


def test_news_page_structure(data_dir: Path) -> None:
    a = load_article(data_dir / "html_news.html")
    assert a.source.format is Format.HTML
    # The <h1> is in the <title> (" | الموقع" appended): it is the title, not a section.
    assert a.title == "الذهب يسجل أعلى مستوى في تاريخه وسط قلق الأسواق"
    assert a.author == "خالد منصور"
    assert a.date == "2025-03-18T09:30:00+03:00"
    assert shape(a) == [
        (None, 1, 3),
        ("الأسعار في الأسواق المحلية", 2, 5),
        ("أسباب الارتفاع", 2, 1),
        ("قرارات الفيدرالي", 3, 1),
        ("التوترات الجيوسياسية", 3, 5),
        ("توقعات المحللين", 2, 5),
    ]
    assert [s.parent for s in a.sections] == [None, None, None, 2, 2, None]
    assert [s.anchor for s in a.sections] == [None, "prices", None, "fed", None, None]
    assert a.boilerplate == [
        "اقرأ أيضاً",
        "أسعار النفط تتراجع مع ارتفاع المخزونات الأمريكية",
        "البنك المركزي يبقي على أسعار الفائدة دون تغيير",
        "البورصة تنهي تعاملاتها على انخفاض طفيف",
    ]


def test_news_page_drops_site_chrome(data_dir: Path) -> None:
    a = load_article(data_dir / "html_news.html")
    everything = " ".join([a.title, *(s.heading or "" for s in a.sections), *texts(a)])
    for chrome in [
        "رياضة",  # <nav> menu
        "الرئيسية",  # menu and breadcrumbs
        "\u203a",  # the breadcrumbs' separator
        "الموقع\u00a0",
        "جميع الحقوق",  # <footer>
        "لا يظهر",  # <script>
        "NewsArticle",  # JSON-LD
        "font-family",  # <style>
        "شارك",  # <button>
        "اشترك",  # newsletter <form>
        "ملف خاص",  # <aside>
        "إعلان",  # <iframe>
        "ad slot",  # comment
        "سبائك ذهبية في أحد المصارف",  # an <img> alt is not text here
    ]:
        assert chrome not in everything, chrome


def test_news_page_blocks_and_spans(data_dir: Path) -> None:
    a = load_article(data_dir / "html_news.html")
    lead = a.sections[0].blocks
    # The <header> inside <article> is the article's own: its byline is kept, NBSP collapsed.
    assert lead[0].text == "بقلم: خالد منصور | الثلاثاء 18 مارس 2025"
    assert span_text(lead[1].text, SpanKind.STRONG, lead[1].spans) == ["أعلى مستوى في تاريخها"]

    prices = a.sections[1].blocks
    assert [(b.kind, b.marker) for b in prices] == [
        (BlockKind.PARAGRAPH, ""),
        (BlockKind.LIST_ITEM, "•"),
        (BlockKind.LIST_ITEM, "•"),
        (BlockKind.LIST_ITEM, "•"),
        (BlockKind.PARAGRAPH, ""),
    ]
    assert prices[1].text == "عيار 24: 118 دولاراً للغرام"
    assert span_text(prices[1].text, SpanKind.STRONG, prices[1].spans) == ["118 دولاراً"]

    fed = a.sections[3].blocks[0]
    link = next(s for s in fed.spans if s.kind is SpanKind.LINK)
    assert fed.text[link.start : link.end] == "مجلس الاحتياطي الفيدرالي"
    assert link.href == "https://www.federalreserve.example/monetary-policy"
    assert span_text(fed.text, SpanKind.EMPHASIS, fed.spans) == ["تكلفة الفرصة البديلة"]

    tensions = a.sections[4].blocks
    assert [b.kind for b in tensions] == [
        BlockKind.PARAGRAPH,
        BlockKind.QUOTE,
        BlockKind.QUOTE,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,  # the <figcaption>
    ]
    assert tensions[3].text.endswith('في حديثها لـ"الموقع".')  # &quot; decoded
    assert tensions[4].text == "سبائك ذهبية معروضة في أحد المصارف (أرشيف)"

    outlook = a.sections[5].blocks
    assert [b.marker for b in outlook] == ["", "1.", "2.", "3.", ""]
    assert all(b.ordered for b in outlook[1:4])
    internal = next(s for s in outlook[4].spans if s.kind is SpanKind.LINK)
    assert outlook[4].text[internal.start : internal.end] == "قسم الأسعار"
    assert internal.href == "#prices" == f"#{a.sections[1].anchor}"


# -- the div soup page ------------------------------------------------------------------------


def test_div_soup_page(data_dir: Path) -> None:
    a = load_article(data_dir / "html_div_soup.html")
    # No <title>: the first <h1> is the title.
    assert a.title == "افتتاح مكتبة عامة جديدة في حي الزهور"
    assert a.author == "مراسل الموقع في إربد"
    assert a.date is None
    assert shape(a) == [
        (None, 1, 3),
        ("أقسام المكتبة", 3, 5),
        ("آراء السكان", 3, 2),
        ("تمويل المشروع", 3, 3),  # its <h3> is never closed
    ]
    assert a.boilerplate == [
        "اقرأ أيضا:",
        "بلدية إربد تطلق حملة لتشجير الشوارع الرئيسية",
        "إغلاق طريق الجامعة مؤقتاً لأعمال الصيانة",
    ]


def test_div_soup_blocks(data_dir: Path) -> None:
    a = load_article(data_dir / "html_div_soup.html")
    lead = a.sections[0].blocks
    assert lead[0].text == "الأحد ٢٠ نيسان ٢٠٢٥"
    # <br><br> ends a paragraph; a single <br> is a space inside it.
    assert lead[1].text.startswith("افتتح رئيس البلدية") and lead[1].text.endswith("والتجهيز.")
    assert lead[2].text.startswith("وتضم المكتبة")
    assert "المجانية. ويقول القائمون" in lead[2].text
    assert span_text(lead[2].text, SpanKind.STRONG, lead[2].spans) == ["أكثر من عشرين ألف كتاب"]

    floors = a.sections[1].blocks
    assert [(b.kind, b.marker) for b in floors] == [
        (BlockKind.PARAGRAPH, ""),
        (BlockKind.LIST_ITEM, "•"),  # <LI> never closed
        (BlockKind.LIST_ITEM, "•"),
        (BlockKind.LIST_ITEM, "•"),
        (BlockKind.PARAGRAPH, ""),  # text in a <DIV> never closed
    ]
    assert floors[3].text == "الطابق الثاني: قسم المراجع والمخطوطات"

    people = a.sections[2].blocks
    quoted = '"كنا ننتظر هذا اليوم طويلاً، فأقرب مكتبة كانت على بعد ساعة بالحافلة".'
    assert people[0].text.endswith(quoted)  # &quot; decoded
    assert "يوسف خليل" in people[1].text  # &nbsp; is a space

    funding = a.sections[3].blocks
    assert [b.text for b in funding[1:]] == ["المصدر: بلدية إربد الكبرى", "تصوير: سامر عودة"]


@pytest.mark.parametrize("name", ["html_news.html", "html_div_soup.html"])
def test_outline_json_of_html_articles(name: str, data_dir: Path) -> None:
    from reader.commands.outline import outline_dict

    out = outline_dict(load_article(data_dir / name))
    assert out["format"] == "html"
    assert all(p.strip() == p and "  " not in p for s in out["sections"] for p in s["paragraphs"])


@pytest.mark.parametrize("name", ["html_news.html", "html_div_soup.html"])
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


# -- title rules ------------------------------------------------------------------------------


def test_title_with_site_name_takes_the_h1() -> None:
    a = page("<title>خبر عاجل عن الطقس - موقع الأخبار</title><h1>خبر عاجل عن الطقس</h1><p>نص</p>")
    assert a.title == "خبر عاجل عن الطقس"
    assert shape(a) == [(None, 1, 1)]


def test_shortened_title_still_matches_the_h1() -> None:
    a = page(
        "<title>موقع الأخبار | أمطار غزيرة في الشمال</title>"
        "<h1>أمطار غزيرة في الشمال وتحذيرات من السيول</h1><p>نص</p>"
    )
    assert a.title == "أمطار غزيرة في الشمال وتحذيرات من السيول"
    assert shape(a) == [(None, 1, 1)]


def test_unrelated_title_keeps_the_h1_as_a_section() -> None:
    a = page("<title>الصفحة الرئيسية</title><h1>عنوان المقال</h1><p>نص</p><h2>قسم</h2><p>ب</p>")
    assert a.title == "الصفحة الرئيسية"
    assert shape(a) == [("عنوان المقال", 1, 1), ("قسم", 2, 1)]
    assert a.sections[1].parent == 0


def test_without_title_or_h1_the_first_heading_is_the_title() -> None:
    a = page("<h3>عنوان صغير</h3><p>نص</p><h3>قسم</h3><p>ب</p>")
    assert a.title == "عنوان صغير"
    assert shape(a) == [(None, 1, 1), ("قسم", 3, 1)]


def test_unclosed_title_does_not_swallow_the_body() -> None:
    a = page("<html><head><title>عنوان الصفحة<body><p>النص الأول</p><p>النص الثاني</p>")
    assert a.title == "عنوان الصفحة"
    assert texts(a) == ["النص الأول", "النص الثاني"]


def test_unclosed_head_ends_at_body_content() -> None:
    a = page("<head><title>ع</title><meta name=author content='منى'><div>نص المقال</div>")
    assert (a.title, a.author, texts(a)) == ("ع", "منى", ["نص المقال"])


def test_svg_title_is_not_the_page_title() -> None:
    a = page("<svg><title>أيقونة</title></svg><h1>العنوان الحقيقي</h1><p>نص</p>")
    assert a.title == "العنوان الحقيقي"


# -- anchors ----------------------------------------------------------------------------------


def test_heading_anchors() -> None:
    a = page(
        "<title>ع</title>"
        "<h2 id='one'>أول</h2><p>.</p>"
        "<h2><a name='two'></a>ثان</h2><p>.</p>"
        "<a id='three'></a><h2>ثالث</h2><p>.</p>"
        "<section id='four'><div><h2>رابع</h2><p>.</p></div></section>"
        "<div id='no'><p>نص يفصل</p></div><h2>خامس</h2><p>.</p>"
        "<h2><span id='six'>سادس</span></h2><p><a href='#%D8%B3'>رابط</a></p>"
    )
    assert [s.anchor for s in a.sections] == ["one", "two", "three", "four", None, "six"]
    link = a.sections[-1].blocks[0].spans[0]
    assert link.href == "#س"  # fragment links are percent-decoded


# -- blocks -----------------------------------------------------------------------------------


def test_lists_numbering_and_nesting() -> None:
    a = page(
        "<h1>ع</h1>"
        "<ol start='4'><li>د<li>هـ<ol reversed start='2'><li>ب<li>أ</ol></ol>"
        "<ol><li value='10'>ي<li>ك</ol>"
        "<li>بند بلا قائمة</li>"
        "<ul><li><p>فقرة أولى</p><p>فقرة ثانية</p></li></ul>"
    )
    blocks = a.sections[0].blocks
    assert [(b.text, b.marker, b.depth) for b in blocks] == [
        ("د", "4.", 0),
        ("هـ", "5.", 0),
        ("ب", "2.", 1),
        ("أ", "1.", 1),
        ("ي", "10.", 0),
        ("ك", "11.", 0),
        ("بند بلا قائمة", "•", 0),
        ("فقرة أولى", "•", 0),
        ("فقرة ثانية", "", 0),  # the item's second paragraph continues it
    ]
    assert all(b.kind is BlockKind.LIST_ITEM for b in blocks)


def test_quotes_and_lists_inside_each_other() -> None:
    a = page(
        "<h1>ع</h1><blockquote>قال:<ul><li>أولاً</li></ul><blockquote>أعمق</blockquote></blockquote>"
        "<ul><li>بند<blockquote>اقتباس في بند</blockquote></li></ul>"
    )
    assert [(b.kind, b.text, b.depth) for b in a.sections[0].blocks] == [
        (BlockKind.QUOTE, "قال:", 0),
        (BlockKind.LIST_ITEM, "أولاً", 1),
        (BlockKind.QUOTE, "أعمق", 1),
        (BlockKind.LIST_ITEM, "بند", 0),
        (BlockKind.QUOTE, "اقتباس في بند", 1),
    ]


def test_text_directly_in_containers_becomes_paragraphs() -> None:
    a = page(
        "<body>نص في الجسم<div>نص في div<div>داخلي</div>بعده</div>"
        "<table><tr><td>خلية أولى<td>خلية ثانية</table><article>في المقال</article></body>"
    )
    assert texts(a) == [
        "نص في الجسم", "نص في div", "داخلي", "بعده", "خلية أولى", "خلية ثانية", "في المقال",
    ]


def test_br_rules_and_whitespace() -> None:
    a = page(
        "<h1>ع</h1><p>سطر\n  أول<br>سطر ثان<br/>\n<br />فقرة&nbsp;&nbsp;جديدة</p>"
        "<p>&amp; &lt;رمز&gt;</p>"
    )
    assert texts(a) == ["سطر أول سطر ثان", "فقرة جديدة", "& <رمز>"]


def test_spans_across_blocks_and_unclosed_markup() -> None:
    a = page(
        "<h1>ع</h1><b>عريض <p>في فقرة</p> بعدها</b> عادي <a href='/x'>رابط <a href='/y'>آخر</a>"
    )
    blocks = a.sections[0].blocks
    assert [b.text for b in blocks] == ["عريض", "في فقرة", "بعدها عادي رابط آخر"]
    assert span_text(blocks[1].text, SpanKind.STRONG, blocks[1].spans) == ["في فقرة"]
    last = blocks[2]
    assert span_text(last.text, SpanKind.STRONG, last.spans) == ["بعدها"]
    # A new <a> ends the open one, as in browsers.
    assert [(last.text[s.start : s.end], s.href) for s in last.spans if s.href] == [
        ("رابط", "/x"),
        ("آخر", "/y"),
    ]


def test_header_kept_inside_article_and_whole_page_form_kept() -> None:
    body = " ".join(["كلمة"] * 120)
    a = page(
        "<header><h1>اسم الموقع</h1></header>"
        f"<form id='aspnetForm'><div><h2>عنوان المقال</h2><p>{body}</p></div></form>"
        "<form><label>ابحث</label><input><p>نموذج بحث صغير</p></form>"
    )
    assert a.title == "عنوان المقال"
    assert texts(a) == [body]


def test_read_also_paragraph_and_list() -> None:
    long = "نص طويل من المقال يكفي ليكون فقرة حقيقية ذات معنى كامل وجمل متصلة بعضها ببعض."
    a = page(
        f"<h1>خبر</h1><p>{long}</p><p><strong>إقرأ أيضاً:</strong></p>"
        "<ul><li><a href='/1'>عنوان ذو صلة</a></li><li><a href='/2'>عنوان آخر</a></li></ul>"
    )
    assert texts(a) == [long]
    assert a.boilerplate == ["إقرأ أيضاً:", "عنوان ذو صلة", "عنوان آخر"]


def test_read_also_box_in_the_middle_of_the_article() -> None:
    # Body paragraphs are longer than a headline (20 words).
    tail = " وقد أكد المسؤولون أن العمل سيستمر خلال الأشهر المقبلة وفق الخطة المعلنة."
    first = "الفقرة الأولى من المقال، وهي طويلة بما يكفي لتكون نصاً حقيقياً يقرؤه القارئ." + tail
    second = "الفقرة الثانية تكمل الحديث بعد صندوق الأخبار ذات الصلة، وتبقى في قسمها." + tail
    a = page(
        f"<h1>خبر</h1><h2>التفاصيل</h2><p>{first}</p>"
        "<div class='related'><h4>اقرأ أيضاً</h4>"
        "<ul><li><a href='/1'>عنوان ذو صلة</a></li><li><a href='/2'>عنوان آخر</a></li></ul>"
        f"</div><p>{second}</p><h2>الخلاصة</h2><p>نص الخلاصة.</p>"
    )
    # The box goes; the paragraph after it continues the section it interrupted.
    assert shape(a) == [("التفاصيل", 2, 2), ("الخلاصة", 2, 1)]
    assert texts(a)[:2] == [first, second]
    assert a.boilerplate == ["اقرأ أيضاً", "عنوان ذو صلة", "عنوان آخر"]


def test_read_also_paragraph_in_the_middle_takes_every_linked_headline() -> None:
    body = "نص طويل من المقال يكفي ليكون فقرة حقيقية ذات معنى كامل وجمل متصلة بعضها ببعض،"
    body += " وقد أكد المسؤولون أن العمل سيستمر خلال الأشهر المقبلة."
    a = page(
        f"<h1>خبر</h1><p>{body}</p><p>شاهد أيضا:</p>"
        "<p><a href='/1'>تقرير مصور عن الحدث</a></p><p><a href='/2'>مقابلة مع المسؤول</a></p>"
        f"<p>{body}</p>"
    )
    assert texts(a) == [body, body]
    assert a.boilerplate == ["شاهد أيضا:", "تقرير مصور عن الحدث", "مقابلة مع المسؤول"]


# -- robustness -------------------------------------------------------------------------------


def _words(a: Article) -> list[str]:
    return " ".join(texts(a) + a.boilerplate).split()


@pytest.mark.parametrize(
    "template",
    [
        ("<ul><li>بند{k}", "</li></ul>"),
        ("<blockquote>نص{k}", "</blockquote>"),
        ("<ol><li><blockquote>نص{k}", ""),  # never closed at all
        ("<div><span><b>نص{k}", ""),
    ],
    ids=["lists", "quotes", "unclosed-list-quote", "unclosed-divs"],
)
def test_deep_nesting_is_linear_and_keeps_text(template: tuple[str, str]) -> None:
    open_, close = template
    for n in (1000, 4000):
        text = "<h1>ع</h1>" + "".join(open_.format(k=k) for k in range(n)) + close * n
        t0 = time.perf_counter()
        a = page(text)
        elapsed = time.perf_counter() - t0
        assert _words(a) == [open_.format(k=k).split(">")[-1] for k in range(n)]
        assert max(b.depth for s in a.sections for b in s.blocks) <= MAX_DEPTH
        assert elapsed < 3.0, f"{n} levels took {elapsed:.2f}s"


@pytest.mark.parametrize("unit", ["<a", "</", "<?", "<!", "<a b='", "<!--"])
def test_unterminated_markup_is_not_quadratic(unit: str) -> None:
    text = "<p>نص</p>" + unit * 50_000
    t0 = time.perf_counter()
    page(text)
    assert time.perf_counter() - t0 < 3.0


def test_unclosed_bold_over_many_blocks_stays_linear() -> None:
    text = "<h1>ع</h1><ul>" + "<b>" * 20_000 + "<li>بند" * 20_000
    t0 = time.perf_counter()
    a = page(text)
    assert time.perf_counter() - t0 < 3.0
    blocks = a.sections[0].blocks
    assert len(blocks) == 20_000
    assert max(len(b.spans) for b in blocks) == 1


def test_never_touches_network_or_files(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    text = (data_dir / "html_news.html").read_text(encoding="utf-8")
    text += "<img src='http://example.com/x.png'><link rel=import href='file:///etc/passwd'>"

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the HTML parser must not open files or sockets")

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert page(text).title == "الذهب يسجل أعلى مستوى في تاريخه وسط قلق الأسواق"


def test_internal_failure_becomes_a_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, fragment: bool) -> None:
        raise AssertionError("we should not get here!")  # what html.parser itself may raise

    monkeypatch.setattr(html_parser, "_run", broken)
    with pytest.raises(NotTextError) as err:
        page("<p>نص</p>")
    assert "HTML" in err.value.english and err.value.arabic


def test_page_with_only_chrome_is_an_error() -> None:
    with pytest.raises(ArticleError):
        page("<html><head><style>p{}</style></head><body><nav>قائمة</nav><script>x</script>")


# -- properties -------------------------------------------------------------------------------

HTML_NOISE = "<>/!-=\"' \n&#;abpliuoh1dvscrt\u0627\u064e\u00a0[]?"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300) | st.text(alphabet=HTML_NOISE, max_size=300))
def test_arbitrary_text_raises_only_model_errors(text: str) -> None:
    try:
        a = page(text)
    except ArticleError:
        return
    assert [s.id for s in a.sections] == list(range(len(a.sections)))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=1024))
def test_arbitrary_bytes_raise_only_model_errors(data: bytes) -> None:
    with contextlib.suppress(ArticleError):
        parse_bytes(data, Path("blob.html"), Format.HTML)


# Letters only, without alef/qaf/shin: no word can spell a "read also" marker.
ARABIC = "بتثجحخدذرزسصضطظعغفكلمنهوية"
LATIN = "bcdfghjklmnpqrstvwxz"
word = st.text(alphabet=ARABIC + LATIN, min_size=1, max_size=7)
words = st.lists(word, min_size=1, max_size=6)


def _inline(draw: st.DrawFn, ws: list[str]) -> str:
    out = []
    for w in ws:
        wrap = draw(st.sampled_from(["", "", "b", "em", "a", "span", "br"]))
        if wrap == "a":
            out.append(f"<a href='#{w}'>{html.escape(w)}</a>")
        elif wrap == "br":
            out.append(f"{html.escape(w)}<br>")
        elif wrap:
            out.append(f"<{wrap}>{html.escape(w)}</{wrap}>")
        else:
            out.append(html.escape(w))
    return " ".join(out)


@st.composite
def html_doc(draw: st.DrawFn) -> tuple[str, list[tuple[int, list[str]]]]:
    """An HTML body and its blocks' words, tagged with the heading level (0: not a heading)."""
    parts: list[str] = []
    blocks: list[tuple[int, list[str]]] = []
    for _ in range(draw(st.integers(1, 10))):
        kind = draw(st.sampled_from(["h", "p", "p-open", "div", "ul", "ol", "quote"]))
        ws = draw(words)
        if kind == "h":
            level = draw(st.integers(1, 6))
            parts.append(f"<h{level}>{_inline(draw, ws)}</h{level}>")
            blocks.append((level, ws))
        elif kind in ("p", "p-open", "div"):
            tag = "div" if kind == "div" else "p"
            end = "" if kind == "p-open" else f"</{tag}>"
            parts.append(f"<{tag}>{_inline(draw, ws)}{end}")
            blocks.append((0, ws))
        elif kind in ("ul", "ol"):
            items = [ws, *draw(st.lists(words, max_size=3))]
            nested = draw(st.booleans())
            lis = "".join(f"<li>{_inline(draw, w)}" for w in items[:-1])
            last = f"<li>{_inline(draw, items[-1])}</li>"
            if nested:
                last = f"<li><{kind}>{last}</{kind}></li>"
            parts.append(f"<{kind}>{lis}{last}</{kind}>")
            blocks += [(0, w) for w in items]
        else:
            parts.append(f"<blockquote><p>{_inline(draw, ws)}</p></blockquote>")
            blocks.append((0, ws))
    return "<body>" + "\n".join(parts) + "</body>", blocks


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_doc())
def test_generated_html_keeps_every_word_in_order(
    doc: tuple[str, list[tuple[int, list[str]]]],
) -> None:
    text, blocks = doc
    a = page(text)
    headings = [i for i, (level, _) in enumerate(blocks) if level]
    first_h1 = next((i for i in headings if blocks[i][0] == 1), None)
    title_at = first_h1 if first_h1 is not None else (headings[0] if headings else None)
    if title_at is not None:
        assert a.title == " ".join(blocks[title_at][1])
    expected = [w for i, (_, ws) in enumerate(blocks) if i != title_at for w in ws]
    got = []
    for s in a.sections:
        if s.heading is not None:
            got += s.heading.split()
        for b in s.blocks:
            got += b.text.split()
    assert a.boilerplate == []
    assert got == expected
