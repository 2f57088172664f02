"""The installed Qt binding survives many void calls.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a C++ method
returning void and aborts after ~11,000 calls (``none_dealloc``). pyproject.toml pins a working
binding per Python version; this runs the reproducer in a child process so that an abort shows
as a failed test, not a dead test run.
"""

from __future__ import annotations

import subprocess
import sys

LOOP = """
import sys
from PySide6.QtCore import QObject
o = QObject()
for _ in range(30000):
    o.setObjectName("x")
refs = sys.getrefcount(None)
print("ok")
"""


def test_thirty_thousand_void_calls_do_not_abort() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", LOOP], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"
