"""``qari export``: PDFs from the command line, with no display; one-line errors, exit 2."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pypdf

from tests.conftest import DATA, ROOT, SAMPLE

from .test_export_support import pdftotext, words


def qari(*args: str, stderr: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "reader", "export", *args], stdout=subprocess.PIPE,
        stderr=stderr, text=True, env=env, timeout=120, cwd=ROOT,
    )


def _one_error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("qari: ")
    return lines[0]


def test_exports_one_article(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    proc = qari(str(SAMPLE), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and proc.stdout == ""  # no progress when stderr is not a terminal
    assert "الحدود" in words(pdftotext(out))


def test_output_dir_gives_one_pdf_per_article(tmp_path: Path) -> None:
    proc = qari(str(SAMPLE), str(DATA / "export_mixed.txt"), "--output-dir", str(tmp_path),
                "--paper", "letter", "--landscape", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "export_mixed.pdf", "iraq-syria-border-security.pdf"
    ]
    pdf = tmp_path / "export_mixed.pdf"
    box = pypdf.PdfReader(pdf).pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape letter
    assert round(float(box.height)) == 612
    assert "Page 1 of 1" in pdftotext(pdf)


def test_progress_on_a_terminal(tmp_path: Path) -> None:
    primary, secondary = pty.openpty()
    try:
        proc = qari(str(SAMPLE), "-o", str(tmp_path / "a.pdf"), stderr=secondary)
        os.close(secondary)
        secondary = -1
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # EIO: the child side is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(primary)
        if secondary >= 0:
            os.close(secondary)
    assert proc.returncode == 0
    shown = b"".join(chunks).decode()
    assert "iraq-syria-border-security.txt:" in shown and "%" in shown


def test_o_with_several_files_is_an_error(tmp_path: Path) -> None:
    line = _one_error_line(qari(str(SAMPLE), str(SAMPLE), "-o", str(tmp_path / "x.pdf")))
    assert "--output-dir" in line
    assert list(tmp_path.iterdir()) == []


def test_missing_input(tmp_path: Path) -> None:
    line = _one_error_line(qari(str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.pdf")))
    assert "nope.txt" in line


def test_binary_input(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    _one_error_line(qari(str(junk), "-o", str(tmp_path / "x.pdf")))
    assert not (tmp_path / "x.pdf").exists()


def test_unwritable_output(tmp_path: Path) -> None:
    line = _one_error_line(qari(str(SAMPLE), "-o", str(tmp_path / "no" / "dir" / "x.pdf")))
    assert "does not exist" in line
    line = _one_error_line(qari(str(SAMPLE), "-o", str(tmp_path)))
    assert "folder" in line


def test_missing_output_dir(tmp_path: Path) -> None:
    _one_error_line(qari(str(SAMPLE), "--output-dir", str(tmp_path / "nope")))


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    _one_error_line(qari(str(SAMPLE)))  # neither -o nor --output-dir
    _one_error_line(qari(str(SAMPLE), "-o", str(tmp_path / "x.pdf"), "--paper", "a3"))


def test_same_stem_twice_is_an_error(tmp_path: Path) -> None:
    other = tmp_path / "src"
    other.mkdir()
    twin = other / SAMPLE.name
    twin.write_bytes(SAMPLE.read_bytes())
    _one_error_line(qari(str(SAMPLE), str(twin), "--output-dir", str(tmp_path)))


def test_characters_without_glyph_give_one_warning_line(tmp_path: Path) -> None:
    src = tmp_path / "emoji.txt"
    src.write_text("عنوان المقالة\nفقرة فيها رمز 😀 وكلمة أخرى بعده في النص.\n", encoding="utf-8")
    proc = qari(str(src), "-o", str(tmp_path / "e.pdf"))
    assert proc.returncode == 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "warning: 1 character(s) without a glyph" in lines[0]
    assert (tmp_path / "e.pdf").exists()
