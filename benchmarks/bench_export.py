"""PDF export: whole-process ``qari export`` against the usual converters, and long articles.

* The sample article, whole process (start-up, fonts, layout, PDF), median of several runs,
  against calibre's ``ebook-convert`` and ``libreoffice --headless --convert-to pdf`` measured
  in the same run when they are installed (nothing is installed here; a missing one is
  skipped and said so). Target (issue 4): faster than both.
* The ~2 MB article of :func:`benchmarks.harness.make_large_article` (the sample repeated):
  time and peak memory of the whole process. Target: ≤ 3 s and ≤ 400 MB.
* A ~2 MB article with a large vocabulary (a third of its words occur once, some sentences
  fully vocalised): the same figures when the per-word shaping cache helps much less.
* The text layer of the sample PDF, measured like ``tools/pdf_text_fidelity.py`` (recall and
  pair order), when poppler's ``pdftotext`` is installed.
"""

from __future__ import annotations

import itertools
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from .harness import OUT, SAMPLE, Result, make_large_article, python_cmd

_ROOT = Path(__file__).resolve().parent.parent
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_HARAKAT = "\u064e\u064f\u0650\u0652\u0651"


def qari_export(src: Path, dest: Path) -> list[str]:
    """The command line of a whole-process export."""
    return python_cmd("-m", "reader", "export", str(src), "-o", str(dest))


def measure(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one run of ``cmd``, measured by a fresh parent so
    that the peak is this command's own (``RUSAGE_CHILDREN`` keeps the largest child ever)."""
    wall, peak, _ = measure_cpu(cmd, cwd)
    return wall, peak


def measure_cpu(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, float]:
    """(wall seconds, peak RSS in MB, CPU seconds user + system) of one run of ``cmd``.
    On a machine shared with other work the CPU time is the steadier figure: wall time
    grows with the load, CPU time much less."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL,"
        " stderr=subprocess.DEVNULL)\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(time.perf_counter() - t, u.ru_maxrss / 1024, u.ru_utime + u.ru_stime)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], check=True, capture_output=True,
                         text=True, cwd=cwd or _ROOT).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


def median_wall(cmd: list[str], repeat: int, cwd: Path | None = None) -> float:
    return statistics.median(measure(cmd, cwd)[0] for _ in range(max(1, repeat)))


def make_varied_article(target_bytes: int, path: Path, seed: int = 7) -> Path:
    """A long article built from the sample's sentences with a third of their words
    replaced by made-up ones and one sentence in ten fully vocalised."""
    from reader.model import load_article

    rng = random.Random(seed)
    sample = load_article(SAMPLE)
    body = " ".join(b.text for s in sample.sections for b in s.blocks)
    sentences = [s.strip() + "." for s in re.split(r"[.،]\s+", body) if len(s.split()) >= 4]
    headings = [s.heading for s in sample.sections if s.heading]

    def word() -> str:
        return "".join(rng.choice(_LETTERS) for _ in range(rng.randint(3, 7)))

    def vocalise(s: str) -> str:
        return "".join(c + rng.choice(_HARAKAT) if "\u0621" <= c <= "\u064a"
                       and rng.random() < 0.6 else c for c in s)

    parts, size, n = [sample.title, ""], 0, 0
    while size < target_bytes:
        n += 1
        chunk = [f"{rng.choice(headings)} {word()} {n}"]
        for _ in range(rng.randint(1, 3)):
            picked = []
            for s in rng.sample(sentences, rng.randint(3, 6)):
                s = " ".join(word() if rng.random() < 0.3 else w for w in s.split())
                picked.append(vocalise(s) if rng.random() < 0.1 else s)
            chunk.append(" ".join(picked))
        text = "\n".join(chunk) + "\n"
        parts.append(text)
        size += len(text.encode("utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _baseline(name: str, cmd: list[str], repeat: int, qari_time: float,
              cwd: Path | None = None) -> Result:
    """One converter against qari: one untimed run first (profiles, caches), then medians."""
    try:
        measure(cmd, cwd)
        t = median_wall(cmd, repeat, cwd)
    except subprocess.CalledProcessError as err:
        return Result(name, qari_time, "s", None, f"the converter failed (exit {err.returncode})")
    return Result(name, qari_time, "s", t, "whole process; ratio < 1 means qari is faster")


def _baselines(repeat: int, qari_time: float) -> list[Result]:
    results = []
    work = Path(tempfile.mkdtemp(prefix="qari-bench-export-"))
    # calibre converts through Qt WebEngine: headless here, and Chromium's sandbox refuses
    # to start as root.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    try:
        name = "export sample: qari vs ebook-convert"
        ebook = shutil.which("ebook-convert")
        if ebook:
            cmd = [ebook, str(SAMPLE), str(work / "calibre.pdf")]
            results.append(_baseline(name, cmd, repeat, qari_time))
        else:
            results.append(Result(name, qari_time, "s", None,
                                  "ebook-convert not installed: skipped"))
        name = "export sample: qari vs libreoffice"
        office = shutil.which("libreoffice") or shutil.which("soffice")
        if office:
            cmd = [office, f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
                   "--headless", "--convert-to", "pdf", "--outdir", str(work), str(SAMPLE)]
            results.append(_baseline(name, cmd, repeat, qari_time, cwd=work))
        else:
            results.append(Result(name, qari_time, "s", None,
                                  "libreoffice not installed: skipped"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results


def _fidelity(pdf: Path) -> tuple[float, float] | None:
    """(recall, pair order) of the sample's words in the PDF's text layer."""
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    ignored = dict.fromkeys([*map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066"
                                       "\u2067\u2068\u2069\u061c\u0640\u0670"),
                             *range(0x064B, 0x0660)])

    def words(text: str) -> list[str]:
        return re.findall(r"\w+", unicodedata.normalize("NFKC", text).translate(ignored))

    src = words(SAMPLE.read_text(encoding="utf-8-sig"))
    out = words(subprocess.run([exe, "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                               text=True, check=True).stdout)
    found, pairs = set(out), set(itertools.pairwise(out))
    src_pairs = list(itertools.pairwise(src))
    return (sum(w in found for w in src) / len(src),
            sum(p in pairs for p in src_pairs) / len(src_pairs))


def run(quick: bool) -> list[Result]:
    OUT.mkdir(parents=True, exist_ok=True)
    repeat = 1 if quick else 5
    results: list[Result] = []

    sample_pdf = OUT / "export-sample.pdf"
    qari_time = median_wall(qari_export(SAMPLE, sample_pdf), repeat)
    if quick:
        results.append(Result("export sample (whole process)", qari_time, "s", None,
                              "quick run: converters not measured"))
    else:
        results += _baselines(3, qari_time)
    fid = _fidelity(sample_pdf)
    if fid is not None:
        results.append(Result("sample text layer: recall", fid[0], "share", None,
                              "target ≥ 0.99 (pdftotext)"))
        results.append(Result("sample text layer: pair order", fid[1], "share", None,
                              "target ≥ 0.98 (pdftotext)"))

    size = 100_000 if quick else 2_000_000
    label = "100 KB" if quick else "2 MB"
    for kind, make in (("repeated sample", make_large_article),
                       ("large vocabulary", make_varied_article)):
        src = make(size, OUT / f"export-{kind.replace(' ', '-')}-{size}.txt")
        dest = OUT / f"export-{kind.replace(' ', '-')}-{size}.pdf"
        wall, peak, cpu = measure_cpu(qari_export(src, dest))
        pages = _pages(dest)
        results.append(Result(f"export {label} article, {kind}: time", wall, "s", None,
                              f"{pages} pages; target ≤ 3 s"))
        results.append(Result(f"export {label} article, {kind}: CPU time", cpu, "s", None,
                              "user + system: the steadier figure when the machine is busy"))
        results.append(Result(f"export {label} article, {kind}: peak memory", peak, "MB", None,
                              "whole process; target ≤ 400 MB"))
    return results


def _pages(pdf: Path) -> int:
    """Page count from the PDF's page tree (no PDF library needed)."""
    data = pdf.read_bytes()
    counts = [int(m) for m in re.findall(rb"/Type /Pages[^>]*?/Count (\d+)", data)]
    counts += [int(m) for m in re.findall(rb"/Count (\d+)[^>]*?/Type /Pages", data)]
    return max(counts) if counts else -1

