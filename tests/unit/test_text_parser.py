"""Plain-text parsing: structure of varied real-looking articles, encodings, line endings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import BlockKind, Format, load_article, parse_bytes
from reader.model.text_parser import MAX_PARAGRAPH_CHARS, is_heading_shaped, split_paragraph

from .test_model_sample import HEADINGS


def _shape(path: Path) -> list[tuple[str | None, int]]:
    a = load_article(path)
    return [(s.heading, len(s.blocks)) for s in a.sections]


def test_lead_paragraphs_lists_and_read_also(data_dir: Path) -> None:
    a = load_article(data_dir / "text_lead_lists_readalso.txt")
    assert a.title == "ارتفاع أسعار القمح في الأسواق العربية يثير مخاوف المستهلكين"
    assert [(s.heading, len(s.blocks)) for s in a.sections] == [
        (None, 2),
        ("أسباب الارتفاع", 4),
        ("كيف تتعامل الحكومات مع الأزمة؟", 4),
        ("2025: عام حاسم للأمن الغذائي", 1),
        ("Qt وتقنيات الزراعة الذكية", 1),
    ]
    causes = a.sections[1].blocks
    assert [b.kind for b in causes] == [BlockKind.PARAGRAPH] + [BlockKind.LIST_ITEM] * 3
    assert [b.marker for b in causes[1:]] == ["-", "-", "-"]
    numbered = a.sections[2].blocks[1:]
    assert [b.marker for b in numbered] == ["١.", "٢.", "٣."]
    assert all(b.ordered for b in numbered)
    assert numbered[0].text.startswith("مصر وقعت")
    assert a.boilerplate == [
        "اقرأ أيضاً:",
        "ارتفاع أسعار الذهب في الأسواق المحلية",
        "البنك الدولي يحذر من أزمة غذاء عالمية",
        "شاهد أيضا: تقرير مصور عن موسم الحصاد",
    ]


def test_no_blank_lines_and_question_heading(data_dir: Path) -> None:
    assert _shape(data_dir / "text_no_blank_lines.txt") == [
        (None, 1),
        ("برنامج حافل بالفعاليات", 2),
        ("ضيف الشرف", 1),
        ("هل يعود القراء إلى الكتاب الورقي؟", 1),
    ]
    assert load_article(data_dir / "text_no_blank_lines.txt").boilerplate[0] == "اقرأ المزيد"


def test_hard_wrapped_lines_are_joined_into_paragraphs(data_dir: Path) -> None:
    a = load_article(data_dir / "text_wrapped.txt")
    assert [(s.heading, len(s.blocks)) for s in a.sections] == [
        ("نشأة الخط", 2),
        ("الأنواع الرئيسية", 1),
        ("الخط في العصر الحديث", 1),
    ]
    first = a.sections[0].blocks[0].text
    assert "القديم، حتى صار" in first and "\n" not in first


def _sample_text(sample_path: Path) -> str:
    return sample_path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("transform", "encoding"),
    [
        (lambda t: t.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        (lambda t: t.replace("\n", "\r").encode("utf-8"), "utf-8"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.replace("\n", "\r\n").encode("cp1256"), "cp1256"),
        (lambda t: t.encode("iso8859-6", errors="replace"), "iso8859-6"),
        (lambda t: t.replace("\n", "\n\n").encode("utf-8"), "utf-8"),
    ],
    ids=["crlf", "cr", "bom", "utf16-bom", "utf16le-nobom", "cp1256", "iso8859-6", "blank-lines"],
)
def test_sample_in_every_encoding_and_line_ending(
    sample_path: Path, transform: object, encoding: str
) -> None:
    data = transform(_sample_text(sample_path))  # type: ignore[operator]
    a = parse_bytes(data, Path("article.txt"))
    assert a.source.encoding == encoding
    assert a.source.format is Format.TEXT
    assert [s.heading for s in a.sections] == HEADINGS
    assert [len(s.blocks) for s in a.sections] == [1, 2, 2, 1, 2, 2, 1, 2]
    assert a.boilerplate == ["إقراء ايضا:"]


def test_nbsp_and_zero_width_joiner_are_kept() -> None:
    text = "عنوان المقال\nقسم أول\nنص\u00a0فيه مسافة ثابتة و\u200dوصلة صفرية، ثم نهاية الجملة.\n"
    a = parse_bytes(text.encode("utf-8"), Path("a.txt"))
    body = a.sections[0].blocks[0].text
    assert "\u00a0" in body and "\u200d" in body


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("تأكيد الاستقرار على الحدود", True),
        ("هل يعود القراء إلى الكتاب الورقي؟", True),
        ("وأضاف المتحدث:", False),
        ("انتهى الاجتماع.", False),
        ("في هذا السياق،", False),
        ("- بند في قائمة", False),
        ("٣. بند مرقم", False),
        ("12345", False),
    ],
)
def test_heading_shape(line: str, heading: bool) -> None:
    assert is_heading_shaped(line) is heading


def test_first_line_is_the_title_even_when_long() -> None:
    body = "هذه فقرة طويلة تبدأ الملف مباشرة دون عنوان، وتستمر حتى نهاية السطر الأول من الملف."
    a = parse_bytes((body + "\n" + body + "\n").encode("utf-8"), Path("my_notes.txt"))
    assert a.title == body
    assert a.sections[0].heading is None
    assert len(a.sections[0].blocks) == 1


def test_short_last_line_is_not_a_heading() -> None:
    text = "العنوان\nقسم\nفقرة أولى طويلة بما يكفي لتكون متن القسم كله.\nوالله أعلم\n"
    a = parse_bytes(text.encode("utf-8"), Path("a.txt"))
    assert [s.heading for s in a.sections] == ["قسم"]
    assert a.sections[0].paragraphs[-1] == "والله أعلم"


def test_numbered_headings_and_numbered_lists_are_told_apart() -> None:
    text = "\n".join([
        "خطة الحكومة للعام المقبل",
        "أعلنت الحكومة خطتها للعام المقبل في مؤتمر صحفي عقد صباح اليوم في العاصمة.",
        "1- تطوير البنية التحتية",
        "تتضمن الخطة إنشاء طرق جديدة وتوسيع شبكات المياه والكهرباء في المناطق الريفية.",
        "2- دعم التعليم",
        "تركز الخطة على بناء مدارس جديدة وتدريب المعلمين، ومن أبرز بنودها:",
        "١. بناء مئة مدرسة",
        "٢. تدريب ألف معلم",
        "وأكد الوزير أن التنفيذ سيبدأ مطلع العام المقبل بعد إقرار الميزانية في البرلمان.",
    ])
    a = parse_bytes(text.encode("utf-8"), Path("plan.txt"))
    assert [s.heading for s in a.sections] == [None, "1- تطوير البنية التحتية", "2- دعم التعليم"]
    assert [b.kind for b in a.sections[2].blocks] == [
        BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.PARAGRAPH
    ]


def test_bylines_and_datelines_are_not_headings() -> None:
    text = "\n".join([
        "افتتاح متحف جديد للفنون الإسلامية",
        "بقلم: سارة أحمد",
        "الأحد 9 مارس 2025",
        "افتتح أمس متحف جديد للفنون الإسلامية يضم مجموعة نادرة من المخطوطات والخزفيات.",
        "مقتنيات نادرة",
        "يضم المتحف أكثر من ألفي قطعة أثرية تعود إلى عصور مختلفة من التاريخ الإسلامي.",
    ])
    a = parse_bytes(text.encode("utf-8"), Path("museum.txt"))
    assert [(s.heading, len(s.blocks)) for s in a.sections] == [(None, 1), ("مقتنيات نادرة", 1)]
    # Under the title they are the article's byline, kept as written, not lead paragraphs.
    assert a.bylines == ["بقلم: سارة أحمد", "الأحد 9 مارس 2025"]
    assert (a.author, a.date) == ("سارة أحمد", "الأحد 9 مارس 2025")
    assert list(a.iter_text())[:3] == [a.title, "بقلم: سارة أحمد", "الأحد 9 مارس 2025"]


@pytest.mark.parametrize(
    ("line", "author", "date"),
    [
        ("عمّان - الأحد 8 يونيو 2025", None, "عمّان - الأحد 8 يونيو 2025"),
        ("حاورتها: نور الهدى عبد الله", "نور الهدى عبد الله", None),
        ("كتب - محمد علي", "محمد علي", None),
        ("بقلم د. خالد المنصوري | 3 أيار 2024", "د. خالد المنصوري", "3 أيار 2024"),
        ("By Jane Doe", "Jane Doe", None),
        ("نُشر في: 12/06/2025", None, "12/06/2025"),
        ("المصدر: وكالات", None, None),
    ],
)
def test_byline_under_the_title_names_author_and_date(
    line: str, author: str | None, date: str | None
) -> None:
    text = f"عنوان المقال\n{line}\nفقرة المقال الأولى، وهي طويلة بما يكفي لتكون متنًا.\n"
    a = parse_bytes(text.encode("utf-8"), Path("a.txt"))
    assert a.bylines == [line]
    assert (a.author, a.date) == (author, date)
    assert [(s.heading, len(s.blocks)) for s in a.sections] == [(None, 1)]


def test_label_words_without_a_colon_can_be_headings() -> None:
    """"ترجمة" (translation) and "تحرير" (liberalisation) start headings too; only a colon or a
    dash makes them credit labels."""
    text = "\n".join([
        "الأدب العربي في العالم",
        "تشهد حركة نقل الأدب العربي إلى اللغات الأخرى نشاطًا ملحوظًا في السنوات الأخيرة.",
        "ترجمة الأدب العربي",
        "تضاعف عدد الروايات العربية المترجمة إلى الإنجليزية خلال عقد واحد بحسب دور النشر.",
        "تحرير سعر الصرف",
        "أدى تحرير سعر الصرف إلى ارتفاع أسعار الكتب المستوردة في معظم الأسواق العربية.",
    ])
    a = parse_bytes(text.encode("utf-8"), Path("a.txt"))
    assert a.bylines == []
    assert [s.heading for s in a.sections] == [None, "ترجمة الأدب العربي", "تحرير سعر الصرف"]


def test_credits_at_the_end_leave_the_body_but_not_in_the_middle() -> None:
    text = "\n".join([
        "العنوان",
        "قسم أول",
        "فقرة أولى طويلة بما يكفي لتكون متن القسم كله، وتنتهي بنقطة.",
        "المصدر: وكالات",
        "فقرة ثانية تأتي بعد سطر المصدر، فهو هنا جزء من النص لا توقيع في آخره.",
        "ويستمر المعرض حتى 20 مارس 2025",
        "تصوير: علي حسن",
        "آخر تحديث: الأحد 9 مارس 2025",
    ])
    a = parse_bytes(text.encode("utf-8"), Path("a.txt"))
    assert a.bylines == ["تصوير: علي حسن", "آخر تحديث: الأحد 9 مارس 2025"]
    assert (a.author, a.date) == (None, "الأحد 9 مارس 2025")
    assert [(s.heading, s.paragraphs[1], s.paragraphs[-1]) for s in a.sections] == [
        ("قسم أول", "المصدر: وكالات", "ويستمر المعرض حتى 20 مارس 2025")
    ]


def test_captions_are_not_headings_and_a_question_heads_its_list() -> None:
    text = "\n".join([
        "حملة وطنية للتطعيم ضد الحصبة",
        "أطلقت وزارة الصحة اليوم حملة وطنية للتطعيم تستهدف ملايين الأطفال في كل المحافظات.",
        "(صورة أرشيفية)",
        "ما هي أعراض الحصبة؟",
        "• ارتفاع الحرارة",
        "• طفح جلدي يبدأ من الوجه",
        "• احمرار العينين",
        "وينصح الأطباء بعزل الطفل المصاب فور ظهور الأعراض ومراجعة الطبيب.",
    ])
    a = parse_bytes(text.encode("utf-8"), Path("a.txt"))
    assert [(s.heading, len(s.blocks)) for s in a.sections] == [
        (None, 2), ("ما هي أعراض الحصبة؟", 4)
    ]


def test_interview_turns_are_paragraphs_not_headings() -> None:
    text = "\n".join([
        "حوار مع المخرج",
        "البدايات",
        "س: كيف بدأت رحلتك مع السينما؟",
        "ج: بالصدفة. كنت أرافق والدي إلى دار العرض كل أسبوع، ثم صرت أكتب عن الأفلام.",
        "سؤال: وما مشروعك المقبل؟",
        "جواب: فيلم وثائقي عن البحر، ما زلت أكتبه، وأرجو أن أصوره في الربيع المقبل.",
    ])
    a = parse_bytes(text.encode("utf-8"), Path("a.txt"))
    assert [(s.heading, len(s.blocks)) for s in a.sections] == [("البدايات", 4)]


def test_question_heading_answered_in_a_word() -> None:
    text = "\n".join([
        "الصيام والرياضة",
        "هل يمكن ممارسة الرياضة أثناء الصيام؟",
        "نعم، بشروط.",
        "ينصح المدربون بالتمرين قبل الإفطار بساعة أو بعده بساعتين، مع شرب الماء بكثرة ليلاً.",
        "ما أفضل التمارين؟",
        "المشي السريع والسباحة وتمارين المرونة هي الأنسب لمعظم الصائمين في رمضان.",
    ])
    a = parse_bytes(text.encode("utf-8"), Path("a.txt"))
    assert [(s.heading, len(s.blocks)) for s in a.sections] == [
        ("هل يمكن ممارسة الرياضة أثناء الصيام؟", 2),
        ("ما أفضل التمارين؟", 1),
    ]


def test_quoted_sentence_is_not_a_heading() -> None:
    text = "\n".join([
        "العنوان",
        "قسم أول",
        "فقرة أولى طويلة بما يكفي لتكون متن القسم كله، وتنتهي بنقطة كما ينبغي.",
        "«لن نتراجع.»",
        "قالها الوزير مرتين في المؤتمر الصحفي، ثم غادر القاعة دون أن يجيب عن الأسئلة.",
    ])
    a = parse_bytes(text.encode("utf-8"), Path("a.txt"))
    assert [(s.heading, len(s.blocks)) for s in a.sections] == [("قسم أول", 3)]


def test_hard_wrapped_article_with_more_short_blocks_than_paragraphs(data_dir: Path) -> None:
    """Byline, headings and a one-word answer are one-line blocks and outnumber the wrapped
    paragraphs; the paragraphs still hold most of the text, so their lines are joined."""
    a = load_article(data_dir / "text_wrapped_byline_short_answer.txt")
    assert a.author == "مريم الأنصاري"
    assert [(s.heading, len(s.blocks)) for s in a.sections] == [
        ("نشأة الخط", 2),
        ("الأنواع الرئيسية", 1),
        ("هل ما زال للخط مستقبل؟", 2),
    ]
    assert a.sections[1].blocks[0].text.endswith("في الكتب والمساجد والوثائق الرسمية.")


def test_arabic_letter_and_other_bullets_are_list_items() -> None:
    text = "\n".join([
        "شروط الترشح للمجلس البلدي",
        "يشترط في المرشح ما يلي:",
        "أ) الجنسية",
        "ب) السن القانونية",
        "■ السجل النظيف",
        "ويقدم المرشح طلبه إلى الهيئة قبل شهرين من موعد الاقتراع، مرفقاً بالوثائق المطلوبة.",
        "أ. د. خالد المنصوري أستاذ القانون الإداري في الجامعة، ويرى أن هذه الشروط كافية.",
    ])
    a = parse_bytes(text.encode("utf-8"), Path("a.txt"))
    blocks = a.sections[0].blocks
    assert [s.heading for s in a.sections] == [None]
    assert [(b.kind, b.marker) for b in blocks[1:4]] == [
        (BlockKind.LIST_ITEM, "أ)"), (BlockKind.LIST_ITEM, "ب)"), (BlockKind.LIST_ITEM, "■")
    ]
    assert blocks[-1].kind is BlockKind.PARAGRAPH and blocks[-1].text.startswith("أ. د. خالد")


def test_paragraphs_that_lost_their_final_stop(data_dir: Path) -> None:
    """A scrape that dropped every full stop: headings are told from paragraphs by length (a
    heading is much shorter than the text after it; a long line is body text), and a short
    paragraph just before a heading is not taken for a heading of an empty section."""
    a = load_article(data_dir / "text_no_final_stops.txt")
    assert [(s.heading, len(s.blocks)) for s in a.sections] == [
        (None, 2),
        ("الطماطم في الصدارة", 2),
        ("الحكومة تتدخل", 1),
    ]


def test_a_first_line_too_long_for_a_title_is_text_and_the_file_names_the_article(
    tmp_path: Path,
) -> None:
    line = "هذه جملة طويلة من نص عربي بلا عنوان، " * 20
    path = tmp_path / "مقالة_بلا_عنوان.txt"
    path.write_text(line + "\n\nفقرة ثانية قصيرة.\n", encoding="utf-8")
    article = load_article(path)
    assert article.title == ""
    assert article.label() == "مقالة بلا عنوان"
    texts = [b.text for s in article.sections for b in s.blocks]
    assert texts[0] == line.strip()
    assert texts[-1] == "فقرة ثانية قصيرة."


def test_a_paragraph_of_a_whole_book_is_cut_at_sentence_ends() -> None:
    sentence = "هذه جملة عربية في كتاب طويل كتب على سطر واحد. "
    text = "عنوان الكتاب\n\n" + sentence * 2000 + "\n"
    article = parse_bytes(text.encode(), Path("book.txt"))
    blocks = [b.text for s in article.sections for b in s.blocks]
    assert len(blocks) >= (len(sentence) * 2000) // MAX_PARAGRAPH_CHARS
    assert all(len(b) <= MAX_PARAGRAPH_CHARS for b in blocks)
    assert all(b.endswith(".") for b in blocks)  # cut after a sentence, not inside one
    assert "".join(blocks).replace(" ", "") == (sentence * 2000).replace(" ", "")


def test_split_paragraph_without_sentence_ends_or_spaces_keeps_every_character() -> None:
    words = "كلمة " * 3000
    pieces = split_paragraph(words, 1000)
    assert all(len(p) <= 1000 for p in pieces)
    assert "".join(pieces).replace(" ", "") == words.replace(" ", "")
    solid = "ب" * 2500
    assert split_paragraph(solid, 1000) == ["ب" * 1000, "ب" * 1000, "ب" * 500]
