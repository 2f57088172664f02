"""Run the app or the baseline script and end the process the moment it prints "painted".

For the instruction count of the start-up benchmark (:func:`benchmarks.bench_startup.
instructions`): under callgrind, whatever runs after the first frame (quitting, the
interpreter's teardown) would be counted too. Usage: ``python first_paint_runner.py app FILE``
or ``python first_paint_runner.py SCRIPT FILE``.
"""

from __future__ import annotations

import os
import runpy
import sys
from typing import Any


class _ExitOnPainted:
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(text)
        if "painted" in text:
            self._stream.flush()
            os._exit(0)
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main() -> None:
    target, *rest = sys.argv[1:]
    sys.stdout = _ExitOnPainted(sys.stdout)
    if target == "app":
        sys.argv = ["reader", *rest]
        runpy.run_module("reader", run_name="__main__", alter_sys=True)
    else:
        sys.argv = [target, *rest]
        runpy.run_path(target, run_name="__main__")


if __name__ == "__main__":
    main()
