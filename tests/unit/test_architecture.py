"""Layering and repository hygiene rules that keep the project easy to change."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_FREE = ["reader/model", "reader/search", "reader/export", "reader/commands"]
# Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) make text look right but
# unsearchable; Arabic is stored as logical-order base letters.
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_model_search_export_and_commands_do_not_import_qt() -> None:
    offenders = []
    for folder in QT_FREE:
        for path in (ROOT / folder).rglob("*.py"):
            bad = {n for n in _imports(path) if n.split(".")[0] in {"PySide6", "qt_material"}}
            bad |= {n for n in _imports(path) if n.startswith("reader.ui")}
            if bad:
                offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert offenders == []


def test_repository_text_has_no_arabic_presentation_forms() -> None:
    offenders = []
    for folder in ["reader", "tests", "articles", "resources", "benchmarks", "packaging"]:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in {".py", ".txt", ".md", ".html", ".ts", ".desktop", ".xml"}:
                continue
            text = path.read_text(encoding="utf-8", errors="ignore")
            for m in PRESENTATION_FORMS.finditer(text):
                # Test inputs may hold them on purpose, spelled as escapes, never raw.
                offenders.append(f"{path.relative_to(ROOT)}: U+{ord(m.group()):04X}")
                break
    assert offenders == []


def test_version_is_declared_once() -> None:
    hits = [
        p.relative_to(ROOT)
        for p in (ROOT / "reader").rglob("*.py")
        if re.search(r"__version__\s*=\s*['\"]\d", p.read_text(encoding="utf-8"))
    ]
    assert hits == []
