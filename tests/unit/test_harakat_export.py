"""Harakat left out of print and PDF only when asked (issue 6): the article keeps them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.export import PdfOptions, export_pdf
from reader.model import parse_bytes
from reader.model.harakat import HARAKAT, without_harakat

ROOT = Path(__file__).resolve().parent.parent.parent
VOCALISED = "مُحَمَّدٌ رَسُولُ"


def test_without_harakat_strips_every_text_and_keeps_markup_on_the_same_words() -> None:
    md = f"# عنوانٌ\n\n## قِسْمٌ\n\nنصٌّ فيه **{VOCALISED}** ثم [رابطٌ](https://example.com).\n"
    article = parse_bytes(md.encode(), Path("a.md"))
    bare = without_harakat(article)
    assert not HARAKAT.search(" ".join(bare.iter_text()))
    assert HARAKAT.search(" ".join(article.iter_text()))  # the article is unchanged
    block = bare.sections[-1].blocks[0]
    marked = {block.text[s.start:s.end] for s in block.spans}
    assert marked == {"محمد رسول", "رابط"}
    assert bare.sections[-1].heading == "قسم"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_export_keeps_harakat_unless_told_and_the_cli_flag(tmp_path: Path) -> None:
    src = tmp_path / "vocalised.txt"
    src.write_text(f"عنوانٌ\n\n{VOCALISED} في نصٍّ مشكولٍ.\n", encoding="utf-8")
    article = parse_bytes(src.read_bytes(), src)

    def text_of(pdf: Path) -> str:
        return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout

    export_pdf(article, tmp_path / "with.pdf", PdfOptions())
    export_pdf(article, tmp_path / "without.pdf", PdfOptions(harakat=False))
    assert HARAKAT.search(text_of(tmp_path / "with.pdf"))
    plain = text_of(tmp_path / "without.pdf")
    assert not HARAKAT.search(plain) and "محمد" in plain
    out = subprocess.run([sys.executable, "-m", "reader", "export", str(src), "--no-harakat",
                          "-o", str(tmp_path / "cli.pdf")], cwd=ROOT, capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stderr
    assert not HARAKAT.search(text_of(tmp_path / "cli.pdf"))
