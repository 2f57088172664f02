"""``qari search``: JSON shape, exit codes, one-line errors, and a damaged index."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

from .test_search_index import BORDER, CULTURE, ECONOMY, write_article


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    write_article(root / "border.txt", "أخبار الحدود", BORDER, ECONOMY)
    write_article(root / "festival.txt", "أخبار الثقافة", CULTURE)
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["search", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape_best_first(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path
) -> None:
    index = str(tmp_path / "i.sqlite3")
    code, out, err = run(capsys, "التجاري", "--library", str(library), "--index", index, "--json")
    assert code == 0, err
    assert "\\u0" not in out  # UTF-8, not ASCII escapes
    data = json.loads(out)
    assert data and all(set(r) == {"path", "title", "section", "snippet", "score"} for r in data)
    assert all(isinstance(r["score"], float) for r in data)
    assert [r["score"] for r in data] == sorted((r["score"] for r in data), reverse=True)
    first = data[0]
    assert first["path"] == str(library / "border.txt")
    assert first["title"] == "أخبار الحدود"
    assert first["section"] == "التبادل التجاري"
    assert "⟦التجاري⟧" in first["snippet"]


def test_section_is_null_for_text_before_any_heading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "lib"
    (root).mkdir()
    (root / "lead.txt").write_text(
        "عنوان المقال\nفقرة أولى بلا عنوان قسم عن الطاقة الشمسية.\n", encoding="utf-8"
    )
    code, out, err = run(
        capsys, "الشمسيه", "--library", str(root), "--index", str(tmp_path / "i"), "--json"
    )
    assert code == 0, err
    assert json.loads(out)[0]["section"] is None


def test_no_result_exits_1(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path
) -> None:
    index = str(tmp_path / "i.sqlite3")
    code, out, _ = run(capsys, "غواصة", "--library", str(library), "--index", index, "--json")
    assert code == 1
    assert json.loads(out) == []
    code, out, _ = run(capsys, "غواصة", "--library", str(library), "--index", index)
    assert (code, out) == (1, "")


@pytest.mark.parametrize("query", ['"', "؟!", "*"])
def test_a_query_without_words_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path, query: str
) -> None:
    code, out, err = run(capsys, query, "--library", str(library), "--index", str(tmp_path / "i"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("qari: ") and "no word" in err


def test_missing_library_folder_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "x", "--library", str(tmp_path / "nope"), "--index", str(tmp_path / "i")
    )
    assert code == 2 and "No such folder" in err and err.count("\n") == 1


def test_text_mode_lists_title_heading_path_and_snippet(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "مهرجان", "--library", str(library), "--index", str(tmp_path / "i"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "1. أخبار الثقافة — مهرجان الشعر"
    assert str(library / "festival.txt") in lines[1]
    assert "⟦مهرجان⟧" in lines[2]


def test_one_article_library_scores_tell_results_apart(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """In a one-article library every bm25 score is near 1e-6: the JSON keeps them distinct
    (not rounded to 0.000001) and the text shows a relevance relative to the best result."""
    index = str(tmp_path / "i")
    code, out, _ = run(capsys, "الامنية", "--index", index, "--json")
    scores = [r["score"] for r in json.loads(out)]
    assert code == 0 and len(scores) >= 3
    assert all(s > 0 for s in scores) and scores == sorted(scores, reverse=True)
    assert scores[0] > scores[-1]
    code, out, _ = run(capsys, "الامنية", "--index", index)
    relevances = [line.rsplit("[", 1)[1] for line in out.splitlines() if "[relevance" in line]
    assert relevances[0] == "relevance 100%]"
    assert relevances[-1] != "relevance 100%]"
    assert "0.000" not in out


def test_default_library_is_the_bundled_articles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "الامنية", "--index", str(tmp_path / "i"), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert {Path(r["path"]).name for r in data} == {"iraq-syria-border-security.txt"}
    assert all("⟦الأمنية⟧" in r["snippet"] for r in data)


def test_garbage_index_file_is_rebuilt_by_the_command(library: Path, tmp_path: Path) -> None:
    index = tmp_path / "cache" / "index.sqlite3"
    index.parent.mkdir()
    index.write_bytes(b"\x00garbage" * 1000)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "search",
            "مهرجان",
            "--library",
            str(library),
            "--index",
            str(index),
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)[0]["section"] == "مهرجان الشعر"


def test_an_index_that_cannot_be_written_exits_2(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(
        capsys, "مهرجان", "--library", str(library), "--index", str(blocker / "i.sqlite3")
    )
    assert code == 2 and err.count("\n") == 1 and "Cannot open the library index" in err
