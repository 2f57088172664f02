"""Writing a file atomically: a temporary file beside the target, then a rename.

A reader of the target sees the old file or the complete new one, never half of it, and an
export that fails leaves an existing file as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import ExportError


def check_target(dest: Path) -> None:
    """Raise :class:`ExportError` now if ``dest`` clearly cannot be written, before any work."""
    folder = dest.parent
    if dest.is_dir():
        raise ExportError(f"الهدف مجلد وليس ملفًا: {dest}", f"The target is a folder: {dest}")
    if not folder.is_dir():
        raise ExportError(
            f"المجلد غير موجود: {folder}", f"The folder does not exist: {folder}"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(
            f"لا إذن بالكتابة في المجلد: {folder}",
            f"No permission to write in the folder: {folder}",
        )
    if dest.exists() and not os.access(dest, os.W_OK):
        raise ExportError(
            f"الملف محمي من الكتابة: {dest}", f"The file is write-protected: {dest}"
        )


def write_atomic(dest: Path, data: bytes | bytearray) -> None:
    """Write ``data`` to ``dest`` through a temporary file in the same folder."""
    check_target(dest)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(dest))
        os.replace(tmp, dest)
        tmp = None
    except OSError as err:
        reason = err.strerror or str(err)
        raise ExportError(
            f"تعذّرت كتابة الملف: {dest} ({reason})", f"Cannot write the file: {dest} ({reason})"
        ) from err
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _mode_for(dest: Path) -> int:
    """Permissions for the new file: those of the file it replaces, else the umask's default
    (mkstemp creates it private)."""
    try:
        return dest.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no reader without a write: set it back at once
    os.umask(mask)
    return mask
