"""``qari FILE ...`` without options is read without argparse, into exactly what the window's
parser would give (importing argparse and building that parser cost ~4 ms of every start)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reader.cli import plain_window_args, window_parser


@pytest.mark.parametrize(
    "args", [[], ["a.txt"], ["a.txt", "b.md", "c.html"], ["مقالة.txt"], ["dir/with space.md"]]
)
def test_plain_files_give_what_the_parser_gives(args: list[str]) -> None:
    plain = plain_window_args(args)
    assert plain is not None
    assert vars(plain) == vars(window_parser().parse_args(args))


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "en", "a.txt"],
        ["a.txt", "--new-instance"],
        ["--screenshot", "out.png"],
        ["--", "-odd-name.txt"],
        ["-h"],
        ["outline", "a.txt"],
        ["export", "a.txt", "-o", "a.pdf"],
    ],
)
def test_anything_else_goes_to_the_parser(args: list[str]) -> None:
    assert plain_window_args(args) is None


def test_reading_plain_files_imports_no_argparse() -> None:
    code = (
        "import sys; from reader import cli; ns = cli.plain_window_args(['a.txt']); "
        "print(ns.files, 'argparse' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60,
        env={**os.environ},
    ).stdout.split()
    assert out == ["['a.txt']", "False"]
