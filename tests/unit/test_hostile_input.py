"""Hostile and broken files, on the model and on the command line (issue 8).

A reader opens files from anywhere. For each bad input the model gives either a sensible
article or an :class:`ArticleError` with a message in Arabic and in English; it never reads
a file that is too large, never blocks on a named pipe, never opens a network connection or
another file. ``qari outline`` and ``qari export`` print exactly one line on stderr and exit 2,
never a traceback, and leave no partial PDF behind.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import http.server
import importlib.util
import io
import json
import os
import pathlib
import random
import shutil
import socket
import struct
import subprocess
import sys
import textwrap
import threading
import time
import tracemalloc
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from reader.model import (
    MAX_FILE_BYTES,
    Article,
    ArticleError,
    EmptyArticleError,
    FileMissingError,
    FileTooLargeError,
    NotTextError,
    load_article,
)
from reader.model.html_parser import MAX_DEPTH

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "articles" / "iraq-syria-border-security.txt"
SAMPLE_TITLE = "استقرار أمني على الحدود العراقية-السورية وتعزيز التعاون بين البلدين"
HAS_EXPORT = all(
    importlib.util.find_spec(name) is not None
    for name in ("reader.commands.export", "reader.export")
)
needs_export = pytest.mark.skipif(not HAS_EXPORT, reason="qari export is not in this checkout yet")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def has_arabic(text: str) -> bool:
    return any("\u0621" <= c <= "\u064a" for c in text)


def check_error(err: ArticleError) -> None:
    """A message the user can read, in both languages."""
    assert has_arabic(err.arabic), err.arabic
    assert any(c.isascii() and c.isalpha() for c in err.english), err.english
    assert err.arabic in str(err) and err.english in str(err)


def article_text(a: Article) -> str:
    """Everything the reader shows: title, author, date, headings, markers, blocks and
    boilerplate."""
    return "\n".join([*a.iter_text(), a.author or "", a.date or ""])


def link_targets(a: Article) -> set[str]:
    return {sp.href for s in a.sections for b in s.blocks for sp in b.spans if sp.href}


# -- the hostile files ------------------------------------------------------------------------


def png_bytes() -> bytes:
    """A real 4x4 red PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path

    return build


def _too_large(tmp: Path) -> Path:
    path = tmp / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: nothing is written to disk
    return path


def _symlink_loop(tmp: Path) -> Path:
    a, b = tmp / "loop-a.txt", tmp / "loop-b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def _directory(tmp: Path) -> Path:
    path = tmp / "مجلد.txt"
    path.mkdir()
    return path


def _fifo(tmp: Path) -> Path:
    path = tmp / "pipe.txt"
    os.mkfifo(path)
    return path


def _unreadable(tmp: Path) -> Path:
    path = tmp / "secret.txt"
    path.write_bytes(SAMPLE.read_bytes())
    path.chmod(0)
    return path


#: Files the model must refuse, with the error it gives.
BAD_FILES: dict[str, tuple[Callable[[Path], Path], type[ArticleError]]] = {
    "empty": (_write("empty.txt", b""), EmptyArticleError),
    "whitespace": (
        _write("blank.txt", " \n\t\r\n  \u00a0\u3000\u2028\n".encode()), EmptyArticleError
    ),
    "whitespace-md": (_write("blank.md", b"\n\n   \n"), EmptyArticleError),
    "png": (_write("image.txt", png_bytes()), NotTextError),
    "png-as-html": (_write("image.html", png_bytes()), NotTextError),
    "urandom": (_write("random.txt", os.urandom(64 * 1024)), NotTextError),
    "undecodable-bom": (
        _write("bad.txt", b"\xef\xbb\xbf" + "نص".encode() + b"\xff\xfe\xc3"), NotTextError
    ),
    "undecodable-utf16": (_write("bad16.txt", b"\xff\xfe" + b"\x00\xd8a\x00"), NotTextError),
    "too-large": (_too_large, FileTooLargeError),
    "symlink-loop": (_symlink_loop, FileMissingError),
    "directory": (_directory, FileMissingError),
    "fifo": (_fifo, FileMissingError),
    "missing": (lambda tmp: tmp / "لا يوجد.txt", FileMissingError),
    "empty-name-with-newline": (_write("سطر\nجديد.txt", b""), EmptyArticleError),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_files_raise_a_model_error_in_both_languages(case: str, tmp_path: Path) -> None:
    build, error = BAD_FILES[case]
    path = build(tmp_path)
    with pytest.raises(ArticleError) as info:
        load_article(path)
    assert isinstance(info.value, error), repr(info.value)
    check_error(info.value)


@pytest.mark.skipif(IS_ROOT, reason="root reads a file whatever its mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = _unreadable(tmp_path)
    assert not os.access(path, os.R_OK)
    with pytest.raises(FileMissingError) as info:
        load_article(path)
    check_error(info.value)


@contextlib.contextmanager
def refuse_opening(target: Path) -> Iterator[list[str]]:
    """Make any attempt to open ``target`` fail loudly (and record it)."""
    attempts: list[str] = []
    real_open: Callable[..., Any] = builtins.open
    real_os_open: Callable[..., int] = os.open
    real_path_open: Callable[..., Any] = pathlib.Path.open

    def guarded(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, str | bytes | os.PathLike) and os.fsdecode(file) == str(target):
            attempts.append(str(file))
            raise AssertionError(f"{target} was opened")
        return real_open(file, *args, **kwargs)

    def guarded_os(file: object, *args: object, **kwargs: object) -> int:
        if isinstance(file, str | bytes | os.PathLike) and os.fsdecode(file) == str(target):
            attempts.append(str(file))
            raise AssertionError(f"{target} was opened")
        return real_os_open(file, *args, **kwargs)

    def guarded_path(self: pathlib.Path, *args: object, **kwargs: object) -> object:
        if str(self) == str(target):
            attempts.append(str(self))
            raise AssertionError(f"{target} was opened")
        return real_path_open(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(builtins, "open", guarded)
        mp.setattr(io, "open", guarded)
        mp.setattr(os, "open", guarded_os)
        mp.setattr(pathlib.Path, "open", guarded_path)
        yield attempts


def test_permission_denied_when_opening(tmp_path: Path) -> None:
    # What a chmod 000 file, or one another program holds locked, gives even to root.
    path = _copy_sample(tmp_path)
    real_open: Callable[..., Any] = pathlib.Path.open

    def denied(self: pathlib.Path, *args: object, **kwargs: object) -> object:
        if str(self) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pathlib.Path, "open", denied)
        with pytest.raises(FileMissingError) as info:
            load_article(path)
    check_error(info.value)
    assert "Permission denied" in info.value.english and str(path) in info.value.english


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = _too_large(tmp_path)
    assert path.stat().st_blocks * 512 < 1024 * 1024  # sparse: the test writes nothing
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        with refuse_opening(path) as attempts, pytest.raises(FileTooLargeError) as info:
            load_article(path)
        elapsed = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert attempts == []
    assert elapsed < 1.0
    assert peak < 1024 * 1024
    check_error(info.value)
    assert f"{MAX_FILE_BYTES // (1024 * 1024)}" in info.value.english  # says what the limit is


def test_file_just_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "limit.txt"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    with refuse_opening(path), pytest.raises(FileTooLargeError):
        load_article(path)


def test_named_pipe_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    # Opening a FIFO for reading blocks until a writer comes: the loader must look first.
    path = _fifo(tmp_path)
    with refuse_opening(path) as attempts, pytest.raises(FileMissingError) as info:
        load_article(path)
    assert attempts == []
    check_error(info.value)


# -- the file changes between the size check and the read -------------------------------------


@contextlib.contextmanager
def after_stat(target: Path, action: Callable[[Path], None]) -> Iterator[None]:
    """Run ``action`` on ``target`` right after the loader's ``stat`` of it (a file that
    another program removes, truncates or grows at that moment)."""
    real_stat: Callable[..., os.stat_result] = pathlib.Path.stat

    def stat(self: pathlib.Path, *args: object, **kwargs: object) -> os.stat_result:
        result = real_stat(self, *args, **kwargs)
        if str(self) == str(target):
            action(target)
        return result

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pathlib.Path, "stat", stat)
        yield


def _copy_sample(tmp: Path, name: str = "article.txt") -> Path:
    path = tmp / name
    shutil.copyfile(SAMPLE, path)
    return path


def test_file_removed_between_stat_and_read(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    with after_stat(path, Path.unlink), pytest.raises(FileMissingError) as info:
        load_article(path)
    check_error(info.value)
    assert str(path) in info.value.english


def test_file_emptied_between_stat_and_read(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    with after_stat(path, lambda p: os.truncate(p, 0)), pytest.raises(EmptyArticleError) as info:
        load_article(path)
    check_error(info.value)


def test_file_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path) -> None:
    path = _copy_sample(tmp_path)
    with after_stat(path, lambda p: os.truncate(p, MAX_FILE_BYTES + 4096)), pytest.raises(
        FileTooLargeError
    ) as info:
        load_article(path)
    check_error(info.value)


#: The sample cut in the middle of a two-byte Arabic letter.
def _cut_mid_letter(data: bytes) -> int:
    cut = len(data) // 2
    while (data[cut] & 0xC0) != 0x80:  # land on a continuation byte
        cut += 1
    return cut


def test_file_cut_mid_letter_while_read_is_read_or_refused_clearly(tmp_path: Path) -> None:
    data = SAMPLE.read_bytes()
    cut = _cut_mid_letter(data)
    path = _copy_sample(tmp_path)
    with after_stat(path, lambda p: os.truncate(p, cut)):
        try:
            a = load_article(path)
        except ArticleError as err:
            check_error(err)
            return
    # Read: then as UTF-8, with everything before the cut.
    assert a.title == SAMPLE_TITLE
    kept = "".join(data[:cut].decode("utf-8", errors="ignore").split())
    assert "".join("".join(a.iter_text()).split()) == kept


def test_utf8_file_cut_mid_letter_still_opens(tmp_path: Path) -> None:
    data = SAMPLE.read_bytes()
    path = tmp_path / "cut.txt"
    path.write_bytes(data[: _cut_mid_letter(data)])
    assert load_article(path).title == SAMPLE_TITLE


# -- mixed encodings --------------------------------------------------------------------------


def _mixed(tmp: Path) -> tuple[Path, list[str]]:
    """The sample with every third line in Windows-1256, the others in UTF-8."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    data = b"\n".join(
        line.encode("cp1256" if k % 3 == 2 else "utf-8") for k, line in enumerate(lines)
    )
    path = tmp / "mixed.txt"
    path.write_bytes(data)
    return path, [line.strip() for line in lines if line.strip()]


def test_mixed_encoding_file_is_read_right_or_refused_clearly(tmp_path: Path) -> None:
    path, lines = _mixed(tmp_path)
    try:
        a = load_article(path)
    except NotTextError as err:
        check_error(err)
        return
    # Read: then every line as it was written, not mojibake in one of the two encodings.
    text = "\n".join(a.iter_text())
    assert all(line in text for line in lines)


def test_mixed_encoding_file_opens(tmp_path: Path) -> None:
    path, lines = _mixed(tmp_path)
    text = "\n".join(load_article(path).iter_text())
    assert all(line in text for line in lines)


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03", bytes.fromhex("8f1100c3e55ad29b7e61a04c")])
def test_tiny_binary_file_is_not_read_as_utf16(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "tiny.bin"
    path.write_bytes(data)
    with pytest.raises(NotTextError):
        load_article(path)


# -- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ""])
def test_arabic_file_name_with_spaces(suffix: str, tmp_path: Path) -> None:
    folder = tmp_path / "مقالات محفوظة"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    if suffix == ".md":
        text = "# " + text.strip().replace("\n\n", "\n", 1)
    elif suffix == ".html":
        text = f"<html><head><title>{SAMPLE_TITLE}</title></head><body><p>نص المقال</p></body>"
    path = folder / f"مقال عن الحدود - نسخة ٢{suffix}"
    path.write_text(text, encoding="utf-8")
    a = load_article(path)
    assert a.title == SAMPLE_TITLE
    assert a.source.path == path
    assert a.sections


# -- a 50 MB single line ----------------------------------------------------------------------

LINE_UNIT = "كلمة عربية طويلة Latin word، "
LINE_BYTES = 50 * 1024 * 1024
#: Peak memory allowed while parsing, as a multiple of the file size. Measured (this machine):
#: Markdown and HTML ~16x, from splitting the one block into its words; plain text ~4x while
#: the line was the title, 12.4x since it is body text (4e22ba5: a first line over 300
#: characters is not a title), split into words like the others.
MEMORY_FACTOR = {".txt": 16, ".md": 20, ".html": 20}

_MEASURE = textwrap.dedent(
    """
    import json, resource, sys, time
    from reader.model import load_article
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    a = load_article(sys.argv[1])
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    chars = sum(len("".join(t.split())) for t in a.iter_text())
    print(json.dumps({"seconds": seconds, "grew": (peak - before) * 1024, "chars": chars,
                      "title": len(a.title), "sections": len(a.sections)}))
    """
)


@pytest.fixture(scope="module")
def one_line_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("line") / "line.txt"
    unit = LINE_UNIT.encode()
    with path.open("wb") as f:
        f.write(unit * (LINE_BYTES // len(unit)))
    return path


def run_python(code: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=timeout,
    )


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_50_mb_single_line_parses_in_bounded_memory(suffix: str, one_line_file: Path) -> None:
    path = one_line_file.with_name("line" + suffix)
    if not path.exists():
        os.link(one_line_file, path)  # same bytes, no second copy on disk
    size = path.stat().st_size
    out = run_python(_MEASURE, str(path))
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["grew"] <= MEMORY_FACTOR[suffix] * size, result
    assert result["seconds"] < 30, result
    # Nothing lost: every non-space character of the line is in the article.
    expected = len("".join(LINE_UNIT.split())) * (LINE_BYTES // len(LINE_UNIT.encode()))
    assert result["chars"] >= expected, result


# -- deep Markdown nesting --------------------------------------------------------------------

DEPTH = 1000
NESTINGS = {
    "bullets": lambda k: "  " * k + f"- بند{k}\n",
    "ordered": lambda k: "   " * k + f"1. بند{k}\n",
    "quotes": lambda k: ">" * (k + 1) + f" سطر{k}\n",
    "quote-list": lambda k: "> " * k + f"- بند{k}\n",
}


@pytest.mark.parametrize("shape", list(NESTINGS))
def test_markdown_nested_1000_levels(shape: str, tmp_path: Path) -> None:
    path = tmp_path / f"deep-{shape}.md"
    path.write_text("# مقال عميق\n\n" + "".join(NESTINGS[shape](k) for k in range(DEPTH)) + "\n")
    t0 = time.perf_counter()
    a = load_article(path)
    assert time.perf_counter() - t0 < 10
    assert a.title == "مقال عميق"
    blocks = [b for s in a.sections for b in s.blocks]
    words = [w for b in blocks for w in b.text.split() if w[-1].isdigit()]
    assert len(words) == DEPTH
    assert words == sorted(words, key=lambda w: int(w[3:]))  # all of them, in order
    assert max(b.depth for b in blocks) <= MAX_DEPTH


def test_markdown_one_line_nested_100000_levels(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text("> - " * 100_000 + "الكلمة الأخيرة\n")
    t0 = time.perf_counter()
    a = load_article(path)
    assert time.perf_counter() - t0 < 10
    assert "الكلمة الأخيرة" in "\n".join(a.iter_text())


# -- hostile HTML -----------------------------------------------------------------------------

PASSWD = Path("/etc/passwd")


def hostile_page(base: str = "http://example.com") -> str:
    """A page that tries everything: scripts, styles, event handlers, frames, remote and local
    images, data: URLs, unclosed tags. Every "QX" word must stay out of the article."""
    return f"""<!DOCTYPE html>
<html dir="rtl"><head><meta charset="utf-8">
<title>صفحة عدائية</title>
<link rel="stylesheet" href="{base}/QXstyle.css">
<link rel="prefetch" href="{base}/QXprefetch">
<style>@import url("{base}/QXimport.css"); body {{ background: url({base}/QXbg.png) }}</style>
<script src="{base}/QXscript.js"></script>
<script>fetch("{base}/QXfetch"); document.write("<p>QXwritten</p>")</script>
<meta http-equiv="refresh" content="0; url={base}/QXrefresh">
</head>
<body onload="fetch('{base}/QXonload')" background="{base}/QXbody.png">
<h1 onclick="alert('QXclick')">العنوان الرئيسي</h1>
<p onmouseover="QXhover()" style="background: url({base}/QXinline.png)">فقرة أولى <b>غامقة <i>ومائلة
<p>فقرة ثانية غير مغلقة
<div><span>نص في div غير مغلق
<iframe src="{base}/QXframe.html">QXframetext</iframe>
<img src="{base}/QXremote.png" alt="QXalt" onerror="QXerror()">
<img src="file:///etc/passwd" alt="QXpasswd">
<img src="file:///etc/passwd" srcset="{base}/QXsrcset.png 2x">
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+QXdata">
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">رابط بيانات</a>
<a href="javascript:alert(document.cookie)">رابط جافاسكربت</a>
<a href="file:///etc/passwd">رابط ملف محلي</a>
<object data="{base}/QXobject.swf"></object><embed src="{base}/QXembed">
<video src="{base}/QXvideo.mp4" poster="{base}/QXposter.png"></video>
<audio src="{base}/QXaudio.mp3"></audio>
<svg><image href="{base}/QXsvg.png"/><script>QXsvgscript()</script><text>QXsvgtext</text></svg>
<noscript><img src="{base}/QXnoscript.png">QXnoscripttext</noscript>
<template><p>QXtemplate</p></template>
<form action="{base}/QXform"><input value="QXinput"><button>QXbutton</button></form>
<!-- QXcomment <p>QXcommented</p> -->
<![CDATA[QXcdata]]>
<ul><li>بند أول<li>بند ثان<li>بند ثالث</ul>
<h2>قسم <em>أخير</h2>
<p>الفقرة الأخيرة &amp; رموز &#1576;&#x628; &nbsp; هنا.
"""


VISIBLE = [
    "العنوان الرئيسي", "فقرة أولى غامقة ومائلة", "فقرة ثانية غير مغلقة", "نص في div غير مغلق",
    "رابط بيانات", "رابط جافاسكربت", "رابط ملف محلي", "بند أول", "بند ثان", "بند ثالث",
    "قسم أخير", "الفقرة الأخيرة & رموز بب هنا.",
]


def _passwd_lines() -> list[str]:
    try:
        return [line for line in PASSWD.read_text().splitlines() if ":" in line][:5]
    except OSError:
        return []


@contextlib.contextmanager
def no_network() -> Iterator[list[str]]:
    """Every way out to the network fails loudly (and is recorded)."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise AssertionError("network access")

    import http.client

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", refuse)
        mp.setattr(socket.socket, "connect_ex", refuse)
        mp.setattr(socket, "create_connection", refuse)
        mp.setattr(socket, "getaddrinfo", refuse)
        mp.setattr(urllib.request, "urlopen", refuse)
        mp.setattr(http.client.HTTPConnection, "connect", refuse)
        yield attempts


def test_hostile_html_page_shows_only_its_text(tmp_path: Path) -> None:
    path = tmp_path / "صفحة عدائية.html"
    path.write_text(hostile_page(), encoding="utf-8")
    load_article(path)  # warm up: the parsers' modules are imported before the guards
    with no_network() as calls, refuse_opening(PASSWD) as opened:
        a = load_article(path)
    assert calls == [] and opened == []
    assert a.title == "صفحة عدائية"
    shown = "\n".join(a.iter_text())
    for text in VISIBLE:
        assert text in shown, text
    kept = article_text(a)
    assert "QX" not in kept  # no script, style, handler, frame, image or comment text
    for word in ("alert", "fetch(", "onload", "onerror", "base64", "<script", "url("):
        assert word not in shown, word
    for line in _passwd_lines():
        assert line not in kept
    # Only the <a> links keep their targets, as data: opening them is the window's decision
    # (issue 8: never javascript: or file:), the model resolves nothing. No image, frame,
    # script or stylesheet address comes along.
    assert link_targets(a) == {
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "javascript:alert(document.cookie)",
        "file:///etc/passwd",
    }


CHROME_ONLY = {
    "chrome.html": "<html><head><script>QX()</script><style>p{}</style></head><body>"
    "<nav>القائمة</nav><iframe src='http://example.com'>QX</iframe><img src='x.png'></body>",
    "comment.md": "<!-- QX تعليق فقط -->\n\n***\n",
}


@pytest.mark.parametrize("name", list(CHROME_ONLY))
def test_file_with_nothing_readable_shows_nothing_hidden(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(CHROME_ONLY[name], encoding="utf-8")
    try:
        a = load_article(path)
    except ArticleError as err:
        check_error(err)
        return
    assert a.sections == [] and "QX" not in article_text(a)


@pytest.mark.parametrize("name", list(CHROME_ONLY))
def test_file_with_nothing_readable_is_an_error(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(CHROME_ONLY[name], encoding="utf-8")
    with pytest.raises(EmptyArticleError):
        load_article(path)


def test_html_unclosed_everything(tmp_path: Path) -> None:
    path = tmp_path / "unclosed.html"
    path.write_text(
        "<html><body><h1>عنوان<p>فقرة<div><b>غامق <i>مائل<ul><li>بند<li>آخر<blockquote>اقتباس"
        "<table><tr><td>خلية<td>أخرى<h2>قسم<p>نهاية <a href='#x'>رابط",
        encoding="utf-8",
    )
    a = load_article(path)
    words = " ".join(a.iter_text()).split()
    for w in "عنوان فقرة غامق مائل بند آخر اقتباس خلية أخرى قسم نهاية رابط".split():
        assert w in words, w


# -- the command line -------------------------------------------------------------------------


def qari(*args: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m reader ARGS`` as a user runs it."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], cwd=ROOT, env=full_env, capture_output=True,
        text=True, timeout=timeout,
    )


def assert_one_line_error(out: subprocess.CompletedProcess[str]) -> None:
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr
    assert out.stderr.endswith("\n") and out.stderr.count("\n") == 1, out.stderr
    assert out.stderr.startswith("qari: ")
    assert has_arabic(out.stderr), out.stderr
    assert any(c.isascii() and c.isalpha() for c in out.stderr[6:]), out.stderr
    assert out.stdout == ""


CLI_BAD = [case for case in BAD_FILES if case != "whitespace-md"]


@pytest.mark.parametrize("case", CLI_BAD)
def test_outline_bad_file_one_line_exit_2(case: str, tmp_path: Path) -> None:
    path = BAD_FILES[case][0](tmp_path)
    assert_one_line_error(qari("outline", str(path), timeout=30))  # a FIFO must not hang
    assert_one_line_error(qari("outline", "--json", str(path), timeout=30))


@pytest.mark.skipif(IS_ROOT, reason="root reads a file whatever its mode")
def test_outline_unreadable_file(tmp_path: Path) -> None:
    assert_one_line_error(qari("outline", str(_unreadable(tmp_path))))


def test_outline_too_large_file_answers_at_once(tmp_path: Path) -> None:
    path = _too_large(tmp_path)
    t0 = time.perf_counter()
    out = qari("outline", str(path))
    assert_one_line_error(out)
    assert time.perf_counter() - t0 < 10  # interpreter start-up included; the file is unread
    assert "100" in out.stderr  # the limit, in the message


@pytest.mark.parametrize("build", ["mixed", "cut"])
def test_outline_damaged_text_reads_or_fails_in_one_line(build: str, tmp_path: Path) -> None:
    if build == "mixed":
        path = _mixed(tmp_path)[0]
    else:
        data = SAMPLE.read_bytes()
        path = tmp_path / "cut.txt"
        path.write_bytes(data[: _cut_mid_letter(data)])
    out = qari("outline", "--json", str(path))
    if out.returncode == 0:
        assert json.loads(out.stdout)["title"] == SAMPLE_TITLE
        assert out.stderr == ""
    else:
        assert_one_line_error(out)


def test_outline_of_hostile_inputs_that_are_articles(tmp_path: Path) -> None:
    page = tmp_path / "صفحة عدائية.html"
    page.write_text(hostile_page(), encoding="utf-8")
    deep = tmp_path / "عميق جدا.md"
    deep.write_text("# عميق\n\n" + "".join(NESTINGS["bullets"](k) for k in range(DEPTH)))
    named = tmp_path / "مقال عن الحدود.txt"
    shutil.copyfile(SAMPLE, named)
    for path, title in ((page, "صفحة عدائية"), (deep, "عميق"), (named, SAMPLE_TITLE)):
        out = qari("outline", "--json", str(path))
        assert out.returncode == 0 and out.stderr == "", out.stderr
        outline = json.loads(out.stdout)
        assert outline["title"] == title
        assert "QX" not in out.stdout and "alert" not in out.stdout


def test_outline_in_a_c_locale_still_writes_arabic(tmp_path: Path) -> None:
    out = qari("outline", str(SAMPLE), LC_ALL="C", LANG="C")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(SAMPLE_TITLE)


def test_outline_to_an_ascii_stdout_has_no_traceback() -> None:
    out = qari("outline", str(SAMPLE), PYTHONIOENCODING="ascii")
    assert "Traceback" not in out.stderr
    assert out.returncode == 0 or out.stderr.count("\n") == 1


def test_outline_into_a_closed_pipe_has_no_traceback() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "outline", str(SAMPLE)], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like "| head" exiting before qari writes
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.wait(timeout=60)
    assert "Traceback" not in err
    assert err.count("\n") <= 1


# -- export -----------------------------------------------------------------------------------


@needs_export
@pytest.mark.parametrize("case", CLI_BAD)
def test_export_bad_file_one_line_exit_2_and_no_pdf(case: str, tmp_path: Path) -> None:
    path = BAD_FILES[case][0](tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    pdf = out_dir / "مقال.pdf"
    assert_one_line_error(qari("export", str(path), "-o", str(pdf), timeout=60))
    assert list(out_dir.iterdir()) == []  # no PDF, no half-written temporary file


@needs_export
@pytest.mark.parametrize("case", ["empty", "png", "too-large", "fifo"])
def test_failed_export_keeps_the_old_pdf(case: str, tmp_path: Path) -> None:
    path = BAD_FILES[case][0](tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    pdf = out_dir / "old.pdf"
    pdf.write_bytes(b"%PDF-1.4 the user's old export\n")
    assert_one_line_error(qari("export", str(path), "-o", str(pdf), timeout=60))
    assert pdf.read_bytes() == b"%PDF-1.4 the user's old export\n"
    assert [p.name for p in out_dir.iterdir()] == ["old.pdf"]


@needs_export
@pytest.mark.parametrize("target", ["folder", "missing-folder"])
def test_export_to_an_impossible_place_one_line_exit_2(target: str, tmp_path: Path) -> None:
    pdf = tmp_path / "مجلد" if target == "folder" else tmp_path / "لا يوجد" / "x.pdf"
    if target == "folder":
        pdf.mkdir()
    assert_one_line_error(qari("export", str(SAMPLE), "-o", str(pdf)))
    assert not (tmp_path / "لا يوجد").exists()


@needs_export
def test_export_arabic_names_with_spaces(tmp_path: Path) -> None:
    folder = tmp_path / "مقالات محفوظة"
    folder.mkdir()
    src = _copy_sample(folder, "مقال عن الحدود.txt")
    pdf = folder / "مقال عن الحدود.pdf"
    out = qari("export", str(src), "-o", str(pdf), timeout=120)
    assert out.returncode == 0 and out.stderr == "", out.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")


# -- nothing reaches the network --------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(png_bytes())

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    """A local HTTP server that records every request it gets."""
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_outline_and_export_fetch_nothing(local_server: str, tmp_path: Path) -> None:
    # The server answers (so a fetch would succeed) and records: not one request may come.
    with urllib.request.urlopen(f"{local_server}/probe.png", timeout=10) as answer:
        assert answer.read() == png_bytes()
    assert _Recorder.requests == ["/probe.png"]
    _Recorder.requests.clear()
    page = tmp_path / "صفحة.html"
    page.write_text(hostile_page(local_server), encoding="utf-8")
    md = tmp_path / "مقال.md"
    md.write_text(
        f"# مقال\n\n![صورة]({local_server}/QXmd.png)\n\n<img src=\"{local_server}/QXmdhtml.png\">"
        f"\n\n[رابط]({local_server}/QXlink)\n",
        encoding="utf-8",
    )
    for path in (page, md):
        assert qari("outline", str(path)).returncode == 0
        if HAS_EXPORT:
            out = qari("export", str(path), "-o", str(tmp_path / (path.stem + ".pdf")), timeout=120)
            assert out.returncode == 0, out.stderr
    time.sleep(0.2)  # let a late request land before looking
    assert _Recorder.requests == []


def test_tiny_random_files_never_crash(tmp_path: Path) -> None:
    """Many small random files through the whole loader (the fuzz suite drives parse_bytes)."""
    rnd = random.Random(8)
    for k in range(300):
        path = tmp_path / f"r{k}{rnd.choice(['.txt', '.md', '.html', ''])}"
        path.write_bytes(rnd.randbytes(rnd.randint(1, 64)))
        try:
            load_article(path)
        except ArticleError as err:
            check_error(err)
        except Exception as err:  # pragma: no cover - the failure message
            raise AssertionError(f"{path.name}: {path.read_bytes()!r}") from err


# -- the same hostile files through the rest of the command line (issue 8) ---------------------


@pytest.mark.slow
def test_outline_of_a_50_mb_single_line(one_line_file: Path) -> None:
    t0 = time.perf_counter()
    out = qari("outline", "--json", str(one_line_file), timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert time.perf_counter() - t0 < 30
    outline = json.loads(out.stdout)
    assert len(outline["title"] or "") < 1000  # the line is body text, not a title
    body = " ".join(p for s in outline["sections"] for p in s["paragraphs"])
    unit = LINE_UNIT.strip()
    assert body.count(unit) >= LINE_BYTES // len(LINE_UNIT.encode()) - 1  # nothing lost


@needs_export
@pytest.mark.parametrize("shape", ["bullets", "quotes"])
def test_export_markdown_nested_1000_levels(shape: str, tmp_path: Path) -> None:
    from pypdf import PdfReader

    path = tmp_path / f"عميق-{shape}.md"
    path.write_text("# مقال عميق\n\n" + "".join(NESTINGS[shape](k) for k in range(DEPTH)) + "\n",
                    encoding="utf-8")
    pdf = tmp_path / "عميق.pdf"
    t0 = time.perf_counter()
    out = qari("export", str(path), "-o", str(pdf), timeout=120)
    assert out.returncode == 0 and out.stderr == "", out.stderr
    assert time.perf_counter() - t0 < 60
    pages = PdfReader(str(pdf)).pages
    assert len(pages) > 10
    assert f"{DEPTH - 1}" in pages[-1].extract_text()  # the deepest item made it, on a page


@needs_export
def test_export_of_hostile_html_shows_no_hidden_text(tmp_path: Path) -> None:
    from pypdf import PdfReader

    page = tmp_path / "صفحة عدائية.html"
    page.write_text(hostile_page(), encoding="utf-8")
    pdf = tmp_path / "صفحة.pdf"
    out = qari("export", str(page), "-o", str(pdf), timeout=120)
    assert out.returncode == 0 and out.stderr == "", out.stderr
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "QX" not in text and "alert" not in text and "root:" not in text
