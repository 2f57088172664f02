"""The PyInstaller bundle: what packaging/qari.spec puts in (checked on every run), and the
built one-folder app in dist/qari/ (checked when `make bundle` has built it from the current
sources: it exports the sample to a faithful PDF and starts offscreen)."""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from reader import paths
from reader.model import load_article
from reader.ui.fonts import amiri_files

from .test_export_support import fidelity, pdftotext

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "qari.spec"
BUNDLE = ROOT / "dist" / "qari"
EXE = BUNDLE / "qari"

sys.path.insert(0, str(PACKAGING))
import bundle_data  # noqa: E402

sys.path.remove(str(PACKAGING))


def _pyside_dir() -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent


# -- the spec and its data list (fast, always run) ------------------------------------------


def test_spec_parses_and_uses_the_data_list_and_entry_script() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "bundle_data"} <= names
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
    assert "qari_main.py" in strings and (PACKAGING / "qari_main.py").is_file()
    assert "qari" in strings  # the executable and folder name: dist/qari/qari


def test_bundle_carries_articles_resources_fonts_and_theme_data() -> None:
    pairs = bundle_data.data_files(ROOT)
    dests = {dest for _, dest in pairs}
    for src, _ in pairs:
        assert Path(src).exists(), src
    # reader.paths looks for the data beside the package first, as in the installed wheel.
    assert {f"reader/{paths.articles_dir().name}", f"reader/{paths.resources_dir().name}"} <= dests
    sources = [Path(src) for src, _ in pairs]
    for font in amiri_files():
        assert any(font == s or s in font.parents for s in sources), font
    assert {"qt_material", "qt_material/themes", "qt_material/resources"} <= dests


def test_metadata_and_hidden_imports_exist() -> None:
    for dist in bundle_data.METADATA:
        importlib.metadata.distribution(dist)  # raises when missing
    for name in bundle_data.HIDDEN_IMPORTS:
        assert importlib.util.find_spec(name) is not None, name


def test_no_module_the_reader_imports_is_excluded() -> None:
    imported: set[str] = set()
    for path in (ROOT / "reader").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        imported |= set(re.findall(r"\b(PySide6\.Qt\w+)", text))
        imported |= set(re.findall(r"^\s*(?:from|import) (\w+)", text, re.MULTILINE))
    assert "PySide6.QtWidgets" in imported
    assert not imported & set(bundle_data.EXCLUDES)


def test_kept_qt_plugins_exist_in_the_installed_pyside() -> None:
    """A PySide6 update that renames a plugin must not silently drop it from the bundle."""
    plugins = _pyside_dir() / "Qt" / "plugins"
    for kind, files in bundle_data.QT_PLUGINS.items():
        for name in files:
            assert (plugins / kind / name).is_file(), f"{kind}/{name}"


def test_every_picture_format_the_reading_pane_loads_has_its_qt_plugin() -> None:
    from reader.ui.resource_policy import IMAGE_SUFFIXES

    built_in = {".png", ".bmp"}  # in QtGui itself
    plugin = {".jpg": "libqjpeg.so", ".jpeg": "libqjpeg.so", ".gif": "libqgif.so",
              ".webp": "libqwebp.so", ".svg": "libqsvg.so"}
    kept = bundle_data.QT_PLUGINS["imageformats"]
    for suffix in IMAGE_SUFFIXES - built_in:
        assert plugin.get(suffix) in kept, suffix


def test_plugin_and_translation_filters() -> None:
    keep = bundle_data.keep_binary
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/imageformats/libqsvg.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqeglfs.so")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not keep("PySide6/Qt/plugins/sqldrivers/libqsqlite.so")
    assert keep("PySide6/Qt/lib/libQt6Gui.so.6") and keep("libpython3.11.so.1.0")
    assert bundle_data.keep_data("PySide6/Qt/translations/qtbase_ar.qm")
    assert not bundle_data.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert bundle_data.keep_data("reader/resources/icons/qari.svg")


def test_make_bundle_builds_from_the_spec_with_the_bundle_extra() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^bundle:", makefile, re.MULTILINE)
    assert "packaging/qari.spec" in makefile and ".[bundle]" in makefile
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    assert any(req.startswith("pyinstaller") for req in extras["bundle"])
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "dist/" in ignored and "build/" in ignored


# -- the built bundle (when `make bundle` built it from these sources) ----------------------


def _stale_reason() -> str | None:
    if not EXE.is_file():
        return "no bundle in dist/qari: run `make bundle` to test it"
    built = EXE.stat().st_mtime
    sources = [*(ROOT / "reader").rglob("*.py"), *PACKAGING.glob("*.py"), SPEC,
               *(ROOT / "articles").iterdir(), *(ROOT / "resources").rglob("*")]
    newer = [p for p in sources if p.stat().st_mtime > built]
    if newer:
        return f"dist/qari is older than {newer[0].relative_to(ROOT)}: run `make bundle` again"
    return None


needs_bundle = pytest.mark.skipif(_stale_reason() is not None, reason=str(_stale_reason()))


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    full_env.update(QT_QPA_PLATFORM="offscreen", **env)
    return subprocess.run([str(EXE), *args], env=full_env, capture_output=True, text=True,
                          timeout=120, cwd=BUNDLE.parent)


def _bundled_sample() -> Path:
    found = list(BUNDLE.rglob(f"reader/articles/{paths.SAMPLE_NAME}"))
    assert len(found) == 1, found
    return found[0]


@needs_bundle
def test_bundle_exports_the_sample_to_a_faithful_pdf(tmp_path: Path) -> None:
    out = tmp_path / "sample.pdf"
    proc = _run("export", str(_bundled_sample()), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    source = paths.sample_article().read_text(encoding="utf-8-sig")
    recall, pair_order = fidelity(source, pdftotext(out))
    assert recall >= 0.99 and pair_order >= 0.98, (recall, pair_order)


@needs_bundle
def test_bundle_prints_the_outline_and_its_version() -> None:
    proc = _run("outline", str(_bundled_sample()))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == load_article(paths.sample_article()).title
    version = _run("--version")
    assert version.stdout.strip() == f"qari {importlib.metadata.version('qari')}"


@needs_bundle
def test_bundle_reports_a_missing_file_in_one_line(tmp_path: Path) -> None:
    proc = _run("export", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out.pdf"))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert not (tmp_path / "out.pdf").exists()


@needs_bundle
def test_bundle_window_starts_offscreen_and_paints(tmp_path: Path) -> None:
    home = {var: str(tmp_path / var) for var in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                                  "XDG_DATA_HOME", "XDG_STATE_HOME")}
    proc = _run(str(_bundled_sample()), QARI_EXIT_AFTER_FIRST_PAINT="1", **home)
    assert proc.returncode == 0, proc.stderr
    assert "painted" in proc.stdout.split()
    assert "Traceback" not in proc.stderr, proc.stderr


@needs_bundle
def test_bundle_leaves_out_unused_qt_plugins() -> None:
    plugins = {p.relative_to(p.parents[1]).as_posix() for p in BUNDLE.rglob("plugins/*/*.so")}
    kept = {f"{kind}/{name}" for kind, files in bundle_data.QT_PLUGINS.items() for name in files}
    assert plugins and plugins <= kept, sorted(plugins - kept)
    assert not list(BUNDLE.rglob("pytest")) and not list(BUNDLE.rglob("hypothesis"))
