"""Parsing speed and model memory: the sample and a generated ~10 MB article.

Baseline: reading and decoding the same bytes (the floor any parser pays), measured in the
same run. Targets (issue 2): plain text ≥ 20 MB/s, Markdown ≥ 3 MB/s, model ≤ 3× file size.
A markup-heavy Markdown article (2 MB: a link, bold or code span every few words) shows the
floor markdown-it-py's inline rules set; it is reported, the target is for the 10 MB article.
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


#: One section of a markup-heavy Markdown article: links, emphasis and code every few words,
#: bullet and numbered lists, a quote. markdown-it-py's inline rules dominate its parse time.
_HEAVY_PARAGRAPH = (
    "في **الاجتماع** الذي عقد *أمس* في [العاصمة](https://example.com/a) ناقش الوزراء `الخطة` "
    "الجديدة، وقال **المتحدث** إن *التنفيذ* سيبدأ [قريباً](#plan) بعد إقرار الميزانية."
)
_HEAVY_SECTION = "\n".join([
    "## قسم جديد في المقال", "", _HEAVY_PARAGRAPH, "",
    "- بند **أول** مع [رابط](http://example.org/b)", "- بند *ثان* و`كود`",
    "1. خطوة أولى", "2. خطوة ثانية", "",
    "> اقتباس **مهم** من *المصدر*.", "", _HEAVY_PARAGRAPH, "", "",
])


def make_markup_heavy(target: int, path: Path) -> Path:
    """A Markdown article of about ``target`` bytes made of :data:`_HEAVY_SECTION`."""
    count = max(1, target // len(_HEAVY_SECTION.encode()))
    path.write_text("# عنوان المقال\n\n" + _HEAVY_SECTION * count, encoding="utf-8")
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
    heavy = make_markup_heavy(target // 5, OUT / f"parse-heavy-{target // 5}.md")
    results = []
    sample_time = median_time(lambda: load_article(SAMPLE), repeat * 20)
    decode_time = median_time(lambda: decode(SAMPLE.read_bytes()), repeat * 20)
    results.append(Result("parse sample (9 KB)", sample_time * 1000, "ms", decode_time * 1000,
                          "baseline: read+decode"))
    cases = (("text", large_txt), ("markdown", large_md), ("markdown markup-heavy", heavy))
    for label, path in cases:
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
