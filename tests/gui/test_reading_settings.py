"""Reading settings: typeface, zoom, line spacing, width, page themes, harakat, digits, and that
they are remembered (View menu and View > Reading Settings)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QFontInfo, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.export.blocks import article_blocks
from reader.search import find_in_article
from reader.ui import i18n
from reader.ui import settings as keys
from reader.ui.app import make_window
from reader.ui.display_text import HARAKAT
from reader.ui.main_window import MainWindow
from reader.ui.reading_pane import ReadingPane
from reader.ui.reading_settings import ReadingSettingsDialog, show_reading_settings
from reader.ui.settings import Settings
from reader.ui.themes import THEMES, ThemeManager, contrast_ratio

from .conftest import MakeWindow
from .helpers import pane_of, show_window

SECOND_FACE = "Noto Sans Arabic"  # the test extra installs fontpkg-noto-sans-arabic

VOCALISED = """
فِي مَدِيحِ الْقِرَاءَةِ

الْكِتَابُ الْأَوَّلُ
قَرَأَ الطَّالِبُ 3 كُتُبٍ فِي عَامِ 2025 وَكَتَبَ عَنْهَا مَقَالًا طَوِيلًا.
إِنَّ الْعِلْمَ نُورٌ يَهْدِي صَاحِبَهُ فِي ظُلُمَاتِ الْجَهْلِ.

الْكِتَابُ الثَّانِي
وَفِي الْكِتَابِ الثَّانِي 12 فَصْلًا عَنِ الشِّعْرِ الْعَرَبِيِّ الْقَدِيمِ.
"""

ARABIC_INDIC = set("٠١٢٣٤٥٦٧٨٩")
WESTERN = set("0123456789")


@pytest.fixture(autouse=True)
def _interface_digits() -> Iterator[None]:
    yield
    i18n.set_digits("auto")  # module state: the next test's window starts as written


@pytest.fixture
def vocalised(tmp_path: Path) -> Path:
    path = tmp_path / "vocalised.txt"
    path.write_text(VOCALISED, encoding="utf-8")
    return path


def _dialog(window: MainWindow) -> ReadingSettingsDialog:
    dialog = show_reading_settings(window)
    assert isinstance(dialog, ReadingSettingsDialog)
    return dialog


def _choose(combo_value: str, dialog: ReadingSettingsDialog, name: str) -> None:
    combo = {"font": dialog.font_combo, "theme": dialog.theme_combo,
             "digits": dialog.digits_combo}[name]  # fmt: skip
    index = combo.findData(combo_value)
    assert index >= 0, (name, combo_value)
    combo.setCurrentIndex(index)


def _paragraph(pane: ReadingPane, contains: str) -> int:
    """Number of the first block whose text holds ``contains``."""
    block = pane.document().begin()
    while block.isValid():
        if contains in block.text():
            return block.blockNumber()
        block = block.next()
    raise AssertionError(contains)


def _longest(pane: ReadingPane) -> int:
    block, best, number = pane.document().begin(), -1, 0
    while block.isValid():
        if len(block.text()) > best:
            best, number = len(block.text()), block.blockNumber()
        block = block.next()
    return number


def _lines(pane: ReadingPane, number: int) -> int:
    block = pane.document().findBlockByNumber(number)
    pane.document().documentLayout().blockBoundingRect(block)  # laid out
    return block.layout().lineCount()


# -- typeface and size ---------------------------------------------------------------------


def test_the_dialog_is_right_to_left_and_lists_amiri_first(
    make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    dialog = _dialog(window)
    assert dialog.objectName() == "readingSettingsDialog"
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.isVisible() and not dialog.isModal()
    faces = [dialog.font_combo.itemData(i) for i in range(dialog.font_combo.count())]
    assert faces[0] == "Amiri"
    assert SECOND_FACE in faces
    assert window.findChild(ReadingSettingsDialog) is dialog
    window.show_reading_settings()  # the same dialog again, not a second one
    assert len(window.findChildren(ReadingSettingsDialog)) == 1


def test_choosing_a_second_face_sets_the_text_in_it(make: MakeWindow, sample_path: Path) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    assert QFontInfo(pane.font()).family() == "Amiri"
    amiri_width = pane.document().idealWidth()
    _choose(SECOND_FACE, _dialog(window), "font")
    assert QFontInfo(pane.font()).family() == SECOND_FACE
    assert pane.document().defaultFont().family() == SECOND_FACE
    assert pane.document().idealWidth() != amiri_width  # laid out again in the new face
    assert window.settings.get(keys.FONT_FAMILY) == SECOND_FACE


def test_a_missing_face_falls_back_to_amiri_and_the_choice_is_kept(
    qtbot: QtBot, settings_path: Path, sample_path: Path
) -> None:
    settings_path.write_text("[preferences]\nfont_family=No Such Face 123\n", encoding="utf-8")
    window = make_window([sample_path], settings_path=settings_path)
    qtbot.addWidget(window)
    show_window(qtbot, window)
    assert QFontInfo(pane_of(window).font()).family() == "Amiri"
    assert window.settings.get(keys.FONT_FAMILY) == "No Such Face 123"


def test_faces_are_found_without_importing_them_and_registered_only_when_chosen(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    import reader

    script = (
        "import sys\n"
        "from PySide6.QtGui import QFontDatabase\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from reader.ui import fonts\n"
        "from reader.ui.app import make_window\n"
        f"w = make_window([], settings_path={str(tmp_path / 's.ini')!r}, persist=False)\n"
        "print('start', fonts._packaged is None, 'Noto Sans Arabic' in QFontDatabase.families())\n"
        "faces = fonts.reading_faces()\n"
        "print('listed', 'Noto Sans Arabic' in faces, 'fontpkg_noto_sans_arabic' in sys.modules,"
        " 'Noto Sans Arabic' in QFontDatabase.families())\n"
        "print('chosen', fonts.ensure_face('Noto Sans Arabic'),"
        " 'Noto Sans Arabic' in QFontDatabase.families())\n"
    )
    root = str(Path(reader.__file__).resolve().parent.parent)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=root,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": root},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.split()[0] in
             ("start", "listed", "chosen")]  # fmt: skip
    # Start-up neither scans the packages nor registers the face; listing reads metadata only.
    assert lines == ["start True False", "listed True False False", "chosen True True"]


def test_zoom_keys_and_ctrl_wheel_change_the_size(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    assert QFontInfo(pane.font()).pixelSize() == 21
    qtbot.keyClick(pane, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert QFontInfo(pane.font()).pixelSize() == round(21 * 1.1)
    qtbot.keyClick(pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QFontInfo(pane.font()).pixelSize() == round(21 * 0.9)
    qtbot.keyClick(pane, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QFontInfo(pane.font()).pixelSize() == 21
    down = QWheelEvent(
        QPointF(50, 50), QPointF(pane.viewport().mapToGlobal(QPoint(50, 50))), QPoint(0, 0),
        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(pane.viewport(), down)
    assert window.zoom == 90 and QFontInfo(pane.font()).pixelSize() == round(21 * 0.9)
    dialog = _dialog(window)
    assert dialog.size_spin.value() == 90  # the dialog shows what the wheel did
    dialog.size_spin.setValue(150)
    assert QFontInfo(pane.font()).pixelSize() == round(21 * 1.5)


# -- themes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_page_theme_meets_wcag_contrast(name: str) -> None:
    theme = THEMES[name]
    assert contrast_ratio(theme.text, theme.background) >= 7.0  # AAA body text
    assert contrast_ratio(theme.muted, theme.background) >= 4.5
    assert contrast_ratio(theme.link, theme.background) >= 4.5
    assert contrast_ratio(theme.selection_text, theme.selection) >= 4.5


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def _page_colours(pane: ReadingPane) -> tuple[QColor, QColor]:
    palette = pane.palette()
    return palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)


@pytest.mark.parametrize("name", ["light", "sepia", "dark"])
def test_each_theme_paints_the_page_in_its_colours(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, name: str
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    window.set_theme(name)
    qtbot.wait(10)
    theme = THEMES[name]
    text, base = _page_colours(pane)
    assert text.name() == theme.text and base.name() == theme.background
    assert window.actions_by_name[f"theme_{name}"].isChecked()
    image = pane.viewport().grab().toImage()
    corner = image.pixelColor(3, image.height() - 3)
    assert corner.name() == theme.background  # the page, not the chrome's colour
    # The darkest (light themes) or lightest (dark) ink on screen keeps the AAA contrast.
    ink = [image.pixelColor(x, y) for y in range(0, image.height(), 2)
           for x in range(0, image.width(), 2)]  # fmt: skip
    pick = max if name == "dark" else min
    strongest = pick(ink, key=lambda c: c.lightness())
    assert contrast_ratio(strongest.name(), theme.background) >= 7.0


def test_light_and_sepia_share_one_cached_chrome_stylesheet(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: QApplication
) -> None:
    import qt_material

    builds: list[str] = []
    real = qt_material.build_stylesheet

    def counting(*args: object, **kwargs: object) -> str:
        builds.append(str(kwargs.get("theme")))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(qt_material, "build_stylesheet", counting)
    before = qapp.styleSheet()
    sets: list[int] = []
    real_set = QApplication.setStyleSheet
    monkeypatch.setattr(
        QApplication, "setStyleSheet", lambda app, sheet: (sets.append(1), real_set(app, sheet))
    )
    try:
        manager = ThemeManager(qapp, tmp_path)
        manager.apply("light")
        manager.apply("sepia")  # same chrome: the application stylesheet stays
        assert len(sets) == 1
        for name in ["dark", "sepia", "light", "dark", "sepia"]:
            manager.apply(name)
        assert len(builds) == 2  # one per chrome, never again
        assert manager.stylesheet("sepia") is manager.stylesheet("light")
        assert manager.current == "sepia"
    finally:
        real_set(qapp, before)


def test_a_theme_switch_does_not_lay_the_article_out_again(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    relayouts: list[object] = []
    pane.document().documentLayout().update.connect(lambda *_: relayouts.append(1))
    window.set_theme("dark")  # a new application stylesheet re-sends the pane its font
    window.set_theme("sepia")
    qtbot.wait(10)
    assert relayouts == []  # was 16 full layouts of the text per switch
    window.set_zoom(120)  # a real font change still lays it out
    assert relayouts


# -- harakat and digits -----------------------------------------------------------------------


def test_hidden_harakat_are_display_only(make: MakeWindow, vocalised: Path) -> None:
    window = make([vocalised])
    pane = pane_of(window)
    assert HARAKAT.search(pane.toPlainText())  # shown by default
    action = window.actions_by_name["show_harakat"]
    assert action.isChecked()
    action.trigger()  # View > Show Harakat off
    shown = pane.toPlainText()
    assert not HARAKAT.search(shown)
    assert "قرأ الطالب" in shown and "الكتاب الأول" in shown
    article = pane.article
    assert article is not None
    assert all(HARAKAT.search(t) for t in article.iter_text() if t.strip())  # the model
    exported = " ".join(b.text for b in article_blocks(article, 12.0))  # what export sets
    assert "الْعِلْمَ" in exported
    assert find_in_article(article, "الْعِلْمَ", exact=True)  # search keeps them too
    assert window.settings.get(keys.SHOW_HARAKAT) is False
    action.trigger()
    assert pane.toPlainText().count("\u064e") > 20  # fatha back


def test_display_offsets_land_find_matches_on_the_shown_words(
    make: MakeWindow, vocalised: Path
) -> None:
    window = make([vocalised])
    pane = pane_of(window)
    article = pane.article
    assert article is not None
    window.set_reading(window.reading.__class__(show_harakat=False, digits="arabic-indic"))
    matches = find_in_article(article, "العلم") + find_in_article(article, "2025")
    assert len(matches) == 2
    expected = ["العلم", "٢٠٢٥"]
    for match, word in zip(matches, expected, strict=True):
        shown = pane.displayed_text(match.section_id, match.block)
        assert shown is not None
        start = pane.display_offset(match.section_id, match.block, match.start)
        end = pane.display_offset(match.section_id, match.block, match.end)
        assert shown[start:end] == word
        number = _paragraph(pane, shown)  # a paragraph's block holds exactly its text
        assert pane.document().findBlockByNumber(number).text()[start:end] == word
    # With the defaults the mapping is the identity.
    window.set_reading(window.reading.__class__())
    match = matches[0]
    assert pane.display_offset(match.section_id, match.block, match.start) == match.start


def test_digits_in_the_text_and_the_status_bar(make: MakeWindow, vocalised: Path) -> None:
    window = make([vocalised])
    pane = pane_of(window)
    assert "2025" in pane.toPlainText()  # as written
    assert set(window.words_label.text()) & ARABIC_INDIC  # Arabic interface: ٣٦ كلمة
    dialog = _dialog(window)
    _choose("western", dialog, "digits")
    assert not set(window.words_label.text()) & ARABIC_INDIC
    assert set(window.words_label.text()) & WESTERN
    assert "2025" in pane.toPlainText()
    _choose("arabic-indic", dialog, "digits")
    text = pane.toPlainText()
    assert "٢٠٢٥" in text and "١٢ فَصْلًا" in text
    assert not set(text) & WESTERN
    assert set(window.words_label.text()) & ARABIC_INDIC
    assert window.settings.get(keys.DIGITS) == "arabic-indic"


def test_english_interface_numbers_follow_the_digit_setting() -> None:
    assert i18n.section_text(3, 12, "en") == "Section 3 of 12"
    i18n.set_digits("arabic-indic")
    assert i18n.section_text(3, 12, "en") == "Section ٣ of ١٢"
    assert i18n.words_text(1234, "en") == "١٬٢٣٤ words"
    i18n.set_digits("western")
    assert i18n.section_text(3, 12, "ar") == "القسم 3 من 12"


# -- line spacing and width ---------------------------------------------------------------------


def test_line_spacing_and_text_width_change_the_layout(
    make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    window.set_zoom(50)  # small type, so the width setting is what limits the lines
    dialog = _dialog(window)
    number = _longest(pane)
    block = pane.document().findBlockByNumber(number)
    lines = _lines(pane, number)
    height = pane.document().documentLayout().blockBoundingRect(block).height()
    dialog.spacing_spin.setValue(200)
    block = pane.document().findBlockByNumber(number)
    assert _lines(pane, number) == lines
    taller = pane.document().documentLayout().blockBoundingRect(block).height()
    assert taller > height * 1.4
    dialog.width_spin.setValue(90)
    wide_margin = pane.document().rootFrame().frameFormat().leftMargin()
    wide_lines = _lines(pane, number)
    dialog.width_spin.setValue(45)
    narrow_margin = pane.document().rootFrame().frameFormat().leftMargin()
    assert narrow_margin > wide_margin + 50
    assert _lines(pane, number) > wide_lines
    assert window.settings.get(keys.LINE_SPACING) == 200
    assert window.settings.get(keys.TEXT_WIDTH) == 45


# -- remembered -------------------------------------------------------------------------------


def test_settings_survive_a_restart(
    qtbot: QtBot, make: MakeWindow, settings_path: Path, vocalised: Path
) -> None:
    window = make([vocalised])
    dialog = _dialog(window)
    _choose(SECOND_FACE, dialog, "font")
    _choose("sepia", dialog, "theme")
    _choose("arabic-indic", dialog, "digits")
    dialog.size_spin.setValue(130)
    dialog.spacing_spin.setValue(170)
    dialog.width_spin.setValue(55)
    dialog.harakat_check.setChecked(False)
    window.close()
    raw = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert raw.value("preferences/font_family") == SECOND_FACE
    assert raw.value("preferences/show_harakat") == "false"

    again = make_window([vocalised], settings_path=settings_path)
    qtbot.addWidget(again)
    show_window(qtbot, again)
    pane = pane_of(again)
    assert QFontInfo(pane.font()).family() == SECOND_FACE
    assert again.theme.name == "sepia" and again.actions_by_name["theme_sepia"].isChecked()
    assert _page_colours(pane)[1].name() == THEMES["sepia"].background
    assert pane.zoom == 130
    assert (pane.reading.line_spacing, pane.reading.text_width) == (170, 55)
    assert not HARAKAT.search(pane.toPlainText()) and "٢٠٢٥" in pane.toPlainText()
    assert not again.actions_by_name["show_harakat"].isChecked()
    assert set(again.words_label.text()) & ARABIC_INDIC
    reopened = _dialog(again)
    assert reopened.font_combo.currentData() == SECOND_FACE
    assert reopened.theme_combo.currentData() == "sepia"
    assert (reopened.spacing_spin.value(), reopened.width_spin.value()) == (170, 55)


def test_corrupt_reading_settings_read_as_defaults(settings_path: Path) -> None:
    settings_path.write_text(
        "[preferences]\nfont_family=\nline_spacing=9000\ntext_width=wide\n"
        "show_harakat=maybe\ndigits=roman\ntheme=sepia-ish\n",
        encoding="utf-8",
    )
    settings = Settings.open(settings_path)
    for key in (keys.FONT_FAMILY, keys.LINE_SPACING, keys.TEXT_WIDTH, keys.SHOW_HARAKAT,
                keys.DIGITS, keys.THEME):  # fmt: skip
        assert settings.get(key) == key.default, key.name


def test_restore_defaults(make: MakeWindow, vocalised: Path) -> None:
    window = make([vocalised])
    dialog = _dialog(window)
    _choose("dark", dialog, "theme")
    dialog.harakat_check.setChecked(False)
    dialog.spacing_spin.setValue(200)
    dialog.defaults_button.click()
    assert window.theme.name == "light" and window.zoom == 100
    assert window.reading == window.reading.__class__()
    assert HARAKAT.search(pane_of(window).toPlainText())
    assert dialog.spacing_spin.value() == keys.LINE_SPACING.default
