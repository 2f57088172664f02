"""Light, sepia and dark themes: qt-material for the chrome, the reading pane's own typography.

qt-material's ``build_stylesheet`` costs 0.1-0.17 s (Jinja compiles its template each call)
and writes icon files, so each theme's stylesheet is built at most once: kept in memory, and
on disk under the cache folder with its icons (keyed by qt-material's template, so an upgrade
rebuilds it). Switching themes is then one ``app.setStyleSheet`` call. Icon URLs are rewritten
to absolute quoted paths so two themes never share a cached icon. Sepia has no qt-material
theme: it is the light chrome (the same cached stylesheet) with its own page colours, so
switching between light and sepia only restyles the reading pane.

Every page's text colours keep a WCAG contrast ratio (:func:`contrast_ratio`) of at least 7:1
for body text (AAA) and 4.5:1 for muted text and links, checked by a test.

qt-material paints every ``QTextEdit`` in its accent colour with Roboto 13 px; the reading
pane escapes that with a stylesheet on its object name (:func:`pane_stylesheet`). In a
right-to-left window qt-material's closed-branch arrows still point right and its branch lines
reach away from the items; :func:`_rtl_branch_fix` adds mirrored copies of those images.

Start-up costs kept down here (measured with callgrind on the sample article's first paint):
qt-material's icons are Inkscape files, ~8 KB each of editor metadata and invisible guide
shapes around a few visible ones, and Qt parses each one two or three times before the first
frame; :func:`_slim_svg` drops what cannot paint (the same pixels, a fifth of the bytes: ~8 ms
less). And :func:`new_application` starts the QApplication in Fusion: ``app.setStyle`` would
return a QStyle, for which PySide builds the Python type and its ~15 enums (~5 ms).
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

#: Bump when the way stylesheets are built changes, so old disk caches are ignored.
_CACHE_FORMAT = "4"
#: The widget style qt-material's sheets are drawn over (its apply_stylesheet sets it too).
STYLE = "Fusion"
#: Dynamic property of a QApplication made by :func:`new_application` (already in STYLE).
_STYLE_PROPERTY = "qariStyle"


def new_application(argv: Sequence[str]) -> QApplication:
    """A QApplication that starts in :data:`STYLE` (``-style`` on its command line), so the
    theme manager need not call ``setStyle`` (see the module docstring)."""
    app = QApplication([*argv[:1], "-style", STYLE])
    app.setProperty(_STYLE_PROPERTY, STYLE)
    return app


class Theme(NamedTuple):
    """A theme: the qt-material file for the chrome and the reading pane's colours.

    (A NamedTuple rather than a frozen dataclass: the same immutable value, made at import
    without the ~0.5 ms of generated code a dataclass costs every start.)
    """

    name: str
    material_xml: str
    invert_secondary: bool
    text: str
    background: str
    muted: str
    link: str
    selection: str
    selection_text: str
    #: The qt-material chrome it uses (a theme name); empty: its own.
    chrome: str = ""

    @property
    def chrome_name(self) -> str:
        return self.chrome or self.name


THEMES: dict[str, Theme] = {
    "light": Theme(
        "light", "light_blue.xml", True,
        text="#1b1b1b", background="#ffffff", muted="#5c5c5c", link="#1a5fb4",
        selection="#b3d4fc", selection_text="#111111",
    ),
    "sepia": Theme(
        "sepia", "light_blue.xml", True,
        text="#3b2e1e", background="#f4ecd8", muted="#674f32", link="#7a3f00",
        selection="#e0c9a0", selection_text="#2f2418", chrome="light",
    ),
    "dark": Theme(
        "dark", "dark_blue.xml", False,
        text="#e4e4e0", background="#1d1f21", muted="#a0a0a0", link="#8cb4ff",
        selection="#3a5f8f", selection_text="#ffffff",
    ),
}  # fmt: skip

_ICON_URL = re.compile(r"url\(icon:/([^)]*)\)")


def ui_font_families(lang: str) -> str:
    """The font-family list for the interface chrome."""
    return "Amiri, Roboto" if lang == "ar" else "Roboto, Amiri"


def focus_rule(theme: Theme) -> str:
    """A keyboard focus that can be seen (issue 6): qt-material drops every focus outline
    (``*:focus {outline: none}``) and marks a focused button or tab only faintly, if at all.
    The frame is always there, clear until focused, so taking the focus moves nothing; a push
    button, already framed in the accent colour, gets a frame in the text colour."""
    frame = "QTabBar::tab, QToolButton, QCheckBox, QRadioButton"
    focused = "QTabBar::tab:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus"
    views = "QTreeView:focus, QListView:focus, QTableView:focus, QLineEdit:focus"
    return (
        f"\n{frame} {{ border: 2px solid transparent; }}"
        f"\n{focused}, {views} {{ border: 2px solid {theme.link}; }}"
        f"\nQPushButton:focus {{ border-color: {theme.text}; }}\n"  # framed in the accent
    )


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""

    def luminance(colour: str) -> float:
        value = colour.lstrip("#")
        channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def pane_stylesheet(theme: Theme, font_px: int, family: str = "Amiri") -> str:
    """The reading pane's own stylesheet: ``family`` (Amiri behind it for missing letters) at
    ``font_px``, the theme's page colours."""
    families = f'"{family}", Amiri' if family != "Amiri" else "Amiri"
    return (
        "QTextBrowser#readingPane {"
        f" font-family: {families}; font-size: {font_px}px; font-weight: normal;"
        f" color: {theme.text}; background-color: {theme.background};"
        f" selection-background-color: {theme.selection};"
        f" selection-color: {theme.selection_text};"
        " border: none; border-radius: 0px; padding: 0px; margin: 0px; }"
    )


class ThemeManager:
    """Builds each theme's application stylesheet once and switches between them."""

    def __init__(self, app: QApplication, cache_dir: Path, lang: str = "ar") -> None:
        self.app = app
        self._cache_dir = cache_dir
        self.lang = lang
        self._sheets: dict[str, str] = {}
        self.current: str | None = None

    def apply(self, name: str) -> Theme:
        """Make ``name`` the application's theme (unknown names fall back to light); the
        application stylesheet is set only when the chrome changes (not light ↔ sepia)."""
        theme = THEMES.get(name, THEMES["light"])
        if theme.name != self.current:
            previous = THEMES.get(self.current or "")
            if previous is None or previous.chrome_name != theme.chrome_name:
                if self.current is None and self.app.property(_STYLE_PROPERTY) != STYLE:
                    self.app.setStyle(STYLE)  # what qt-material's apply_stylesheet does
                self.app.setStyleSheet(self.stylesheet(theme.name))
            self.current = theme.name
        return theme

    def stylesheet(self, name: str) -> str:
        """The full application stylesheet of theme ``name``, built at most once per chrome."""
        chrome = THEMES[THEMES[name].chrome_name]
        sheet = self._sheets.get(chrome.name)
        if sheet is None:
            sheet = self._load_or_build(chrome)
            if self.app.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                sheet += _rtl_branch_fix(self._theme_dir(chrome))
            sheet += focus_rule(chrome)
            self._sheets[chrome.name] = sheet
        return sheet

    # -- building --------------------------------------------------------------------

    def _extra(self) -> dict[str, str]:
        return {"font_family": ui_font_families(self.lang), "font_size": "15px"}

    def _theme_dir(self, theme: Theme) -> Path:
        spec = importlib.util.find_spec("qt_material")
        origin = Path(spec.origin) if spec and spec.origin else Path("qt_material")
        template = origin.parent / "material.qss.template"
        try:
            stat = template.stat()
            stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
        except OSError:
            stamp = "?"
        key = f"{_CACHE_FORMAT}|{origin}|{stamp}|{sorted(self._extra().items())}"
        digest = f"{zlib.crc32(key.encode('utf-8')):08x}"
        return self._cache_dir / "themes" / digest / theme.name

    def _load_or_build(self, theme: Theme) -> str:
        folder = self._theme_dir(theme)
        cached = folder / "style.qss"
        try:
            return cached.read_text(encoding="utf-8")
        except OSError:
            pass
        sheet = self._build(theme, folder)
        with contextlib.suppress(OSError):  # a read-only cache costs the next start-up time
            cached.write_text(sheet, encoding="utf-8")
        return sheet

    def _build(self, theme: Theme, folder: Path) -> str:
        import qt_material

        palette = self.app.palette()  # qt-material tints the palette's text; keep ours
        try:
            folder.mkdir(parents=True, exist_ok=True)
            sheet = qt_material.build_stylesheet(
                theme=theme.material_xml,
                invert_secondary=theme.invert_secondary,
                extra=self._extra(),
                parent=str(folder),
            )
        except OSError:
            sheet = None
        finally:
            self.app.setPalette(palette)
        if not sheet:
            return ""
        for icon in folder.rglob("*.svg"):
            with contextlib.suppress(OSError, ValueError):  # a bad icon stays as it was
                icon.write_text(_slim_svg(icon.read_text(encoding="utf-8")), encoding="utf-8")
        _mirror_branch_icons(folder)
        return _ICON_URL.sub(lambda m: f'url("{folder.as_posix()}/{m.group(1)}")', sheet)


_SVG_NS = "http://www.w3.org/2000/svg"
#: Namespaces of editor data (Inkscape, Sodipodi, RDF metadata): never painted.
_EDITOR_NS = (
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/",
)
_SHAPES = {f"{{{_SVG_NS}}}{t}" for t in ("path", "rect", "circle", "ellipse", "line",
                                          "polyline", "polygon")}
#: Containers whose shapes matter without painting (clip outlines, masks, reusable parts).
_KEEP_INSIDE = {f"{{{_SVG_NS}}}{t}" for t in ("defs", "clipPath", "mask", "pattern", "marker",
                                               "symbol")}
_CLEAR = re.compile(r"none|transparent|#[0-9a-fA-F]{6}00|#[0-9a-fA-F]{3}0")


def _namespace(name: str) -> str:
    return name[1:].partition("}")[0] if name.startswith("{") else ""


def _properties(element: Element) -> dict[str, str]:
    """Presentation attributes and ``style`` declarations (these win) of one element."""
    props = {k: v for k, v in element.attrib.items() if not k.startswith("{")}
    for decl in props.pop("style", "").split(";"):
        key, _, value = decl.partition(":")
        if value:
            props[key.strip()] = value.strip()
    return props


def _paints(props: dict[str, str], stroke: str) -> bool:
    """False for a shape that draws nothing: ``fill`` none (it defaults to black), a clear or
    no stroke (``stroke`` is the inherited one), no markers or filter."""
    if any(k.startswith("marker") or k == "filter" for k in props):
        return True
    return props.get("fill") != "none" or not _CLEAR.fullmatch(props.get("stroke", stroke))


def _slim_svg(text: str) -> str:
    """The same picture without editor data and shapes that paint nothing.

    Shapes are kept whenever that is not certain: inside clip paths, masks, markers and the
    like, when their id is referenced, and in any file whose CSS could paint them.
    """
    import xml.etree.ElementTree as ET

    ET.register_namespace("", _SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(text)
    referenced = set(re.findall(r"#([\w.-]+)", text))
    css = " ".join(el.text or "" for el in root.iter(f"{{{_SVG_NS}}}style"))
    styled = any(word in css for word in ("fill", "stroke", "marker", "filter"))

    def clean(parent: Element, keep_shapes: bool, stroke: str) -> None:
        for child in list(parent):
            drop = _namespace(child.tag) in _EDITOR_NS or child.tag == f"{{{_SVG_NS}}}metadata"
            props = _properties(child)
            if not drop and not keep_shapes and child.tag in _SHAPES and not len(child):
                drop = not _paints(props, stroke) and child.get("id") not in referenced
            if drop:
                parent.remove(child)
            else:
                inside = keep_shapes or child.tag in _KEEP_INSIDE
                clean(child, inside, props.get("stroke", stroke))
        for name in [n for n in parent.attrib if _namespace(n) in _EDITOR_NS]:
            del parent.attrib[name]

    clean(root, styled, _properties(root).get("stroke", "none"))
    return ET.tostring(root, encoding="unicode")


_SVG_OPEN = re.compile(r"<svg\b[^>]*>", re.S)
_VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+\s+[-\d.]+\s+([-\d.]+)')


def _mirror_svg(source: Path, target: Path) -> None:
    text = source.read_text(encoding="utf-8")
    opening = _SVG_OPEN.search(text)
    box = _VIEWBOX.search(text)
    if opening is None or box is None:
        target.write_text(text, encoding="utf-8")
        return
    width = box.group(1)
    end = text.rindex("</svg>")
    mirrored = (
        text[: opening.end()]
        + f'<g transform="matrix(-1,0,0,1,{width},0)">'
        + text[opening.end() : end]
        + "</g>"
        + text[end:]
    )
    target.write_text(mirrored, encoding="utf-8")


_MIRRORED = [
    ("primary", "branch-closed.svg"),
    ("disabled", "branch-closed.svg"),
    ("disabled", "branch-more.svg"),
    ("disabled", "branch-end.svg"),
]


def _mirror_branch_icons(folder: Path) -> None:
    for colour, name in _MIRRORED:
        source = folder / colour / name
        target = folder / "rtl" / colour / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            _mirror_svg(source, target)
        except (OSError, ValueError):
            continue


def _rtl_branch_fix(folder: Path) -> str:
    """Rules that point closed-branch arrows left and draw branch lines toward the item."""
    rtl = f"{folder.as_posix()}/rtl"
    return f"""
/* Qari: qt-material's tree branches, mirrored for right-to-left layout */
QTreeView::branch:closed:has-children:has-siblings,
QTreeView::branch:closed:has-children:!has-siblings {{
  image: url("{rtl}/primary/branch-closed.svg");
}}
QTreeView::branch:closed:has-children:has-siblings:disabled,
QTreeView::branch:closed:has-children:!has-siblings:disabled {{
  image: url("{rtl}/disabled/branch-closed.svg");
}}
QTreeView::branch:has-siblings:adjoins-item {{
  border-image: url("{rtl}/disabled/branch-more.svg") 0;
}}
QTreeView::branch:!has-children:!has-siblings:adjoins-item,
QTreeView::branch:has-children:!has-siblings:adjoins-item {{
  border-image: url("{rtl}/disabled/branch-end.svg") 0;
}}
"""
