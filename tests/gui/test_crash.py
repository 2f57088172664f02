"""An uncaught exception in the UI: a dialog, a log in the user's state folder, the article
stays on screen (issue 8)."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from reader.ui import crash
from reader.ui.crash import CrashHandler, install_crash_handler
from reader.ui.crash_dialog import CrashDialog
from reader.ui.main_window import MainWindow

from .conftest import MakeWindow
from .helpers import pane_of

SAMPLE_WORDS = "العراقية-السورية"


@pytest.fixture
def window_with_handler(make: MakeWindow, sample_path: Path) -> Iterator[
    tuple[MainWindow, CrashHandler]
]:
    window = make([sample_path])
    handler = install_crash_handler(window)
    try:
        yield window, handler
    finally:
        handler.uninstall()


def raise_in_slot(message: str) -> None:
    def boom() -> None:
        raise RuntimeError(message)

    QTimer.singleShot(0, boom)


def test_log_lives_in_the_user_state_folder() -> None:
    assert crash.log_path() == Path(os.environ["XDG_STATE_HOME"]) / "qari" / "crash.log"


def test_exception_in_a_slot_shows_dialog_writes_log_keeps_article(
    qtbot: QtBot, window_with_handler: tuple[MainWindow, CrashHandler]
) -> None:
    window, handler = window_with_handler
    marker = f"boom-{uuid.uuid4().hex}"
    raise_in_slot(marker)
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible(),
                    timeout=5000)
    dialog = handler.dialog
    assert dialog is not None
    assert not dialog.isModal()  # the reader keeps working behind it
    assert "خطأ غير متوقع" in dialog.explanation.text()  # Arabic UI, short explanation
    log = crash.log_path()
    text = log.read_text(encoding="utf-8")
    assert marker in text and "Traceback" in text and "RuntimeError" in text
    assert " UTC ===" in text  # timestamped
    assert str(log) in dialog.where.text()  # inside a left-to-right isolate
    # The window is still there with its article, and still answers.
    assert window.isVisible()
    pane = pane_of(window)
    assert SAMPLE_WORDS in pane.toPlainText()
    window.next_section()
    assert pane.current_section() >= 0
    # "Copy details" puts the traceback on the clipboard.
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert marker in copied and "Traceback" in copied
    assert dialog.isVisible()  # copying does not close it


def test_repeated_crashes_share_one_dialog(
    qtbot: QtBot, window_with_handler: tuple[MainWindow, CrashHandler]
) -> None:
    window, handler = window_with_handler
    for k in range(30):
        raise_in_slot(f"again-{k}")
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.count == 30,
                    timeout=5000)
    dialogs = [w for w in window.findChildren(CrashDialog) if w.isVisible()]
    assert len(dialogs) == 1
    assert "٣٠" in dialogs[0].explanation.text()  # how many times, in Arabic digits
    assert "again-29" in dialogs[0].details.toPlainText()


def test_log_stops_growing_in_an_error_loop(
    qtbot: QtBot, window_with_handler: tuple[MainWindow, CrashHandler]
) -> None:
    _, handler = window_with_handler
    marker = uuid.uuid4().hex
    for _ in range(crash.MAX_LOGGED + 20):
        raise_in_slot(marker)
    qtbot.waitUntil(
        lambda: handler.dialog is not None and handler.dialog.count == crash.MAX_LOGGED + 20,
        timeout=10000,
    )
    assert crash.log_path().read_text(encoding="utf-8").count(marker) == crash.MAX_LOGGED


def test_exception_in_a_thread_is_reported_in_the_window(
    qtbot: QtBot, window_with_handler: tuple[MainWindow, CrashHandler]
) -> None:
    window, handler = window_with_handler
    marker = f"thread-{uuid.uuid4().hex}"

    def work() -> None:
        raise ValueError(marker)

    worker = threading.Thread(target=work, name="worker-x")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible(),
                    timeout=5000)
    assert handler.dialog is not None
    assert marker in handler.dialog.details.toPlainText()
    assert "worker-x" in crash.log_path().read_text(encoding="utf-8")
    assert window.isVisible()


def test_unwritable_state_folder_still_shows_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    window_with_handler: tuple[MainWindow, CrashHandler],
) -> None:
    _, handler = window_with_handler
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr(crash, "log_path", lambda: blocker / "qari" / "crash.log")
    raise_in_slot("no-log")
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible(),
                    timeout=5000)
    assert handler.dialog is not None
    assert "تعذّر حفظ التفاصيل" in handler.dialog.where.text()
    assert "no-log" in handler.dialog.details.toPlainText()


def test_uninstall_restores_the_previous_hooks(make: MakeWindow) -> None:
    import sys

    before = sys.excepthook, threading.excepthook
    handler = install_crash_handler(make(show=False))
    assert sys.excepthook == handler.excepthook
    handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
