"""What the PyInstaller bundle (packaging/qari.spec) carries besides Python modules.

Kept free of PyInstaller so tests/unit/test_bundle.py can check the list on every run, and
so the spec stays a short script. Destinations mirror the installed wheel: the sample
articles and resources land in ``reader/articles`` and ``reader/resources``, where
:mod:`reader.paths` looks first.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path, PurePosixPath

#: Distributions whose metadata the app reads at run time: qari for ``--version``,
#: fontpkg-amiri for the ``fontpkg.family`` entry point the PDF export resolves Amiri by.
METADATA = ("qari", "fontpkg", "fontpkg-amiri")

#: Imported by name at run time (reader.cli loads subcommands with importlib; fontpkg loads
#: the font package from its entry point; qt-material imports QtUiTools once PySide6 is in).
HIDDEN_IMPORTS = ("fontpkg_amiri", "PySide6.QtPrintSupport", "PySide6.QtSvg",
                  "PySide6.QtUiTools")

#: Qt modules and Python packages the reader never uses; left out to keep the bundle lean
#: (tests/unit/test_bundle.py checks that no module reader/ imports is among them).
EXCLUDES = (
    "tkinter", "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "pip",
    "setuptools", "pkg_resources", "pypdf",
    # Pillow comes with fpdf2; the export embeds no pictures, so its AVIF/WebP codecs (~7 MB
    # of libraries) and Tk/Qt bridges stay out. Its core (_imaging) remains for fpdf2.
    "PIL._avif", "PIL._webp", "PIL._imagingtk", "PIL.ImageTk", "PIL.ImageQt",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtDBus", "PySide6.QtConcurrent",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
    "PySide6.QtStateMachine", "PySide6.QtXml", "PySide6.QtSvgWidgets", "PySide6.Qt3DCore",
)

#: Qt plugins kept, per plugin folder; every other plugin is dropped. Platforms: offscreen
#: (export, screenshots, tests), xcb (X11) and wayland with the shell, decoration and buffer
#: plugins it loads; svg for qt-material's icons and the SVG window icon, jpeg, gif and webp
#: for the pictures of HTML/Markdown articles (PNG and BMP are built into QtGui; see
#: reader.ui.resource_policy); compose and ibus so Arabic can be typed into the search fields;
#: cups for printing.
QT_PLUGINS: dict[str, tuple[str, ...]] = {
    "platforms": ("libqoffscreen.so", "libqxcb.so", "libqwayland.so"),
    "xcbglintegrations": ("libqxcb-egl-integration.so", "libqxcb-glx-integration.so"),
    "wayland-shell-integration": ("libxdg-shell.so",),
    "wayland-decoration-client": ("libbradient.so",),
    "wayland-graphics-integration-client": ("libshm-emulation-server.so",
                                            "libqt-plugin-wayland-egl.so"),
    "imageformats": ("libqsvg.so", "libqjpeg.so", "libqgif.so", "libqwebp.so"),
    "iconengines": ("libqsvgicon.so",),
    "platforminputcontexts": ("libcomposeplatforminputcontextplugin.so",
                              "libibusplatforminputcontextplugin.so"),
    "printsupport": ("libcupsprintersupport.so",),
}


def keep_plugin(plugin_type: str, file_name: str) -> bool:
    """True for a Qt plugin listed in :data:`QT_PLUGINS`."""
    return file_name in QT_PLUGINS.get(plugin_type, ())


def keep_binary(dest: str) -> bool:
    """False for a Qt plugin outside :data:`QT_PLUGINS` (``dest`` as in PyInstaller's TOC)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    for i in range(1, len(parts) - 2):
        if parts[i - 1 : i + 1] == ("Qt", "plugins"):
            return keep_plugin(parts[i + 1], parts[-1])
    return True


def keep_data(dest: str) -> bool:
    """False for Qt translations other than Arabic and English (the interface languages)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if len(parts) < 3 or parts[-3:-1] != ("Qt", "translations"):
        return True
    return parts[-1].endswith(("_ar.qm", "_en.qm"))


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise SystemExit(f"bundle: the package {name} is not installed (run: make bundle)")
    return Path(spec.origin).parent


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source, folder in the bundle) pairs; ``root`` is the source tree."""
    amiri = _package_dir("fontpkg_amiri")
    material = _package_dir("qt_material")
    pairs = [
        (root / "articles", "reader/articles"),
        (root / "resources", "reader/resources"),
        (root / "reader" / "py.typed", "reader"),
        (amiri / "metadata.json", "fontpkg_amiri"),
        (amiri / "files", "fontpkg_amiri/files"),
        (material / "material.qss.template", "qt_material"),
        (material / "dock_theme.ui", "qt_material"),
        (material / "fonts", "qt_material/fonts"),
        (material / "themes", "qt_material/themes"),
        (material / "resources", "qt_material/resources"),
    ]
    return [(str(src), dest) for src, dest in pairs]
