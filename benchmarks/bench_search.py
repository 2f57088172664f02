"""Library search: index build, index size, query latency, re-index after one change.

The library is generated from the sample article: 10,000 articles (~30 MB) whose sections are
new combinations of the sample's sentences, with some sentences vocalised, dates in
Arabic-Indic digits and made-up place names (so that rare words exist, as in a real library).
Baseline, in the same run: a plain scan of the folded texts. Preparing it (read, parse and fold
every file, as a search without an index must do once) is the baseline of the index build; the
same queries answered by scanning those texts in memory (every query word as a substring of a
section's folded title, heading and body) are the baseline of the query latencies.
Targets (issue 5): query p95 ≤ 50 ms; re-index after one file changes ≤ 0.2 s.
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import statistics
import time
from pathlib import Path

from reader.model import load_article
from reader.search import ArticleFinder, LibraryIndex, LibraryQuery, fold

from .harness import OUT, SAMPLE, Result, make_large_article

FULL_ARTICLES = 10_000
QUICK_ARTICLES = 50
QUERIES = 100
_SEED = 5
_HARAKAT = "\u064e\u064f\u0650\u0652\u0651"
_SYLLABLES = "با تي جو دا را زي سو شا عي فو قا كي لو ما نو ها وي يا".split()
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_MONTHS = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()


def _pools() -> tuple[list[str], list[str]]:
    """Sentences and headings of the sample."""
    article = load_article(SAMPLE)
    body = " ".join(b.text for sec in article.sections for b in sec.blocks)
    sentences = [s.strip() + "." for s in re.split(r"[.،]\s+", body) if len(s.split()) >= 4]
    headings = [s.heading for s in article.sections if s.heading]
    return sentences, headings


def _vocalise(sentence: str, rng: random.Random) -> str:
    return "".join(
        ch + rng.choice(_HARAKAT) if "\u0621" <= ch <= "\u064a" and rng.random() < 0.6 else ch
        for ch in sentence
    )


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3))


def make_library(folder: Path, count: int) -> tuple[int, list[str]]:
    """Write ``count`` articles under ``folder`` (100 per subfolder); return total bytes and the
    made-up names used. Reused when a previous run made the same library."""
    rng = random.Random(_SEED)
    names = [_name(rng) for _ in range(max(50, count // 2))]
    stamp = folder / ".complete.json"
    if stamp.exists():
        data = json.loads(stamp.read_text(encoding="utf-8"))
        if data.get("count") == count:
            return int(data["bytes"]), names
    sentences, headings = _pools()
    total = 0
    for i in range(count):
        lines = [f"{rng.choice(headings)}: {rng.choice(names)} {i}"]
        for _ in range(rng.randint(3, 5)):
            lines.append(f"{rng.choice(headings)} في {rng.choice(names)}")
            for _ in range(rng.randint(1, 2)):
                picked = rng.sample(sentences, rng.randint(2, 4))
                picked = [_vocalise(s, rng) if rng.random() < 0.1 else s for s in picked]
                date = f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.randint(1990, 2025)}"
                picked.insert(
                    rng.randint(0, len(picked)),
                    f"وفي {date.translate(_ARABIC_INDIC)}، زار الوفد مدينة {rng.choice(names)}.",
                )
                lines.append(" ".join(picked))
        path = folder / f"{i // 100:03d}" / f"article-{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data_bytes = ("\n".join(lines) + "\n").encode("utf-8")
        path.write_bytes(data_bytes)
        total += len(data_bytes)
    stamp.write_text(json.dumps({"count": count, "bytes": total}), encoding="utf-8")
    return total, names


def make_queries(names: list[str], rng: random.Random) -> list[str]:
    """100 varied queries: common and rare words, two words, phrases, prefixes, dates."""
    sentences, headings = _pools()
    words = sorted({w.strip(".،:") for s in sentences for w in s.split() if len(w) > 3})
    queries: list[str] = []
    kinds = ["word", "rare", "two", "phrase", "prefix", "date", "heading"]
    while len(queries) < QUERIES:
        kind = kinds[len(queries) % len(kinds)]
        if kind == "word":
            queries.append(rng.choice(words))
        elif kind == "rare":
            queries.append(rng.choice(names))
        elif kind == "two":
            queries.append(f"{rng.choice(words)} {rng.choice(words)}")
        elif kind == "phrase":
            ws = rng.choice(sentences).rstrip(".").split()
            k = rng.randrange(0, max(1, len(ws) - 2))
            queries.append('"' + " ".join(ws[k : k + 2]) + '"')
        elif kind == "prefix":
            queries.append(rng.choice(words)[:4] + "*")
        elif kind == "date":
            queries.append(f"{rng.choice(_MONTHS)} {rng.randint(1990, 2025)}")
        else:
            queries.append(rng.choice(headings))
    return queries


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _scan_corpus(folder: Path) -> list[str]:
    """The folded text of every section (title, heading and body) of every article file,
    read and parsed from disk, held in memory."""
    corpus: list[str] = []
    for path in sorted(folder.rglob("*.txt")):
        article = load_article(path)
        for s in article.sections:
            text = "\n".join(b.text for b in s.blocks)
            corpus.append(fold(f"{article.title}\n{s.heading or ''}\n{text}"))
    return corpus


def _scan(corpus: list[str], query: str) -> list[int]:
    tokens = [" ".join(t.tokens) for t in LibraryQuery.parse(query).terms]
    tokens = [t.rstrip("*") for t in tokens]
    hits = [i for i, text in enumerate(corpus) if all(t in text for t in tokens)]
    return sorted(hits, key=lambda i: -sum(corpus[i].count(t) for t in tokens))[:20]


def find_in_large_article(quick: bool) -> list[Result]:
    """The find bar on one long article: fold every block once, then a query that matches
    everywhere (every match mapped back to the original text)."""
    target = 200_000 if quick else 10_000_000
    path = make_large_article(target, OUT / f"search-find-{target}.txt")
    article = load_article(path)
    mb = path.stat().st_size / 1e6
    t = time.perf_counter()
    finder = ArticleFinder(article)
    prepare = time.perf_counter() - t
    t = time.perf_counter()
    common = finder.find("العراقيه")
    common_time = time.perf_counter() - t
    t = time.perf_counter()
    finder.find("استقرارا", whole_word=True)
    rare_time = time.perf_counter() - t
    t = time.perf_counter()
    plain = [
        m.start()
        for b in (x for s in article.sections for x in s.blocks)
        for m in re.finditer("العراقية", b.text)
    ]
    floor = time.perf_counter() - t
    return [
        Result(
            f"find: prepare {mb:.1f} MB article",
            prepare * 1000,
            "ms",
            None,
            "fold every block once (ArticleFinder)",
        ),
        Result(
            f"find: common word in {mb:.1f} MB",
            common_time * 1000,
            "ms",
            floor * 1000,
            f"{len(common)} matches mapped back; baseline: exact re.finditer "
            f"({len(plain)} matches)",
        ),
        Result(f"find: whole word in {mb:.1f} MB", rare_time * 1000, "ms", None, ""),
    ]


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def _remove(index_path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index_path}{suffix}").unlink(missing_ok=True)


def run(quick: bool) -> list[Result]:
    count = QUICK_ARTICLES if quick else FULL_ARTICLES
    label = "quick" if quick else "full"
    folder = OUT / f"search-library-{label}"
    index_path = OUT / f"search-index-{label}.sqlite3"
    library_bytes, names = make_library(folder, count)
    mb = library_bytes / 1e6
    _remove(index_path)

    index = LibraryIndex(index_path)
    t0 = time.perf_counter()
    report = index.update([folder])
    build = time.perf_counter() - t0
    assert report.added == count and not report.failed, report
    conn = sqlite3.connect(index_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = index.stats()["bytes"] / 1e6

    rng = random.Random(_SEED + 1)
    queries = make_queries(names, rng)
    for q in queries:  # warm the page cache, as a second search in the app would be
        index.search(q, limit=20)
    latencies = []
    hits = 0
    for q in queries:
        t = time.perf_counter()
        found = index.search(q, limit=20)
        latencies.append((time.perf_counter() - t) * 1000)
        hits += bool(found)

    t = time.perf_counter()
    corpus = _scan_corpus(folder)
    load_scan = time.perf_counter() - t
    scan_latencies = []
    for q in queries:
        t = time.perf_counter()
        _scan(corpus, q)
        scan_latencies.append((time.perf_counter() - t) * 1000)

    changed = folder / "000" / "article-00007.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "فقرة أضيفت للاختبار.\n", encoding="utf-8"
    )
    os.utime(changed, ns=(time.time_ns(), time.time_ns()))
    t = time.perf_counter()
    again = index.update([folder])
    reindex = time.perf_counter() - t
    assert again.updated == 1 and again.added == 0, again
    assert index.search('"فقرة أضيفت للاختبار"')[0].path == changed
    index.close()

    articles = f"{count} articles, {mb:.1f} MB"
    p95 = _percentile(latencies, 0.95)
    return [
        *find_in_large_article(quick),
        Result(
            "search index build",
            build,
            "s",
            load_scan,
            f"{articles}; baseline: read, parse and fold them for a plain scan",
        ),
        Result("search index build rate", mb / build, "MB/s", None, articles),
        Result("search index size", size, "MB", mb, "baseline: library size"),
        Result(
            "search query median",
            statistics.median(latencies),
            "ms",
            statistics.median(scan_latencies),
            f"baseline: in-memory scan; {hits}/100 hit",
        ),
        Result(
            "search query p95",
            p95,
            "ms",
            _percentile(scan_latencies, 0.95),
            f"target ≤ 50 ms: {_verdict(p95 <= 50)}; baseline: in-memory scan",
        ),
        Result(
            "search re-index one changed file",
            reindex,
            "s",
            None,
            f"target ≤ 0.2 s: {_verdict(reindex <= 0.2)}; checks {count} files for changes",
        ),
    ]
