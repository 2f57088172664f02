"""Long export and layout work in a background thread, reported to the window by signals.

The PDF engine (:mod:`reader.export`) takes ``progress(done, total)`` and ``cancelled()``
callbacks; :class:`BackgroundJob` runs such a function in a Python thread, turns its progress
into a Qt signal (queued to the window's thread) and answers ``cancelled()`` from a flag set
by :meth:`BackgroundJob.cancel`. The engine holds the GIL only between small steps, so the
window keeps repainting and answering while a 600-page article is written.
"""

from __future__ import annotations

import atexit
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from reader.export import ExportCancelled

#: ``work(progress, cancelled)``: the function a job runs in its thread.
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


#: Jobs whose thread may be running: stopped and waited for when Python exits, so that no
#: thread is still inside Qt or the PDF engine while the interpreter and Qt shut down.
_RUNNING: weakref.WeakSet[BackgroundJob] = weakref.WeakSet()


@atexit.register
def _stop_running_jobs() -> None:
    for job in list(_RUNNING):
        job.cancel()
        job.wait(10)


class BackgroundJob(QObject):
    """Runs ``work`` once in a daemon thread. Signals arrive in the thread that made the job.

    Exactly one of ``succeeded(result)``, ``failed(error)`` or ``was_cancelled()`` is
    emitted at the end, then ``done()``.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    was_cancelled = Signal()
    done = Signal()

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self.running = False
        #: The last progress reported, as (done, total).
        self.last_progress = (0, 1)
        #: The progress dialog showing this job, if any.
        self.dialog: QWidget | None = None

    def start(self) -> None:
        self.running = True
        _RUNNING.add(self)
        self._thread = threading.Thread(target=self._run, name="qari-export", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next check; ``was_cancelled`` follows."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the thread ends (tests, shutdown); True when it has ended."""
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def _progress(self, done: int, total: int) -> None:
        time.sleep(0)  # hand the GIL to the window's thread if it is waiting for it
        if (done, total) != self.last_progress:
            self.last_progress = (done, total)
            try:
                self.progressed.emit(done, total)
            except RuntimeError:  # closed meanwhile: stop the work
                self._cancel.set()

    def _run(self) -> None:
        try:
            result = self._work(self._progress, self._cancel.is_set)
        except ExportCancelled:
            self._finish(self.was_cancelled.emit)
        except Exception as err:  # shown to the user as a message, never a traceback
            error = err
            self._finish(lambda: self.failed.emit(error))
        else:
            if self._cancel.is_set() and result is None:
                self._finish(self.was_cancelled.emit)
            else:
                self._finish(lambda: self.succeeded.emit(result))

    def _finish(self, emit: Callable[[], None]) -> None:
        self.running = False
        try:
            emit()
            self.done.emit()
        except RuntimeError:  # the window (and this job with it) was closed meanwhile
            pass
