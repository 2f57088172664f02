"""The benchmark code runs (on tiny inputs) and writes results.json in the promised shape.

The benchmarks themselves are not part of the test command: ``python -m benchmarks`` (``make
bench``) runs them by hand. Here ``--quick`` runs every one once on small inputs.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.harness import isolated_env, make_large_article, time_to_line
from reader.model import load_article

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, dict[str, object]]]:
    out = tmp_path_factory.mktemp("bench") / "results.json"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--output", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, json.loads(out.read_text(encoding="utf-8"))


def test_quick_run_writes_every_benchmark_in_the_promised_shape(
    quick_run: tuple[str, dict[str, dict[str, object]]],
) -> None:
    _, results = quick_run
    names = " ".join(results)
    for benchmark in ("startup", "parse", "large article", "export", "search"):
        assert benchmark in names
    for name, row in results.items():
        assert set(row) == {"value", "unit", "baseline", "ratio"}, name
        value, baseline, ratio = row["value"], row["baseline"], row["ratio"]
        assert isinstance(value, int | float) and math.isfinite(value), name
        assert isinstance(row["unit"], str) and row["unit"], name
        if baseline is None:
            assert ratio is None, name
        else:
            assert isinstance(baseline, int | float) and isinstance(ratio, int | float), name
            assert ratio == pytest.approx(value / baseline), name


def test_quick_run_prints_one_table_with_baselines_and_ratios(
    quick_run: tuple[str, dict[str, dict[str, object]]],
) -> None:
    table, results = quick_run
    header = table.splitlines()[0]
    for column in ("benchmark", "value", "unit", "baseline", "ratio"):
        assert column in header
    rows = [line for line in table.splitlines()[2:] if line.startswith("|")]
    assert len(rows) == len(results)
    startup = next(line for line in rows if line.startswith("| startup"))
    assert startup.count("|") == header.count("|")


def test_startup_benchmark_leaves_the_users_settings_alone(tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    assert "PYTHONDONTWRITEBYTECODE" not in env
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
                 "PYTHONPYCACHEPREFIX"):
        assert Path(env[name]).is_relative_to(tmp_path)
    seconds = time_to_line(
        [sys.executable, "-c", "import os; print(os.environ['XDG_CONFIG_HOME'])"],
        env, str(tmp_path / "config"),
    )
    assert 0 < seconds < 60


def test_time_to_line_says_when_the_line_never_comes(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="never printed"):
        time_to_line([sys.executable, "-c", "print('hello')"], isolated_env(tmp_path), "bye")


def test_large_article_has_the_sections_asked_for(tmp_path: Path) -> None:
    path = make_large_article(100_000, tmp_path / "large.txt", sections=20)
    article = load_article(path)
    assert 20 <= len(article.headed_sections()) <= 30
    assert 100_000 <= path.stat().st_size < 110_000
    headings = [s.heading for s in article.headed_sections()]
    assert len(set(headings)) == len(headings)  # numbered: every heading distinct
