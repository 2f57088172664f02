"""File > Print, Print Preview, Page Setup and Export PDF from the window.

Dialogs never block: the file dialog is patched, modal dialogs have ``exec`` patched, and the
print dialog's "print to file" choice is made on the printer it would have set up.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from reader.export import PdfOptions, typeset
from reader.model import load_article
from reader.ui import printing
from reader.ui import settings as keys
from reader.ui.i18n import number
from reader.ui.main_window import MainWindow
from reader.ui.page_setup_dialog import PageSetupDialog
from reader.ui.print_pages import PagePainter
from reader.ui.print_preview_dialog import PrintPreviewDialog

from ..unit.test_export_support import words
from .conftest import MakeWindow
from .helpers import pane_of

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="poppler's pdftotext is not installed")


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def save_as(monkeypatch: pytest.MonkeyPatch, dest: Path) -> list[str]:
    """Make the save dialog answer ``dest``; returns the suggested paths it was shown."""
    shown: list[str] = []

    def answer(parent: object, title: str, start: str, filters: str) -> tuple[str, str]:
        shown.append(start)
        return str(dest), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return shown


def wait_export(qtbot: QtBot, window: MainWindow, timeout: int = 60_000) -> None:
    qtbot.waitUntil(lambda: printing.active_export(window) is None, timeout=timeout)


def big_article(tmp_path: Path, sample_path: Path, copies: int = 60) -> Path:
    """The sample's sections many times over (about 200 pages)."""
    lines = sample_path.read_text(encoding="utf-8-sig").splitlines()
    body = [line for line in lines[2:] if line.strip() and "إقراء" not in line]
    text = "\n".join([lines[1], ""] + [f"{line} {i}" if len(line) < 60 else line
                                       for i in range(copies) for line in body])
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    return path


# -- no article -------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["print_article", "print_preview", "export_pdf"])
def test_no_article_gives_a_message_not_a_dialog(
    monkeypatch: pytest.MonkeyPatch, make: MakeWindow, action: str
) -> None:
    window = make()
    while window.tabs.count():  # the first run opens the sample article
        window.close_tab(0)
    assert window.current_pane() is None

    def no_dialog(*args: object, **kwargs: object) -> None:
        raise AssertionError("a dialog was opened without an article")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_dialog)
    for dialog in (QDialog, QPrintDialog, PrintPreviewDialog, QProgressDialog):
        monkeypatch.setattr(dialog, "exec", no_dialog)
    getattr(window, action)()
    assert window.message_bar.text() == "لا مقالة مفتوحة للطباعة أو التصدير. افتح مقالة أولًا."


# -- export through the window ------------------------------------------------------------


@needs_pdftotext
def test_export_pdf_writes_the_file_in_the_background_with_progress(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, make: MakeWindow, sample_path: Path,
    tmp_path: Path,
) -> None:
    window = make([sample_path])
    out = tmp_path / "out" / "exported"  # no .pdf: one is added
    out.parent.mkdir()
    shown = save_as(monkeypatch, out)
    progress: list[int] = []
    window.export_pdf()
    job = printing.active_export(window)
    assert job is not None and job.dialog is not None
    job.progressed.connect(lambda done, total: progress.append(done))
    wait_export(qtbot, window)
    pdf = out.with_name("exported.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert progress and progress == sorted(progress)
    # the dialog proposed the title as file name; the folder is remembered for next time
    article = pane_of(window).article
    assert article is not None
    assert Path(shown[0]).name == printing.suggested_filename(article)
    assert window.settings.get(keys.EXPORT_FOLDER) == str(out.parent)
    window.export_pdf()
    wait_export(qtbot, window)
    assert Path(shown[1]).parent == out.parent
    assert str(pdf) in window.message_bar.text() and window.message_bar.kind == "info"
    text = words(pdf_text(pdf))
    source = words(" ".join(b.text for s in article.sections for b in s.blocks))
    assert sum(w in set(text) for w in source) / len(source) > 0.99


def test_cancelled_export_leaves_an_existing_file_byte_identical(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, make: MakeWindow, sample_path: Path,
    tmp_path: Path,
) -> None:
    window = make([big_article(tmp_path, sample_path)])
    dest = tmp_path / "keep.pdf"
    dest.write_bytes(b"%PDF-1.4 the user's own file\n")
    before = dest.read_bytes()
    save_as(monkeypatch, dest)
    window.export_pdf()
    job = printing.active_export(window)
    assert job is not None and job.dialog is not None
    qtbot.waitUntil(lambda: job.last_progress[0] > 0, timeout=30_000)
    cancel = job.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "إلغاء"
    cancel.click()
    wait_export(qtbot, window)
    assert dest.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "keep.pdf", "qari.ini"]
    assert window.message_bar.text() == "أُلغي التصدير ولم يُكتب أي ملف."


def test_export_error_is_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, make: MakeWindow, sample_path: Path,
    tmp_path: Path,
) -> None:
    window = make([sample_path])
    save_as(monkeypatch, tmp_path / "no such folder" / "x.pdf")
    window.export_pdf()
    wait_export(qtbot, window)
    assert window.message_bar.kind == "error"
    assert window.message_bar.text().startswith("تعذّر التصدير: المجلد غير موجود")
    assert "Traceback" not in window.message_bar.text()


def test_window_answers_while_a_large_export_runs(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, make: MakeWindow, sample_path: Path,
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer

    window = make([big_article(tmp_path, sample_path, copies=120)])
    save_as(monkeypatch, tmp_path / "big.pdf")
    window.export_pdf()
    job = printing.active_export(window)
    assert job is not None
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()

    def tick() -> None:
        gaps.append(clock.restart())

    timer = QTimer()
    timer.timeout.connect(tick)
    total = QElapsedTimer()
    total.start()
    timer.start(20)
    wait_export(qtbot, window)
    timer.stop()
    elapsed = total.elapsed()
    assert (tmp_path / "big.pdf").exists()
    # The event loop kept running all along (an export in the window's thread would be one
    # gap as long as the export). Absolute gaps depend on the machine's load, so the bound
    # is relative to the export's own duration.
    assert len(gaps) > 10
    assert max(gaps[1:]) < elapsed / 3, (elapsed, gaps)


# -- print to PDF through the print dialog -----------------------------------------------


@needs_pdftotext
def test_print_to_pdf_in_the_print_dialog_gives_the_export_pdf(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, make: MakeWindow, sample_path: Path,
    tmp_path: Path,
) -> None:
    window = make([sample_path])
    printed, exported = tmp_path / "printed.pdf", tmp_path / "exported.pdf"

    def user_picks_print_to_file(dialog: QDialog) -> int:
        printer = dialog.printer()  # type: ignore[attr-defined]
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr("reader.ui.printing.QPrintDialog.exec", user_picks_print_to_file)
    window.print_article()
    wait_export(qtbot, window)
    save_as(monkeypatch, exported)
    window.export_pdf()
    wait_export(qtbot, window)
    printed_text, exported_text = pdf_text(printed), pdf_text(exported)
    assert len(words(printed_text)) > 500
    assert printed_text == exported_text  # same engine, same text layer, not Qt's PDF


# -- page setup ---------------------------------------------------------------------------


def test_page_setup_is_remembered_by_a_new_window_and_used_by_export(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, make: MakeWindow, sample_path: Path,
    tmp_path: Path,
) -> None:
    window = make([sample_path])

    def choose_letter_landscape(dialog: PageSetupDialog) -> int:
        assert dialog.paper.currentData() == "a4"  # the default
        dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
        dialog.orientation.setCurrentIndex(dialog.orientation.findData("landscape"))
        dialog.margins["top"].setValue(30)
        assert dialog.harakat.isChecked()  # harakat printed by default
        dialog.harakat.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PageSetupDialog, "exec", choose_letter_landscape)
    window.page_setup()
    window.settings.sync()
    window.close()

    again = make([sample_path])
    options = printing.current_options(again)
    assert (options.paper, options.orientation, options.margins.top) == ("letter", "landscape",
                                                                        30)
    assert options.harakat is False
    save_as(monkeypatch, tmp_path / "letter.pdf")
    again.export_pdf()
    wait_export(qtbot, again)
    data = (tmp_path / "letter.pdf").read_bytes()
    assert b"/MediaBox [0 0 792" in data  # 11 in wide, 8.5 in high: Letter, landscape


def test_page_setup_refuses_margins_that_leave_no_room(make: MakeWindow) -> None:
    window = make(show=False)
    dialog = PageSetupDialog(PdfOptions(), "ar", window)
    dialog.margins["left"].setValue(90)
    dialog.margins["right"].setValue(90)
    assert dialog.options() is None
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert dialog.problem.text() == "الهوامش لا تترك مكانًا كافيًا للنص."
    dialog.margins["left"].setValue(20)
    assert dialog.options() is not None and not dialog.problem.isVisibleTo(dialog)


# -- preview ------------------------------------------------------------------------------


def open_preview(window: MainWindow, qtbot: QtBot) -> PrintPreviewDialog:
    dialog = printing.make_preview(window)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.page_count() > 0)
    return dialog


def test_preview_shows_the_articles_pages_right_to_left(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    dialog = open_preview(window, qtbot)
    expected = len(typeset(load_article(sample_path)).pages)
    assert expected > 1
    assert dialog.page_count() == expected
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.page_label.text() == f"صفحة ١ من {number(expected, 'ar')}"
    dialog.go_to(2)
    assert dialog.view.current_page() == 2
    assert dialog.page_label.text() == f"صفحة ٢ من {number(expected, 'ar')}"
    before = dialog.view.zoom()
    dialog.view.zoom_in()
    assert dialog.view.zoom() > before and dialog.view.current_page() == 2
    dialog.close()


def test_preview_menu_action_opens_the_dialog(
    monkeypatch: pytest.MonkeyPatch, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    seen: list[int] = []
    monkeypatch.setattr(PrintPreviewDialog, "exec",
                        lambda self: seen.append(self.doc.pages[-1].number) or 0)
    window.print_preview()
    assert seen and seen[0] > 1


# -- printed pages ----------------------------------------------------------------------


def ink(image_pixel: Callable[[int, int], int], width: int, height: int) -> tuple[int, int]:
    """(dark pixels, light pixels) sampled over the page."""
    dark = light = 0
    for y in range(0, height, 3):
        for x in range(0, width, 3):
            gray = image_pixel(x, y)
            if gray < 80:
                dark += 1
            elif gray > 245:
                light += 1
    return dark, light


def test_printed_pages_are_dark_on_white_in_the_dark_theme(
    make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    window.use_dark_theme()
    doc = typeset(pane_of(window).article or load_article(sample_path),
                  printing.current_options(window))
    image = PagePainter(doc).image(doc.pages[1], dpi=60)
    w, h = image.width(), image.height()
    dark, light = ink(lambda x, y: image.pixelColor(x, y).lightness(), w, h)
    samples = len(range(0, h, 3)) * len(range(0, w, 3))
    assert light > 0.8 * samples  # white paper
    assert dark > 0.01 * samples  # dark text
    colours = {image.pixelColor(x, y).name() for y in range(0, h, 5) for x in range(0, w, 5)}
    assert all(c[1:3] == c[3:5] == c[5:7] for c in colours)  # grays only: no theme tint


def test_the_print_dialogs_page_range_and_order_are_followed(make: MakeWindow,
                                                             sample_path: Path) -> None:
    from reader.ui.print_pages import pages_to_print

    make(show=False)
    doc = typeset(load_article(sample_path))
    printer = QPrinter()
    assert [p.number for p in pages_to_print(printer, doc)] == [p.number for p in doc.pages]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert [p.number for p in pages_to_print(printer, doc)] == [3, 2]


def test_closing_the_window_stops_its_export(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, make: MakeWindow, sample_path: Path,
    tmp_path: Path,
) -> None:
    window = make([big_article(tmp_path, sample_path)])
    save_as(monkeypatch, tmp_path / "late.pdf")
    window.export_pdf()
    job = printing.active_export(window)
    assert job is not None
    window.persist = False
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: job.is_cancelled(), timeout=5000)
    assert job.wait(30)
    assert printing.active_export(window) is None
    assert not (tmp_path / "late.pdf").exists()


def test_page_numbers_follow_the_interface_language(tmp_path: Path) -> None:
    from reader.ui.page_setup_dialog import page_options
    from reader.ui.settings import Settings

    settings = Settings.open(tmp_path / "s.ini")
    assert page_options(settings, "ar").ui_language == "ar"
    assert page_options(settings, "en").ui_language == "en"
    settings.set(keys.PAGE_MARGINS, [100.0, 100.0, 100.0, 100.0])  # no room: the defaults
    assert page_options(settings, "ar") == PdfOptions()
