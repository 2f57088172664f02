"""One reader window-process per user: ``qari FILE`` while Qari runs opens FILE in it.

The running process listens on a local socket in the user's runtime folder
(:func:`socket_path`, only the user may connect). A new ``qari`` first offers its files there
(:func:`send_to_running`: absolute paths as one JSON line, answered ``ok``) and exits when
they were taken. Otherwise it becomes the listener (:class:`InstanceServer`). A socket file
left by a process that died is *stale*: nobody answers a connection, so it is removed and
listened on again. A listener that accepts but does not answer in time is left alone (the new
process then simply runs on its own rather than steal a live socket).

``qari --new-instance``, ``--screenshot`` and start-up benchmark runs neither listen nor send.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

SOCKET_NAME = "instance.sock"
#: A request larger than this is not a list of file names: the connection is dropped.
MAX_REQUEST_BYTES = 1024 * 1024
CONNECT_MS = 500
ANSWER_MS = 5000


def socket_path() -> Path:
    """``$XDG_RUNTIME_DIR/qari/instance.sock`` (a private folder under /tmp without it)."""
    from platformdirs import user_runtime_path

    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset
        warnings.simplefilter("ignore")
        folder = user_runtime_path("qari", appauthor=False)
    return folder / SOCKET_NAME


def send_to_running(paths: Sequence[str | Path], path: Path | None = None) -> bool:
    """Hand ``paths`` (made absolute here) to the running Qari; True when it took them."""
    path = path or socket_path()
    if not path.exists():
        return False
    socket = QLocalSocket()
    socket.connectToServer(str(path))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    request = {"open": [os.path.abspath(os.fspath(p)) for p in paths]}
    socket.write(json.dumps(request, ensure_ascii=False).encode("utf-8") + b"\n")
    answer = b""
    socket.waitForBytesWritten(CONNECT_MS)
    while True:  # the answer may already be in (read it before waiting for more)
        answer += bytes(socket.readAll().data())
        if b"\n" in answer or not socket.waitForReadyRead(ANSWER_MS):
            answer += bytes(socket.readAll().data())
            break
    socket.abort()
    return answer.strip() == b"ok"


def _answers(path: Path) -> bool:
    """Whether a live process accepts connections on ``path``."""
    socket = QLocalSocket()
    socket.connectToServer(str(path))
    alive = socket.waitForConnected(CONNECT_MS)
    socket.abort()
    return alive


class InstanceServer(QObject):
    """Listens for other ``qari`` processes; emits ``pathsReceived(list of str)``."""

    pathsReceived = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}
        self._sockets: list[QLocalSocket] = []  # kept referenced until the server goes

    def listen(self, path: Path | None = None) -> bool:
        """Listen at ``path``; a stale socket file is replaced, a live one is not."""
        path = path or socket_path()
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return False
        # Look first: with UserAccessOption Qt binds elsewhere and renames over ``path``,
        # which would silently take a live instance's socket.
        if path.exists() or path.is_symlink():
            if _answers(path):
                return False
            QLocalServer.removeServer(str(path))  # stale: left by a process that died
        return self.server.listen(str(path))

    def close(self) -> None:
        self.server.close()

    def _on_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            self._sockets.append(socket)
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._on_ready(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        # Not deleteLater(): with PySide the deferred delete of a server-side socket crashed
        # (double free, seen in ~QObject). A closed socket is a few bytes; the server, its
        # parent, deletes them all when it goes.
        self._buffers.pop(socket, None)

    def _on_ready(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if len(data) > MAX_REQUEST_BYTES:
            self._buffers.pop(socket, None)
            socket.abort()
            return
        self._buffers[socket] = data
        if b"\n" not in data:
            return
        self._buffers.pop(socket, None)
        paths = _parse_request(data.split(b"\n", 1)[0])
        if paths is None:
            socket.abort()
            return
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        self.pathsReceived.emit(paths)


def _parse_request(line: bytes) -> list[str] | None:
    """The absolute paths of ``{"open": [...]}``; None for anything else."""
    try:
        request = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    paths = request.get("open") if isinstance(request, dict) else None
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        return None
    return [p for p in paths if os.path.isabs(p)]
