"""The ``qari`` command: open the reader window, or run a subcommand.

``qari [FILE ...]`` opens the window; ``qari outline|export|search ...`` run without one.
Subcommands live in :mod:`reader.commands`; Qt is imported only when a window is needed.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections.abc import Sequence

from reader import __version__

#: Subcommand name -> module in reader.commands defining add_parser() and run().
SUBCOMMANDS = {"outline": "outline", "export": "export", "search": "search"}

_DESCRIPTION = """\
Qari (قارئ): a reader for Arabic articles saved as plain text, Markdown or HTML.

Without a subcommand, opens the reader window on FILE (or on what was open last time).
Subcommands (run "qari COMMAND --help" for each):
  outline FILE [--json]               print the article's section tree
  export FILE ... -o OUT.pdf          export articles to searchable PDF
  search QUERY [--library DIR ...]    search the article library
"""


def window_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="qari", description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="articles to open")
    p.add_argument("--version", action="version", version=f"qari {__version__}")
    p.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="render the window offscreen to a PNG and exit (no display needed)",
    )
    p.add_argument(
        "--size", default="1280x800", metavar="WxH", help="window size for --screenshot"
    )
    p.add_argument("--lang", choices=["ar", "en"], help="interface language")
    p.add_argument(
        "--new-instance",
        action="store_true",
        help="open a separate window process: without it, FILE opens in the Qari already"
        " running for this user, if any (--screenshot never uses the running one)",
    )
    return p


def _subcommand_parser(name: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qari")
    sub = parser.add_subparsers(dest="command", required=True)
    module = importlib.import_module(f"reader.commands.{SUBCOMMANDS[name]}")
    module.add_parser(sub)
    return parser


def _utf8_streams() -> None:
    """Write UTF-8 whatever the locale says (``outline --json`` promises UTF-8): an ASCII or
    Latin-1 stdout would otherwise fail on the first Arabic letter."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in (
            "utf-8", "utf8"
        ):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _utf8_streams()
    try:
        if args_list and args_list[0] in SUBCOMMANDS:
            ns = _subcommand_parser(args_list[0]).parse_args(args_list)
            return int(ns.run(ns))
        ns = window_parser().parse_args(args_list)
    except SystemExit as exit_:  # argparse: usage errors exit 2, --help/--version exit 0
        return int(exit_.code or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away ("qari outline FILE | head"): stop quietly, and
        # keep Python's final flush of stdout from raising again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    from reader.ui.app import run_app

    return run_app(ns)
