"""Parsing speed and model memory: the sample and a generated ~10 MB article.

Baseline: reading and decoding the same bytes (the floor any parser pays), measured in the
same run. Targets (issue 2): plain text ≥ 20 MB/s, Markdown ≥ 3 MB/s, model ≤ 3× file size.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

from reader.model import Format, load_article
from reader.model.decoding import decode

from .harness import OUT, SAMPLE, Result, make_large_article, median_time


def make_markdown(text_article: Path, path: Path) -> Path:
    """The same content as a Markdown article: ``#`` title, ``##`` headings."""
    a = load_article(text_article)
    parts = [f"# {a.title}", ""]
    for s in a.sections:
        parts += [f"## {s.heading}", ""]
        for p in s.paragraphs:
            parts += [p, ""]
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def model_bytes(path: Path) -> int:
    """Memory held by the parsed article (the file's bytes and text released)."""
    gc.collect()
    tracemalloc.start()
    article = load_article(path)
    gc.collect()
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del article
    return current


def _rate(path: Path, repeat: int) -> tuple[float, float]:
    size = path.stat().st_size
    data = path.read_bytes()
    parse = median_time(lambda: load_article(path), repeat)
    floor = median_time(lambda: decode(path.read_bytes()), repeat)
    del data
    return size / parse / 1e6, size / floor / 1e6


def run(quick: bool) -> list[Result]:
    repeat = 1 if quick else 5
    target = 200_000 if quick else 10_000_000
    large_txt = make_large_article(target, OUT / f"parse-{target}.txt")
    large_md = make_markdown(large_txt, OUT / f"parse-{target}.md")
    results = []
    sample_time = median_time(lambda: load_article(SAMPLE), repeat * 20)
    decode_time = median_time(lambda: decode(SAMPLE.read_bytes()), repeat * 20)
    results.append(Result("parse sample (9 KB)", sample_time * 1000, "ms", decode_time * 1000,
                          "baseline: read+decode"))
    for label, path in (("text", large_txt), ("markdown", large_md)):
        mbps, floor = _rate(path, repeat)
        results.append(Result(f"parse {label} {path.stat().st_size / 1e6:.0f} MB", mbps, "MB/s",
                              floor, "baseline: read+decode MB/s"))
        assert load_article(path).source.format is (
            Format.TEXT if label == "text" else Format.MARKDOWN
        )
        mem = model_bytes(path)
        results.append(Result(f"model memory {label}", mem / path.stat().st_size, "x file size",
                              None, f"{mem / 1e6:.1f} MB"))
    return results
