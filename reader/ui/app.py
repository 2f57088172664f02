"""Application start-up: QApplication setup, :func:`make_window` and the ``qari`` window mode.

:func:`setup_application` does the once-per-process work: organisation and application names
(where QSettings and the cache live), the layout direction (right to left for the Arabic
interface, set once here and nowhere else), the interface language's translators (Qari's and
Qt's own, so standard dialogs speak it too), Amiri registration, and the theme manager.
The interface is Arabic whatever the system locale; ``--lang en|ar`` chooses and remembers.
:func:`make_window` builds the window exactly as ``qari`` does, without showing it, for tests
and embedding; :func:`run_app` is what ``qari [FILE ...]`` and ``qari --screenshot`` run.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import paths

from . import settings as keys
from .accessibility import watch_focus
from .first_frame import after_first_frame
from .fonts import register_fonts, register_ui_fonts
from .i18n import tr, translator
from .main_window import MainWindow
from .settings import Settings
from .themes import ThemeManager, new_application

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

    from .single_instance import InstanceServer

ORGANISATION = "Qari"
#: Set (to anything) to make ``qari`` quit right after its first painted frame, saving
#: nothing: how the start-up benchmark times the whole process against its baseline.
EXIT_AFTER_PAINT_ENV = "QARI_EXIT_AFTER_FIRST_PAINT"
APPLICATION = "qari"

_themes: ThemeManager | None = None
#: Qt's own translation of its dialogs and key names, per language (None: not shipped).
_qt_translators: dict[str, QTranslator | None] = {}


def articles_dir() -> Path:
    """The bundled articles folder (see :mod:`reader.paths`, which packaging may move)."""
    return paths.articles_dir()


def sample_article() -> Path:
    """The article opened on the very first run."""
    return paths.sample_article()


def cache_dir() -> Path:
    """Where built theme stylesheets and their icons are kept."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) if location else Path(tempfile.gettempdir()) / "qari-cache"


def setup_application(app: QApplication, lang: str) -> ThemeManager:
    """Names, layout direction, fonts and themes of ``app``; safe to call again."""
    global _themes
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    direction = Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight
    if app.layoutDirection() != direction:
        app.setLayoutDirection(direction)
    install_translators(app, lang)
    watch_focus(app, lang)
    if _themes is None or _themes.app is not app or _themes.lang != lang:
        register_fonts()
        register_ui_fonts(lang)
        app.setWindowIcon(QIcon(str(paths.icon_path())))
        _themes = ThemeManager(app, cache_dir(), lang)
    return _themes


def qt_translator(lang: str) -> QTranslator | None:
    """Qt's own ``qtbase_<lang>.qm`` (file dialogs, print dialogs, key names), if shipped."""
    if lang not in _qt_translators:
        found: QTranslator | None = QTranslator()
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if found is None or not found.load(f"qtbase_{lang}", folder):
            found = None
        _qt_translators[lang] = found
    return _qt_translators[lang]


def install_translators(app: QApplication, lang: str) -> None:
    """Install Qari's and Qt's translators of ``lang`` on ``app`` (removing the other
    language's), so ``QCoreApplication.translate`` and Qt's standard dialogs use it."""
    for other in ("ar", "en"):
        wanted = other == lang
        for found in (translator(other), qt_translator(other)):
            if found is None:
                continue
            installed = bool(found.property("qariInstalled"))
            if wanted and not installed:
                app.installTranslator(found)
            elif installed and not wanted:
                app.removeTranslator(found)
            found.setProperty("qariInstalled", wanted)


def choose_language(window: MainWindow, lang: str) -> None:
    """Help > Arabic / English Interface: remember ``lang``; the window says it applies at the next
    start (rebuilding a live window would drop what other parts hold on to)."""
    window.settings.set(keys.LANGUAGE, lang)
    window.actions_by_name[f"lang_{lang}"].setChecked(True)
    notes = {other: tr("language_restart", window.lang,
                       language=tr(f"language_name_{other}", window.lang))
             for other in keys.LANGUAGES}
    if lang != window.lang:
        window.show_message(notes[lang])
    elif window.message_bar.label.text() in notes.values():  # changed back: nothing to say
        window.message_bar.clear()


def make_window(
    paths_: list[str | Path] | None = None,
    *,
    settings: Settings | None = None,
    settings_path: str | Path | None = None,
    lang: str | None = None,
    persist: bool = True,
) -> MainWindow:
    """Build the reader window as ``qari`` does, without showing it.

    ``paths_`` are opened as tabs; with none, what was open last time is reopened, or the
    sample article on the first run. ``lang`` ("ar"/"en", from ``--lang``) is remembered as
    the interface language when ``persist``; without it the remembered one (Arabic at first).
    Settings come from ``settings``, else from the INI file ``settings_path``, else from the
    user's standard location; with ``persist=False`` (screenshots) nothing is written back.
    A QApplication must exist.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("make_window() needs a QApplication; create one first")
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    if settings is None:
        settings = Settings.open(settings_path)
    if lang in keys.LANGUAGES and persist:
        settings.set(keys.LANGUAGE, lang)  # --lang is the user's choice: kept for next time
    lang = lang if lang in keys.LANGUAGES else settings.get(keys.LANGUAGE)
    themes = setup_application(app, lang)
    themes.apply(settings.get(keys.THEME))
    window = MainWindow(settings, themes, lang)
    window.setLayoutDirection(app.layoutDirection())  # kept if a window of the other is made
    window.persist = persist
    window.restore_state()
    if persist and not _can_write(Path(settings.file_name)):  # say so now, not lose it later
        where = f"\u200e{settings.file_name}\u200e"  # a path reads left to right (LRM)
        window.show_message(tr("settings_unwritable", lang, path=where), "error")
    if paths_:
        window.open_paths(list(paths_))
    else:
        _reopen(window, settings)
    pane = window.current_pane()
    if pane is not None:
        pane.setFocus(Qt.FocusReason.OtherFocusReason)  # the keys read on from the start
    return window


def _can_write(path: Path) -> bool:
    """Whether the settings file can be written: QSettings writes a new file and renames it
    over the old one (atomically, QSaveFile), so the folder must be writable too."""
    if path.exists() and not (path.is_file() and os.access(path, os.W_OK)):
        return False
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def _reopen(window: MainWindow, settings: Settings) -> None:
    for path in settings.get(keys.OPEN_FILES):
        if Path(path).is_file():
            window.open_file(path, activate=False)
    if window.tabs.count():
        window.tabs.setCurrentIndex(min(settings.get(keys.CURRENT_TAB), window.tabs.count() - 1))
    elif sample_article().is_file():
        window.open_file(sample_article())


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _parse_size(text: str) -> tuple[int, int] | None:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        return None
    return (w, h) if 200 <= w <= 10000 and 150 <= h <= 10000 else None


def run_app(ns: argparse.Namespace | SimpleNamespace) -> int:
    """``qari [FILE ...]``: show the window; with ``--screenshot OUT.png`` save a PNG instead.

    The command (:func:`reader.cli.main`) turns the cyclic garbage collector off before it
    imports the window code; it is back on once the window's first frame is on screen (at the
    latest a second after start, and whatever happens when this returns)."""
    try:
        return _run_app(ns)
    finally:
        gc.enable()


def _run_app(ns: argparse.Namespace | SimpleNamespace) -> int:
    size = _parse_size(ns.size)
    if ns.screenshot and size is None:
        print(f"qari: invalid --size {ns.size!r}, expected WIDTHxHEIGHT", file=sys.stderr)
        return 2
    if ns.screenshot and not os.environ.get("QT_QPA_PLATFORM") and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # For the start-up benchmark: quit (saving nothing) once the text has first painted.
    first_paint_only = bool(os.environ.get(EXIT_AFTER_PAINT_ENV))
    # One window-process per user (see .single_instance), except for throw-away runs.
    single = not (ns.screenshot or first_paint_only or getattr(ns, "new_instance", False))
    if single:
        from .single_instance import send_to_running

        if send_to_running(list(ns.files)):
            print("qari: opened in the running Qari", flush=True)
            return 0
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # This process is the app. What its imports made (modules, classes, Qt enums) lives
        # as long as it does: frozen, the cyclic GC stops walking all that at every collection
        # while the window is built (~8 ms of the first paint, measured with callgrind).
        gc.freeze()
        app = new_application(sys.argv)
    server, taken = _listen(app, list(ns.files)) if single else (None, False)
    if taken:
        print("qari: opened in the running Qari", flush=True)  # one started meanwhile
        return 0
    window = make_window(
        list(ns.files), lang=ns.lang, persist=not (ns.screenshot or first_paint_only)
    )
    from .crash import install_crash_handler

    install_crash_handler(window)
    after_first_frame(window, lambda _shown: gc.enable())
    QTimer.singleShot(1000, gc.enable)  # should the first frame never come (a hidden window)
    if server is not None:
        server.setParent(window)
        server.pathsReceived.connect(lambda received: _open_here(window, received))
    if ns.screenshot:
        assert size is not None
        return save_screenshot(window, Path(ns.screenshot), size)
    if first_paint_only:
        window.resize(*(size or (1280, 800)))
        _quit_after_first_paint(window, app, announce=True)
    window.show()
    return app.exec()


#: Test hook: when set, a listening ``qari`` prints the files its window has open (one JSON
#: line) after opening files sent by another ``qari``, so a test of two processes can see it.
REPORT_ENV = "QARI_REPORT_OPENED"


def _listen(app: QApplication, files: list[str]) -> tuple[InstanceServer | None, bool]:
    """The single-instance listener (None: cannot listen, so run alone), and whether another
    qari, started after our first try, took ``files`` meanwhile."""
    from .single_instance import InstanceServer, send_to_running

    server = InstanceServer()
    if server.listen():
        app.aboutToQuit.connect(server.close)  # removes the socket file
        return server, False
    return None, send_to_running(files)


def _open_here(window: MainWindow, files: list[str]) -> None:
    """Files sent by another ``qari``: open them and bring the window forward."""
    window.open_paths(list(files))
    if os.environ.get(REPORT_ENV):
        shown = [str(p.path) for p in window.panes()]
        print(json.dumps({"open": shown}, ensure_ascii=False), flush=True)
    if window.isMinimized():
        window.showNormal()
    if QApplication.platformName() != "offscreen":  # which cannot raise windows
        window.raise_()
    window.activateWindow()


def _quit_after_first_paint(window: MainWindow, app: QApplication, announce: bool = False) -> None:
    pane = window.current_pane()
    watched = pane.viewport() if pane is not None else window

    def done() -> None:
        watched.removeEventFilter(first_paint)
        if announce:
            print("painted", flush=True)
        app.quit()

    first_paint = _FirstPaint(done)
    first_paint.setParent(window)
    watched.installEventFilter(first_paint)
    QTimer.singleShot(10_000, app.quit)  # never hang, whatever happens


def save_screenshot(window: MainWindow, out: Path, size: tuple[int, int]) -> int:
    """Lay ``window`` out at ``size``, save it as PNG once the text has painted, and return;
    nothing is persisted. (This is also the start-up benchmark's "first paint" path.)"""
    window.persist = False
    window.resize(*size)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    _quit_after_first_paint(window, app)
    window.show()
    app.exec()
    image = window.grab()
    window.close()
    if not image.save(str(out), "PNG"):
        print(f"qari: cannot write the screenshot to {out}", file=sys.stderr)
        return 2
    return 0


class _FirstPaint(QObject):
    """Calls ``done`` once, after the watched widget's first paint event."""

    def __init__(self, done: Callable[[], None]) -> None:
        super().__init__()
        self._done: Callable[[], None] | None = done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._done is not None:
            QTimer.singleShot(0, self._done)
            self._done = None
        return False
