"""``qari outline``: the section tree on stdout, clear one-line errors on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .test_model_sample import HEADINGS


def qari(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env,
        timeout=60,
    )


def test_outline_json_shape(sample_path: Path) -> None:
    proc = qari("outline", str(sample_path), "--json")
    assert proc.returncode == 0, proc.stderr
    assert "\\u0" not in proc.stdout  # not ASCII-escaped
    data = json.loads(proc.stdout)
    assert set(data) == {"title", "format", "encoding", "sections", "boilerplate", "words"}
    assert data["format"] == "text" and data["encoding"] == "utf-8"
    assert [s["heading"] for s in data["sections"]] == HEADINGS
    assert [len(s["paragraphs"]) for s in data["sections"]] == [1, 2, 2, 1, 2, 2, 1, 2]
    assert all(set(s) == {"heading", "level", "paragraphs"} for s in data["sections"])
    assert data["boilerplate"] == ["إقراء ايضا:"]
    assert 700 < data["words"] < 900


def test_outline_text_is_an_indented_tree(sample_path: Path) -> None:
    proc = qari("outline", str(sample_path))
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("استقرار أمني")
    assert [ln.strip().split("  [")[0].removeprefix("- ") for ln in lines[1:]] == HEADINGS


@pytest.mark.parametrize(
    "content",
    [None, b"", b"   \n\t\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", bytes(range(256))],
    ids=["missing", "empty", "whitespace", "png", "binary"],
)
def test_outline_bad_input_is_one_line_exit_2(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    proc = qari("outline", str(path))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("qari: ")


def test_outline_directory_and_usage_errors(tmp_path: Path) -> None:
    proc = qari("outline", str(tmp_path))
    assert proc.returncode == 2 and "folder" in proc.stderr
    proc = qari("outline")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    from reader.model import MAX_FILE_BYTES

    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: no disk or memory used
        f.truncate(MAX_FILE_BYTES + 1)
    proc = qari("outline", str(big))
    assert proc.returncode == 2
    assert "limit" in proc.stderr
