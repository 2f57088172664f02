"""Packaging: every package folder is declared, data files are found, desktop files validate."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from reader import paths

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_folder_is_listed_in_pyproject() -> None:
    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "reader").rglob("__init__.py")
    }
    assert found <= declared, f"add to [tool.setuptools] packages: {sorted(found - declared)}"


def test_shipped_data_is_found() -> None:
    assert paths.sample_article().is_file()
    assert paths.icon_path().is_file()
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert paths.icon_path(size).is_file()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_entry_validates() -> None:
    proc = subprocess.run(
        ["desktop-file-validate", str(ROOT / "packaging" / "io.github.qari.Qari.desktop")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0 and "error" not in proc.stdout, proc.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream")
def test_metainfo_validates() -> None:
    proc = subprocess.run(
        ["appstreamcli", "validate", "--no-net",
         str(ROOT / "packaging" / "io.github.qari.Qari.metainfo.xml")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
