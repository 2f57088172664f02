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
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

#: Bump when the way stylesheets are built changes, so old disk caches are ignored.
_CACHE_FORMAT = "3"


@dataclass(frozen=True)
class Theme:
    """A theme: the qt-material file for the chrome and the reading pane's colours."""

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
                if self.current is None:
                    self.app.setStyle("Fusion")  # what qt-material's apply_stylesheet does
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
        _mirror_branch_icons(folder)
        return _ICON_URL.sub(lambda m: f'url("{folder.as_posix()}/{m.group(1)}")', sheet)


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
