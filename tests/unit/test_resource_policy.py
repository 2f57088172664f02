"""What the reading pane may load: never the network, images only from the article's folder."""

from __future__ import annotations

import base64
import os
import struct
import zlib
from pathlib import Path

import pytest

from reader.ui.resource_policy import (
    MAX_IMAGE_BYTES,
    PLACEHOLDER,
    REFUSE,
    Kind,
    Verdict,
    decide,
    is_image_bytes,
    read_image,
)


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF
        )

    rows = b"".join(b"\x00" + b"\x00\x80\x00" * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture
def article_dir(tmp_path: Path) -> Path:
    """An article folder with an image in it and one in a sub-folder; an image outside."""
    folder = tmp_path / "مقالات" / "مقال"
    (folder / "صور").mkdir(parents=True)
    (folder / "صورة.png").write_bytes(png_bytes())
    (folder / "صور" / "داخل.png").write_bytes(png_bytes())
    (folder / "notes.txt").write_text("not an image")
    (tmp_path / "outside.png").write_bytes(png_bytes())
    return folder


def image(url: str, folder: Path | None) -> Verdict:
    return decide(url, Kind.IMAGE, folder).verdict


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8000/a.png", "https://example.com/a.png", "HTTP://EXAMPLE.COM/a.png",
    "ftp://example.com/a.png", "//example.com/a.png", "file://example.com/share/a.png",
    "javascript:alert(1)", "qrc:/images/a.png", "custom-scheme:a.png", "smb://host/a.png",
    "http://[::1", "data:text/html,<script>alert(1)</script>",
])
def test_remote_and_foreign_images_get_the_placeholder(url: str, article_dir: Path) -> None:
    assert decide(url, Kind.IMAGE, article_dir) == PLACEHOLDER


@pytest.mark.parametrize("kind", [Kind.STYLESHEET, Kind.OTHER])
@pytest.mark.parametrize("url", ["http://example.com/s.css", "style.css", "file:///etc/passwd"])
def test_stylesheets_and_other_resources_are_never_loaded(
    url: str, kind: Kind, article_dir: Path
) -> None:
    (article_dir / "style.css").write_text("p { color: red }")
    assert decide(url, kind, article_dir) == REFUSE


def test_images_in_the_articles_folder_load(article_dir: Path) -> None:
    inside = article_dir / "صورة.png"
    for url in ("صورة.png", "./صورة.png", "%D8%B5%D9%88%D8%B1%D8%A9.png", inside.as_uri(),
                str(inside), "file://localhost" + inside.as_uri()[7:], "صور/../صورة.png"):
        decision = decide(url, Kind.IMAGE, article_dir)
        assert decision.verdict is Verdict.FILE, url
        assert decision.path == inside.resolve()
    assert decide("صور/داخل.png", Kind.IMAGE, article_dir).path == (
        article_dir / "صور" / "داخل.png"
    ).resolve()


@pytest.mark.parametrize("url", [
    "../../outside.png", "..%2F..%2Foutside.png", "file:///etc/passwd", "/etc/passwd",
    "notes.txt", "صور", ".", "", "missing.png", "صورة.png\x00.txt",
])
def test_nothing_outside_the_folder_nor_what_is_not_an_image(url: str, article_dir: Path) -> None:
    assert image(url, article_dir) is Verdict.PLACEHOLDER


def test_outside_image_by_absolute_path_is_refused(article_dir: Path) -> None:
    outside = article_dir.parent.parent / "outside.png"
    assert outside.is_file()
    assert image(str(outside), article_dir) is Verdict.PLACEHOLDER
    assert image(outside.as_uri(), article_dir) is Verdict.PLACEHOLDER


def test_symlink_out_of_the_folder_is_refused(article_dir: Path) -> None:
    (article_dir / "escape.png").symlink_to(article_dir.parent.parent / "outside.png")
    (article_dir / "passwd.png").symlink_to("/etc/passwd")
    (article_dir / "inside-link.png").symlink_to(article_dir / "صورة.png")
    assert image("escape.png", article_dir) is Verdict.PLACEHOLDER
    assert image("passwd.png", article_dir) is Verdict.PLACEHOLDER
    assert image("inside-link.png", article_dir) is Verdict.FILE


def test_symlink_loop_fifo_and_huge_file_are_refused(article_dir: Path) -> None:
    (article_dir / "a.png").symlink_to(article_dir / "b.png")
    (article_dir / "b.png").symlink_to(article_dir / "a.png")
    os.mkfifo(article_dir / "pipe.png")
    with (article_dir / "huge.png").open("wb") as f:
        f.truncate(MAX_IMAGE_BYTES + 1)  # sparse
    for name in ("a.png", "pipe.png", "huge.png"):
        assert image(name, article_dir) is Verdict.PLACEHOLDER, name


def test_folder_itself_symlinked_still_works(article_dir: Path, tmp_path: Path) -> None:
    link = tmp_path / "link-to-article"
    link.symlink_to(article_dir)
    assert image("صورة.png", link) is Verdict.FILE


def test_no_folder_no_local_files(article_dir: Path) -> None:
    assert image(str(article_dir / "صورة.png"), None) is Verdict.PLACEHOLDER


def test_small_data_images_load() -> None:
    data = png_bytes()
    url = "data:image/png;base64," + base64.b64encode(data).decode()
    decision = decide(url, Kind.IMAGE, None)
    assert decision.verdict is Verdict.DATA and decision.data == data
    wrapped = "data:image/png;base64," + "\n".join(base64.b64encode(data).decode())
    assert decide(wrapped, Kind.IMAGE, None).data == data


@pytest.mark.parametrize("url", [
    "data:image/svg+xml;base64," + base64.b64encode(b"<svg onload='alert(1)'/>").decode(),
    "data:image/png;base64," + base64.b64encode(b"<html>not a png</html>").decode(),
    "data:image/png," + "x" * 10,  # not base64
    "data:image/png;base64,!!!notbase64",
    "data:text/html;base64," + base64.b64encode(png_bytes()).decode(),
    "data:image/png;base64,",
    "data:image/png;base64," + "A" * (MAX_IMAGE_BYTES * 2),  # too large to look at
])
def test_other_data_urls_are_refused(url: str) -> None:
    assert decide(url, Kind.IMAGE, None) == PLACEHOLDER


def test_read_image_checks_the_bytes(article_dir: Path) -> None:
    fake = article_dir / "fake.png"
    fake.write_text("root:x:0:0:root:/root:/bin/bash\n")
    assert image("fake.png", article_dir) is Verdict.FILE  # by name and place...
    assert read_image(fake) is None  # ...but not by content: nothing is shown
    assert read_image(article_dir / "صورة.png") == png_bytes()
    assert read_image(article_dir / "missing.png") is None


def test_image_signatures() -> None:
    assert is_image_bytes(png_bytes())
    assert is_image_bytes(b"\xff\xd8\xff\xe0rest")
    assert is_image_bytes(b"GIF89a....")
    assert is_image_bytes(b"RIFF\x00\x00\x00\x00WEBPVP8 ")
    assert not is_image_bytes(b"<svg/>")
    assert not is_image_bytes(b"")


def test_policy_imports_no_qt() -> None:
    import subprocess
    import sys

    code = ("import sys, reader.ui.resource_policy as p; "
            "p.decide('a.png', p.Kind.IMAGE, None); "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert out.stdout.strip() == "False", out.stderr
