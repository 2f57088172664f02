"""``qari search QUERY [--library DIR ...] [--json]``: search the article library.

The index (see :mod:`reader.search.index`) is brought up to date first, then queried. Exit
status: 0 with results, 1 with none, 2 on error (one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from reader.search import (
    LibraryIndex,
    SearchError,
    SearchResult,
    UpdateProgress,
    default_library_dirs,
)

from .common import EXIT_NO_RESULT, EXIT_OK, fail

_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "search",
        help="search the article library",
        description=(
            "Search every article of the library, ignoring harakat, tatweel and the spellings "
            'of hamza, ta marbuta and alef maqsura. All words must match; "quoted words" '
            "match as a phrase; a word ending in * matches as a prefix (استقر*)."
        ),
    )
    p.add_argument("query", nargs="+", help="words to search for")
    p.add_argument(
        "--library",
        action="append",
        metavar="DIR",
        type=Path,
        help="a library folder (repeatable; default: the bundled articles)",
    )
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--index", type=Path, metavar="PATH", help="the index file to use")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results")
    p.add_argument(
        "--per-article", type=int, default=3, metavar="N", help="at most N sections per article"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    roots: list[Path] = args.library or default_library_dirs()
    if not roots:
        return fail("لا يوجد مجلد مكتبة — No library folder: give one with --library DIR")
    for root in roots:
        if not root.exists():
            return fail(f"المجلد غير موجود: {root} — No such folder: {root}")
    if args.limit < 1 or args.per_article < 1:
        return fail("--limit و--per-article أعداد موجبة — --limit and --per-article must be ≥ 1")
    index = LibraryIndex(args.index)
    try:
        report = index.update(roots, progress=_progress_printer())
        results = index.search(
            " ".join(args.query), roots=roots, limit=args.limit, per_article=args.per_article
        )
    except SearchError as err:
        return fail(str(err))
    finally:
        index.close()
    if report.failed:
        path, reason = report.failed[0]
        more = f" (+{len(report.failed) - 1} more)" if len(report.failed) > 1 else ""
        print(f"qari: warning: not indexed: {path}: {reason}{more}", file=sys.stderr)
    if args.json:
        _write(json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=2) + "\n")
    else:
        color = sys.stdout.isatty()
        best = results[0].score if results else 0.0
        _write("".join(_result_text(i, r, best, color) for i, r in enumerate(results, 1)))
    return EXIT_OK if results else EXIT_NO_RESULT


def relevance(score: float, best: float) -> int:
    """A result's score as a percentage of the best one's. Raw bm25 values say little to a
    reader (in a small library they are all near 1e-6); the ratio says how close it came."""
    if best <= 0:
        return 100
    return max(1, min(100, round(100 * score / best)))


def _result_text(n: int, r: SearchResult, best: float, color: bool) -> str:
    where = f"{r.title} — {r.heading}" if r.heading else r.title
    snippet = r.snippet.marked(_BOLD, _RESET) if color else r.snippet.marked()
    score = f"relevance {relevance(r.score, best)}%"
    return f"{n}. {where}\n   {r.path}  [{score}]\n   {snippet}\n\n"


def _write(text: str) -> None:
    """UTF-8 whatever the console encoding is (Arabic must not crash a cp1252 console)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def _progress_printer() -> Any:
    """Shows indexing progress on a terminal (nothing when stderr is redirected)."""
    if not sys.stderr.isatty():
        return None
    last = [0.0]

    def show(p: UpdateProgress) -> None:
        now = time.monotonic()
        if p.phase == "index" and now - last[0] > 0.2:
            last[0] = now
            print(f"\rqari: indexing {p.done}/{p.total}", end="", file=sys.stderr, flush=True)
        elif p.phase == "done" and last[0]:
            print("\r" + " " * 40 + "\r", end="", file=sys.stderr, flush=True)

    return show
