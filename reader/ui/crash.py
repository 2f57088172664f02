"""Uncaught exceptions: logged with a timestamp, reported in a non-blocking dialog.

:func:`install_crash_handler` replaces ``sys.excepthook`` and ``threading.excepthook`` (PySide
hands an exception escaping a slot to ``sys.excepthook``). Each exception is appended to
:func:`log_path` (the user's state folder) and shown in one small dialog with a short
explanation, the log's path and a "copy details" button; the window and its article stay
open. A dialog already showing is reused, so an error that repeats on every repaint does not
stack dozens of dialogs, and the log stops growing after :data:`MAX_LOGGED` reports per run.

``qari`` always installs it (:func:`reader.ui.app.run_app`); tests install it explicitly, so
pytest-qt's own exception capture keeps working everywhere else. The dialog
(:mod:`.crash_dialog`) and the formatting modules are imported when a crash happens: the
handler is installed at every start and must cost nothing then.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from .crash_dialog import CrashDialog

LOG_NAME = "crash.log"
#: Past this size the log is moved to ``crash.log.1`` (one old generation is kept).
MAX_LOG_BYTES = 1024 * 1024
#: Reports written to the log per run; an error raised on every paint stops there.
MAX_LOGGED = 50

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_path() -> Path:
    """``<user state folder>/qari/crash.log`` (``$XDG_STATE_HOME/qari`` on Linux)."""
    from platformdirs import user_state_path

    return user_state_path("qari", appauthor=False) / LOG_NAME


def format_report(exc_type: type[BaseException], exc: BaseException,
                  tb: TracebackType | None, where: str = "") -> str:
    """The traceback with a UTC timestamp (and the thread, when not the main one)."""
    import traceback  # here, not at start-up: only a crash needs them
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    head = f"=== {stamp}" + (f" (thread {where})" if where else "") + " ==="
    body = "".join(traceback.format_exception(exc_type, exc, tb))
    return f"{head}\n{body}"


def append_log(report: str, path: Path | None = None) -> Path | None:
    """Append ``report`` to the log; the log's path, or None when it cannot be written."""
    path = path or log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_name(path.name + ".1"))
        with path.open("a", encoding="utf-8", errors="backslashreplace") as f:
            f.write(report.rstrip("\n") + "\n\n")
    except OSError:
        return None
    return path


class CrashHandler(QObject):
    """The installed hooks; reports from any thread reach the dialog in the GUI thread."""

    reported = Signal(str, object)  # report text, log path (Path | None)

    def __init__(self, window: QWidget, lang: str) -> None:
        super().__init__(window)
        self.window = window
        self.lang = lang
        self.dialog: CrashDialog | None = None
        self.logged = 0
        self.last_log: Path | None = None
        self._handling = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        """Put back the hooks that were there before (tests)."""
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous_thread_hook

    def excepthook(self, exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        self.handle(exc_type, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        self.handle(args.exc_type, args.exc_value, args.exc_traceback, where=name)

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None, where: str = "") -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit) or self._handling:
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._handling = True
        try:
            report = format_report(exc_type, exc, tb, where)
            if sys.stderr is not None:
                sys.stderr.write(report)  # also where a developer looks
            if self.logged < MAX_LOGGED:
                self.logged += 1
                self.last_log = append_log(report)
            self.reported.emit(report, self.last_log)  # queued: shown from the event loop
        except Exception:  # the handler must never be the next crash
            sys.__excepthook__(exc_type, exc, tb)
        finally:
            self._handling = False

    def _show(self, report: str, log: object) -> None:
        from .crash_dialog import CrashDialog

        if self.dialog is None:
            self.dialog = CrashDialog(self.lang, self.window)
        self.dialog.add_report(report, log if isinstance(log, Path) else None)
        self.dialog.show()
        if QGuiApplication.platformName() != "offscreen":  # which cannot raise windows
            self.dialog.raise_()


def install_crash_handler(window: QWidget, lang: str | None = None) -> CrashHandler:
    """Report every uncaught exception over ``window`` from now on; returns the handler
    (``uninstall()`` puts the previous hooks back)."""
    handler = CrashHandler(window, lang or str(getattr(window, "lang", "ar")))
    handler.install()
    return handler
