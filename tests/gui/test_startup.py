"""Start-up: the public make_window, what `import reader` costs, and the start-up savings that
must not change what the window shows (slimmed theme icons, Fusion from the command line)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from reader import paths
from reader.model import load_article
from reader.ui.themes import ThemeManager, _slim_svg

SAMPLE = paths.sample_article()


def _python(code: str, **env: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )
    return out.stdout


def test_make_window_builds_the_window_with_the_article_without_showing_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from reader.app import make_window

    window = make_window([SAMPLE], settings_path=tmp_path / "qari.ini")
    qtbot.addWidget(window)
    assert isinstance(window, QMainWindow)
    assert not window.isVisible()
    article = load_article(SAMPLE)
    pane = window.current_pane()  # type: ignore[attr-defined]
    assert pane is not None and pane.path == SAMPLE.resolve()
    assert article.title.split()[0] in window.windowTitle()
    assert article.sections[1].paragraphs[0][:40] in pane.toPlainText()
    tree = window.tree  # type: ignore[attr-defined]
    root = tree.model().index(0, 0)
    headings = [tree.model().index(r, 0, root).data() for r in range(tree.model().rowCount(root))]
    assert headings == [" ".join((s.heading or "").split()) for s in article.headed_sections()]


def test_importing_reader_loads_neither_qt_nor_package_metadata() -> None:
    out = _python(
        "import sys, reader, reader.app, reader.cli\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'importlib.metadata',"
        " 'charset_normalizer'))))"
    )
    assert out.strip() == "[]"


def test_building_the_window_loads_no_metadata_detector_or_stylesheet_builder(
    tmp_path: Path,
) -> None:
    """Each of these costs milliseconds of every start and is needed only later, if at all:
    package metadata (``--version``, the typeface list), the legacy-encoding detector,
    qt-material's template engine (only when a theme's cache is first built), the book
    renderer (only for books) and the statistics module."""
    code = f"""
import sys
from reader.ui.app import make_window
from reader.ui.themes import new_application
app = new_application(["x"])
make_window([{str(SAMPLE)!r}], settings_path={str(tmp_path / "qari.ini")!r}, persist=False)
make_window([{str(SAMPLE)!r}], settings_path={str(tmp_path / "qari.ini")!r}, persist=False)
print(sorted(m for m in sys.modules if (m.split(".")[0] in
      ("importlib", "charset_normalizer", "jinja2", "qt_material", "email", "statistics")
      or m == "reader.ui.incremental_render")
      and m not in ("importlib", "importlib.util", "importlib.machinery", "importlib.abc",
                    "importlib._abc", "importlib._bootstrap", "importlib._bootstrap_external",
                    "importlib.resources", "importlib.resources.abc",
                    "importlib.resources._common", "importlib.resources._adapters")))
"""
    # The first window builds the theme cache (qt-material); the second reads it: only
    # what a normal start loads is checked, in a fresh process with the cache already there.
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    _python(code, **env)
    second = code.replace("make_window([", "# make_window([", 1)
    assert _python(second, **env).strip().splitlines()[-1] == "[]"


def test_version_is_the_installed_distributions() -> None:
    import reader

    assert reader.__version__ == version("qari")
    assert _python("import reader; print(reader.__version__)").strip() == version("qari")


def test_qari_version_still_prints_the_version() -> None:
    out = subprocess.run([sys.executable, "-m", "reader", "--version"], capture_output=True,
                         text=True, timeout=60, check=True)
    assert out.stdout.strip() == f"qari {version('qari')}"


def _render(svg: str, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter)
    painter.end()
    return image


def test_slimmed_theme_icons_paint_the_same_pixels(qapp: QApplication, tmp_path: Path) -> None:
    import qt_material

    before = qapp.palette()
    try:
        qt_material.build_stylesheet(theme="light_blue.xml", parent=str(tmp_path / "orig"))
    finally:
        qapp.setPalette(before)
    icons = sorted((tmp_path / "orig").rglob("*.svg"))
    assert len(icons) > 30
    original = slim = 0
    for icon in icons:
        text = icon.read_text(encoding="utf-8")
        slimmed = _slim_svg(text)
        original += len(text)
        slim += len(slimmed)
        for size in (16, 20, 32):
            assert _render(slimmed, size) == _render(text, size), f"{icon.name} at {size}px"
    assert slim < original / 3  # the point: far less to parse


def test_slim_svg_keeps_what_could_paint() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'
    # A stroke inherited from the group paints, even with no fill.
    inherited = svg.format('<g stroke="red"><path fill="none" d="M1 1 L9 9"/></g>')
    assert "<path" in _slim_svg(inherited)
    # An outline inside a clip path matters though it paints nothing itself.
    clip = svg.format('<clipPath id="c"><rect fill="none" width="5" height="5"/></clipPath>'
                      '<rect clip-path="url(#c)" width="9" height="9"/>')
    assert _slim_svg(clip).count("<rect") == 2
    # Fill none and a fully transparent stroke: nothing to paint, dropped.
    ghost = svg.format('<path style="fill:none;stroke:#ffffff00" d="M1 1 L9 9"/>')
    assert "<path" not in _slim_svg(ghost)


def test_theme_cache_holds_slim_icons(qapp: QApplication, tmp_path: Path) -> None:
    before = qapp.styleSheet()
    try:
        ThemeManager(qapp, tmp_path).stylesheet("light")
    finally:
        qapp.setStyleSheet(before)
    icons = list(tmp_path.rglob("*.svg"))
    assert icons
    assert not [p for p in icons if "sodipodi" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("made_by_qari", [True, False])
def test_the_theme_manager_sets_fusion_only_when_the_app_did_not_start_in_it(
    made_by_qari: bool,
) -> None:
    code = f"""
import json, tempfile, pathlib
from PySide6.QtWidgets import QApplication
from reader.ui.themes import ThemeManager, new_application
app = new_application(["x"]) if {made_by_qari} else QApplication(["x"])
style = app.style().name()
calls = []
real = app.setStyle
app.setStyle = lambda style: (calls.append(style), real(style))
ThemeManager(app, pathlib.Path(tempfile.mkdtemp())).apply("light")
print(json.dumps({{"calls": calls, "style": style}}))
"""
    out = json.loads(_python(code).strip().splitlines()[-1])
    assert out["style"] == "fusion"
    assert out["calls"] == ([] if made_by_qari else ["Fusion"])


def test_a_new_window_lays_the_text_and_the_tree_out_once_at_their_real_size(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """QTabWidget places its pages only once visible: without PresizedTabs the pane and the tree
    were first resized to a stale 256×192 while the window was shown, and the whole article was
    typeset at that width before the real one."""
    from PySide6.QtCore import QEvent, QObject

    from reader.app import make_window

    window = make_window([SAMPLE], settings_path=tmp_path / "qari.ini")
    qtbot.addWidget(window)
    pane = window.current_pane()  # type: ignore[attr-defined]
    tree = window.tree  # type: ignore[attr-defined]
    sizes: dict[str, list[tuple[int, int]]] = {"pane": [], "tree": []}

    class Sizes(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Resize:
                sizes["pane" if watched is pane else "tree"].append(event.size().toTuple())
            return False

    watcher = Sizes()
    pane.installEventFilter(watcher)
    tree.installEventFilter(watcher)
    window.resize(1100, 700)
    with qtbot.waitExposed(window):
        window.show()
    assert sizes["pane"] == [pane.size().toTuple()]
    assert sizes["tree"] == [tree.size().toTuple()]
    assert pane.width() > 600 and tree.width() > 200  # the real layout, not a stale one


def test_garbage_collection_is_off_while_the_window_starts_and_on_after_its_first_frame(
    tmp_path: Path,
) -> None:
    code = """
import gc, json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import reader.ui.app as ui
from reader.ui.first_frame import after_first_frame
seen = {}
real = ui.make_window
def make_window(*args, **kwargs):
    seen["building"] = gc.isenabled()
    window = real(*args, **kwargs)
    def later(_window):
        seen["after_first_frame"] = gc.isenabled()
        QApplication.quit()
    after_first_frame(window, lambda w: QTimer.singleShot(50, lambda: later(w)))
    return window
ui.make_window = make_window
from reader import cli
seen["before"] = gc.isenabled()
cli.main(["--new-instance", sys.argv[1]])
seen["after"] = gc.isenabled()
print(json.dumps(seen))
"""
    env = {f"XDG_{n}_HOME": str(tmp_path / n.lower()) for n in ("CONFIG", "CACHE", "STATE")}
    out = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLE)], capture_output=True, text=True,
        timeout=60, check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen == {"before": True, "building": False, "after_first_frame": True, "after": True}
