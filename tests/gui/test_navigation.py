"""Section tree ↔ reading pane: contents, clicks, Enter, scroll-spy, keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.model import load_article
from reader.ui.reading_pane import ReadingPane
from reader.ui.section_model import ROOT_ID, SECTION_ID_ROLE, SectionModel

from .conftest import MakeWindow
from .helpers import heading_top, pane_of, text_at_top

TOLERANCE = 3  # pixels


def test_tree_shows_title_as_root_and_the_eight_sections(
    make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path], show=False)
    article = load_article(sample_path)
    model = window.tree.model()
    assert model.rowCount() == 1
    root = model.index(0, 0)
    assert root.data() == article.title
    assert root.data(SECTION_ID_ROLE) == ROOT_ID
    headings = [model.index(r, 0, root).data() for r in range(model.rowCount(root))]
    assert headings == [s.heading for s in article.headed_sections()]
    assert len(headings) == 8
    ids = [model.index(r, 0, root).data(SECTION_ID_ROLE) for r in range(8)]
    assert ids == [s.id for s in article.headed_sections()]
    assert window.windowTitle().startswith(article.title)


def test_section_model_passes_the_model_tester(qtmodeltester, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    article = load_article(data_dir / "md_front_matter.md")  # nested headings
    model = SectionModel(article)
    qtmodeltester.check(model, force_py=True)
    for section in article.headed_sections():
        assert model.section_id(model.index_for(section.id)) == section.id


def _click_section(qtbot: QtBot, window, section_id: int) -> None:  # type: ignore[no-untyped-def]
    pane = pane_of(window)
    index = pane.section_model.index_for(section_id)
    window.tree.scrollTo(index)
    rect = window.tree.visualRect(index)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.parametrize("position", [2, 0, 7])
def test_clicking_a_section_brings_its_heading_to_the_top(
    qtbot: QtBot, make: MakeWindow, sample_path: Path, position: int
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    section_id = pane.section_ids()[position]  # 7: the last one needs room after it
    _click_section(qtbot, window, section_id)
    value = pane.verticalScrollBar().value()
    assert value > 0
    assert abs(heading_top(pane, section_id) - value) <= TOLERANCE
    heading = pane.article.sections[section_id].heading  # type: ignore[union-attr]
    assert text_at_top(pane) == heading
    assert window.selected_section() == section_id


def test_enter_on_a_tree_item_brings_its_heading_to_the_top(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    target = pane.section_ids()[4]
    window.tree.setFocus()
    window.tree.setCurrentIndex(pane.section_model.index_for(target))  # type: ignore[union-attr]
    assert pane.verticalScrollBar().value() == 0  # moving in the tree alone does not scroll
    qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    assert abs(heading_top(pane, target) - pane.verticalScrollBar().value()) <= TOLERANCE


def test_scrolling_selects_the_section_being_read(make: MakeWindow, sample_path: Path) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    bar = pane.verticalScrollBar()
    ids = pane.section_ids()
    sixth = heading_top(pane, ids[5])
    bar.setValue(int(sixth) + 40)  # inside the sixth section
    assert window.selected_section() == ids[5]
    assert window.section_label.text() == "القسم ٦ من ٨"
    assert bar.value() == int(sixth) + 40  # selecting in the tree did not move the text
    bar.setValue(int(sixth) - 20)  # just above its heading: still the fifth
    assert window.selected_section() == ids[4]
    bar.setValue(0)
    assert window.selected_section() == ROOT_ID
    assert window.section_label.text() == "بداية المقالة"


def test_scrolling_does_no_layout_work(
    monkeypatch: pytest.MonkeyPatch, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum())  # the first visit measures the headings on the way
    bar.setValue(0)
    calls: list[int] = []
    monkeypatch.setattr(pane, "recompute_positions", lambda: calls.append(1))
    monkeypatch.setattr(pane, "_line_top", lambda *a: calls.append(1) or 0.0)
    for value in range(0, bar.maximum(), 3):
        bar.setValue(value)
    assert calls == []
    assert window.selected_section() == pane.section_at_top()


def _press(qtbot: QtBot, widget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, key, modifier)


def test_keyboard_moves_between_sections(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    pane.setFocus()
    ids = pane.section_ids()
    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier

    def at_top() -> int:
        return pane.section_at_top()

    _press(qtbot, pane, Qt.Key.Key_PageDown, ctrl)
    assert at_top() == ids[0]
    _press(qtbot, pane, Qt.Key.Key_PageDown, ctrl)
    assert at_top() == ids[1]
    _press(qtbot, pane, Qt.Key.Key_Down, alt)
    assert at_top() == ids[2]
    assert abs(heading_top(pane, ids[2]) - pane.verticalScrollBar().value()) <= TOLERANCE
    _press(qtbot, pane, Qt.Key.Key_Up, alt)
    assert at_top() == ids[1]
    _press(qtbot, pane, Qt.Key.Key_PageUp, ctrl)
    assert at_top() == ids[0]
    _press(qtbot, pane, Qt.Key.Key_PageUp, ctrl)
    assert at_top() == ROOT_ID
    # Inside a section, "previous" first goes back to its own heading.
    pane.verticalScrollBar().setValue(int(heading_top(pane, ids[3])) + 30)
    _press(qtbot, pane, Qt.Key.Key_PageUp, ctrl)
    assert abs(heading_top(pane, ids[3]) - pane.verticalScrollBar().value()) <= TOLERANCE


def test_home_end_and_f6(qtbot: QtBot, make: MakeWindow, sample_path: Path) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    pane.setFocus()
    ids = pane.section_ids()
    qtbot.keyClick(pane, Qt.Key.Key_End)
    assert pane.section_at_top() == ids[-1]
    assert window.selected_section() == ids[-1]
    last_text = pane.document().lastBlock()
    bottom = pane.document().documentLayout().blockBoundingRect(last_text).bottom()
    assert pane.verticalScrollBar().value() + pane.viewport().height() >= bottom
    qtbot.keyClick(pane, Qt.Key.Key_Home)
    assert pane.verticalScrollBar().value() == 0
    assert window.selected_section() == ROOT_ID

    qtbot.keyClick(pane, Qt.Key.Key_F6)
    assert window.tree.hasFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F6)
    assert pane.hasFocus()


def test_tree_arrow_keys_move_the_selection(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane = pane_of(window)
    window.tree.setFocus()
    window.tree.setCurrentIndex(pane.section_model.index_for(ROOT_ID))  # type: ignore[union-attr]
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    assert window.selected_section() == pane.section_ids()[1]


def test_position_survives_resize_and_zoom(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    window = make([sample_path])
    pane: ReadingPane = pane_of(window)
    target = pane.section_ids()[5]
    pane.scroll_to_section(target)
    width = pane.viewport().width()
    window.resize(700, 600)
    qtbot.waitUntil(lambda: pane.viewport().width() < width)
    assert pane.section_at_top() == target
    assert abs(heading_top(pane, target) - pane.verticalScrollBar().value()) <= TOLERANCE
    window.zoom_in()
    window.zoom_in()
    assert pane.zoom == 120
    assert pane.section_at_top() == target
    assert abs(heading_top(pane, target) - pane.verticalScrollBar().value()) <= TOLERANCE


def test_ctrl_wheel_zooms_through_the_window(
    qtbot: QtBot, make: MakeWindow, sample_path: Path
) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    window = make([sample_path])
    pane = pane_of(window)
    assert pane.hasFocus()  # the text has the keys from the start
    event = QWheelEvent(
        QPointF(50, 50), QPointF(pane.viewport().mapToGlobal(QPoint(50, 50))), QPoint(0, 0),
        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(pane.viewport(), event)
    assert window.zoom == 110 and pane.zoom == 110
    assert pane.font().pixelSize() == round(21 * 1.1)


def test_jumping_far_into_a_long_article_lands_on_the_heading(
    make: MakeWindow, tmp_path: Path
) -> None:
    """Qt lays a long document out in the background and widens the scroll range later:
    a jump to the last section must not be cut short by the range of the moment."""
    body = " ".join(["كلمة عربية في فقرة طويلة من المقالة."] * 40)
    text = "\n\n".join(f"القسم رقم {i}\n\n{body}" for i in range(600))
    path = tmp_path / "long.txt"
    path.write_text(f"مقالة طويلة جدا\n\n{text}\n", encoding="utf-8")
    window = make([path])
    pane = pane_of(window)
    last = pane.section_ids()[-1]
    assert len(pane.section_ids()) == 600
    pane.scroll_to_section(last)
    assert pane.section_at_top() == last
    assert abs(heading_top(pane, last) - pane.verticalScrollBar().value()) <= TOLERANCE
    assert window.selected_section() == last
