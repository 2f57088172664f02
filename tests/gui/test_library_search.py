"""Library > Search (Ctrl+Shift+F): the index is built in the background with progress, in the
cache folder; results best first; activating one opens the article at the match; a damaged
or unusable index and bad queries give a line in the dialog, never a traceback."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from reader.search import LibraryIndex, UpdateReport, default_index_path
from reader.ui import settings as keys
from reader.ui.library_search import IndexUpdater, LibrarySearchDialog
from reader.ui.main_window import MainWindow

from .conftest import MakeWindow
from .helpers import pane_of

FILLER = "تحدث المشاركون في الندوة عن قضايا التعليم والصحة والثقافة في المدن الكبرى."
FILLERS = 40


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own (the index lives there)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    write(
        root / "crossings.txt",
        "تقرير المعابر\n\nالمعابر الحدودية\n"
        "أعيد فتح المعابر بعد إغلاق طويل، وتنتظر الشاحنات عند المعابر منذ الصباح.\n",
    )
    body = "\n\n".join([FILLER] * 30)
    write(
        root / "sub" / "digest.txt",
        f"أخبار متفرقة\n\nمقدمة\n{body}\n\nالنقل\nوفي خبر آخر ذُكرت المعابر مرة واحدة.\n",
    )
    for i in range(FILLERS):
        write(root / "filler" / f"note-{i:02d}.txt", f"ملاحظة {i}\n\nقسم\n{FILLER}\n")
    return root


def open_dialog(qtbot: QtBot, window: MainWindow) -> LibrarySearchDialog:
    if not window.isActiveWindow():
        with qtbot.waitActive(window):
            window.activateWindow()
    QTest.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.findChild(LibrarySearchDialog, "librarySearch")
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    return dialog


def wait_update(qtbot: QtBot, dialog: LibrarySearchDialog) -> UpdateReport:
    reports: list[Any] = []
    dialog.indexUpdated.connect(reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=60_000)
    assert isinstance(reports[0], UpdateReport), reports
    return reports[0]


def search(qtbot: QtBot, dialog: LibrarySearchDialog, text: str) -> None:
    dialog.query.setText(text)
    qtbot.waitUntil(lambda: not dialog._timer.isActive())


def library_window(make: MakeWindow, library: Path, paths: list[Path] | None = None) -> MainWindow:
    window = make(paths or [])
    window.settings.set(keys.LIBRARY_FOLDERS, [str(library)])
    return window


def test_index_is_built_in_the_background_with_progress(
    qtbot: QtBot, make: MakeWindow, cache: Path, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    update = LibraryIndex.update

    def spy(self: LibraryIndex, *args: Any, **kwargs: Any) -> UpdateReport:
        threads.append(threading.current_thread().name)
        return update(self, *args, **kwargs)

    monkeypatch.setattr(LibraryIndex, "update", spy)
    window = library_window(make, library)
    seen: list[tuple[int, int, bool]] = []
    dialog = open_dialog(qtbot, window)
    dialog.indexProgress.connect(
        lambda done, total: seen.append((done, total, dialog.progress.isVisible()))
    )
    report = wait_update(qtbot, dialog)
    assert threads and threads[0] != threading.main_thread().name
    bundled = len(list((Path(__file__).parents[2] / "articles").glob("*.*")))
    assert report.added == FILLERS + 2 + bundled and not report.failed
    assert seen and seen[-1][0] == seen[-1][1] == report.added
    assert any(visible for _, total, visible in seen if total)
    assert not dialog.progress.isVisible()
    assert default_index_path().is_relative_to(cache) and default_index_path().exists()

    # Shown again: only what changed is read again.
    write(library / "filler" / "note-03.txt", "ملاحظة معدلة\n\nقسم\nكلمة جديدة: زعفران.\n")
    dialog.close()
    dialog = open_dialog(qtbot, window)
    again = wait_update(qtbot, dialog)
    assert (again.added, again.updated, again.unchanged) == (0, 1, report.added - 1)
    search(qtbot, dialog, "زعفران")
    assert [r.path.name for r in dialog.results] == ["note-03.txt"]


def test_results_best_first_and_opening_one_shows_the_match(
    qtbot: QtBot, make: MakeWindow, cache: Path, library: Path, sample_path: Path
) -> None:
    window = library_window(make, library, [sample_path])
    dialog = open_dialog(qtbot, window)
    wait_update(qtbot, dialog)
    search(qtbot, dialog, "المعابر")
    names = [r.path.name for r in dialog.results]
    assert names == ["crossings.txt", "digest.txt"]  # in the heading and three times first
    scores = [r.score for r in dialog.results]
    assert scores == sorted(scores, reverse=True)
    assert dialog.list.count() == 2 and dialog.status.text() == "نتيجتان"
    html = str(dialog.list.item(1).data(Qt.ItemDataRole.UserRole + 2))
    assert "أخبار متفرقة" in html and "النقل" in html and "background-color" in html

    dialog.list.setCurrentRow(-1)
    QTest.keyClick(dialog.query, Qt.Key.Key_Down)  # from the query into the results
    assert dialog.list.currentRow() == 0
    QTest.keyClick(dialog.list, Qt.Key.Key_Down)
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    pane = pane_of(window)
    assert pane.path == (library / "sub" / "digest.txt").resolve()
    assert pane.textCursor().selectedText() == "المعابر"
    qtbot.waitUntil(lambda: pane.verticalScrollBar().value() > 0)  # past 30 paragraphs
    cursor = QTextCursor(pane.textCursor())
    cursor.clearSelection()
    rect = pane.cursorRect(cursor)
    assert rect.top() >= 0 and rect.bottom() <= pane.viewport().height()
    assert window.tabs.count() == 2


def test_a_damaged_index_file_is_rebuilt(
    qtbot: QtBot, make: MakeWindow, cache: Path, library: Path
) -> None:
    index = default_index_path()
    index.parent.mkdir(parents=True)
    index.write_bytes(b"this is not an SQLite database\n" * 200)
    window = library_window(make, library)
    dialog = open_dialog(qtbot, window)
    report = wait_update(qtbot, dialog)
    assert report.rebuilt
    search(qtbot, dialog, "المعابر")
    assert len(dialog.results) == 2 and not dialog.status.property("error")


def test_a_query_without_words_is_explained(
    qtbot: QtBot, make: MakeWindow, cache: Path, library: Path
) -> None:
    window = library_window(make, library)
    dialog = open_dialog(qtbot, window)
    wait_update(qtbot, dialog)
    search(qtbot, dialog, '" ؟!')
    assert dialog.status.property("error") and dialog.list.count() == 0
    assert "لا توجد في البحث كلمة" in dialog.status.text()


def test_an_index_that_cannot_be_written_is_a_message(
    qtbot: QtBot, make: MakeWindow, tmp_path: Path, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = write(tmp_path / "not-a-folder", "a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    window = library_window(make, library)
    dialog = open_dialog(qtbot, window)
    reports: list[Any] = []
    dialog.indexUpdated.connect(reports.append)
    qtbot.waitUntil(lambda: bool(reports), timeout=30_000)
    assert reports == [None]
    assert dialog.status.property("error") and "تعذّر" in dialog.status.text()
    search(qtbot, dialog, "المعابر")
    assert dialog.status.property("error") and dialog.list.count() == 0
    assert os.path.isfile(blocked)  # left as it was


def test_an_update_asked_for_while_one_runs_follows_it(
    qtbot: QtBot, tmp_path: Path, library: Path
) -> None:
    updater = IndexUpdater(LibraryIndex(tmp_path / "index.sqlite3"))
    reports: list[UpdateReport] = []
    updater.signals.finished.connect(reports.append)
    assert updater.start([library])
    assert not updater.start([library])  # runs once the first one ends
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=60_000)
    assert reports[0].added == FILLERS + 2
    assert (reports[1].added, reports[1].unchanged) == (0, FILLERS + 2)
    assert not updater.running()


def test_a_folder_added_while_the_dialog_is_open_is_indexed(
    qtbot: QtBot, make: MakeWindow, cache: Path, library: Path, tmp_path: Path
) -> None:
    window = library_window(make, library)
    dialog = open_dialog(qtbot, window)
    wait_update(qtbot, dialog)
    extra = write(tmp_path / "more" / "new.txt", "جديد\n\nقسم\nخبر عن الزعفران.\n")
    window.settings.set(keys.LIBRARY_FOLDERS, [str(library), str(extra.parent)])
    reports: list[Any] = []
    dialog.indexUpdated.connect(reports.append)
    search(qtbot, dialog, "زعفران")
    qtbot.waitUntil(lambda: bool(reports), timeout=60_000)
    assert reports[0].added == 1
    assert [r.path for r in dialog.results] == [extra.resolve()]
