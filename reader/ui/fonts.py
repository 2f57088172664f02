"""Reading typefaces: Amiri (always there), other Arabic faces from fontpkg packages or the
system, each registered with Qt only when it is used.

A fresh Linux machine may have no Arabic font at all; Amiri ships with the app so the article
is always set in a proper Naskh face with joined letters. Other faces (:func:`reading_faces`):
installed ``fontpkg-*`` packages whose metadata lists the Arabic subset (found through their
``fontpkg.family`` entry points and ``metadata.json``, without importing them; the optional
``fonts`` extra installs Noto Sans Arabic), and system fonts whose writing systems include
Arabic. Listing them costs a scan of the installed packages' entry points, so it happens when
the settings dialog opens, not at start-up. Needs a QGuiApplication.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import NamedTuple

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


# -- other reading faces -----------------------------------------------------------------------


class PackagedFace(NamedTuple):
    """An Arabic family shipped by an installed fontpkg package (not registered yet)."""

    family: str
    files: tuple[Path, ...]


def _package_face(module: str) -> PackagedFace | None:
    """The face of fontpkg module ``module`` if it covers Arabic (read without importing)."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    try:
        meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
        if "arabic" not in meta.get("subsets", []):
            return None
        files = tuple(root / f["path"] for f in meta["files"])
        return PackagedFace(str(meta["family"]), tuple(p for p in files if p.is_file()))
    except (OSError, ValueError, KeyError, TypeError):
        return None


_packaged: dict[str, PackagedFace] | None = None


def packaged_faces(refresh: bool = False) -> dict[str, PackagedFace]:
    """Family name → face, for every installed fontpkg package with Arabic letters."""
    global _packaged
    if _packaged is None or refresh:
        # Imported here: importlib.metadata costs ~25 ms, and start-up never needs it.
        from importlib.metadata import entry_points

        found: dict[str, PackagedFace] = {}
        for entry in entry_points(group="fontpkg.family"):
            face = _package_face(entry.value.split(":")[0].strip())
            if face is not None and face.files:
                found.setdefault(face.family, face)
        _packaged = found
    return _packaged


def system_arabic_families() -> list[str]:
    """Families Qt knows (system and registered) whose writing systems include Arabic."""
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.Arabic))


def reading_faces() -> list[str]:
    """Every face offered for reading: Amiri first, then packaged faces, then system ones."""
    faces = [READING_FAMILY]
    for family in sorted(packaged_faces()):
        if family not in faces:
            faces.append(family)
    for family in sorted(system_arabic_families()):
        if family not in faces and not QFontDatabase.isPrivateFamily(family):
            faces.append(family)
    return faces


_loaded_faces: dict[str, bool] = {}


def ensure_face(family: str) -> bool:
    """Make ``family`` usable (registering a packaged face's files on first use); False when
    it is neither Amiri, nor packaged, nor installed on the system."""
    if family == READING_FAMILY:
        return bool(register_fonts()) or family in QFontDatabase.families()
    known = _loaded_faces.get(family)
    if known is not None:
        return known
    if family in QFontDatabase.families():
        _loaded_faces[family] = True
        return True
    face = packaged_faces().get(family)
    ok = False
    if face is not None:
        for path in face.files:
            font_id = QFontDatabase.addApplicationFont(str(path))
            ok |= font_id >= 0 and family in QFontDatabase.applicationFontFamilies(font_id)
    _loaded_faces[family] = ok
    return ok
