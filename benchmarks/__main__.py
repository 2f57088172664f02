"""``python -m benchmarks [--quick] [--only NAME ...]``: run every benchmark, print a table and
write ``benchmarks/results.json``."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import traceback
from pathlib import Path

from .harness import Result

HERE = Path(__file__).resolve().parent


def discover() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_"))


def format_table(results: list[Result]) -> str:
    rows = [("benchmark", "value", "unit", "baseline", "ratio", "note")]
    for r in results:
        rows.append((
            r.name,
            f"{r.value:.4g}",
            r.unit,
            "" if r.baseline is None else f"{r.baseline:.4g}",
            "" if r.ratio is None else f"{r.ratio:.3g}",
            r.note,
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
             for row in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--quick", action="store_true", help="tiny inputs, one repeat (smoke test)")
    p.add_argument("--only", nargs="*", default=None, help="benchmark modules to run")
    p.add_argument("--output", type=Path, default=None,
                   help="where to write the results (default benchmarks/results.json; "
                        "with --quick, only when given)")
    args = p.parse_args(argv)
    results: list[Result] = []
    failed: list[str] = []
    for name in discover():
        if args.only and name not in args.only and name.removeprefix("bench_") not in args.only:
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        try:  # one broken benchmark must not cost the figures of all the others
            module = importlib.import_module(f"benchmarks.{name}")
            results.extend(module.run(args.quick))
        except Exception:
            traceback.print_exc()
            failed.append(name)
    print(format_table(results))
    if failed:
        print(f"FAILED: {', '.join(failed)} (traceback above; not in the results)",
              file=sys.stderr)
    data = {r.name: {"value": r.value, "unit": r.unit, "baseline": r.baseline, "ratio": r.ratio}
            for r in results}
    output = args.output or (None if args.quick else HERE / "results.json")
    if output is not None:
        output.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
