"""``qari export FILE [FILE ...] -o OUT.pdf | --output-dir DIR``: articles to searchable PDF.

Runs without a window or a display. One PDF per article with ``--output-dir`` (named after
the article file); ``-o`` takes exactly one article. Progress goes to stderr when stderr is a
terminal; every error is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
import types
from pathlib import Path
from typing import Any, NoReturn

from .common import EXIT_ERROR, EXIT_OK, fail


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="export articles to searchable PDF",
        description="Export articles (plain text, Markdown or HTML) to typeset PDF files with "
        "bookmarks, page numbers and a searchable text layer. Needs no display.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article files")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("-o", "--output", metavar="OUT.pdf", type=Path,
                     help="the PDF to write (one article only)")
    out.add_argument("--output-dir", metavar="DIR", type=Path,
                     help="folder for one PDF per article, named after the article file")
    p.add_argument("--paper", choices=["a4", "letter"], default="a4", help="paper size")
    p.add_argument("--landscape", action="store_true", help="landscape pages")
    p.add_argument("--no-harakat", action="store_true",
                   help="leave out the harakat (vowel marks); the article file is unchanged")
    p.add_argument("--lang", choices=["ar", "en"], default="ar",
                   help='page numbers in Arabic ("صفحة ٣ من ٧") or English ("Page 3 of 7")')
    p.set_defaults(run=run)
    p.error = types.MethodType(_usage_error, p)


def _usage_error(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    """Usage errors too are one line on stderr, exit status 2."""
    fail(f"{message} (see: qari export --help)")
    raise SystemExit(EXIT_ERROR)


def targets(files: list[str], output: Path | None, output_dir: Path | None) -> list[Path]:
    """The PDF path for each article; raises ValueError for an impossible combination."""
    if output is not None:
        if len(files) != 1:
            raise ValueError(
                f"-o takes one article, {len(files)} were given; use --output-dir DIR"
            )
        return [output]
    assert output_dir is not None
    paths = [output_dir / (Path(f).stem + ".pdf") for f in files]
    seen: set[Path] = set()
    for f, path in zip(files, paths, strict=True):
        if path in seen:
            raise ValueError(f"two articles would both be written to {path} (from {f})")
        seen.add(path)
    return paths


class _Progress:
    """A one-line progress display on a terminal's stderr."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        percent = done * 100 // max(1, total)
        if percent != self.last:
            self.last = percent
            sys.stderr.write(f"\r{self.name}: {percent:3d}%")
            sys.stderr.flush()

    def close(self) -> None:
        if self.last >= 0:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    from reader.model import ArticleError, load_article

    try:
        paths = targets(args.files, args.output, args.output_dir)
    except ValueError as err:
        return fail(str(err))
    if args.output_dir is not None and not args.output_dir.is_dir():
        return fail(f"المجلد غير موجود — No such folder: {args.output_dir}")

    from reader.export import ExportError, PdfOptions, export_pdf

    options = PdfOptions(
        paper=args.paper,
        orientation="landscape" if args.landscape else "portrait",
        ui_language=args.lang,
        harakat=not args.no_harakat,
    )
    show = sys.stderr.isatty()
    for src, dest in zip(args.files, paths, strict=True):
        progress = _Progress(Path(src).name) if show else None
        try:
            article = load_article(src)
            report = export_pdf(article, dest, options, progress=progress)
        except (ArticleError, ExportError) as err:
            if progress is not None:
                progress.close()
            return fail(str(err))
        except OSError as err:  # anything the checks above did not foresee
            if progress is not None:
                progress.close()
            return fail(f"{src}: {err.strerror or err}")
        if progress is not None:
            progress.close()
        if report.missing_glyphs:
            n = report.missing_glyphs
            print(f"qari: {src}: تنبيه: حروف بلا شكل في خط أميري تُركت فارغة ({n}) — warning:"
                  f" {n} character(s) without a glyph in the Amiri font were left blank",
                  file=sys.stderr)
    return EXIT_OK
