"""Shared benchmark tools: results, medians, peak memory of a child process, test articles."""

from __future__ import annotations

import itertools
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "articles" / "iraq-syria-border-security.txt"
OUT = Path(__file__).resolve().parent / "out"


@dataclass(frozen=True)
class Result:
    """One line of the table: a value, its unit, and the baseline measured in the same run."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        assert self.baseline is not None
        return self.value / self.baseline


def median_time(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn()`` in seconds over ``repeat`` runs."""
    times = []
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run_process(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak RSS in MB of that child)."""
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=full_env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the max over all of them: only meaningful when it grew.
    return wall, max(after, before) / 1024


def median_process(cmd: Sequence[str], repeat: int) -> float:
    """Median wall time of a whole process over ``repeat`` runs."""
    return statistics.median(run_process(cmd)[0] for _ in range(max(1, repeat)))


def python_cmd(*args: str) -> list[str]:
    return [sys.executable, *args]


def isolated_env(folder: Path) -> dict[str, str]:
    """Environment for a child that must not touch the user's settings, caches or checkout.

    Settings, caches and data go under ``folder`` (XDG_*); Qt draws offscreen. Bytecode is
    written, but to ``folder/pycache`` (PYTHONPYCACHEPREFIX): an installed app runs from
    compiled bytecode, and a shell that sets PYTHONDONTWRITEBYTECODE would otherwise make every
    run compile the app's modules again (~25 ms), a cost no user pays. Run each command once
    before timing it so the bytecode and caches exist.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[name] = str(folder / name.removeprefix("XDG_").removesuffix("_HOME").lower())
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def time_to_line(cmd: Sequence[str], env: dict[str, str], line: str,
                 timeout: float = 60.0) -> float:
    """Seconds from starting ``cmd`` until it prints ``line`` on stdout (then it is waited for).

    Raises RuntimeError, with the child's stderr, when it exits without printing the line.
    """
    return run_to_line(cmd, env, line, timeout)[0]


def run_to_line(cmd: Sequence[str], env: dict[str, str], line: str,
                timeout: float = 60.0) -> tuple[float, float]:
    """(seconds until ``cmd`` prints ``line``, CPU seconds the whole child used).

    CPU time (user + system, to the child's exit) suffers less than wall time when other
    processes share the machine. Raises RuntimeError, with the child's stderr, when it exits
    without printing the line or fails.
    """
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=err, text=True)
        assert proc.stdout is not None
        elapsed = None
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            for out in proc.stdout:
                if elapsed is None and out.strip() == line:
                    elapsed = time.perf_counter() - t0
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            timer.cancel()
            proc.stdout.close()
        err.seek(0)
        message = err.read().strip()[-500:]
    if elapsed is None or proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} never printed {line!r} or failed "
                           f"(exit {proc.returncode}): {message}")
    return elapsed, usage.ru_utime + usage.ru_stime


def make_large_article(target_bytes: int, path: Path, sections: int | None = None) -> Path:
    """Write a long plain-text article: the sample's sections repeated with numbered headings.

    The sample's text is taken as it is; each copy of a section gets its heading suffixed with
    a running number so that every heading of the big article is distinct. With ``sections``,
    each heading instead leads the paragraphs of as many consecutive sample sections as fit
    in ``target_bytes / sections`` (at least one), so the article has at least that many
    sections (10 MB for 2,000 gives 2,359 of ~4 KB: issue 7's large article).
    """
    from reader.model import load_article

    sample = load_article(SAMPLE)
    per = 1
    if sections:
        body = sum(len("\n".join(s.paragraphs).encode("utf-8")) for s in sample.sections)
        per = max(1, int(target_bytes / sections / (body / len(sample.sections))))
    parts = [sample.title, ""]
    size = 0
    n = 0
    cycle = itertools.cycle(sample.sections)
    while size < target_bytes:
        group = [next(cycle) for _ in range(per)]
        n += 1
        paragraphs = [p for s in group for p in s.paragraphs]
        chunk = "\n".join([f"{group[0].heading} {n}", *paragraphs, ""])
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
