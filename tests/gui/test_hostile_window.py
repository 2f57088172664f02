"""Bad and hostile files opened in the window (issue 8): each is either shown sensibly or
refused with a clear Arabic message naming the file; no traceback, nothing logged as a bug,
and the window stays usable (the next good file opens). The command line side of the same
files is in tests/unit/test_hostile_input.py."""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from reader.model import load_article
from reader.ui import reading_pane
from reader.ui import settings as keys
from reader.ui.app import make_window
from reader.ui.main_window import MainWindow

from ..unit.test_hostile_input import (
    BAD_FILES,
    DEPTH,
    IS_ROOT,
    NESTINGS,
    VISIBLE,
    _mixed,
    hostile_page,
    png_bytes,
)
from .conftest import MakeWindow
from .helpers import pane_of

ARABIC = re.compile("[\u0621-\u064a]")
SAMPLE_WORDS = "العراقية-السورية"


@pytest.fixture
def no_bug_logged(caplog: pytest.LogCaptureFixture) -> Callable[[], None]:
    """The window logs a parser *bug* (an exception that is not a model error) with its
    traceback: none may happen."""
    caplog.set_level(logging.WARNING)

    def check() -> None:
        bugs = [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert bugs == [], [r.getMessage() for r in bugs]

    return check


def still_usable(window: MainWindow, sample_path: Path, tmp_path: Path) -> None:
    """The window still opens a good article afterwards, and shows it."""
    good = tmp_path / "بعدها.txt"
    shutil.copyfile(sample_path, good)
    count = window.tabs.count()
    assert window.open_file(good) is not None
    assert window.tabs.count() == count + 1
    assert SAMPLE_WORDS in pane_of(window).toPlainText()
    assert window.isVisible()


def refused_clearly(window: MainWindow, path: Path, tabs_before: int) -> None:
    assert window.tabs.count() == tabs_before
    assert window.message_bar.kind == "error"
    text = window.message_bar.text()
    assert ARABIC.search(text), text
    assert path.name.split("\n")[0] in text, text
    assert "Traceback" not in text and "Error:" not in text, text  # no bug text


# -- files the window refuses -------------------------------------------------------------------

REFUSED = [case for case in BAD_FILES if case != "missing"] + ["png-real-name", "urandom-md"]


def build_refused(case: str, tmp_path: Path) -> Path:
    if case == "png-real-name":
        path = tmp_path / "صورة.png"
        path.write_bytes(png_bytes())
        return path
    if case == "urandom-md":
        path = tmp_path / "عشوائي.md"
        path.write_bytes(os.urandom(32 * 1024))
        return path
    return BAD_FILES[case][0](tmp_path)


@pytest.mark.parametrize("case", REFUSED)
def test_bad_file_gives_an_arabic_message_and_the_window_goes_on(
    case: str, make: MakeWindow, sample_path: Path, tmp_path: Path,
    no_bug_logged: Callable[[], None],
) -> None:
    window = make([sample_path])
    path = build_refused(case, tmp_path)
    t0 = time.perf_counter()
    assert window.open_file(path) is None
    assert time.perf_counter() - t0 < 5  # a FIFO does not block, 200 MB are not read
    refused_clearly(window, path, 1)
    assert SAMPLE_WORDS in pane_of(window).toPlainText()  # the open article is untouched
    still_usable(window, sample_path, tmp_path)
    no_bug_logged()


def test_too_large_file_message_states_the_limit(
    make: MakeWindow, sample_path: Path, tmp_path: Path
) -> None:
    window = make([sample_path])
    path = BAD_FILES["too-large"][0](tmp_path)
    assert path.stat().st_size == 200 * 1024 * 1024
    window.open_file(path)
    assert "١٠٠" in window.message_bar.text() or "100" in window.message_bar.text()


def test_several_bad_files_at_once_leave_the_good_one_open(
    make: MakeWindow, sample_path: Path, tmp_path: Path
) -> None:
    window = make([sample_path])
    bad = [build_refused(case, tmp_path) for case in ("empty", "png", "fifo", "directory")]
    good = tmp_path / "جيد.txt"
    shutil.copyfile(sample_path, good)
    assert window.open_paths([*bad, good]) == 1
    assert window.tabs.count() == 2 and pane_of(window).path == good.resolve()


# -- files the window shows -------------------------------------------------------------------


def test_mixed_encoding_file_is_shown_as_written(
    make: MakeWindow, sample_path: Path, tmp_path: Path, no_bug_logged: Callable[[], None]
) -> None:
    window = make([])
    path, lines = _mixed(tmp_path)
    assert window.open_file(path) is not None
    shown = " ".join(pane_of(window).toPlainText().split())
    assert "\ufffd" not in shown and "Ø" not in shown  # no replacement marks, no mojibake
    body = [" ".join(b.text.split()) for s in load_article(path).sections for b in s.blocks]
    assert len(body) > 5
    for text in body:
        assert text in shown, text
    cp1256_lines = [line for k, line in enumerate(lines) if k % 3 == 2 and len(line) > 30]
    assert any(" ".join(line.split()) in shown for line in cp1256_lines)
    still_usable(window, sample_path, tmp_path)
    no_bug_logged()


@pytest.mark.parametrize("shape", list(NESTINGS))
def test_markdown_nested_1000_levels_is_shown(
    qtbot: QtBot, shape: str, make: MakeWindow, sample_path: Path, tmp_path: Path,
    no_bug_logged: Callable[[], None],
) -> None:
    window = make([])
    path = tmp_path / f"عميق-{shape}.md"
    path.write_text("# مقال عميق\n\n" + "".join(NESTINGS[shape](k) for k in range(DEPTH)) + "\n",
                    encoding="utf-8")
    t0 = time.perf_counter()
    assert window.open_file(path) is not None
    pane = pane_of(window)
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum())  # read to the end: the whole text is laid out
    pane.viewport().repaint()
    assert time.perf_counter() - t0 < 20
    text = pane.toPlainText()
    assert "مقال عميق" in text
    assert all(f"{k}" in text for k in (0, DEPTH // 2, DEPTH - 1))
    # The indent is bounded: the deepest item still reads on one line, not one letter a line.
    last = pane.document().lastBlock()
    assert str(DEPTH - 1) in last.text()
    assert last.layout().lineCount() == 1, last.layout().lineCount()
    still_usable(window, sample_path, tmp_path)
    no_bug_logged()


def test_one_line_file_opens_with_a_short_title(
    make: MakeWindow, sample_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "سطر واحد.txt"
    unit = "كلمة عربية طويلة Latin word، "
    path.write_text(unit * (512 * 1024 // len(unit.encode())), encoding="utf-8")
    window = make([sample_path])
    assert window.open_file(path) is not None
    pane = pane_of(window)
    assert unit.strip() in pane.toPlainText()  # the text is shown...
    assert pane.article is not None
    assert len(pane.article.title) < 1000  # ...but not as one enormous title
    assert window.windowTitle().startswith("سطر واحد")  # the file names the window
    assert len(window.windowTitle()) < 1000


def test_hostile_html_shows_its_text_and_nothing_else(
    make: MakeWindow, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    no_bug_logged: Callable[[], None],
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(reading_pane, "open_external", lambda url: opened.append(url.toString()))
    window = make([])
    path = tmp_path / "صفحة عدائية.html"
    path.write_text(hostile_page(), encoding="utf-8")
    assert window.open_file(path) is not None
    pane = pane_of(window)
    shown = pane.toPlainText()
    for text in VISIBLE:
        assert " ".join(text.split()) in " ".join(shown.split()), text
    html = pane.toHtml()
    assert "QX" not in shown and "QX" not in html
    for word in ("<script", "onload", "onerror", "onclick", "<iframe", "<img", "passwd:"):
        assert word not in html.lower(), word
    # Its links: javascript:, file: and data: are refused with a message, never opened.
    for href in ("javascript:alert(document.cookie)", "file:///etc/passwd",
                 "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="):
        assert href in html
        window.message_bar.clear()
        pane.anchorClicked.emit(QUrl(href))
        assert window.message_bar.kind == "error" and ARABIC.search(window.message_bar.text())
    assert opened == []
    still_usable(window, sample_path, tmp_path)
    no_bug_logged()


def test_html_with_unclosed_tags_is_shown(
    make: MakeWindow, sample_path: Path, tmp_path: Path
) -> None:
    window = make([])
    path = tmp_path / "unclosed.html"
    path.write_text(
        "<html><body><h1>عنوان<p>فقرة<div><b>غامق <i>مائل<ul><li>بند<li>آخر<blockquote>اقتباس"
        "<table><tr><td>خلية<td>أخرى<h2>قسم<p>نهاية <a href='#x'>رابط",
        encoding="utf-8",
    )
    assert window.open_file(path) is not None
    words = pane_of(window).toPlainText().split()
    for w in "عنوان فقرة غامق مائل بند آخر اقتباس خلية أخرى قسم نهاية رابط".split():
        assert w in words, w
    still_usable(window, sample_path, tmp_path)


def test_a_long_refused_link_gives_a_short_message(
    make: MakeWindow, tmp_path: Path
) -> None:
    path = tmp_path / "رابط طويل.md"
    data = "data:text/html;base64," + "A" * 200_000
    path.write_text(f"# رابط طويل\n\nانظر [هنا]({data}).\n", encoding="utf-8")
    window = make([path])
    pane_of(window).anchorClicked.emit(QUrl(data))
    assert window.message_bar.kind == "error"
    assert len(window.message_bar.text()) < 400


# -- the file changes under the window ---------------------------------------------------------


def copy_sample(sample_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "مفتوح.txt"
    shutil.copyfile(sample_path, path)
    return path


def test_file_removed_while_open_keeps_the_text(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, tmp_path: Path
) -> None:
    path = copy_sample(sample_path, tmp_path)
    window = make([path])
    path.unlink()
    qtbot.waitUntil(lambda: "مفتوح.txt" in window.message_bar.text(), timeout=5000)
    assert ARABIC.search(window.message_bar.text())
    assert SAMPLE_WORDS in pane_of(window).toPlainText()
    window.reload_file(path.resolve())  # reloading by hand: same message, text kept
    assert SAMPLE_WORDS in pane_of(window).toPlainText()
    still_usable(window, sample_path, tmp_path)


@pytest.mark.parametrize("how", ["emptied", "cut-mid-letter", "made-binary"])
def test_file_truncated_or_spoiled_while_open_keeps_the_text(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, tmp_path: Path, how: str,
    no_bug_logged: Callable[[], None],
) -> None:
    path = copy_sample(sample_path, tmp_path)
    window = make([path])
    pane = pane_of(window)
    if how == "emptied":
        os.truncate(path, 0)
    elif how == "made-binary":
        path.write_bytes(png_bytes())
    else:
        data = path.read_bytes()
        cut = len(data) // 3
        while (data[cut] & 0xC0) != 0x80:
            cut += 1
        os.truncate(path, cut)
    window.reload_file(path.resolve())
    assert window.tabs.count() == 1 and pane_of(window) is pane
    if how == "cut-mid-letter":  # still text: the part that is left is shown
        assert SAMPLE_WORDS in pane.toPlainText()
    else:
        assert window.message_bar.kind == "error"
        assert ARABIC.search(window.message_bar.text())
        assert "مفتوح.txt" in window.message_bar.text()
        assert SAMPLE_WORDS in pane.toPlainText()  # the text on screen is kept
    still_usable(window, sample_path, tmp_path)
    no_bug_logged()


# -- settings that cannot be written -----------------------------------------------------------


def test_settings_are_written_atomically(make: MakeWindow, settings_path: Path) -> None:
    """QSettings saves through QSaveFile: a new file renamed over the old one, so a crash or a
    full disk mid-write leaves the previous settings whole."""
    window = make([])
    window.settings.set(keys.ZOOM, 130)
    window.settings.sync()
    first = settings_path.stat().st_ino
    window.settings.set(keys.ZOOM, 140)
    window.settings.sync()
    assert settings_path.stat().st_ino != first  # replaced, not rewritten in place
    assert "zoom=140" in settings_path.read_text()
    assert not [p for p in settings_path.parent.iterdir() if p.name.startswith("qari.ini.")]


def test_settings_in_an_impossible_place_give_a_message(
    qtbot: QtBot, tmp_path: Path, sample_path: Path
) -> None:
    # The settings folder's parent is a file: nothing can be created there (even by root).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    window = make_window([sample_path], settings_path=blocker / "Qari" / "qari.ini")
    qtbot.addWidget(window)
    assert window.message_bar.kind == "error"
    text = window.message_bar.text()
    assert ARABIC.search(text) and str(blocker / "Qari" / "qari.ini") in text
    assert SAMPLE_WORDS in pane_of(window).toPlainText()  # the article opens all the same
    window.persist = False


@pytest.mark.skipif(IS_ROOT, reason="root writes whatever the folder's mode")
def test_settings_in_a_read_only_folder_give_a_message(
    qtbot: QtBot, tmp_path: Path, sample_path: Path
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "qari.ini").write_text("[preferences]\nzoom=120\n")
    folder.chmod(0o500)
    try:
        window = make_window([sample_path], settings_path=folder / "qari.ini")
        qtbot.addWidget(window)
        assert window.message_bar.kind == "error"
        assert window.zoom == 120  # still read
        window.persist = False
    finally:
        folder.chmod(0o700)


def test_writable_settings_give_no_message(make: MakeWindow, sample_path: Path) -> None:
    window = make([sample_path])
    assert window.message_bar.text() == ""
