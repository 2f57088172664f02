"""What the window remembers between runs, and the settings object behind it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.ui import settings as keys
from reader.ui.app import make_window, sample_article
from reader.ui.settings import Position, Settings

from .conftest import MakeWindow
from .helpers import heading_top, pane_of, show_window


def test_reading_position_is_restored_after_closing_and_reopening(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    first = make([sample_path])
    pane = pane_of(first)
    target = pane.section_ids()[5]
    bar = pane.verticalScrollBar()
    bar.setValue(int(heading_top(pane, target)) + 90)  # a few lines into the section
    before = pane.position()
    value = bar.value()
    assert before.section == target and before.offset > 0
    first.close()

    second = make([])  # no file: reopens what was open last time
    pane2 = pane_of(second)
    assert pane2.path == sample_path.resolve()
    assert pane2.position() == before
    assert pane2.section_at_top() == target
    assert abs(pane2.verticalScrollBar().value() - value) <= 40  # same line, same size
    assert second.selected_section() == target


def test_window_state_and_preferences_are_restored(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, data_dir: Path
) -> None:
    markdown = data_dir / "md_front_matter.md"
    first = make([sample_path, markdown])
    first.resize(700, 560)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.splitter.setSizes([250, 440])
    sizes = first.splitter.sizes()
    first.use_dark_theme()
    first.zoom_in()
    first.tabs.setCurrentIndex(0)
    first.close()

    second = make_window([], settings_path=first.settings.file_name)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (700, 560)
    assert second.splitter.sizes() == sizes
    assert second.tabs.count() == 2
    assert pane_of(second).path == sample_path.resolve()
    assert second.theme.name == "dark"
    assert second.actions_by_name["theme_dark"].isChecked()
    assert pane_of(second).zoom == 110
    second.use_light_theme()  # leave the shared QApplication in the default theme
    second.zoom_reset()


def test_first_run_opens_the_sample(make: MakeWindow) -> None:
    window = make([], show=False)
    assert pane_of(window).path == sample_article().resolve()
    assert sample_article().is_file()


def test_missing_files_from_last_time_are_skipped(
    make: MakeWindow, settings_path: Path, sample_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "was-here.txt"
    shutil.copy(sample_path, copy)
    settings = Settings.open(settings_path)
    settings.set(keys.OPEN_FILES, [str(copy), str(sample_path)])
    settings.sync()
    copy.unlink()
    window = make([], show=False)
    assert [p.path for p in window.panes()] == [sample_path.resolve()]


def test_corrupted_settings_fall_back_to_defaults(
    qtbot: QtBot, settings_path: Path, sample_path: Path
) -> None:
    settings_path.write_text(
        "[preferences]\n"
        "theme=purple\nzoom=enormous\nlanguage=xx\nlibrary_folders={not json\n"
        "[state]\n"
        "geometry=!!!not-base64!!!\nsplitter=[1, -5, \"x\"]\nopen_files=42\n"
        "current_tab=-3\nrecent_files=[1, 2]\n"
        "[positions]\n"
        "abc={\"section\": \"x\"}\n"
        "\x00\x01 garbage line without equals\n",
        encoding="utf-8",
    )
    settings = Settings.open(settings_path)
    for key in keys.ALL_KEYS:
        assert settings.get(key) == key.default, key.name
    assert settings.position(sample_path) is None
    window = make_window([], settings_path=settings_path)
    qtbot.addWidget(window)
    show_window(qtbot, window)
    assert window.theme.name == "light"
    assert pane_of(window).zoom == 100
    assert pane_of(window).path == sample_article().resolve()


def test_settings_write_only_what_differs_from_the_default(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    settings = Settings.open(path)
    settings.set(keys.THEME, "dark")
    settings.set(keys.ZOOM, 100)  # the default: not written
    settings.set(keys.RECENT_FILES, ["/a/b.txt", "/c/د.md"])
    settings.set_position("/a/b.txt", Position(3, 120))
    settings.sync()
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    assert raw.value("preferences/theme") == "dark"
    assert raw.value("preferences/zoom") is None
    again = Settings.open(path)
    assert again.get(keys.RECENT_FILES) == ["/a/b.txt", "/c/د.md"]
    assert again.position("/a/b.txt") == Position(3, 120)
    settings.set(keys.THEME, "light")
    settings.sync()
    assert QSettings(str(path), QSettings.Format.IniFormat).value("preferences/theme") is None


def test_old_reading_positions_are_forgotten(tmp_path: Path) -> None:
    settings = Settings.open(tmp_path / "s.ini")
    for i in range(12):
        settings.set_position(f"/articles/{i}.txt", Position(i, 0))
    settings.prune_positions(keep=5)
    kept = [i for i in range(12) if settings.position(f"/articles/{i}.txt") is not None]
    assert len(kept) == 5


@pytest.mark.parametrize("bad", ["-2", "x", "1.5", "true"])
def test_a_bad_position_reads_as_none(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "s.ini"
    key = Settings._position_key("/x.txt").split("/", 1)[1]
    # Written by hand before any QSettings reads the file (QSettings caches files per process).
    path.write_text(
        f'[positions]\n{key}="{{\\"section\\": {bad}, \\"offset\\": 1}}"\n', encoding="utf-8"
    )
    assert Settings.open(path).position("/x.txt") is None
    good = tmp_path / "good.ini"
    good.write_text(
        f'[positions]\n{key}="{{\\"section\\": 2, \\"offset\\": 1}}"\n', encoding="utf-8"
    )
    assert Settings.open(good).position("/x.txt") == Position(2, 1)
