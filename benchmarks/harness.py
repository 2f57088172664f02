"""Shared benchmark tools: results, medians, peak memory of a child process, test articles."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
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


def make_large_article(target_bytes: int, path: Path) -> Path:
    """Write a long plain-text article: the sample's sections repeated with numbered headings.

    The sample's text is taken as it is; each copy of a section gets its heading suffixed with
    a running number so that every heading of the big article is distinct.
    """
    from reader.model import load_article

    sample = load_article(SAMPLE)
    parts = [sample.title, ""]
    size = 0
    n = 0
    while size < target_bytes:
        for s in sample.sections:
            n += 1
            chunk = "\n".join([f"{s.heading} {n}", *s.paragraphs, ""])
            parts.append(chunk)
            size += len(chunk.encode("utf-8"))
            if size >= target_bytes:
                break
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
