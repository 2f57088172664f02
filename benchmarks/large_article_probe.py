"""Issue 7's figures for one article in one window (offscreen), as a child process per article.

``python -m benchmarks.large_article_probe [--size MB] [--jump N] [--json]`` writes a large
article (:func:`benchmarks.harness.make_large_article`), then for the sample and for it, each in
a fresh process: opens it in a shown window and reports

- ``first_page_s``: from ``open_file`` until the text view and the section tree have painted
  (the tree holding every section);
- ``max_gap_ms``: the longest gap of a 10 ms repeating timer from the open until the pane says
  the load is over and :data:`SETTLE_S` more seconds have passed (Qt's own background layout runs
  in that time too);
- ``load_s``: until the pane says the load is over (``is_loading()`` false);
- ``jump_s``: ``scroll_to_section`` to the N-th headed section until its heading is at the top
  (once during the load, not counted in ``max_gap_ms``, and once after it);
- ``drag_step_max_ms``: the slowest of 100 steps of a scroll-bar drag through the text (the
  new place shown, typeset, and one background step);
- ``zoom_s``/``theme_s``: a zoom step and a theme switch, each until the place is kept;
- ``peak_rss_mb``: peak resident memory of the process (MiB); ``window_rss_mb``: before the
  open, with the window shown.

:func:`probe` can be imported by the main benchmark (``bench_large_article``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .harness import ROOT, SAMPLE, make_large_article

#: Seconds the gap monitor keeps running after the load is over.
SETTLE_S = 1.0
#: Give up waiting for a load after this many seconds.
TIMEOUT_S = 60.0


def _child(path: Path, jump: int, settle_s: float = SETTLE_S) -> dict[str, Any]:
    """Measure one article in this process (the QApplication is made here)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import make_window
    from reader.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.open(Path(tmp) / "qari.ini")
        window = make_window([], settings=settings, persist=False)
        window.resize(1280, 800)
        window.show()
        for _ in range(5):
            app.processEvents()
        base_rss = _rss_mb()

        gaps: list[float] = []
        clock = QElapsedTimer()
        last = [0.0]

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)

        t0 = time.perf_counter()
        clock.start()
        pane = window.open_file(path)
        assert pane is not None
        pane.viewport().repaint()
        window.tree.viewport().repaint()
        app.processEvents()
        first_page = time.perf_counter() - t0
        model = window.tree.model()
        tree_rows = model.rowCount(model.index(0, 0))
        last[0] = clock.nsecsElapsed() / 1e6
        timer.start()

        ids = pane.section_ids()
        target = ids[min(jump, len(ids) - 1)]
        jump_during = None
        if _loading(pane):  # a user action, not part of the load: not in the gap figure
            timer.stop()
            jump_during = _jump(app, pane, target)
            last[0] = clock.nsecsElapsed() / 1e6
            timer.start()
        while _loading(pane) and time.perf_counter() - t0 < TIMEOUT_S:
            app.processEvents()
            time.sleep(0.001)
        load = time.perf_counter() - t0
        settle = time.perf_counter()
        while time.perf_counter() - settle < settle_s:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        max_gap = max(gaps, default=0.0)

        jump_after = _jump(app, pane, ids[max(0, min(jump, len(ids) - 1) - 7)])
        drag = 0.0
        bar = pane.verticalScrollBar()
        for step in range(101):  # a drag of the scroll bar from top to bottom
            t = time.perf_counter()
            bar.setValue(bar.maximum() * step // 100)
            app.processEvents()
            drag = max(drag, time.perf_counter() - t)
        t = time.perf_counter()
        window.set_zoom(window.zoom + 10)
        app.processEvents()
        zoom = time.perf_counter() - t
        t = time.perf_counter()
        window.set_theme("dark" if window.theme.name != "dark" else "light")
        app.processEvents()
        theme = time.perf_counter() - t
        t = time.perf_counter()
        pane.scroll_to_section(target)
        app.processEvents()
        jump_zoomed = time.perf_counter() - t
        at_top = pane.section_at_top() == target

        return {
            "file": path.name,
            "size_mb": round(path.stat().st_size / 1e6, 2),
            "sections": len(ids),
            "tree_rows": tree_rows,
            "first_page_s": round(first_page, 3),
            "max_gap_ms": round(max_gap, 1),
            "load_s": round(load, 2),
            "jump_during_load_s": None if jump_during is None else round(jump_during, 3),
            "jump_after_load_s": round(jump_after, 3),
            "drag_step_max_ms": round(drag * 1000, 1),
            "zoom_s": round(zoom, 3),
            "theme_s": round(theme, 3),
            "jump_after_zoom_s": round(jump_zoomed, 3),
            "jump_lands": at_top,
            "window_rss_mb": round(base_rss, 1),
            "peak_rss_mb": round(_peak_mb(), 1),
        }


def _loading(pane: Any) -> bool:
    loading = getattr(pane, "is_loading", None)
    return bool(loading()) if loading is not None else False


def _jump(app: Any, pane: Any, section_id: int) -> float:
    t = time.perf_counter()
    pane.scroll_to_section(section_id)
    app.processEvents()
    elapsed = time.perf_counter() - t
    if pane.section_at_top() != section_id:
        return float("nan")
    return elapsed


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return _peak_mb()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def probe(path: Path, jump: int = 1900, settle_s: float = SETTLE_S) -> dict[str, Any]:
    """Run :func:`_child` for ``path`` in a fresh process; its figures as a dict."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.large_article_probe", "--child", str(path),
         "--jump", str(jump), "--settle", str(settle_s)],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=10.0, help="article size in MB")
    parser.add_argument("--jump", type=int, default=1900, help="headed section to jump to")
    parser.add_argument("--settle", type=float, default=SETTLE_S,
                        help="seconds the gap monitor runs after the load (before: 12)")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(_child(args.child, args.jump, args.settle)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        large = make_large_article(int(args.size * 1e6), Path(tmp) / "large.txt")
        sample = probe(SAMPLE, args.jump, args.settle)
        big = probe(large, args.jump, args.settle)
    limit = 2.5 * sample["peak_rss_mb"] + 10 * big["size_mb"]
    summary = {"sample": sample, "large": big, "rss_limit_mb": round(limit, 1),
               "rss_ok": big["peak_rss_mb"] <= limit}
    if args.json:
        print(json.dumps(summary, indent=1))
        return 0
    for name, figures in (("sample", sample), ("large", big)):
        print(name + ": " + ", ".join(f"{k}={v}" for k, v in figures.items()))
    print(f"peak RSS limit (2.5 x sample + 10 x file size): {summary['rss_limit_mb']} MB, "
          f"met: {summary['rss_ok']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
