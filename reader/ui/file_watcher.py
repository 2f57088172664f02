"""Watching open article files: one debounced ``changed(path)`` signal per burst of writes.

Editors save in bursts (truncate, write, rename); the watcher waits until the file has been
quiet for a moment and then reports it once. A file replaced by rename stops being watched by
QFileSystemWatcher, so :meth:`FileWatcher.watch` is called again after each reload.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

#: How long a file must stay quiet before it is reported, in milliseconds.
QUIET_MS = 200


class FileWatcher(QObject):
    """Emits ``changed(path)`` after a watched file was modified, replaced or removed."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher: QFileSystemWatcher | None = None  # made on first use
        self._pending: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=QUIET_MS)
        self._timer.timeout.connect(self._report)

    def watch(self, path: Path) -> None:
        if self._watcher is None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.fileChanged.connect(self._on_change)
        if path.exists() and str(path) not in self._watcher.files():
            self._watcher.addPath(str(path))

    def unwatch(self, path: Path) -> None:
        if self._watcher is not None and str(path) in self._watcher.files():
            self._watcher.removePath(str(path))

    def _on_change(self, path: str) -> None:
        self._pending.add(path)
        self._timer.start()

    def _report(self) -> None:
        pending, self._pending = sorted(self._pending), set()
        for path in pending:
            self.changed.emit(path)
