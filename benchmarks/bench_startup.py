"""Start-up to the first painted frame, whole process, against a bare PySide6 script.

``python -m reader SAMPLE`` with QARI_EXIT_AFTER_FIRST_PAINT set prints "painted" once the text
has painted its first frame; :mod:`benchmarks.startup_baseline` shows the same widgets with the
same text and prints the same word. Each figure is the time from starting the process to that
line. Runs alternate (app, baseline, app, ...) so that a burst of load on this shared machine
hits both; the figures are medians, with the quartiles and the fastest run in the note.
(:func:`measure` also returns each process's CPU time to its exit, for a look by hand on a busy
machine; it counts the interpreter's teardown after the paint, so it is not the figure.)
When valgrind is installed, :func:`instructions` adds the instructions each process runs to
its first paint (callgrind): a figure that does not move with the machine's load.

Both run with settings and caches in a temporary folder (the user's are never touched), after
one untimed run each that builds the theme cache and the bytecode: the figure is a normal
start, not the very first one after installing. Target (issue 3): app ≤ 1.3 × baseline.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from .harness import ROOT, SAMPLE, Result, isolated_env, python_cmd, run_to_line

#: The start-up benchmark's marker, printed by both commands after their first paint.
PAINTED = "painted"
APP_ENV = "QARI_EXIT_AFTER_FIRST_PAINT"


def app_cmd(article: Path) -> list[str]:
    return python_cmd("-m", "reader", str(article))


def baseline_cmd(article: Path) -> list[str]:
    return python_cmd(str(ROOT / "benchmarks" / "startup_baseline.py"), str(article))


Runs = tuple[list[float], list[float]]


def measure(repeat: int, warmup: int = 1, article: Path = SAMPLE) -> tuple[Runs, Runs]:
    """Alternating timed runs: ((app wall, app CPU), (baseline wall, baseline CPU)), seconds."""
    with tempfile.TemporaryDirectory(prefix="qari-bench-startup-") as tmp:
        env = isolated_env(Path(tmp))
        app_env = {**env, APP_ENV: "1"}
        app, base = app_cmd(article), baseline_cmd(article)
        for _ in range(warmup):
            run_to_line(app, app_env, PAINTED)
            run_to_line(base, env, PAINTED)
        app_runs: Runs = ([], [])
        base_runs: Runs = ([], [])
        for i in range(repeat):
            # Swap the order every other round: neither always runs right after the other.
            pair = [(app, app_env, app_runs), (base, env, base_runs)]
            for cmd, cmd_env, (walls, cpus) in pair if i % 2 == 0 else reversed(pair):
                wall, cpu = run_to_line(cmd, cmd_env, PAINTED)
                walls.append(wall)
                cpus.append(cpu)
    return app_runs, base_runs


def quartiles(times: list[float]) -> str:
    if len(times) < 4:
        return f"{min(times):.3f}-{max(times):.3f}"
    q1, _, q3 = statistics.quantiles(times, n=4)
    return f"{q1:.3f}-{q3:.3f}"


def instructions(article: Path = SAMPLE) -> tuple[int, int] | None:
    """Instructions each process runs to its first painted frame, counted by callgrind
    (None without valgrind): the same on a busy machine as on a quiet one.

    Both run once untimed first (bytecode, theme cache); hash randomisation is fixed, so a
    second count gives the same figure to within a few thousand instructions."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    runner = str(ROOT / "benchmarks" / "first_paint_runner.py")
    counts = []
    with tempfile.TemporaryDirectory(prefix="qari-bench-callgrind-") as tmp:
        env = {**isolated_env(Path(tmp)), APP_ENV: "1", "PYTHONHASHSEED": "0"}
        for target in ("app", str(ROOT / "benchmarks" / "startup_baseline.py")):
            cmd = python_cmd(runner, target, str(article))
            subprocess.run(cmd, env=env, capture_output=True, check=True, timeout=120)
            out = Path(tmp) / "callgrind.out"
            done = subprocess.run(
                [valgrind, "--tool=callgrind", f"--callgrind-out-file={out}", *cmd],
                env=env, capture_output=True, text=True, check=True, timeout=600,
            )
            found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
            if found is None:
                return None
            counts.append(int(found.group(1)))
    return counts[0], counts[1]


def run(quick: bool) -> list[Result]:
    repeat = 1 if quick else 21
    (app, _), (base, _) = measure(repeat, warmup=0 if quick else 2)
    median = statistics.median
    note = (
        f"n={len(app)} each; IQR app {quartiles(app)} s, baseline {quartiles(base)} s; "
        f"fastest {min(app):.3f} / {min(base):.3f} s; target ratio <= 1.3"
    )
    results = [Result("startup (sample, to first paint)", median(app), "s", median(base), note)]
    counted = None if quick else instructions()
    if counted is not None:
        results.append(Result(
            "startup instructions (callgrind)", counted[0] / 1e6, "M instr", counted[1] / 1e6,
            "to the first paint, both processes; load-independent",
        ))
    return results
