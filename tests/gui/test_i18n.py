"""Interface language: every string translated, the shipped .qm compiled from the .ts, each
window in its language and direction, the language chosen once and remembered."""

from __future__ import annotations

import ast
import importlib.util
import string
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui import i18n
from reader.ui import settings as keys
from reader.ui.app import make_window, qt_translator
from reader.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "qari_ar.ts"
QM_FILE = ROOT / "resources" / "translations" / "qari_ar.qm"
#: Keys whose Arabic has no Arabic letter, and why.
NO_ARABIC_LETTERS = {
    "list_comma": "the Arabic comma and a space",
}
#: Keys whose English shows Arabic on purpose, and why.
ARABIC_IN_ENGLISH = {
    "lang_ar": "the Arabic interface is offered in Arabic too, for a reader who cannot go back",
}


def _script() -> ModuleType:
    path = ROOT / "packaging" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


update = _script()


def _arabic_letters(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" and c.isalpha() for c in text)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


# -- the .ts and the .qm ------------------------------------------------------------------------


def test_every_string_has_a_finished_arabic_translation() -> None:
    messages = update.read_ts(TS_FILE)
    problems = []
    for key, value in i18n.TEXTS.items():
        if not isinstance(value, str):
            problems.append(f"{key}: still an (Arabic, English) tuple: run {update.__file__}")
            continue
        message = messages.get(key)
        if message is None or not message.finished or not message.translation.strip():
            problems.append(f"{key}: no finished Arabic translation in {TS_FILE.name}")
        elif message.source != value:
            problems.append(f"{key}: the .ts has another English source: {message.source!r}")
        elif not _arabic_letters(message.translation) and key not in NO_ARABIC_LETTERS:
            problems.append(f"{key}: the translation has no Arabic letter")
    assert problems == []


def test_placeholders_match_between_english_and_arabic() -> None:
    for key, message in update.read_ts(TS_FILE).items():
        assert _fields(message.translation) == _fields(message.source), key


def test_no_stale_translations() -> None:
    assert set(update.read_ts(TS_FILE)) == set(i18n.TEXTS)


def test_the_shipped_qm_is_what_the_ts_compiles_to(tmp_path: Path) -> None:
    qm = tmp_path / "qari_ar.qm"
    update.compile_qm(TS_FILE, qm)
    assert qm.read_bytes() == QM_FILE.read_bytes(), "run packaging/update_translations.py"


def test_the_update_script_finds_nothing_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert update.main(["--check"]) == 0, capsys.readouterr().out


def test_arabic_comes_from_the_translator_and_english_is_the_fallback() -> None:
    messages = update.read_ts(TS_FILE)
    for key in i18n.TEXTS:
        assert i18n.tr(key, "ar") == messages[key].translation, key
        assert i18n.tr(key, "en") == i18n.TEXTS[key], key
    translator = i18n.translator("ar")
    assert translator is not None
    assert translator.translate(i18n.CONTEXT, "no such source", "no_such_key") == ""
    assert i18n.translator("en") is None  # English is the source language


def test_english_texts_are_english() -> None:
    for key, value in i18n.TEXTS.items():
        assert isinstance(value, str)
        assert not _arabic_letters(value) or key in ARABIC_IN_ENGLISH, key


def test_counts_take_the_arabic_plural_forms() -> None:
    assert i18n.number(1234, "ar") == "١٬٢٣٤"
    assert i18n.section_text(3, 8, "ar") == "القسم ٣ من ٨"
    assert i18n.section_text(3, 8, "en") == "Section 3 of 8"
    assert [i18n.words_text(n, "ar") for n in (1, 2, 5, 11, 103, 794)] == [
        "كلمة واحدة", "كلمتان", "٥ كلمات", "١١ كلمة", "١٠٣ كلمات", "٧٩٤ كلمة",
    ]  # fmt: skip
    assert [i18n.words_text(n, "en") for n in (1, 2, 1234)] == ["1 word", "2 words", "1,234 words"]
    assert i18n.minutes_text(1, "ar") == "دقيقة واحدة قراءة"
    assert i18n.minutes_text(5, "ar") == "٥ دقائق قراءة"
    assert i18n.minutes_text(5, "en") == "5 min read"


# -- the update script on a copy ---------------------------------------------------------------

SOURCE = '''
TEXTS: dict[str, str | tuple[str, str]] = {
    "kept": "Kept",
    "changed": "Changed now",
    "new": "New {name}",
    "late": ("متأخر {n}", "Late {n}"),
    "long": ("نص طويل", "A long English sentence that will not fit on one line once the tuple "
                       "around it is gone, so it is wrapped over two lines."),
}
'''


def test_update_moves_tuples_flags_new_and_changed_and_drops_stale() -> None:
    texts = update.read_texts(SOURCE)
    old = {
        "kept": update.Message("kept", "Kept", "باقٍ", True),
        "changed": update.Message("changed", "Changed", "تغيّر", True),
        "gone": update.Message("gone", "Gone", "ذهب", True),
    }
    messages, notes = update.merge(texts, old)
    by_key = {m.key: m for m in messages}
    assert list(by_key) == ["kept", "changed", "new", "late", "long"]
    assert by_key["kept"] == old["kept"]
    assert (by_key["changed"].translation, by_key["changed"].finished) == ("تغيّر", False)
    assert by_key["changed"].old_source == "Changed"
    assert (by_key["new"].translation, by_key["new"].finished) == ("", False)
    assert (by_key["late"].source, by_key["late"].translation) == ("Late {n}", "متأخر {n}")
    assert by_key["late"].finished
    assert any("gone" in note for note in notes)
    rewritten = update.rewrite_source(SOURCE, texts)
    assert max(len(line) for line in rewritten.splitlines()) <= update.LINE_LENGTH
    tree = ast.parse(rewritten)
    values = ast.literal_eval(update._texts_node(tree))
    assert values["late"] == "Late {n}"
    assert values["long"] == texts["long"][0]
    assert values["kept"] == "Kept"
    # the .ts round-trips through its own reader
    again = update.read_ts_text(update.render_ts(messages))
    assert [again[m.key] for m in messages] == messages


def test_a_late_tuple_shows_as_it_is_until_moved(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(i18n.TEXTS, "late_key", ("متأخر", "Late"))
    assert i18n.tr("late_key", "ar") == "متأخر"
    assert i18n.tr("late_key", "en") == "Late"


# -- windows -------------------------------------------------------------------------------------


def _window(qtbot: QtBot, settings_path: Path, lang: str | None, sample: Path) -> MainWindow:
    window = make_window([sample], settings_path=settings_path, lang=lang)
    qtbot.addWidget(window)
    return window


def _menu_texts(window: MainWindow) -> list[str]:
    texts = []
    for menu_action in window.menuBar().actions():
        texts.append(menu_action.text())
        menu = menu_action.menu()
        texts += [a.text() for a in menu.actions() if a.text()]  # type: ignore[union-attr]
    return texts


def test_windows_speak_their_language_in_one_process(
    qtbot: QtBot, tmp_path: Path, sample_path: Path
) -> None:
    arabic = _window(qtbot, tmp_path / "ar.ini", "ar", sample_path)
    english = _window(qtbot, tmp_path / "en.ini", "en", sample_path)
    texts = [*_menu_texts(arabic), arabic.words_label.text(), arabic.section_label.text()]
    assert all(_arabic_letters(t) for t in texts), texts
    texts = [*_menu_texts(english), english.words_label.text(), english.section_label.text()]
    assert not any(_arabic_letters(t) for t in texts if t != english.actions_by_name[
        "lang_ar"].text()), texts
    assert english.windowTitle().endswith("Qari")
    assert arabic.windowTitle().endswith("قارئ")
    assert english.words_label.text() == "794 words"
    assert arabic.words_label.text() == "٧٩٤ كلمة"


def test_layout_direction_follows_the_language_and_the_text_stays_right_to_left(
    qtbot: QtBot, tmp_path: Path, sample_path: Path
) -> None:
    arabic = _window(qtbot, tmp_path / "ar.ini", "ar", sample_path)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    english = _window(qtbot, tmp_path / "en.ini", "en", sample_path)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert english.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert english.tree.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft  # kept
    assert arabic.tree.layoutDirection() == Qt.LayoutDirection.RightToLeft
    for window in (arabic, english):
        pane = window.current_pane()
        assert pane is not None
        assert pane.layoutDirection() == Qt.LayoutDirection.RightToLeft
        option = pane.document().defaultTextOption()
        assert option.textDirection() == Qt.LayoutDirection.RightToLeft


def test_qt_speaks_arabic_in_the_arabic_interface(
    qtbot: QtBot, tmp_path: Path, sample_path: Path
) -> None:
    if qt_translator("ar") is None:
        pytest.skip("this PySide6 ships no qtbase_ar.qm")
    down = QKeySequence(Qt.Key.Key_Down)
    _window(qtbot, tmp_path / "ar.ini", "ar", sample_path)
    arabic_name = down.toString(QKeySequence.SequenceFormat.NativeText)
    _window(qtbot, tmp_path / "en.ini", "en", sample_path)
    english_name = down.toString(QKeySequence.SequenceFormat.NativeText)
    assert _arabic_letters(arabic_name), arabic_name  # Qt's own key names, standard dialogs
    assert english_name == "Down"


def test_arabic_by_default_whatever_the_system_locale(
    qtbot: QtBot, tmp_path: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = QLocale()
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        window = _window(qtbot, tmp_path / "fresh.ini", None, sample_path)
    finally:
        QLocale.setDefault(previous)
    assert window.lang == "ar"
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_lang_en_is_remembered_across_restarts(
    qtbot: QtBot, tmp_path: Path, sample_path: Path
) -> None:
    path = tmp_path / "qari.ini"
    first = _window(qtbot, path, "en", sample_path)  # qari --lang en
    first.close()
    second = _window(qtbot, path, None, sample_path)  # qari
    assert second.lang == "en"
    assert second.menuBar().actions()[0].text() == "&File"
    second.close()
    third = _window(qtbot, path, "ar", sample_path)  # qari --lang ar
    third.close()
    assert _window(qtbot, path, None, sample_path).lang == "ar"


def test_a_screenshot_run_does_not_change_the_language(
    qtbot: QtBot, tmp_path: Path, sample_path: Path
) -> None:
    path = tmp_path / "qari.ini"
    window = make_window([sample_path], settings_path=path, lang="en", persist=False)
    qtbot.addWidget(window)
    assert window.lang == "en"
    assert window.settings.get(keys.LANGUAGE) == "ar"


def test_the_help_menu_chooses_the_language_for_the_next_start(
    qtbot: QtBot, tmp_path: Path, sample_path: Path
) -> None:
    window = _window(qtbot, tmp_path / "qari.ini", None, sample_path)
    assert window.actions_by_name["lang_ar"].isChecked()
    help_menu = window.menuBar().actions()[-1].menu()
    assert window.actions_by_name["lang_en"] in help_menu.actions()  # type: ignore[union-attr]
    window.actions_by_name["lang_en"].trigger()
    assert window.settings.get(keys.LANGUAGE) == "en"
    assert window.actions_by_name["lang_en"].isChecked()
    assert not window.message_bar.isHidden()
    assert "الإنجليزية" in window.message_bar.label.text()  # said in the current language
    window.actions_by_name["lang_ar"].trigger()  # changed back: nothing left to say
    assert window.settings.get(keys.LANGUAGE) == "ar"
    assert window.message_bar.isHidden()


def test_absorb_takes_the_new_keys_of_a_branch_made_before_the_ts() -> None:
    branch = '''
TEXTS: dict[str, tuple[str, str]] = {
    "kept": ("باقٍ", "Kept"),
    "changed": ("تغيّر", "Changed there"),
    "sepia": ("سمة بنّية", "Sepia Theme"),
}
'''
    merged, notes = update.absorb(SOURCE, branch)
    texts = update.read_texts(merged)
    assert texts["sepia"][:2] == ("Sepia Theme", "سمة بنّية")
    assert texts["changed"][0] == "Changed now"  # this side's English is kept …
    assert any("changed" in note for note in notes)  # … and the difference named
    assert list(texts)[-1] == "sepia"
    assert update.absorb(merged, branch)[0] == merged  # nothing twice
