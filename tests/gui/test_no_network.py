"""The reader never touches the network (issue 8).

A local HTTP server counts requests; articles reference images, a stylesheet, a frame and links
on it. Opening them in the window, reading them through, hovering and clicking links, exporting
them to PDF (in the process and with ``qari export``) and ``qari outline`` must send it nothing.
The pane loads images only from the article's own folder.
"""

from __future__ import annotations

import base64
import http.server
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from pytestqt.qtbot import QtBot

from reader.export import export_pdf
from reader.model import load_article
from reader.ui import reading_pane
from reader.ui.reading_pane import ReadingPane
from reader.ui.resource_policy import placeholder_image

from ..unit.test_hostile_input import png_bytes
from .conftest import MakeWindow
from .helpers import pane_of

ROOT = Path(__file__).resolve().parents[2]


class _Counter(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.requests.append(self.path)
        self.send_response(200)
        kind = "text/css" if self.path.endswith(".css") else "image/png"
        self.send_header("Content-Type", kind)
        self.end_headers()
        self.wfile.write(b"p { color: red }" if kind == "text/css" else png_bytes())

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Counter.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def html_article(base: str) -> str:
    return f"""<!DOCTYPE html><html dir="rtl"><head><meta charset="utf-8">
<title>مقال بصور بعيدة</title>
<link rel="stylesheet" href="{base}/style.css">
<style>@import url("{base}/import.css"); body {{ background: url({base}/bg.png) }}</style>
<script src="{base}/script.js"></script>
</head><body background="{base}/body.png">
<h1>مقال بصور بعيدة</h1>
<p>فقرة أولى فيها صورة <img src="{base}/inline.png" alt="صورة"> ونص بعدها.</p>
<iframe src="{base}/frame.html"></iframe>
<h2>قسم الروابط</h2>
<p>اقرأ <a href="{base}/article">المقال الأصلي</a>
أو <a href="javascript:fetch('{base}/js')">هذا</a> أو <a href="file:///etc/passwd">ذاك</a>.</p>
<p><img srcset="{base}/srcset.png 2x" src="{base}/src.png"><video src="{base}/v.mp4"></video></p>
<h2>قسم أخير</h2>
{"<p>نص طويل يملأ الصفحة حتى يلزم التمرير فيها إلى آخرها. </p>" * 60}
</body></html>"""


def markdown_article(base: str) -> str:
    return (
        "# مقال ماركداون بصور\n\n"
        f"![صورة بعيدة]({base}/md.png)\n\n"
        f'<img src="{base}/md-html.png"> <link rel="stylesheet" href="{base}/md.css">\n\n'
        f"<iframe src=\"{base}/md-frame.html\"></iframe>\n\n"
        "## القسم الأول\n\n"
        f"نص فيه [رابط إلى الخادم]({base}/link) و[رابط آخر](<{base}/other page>).\n\n"
        + "فقرة طويلة تملأ المكان. " * 400 + "\n\n## القسم الثاني\n\nنهاية.\n"
    )


def read_through(qtbot: QtBot, pane: ReadingPane) -> None:
    """Scroll from top to bottom a page at a time, letting each screen paint."""
    bar = pane.verticalScrollBar()
    bar.setValue(0)
    while True:
        pane.viewport().repaint()
        qtbot.wait(5)
        if bar.value() >= bar.maximum():
            break
        bar.setValue(bar.value() + max(1, bar.pageStep()))


def qari(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)


def test_opening_reading_exporting_fetches_nothing(
    qtbot: QtBot, make: MakeWindow, server: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The server does answer: a request would be served, and counted.
    import urllib.request

    with urllib.request.urlopen(f"{server}/probe.png", timeout=10) as answer:
        assert answer.read() == png_bytes()
    assert _Counter.requests == ["/probe.png"]
    _Counter.requests.clear()

    page = tmp_path / "صفحة.html"
    page.write_text(html_article(server), encoding="utf-8")
    md = tmp_path / "مقال.md"
    md.write_text(markdown_article(server), encoding="utf-8")
    opened: list[str] = []
    monkeypatch.setattr(reading_pane, "open_external", lambda url: opened.append(url.toString()))

    window = make([page, md])
    assert window.tabs.count() == 2
    for index in range(2):
        window.tabs.setCurrentIndex(index)
        pane = pane_of(window)
        assert pane.article is not None
        read_through(qtbot, pane)
        for step in range(6):
            window.next_section() if step < 3 else window.previous_section()
        # Hovering a link shows it; only a click hands it to the system browser.
        pane.highlighted.emit(QUrl(f"{server}/link"))
        pane.anchorClicked.emit(QUrl("javascript:fetch('/x')"))
        pane.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == []
    pane_of(window).anchorClicked.emit(QUrl(f"{server}/link"))
    assert opened == [f"{server}/link"]  # handed to the browser, not fetched by Qari

    for path in (page, md):
        export_pdf(load_article(path), tmp_path / f"{path.stem}-in-process.pdf")
        out = qari("export", str(path), "-o", str(tmp_path / f"{path.stem}.pdf"))
        assert out.returncode == 0, out.stderr
        out = qari("outline", str(path))
        assert out.returncode == 0, out.stderr
    time.sleep(0.3)  # a late request would land by now
    assert _Counter.requests == []
    assert window.isVisible()


# -- the pane's own loading, given HTML with images ------------------------------------------


def resource(pane: ReadingPane, url: str) -> object:
    return pane.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(url))


def size_of(value: object) -> tuple[int, int]:
    assert isinstance(value, QImage | QPixmap), value
    return value.width(), value.height()


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    article = tmp_path / "مقال"
    article.mkdir()
    (article / "داخل.png").write_bytes(png_bytes())
    (article / "passwd.png").symlink_to("/etc/passwd")
    (tmp_path / "خارج.png").write_bytes(png_bytes())
    return article, tmp_path / "خارج.png"


def test_pane_loads_images_only_from_the_articles_folder(
    qtbot: QtBot, folders: tuple[Path, Path], server: str
) -> None:
    article, outside = folders
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.path = article / "مقال.html"
    data_url = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    urls = {
        "inside": "داخل.png",
        "inside-uri": (article / "داخل.png").as_uri(),
        "data": data_url,
        "outside": str(outside),
        "outside-uri": outside.as_uri(),
        "dotdot": "../خارج.png",
        "passwd": "file:///etc/passwd",
        "passwd-link": "passwd.png",
        "remote": f"{server}/remote.png",
    }
    pane.setHtml("<p>" + "".join(f'<img src="{u}">' for u in urls.values()) + "</p>")
    pane.resize(700, 300)
    pane.show()
    qtbot.waitExposed(pane)
    pane.viewport().repaint()
    placeholder = size_of(placeholder_image())
    for name, url in urls.items():
        got = size_of(resource(pane, url))
        if name in ("inside", "inside-uri", "data"):
            assert got == (4, 4), name  # the real 4x4 image
        else:
            assert got == placeholder, name
    assert _Counter.requests == []


def test_a_file_that_is_not_an_image_shows_the_placeholder(
    qtbot: QtBot, tmp_path: Path
) -> None:
    (tmp_path / "fake.png").write_text("root:x:0:0:root:/root:/bin/bash\n")
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.path = tmp_path / "a.html"
    pane.setHtml('<p><img src="fake.png"></p>')
    assert size_of(resource(pane, "fake.png")) == size_of(placeholder_image())


def test_pane_loads_no_stylesheet_and_qt_reads_no_file_behind_it(
    qtbot: QtBot, tmp_path: Path, server: str
) -> None:
    (tmp_path / "local.css").write_text("p { color: red }")
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.path = tmp_path / "a.html"
    passwd = Path("/etc/passwd").read_bytes()[:8] if Path("/etc/passwd").is_file() else b"root:"
    sheet = QTextDocument.ResourceType.StyleSheetResource
    image = QTextDocument.ResourceType.ImageResource
    for url in ("local.css", f"{server}/remote.css", "file:///etc/passwd", "/etc/passwd"):
        got = pane.document().resource(sheet, QUrl(url))
        # Not None either: Qt would then read the file itself (and cache it for images too).
        assert got is not None and bytes(got).strip() == b"", url
        later = pane.document().resource(image, QUrl(url))  # same address, as an image
        assert passwd not in (bytes(later) if hasattr(later, "data") else b""), url
    assert _Counter.requests == []
