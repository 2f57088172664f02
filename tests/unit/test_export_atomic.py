"""Writing the PDF: atomically, with clear errors, progress and cancellation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.export import PROGRESS_TOTAL, ExportCancelled, ExportError, export_pdf
from reader.model import Article, ArticleError, load_article

OLD = b"%PDF-1.4 an older export that must survive a failed one\n"


@pytest.fixture(scope="module")
def article() -> Article:
    from tests.conftest import SAMPLE

    return load_article(SAMPLE)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_writes_a_pdf(tmp_path: Path, article: Article) -> None:
    out = tmp_path / "a.pdf"
    report = export_pdf(article, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert report.size_bytes == len(data) and report.path == out and report.pages >= 2
    assert report.missing_glyphs == 0
    assert _leftovers(tmp_path) == []


def test_replaces_an_existing_file(tmp_path: Path, article: Article) -> None:
    out = tmp_path / "a.pdf"
    out.write_bytes(OLD)
    export_pdf(article, out)
    assert out.read_bytes().startswith(b"%PDF-") and out.read_bytes() != OLD


def test_failed_rename_keeps_the_existing_file(
    tmp_path: Path, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "a.pdf"
    out.write_bytes(OLD)

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ExportError) as info:
        export_pdf(article, out)
    assert "No space left on device" in str(info.value)
    assert info.value.arabic and info.value.english
    assert out.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_failed_write_keeps_the_existing_file(
    tmp_path: Path, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "a.pdf"
    out.write_bytes(OLD)

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ExportError):
        export_pdf(article, out)
    assert out.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_missing_folder_is_a_clear_error(tmp_path: Path, article: Article) -> None:
    with pytest.raises(ExportError) as info:
        export_pdf(article, tmp_path / "no" / "such" / "a.pdf")
    assert isinstance(info.value, ArticleError)
    assert "does not exist" in info.value.english and "غير موجود" in info.value.arabic


def test_folder_as_target_is_a_clear_error(tmp_path: Path, article: Article) -> None:
    with pytest.raises(ExportError, match="folder"):
        export_pdf(article, tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_folder_is_a_clear_error(tmp_path: Path, article: Article) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission"):
            export_pdf(article, folder / "a.pdf")
    finally:
        folder.chmod(0o700)


def test_unwritable_target_checked_before_the_work(
    tmp_path: Path, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No permission is reported at once, not after laying out the whole article."""
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    steps: list[int] = []
    with pytest.raises(ExportError, match="permission"):
        export_pdf(article, tmp_path / "a.pdf", progress=lambda d, t: steps.append(d))
    assert steps == []


def test_new_file_gets_the_usual_permissions(tmp_path: Path, article: Article) -> None:
    out = tmp_path / "a.pdf"
    export_pdf(article, out)
    umask = os.umask(0o022)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_progress_rises_to_the_total(tmp_path: Path, article: Article) -> None:
    seen: list[tuple[int, int]] = []
    export_pdf(article, tmp_path / "a.pdf", progress=lambda d, t: seen.append((d, t)))
    assert seen and all(t == PROGRESS_TOTAL for _, t in seen)
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == PROGRESS_TOTAL


@pytest.mark.parametrize("when", ["first", "middle", "last"])
def test_cancel_writes_nothing(tmp_path: Path, article: Article, when: str) -> None:
    polls = 0

    def count() -> bool:
        nonlocal polls
        polls += 1
        return False

    export_pdf(article, tmp_path / "probe.pdf", cancelled=count)
    assert polls >= 3
    after = {"first": 1, "middle": polls // 2, "last": polls}[when]
    out = tmp_path / "a.pdf"
    out.write_bytes(OLD)
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls >= after

    with pytest.raises(ExportCancelled):
        export_pdf(article, out, cancelled=cancelled)
    assert out.read_bytes() == OLD
    assert _leftovers(tmp_path) == []
