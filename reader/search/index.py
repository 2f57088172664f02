"""The library index: every section of every article, folded, in an SQLite FTS5 table.

* One row per section: title, heading and body (the section's blocks joined by newlines), each
  folded with :func:`.normalize.fold`; ranked with bm25, heading and title weighted above the
  body (:data:`WEIGHTS`). The FTS5 table is contentless; the original heading and blocks are
  stored beside it, so snippets show the text as written (see :mod:`.snippet`).
* It lives in the user's cache folder (:func:`default_index_path`) unless a path is given.
* :meth:`LibraryIndex.update` brings it in line with the library folders: new files are added,
  files whose size or modification time changed are indexed again, files that are gone are
  dropped. Files that cannot be read are recorded with the reason and skipped until they change.
  An index that is missing, damaged (not a database, malformed) or made by another version of
  the schema, the folding rules or the article parser is rebuilt from scratch: never fatal.
* Threads: a :class:`LibraryIndex` may be shared; each thread gets its own SQLite connection,
  opened in that thread on first use. The database is in WAL mode, so searches run while an
  update (one at a time) writes; an update commits every half second, so searches see the
  library fill up.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import threading
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from reader.model import Article, ArticleError, load_article

from .errors import IndexNotReadyError, IndexUnavailableError, SearchError
from .find import HEADING, TITLE, Match
from .library import LibraryFile, normalize_root, scan_paths
from .normalize import FOLD_VERSION, fold
from .query import LibraryQuery, fts_phrase
from .snippet import Located, Snippet, make_snippet

SCHEMA_VERSION = 1
INDEX_FILENAME = "library-index.sqlite3"
#: bm25 column weights: title, heading, body.
WEIGHTS = (2.5, 4.0, 1.0)
_TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
_FALLBACK_TOKENIZER = "unicode61 remove_diacritics 0"
_COMMIT_SECONDS = 0.5
_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}

Progress = Callable[["UpdateProgress"], None]


def default_index_path() -> Path:
    """``<user cache folder>/qari/library-index.sqlite3``."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("qari", appauthor=False)) / INDEX_FILENAME


@dataclass(frozen=True, slots=True)
class UpdateProgress:
    """Reported while updating: ``phase`` is ``"scan"`` (listing the folders), ``"index"``
    (``done`` of ``total`` files indexed, ``path`` the one being read) or ``"done"``."""

    phase: str
    done: int = 0
    total: int = 0
    path: Path | None = None


@dataclass(slots=True)
class UpdateReport:
    """What an update did. ``failed`` lists files newly found unreadable, with the reason."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[tuple[Path, str]] = field(default_factory=list)
    rebuilt: bool = False
    cancelled: bool = False
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One section that matches, best first.

    ``match`` is where the first match is in the article (same coordinates as the find bar's
    :class:`.find.Match`: section id, block index or ``HEADING``/``TITLE``, original offsets):
    open ``path`` there. ``snippet`` is original text with the matches' ranges.
    """

    path: Path
    title: str
    section_id: int | None
    heading: str | None
    snippet: Snippet
    score: float
    match: Match | None

    def to_json(self) -> dict[str, Any]:
        """The ``qari search --json`` shape."""
        return {
            "path": str(self.path),
            "title": self.title,
            "section": self.heading,
            "snippet": self.snippet.marked(),
            "score": self.score,
        }


@cache
def fts5_available() -> bool:
    """True when Python's SQLite has the FTS5 extension."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


@cache
def _model_fingerprint() -> str:
    """A hash of the article parser's source: an index made by another parser has other
    section ids and is rebuilt."""
    import reader.model

    digest = hashlib.sha1()
    folder = Path(reader.model.__file__).parent
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _expected_meta() -> dict[str, str]:
    return {
        "schema": str(SCHEMA_VERSION),
        "fold": str(FOLD_VERSION),
        "model": _model_fingerprint(),
    }


def _is_corrupt(err: sqlite3.DatabaseError) -> bool:
    code = getattr(err, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    text = str(err).lower()
    return "not a database" in text or "malformed" in text


class LibraryIndex:
    """The full-text index of a library of articles (see the module docstring)."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_index_path()
        self._local = threading.local()
        self._generation = 0
        self._update_lock = threading.Lock()

    # --- connections ---------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None and self._local.generation == self._generation:
            return conn
        if conn is not None:
            conn.close()
        if not fts5_available():
            raise IndexUnavailableError(
                "مكتبة SQLite في بايثون هذا لا تدعم البحث النصي الكامل (FTS5)",
                "This Python's SQLite has no full-text search (FTS5)",
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        except (OSError, sqlite3.Error) as err:
            raise IndexUnavailableError(
                f"تعذّر فتح فهرس المكتبة: {self.path} ({err})",
                f"Cannot open the library index: {self.path} ({err})",
            ) from err
        self._local.conn = conn
        self._local.generation = self._generation
        return conn

    def close(self) -> None:
        """Close this thread's connection (each thread closes its own)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _wipe(self) -> None:
        """Delete the index files (a damaged index); every thread reconnects after this."""
        self.close()
        self._generation += 1
        for suffix in ("", "-wal", "-shm", "-journal"):
            # If it cannot be removed (open elsewhere on Windows), recreating the schema fails
            # next and says so in one clear error.
            with contextlib.suppress(OSError):
                os.remove(f"{self.path}{suffix}")

    def _wipe_unless_updating(self) -> None:
        """A search found damage: delete the index so that the next update rebuilds it, unless
        an update is running (it will find the damage itself)."""
        if self._update_lock.acquire(blocking=False):
            try:
                self._wipe()
            finally:
                self._update_lock.release()

    def _state(self, conn: sqlite3.Connection) -> str:
        """``"ok"``, ``"missing"`` (no schema yet) or ``"stale"`` (another version)."""
        has_meta = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
        ).fetchone()
        if not has_meta:
            return "missing"
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        expected = _expected_meta()
        return "ok" if all(meta.get(k) == v for k, v in expected.items()) else "stale"

    def _create(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        with _transaction(conn):
            for name in ("fts", "sections", "files", "meta"):
                conn.execute(f"DROP TABLE IF EXISTS {name}")
            conn.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            conn.execute(
                "CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
                " root TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
                " title TEXT NOT NULL DEFAULT '', error TEXT)"
            )
            conn.execute(
                "CREATE TABLE sections(id INTEGER PRIMARY KEY,"
                " file_id INTEGER NOT NULL REFERENCES files(id), section_id INTEGER,"
                " heading TEXT, blocks TEXT NOT NULL)"
            )
            conn.execute("CREATE INDEX sections_file ON sections(file_id)")
            conn.execute("CREATE INDEX files_root ON files(root)")
            try:
                conn.execute(_fts_sql(_TOKENIZER))
            except sqlite3.OperationalError:  # an SQLite without tokenizer categories
                conn.execute(_fts_sql(_FALLBACK_TOKENIZER))
            conn.executemany(
                "INSERT INTO meta(key, value) VALUES (?, ?)", sorted(_expected_meta().items())
            )

    def _open_for_update(self, report: UpdateReport) -> sqlite3.Connection:
        try:
            conn = self._conn()
            state = self._state(conn)
        except sqlite3.DatabaseError as err:
            if not _is_corrupt(err):
                raise _db_error(self.path, err) from err
            self._wipe()
            conn = self._conn()
            state = "missing"
            report.rebuilt = True
        if state != "ok":
            report.rebuilt = report.rebuilt or state == "stale"
            try:
                self._create(conn)
            except sqlite3.DatabaseError as err:
                raise _db_error(self.path, err) from err
        else:
            conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    # --- update --------------------------------------------------------------------------

    def update(
        self,
        roots: Iterable[str | os.PathLike[str]],
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> UpdateReport:
        """Bring the index in line with the article files under ``roots``.

        Files indexed from other roots are left alone (see :meth:`forget_other_roots`).
        ``progress`` is called from this thread; ``cancel`` (e.g. ``event.is_set``) is checked
        between files: what was done so far is kept. Raises :class:`IndexUnavailableError`
        only when the index cannot be written at all.
        """
        with self._update_lock:
            started = time.perf_counter()
            report = UpdateReport()
            root_paths = [normalize_root(r) for r in roots]
            try:
                self._sync(root_paths, report, progress, cancel)
            except sqlite3.DatabaseError as err:
                if not _is_corrupt(err):
                    raise _db_error(self.path, err) from err
                # Damage found half-way: start again from nothing, once.
                self._wipe()
                report = UpdateReport(rebuilt=True)
                try:
                    self._sync(root_paths, report, progress, cancel)
                except sqlite3.DatabaseError as err2:
                    raise _db_error(self.path, err2) from err2
            report.seconds = time.perf_counter() - started
            if progress:
                progress(
                    UpdateProgress(
                        "done", report.added + report.updated, report.added + report.updated
                    )
                )
            return report

    def _sync(
        self,
        roots: Sequence[Path],
        report: UpdateReport,
        progress: Progress | None,
        cancel: Callable[[], bool] | None,
    ) -> None:
        conn = self._open_for_update(report)
        if progress:
            progress(UpdateProgress("scan"))
        found = {path: (root, size, mtime) for path, root, size, mtime in scan_paths(roots)}
        root_names = {str(r) for r in roots}
        existing = {
            path: (fid, root, size, mtime)
            for fid, path, root, size, mtime in conn.execute(
                "SELECT id, path, root, size, mtime_ns FROM files"
            )
        }
        gone = [
            fid
            for path, (fid, root, _s, _m) in existing.items()
            if root in root_names and path not in found
        ]
        todo = [
            LibraryFile(Path(path), Path(root), size, mtime)
            for path, (root, size, mtime) in found.items()
            if path not in existing or existing[path][2:] != (size, mtime)
        ]
        report.unchanged = len(found) - len(todo)
        # A file now reached from another of the given folders belongs to that one.
        moved = [
            (root, existing[path][0])
            for path, (root, _s, _m) in found.items()
            if path in existing and existing[path][1] != root
        ]
        last_commit = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        try:
            for fid in gone:
                self._delete_file(conn, fid)
                report.removed += 1
            conn.executemany("UPDATE files SET root=? WHERE id=?", moved)
            for i, f in enumerate(todo):
                if cancel is not None and cancel():
                    report.cancelled = True
                    break
                if progress:
                    progress(UpdateProgress("index", i, len(todo), f.path))
                old = existing.get(str(f.path))
                if old is not None:
                    self._delete_file(conn, old[0])
                error = self._add_file(conn, f.path, f.root, f.size, f.mtime_ns)
                if error is not None:
                    report.failed.append((f.path, error))
                if old is None:
                    report.added += 1
                else:
                    report.updated += 1
                if time.perf_counter() - last_commit > _COMMIT_SECONDS:
                    conn.execute("COMMIT")
                    conn.execute("BEGIN IMMEDIATE")
                    last_commit = time.perf_counter()
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise
        if report.added + report.updated > 1000:
            conn.execute("INSERT INTO fts(fts) VALUES('optimize')")

    def _add_file(
        self, conn: sqlite3.Connection, path: Path, root: Path, size: int, mtime_ns: int
    ) -> str | None:
        """Index one file; return why it could not be read, or None."""
        article: Article | None = None
        error: str | None = None
        try:
            article = load_article(path)
        except ArticleError as err:
            error = err.english
        except Exception as err:  # a parser bug must not stop the whole library
            error = f"{type(err).__name__}: {err}"
        title = article.title if article is not None else ""
        fid = conn.execute(
            "INSERT INTO files(path, root, size, mtime_ns, title, error) VALUES (?,?,?,?,?,?)",
            (str(path), str(root), size, mtime_ns, title, error),
        ).lastrowid
        if article is None:
            return error
        title_f = fold(title)
        rows: list[tuple[int | None, str | None, list[str]]] = [
            (s.id, s.heading, [b.text for b in s.blocks])
            for s in article.sections
            if s.heading is not None or s.blocks
        ]
        if not rows:
            rows = [(None, None, [])]
        for section_id, heading, blocks in rows:
            rowid = conn.execute(
                "INSERT INTO sections(file_id, section_id, heading, blocks) VALUES (?,?,?,?)",
                (fid, section_id, heading, json.dumps(blocks, ensure_ascii=False)),
            ).lastrowid
            conn.execute(
                "INSERT INTO fts(rowid, title, heading, body) VALUES (?,?,?,?)",
                (rowid, title_f, fold(heading or ""), fold("\n".join(blocks))),
            )
        return None

    def _delete_file(self, conn: sqlite3.Connection, fid: int) -> None:
        row = conn.execute("SELECT title FROM files WHERE id=?", (fid,)).fetchone()
        title_f = fold(row[0] if row else "")
        sections = conn.execute(
            "SELECT id, heading, blocks FROM sections WHERE file_id=?", (fid,)
        ).fetchall()
        # A contentless FTS5 table forgets a row when given exactly the values it indexed.
        conn.executemany(
            "INSERT INTO fts(fts, rowid, title, heading, body) VALUES('delete',?,?,?,?)",
            [
                (rowid, title_f, fold(heading or ""), fold("\n".join(json.loads(blocks))))
                for rowid, heading, blocks in sections
            ],
        )
        conn.execute("DELETE FROM sections WHERE file_id=?", (fid,))
        conn.execute("DELETE FROM files WHERE id=?", (fid,))

    def forget_other_roots(self, roots: Iterable[str | os.PathLike[str]]) -> int:
        """Drop every file not indexed from one of ``roots`` (a folder removed from the
        library); return how many."""
        keep = {str(normalize_root(r)) for r in roots}
        with self._update_lock:
            conn = self._open_for_update(UpdateReport())
            with _transaction(conn):
                ids = [
                    fid
                    for fid, root in conn.execute("SELECT id, root FROM files")
                    if root not in keep
                ]
                for fid in ids:
                    self._delete_file(conn, fid)
            return len(ids)

    # --- queries -------------------------------------------------------------------------

    def _reader(self) -> sqlite3.Connection:
        """A connection to a ready index, or :class:`IndexNotReadyError`."""
        try:
            conn = self._conn()
            state = self._state(conn)
        except sqlite3.DatabaseError as err:
            if not _is_corrupt(err):
                raise _db_error(self.path, err) from err
            self._wipe_unless_updating()
            raise _not_ready(damaged=True) from err
        if state != "ok":
            raise _not_ready(damaged=False)
        return conn

    def search(
        self,
        query: str,
        *,
        roots: Iterable[str | os.PathLike[str]] | None = None,
        limit: int = 50,
        per_article: int = 3,
        clitics: bool = True,
    ) -> list[SearchResult]:
        """Sections matching ``query`` (syntax in :mod:`.query`), best first.

        ``roots`` limits the results to files indexed from those folders; ``per_article``
        caps the sections shown per article. Raises :class:`.errors.EmptyQueryError` for a
        query without words and :class:`IndexNotReadyError` when the index must be (re)built
        first; never an SQLite error.
        """
        parsed = LibraryQuery.parse(query, clitics=clitics)
        conn = self._reader()
        weights = ", ".join(str(w) for w in WEIGHTS)
        params: list[Any] = [parsed.fts_expression(self._indexed_words(conn))]
        root_filter = ""
        if roots is not None:
            wanted = {str(normalize_root(r)) for r in roots}
            indexed = {r for (r,) in conn.execute("SELECT DISTINCT root FROM files")}
            if not indexed <= wanted:
                root_filter = f" AND f.root IN ({', '.join('?' * len(wanted))})"
                params += sorted(wanted)
        fetch = max(1, limit) * max(1, per_article + 1)
        if root_filter:
            sql = (
                f"SELECT s.id, s.section_id, s.heading, s.blocks, f.id, f.path, f.title,"
                f" bm25(fts, {weights}) AS score FROM fts"
                f" JOIN sections s ON s.id = fts.rowid JOIN files f ON f.id = s.file_id"
                f" WHERE fts MATCH ?{root_filter} ORDER BY score LIMIT {fetch}"
            )
        else:
            sql = (
                f"SELECT s.id, s.section_id, s.heading, s.blocks, f.id, f.path, f.title,"
                f" h.score FROM (SELECT rowid AS rid, bm25(fts, {weights}) AS score FROM fts"
                f" WHERE fts MATCH ? ORDER BY score LIMIT {fetch}) AS h"
                f" JOIN sections s ON s.id = h.rid JOIN files f ON f.id = s.file_id"
                f" ORDER BY h.score"
            )
        try:
            rows = conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as err:
            if _is_corrupt(err):
                self._wipe_unless_updating()
                raise _not_ready(damaged=True) from err
            raise SearchError(
                f"تعذّر البحث في فهرس المكتبة ({err})", f"The library search failed ({err})"
            ) from err
        pattern = parsed.pattern()
        per_file: dict[int, int] = {}
        results: list[SearchResult] = []
        for _rid, section_id, heading, blocks_json, fid, path, title, score in rows:
            if per_file.get(fid, 0) >= per_article:
                continue
            per_file[fid] = per_file.get(fid, 0) + 1
            snippet, match = _locate(pattern, section_id, heading, json.loads(blocks_json), title)
            results.append(
                SearchResult(Path(path), title, section_id, heading, snippet, _score(score), match)
            )
            if len(results) >= limit:
                break
        return results

    def _indexed_words(self, conn: sqlite3.Connection) -> Callable[[str, bool], bool]:
        """Whether a word is in the index (one B-tree probe each), remembered by this thread
        until the database changes (``PRAGMA data_version``: another connection committed)."""
        try:
            version = conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            version = -1
        known: dict[str, bool] | None = getattr(self._local, "words", None)
        if known is None or self._local.words_version != (self._generation, version):
            known = self._local.words = {}
            self._local.words_version = (self._generation, version)

        def indexed(word: str, prefix: bool) -> bool:
            phrase = fts_phrase((word,)) + ("*" if prefix else "")
            found = known.get(phrase)
            if found is None:
                try:
                    row = conn.execute(
                        "SELECT 1 FROM fts WHERE fts MATCH ? LIMIT 1", (phrase,)
                    ).fetchone()
                except sqlite3.Error:  # the search itself meets it and says what it is
                    return True
                found = known[phrase] = row is not None
            return found

        return indexed

    def failed_files(self) -> list[tuple[Path, str]]:
        """Files that could not be indexed, with the reason (until they change)."""
        conn = self._reader()
        return [
            (Path(p), e)
            for p, e in conn.execute(
                "SELECT path, error FROM files WHERE error IS NOT NULL ORDER BY path"
            )
        ]

    def stats(self) -> dict[str, int]:
        """Counts of files, sections and failed files, and the index size in bytes."""
        conn = self._reader()
        files, failed = conn.execute("SELECT count(*), count(error) FROM files").fetchone()
        sections = conn.execute("SELECT count(*) FROM sections").fetchone()[0]
        size = sum(
            os.path.getsize(f"{self.path}{s}")
            for s in ("", "-wal")
            if os.path.exists(f"{self.path}{s}")
        )
        return {"files": files, "sections": sections, "failed": failed, "bytes": size}


def _score(bm25: float) -> float:
    """bm25 as a relevance (higher is better), to 6 significant digits: in a small library
    every score is tiny (a word found in most sections weighs ~1e-6), and rounding to 6
    decimal places would make them all equal."""
    return float(f"{-bm25:.6g}")


def _locate(
    pattern: re.Pattern[str],
    section_id: int | None,
    heading: str | None,
    blocks: list[str],
    title: str,
) -> tuple[Snippet, Match | None]:
    """The snippet to show and the first match's place: body first, then heading, then title."""
    body = "\n".join(blocks)
    found = make_snippet(body, pattern)
    if found.first is not None:
        return found.snippet, _body_match(section_id, blocks, found)
    for text, block, sid in ((heading, HEADING, section_id), (title, TITLE, None)):
        if text:
            located = make_snippet(text, pattern)
            if located.first is not None:
                start, end = located.first
                return located.snippet, Match(sid, block, start, end)
    return found.snippet, None


def _body_match(section_id: int | None, blocks: list[str], found: Located) -> Match | None:
    assert found.first is not None
    if section_id is None:
        return None
    starts = []
    pos = 0
    for b in blocks:
        starts.append(pos)
        pos += len(b) + 1
    start, end = found.first
    k = bisect_right(starts, start) - 1
    length = len(blocks[k])
    return Match(section_id, k, start - starts[k], min(end - starts[k], length))


def _fts_sql(tokenizer: str) -> str:
    return (
        "CREATE VIRTUAL TABLE fts USING fts5(title, heading, body, content='',"
        f' tokenize="{tokenizer}")'
    )


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Any:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _db_error(path: Path, err: sqlite3.Error) -> IndexUnavailableError:
    return IndexUnavailableError(
        f"تعذّر استعمال فهرس المكتبة: {path} ({err})",
        f"Cannot use the library index: {path} ({err})",
    )


def _not_ready(*, damaged: bool) -> IndexNotReadyError:
    if damaged:
        return IndexNotReadyError(
            "فهرس المكتبة تالف وسيُعاد بناؤه", "The library index was damaged and must be rebuilt"
        )
    return IndexNotReadyError("لم يُبنَ فهرس المكتبة بعد", "The library index has not been built yet")
