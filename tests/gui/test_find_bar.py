"""The find bar (Ctrl+F): Arabic-aware matches highlighted in the text, the count, moving
between matches, options, the section tree's counts, closing, tabs and reloads."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from reader.search import fold
from reader.ui.find_bar import FindBar
from reader.ui.find_highlights import COLOURS, align
from reader.ui.main_window import MainWindow
from reader.ui.reading_pane import ReadingPane
from reader.ui.section_model import MATCH_COUNT_ROLE, ROOT_ID

from .conftest import MakeWindow
from .helpers import pane_of


def open_bar(qtbot: QtBot, window: MainWindow) -> FindBar:
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.findChild(FindBar, "findBar")
    assert bar is not None
    qtbot.waitUntil(bar.isVisible)
    return bar


def type_query(qtbot: QtBot, bar: FindBar, text: str) -> None:
    """Type ``text`` one character at a time, as a user would (QTest cannot type Arabic)."""
    bar.query.clear()
    for ch in text:
        bar.query.insert(ch)
    qtbot.waitUntil(lambda: not bar._timer.isActive())


def highlighted(pane: ReadingPane) -> list[tuple[str, str]]:
    """(text, background colour) of every extra selection in the pane."""
    return [
        (s.cursor.selectedText(), s.format.background().color().name())
        for s in pane.extraSelections()
    ]


def current_visible(pane: ReadingPane, bar: FindBar) -> bool:
    found = pane.find_highlights.doc_range(bar.current)
    assert found is not None
    cursor = QTextCursor(pane.document())
    cursor.setPosition(found[0])
    rect = pane.cursorRect(cursor)
    return rect.top() >= 0 and rect.bottom() <= pane.viewport().height()


@pytest.mark.parametrize(
    ("query", "count", "shown"),
    [
        ("الامنية", 7, "الأمنية"),
        ("استقرارا", 1, "استقراراً"),
        ("العراقيه", 15, "العراقية"),
        ("٢٠٢٥", 1, "2025"),
    ],
)
def test_the_issue_queries_find_their_spelling_variants(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, query: str, count: int, shown: str
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    bar = open_bar(qtbot, window)
    type_query(qtbot, bar, query)
    assert len(bar.matches) == count
    digits = "١٢٣٤٥٦٧٨٩٠"
    assert bar.count.text() == f"١ من {str(count).translate(str.maketrans('1234567890', digits))}"
    texts = highlighted(pane)
    assert len(texts) == count  # every match painted (a short article: all near the view)
    assert all(fold(text) == fold(query) for text, _ in texts)
    assert shown in [text for text, _ in texts]
    assert fold(shown) == fold(query) and shown != query


def test_ascii_digits_find_arabic_indic_ones(
    qtbot: QtBot, make: MakeWindow, tmp_path: Path
) -> None:
    path = tmp_path / "dates.txt"
    path.write_text("تقرير\n\nالموعد\nفي ٧ مارس ٢٠٢٥ وصل الوفد، وفي ٢٠٢٥ أيضاً.\n", encoding="utf-8")
    window = make([path])
    bar = open_bar(qtbot, window)
    type_query(qtbot, bar, "2025")
    assert [text for text, _ in highlighted(pane_of(window))] == ["٢٠٢٥", "٢٠٢٥"]
    assert bar.count.text() == "١ من ٢"


def test_current_match_is_distinct_and_enter_moves_it_into_view(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    bar = open_bar(qtbot, window)
    type_query(qtbot, bar, "العراقيه")
    colours = COLOURS[pane.theme.name]
    backgrounds = [bg for _, bg in highlighted(pane)]
    assert backgrounds.count(QColor(colours.current_bg).name()) == 1
    assert backgrounds.count(QColor(colours.match_bg).name()) == 14

    QTest.keyClick(bar.query, Qt.Key.Key_Return)
    assert bar.current == 1 and bar.count.text() == "٢ من ١٥"
    QTest.keyClick(bar.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(bar.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == 14 and bar.count.text() == "١٥ من ١٥"  # wrapped to the last
    assert pane.verticalScrollBar().value() > 0  # the last match is far down the article
    assert current_visible(pane, bar)
    current = [t for t, bg in highlighted(pane) if bg == QColor(colours.current_bg).name()]
    assert current == ["العراقية"]

    QTest.keyClick(bar.query, Qt.Key.Key_F3)
    assert bar.current == 0 and current_visible(pane, bar)
    QTest.keyClick(pane, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)  # from the text
    assert bar.current == 14 and current_visible(pane, bar)


def test_f3_before_the_bar_was_ever_opened_opens_it_and_is_in_the_edit_menu(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    assert window.findChild(FindBar, "findBar") is None
    QTest.keyClick(pane_of(window), Qt.Key.Key_F3)
    bar = window.findChild(FindBar, "findBar")
    assert bar is not None and bar.isVisible()
    edit_menu = window.menuBar().actions()[1].menu()
    names = [a.objectName() for a in edit_menu.actions()]
    assert {"action_next_match", "action_previous_match"} <= set(names)


def test_escape_closes_the_bar_and_clears_highlights_and_counts(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    bar = open_bar(qtbot, window)
    type_query(qtbot, bar, "الامنية")
    assert pane.extraSelections()
    QTest.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert pane.extraSelections() == []
    model = window.tree.model()
    root = model.index(0, 0)
    texts = [model.index(r, 0, root).data() for r in range(model.rowCount(root))]
    assert not any("(" in t for t in texts)
    assert pane.hasFocus()
    # Ctrl+F again shows the last query, selected, and searches it again.
    bar = open_bar(qtbot, window)
    assert bar.query.selectedText() == "الامنية" and len(pane.extraSelections()) == 7


def test_escape_in_the_text_closes_the_bar_and_selected_text_is_the_query(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    bar = open_bar(qtbot, window)
    type_query(qtbot, bar, "سوريا")
    pane.setFocus()
    QTest.keyClick(pane, Qt.Key.Key_Escape)
    assert not bar.isVisible() and pane.extraSelections() == []
    cursor = pane.document().find("الحدودية")
    assert not cursor.isNull()
    pane.setTextCursor(cursor)
    bar = open_bar(qtbot, window)
    assert bar.query.text() == "الحدودية" and bar.count.text() == "١ من ٢"
    assert not pane.textCursor().hasSelection()


def test_exact_and_whole_word_options_change_the_counts(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    bar = open_bar(qtbot, window)
    assert bar.fold.isChecked() and not bar.whole_word.isChecked()
    type_query(qtbot, bar, "الامنية")
    assert len(bar.matches) == 7
    bar.fold.setChecked(False)  # exact: the text says الأمنية, with a hamza
    assert bar.matches == [] and bar.count.text() == "لا نتائج"
    assert pane_of(window).extraSelections() == []
    bar.fold.setChecked(True)

    type_query(qtbot, bar, "العراق")
    part_of_word = len(bar.matches)
    bar.whole_word.setChecked(True)
    whole = len(bar.matches)
    assert 0 < whole < part_of_word  # العراقية no longer counts
    assert all(t == "العراق" for t, _ in highlighted(pane_of(window)))


def test_section_tree_shows_counts_while_searching(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    bar = open_bar(qtbot, window)
    type_query(qtbot, bar, "العراقيه")
    model = window.tree.model()
    root = model.index(0, 0)
    assert model.data(root, MATCH_COUNT_ROLE) == 1  # the title
    second = model.index(1, 0, root)  # تأكيد الاستقرار على الحدود: four times
    assert second.data() == "تأكيد الاستقرار على الحدود (٤)"
    assert second.data(MATCH_COUNT_ROLE) == 4
    sixth = model.index(5, 0, root)  # تطورات في العلاقات الثنائية: none
    assert sixth.data() == "تطورات في العلاقات الثنائية" and sixth.data(MATCH_COUNT_ROLE) == 0
    total = sum(model.index(r, 0, root).data(MATCH_COUNT_ROLE) for r in range(8))
    assert total + 1 == 15
    assert pane.section_model is not None and pane.section_model.match_count(ROOT_ID) == 1
    bar.close_bar()
    assert second.data() == "تأكيد الاستقرار على الحدود"
    assert second.data(MATCH_COUNT_ROLE) is None


def test_switching_tabs_searches_the_new_article(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.md"
    other.write_text("# مقالة أخرى\n\n## الوضع\n\nالحالة الأمنية مستقرة والأمنية.\n", "utf-8")
    window = make([sample_path, other])
    window.tabs.setCurrentIndex(0)
    first = pane_of(window)
    bar = open_bar(qtbot, window)
    type_query(qtbot, bar, "الامنية")
    assert len(bar.matches) == 7
    window.tabs.setCurrentIndex(1)
    second = pane_of(window)
    assert second is not first
    assert bar.count.text() == "١ من ٢"
    assert len(second.extraSelections()) == 2 and first.extraSelections() == []
    assert first.section_model is not None and first.section_model.match_count(ROOT_ID) is None
    model = window.tree.model()
    section = model.index(0, 0, model.index(0, 0))
    assert section.data() == "الوضع (٢)"


def test_a_reloaded_article_is_searched_again(
    qtbot: QtBot, make: MakeWindow, tmp_path: Path
) -> None:
    path = tmp_path / "changing.txt"
    path.write_text("عنوان\n\nقسم\nالحالة الأمنية مستقرة.\n", encoding="utf-8")
    window = make([path])
    bar = open_bar(qtbot, window)
    type_query(qtbot, bar, "الامنية")
    assert bar.count.text() == "١ من ١"
    path.write_text("عنوان\n\nقسم\nالحالة الأمنية مستقرة والأمنية كذلك.\n", encoding="utf-8")
    window.reload_file(path.resolve())
    assert bar.count.text() == "١ من ٢"
    assert [t for t, _ in highlighted(pane_of(window))] == ["الأمنية", "الأمنية"]


def test_english_interface_counts_in_latin_digits(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, settings_path: Path
) -> None:
    settings_path.write_text("[preferences]\nlanguage=en\n", encoding="utf-8")
    window = make([sample_path])
    assert window.lang == "en"
    bar = open_bar(qtbot, window)
    type_query(qtbot, bar, "العراقيه")
    assert bar.count.text() == "1 of 15"
    type_query(qtbot, bar, "غير موجود")
    assert bar.count.text() == "No results"


@pytest.mark.parametrize("count", [1500, 3000])  # 3,000: over 100,000 characters, a "book"
def test_long_article_paints_only_matches_near_the_view(
    qtbot: QtBot, make: MakeWindow, tmp_path: Path, count: int
) -> None:
    path = tmp_path / "long.txt"
    paragraphs = [f"الفقرة رقم {i} تذكر الحدود العراقية مرة واحدة." for i in range(count)]
    path.write_text("مقالة طويلة\n\nالقسم\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
    window = make([path])
    pane = pane_of(window)
    assert (pane._chunked is not None) is (count > 2000)  # typeset around the view
    bar = open_bar(qtbot, window)
    type_query(qtbot, bar, "العراقيه")
    assert len(bar.matches) == count
    painted = pane.find_highlights.painted()
    assert 0 < len(painted) < 200
    QTest.keyClick(bar.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    last = count - 1
    assert bar.current == last and current_visible(pane, bar)
    qtbot.waitUntil(lambda: last in pane.find_highlights.painted())
    assert 0 not in pane.find_highlights.painted()
    found = pane.find_highlights.doc_range(last)
    assert found is not None
    assert f"الفقرة رقم {last} تذكر" in pane.document().findBlock(found[0]).text()
    current = QColor(COLOURS[pane.theme.name].current_bg).name()
    assert [t for t, bg in highlighted(pane) if bg == current] == ["العراقية"]


def test_highlight_colours_keep_text_readable_in_both_themes(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    def luminance(name: str) -> float:
        c = QColor(name)
        values = [c.redF(), c.greenF(), c.blueF()]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    def contrast(a: str, b: str) -> float:
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    for colours in COLOURS.values():
        assert contrast(colours.match_bg, colours.match_text) >= 4.5
        assert contrast(colours.current_bg, colours.current_text) >= 4.5
        assert colours.match_bg != colours.current_bg
    window = make([sample_path])
    pane = pane_of(window)
    bar = open_bar(qtbot, window)
    type_query(qtbot, bar, "الامنية")
    window.set_theme("dark")
    dark = COLOURS["dark"]
    backgrounds = {bg for _, bg in highlighted(pane)}
    assert backgrounds == {QColor(dark.match_bg).name(), QColor(dark.current_bg).name()}
    assert all(fold(t) == fold("الامنية") for t, _ in highlighted(pane))


def test_offsets_are_mapped_through_what_qt_shows() -> None:
    assert align("abc", "abc") == 0
    assert align("كلمة", "•\xa0\xa0كلمة") == 3  # a list item's marker
    mapping = align("  a   b\nc", "a b\u2028c")  # collapsed white space, a line break
    assert isinstance(mapping, list)
    assert [mapping[i] for i in (2, 6, 8)] == [0, 2, 4]


def test_matches_are_highlighted_with_harakat_hidden_and_digits_changed(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    window.set_reading(window.reading._replace(show_harakat=False, digits="arabic-indic"))
    bar = open_bar(qtbot, window)
    type_query(qtbot, bar, "استقرارا")
    assert [t for t, _ in highlighted(pane)] == ["استقرارا"]  # its tanween is not shown
    type_query(qtbot, bar, "2025")
    assert [t for t, _ in highlighted(pane)] == ["٢٠٢٥"]  # shown in Arabic-Indic digits
    assert bar.count.text() == "١ من ١"
    window.set_reading(window.reading._replace(show_harakat=True, digits="auto"))
    qtbot.waitUntil(lambda: [t for t, _ in highlighted(pane)] == ["2025"])
