"""What the reading pane may load for an article: never the network, only the article's folder.

Qt's QTextBrowser, left alone, reads any ``file:`` URL or absolute path it meets (an
``<img src="file:///etc/passwd">`` is read), so the pane asks :func:`decide` for every
resource instead. The rules:

* remote addresses (``http``, ``https``, ``ftp``, anything with a host) are never fetched; an
  image gets a placeholder, anything else nothing;
* ``data:`` URLs: only small base64 images whose bytes are plainly PNG, JPEG, GIF, WebP or BMP
  (no SVG: it can carry scripts and references of its own);
* local files: only images, only regular files, only inside the article's own folder once
  symlinks and ``..`` are resolved, and no larger than :data:`MAX_IMAGE_BYTES`;
* stylesheets and every other kind of resource: never (the pane is styled by the app).

The rules import no Qt; :func:`load_for_pane` (what ``ReadingPane.loadResource`` calls)
turns a :class:`Decision` into what Qt wants, importing QtGui only then.
"""

from __future__ import annotations

import base64
import binascii
import os
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Largest local or data: image the pane loads.
MAX_IMAGE_BYTES = 8 * 1024 * 1024
#: Largest data: URL looked at (its base64 text).
MAX_DATA_URL_CHARS = MAX_IMAGE_BYTES * 4 // 3 + 64
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp"})
_DATA_TYPES = frozenset({"image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp",
                         "image/bmp"})
_LOCAL_SCHEMES = frozenset({"", "file"})


class Kind(Enum):
    IMAGE = "image"
    STYLESHEET = "stylesheet"
    OTHER = "other"


class Verdict(Enum):
    REFUSE = "refuse"  # load nothing
    PLACEHOLDER = "placeholder"  # an image that is not loaded: show the placeholder
    FILE = "file"  # load :attr:`Decision.path`
    DATA = "data"  # use :attr:`Decision.data`


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    path: Path | None = None
    data: bytes | None = None


REFUSE = Decision(Verdict.REFUSE)
PLACEHOLDER = Decision(Verdict.PLACEHOLDER)


def is_image_bytes(data: bytes) -> bool:
    """Whether ``data`` starts like a PNG, JPEG, GIF, WebP or BMP file."""
    return (
        data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM"))
        or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")
    )


def decide(url: str, kind: Kind, folder: Path | None) -> Decision:
    """What to load for ``url`` (as written in the HTML), asked for as ``kind``, in an article
    whose folder is ``folder`` (None: an article with no file, so no local files)."""
    if kind is not Kind.IMAGE:
        return REFUSE
    refused = PLACEHOLDER
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return refused
    scheme = parts.scheme.lower()
    if scheme == "data":
        data = _data_image(url.strip())
        return Decision(Verdict.DATA, data=data) if data is not None else refused
    if scheme not in _LOCAL_SCHEMES or parts.netloc not in ("", "localhost"):
        return refused  # remote (or a custom scheme): never fetched
    if folder is None:
        return refused
    path = local_image(unquote(parts.path), folder)
    return Decision(Verdict.FILE, path=path) if path is not None else refused


def local_image(written: str, folder: Path) -> Path | None:
    """The image file ``written`` (relative to ``folder``, or absolute) names, if it lies
    inside ``folder`` once resolved, is a regular file, an image by name and small enough."""
    if not written or "\x00" in written:
        return None
    try:
        base = folder.resolve(strict=True)
        path = (base / written).resolve(strict=True)  # symlinks and ".." resolved
        info = path.stat()
    except (OSError, RuntimeError):  # missing, a symlink loop, unreadable
        return None
    if not path.is_relative_to(base) or path == base:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_IMAGE_BYTES:
        return None  # a FIFO, a device, a folder, or too large
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    return path


def read_image(path: Path) -> bytes | None:
    """The bytes of a file :func:`local_image` allowed, if they are an image (read with a
    cap: the file may have grown or changed since)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return None
            data = f.read(MAX_IMAGE_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_IMAGE_BYTES or not is_image_bytes(data):
        return None
    return data


def _data_image(url: str) -> bytes | None:
    """The bytes of a ``data:image/...;base64,`` URL that really holds a small image."""
    if len(url) > MAX_DATA_URL_CHARS:
        return None
    head, sep, payload = url[5:].partition(",")
    if not sep:
        return None
    fields = [f.strip().lower() for f in head.split(";")]
    if fields[0] not in _DATA_TYPES or "base64" not in fields[1:]:
        return None
    try:
        data = base64.b64decode("".join(unquote(payload).split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if 0 < len(data) <= MAX_IMAGE_BYTES and is_image_bytes(data) else None


#: QTextDocument.ResourceType values (kept as ints: the rules above import no Qt).
_QT_KINDS = {2: Kind.IMAGE, 3: Kind.STYLESHEET}
_placeholder: object = None


def load_for_pane(url: str, resource_type: int, folder: Path | None) -> object:
    """What ``QTextBrowser.loadResource`` should return: image bytes (QByteArray), the
    placeholder (QImage) or one blank (nothing). Never None: QTextDocument then reads the
    file itself, wherever it is, and caches it under that address for every later request
    (an image of file:///etc/passwd asked as a stylesheet first would get the file)."""
    from PySide6.QtCore import QByteArray

    decision = decide(url, _QT_KINDS.get(resource_type, Kind.OTHER), folder)
    if decision.verdict is Verdict.REFUSE:
        return QByteArray(b" ")
    data = decision.data
    if decision.verdict is Verdict.FILE and decision.path is not None:
        data = read_image(decision.path)
    return QByteArray(data) if data is not None else placeholder_image()


def placeholder_image() -> object:
    """A small framed grey box with a cross: "an image was here, not loaded"."""
    global _placeholder
    if _placeholder is None:
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QColor, QImage, QPainter, QPen

        image = QImage(64, 48, QImage.Format.Format_ARGB32)
        image.fill(QColor("#e6e6e6"))
        painter = QPainter(image)
        painter.setPen(QPen(QColor("#9a9a9a"), 2))
        painter.drawRect(QRectF(1, 1, 62, 46))
        painter.drawLine(12, 10, 52, 38)
        painter.drawLine(52, 10, 12, 38)
        painter.end()
        _placeholder = image
    return _placeholder
