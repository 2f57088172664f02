"""The article library: which folders it is made of and which files in them are articles.

Folders are walked recursively; symbolic links are followed, but every folder is visited once
(no loops through links) and a file reached twice (hard or symbolic link) is listed once.
Names starting with ``.`` (``.git``, editor files) are skipped.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

#: File name endings of the articles the library holds.
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


@dataclass(frozen=True, slots=True)
class LibraryFile:
    """An article file found in a library folder, with what decides whether to re-index it."""

    path: Path
    root: Path
    size: int
    mtime_ns: int


def default_library_dirs() -> list[Path]:
    """The bundled articles: ``articles/`` beside the package in a source checkout, or the
    ``reader/articles`` data package of an installed wheel (:func:`reader.paths.articles_dir`
    knows both layouts). Empty when neither exists."""
    from reader.paths import articles_dir

    folder = articles_dir()
    return [folder] if folder.is_dir() else []


def normalize_root(root: str | os.PathLike[str]) -> Path:
    """A library folder as the index records it: absolute, ``~`` expanded, not resolved
    (so a folder reached through a link keeps the name the user gave)."""
    return Path(os.path.abspath(Path(root).expanduser()))


def scan_library(roots: Iterable[str | os.PathLike[str]]) -> Iterator[LibraryFile]:
    """Every article file under ``roots``, each once, folders in name order."""
    for path, root, size, mtime_ns in scan_paths(roots):
        yield LibraryFile(Path(path), Path(root), size, mtime_ns)


def scan_paths(roots: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, str, int, int]]:
    """Like :func:`scan_library` as plain tuples ``(path, root, size, mtime_ns)``: no Path
    objects, so that checking a library of 10,000 files for changes stays fast."""
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    for given in roots:
        root = str(normalize_root(given))
        try:
            st = os.stat(root)
        except OSError:
            continue
        if not stat.S_ISDIR(st.st_mode):
            if _is_article(root) and stat.S_ISREG(st.st_mode) and _first(seen_files, st):
                yield root, root, st.st_size, st.st_mtime_ns
            continue
        yield from _walk(root, seen_dirs, seen_files)


_SUFFIXES = tuple(sorted(ARTICLE_SUFFIXES))


def _is_article(name: str) -> bool:
    # endswith, not splitext: called for every file of the library at each update
    return name.lower().endswith(_SUFFIXES)


_name = attrgetter("name")


def _first(seen: set[tuple[int, int]], st: os.stat_result) -> bool:
    if not st.st_ino:  # DirEntry.stat() on Windows gives no inode: cannot tell, keep it
        return True
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(
    root: str, seen_dirs: set[tuple[int, int]], seen_files: set[tuple[int, int]]
) -> Iterator[tuple[str, str, int, int]]:
    stack = [root]
    while stack:
        current = stack.pop()
        try:
            if not _first(seen_dirs, os.stat(current)):
                continue  # already walked: a link back up the tree, or two links to it
            with os.scandir(current) as it:
                entries = sorted(it, key=_name)
        except OSError:
            continue
        subfolders: list[str] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    subfolders.append(entry.path)
                elif _is_article(entry.name) and entry.is_file():
                    st = entry.stat()
                    if _first(seen_files, st):
                        yield entry.path, root, st.st_size, st.st_mtime_ns
            except OSError:
                continue
        stack.extend(reversed(subfolders))
