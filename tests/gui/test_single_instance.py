"""One window-process per user: ``qari FILE`` while Qari runs opens FILE there (issue 8)."""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.ui import app as app_module
from reader.ui import single_instance
from reader.ui.crash import CrashHandler
from reader.ui.single_instance import InstanceServer, send_to_running, socket_path

from .conftest import MakeWindow
from .helpers import pane_of

ROOT = Path(__file__).resolve().parents[2]


def send_in_thread(paths: list[str], path: Path) -> list[bytes]:
    """Send a request over a plain Unix socket from a thread (this thread's event loop
    answers); the list receives the server's answer."""
    request = json.dumps({"open": paths}, ensure_ascii=False).encode() + b"\n"
    return raw_in_thread(request, path)


def raw_in_thread(request: bytes, path: Path) -> list[bytes]:
    result: list[bytes] = []

    def talk() -> None:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(10)
            client.connect(str(path))
            client.sendall(request)
            answer = b""
            with contextlib.suppress(OSError):
                while chunk := client.recv(100):
                    answer += chunk
            result.append(answer)

    threading.Thread(target=talk, daemon=True).start()
    return result


def send_from_another_process(paths: list[str], path: Path, cwd: Path) -> subprocess.Popen[str]:
    """``send_to_running`` as a second ``qari`` runs it (Qt sockets belong in their own
    process, not in a Python thread of this one)."""
    code = (
        "import sys; from pathlib import Path;"
        " from reader.ui.single_instance import send_to_running as send;"
        " print(send(sys.argv[2:], Path(sys.argv[1])))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, str(path), *paths], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def server(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[InstanceServer, Path]]:
    path = tmp_path / "run" / "instance.sock"
    srv = InstanceServer()
    assert srv.listen(path)
    try:
        yield srv, path
    finally:
        srv.close()


def test_socket_is_in_the_user_runtime_folder() -> None:
    assert socket_path() == Path(os.environ["XDG_RUNTIME_DIR"]) / "qari" / "instance.sock"


def test_running_instance_receives_absolute_paths(
    qtbot: QtBot, server: tuple[InstanceServer, Path], tmp_path: Path
) -> None:
    srv, path = server
    with qtbot.waitSignal(srv.pathsReceived, timeout=20000) as got:
        client = send_from_another_process(["مقال جديد.md", str(tmp_path / "b.txt")], path,
                                           cwd=tmp_path)
    assert got.args == [[str(tmp_path / "مقال جديد.md"), str(tmp_path / "b.txt")]]
    qtbot.waitUntil(lambda: client.poll() is not None, timeout=20000)
    out, err = client.communicate()
    assert (out, err) == ("True\n", "")


def test_server_answers_ok(qtbot: QtBot, server: tuple[InstanceServer, Path]) -> None:
    srv, path = server
    with qtbot.waitSignal(srv.pathsReceived, timeout=5000) as got:
        answer = send_in_thread(["/tmp/a.txt", "relative.txt"], path)
    assert got.args == [["/tmp/a.txt"]]  # only absolute paths are taken
    qtbot.waitUntil(lambda: answer == [b"ok\n"], timeout=5000)


def test_only_the_user_may_connect(server: tuple[InstanceServer, Path]) -> None:
    _, path = server
    assert path.stat().st_mode & 0o077 == 0
    assert path.parent.stat().st_mode & 0o077 == 0


def test_nothing_running_answers_false_at_once(tmp_path: Path) -> None:
    t0 = time.perf_counter()
    assert send_to_running(["a.txt"], tmp_path / "none.sock") is False
    assert time.perf_counter() - t0 < 0.5


def stale_socket(path: Path) -> None:
    """A socket file left behind by a process that died (bound, never unlinked)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    sock.close()
    assert path.exists()


def test_stale_socket_is_replaced(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "run" / "instance.sock"
    stale_socket(path)
    t0 = time.perf_counter()
    assert send_to_running(["a.txt"], path) is False  # nobody answers: no hang
    assert time.perf_counter() - t0 < 2
    srv = InstanceServer()
    try:
        assert srv.listen(path)
        with qtbot.waitSignal(srv.pathsReceived, timeout=5000):
            answer = send_in_thread([str(tmp_path / "x.txt")], path)
        qtbot.waitUntil(lambda: answer == [b"ok\n"], timeout=5000)
    finally:
        srv.close()


def test_a_live_instance_is_not_replaced(
    qtbot: QtBot, server: tuple[InstanceServer, Path], tmp_path: Path
) -> None:
    srv, path = server
    second = InstanceServer()
    assert not second.listen(path)
    with qtbot.waitSignal(srv.pathsReceived, timeout=5000):
        answer = send_in_thread([str(tmp_path / "x.txt")], path)
    qtbot.waitUntil(lambda: answer == [b"ok\n"], timeout=5000)


@pytest.mark.parametrize(
    "request_bytes",
    [b"not json\n", b'{"open": "a.txt"}\n', b'{"open": [1, 2]}\n', b"\xff\xfe\n", b"[]\n"],
)
def test_garbage_requests_are_dropped(
    qtbot: QtBot, server: tuple[InstanceServer, Path], request_bytes: bytes
) -> None:
    srv, path = server
    received: list[object] = []
    srv.pathsReceived.connect(received.append)
    answer = raw_in_thread(request_bytes, path)
    qtbot.waitUntil(lambda: answer != [], timeout=5000)
    assert answer == [b""]  # dropped without "ok"
    assert received == []


def test_oversized_request_is_dropped(qtbot: QtBot, server: tuple[InstanceServer, Path]) -> None:
    srv, path = server
    received: list[object] = []
    srv.pathsReceived.connect(received.append)
    answer = raw_in_thread(b"x" * (single_instance.MAX_REQUEST_BYTES + 10), path)
    qtbot.waitUntil(lambda: answer != [], timeout=10000)
    assert answer == [b""] and received == []


def test_received_files_open_in_the_window(
    make: MakeWindow, sample_path: Path, data_dir: Path
) -> None:
    window = make([sample_path])
    other = data_dir / "md_front_matter.md"
    app_module._open_here(window, [str(other)])
    assert window.tabs.count() == 2
    assert pane_of(window).path == other.resolve()
    app_module._open_here(window, [str(data_dir / "لا يوجد.txt")])  # a bad one: a message
    assert window.tabs.count() == 2 and window.message_bar.kind == "error"


# -- two real processes ------------------------------------------------------------------------


def _env(tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_RUNTIME_DIR": str(runtime), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           app_module.REPORT_ENV: "1"}
    env.pop(app_module.EXIT_AFTER_PAINT_ENV, None)
    return env


def qari(env: dict[str, str], *args: str, cwd: Path = ROOT,
         timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


@contextlib.contextmanager
def running_qari(env: dict[str, str], *args: str) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen([sys.executable, "-m", "reader", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def wait_for(condition: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.05)
    return False


def read_line(proc: subprocess.Popen[str], timeout: float) -> str:
    assert proc.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    try:
        return proc.stdout.readline() if selector.select(timeout) else ""
    finally:
        selector.close()


@pytest.mark.slow
def test_second_qari_opens_its_file_in_the_first(
    tmp_path: Path, sample_path: Path, data_dir: Path
) -> None:
    env = _env(tmp_path)
    sock = tmp_path / "run" / "qari" / "instance.sock"
    first_file = tmp_path / "الأول.txt"
    shutil.copyfile(sample_path, first_file)
    other = tmp_path / "مقال ثان.md"
    shutil.copyfile(data_dir / "md_front_matter.md", other)
    with running_qari(env, str(first_file)) as first:
        assert wait_for(lambda: sock.exists() or first.poll() is not None, 60), "no socket"
        assert first.poll() is None, first.communicate()[1]
        t0 = time.perf_counter()
        second = qari(env, other.name, cwd=tmp_path, timeout=30)  # a relative name
        elapsed = time.perf_counter() - t0
        assert second.returncode == 0, second.stderr
        assert second.stdout.strip() == "qari: opened in the running Qari"
        assert "Traceback" not in second.stderr
        assert elapsed < 10
        line = read_line(first, 20)
        assert json.loads(line) == {"open": [str(first_file), str(other)]}
        assert first.poll() is None  # still running


@pytest.mark.slow
def test_killed_instance_leaves_a_socket_the_next_one_takes_over(
    tmp_path: Path, sample_path: Path
) -> None:
    env = _env(tmp_path)
    sock = tmp_path / "run" / "qari" / "instance.sock"
    with running_qari(env, str(sample_path)) as first:
        assert wait_for(lambda: sock.exists() or first.poll() is not None, 60)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    assert sock.exists()  # stale
    with running_qari(env, str(sample_path)) as again:
        # The new process does not hand its file to the dead one: it listens itself.
        assert wait_for(lambda: send_probe(sock) or again.poll() is not None, 60)
        assert again.poll() is None


def send_probe(sock: Path) -> bool:
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.connect(str(sock))
        return True
    except OSError:
        return False
    finally:
        client.close()


@pytest.fixture
def contacts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every attempt to reach or become the single instance (none succeeds)."""
    seen: list[str] = []

    def send(*args: object, **kwargs: object) -> bool:
        seen.append("send")
        return False

    def listen(*args: object, **kwargs: object) -> bool:
        seen.append("listen")
        return False

    monkeypatch.setattr(single_instance, "send_to_running", send)
    monkeypatch.setattr(single_instance.InstanceServer, "listen", listen)
    return seen


def run_window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """``run_app`` as ``qari ARGS`` runs it, with the event loop returning at once."""
    from PySide6.QtWidgets import QApplication

    from reader.cli import window_parser
    from reader.ui.main_window import MainWindow

    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    before = {id(w) for w in QApplication.topLevelWidgets()}
    hooks = sys.excepthook, threading.excepthook
    try:
        code = app_module.run_app(window_parser().parse_args(list(args)))
        # qari always reports crashes in a dialog (tests install the handler themselves).
        assert isinstance(getattr(sys.excepthook, "__self__", None), CrashHandler)
        return code
    finally:
        sys.excepthook, threading.excepthook = hooks
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and id(widget) not in before:
                widget.persist = False
                qtbot.addWidget(widget)


@pytest.mark.parametrize("flag", ["--new-instance", "--screenshot"])
def test_new_instance_and_screenshots_stay_alone(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, contacts: list[str], tmp_path: Path,
    sample_path: Path, flag: str,
) -> None:
    args = [flag] if flag == "--new-instance" else [flag, str(tmp_path / "s.png"),
                                                    "--size", "640x480"]
    assert run_window(qtbot, monkeypatch, str(sample_path), *args) == 0
    assert contacts == []


def test_plain_qari_asks_the_running_one_then_listens(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, contacts: list[str], sample_path: Path
) -> None:
    assert run_window(qtbot, monkeypatch, str(sample_path)) == 0
    assert contacts == ["send", "listen", "send"]  # asked, tried to listen, asked again


def test_help_documents_the_flag() -> None:
    from reader.cli import window_parser

    text = " ".join(window_parser().format_help().split())
    assert "--new-instance" in text and "already running" in text
