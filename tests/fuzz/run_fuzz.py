"""Long fuzz run of the article parsers (``make fuzz``); not collected by pytest.

Runs every hypothesis property of ``tests/unit/test_fuzz_parsers.py`` with many examples
(``--examples`` in total, shared equally between the properties) in ``--jobs`` worker
processes, then the linear-time check with the slow shapes added, in a fresh process.
Prints, per property, the examples actually run, the time and the outcome, then the totals;
exits 1 when anything failed. A failing example is printed by hypothesis (with a
``@reproduce_failure`` blob) and kept in ``.hypothesis/`` so that ``pytest`` replays it.

    python tests/fuzz/run_fuzz.py --examples 100000 --jobs 2
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROPERTIES = [
    "test_arbitrary_bytes_raise_only_model_errors",
    "test_arbitrary_text_raises_only_model_errors",
    "test_plain_text_articles_lose_nothing",
    "test_legacy_articles_decode_as_written",
    "test_markdown_articles_lose_nothing",
    "test_html_articles_lose_nothing_and_show_no_chrome",
]


def run_property(name: str) -> tuple[str, int, float, str]:
    """Run one property in this (worker) process: (name, examples run, seconds, error)."""
    sys.path.insert(0, str(ROOT))
    from tests.unit import test_fuzz_parsers as fuzz

    test = getattr(fuzz, name)
    fuzz.COUNTS.clear()  # a worker may run several properties
    t0 = time.perf_counter()
    error = ""
    try:
        test()
    except BaseException:  # report every failure, keep running the others
        error = traceback.format_exc(limit=3)
    return name, sum(fuzz.COUNTS.values()), time.perf_counter() - t0, error


def run_timing() -> tuple[dict[str, list[float]], float, str]:
    sys.path.insert(0, str(ROOT))
    from tests.unit import test_fuzz_parsers as fuzz

    t0 = time.perf_counter()
    try:
        ratios = fuzz.measure_in_subprocess(timeout=3600)
    except subprocess.SubprocessError as err:
        return {}, time.perf_counter() - t0, str(getattr(err, "stderr", "") or err)[-2000:]
    return ratios, time.perf_counter() - t0, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000,
                        help="examples in total over all properties (default 100000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes (default: one per CPU)")
    parser.add_argument("--no-timing", action="store_true", help="skip the linear-time check")
    args = parser.parse_args(argv)

    per_property = math.ceil(args.examples / len(PROPERTIES))
    # Read by the test module when it is imported (in the workers).
    os.environ["QARI_FUZZ_EXAMPLES"] = str(per_property)
    print(f"fuzzing {len(PROPERTIES)} properties x {per_property} examples, "
          f"{args.jobs} job(s)", flush=True)

    t0 = time.perf_counter()
    failures = 0
    total = 0
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for name, count, seconds, error in pool.map(run_property, PROPERTIES):
            total += count
            status = "ok" if not error else "FAILED"
            print(f"{status:6} {name:55} {count:8d} examples {seconds:8.1f} s", flush=True)
            if error:
                failures += 1
                print(error, flush=True)

    if not args.no_timing:
        ratios, seconds, error = run_timing()
        if error:
            failures += 1
            print(f"FAILED linear-time check ({seconds:.1f} s):\n{error}")
        else:
            limit = 15.0
            slow = {k: v for k, v in ratios.items() if v[0] > limit}
            failures += len(slow)
            worst = max(ratios.items(), key=lambda kv: kv[1][0])
            print(f"{'FAILED' if slow else 'ok':6} linear time: {len(ratios)} shapes, worst "
                  f"{worst[0]} {worst[1][0]:.1f}x for 10x input ({seconds:.1f} s)")
            for key, (ratio, size) in sorted(ratios.items()):
                mark = "  <-- over the limit" if ratio > limit else ""
                print(f"         {key:40} {ratio:5.1f}x  ({size / 1000:.0f} KB -> "
                      f"{size / 100:.0f} KB){mark}")

    elapsed = time.perf_counter() - t0
    print(f"total: {total} examples in {elapsed:.0f} s, {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
