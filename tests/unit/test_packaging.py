"""Packaging: every package folder is declared, data files are found, desktop files validate."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtWidgets import QApplication

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


APP_ID = "io.github.qari.Qari"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _desktop_entry() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive (Name[ar])
    parser.read(ROOT / "packaging" / f"{APP_ID}.desktop", encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_entry_names_both_languages_and_the_article_types() -> None:
    entry = _desktop_entry()
    for key in ("Name", "GenericName", "Comment"):
        assert entry[key].isascii() and entry[key], key
        assert any("\u0600" <= ch <= "\u06ff" for ch in entry[f"{key}[ar]"]), key
    assert set(entry["MimeType"].strip(";").split(";")) == {"text/plain", "text/markdown",
                                                            "text/html"}
    assert entry["Exec"].split()[0] == "qari" and "%F" in entry["Exec"]
    assert entry["Icon"] == APP_ID


def test_metainfo_has_description_screenshot_and_release_notes() -> None:
    root = ElementTree.parse(ROOT / "packaging" / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findall("description/p") and root.findall("description/ul/li")
    image = root.findtext("screenshots/screenshot/image") or ""
    assert image.startswith("https://") and (ROOT / image.split("/main/", 1)[1]).is_file()
    release = root.find("releases/release")
    assert release is not None and release.findall("description/p")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert release.get("version") == version
    assert {m.text for m in root.findall("provides/mediatype")} == {
        "text/plain", "text/markdown", "text/html"
    }


def test_icons_are_the_svg_and_every_png_size() -> None:
    assert "<svg" in paths.icon_path().read_text(encoding="utf-8")
    for size in ICON_SIZES:
        png = paths.icon_path(size).read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = struct.unpack(">II", png[16:24])
        assert (width, height) == (size, size)


def test_the_app_window_icon_is_the_qari_icon(qapp: QApplication) -> None:
    from reader.ui.app import setup_application

    setup_application(qapp, "ar")
    icon = qapp.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert not image.isNull() and image.width() == 64
    assert image.pixelColor(32, 32).alpha() > 0  # the SVG really rendered


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_install_desktop_and_uninstall_desktop(tmp_path: Path) -> None:
    data = tmp_path / "share"
    other = data / "applications" / "someone-else.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    make = ["make", "-s", "-C", str(ROOT), f"DATA_HOME={data}"]

    proc = subprocess.run([*make, "install-desktop"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    installed = [
        data / "applications" / f"{APP_ID}.desktop",
        data / "metainfo" / f"{APP_ID}.metainfo.xml",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        *(data / "icons" / "hicolor" / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in ICON_SIZES),
    ]
    for path in installed:
        assert path.is_file(), path
    assert installed[0].read_bytes() == (ROOT / "packaging" / f"{APP_ID}.desktop").read_bytes()

    proc = subprocess.run([*make, "uninstall-desktop"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert not [p for p in installed if p.exists()]
    assert other.is_file()  # only Qari's files go
