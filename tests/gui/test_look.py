"""Right-to-left layout, paragraph direction, reading-pane colours and the theme stylesheets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.model import Article, Block, BlockKind, Format, Section, Source
from reader.ui.reading_pane import ReadingPane
from reader.ui.themes import THEMES, ThemeManager

from .conftest import MakeWindow
from .helpers import pane_of


def test_tree_is_right_of_the_pane_and_the_window_is_rtl(
    make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    tree_x = window.tree.mapToGlobal(QPoint(0, 0)).x()
    pane_x = pane.mapToGlobal(QPoint(0, 0)).x()
    assert tree_x > pane_x
    assert tree_x > pane_x + pane.width() - 5  # beside it, not overlapping
    # Menus are mirrored too: the first menu sits at the right-hand end of the bar.
    bar = window.menuBar()
    first = bar.actionGeometry(bar.actions()[0])
    last = bar.actionGeometry(bar.actions()[-1])
    assert first.x() > last.x()


def test_every_paragraph_is_right_to_left_even_with_latin_or_digits_first(
    qtbot: QtBot,
) -> None:
    article = Article(
        title="Qt 6 في العربية",
        source=Source(None, Format.TEXT, "utf-8"),
        sections=[
            Section(0, "2025: عام جديد", 1, [
                Block(BlockKind.PARAGRAPH, "Qt 6 مكتبة للواجهات الرسومية."),
                Block(BlockKind.PARAGRAPH, "2025: سنة حافلة بالأحداث."),
                Block(BlockKind.LIST_ITEM, "PySide6 هو الربط الرسمي.", marker="-"),
                Block(BlockKind.QUOTE, "Hello قال الضيف."),
            ]),
        ],
    )  # fmt: skip
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show()
    pane.set_article(article)
    doc = pane.document()
    assert doc.defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    block = doc.begin()
    count = 0
    while block.isValid():
        if block.text().strip():
            assert block.textDirection() == Qt.LayoutDirection.RightToLeft, block.text()
            count += 1
        block = block.next()
    assert count == 6  # title, heading, 4 body blocks (no source line without a file)


def _ink(pane: ReadingPane) -> QImage:
    return pane.viewport().grab().toImage()


def _text_pixels(image: QImage, background: QColor) -> list[QColor]:
    """Pixels clearly different from the page background (the letters)."""
    found = []
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.lightness() - background.lightness()) > 100:
                found.append(c)
    return found


def _assert_page(pane: ReadingPane, dark_text: bool) -> None:
    palette = pane.palette()
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    if dark_text:
        assert text.lightness() < 50 and base.lightness() > 240
    else:
        assert text.lightness() > 190 and base.lightness() < 60
    assert text.hslSaturation() < 40  # neutral, not the theme's teal/blue accent
    ink = _text_pixels(_ink(pane), base)
    assert len(ink) > 200
    mean_light = sum(c.lightness() for c in ink) / len(ink)
    mean_sat = sum(c.hslSaturation() for c in ink) / len(ink)
    assert (mean_light < 80) if dark_text else (mean_light > 170)
    assert mean_sat < 40


def test_reading_pane_keeps_its_colours_across_theme_switches(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    _assert_page(pane, dark_text=True)
    window.use_dark_theme()
    qtbot.wait(10)
    _assert_page(pane, dark_text=False)
    window.use_light_theme()
    qtbot.wait(10)
    _assert_page(pane, dark_text=True)
    assert pane.font().family() == "Amiri"
    assert window.actions_by_name["theme_light"].isChecked()


def test_each_theme_stylesheet_is_built_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: QApplication
) -> None:
    import qt_material

    calls: list[str] = []
    real = qt_material.build_stylesheet

    def counting(*args: object, **kwargs: object) -> str:
        calls.append(str(kwargs.get("theme")))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(qt_material, "build_stylesheet", counting)
    before = qapp.styleSheet()
    try:
        manager = ThemeManager(qapp, tmp_path)
        for name in ["light", "dark", "light", "dark", "light"]:
            manager.apply(name)
        assert sorted(calls) == sorted([THEMES["light"].material_xml, THEMES["dark"].material_xml])
        # A second start-up reads both from the disk cache: no build at all.
        again = ThemeManager(qapp, tmp_path)
        again.apply("dark")
        again.apply("light")
        assert len(calls) == 2
        assert again.stylesheet("dark") == manager.stylesheet("dark")
    finally:
        qapp.setStyleSheet(before)


def test_rtl_stylesheet_mirrors_tree_branch_lines(tmp_path: Path, qapp: QApplication) -> None:
    manager = ThemeManager(qapp, tmp_path)
    sheet = manager.stylesheet("light")
    assert "icon:/" not in sheet  # every image has its own theme's absolute path
    rules = sheet[sheet.index("Qari: qt-material's tree branches"):]
    mirrored = [part.split('")')[0] for part in rules.split('url("')[1:]]
    assert len(mirrored) == 4
    for path in mirrored:
        assert "matrix(-1,0,0,1," in Path(path).read_text(encoding="utf-8")
    original = Path(mirrored[0].replace("/rtl/", "/"))
    assert original.is_file() and "matrix(-1,0,0,1," not in original.read_text(encoding="utf-8")


def _branch_ink(window, index, saturated: bool) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Coloured (arrow) or grey (line) pixels in the branch area right of an item, as the
    whole window paints them (what the screen shows)."""
    tree = window.tree
    rect = tree.visualRect(index)
    origin = tree.viewport().mapTo(window, rect.topLeft())
    image = window.grab().toImage()
    ratio = image.devicePixelRatio()
    points = []
    for dy in range(rect.height()):
        for dx in range(rect.width() + 1, rect.width() + tree.indentation()):
            c = image.pixelColor(int((origin.x() + dx) * ratio), int((origin.y() + dy) * ratio))
            if saturated and c.hslSaturation() > 120 and c.lightness() < 200:
                points.append((dx - rect.width(), dy))
            if not saturated and c.hslSaturation() < 30 and c.lightness() < 240:
                points.append((dx - rect.width(), dy))
    return points


def test_tree_branches_point_the_right_to_left_way(
    qtbot: QtBot, make: MakeWindow, data_dir: Path
) -> None:
    window = make([data_dir / "md_front_matter.md"])
    pane = pane_of(window)
    model = pane.section_model
    parent = next(sid for sid in pane.section_ids() if model.rowCount(model.index_for(sid)))
    index = model.index_for(parent)
    window.tree.collapse(index)
    qtbot.wait(20)
    arrow = _branch_ink(window, index, saturated=True)
    assert arrow, "no arrow drawn"
    height = max(y for _, y in arrow) - min(y for _, y in arrow)
    middle = min(y for _, y in arrow) + height // 2
    tip = min(x for x, y in arrow if abs(y - middle) <= 1)
    ends = [x for x, y in arrow if abs(y - middle) > height // 3]
    assert tip < min(ends)  # "<": the tip is on the left, toward the text
    # The connector of a plain item joins the vertical line to the item on its left.
    leaf = model.index_for(pane.section_ids()[0])
    line = _branch_ink(window, leaf, saturated=False)
    rect = window.tree.visualRect(leaf)
    row = [x for x, y in line if abs(y - rect.height() // 2) <= 2]
    assert row and min(row) <= 3, row  # it reaches the item's edge
def test_text_column_is_centred_with_a_readable_measure(
    qtbot: QtBot, sample_path: Path
) -> None:
    from reader.model import load_article

    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(1400, 700)
    pane.show()
    pane.set_article(load_article(sample_path))
    frame = pane.document().rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() > 300  # centred in a wide window
    lengths = []
    block = pane.document().begin()
    while block.isValid():
        layout = block.layout()
        if block.blockFormat().headingLevel() == 0 and layout.lineCount() > 2:
            lengths += [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]
        block = block.next()
    average = sum(lengths) / len(lengths)
    assert 60 <= average <= 80, average
    # Room after the text, so that the last heading can reach the top.
    assert frame.bottomMargin() > pane.viewport().height() * 0.8
