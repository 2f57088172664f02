"""The library index: build, search, incremental update, damage, threads, odd folders."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

import reader.search.index as index_module
from reader.model import load_article
from reader.search import (
    HEADING,
    IndexNotReadyError,
    IndexUnavailableError,
    LibraryIndex,
    SearchResult,
    UpdateProgress,
    default_index_path,
    fold,
    scan_library,
)

BORDER = (
    "الحدود العراقية",
    [
        "أعلنت قيادة قوات الحدود العراقية في ٧ مارس ٢٠٢٥ عن استقرارٍ أمنيٍّ كامل على الحدود.",
        "وتواصل القوات نشر الدوريات على مدار الساعة لتعزيز الأَمْنِ في المنطقة.",
    ],
)
ECONOMY = (
    "التبادل التجاري",
    ["يشهد البلدان نمواً في التبادل التجاري وفتح المعابر أمام الشاحنات والبضائع."],
)
CULTURE = (
    "مهرجان الشعر",
    ["افتتح مهرجان الشعر العربي دورته الجديدة بحضور شعراء من بلدان عدة."],
)


def write_article(path: Path, title: str, *sections: tuple[str, list[str]]) -> Path:
    lines = [title]
    for heading, paragraphs in sections:
        lines.append(heading)
        lines.extend(paragraphs)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    write_article(root / "border.txt", "أخبار الحدود", BORDER, ECONOMY)
    write_article(root / "culture" / "festival.txt", "أخبار الثقافة", CULTURE)
    write_article(root / "trade.txt", "أخبار الاقتصاد", ECONOMY)
    return root


@pytest.fixture
def index(tmp_path: Path) -> LibraryIndex:
    idx = LibraryIndex(tmp_path / "cache" / "index.sqlite3")
    yield idx
    idx.close()


def _names(results: list[SearchResult]) -> list[str]:
    return [r.path.name for r in results]


def test_build_then_search_finds_folded_words_and_shows_original_text(
    library: Path, index: LibraryIndex
) -> None:
    report = index.update([library])
    assert (report.added, report.failed, report.rebuilt) == (3, [], False)
    [hit] = index.search("استقرار امني")
    assert hit.path == library / "border.txt"
    assert hit.title == "أخبار الحدود"
    assert hit.heading == "الحدود العراقية"
    marked = hit.snippet.marked("[", "]")
    assert "[استقرارٍ] [أمنيٍّ]" in marked  # original spelling, harakat inside the highlight
    for start, end in hit.snippet.highlights:
        assert fold(hit.snippet.text[start:end]) in {"استقرار", "امني"}


def test_digits_and_hamza_spellings_match(library: Path, index: LibraryIndex) -> None:
    index.update([library])
    [hit] = index.search("2025")
    assert "⟦٢٠٢٥⟧" in hit.snippet.marked()
    assert _names(index.search("الامن")) == ["border.txt"]  # written الأَمْنِ


def test_result_match_points_at_the_words_in_the_article(
    library: Path, index: LibraryIndex
) -> None:
    index.update([library])
    [hit] = index.search("الدوريات")
    assert hit.match is not None and hit.section_id is not None
    article = load_article(hit.path)
    section = article.sections[hit.match.section_id or 0]
    assert section.heading == "الحدود العراقية"
    block = section.blocks[hit.match.block].text
    assert block[hit.match.start : hit.match.end] == "الدوريات"


def test_all_words_must_match(library: Path, index: LibraryIndex) -> None:
    index.update([library])
    assert sorted(_names(index.search("التبادل"))) == ["border.txt", "trade.txt"]
    assert _names(index.search("التبادل الدوريات")) == []
    assert _names(index.search("الحدود التجاري")) == ["border.txt"]  # title + body


def test_phrases_and_prefixes(library: Path, index: LibraryIndex) -> None:
    index.update([library])
    assert _names(index.search('"مهرجان الشعر"')) == ["festival.txt"]
    assert _names(index.search('"الشعر مهرجان"')) == []
    assert _names(index.search("مهرج*")) == ["festival.txt"]
    assert _names(index.search("مهرج")) == []


def test_attached_prefixes_are_found(library: Path, index: LibraryIndex) -> None:
    index.update([library])
    # "والبضائع" is written with و + ال attached.
    assert sorted(_names(index.search("بضائع"))) == ["border.txt", "trade.txt"]


def test_heading_matches_rank_above_body_matches(tmp_path: Path, index: LibraryIndex) -> None:
    root = tmp_path / "lib"
    write_article(root / "a.txt", "مقال أول", ("أخبار عامة", ["تحدث الوزير عن الزراعة والمياه."]))
    write_article(root / "b.txt", "مقال ثان", ("الزراعة", ["تحدث الوزير عن خطط جديدة للري."]))
    index.update([root])
    results = index.search("الزراعة")
    assert _names(results) == ["b.txt", "a.txt"]
    assert results[0].score > results[1].score
    assert results[0].match is not None and results[0].match.block == HEADING


def test_incremental_update_adds_changes_and_drops(library: Path, index: LibraryIndex) -> None:
    index.update([library])
    again = index.update([library])
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 3)

    trade = library / "trade.txt"
    write_article(trade, "أخبار الزراعة", ("الحصاد", ["بدأ موسم حصاد القمح في السهول."]))
    os.utime(trade, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    write_article(library / "new.md", "مقال جديد", ("قسم", ["نص عن الطاقة الشمسية."]))
    (library / "culture" / "festival.txt").unlink()
    report = index.update([library])
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, 1)
    assert _names(index.search("القمح")) == ["trade.txt"]
    assert _names(index.search("التبادل")) == ["border.txt"]  # trade.txt's old text is gone
    assert index.search("مهرجان") == []


def test_garbage_in_the_index_file_is_rebuilt(library: Path, index: LibraryIndex) -> None:
    index.update([library])
    index.close()
    index.path.write_bytes(b"this is not an sqlite database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{index.path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(IndexNotReadyError):  # a clear error, not sqlite3.DatabaseError
        index.search("الحدود")
    report = index.update([library])
    assert report.added == 3
    assert _names(index.search("مهرجان")) == ["festival.txt"]


def test_garbage_index_then_update_then_search(library: Path, tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(os.urandom(8192))
    idx = LibraryIndex(path)
    report = idx.update([library])
    assert report.rebuilt and report.added == 3
    assert _names(idx.search("مهرجان")) == ["festival.txt"]
    idx.close()


def test_missing_index_is_built_and_search_before_build_is_a_clear_error(
    library: Path, index: LibraryIndex
) -> None:
    with pytest.raises(IndexNotReadyError) as info:
        index.search("الحدود")
    assert "not been built" in info.value.english
    index.update([library])
    index.close()
    index.path.unlink()
    Path(f"{index.path}-wal").unlink(missing_ok=True)
    assert index.update([library]).added == 3


def test_index_from_another_folding_version_is_rebuilt(library: Path, index: LibraryIndex) -> None:
    index.update([library])
    conn = sqlite3.connect(index.path)
    conn.execute("UPDATE meta SET value='0' WHERE key='fold'")
    conn.commit()
    conn.close()
    report = index.update([library])
    assert report.rebuilt and report.added == 3


def test_progress_is_reported(library: Path, index: LibraryIndex) -> None:
    seen: list[UpdateProgress] = []
    index.update([library], progress=seen.append)
    phases = [p.phase for p in seen]
    assert phases[0] == "scan" and phases[-1] == "done"
    steps = [p for p in seen if p.phase == "index"]
    assert [p.done for p in steps] == [0, 1, 2]
    assert {p.total for p in steps} == {3}
    assert all(p.path is not None and p.path.suffix == ".txt" for p in steps)


def test_cancel_keeps_what_was_done(library: Path, index: LibraryIndex) -> None:
    calls = iter([False, True])
    report = index.update([library], cancel=lambda: next(calls, True))
    assert report.cancelled and report.added == 1
    assert index.update([library]).added == 2


def test_unreadable_files_are_skipped_and_reported(library: Path, index: LibraryIndex) -> None:
    (library / "empty.txt").write_text("  \n", encoding="utf-8")
    (library / "binary.html").write_bytes(b"\x00\x01\x02" * 50)
    report = index.update([library])
    assert report.added == 5
    assert sorted(p.name for p, _ in report.failed) == ["binary.html", "empty.txt"]
    assert all(reason for _, reason in report.failed)
    assert _names(index.search("مهرجان")) == ["festival.txt"]
    assert len(index.failed_files()) == 2
    assert index.update([library]).failed == []  # not retried until they change


def test_a_parser_crash_is_reported_not_raised(
    library: Path, index: LibraryIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = index_module.load_article

    def flaky(path: Path) -> object:
        if Path(path).name == "trade.txt":
            raise RuntimeError("parser bug")
        return real(path)

    monkeypatch.setattr(index_module, "load_article", flaky)
    report = index.update([library])
    assert [(p.name, r) for p, r in report.failed] == [("trade.txt", "RuntimeError: parser bug")]
    assert _names(index.search("مهرجان")) == ["festival.txt"]


def test_scan_picks_article_files_recursively_once(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    for name in ["a.txt", "b.md", "c.markdown", "d.html", "e.HTM", "sub/deep/f.txt"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    for name in ["g.pdf", "h.docx", ".hidden/i.txt", ".j.txt"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)  # a loop
    (root / "link.txt").symlink_to(root / "a.txt")  # the same file twice
    names = sorted(f.path.relative_to(root).as_posix() for f in scan_library([root, root]))
    assert names == ["a.txt", "b.md", "c.markdown", "d.html", "e.HTM", "sub/deep/f.txt"]


def test_roots_filter_and_forgetting_a_folder(tmp_path: Path, index: LibraryIndex) -> None:
    one = write_article(tmp_path / "one" / "a.txt", "أ", ("قسم", ["نص عن القمح."])).parent
    two = write_article(tmp_path / "two" / "b.txt", "ب", ("قسم", ["نص آخر عن القمح."])).parent
    index.update([one])
    index.update([two])  # another root: the first one's files stay
    assert sorted(_names(index.search("القمح"))) == ["a.txt", "b.txt"]
    assert _names(index.search("القمح", roots=[two])) == ["b.txt"]
    assert index.forget_other_roots([two]) == 1
    assert _names(index.search("القمح")) == ["b.txt"]


def test_update_in_a_worker_thread_while_searching(tmp_path: Path, index: LibraryIndex) -> None:
    root = tmp_path / "big"
    for i in range(60):
        write_article(root / f"{i:03}.txt", f"مقال {i}", BORDER, CULTURE)
    index.update([tmp_path / "nothing-yet"])  # an empty, ready index
    errors: list[BaseException] = []

    def work() -> None:
        try:
            index.update([root])
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)
        finally:
            index.close()

    worker = threading.Thread(target=work)
    worker.start()
    counts = []
    while worker.is_alive():
        counts.append(len(index.search("مهرجان", limit=100, per_article=1)))
        time.sleep(0.01)
    worker.join()
    assert errors == []
    assert len(index.search("مهرجان", limit=100, per_article=1)) == 60
    assert counts == sorted(counts)


def test_default_index_is_in_the_user_cache_folder() -> None:
    path = default_index_path()
    assert path.name == "library-index.sqlite3"
    assert path.is_relative_to(Path(os.environ["XDG_CACHE_HOME"]))
    assert "qari" in path.parts


def test_no_fts5_is_a_clear_error(
    library: Path, index: LibraryIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "fts5_available", lambda: False)
    with pytest.raises(IndexUnavailableError) as info:
        index.update([library])
    assert "FTS5" in info.value.english


def test_an_index_that_cannot_be_written_is_a_clear_error(tmp_path: Path, library: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    idx = LibraryIndex(blocker / "index.sqlite3")
    with pytest.raises(IndexUnavailableError) as info:
        idx.update([library])
    assert "Cannot open the library index" in info.value.english


def test_a_file_found_from_another_folder_is_searchable_from_it(
    library: Path, index: LibraryIndex
) -> None:
    # First indexed as a library of one file, then as part of its folder.
    index.update([library / "trade.txt"])
    index.update([library])
    assert sorted(_names(index.search("التبادل", roots=[library]))) == ["border.txt", "trade.txt"]


def test_leaving_out_forms_found_nowhere_changes_no_score(
    library: Path, index: LibraryIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    index.update([library])
    queries = ["أمني", "التجاري المعابر", "الحدود العراقية قوات", "الشعر", "تعز*"]
    filtered = [[(r.path, r.section_id, r.score) for r in index.search(q)] for q in queries]
    expressions: list[str] = []
    real = index_module.LibraryQuery.fts_expression

    def unfiltered(self: index_module.LibraryQuery, indexed: object = None) -> str:
        expressions.append(real(self))
        return expressions[-1]

    monkeypatch.setattr(index_module.LibraryQuery, "fts_expression", unfiltered)
    plain = [[(r.path, r.section_id, r.score) for r in index.search(q)] for q in queries]
    assert filtered == plain and all(filtered)
    assert len(expressions) == len(queries)
