"""Opening articles: errors, recent files, drag and drop, tabs, the file watcher, the library."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.model import load_article
from reader.ui import reading_pane
from reader.ui import settings as keys

from .conftest import MakeWindow
from .helpers import heading_top, pane_of

ARABIC = re.compile("[\u0600-\u06ff]")


@pytest.mark.parametrize("kind", ["binary", "missing", "empty", "too_large"])
def test_open_error_is_an_arabic_message_and_the_app_stays_usable(
    monkeypatch: pytest.MonkeyPatch, make: MakeWindow, sample_path: Path, tmp_path: Path,
    kind: str,
) -> None:
    window = make([sample_path])
    bad = tmp_path / "bad.txt"
    if kind == "binary":
        bad.write_bytes(bytes(range(256)) * 40)
    elif kind == "empty":
        bad.write_bytes(b"  \n\n ")
    elif kind == "too_large":
        from reader.model import loader

        bad.write_text("عنوان\n\nنص طويل", encoding="utf-8")
        monkeypatch.setattr(loader, "MAX_FILE_BYTES", 4)
    assert window.open_file(bad) is None
    assert window.message_bar.kind == "error"
    text = window.message_bar.text()
    assert ARABIC.search(text) and "bad.txt" in text
    assert window.tabs.count() == 1  # the article already open is still there
    other = tmp_path / "other.txt"
    shutil.copy(sample_path, other)
    monkeypatch.undo()
    assert window.open_file(other) is not None  # still usable
    assert window.tabs.count() == 2


def test_recent_files_are_pruned_with_a_message(
    make: MakeWindow, sample_path: Path, tmp_path: Path
) -> None:
    window = make([sample_path])
    gone = tmp_path / "gone-away.txt"
    shutil.copy(sample_path, gone)
    window.open_file(gone)
    recent = window.settings.get(keys.RECENT_FILES)
    assert recent[:2] == [str(gone.resolve()), str(sample_path.resolve())]
    gone.unlink()
    window.rebuild_recent_menu()
    names = [a.toolTip() for a in window.recent_menu.actions() if a.toolTip()]
    assert str(sample_path.resolve()) in names
    assert str(gone.resolve()) not in names
    assert window.settings.get(keys.RECENT_FILES) == [str(sample_path.resolve())]
    assert "gone-away.txt" in window.message_bar.text()


def test_recent_files_keep_the_last_ten(
    make: MakeWindow, sample_path: Path, tmp_path: Path
) -> None:
    window = make([sample_path])
    for i in range(12):
        copy = tmp_path / f"a{i}.txt"
        shutil.copy(sample_path, copy)
        window.open_file(copy)
    recent = window.settings.get(keys.RECENT_FILES)
    assert len(recent) == 10
    assert recent[0] == str((tmp_path / "a11.txt").resolve())


def _drop(window, files: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    enter = QDragEnterEvent(
        QPoint(100, 100), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(100, 100), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, drop)


def test_dropping_files_opens_them_as_tabs_and_the_tree_follows(
    make: MakeWindow, sample_path: Path, data_dir: Path
) -> None:
    window = make([sample_path])
    markdown = data_dir / "md_front_matter.md"
    text = data_dir / "text_lead_lists_readalso.txt"
    _drop(window, [markdown, text])
    assert window.tabs.count() == 3
    assert pane_of(window).path == text.resolve()
    root = window.tree.model().index(0, 0)
    assert root.data() == load_article(text).title
    window.tabs.setCurrentIndex(1)
    assert window.tree.model().index(0, 0).data() == load_article(markdown).title
    assert window.windowTitle().startswith(load_article(markdown).title)
    _drop(window, [markdown])  # already open: switches to it, no duplicate tab
    assert window.tabs.count() == 3


def test_dropping_a_folder_adds_it_to_the_library(
    make: MakeWindow, sample_path: Path, data_dir: Path
) -> None:
    window = make([sample_path])
    _drop(window, [data_dir])
    assert window.settings.get(keys.LIBRARY_FOLDERS) == [str(data_dir.resolve())]
    assert window.side.currentWidget() is window.library
    assert window.tabs.count() == 1  # a folder is not opened as an article


def test_library_tab_is_built_when_first_chosen(make: MakeWindow, sample_path: Path) -> None:
    window = make([sample_path])
    assert window._library is None  # not built at start-up
    window.side.setCurrentIndex(1)
    assert window._library is not None
    assert window.side.currentWidget() is window.library
    window.library.finish_loading()
    titles = [item.text(0) for item in window.library.article_items()]
    assert load_article(sample_path).title in titles
    window.side.setCurrentIndex(0)
    assert window.side.currentWidget() is window.tree


def test_drag_of_something_else_is_refused(make: MakeWindow, sample_path: Path) -> None:
    window = make([sample_path])
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_closing_tabs_leaves_an_empty_window_that_still_opens(
    make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    window.close_current_tab()
    assert window.tabs.count() == 0
    assert window.stack.currentWidget() is window.empty
    assert window.section_label.text() == ""
    window.next_section()  # nothing open: no error
    window.open_file(sample_path)
    assert window.tabs.count() == 1


def test_changed_file_reloads_at_the_same_place(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "article.txt"
    shutil.copy(sample_path, copy)
    window = make([copy])
    pane = pane_of(window)
    target = pane.section_ids()[4]
    pane.scroll_to_section(target)
    old_article = pane.article
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("العراق", "العراق الشقيق", 1), encoding="utf-8")
    qtbot.waitUntil(lambda: pane.article is not old_article, timeout=5000)
    assert pane.section_at_top() == target
    assert abs(heading_top(pane, target) - pane.verticalScrollBar().value()) <= 3
    assert "العراق الشقيق" in pane.toPlainText()

    copy.unlink()
    qtbot.waitUntil(lambda: "article.txt" in window.message_bar.text(), timeout=5000)
    assert "العراق الشقيق" in pane.toPlainText()  # the text stays on screen
    assert window.tabs.count() == 1


def test_links(
    monkeypatch: pytest.MonkeyPatch, make: MakeWindow, data_dir: Path
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(reading_pane, "open_external", lambda url: opened.append(url.toString()))
    window = make([data_dir / "md_front_matter.md"])
    pane = pane_of(window)
    url = "https://water.example.org/projects/desal-east"
    assert url in pane.toHtml()
    pane.highlighted.emit(QUrl(url))  # hovering shows the address, opens nothing
    assert window.statusBar().currentMessage() == url
    assert opened == []
    pane.anchorClicked.emit(QUrl(url))
    assert opened == [url]
    pane.anchorClicked.emit(QUrl("file:///etc/passwd"))
    pane.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened == [url]
    assert window.message_bar.kind == "error"
    assert "javascript" in window.message_bar.text()


def test_internal_links_scroll_within_the_pane(qtbot: QtBot) -> None:
    from reader.model import Article, Block, BlockKind, Format, Section, Source, Span, SpanKind

    link = "انظر الخاتمة"
    article = Article(
        title="روابط داخلية",
        source=Source(None, Format.MARKDOWN, "utf-8"),
        sections=[
            Section(0, "المقدمة", 1, [Block(BlockKind.PARAGRAPH, link, spans=(
                Span(0, len(link), SpanKind.LINK, "#end"),))], anchor="intro"),
            *[Section(i, f"قسم {i}", 1, [Block(BlockKind.PARAGRAPH, "نص " * 300)])
              for i in range(1, 4)],
            Section(4, "الخاتمة", 1, [Block(BlockKind.PARAGRAPH, "نهاية")], anchor="end"),
        ],
    )  # fmt: skip
    pane = reading_pane.ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show()
    pane.set_article(article)
    pane.anchorClicked.emit(QUrl("#end"))
    assert pane.section_at_top() == 4
    assert abs(heading_top(pane, 4) - pane.verticalScrollBar().value()) <= 3


def test_library_lists_titles_and_word_counts_and_opens_on_click(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, data_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "my-articles"
    folder.mkdir()
    shutil.copy(data_dir / "md_front_matter.md", folder / "water.md")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not an article: not listed
    window = make([sample_path])
    window.add_library_folder(folder)
    assert window.side.currentWidget() is window.library
    assert window.settings.get(keys.LIBRARY_FOLDERS) == [str(folder.resolve())]
    window.library.finish_loading()
    items = {window.library.path_of(i): i for i in window.library.article_items()}
    bundled = items[str(sample_path.resolve())]
    assert bundled.text(0) == load_article(sample_path).title
    assert bundled.text(1) == "٧٩٤ كلمة"
    water = items[str((folder / "water.md").resolve())]
    assert water.text(0) == load_article(folder / "water.md").title
    assert "broken.txt" in items[str((folder / "broken.txt").resolve())].text(0)
    assert not any(p.endswith("notes.pdf") for p in items)
    tree = window.library.tree
    tree.scrollToItem(water)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(water).center())
    assert window.tabs.count() == 2
    assert pane_of(window).path == (folder / "water.md").resolve()
