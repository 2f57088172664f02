"""The reading typeface: every Amiri weight from ``fontpkg-amiri``, registered once with Qt.

A fresh Linux machine may have no Arabic font at all; Amiri ships with the app so the article
is always set in a proper Naskh face with joined letters. Needs a QGuiApplication.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QFontDatabase

#: The family name the reading pane and the interface ask for.
READING_FAMILY = "Amiri"

_registered: list[str] | None = None


def amiri_files() -> list[Path]:
    """Amiri's font files (Regular, Bold, Italic, BoldItalic), regular first.

    Read from the ``fontpkg_amiri`` data package's own ``metadata.json``: asking
    ``fontpkg.path("Amiri")`` gives the same files but scans every installed package's
    metadata for font registrations (~20 ms of start-up); it remains the fallback.
    """
    try:
        import fontpkg_amiri

        root = Path(fontpkg_amiri.ROOT)
        meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
        files = [
            (f.get("weight") != 400 or f.get("style") != "normal", root / f["path"])
            for f in meta["files"]
            if not f.get("variable")
        ]
        found = [path for _, path in sorted(files) if path.is_file()]
        if found:
            return found
    except (ImportError, OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    import fontpkg

    regular = Path(fontpkg.path("Amiri"))
    others = sorted(p for p in regular.parent.glob("Amiri-*.ttf") if p != regular)
    return [regular, *others]


def register_fonts() -> list[str]:
    """Register every Amiri file with Qt (once per process); return the family names found.

    An empty list means no Amiri file could be loaded: Qt then falls back to whatever
    Arabic-capable font the system has.
    """
    global _registered
    if _registered is not None:
        return _registered
    families: list[str] = []
    try:
        files = amiri_files()
    except (ImportError, OSError):
        files = []
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id)
                            if f not in families)
    _registered = families
    return families


_ui_registered = False


def register_ui_fonts(lang: str) -> None:
    """For the English interface, register qt-material's Roboto (the Arabic one uses Amiri)."""
    global _ui_registered
    if lang == "ar" or _ui_registered:
        return
    _ui_registered = True
    import importlib.util

    spec = importlib.util.find_spec("qt_material")
    if spec is None or spec.origin is None:
        return
    for path in sorted((Path(spec.origin).parent / "fonts" / "roboto").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
