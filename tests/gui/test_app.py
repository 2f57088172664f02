"""Actions and shortcuts, the feature modules they open, start-up, and ``qari --screenshot``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QApplication

from reader.ui import i18n
from reader.ui.actions import ACTIONS, MENUS, TOOLBAR, key_sequences
from reader.ui.app import make_window

from .conftest import MakeWindow

ROOT = Path(__file__).resolve().parents[2]


def test_no_two_actions_share_a_shortcut(make: MakeWindow, sample_path: Path) -> None:
    seen: dict[str, str] = {}
    for spec in ACTIONS:
        for key in key_sequences(spec):
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text}: {seen.get(text)} and {spec.name}"
            seen[text] = spec.name
    # The same holds for the actions the window really made.
    window = make([sample_path], show=False)
    keys = [
        k.toString(QKeySequence.SequenceFormat.PortableText)
        for a in window.actions_by_name.values()
        for k in a.shortcuts()
    ]
    assert len(keys) == len(set(keys))


def test_required_shortcuts(make: MakeWindow, sample_path: Path) -> None:
    window = make([sample_path], show=False)

    def keys(name: str) -> set[str]:
        return {k.toString(QKeySequence.SequenceFormat.PortableText)
                for k in window.actions_by_name[name].shortcuts()}

    assert "Ctrl+O" in keys("open")
    assert {"Ctrl+PgDown", "Alt+Down"} <= keys("next_section")
    assert {"Ctrl+PgUp", "Alt+Up"} <= keys("previous_section")
    assert "F6" in keys("toggle_focus")
    assert "Ctrl+F" in keys("find")
    assert "Ctrl+Shift+F" in keys("library_search")


def test_menus_and_toolbar_name_real_actions_and_features_are_wired(
    make: MakeWindow, sample_path: Path
) -> None:
    names = {spec.name for spec in ACTIONS}
    listed = {n for _, entries in MENUS for n in entries if n not in {"-", "@recent"}}
    assert listed == names  # every action is reachable from a menu
    assert set(TOOLBAR) - {"-"} <= names
    window = make([sample_path], show=False)
    for hook, method in [
        ("print", "print_article"), ("print_preview", "print_preview"),
        ("export_pdf", "export_pdf"), ("find", "show_find_bar"),
        ("library_search", "search_library"), ("page_setup", "page_setup"),
    ]:  # fmt: skip
        action = window.actions_by_name[hook]
        assert action.isEnabled()
        assert callable(getattr(window, method))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.actions_by_name["export_pdf"] in file_menu.actions()


def test_every_interface_text_has_both_languages() -> None:
    for key, (arabic, english) in i18n.pairs().items():
        assert arabic.strip() and english.strip(), key
        assert any("\u0600" <= c <= "\u06ff" for c in arabic) or key in {"export_pdf"}, key
    assert i18n.number(1234, "ar") == "١٬٢٣٤"
    assert i18n.section_text(3, 8, "ar") == "القسم ٣ من ٨"
    assert i18n.words_text(794, "ar") == "٧٩٤ كلمة"
    assert i18n.words_text(5, "ar") == "٥ كلمات"
    assert i18n.minutes_text(1, "ar") == "دقيقة واحدة قراءة"
    assert i18n.minutes_text(5, "ar") == "٥ دقائق قراءة"
    assert i18n.minutes_text(5, "en") == "5 min read"


def test_status_bar_shows_words_and_reading_time(make: MakeWindow, sample_path: Path) -> None:
    window = make([sample_path])
    assert window.words_label.text() == "٧٩٤ كلمة"
    assert window.time_label.text() == "٥ دقائق قراءة"  # 794 words at 180 a minute


def test_make_window_uses_the_existing_application(qapp: QApplication, settings_path: Path) -> None:
    window = make_window([], settings_path=settings_path)
    try:
        assert QApplication.instance() is qapp
        assert not window.isVisible()
        assert qapp.organizationName() == "Qari" and qapp.applicationName() == "qari"
    finally:
        window.persist = False
        window.close()
        window.deleteLater()


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        env[var] = str(tmp_path / var.lower())
    env.pop("QT_QPA_PLATFORM", None)  # --screenshot must choose offscreen by itself
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_screenshot_command_writes_a_png(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--screenshot", str(out), "--size", "900x600",
         str(sample_path)],
        env=_env(tmp_path), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    # Nothing was remembered from a screenshot run.
    assert not list((tmp_path / "xdg_config_home").rglob("*.conf"))


def test_screenshot_refuses_a_bad_size(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--screenshot", str(tmp_path / "x.png"), "--size", "big"],
        env=_env(tmp_path), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert "--size" in result.stderr
    assert not (tmp_path / "x.png").exists()
