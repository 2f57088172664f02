"""The ``qari`` command: open the reader window, or run a subcommand.

``qari [FILE ...]`` opens the window; ``qari outline|export|search ...`` run without one.
Subcommands live in :mod:`reader.commands`; Qt is imported only when a window is needed.
A plain ``qari FILE ...`` (no option) is read without argparse: importing it and building the
window's parser cost ~4 ms of every start (:func:`plain_window_args`).
"""

from __future__ import annotations

import gc
import importlib
import io
import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING

import reader

if TYPE_CHECKING:
    import argparse

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


#: The window mode's options and their defaults (what ``window_parser`` gives when they are
#: not on the command line).
WINDOW_DEFAULTS: dict[str, object] = {
    "screenshot": None, "size": "1280x800", "lang": None, "new_instance": False,
}


def plain_window_args(args: Sequence[str]) -> SimpleNamespace | None:
    """What ``window_parser().parse_args(args)`` gives when ``args`` are only files (no
    option, no subcommand); None otherwise."""
    if any(a.startswith("-") for a in args) or (args and args[0] in SUBCOMMANDS):
        return None
    return SimpleNamespace(files=list(args), **WINDOW_DEFAULTS)


def window_parser() -> argparse.ArgumentParser:
    import argparse

    p = argparse.ArgumentParser(
        prog="qari", description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="articles to open")
    p.add_argument("--version", action="version", version=f"qari {reader.__version__}")
    p.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="render the window offscreen to a PNG and exit (no display needed)",
    )
    p.add_argument(
        "--size", default=WINDOW_DEFAULTS["size"], metavar="WxH",
        help="window size for --screenshot",
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
    import argparse

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
            sub = _subcommand_parser(args_list[0]).parse_args(args_list)
            return int(sub.run(sub))
        window_args = plain_window_args(args_list) or window_parser().parse_args(args_list)
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
    # No cyclic garbage collection while the window starts: what the imports and the window
    # make lives as long as the window, and every collection walked all of it (~3.5 ms before
    # the first frame, measured with callgrind). run_app turns it back on after that frame.
    gc.disable()
    from reader.ui.app import run_app

    return run_app(window_args)
